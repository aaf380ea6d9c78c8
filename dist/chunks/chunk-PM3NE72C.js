import {
  isDynatraceHost,
  isLoopbackHost,
  parseSaasEnvironmentUrl
} from "./chunk-6BSO6VOI.js";
import {
  formatDuration,
  parseDuration,
  suggestDuration
} from "./chunk-UXD24YEM.js";

// src/inputs/fields.ts
var MODES = [
  "mint",
  "plan",
  "audit",
  "revoke",
  "sweep"
];
var AUTHS = [
  "client-credentials",
  "github-oidc"
];
var TOKEN_TYPES = [
  "classic",
  "platform",
  "none"
];
var FAIL_ON = [
  "error",
  "warning",
  "never"
];
var MIN_LIFETIME_SECONDS = 5 * 60;
var MAX_LIFETIME_SECONDS = 7 * 86400;
var MAX_SWEEP_AGE_SECONDS = 366 * 86400;
var Problem = class {
  constructor(message, secret = false) {
    this.message = message;
    this.secret = secret;
  }
  message;
  secret;
};
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var CLIENT_ID = /^dt0s\d{2}\.[A-Za-z0-9]+$/;
var CLIENT_SECRET = /^dt0s\d{2}\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/;
var ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;
var RESERVED_ENV = /^(GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|CI|HOME|PATH|SHELL|NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|BASH_ENV|ENV)$/i;
var ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
var CONTROL = /[\u0000-\u001f\u007f]/;
var ACCOUNT_URN_HELP = "It is shown with the client ID and secret when an OAuth client is created (Account Management \u2192 Identity & access management \u2192 OAuth clients); the account UUID is also in the Account Management address (myaccount.dynatrace.com/\u2026?account-uuid=<uuid>). It is not a secret: a repository variable (vars.DT_ACCOUNT_URN) is fine.";
function isUuid(value) {
  return typeof value === "string" && UUID.test(value);
}
function looksLikeClientSecret(text) {
  return CLIENT_SECRET.test(text);
}
function tokenTypeOf(id) {
  return id.startsWith("dt0c01.") ? "classic" : "platform";
}
function parseList(text) {
  const seen = /* @__PURE__ */ new Set();
  for (const item of text.split(/[\s,]+/)) {
    if (item !== "") seen.add(item);
  }
  return [...seen];
}
function oneOf(allowed) {
  return {
    fallback: allowed[0],
    check: (text, show) => allowed.find((a) => a === text) ?? new Problem(`${show(text)} is not one of ${allowed.join(", ")}.`)
  };
}
function boolean(fallback) {
  return {
    fallback,
    check: (text, show) => /^(true|True|TRUE)$/.test(text) ? true : /^(false|False|FALSE)$/.test(text) ? false : new Problem(`${show(text)} is not a boolean (true or false).`)
  };
}
function integer(fallback, min, max) {
  return {
    fallback,
    check: (text, show) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : new Problem(
      `${show(text)} must be a whole number from ${min} to ${max}.`
    )
  };
}
function list(fallback = []) {
  return { fallback, check: (text) => parseList(text) };
}
function oneLine(fallback = "") {
  return {
    fallback,
    check: (text, show) => CONTROL.test(text) || text.length > 200 ? new Problem(
      `${show(text)} must be one line of at most 200 characters.`
    ) : text
  };
}
var tokenLifetime = {
  fallback: 3600,
  check: (text, show) => {
    const seconds = parseDuration(text);
    if (seconds === void 0) {
      const meant = suggestDuration(text);
      return new Problem(
        `${show(text)} is not a duration such as 30m, 2h, 1h30m or 1d.${meant ? ` Did you mean ${meant}?` : ""}`
      );
    }
    if (seconds < MIN_LIFETIME_SECONDS || seconds > MAX_LIFETIME_SECONDS) {
      const formatted = formatDuration(seconds);
      const shown = formatted === text.trim().toLowerCase() ? show(text) : `${show(text)} (${formatted})`;
      return new Problem(
        `${shown} is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to ${formatDuration(MAX_LIFETIME_SECONDS)}.`
      );
    }
    return seconds;
  }
};
var sweepAge = {
  fallback: void 0,
  check: (text, show) => {
    const seconds = parseDuration(text);
    if (seconds === void 0)
      return new Problem(`${show(text)} is not a duration such as 2h or 1d.`);
    if (seconds < MIN_LIFETIME_SECONDS || seconds > MAX_SWEEP_AGE_SECONDS) {
      return new Problem(
        `${show(text)} (${formatDuration(seconds)}) is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to 366d; keep it longer than the token-lifetime of the jobs that mint, so that no running job loses its token.`
      );
    }
    return seconds;
  }
};
var clientId = {
  fallback: void 0,
  check: (text, show) => CLIENT_SECRET.test(text) ? new Problem(
    "looks like a client secret (value hidden). Pass the client ID (dt0s02.XXXXXXXX) as client-id and the secret as client-secret.",
    true
  ) : CLIENT_ID.test(text) ? text : new Problem(
    `${show(text)} is not an OAuth client ID of the form dt0s02.XXXXXXXX.`
  )
};
var clientSecret = {
  fallback: void 0,
  check: (text) => /^dt0c01\./.test(text) ? new Problem(
    "is a classic API token (dt0c01\u2026, value hidden), not an OAuth client secret. This action needs an OAuth client: create one in Account Management \u2192 Identity & access management \u2192 OAuth clients and pass its ID as client-id and its secret (dt0s02.XXXXXXXX.<secret>) as client-secret."
  ) : CLIENT_SECRET.test(text) ? text : new Problem(
    "is not of the form dt0s02.XXXXXXXX.<secret> (value hidden). Copy the whole secret shown when the OAuth client was created."
  )
};
function secretOfAnotherClient(secret, id, show) {
  const owner = secret.split(".").slice(0, 2).join(".");
  return owner === id ? void 0 : new Problem(
    `belongs to OAuth client ${owner}, not to client-id ${show(id)}. Pass the secret of the same client.`
  );
}
var accountUrn = {
  fallback: void 0,
  check: (text, show) => {
    const uuid = text.replace(/^urn:dtaccount:/i, "");
    return UUID.test(uuid) ? uuid.toLowerCase() : new Problem(
      `${show(text)} is not urn:dtaccount:<uuid> or a bare account UUID. ${ACCOUNT_URN_HELP}`
    );
  }
};
var environmentId = {
  fallback: void 0,
  check: (text, show) => ENV_ID.test(text) ? text : new Problem(`${show(text)} is not an environment ID (e.g. abc12345).`)
};
var exportVariable = {
  fallback: void 0,
  check: (text, show) => !ENV_VAR.test(text) ? new Problem(
    `${show(text)} is not an environment variable name (letters, digits, _).`
  ) : RESERVED_ENV.test(text) ? new Problem(
    `${show(text)} is reserved by the runner or the shell; choose another name such as DT_API_TOKEN.`
  ) : text
};
var userUuid = {
  fallback: void 0,
  check: (text, show) => UUID.test(text) ? text.toLowerCase() : new Problem(`${show(text)} is not a user UUID.`)
};
var tokenId = {
  fallback: void 0,
  check: (text, show) => text.split(".").length >= 3 ? new Problem(
    "looks like a whole token including its secret (value hidden). Pass the token ID (its first two parts, e.g. dt0c01.XXXX), never the token.",
    true
  ) : /^[A-Za-z0-9._-]{4,100}$/.test(text) ? text : new Problem(`${show(text)} is not a token ID.`)
};

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
var DEPRECATED_SCOPES = {
  "environment-api:api-tokens:read": "api-tokens:tokens:read",
  "environment-api:api-tokens:write": "api-tokens:tokens:write"
};
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
var ESCALATION_SCOPES = {
  "apiTokens.read": "list and inspect the environment\u2019s API tokens",
  "apiTokens.write": "create, change and delete API tokens",
  "tenantTokenRotation.write": "rotate the tenant token that OneAgents and ActiveGates use",
  TenantTokenManagement: "read and manage the tenant token",
  "activeGateTokenManagement.read": "read ActiveGate tokens",
  "activeGateTokenManagement.create": "create ActiveGate tokens",
  "activeGateTokenManagement.write": "create and revoke ActiveGate tokens",
  "agentTokenManagement.read": "read the agent tokens OneAgents connect with",
  "iam-policies-management": "create and bind IAM policies",
  "iam:policies:write": "create and change IAM policies",
  "iam:bindings:write": "bind IAM policies to groups",
  "iam:boundaries:write": "change IAM policy boundaries",
  "account-idm-write": "manage users, groups and group membership",
  "platform-token:tokens:read": "list and inspect platform tokens",
  "platform-token:tokens:write": "create platform tokens",
  "platform-token:tokens:manage": "create, change and delete platform tokens",
  "api-tokens:tokens:read": "list and inspect API tokens",
  "api-tokens:tokens:write": "create, change and delete API tokens",
  "environment-api:api-tokens:read": "list and inspect API tokens",
  "environment-api:api-tokens:write": "create, change and delete API tokens"
};
var ENVIRONMENT_ROLE_PERMISSIONS = [
  "environment:roles:viewer",
  "environment:roles:manage-settings",
  "environment:roles:agent-install",
  "environment:roles:logviewer",
  "environment:roles:view-sensitive-request-data",
  "environment:roles:configure-request-capture-data",
  "environment:roles:replay-sessions-with-masking",
  "environment:roles:replay-sessions-without-masking",
  "environment:roles:manage-security-problems",
  "environment:roles:view-security-problems",
  "environment:roles:manage-support-tickets"
];
var POLICY_PERMISSIONS = [
  ...PLATFORM_SCOPES,
  ...ACCOUNT_SCOPES.filter((scope) => scope.split(":").length === 3),
  ...ENVIRONMENT_ROLE_PERMISSIONS
];
var WRITE_ACTIONS = [
  "write",
  "manage",
  "admin",
  "delete",
  "create",
  "update",
  "truncate",
  "install"
];
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
    audited: true,
    violated: (s) => s.auth === "github-oidc" && s.mode !== "audit" && !s.has("oidc-audience"),
    message: () => "is required with auth: github-oidc. Pass the audience configured in the Dynatrace trust for GitHub (the aud its ID tokens must carry), e.g. oidc-audience: ${{ vars.DT_OIDC_AUDIENCE }}."
  },
  {
    input: "environment-id",
    audited: true,
    violated: (s) => s.customEnvironment && !s.has("environment-id"),
    message: (s, show) => `is required because environment-url ${show(s.text("environment-url"))} is a custom endpoint from which the environment ID cannot be read.`
  },
  {
    input: "sso-url",
    audited: true,
    violated: (s) => s.customEnvironment && needsSecrets(s) && !s.has("sso-url"),
    message: () => "is required because environment-url is a custom endpoint; give the SSO token endpoint (e.g. https://sso.dynatrace.com/sso/oauth2/token)."
  },
  {
    input: "token-scopes",
    audited: true,
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
    audited: true,
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
    audited: true,
    violated: (s) => s.has("monaco-environment") && !s.has("monaco-manifest"),
    message: () => "is set, but monaco-manifest is empty; name the manifest whose environment it is."
  }
];
function unmetRequirements(s, show, which = () => true) {
  return REQUIREMENTS.filter((r) => which(r) && r.violated(s)).map((r) => ({
    input: r.input,
    message: r.message(s, show)
  }));
}

