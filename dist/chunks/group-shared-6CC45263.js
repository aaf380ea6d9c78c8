import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);

// (esbuild's helpers)
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require2 !== "undefined" ? require2 : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require2 !== "undefined" ? require2 : a)[b]
}) : x)(function(x) {
  if (typeof require2 !== "undefined") return require2.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/duration.ts
var UNIT_SECONDS = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800
};
var isUnit = (text) => Object.hasOwn(UNIT_SECONDS, text);
function parseDuration(text) {
  const value = text.trim().toLowerCase();
  if (!/^(\d+[smhdw])+$/.test(value)) return void 0;
  let total = 0;
  for (const [, amount = "", unit = ""] of value.matchAll(/(\d+)([smhdw])/g)) {
    if (!isUnit(unit)) return void 0;
    total += Number(amount) * UNIT_SECONDS[unit];
  }
  return total;
}
function formatDuration(seconds) {
  const parts = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1]
  ]) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join("") || "0s";
}
var UNIT_WORDS = [
  [/^(s|secs?|seconds?)$/, "s"],
  [/^(m|mins?|minutes?)$/, "m"],
  [/^(h|hrs?|hours?)$/, "h"],
  [/^(d|days?)$/, "d"],
  [/^(w|wks?|weeks?)$/, "w"]
];
function suggestDuration(text) {
  const value = text.trim().toLowerCase();
  const iso = /^p(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?)?$/.exec(
    value
  );
  if (iso && value !== "p" && value !== "pt") {
    const [, d = "0", h = "0", m = "0", s = "0"] = iso;
    const seconds = Number(d) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(s);
    return seconds > 0 ? singleUnit(seconds) : void 0;
  }
  let total = 0;
  let matched = false;
  const rest = value.replace(
    /(\d+(?:[.,]\d+)?)\s*([a-z]+)/g,
    (_, amount, unit) => {
      const symbol = UNIT_WORDS.find(([re]) => re.test(unit))?.[1];
      if (symbol === void 0) return "\0";
      total += Number(amount.replace(",", ".")) * UNIT_SECONDS[symbol];
      matched = true;
      return "";
    }
  );
  if (!matched || !/^[\s,]*(and[\s,]*)?[\s,]*$/.test(rest.replace(/\band\b/g, "")))
    return void 0;
  return total >= 1 ? singleUnit(total) : void 0;
}
function singleUnit(seconds) {
  const whole = Math.round(seconds);
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60]
  ]) {
    if (whole % size === 0) return `${whole / size}${unit}`;
  }
  return `${whole}s`;
}

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

// src/loopback.ts
function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase();
  return host === "localhost" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "[::1]";
}

