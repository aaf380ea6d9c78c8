import {
  parseJson
} from "./chunk-HYS7G47W.js";
import {
  ActionError
} from "./chunk-IKGYFQ6X.js";

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
   */
  async readPages(list) {
    const result = {
      entries: [],
      unreadable: 0,
      complete: false
    };
    let op = list.first;
    for (let page = 1; page <= list.maxPages; page++) {
      const response = await this.send(op);
      if (response.status !== 200) {
        throw new ActionError(
          `HTTP ${response.status} listing ${list.listing}: ${await this.explain(response)}.${await this.accessHint(response, list.needs)}`
        );
      }
      const body = parseJson(response.text);
      const items = isObject(body) ? body[list.items] : void 0;
      if (!isObject(body) || !Array.isArray(items))
        throw new ActionError(list.notAList);
      for (const item of items) {
        const id = isObject(item) ? item[list.id.field] : void 0;
        if (isObject(item) && typeof id === "string" && list.id.shape.test(id))
          result.entries.push(entry(id, item, list.fields));
        else result.unreadable++;
      }
      const seen = result.entries.length + result.unreadable;
      const next = list.next(body, items.length, seen);
      if (next === void 0) {
        result.complete = true;
        break;
      }
      op = next;
    }
    return result;
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
function entry(id, item, fields) {
  const picked = Object.fromEntries(fields.map((f) => [f, item[f]]));
  return { ...picked, id };
}
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

export {
  DynatraceApi
};