// src/inputs/endpoints.ts
var trimSlash = (url) => url.href.replace(/\/+$/, "");
function endpointUrl(allowCustom) {
  return (text, show) => {
    let url;
    try {
      url = new URL(text);
    } catch {
      return new Problem(
        URL.canParse(`https://${text}`) && /^[^\s/:]+\.[^\s/]+/.test(text) ? `${show(text)} has no scheme; add https:// (https://${show(text).slice(1, -1)}).` : `${show(text)} is not a URL.`
      );
    }
    if (url.username || url.password)
      return new Problem("must not contain credentials (user:password@).");
    if (url.search || url.hash)
      return new Problem(`${show(text)} must not have a query or fragment.`);
    const loopback = isLoopbackHost(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      return new Problem(
        `${show(text)} must use https (plain http is accepted only on loopback: localhost, 127.0.0.0/8 or [::1], with allow-custom-endpoints: true).`
      );
    }
    if (!allowCustom && (url.protocol !== "https:" || !isDynatraceHost(url.hostname))) {
      return new Problem(
        `${show(text)} is not a Dynatrace endpoint (https on *.dynatrace.com or *.dynatracelabs.com). Set allow-custom-endpoints: true for a proxy, a sovereign install or the local emulator.`
      );
    }
    return url;
  };
}
function environmentUrl(allowCustom) {
  const endpoint = endpointUrl(allowCustom);
  return (text, show) => {
    const url = endpoint(text, show);
    if (url instanceof Problem) return url;
    const saas = parseSaasEnvironmentUrl(url);
    if (saas) return { kind: "saas", ...saas };
    if (/\/e\/[^/]+/.test(url.pathname)) {
      return new Problem(
        `${show(text)} looks like a Dynatrace Managed environment, which has no OAuth/platform route; this action supports Dynatrace SaaS (https://<id>.apps.dynatrace.com).`
      );
    }
    if (isDynatraceHost(url.hostname) && !allowCustom) {
      return new Problem(
        `${show(text)} is not an environment URL; use https://<environment-id>.apps.dynatrace.com (or .live.dynatrace.com).`
      );
    }
    return { kind: "custom", url: trimSlash(url) };
  };
}
function ssoUrl(allowCustom) {
  const endpoint = endpointUrl(allowCustom);
  return (text, show) => {
    const url = endpoint(text, show);
    if (url instanceof Problem) return url;
    return url.pathname === "/" ? `${url.origin}/sso/oauth2/token` : trimSlash(url);
  };
}
function accountApiUrl(allowCustom) {
  const endpoint = endpointUrl(allowCustom);
  return (text, show) => {
    const url = endpoint(text, show);
    return url instanceof Problem ? url : trimSlash(url);
  };
}

