import {
  revocationSummary
} from "./chunk-7SQSJ4TX.js";
import "./chunk-32SSPYRI.js";
import "./chunk-Y3OFRB7L.js";
import "./chunk-LTRZDNR3.js";
import "./chunk-ZHV3OFIM.js";
import "./chunk-EA6DDNS7.js";
import {
  authenticate
} from "./chunk-CQGMNGRP.js";
import {
  revokeTarget,
  revokeToken,
  revokeUrl
} from "./chunk-A43FYZVY.js";
import {
  Output
} from "./chunk-4MJGIEGS.js";
import {
  setOutput
} from "./chunk-CL77C4HZ.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-V4GH5LXW.js";
import {
  tokenTypeOf
} from "./chunk-M4LQXBWN.js";
import "./chunk-UXD24YEM.js";
import "./chunk-EDEC2OEC.js";
import "./chunk-GY243YV4.js";
import "./chunk-QHYGYJD5.js";
import "./chunk-HYS7G47W.js";
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
