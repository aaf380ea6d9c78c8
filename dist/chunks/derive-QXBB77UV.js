import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
<<<<<<<< HEAD:dist/chunks/derive-QXBB77UV.js
} from "./chunk-745QHVJX.js";
========
} from "./chunk-PBREBD46.js";
>>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/derive-X3W4PIQU.js
import "./chunk-75AJRJHV.js";
import "./chunk-EA6DDNS7.js";
import "./chunk-CL77C4HZ.js";
import "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
