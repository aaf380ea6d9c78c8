// src/summary-revocation.ts
import { code, escapeHtml } from "./group-shared-6CC45263.js";
function revocationSummary(id, result, detail) {
  const label = {
    revoked: "revoked",
    "already-gone": "already gone (counts as revoked)",
    "unknown-id": "not known to Dynatrace (nothing to revoke)",
    failed: "<strong>not revoked</strong>",
    skipped: "not revoked"
  };
  return (s) => {
    s.addHeading("Dynatrace token revocation", 3);
    s.addRaw(
      `<p>Token ${code(id)}: ${label[result]}. ${escapeHtml(detail)}</p>`,
      true
    );
  };
}

// src/post-state.ts
import { State } from "./group-shared-6CC45263.js";
import { getState, saveState } from "./group-shared-6CC45263.js";
function markRevoked() {
  saveState(State.Revoked, "true");
}
function loadToken() {
  const id = getState(State.TokenId);
  if (!id) return void 0;
  const type = getState(State.TokenType) === "platform" ? "platform" : "classic";
  const saved = {
    id,
    type,
    expiresAt: getState(State.ExpiresAt),
    ssoUrl: getState(State.SsoUrl),
    revoke: getState(State.Revoke) !== "false",
    revoked: getState(State.Revoked) === "true"
  };
  const platformUrl = getState(State.PlatformUrl);
  const accountApiUrl = getState(State.AccountApiUrl);
  const accountUuid = getState(State.AccountUuid);
  if (platformUrl) saved.platformUrl = platformUrl;
  if (accountApiUrl) saved.accountApiUrl = accountApiUrl;
  if (accountUuid) saved.accountUuid = accountUuid;
  return saved;
}

// src/revoke.ts
import { ClassicTokensApi } from "./group-shared-6CC45263.js";
import { ActionError } from "./group-shared-6CC45263.js";
function revokeUrl(target) {
  return target.type === "classic" ? target.platformUrl : target.accountApiUrl;
}
async function revokeToken(http, log, bearer, target) {
  const credentials = { http, log, bearer };
  if (target.type === "classic") {
    if (!target.platformUrl)
      throw new ActionError(
        "environment-url is needed to revoke a classic token."
      );
    const api2 = new ClassicTokensApi({
      ...credentials,
      baseUrl: target.platformUrl
    });
    return api2.delete(target.id);
  }
  if (!target.accountApiUrl || !target.accountUuid) {
    throw new ActionError("account-urn is needed to revoke a platform token.");
  }
  const { PlatformTokensApi } = await import("./platform-tokens-ST6EFWPY.js");
  const api = new PlatformTokensApi({
    ...credentials,
    baseUrl: target.accountApiUrl,
    accountUuid: target.accountUuid
  });
  return api.delete(target.id);
}
function revokeTarget(where, id) {
  return where.type === "classic" ? { id, type: where.type, platformUrl: where.platformUrl } : {
    id,
    type: where.type,
    accountApiUrl: where.accountApiUrl,
    accountUuid: where.accountUuid
  };
}

// src/inputs/post.ts, src/post.ts
import { startReading } from "./group-shared-6CC45263.js";
import { FIELDS } from "./group-shared-6CC45263.js";
import { Logger } from "./group-shared-6CC45263.js";
import { SsoApi, createHttp } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";
import { getInput } from "./group-shared-6CC45263.js";
import { writeSummary } from "./group-shared-6CC45263.js";








import { errorMessage } from "./group-shared-6CC45263.js";

function readPostInputs(log, source = getInput) {
  const { reader, secret, context } = startReading(source, log);
  const oidcAudience = reader.inContext(
    "oidc-audience",
    FIELDS["oidc-audience"],
    context
  );
  const inputs = {
    ...context.auth === "github-oidc" ? { auth: context.auth, oidcAudience } : {
      auth: context.auth,
      credentials: {
        clientId: reader.read("client-id"),
        clientSecret: secret
      }
    },
    endpoints: {},
    oauthScopes: reader.list("oauth-scopes"),
    timeoutSeconds: reader.field("timeout-seconds", FIELDS["timeout-seconds"]),
    maxRetries: reader.field("max-retries", FIELDS["max-retries"])
  };
  const accountUuid = reader.field("account-urn", FIELDS["account-urn"]);
  if (accountUuid !== void 0) inputs.accountUuid = accountUuid;
  const environment = reader.inContext(
    "environment-url",
    FIELDS["environment-url"],
    context
  );
  context.environment = environment;
  const environmentId = environment?.kind === "saas" ? environment.environmentId : reader.inContext("environment-id", FIELDS["environment-id"], context);
  if (environmentId !== void 0)
    inputs.endpoints.environmentId = environmentId;
  reader.finish(secret);
  return inputs;
}
async function post() {
  const log = new Logger();
  const saved = loadToken();
  if (!saved) {
    log.info("This step minted no token; nothing to revoke.");
    return;
  }
  if (saved.revoked) {
    log.info(`Token ${saved.id} was already revoked by the main step.`);
    return;
  }
  if (!saved.revoke) {
    log.info(
      `revoke is false: token ${saved.id} stays valid until ${saved.expiresAt}.`
    );
    await writeSummary(
      log,
      revocationSummary(
        saved.id,
        "skipped",
        `revoke: false; it expires at ${saved.expiresAt}.`
      )
    );
    return;
  }
  try {
    const result = await revokeSaved(log, saved);
    log.info(
      result === "revoked" ? `Revoked token ${saved.id}.` : `Token ${saved.id} was already gone (counts as revoked).`
    );
    await writeSummary(log, revocationSummary(saved.id, result, ""));
  } catch (error) {
    log.warning(
      `Could not revoke token ${saved.id}: ${errorMessage(error)} It stays valid until ${saved.expiresAt}; delete it in Dynatrace if that is too long.`
    );
    await writeSummary(
      log,
      revocationSummary(
        saved.id,
        "failed",
        `${errorMessage(error)} It stays valid until ${saved.expiresAt}; delete it in Dynatrace if that is too long.`
      )
    );
  }
}
async function revokeSaved(log, saved) {
  let http;
  try {
    const inputs = readPostInputs(log);
    http = createHttp(inputs, log, [
      saved.ssoUrl,
      saved.platformUrl,
      saved.accountApiUrl
    ]);
    if (inputs.auth === "github-oidc") {
      const { federate, federationContext } = await import("./github-oidc-YV4UY3GK.js");
      const federated = await federate(
        http,
        federationContext(inputs, log, saved.platformUrl),
        revokeUrl(saved)
      );
      return await revokeToken(
        federated.http,
        log,
        federated.bearer.idToken.value,
        saved
      );
    }
    const accountUuid = saved.accountUuid ?? inputs.accountUuid;
    const sso = new SsoApi({ http, log, baseUrl: saved.ssoUrl });
    const pending = sso.bearer({
      credentials: inputs.credentials,
      scopes: inputs.oauthScopes,
      ...accountUuid ? { accountUuid } : {}
    });
    http.preconnect(revokeUrl(saved));
    const bearer = await pending;
    return await revokeToken(http, log, bearer.accessToken, saved);
  } finally {
    http?.dispose();
  }
}
export {
  markRevoked,
  post,
  revocationSummary,
  revokeTarget,
  revokeToken,
  revokeUrl
};
