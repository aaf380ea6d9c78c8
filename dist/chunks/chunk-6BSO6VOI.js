
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
function environmentUrls(environmentId, stage) {
  switch (stage) {
    case "prod":
      return {
        platformUrl: `https://${environmentId}.apps.dynatrace.com`,
        classicUrl: `https://${environmentId}.live.dynatrace.com`
      };
    case "sprint":
      return {
        platformUrl: `https://${environmentId}.sprint.apps.dynatracelabs.com`,
        classicUrl: `https://${environmentId}.sprint.dynatracelabs.com`
      };
    case "dev":
      return {
        platformUrl: `https://${environmentId}.dev.apps.dynatracelabs.com`,
        classicUrl: `https://${environmentId}.dev.dynatracelabs.com`
      };
  }
}
function parseSaasEnvironmentUrl(url) {
  if (url.protocol !== "https:" || url.port !== "") return void 0;
  const host = url.hostname.toLowerCase();
  for (const { re, stage } of PATTERNS) {
    const environmentId = re.exec(host)?.[1];
    if (environmentId !== void 0) {
      return { environmentId, stage, ...environmentUrls(environmentId, stage) };
    }
  }
  return void 0;
}
function isDynatraceHost(hostname) {
  const host = hostname.toLowerCase();
  return host.endsWith(".dynatrace.com") || host.endsWith(".dynatracelabs.com");
}
function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase();
  return host === "localhost" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "[::1]";
}

export {
  STAGES,
  parseSaasEnvironmentUrl,
  isDynatraceHost,
  isLoopbackHost
};
