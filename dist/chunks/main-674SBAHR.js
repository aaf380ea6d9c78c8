import {
  readInputs
} from "./chunk-YUNFPUPO.js";
import "./chunk-DSERCKEZ.js";
import {
  checkBeforeRequests,
  mint
} from "./chunk-BSM3K2EX.js";
import {
  createHttp,
  reportFailure
} from "./chunk-OEI7BGLH.js";
import "./chunk-7OHSUG4E.js";
import "./chunk-FFCYDMBP.js";
import "./chunk-QK22IPNX.js";
import {
  Logger
} from "./chunk-EA6DDNS7.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-CL77C4HZ.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-UXD24YEM.js";
import "./chunk-HBF65XN7.js";
import "./chunk-EZQNAVRG.js";
import "./chunk-QHYGYJD5.js";
import "./chunk-HYS7G47W.js";
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
    const { audit } = await import("./audit-LHMTKC6V.js");
    await audit(inputs, log);
    return;
  }
  if (inputs.mode === "revoke") {
    const { revokeMode } = await import("./revoke-T2Y23MCE.js");
    await withHttp(inputs, log, (http) => revokeMode({ inputs, log, http }));
  } else if (inputs.mode === "sweep") {
    const { sweepMode } = await import("./sweep-QV26HQZ7.js");
    await withHttp(inputs, log, (http) => sweepMode({ inputs, log, http }));
  } else if (inputs.mode === "plan") {
    const checked = await checkBeforeRequests(inputs, log);
    const { plan } = await import("./plan-65XOEDJG.js");
    await withHttp(inputs, log, (http) => plan({ inputs, log, http }, checked));
  } else {
    const checked = await checkBeforeRequests(inputs, log);
    await withHttp(
      inputs,
      log,
      (http) => mint({ inputs, log, http }, notes, checked)
    );
  }
}
async function withHttp(inputs, log, step) {
  const http = createHttp(inputs, log);
  try {
    await step(http);
  } finally {
    http.dispose();
  }
}
export {
  run
};