// src/endpoints.ts, src/inputs/endpoints.ts, src/inputs/table.ts
var STAGES = {
  prod: {
    ssoTokenUrl: "https://sso.dynatrace.com/sso/oauth2/token",
    accountApiUrl: "https://api.dynatrace.com"
  },
  sprint: {
    ssoTokenUrl: "https://sso-sprint.dynatracelabs.com/sso/oauth2/token",
    accountApiUrl: "https://api-hardening.internal.dynatracelabs.com"
  },
  // The dev Account API host is UNCONFIRMED (the Terraform provider's DevIAMEndpointURL); override with account-api-url.
  dev: {
    ssoTokenUrl: "https://sso-dev.dynatracelabs.com/sso/oauth2/token",
    accountApiUrl: "https://api-dev.internal.dynatracelabs.com"
  }
};
var PATTERNS = [
  { re: /^([a-z0-9-]+)\.(?:apps|live)\.dynatrace\.com$/, stage: "prod" },
  {
    re: /^([a-z0-9-]+)\.sprint(?:\.apps)?\.dynatracelabs\.com$/,
    stage: "sprint"
  },
  { re: /^([a-z0-9-]+)\.dev(?:\.apps)?\.dynatracelabs\.com$/, stage: "dev" }
];
function environmentUrls(environmentId2, stage) {
  switch (stage) {
    case "prod":
      return {
        platformUrl: `https://${environmentId2}.apps.dynatrace.com`,
        classicUrl: `https://${environmentId2}.live.dynatrace.com`
      };
    case "sprint":
      return {
        platformUrl: `https://${environmentId2}.sprint.apps.dynatracelabs.com`,
        classicUrl: `https://${environmentId2}.sprint.dynatracelabs.com`
      };
    case "dev":
      return {
        platformUrl: `https://${environmentId2}.dev.apps.dynatracelabs.com`,
        classicUrl: `https://${environmentId2}.dev.dynatracelabs.com`
      };
  }
}
function parseSaasEnvironmentUrl(url) {
  if (url.protocol !== "https:" || url.port !== "") return void 0;
  const host = url.hostname.toLowerCase();
  for (const { re, stage } of PATTERNS) {
    const environmentId2 = re.exec(host)?.[1];
    if (environmentId2 !== void 0) {
      return { environmentId: environmentId2, stage, ...environmentUrls(environmentId2, stage) };
    }
  }
  return void 0;
}
function isDynatraceHost(hostname) {
  const host = hostname.toLowerCase();
  return host.endsWith(".dynatrace.com") || host.endsWith(".dynatracelabs.com");
}
var trimSlash = (url) => url.href.replace(/\/+$/, "");
function endpointUrl(allowCustom) {
  return (text, show) => {
    let url;
    try {
      url = new URL(text);
    } catch {
      return new Problem(
        URL.canParse(`https://${text}`) && /^[^\s/:]+\.[^\s/]+/.test(text) ? `${show(text)} has no scheme; add https:// (https://${show(text).slice(1, -1)}).` : `${show(text)} is not a URL.`
      );
    }
    if (url.username || url.password)
      return new Problem("must not contain credentials (user:password@).");
    if (url.search || url.hash)
      return new Problem(`${show(text)} must not have a query or fragment.`);
    const loopback = isLoopbackHost(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      return new Problem(
        `${show(text)} must use https (plain http is accepted only on loopback: localhost, 127.0.0.0/8 or [::1], with allow-custom-endpoints: true).`
      );
    }
    if (!allowCustom && (url.protocol !== "https:" || !isDynatraceHost(url.hostname))) {
      return new Problem(
        `${show(text)} is not a Dynatrace endpoint (https on *.dynatrace.com or *.dynatracelabs.com). Set allow-custom-endpoints: true for a proxy, a sovereign install or the local emulator.`
      );
    }
    return url;
  };
}
function environmentUrl(allowCustom) {
  const endpoint = endpointUrl(allowCustom);
  return (text, show) => {
    const url = endpoint(text, show);
    if (url instanceof Problem) return url;
    const saas = parseSaasEnvironmentUrl(url);
    if (saas) return { kind: "saas", ...saas };
    if (/\/e\/[^/]+/.test(url.pathname)) {
      return new Problem(
        `${show(text)} looks like a Dynatrace Managed environment, which has no OAuth/platform route; this action supports Dynatrace SaaS (https://<id>.apps.dynatrace.com).`
      );
    }
    if (isDynatraceHost(url.hostname) && !allowCustom) {
      return new Problem(
        `${show(text)} is not an environment URL; use https://<environment-id>.apps.dynatrace.com (or .live.dynatrace.com).`
      );
    }
    return { kind: "custom", url: trimSlash(url) };
  };
}
function ssoUrl(allowCustom) {
  const endpoint = endpointUrl(allowCustom);
  return (text, show) => {
    const url = endpoint(text, show);
    if (url instanceof Problem) return url;
    return url.pathname === "/" ? `${url.origin}/sso/oauth2/token` : trimSlash(url);
  };
}
function accountApiUrl(allowCustom) {
  const endpoint = endpointUrl(allowCustom);
  return (text, show) => {
    const url = endpoint(text, show);
    return url instanceof Problem ? url : trimSlash(url);
  };
}
var usesClientSecret = (c) => c.mode !== "audit" && c.auth !== "github-oidc";
var CONTEXT_FIELDS = {
  mode: oneOf(MODES),
  "token-type": oneOf(TOKEN_TYPES),
  auth: oneOf(AUTHS),
  "allow-custom-endpoints": boolean(false)
};
var matchingEnvironmentId = (text, show, { environment }) => environment?.kind === "saas" ? text === environment.environmentId ? text : new Problem(
  `${show(text)} does not match the ID "${environment.environmentId}" in environment-url; leave environment-id empty for Dynatrace URLs.`
) : environmentId.check(text, show);
var FIELDS = {
  "client-id": { ...clientId, when: usesClientSecret },
  "client-secret": { ...clientSecret, when: usesClientSecret },
  "oidc-audience": {
    ...oneLine(),
    when: (c) => c.auth === "github-oidc" && c.mode !== "audit"
  },
  "account-urn": accountUrn,
  "environment-url": {
    fallback: void 0,
    check: (text, show, c) => environmentUrl(c.allowCustomEndpoints)(text, show)
  },
  "environment-id": { fallback: void 0, check: matchingEnvironmentId },
  "sso-url": {
    fallback: void 0,
    check: (text, show, c) => ssoUrl(c.allowCustomEndpoints)(text, show)
  },
  "account-api-url": {
    fallback: void 0,
    check: (text, show, c) => accountApiUrl(c.allowCustomEndpoints)(text, show)
  },
  "token-lifetime": tokenLifetime,
  "token-name": oneLine(),
  "export-variable": exportVariable,
  "platform-token-owner": userUuid,
  "token-id": { ...tokenId, when: (c) => c.mode === "revoke" },
  "sweep-prefix": oneLine(),
  "sweep-older-than": sweepAge,
  revoke: boolean(true),
  "output-access-token": boolean(false),
  "timeout-seconds": integer(120, 5, 3600),
  "max-retries": integer(4, 0, 10),
  "audit-fail-on": oneOf(FAIL_ON)
};
var CONTEXTUAL = /* @__PURE__ */ new Set([
  "client-id",
  "client-secret",
  "oidc-audience",
  "environment-url",
  "environment-id",
  "sso-url",
  "account-api-url",
  "token-id"
]);

// src/errors.ts
var ActionError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ActionError";
  }
};
var AmbiguousRequestError = class extends ActionError {
  constructor(message, options) {
    super(message, options);
    this.name = "AmbiguousRequestError";
  }
};
function errorMessage(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}

