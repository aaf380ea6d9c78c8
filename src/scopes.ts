/**
 * Scope catalogues, kept as data in one module. Sources: the `ApiTokenCreate.scopes` enum of
 * the Dynatrace SDK (@dynatrace-sdk/client-classic-environment-v2, types/index.d.ts) and
 * https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication (classic);
 * https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication/account-api-authentication
 * and the `x-token-scopes` of the Account Management OpenAPI
 * (Dynatrace/dynatrace-configuration-as-code-core, gen/specs/account_management/spec.json);
 * the Monaco guides https://docs.dynatrace.com/docs/manage/configuration-as-code/monaco/guides/create-oauth-client
 * and https://docs.dynatrace.com/docs/deliver/configuration-as-code/monaco/guides/create-platform-token.
 *
 * Classic API token scopes are a closed enum that Dynatrace silently *drops* when it
 * does not know a name, so an unknown classic scope is always an error. Platform/OAuth
 * scopes grow with every platform service, so an unknown name in a known service is an
 * error, while a name in a service we have never heard of is let through with a warning.
 */

/** Creatable classic API token scopes (`ApiTokenCreate.scopes`, SDK 9.0.1). */
export const CLASSIC_SCOPES: readonly string[] = [
  'InstallerDownload',
  'DataExport',
  'PluginUpload',
  'SupportAlert',
  'AdvancedSyntheticIntegration',
  'ExternalSyntheticIntegration',
  'RumBrowserExtension',
  'LogExport',
  'ReadConfig',
  'WriteConfig',
  'DTAQLAccess',
  'UserSessionAnonymization',
  'DataPrivacy',
  'CaptureRequestData',
  'Davis',
  'DssFileManagement',
  'RumJavaScriptTagManagement',
  'TenantTokenManagement',
  'ActiveGateCertManagement',
  'RestRequestForwarding',
  'ReadSyntheticData',
  'DataImport',
  'syntheticExecutions.write',
  'syntheticExecutions.read',
  'auditLogs.read',
  'metrics.read',
  'metrics.write',
  'entities.read',
  'entities.write',
  'problems.read',
  'problems.write',
  'events.read',
  'events.ingest',
  'openpipeline.events',
  'openpipeline.events.custom',
  'openpipeline.events_security',
  'openpipeline.events_security.custom',
  'openpipeline.events_sdlc',
  'openpipeline.events_sdlc.custom',
  'openpipeline.events_smartscape',
  'bizevents.ingest',
  'networkZones.read',
  'networkZones.write',
  'activeGates.read',
  'activeGates.write',
  'activeGateTokenManagement.read',
  'activeGateTokenManagement.create',
  'activeGateTokenManagement.write',
  'agentTokenManagement.read',
  'credentialVault.read',
  'credentialVault.write',
  'extensions.read',
  'extensions.write',
  'extensionConfigurations.read',
  'extensionConfigurations.write',
  'extensionEnvironment.read',
  'extensionEnvironment.write',
  'metrics.ingest',
  'attacks.read',
  'attacks.write',
  'securityProblems.read',
  'securityProblems.write',
  'syntheticLocations.read',
  'syntheticLocations.write',
  'settings.read',
  'settings.write',
  'tenantTokenRotation.write',
  'slo.read',
  'slo.write',
  'releases.read',
  'apiTokens.read',
  'apiTokens.write',
  'openTelemetryTrace.ingest',
  'logs.read',
  'logs.ingest',
  'geographicRegions.read',
  'oneAgents.read',
  'oneAgents.write',
  'traces.lookup',
  'unifiedAnalysis.read',
  'hub.read',
  'hub.write',
  'hub.install',
  'javaScriptMappingFiles.read',
  'javaScriptMappingFiles.write',
  'extensionConfigurationActions.write',
  'rumCookieNames.read',
  'adaptiveTrafficManagement.read',
  'rumManualInsertionTags.read',
  'extensionDiscoveryJmx.read',
  'extensionDiscoveryPmi.read'
]

/** Legacy classic scopes that tokens may still carry but that can no longer be created. */
export const CLASSIC_LEGACY_SCOPES: readonly string[] = [
  'DiagnosticExport',
  'MemoryDump',
  'Mobile',
  'ViewDashboard',
  'ViewReport',
  'WriteSyntheticData'
]

/**
 * Account Management API scopes (OAuth clients), from
 * https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication/account-api-authentication
 * and the Account Management OpenAPI's `x-token-scopes`.
 */
export const ACCOUNT_SCOPES: readonly string[] = [
  'account-idm-read',
  'account-idm-write',
  'account-env-read',
  'account-env-write',
  'account-uac-read',
  'account-uac-write',
  'iam-policies-management',
  'iam:policies:read',
  'iam:policies:write',
  'iam:bindings:read',
  'iam:bindings:write',
  'iam:effective-permissions:read',
  'iam:boundaries:read',
  'iam:boundaries:write',
  'iam:limits:read',
  'sso-idm:account-limits:read',
  'platform-token:tokens:write',
  'platform-token:tokens:manage',
  'platform-token:tokens:read'
]

