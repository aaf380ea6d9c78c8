import {
  DynatraceApi
} from "./chunk-2GFJCOSR.js";
import {
  Http,
  bodyRetryDelay,
  parseJson
} from "./chunk-OAKA2SLT.js";
import {
  ActionError,
  errorMessage
} from "./chunk-IKGYFQ6X.js";

// src/dynatrace/sso.ts
var MIN_BEARER_LENGTH = 16;
var BEARER_TOKEN = new RegExp(
  `^[A-Za-z0-9\\-._~+/]{${MIN_BEARER_LENGTH},16384}=*$`
);
var SECRETS_HINT = "Check client-id and client-secret, that the client has not been deleted or its secret rotated, and that the secret is passed to this workflow (secrets are not available to workflows from forks or Dependabot).";
var SsoApi = class extends DynatraceApi {
  /**
   * Get a bearer token. The token is masked the moment it is read from the response,
   * before anything else can print or return it.
   */
  async bearer(request) {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: request.credentials.clientId,
      client_secret: request.credentials.clientSecret
    });
    if (request.scopes.length > 0) form.set("scope", request.scopes.join(" "));
    if (request.accountUuid)
      form.set("resource", `urn:dtaccount:${request.accountUuid}`);
    const response = await this.send({
      method: "POST",
      path: "",
      form,
      what: "get an SSO bearer token"
    });
    const body = parseJson(response.text);
    const fields = typeof body === "object" && body !== null ? body : {};
    const accessToken = fields.access_token;
    if (typeof accessToken === "string" && accessToken.trim().length >= MIN_BEARER_LENGTH)
      this.log.addSecret(accessToken);
    if (response.status < 200 || response.status >= 300 || typeof accessToken !== "string" || accessToken === "" || fields.error !== void 0)
      throw this.refusal(response, request);
    if (!BEARER_TOKEN.test(accessToken)) {
      throw new ActionError(
        `Dynatrace SSO answered an access token in an unexpected form (not RFC 6750 token characters, shorter than ${MIN_BEARER_LENGTH} characters, or over 16 kB). Check that sso-url is Dynatrace's SSO token endpoint (https://sso.dynatrace.com/sso/oauth2/token).`
      );
    }
    const bearer = { accessToken };
    const expiresIn = fields.expires_in;
    if (typeof expiresIn === "number" && expiresIn > 0 && expiresIn < 86400)
      bearer.expiresAt = this.http.serverNow() + expiresIn * 1e3;
    return bearer;
  }
  /** Why SSO gave no bearer, and what to do. */
  refusal(response, request) {
    const { status, text } = response;
    const body = parseJson(text);
    const code = typeof body?.error === "string" ? body.error : void 0;
    const description = typeof body?.error_description === "string" ? body.error_description : "";
    const detail = this.explain(response);
    const requested = request.scopes.join(" ");
    if (code === "invalid_client" || status === 401) {
      return new ActionError(
        `Dynatrace SSO rejected the OAuth client ${request.credentials.clientId} (HTTP ${status}: ${detail}). ${SECRETS_HINT}`
      );
    }
    const missing = /missing following scopes \[([^\]]*)\]/i.exec(description);
    if (missing) {
      return new ActionError(
        `Dynatrace SSO refused the token: the OAuth client lacks scope(s) ${this.log.clean(missing[1] ?? "")}. Grant them to the client in Account Management \u2192 OAuth clients, or remove them from oauth-scopes.`
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
      `Could not get an SSO bearer token: HTTP ${status} from ${new URL(this.options.baseUrl).host}: ${detail}. ${ssoAdvice(status)}`
    );
  }
};
function ssoAdvice(status) {
  if (status === 400) return SECRETS_HINT;
  if (status === 429)
    return "Dynatrace SSO kept rate-limiting this client through every retry; run fewer jobs at once with this OAuth client, raise max-retries or timeout-seconds, or try again later.";
  if (status >= 500)
    return "Dynatrace SSO is unavailable; try again later (max-retries and timeout-seconds bound the retries).";
  return "Check sso-url, or try again later if Dynatrace is unavailable.";
}

// src/runtime.ts
function createHttp(inputs, log, urls = inputs.auth === "github-oidc" ? [inputs.endpoints?.platformUrl] : Object.values(inputs.endpoints ?? {})) {
  const origins = urls.filter((u) => !!u && /^https?:/.test(u)).map((u) => new URL(u).origin);
  const budgetMs = inputs.timeoutSeconds * 1e3;
  return new Http({
    log,
    server: "Dynatrace",
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
  if (inputs.auth === "github-oidc") {
    const { federatedSession } = await import("./github-oidc-4UGYIRDI.js");
    return federatedSession(ctx, inputs.oidcAudience, next);
  }
  const { credentials } = inputs;
  log.info(
    `Getting an SSO bearer token for OAuth client ${credentials.clientId} from ${new URL(inputs.endpoints.ssoTokenUrl).host}.`
  );
  const sso = new SsoApi({ http, log, baseUrl: inputs.endpoints.ssoTokenUrl });
  const pending = sso.bearer({
    credentials,
    scopes: inputs.oauthScopes,
    ...inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {}
  });
  http.preconnect(next);
  return {
    ctx,
    bearer: await pending,
    credential: `OAuth client ${credentials.clientId} (client credentials)`
  };
}

export {
  SsoApi,
  createHttp,
  reportFailure,
  authenticate
};
