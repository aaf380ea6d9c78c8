import {
  DynatraceApi
} from "./chunk-TCRXC7MS.js";
import {
  formatDuration
} from "./chunk-UXD24YEM.js";
import {
  parseJson
} from "./chunk-HYS7G47W.js";
import {
  ActionError,
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
          return this.readCreated(req, response);
        }
      } catch (error) {
        if (!(error instanceof AmbiguousRequestError)) throw error;
        const { recoverLostCreate } = await import("./recovery-FKZ5BAWU.js");
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
  readCreated(req, response) {
    const body = parseJson(response.text);
    const { type, idField } = this.kind;
    const { id, secret } = checkCreatedToken(
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
  CLASSIC_TOKEN_ID,
  PLATFORM_TOKEN_ID,
  UntrustedAnswerError,
  withOffset,
  checkedServerNow,
  tokenProblems,
  TokenApi
};
