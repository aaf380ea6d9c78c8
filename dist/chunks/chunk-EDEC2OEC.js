import {
  CLASSIC_TOKEN_ID,
  TokenApi
} from "./chunk-GY243YV4.js";
import {
  parseJson
} from "./chunk-HYS7G47W.js";

// src/dynatrace/api-tokens.ts
var API_TOKENS_PATH = "/platform/classic/environment-api/v2/apiTokens";
var PAGE_SIZE = 1e3;
var MAX_PAGES = 50;
var ClassicTokensApi = class extends TokenApi {
  kind = {
    type: "classic",
    idField: "id",
    idShape: CLASSIC_TOKEN_ID,
    lost: {
      noun: "token",
      deleteHint: "under Access tokens in Dynatrace",
      readHint: " Grant the OAuth client environment-api:api-tokens:read so the action can clean up by itself."
    }
  };
  endpointInput = "environment-url";
  createOperation(req) {
    return {
      method: "POST",
      path: API_TOKENS_PATH,
      json: {
        name: req.name,
        scopes: req.scopes,
        expirationDate: req.expirationDate,
        personalAccessToken: false
      },
      what: "create the classic API token",
      creates: true
    };
  }
  /** Delete a classic token by ID. Resolves 'already-gone' on 404. */
  async delete(id) {
    const response = await this.send({
      method: "DELETE",
      path: `${API_TOKENS_PATH}/${encodeURIComponent(id)}`,
      what: `revoke token ${id}`
    });
    if (response.status === 204 || response.status === 200) return "revoked";
    if (response.status === 404) return "already-gone";
    const { classicDeleteFailure } = await import("./failures-VUX66E5F.js");
    throw classicDeleteFailure(this.log, response);
  }
  /**
   * `GET …/apiTokens?pageSize=1`, whatever it answers: the smallest request that shows
   * whether the environment accepts the bearer (not 401) and lets it read tokens (not
   * 403). For plan's check of a GitHub ID token's trust (github-oidc.ts).
   */
  probe(what) {
    return this.send({
      method: "GET",
      path: `${API_TOKENS_PATH}?pageSize=1`,
      what
    });
  }
  /** Every page of the list (up to 50). Throws an ActionError saying why it failed. */
  list(what) {
    const fields = encodeURIComponent("+name,+creationDate,+expirationDate");
    const page = (query) => ({
      method: "GET",
      path: `${API_TOKENS_PATH}?${query}`,
      what
    });
    return this.readPages({
      first: page(`pageSize=${PAGE_SIZE}&fields=${fields}`),
      maxPages: MAX_PAGES,
      listing: "the environment's tokens",
      needs: "The OAuth client needs environment-api:api-tokens:read (or api-tokens:tokens:read) to list tokens.",
      items: "apiTokens",
      notAList: "The environment answered the token list without an apiTokens list. Check environment-url.",
      id: { field: "id", shape: CLASSIC_TOKEN_ID },
      fields: ["name", "expirationDate", "creationDate"],
      next: (body) => {
        const key = body.nextPageKey;
        return typeof key === "string" && key !== "" ? page(`nextPageKey=${encodeURIComponent(key)}`) : void 0;
      }
    });
  }
  /** A refused create: a 403 is retried while IAM changes apply, anything else fails. */
  async refused(req, response) {
    const { classicCreateRefused } = await import("./failures-VUX66E5F.js");
    return classicCreateRefused(this.log, this.http, response, req);
  }
  /** Every token's ID, name and expiry; throws the reason when the list cannot be had. */
  async findLost() {
    const { findLostClassicTokens } = await import("./recovery-TG66MLJG.js");
    return findLostClassicTokens((op) => this.send(op));
  }
  /** Read back the token's scopes and expiry, for the caller to check. */
  async readBack(token) {
    let read;
    try {
      read = {
        response: await this.send({
          method: "GET",
          path: `${API_TOKENS_PATH}/${encodeURIComponent(token.id)}`,
          what: "read back the new token to verify its scopes"
        })
      };
    } catch (error) {
      read = { error };
    }
    if ("response" in read && read.response.status === 200) {
      const body = parseJson(read.response.text);
      if (Array.isArray(body?.scopes))
        return this.verified(token, body.scopes, body);
    }
    const { classicReadBackFailed } = await import("./failures-VUX66E5F.js");
    classicReadBackFailed(this.log, token, read);
  }
};

export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
