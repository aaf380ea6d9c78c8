import { formatDuration } from "./group-shared-6CC45263.js";
import {
  explainError,
  missingAccess
} from "./chunk-6HML2GKW.js";
import { EXPIRY_TOLERANCE_MS, MAX_CLOCK_AHEAD_MS, SECRET_LENGTH, TOKEN_FORMAT } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";
import { parseJson } from "./group-shared-6CC45263.js";

import { ActionError } from "./group-shared-6CC45263.js";


// src/dynatrace/failures.ts
var SECRETS_HINT = "Check client-id and client-secret, that the client has not been deleted or its secret rotated, and that the secret is passed to this workflow (secrets are not available to workflows from forks or Dependabot).";
function ssoRefusal(log, response, request, ssoUrl) {
  const { status, text } = response;
  const body = parseJson(text);
  const code = typeof body?.error === "string" ? body.error : void 0;
  const description = typeof body?.error_description === "string" ? body.error_description : "";
  const detail = explainError(log, response);
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
    `Could not get an SSO bearer token: HTTP ${status} from ${new URL(ssoUrl).host}: ${detail}. ${ssoAdvice(status)}`
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
var PHASE_3_HINT = 'The environment may be in Phase 3 of the classic access token retirement, where Dynatrace may no longer delete classic tokens; the token expires by itself. Move this pipeline to token-type: platform (README, "Moving to platform tokens").';
var RETIRED = /only available in Account Management/i;
function classicCreateRefusal(log, response, req) {
  const detail = explainError(log, response);
  const env = req.environmentId ?? new URL(req.platformUrl).host;
  switch (response.status) {
    case 400:
      if (RETIRED.test(response.text)) {
        return new ActionError(
          `Classic API token creation is retired on environment ${env} (Dynatrace: "${detail}"). Use token-type: platform to mint a platform token instead (needs account-urn).`
        );
      }
      return new ActionError(
        `Dynatrace rejected the classic token request for environment ${env} (HTTP 400: ${detail}). Check token-scopes and token-lifetime.`
      );
    case 401:
      return new ActionError(
        `Environment ${env} did not accept the SSO bearer (HTTP 401: ${detail}). Check that the OAuth client belongs to the account that owns this environment, and that account-urn is that account.`
      );
    case 403:
      return new ActionError(
        `Not allowed to create API tokens on environment ${env} (HTTP 403: ${detail}). ${missingAccess(log, response) ?? `The OAuth client needs the scope environment-api:api-tokens:write (or api-tokens:tokens:write), and its service user needs the IAM permission environment:roles:manage-settings on this environment (for example a policy with "ALLOW environment:roles:manage-settings;" bound to its group).`}`
      );
    case 404:
      return new ActionError(
        `Environment ${env} has no token API at ${req.platformUrl} (HTTP 404: ${detail}). Check environment-url (https://<id>.apps.dynatrace.com).`
      );
    default:
      return new ActionError(
        `Could not create the classic API token on environment ${env}: HTTP ${response.status}: ${detail}. Try again later if Dynatrace is unavailable.`
      );
  }
}
function describeShape(type) {
  const {
    prefix,
    publicLength: [min, max]
  } = TOKEN_FORMAT[type];
  const length = min === max ? `${min}` : `${min}\u2013${max}`;
  return `${prefix}.<${length} characters>.<${SECRET_LENGTH} characters>, upper-case letters and digits`;
}
function untrustedAnswer(type, problem, id) {
  const noun = type === "classic" ? "classic API token" : "platform token";
  const what = type === "classic" ? "Dynatrace answered" : "Account Management answered";
  switch (problem) {
    case "no-token":
      return `Could not create the ${noun}: ${what} without a token, so a token may exist that the action never saw.`;
    case "not-a-token":
      return `Could not create the ${noun}: ${what} with a token that does not have the shape of a Dynatrace ${type} token (${describeShape(type)}; value hidden), so it is not handed on.`;
    case "not-its-id":
      return `Could not create the ${noun}: ${what} with a token ID that is not the token's own (${id}; the reported one is hidden), so it is not handed on and nothing is revoked by the reported ID, which may be another job's token.`;
  }
}
function clocksApart(log, serverNow, runnerNow) {
  const ahead = serverNow - runnerNow;
  const clocks = `Dynatrace's clock (from the Date header of its answers) reads ${new Date(serverNow).toISOString()}, the runner's ${new Date(runnerNow).toISOString()}`;
  if (ahead > MAX_CLOCK_AHEAD_MS) {
    throw new ActionError(
      `${clocks}: Dynatrace's is ${formatDuration(ahead / 1e3)} ahead, more than the ${formatDuration(MAX_CLOCK_AHEAD_MS / 1e3)} the action accepts, and a token's expiry computed from it would outlive token-lifetime. No token was created. Check the runner's clock (NTP), and that sso-url and environment-url point at Dynatrace, not at a proxy that rewrites the Date header.`
    );
  }
  log.warning(
    `${clocks}: they differ by ${formatDuration(Math.abs(ahead) / 1e3)}. The token's expiry is computed on Dynatrace's clock; check the runner's clock (NTP).`
  );
}
function tokenProblemMessages(token, asked, problems) {
  const lifetime = formatDuration(asked.lifetimeSeconds);
  const message = (problem) => {
    switch (problem.kind) {
      case "scopes-missing":
        return `Dynatrace created token ${token.id} without scope(s) ${problem.missing.join(", ")} (it drops scopes it does not accept), so the token is not handed on. Check the names in token-scopes against the scopes your environment offers.`;
      case "scopes-added": {
        const { added, unreadable, outside } = problem;
        const names = [
          ...added.length > 0 ? [`scope(s) ${added.join(", ")}`] : [],
          ...unreadable > 0 ? [
            `${unreadable} entr${unreadable === 1 ? "y" : "ies"} that are not scope names`
          ] : []
        ].join(" and ");
        return `Dynatrace created token ${token.id} with ${names} that token-scopes did not ask for${outside.length > 0 ? ` (${outside.join(", ")} not even in allowed-scopes)` : ""}, so the token is not handed on: it could do more than asked. Check that environment-url points at Dynatrace, not at a proxy that rewrites answers.`;
      }
      case "never-expires":
        return `Dynatrace reports that token ${token.id} never expires, although the action asked for an expiry of ${asked.expirationDate} (token-lifetime ${lifetime}), so the token is not handed on.`;
      case "expiry-unreadable":
        return `Dynatrace reported an expiry for token ${token.id} that is not an ISO 8601 timestamp (value hidden), so it cannot be checked against token-lifetime (${lifetime}) and the token is not handed on.`;
      case "expires-late":
        return `Dynatrace reports that token ${token.id} expires at ${problem.expiry}, later than token-lifetime (${lifetime}) allows: the action asked for ${asked.expirationDate}, judged on Dynatrace's clock and the runner's, with ${formatDuration(EXPIRY_TOLERANCE_MS / 1e3)} for rounding. The token is not handed on. Check that environment-url${token.type === "platform" ? " and account-api-url point" : " points"} at Dynatrace, not at a proxy that rewrites answers.`;
    }
  };
  return [...new Set(problems.map(message))];
}
async function classicCreateRefused(log, http, response, req) {
  if (response.status === 403 && req.retryForbiddenUntil !== void 0 && http.serverNow() + 2e3 < req.retryForbiddenUntil) {
    log.info(
      "HTTP 403 creating the token; IAM changes may still be applying, retrying in 2 s."
    );
    await new Promise((resolve) => setTimeout(resolve, 2e3));
    return "retry";
  }
  return classicCreateRefusal(log, response, req);
}
function classicDeleteFailure(log, response) {
  const detail = explainError(log, response);
  const hint = response.status === 400 ? PHASE_3_HINT : response.status === 401 || response.status === 403 ? missingAccess(log, response) ?? "The OAuth client needs environment-api:api-tokens:write (or api-tokens:tokens:write) to revoke tokens." : void 0;
  return new ActionError(
    `HTTP ${response.status}: ${detail}.${hint === void 0 ? "" : ` ${hint}`}`
  );
}
function classicReadBackFailed(log, token, read) {
  if ("error" in read) {
    const { error } = read;
    log.warning(
      `The scopes of token ${token.id} were not verified: ${error instanceof Error ? error.message : String(error)}`
    );
    token.scopesUnverified = "reading the token back failed (the warning in the log says why).";
    return;
  }
  const { status } = read.response;
  if (status === 401 || status === 403 || status === 400) {
    log.warning(
      `The scopes of token ${token.id} were not verified (HTTP ${status}: the OAuth client may not read tokens). Dynatrace drops unknown scopes silently; grant environment-api:api-tokens:read (or api-tokens:tokens:read) to verify them.`
    );
    token.scopesUnverified = `the OAuth client may not read tokens back (HTTP ${status}); grant it environment-api:api-tokens:read (or api-tokens:tokens:read) to verify them.`;
    return;
  }
  log.warning(
    `The scopes of token ${token.id} were not verified (HTTP ${status}).`
  );
  token.scopesUnverified = `reading the token back answered HTTP ${status} without a list of scopes.`;
}
export {
  classicCreateRefused,
  classicDeleteFailure,
  classicReadBackFailed,
  clocksApart,
  ssoRefusal,
  tokenProblemMessages,
  untrustedAnswer
};
