import {
  DynatraceApi
} from "./chunk-QHYGYJD5.js";
import {
  parseJson
} from "./chunk-HYS7G47W.js";
import {
  AmbiguousRequestError
} from "./chunk-IKGYFQ6X.js";

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
async function checkCreatedToken(log, type, token, reportedId) {
  const shaped = typeof token === "string" && TOKEN_SHAPE[type].test(token);
  if (shaped || typeof token === "string" && token.trim().length >= 32) {
    log.addSecret(token);
  }
  if (typeof token !== "string" || token === "")
    throw await untrusted(type, "no-token");
  if (!shaped) throw await untrusted(type, "not-a-token");
  const id = token.split(".").slice(0, 2).join(".");
  if (reportedId !== void 0 && reportedId !== null && reportedId !== id)
    throw await untrusted(type, "not-its-id", id);
  return { id, secret: token };
}
async function untrusted(type, problem, id) {
  const { untrustedAnswer } = await import("./failures-VUX66E5F.js");
  return new UntrustedAnswerError(untrustedAnswer(type, problem, id));
}
function withOffset(value) {
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
}
function reportedExpiry(value) {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return void 0;
  const utc = withOffset(value);
  return Number.isNaN(Date.parse(utc)) ? void 0 : utc;
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
async function checkedServerNow(log, serverNow, runnerNow) {
  const ahead = serverNow - runnerNow;
  if (ahead > MAX_CLOCK_AHEAD_MS || Math.abs(ahead) > CLOCK_WARNING_MS) {
    const { clocksApart } = await import("./failures-VUX66E5F.js");
    clocksApart(log, serverNow, runnerNow);
  }
  return serverNow;
}
async function tokenProblems(token, asked) {
  const problems = [];
  if (token.scopesVerified) {
    const missing = asked.scopes.filter((s) => !token.scopes.includes(s));
    if (missing.length > 0) problems.push({ kind: "scopes-missing", missing });
    const added = token.scopes.filter((s) => !asked.scopes.includes(s));
    const unreadable = token.unreadableScopes ?? 0;
    if (added.length > 0 || unreadable > 0) {
      const outside = asked.allowedScopes.length > 0 ? added.filter((s) => !asked.allowedScopes.includes(s)) : [];
      problems.push({ kind: "scopes-added", added, unreadable, outside });
    }
  }
  const latest = Math.min(
    Date.parse(asked.expirationDate),
    asked.runnerNow + asked.lifetimeSeconds * 1e3 + MAX_CLOCK_AHEAD_MS
  );
  for (const value of token.reportedExpiries) {
    if (value === null) {
      problems.push({ kind: "never-expires" });
      continue;
    }
    const expiry = reportedExpiry(value);
    if (expiry === void 0) problems.push({ kind: "expiry-unreadable" });
    else if (Date.parse(expiry) > latest + EXPIRY_TOLERANCE_MS)
      problems.push({ kind: "expires-late", expiry });
  }
  if (problems.length === 0) return [];
  const { tokenProblemMessages } = await import("./failures-VUX66E5F.js");
  return tokenProblemMessages(token, asked, problems);
}
var TokenApi = class extends DynatraceApi {
  /**
   * Create a token, mask it, and read back what it really is. On an answer that was
   * lost or cannot be trusted, find and delete what the request may have created (its
   * secret was never seen) and try again, up to MAX_CREATE_ATTEMPTS (recovery.ts). The caller checks
   * the token against what was asked (tokenProblems) once it has saved it for
   * revocation, and revokes it through the same path as any later failure.
   */
  async create(req) {
    const token = await this.createWithRecovery(req);
    await this.readBack(token);
    return token;
  }
  async createWithRecovery(req) {
    for (let attempt = 1; ; attempt++) {
      let response;
      try {
        response = await this.send(this.createOperation(req));
        if (response.status === 201 || response.status === 200) {
          return await this.readCreated(req, response);
        }
      } catch (error) {
        if (!(error instanceof AmbiguousRequestError)) throw error;
        const { recoverLostCreate } = await import("./recovery-TG66MLJG.js");
        await recoverLostCreate({
          log: this.log,
          error,
          attempt,
          lost: {
            ...this.kind.lost,
            name: req.name,
            expirationDate: req.expirationDate
          },
          endpointInput: this.endpointInput,
          list: () => this.findLost(req),
          remove: (id) => this.delete(id)
        });
        this.log.info("Trying again.");
        continue;
      }
      const refusal = await this.refused(req, response);
      if (refusal !== "retry") throw refusal;
    }
  }
  /**
   * The created token from a 2xx answer. An answer without a token of Dynatrace's
   * shape, or whose ID is not the token's, means a token may exist whose secret cannot
   * be used: it is handled like a lost answer (UntrustedAnswerError), cleaned up by
   * name and expiry, never by the reported ID, which may be another job's token.
   */
  async readCreated(req, response) {
    const body = parseJson(response.text);
    const { type, idField } = this.kind;
    const { id, secret } = await checkCreatedToken(
      this.log,
      type,
      body?.token,
      body?.[idField]
    );
    const token = {
      type,
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
  /**
   * The token as Dynatrace reports it when read back: its scopes (entries that are no
   * scope names only counted) and, when `read` has one, its expiry.
   */
  verified(token, scopes, read) {
    const { names, unreadable } = reportedScopes(scopes);
    token.scopes = names;
    if (unreadable > 0) token.unreadableScopes = unreadable;
    token.scopesVerified = true;
    delete token.scopesUnverified;
    noteExpiry(token, read, "expirationDate");
  }
};

export {
  TOKEN_FORMAT,
  SECRET_LENGTH,
  CLASSIC_TOKEN_ID,
  PLATFORM_TOKEN_ID,
  UntrustedAnswerError,
  withOffset,
  MAX_CLOCK_AHEAD_MS,
  EXPIRY_TOLERANCE_MS,
  checkedServerNow,
  tokenProblems,
  TokenApi
};
