import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
import {
  readInputs,
  tokenTypeOf
} from "./chunks/chunk-PBDMMZMR.js";
import {
  Logger
} from "./chunks/chunk-EOPFO64F.js";
import {
  checkedServerNow,
  createClassicToken,
  createPlatformToken,
  deleteClassicToken,
  deletePlatformToken,
  tokenProblems
} from "./chunks/chunk-AP372UJH.js";
import {
  Http,
  bodyRetryDelay,
  explainError,
  parseJson
} from "./chunks/chunk-ESEERUMU.js";
import "./chunks/chunk-OWPSOKBO.js";
import {
  ActionError,
  errorMessage,
  exportVariable,
  failureSummary,
  getState,
  mintSummary,
  revocationSummary,
  saveState,
  setOutput,
  writeSummary
} from "./chunks/chunk-5HJBNTAA.js";
import "./chunks/chunk-YSH2IDXS.js";

// src/dynatrace/sso.ts
var MIN_BEARER_LENGTH = 16;
var BEARER_TOKEN = new RegExp(
  `^[A-Za-z0-9\\-._~+/]{${MIN_BEARER_LENGTH},16384}=*$`
);
var SECRETS_HINT = "Check client-id and client-secret, that the client has not been deleted or its secret rotated, and that the secret is passed to this workflow (secrets are not available to workflows from forks or Dependabot).";
async function getBearer(http, log, request) {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: request.credentials.clientId,
    client_secret: request.credentials.clientSecret
  });
  if (request.scopes.length > 0) form.set("scope", request.scopes.join(" "));
  if (request.accountUuid)
    form.set("resource", `urn:dtaccount:${request.accountUuid}`);
  const response = await http.request({
    method: "POST",
    url: request.tokenUrl,
    form,
    what: "get an SSO bearer token"
  });
  const body = parseJson(response.text);
  const fields = typeof body === "object" && body !== null ? body : {};
  const accessToken = fields.access_token;
  if (typeof accessToken === "string" && accessToken.trim().length >= MIN_BEARER_LENGTH)
    log.addSecret(accessToken);
  const failed = response.status < 200 || response.status >= 300 || typeof accessToken !== "string" || accessToken === "" || fields.error !== void 0;
  if (failed) throw ssoError(response.status, response.text, request, log);
  if (!BEARER_TOKEN.test(accessToken)) {
    throw new ActionError(
      `Dynatrace SSO answered an access token in an unexpected form (not RFC 6750 token characters, shorter than ${MIN_BEARER_LENGTH} characters, or over 16 kB). Check that sso-url is Dynatrace's SSO token endpoint (https://sso.dynatrace.com/sso/oauth2/token).`
    );
  }
  return { accessToken };
}
function ssoError(status, text, request, log) {
  const body = parseJson(text);
  const code = typeof body?.error === "string" ? body.error : void 0;
  const description = typeof body?.error_description === "string" ? body.error_description : "";
  const detail = explainError(log, { text });
  const requested = request.scopes.join(" ");
  if (code === "invalid_client" || status === 401) {
    return new ActionError(
      `Dynatrace SSO rejected the OAuth client ${request.credentials.clientId} (HTTP ${status}: ${detail}). ${SECRETS_HINT}`
    );
  }
  const missing = /missing following scopes \[([^\]]*)\]/i.exec(description);
  if (missing) {
    return new ActionError(
      `Dynatrace SSO refused the token: the OAuth client lacks scope(s) ${log.clean(missing[1])}. Grant them to the client in Account Management \u2192 OAuth clients, or remove them from oauth-scopes.`
    );
  }
  if (code === "invalid_scope" || code === "invalid_request" && requested !== "" && description === "") {
    return new ActionError(
      `Dynatrace SSO refused the token request (HTTP ${status}: ${detail}). A requested scope is probably not granted to the OAuth client: oauth-scopes asks for "${requested}". Grant them to the client, or leave oauth-scopes empty to get the client's own scopes.`
    );
  }
  if (/resource|account/i.test(description) && request.accountUuid) {
    return new ActionError(
      `Dynatrace SSO refused the token for account urn:dtaccount:${request.accountUuid} (HTTP ${status}: ${detail}). Check account-urn: the OAuth client must belong to that account.`
    );
  }
  if (status >= 200 && status < 300) {
    return new ActionError(
      `Dynatrace SSO answered HTTP ${status} without an access token (${detail}). Check sso-url points at the SSO token endpoint (https://sso.dynatrace.com/sso/oauth2/token).`
    );
  }
  return new ActionError(
    `Could not get an SSO bearer token: HTTP ${status} from ${new URL(request.tokenUrl).host}: ${detail}. ${ssoAdvice(status)}`
  );
}
function ssoAdvice(status) {
  if (status === 400) return SECRETS_HINT;
  if (status === 429)
    return "Dynatrace SSO kept rate-limiting this client through every retry; run fewer jobs at once with this OAuth client, raise max-retries or timeout-seconds, or try again later.";
  if (status >= 500)
    return "Dynatrace SSO is unavailable; try again later (max-retries and timeout-seconds bound the retries).";
  return "Check sso-url, or try again later if Dynatrace is unavailable.";
}

