import {
  createHttp,
  getBearer,
  markRevoked,
  revokeToken,
  saveToken
} from "./chunk-6NUVIXBQ.js";
import {
  API_TOKENS_PATH,
  createClassicToken
} from "./chunk-UDY75SBC.js";
import {
  checkedServerNow,
  tokenProblems
} from "./chunk-YKYQ6NYA.js";
import {
  readInputs
} from "./chunk-Y3FONXFZ.js";
import {
  Logger
} from "./chunk-2LVTJKVT.js";
import {
  exportVariable,
  failureSummary,
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

// src/main.ts
var CLEANUP_BUDGET_MS = 2e4;
var IAM_PROPAGATION_MS = 6e4;
async function run() {
  const log = new Logger();
  const notes = [];
  try {
    await mainStep(log, notes);
  } finally {
    if (log.failure !== void 0)
      await writeSummary(log, failureSummary(log.failure, notes));
  }
}
async function mainStep(log, notes) {
  let inputs;
  try {
    inputs = readInputs(log);
  } catch (error) {
    reportFailure(log, error);
    return;
  }
  for (const warning of inputs.warnings) log.warning(warning);
  if (inputs.mode === "audit") {
    try {
      const { runAudit } = await import("./audit-NDU7YBIX.js");
      await runAudit(inputs, log);
    } catch (error) {
      reportFailure(log, error);
    }
    return;
  }
  let derived;
  if ((inputs.mode === "mint" || inputs.mode === "plan") && inputs.tokenType !== "none" && inputs.tokenScopes.length === 0 && inputs.audit.monacoManifest !== void 0) {
    try {
      const { deriveTokenScopes } = await import("./derive-KLPU46PG.js");
      derived = await deriveTokenScopes(inputs, log);
      inputs.tokenScopes = derived.scopes.map((s) => s.scope);
    } catch (error) {
      reportFailure(log, error);
      return;
    }
  }
  if ((inputs.mode === "mint" || inputs.mode === "plan") && (inputs.policies !== "" || inputs.bindings !== "")) {
    try {
      const { checkIamInputs } = await import("./iam-X6TIKBBQ.js");
      checkIamInputs(inputs);
    } catch (error) {
      reportFailure(log, error);
      return;
    }
  }
  const http = createHttp(inputs, log);
  const ctx = { inputs, log, http };
  try {
    if (inputs.mode === "revoke") {
      const { revokeMode } = await import("./revoke-mode-7NOXIEHG.js");
      await revokeMode(ctx);
    } else if (inputs.mode === "sweep") await sweepMode(ctx);
    else await mint(ctx, notes, derived);
  } catch (error) {
    reportFailure(log, error);
  } finally {
    http.dispose();
  }
}
function reportFailure(log, error) {
  if (error instanceof ActionError) {
    log.fail(error.message);
    return;
  }
  if (error instanceof Error && error.stack) log.debug(error.stack);
  log.fail(
    `Unexpected error: ${errorMessage(error)}. This is a bug in configure-dynatrace-credentials; please report it (with the log, which holds no secrets).`
  );
}
async function authenticate(ctx, next) {
  const { inputs, log, http } = ctx;
  if (inputs.auth === "github-oidc") {
    const { federatedSession } = await import("./github-oidc-IERK4GOC.js");
    return federatedSession(ctx, next);
  }
  const credentials = inputs.credentials;
  log.info(
    `Getting an SSO bearer token for OAuth client ${credentials.clientId} from ${new URL(inputs.endpoints.ssoTokenUrl).host}.`
  );
  const request = {
    tokenUrl: inputs.endpoints.ssoTokenUrl,
    credentials,
    scopes: inputs.oauthScopes,
    ...inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {}
  };
  const pending = getBearer(http, log, request);
  http.preconnect(next);
  return {
    ctx,
    bearer: await pending,
    credential: `OAuth client ${credentials.clientId} (client credentials)`
  };
}
async function mint(base, notes, derived) {
  const { inputs, log } = base;
  const needsIam = inputs.auth === "client-credentials" && (inputs.policies !== "" || inputs.bindings !== "" || inputs.mode === "plan");
  const first = needsIam ? inputs.endpoints.accountApiUrl : inputs.tokenType === "classic" ? inputs.endpoints.platformUrl : inputs.tokenType === "platform" ? inputs.endpoints.accountApiUrl : void 0;
  const session = await authenticate(base, first);
  const { ctx, bearer, credential } = session;
  let iam;
  if (needsIam) {
    const { ensureIam } = await import("./iam-X6TIKBBQ.js");
    iam = await ensureIam(ctx, bearer.accessToken, {
      dryRun: inputs.mode === "plan"
    });
  }
  const e = inputs.endpoints;
  if (e.platformUrl) setOutput("environment-url", e.platformUrl);
  if (e.classicUrl) setOutput("classic-environment-url", e.classicUrl);
  setOutput("bindings-added", String(iam?.bindingsAdded ?? 0));
  setOutput("policies-changed", String(iam?.policiesChanged ?? 0));
  const environment = {
    ...e.environmentId ? { id: e.environmentId } : {},
    ...e.platformUrl ? { url: e.platformUrl } : {}
  };
  const sections = iam ? [iam.summaryHtml] : [];
  if (derived) {
    const { derivedSummaryHtml } = await import("./derive-KLPU46PG.js");
    sections.unshift(derivedSummaryHtml(derived));
  }
  if (inputs.mode === "plan") {
    if (session.federated && e.platformUrl) {
      const { checkTrust } = await import("./github-oidc-IERK4GOC.js");
      await checkTrust(
        base,
        session.federated,
        `${e.platformUrl}${API_TOKENS_PATH}?pageSize=1`
      );
    }
    const plan = {
      iam: iam?.changes ?? null,
      token: inputs.tokenType === "none" ? null : {
        type: inputs.tokenType,
        name: inputs.tokenName,
        scopes: inputs.tokenScopes,
        lifetimeSeconds: inputs.tokenLifetimeSeconds,
        environment: e.environmentId ?? null,
        ...derived ? {
          scopesDerived: (await import("./derive-KLPU46PG.js")).derivedPlan(derived)
        } : {}
      }
    };
    setOutput("plan", log.redact(JSON.stringify(plan)));
    log.info("Plan mode: nothing was changed and no token was created.");
    await writeSummary(
      log,
      mintSummary({
        mode: "plan",
        credential,
        environment,
        tokenType: inputs.tokenType,
        planned: {
          name: inputs.tokenName,
          scopes: inputs.tokenScopes,
          derived: derived !== void 0
        },
        lifetimeSeconds: inputs.tokenLifetimeSeconds,
        revoke: inputs.revoke,
        sections
      })
    );
    return;
  }
  if (inputs.tokenType === "none") {
    const expiresAt = setAccessToken(bearer);
    const lifetime = expiresAt ? `, valid until ${expiresAt} (${formatDuration(Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1e3)))}; it is not renewed)` : "";
    log.info(
      `token-type is none: only the ${inputs.auth === "github-oidc" ? "GitHub ID token" : "SSO bearer"} is handed on, as access-token${lifetime}.`
    );
    await writeSummary(
      log,
      mintSummary({
        mode: "mint",
        credential,
        environment,
        tokenType: "none",
        lifetimeSeconds: 0,
        revoke: false,
        sections
      })
    );
    return;
  }
  const { token, asked } = await createToken(
    ctx,
    bearer,
    iam !== void 0 && iam.bindingsAdded > 0
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
  await writeSummary(
    log,
    mintSummary({
      mode: "mint",
      credential,
      environment,
      tokenType: token.type,
      token,
      lifetimeSeconds: inputs.tokenLifetimeSeconds,
      revoke: inputs.revoke,
      sections
    })
  );
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
  const { createPlatformToken } = await import("./platform-tokens-MHDHKKJ4.js");
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
  setOutput("token", token.secret);
  setOutput("token-id", token.id);
  setOutput("token-type", token.type);
  setOutput("token-expires-at", token.expiresAt);
  setOutput("token-scopes", token.scopes.join(","));
  if (inputs.exportVariable)
    exportVariable(inputs.exportVariable, token.secret);
}
function setAccessToken(bearer) {
  setOutput("access-token", bearer.accessToken);
  if (bearer.expiresAt === void 0) return void 0;
  const expiresAt = new Date(bearer.expiresAt).toISOString();
  setOutput("access-token-expires-at", expiresAt);
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
async function sweepMode(base) {
  const { ctx, bearer } = await authenticate(base);
  const { sweep } = await import("./sweep-PZMROIZN.js");
  await sweep(ctx, bearer.accessToken);
}
function revokeTarget(inputs, id, type) {
  const { platformUrl, accountApiUrl } = inputs.endpoints;
  return {
    id,
    type,
    accountApiUrl,
    ...platformUrl ? { platformUrl } : {},
    ...inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {}
  };
}

export {
  run,
  reportFailure,
  authenticate,
  revokeTarget
};
