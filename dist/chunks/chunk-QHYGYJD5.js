
// src/dynatrace/client.ts
var DynatraceApi = class {
  constructor(options) {
    this.options = options;
  }
  options;
  /** Requests sent through this client (for the log and the tests). */
  requests = 0;
  get http() {
    return this.options.http;
  }
  get log() {
    return this.options.log;
  }
  /** Send an operation; resolves with the answer for any status (see Http.request). */
  send(op) {
    this.requests++;
    const { bearer, baseUrl } = this.options;
    return this.options.http.request({
      method: op.method,
      url: `${baseUrl}${op.path}`,
      what: op.what,
      ...bearer === void 0 ? {} : { authorization: `Bearer ${bearer}` },
      ...op.json === void 0 ? {} : { json: op.json },
      ...op.form === void 0 ? {} : { form: op.form },
      ...op.creates ? { creates: true } : {}
    });
  }
  /**
   * Every page of a list, up to `list.maxPages`: one routine for every paged list
   * (classic tokens, platform tokens), so each API only says how its pages look.
   * pages.ts is loaded on demand: a classic mint and its post step read no list.
   */
  async readPages(list) {
    const { readPages } = await import("./pages-QDYTGI25.js");
    return readPages(list, {
      send: (op) => this.send(op),
      failed: async (response) => `HTTP ${response.status} listing ${list.listing}: ${await this.explain(response)}.${await this.accessHint(response, list.needs)}`
    });
  }
  /**
   * After a 401 or 403: the scopes or permissions Dynatrace named as missing, else
   * `needs` (what the OAuth client needs), after a space. Empty for other statuses.
   */
  async accessHint(response, needs) {
    if (response.status !== 401 && response.status !== 403) return "";
    const { missingAccess } = await import("./errors-64RC5NZ4.js");
    return ` ${missingAccess(this.options.log, response) ?? needs}`;
  }
  /** Dynatrace's explanation of a failed answer: redacted, one line, bounded. */
  async explain(response) {
    const { explainError } = await import("./errors-64RC5NZ4.js");
    return explainError(this.options.log, response);
  }
};
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

export {
  DynatraceApi,
  isObject
};