// src/revoke.ts
function revokeUrl(target) {
  return target.type === "classic" ? target.platformUrl : target.accountApiUrl;
}
async function revokeToken(http, log, bearer, target) {
  const deps = { http, log, bearer };
  if (target.type === "classic") {
    if (!target.platformUrl)
      throw new ActionError(
        "environment-url is needed to revoke a classic token."
      );
    return deleteClassicToken(deps, target.platformUrl, target.id);
  }
  if (!target.accountApiUrl || !target.accountUuid) {
    throw new ActionError("account-urn is needed to revoke a platform token.");
  }
  return deletePlatformToken(
    deps,
    target.accountApiUrl,
    target.accountUuid,
    target.id
  );
}

// src/state.ts
var State = {
  TokenId: "token-id",
  TokenType: "token-type",
  ExpiresAt: "expires-at",
  /** Classic tokens: the platform URL they live on. */
  PlatformUrl: "platform-url",
  /** Platform tokens: the Account Management API and account. */
  AccountApiUrl: "account-api-url",
  AccountUuid: "account-uuid",
  SsoUrl: "sso-url",
  /** 'false' when the user opted out of revocation. */
  Revoke: "revoke",
  /** 'true' when main already revoked the token after a later failure. */
  Revoked: "revoked"
};
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
function markRevoked() {
  saveState(State.Revoked, "true");
}
function loadToken() {
  const id = getState(State.TokenId);
  if (!id) return void 0;
  const type = getState(State.TokenType) === "platform" ? "platform" : "classic";
  const saved = {
    id,
    type,
    expiresAt: getState(State.ExpiresAt),
    ssoUrl: getState(State.SsoUrl),
    revoke: getState(State.Revoke) !== "false",
    revoked: getState(State.Revoked) === "true"
  };
  const platformUrl = getState(State.PlatformUrl);
  const accountApiUrl = getState(State.AccountApiUrl);
  const accountUuid = getState(State.AccountUuid);
  if (platformUrl) saved.platformUrl = platformUrl;
  if (accountApiUrl) saved.accountApiUrl = accountApiUrl;
  if (accountUuid) saved.accountUuid = accountUuid;
  return saved;
}

