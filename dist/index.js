import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
import {
  Http,
  PLATFORM_TOKEN_SCOPES,
  attempts,
  bodyRetryDelay,
  explainError,
  missingAccess,
  parseJson
} from "./chunks/chunk-H2JOSV5V.js";
import {
  readInputs,
  tokenTypeOf
} from "./chunks/chunk-UXQMQHNV.js";
import {
  ActionError,
  AmbiguousRequestError,
  Logger,
  errorMessage,
  exportVariable,
  failureSummary,
  formatDuration,
  getState,
  mintSummary,
  revocationSummary,
  saveState,
  setOutput,
  writeSummary
} from "./chunks/chunk-Q5JVWH6V.js";
import "./chunks/chunk-YSH2IDXS.js";

// src/dynatrace/tokens.ts
var TOKEN_FORMAT = {
  classic: { prefix: "dt0c01", publicLength: [24, 24] },
  // UNCONFIRMED: the length of a platform token's public portion. Public samples show
  // 8 characters (a secret-scanning rule's test data, the emulator follows it), the
  // docs' general format 24. The secret portion, prefix and character set are what
  // make a value a token, so the public portion may be of any length up to 64.
  platform: { prefix: "dt0s16", publicLength: [1, 64] }
};
var SECRET_LENGTH = 64;
function tokenShape(type) {
  const {
    prefix,
    publicLength: [min, max]
  } = TOKEN_FORMAT[type];
  return new RegExp(
    `^${prefix}\\.[A-Z0-9]{${min},${max}}\\.[A-Z0-9]{${SECRET_LENGTH}}$`
  );
}
var TOKEN_SHAPE = {
  classic: tokenShape("classic"),
  platform: tokenShape("platform")
};
function describeShape(type) {
  const {
    prefix,
    publicLength: [min, max]
  } = TOKEN_FORMAT[type];
  const length = min === max ? `${min}` : `${min}\u2013${max}`;
  return `${prefix}.<${length} characters>.<${SECRET_LENGTH} characters>, upper-case letters and digits`;
}
var CLASSIC_TOKEN_ID = /^dt0c01\.[A-Za-z0-9]{1,64}$/;
var PLATFORM_TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var SCOPE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
var ISO_DATE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
var UntrustedAnswerError = class extends AmbiguousRequestError {
  constructor(message) {
    super(message);
    this.name = "UntrustedAnswerError";
  }
};
function checkCreatedToken(log, type, token, reportedId) {
  const shaped = typeof token === "string" && TOKEN_SHAPE[type].test(token);
  if (shaped || typeof token === "string" && token.trim().length >= 32) {
    log.addSecret(token);
  }
  const noun = type === "classic" ? "classic API token" : "platform token";
  const what = type === "classic" ? "Dynatrace answered" : "Account Management answered";
  if (typeof token !== "string" || token === "") {
    throw new UntrustedAnswerError(
      `Could not create the ${noun}: ${what} without a token, so a token may exist that the action never saw.`
    );
  }
  if (!shaped) {
    throw new UntrustedAnswerError(
      `Could not create the ${noun}: ${what} with a token that does not have the shape of a Dynatrace ${type} token (${describeShape(type)}; value hidden), so it is not handed on.`
    );
  }
  const id = token.split(".").slice(0, 2).join(".");
  if (reportedId !== void 0 && reportedId !== null && reportedId !== id) {
    throw new UntrustedAnswerError(
      `Could not create the ${noun}: ${what} with a token ID that is not the token's own (${id}; the reported one is hidden), so it is not handed on and nothing is revoked by the reported ID, which may be another job's token.`
    );
  }
  return { id, secret: token };
}
function reportedExpiry(value) {
  return typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : void 0;
}
function noteExpiry(token, body, field) {
  if (!body || !(field in body)) return;
  token.reportedExpiries.push(body[field]);
  const expiry = reportedExpiry(body[field]);
  if (expiry) token.expiresAt = expiry;
}
function reportedScopes(values) {
  const names = values.filter(
    (v) => typeof v === "string" && SCOPE_NAME.test(v)
  );
  return { names, unreadable: values.length - names.length };
}
var MAX_CLOCK_AHEAD_MS = 5 * 6e4;
var CLOCK_WARNING_MS = 6e4;
var EXPIRY_TOLERANCE_MS = 6e4;
function checkedServerNow(log, serverNow, runnerNow) {
  const ahead = serverNow - runnerNow;
  const clocks = `Dynatrace's clock (from the Date header of its answers) reads ${new Date(serverNow).toISOString()}, the runner's ${new Date(runnerNow).toISOString()}`;
  if (ahead > MAX_CLOCK_AHEAD_MS) {
    throw new ActionError(
      `${clocks}: Dynatrace's is ${formatDuration(ahead / 1e3)} ahead, more than the ${formatDuration(MAX_CLOCK_AHEAD_MS / 1e3)} the action accepts, and a token's expiry computed from it would outlive token-lifetime. No token was created. Check the runner's clock (NTP), and that sso-url and environment-url point at Dynatrace, not at a proxy that rewrites the Date header.`
    );
  }
  if (Math.abs(ahead) > CLOCK_WARNING_MS) {
    log.warning(
      `${clocks}: they differ by ${formatDuration(Math.abs(ahead) / 1e3)}. The token's expiry is computed on Dynatrace's clock; check the runner's clock (NTP).`
    );
  }
  return serverNow;
}
function tokenProblems(token, asked) {
  const problems = [];
  if (token.scopesVerified) {
    const missing = asked.scopes.filter((s) => !token.scopes.includes(s));
    if (missing.length > 0) {
      problems.push(
        `Dynatrace created token ${token.id} without scope(s) ${missing.join(", ")} (it drops scopes it does not accept), so the token is not handed on. Check the names in token-scopes against the scopes your environment offers.`
      );
    }
    const added = token.scopes.filter((s) => !asked.scopes.includes(s));
    const unreadable = token.unreadableScopes ?? 0;
    if (added.length > 0 || unreadable > 0) {
      const outside = asked.allowedScopes.length > 0 ? added.filter((s) => !asked.allowedScopes.includes(s)) : [];
      const names = [
        ...added.length > 0 ? [`scope(s) ${added.join(", ")}`] : [],
        ...unreadable > 0 ? [
          `${unreadable} entr${unreadable === 1 ? "y" : "ies"} that are not scope names`
        ] : []
      ].join(" and ");
      problems.push(
        `Dynatrace created token ${token.id} with ${names} that token-scopes did not ask for${outside.length > 0 ? ` (${outside.join(", ")} not even in allowed-scopes)` : ""}, so the token is not handed on: it could do more than asked. Check that environment-url points at Dynatrace, not at a proxy that rewrites answers.`
      );
    }
  }
  const lifetime = formatDuration(asked.lifetimeSeconds);
  const latest = Math.min(
    Date.parse(asked.expirationDate),
    asked.runnerNow + asked.lifetimeSeconds * 1e3 + MAX_CLOCK_AHEAD_MS
  );
  for (const value of token.reportedExpiries) {
    if (value === null) {
      problems.push(
        `Dynatrace reports that token ${token.id} never expires, although the action asked for an expiry of ${asked.expirationDate} (token-lifetime ${lifetime}), so the token is not handed on.`
      );
      continue;
    }
    const expiry = reportedExpiry(value);
    if (expiry === void 0) {
      problems.push(
        `Dynatrace reported an expiry for token ${token.id} that is not an ISO 8601 timestamp (value hidden), so it cannot be checked against token-lifetime (${lifetime}) and the token is not handed on.`
      );
      continue;
    }
    if (Date.parse(expiry) > latest + EXPIRY_TOLERANCE_MS) {
      problems.push(
        `Dynatrace reports that token ${token.id} expires at ${expiry}, later than token-lifetime (${lifetime}) allows: the action asked for ${asked.expirationDate}, judged on Dynatrace's clock and the runner's, with ${formatDuration(EXPIRY_TOLERANCE_MS / 1e3)} for rounding. The token is not handed on. Check that environment-url${token.type === "platform" ? " and account-api-url point" : " points"} at Dynatrace, not at a proxy that rewrites answers.`
      );
    }
  }
  return [...new Set(problems)];
}
function findOrphans(tokens, name, expirationDate) {
  const wanted = Date.parse(expirationDate);
  const sameName = tokens.filter(
    (t) => t.name === name && typeof t.expirationDate === "string"
  );
  const exact = sameName.filter(
    (t) => Date.parse(t.expirationDate) === wanted
  );
  const unsure = exact.length > 0 ? [] : sameName.filter((t) => {
    const at = Date.parse(t.expirationDate);
    return at % 1e3 === 0 && Math.floor(at / 1e3) === Math.floor(wanted / 1e3);
  });
  return { exact, unsure };
}
var MAX_CREATE_ATTEMPTS = 3;
async function cleanUpLostCreate(log, cause, lost, list, remove) {
  const untrusted = cause instanceof UntrustedAnswerError;
  let listed;
  try {
    listed = await list();
  } catch (error) {
    throw new ActionError(
      `${cause.message} It could not be checked whether a ${lost.noun} named "${lost.name}" was created (${errorMessage(error)}); if it exists it expires at ${lost.expirationDate}, and you can delete it ${lost.deleteHint}.${lost.readHint}`
    );
  }
  const { exact, unsure } = findOrphans(listed, lost.name, lost.expirationDate);
  if (unsure.length > 0) {
    log.warning(
      `${lost.noun[0].toUpperCase()}${lost.noun.slice(1)}(s) ${unsure.map((t) => t.id).join(", ")} named "${lost.name}" expire in the same second as the one the lost request asked for, and Dynatrace reports expiry only to the second, so the action cannot tell whether one is this run's. They were left alone; they expire at ${lost.expirationDate}.`
    );
  }
  for (const orphan of exact) {
    log.info(
      `Deleting ${lost.noun} ${orphan.id}, created by the request whose answer was ${untrusted ? "not usable" : "lost"}.`
    );
    try {
      await remove(orphan.id);
    } catch (error) {
      throw new ActionError(
        `${cause.message} The ${lost.noun} ${orphan.id} it created could not be deleted (${errorMessage(error)}); it expires at ${lost.expirationDate}, and you can delete it ${lost.deleteHint}.`
      );
    }
  }
  if (exact.length === 0 && unsure.length === 0) {
    log.info(`No ${lost.noun} was created by the failed request.`);
  }
}