// src/inputs/table.ts
var usesClientSecret = (c) => c.mode !== "audit" && c.auth !== "github-oidc";
var CONTEXT_FIELDS = {
  mode: oneOf(MODES),
  "token-type": oneOf(TOKEN_TYPES),
  auth: oneOf(AUTHS),
  "allow-custom-endpoints": boolean(false)
};
var matchingEnvironmentId = (text, show, { environment }) => environment?.kind === "saas" ? text === environment.environmentId ? text : new Problem(
  `${show(text)} does not match the ID "${environment.environmentId}" in environment-url; leave environment-id empty for Dynatrace URLs.`
) : environmentId.check(text, show);
var FIELDS = {
  "client-id": { ...clientId, when: usesClientSecret },
  "client-secret": { ...clientSecret, when: usesClientSecret },
  "oidc-audience": {
    ...oneLine(),
    when: (c) => c.auth === "github-oidc" && c.mode !== "audit"
  },
  "account-urn": accountUrn,
  "environment-url": {
    fallback: void 0,
    check: (text, show, c) => environmentUrl(c.allowCustomEndpoints)(text, show)
  },
  "environment-id": { fallback: void 0, check: matchingEnvironmentId },
  "sso-url": {
    fallback: void 0,
    check: (text, show, c) => ssoUrl(c.allowCustomEndpoints)(text, show)
  },
  "account-api-url": {
    fallback: void 0,
    check: (text, show, c) => accountApiUrl(c.allowCustomEndpoints)(text, show)
  },
  "token-lifetime": tokenLifetime,
  "token-name": oneLine(),
  "export-variable": exportVariable,
  "platform-token-owner": userUuid,
  "token-id": { ...tokenId, when: (c) => c.mode === "revoke" },
  "sweep-prefix": oneLine(),
  "sweep-older-than": sweepAge,
  revoke: boolean(true),
  "output-access-token": boolean(false),
  "timeout-seconds": integer(120, 5, 3600),
  "max-retries": integer(4, 0, 10),
  "audit-fail-on": oneOf(FAIL_ON)
};
var CONTEXTUAL = /* @__PURE__ */ new Set([
  "client-id",
  "client-secret",
  "oidc-audience",
  "environment-url",
  "environment-id",
  "sso-url",
  "account-api-url",
  "token-id"
]);

export {
  federationRefusals,
  Problem,
  isUuid,
  looksLikeClientSecret,
  tokenTypeOf,
  parseList,
  oneOf,
  boolean,
  integer,
  list,
  tokenLifetime,
  secretOfAnotherClient,
  CLASSIC_LEGACY_SCOPES,
  DEPRECATED_SCOPES,
  RETIRED_SCOPE_PREFIXES,
  suggest,
  checkScope,
  ESCALATION_SCOPES,
  POLICY_PERMISSIONS,
  WRITE_ACTIONS,
  lookup,
  unmetRequirements,
  usesClientSecret,
  CONTEXT_FIELDS,
  FIELDS,
  CONTEXTUAL
};