// src/inputs/reader.ts
var InputReader = class {
  constructor(source, log) {
    this.source = source;
    this.log = log;
  }
  source;
  log;
  problems = [];
  warnings = [];
  /** Every value read, to check at the end that none but client-secret carries the secret. */
  values = /* @__PURE__ */ new Map();
  /** The raw text of an input ('' when not set). */
  read(name) {
    const value = this.source(name);
    this.values.set(name, value);
    return value;
  }
  /** True when the input is set (not empty). */
  has(name) {
    return this.read(name) !== "";
  }
  /** The raw texts read so far, client-secret left out (for the audit of this step). */
  texts() {
    const out = new Map(this.values);
    out.delete("client-secret");
    return out;
  }
  /** Text as it may appear in a message: redacted, one line, at most `max` characters. */
  clean(text, max) {
    return this.log.clean(text, max);
  }
  /** A value as it may appear in a message: quoted, redacted, one line, bounded. */
  show = (value) => `"${this.clean(value, 80)}"`;
  problem(name, message) {
    this.problems.push(`${name}: ${message}`);
  }
  warn(name, message) {
    this.warnings.push(`${name}: ${message}`);
  }
  /** An input through its field check; its fallback when empty or refused. */
  field(name, field, text = this.read(name)) {
    if (text === "") return field.fallback;
    const value = this.check(name, text, field.check);
    return value instanceof Problem ? field.fallback : value;
  }
  /**
   * An input of the field table through its check in `context`; its fallback when empty,
   * refused, or not checked in this context (it is read all the same, for finish()).
   */
  inContext(name, field, context) {
    const text = this.read(name);
    if (text === "" || field.when && !field.when(context))
      return field.fallback;
    const value = this.check(
      name,
      text,
      (t, show) => field.check(t, show, context)
    );
    return value instanceof Problem ? field.fallback : value;
  }
  /** A non-empty value through `check`; a refusal is recorded and returned. */
  check(name, text, check) {
    const value = check(text, this.show);
    if (value instanceof Problem) {
      if (value.secret) this.log.addSecret(text);
      this.problem(name, value.message);
    }
    return value;
  }
  list(name, fallback) {
    return this.field(name, list(fallback));
  }
  /**
   * Throw one ActionError listing every problem, after checking that no input but
   * client-secret carries the secret (it would travel on into URLs, outputs or the summary).
   */
  finish(secret) {
    const secretPart = secret.split(".").pop() ?? "";
    for (const [name, value] of this.values) {
      if (name === "client-secret" || secret.length < 8) continue;
      if (name === "client-id" && looksLikeClientSecret(value)) continue;
      if (value.includes(secret) || secretPart.length >= 8 && value.includes(secretPart)) {
        this.problems.unshift(
          `${name}: contains the client secret (value hidden). Pass the secret only as client-secret.`
        );
      }
    }
    if (this.problems.length > 0) {
      const list2 = this.problems.map((p) => `  - ${p}`).join("\n");
      throw new ActionError(
        `Invalid input${this.problems.length > 1 ? "s" : ""} (no request was sent):
${list2}`
      );
    }
  }
};
function startReading(source, log) {
  const reader = new InputReader(source, log);
  const secret = reader.read("client-secret");
  log.addSecret(secret);
  const context = {
    mode: reader.field("mode", CONTEXT_FIELDS.mode),
    tokenType: reader.field("token-type", CONTEXT_FIELDS["token-type"]),
    auth: reader.field("auth", CONTEXT_FIELDS.auth),
    allowCustomEndpoints: reader.field(
      "allow-custom-endpoints",
      CONTEXT_FIELDS["allow-custom-endpoints"]
    )
  };
  return { reader, secret, context };
}

// builtin-cjs:os, builtin-cjs:fs
var require_os = __commonJS({
  "builtin-cjs:os"(exports, module) {
    module.exports = __require("node:os");
  }
});
var require_fs = __commonJS({
  "builtin-cjs:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// builtin-cjs:crypto, builtin-cjs:path, node_modules/@actions/core/lib/command.js, node_modules/@actions/core/lib/utils.js, node_modules/@actions/core/lib/file-command.js, node_modules/@actions/core/lib/core.js
var require_crypto = __commonJS({
  "builtin-cjs:crypto"(exports, module) {
    module.exports = __require("node:crypto");
  }
});
var require_path = __commonJS({
  "builtin-cjs:path"(exports, module) {
    module.exports = __require("node:path");
  }
});
var os = __toESM(require_os());
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var crypto = __toESM(require_crypto());
var fs = __toESM(require_fs());
var os2 = __toESM(require_os());
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}
var os3 = __toESM(require_os());
var path = __toESM(require_path());
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function exportVariable2(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath = process.env["GITHUB_ENV"] || "";
  if (filePath) {
    return issueFileCommand("ENV", prepareKeyValueMessage(name, val));
  }
  issueCommand("set-env", { name }, convertedVal);
}
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os3.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os3.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}

