import { parseJson } from "./group-shared-6CC45263.js";
import { isLoopbackHost } from "./group-shared-6CC45263.js";
import { ActionError } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";

// src/github-oidc.ts
var GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
var PERMISSION_HINT = `Give the job permission to request one (a job that sets permissions gets only those it lists):
  permissions:
    id-token: write
    contents: read
Workflows run for pull requests from forks never get an ID token; use mode: audit there.`;
var NAMED_CLAIMS = ["iss", "aud", "sub", "repository", "ref", "environment"];
var JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
var MAX_TOKEN_LENGTH = 16384;
async function requestIdToken(http, context, env = process.env) {
  const { log, audience } = context;
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? "";
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "";
  log.addSecret(requestToken);
  if (requestUrl === "" || requestToken === "") {
    const missing = [
      requestUrl === "" ? "ACTIONS_ID_TOKEN_REQUEST_URL" : "",
      requestToken === "" ? "ACTIONS_ID_TOKEN_REQUEST_TOKEN" : ""
    ].filter(Boolean);
    throw new ActionError(
      `auth: github-oidc needs a GitHub ID token, but this job may not request one: the runner did not set ${missing.join(" and ")}. ${PERMISSION_HINT}`
    );
  }
  let url;
  try {
    url = new URL(requestUrl);
  } catch {
    throw new ActionError(
      "ACTIONS_ID_TOKEN_REQUEST_URL is not a URL, so no GitHub ID token can be requested. It is set by the runner: do not override it in the workflow."
    );
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new ActionError(
      `ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL (it is ${url.protocol.replace(":", "")} on ${url.host}); the request token is never sent in clear text. It is set by the runner: do not override it in the workflow.`
    );
  }
  url.searchParams.set("audience", audience);
  log.info(
    `Requesting a GitHub ID token for audience "${log.clean(audience, 200)}" from the runner's token service (${url.host}).`
  );
  const response = await http.withOrigins([url.origin]).request({
    method: "GET",
    url: url.href,
    authorization: `Bearer ${requestToken}`,
    what: "request a GitHub ID token"
  });
  const body = parseJson(response.text);
  const value = response.status === 200 ? body?.value : void 0;
  if (typeof value === "string") log.addSecret(value);
  if (response.status !== 200) {
    throw new ActionError(
      `Could not get a GitHub ID token: the runner's token service (${url.host}) answered HTTP ${response.status}.${response.status === 401 || response.status === 403 ? ` The job's request token was refused. ${PERMISSION_HINT}` : " Try again later; GitHub may be having trouble (https://www.githubstatus.com)."}`
    );
  }
  if (typeof value !== "string" || value.length > MAX_TOKEN_LENGTH || !JWT.test(value)) {
    throw new ActionError(
      `Could not get a GitHub ID token: the answer of the runner's token service (${url.host}) holds no token in the expected form (a JWT).`
    );
  }
  return readIdToken(value);
}
function readIdToken(value) {
  const payload = parseJson(
    Buffer.from(value.split(".")[1] ?? "", "base64url").toString("utf8")
  );
  const exp = payload?.exp;
  if (typeof exp !== "number" || !Number.isFinite(exp) || exp <= 0) {
    throw new ActionError(
      "The GitHub ID token has no valid exp claim, so the action cannot say how long it lives; it was not used."
    );
  }
  const claims = {};
  for (const name of NAMED_CLAIMS) {
    const claim = payload?.[name];
    if (typeof claim === "string") claims[name] = claim;
    else if (Array.isArray(claim)) claims[name] = claim.map(String).join(", ");
  }
  return { value, expiresAt: exp * 1e3, claims };
}
var FederatedBearer = class {
  constructor(token, context, renew) {
    this.token = token;
    this.context = context;
    this.renew = renew;
    this.values.add(this.authorization);
  }
  token;
  context;
  renew;
  values = /* @__PURE__ */ new Set();
  acceptedBefore = false;
  get idToken() {
    return this.token;
  }
  get authorization() {
    return `Bearer ${this.token.value}`;
  }
  current(authorization) {
    return this.values.has(authorization) ? this.authorization : authorization;
  }
  owns(authorization) {
    return this.values.has(authorization);
  }
  accepted() {
    this.acceptedBefore = true;
  }
  async rejected(spec, response, final) {
    if (response.status === 401 && this.acceptedBefore && !final) {
      this.context.log.info(
        "Dynatrace answered HTTP 401 to the GitHub ID token it had accepted (it may have expired); requesting a fresh one and trying once more."
      );
      this.token = await this.renew();
      this.values.add(this.authorization);
      return this.authorization;
    }
    throw await federatedRefusal(spec.what, response, this.token, this.context);
  }
};
function describeClaims(token, log, names) {
  return names.map((name) => {
    const claim = token.claims[name];
    return claim === void 0 ? `${name} (none${name === "environment" ? ": the job names no environment" : ""})` : `${name} "${log.clean(claim, 200)}"`;
  }).join(", ");
}
async function federatedRefusal(what, response, token, context) {
  const { explainError, readDynatraceError } = await import("./errors-QC65UVWR.js");
  const { log, audience, environment } = context;
  const details = readDynatraceError(response);
  const said = explainError(log, response);
  if (response.status === 401) {
    return new ActionError(
      `Could not ${what}: Dynatrace did not accept the GitHub ID token (HTTP 401: ${said}). The token was requested for audience "${log.clean(audience, 200)}" (oidc-audience) and states ${describeClaims(token, log, NAMED_CLAIMS)}. A workload identity federation trust in Dynatrace must match it: issuer ${GITHUB_ISSUER}, audience "${log.clean(audience, 200)}" exactly, status active, and a service-user mapping for environment ${environment} whose claim mappings all match these claims (for example repository EXACT "${log.clean(token.claims.repository ?? "owner/repo", 200)}" with ref GLOB "refs/heads/*", or sub EXACT "${log.clean(token.claims.sub ?? "repo:owner/repo:ref:refs/heads/main", 200)}").`
    );
  }
  const scopes = details.missingScopes.length > 0 ? `the scope(s) ${details.missingScopes.map((s) => log.clean(s, 100)).join(", ")}` : "environment-api:api-tokens:write (create and revoke classic tokens) and environment-api:api-tokens:read (verify them)";
  const permissions = details.missingPermissions.length > 0 ? details.missingPermissions.map((p) => log.clean(p, 100)).join(", ") : "environment:roles:manage-settings (needed to create tokens)";
  return new ActionError(
    `Could not ${what}: Dynatrace accepted the GitHub ID token but refused the request (HTTP ${response.status}: ${said}). The service-user mapping that matched the token (${describeClaims(token, log, ["sub", "repository", "ref", "environment"])}) must grant ${scopes} for environment ${environment}, and its service user needs a policy bound on that environment that allows ${permissions}.`
  );
}
function lifetimeText(expiresAt, now = Date.now()) {
  const minutes = Math.max(0, Math.round((expiresAt - now) / 6e4));
  return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
function federationContext(inputs, log, platformUrl = inputs.endpoints.platformUrl) {
  return {
    audience: inputs.oidcAudience,
    environment: inputs.endpoints.environmentId ?? (platformUrl ? new URL(platformUrl).host : "of this step"),
    log
  };
}
async function federatedSession(ctx, oidcAudience, next) {
  const { inputs, log, http } = ctx;
  const federated = await federate(
    http,
    federationContext({ oidcAudience, endpoints: inputs.endpoints }, log),
    next
  );
  return {
    ctx: { ...ctx, http: federated.http },
    // The ID token of now: a 401 mid-run renews it (FederatedBearer.rejected).
    get bearer() {
      const token = federated.bearer.idToken;
      return { accessToken: token.value, expiresAt: token.expiresAt };
    },
    credential: `GitHub ID token for audience "${oidcAudience}" (workload identity federation; no Dynatrace secret)`,
    federated: federated.bearer
  };
}
async function federate(http, context, next) {
  const { log } = context;
  const request = () => requestIdToken(http, context);
  const pending = request();
  http.preconnect(next);
  const token = await pending;
  log.info(
    `Got a GitHub ID token (${describeClaims(token, log, ["sub"])}), valid until ${new Date(token.expiresAt).toISOString()} (${lifetimeText(token.expiresAt)}); it is presented to Dynatrace as the bearer (workload identity federation).`
  );
  const bearer = new FederatedBearer(token, context, request);
  return { bearer, http: http.withBearer(bearer) };
}
async function checkTrust(ctx, bearer, platformUrl) {
  const { http } = ctx;
  const { context } = bearer;
  const { log, environment } = context;
  const what = `check that environment ${environment} accepts the GitHub ID token`;
  const { ClassicTokensApi } = await import("./api-tokens-WABI6FEC.js");
  const tokens = new ClassicTokensApi({
    http,
    log,
    baseUrl: platformUrl,
    bearer: bearer.idToken.value
  });
  const response = await tokens.probe(what);
  if (response.status === 401)
    throw await federatedRefusal(what, response, bearer.idToken, context);
  if (response.status === 200) {
    log.info(
      `Environment ${environment} accepted the GitHub ID token (the trust and a service-user mapping match this job).`
    );
  } else if (response.status === 403) {
    log.info(
      `Environment ${environment} accepted the GitHub ID token (the trust matches this job), but its mapping may not read tokens (HTTP 403), so the check stops there. Minting needs environment-api:api-tokens:write.`
    );
  } else {
    log.warning(
      `Could not check that environment ${environment} accepts the GitHub ID token: HTTP ${response.status}.`
    );
  }
}
export {
  FederatedBearer,
  GITHUB_ISSUER,
  checkTrust,
  federate,
  federatedSession,
  federationContext
};
