import {
  formatDuration,
  parseDuration,
  suggestDuration
} from "./chunk-UXD24YEM.js";

// src/inputs/fields.ts
var MODES = [
  "mint",
  "plan",
  "audit",
  "revoke",
  "sweep"
];
var AUTHS = [
  "client-credentials",
  "github-oidc"
];
var TOKEN_TYPES = [
  "classic",
  "platform",
  "none"
];
var FAIL_ON = [
  "error",
  "warning",
  "never"
];
var MIN_LIFETIME_SECONDS = 5 * 60;
var MAX_LIFETIME_SECONDS = 7 * 86400;
var MAX_SWEEP_AGE_SECONDS = 366 * 86400;
var Problem = class {
  constructor(message, secret = false) {
    this.message = message;
    this.secret = secret;
  }
  message;
  secret;
};
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var CLIENT_ID = /^dt0s\d{2}\.[A-Za-z0-9]+$/;
var CLIENT_SECRET = /^dt0s\d{2}\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/;
var ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;
var RESERVED_ENV = /^(GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|CI|HOME|PATH|SHELL|NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|BASH_ENV|ENV)$/i;
var ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
var CONTROL = /[\u0000-\u001f\u007f]/;
var ACCOUNT_URN_HELP = "It is shown with the client ID and secret when an OAuth client is created (Account Management \u2192 Identity & access management \u2192 OAuth clients); the account UUID is also in the Account Management address (myaccount.dynatrace.com/\u2026?account-uuid=<uuid>). It is not a secret: a repository variable (vars.DT_ACCOUNT_URN) is fine.";
function isUuid(value) {
  return typeof value === "string" && UUID.test(value);
}
function looksLikeClientSecret(text) {
  return CLIENT_SECRET.test(text);
}
function tokenTypeOf(id) {
  return id.startsWith("dt0c01.") ? "classic" : "platform";
}
function parseList(text) {
  const seen = /* @__PURE__ */ new Set();
  for (const item of text.split(/[\s,]+/)) {
    if (item !== "") seen.add(item);
  }
  return [...seen];
}
function oneOf(allowed) {
  return {
    fallback: allowed[0],
    check: (text, show) => allowed.find((a) => a === text) ?? new Problem(`${show(text)} is not one of ${allowed.join(", ")}.`)
  };
}
function boolean(fallback) {
  return {
    fallback,
    check: (text, show) => /^(true|True|TRUE)$/.test(text) ? true : /^(false|False|FALSE)$/.test(text) ? false : new Problem(`${show(text)} is not a boolean (true or false).`)
  };
}
function integer(fallback, min, max) {
  return {
    fallback,
    check: (text, show) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : new Problem(
      `${show(text)} must be a whole number from ${min} to ${max}.`
    )
  };
}
function list(fallback = []) {
  return { fallback, check: (text) => parseList(text) };
}
function oneLine(fallback = "") {
  return {
    fallback,
    check: (text, show) => CONTROL.test(text) || text.length > 200 ? new Problem(
      `${show(text)} must be one line of at most 200 characters.`
    ) : text
  };
}
var tokenLifetime = {
  fallback: 3600,
  check: (text, show) => {
    const seconds = parseDuration(text);
    if (seconds === void 0) {
      const meant = suggestDuration(text);
      return new Problem(
        `${show(text)} is not a duration such as 30m, 2h, 1h30m or 1d.${meant ? ` Did you mean ${meant}?` : ""}`
      );
    }
    if (seconds < MIN_LIFETIME_SECONDS || seconds > MAX_LIFETIME_SECONDS) {
      const formatted = formatDuration(seconds);
      const shown = formatted === text.trim().toLowerCase() ? show(text) : `${show(text)} (${formatted})`;
      return new Problem(
        `${shown} is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to ${formatDuration(MAX_LIFETIME_SECONDS)}.`
      );
    }
    return seconds;
  }
};
var sweepAge = {
  fallback: void 0,
  check: (text, show) => {
    const seconds = parseDuration(text);
    if (seconds === void 0)
      return new Problem(`${show(text)} is not a duration such as 2h or 1d.`);
    if (seconds < MIN_LIFETIME_SECONDS || seconds > MAX_SWEEP_AGE_SECONDS) {
      return new Problem(
        `${show(text)} (${formatDuration(seconds)}) is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to 366d; keep it longer than the token-lifetime of the jobs that mint, so that no running job loses its token.`
      );
    }
    return seconds;
  }
};
var clientId = {
  fallback: void 0,
  check: (text, show) => CLIENT_SECRET.test(text) ? new Problem(
    "looks like a client secret (value hidden). Pass the client ID (dt0s02.XXXXXXXX) as client-id and the secret as client-secret.",
    true
  ) : CLIENT_ID.test(text) ? text : new Problem(
    `${show(text)} is not an OAuth client ID of the form dt0s02.XXXXXXXX.`
  )
};
var clientSecret = {
  fallback: void 0,
  check: (text) => /^dt0c01\./.test(text) ? new Problem(
    "is a classic API token (dt0c01\u2026, value hidden), not an OAuth client secret. This action needs an OAuth client: create one in Account Management \u2192 Identity & access management \u2192 OAuth clients and pass its ID as client-id and its secret (dt0s02.XXXXXXXX.<secret>) as client-secret."
  ) : CLIENT_SECRET.test(text) ? text : new Problem(
    "is not of the form dt0s02.XXXXXXXX.<secret> (value hidden). Copy the whole secret shown when the OAuth client was created."
  )
};
function secretOfAnotherClient(secret, id, show) {
  const owner = secret.split(".").slice(0, 2).join(".");
  return owner === id ? void 0 : new Problem(
    `belongs to OAuth client ${owner}, not to client-id ${show(id)}. Pass the secret of the same client.`
  );
}
var accountUrn = {
  fallback: void 0,
  check: (text, show) => {
    const uuid = text.replace(/^urn:dtaccount:/i, "");
    return UUID.test(uuid) ? uuid.toLowerCase() : new Problem(
      `${show(text)} is not urn:dtaccount:<uuid> or a bare account UUID. ${ACCOUNT_URN_HELP}`
    );
  }
};
var environmentId = {
  fallback: void 0,
  check: (text, show) => ENV_ID.test(text) ? text : new Problem(`${show(text)} is not an environment ID (e.g. abc12345).`)
};
var exportVariable = {
  fallback: void 0,
  check: (text, show) => !ENV_VAR.test(text) ? new Problem(
    `${show(text)} is not an environment variable name (letters, digits, _).`
  ) : RESERVED_ENV.test(text) ? new Problem(
    `${show(text)} is reserved by the runner or the shell; choose another name such as DT_API_TOKEN.`
  ) : text
};
var userUuid = {
  fallback: void 0,
  check: (text, show) => UUID.test(text) ? text.toLowerCase() : new Problem(`${show(text)} is not a user UUID.`)
};
var tokenId = {
  fallback: void 0,
  check: (text, show) => text.split(".").length >= 3 ? new Problem(
    "looks like a whole token including its secret (value hidden). Pass the token ID (its first two parts, e.g. dt0c01.XXXX), never the token.",
    true
  ) : /^[A-Za-z0-9._-]{4,100}$/.test(text) ? text : new Problem(`${show(text)} is not a token ID.`)
};

export {
  MODES,
  AUTHS,
  TOKEN_TYPES,
  FAIL_ON,
  Problem,
  ACCOUNT_URN_HELP,
  isUuid,
  looksLikeClientSecret,
  tokenTypeOf,
  parseList,
  oneOf,
  boolean,
  integer,
  list,
  oneLine,
  tokenLifetime,
  sweepAge,
  clientId,
  clientSecret,
  secretOfAnotherClient,
  accountUrn,
  environmentId,
  exportVariable,
  userUuid,
  tokenId
};