// src/dynatrace/api-tokens.ts
var API_TOKENS_PATH = "/platform/classic/environment-api/v2/apiTokens";
var RETIRED = /only available in Account Management/i;
async function createClassicToken(deps, req) {
  const token = await createWithRecovery(deps, req);
  await verifyToken(deps, req, token);
  return token;
}
async function createWithRecovery(deps, req) {
  const sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await deps.http.request({
        method: "POST",
        url: `${req.platformUrl}${API_TOKENS_PATH}`,
        authorization: `Bearer ${deps.bearer}`,
        json: {
          name: req.name,
          scopes: req.scopes,
          expirationDate: req.expirationDate,
          personalAccessToken: false
        },
        what: "create the classic API token",
        creates: true
      });
      if (response.status === 201 || response.status === 200) {
        return readCreated(deps, req, response);
      }
    } catch (error) {
      if (!(error instanceof AmbiguousRequestError)) throw error;
      await cleanUpLostCreate(
        deps.log,
        error,
        lostCreate(req),
        () => listTokens(deps, req),
        (id) => deleteClassicToken(deps, req.platformUrl, id)
      );
      if (error instanceof UntrustedAnswerError) {
        throw new ActionError(
          `${error.message} Nothing it created is left valid. Check that environment-url points at Dynatrace, not at a proxy that rewrites answers, and try again.`
        );
      }
      if (attempt >= MAX_CREATE_ATTEMPTS) {
        throw new ActionError(
          `${error.message} Gave up after ${attempts(attempt)}; nothing they created is left valid.`
        );
      }
      deps.log.info("Trying again.");
      continue;
    }
    if (response.status === 403 && req.retryForbiddenUntil !== void 0 && deps.http.serverNow() + 2e3 < req.retryForbiddenUntil) {
      deps.log.info(
        "HTTP 403 creating the token; IAM changes may still be applying, retrying in 2 s."
      );
      await sleep(2e3);
      continue;
    }
    throw createError(response, req, deps.log);
  }
}
function readCreated(deps, req, response) {
  const body = parseJson(response.text);
  const { id, secret } = checkCreatedToken(
    deps.log,
    "classic",
    body?.token,
    body?.id
  );
  const token = {
    type: "classic",
    id,
    secret,
    name: req.name,
    expiresAt: req.expirationDate,
    reportedExpiries: [],
    scopes: req.scopes,
    scopesVerified: false
  };
  noteExpiry(token, body, "expirationDate");
  return token;
}
function lostCreate(req) {
  return {
    noun: "token",
    name: req.name,
    expirationDate: req.expirationDate,
    deleteHint: "under Access tokens in Dynatrace",
    readHint: " Grant the OAuth client environment-api:api-tokens:read so the action can clean up by itself."
  };
}
async function listTokens(deps, req) {
  const response = await deps.http.request({
    method: "GET",
    url: `${req.platformUrl}${API_TOKENS_PATH}?pageSize=10000&fields=%2Bname%2C%2BcreationDate%2C%2BexpirationDate&sort=-creationDate`,
    authorization: `Bearer ${deps.bearer}`,
    what: "look for a token the failed request may have created"
  });
  if (response.status !== 200) {
    throw new Error(`HTTP ${response.status} listing tokens`);
  }
  const list = parseJson(response.text);
  if (!Array.isArray(list?.apiTokens)) {
    throw new Error("the token list could not be read");
  }
  return list.apiTokens.filter((t) => typeof t.id === "string" && CLASSIC_TOKEN_ID.test(t.id)).map((t) => ({
    id: t.id,
    name: t.name,
    expirationDate: t.expirationDate
  }));
}
function createError(response, req, log) {
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
async function verifyToken(deps, req, token) {
  let response;
  try {
    response = await deps.http.request({
      method: "GET",
      url: `${req.platformUrl}${API_TOKENS_PATH}/${encodeURIComponent(token.id)}`,
      authorization: `Bearer ${deps.bearer}`,
      what: "read back the new token to verify its scopes"
    });
  } catch (error) {
    deps.log.warning(
      `The scopes of token ${token.id} were not verified: ${error instanceof Error ? error.message : String(error)}`
    );
    return;
  }
  if (response.status === 401 || response.status === 403 || response.status === 400) {
    deps.log.warning(
      `The scopes of token ${token.id} were not verified (HTTP ${response.status}: the OAuth client may not read tokens). Dynatrace drops unknown scopes silently; grant environment-api:api-tokens:read (or api-tokens:tokens:read) to verify them.`
    );
    return;
  }
  const body = parseJson(response.text);
  if (response.status !== 200 || !Array.isArray(body?.scopes)) {
    deps.log.warning(
      `The scopes of token ${token.id} were not verified (HTTP ${response.status}).`
    );
    return;
  }
  const { names, unreadable } = reportedScopes(body.scopes);
  token.scopes = names;
  if (unreadable > 0) token.unreadableScopes = unreadable;
  token.scopesVerified = true;
  noteExpiry(token, body, "expirationDate");
}
async function deleteClassicToken(deps, platformUrl, id) {
  const response = await deps.http.request({
    method: "DELETE",
    url: `${platformUrl}${API_TOKENS_PATH}/${encodeURIComponent(id)}`,
    authorization: `Bearer ${deps.bearer}`,
    what: `revoke token ${id}`
  });
  if (response.status === 204 || response.status === 200) return "revoked";
  if (response.status === 404) return "already-gone";
  const detail = explainError(deps.log, response);
  const hint = response.status === 403 || response.status === 401 ? ` ${missingAccess(deps.log, response) ?? "The OAuth client needs environment-api:api-tokens:write (or api-tokens:tokens:write) to revoke tokens."}` : "";
  throw new ActionError(`HTTP ${response.status}: ${detail}.${hint}`);
}

// src/dynatrace/platform-tokens.ts
var tokensUrl = (apiUrl, account) => `${apiUrl}/iam/v1/accounts/${encodeURIComponent(account)}/platform-tokens`;
async function createPlatformToken(deps, req) {
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await deps.http.request({
        method: "POST",
        url: tokensUrl(req.accountApiUrl, req.accountUuid),
        authorization: `Bearer ${deps.bearer}`,
        json: {
          name: req.name,
          scope: req.scopes,
          resource: [`urn:dtenvironment:${req.environmentId}`],
          tags: [],
          // Always: without one the token never expires.
          expirationDate: req.expirationDate,
          ...req.ownerUuid ? { userUuid: req.ownerUuid } : {}
        },
        what: "create the platform token",
        creates: true
      });
      if (response.status === 200 || response.status === 201) {
        return readCreated2(deps, req, response);
      }
    } catch (error) {
      if (!(error instanceof AmbiguousRequestError)) throw error;
      await cleanUpLostCreate(
        deps.log,
        error,
        {
          noun: "platform token",
          name: req.name,
          expirationDate: req.expirationDate,
          deleteHint: "in Account Management \u2192 Platform tokens",
          readHint: ""
        },
        () => listTokens2(deps, req),
        (id) => deletePlatformToken(deps, req.accountApiUrl, req.accountUuid, id)
      );
      if (error instanceof UntrustedAnswerError) {
        throw new ActionError(
          `${error.message} Nothing it created is left valid. Check that account-api-url points at Dynatrace, not at a proxy that rewrites answers, and try again.`
        );
      }
      if (attempt >= MAX_CREATE_ATTEMPTS) {
        throw new ActionError(
          `${error.message} Gave up after ${attempts(attempt)}; nothing they created is left valid.`
        );
      }
      deps.log.info("Trying again.");
      continue;
    }
    throw createError2(response, req, deps.log);
  }
}
function readCreated2(deps, req, response) {
  const body = parseJson(response.text);
  const { id, secret } = checkCreatedToken(
    deps.log,
    "platform",
    body?.token,
    body?.tokenId
  );
  const token = {
    type: "platform",
    id,
    secret,
    name: req.name,
    expiresAt: req.expirationDate,
    reportedExpiries: [],
    scopes: req.scopes,
    scopesVerified: false
  };
  noteExpiry(token, body, "expirationDate");
  return token;
}
async function listTokens2(deps, req) {
  const response = await deps.http.request({
    method: "GET",
    url: `${tokensUrl(req.accountApiUrl, req.accountUuid)}?searchTerm=${encodeURIComponent(req.name)}&page=1&size=100`,
    authorization: `Bearer ${deps.bearer}`,
    what: "look for a platform token the failed request may have created"
  });
  if (response.status !== 200) {
    throw new Error(`HTTP ${response.status} listing platform tokens`);
  }
  const list = parseJson(response.text);
  if (!Array.isArray(list?.results)) {
    throw new Error("the platform token list could not be read");
  }
  return list.results.filter(
    (t) => typeof t.tokenId === "string" && PLATFORM_TOKEN_ID.test(t.tokenId)
  ).map((t) => ({
    id: t.tokenId,
    name: t.name,
    expirationDate: t.expirationDate
  }));
}
function createError2(response, req, log) {
  const detail = explainError(log, response);
  switch (response.status) {
    case 400:
      return new ActionError(
        `Account Management rejected the platform token request (HTTP 400: ${detail}). Check token-scopes, token-lifetime and platform-token-owner.`
      );
    case 401:
      return new ActionError(
        `Account Management did not accept the SSO bearer (HTTP 401: ${detail}). Check account-urn is the account the OAuth client belongs to.`
      );
    case 403:
      return new ActionError(
        `Not allowed to create platform tokens in account ${req.accountUuid} (HTTP 403: ${detail}). ${missingAccess(log, response) ?? `The OAuth client needs the scope ${PLATFORM_TOKEN_SCOPES.create} to create platform tokens, and ${PLATFORM_TOKEN_SCOPES.delete} to revoke them: sources disagree on the names, so grant ${PLATFORM_TOKEN_SCOPES.all}.`}`
      );
    case 404:
      return new ActionError(
        `Account ${req.accountUuid}${req.ownerUuid ? ` or user ${req.ownerUuid}` : ""} was not found (HTTP 404: ${detail}). Check account-urn${req.ownerUuid ? " and platform-token-owner" : ""}.`
      );
    default:
      return new ActionError(
        `Could not create the platform token: HTTP ${response.status}: ${detail}. Try again later if Dynatrace is unavailable.`
      );
  }
}
async function deletePlatformToken(deps, accountApiUrl, accountUuid, id) {
  const response = await deps.http.request({
    method: "DELETE",
    url: `${tokensUrl(accountApiUrl, accountUuid)}/${encodeURIComponent(id)}`,
    authorization: `Bearer ${deps.bearer}`,
    what: `revoke platform token ${id}`
  });
  if (response.status === 200 || response.status === 204) return "revoked";
  if (response.status === 404) return "already-gone";
  const detail = explainError(deps.log, response);
  const hint = response.status === 403 || response.status === 401 ? ` ${missingAccess(deps.log, response) ?? `The OAuth client needs ${PLATFORM_TOKEN_SCOPES.delete} to revoke platform tokens.`}` : "";
  throw new ActionError(`HTTP ${response.status}: ${detail}.${hint}`);
}

