import {
  loadToken
} from "./chunk-L6MIFIBO.js";
import {
  revokeToken,
  revokeUrl
} from "./chunk-IZUZXW7U.js";
import {
  createHttp,
  getBearer
} from "./chunk-DR6CST3X.js";
import "./chunk-WNHKU23W.js";
import {
  readInputs
} from "./chunk-MUBMGJX5.js";
import "./chunk-DHKQHN3N.js";
import "./chunk-3ZRLOSXC.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-PM3NE72C.js";
import "./chunk-6BSO6VOI.js";
import {
  Logger
} from "./chunk-2LVTJKVT.js";
import {
  revocationSummary,
  writeSummary
} from "./chunk-TC7Z5OUA.js";
import "./chunk-UXD24YEM.js";
import {
  errorMessage
} from "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";

// src/post.ts
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
    const inputs = readInputs(log);
    http = createHttp(inputs, log, [
      saved.ssoUrl,
      saved.platformUrl,
      saved.accountApiUrl
    ]);
    if (inputs.auth === "github-oidc") {
      const { federate, federationContext } = await import("./github-oidc-2VTVDIG4.js");
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
    const pending = getBearer(http, log, {
      tokenUrl: saved.ssoUrl,
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
  post
};
