import {
  STAGES,
  isDynatraceHost,
  isLoopbackHost,
  parseSaasEnvironmentUrl
} from "./chunk-UKRPGWYF.js";
import {
  neutralise
} from "./chunk-2LVTJKVT.js";
import {
  getInput
} from "./chunk-TC7Z5OUA.js";
import {
  formatDuration,
  parseDuration,
  suggestDuration
} from "./chunk-UXD24YEM.js";
import {
  ActionError
} from "./chunk-IKGYFQ6X.js";

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
function parseList(text) {
  const seen = /* @__PURE__ */ new Set();
  for (const item of text.split(/[\s,]+/)) {
    if (item !== "") seen.add(item);
  }
  return [...seen];
}
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

// src/inputs.ts
var MIN_LIFETIME_SECONDS = 5 * 60;
var MAX_LIFETIME_SECONDS = 7 * 86400;
var MODES = ["mint", "plan", "audit", "revoke", "sweep"];
var AUTHS = ["client-credentials", "github-oidc"];
var TOKEN_TYPES = ["classic", "platform", "none"];
var FAIL_ON = ["error", "warning", "never"];
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value) {
  return typeof value === "string" && UUID.test(value);
}
function tokenTypeOf(id) {
  return id.startsWith("dt0c01.") ? "classic" : "platform";
}
var CLIENT_ID = /^dt0s\d{2}\.[A-Za-z0-9]+$/;
var CLIENT_SECRET = /^dt0s\d{2}\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/;
var ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;
var RESERVED_ENV = /^(GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|CI|HOME|PATH|SHELL|NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|BASH_ENV|ENV)$/i;
var ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
var ACCOUNT_URN_HELP = "It is shown with the client ID and secret when an OAuth client is created (Account Management \u2192 Identity & access management \u2192 OAuth clients); the account UUID is also in the Account Management address (myaccount.dynatrace.com/\u2026?account-uuid=<uuid>). It is not a secret: a repository variable (vars.DT_ACCOUNT_URN) is fine.";
function readInputs(log, readInput = getInput) {
  const problems = [];
  const warnings = [];
  const values = /* @__PURE__ */ new Map();
  const read = (name) => {
    const value = readInput(name);
    values.set(name, value);
    return value;
  };
  const clientSecret = read("client-secret");
  log.addSecret(clientSecret);
  const show = (value) => `"${neutralise(log.redact(value), 80)}"`;
  const oneOf = (name, allowed) => {
    const value = read(name) || allowed[0];
    if (allowed.includes(value)) return value;
    problems.push(
      `${name}: ${show(value)} is not one of ${allowed.join(", ")}.`
    );
    return allowed[0];
  };
  const bool = (name, fallback) => {
    const value = read(name);
    if (value === "") return fallback;
    if (/^(true|True|TRUE)$/.test(value)) return true;
    if (/^(false|False|FALSE)$/.test(value)) return false;
    problems.push(`${name}: ${show(value)} is not a boolean (true or false).`);
    return fallback;
  };
  const integer = (name, fallback, min, max) => {
    const value = read(name);
    if (value === "") return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(
        `${name}: ${show(value)} must be a whole number from ${min} to ${max}.`
      );
      return fallback;
    }
    return Number(value);
  };
  const mode = oneOf("mode", MODES);
  const tokenType = oneOf("token-type", TOKEN_TYPES);
  const auth = oneOf("auth", AUTHS);
  const federated = auth === "github-oidc";
  const needsSecrets = mode !== "audit" && !federated;
  let credentials;
  const clientId = read("client-id");
  if (needsSecrets) {
    if (clientId === "") {
      problems.push(
        "client-id: is empty. Pass your OAuth client ID, e.g. client-id: ${{ secrets.DT_CLIENT_ID }}. Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there."
      );
    } else if (CLIENT_SECRET.test(clientId)) {
      log.addSecret(clientId);
      problems.push(
        "client-id: looks like a client secret (value hidden). Pass the client ID (dt0s02.XXXXXXXX) as client-id and the secret as client-secret."
      );
    } else if (!CLIENT_ID.test(clientId)) {
      problems.push(
        `client-id: ${show(clientId)} is not an OAuth client ID of the form dt0s02.XXXXXXXX.`
      );
    }
    if (clientSecret === "") {
      problems.push(
        "client-secret: is empty. Pass it from a secret, e.g. client-secret: ${{ secrets.DT_CLIENT_SECRET }}, and check the secret exists in this repository or environment. Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there."
      );
    } else if (/^dt0c01\./.test(clientSecret)) {
      problems.push(
        "client-secret: is a classic API token (dt0c01\u2026, value hidden), not an OAuth client secret. This action needs an OAuth client: create one in Account Management \u2192 Identity & access management \u2192 OAuth clients and pass its ID as client-id and its secret (dt0s02.XXXXXXXX.<secret>) as client-secret."
      );
    } else if (!CLIENT_SECRET.test(clientSecret)) {
      problems.push(
        "client-secret: is not of the form dt0s02.XXXXXXXX.<secret> (value hidden). Copy the whole secret shown when the OAuth client was created."
      );
    } else if (CLIENT_ID.test(clientId)) {
      const owner = clientSecret.split(".").slice(0, 2).join(".");
      if (owner !== clientId) {
        problems.push(
          `client-secret: belongs to OAuth client ${owner}, not to client-id ${show(clientId)}. Pass the secret of the same client.`
        );
      }
    }
    credentials = { clientId, clientSecret };
  }
  const oidcAudience = read("oidc-audience");
  if (federated && mode !== "audit") {
    if (oidcAudience === "") {
      problems.push(
        "oidc-audience: is required with auth: github-oidc. Pass the audience configured in the Dynatrace trust for GitHub (the aud its ID tokens must carry), e.g. oidc-audience: ${{ vars.DT_OIDC_AUDIENCE }}."
      );
    } else if (
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f\u007f]/.test(oidcAudience) || oidcAudience.length > 200
    ) {
      problems.push(
        `oidc-audience: ${show(oidcAudience)} must be one line of at most 200 characters.`
      );
    }
    if (clientSecret !== "") {
      warnings.push(
        "client-secret: is ignored with auth: github-oidc (no Dynatrace secret is needed). Remove it from this step, and the secret from the repository once nothing else uses it."
      );
    }
  }
  let accountUuid;
  const accountUrn = read("account-urn");
  if (accountUrn !== "") {
    const uuid = accountUrn.replace(/^urn:dtaccount:/i, "");
    if (UUID.test(uuid)) accountUuid = uuid.toLowerCase();
    else
      problems.push(
        `account-urn: ${show(accountUrn)} is not urn:dtaccount:<uuid> or a bare account UUID. ${ACCOUNT_URN_HELP}`
      );
  }
  const allowCustom = bool("allow-custom-endpoints", false);
  const endpoint = (name, value) => {
    let url;
    try {
      url = new URL(value);
    } catch {
      const withScheme = URL.canParse(`https://${value}`);
      problems.push(
        withScheme && /^[^\s/:]+\.[^\s/]+/.test(value) ? `${name}: ${show(value)} has no scheme; add https:// (https://${neutralise(log.redact(value), 80)}).` : `${name}: ${show(value)} is not a URL.`
      );
      return void 0;
    }
    if (url.username || url.password) {
      problems.push(`${name}: must not contain credentials (user:password@).`);
      return void 0;
    }
    if (url.search || url.hash) {
      problems.push(
        `${name}: ${show(value)} must not have a query or fragment.`
      );
      return void 0;
    }
    const loopback = isLoopbackHost(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      problems.push(
        `${name}: ${show(value)} must use https (plain http is accepted only on loopback: localhost, 127.0.0.0/8 or [::1], with allow-custom-endpoints: true).`
      );
      return void 0;
    }
    if (!allowCustom && (url.protocol !== "https:" || !isDynatraceHost(url.hostname))) {
      problems.push(
        `${name}: ${show(value)} is not a Dynatrace endpoint (https on *.dynatrace.com or *.dynatracelabs.com). Set allow-custom-endpoints: true for a proxy, a sovereign install or the local emulator.`
      );
      return void 0;
    }
    return url;
  };
  const trimSlash = (url) => url.href.replace(/\/+$/, "");
  const endpoints = { ssoTokenUrl: "", accountApiUrl: "" };
  let stage;
  const environmentUrl = read("environment-url");
  const environmentIdInput = read("environment-id");
  let customEnvironment = false;
  if (environmentUrl !== "") {
    const url = endpoint("environment-url", environmentUrl);
    if (url) {
      const saas = parseSaasEnvironmentUrl(url);
      if (saas) {
        stage = saas.stage;
        endpoints.environmentId = saas.environmentId;
        endpoints.platformUrl = saas.platformUrl;
        endpoints.classicUrl = saas.classicUrl;
        if (environmentIdInput !== "" && environmentIdInput !== saas.environmentId) {
          problems.push(
            `environment-id: ${show(environmentIdInput)} does not match the ID "${saas.environmentId}" in environment-url; leave environment-id empty for Dynatrace URLs.`
          );
        }
      } else if (/\/e\/[^/]+/.test(url.pathname)) {
        problems.push(
          `environment-url: ${show(environmentUrl)} looks like a Dynatrace Managed environment, which has no OAuth/platform route; this action supports Dynatrace SaaS (https://<id>.apps.dynatrace.com).`
        );
      } else if (isDynatraceHost(url.hostname) && !allowCustom) {
        problems.push(
          `environment-url: ${show(environmentUrl)} is not an environment URL; use https://<environment-id>.apps.dynatrace.com (or .live.dynatrace.com).`
        );
      } else {
        customEnvironment = true;
        endpoints.platformUrl = trimSlash(url);
        endpoints.classicUrl = trimSlash(url);
        if (environmentIdInput === "") {
          problems.push(
            `environment-id: is required because environment-url ${show(environmentUrl)} is a custom endpoint from which the environment ID cannot be read.`
          );
        }
      }
    }
  }
  if (environmentIdInput !== "" && endpoints.environmentId === void 0) {
    if (ENV_ID.test(environmentIdInput))
      endpoints.environmentId = environmentIdInput;
    else
      problems.push(
        `environment-id: ${show(environmentIdInput)} is not an environment ID (e.g. abc12345).`
      );
  }
  const ssoUrl = read("sso-url");
  if (ssoUrl !== "") {
    const url = endpoint("sso-url", ssoUrl);
    if (url) {
      endpoints.ssoTokenUrl = url.pathname === "/" ? `${url.origin}/sso/oauth2/token` : trimSlash(url);
    }
  } else if (customEnvironment && needsSecrets) {
    problems.push(
      "sso-url: is required because environment-url is a custom endpoint; give the SSO token endpoint (e.g. https://sso.dynatrace.com/sso/oauth2/token)."
    );
  } else {
    endpoints.ssoTokenUrl = STAGES[stage ?? "prod"].ssoTokenUrl;
  }
  const accountApiUrl = read("account-api-url");
  if (accountApiUrl !== "") {
    const url = endpoint("account-api-url", accountApiUrl);
    if (url) endpoints.accountApiUrl = trimSlash(url);
  } else if (!customEnvironment) {
    endpoints.accountApiUrl = STAGES[stage ?? "prod"].accountApiUrl;
  }
  const scopeKind = tokenType === "platform" ? "platform" : "classic";
  const tokenScopes = parseList(read("token-scopes"));
  const allowedScopes = parseList(read("allowed-scopes"));
  const checkScopes = (name, scopes, kind) => {
    for (const scope of scopes) {
      const problem = checkScope(scope, kind);
      if (!problem) continue;
      const text = `${name}: ${neutralise(log.redact(problem.message), 500)}`;
      if (problem.severity === "error") problems.push(text);
      else warnings.push(text);
    }
  };
  const mintsToken = (mode === "mint" || mode === "plan") && tokenType !== "none";
  if (mintsToken) {
    if (tokenScopes.length === 0 && read("monaco-manifest") === "") {
      problems.push(
        `token-scopes: is empty. List the scopes of the ${tokenType} token, e.g. ${tokenType === "platform" ? "settings:objects:read, settings:objects:write" : "ReadConfig, WriteConfig, settings.read, settings.write"}, or set monaco-manifest to derive them from a Monaco project.`
      );
    }
    checkScopes("token-scopes", tokenScopes, scopeKind);
    if (allowedScopes.length > 0) {
      for (const scope of tokenScopes) {
        if (!allowedScopes.includes(scope)) {
          problems.push(
            `token-scopes: ${show(scope)} is not in allowed-scopes (${show(allowedScopes.join(", "))}). Remove it or add it to allowed-scopes.`
          );
        }
      }
    }
    if (tokenType === "classic" && !endpoints.platformUrl && environmentUrl === "") {
      problems.push(
        "environment-url: is required for classic tokens (e.g. https://abc12345.apps.dynatrace.com)."
      );
    }
    if (tokenType === "platform") {
      if (accountUrn === "") {
        problems.push(
          `account-urn: is required for platform tokens (they are created through Account Management). ${ACCOUNT_URN_HELP}`
        );
      }
      if (!endpoints.environmentId && environmentUrl === "" && environmentIdInput === "") {
        problems.push(
          "environment-url: is required for platform tokens (the token is limited to that environment); give environment-url or environment-id."
        );
      }
    }
  }
  const oauthScopes = parseList(read("oauth-scopes"));
  if (needsSecrets) checkScopes("oauth-scopes", oauthScopes, "oauth");
  const lifetimeText = read("token-lifetime") || "1h";
  let tokenLifetimeSeconds = parseDuration(lifetimeText) ?? 3600;
  if (parseDuration(lifetimeText) === void 0) {
    const meant = suggestDuration(lifetimeText);
    problems.push(
      `token-lifetime: ${show(lifetimeText)} is not a duration such as 30m, 2h, 1h30m or 1d.${meant ? ` Did you mean ${meant}?` : ""}`
    );
  } else if (tokenLifetimeSeconds < MIN_LIFETIME_SECONDS || tokenLifetimeSeconds > MAX_LIFETIME_SECONDS) {
    const formatted = formatDuration(tokenLifetimeSeconds);
    const shown = formatted === lifetimeText.trim().toLowerCase() ? show(lifetimeText) : `${show(lifetimeText)} (${formatted})`;
    problems.push(
      `token-lifetime: ${shown} is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to ${formatDuration(MAX_LIFETIME_SECONDS)}.`
    );
    tokenLifetimeSeconds = 3600;
  }
  const tokenName = read("token-name") || defaultTokenName();
  if (/[\u0000-\u001f\u007f]/.test(tokenName) || tokenName.length > 200) {
    problems.push(
      `token-name: ${show(tokenName)} must be one line of at most 200 characters.`
    );
  }
  const exportVariable = read("export-variable") || void 0;
  if (exportVariable !== void 0) {
    if (!ENV_VAR.test(exportVariable)) {
      problems.push(
        `export-variable: ${show(exportVariable)} is not an environment variable name (letters, digits, _).`
      );
    } else if (RESERVED_ENV.test(exportVariable)) {
      problems.push(
        `export-variable: ${show(exportVariable)} is reserved by the runner or the shell; choose another name such as DT_API_TOKEN.`
      );
    }
  }
  const platformTokenOwner = read("platform-token-owner") || void 0;
  if (platformTokenOwner !== void 0 && !UUID.test(platformTokenOwner)) {
    problems.push(
      `platform-token-owner: ${show(platformTokenOwner)} is not a user UUID.`
    );
  }
  const policies = read("policies");
  const bindings = read("bindings");
  if ((policies !== "" || bindings !== "" || mode === "plan") && needsSecrets && accountUrn === "") {
    problems.push(
      `account-urn: is required for IAM policies and bindings and for plan mode. ${ACCOUNT_URN_HELP}`
    );
  }
  let tokenId;
  if (mode === "revoke") {
    const value = read("token-id");
    if (value === "") {
      problems.push(
        "token-id: is required in revoke mode (pass steps.<id>.outputs.token-id of the step that minted it)."
      );
    } else if (value.split(".").length >= 3) {
      log.addSecret(value);
      problems.push(
        "token-id: looks like a whole token including its secret (value hidden). Pass the token ID (its first two parts, e.g. dt0c01.XXXX), never the token."
      );
    } else if (!/^[A-Za-z0-9._-]{4,100}$/.test(value)) {
      problems.push(`token-id: ${show(value)} is not a token ID.`);
    } else {
      tokenId = value;
      const type = tokenTypeOf(value);
      if (type === "classic" && !endpoints.platformUrl && environmentUrl === "") {
        problems.push("environment-url: is required to revoke a classic token.");
      }
      if (type === "platform" && accountUrn === "") {
        problems.push(
          `account-urn: is required to revoke a platform token. ${ACCOUNT_URN_HELP}`
        );
      }
    }
  }
  const sweep = {
    prefix: read("sweep-prefix") || defaultSweepPrefix()
  };
  if (/[\u0000-\u001f\u007f]/.test(sweep.prefix) || sweep.prefix.length > 200) {
    problems.push(
      `sweep-prefix: ${show(sweep.prefix)} must be one line of at most 200 characters.`
    );
  }
  const olderThan = read("sweep-older-than");
  if (olderThan !== "") {
    const seconds = parseDuration(olderThan);
    if (seconds === void 0) {
      problems.push(
        `sweep-older-than: ${show(olderThan)} is not a duration such as 2h or 1d.`
      );
    } else if (seconds < MIN_LIFETIME_SECONDS || seconds > 366 * 86400) {
      problems.push(
        `sweep-older-than: ${show(olderThan)} (${formatDuration(seconds)}) is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to 366d; keep it longer than the token-lifetime of the jobs that mint, so that no running job loses its token.`
      );
    } else sweep.olderThanSeconds = seconds;
  }
  if (mode === "sweep") {
    if (tokenType === "none") {
      problems.push(
        "token-type: none has no tokens to sweep; use classic or platform (one sweep step per type)."
      );
    } else if (tokenType === "classic" && !endpoints.platformUrl && environmentUrl === "") {
      problems.push("environment-url: is required to sweep classic tokens.");
    } else if (tokenType === "platform" && accountUrn === "") {
      problems.push(
        `account-urn: is required to sweep platform tokens. ${ACCOUNT_URN_HELP}`
      );
    }
  }
  if (federated && mode !== "audit") {
    problems.push(
      ...federationRefusals({
        tokenType: mode === "mint" || mode === "plan" ? tokenType : "none",
        iam: policies !== "" || bindings !== "",
        sweepsPlatformTokens: mode === "sweep" && tokenType === "platform",
        revokesPlatformToken: tokenId !== void 0 && tokenTypeOf(tokenId) === "platform"
      })
    );
  }
  const revoke = bool("revoke", true);
  const outputAccessToken = bool("output-access-token", false);
  const timeoutSeconds = integer("timeout-seconds", 120, 5, 3600);
  const maxRetries = integer("max-retries", 4, 0, 10);
  const audit = {
    paths: parseList(read("audit-paths") || ".github/workflows"),
    failOn: oneOf("audit-fail-on", FAIL_ON)
  };
  const manifest = read("monaco-manifest");
  if (manifest !== "") audit.monacoManifest = manifest;
  const monacoEnvironment = parseList(read("monaco-environment"));
  if (monacoEnvironment.length > 0) {
    if (manifest === "")
      problems.push(
        "monaco-environment: is set, but monaco-manifest is empty; name the manifest whose environment it is."
      );
    audit.monacoEnvironment = monacoEnvironment;
  }
  const secretPart = clientSecret.split(".").pop() ?? "";
  for (const [name, value] of values) {
    if (name === "client-secret" || clientSecret.length < 8) continue;
    if (name === "client-id" && CLIENT_SECRET.test(value)) continue;
    if (value.includes(clientSecret) || secretPart.length >= 8 && value.includes(secretPart)) {
      problems.unshift(
        `${name}: contains the client secret (value hidden). Pass the secret only as client-secret.`
      );
    }
  }
  if (problems.length > 0) {
    const list = problems.map((p) => `  - ${p}`).join("\n");
    throw new ActionError(
      `Invalid input${problems.length > 1 ? "s" : ""} (no request was sent):
${list}`
    );
  }
  const inputs = {
    mode,
    auth,
    endpoints,
    tokenType,
    tokenScopes,
    tokenName,
    tokenLifetimeSeconds,
    revoke,
    outputAccessToken,
    oauthScopes,
    policies,
    bindings,
    timeoutSeconds,
    maxRetries,
    allowedScopes,
    audit,
    sweep,
    warnings
  };
  if (credentials) inputs.credentials = credentials;
  if (federated && oidcAudience !== "") inputs.oidcAudience = oidcAudience;
  if (accountUuid) inputs.accountUuid = accountUuid;
  if (exportVariable) inputs.exportVariable = exportVariable;
  if (platformTokenOwner)
    inputs.platformTokenOwner = platformTokenOwner.toLowerCase();
  if (tokenId) inputs.tokenId = tokenId;
  return inputs;
}
function defaultSweepPrefix(env = process.env) {
  return `gha/${env.GITHUB_REPOSITORY || "local/run"}/`;
}
function defaultTokenName(env = process.env) {
  const repo = env.GITHUB_REPOSITORY || "local/run";
  const run = env.GITHUB_RUN_ID || String(Math.floor(Date.now() / 1e3));
  const attempt = env.GITHUB_RUN_ATTEMPT || "1";
  const job = env.GITHUB_JOB || "job";
  return `gha/${repo}/run-${run}-${attempt}/${job}`;
}

export {
  federationRefusals,
  CLASSIC_LEGACY_SCOPES,
  DEPRECATED_SCOPES,
  RETIRED_SCOPE_PREFIXES,
  parseList,
  suggest,
  checkScope,
  ESCALATION_SCOPES,
  POLICY_PERMISSIONS,
  WRITE_ACTIONS,
  lookup,
  MIN_LIFETIME_SECONDS,
  MAX_LIFETIME_SECONDS,
  isUuid,
  tokenTypeOf,
  readInputs
};
