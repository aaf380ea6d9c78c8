import {
  readInputs
} from "./chunk-BQM2ENZ3.js";
import "./chunk-7RFYSJEW.js";
import "./chunk-DSERCKEZ.js";
import "./chunk-QK22IPNX.js";
import {
  Logger
} from "./chunk-EA6DDNS7.js";
import {
  checkBeforeRequests,
  mint
} from "./chunk-7FA2HGYR.js";
import "./chunk-7OHSUG4E.js";
import {
  createHttp,
  reportFailure
} from "./chunk-IDHNGWVN.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-5OY2VKKF.js";
import "./chunk-CL77C4HZ.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-ASJ2L5VQ.js";
import "./chunk-2GFJCOSR.js";
import "./chunk-UXD24YEM.js";
import "./chunk-OAKA2SLT.js";
import "./chunk-54DRLOPH.js";
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
    const { audit } = await import("./audit-LS532NGH.js");
    await audit(inputs, log);
    return;
  }
  const derived = inputs.mode === "mint" || inputs.mode === "plan" ? await checkBeforeRequests(inputs, log) : void 0;
  const http = createHttp(inputs, log);
  const ctx = { inputs, log, http };
  try {
    if (inputs.mode === "revoke") {
      const { revokeMode } = await import("./revoke-GPO6ZBOW.js");
      await revokeMode(ctx);
    } else if (inputs.mode === "sweep") {
      const { sweepMode } = await import("./sweep-DFIY2DUM.js");
      await sweepMode(ctx);
    } else if (inputs.mode === "plan") {
      const { plan } = await import("./plan-E7C2XUPG.js");
      await plan(ctx, derived);
    } else await mint(ctx, notes, derived);
  } finally {
    http.dispose();
  }
}
export {
  run
};
