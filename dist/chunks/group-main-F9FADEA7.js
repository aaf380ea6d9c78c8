// src/federation.ts, src/inputs/requirements.ts
import { usesClientSecret } from "./group-shared-6CC45263.js";
import { ACCOUNT_URN_HELP } from "./group-shared-6CC45263.js";
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
var usesAccountManagement = (s) => s.tokenType === "platform" && (mintsToken(s) || s.mode === "sweep") || s.revokes === "platform" || s.has("policies") || s.has("bindings");
var mintsToken = (s) => (s.mode === "mint" || s.mode === "plan") && s.tokenType !== "none";
var FORKS = "Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there.";
var exampleScopes = (type) => type === "platform" ? "settings:objects:read, settings:objects:write" : "ReadConfig, WriteConfig, settings.read, settings.write";
var REQUIREMENTS = [
  {
    input: "client-id",
    violated: (s) => usesClientSecret(s) && !s.has("client-id"),
    message: () => `is empty. Pass your OAuth client ID, e.g. client-id: \${{ secrets.DT_CLIENT_ID }}. ${FORKS}`
  },
  {
    input: "client-secret",
    violated: (s) => usesClientSecret(s) && !s.has("client-secret"),
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
    violated: (s) => s.customEnvironment && usesClientSecret(s) && !s.has("sso-url"),
    message: () => "is required because environment-url is a custom endpoint; give the SSO token endpoint (e.g. https://sso.dynatrace.com/sso/oauth2/token)."
  },
  {
    input: "account-api-url",
    violated: (s) => s.customEnvironment && usesAccountManagement(s) && !s.has("account-api-url"),
    message: () => "is required because environment-url is a custom endpoint and this step uses Account Management (platform tokens, IAM policies and bindings); give its URL (e.g. https://api.dynatrace.com)."
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
    violated: (s) => (s.has("policies") || s.has("bindings") || s.mode === "plan") && usesClientSecret(s) && !s.has("account-urn"),
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
function isCurrentScope(scope, kind) {
  if (Object.keys(RETIRED_SCOPE_PREFIXES).some((p) => scope.startsWith(p)))
    return false;
  if (kind === "classic") return CLASSIC_SCOPES.includes(scope);
  return PLATFORM_SCOPES.includes(scope) || kind === "oauth" && ACCOUNT_SCOPES.includes(scope);
}
function lookup(table, key) {
  return Object.hasOwn(table, key) ? table[key] : void 0;
}

// src/inputs.ts
import { startReading } from "./group-shared-6CC45263.js";
import { FIELDS, STAGES, usesClientSecret as usesClientSecret2 } from "./group-shared-6CC45263.js";
import { getInput } from "./group-shared-6CC45263.js";
import { secretOfAnotherClient, tokenTypeOf } from "./group-shared-6CC45263.js";
async function readInputs(log, source = getInput) {
  const { reader, secret, context } = startReading(source, log);
  const get = (name) => (
    // FIELDS[name] is a ContextField<FieldValue<K>>: TypeScript does not relate the two for a generic K.
    reader.inContext(name, FIELDS[name], context)
  );
  const identity = readIdentity(reader, context, get);
  const endpoints = readEndpoints(reader, context, get);
  const token = await readToken(reader, context);
  const policies = reader.read("policies");
  const bindings = reader.read("bindings");
  const situation = {
    ...context,
    has: (name) => reader.has(name),
    text: (name) => reader.read(name),
    customEnvironment: context.environment?.kind === "custom",
    scopesListed: token.tokenScopes.length > 0,
    revokes: identity.revokes
  };
  for (const { input, message } of unmetRequirements(situation, reader.show))
    reader.problem(input, message);
  if (context.auth === "github-oidc" && context.mode !== "audit") {
    reader.problems.push(
      ...federationRefusals({
        tokenType: mintsOrPlans(context.mode) ? context.tokenType : "none",
        iam: policies !== "" || bindings !== "",
        sweepsPlatformTokens: context.mode === "sweep" && context.tokenType === "platform",
        revokesPlatformToken: identity.revokes === "platform"
      })
    );
  }
  const rest = readTheRest(reader, get);
  reader.finish(secret);
  rest.audit.ownInputs = reader.texts();
  const base = {
    endpoints,
    ...token,
    ...rest,
    policies,
    bindings,
    warnings: reader.warnings
  };
  if (identity.inputs.accountUuid !== void 0)
    base.accountUuid = identity.inputs.accountUuid;
  return shape(base, context, identity.inputs);
}
function shape(base, context, identity) {
  const { mode } = context;
  if (mode === "audit") return { ...base, mode, auth: context.auth };
  const signIn = context.auth === "github-oidc" ? { auth: "github-oidc", oidcAudience: proven(identity.oidcAudience) } : {
    auth: "client-credentials",
    credentials: proven(identity.credentials)
  };
  const { endpoints } = base;
  const account = () => ({
    accountUuid: proven(base.accountUuid),
    accountApiUrl: endpoints.accountApiUrl
  });
  const environment = () => ({
    platformUrl: proven(endpoints.platformUrl),
    classicUrl: proven(endpoints.classicUrl)
  });
  const type = context.tokenType;
  if (mode === "revoke") {
    const tokenId = proven(identity.tokenId);
    const target = tokenTypeOf(tokenId) === "classic" ? { type: "classic", tokenId, platformUrl: environment().platformUrl } : { type: "platform", tokenId, ...account() };
    return { ...base, ...signIn, mode, target };
  }
  if (mode === "sweep") {
    const target = type === "platform" ? { type, ...account() } : { type: "classic", platformUrl: environment().platformUrl };
    return { ...base, ...signIn, mode, target };
  }
  const token = type === "none" ? { type } : type === "classic" ? { type, ...environment() } : {
    type,
    ...account(),
    environmentId: proven(endpoints.environmentId)
  };
  const inputs = { ...base, ...signIn, mode, token };
  if (signIn.auth === "client-credentials" && base.accountUuid !== void 0)
    inputs.account = account();
  return inputs;
}
function proven(value) {
  if (value === void 0)
    throw new Error("readInputs returned without a value it had checked.");
  return value;
}
var mintsOrPlans = (mode) => mode === "mint" || mode === "plan";
function readIdentity(reader, context, get) {
  const inputs = {};
  const clientId = get("client-id");
  const clientSecret = get("client-secret");
  if (usesClientSecret2(context)) {
    if (clientId !== void 0 && clientSecret !== void 0) {
      const other = secretOfAnotherClient(clientSecret, clientId, reader.show);
      if (other) reader.problem("client-secret", other.message);
    }
    inputs.credentials = {
      clientId: reader.read("client-id"),
      clientSecret: reader.read("client-secret")
    };
  }
  const oidcAudience = get("oidc-audience");
  if (context.auth === "github-oidc" && context.mode !== "audit") {
    if (oidcAudience !== "") inputs.oidcAudience = oidcAudience;
    if (reader.has("client-secret")) {
      reader.warn(
        "client-secret",
        "is ignored with auth: github-oidc (no Dynatrace secret is needed). Remove it from this step, and the secret from the repository once nothing else uses it."
      );
    }
  }
  const accountUuid = get("account-urn");
  if (accountUuid !== void 0) inputs.accountUuid = accountUuid;
  const tokenId = get("token-id");
  if (tokenId !== void 0) inputs.tokenId = tokenId;
  return {
    inputs,
    revokes: tokenId === void 0 ? void 0 : tokenTypeOf(tokenId)
  };
}
function readEndpoints(reader, context, get) {
  const environment = get("environment-url");
  context.environment = environment;
  const endpoints = { ssoTokenUrl: "", accountApiUrl: "" };
  if (environment?.kind === "saas") {
    endpoints.environmentId = environment.environmentId;
    endpoints.platformUrl = environment.platformUrl;
    endpoints.classicUrl = environment.classicUrl;
  } else if (environment?.kind === "custom") {
    endpoints.platformUrl = environment.url;
    endpoints.classicUrl = environment.url;
  }
  const environmentId = get("environment-id");
  if (environmentId !== void 0) endpoints.environmentId ??= environmentId;
  const custom = environment?.kind === "custom";
  const stage = STAGES[environment?.kind === "saas" ? environment.stage : "prod"];
  const sso = get("sso-url");
  if (sso !== void 0) endpoints.ssoTokenUrl = sso;
  else if (!reader.has("sso-url") && !(custom && usesClientSecret2(context)))
    endpoints.ssoTokenUrl = stage.ssoTokenUrl;
  const accountApi = get("account-api-url");
  if (accountApi !== void 0) endpoints.accountApiUrl = accountApi;
  else if (!reader.has("account-api-url") && !custom)
    endpoints.accountApiUrl = stage.accountApiUrl;
  return endpoints;
}
async function readToken(reader, context) {
  const tokenScopes = reader.list("token-scopes");
  const allowedScopes = reader.list("allowed-scopes");
  const checkScopes = async (name, scopes, kind) => {
    const unknown = scopes.filter((scope) => !isCurrentScope(scope, kind));
    if (unknown.length === 0) return;
    const { checkScope } = await import("./scope-check-4M57B5LI.js");
    for (const scope of unknown) {
      const problem = checkScope(scope, kind);
      if (!problem) continue;
      const text = reader.clean(problem.message, 500);
      if (problem.severity === "error") reader.problem(name, text);
      else reader.warn(name, text);
    }
  };
  if (mintsOrPlans(context.mode) && context.tokenType !== "none") {
    const kind = context.tokenType === "platform" ? "platform" : "classic";
    await checkScopes("token-scopes", tokenScopes, kind);
    if (allowedScopes.length > 0) {
      for (const scope of tokenScopes.filter((s) => !allowedScopes.includes(s)))
        reader.problem(
          "token-scopes",
          `${reader.show(scope)} is not in allowed-scopes (${reader.show(allowedScopes.join(", "))}). Remove it or add it to allowed-scopes.`
        );
    }
  }
  const oauthScopes = reader.list("oauth-scopes");
  if (usesClientSecret2(context))
    await checkScopes("oauth-scopes", oauthScopes, "oauth");
  return { tokenScopes, allowedScopes, oauthScopes };
}
function readTheRest(reader, get) {
  const sweep = {
    prefix: get("sweep-prefix") || defaultSweepPrefix()
  };
  const olderThan = get("sweep-older-than");
  if (olderThan !== void 0) sweep.olderThanSeconds = olderThan;
  const audit = {
    paths: reader.list("audit-paths", [".github/workflows"]),
    failOn: get("audit-fail-on"),
    ownInputs: /* @__PURE__ */ new Map()
  };
  const manifest = reader.read("monaco-manifest");
  if (manifest !== "") audit.monacoManifest = manifest;
  const monacoEnvironment = reader.list("monaco-environment");
  if (monacoEnvironment.length > 0) audit.monacoEnvironment = monacoEnvironment;
  const rest = {
    tokenName: get("token-name") || defaultTokenName(),
    tokenLifetimeSeconds: get("token-lifetime"),
    revoke: get("revoke"),
    outputAccessToken: get("output-access-token"),
    timeoutSeconds: get("timeout-seconds"),
    maxRetries: get("max-retries"),
    audit,
    sweep
  };
  const exportVariable2 = get("export-variable");
  if (exportVariable2 !== void 0) rest.exportVariable = exportVariable2;
  const owner = get("platform-token-owner");
  if (owner !== void 0) rest.platformTokenOwner = owner;
  return rest;
}
function defaultSweepPrefix(env = process.env) {
  return `gha/${env.GITHUB_REPOSITORY || "local/run"}/`;
}
function defaultTokenName(env = process.env) {
  const repo = env.GITHUB_REPOSITORY || "local/run";
  const run2 = env.GITHUB_RUN_ID || String(Math.floor(Date.now() / 1e3));
  const attempt = env.GITHUB_RUN_ATTEMPT || "1";
  const job = env.GITHUB_JOB || "job";
  return `gha/${repo}/run-${run2}-${attempt}/${job}`;
}

// src/state.ts, src/summary-mint.ts, src/modes/mint.ts
import { authenticate } from "./group-shared-6CC45263.js";
import { Output, State } from "./group-shared-6CC45263.js";
import { exportVariable, saveState, setOutput } from "./group-shared-6CC45263.js";
import { code, escapeHtml, writeSummary } from "./group-shared-6CC45263.js";
import { formatDuration } from "./group-shared-6CC45263.js";
import { ClassicTokensApi } from "./group-shared-6CC45263.js";
import { checkedServerNow, tokenProblems } from "./group-shared-6CC45263.js";
import { ActionError, errorMessage } from "./group-shared-6CC45263.js";
function saveToken(token) {
  saveState(State.TokenId, token.id);
  saveState(State.TokenType, token.type);
  saveState(State.ExpiresAt, token.expiresAt);
  saveState(State.SsoUrl, token.ssoUrl);
  if (token.platformUrl) saveState(State.PlatformUrl, token.platformUrl);
  if (token.accountApiUrl)
    saveState(State.AccountApiUrl, token.accountApiUrl);
  if (token.accountUuid) saveState(State.AccountUuid, token.accountUuid);
  saveState(State.Revoke, String(token.revoke));
}
var TOKEN_KIND = {
  classic: "Classic API token",
  platform: "Platform token"
};
var row = (name, html) => `<tr><td>${escapeHtml(name)}</td><td>${html}</td></tr>`;
function environmentHtml(environment) {
  const parts = [
    ...environment?.id ? [code(environment.id)] : [],
    ...environment?.url ? [escapeHtml(environment.url)] : []
  ];
  return parts.length > 0 ? parts.join(" ") : void 0;
}
function scopesHtml(token) {
  const list = token.scopes.map(code).join(", ");
  const check = token.scopesVerified ? "Verified: read back from Dynatrace after creation." : `Not verified: ${token.scopesUnverified ?? "they were not read back from Dynatrace."} These are the scopes asked for.`;
  return `${list}<br>${escapeHtml(check)}`;
}
function mintSummary(info) {
  return (s) => {
    const environment = environmentHtml(info.environment);
    const token = info.token;
    if (token) {
      s.addHeading("Dynatrace token minted", 2);
      const rows = [
        `<tr><th>${escapeHtml(TOKEN_KIND[token.type]).replace(/ /g, "&nbsp;")}</th><th>${code(token.id)}</th></tr>`,
        row("Name", escapeHtml(token.name)),
        ...environment ? [row("Environment", environment)] : [],
        row("Scopes", scopesHtml(token)),
        row(
          "Expires",
          `${escapeHtml(token.expiresAt)} (lifetime ${escapeHtml(formatDuration(info.lifetimeSeconds))})`
        ),
        row(
          "Revocation",
          info.revoke ? (
            // The post step reports what happened in its own summary: promise nothing here.
            "requested: the post step revokes it when the job ends (its result follows below)"
          ) : "off (<code>revoke: false</code>): it stays valid until it expires"
        )
      ];
      s.addRaw(`<table>
${rows.join("\n")}
</table>`, true);
    } else {
      s.addHeading("Dynatrace credentials: no token minted", 2);
      s.addRaw(
        `<p><code>token-type: none</code>: only the ${bearerName(info)} is handed on (outputs <code>access-token</code> and <code>access-token-expires-at</code>)${environment ? ` for environment ${environment}` : ""}.</p>`,
        true
      );
    }
    closingSections(s, info);
  };
}
var bearerName = (info) => info.auth === "github-oidc" ? "GitHub ID token" : "SSO bearer";
function closingSections(s, info) {
  if (info.credential)
    s.addRaw(`<p>Authenticated with ${escapeHtml(info.credential)}.</p>`, true);
  for (const section of info.sections ?? []) s.addRaw(section, true);
}
var IAM_PROPAGATION_MS = 6e4;
async function checkBeforeRequests(inputs, log) {
  const checked = {};
  const manifest = inputs.audit.monacoManifest;
  if (inputs.token.type !== "none" && inputs.tokenScopes.length === 0 && manifest !== void 0) {
    const { deriveTokenScopes } = await import("./derive-K3WPOHSI.js");
    const derived = await deriveTokenScopes(
      inputs,
      inputs.token.type,
      manifest,
      log
    );
    inputs.tokenScopes = derived.scopes.map((s) => s.scope);
    checked.derived = derived;
  }
  if (inputs.policies !== "" || inputs.bindings !== "") {
    const { checkIamInputs } = await import("./iam-JJ6RIXPP.js");
    checked.iam = checkIamInputs(inputs);
  }
  return checked;
}
async function prepare(base, checked) {
  const { inputs } = base;
  const { derived } = checked;
  const iamAccount = inputs.policies !== "" || inputs.bindings !== "" || inputs.mode === "plan" ? inputs.account : void 0;
  const e = inputs.endpoints;
  const { token } = inputs;
  const first = iamAccount ? iamAccount.accountApiUrl : token.type === "classic" ? token.platformUrl : token.type === "platform" ? token.accountApiUrl : void 0;
  const session = await authenticate(base, first);
  let iam;
  if (iamAccount) {
    const { ensureIam } = await import("./iam-JJ6RIXPP.js");
    iam = await ensureIam(
      session.ctx,
      session.bearer.accessToken,
      checked.iam ?? { policies: [], bindings: [] },
      iamAccount,
      { dryRun: inputs.mode === "plan" }
    );
  }
  if (e.platformUrl) setOutput(Output.EnvironmentUrl, e.platformUrl);
  if (e.classicUrl) setOutput(Output.ClassicEnvironmentUrl, e.classicUrl);
  setOutput(Output.BindingsAdded, String(iam?.bindingsAdded ?? 0));
  setOutput(Output.PoliciesChanged, String(iam?.policiesChanged ?? 0));
  const sections = iam ? [iam.summaryHtml] : [];
  if (derived) {
    const { derivedSummaryHtml } = await import("./derive-K3WPOHSI.js");
    sections.unshift(derivedSummaryHtml(derived));
  }
  const environment = {
    ...e.environmentId ? { id: e.environmentId } : {},
    ...e.platformUrl ? { url: e.platformUrl } : {}
  };
  return { session, iam, environment, sections };
}
async function summarize(prepared, details, render = mintSummary) {
  const { session, environment, sections } = prepared;
  await writeSummary(
    session.ctx.log,
    render({
      ...details,
      credential: session.credential,
      auth: session.ctx.inputs.auth,
      environment,
      sections
    })
  );
}
async function mint(base, notes, checked) {
  const prepared = await prepare(base, checked);
  const { token } = base.inputs;
  if (token.type === "none") {
    const { handOnBearer } = await import("./bearer-LJWEC4R7.js");
    await handOnBearer(prepared);
  } else await mintToken(prepared, token, notes);
}
async function mintToken(prepared, target, notes) {
  const { ctx, bearer } = prepared.session;
  const { inputs, log } = ctx;
  const { token, asked } = await createToken(
    ctx,
    bearer,
    target,
    prepared.iam !== void 0 && prepared.iam.bindingsAdded > 0
  );
  saveToken({
    id: token.id,
    type: token.type,
    expiresAt: token.expiresAt,
    ssoUrl: inputs.auth === "github-oidc" ? "" : inputs.endpoints.ssoTokenUrl,
    revoke: inputs.revoke,
    revoked: false,
    ...target.type === "classic" ? { platformUrl: target.platformUrl } : {
      accountApiUrl: target.accountApiUrl,
      accountUuid: target.accountUuid
    }
  });
  try {
    const problems = await tokenProblems(token, asked);
    if (problems.length > 0) throw new ActionError(problems.join(" "));
    handOff(inputs, token, prepared.session.bearer);
  } catch (error) {
    const { revokeAfterFailure } = await import("./revoke-after-failure-4VIOBZL2.js");
    notes.push(await revokeAfterFailure(ctx, bearer, target, token));
    throw error;
  }
  log.info(
    `Created ${token.type} token ${token.id} (${token.scopes.join(", ")}), expiring at ${token.expiresAt}${inputs.revoke ? "; it is revoked in the post step" : ""}.`
  );
  await summarize(prepared, {
    tokenType: token.type,
    token,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    revoke: inputs.revoke
  });
}
async function createToken(ctx, bearer, target, iamChanged) {
  const { inputs, log, http } = ctx;
  const e = inputs.endpoints;
  const runnerNow = Date.now();
  const now = await checkedServerNow(log, http.serverNow(), runnerNow);
  const expirationDate = new Date(
    Math.floor((now + inputs.tokenLifetimeSeconds * 1e3) / 1e3) * 1e3 + 1 + Math.floor(Math.random() * 998)
  ).toISOString();
  const asked = {
    scopes: inputs.tokenScopes,
    allowedScopes: inputs.allowedScopes,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    expirationDate,
    runnerNow
  };
  const credentials = { http, log, bearer: bearer.accessToken };
  if (target.type === "classic") {
    const api2 = new ClassicTokensApi({
      ...credentials,
      baseUrl: target.platformUrl
    });
    const token2 = await api2.create({
      platformUrl: target.platformUrl,
      ...e.environmentId ? { environmentId: e.environmentId } : {},
      name: inputs.tokenName,
      scopes: inputs.tokenScopes,
      expirationDate,
      ...iamChanged ? { retryForbiddenUntil: now + IAM_PROPAGATION_MS } : {}
    });
    return { token: token2, asked };
  }
  const { PlatformTokensApi } = await import("./platform-tokens-ST6EFWPY.js");
  const api = new PlatformTokensApi({
    ...credentials,
    baseUrl: target.accountApiUrl,
    accountUuid: target.accountUuid
  });
  const token = await api.create({
    accountApiUrl: target.accountApiUrl,
    accountUuid: target.accountUuid,
    environmentId: target.environmentId,
    name: inputs.tokenName,
    scopes: inputs.tokenScopes,
    expirationDate,
    repositoryPrefix: inputs.sweep.prefix,
    ...inputs.platformTokenOwner ? { ownerUuid: inputs.platformTokenOwner } : {}
  });
  return { token, asked };
}
function handOff(inputs, token, bearer) {
  try {
    writeHandOff(inputs, token, bearer);
  } catch (error) {
    if (error instanceof ActionError) throw error;
    throw new ActionError(
      `Could not hand the token to later steps: ${errorMessage(error)}. The runner's GITHUB_OUTPUT${inputs.exportVariable ? " / GITHUB_ENV" : ""} file is missing or not writable (outside GitHub Actions, run the action with those files set, e.g. through npm run local).`
    );
  }
}
function writeHandOff(inputs, token, bearer) {
  if (inputs.outputAccessToken) setAccessToken(bearer);
  setOutput(Output.Token, token.secret);
  setOutput(Output.TokenId, token.id);
  setOutput(Output.TokenType, token.type);
  setOutput(Output.TokenExpiresAt, token.expiresAt);
  setOutput(Output.TokenScopes, token.scopes.join(","));
  if (inputs.exportVariable)
    exportVariable(inputs.exportVariable, token.secret);
}
function setAccessToken(bearer) {
  setOutput(Output.AccessToken, bearer.accessToken);
  if (bearer.expiresAt === void 0) return void 0;
  const expiresAt = new Date(bearer.expiresAt).toISOString();
  setOutput(Output.AccessTokenExpiresAt, expiresAt);
  return expiresAt;
}

// src/main.ts
import "./group-shared-6CC45263.js";

import { Logger } from "./group-shared-6CC45263.js";
import { createHttp, reportFailure } from "./group-shared-6CC45263.js";


import { writeSummary as writeSummary2 } from "./group-shared-6CC45263.js";










async function run() {
  const log = new Logger();
  const notes = [];
  try {
    const inputs = await readInputs(log);
    for (const warning of inputs.warnings) log.warning(warning);
    await runMode(inputs, log, notes);
  } catch (error) {
    reportFailure(log, error);
  } finally {
    if (log.failure !== void 0) {
      const { failureSummary } = await import("./summary-failure-CFZPMY46.js");
      await writeSummary2(log, failureSummary(log.failure, notes));
    }
  }
}
async function runMode(inputs, log, notes) {
  if (inputs.mode === "audit") {
    const { audit } = await import("./audit-RF5DOS52.js");
    await audit(inputs, log);
    return;
  }
  if (inputs.mode === "revoke") {
    const { revokeMode } = await import("./revoke-AQQ3BJF2.js");
    await withHttp(inputs, log, (http) => revokeMode({ inputs, log, http }));
  } else if (inputs.mode === "sweep") {
    const { sweepMode } = await import("./sweep-W6JDLIIS.js");
    await withHttp(inputs, log, (http) => sweepMode({ inputs, log, http }));
  } else if (inputs.mode === "plan") {
    const checked = await checkBeforeRequests(inputs, log);
    const { plan } = await import("./plan-VHO2WAJI.js");
    await withHttp(inputs, log, (http) => plan({ inputs, log, http }, checked));
  } else {
    const checked = await checkBeforeRequests(inputs, log);
    await withHttp(
      inputs,
      log,
      (http) => mint({ inputs, log, http }, notes, checked)
    );
  }
}
async function withHttp(inputs, log, step) {
  const http = createHttp(inputs, log);
  try {
    await step(http);
  } finally {
    http.dispose();
  }
}
export {
  ACCOUNT_SCOPES,
  CLASSIC_LEGACY_SCOPES,
  CLASSIC_SCOPES,
  PLATFORM_SCOPES,
  RETIRED_SCOPE_PREFIXES,
  TOKEN_KIND,
  bearerName,
  closingSections,
  environmentHtml,
  federationRefusals,
  lookup,
  prepare,
  row,
  run,
  setAccessToken,
  summarize,
  unmetRequirements
};