// src/log.ts
var MAX_SERVER_TEXT = 300;
var LEGACY_COMMAND = /##\[/g;
var LEADING_COMMAND = /^([\s\u0085]*):(?=:)/;
function defuseLine(line) {
  return line.replace(LEGACY_COMMAND, "## [").replace(LEADING_COMMAND, "$1: ");
}
function defuseCommands(text) {
  return text.split("\n").map(defuseLine).join("\n");
}
function neutralise(text, max = MAX_SERVER_TEXT) {
  const oneLine22 = text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").replace(/::/g, ": :").replace(LEGACY_COMMAND, "## [").trim();
  if (oneLine22.length <= max) return oneLine22;
  const space = oneLine22.lastIndexOf(" ", max);
  const cut = space > max * 0.7 ? space : max;
  return `${oneLine22.slice(0, cut)}\u2026 (truncated)`;
}
var CONTROL2 = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
function oneLine2(text) {
  return text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, " ").replace(CONTROL2, "");
}
function annotationText(text) {
  return text.replace(/\u0085|\u2028|\u2029/g, "\n").replace(CONTROL2, "");
}
var Logger = class {
  secrets = /* @__PURE__ */ new Set();
  /**
   * Register a credential: mask it with the runner at once (before any output could
   * carry it) and redact it from every later line. Also masks the secret part of a
   * dotted Dynatrace credential (prefix.public.secret).
   */
  addSecret(value) {
    if (value === void 0 || value.trim().length < 4) return;
    const parts = [value];
    const segments = value.split(".");
    const last = segments.at(-1);
    if (segments.length >= 3 && last !== void 0 && last.length >= 8) {
      parts.push(last);
    }
    for (const part of parts) {
      if (!this.secrets.has(part)) {
        setSecret(part);
        this.secrets.add(part);
      }
    }
  }
  /** Replace every registered credential in `text` with `***`. */
  redact(text) {
    let out = text;
    const longestFirst = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of longestFirst) out = out.split(secret).join("***");
    return out;
  }
  /** Redact and neutralise text that did not come from us. */
  clean(text, max) {
    return neutralise(this.redact(text), max);
  }
  /**
   * Every print goes through here: redacted first (a credential is matched as it was
   * registered), then made one line (or an annotation's text), then defused.
   */
  line(message) {
    return defuseCommands(oneLine2(this.redact(message)));
  }
  annotation(message, properties) {
    const text = defuseCommands(annotationText(this.redact(message)));
    if (properties === void 0) return [text, void 0];
    const safe = { ...properties };
    if (safe.title !== void 0) safe.title = this.line(safe.title);
    if (safe.file !== void 0) safe.file = this.line(safe.file);
    return [text, safe];
  }
  info(message) {
    info(this.line(message));
  }
  debug(message) {
    debug(this.line(message));
  }
  notice(message, properties) {
    notice(...this.annotation(message, properties));
  }
  warning(message, properties) {
    warning(...this.annotation(message, properties));
  }
  error(message, properties) {
    error(...this.annotation(message, properties));
  }
  /** Why the step failed (redacted), once fail() was called; for the job summary. */
  failure;
  /** Fail the step with a redacted message. */
  fail(message) {
    this.failure = this.redact(message);
    setFailed(this.annotation(message)[0]);
  }
  async group(name, fn) {
    return group(this.line(name), fn);
  }
};

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
  async readPages(list2) {
    const { readPages } = await import("./pages-BFLIDJP3.js");
    return readPages(list2, {
      send: (op) => this.send(op),
      failed: async (response) => `HTTP ${response.status} listing ${list2.listing}: ${await this.explain(response)}.${await this.accessHint(response, list2.needs)}`
    });
  }
  /**
   * After a 401 or 403: the scopes or permissions Dynatrace named as missing, else
   * `needs` (what the OAuth client needs), after a space. Empty for other statuses.
   */
  async accessHint(response, needs) {
    if (response.status !== 401 && response.status !== 403) return "";
    const { missingAccess } = await import("./errors-QC65UVWR.js");
    return ` ${missingAccess(this.options.log, response) ?? needs}`;
  }
  /** Dynatrace's explanation of a failed answer: redacted, one line, bounded. */
  async explain(response) {
    const { explainError } = await import("./errors-QC65UVWR.js");
    return explainError(this.options.log, response);
  }
};
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

