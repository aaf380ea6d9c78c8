import {
  ACCOUNT_URN_HELP
} from "./chunk-M4LQXBWN.js";

// src/federation.ts
var ACCOUNT_MANAGEMENT_ACCEPTS_FEDERATED_TOKENS = false;
function federationRefusals(use) {
  if (ACCOUNT_MANAGEMENT_ACCEPTS_FEDERATED_TOKENS) return [];
  const why = "is served by Account Management, which is not known to accept a GitHub ID token (workload identity federation covers the environment\u2019s platform APIs). Use auth: client-credentials for it, in a separate job that runs only after review (e.g. a protected environment), and keep auth: github-oidc for minting classic tokens or handing on the federated bearer (token-type: none).";
  const out = [];
  if (use.iam) out.push(`policies / bindings: IAM work ${why}`);
  if (use.tokenType === "platform")
    out.push(`token-type: platform: minting a platform token ${why}`);
  if (use.sweepsPlatformTokens)
    out.push(`mode: sweep: sweeping platform tokens ${why}`);
  if (use.revokesPlatformToken)
    out.push(`token-id: revoking a platform token ${why}`);
  return out;
}

// src/inputs/requirements.ts
var needsSecrets = (s) => s.mode !== "audit" && s.auth !== "github-oidc";
var mintsToken = (s) => (s.mode === "mint" || s.mode === "plan") && s.tokenType !== "none";
var FORKS = "Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there.";
var exampleScopes = (type) => type === "platform" ? "settings:objects:read, settings:objects:write" : "ReadConfig, WriteConfig, settings.read, settings.write";
var REQUIREMENTS = [
  {
    input: "client-id",
    violated: (s) => needsSecrets(s) && !s.has("client-id"),
    message: () => `is empty. Pass your OAuth client ID, e.g. client-id: \${{ secrets.DT_CLIENT_ID }}. ${FORKS}`
  },
  {
    input: "client-secret",
    violated: (s) => needsSecrets(s) && !s.has("client-secret"),
    message: () => `is empty. Pass it from a secret, e.g. client-secret: \${{ secrets.DT_CLIENT_SECRET }}, and check the secret exists in this repository or environment. ${FORKS}`
  },
  {
    input: "oidc-audience",
    violated: (s) => s.auth === "github-oidc" && s.mode !== "audit" && !s.has("oidc-audience"),
    message: () => "is required with auth: github-oidc. Pass the audience configured in the Dynatrace trust for GitHub (the aud its ID tokens must carry), e.g. oidc-audience: ${{ vars.DT_OIDC_AUDIENCE }}."
  },
  {
    input: "environment-id",
    violated: (s) => s.customEnvironment && !s.has("environment-id"),
    message: (s, show) => `is required because environment-url ${show(s.text("environment-url"))} is a custom endpoint from which the environment ID cannot be read.`
  },
  {
    input: "sso-url",
    violated: (s) => s.customEnvironment && needsSecrets(s) && !s.has("sso-url"),
    message: () => "is required because environment-url is a custom endpoint; give the SSO token endpoint (e.g. https://sso.dynatrace.com/sso/oauth2/token)."
  },
  {
    input: "token-scopes",
    // With monaco-manifest, empty token-scopes are derived from the project (src/monaco/derive.ts).
    violated: (s) => mintsToken(s) && !s.scopesListed && !s.has("monaco-manifest"),
    message: (s) => `is empty. List the scopes of the ${s.tokenType} token, e.g. ${exampleScopes(s.tokenType)}, or set monaco-manifest to derive them from a Monaco project.`
  },
  {
    input: "environment-url",
    violated: (s) => mintsToken(s) && s.tokenType === "classic" && !s.has("environment-url"),
    message: () => "is required for classic tokens (e.g. https://abc12345.apps.dynatrace.com)."
  },
  {
    input: "account-urn",
    violated: (s) => mintsToken(s) && s.tokenType === "platform" && !s.has("account-urn"),
    message: () => `is required for platform tokens (they are created through Account Management). ${ACCOUNT_URN_HELP}`
  },
  {
    input: "environment-url",
    violated: (s) => mintsToken(s) && s.tokenType === "platform" && !s.has("environment-url") && !s.has("environment-id"),
    message: () => "is required for platform tokens (the token is limited to that environment); give environment-url or environment-id."
  },
  {
    input: "account-urn",
    violated: (s) => (s.has("policies") || s.has("bindings") || s.mode === "plan") && needsSecrets(s) && !s.has("account-urn"),
    message: () => `is required for IAM policies and bindings and for plan mode. ${ACCOUNT_URN_HELP}`
  },
  {
    input: "token-id",
    violated: (s) => s.mode === "revoke" && !s.has("token-id"),
    message: () => "is required in revoke mode (pass steps.<id>.outputs.token-id of the step that minted it)."
  },
  {
    input: "environment-url",
    violated: (s) => s.revokes === "classic" && !s.has("environment-url"),
    message: () => "is required to revoke a classic token."
  },
  {
    input: "account-urn",
    violated: (s) => s.revokes === "platform" && !s.has("account-urn"),
    message: () => `is required to revoke a platform token. ${ACCOUNT_URN_HELP}`
  },
  {
    input: "token-type",
    violated: (s) => s.mode === "sweep" && s.tokenType === "none",
    message: () => "none has no tokens to sweep; use classic or platform (one sweep step per type)."
  },
  {
    input: "environment-url",
    violated: (s) => s.mode === "sweep" && s.tokenType === "classic" && !s.has("environment-url"),
    message: () => "is required to sweep classic tokens."
  },
  {
    input: "account-urn",
    violated: (s) => s.mode === "sweep" && s.tokenType === "platform" && !s.has("account-urn"),
    message: () => `is required to sweep platform tokens. ${ACCOUNT_URN_HELP}`
  },
  {
    input: "monaco-environment",
    violated: (s) => s.has("monaco-environment") && !s.has("monaco-manifest"),
    message: () => "is set, but monaco-manifest is empty; name the manifest whose environment it is."
  }
];
function unmetRequirements(s, show) {
  return REQUIREMENTS.filter((r) => r.violated(s)).map((r) => ({
    input: r.input,
    message: r.message(s, show)
  }));
}

export {
  federationRefusals,
  unmetRequirements
};
