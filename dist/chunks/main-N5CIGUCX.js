import {
  checkBeforeRequests,
  mint
} from "./chunk-MIR3OROP.js";
import "./chunk-L6MIFIBO.js";
import "./chunk-64AIZMKG.js";
import {
  createHttp,
  reportFailure
} from "./chunk-UZUHC4NV.js";
import "./chunk-YKYQ6NYA.js";
import "./chunk-B2VLX7FN.js";
import "./chunk-4MJGIEGS.js";
import {
  readInputs
} from "./chunk-F3M3HII6.js";
import "./chunk-UKRPGWYF.js";
import {
  Logger
} from "./chunk-2LVTJKVT.js";
import {
  failureSummary,
  writeSummary
} from "./chunk-TC7Z5OUA.js";
import "./chunk-UXD24YEM.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";

// src/main.ts
async function run() {
  const log = new Logger();
  const notes = [];
  try {
    const inputs = readInputs(log);
    for (const warning of inputs.warnings) log.warning(warning);
    await runMode(inputs, log, notes);
  } catch (error) {
    reportFailure(log, error);
  } finally {
    if (log.failure !== void 0)
      await writeSummary(log, failureSummary(log.failure, notes));
  }
}
async function runMode(inputs, log, notes) {
  if (inputs.mode === "audit") {
    const { audit } = await import("./audit-6W6UNOI7.js");
    await audit(inputs, log);
    return;
  }
  const derived = inputs.mode === "mint" || inputs.mode === "plan" ? await checkBeforeRequests(inputs, log) : void 0;
  const http = createHttp(inputs, log);
  const ctx = { inputs, log, http };
  try {
    if (inputs.mode === "revoke") {
      const { revokeMode } = await import("./revoke-JTVV4MOP.js");
      await revokeMode(ctx);
    } else if (inputs.mode === "sweep") {
      const { sweepMode } = await import("./sweep-I7HZAO5K.js");
      await sweepMode(ctx);
    } else if (inputs.mode === "plan") {
      const { plan } = await import("./plan-7IMSYZH7.js");
      await plan(ctx, derived);
    } else await mint(ctx, notes, derived);
  } finally {
    http.dispose();
  }
}
export {
  run
};