/**
 * Platform scopes (OAuth clients and platform tokens): the platform API docs on
 * docs.dynatrace.com and the Monaco OAuth-client and platform-token guides (see above).
 */
export const PLATFORM_SCOPES: readonly string[] = [
  'app-engine:apps:run',
  'app-engine:apps:install',
  'app-engine:apps:delete',
  'app-engine:functions:run',
  'app-engine:edge-connects:read',
  'app-engine:edge-connects:write',
  'app-engine:edge-connects:connect',
  'app-engine:edge-connects:delete',
  'automation:workflows:read',
  'automation:workflows:write',
  'automation:workflows:run',
  'automation:workflows:admin',
  'automation:calendars:read',
  'automation:calendars:write',
  'automation:rules:read',
  'automation:rules:write',
  'document:documents:read',
  'document:documents:write',
  'document:documents:delete',
  'document:documents:admin',
  'document:environment-shares:read',
  'document:environment-shares:write',
  'document:environment-shares:claim',
  'document:environment-shares:delete',
  'document:direct-shares:read',
  'document:direct-shares:write',
  'document:direct-shares:delete',
  'document:trash.documents:read',
  'document:trash.documents:restore',
  'document:trash.documents:delete',
  'settings:objects:read',
  'settings:objects:write',
  'settings:objects:admin',
  'settings:schemas:read',
  'app-settings:objects:read',
  'app-settings:objects:write',
  'slo:slos:read',
  'slo:slos:write',
  'slo:objective-templates:read',
  'storage:logs:read',
  'storage:logs:write',
  'storage:events:read',
  'storage:events:write',
  'storage:bizevents:read',
  'storage:metrics:read',
  'storage:spans:read',
  'storage:entities:read',
  'storage:smartscape:read',
  'storage:system:read',
  'storage:security.events:read',
  'storage:application.snapshots:read',
  'storage:user.events:read',
  'storage:user.sessions:read',
  'storage:user.replays:read',
  'storage:buckets:read',
  'storage:buckets:write',
  'storage:bucket-definitions:read',
  'storage:bucket-definitions:write',
  'storage:bucket-definitions:delete',
  'storage:bucket-definitions:truncate',
  'storage:fieldsets:read',
  'storage:fieldset-definitions:read',
  'storage:fieldset-definitions:write',
  'storage:filter-segments:read',
  'storage:filter-segments:write',
  'storage:filter-segments:share',
  'storage:filter-segments:delete',
  'storage:filter-segments:admin',
  'storage:records:delete',
  'openpipeline:configurations:read',
  'openpipeline:configurations:write',
  'api-tokens:tokens:read',
  'api-tokens:tokens:write',
  'environment-api:api-tokens:read',
  'environment-api:api-tokens:write',
  'hub:catalog:read',
  'state:app-states:read',
  'state:app-states:write',
  'state:app-states:delete',
  'state:user-app-states:read',
  'state:user-app-states:write',
  'state:user-app-states:delete',
  'notification:notifications:read',
  'notification:notifications:write',
  'email:emails:send',
  'davis:analyzers:read',
  'davis:analyzers:execute',
  'davis-copilot:conversations:execute',
  'davis-copilot:nl2dql:execute',
  'davis-copilot:dql2nl:execute',
  'davis-copilot:document-search:execute',
  'extensions:definitions:read',
  'extensions:definitions:write',
  'extensions:configurations:read',
  'extensions:configurations:write',
  'geolocation:locations:lookup',
  'unified-analysis:screen-definition:read',
  'iam:users:read',
  'iam:groups:read'
]

/** Cloud Automation was discontinued at the end of 2024; its scopes no longer work. */
export const RETIRED_SCOPE_PREFIXES: Readonly<Record<string, string>> = {
  'cloudautomation:':
    'Cloud Automation was discontinued at the end of 2024; use Site Reliability Guardian or Workflows (automation:*) instead'
}

/** Lists are read the same way everywhere (./inputs/fields.ts). */
export { parseList } from './inputs/fields.js'

export type ScopeKind = 'classic' | 'platform' | 'oauth'

export interface ScopeProblem {
  scope: string
  /** error: the request would fail or the scope would be dropped; warning: passed through. */
  severity: 'error' | 'warning'
  message: string
  suggestions: string[]
}

/** True when `scope` is in `kind`'s catalogue and not retired: checkScope (src/scope-check.ts) has nothing to say. */
export function isCurrentScope(scope: string, kind: ScopeKind): boolean {
  if (Object.keys(RETIRED_SCOPE_PREFIXES).some((p) => scope.startsWith(p)))
    return false
  if (kind === 'classic') return CLASSIC_SCOPES.includes(scope)
  return (
    PLATFORM_SCOPES.includes(scope) ||
    (kind === 'oauth' && ACCOUNT_SCOPES.includes(scope))
  )
}

/**
 * `table[key]` for the scope data tables (here and in src/audit/scope-data.ts) when `key` comes from a workflow: an own entry
 * only, never an inherited property such as `constructor` or `valueOf`.
 */
export function lookup<T>(
  table: Readonly<Record<string, T>>,
  key: string
): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
