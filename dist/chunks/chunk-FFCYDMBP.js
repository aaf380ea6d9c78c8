import {
  ACCOUNT_URN_HELP
} from "./chunk-QK22IPNX.js";

// src/federation.ts
var ACCOUNT_MANAGEMENT_ACCEPTS_FEDERATED_TOKENS = false;
function federationRefusals(use) {
  if (ACCOUNT_MANAGEMENT_ACCEPTS_FEDERATED_TOKENS) return [];
  const why = "is served by Account Management, which is not known to accept a GitHub ID token (workload identity federation covers the environment\u2019s platform APIs). Use auth: client-credentials for it, in a separate job that runs only after review (e.g. a protected environment), and keep auth: github-oidc for minting classic tokens or handing on the federated bearer (token-type: none).";
  const out = [];
  if (use.iam) out.push(`policies / bindings: IAM work ${why}`);
  if (use.tokenType === "platform")
    out.push(`token-type: platform: minting a platform token ${why}`);
  if (use.sweepsPlatformTokens)
    out.push(`mode: sweep: sweeping platform tokens ${why}`);
  if (use.revokesPlatformToken)
    out.push(`token-id: revoking a platform token ${why}`);
  return out;
}

// src/scopes.ts
var CLASSIC_SCOPES = [
  "InstallerDownload",
  "DataExport",
  "PluginUpload",
  "SupportAlert",
  "AdvancedSyntheticIntegration",
  "ExternalSyntheticIntegration",
  "RumBrowserExtension",
  "LogExport",
  "ReadConfig",
  "WriteConfig",
  "DTAQLAccess",
  "UserSessionAnonymization",
  "DataPrivacy",
  "CaptureRequestData",
  "Davis",
  "DssFileManagement",
  "RumJavaScriptTagManagement",
  "TenantTokenManagement",
  "ActiveGateCertManagement",
  "RestRequestForwarding",
  "ReadSyntheticData",
  "DataImport",
  "syntheticExecutions.write",
  "syntheticExecutions.read",
  "auditLogs.read",
  "metrics.read",
  "metrics.write",
  "entities.read",
  "entities.write",
  "problems.read",
  "problems.write",
  "events.read",
  "events.ingest",
  "openpipeline.events",
  "openpipeline.events.custom",
  "openpipeline.events_security",
  "openpipeline.events_security.custom",
  "openpipeline.events_sdlc",
  "openpipeline.events_sdlc.custom",
  "openpipeline.events_smartscape",
  "bizevents.ingest",
  "networkZones.read",
  "networkZones.write",
  "activeGates.read",
  "activeGates.write",
  "activeGateTokenManagement.read",
  "activeGateTokenManagement.create",
  "activeGateTokenManagement.write",
  "agentTokenManagement.read",
  "credentialVault.read",
  "credentialVault.write",
  "extensions.read",
  "extensions.write",
  "extensionConfigurations.read",
  "extensionConfigurations.write",
  "extensionEnvironment.read",
  "extensionEnvironment.write",
  "metrics.ingest",
  "attacks.read",
  "attacks.write",
  "securityProblems.read",
  "securityProblems.write",
  "syntheticLocations.read",
  "syntheticLocations.write",
  "settings.read",
  "settings.write",
  "tenantTokenRotation.write",
  "slo.read",
  "slo.write",
  "releases.read",
  "apiTokens.read",
  "apiTokens.write",
  "openTelemetryTrace.ingest",
  "logs.read",
  "logs.ingest",
  "geographicRegions.read",
  "oneAgents.read",
  "oneAgents.write",
  "traces.lookup",
  "unifiedAnalysis.read",
  "hub.read",
  "hub.write",
  "hub.install",
  "javaScriptMappingFiles.read",
  "javaScriptMappingFiles.write",
  "extensionConfigurationActions.write",
  "rumCookieNames.read",
  "adaptiveTrafficManagement.read",
  "rumManualInsertionTags.read",
  "extensionDiscoveryJmx.read",
  "extensionDiscoveryPmi.read"
];
var CLASSIC_LEGACY_SCOPES = [
  "DiagnosticExport",
  "MemoryDump",
  "Mobile",
  "ViewDashboard",
  "ViewReport",
  "WriteSyntheticData"
];
var ACCOUNT_SCOPES = [
  "account-idm-read",
  "account-idm-write",
  "account-env-read",
  "account-env-write",
  "account-uac-read",
  "account-uac-write",
  "iam-policies-management",
  "iam:policies:read",
  "iam:policies:write",
  "iam:bindings:read",
  "iam:bindings:write",
  "iam:effective-permissions:read",
  "iam:boundaries:read",
  "iam:boundaries:write",
  "iam:limits:read",
  "sso-idm:account-limits:read",
  "platform-token:tokens:write",
  "platform-token:tokens:manage",
  "platform-token:tokens:read"
];
var PLATFORM_SCOPES = [
  "app-engine:apps:run",
  "app-engine:apps:install",
  "app-engine:apps:delete",
  "app-engine:functions:run",
  "app-engine:edge-connects:read",
  "app-engine:edge-connects:write",
  "app-engine:edge-connects:connect",
  "app-engine:edge-connects:delete",
  "automation:workflows:read",
  "automation:workflows:write",
  "automation:workflows:run",
  "automation:workflows:admin",
  "automation:calendars:read",
  "automation:calendars:write",
  "automation:rules:read",
  "automation:rules:write",
  "document:documents:read",
  "document:documents:write",
  "document:documents:delete",
  "document:documents:admin",
  "document:environment-shares:read",
  "document:environment-shares:write",
  "document:environment-shares:claim",
  "document:environment-shares:delete",
  "document:direct-shares:read",
  "document:direct-shares:write",
  "document:direct-shares:delete",
  "document:trash.documents:read",
  "document:trash.documents:restore",
  "document:trash.documents:delete",
  "settings:objects:read",
  "settings:objects:write",
  "settings:objects:admin",
  "settings:schemas:read",
  "app-settings:objects:read",
  "app-settings:objects:write",
  "slo:slos:read",
  "slo:slos:write",
  "slo:objective-templates:read",
  "storage:logs:read",
  "storage:logs:write",
  "storage:events:read",
  "storage:events:write",
  "storage:bizevents:read",
  "storage:metrics:read",
  "storage:spans:read",
  "storage:entities:read",
  "storage:smartscape:read",
  "storage:system:read",
  "storage:security.events:read",
  "storage:application.snapshots:read",
  "storage:user.events:read",
  "storage:user.sessions:read",
  "storage:user.replays:read",
  "storage:buckets:read",
  "storage:buckets:write",
  "storage:bucket-definitions:read",
  "storage:bucket-definitions:write",
  "storage:bucket-definitions:delete",
  "storage:bucket-definitions:truncate",
  "storage:fieldsets:read",
  "storage:fieldset-definitions:read",
  "storage:fieldset-definitions:write",
  "storage:filter-segments:read",
  "storage:filter-segments:write",
  "storage:filter-segments:share",
  "storage:filter-segments:delete",
  "storage:filter-segments:admin",
  "storage:records:delete",
  "openpipeline:configurations:read",
  "openpipeline:configurations:write",
  "api-tokens:tokens:read",
  "api-tokens:tokens:write",
  "environment-api:api-tokens:read",
  "environment-api:api-tokens:write",
  "hub:catalog:read",
  "state:app-states:read",
  "state:app-states:write",
  "state:app-states:delete",
  "state:user-app-states:read",
  "state:user-app-states:write",
  "state:user-app-states:delete",
  "notification:notifications:read",
  "notification:notifications:write",
  "email:emails:send",
  "davis:analyzers:read",
  "davis:analyzers:execute",
  "davis-copilot:conversations:execute",
  "davis-copilot:nl2dql:execute",
  "davis-copilot:dql2nl:execute",
  "davis-copilot:document-search:execute",
  "extensions:definitions:read",
  "extensions:definitions:write",
  "extensions:configurations:read",
  "extensions:configurations:write",
  "geolocation:locations:lookup",
  "unified-analysis:screen-definition:read",
  "iam:users:read",
  "iam:groups:read"
];
var RETIRED_SCOPE_PREFIXES = {
  "cloudautomation:": "Cloud Automation was discontinued at the end of 2024; use Site Reliability Guardian or Workflows (automation:*) instead"
};
function editDistance(a, b, max = Infinity) {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Uint32Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur = new Uint32Array(t.length + 1);
  let distance = t.length;
  for (let i = 1; i <= s.length; i++) {
    const c = s.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    let diagonal = i - 1;
    let left = i;
    for (const [j, up] of prev.entries()) {
      if (j === 0) continue;
      const cost = c === t.charCodeAt(j - 1) ? 0 : 1;
      left = Math.min(up + 1, left + 1, diagonal + cost);
      cur[j] = left;
      diagonal = up;
      if (left < rowMin) rowMin = left;
    }
    if (rowMin > max) return max + 1;
    distance = left;
    [prev, cur] = [cur, prev];
  }
  return distance;
}
function words(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).sort().join(",");
}
function letterCounts(text) {
  const counts = /* @__PURE__ */ new Map();
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}
function letterDistance(a, b) {
  let extraA = 0;
  let extraB = 0;
  for (const [c, n] of a) extraA += Math.max(0, n - (b.get(c) ?? 0));
  for (const [c, n] of b) extraB += Math.max(0, n - (a.get(c) ?? 0));
  return Math.max(extraA, extraB);
}
var catalogueKeys = /* @__PURE__ */ new WeakMap();
function suggest(name, catalogue) {
  let keys = catalogueKeys.get(catalogue);
  if (keys === void 0) {
    keys = catalogue.map((entry) => ({
      entry,
      words: words(entry),
      letters: letterCounts(entry)
    }));
    catalogueKeys.set(catalogue, keys);
  }
  const target = words(name);
  const sameWords = keys.filter((k) => k.words === target).map((k) => k.entry);
  if (sameWords.length > 0) return sameWords.slice(0, 3);
  const limit = Math.max(2, Math.floor(name.length / 3));
  const nameLetters = letterCounts(name);
  const close = keys.filter(
    (k) => Math.abs(k.entry.length - name.length) <= limit && letterDistance(nameLetters, k.letters) <= limit
  ).map(({ entry: candidate }) => ({
    candidate,
    d: editDistance(name, candidate, limit)
  })).filter(({ d }) => d <= limit).sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate));
  const best = close[0]?.d;
  return close.filter(({ d }) => d === best).slice(0, 3).map(({ candidate }) => candidate);
}
function retiredReason(scope) {
  for (const [prefix, reason] of Object.entries(RETIRED_SCOPE_PREFIXES)) {
    if (scope.startsWith(prefix)) return reason;
  }
  return void 0;
}
function didYouMean(suggestions) {
  return suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` : "";
}
function checkScope(scope, kind) {
  const retired = retiredReason(scope);
  if (retired) {
    return {
      scope,
      severity: "error",
      message: `"${scope}" is retired: ${retired}.`,
      suggestions: []
    };
  }
  if (kind === "classic") {
    if (CLASSIC_SCOPES.includes(scope)) return void 0;
    if (CLASSIC_LEGACY_SCOPES.includes(scope)) {
      return {
        scope,
        severity: "error",
        message: `"${scope}" is a legacy scope that can no longer be given to new tokens.`,
        suggestions: []
      };
    }
    const suggestions2 = suggest(scope, CLASSIC_SCOPES);
    const platformHint = scope.includes(":") && suggestions2.length === 0 ? ' It looks like a platform scope: classic tokens take names such as "ReadConfig" or "settings.read"; use token-type: platform for platform scopes.' : "";
    return {
      scope,
      severity: "error",
      message: `"${scope}" is not a classic API token scope.${didYouMean(suggestions2)}${platformHint}`,
      suggestions: suggestions2
    };
  }
  const catalogue = kind === "oauth" ? [...PLATFORM_SCOPES, ...ACCOUNT_SCOPES] : PLATFORM_SCOPES;
  if (catalogue.includes(scope)) return void 0;
  const suggestions = suggest(scope, catalogue);
  const service = scope.includes(":") ? scope.slice(0, scope.indexOf(":") + 1) : void 0;
  const knownService = service !== void 0 && catalogue.some((s) => s.startsWith(service));
  if (suggestions.length > 0 || knownService || !/^[a-z0-9.-]+(:[a-z0-9.-]+){2}$/.test(scope)) {
    const classicHint = kind === "platform" && CLASSIC_SCOPES.includes(scope) ? " It is a classic API token scope: use token-type: classic for it." : "";
    return {
      scope,
      severity: "error",
      message: `"${scope}" is not a known ${kind === "oauth" ? "OAuth" : "platform token"} scope.${didYouMean(suggestions)}${classicHint}`,
      suggestions
    };
  }
  return {
    scope,
    severity: "warning",
    message: `"${scope}" is not in this action's scope catalogue (service "${scope.split(":")[0]}" is unknown to it); it is passed to Dynatrace unchecked.`,
    suggestions: []
  };
}
function lookup(table, key) {
  return Object.hasOwn(table, key) ? table[key] : void 0;
}