// src/http.ts, src/connections.ts, src/version.ts
import { createRequire as createRequire2 } from "node:module";
import { createRequire as createRequire3 } from "node:module";
var builtin = (name) => createRequire3(import.meta.url)(name);
function targetOf(url) {
  const secure = url.protocol === "https:";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: Number(url.port || (secure ? 443 : 80)),
    secure
  };
}
function tlsOptions(net, host, port) {
  return { host, port, ...net.isIP(host) ? {} : { servername: host } };
}
function openDirect(target) {
  const net = builtin("node:net");
  if (!target.secure) return { socket: net.connect(target.port, target.host) };
  const tls = builtin("node:tls");
  return { socket: tls.connect(tlsOptions(net, target.host, target.port)) };
}
function originAgent(module, open, takeSpare) {
  const agent = new module.Agent({ keepAlive: true });
  agent.createConnection = (_options, callback) => {
    const spare = takeSpare();
    let pending;
    if (spare && "tunnel" in spare) {
      pending = {
        tunnel: spare.tunnel.catch(() => {
          const fresh = open();
          return "socket" in fresh ? fresh.socket : fresh.tunnel;
        })
      };
    } else if (spare && !spare.socket.destroyed) {
      pending = spare;
    } else {
      pending = open();
    }
    if ("socket" in pending) return pending.socket;
    pending.tunnel.then(
      (stream) => callback?.(null, stream),
      (error2) => callback?.(error2, void 0)
    );
    return void 0;
  };
  return agent;
}
var ACTION_NAME = "configure-dynatrace-credentials";
var ACTION_VERSION = "1.0.0";
var USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;
var RETRY_STATUSES = /* @__PURE__ */ new Set([429, 502, 503, 504]);
var MAX_BODY_BYTES = 1024 * 1024;
var NetworkError = class extends Error {
  constructor(code2, sent) {
    super(code2);
    this.code = code2;
    this.sent = sent;
  }
  code;
  sent;
};
var proxyConfigured = () => !!(process.env.https_proxy || process.env.HTTPS_PROXY);
var retries = () => import("./http-retry-4QI5C7RD.js");
var defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var Http = class _Http {
  constructor(options) {
    this.options = options;
    this.allowed = /* @__PURE__ */ new Set([...options.allowedOrigins]);
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }
  options;
  allowed;
  /** Per origin: the request function and agent (kept-alive or proxy tunnel). */
  transports = /* @__PURE__ */ new Map();
  sleep;
  now;
  random;
  /** src/proxy.ts, loaded on first use (most runners have no proxy). */
  proxies;
  /** The most recent `Date` header seen from a server, with the local time it arrived. */
  lastServerDate;
  /** A client with a fresh budget, for clean-up after the main budget ran out. */
  withBudget(ms) {
    return this.derive({ ...this.options, deadline: this.now() + ms });
  }
  /** What http-retry.ts needs of this client after a failed attempt. */
  get retryContext() {
    return {
      ...this.options,
      sleep: this.sleep,
      now: this.now,
      random: this.random
    };
  }
  /** What is left of the time budget, in ms (negative once it is used up). */
  remainingMs() {
    return this.options.deadline - this.now();
  }
  /**
   * A client with the same budget and connections that may talk only to `origins`:
   * for the one request that goes elsewhere (the runner's ID-token service), so no
   * other request could ever be sent there. It never renews a bearer.
   */
  withOrigins(origins) {
    const { bearer: _ignored, ...options } = this.options;
    return this.derive({ ...options, allowedOrigins: origins });
  }
  /** A client with the same budget, origins and connections that renews `bearer`. */
  withBearer(bearer) {
    return this.derive({ ...this.options, bearer });
  }
  /** A copy sharing the connections (dispose() of the original closes them all). */
  derive(options) {
    const child = new _Http(options);
    child.transports = this.transports;
    if (this.proxies) child.proxies = this.proxies;
    child.lastServerDate = this.lastServerDate;
    return child;
  }
  /** The servers' clock, estimated from the last `Date` header (local clock if none yet). */
  serverNow() {
    if (!this.lastServerDate) return this.now();
    return this.lastServerDate.server + (this.now() - this.lastServerDate.local);
  }
  /**
   * Open a connection (TCP, TLS, proxy tunnel) to `target`'s origin ahead of its first
   * request, so its handshakes overlap with the request in flight (the SSO bearer); the
   * next request to that origin adopts it. Nothing is written on it until then, so no
   * credential goes over it before that request. Does nothing for an origin that is not
   * allowed or already has a connection, or when the proxy settings are unusable (the
   * request reports that). dispose() drops it if no request took it.
   */
  preconnect(target) {
    let url;
    try {
      url = new URL(target ?? "");
    } catch {
      return;
    }
    if (!this.allowed.has(url.origin) || this.transports.has(url.origin)) return;
    if (this.needsProxies(url)) {
      void this.loadProxies().then(
        () => this.preconnect(target),
        () => void 0
      );
      return;
    }
    let transport;
    try {
      transport = this.transportFor(url);
    } catch {
      return;
    }
    const spare = transport.open();
    const ignore = () => void 0;
    if ("socket" in spare) spare.socket.on("error", ignore);
    else spare.tunnel.then((stream) => stream.on("error", ignore), ignore);
    transport.spare = spare;
  }
  needsProxies(url) {
    return url.protocol === "https:" && !this.proxies && proxyConfigured();
  }
  async loadProxies() {
    this.proxies ??= await import("./proxy-4YMV4WR6.js");
  }
  /** Close kept-alive and pre-opened connections so the process can exit at once. */
  dispose() {
    for (const transport of this.transports.values()) {
      transport.agent.destroy();
      const spare = transport.spare;
      transport.spare = void 0;
      if (spare && "socket" in spare) spare.socket.destroy();
      else if (spare)
        spare.tunnel.then(
          (stream) => stream.destroy(),
          () => void 0
        );
    }
    this.transports.clear();
  }
  /**
   * Send a request, retrying transient failures. Resolves with the final response for
   * any status (callers map statuses to messages); rejects with ActionError when no
   * response could be had, or AmbiguousRequestError for a creating request.
   */
  async request(spec) {
    const bearer = this.options.bearer;
    const response = await this.attempts(spec);
    if (!bearer || !spec.authorization || !bearer.owns(spec.authorization))
      return response;
    if (response.status !== 401 && response.status !== 403) {
      bearer.accepted();
      return response;
    }
    const renewed = await bearer.rejected(spec, response, false);
    const again = await this.attempts({ ...spec, authorization: renewed });
    if (again.status !== 401 && again.status !== 403) {
      bearer.accepted();
      return again;
    }
    await bearer.rejected(spec, again, true);
    return again;
  }
  /** One request with its retries. */
  async attempts(spec) {
    const url = new URL(spec.url);
    if (!this.allowed.has(url.origin)) {
      throw new ActionError(
        `Refusing to send a request to ${url.origin} to ${spec.what}: it is not one of the configured ${this.options.server} endpoints.`
      );
    }
    for (let attempt = 0; ; attempt++) {
      const remaining = this.options.deadline - this.now();
      if (remaining <= 0)
        throw (await retries()).budgetError(this.retryContext, spec);
      const timeout = Math.min(this.options.requestTimeoutMs, remaining);
      let response;
      try {
        response = await this.send(spec, url, timeout);
      } catch (error2) {
        if (!(error2 instanceof NetworkError)) throw error2;
        await (await retries()).afterNetworkError(
          this.retryContext,
          spec,
          url,
          error2,
          timeout,
          attempt
        );
        continue;
      }
      if (response.status >= 300 && response.status < 400)
        throw (await retries()).redirectError(spec, url, response);
      if (!RETRY_STATUSES.has(response.status)) return response;
      const next = await (await retries()).afterRetryableStatus(this.retryContext, spec, response, attempt);
      if (next === "give-up") return response;
    }
  }
  /**
   * The transport for an origin, loaded on first use: TLS (node:https) only for https
   * URLs and src/proxy.ts only with a proxy variable (loaded before), because
   * initialising modules a run does not use is start-up time paid on every job. Plain http goes only to loopback and never through a proxy (it would see
   * the client secret); https goes through HTTPS_PROXY unless NO_PROXY says otherwise.
   */
  transportFor(url) {
    const cached = this.transports.get(url.origin);
    if (cached) return cached;
    const secure = url.protocol === "https:";
    if (!secure && !isLoopbackHost(url.hostname)) {
      throw new ActionError(
        `Refusing to send a request to ${url.origin} over plain http: only loopback (localhost, 127.0.0.0/8, [::1]) may be reached without TLS.`
      );
    }
    const module = {
      default: createRequire2(import.meta.url)(
        secure ? "node:https" : "node:http"
      )
    };
    const target = targetOf(url);
    const proxy = secure ? this.proxies?.proxyFor(url) : void 0;
    if (proxy && "unusable" in proxy) throw new ActionError(proxy.unusable);
    const tunnel = this.proxies?.openTunnel;
    const transport = {
      // Looked up on the module object at call time (test doubles patch it there).
      request: (...args) => module.default.request(...args),
      open: () => proxy && tunnel ? { tunnel: tunnel(target, proxy) } : openDirect(target),
      agent: originAgent(
        module.default,
        () => transport.open(),
        () => {
          const spare = transport.spare;
          transport.spare = void 0;
          return spare;
        }
      )
    };
    this.transports.set(url.origin, transport);
    return transport;
  }
  /** Headers and body of a request (the Authorization the bearer renews, if any). */
  encode(spec) {
    const headers = {
      "user-agent": USER_AGENT,
      accept: "application/json"
    };
    let body;
    if (spec.form) {
      body = spec.form.toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    } else if (spec.json !== void 0) {
      body = JSON.stringify(spec.json);
      headers["content-type"] = "application/json; charset=utf-8";
    }
    if (body !== void 0) headers["content-length"] = Buffer.byteLength(body);
    if (spec.authorization)
      headers.authorization = this.options.bearer?.current(spec.authorization) ?? spec.authorization;
    return { headers, body };
  }
  /** A whole answer as read: its `Date` header noted as the server's clock, one debug line. */
  received(spec, url, res, text, started) {
    const response = {
      status: res.statusCode ?? 0,
      headers: res.headers,
      text
    };
    const date = res.headers.date ? Date.parse(res.headers.date) : NaN;
    if (!Number.isNaN(date)) {
      response.serverDate = date;
      this.lastServerDate = { server: date, local: this.now() };
    }
    this.options.log.debug(
      `${spec.method} ${url.origin}${url.pathname} \u2192 HTTP ${response.status} (${this.now() - started} ms)`
    );
    return response;
  }
  async send(spec, url, timeoutMs) {
    if (this.needsProxies(url)) await this.loadProxies();
    const transport = this.transportFor(url);
    const { headers, body } = this.encode(spec);
    const started = this.now();
    return new Promise((resolve, reject) => {
      let sent = false;
      let settled = false;
      const finish = (fn) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const req = transport.request(
        url,
        { method: spec.method, headers, agent: transport.agent },
        (res) => {
          const chunks = [];
          let size = 0;
          res.on("data", (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
              req.destroy(new Error("EBODYTOOLARGE"));
              return;
            }
            chunks.push(chunk);
          });
          res.on(
            "end",
            () => finish(() => {
              const text = Buffer.concat(chunks).toString("utf8");
              resolve(this.received(spec, url, res, text, started));
            })
          );
          res.on(
            "error",
            (err) => finish(
              () => reject(new NetworkError(err.code ?? err.message, true))
            )
          );
        }
      );
      const timer = setTimeout(() => {
        req.destroy();
        finish(() => reject(new NetworkError("TIMEOUT", sent)));
      }, timeoutMs);
      req.on("finish", () => {
        sent = true;
      });
      req.on("socket", (socket) => {
        if (!socket.connecting) sent = true;
        socket.once("connect", () => {
          sent = true;
        });
      });
      req.on(
        "error",
        (err) => finish(() => reject(new NetworkError(err.code ?? err.message, sent)))
      );
      req.end(body);
    });
  }
};
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}