// src/main.ts
var CLEANUP_BUDGET_MS = 2e4;
var IAM_PROPAGATION_MS = 6e4;
async function run() {
  const log = new Logger();
  const notes = [];
  try {
    await mainStep(log, notes);
  } finally {
    if (log.failure !== void 0)
      await writeSummary(log, failureSummary(log.failure, notes));
  }
}
async function mainStep(log, notes) {
  let inputs;
  try {
    inputs = readInputs(log);
  } catch (error) {
    reportFailure(log, error);
    return;
  }
  for (const warning of inputs.warnings) log.warning(warning);
  if (inputs.mode === "audit") {
    try {
      const { runAudit } = await import("./chunks/audit-NVWONS7V.js");
      await runAudit(inputs, log);
    } catch (error) {
      reportFailure(log, error);
    }
    return;
  }
  let derived;
  if ((inputs.mode === "mint" || inputs.mode === "plan") && inputs.tokenType !== "none" && inputs.tokenScopes.length === 0 && inputs.audit.monacoManifest !== void 0) {
    try {
      const { deriveTokenScopes } = await import("./chunks/derive-7K5URSC4.js");
      derived = await deriveTokenScopes(inputs, log);
      inputs.tokenScopes = derived.scopes.map((s) => s.scope);
    } catch (error) {
      reportFailure(log, error);
      return;
    }
  }
  if ((inputs.mode === "mint" || inputs.mode === "plan") && (inputs.policies !== "" || inputs.bindings !== "")) {
    try {
      const { checkIamInputs } = await import("./chunks/iam-HBAEDWL3.js");
      checkIamInputs(inputs);
    } catch (error) {
      reportFailure(log, error);
      return;
    }
  }
  const http = createHttp(inputs, log);
  const ctx = { inputs, log, http };
  try {
    if (inputs.mode === "revoke") await revokeMode(ctx);
    else if (inputs.mode === "sweep") await sweepMode(ctx);
    else await mint(ctx, notes, derived);
  } catch (error) {
    reportFailure(log, error);
  } finally {
    http.dispose();
  }
}
function createHttp(inputs, log, urls = Object.values(inputs.endpoints)) {
  const origins = urls.filter((u) => !!u && /^https?:/.test(u)).map((u) => new URL(u).origin);
  const budgetMs = inputs.timeoutSeconds * 1e3;
  return new Http({
    log,
    allowedOrigins: origins,
    deadline: Date.now() + budgetMs,
    maxRetries: inputs.maxRetries,
    bodyRetryDelay,
    requestTimeoutMs: Math.min(3e4, Math.max(2e3, budgetMs / 4))
  });
}
function reportFailure(log, error) {
  if (error instanceof ActionError) {
    log.fail(error.message);
    return;
  }
  if (error instanceof Error && error.stack) log.debug(error.stack);
  log.fail(
    `Unexpected error: ${errorMessage(error)}. This is a bug in configure-dynatrace-credentials; please report it (with the log, which holds no secrets).`
  );
}
async function authenticate(ctx, next) {
  const { inputs, log, http } = ctx;
  const credentials = inputs.credentials;
  log.info(
    `Getting an SSO bearer token for OAuth client ${credentials.clientId} from ${new URL(inputs.endpoints.ssoTokenUrl).host}.`
  );
  const request = {
    tokenUrl: inputs.endpoints.ssoTokenUrl,
    credentials,
    scopes: inputs.oauthScopes,
    ...inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {}
  };
  const bearer = getBearer(http, log, request);
  http.preconnect(next);
  return bearer;
}
async function mint(ctx, notes, derived) {
  const { inputs, log } = ctx;
  const needsIam = inputs.policies !== "" || inputs.bindings !== "" || inputs.mode === "plan";
  const first = needsIam ? inputs.endpoints.accountApiUrl : inputs.tokenType === "classic" ? inputs.endpoints.platformUrl : inputs.tokenType === "platform" ? inputs.endpoints.accountApiUrl : void 0;
  const bearer = await authenticate(ctx, first);
  let iam;
  if (needsIam) {
    const { ensureIam } = await import("./chunks/iam-HBAEDWL3.js");
    iam = await ensureIam(ctx, bearer.accessToken, {
      dryRun: inputs.mode === "plan"
    });
  }
  const e = inputs.endpoints;
  if (e.platformUrl) setOutput("environment-url", e.platformUrl);
  if (e.classicUrl) setOutput("classic-environment-url", e.classicUrl);
  setOutput("bindings-added", String(iam?.bindingsAdded ?? 0));
  setOutput("policies-changed", String(iam?.policiesChanged ?? 0));
  const environment = {
    ...e.environmentId ? { id: e.environmentId } : {},
    ...e.platformUrl ? { url: e.platformUrl } : {}
  };
  const sections = iam ? [iam.summaryHtml] : [];
  if (derived) {
    const { derivedSummaryHtml } = await import("./chunks/derive-7K5URSC4.js");
    sections.unshift(derivedSummaryHtml(derived));
  }
  if (inputs.mode === "plan") {
    const plan = {
      iam: iam?.changes ?? null,
      token: inputs.tokenType === "none" ? null : {
        type: inputs.tokenType,
        name: inputs.tokenName,
        scopes: inputs.tokenScopes,
        lifetimeSeconds: inputs.tokenLifetimeSeconds,
        environment: e.environmentId ?? null,
        ...derived ? {
          scopesDerived: (await import("./chunks/derive-7K5URSC4.js")).derivedPlan(derived)
        } : {}
      }
    };
    setOutput("plan", log.redact(JSON.stringify(plan)));
    log.info("Plan mode: nothing was changed and no token was created.");
    await writeSummary(
      log,
      mintSummary({
        mode: "plan",
        environment,
        tokenType: inputs.tokenType,
        planned: {
          name: inputs.tokenName,
          scopes: inputs.tokenScopes,
          derived: derived !== void 0
        },
        lifetimeSeconds: inputs.tokenLifetimeSeconds,
        revoke: inputs.revoke,
        sections
      })
    );
    return;
  }
  if (inputs.tokenType === "none") {
    setOutput("access-token", bearer.accessToken);
    log.info(
      "token-type is none: only the SSO bearer is handed on (output access-token, valid about 5 minutes)."
    );
    await writeSummary(
      log,
      mintSummary({
        mode: "mint",
        environment,
        tokenType: "none",
        lifetimeSeconds: 0,
        revoke: false,
        sections
      })
    );
    return;
  }
  const { token, asked } = await createToken(
    ctx,
    bearer,
    iam !== void 0 && iam.bindingsAdded > 0
  );
  saveToken({
    id: token.id,
    type: token.type,
    expiresAt: token.expiresAt,
    ssoUrl: e.ssoTokenUrl,
    revoke: inputs.revoke,
    revoked: false,
    ...token.type === "classic" ? { platformUrl: e.platformUrl } : { accountApiUrl: e.accountApiUrl, accountUuid: inputs.accountUuid }
  });
  try {
    const problems = tokenProblems(token, asked);
    if (problems.length > 0) throw new ActionError(problems.join(" "));
    handOff(inputs, token, bearer);
  } catch (error) {
    notes.push(await revokeAfterFailure(ctx, bearer, token));
    throw error;
  }
  log.info(
    `Created ${token.type} token ${token.id} (${token.scopes.join(", ")}), expiring at ${token.expiresAt}${inputs.revoke ? "; it is revoked in the post step" : ""}.`
  );
  await writeSummary(
    log,
    mintSummary({
      mode: "mint",
      environment,
      tokenType: token.type,
      token,
      lifetimeSeconds: inputs.tokenLifetimeSeconds,
      revoke: inputs.revoke,
      sections
    })
  );
}
async function createToken(ctx, bearer, iamChanged) {
  const { inputs, log, http } = ctx;
  const e = inputs.endpoints;
  const runnerNow = Date.now();
  const now = checkedServerNow(log, http.serverNow(), runnerNow);
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
  const deps = { http, log, bearer: bearer.accessToken };
  if (inputs.tokenType === "classic") {
    const token2 = await createClassicToken(deps, {
      platformUrl: e.platformUrl,
      ...e.environmentId ? { environmentId: e.environmentId } : {},
      name: inputs.tokenName,
      scopes: inputs.tokenScopes,
      expirationDate,
      ...iamChanged ? { retryForbiddenUntil: now + IAM_PROPAGATION_MS } : {}
    });
    return { token: token2, asked };
  }
  const token = await createPlatformToken(deps, {
    accountApiUrl: e.accountApiUrl,
    accountUuid: inputs.accountUuid,
    environmentId: e.environmentId,
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
  setOutput("access-token", bearer.accessToken);
  setOutput("token", token.secret);
  setOutput("token-id", token.id);
  setOutput("token-type", token.type);
  setOutput("token-expires-at", token.expiresAt);
  setOutput("token-scopes", token.scopes.join(","));
  if (inputs.exportVariable)
    exportVariable(inputs.exportVariable, token.secret);
}
async function revokeAfterFailure(ctx, bearer, token) {
  const { inputs, log } = ctx;
  const http = ctx.http.withBudget(CLEANUP_BUDGET_MS);
  try {
    const result = await revokeToken(
      http,
      log,
      bearer.accessToken,
      revokeTarget(inputs, token.id, token.type)
    );
    markRevoked();
    log.info(`Revoked token ${token.id} because the step failed (${result}).`);
    return `Token ${token.id} was created but not handed on; it has been revoked.`;
  } catch (error) {
    log.warning(
      `Could not revoke token ${token.id} after the failure: ${errorMessage(error)} The post step will try again.`
    );
    return `Token ${token.id} was created but not handed on, and revoking it failed: ${errorMessage(error)} It stays valid until ${token.expiresAt} unless the post step's second attempt (reported below) succeeds; if it does not, delete the token in Dynatrace.`;
  }
}
async function sweepMode(ctx) {
  const bearer = await authenticate(ctx);
  const { sweep } = await import("./chunks/sweep-SYNX4UP4.js");
  await sweep(ctx, bearer.accessToken);
}
async function revokeMode(ctx) {
  const { inputs, log, http } = ctx;
  const id = inputs.tokenId;
  setOutput("token-id", id);
  let result;
  try {
    const target = revokeTarget(inputs, id, tokenTypeOf(id));
    const bearer = await authenticate(ctx, revokeUrl(target));
    result = await revokeToken(http, log, bearer.accessToken, target);
  } catch (error) {
    log.warning(
      `Could not revoke token ${id}: ${errorMessage(error)} Delete it in Dynatrace; it stays valid until it expires.`
    );
    await writeSummary(
      log,
      revocationSummary(id, "failed", errorMessage(error))
    );
    return;
  }
  if (result === "revoked") {
    log.info(`Revoked token ${id}.`);
    await writeSummary(log, revocationSummary(id, result, ""));
    return;
  }
  const unknown = `Dynatrace does not know token ${id} (HTTP 404), so there was nothing to revoke: it was already revoked or deleted, or token-id is wrong or belongs to another ${tokenTypeOf(id) === "classic" ? "environment (environment-url)" : "account (account-urn)"}.`;
  log.info(unknown);
  await writeSummary(log, revocationSummary(id, "unknown-id", unknown));
}
function revokeTarget(inputs, id, type) {
  const { platformUrl, accountApiUrl } = inputs.endpoints;
  return {
    id,
    type,
    accountApiUrl,
    ...platformUrl ? { platformUrl } : {},
    ...inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {}
  };
}

// src/post.ts
async function post() {
  const log = new Logger();
  const saved = loadToken();
  if (!saved) {
    log.info("This step minted no token; nothing to revoke.");
    return;
  }
  if (saved.revoked) {
    log.info(`Token ${saved.id} was already revoked by the main step.`);
    return;
  }
  if (!saved.revoke) {
    log.info(
      `revoke is false: token ${saved.id} stays valid until ${saved.expiresAt}.`
    );
    await writeSummary(
      log,
      revocationSummary(
        saved.id,
        "skipped",
        `revoke: false; it expires at ${saved.expiresAt}.`
      )
    );
    return;
  }
  let http;
  try {
    const inputs = readInputs(log);
    http = createHttp(inputs, log, [
      saved.ssoUrl,
      saved.platformUrl,
      saved.accountApiUrl
    ]);
    const accountUuid = saved.accountUuid ?? inputs.accountUuid;
    const pending = getBearer(http, log, {
      tokenUrl: saved.ssoUrl,
      credentials: inputs.credentials,
      scopes: inputs.oauthScopes,
      ...accountUuid ? { accountUuid } : {}
    });
    http.preconnect(revokeUrl(saved));
    const bearer = await pending;
    const result = await revokeToken(http, log, bearer.accessToken, saved);
    log.info(
      result === "revoked" ? `Revoked token ${saved.id}.` : `Token ${saved.id} was already gone (counts as revoked).`
    );
    await writeSummary(log, revocationSummary(saved.id, result, ""));
  } catch (error) {
    log.warning(
      `Could not revoke token ${saved.id}: ${errorMessage(error)} It stays valid until ${saved.expiresAt}; delete it in Dynatrace if that is too long.`
    );
    await writeSummary(
      log,
      revocationSummary(
        saved.id,
        "failed",
        `${errorMessage(error)} It stays valid until ${saved.expiresAt}; delete it in Dynatrace if that is too long.`
      )
    );
  } finally {
    http?.dispose();
  }
}
export {
  post,
  run
};
