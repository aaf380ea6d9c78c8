/**
 * Scope catalogues, kept as data in one module (dynatrace-api.md §2.1, §3.6, §4.3, §4.4).
 *
 * Classic API token scopes are a closed enum that Dynatrace silently *drops* when it
 * does not know a name, so an unknown classic scope is always an error. Platform/OAuth
 * scopes grow with every platform service, so an unknown name in a known service is an
 * error, while a name in a service we have never heard of is let through with a warning.
 */

/** Creatable classic API token scopes (`ApiTokenCreate.scopes`, SDK 9.0.1). */
export const CLASSIC_SCOPES: readonly string[] = [
  'InstallerDownload', 'DataExport', 'PluginUpload', 'SupportAlert',
  'AdvancedSyntheticIntegration', 'ExternalSyntheticIntegration',
  'RumBrowserExtension', 'LogExport', 'ReadConfig', 'WriteConfig',
  'DTAQLAccess', 'UserSessionAnonymization', 'DataPrivacy',
  'CaptureRequestData', 'Davis', 'DssFileManagement',
  'RumJavaScriptTagManagement', 'TenantTokenManagement',
  'ActiveGateCertManagement', 'RestRequestForwarding', 'ReadSyntheticData',
  'DataImport', 'syntheticExecutions.write', 'syntheticExecutions.read',
  'auditLogs.read', 'metrics.read', 'metrics.write', 'entities.read',
  'entities.write', 'problems.read', 'problems.write', 'events.read',
  'events.ingest', 'openpipeline.events', 'openpipeline.events.custom',
  'openpipeline.events_security', 'openpipeline.events_security.custom',
  'openpipeline.events_sdlc', 'openpipeline.events_sdlc.custom',
  'openpipeline.events_smartscape', 'bizevents.ingest', 'networkZones.read',
  'networkZones.write', 'activeGates.read', 'activeGates.write',
  'activeGateTokenManagement.read', 'activeGateTokenManagement.create',
  'activeGateTokenManagement.write', 'agentTokenManagement.read',
  'credentialVault.read', 'credentialVault.write', 'extensions.read',
  'extensions.write', 'extensionConfigurations.read',
  'extensionConfigurations.write', 'extensionEnvironment.read',
  'extensionEnvironment.write', 'metrics.ingest', 'attacks.read',
  'attacks.write', 'securityProblems.read', 'securityProblems.write',
  'syntheticLocations.read', 'syntheticLocations.write', 'settings.read',
  'settings.write', 'tenantTokenRotation.write', 'slo.read', 'slo.write',
  'releases.read', 'apiTokens.read', 'apiTokens.write',
  'openTelemetryTrace.ingest', 'logs.read', 'logs.ingest',
  'geographicRegions.read', 'oneAgents.read', 'oneAgents.write',
  'traces.lookup', 'unifiedAnalysis.read', 'hub.read', 'hub.write',
  'hub.install', 'javaScriptMappingFiles.read', 'javaScriptMappingFiles.write',
  'extensionConfigurationActions.write', 'rumCookieNames.read',
  'adaptiveTrafficManagement.read', 'rumManualInsertionTags.read',
  'extensionDiscoveryJmx.read', 'extensionDiscoveryPmi.read'
]

/** Legacy classic scopes that tokens may still carry but that can no longer be created. */
export const CLASSIC_LEGACY_SCOPES: readonly string[] = [
  'DiagnosticExport', 'MemoryDump', 'Mobile', 'ViewDashboard', 'ViewReport',
  'WriteSyntheticData'
]

/** Account Management API scopes (OAuth clients; dynatrace-api.md §2.1). */
export const ACCOUNT_SCOPES: readonly string[] = [
  'account-idm-read', 'account-idm-write', 'account-env-read',
  'account-env-write', 'account-uac-read', 'account-uac-write',
  'iam-policies-management', 'iam:policies:read', 'iam:policies:write',
  'iam:bindings:read', 'iam:bindings:write', 'iam:effective-permissions:read',
  'iam:boundaries:read', 'iam:boundaries:write', 'iam:limits:read',
  'sso-idm:account-limits:read', 'platform-token:tokens:write',
  'platform-token:tokens:manage', 'platform-token:tokens:read'
]

