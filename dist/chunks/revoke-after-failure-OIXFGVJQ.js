import {
  revokeTarget,
  revokeToken
<<<<<<<< HEAD:dist/chunks/revoke-after-failure-OIXFGVJQ.js
} from "./chunk-JYZVFOEP.js";
========
} from "./chunk-5UGJN4KG.js";
>>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/revoke-after-failure-2P4NYEI3.js
import {
  markRevoked
} from "./chunk-7OHSUG4E.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-5OY2VKKF.js";
import "./chunk-CL77C4HZ.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-ASJ2L5VQ.js";
import "./chunk-2GFJCOSR.js";
import "./chunk-UXD24YEM.js";
import "./chunk-OAKA2SLT.js";
import "./chunk-54DRLOPH.js";
import {
  errorMessage
} from "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";

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
