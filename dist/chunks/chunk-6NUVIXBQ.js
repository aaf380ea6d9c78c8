import {
  deleteClassicToken
} from "./chunk-UDY75SBC.js";
import {
  getState,
  saveState
} from "./chunk-TC7Z5OUA.js";
import {
  Http,
  bodyRetryDelay,
  explainError,
  parseJson
} from "./chunk-B2VLX7FN.js";
import {
  ActionError
} from "./chunk-IKGYFQ6X.js";

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
  const bearer = { accessToken };
  const expiresIn = fields.expires_in;
  if (typeof expiresIn === "number" && expiresIn > 0 && expiresIn < 86400)
    bearer.expiresAt = http.serverNow() + expiresIn * 1e3;
  return bearer;
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
      `Dynatrace SSO refused the token: the OAuth client lacks scope(s) ${log.clean(missing[1] ?? "")}. Grant them to the client in Account Management \u2192 OAuth clients, or remove them from oauth-scopes.`
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

// src/client.ts
function createHttp(inputs, log, urls = inputs.auth === "github-oidc" ? [inputs.endpoints.platformUrl] : Object.values(inputs.endpoints)) {
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
  const { deletePlatformToken } = await import("./platform-tokens-MHDHKKJ4.js");
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

export {
  getBearer,
  createHttp,
  revokeUrl,
  revokeToken,
  saveToken,
  markRevoked,
  loadToken
};
