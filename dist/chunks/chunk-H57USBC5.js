import {
  authenticate
} from "./chunk-CQGMNGRP.js";
import {
  Output,
  State
} from "./chunk-4MJGIEGS.js";
import {
  exportVariable,
  saveState,
  setOutput
} from "./chunk-CL77C4HZ.js";
import {
  code,
  escapeHtml,
  writeSummary
} from "./chunk-IFITZ7OM.js";
import {
  formatDuration
} from "./chunk-UXD24YEM.js";
import {
  ClassicTokensApi
} from "./chunk-EDEC2OEC.js";
import {
  checkedServerNow,
  tokenProblems
} from "./chunk-GY243YV4.js";
import {
  ActionError,
  errorMessage
} from "./chunk-IKGYFQ6X.js";

// src/state.ts
function saveToken(token) {
  saveState(State.TokenId, token.id);
  saveState(State.TokenType, token.type);
  saveState(State.ExpiresAt, token.expiresAt);
  saveState(State.SsoUrl, token.ssoUrl);
  if (token.platformUrl) saveState(State.PlatformUrl, token.platformUrl);
  if (token.accountApiUrl)
    saveState(State.AccountApiUrl, token.accountApiUrl);
  if (token.accountUuid) saveState(State.AccountUuid, token.accountUuid);
  saveState(State.Revoke, String(token.revoke));
}

// src/summary-mint.ts
var TOKEN_KIND = {
  classic: "Classic API token",
  platform: "Platform token"
};
var row = (name, html) => `<tr><td>${escapeHtml(name)}</td><td>${html}</td></tr>`;
function environmentHtml(environment) {
  const parts = [
    ...environment?.id ? [code(environment.id)] : [],
    ...environment?.url ? [escapeHtml(environment.url)] : []
  ];
  return parts.length > 0 ? parts.join(" ") : void 0;
}
function scopesHtml(token) {
  const list = token.scopes.map(code).join(", ");
  const check = token.scopesVerified ? "Verified: read back from Dynatrace after creation." : `Not verified: ${token.scopesUnverified ?? "they were not read back from Dynatrace."} These are the scopes asked for.`;
  return `${list}<br>${escapeHtml(check)}`;
}
function mintSummary(info) {
  return (s) => {
    const environment = environmentHtml(info.environment);
    const token = info.token;
    if (token) {
      s.addHeading("Dynatrace token minted", 2);
      const rows = [
        `<tr><th>${escapeHtml(TOKEN_KIND[token.type]).replace(/ /g, "&nbsp;")}</th><th>${code(token.id)}</th></tr>`,
        row("Name", escapeHtml(token.name)),
        ...environment ? [row("Environment", environment)] : [],
        row("Scopes", scopesHtml(token)),
        row(
          "Expires",
          `${escapeHtml(token.expiresAt)} (lifetime ${escapeHtml(formatDuration(info.lifetimeSeconds))})`
        ),
        row(
          "Revocation",
          info.revoke ? (
            // The post step reports what happened in its own summary: promise nothing here.
            "requested: the post step revokes it when the job ends (its result follows below)"
          ) : "off (<code>revoke: false</code>): it stays valid until it expires"
        )
      ];
      s.addRaw(`<table>
${rows.join("\n")}
</table>`, true);
    } else {
      s.addHeading("Dynatrace credentials: no token minted", 2);
      s.addRaw(
        `<p><code>token-type: none</code>: only the ${info.credential?.startsWith("GitHub ID token") ? "GitHub ID token" : "SSO bearer"} is handed on (outputs <code>access-token</code> and <code>access-token-expires-at</code>)${environment ? ` for environment ${environment}` : ""}.</p>`,
        true
      );
    }
    closingSections(s, info);
  };
}
function closingSections(s, info) {
  if (info.credential)
    s.addRaw(`<p>Authenticated with ${escapeHtml(info.credential)}.</p>`, true);
  for (const section of info.sections ?? []) s.addRaw(section, true);
}

