import {
  MAX_CREATE_ATTEMPTS,
  PLATFORM_TOKEN_ID,
  UntrustedAnswerError,
  checkCreatedToken,
  cleanUpLostCreate,
  noteExpiry,
  reportedScopes
} from "./chunk-YKYQ6NYA.js";
import {
  PLATFORM_TOKEN_SCOPES,
  attempts,
  explainError,
  missingAccess,
  parseJson
} from "./chunk-B2VLX7FN.js";
import {
  ActionError,
  AmbiguousRequestError,
  errorMessage
} from "./chunk-IKGYFQ6X.js";

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
        const token = readCreated(deps, req, response);
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
        () => listTokens(deps, req),
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
    throw response.status === 400 ? await rejectedCreateError(deps, req, response) : createError(response, req, deps.log);
  }
}
function readCreated(deps, req, response) {
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
async function listTokens(deps, req) {
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
  if (!atCap) return createError(response, req, deps.log);
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
function createError(response, req, log) {
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
  listPlatformTokens,
  createPlatformToken,
  PLATFORM_TOKEN_CAPS,
  deletePlatformToken
};