// src/dynatrace/sso.ts, src/runtime.ts
var MIN_BEARER_LENGTH = 16;
var BEARER_TOKEN = new RegExp(
  `^[A-Za-z0-9\\-._~+/]{${MIN_BEARER_LENGTH},16384}=*$`
);
var SsoApi = class extends DynatraceApi {
  /**
   * Get a bearer token. The token is masked the moment it is read from the response,
   * before anything else can print or return it.
   */
  async bearer(request) {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: request.credentials.clientId,
      client_secret: request.credentials.clientSecret
    });
    if (request.scopes.length > 0) form.set("scope", request.scopes.join(" "));
    if (request.accountUuid)
      form.set("resource", `urn:dtaccount:${request.accountUuid}`);
    const response = await this.send({
      method: "POST",
      path: "",
      form,
      what: "get an SSO bearer token"
    });
    const body = parseJson(response.text);
    const fields = typeof body === "object" && body !== null ? body : {};
    const accessToken = fields.access_token;
    if (typeof accessToken === "string" && accessToken.trim().length >= MIN_BEARER_LENGTH)
      this.log.addSecret(accessToken);
    if (response.status < 200 || response.status >= 300 || typeof accessToken !== "string" || accessToken === "" || fields.error !== void 0) {
      const { ssoRefusal } = await import("./failures-UPL42HUK.js");
      throw ssoRefusal(this.log, response, request, this.options.baseUrl);
    }
    if (!BEARER_TOKEN.test(accessToken)) {
      throw new ActionError(
        `Dynatrace SSO answered an access token in an unexpected form (not RFC 6750 token characters, shorter than ${MIN_BEARER_LENGTH} characters, or over 16 kB). Check that sso-url is Dynatrace's SSO token endpoint (https://sso.dynatrace.com/sso/oauth2/token).`
      );
    }
    const bearer = { accessToken };
    const expiresIn = fields.expires_in;
    if (typeof expiresIn === "number" && expiresIn > 0 && expiresIn < 86400)
      bearer.expiresAt = this.http.serverNow() + expiresIn * 1e3;
    return bearer;
  }
};
function createHttp(inputs, log, urls = inputs.auth === "github-oidc" ? [inputs.endpoints?.platformUrl] : Object.values(inputs.endpoints ?? {})) {
  const origins = urls.filter((u) => !!u && /^https?:/.test(u)).map((u) => new URL(u).origin);
  const budgetMs = inputs.timeoutSeconds * 1e3;
  return new Http({
    log,
    server: "Dynatrace",
    allowedOrigins: origins,
    deadline: Date.now() + budgetMs,
    maxRetries: inputs.maxRetries,
    // errors.ts reads the body; loaded on demand, only a retried answer needs it.
    bodyRetryDelay: async (response) => (await import("./errors-QC65UVWR.js")).bodyRetryDelay(response),
    requestTimeoutMs: Math.min(3e4, Math.max(2e3, budgetMs / 4))
  });
}
function reportFailure(log, error2) {
  if (error2 instanceof ActionError) {
    log.fail(error2.message);
    return;
  }
  if (error2 instanceof Error && error2.stack) log.debug(error2.stack);
  log.fail(
    `Unexpected error: ${errorMessage(error2)}. This is a bug in configure-dynatrace-credentials; please report it (with the log, which holds no secrets).`
  );
}
async function authenticate(ctx, next) {
  const { inputs, log, http } = ctx;
  if (inputs.auth === "github-oidc") {
    const { federatedSession } = await import("./github-oidc-YV4UY3GK.js");
    return federatedSession(ctx, inputs.oidcAudience, next);
  }
  const { credentials } = inputs;
  log.info(
    `Getting an SSO bearer token for OAuth client ${credentials.clientId} from ${new URL(inputs.endpoints.ssoTokenUrl).host}.`
  );
  const sso = new SsoApi({ http, log, baseUrl: inputs.endpoints.ssoTokenUrl });
  const pending = sso.bearer({
    credentials,
    scopes: inputs.oauthScopes,
    ...inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {}
  });
  http.preconnect(next);
  return {
    ctx,
    bearer: await pending,
    credential: `OAuth client ${credentials.clientId} (client credentials)`
  };
}

