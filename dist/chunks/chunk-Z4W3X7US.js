import { PLATFORM_TOKEN_ID, TokenApi } from "./group-shared-6CC45263.js";
import { ActionError, errorMessage } from "./group-shared-6CC45263.js";

// src/dynatrace/platform-tokens.ts
var PLATFORM_TOKEN_SCOPES = {
  create: "account-idm-write or platform-token:tokens:write",
  list: "account-idm-read or platform-token:tokens:manage",
  delete: "account-idm-write or platform-token:tokens:manage",
  all: "account-idm-read and account-idm-write (the documented names), or platform-token:tokens:write and platform-token:tokens:manage (the names some accounts use)"
};
var PLATFORM_TOKEN_CAPS = { perUser: 10, perAccount: 50 };
var CAP_WORDS = /\b(maximum|max|limit|limits|limited|cap|capped|quota|too many)\b/i;
var PlatformTokensApi = class extends TokenApi {
  constructor(account) {
    super(account);
    this.account = account;
  }
  account;
  /** Path of the account's platform tokens. */
  get tokensPath() {
    return `/iam/v1/accounts/${encodeURIComponent(this.account.accountUuid)}/platform-tokens`;
  }
  kind = {
    type: "platform",
    idField: "tokenId",
    idShape: PLATFORM_TOKEN_ID,
    lost: {
      noun: "platform token",
      deleteHint: "in Account Management \u2192 Platform tokens",
      readHint: ` Grant the OAuth client ${PLATFORM_TOKEN_SCOPES.list} so the action can clean up by itself.`
    }
  };
  endpointInput = "account-api-url";
  /** Create a platform token limited to one environment. */
  createOperation(req) {
    return {
      method: "POST",
      path: this.tokensPath,
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
    };
  }
  async refused(req, response) {
    return response.status === 400 ? await this.rejectedCreateError(req, response) : await createError(response, req, this.log);
  }
  /** Delete a platform token by ID. Resolves 'already-gone' on 404. */
  async delete(id) {
    const response = await this.send({
      method: "DELETE",
      path: `${this.tokensPath}/${encodeURIComponent(id)}`,
      what: `revoke platform token ${id}`
    });
    if (response.status === 200 || response.status === 204) return "revoked";
    if (response.status === 404) return "already-gone";
    const detail = await this.explain(response);
    const hint = await this.accessHint(
      response,
      `The OAuth client needs ${PLATFORM_TOKEN_SCOPES.delete} to revoke platform tokens.`
    );
    throw new ActionError(`HTTP ${response.status}: ${detail}.${hint}`);
  }
  /** Every page of the list (up to maxPages). Throws an ActionError saying why it failed. */
  async list(options) {
    const size = options.pageSize ?? 100;
    let total;
    const page = (n) => {
      const query = new URLSearchParams({ page: String(n), size: String(size) });
      if (options.searchTerm) query.set("searchTerm", options.searchTerm);
      if (options.status) query.set("status", options.status);
      return {
        method: "GET",
        path: `${this.tokensPath}?${query}`,
        what: options.what
      };
    };
    let next = 1;
    const pages = await this.readPages({
      first: page(next),
      maxPages: options.maxPages ?? 50,
      listing: "platform tokens",
      needs: `The OAuth client needs ${PLATFORM_TOKEN_SCOPES.list} to list platform tokens.`,
      items: "results",
      notAList: "Account Management answered the platform token list without a results list. Check account-api-url.",
      id: { field: "tokenId", shape: PLATFORM_TOKEN_ID },
      fields: ["name", "status", "expirationDate", "createdAt", "scope"],
      // The server may cap `size`: go by `total` where it reports one.
      next: (body, count, seen) => {
        if (typeof body.total === "number") total = body.total;
        return count === 0 || (total !== void 0 ? seen >= total : count < size) ? void 0 : page(++next);
      }
    });
    return total === void 0 ? pages : { ...pages, total };
  }
  /**
   * Read the new token back from the list (Account Management has no read of one token)
   * and note the scopes and expiry it reports, for the checks of the token handed on:
   * Dynatrace may change what it was asked for, and the create answer does not say.
   * Never throws — the token exists and must reach the caller, who revokes it on any
   * later failure; when the list cannot say, the token stays unverified, with the reason.
   */
  async readBack(token) {
    const unverified = (why, detail = "") => {
      token.scopesUnverified = `${why}.`;
      this.log.warning(
        `The scopes of platform token ${token.id} were not verified: ${why}${detail}.`
      );
    };
    let entry;
    try {
      const { entries } = await this.list({
        searchTerm: token.id,
        maxPages: 1,
        what: "read back the new platform token to verify its scopes"
      });
      entry = entries.find((e) => e.id === token.id);
    } catch (error) {
      unverified(
        `the token list could not be read; grant the OAuth client ${PLATFORM_TOKEN_SCOPES.list} to verify them`,
        ` (${this.log.clean(errorMessage(error), 400)})`
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
    const expiry = entry.expirationDate;
    this.verified(
      token,
      entry.scope,
      expiry === void 0 ? void 0 : { expirationDate: expiry }
    );
  }
  /** Platform tokens with our name, revoked ones left out; throws the reason when the list cannot be had. */
  async findLost(req) {
    const { entries } = await this.list({
      searchTerm: req.name,
      maxPages: 5,
      what: "look for a platform token the failed request may have created"
    });
    return entries.filter((t) => t.status !== "REVOKED").map((t) => ({
      id: t.id,
      name: t.name,
      expirationDate: t.expirationDate
    }));
  }
  /**
   * A 400 from the create: when it is the cap (by its words, or because the list shows
   * the account or this repository at the cap), say so, with the counts and the way out;
   * otherwise the usual rejection.
   */
  async rejectedCreateError(req, response) {
    const detail = await this.explain(response);
    const byWords = CAP_WORDS.test(detail);
    const counts = await this.countTokens(req);
    const atCap = byWords || (counts.account ?? 0) >= PLATFORM_TOKEN_CAPS.perAccount || (counts.repository ?? 0) >= PLATFORM_TOKEN_CAPS.perUser;
    if (!atCap) return await createError(response, req, this.log);
    const listed = counts.repository === void 0 ? `How many tokens of this repository exist could not be read (${counts.why ?? "unknown"}).` : `${counts.repository}${counts.incomplete ? " or more" : ""} platform token${counts.repository === 1 ? "" : "s"} of this repository (names starting with "${req.repositoryPrefix}") ${counts.repository === 1 ? "is" : "are"} listed${counts.account === void 0 ? "" : `, ${counts.account} ACTIVE in the account`}.`;
    return new ActionError(
      `Account Management refused another platform token (HTTP 400: ${detail}): a platform-token cap is reached. Dynatrace allows about ${PLATFORM_TOKEN_CAPS.perUser} platform tokens per user and ${PLATFORM_TOKEN_CAPS.perAccount} per account, and expired tokens count until they are deleted. ${listed} Delete the expired ones with this action's mode: sweep (token-type: platform; a scheduled workflow example is in the README), or in Account Management \u2192 Platform tokens; a large matrix may need fewer parallel jobs per OAuth client.`
    );
  }
  /** This repository's listed tokens and the account's ACTIVE ones, as far as cheaply known. */
  async countTokens(req) {
    const counts = {};
    try {
      const mine = await this.list({
        searchTerm: req.repositoryPrefix,
        maxPages: 3,
        what: "count this repository's platform tokens"
      });
      counts.repository = mine.entries.filter(
        (t) => typeof t.name === "string" && t.name.startsWith(req.repositoryPrefix) && t.status !== "REVOKED"
      ).length;
      if (!mine.complete) counts.incomplete = true;
      const all = await this.list({
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
};
async function createError(response, req, log) {
  const { explainError, missingAccess } = await import("./errors-QC65UVWR.js");
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

export {
  PLATFORM_TOKEN_SCOPES,
  PLATFORM_TOKEN_CAPS,
  PlatformTokensApi
};
