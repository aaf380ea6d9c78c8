import { revocationSummary } from "./group-post-40E04006.js";
import "./group-main-F9FADEA7.js";

import "./group-shared-6CC45263.js";

import { authenticate } from "./group-shared-6CC45263.js";
import { revokeTarget, revokeToken, revokeUrl } from "./group-post-40E04006.js";
import { Output } from "./group-shared-6CC45263.js";
import { setOutput } from "./group-shared-6CC45263.js";
import { writeSummary } from "./group-shared-6CC45263.js";


import { tokenTypeOf } from "./group-shared-6CC45263.js";






import { errorMessage } from "./group-shared-6CC45263.js";


// src/modes/revoke.ts
async function revokeMode(base) {
  const { inputs, log } = base;
  const id = inputs.target.tokenId;
  setOutput(Output.TokenId, id);
  let result;
  try {
    const target = revokeTarget(inputs.target, id);
    const { ctx, bearer } = await authenticate(base, revokeUrl(target));
    result = await revokeToken(ctx.http, log, bearer.accessToken, target);
  } catch (error) {
    log.warning(
      `Could not revoke token ${id}: ${errorMessage(error)} Delete it in Dynatrace; it stays valid until it expires.`
    );
    await writeSummary(
      log,
      revocationSummary(id, "failed", errorMessage(error))
    );
    return;
  }
  if (result === "revoked") {
    log.info(`Revoked token ${id}.`);
    await writeSummary(log, revocationSummary(id, result, ""));
    return;
  }
  const unknown = `Dynatrace does not know token ${id} (HTTP 404), so there was nothing to revoke: it was already revoked or deleted, or token-id is wrong or belongs to another ${tokenTypeOf(id) === "classic" ? "environment (environment-url)" : "account (account-urn)"}.`;
  log.info(unknown);
  await writeSummary(log, revocationSummary(id, "unknown-id", unknown));
}
export {
  revokeMode
};
