import {
  setAccessToken,
  summarize
} from "./chunk-H57USBC5.js";
import "./chunk-CQGMNGRP.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-CL77C4HZ.js";
import "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import {
  formatDuration
} from "./chunk-UXD24YEM.js";
import "./chunk-EDEC2OEC.js";
import "./chunk-GY243YV4.js";
import "./chunk-QHYGYJD5.js";
import "./chunk-HYS7G47W.js";
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
