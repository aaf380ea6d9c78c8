/**
 * Every config type Monaco deploys today, with the token scopes it needs and where that is
 * written down. Data only: the reader (project.ts) and the deploy rules (deploy.ts) look
 * types up here; nothing is guessed — a type whose scopes no public source states is
 * listed in UNSOURCED_CLASSIC_APIS and reported as unknown.
 *
 * Sources:
 * - Config type names and shapes: Monaco `pkg/api/endpoints.go` (Configuration API types),
 *   `pkg/config/types.go` and `pkg/config/internal/persistence/type_definition.go` (the
 *   rest), github.com/Dynatrace/dynatrace-configuration-as-code.
 * - Classic token scopes: https://docs.dynatrace.com/docs/shortlink/configuration-as-code-supported-configuration
 *   (same table at https://docs.dynatrace.com/managed/deliver/configuration-as-code/monaco/reference/supported-configuration).
 * - Platform token / OAuth scopes: https://docs.dynatrace.com/docs/deliver/configuration-as-code/monaco/guides/create-platform-token
 *   and https://docs.dynatrace.com/docs/shortlink/configuration-as-code-create-oauth-client.
 */

/** Scopes of one config type: `required` to deploy it, `optional` never reported as unneeded. */
export interface TypeScopes {
  required: readonly string[]
  /** Scopes Monaco can use but does without (a fallback, or delete/download only). */
  optional: readonly string[]
  /** The public page or source file that states them. */
  source: string
}

const CLASSIC_DOCS =
  'https://docs.dynatrace.com/docs/shortlink/configuration-as-code-supported-configuration'
const PLATFORM_DOCS =
  'https://docs.dynatrace.com/docs/deliver/configuration-as-code/monaco/guides/create-platform-token'

const config = (...extra: string[]): TypeScopes => ({
  required: extra.length > 0 ? extra : ['ReadConfig', 'WriteConfig'],
  optional: [],
  source: CLASSIC_DOCS
})

/**
 * Configuration API types (`type: {api: <name>}`), all served by the classic token
 * (`auth.token`). Names as in Monaco's pkg/api/endpoints.go; scopes as in the docs table.
 */
export const CLASSIC_API_TYPES: Readonly<Record<string, TypeScopes>> = {
  'alerting-profile': config(),
  'management-zone': config(),
  'auto-tag': config(),
  dashboard: config(),
  'dashboard-share-settings': config(),
  notification: config(),
  extension: config(),
  'extension-elasticsearch': config(),
  'custom-service-java': config(),
  'custom-service-dotnet': config(),
  'custom-service-go': config(),
  'custom-service-nodejs': config(),
  'custom-service-php': config(),
  'anomaly-detection-metrics': config(),
  'anomaly-detection-disks': config(),
  'anomaly-detection-applications': config(),
  'anomaly-detection-aws': config(),
  'anomaly-detection-database-services': config(),
  'anomaly-detection-hosts': config(),
  'anomaly-detection-services': config(),
  'anomaly-detection-vmware': config(),
  'application-web': config(),
  'application-mobile': config(),
  'app-detection-rule': config(),
  'app-detection-rule-host': config(),
  'aws-credentials': config(),
  'kubernetes-credentials': config(),
  'azure-credentials': config(),
  'calculated-metrics-service': config(),
  'calculated-metrics-log': config(),
  'calculated-metrics-application-mobile': config(),
  'calculated-metrics-synthetic': config(),
  'calculated-metrics-application-web': config(),
  'conditional-naming-processgroup': config(),
  'conditional-naming-host': config(),
  'conditional-naming-service': config(),
  'maintenance-window': config(),
  'request-naming-service': config(),
  'failure-detection-parametersets': config(),
  'failure-detection-rules': config(),
  'service-detection-full-web-request': config(),
  'service-detection-full-web-service': config(),
  'service-detection-opaque-web-request': config(),
  'service-detection-opaque-web-service': config(),
  reports: config(),
  'frequent-issue-detection': config(),
  'hosts-auto-update': config(),
  'service-resource-naming': config(),
  'content-resources': config(),
  'allowed-beacon-origins': config(),
  'geo-ip-detection-headers': config(),
  'geo-ip-address-mappings': config(),
  'key-user-actions-mobile': config(),
  'key-user-actions-web': config(),
  'user-action-and-session-properties-mobile': config(),
  'request-attributes': config('ReadConfig', 'CaptureRequestData'),
  'data-privacy': config('ReadConfig', 'DataPrivacy'),
  // Monaco calls /api/v2/credentials (pkg/api/endpoints.go), which takes these scopes.
  'credential-vault': config('credentialVault.read', 'credentialVault.write'),
  'network-zone': config('networkZones.read', 'networkZones.write'),
  slo: config('slo.read', 'slo.write'),
  'synthetic-location': config('DataExport', 'ExternalSyntheticIntegration'),
  'synthetic-monitor': config('ExternalSyntheticIntegration')
}

/**
 * Configuration API types Monaco deploys (pkg/api/endpoints.go) whose scopes no public
 * page states. Not guessed: the audit warns, and deriving scopes for them fails.
 */
