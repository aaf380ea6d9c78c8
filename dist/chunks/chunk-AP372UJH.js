import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
import {
  PLATFORM_TOKEN_SCOPES,
  attempts,
  explainError,
  missingAccess,
  parseJson
} from "./chunk-ESEERUMU.js";
import {
  ActionError,
  AmbiguousRequestError,
  errorMessage,
  formatDuration
} from "./chunk-5HJBNTAA.js";

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
function withOffset(value) {
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
}
function reportedExpiry(value) {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return void 0;
  const utc = withOffset(value);
  return Number.isNaN(Date.parse(utc)) ? void 0 : utc;
}
var listedExpiry = (value) => Date.parse(withOffset(value));
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
    (t) => listedExpiry(t.expirationDate) === wanted
  );
  const unsure = exact.length > 0 ? [] : sameName.filter((t) => {
    const at = listedExpiry(t.expirationDate);
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
var PHASE_3_HINT = 'The environment may be in Phase 3 of the classic access token retirement, where Dynatrace may no longer delete classic tokens; the token expires by itself. Move this pipeline to token-type: platform (README, "Moving to platform tokens").';
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
    token.scopesUnverified = "reading the token back failed (the warning in the log says why).";
    return;
  }
  if (response.status === 401 || response.status === 403 || response.status === 400) {
    deps.log.warning(
      `The scopes of token ${token.id} were not verified (HTTP ${response.status}: the OAuth client may not read tokens). Dynatrace drops unknown scopes silently; grant environment-api:api-tokens:read (or api-tokens:tokens:read) to verify them.`
    );
    token.scopesUnverified = `the OAuth client may not read tokens back (HTTP ${response.status}); grant it environment-api:api-tokens:read (or api-tokens:tokens:read) to verify them.`;
    return;
  }
  const body = parseJson(response.text);
  if (response.status !== 200 || !Array.isArray(body?.scopes)) {
    deps.log.warning(
      `The scopes of token ${token.id} were not verified (HTTP ${response.status}).`
    );
    token.scopesUnverified = `reading the token back answered HTTP ${response.status} without a list of scopes.`;
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
  const hint = response.status === 403 || response.status === 401 ? ` ${missingAccess(deps.log, response) ?? "The OAuth client needs environment-api:api-tokens:write (or api-tokens:tokens:write) to revoke tokens."}` : response.status === 400 ? ` ${PHASE_3_HINT}` : "";
  throw new ActionError(`HTTP ${response.status}: ${detail}.${hint}`);
}

// src/dynatrace/platform-token-list.ts
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var platformTokensUrl = (apiUrl, account) => `${apiUrl}/iam/v1/accounts/${encodeURIComponent(account)}/platform-tokens`;
async function listPlatformTokens(deps, where, options) {
  const size = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 50;
  const result = {
    entries: [],
    unreadable: 0,
    complete: false
  };
  for (let page = 1; page <= maxPages; page++) {
    const query = new URLSearchParams({
      page: String(page),
      size: String(size)
    });
    if (options.searchTerm) query.set("searchTerm", options.searchTerm);
    if (options.status) query.set("status", options.status);
    const response = await deps.http.request({
      method: "GET",
      url: `${platformTokensUrl(where.accountApiUrl, where.accountUuid)}?${query}`,
      authorization: `Bearer ${deps.bearer}`,
      what: options.what
    });
    if (response.status !== 200) {
      const hint = response.status === 401 || response.status === 403 ? ` ${missingAccess(deps.log, response) ?? `The OAuth client needs ${PLATFORM_TOKEN_SCOPES.list} to list platform tokens.`}` : "";
      throw new ActionError(
        `HTTP ${response.status} listing platform tokens: ${explainError(deps.log, response)}.${hint}`
      );
    }
    const body = parseJson(response.text);
    const results = isObject(body) ? body.results : void 0;
    if (!Array.isArray(results)) {
      throw new ActionError(
        "Account Management answered the platform token list without a results list. Check account-api-url."
      );
    }
    if (isObject(body) && typeof body.total === "number")
      result.total = body.total;
    for (const item of results) {
      if (!isObject(item) || typeof item.tokenId !== "string" || !PLATFORM_TOKEN_ID.test(item.tokenId)) {
        result.unreadable++;
        continue;
      }
      result.entries.push({
        id: item.tokenId,
        name: item.name,
        status: item.status,
        expirationDate: item.expirationDate,
        createdAt: item.createdAt,
        scope: item.scope
      });
    }
    const seen = result.entries.length + result.unreadable;
    if (results.length === 0 || (result.total !== void 0 ? seen >= result.total : results.length < size)) {
      result.complete = true;
      break;
    }
  }
  return result;
}

// src/dynatrace/platform-tokens.ts
var tokensUrl = platformTokensUrl;
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
        const token = readCreated2(deps, req, response);
        await readBack(deps, req, token);
        return token;
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
          readHint: ` Grant the OAuth client ${PLATFORM_TOKEN_SCOPES.list} so the action can clean up by itself.`
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
    throw response.status === 400 ? await rejectedCreateError(deps, req, response) : createError2(response, req, deps.log);
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
    scopesVerified: false,
    scopesUnverified: "Dynatrace's answer to creating a platform token does not list its scopes, and the action does not read platform tokens back."
  };
  noteExpiry(token, body, "expirationDate");
  return token;
}
async function readBack(deps, req, token) {
  const unverified = (why, detail = "") => {
    token.scopesUnverified = `${why}.`;
    deps.log.warning(
      `The scopes of platform token ${token.id} were not verified: ${why}${detail}.`
    );
  };
  let entry;
  try {
    const { entries } = await listPlatformTokens(deps, req, {
      searchTerm: token.id,
      maxPages: 1,
      what: "read back the new platform token to verify its scopes"
    });
    entry = entries.find((e) => e.id === token.id);
  } catch (error) {
    unverified(
      `the token list could not be read; grant the OAuth client ${PLATFORM_TOKEN_SCOPES.list} to verify them`,
      ` (${deps.log.clean(errorMessage(error), 400)})`
    );
    return;
  }
  if (!entry) {
    unverified("the token list does not show it");
    return;
  }
  if (!Array.isArray(entry.scope)) {
    unverified("the token list does not show its scopes");
    return;
  }
  const { names, unreadable } = reportedScopes(entry.scope);
  token.scopes = names;
  if (unreadable > 0) token.unreadableScopes = unreadable;
  token.scopesVerified = true;
  delete token.scopesUnverified;
  if (entry.expirationDate !== void 0)
    noteExpiry(
      token,
      { expirationDate: entry.expirationDate },
      "expirationDate"
    );
}
async function listTokens2(deps, req) {
  const { entries } = await listPlatformTokens(deps, req, {
    searchTerm: req.name,
    maxPages: 5,
    what: "look for a platform token the failed request may have created"
  });
  return entries.filter((t) => t.status !== "REVOKED").map((t) => ({ id: t.id, name: t.name, expirationDate: t.expirationDate }));
}
var PLATFORM_TOKEN_CAPS = { perUser: 10, perAccount: 50 };
var CAP_WORDS = /\b(maximum|max|limit|limits|limited|cap|capped|quota|too many)\b/i;
async function rejectedCreateError(deps, req, response) {
  const detail = explainError(deps.log, response);
  const byWords = CAP_WORDS.test(detail);
  const counts = await countTokens(deps, req);
  const atCap = byWords || (counts.account ?? 0) >= PLATFORM_TOKEN_CAPS.perAccount || (counts.repository ?? 0) >= PLATFORM_TOKEN_CAPS.perUser;
  if (!atCap) return createError2(response, req, deps.log);
  const listed = counts.repository === void 0 ? `How many tokens of this repository exist could not be read (${counts.why ?? "unknown"}).` : `${counts.repository}${counts.incomplete ? " or more" : ""} platform token${counts.repository === 1 ? "" : "s"} of this repository (names starting with "${req.repositoryPrefix}") ${counts.repository === 1 ? "is" : "are"} listed${counts.account === void 0 ? "" : `, ${counts.account} ACTIVE in the account`}.`;
  return new ActionError(
    `Account Management refused another platform token (HTTP 400: ${detail}): a platform-token cap is reached. Dynatrace allows about ${PLATFORM_TOKEN_CAPS.perUser} platform tokens per user and ${PLATFORM_TOKEN_CAPS.perAccount} per account, and expired tokens count until they are deleted. ${listed} Delete the expired ones with this action's mode: sweep (token-type: platform; a scheduled workflow example is in the README), or in Account Management \u2192 Platform tokens; a large matrix may need fewer parallel jobs per OAuth client.`
  );
}
async function countTokens(deps, req) {
  const counts = {};
  try {
    const mine = await listPlatformTokens(deps, req, {
      searchTerm: req.repositoryPrefix,
      maxPages: 3,
      what: "count this repository's platform tokens"
    });
    counts.repository = mine.entries.filter(
      (t) => typeof t.name === "string" && t.name.startsWith(req.repositoryPrefix) && t.status !== "REVOKED"
    ).length;
    if (!mine.complete) counts.incomplete = true;
    const all = await listPlatformTokens(deps, req, {
      status: "ACTIVE",
      pageSize: 1,
      maxPages: 1,
      what: "count the account's platform tokens"
    });
    if (all.total !== void 0) counts.account = all.total;
  } catch (error) {
    counts.why = errorMessage(error);
  }
  return counts;
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

export {
  CLASSIC_TOKEN_ID,
  checkedServerNow,
  tokenProblems,
  API_TOKENS_PATH,
  createClassicToken,
  deleteClassicToken,
  listPlatformTokens,
  createPlatformToken,
  deletePlatformToken
};
