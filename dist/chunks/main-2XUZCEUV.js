import {
  readInputs
} from "./chunk-EVQM63FZ.js";
import "./chunk-T4G3EH24.js";
import "./chunk-LJ5XD4OM.js";
import "./chunk-2XR2XRPH.js";
import {
  Logger
} from "./chunk-EA6DDNS7.js";
import {
  checkBeforeRequests,
  mint
} from "./chunk-MFFZ22XX.js";
import {
  createHttp,
  reportFailure
} from "./chunk-LFHIW4VI.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
import "./chunk-7OHSUG4E.js";
import "./chunk-D7TGNSG7.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-CL77C4HZ.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-KDLYFKNM.js";
import "./chunk-DHKQHN3N.js";
import "./chunk-UXD24YEM.js";
import "./chunk-3ZRLOSXC.js";
import "./chunk-6BSO6VOI.js";
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
    if (log.failure !== void 0) {
      const { failureSummary } = await import("./summary-failure-CFZPMY46.js");
      await writeSummary(log, failureSummary(log.failure, notes));
    }
  }
}
async function runMode(inputs, log, notes) {
  if (inputs.mode === "audit") {
    const { audit } = await import("./audit-NFNXSVY6.js");
    await audit(inputs, log);
    return;
  }
  const derived = inputs.mode === "mint" || inputs.mode === "plan" ? await checkBeforeRequests(inputs, log) : void 0;
  const http = createHttp(inputs, log);
  const ctx = { inputs, log, http };
  try {
    if (inputs.mode === "revoke") {
      const { revokeMode } = await import("./revoke-4E3XIYJ4.js");
      await revokeMode(ctx);
    } else if (inputs.mode === "sweep") {
      const { sweepMode } = await import("./sweep-W2U767NZ.js");
      await sweepMode(ctx);
    } else if (inputs.mode === "plan") {
      const { plan } = await import("./plan-SSC3GUJB.js");
      await plan(ctx, derived);
    } else await mint(ctx, notes, derived);
  } finally {
    http.dispose();
  }
}
export {
  run
};
