import {
  revocationSummary
} from "./chunk-7SQSJ4TX.js";
<<<<<<< HEAD:dist/chunks/revoke-GPO6ZBOW.js
=======
<<<<<<<< HEAD:dist/chunks/revoke-4E3XIYJ4.js
import "./chunk-EVQM63FZ.js";
========
import "./chunk-VOCPK33Q.js";
>>>>>>>> 61e883e (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/revoke-NUWDYJVC.js
import "./chunk-T4G3EH24.js";
import "./chunk-LJ5XD4OM.js";
import {
  tokenTypeOf
} from "./chunk-2XR2XRPH.js";
import "./chunk-EA6DDNS7.js";
import {
  authenticate
} from "./chunk-QYO3C5WQ.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/revoke-4E3XIYJ4.js
import {
  revokeTarget,
  revokeToken,
  revokeUrl
<<<<<<< HEAD:dist/chunks/revoke-GPO6ZBOW.js
} from "./chunk-JYZVFOEP.js";
import "./chunk-BQM2ENZ3.js";
import "./chunk-7RFYSJEW.js";
import "./chunk-DSERCKEZ.js";
import {
  tokenTypeOf
} from "./chunk-QK22IPNX.js";
import "./chunk-EA6DDNS7.js";
import {
  authenticate
} from "./chunk-IDHNGWVN.js";
=======
} from "./chunk-5UGJN4KG.js";
import "./chunk-D7TGNSG7.js";
>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/revoke-4E3XIYJ4.js
import {
  Output
} from "./chunk-4MJGIEGS.js";
import "./chunk-5OY2VKKF.js";
import {
  setOutput
} from "./chunk-CL77C4HZ.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
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
