import {
  AUTHS,
  FAIL_ON,
  MODES,
  Problem,
  TOKEN_TYPES,
  accountUrn,
  boolean,
  clientId,
  clientSecret,
  environmentId,
  exportVariable,
  integer,
  oneLine,
  oneOf,
  sweepAge,
  tokenId,
  tokenLifetime,
  userUuid
} from "./chunk-M4LQXBWN.js";
import {
  isLoopbackHost
} from "./chunk-54DRLOPH.js";

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
  usesClientSecret,
  CONTEXT_FIELDS,
  FIELDS,
  CONTEXTUAL
};
