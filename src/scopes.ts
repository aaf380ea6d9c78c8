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

/**
 * Levenshtein distance, case-insensitive so that `readconfig` finds `ReadConfig`. Stops
 * early, returning `max + 1`, once every entry of a row is above `max`: the distance can
 * only grow from there, and an audit of a long list asks for thousands of these.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  // prev[j]: the distance of s's first i - 1 and t's first j characters; cur: row i.
  let prev = Uint32Array.from({ length: t.length + 1 }, (_, j) => j)
  let cur = new Uint32Array(t.length + 1)
  // The distance of the last row's whole s and whole t.
  let distance = t.length
  for (let i = 1; i <= s.length; i++) {
    const c = s.charCodeAt(i - 1)
    cur[0] = i
    let rowMin = i
    let diagonal = i - 1 // prev[j - 1]
    let left = i // cur[j - 1]
    for (const [j, up] of prev.entries()) {
      if (j === 0) continue
      const cost = c === t.charCodeAt(j - 1) ? 0 : 1
      left = Math.min(up + 1, left + 1, diagonal + cost)
      cur[j] = left
      diagonal = up
      if (left < rowMin) rowMin = left
    }
    if (rowMin > max) return max + 1
    distance = left
    ;[prev, cur] = [cur, prev]
  }
  return distance
}

/** The words of a scope name, lower-case and sorted: `ReadSettings` and `settings.read` → read,settings. */
function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort()
    .join(',')
}

/** How often each (lower-case) character occurs in `text`. */
function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const lower = text.toLowerCase()
  // UTF-16 units, as editDistance compares them.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charAt(i)
    counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return counts
}

/**
 * A lower bound of editDistance, in linear time: every insertion, deletion or substitution
 * removes at most one of the characters one name has in excess of the other.
 */
function letterDistance(
  a: Map<string, number>,
  b: Map<string, number>
): number {
  let extraA = 0
  let extraB = 0
  for (const [c, n] of a) extraA += Math.max(0, n - (b.get(c) ?? 0))
  for (const [c, n] of b) extraB += Math.max(0, n - (a.get(c) ?? 0))
  return Math.max(extraA, extraB)
}

/** words() and letterCounts() of each catalogue entry, once per catalogue: audits ask thousands of times. */
const catalogueKeys = new WeakMap<
  readonly string[],
  { entry: string; words: string; letters: Map<string, number> }[]
>()

/** The closest catalogue entries to `name` (at most three), or none when nothing is close. */
export function suggest(name: string, catalogue: readonly string[]): string[] {
  // The same words in another order or notation (`ReadSettings` → `settings.read`).
  let keys = catalogueKeys.get(catalogue)
  if (keys === undefined) {
    keys = catalogue.map((entry) => ({
      entry,
      words: words(entry),
      letters: letterCounts(entry)
    }))
    catalogueKeys.set(catalogue, keys)
  }
  const target = words(name)
  const sameWords = keys.filter((k) => k.words === target).map((k) => k.entry)
  if (sameWords.length > 0) return sameWords.slice(0, 3)
  const limit = Math.max(2, Math.floor(name.length / 3))
  const nameLetters = letterCounts(name)
  const close = keys
    // Lower bounds first (the difference in length, then in letters), so that only close
    // candidates cost the quadratic editDistance.
    .filter(
      (k) =>
        Math.abs(k.entry.length - name.length) <= limit &&
        letterDistance(nameLetters, k.letters) <= limit
    )
    .map(({ entry: candidate }) => ({
      candidate,
      d: editDistance(name, candidate, limit)
    }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate))
  // Only the best matches: "raed" should suggest "read", not also "write".
  const best = close[0]?.d
  return close
    .filter(({ d }) => d === best)
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
 * and current. Deprecated scopes are not reported here (they still work); see DEPRECATED_SCOPES in src/audit/scope-data.ts.
 */
export function checkScope(
  scope: string,
  kind: ScopeKind
): ScopeProblem | undefined {
  const retired = retiredReason(scope)
  if (retired) {
    return {
      scope,
      severity: 'error',
      message: `"${scope}" is retired: ${retired}.`,
      suggestions: []
    }
  }
  if (kind === 'classic') {
    if (CLASSIC_SCOPES.includes(scope)) return undefined
    if (CLASSIC_LEGACY_SCOPES.includes(scope)) {
      return {
        scope,
        severity: 'error',
        message: `"${scope}" is a legacy scope that can no longer be given to new tokens.`,
        suggestions: []
      }
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
  const catalogue =
    kind === 'oauth' ? [...PLATFORM_SCOPES, ...ACCOUNT_SCOPES] : PLATFORM_SCOPES
  if (catalogue.includes(scope)) return undefined
  const suggestions = suggest(scope, catalogue)
  const service = scope.includes(':')
    ? scope.slice(0, scope.indexOf(':') + 1)
    : undefined
  const knownService =
    service !== undefined && catalogue.some((s) => s.startsWith(service))
  if (
    suggestions.length > 0 ||
    knownService ||
    !/^[a-z0-9.-]+(:[a-z0-9.-]+){2}$/.test(scope)
  ) {
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
