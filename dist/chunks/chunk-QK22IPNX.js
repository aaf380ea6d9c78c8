import {
  formatDuration,
  parseDuration,
  suggestDuration
} from "./chunk-UXD24YEM.js";
import {
  isLoopbackHost
} from "./chunk-54DRLOPH.js";

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

// src/endpoints.ts
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

// src/inputs/endpoints.ts
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

// src/inputs/table.ts
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

export {
  STAGES,
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
  tokenLifetime,
  secretOfAnotherClient,
  usesClientSecret,
  CONTEXT_FIELDS,
  FIELDS,
  CONTEXTUAL
};