/** Platform scopes (OAuth clients and platform tokens; dynatrace-api.md §3.2, §4.3, docs). */
export const PLATFORM_SCOPES: readonly string[] = [
  'app-engine:apps:run', 'app-engine:apps:install', 'app-engine:apps:delete',
  'app-engine:functions:run', 'app-engine:edge-connects:read',
  'app-engine:edge-connects:write', 'app-engine:edge-connects:connect',
  'app-engine:edge-connects:delete',
  'automation:workflows:read', 'automation:workflows:write',
  'automation:workflows:run', 'automation:workflows:admin',
  'automation:calendars:read', 'automation:calendars:write',
  'automation:rules:read', 'automation:rules:write',
  'document:documents:read', 'document:documents:write',
  'document:documents:delete', 'document:documents:admin',
  'document:environment-shares:read', 'document:environment-shares:write',
  'document:environment-shares:claim', 'document:environment-shares:delete',
  'document:direct-shares:read', 'document:direct-shares:write',
  'document:direct-shares:delete', 'document:trash.documents:read',
  'document:trash.documents:restore', 'document:trash.documents:delete',
  'settings:objects:read', 'settings:objects:write', 'settings:objects:admin',
  'settings:schemas:read', 'app-settings:objects:read',
  'app-settings:objects:write',
  'slo:slos:read', 'slo:slos:write', 'slo:objective-templates:read',
  'storage:logs:read', 'storage:logs:write', 'storage:events:read',
  'storage:events:write', 'storage:bizevents:read', 'storage:metrics:read',
  'storage:spans:read', 'storage:entities:read', 'storage:smartscape:read',
  'storage:system:read', 'storage:security.events:read',
  'storage:application.snapshots:read', 'storage:user.events:read',
  'storage:user.sessions:read', 'storage:user.replays:read',
  'storage:buckets:read', 'storage:buckets:write',
  'storage:bucket-definitions:read', 'storage:bucket-definitions:write',
  'storage:bucket-definitions:delete', 'storage:bucket-definitions:truncate',
  'storage:fieldsets:read', 'storage:fieldset-definitions:read',
  'storage:fieldset-definitions:write', 'storage:filter-segments:read',
  'storage:filter-segments:write', 'storage:filter-segments:share',
  'storage:filter-segments:delete', 'storage:filter-segments:admin',
  'storage:records:delete',
  'openpipeline:configurations:read', 'openpipeline:configurations:write',
  'api-tokens:tokens:read', 'api-tokens:tokens:write',
  'environment-api:api-tokens:read', 'environment-api:api-tokens:write',
  'hub:catalog:read',
  'state:app-states:read', 'state:app-states:write', 'state:app-states:delete',
  'state:user-app-states:read', 'state:user-app-states:write',
  'state:user-app-states:delete',
  'notification:notifications:read', 'notification:notifications:write',
  'email:emails:send',
  'davis:analyzers:read', 'davis:analyzers:execute',
  'davis-copilot:conversations:execute', 'davis-copilot:nl2dql:execute',
  'davis-copilot:dql2nl:execute', 'davis-copilot:document-search:execute',
  'extensions:definitions:read', 'extensions:definitions:write',
  'extensions:configurations:read', 'extensions:configurations:write',
  'geolocation:locations:lookup', 'unified-analysis:screen-definition:read',
  'iam:users:read', 'iam:groups:read'
]

/** Deprecated or retired scopes, with what to use instead. */
export const DEPRECATED_SCOPES: Readonly<Record<string, string>> = {
  'environment-api:api-tokens:read': 'api-tokens:tokens:read',
  'environment-api:api-tokens:write': 'api-tokens:tokens:write'
}

/** Cloud Automation was discontinued at the end of 2024; its scopes no longer work. */
export const RETIRED_SCOPE_PREFIXES: Readonly<Record<string, string>> = {
  'cloudautomation:':
    'Cloud Automation was discontinued at the end of 2024; use Site Reliability Guardian or Workflows (automation:*) instead'
}