// src/outputs.ts
var Output = {
  Token: "token",
  TokenId: "token-id",
  TokenType: "token-type",
  TokenExpiresAt: "token-expires-at",
  TokenScopes: "token-scopes",
  AccessToken: "access-token",
  AccessTokenExpiresAt: "access-token-expires-at",
  EnvironmentUrl: "environment-url",
  ClassicEnvironmentUrl: "classic-environment-url",
  BindingsAdded: "bindings-added",
  PoliciesChanged: "policies-changed",
  Plan: "plan",
  SweptCount: "swept-count",
  SweptIds: "swept-ids",
  AuditReport: "audit-report",
  AuditFindings: "audit-findings"
};
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

// src/summary.ts
var import_node_os = __toESM(require_os());
var import_node_fs = __toESM(require_fs());
function escapeHtml(text) {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[&<>"'[\]\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `&#${c.charCodeAt(0)};`
  );
}
var code = (text) => `<code>${escapeHtml(text)}</code>`;
var JobSummary = class {
  html = "";
  addRaw(html, addEol = false) {
    this.html += addEol ? html + import_node_os.EOL : html;
    return this;
  }
  addHeading(html, level) {
    return this.addRaw(`<h${level}>${html}</h${level}>`, true);
  }
  addTable(rows) {
    const cells = (row) => row.map(
      (cell) => typeof cell === "string" ? `<td>${cell}</td>` : cell.header ? `<th>${cell.data}</th>` : `<td>${cell.data}</td>`
    ).join("");
    const body = rows.map((row) => `<tr>${cells(row)}</tr>`).join("");
    return this.addRaw(`<table>${body}</table>`, true);
  }
  toString() {
    return this.html;
  }
};
async function writeSummary(log, build) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    const summary = new JobSummary();
    build(summary);
    const text = log.redact(summary.toString());
    try {
      await import_node_fs.promises.access(file, import_node_fs.constants.R_OK | import_node_fs.constants.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
      );
    }
    await import_node_fs.promises.appendFile(file, text, { encoding: "utf8" });
  } catch (error2) {
    log.warning(
      `Could not write the job summary: ${error2 instanceof Error ? error2.message : String(error2)}`
    );
  }
}

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
  const { untrustedAnswer } = await import("./failures-UPL42HUK.js");
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
    const { clocksApart } = await import("./failures-UPL42HUK.js");
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
  const { tokenProblemMessages } = await import("./failures-UPL42HUK.js");
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
      } catch (error2) {
        if (!(error2 instanceof AmbiguousRequestError)) throw error2;
        const { recoverLostCreate } = await import("./recovery-TTIIK6CQ.js");
        await recoverLostCreate({
          log: this.log,
          error: error2,
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
    const { classicDeleteFailure } = await import("./failures-UPL42HUK.js");
    throw classicDeleteFailure(this.log, response);
  }
  /**
   * `GET …/apiTokens?pageSize=100`, whatever it answers: the smallest request that shows
   * whether the environment accepts the bearer (not 401) and lets it read tokens (not
   * 403); 100 is the smallest page the API accepts (its `pageSize` is 100–10000,
   * https://docs.dynatrace.com/docs/dynatrace-api/environment-api/tokens-v2/api-tokens/get-all).
   * For plan's check of a GitHub ID token's trust (github-oidc.ts).
   */
  probe(what) {
    return this.send({
      method: "GET",
      path: `${API_TOKENS_PATH}?pageSize=100`,
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
    const { classicCreateRefused } = await import("./failures-UPL42HUK.js");
    return classicCreateRefused(this.log, this.http, response, req);
  }
  /** Every token's ID, name and expiry; throws the reason when the list cannot be had. */
  async findLost() {
    const { findLostClassicTokens } = await import("./recovery-TTIIK6CQ.js");
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
    } catch (error2) {
      read = { error: error2 };
    }
    if ("response" in read && read.response.status === 200) {
      const body = parseJson(read.response.text);
      if (Array.isArray(body?.scopes))
        return this.verified(token, body.scopes, body);
    }
    const { classicReadBackFailed } = await import("./failures-UPL42HUK.js");
    classicReadBackFailed(this.log, token, read);
  }
};
export {
  ACCOUNT_URN_HELP,
  API_TOKENS_PATH,
  ActionError,
  AmbiguousRequestError,
  CLASSIC_TOKEN_ID,
  CONTEXTUAL,
  CONTEXT_FIELDS,
  ClassicTokensApi,
  DynatraceApi,
  EXPIRY_TOLERANCE_MS,
  FIELDS,
  Logger,
  MAX_CLOCK_AHEAD_MS,
  Output,
  PLATFORM_TOKEN_ID,
  Problem,
  SECRET_LENGTH,
  STAGES,
  SsoApi,
  State,
  TOKEN_FORMAT,
  TokenApi,
  UntrustedAnswerError,
  __commonJS,
  __require,
  __toESM,
  authenticate,
  checkedServerNow,
  clientId,
  code,
  createHttp,
  errorMessage,
  escapeHtml,
  exportVariable2 as exportVariable,
  formatDuration,
  getInput,
  getState,
  isLoopbackHost,
  isObject,
  isUuid,
  neutralise,
  parseJson,
  parseList,
  reportFailure,
  require_fs,
  require_path,
  saveState,
  secretOfAnotherClient,
  setOutput,
  startReading,
  tokenLifetime,
  tokenProblems,
  tokenTypeOf,
  usesClientSecret,
  withOffset,
  writeSummary
};
