import {
  checkBeforeRequests,
  mint
} from "./chunk-52CUZPA4.js";
import "./chunk-L6MIFIBO.js";
import "./chunk-IZUZXW7U.js";
import {
  createHttp,
  reportFailure
} from "./chunk-DR6CST3X.js";
import "./chunk-WNHKU23W.js";
import {
  readInputs
} from "./chunk-MUBMGJX5.js";
import "./chunk-DHKQHN3N.js";
import "./chunk-3ZRLOSXC.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-PM3NE72C.js";
import "./chunk-6BSO6VOI.js";
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
    const { audit } = await import("./audit-P3EVQY3O.js");
    await audit(inputs, log);
    return;
  }
  const derived = inputs.mode === "mint" || inputs.mode === "plan" ? await checkBeforeRequests(inputs, log) : void 0;
  const http = createHttp(inputs, log);
  const ctx = { inputs, log, http };
  try {
    if (inputs.mode === "revoke") {
      const { revokeMode } = await import("./revoke-CMTLJPVL.js");
      await revokeMode(ctx);
    } else if (inputs.mode === "sweep") {
      const { sweepMode } = await import("./sweep-GZ4KFQAA.js");
      await sweepMode(ctx);
    } else if (inputs.mode === "plan") {
      const { plan } = await import("./plan-NQDAVIG3.js");
      await plan(ctx, derived);
    } else await mint(ctx, notes, derived);
  } finally {
    http.dispose();
  }
}
export {
  run
};
