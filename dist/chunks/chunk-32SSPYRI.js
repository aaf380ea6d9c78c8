import {
  federationRefusals,
  unmetRequirements
} from "./chunk-Y3OFRB7L.js";
import {
  startReading
} from "./chunk-LTRZDNR3.js";
import {
  FIELDS,
  STAGES,
  usesClientSecret
} from "./chunk-ZHV3OFIM.js";
import {
  getInput
} from "./chunk-CL77C4HZ.js";
import {
  isCurrentScope
} from "./chunk-V4GH5LXW.js";
import {
  secretOfAnotherClient,
  tokenTypeOf
} from "./chunk-M4LQXBWN.js";

// src/inputs.ts
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
  if (usesClientSecret(context)) {
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
  else if (!reader.has("sso-url") && !(custom && usesClientSecret(context)))
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
    const { checkScope } = await import("./scope-check-TB2OQP7Q.js");
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
  if (usesClientSecret(context))
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
  const exportVariable = get("export-variable");
  if (exportVariable !== void 0) rest.exportVariable = exportVariable;
  const owner = get("platform-token-owner");
  if (owner !== void 0) rest.platformTokenOwner = owner;
  return rest;
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
  readInputs
};
