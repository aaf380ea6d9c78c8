import { setAccessToken, summarize } from "./group-main-F9FADEA7.js";
import "./group-shared-6CC45263.js";




import { formatDuration } from "./group-shared-6CC45263.js";








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