/** Split a list input: commas, whitespace or newlines; empty entries dropped, order kept, duplicates removed. */
export function parseList(text: string): string[] {
  const seen = new Set<string>()
  for (const item of text.split(/[\s,]+/)) {
    if (item !== '') seen.add(item)
  }
  return [...seen]
}

/** Levenshtein distance, case-insensitive so that `readconfig` finds `ReadConfig`. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i)
  for (let i = 1; i <= s.length; i++) {
    const cur = [i]
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
    }
    prev = cur
  }
  return prev[t.length]!
}

/** The closest catalogue entries to `name` (at most three), or none when nothing is close. */
export function suggest(name: string, catalogue: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3))
  return catalogue
    .map((candidate) => ({ candidate, d: editDistance(name, candidate) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate)
}

export type ScopeKind = 'classic' | 'platform' | 'oauth'

export interface ScopeProblem {
  scope: string
  /** error: the request would fail or the scope would be dropped; warning: passed through. */
  severity: 'error' | 'warning'
  message: string
  suggestions: string[]
}

function retiredReason(scope: string): string | undefined {
  for (const [prefix, reason] of Object.entries(RETIRED_SCOPE_PREFIXES)) {
    if (scope.startsWith(prefix)) return reason
  }
  return undefined
}

function didYouMean(suggestions: string[]): string {
  return suggestions.length > 0
    ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`
    : ''
}

/**
 * Check one scope against the catalogue for its kind. Returns undefined when it is known
 * and current. Deprecated scopes are not reported here (they still work); see DEPRECATED_SCOPES.
 */
export function checkScope(scope: string, kind: ScopeKind): ScopeProblem | undefined {
  const retired = retiredReason(scope)
  if (retired) {
    return { scope, severity: 'error', message: `"${scope}" is retired: ${retired}.`, suggestions: [] }
  }
  if (kind === 'classic') {
    if (CLASSIC_SCOPES.includes(scope)) return undefined
    if (CLASSIC_LEGACY_SCOPES.includes(scope)) {
      return { scope, severity: 'error', message: `"${scope}" is a legacy scope that can no longer be given to new tokens.`, suggestions: [] }
    }
    const suggestions = suggest(scope, CLASSIC_SCOPES)
    const platformHint =
      scope.includes(':') && suggestions.length === 0
        ? ' It looks like a platform scope: classic tokens take names such as "ReadConfig" or "settings.read"; use token-type: platform for platform scopes.'
        : ''
    return {
      scope,
      severity: 'error',
      message: `"${scope}" is not a classic API token scope.${didYouMean(suggestions)}${platformHint}`,
      suggestions
    }
  }
  const catalogue = kind === 'oauth' ? [...PLATFORM_SCOPES, ...ACCOUNT_SCOPES] : PLATFORM_SCOPES
  if (catalogue.includes(scope)) return undefined
  const suggestions = suggest(scope, catalogue)
  const service = scope.includes(':') ? scope.slice(0, scope.indexOf(':') + 1) : undefined
  const knownService = service !== undefined && catalogue.some((s) => s.startsWith(service))
  if (suggestions.length > 0 || knownService || !/^[a-z0-9.-]+(:[a-z0-9.-]+){2}$/.test(scope)) {
    const classicHint =
      kind === 'platform' && CLASSIC_SCOPES.includes(scope)
        ? ' It is a classic API token scope: use token-type: classic for it.'
        : ''
    return {
      scope,
      severity: 'error',
      message: `"${scope}" is not a known ${kind === 'oauth' ? 'OAuth' : 'platform token'} scope.${didYouMean(suggestions)}${classicHint}`,
      suggestions
    }
  }
  return {
    scope,
    severity: 'warning',
    message: `"${scope}" is not in this action's scope catalogue (service "${scope.split(':')[0]}" is unknown to it); it is passed to Dynatrace unchecked.`,
    suggestions: []
  }
}
