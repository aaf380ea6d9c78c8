import {
  prepare,
  summarize
} from "./chunk-52CUZPA4.js";
import "./chunk-L6MIFIBO.js";
import "./chunk-IZUZXW7U.js";
import {
  API_TOKENS_PATH
} from "./chunk-DR6CST3X.js";
import "./chunk-WNHKU23W.js";
import "./chunk-DHKQHN3N.js";
import "./chunk-3ZRLOSXC.js";
import {
  Output
} from "./chunk-4MJGIEGS.js";
import "./chunk-6BSO6VOI.js";
import {
  setOutput
} from "./chunk-TC7Z5OUA.js";
import "./chunk-UXD24YEM.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";

// src/modes/plan.ts
async function plan(base, derived) {
  const { inputs, log } = base;
  const prepared = await prepare(base, derived);
  const { session, iam } = prepared;
  const platformUrl = inputs.endpoints.platformUrl;
  if (session.federated && platformUrl) {
    const { checkTrust } = await import("./github-oidc-2VTVDIG4.js");
    await checkTrust(
      base,
      session.federated,
      `${platformUrl}${API_TOKENS_PATH}?pageSize=1`
    );
  }
  const planned = {
    iam: iam?.changes ?? null,
    token: await plannedToken(inputs, derived)
  };
  setOutput(Output.Plan, log.redact(JSON.stringify(planned)));
  log.info("Plan mode: nothing was changed and no token was created.");
  await summarize(prepared, {
    mode: "plan",
    tokenType: inputs.tokenType,
    planned: {
      name: inputs.tokenName,
      scopes: inputs.tokenScopes,
      derived: derived !== void 0
    },
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    revoke: inputs.revoke
  });
}
async function plannedToken(inputs, derived) {
  if (inputs.tokenType === "none") return null;
  const e = inputs.endpoints;
  return {
    type: inputs.tokenType,
    name: inputs.tokenName,
    scopes: inputs.tokenScopes,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    environment: e.environmentId ?? null,
    ...derived ? {
      scopesDerived: (await import("./derive-DNGDEC5Q.js")).derivedPlan(
        derived
      )
    } : {}
  };
}
export {
  plan
};
