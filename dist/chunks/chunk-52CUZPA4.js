import {
  markRevoked,
  saveToken
} from "./chunk-L6MIFIBO.js";
import {
  revokeTarget,
  revokeToken
} from "./chunk-IZUZXW7U.js";
import {
  authenticate,
  createClassicToken
} from "./chunk-DR6CST3X.js";
import {
  checkedServerNow,
  tokenProblems
} from "./chunk-WNHKU23W.js";
import {
  Output
} from "./chunk-4MJGIEGS.js";
import {
  exportVariable,
  mintSummary,
  setOutput,
  writeSummary
} from "./chunk-TC7Z5OUA.js";
import {
  formatDuration
} from "./chunk-UXD24YEM.js";
import {
  ActionError,
  errorMessage
} from "./chunk-IKGYFQ6X.js";

// src/modes/mint.ts
var CLEANUP_BUDGET_MS = 2e4;
var IAM_PROPAGATION_MS = 6e4;
async function checkBeforeRequests(inputs, log) {
  let derived;
  if (inputs.tokenType !== "none" && inputs.tokenScopes.length === 0 && inputs.audit.monacoManifest !== void 0) {
    const { deriveTokenScopes } = await import("./derive-DNGDEC5Q.js");
    derived = await deriveTokenScopes(inputs, log);
    inputs.tokenScopes = derived.scopes.map((s) => s.scope);
  }
  if (inputs.policies !== "" || inputs.bindings !== "") {
    const { checkIamInputs } = await import("./iam-IHDP4BRS.js");
    checkIamInputs(inputs);
  }
  return derived;
}
async function prepare(base, derived) {
  const { inputs } = base;
  const needsIam = inputs.auth === "client-credentials" && (inputs.policies !== "" || inputs.bindings !== "" || inputs.mode === "plan");
  const e = inputs.endpoints;
  const first = needsIam ? e.accountApiUrl : inputs.tokenType === "classic" ? e.platformUrl : inputs.tokenType === "platform" ? e.accountApiUrl : void 0;
  const session = await authenticate(base, first);
  let iam;
  if (needsIam) {
    const { ensureIam } = await import("./iam-IHDP4BRS.js");
    iam = await ensureIam(session.ctx, session.bearer.accessToken, {
      dryRun: inputs.mode === "plan"
    });
  }
  if (e.platformUrl) setOutput(Output.EnvironmentUrl, e.platformUrl);
  if (e.classicUrl) setOutput(Output.ClassicEnvironmentUrl, e.classicUrl);
  setOutput(Output.BindingsAdded, String(iam?.bindingsAdded ?? 0));
  setOutput(Output.PoliciesChanged, String(iam?.policiesChanged ?? 0));
  const sections = iam ? [iam.summaryHtml] : [];
  if (derived) {
    const { derivedSummaryHtml } = await import("./derive-DNGDEC5Q.js");
    sections.unshift(derivedSummaryHtml(derived));
  }
  const environment = {
    ...e.environmentId ? { id: e.environmentId } : {},
    ...e.platformUrl ? { url: e.platformUrl } : {}
  };
  return { session, iam, environment, sections };
}
async function summarize(prepared, details) {
  const { session, environment, sections } = prepared;
  await writeSummary(
    session.ctx.log,
    mintSummary({
      ...details,
      credential: session.credential,
      environment,
      sections
    })
  );
}
async function mint(base, notes, derived) {
  const prepared = await prepare(base, derived);
  if (base.inputs.tokenType === "none") await handOnBearer(prepared);
  else await mintToken(prepared, notes);
}
async function handOnBearer(prepared) {
  const { inputs, log } = prepared.session.ctx;
  const expiresAt = setAccessToken(prepared.session.bearer);
  const lifetime = expiresAt ? `, valid until ${expiresAt} (${formatDuration(Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1e3)))}; it is not renewed)` : "";
  log.info(
    `token-type is none: only the ${inputs.auth === "github-oidc" ? "GitHub ID token" : "SSO bearer"} is handed on, as access-token${lifetime}.`
  );
  await summarize(prepared, {
    mode: "mint",
    tokenType: "none",
    lifetimeSeconds: 0,
    revoke: false
  });
}
async function mintToken(prepared, notes) {
  const { ctx, bearer } = prepared.session;
  const { inputs, log } = ctx;
  const e = inputs.endpoints;
  const { token, asked } = await createToken(
    ctx,
    bearer,
    prepared.iam !== void 0 && prepared.iam.bindingsAdded > 0
  );
  saveToken({
    id: token.id,
    type: token.type,
    expiresAt: token.expiresAt,
    ssoUrl: inputs.auth === "github-oidc" ? "" : e.ssoTokenUrl,
    revoke: inputs.revoke,
    revoked: false,
    ...token.type === "classic" ? { platformUrl: e.platformUrl } : { accountApiUrl: e.accountApiUrl, accountUuid: inputs.accountUuid }
  });
  try {
    const problems = tokenProblems(token, asked);
    if (problems.length > 0) throw new ActionError(problems.join(" "));
    handOff(inputs, token, bearer);
  } catch (error) {
    notes.push(await revokeAfterFailure(ctx, bearer, token));
    throw error;
  }
  log.info(
    `Created ${token.type} token ${token.id} (${token.scopes.join(", ")}), expiring at ${token.expiresAt}${inputs.revoke ? "; it is revoked in the post step" : ""}.`
  );
  await summarize(prepared, {
    mode: "mint",
    tokenType: token.type,
    token,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    revoke: inputs.revoke
  });
}
async function createToken(ctx, bearer, iamChanged) {
  const { inputs, log, http } = ctx;
  const e = inputs.endpoints;
  const runnerNow = Date.now();
  const now = checkedServerNow(log, http.serverNow(), runnerNow);
  const expirationDate = new Date(
    Math.floor((now + inputs.tokenLifetimeSeconds * 1e3) / 1e3) * 1e3 + 1 + Math.floor(Math.random() * 998)
  ).toISOString();
  const asked = {
    scopes: inputs.tokenScopes,
    allowedScopes: inputs.allowedScopes,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    expirationDate,
    runnerNow
  };
  const deps = { http, log, bearer: bearer.accessToken };
  if (inputs.tokenType === "classic") {
    const token2 = await createClassicToken(deps, {
      platformUrl: e.platformUrl,
      ...e.environmentId ? { environmentId: e.environmentId } : {},
      name: inputs.tokenName,
      scopes: inputs.tokenScopes,
      expirationDate,
      ...iamChanged ? { retryForbiddenUntil: now + IAM_PROPAGATION_MS } : {}
    });
    return { token: token2, asked };
  }
  const { createPlatformToken } = await import("./platform-tokens-QWZSJHNG.js");
  const token = await createPlatformToken(deps, {
    accountApiUrl: e.accountApiUrl,
    accountUuid: inputs.accountUuid,
    environmentId: e.environmentId,
    name: inputs.tokenName,
    scopes: inputs.tokenScopes,
    expirationDate,
    repositoryPrefix: inputs.sweep.prefix,
    ...inputs.platformTokenOwner ? { ownerUuid: inputs.platformTokenOwner } : {}
  });
  return { token, asked };
}
function handOff(inputs, token, bearer) {
  try {
    writeHandOff(inputs, token, bearer);
  } catch (error) {
    if (error instanceof ActionError) throw error;
    throw new ActionError(
      `Could not hand the token to later steps: ${errorMessage(error)}. The runner's GITHUB_OUTPUT${inputs.exportVariable ? " / GITHUB_ENV" : ""} file is missing or not writable (outside GitHub Actions, run the action with those files set, e.g. through npm run local).`
    );
  }
}
function writeHandOff(inputs, token, bearer) {
  if (inputs.outputAccessToken) setAccessToken(bearer);
  setOutput(Output.Token, token.secret);
  setOutput(Output.TokenId, token.id);
  setOutput(Output.TokenType, token.type);
  setOutput(Output.TokenExpiresAt, token.expiresAt);
  setOutput(Output.TokenScopes, token.scopes.join(","));
  if (inputs.exportVariable)
    exportVariable(inputs.exportVariable, token.secret);
}
function setAccessToken(bearer) {
  setOutput(Output.AccessToken, bearer.accessToken);
  if (bearer.expiresAt === void 0) return void 0;
  const expiresAt = new Date(bearer.expiresAt).toISOString();
  setOutput(Output.AccessTokenExpiresAt, expiresAt);
  return expiresAt;
}
async function revokeAfterFailure(ctx, bearer, token) {
  const { inputs, log } = ctx;
  const http = ctx.http.withBudget(CLEANUP_BUDGET_MS);
  try {
    const result = await revokeToken(
      http,
      log,
      bearer.accessToken,
      revokeTarget(inputs, token.id, token.type)
    );
    markRevoked();
    log.info(`Revoked token ${token.id} because the step failed (${result}).`);
    return `Token ${token.id} was created but not handed on; it has been revoked.`;
  } catch (error) {
    log.warning(
      `Could not revoke token ${token.id} after the failure: ${errorMessage(error)} The post step will try again.`
    );
    return `Token ${token.id} was created but not handed on, and revoking it failed: ${errorMessage(error)} It stays valid until ${token.expiresAt} unless the post step's second attempt (reported below) succeeds; if it does not, delete the token in Dynatrace.`;
  }
}

export {
  checkBeforeRequests,
  prepare,
  summarize,
  mint
};