// src/dynatrace/sso.ts
var BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]{1,16384}=*$/;
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
  if (typeof accessToken === "string" && accessToken !== "")
    log.addSecret(accessToken);
  const failed = response.status < 200 || response.status >= 300 || typeof accessToken !== "string" || accessToken === "" || fields.error !== void 0;
  if (failed) throw ssoError(response.status, response.text, request, log);
  if (!BEARER_TOKEN.test(accessToken)) {
    throw new ActionError(
      `Dynatrace SSO answered an access token in an unexpected form (not RFC 6750 token characters, or over 16 kB). Check that sso-url is Dynatrace's SSO token endpoint (https://sso.dynatrace.com/sso/oauth2/token).`
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
  try {
    await mainStep(log);
  } finally {
    if (log.failure !== void 0)
      await writeSummary(log, failureSummary(log.failure));
  }
}
async function mainStep(log) {
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
      const { runAudit } = await import("./chunks/audit-4A7AMCUR.js");
      await runAudit(inputs, log);
    } catch (error) {
      reportFailure(log, error);
    }
    return;
  }
  let derived;
  if ((inputs.mode === "mint" || inputs.mode === "plan") && inputs.tokenType !== "none" && inputs.tokenScopes.length === 0 && inputs.audit.monacoManifest !== void 0) {
    try {
      const { deriveTokenScopes } = await import("./chunks/derive-O7B4Z4RE.js");
      derived = await deriveTokenScopes(inputs, log);
      inputs.tokenScopes = derived.scopes.map((s) => s.scope);
    } catch (error) {
      reportFailure(log, error);
      return;
    }
  }
  if (inputs.mode !== "revoke" && (inputs.policies !== "" || inputs.bindings !== "")) {
    try {
      const { checkIamInputs } = await import("./chunks/iam-W3MDKTE7.js");
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
    else await mint(ctx, derived);
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
async function authenticate(ctx) {
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
  return getBearer(http, log, request);
}
async function mint(ctx, derived) {
  const { inputs, log } = ctx;
  const bearer = await authenticate(ctx);
  let iam;
  if (inputs.policies !== "" || inputs.bindings !== "" || inputs.mode === "plan") {
    const { ensureIam } = await import("./chunks/iam-W3MDKTE7.js");
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
    const { derivedSummaryHtml } = await import("./chunks/derive-O7B4Z4RE.js");
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
          scopesDerived: (await import("./chunks/derive-O7B4Z4RE.js")).derivedPlan(derived)
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
    await revokeAfterFailure(ctx, bearer, token);
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
  } catch (error) {
    log.warning(
      `Could not revoke token ${token.id} after the failure: ${errorMessage(error)} The post step will try again.`
    );
  }
}
async function revokeMode(ctx) {
  const { inputs, log, http } = ctx;
  const id = inputs.tokenId;
  setOutput("token-id", id);
  let result;
  try {
    const bearer = await authenticate(ctx);
    result = await revokeToken(
      http,
      log,
      bearer.accessToken,
      revokeTarget(inputs, id, tokenTypeOf(id))
    );
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
    const bearer = await getBearer(http, log, {
      tokenUrl: saved.ssoUrl,
      credentials: inputs.credentials,
      scopes: inputs.oauthScopes,
      ...accountUuid ? { accountUuid } : {}
    });
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
        `${errorMessage(error)} It expires at ${saved.expiresAt}.`
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
