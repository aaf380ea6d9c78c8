import { markRevoked } from "./group-post-40E04006.js";
import { revokeTarget, revokeToken } from "./group-post-40E04006.js";
import "./group-shared-6CC45263.js";







import { errorMessage } from "./group-shared-6CC45263.js";


// src/modes/revoke-after-failure.ts
var CLEANUP_BUDGET_MS = 2e4;
async function revokeAfterFailure(ctx, bearer, target, token) {
  const { log } = ctx;
  const http = ctx.http.withBudget(CLEANUP_BUDGET_MS);
  try {
    const result = await revokeToken(
      http,
      log,
      bearer.accessToken,
      revokeTarget(target, token.id)
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
  revokeAfterFailure
};