// src/modes/mint.ts
var IAM_PROPAGATION_MS = 6e4;
async function checkBeforeRequests(inputs, log) {
  const checked = {};
  const manifest = inputs.audit.monacoManifest;
  if (inputs.token.type !== "none" && inputs.tokenScopes.length === 0 && manifest !== void 0) {
    const { deriveTokenScopes } = await import("./derive-RGW5E2I6.js");
    const derived = await deriveTokenScopes(
      inputs,
      inputs.token.type,
      manifest,
      log
    );
    inputs.tokenScopes = derived.scopes.map((s) => s.scope);
    checked.derived = derived;
  }
  if (inputs.policies !== "" || inputs.bindings !== "") {
    const { checkIamInputs } = await import("./iam-G3JTYKPO.js");
    checked.iam = checkIamInputs(inputs);
  }
  return checked;
}
async function prepare(base, checked) {
  const { inputs } = base;
  const { derived } = checked;
  const iamAccount = inputs.policies !== "" || inputs.bindings !== "" || inputs.mode === "plan" ? inputs.account : void 0;
  const e = inputs.endpoints;
  const { token } = inputs;
  const first = iamAccount ? iamAccount.accountApiUrl : token.type === "classic" ? token.platformUrl : token.type === "platform" ? token.accountApiUrl : void 0;
  const session = await authenticate(base, first);
  let iam;
  if (iamAccount) {
    const { ensureIam } = await import("./iam-G3JTYKPO.js");
    iam = await ensureIam(
      session.ctx,
      session.bearer.accessToken,
      checked.iam ?? { policies: [], bindings: [] },
      iamAccount,
      { dryRun: inputs.mode === "plan" }
    );
  }
  if (e.platformUrl) setOutput(Output.EnvironmentUrl, e.platformUrl);
  if (e.classicUrl) setOutput(Output.ClassicEnvironmentUrl, e.classicUrl);
  setOutput(Output.BindingsAdded, String(iam?.bindingsAdded ?? 0));
  setOutput(Output.PoliciesChanged, String(iam?.policiesChanged ?? 0));
  const sections = iam ? [iam.summaryHtml] : [];
  if (derived) {
    const { derivedSummaryHtml } = await import("./derive-RGW5E2I6.js");
    sections.unshift(derivedSummaryHtml(derived));
  }
  const environment = {
    ...e.environmentId ? { id: e.environmentId } : {},
    ...e.platformUrl ? { url: e.platformUrl } : {}
  };
  return { session, iam, environment, sections };
}
async function summarize(prepared, details, render = mintSummary) {
  const { session, environment, sections } = prepared;
  await writeSummary(
    session.ctx.log,
    render({
      ...details,
      credential: session.credential,
      environment,
      sections
    })
  );
}
async function mint(base, notes, checked) {
  const prepared = await prepare(base, checked);
  const { token } = base.inputs;
  if (token.type === "none") {
    const { handOnBearer } = await import("./bearer-ZAIEPM65.js");
    await handOnBearer(prepared);
  } else await mintToken(prepared, token, notes);
}
async function mintToken(prepared, target, notes) {
  const { ctx, bearer } = prepared.session;
  const { inputs, log } = ctx;
  const { token, asked } = await createToken(
    ctx,
    bearer,
    target,
    prepared.iam !== void 0 && prepared.iam.bindingsAdded > 0
  );
  saveToken({
    id: token.id,
    type: token.type,
    expiresAt: token.expiresAt,
    ssoUrl: inputs.auth === "github-oidc" ? "" : inputs.endpoints.ssoTokenUrl,
    revoke: inputs.revoke,
    revoked: false,
    ...target.type === "classic" ? { platformUrl: target.platformUrl } : {
      accountApiUrl: target.accountApiUrl,
      accountUuid: target.accountUuid
    }
  });
  try {
    const problems = await tokenProblems(token, asked);
    if (problems.length > 0) throw new ActionError(problems.join(" "));
    handOff(inputs, token, bearer);
  } catch (error) {
    const { revokeAfterFailure } = await import("./revoke-after-failure-4RATITAS.js");
    notes.push(await revokeAfterFailure(ctx, bearer, target, token));
    throw error;
  }
  log.info(
    `Created ${token.type} token ${token.id} (${token.scopes.join(", ")}), expiring at ${token.expiresAt}${inputs.revoke ? "; it is revoked in the post step" : ""}.`
  );
  await summarize(prepared, {
    tokenType: token.type,
    token,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    revoke: inputs.revoke
  });
}
async function createToken(ctx, bearer, target, iamChanged) {
  const { inputs, log, http } = ctx;
  const e = inputs.endpoints;
  const runnerNow = Date.now();
  const now = await checkedServerNow(log, http.serverNow(), runnerNow);
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
  const credentials = { http, log, bearer: bearer.accessToken };
  if (target.type === "classic") {
    const api2 = new ClassicTokensApi({
      ...credentials,
      baseUrl: target.platformUrl
    });
    const token2 = await api2.create({
      platformUrl: target.platformUrl,
      ...e.environmentId ? { environmentId: e.environmentId } : {},
      name: inputs.tokenName,
      scopes: inputs.tokenScopes,
      expirationDate,
      ...iamChanged ? { retryForbiddenUntil: now + IAM_PROPAGATION_MS } : {}
    });
    return { token: token2, asked };
  }
  const { PlatformTokensApi } = await import("./platform-tokens-KB6DYWWR.js");
  const api = new PlatformTokensApi({
    ...credentials,
    baseUrl: target.accountApiUrl,
    accountUuid: target.accountUuid
  });
  const token = await api.create({
    accountApiUrl: target.accountApiUrl,
    accountUuid: target.accountUuid,
    environmentId: target.environmentId,
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

export {
  TOKEN_KIND,
  row,
  environmentHtml,
  closingSections,
  checkBeforeRequests,
  prepare,
  summarize,
  mint,
  setAccessToken
};