export const UNSOURCED_CLASSIC_APIS: readonly string[] = [
  // /api/config/v1/aws/credentials/{id}/services: absent from the docs table.
  'aws-credentials-services'
]

/** Settings 2.0 (`type: {settings: …}`) through the classic token, when the environment has no platform credentials. */
export const SETTINGS_CLASSIC: TypeScopes = {
  required: ['settings.read', 'settings.write'],
  optional: [],
  source: CLASSIC_DOCS
}

/**
 * Settings 2.0 through platform credentials (`auth.platformToken` or `auth.oAuth`): Monaco
 * then uses the platform Settings client for every settings config (pkg/client/clientset.go).
 */
export const SETTINGS_PLATFORM: TypeScopes = {
  required: [
    'settings:objects:read',
    'settings:objects:write',
    'settings:schemas:read'
  ],
  // For `permissions`, Monaco first tries admin access and retries without it on a 403
  // (pkg/client/dtclient/admin_retry.go, settings_client.go).
  optional: ['settings:objects:admin'],
  source: PLATFORM_DOCS
}

/**
 * Platform config types, by the key the reader gives them (`automation:<resource>`,
 * `document`, `openpipeline`, `bucket`, `segment`, `slo-v2`). A deploy creates and
 * updates, never deletes (pkg/resource/<type>/deploy.go), so delete scopes are optional.
 */
export const PLATFORM_TYPES: Readonly<Record<string, TypeScopes>> = {
  'automation:workflow': {
    required: ['automation:workflows:read', 'automation:workflows:write'],
    // All users' workflows (the docs' "Access all Automation Workflows"); not needed for one's own.
    optional: ['automation:workflows:admin'],
    source: PLATFORM_DOCS
  },
  'automation:business-calendar': {
    required: ['automation:calendars:read', 'automation:calendars:write'],
    optional: [],
    source: PLATFORM_DOCS
  },
  'automation:scheduling-rule': {
    required: ['automation:rules:read', 'automation:rules:write'],
    optional: [],
    source: PLATFORM_DOCS
  },
  bucket: {
    required: [
      'storage:bucket-definitions:read',
      'storage:bucket-definitions:write'
    ],
    optional: ['storage:bucket-definitions:delete'],
    source: PLATFORM_DOCS
  },
  document: {
    required: ['document:documents:read', 'document:documents:write'],
    optional: ['document:documents:delete', 'document:trash.documents:delete'],
    source: PLATFORM_DOCS
  },
  openpipeline: {
    required: [
      'openpipeline:configurations:read',
      'openpipeline:configurations:write'
    ],
    optional: [],
    source: PLATFORM_DOCS
  },
  segment: {
    required: ['storage:filter-segments:read', 'storage:filter-segments:write'],
    optional: [
      'storage:filter-segments:delete',
      'storage:filter-segments:admin'
    ],
    source: PLATFORM_DOCS
  },
  'slo-v2': {
    required: ['slo:slos:read', 'slo:slos:write'],
    optional: ['slo:objective-templates:read'],
    source: PLATFORM_DOCS
  }
}

/** Automation resources Monaco accepts (pkg/config/types.go). */
export const AUTOMATION_RESOURCES: readonly string[] = [
  'workflow',
  'business-calendar',
  'scheduling-rule'
]

/** Document kinds Monaco accepts (pkg/config/types.go KnownDocumentKinds). */
export const DOCUMENT_KINDS: readonly string[] = [
  'dashboard',
  'notebook',
  'launchpad'
]

/** Settings `permissions.allUsers` values Monaco accepts (pkg/config/types.go). */
export const ALL_USERS_PERMISSIONS: readonly string[] = [
  'read',
  'write',
  'none'
]

/**
 * What Monaco needs to run at all with each credential, whatever it deploys.
 * - Platform credentials: Monaco asks GET /platform/metadata/v1/classic-environment-domain
 *   each time it builds its clients (pkg/client/clientset.go, CreateClientSetWithOptions;
 *   pkg/client/metadata/metadata.go names the scope in its 401–403 message).
 * - Classic token: Monaco checks it with POST /api/v2/apiTokens/lookup, which takes "any
 *   access token scope" (pkg/client/accesstoken/client.go): nothing to add.
 */
export const RUNTIME_SCOPES: Readonly<
  Record<'classic' | 'platform', TypeScopes & { why: string }>
> = {
  platform: {
    required: ['app-engine:apps:run'],
    optional: [],
    source: 'Monaco pkg/client/clientset.go, pkg/client/metadata/metadata.go',
    why: 'the classic-URL lookup (GET /platform/metadata/v1/classic-environment-domain) Monaco makes whenever it runs with platform credentials'
  },
  classic: {
    required: [],
    optional: [],
    source: 'Monaco pkg/client/accesstoken/client.go',
    why: 'the token check (POST /api/v2/apiTokens/lookup) Monaco makes first, which any scope allows'
  }
}

/**
 * `table[key]` when `key` comes from a file: an own entry only, never an inherited
 * property such as `constructor`.
 */
export function entry<T>(
  table: Readonly<Record<string, T>>,
  key: string
): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