// src/inputs/requirements.ts
var needsSecrets = (s) => s.mode !== "audit" && s.auth !== "github-oidc";
var mintsToken = (s) => (s.mode === "mint" || s.mode === "plan") && s.tokenType !== "none";
var FORKS = "Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there.";
var exampleScopes = (type) => type === "platform" ? "settings:objects:read, settings:objects:write" : "ReadConfig, WriteConfig, settings.read, settings.write";
var REQUIREMENTS = [
  {
    input: "client-id",
    violated: (s) => needsSecrets(s) && !s.has("client-id"),
    message: () => `is empty. Pass your OAuth client ID, e.g. client-id: \${{ secrets.DT_CLIENT_ID }}. ${FORKS}`
  },
  {
    input: "client-secret",
    violated: (s) => needsSecrets(s) && !s.has("client-secret"),
    message: () => `is empty. Pass it from a secret, e.g. client-secret: \${{ secrets.DT_CLIENT_SECRET }}, and check the secret exists in this repository or environment. ${FORKS}`
  },
  {
    input: "oidc-audience",
    violated: (s) => s.auth === "github-oidc" && s.mode !== "audit" && !s.has("oidc-audience"),
    message: () => "is required with auth: github-oidc. Pass the audience configured in the Dynatrace trust for GitHub (the aud its ID tokens must carry), e.g. oidc-audience: ${{ vars.DT_OIDC_AUDIENCE }}."
  },
  {
    input: "environment-id",
    violated: (s) => s.customEnvironment && !s.has("environment-id"),
    message: (s, show) => `is required because environment-url ${show(s.text("environment-url"))} is a custom endpoint from which the environment ID cannot be read.`
  },
  {
    input: "sso-url",
    violated: (s) => s.customEnvironment && needsSecrets(s) && !s.has("sso-url"),
    message: () => "is required because environment-url is a custom endpoint; give the SSO token endpoint (e.g. https://sso.dynatrace.com/sso/oauth2/token)."
  },
  {
    input: "token-scopes",
    // With monaco-manifest, empty token-scopes are derived from the project (src/monaco/derive.ts).
    violated: (s) => mintsToken(s) && !s.scopesListed && !s.has("monaco-manifest"),
    message: (s) => `is empty. List the scopes of the ${s.tokenType} token, e.g. ${exampleScopes(s.tokenType)}, or set monaco-manifest to derive them from a Monaco project.`
  },
  {
    input: "environment-url",
    violated: (s) => mintsToken(s) && s.tokenType === "classic" && !s.has("environment-url"),
    message: () => "is required for classic tokens (e.g. https://abc12345.apps.dynatrace.com)."
  },
  {
    input: "account-urn",
    violated: (s) => mintsToken(s) && s.tokenType === "platform" && !s.has("account-urn"),
    message: () => `is required for platform tokens (they are created through Account Management). ${ACCOUNT_URN_HELP}`
  },
  {
    input: "environment-url",
    violated: (s) => mintsToken(s) && s.tokenType === "platform" && !s.has("environment-url") && !s.has("environment-id"),
    message: () => "is required for platform tokens (the token is limited to that environment); give environment-url or environment-id."
  },
  {
    input: "account-urn",
    violated: (s) => (s.has("policies") || s.has("bindings") || s.mode === "plan") && needsSecrets(s) && !s.has("account-urn"),
    message: () => `is required for IAM policies and bindings and for plan mode. ${ACCOUNT_URN_HELP}`
  },
  {
    input: "token-id",
    violated: (s) => s.mode === "revoke" && !s.has("token-id"),
    message: () => "is required in revoke mode (pass steps.<id>.outputs.token-id of the step that minted it)."
  },
  {
    input: "environment-url",
    violated: (s) => s.revokes === "classic" && !s.has("environment-url"),
    message: () => "is required to revoke a classic token."
  },
  {
    input: "account-urn",
    violated: (s) => s.revokes === "platform" && !s.has("account-urn"),
    message: () => `is required to revoke a platform token. ${ACCOUNT_URN_HELP}`
  },
  {
    input: "token-type",
    violated: (s) => s.mode === "sweep" && s.tokenType === "none",
    message: () => "none has no tokens to sweep; use classic or platform (one sweep step per type)."
  },
  {
    input: "environment-url",
    violated: (s) => s.mode === "sweep" && s.tokenType === "classic" && !s.has("environment-url"),
    message: () => "is required to sweep classic tokens."
  },
  {
    input: "account-urn",
    violated: (s) => s.mode === "sweep" && s.tokenType === "platform" && !s.has("account-urn"),
    message: () => `is required to sweep platform tokens. ${ACCOUNT_URN_HELP}`
  },
  {
    input: "monaco-environment",
    violated: (s) => s.has("monaco-environment") && !s.has("monaco-manifest"),
    message: () => "is set, but monaco-manifest is empty; name the manifest whose environment it is."
  }
];
function unmetRequirements(s, show) {
  return REQUIREMENTS.filter((r) => r.violated(s)).map((r) => ({
    input: r.input,
    message: r.message(s, show)
  }));
}

export {
  federationRefusals,
  CLASSIC_LEGACY_SCOPES,
  ACCOUNT_SCOPES,
  PLATFORM_SCOPES,
  RETIRED_SCOPE_PREFIXES,
  suggest,
  checkScope,
  lookup,
  unmetRequirements
};
