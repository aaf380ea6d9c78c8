import {
  DynatraceApi
} from "./chunk-QHYGYJD5.js";
import {
  Http,
  parseJson
} from "./chunk-HYS7G47W.js";
import {
  ActionError,
  errorMessage
} from "./chunk-IKGYFQ6X.js";

// src/dynatrace/sso.ts
var MIN_BEARER_LENGTH = 16;
var BEARER_TOKEN = new RegExp(
  `^[A-Za-z0-9\\-._~+/]{${MIN_BEARER_LENGTH},16384}=*$`
);
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
    if (response.status < 200 || response.status >= 300 || typeof accessToken !== "string" || accessToken === "" || fields.error !== void 0) {
      const { ssoRefusal } = await import("./failures-VUX66E5F.js");
      throw ssoRefusal(this.log, response, request, this.options.baseUrl);
    }
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
};

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
    // errors.ts reads the body; loaded on demand, only a retried answer needs it.
    bodyRetryDelay: async (response) => (await import("./errors-64RC5NZ4.js")).bodyRetryDelay(response),
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
    const { federatedSession } = await import("./github-oidc-J477MGAB.js");
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
