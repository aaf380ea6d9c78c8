import {
  setAccessToken,
  summarize
<<<<<<< HEAD:dist/chunks/bearer-G5TIR2TE.js
} from "./chunk-7FA2HGYR.js";
=======
<<<<<<<< HEAD:dist/chunks/bearer-G2IXGBHU.js
} from "./chunk-MFFZ22XX.js";
import "./chunk-LFHIW4VI.js";
========
} from "./chunk-6ZWI6FFR.js";
import "./chunk-QYO3C5WQ.js";
>>>>>>>> 61e883e (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/bearer-WLHGGZDY.js
import "./chunk-IFITZ7OM.js";
>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/bearer-G2IXGBHU.js
import "./chunk-7OHSUG4E.js";
import "./chunk-IDHNGWVN.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-5OY2VKKF.js";
import "./chunk-CL77C4HZ.js";
import "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-ASJ2L5VQ.js";
import "./chunk-2GFJCOSR.js";
import {
  formatDuration
} from "./chunk-UXD24YEM.js";
import "./chunk-OAKA2SLT.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";

// src/modes/bearer.ts
async function handOnBearer(prepared) {
  const { inputs, log } = prepared.session.ctx;
  const expiresAt = setAccessToken(prepared.session.bearer);
  const lifetime = expiresAt ? `, valid until ${expiresAt} (${formatDuration(Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1e3)))}; it is not renewed)` : "";
  log.info(
    `token-type is none: only the ${inputs.auth === "github-oidc" ? "GitHub ID token" : "SSO bearer"} is handed on, as access-token${lifetime}.`
  );
  await summarize(prepared, {
    tokenType: "none",
    lifetimeSeconds: 0,
    revoke: false
  });
}
export {
  handOnBearer
};
