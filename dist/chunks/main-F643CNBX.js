import {
  readInputs
} from "./chunk-32SSPYRI.js";
import "./chunk-Y3OFRB7L.js";
import "./chunk-LTRZDNR3.js";
import "./chunk-ZHV3OFIM.js";
import {
  Logger
} from "./chunk-EA6DDNS7.js";
import {
  checkBeforeRequests,
  mint
} from "./chunk-H57USBC5.js";
import {
  createHttp,
  reportFailure
} from "./chunk-CQGMNGRP.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-CL77C4HZ.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-V4GH5LXW.js";
import "./chunk-M4LQXBWN.js";
import "./chunk-UXD24YEM.js";
import "./chunk-EDEC2OEC.js";
import "./chunk-GY243YV4.js";
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
    const inputs = await readInputs(log);
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
    const { audit } = await import("./audit-UUVW6C6S.js");
    await audit(inputs, log);
    return;
  }
  if (inputs.mode === "revoke") {
    const { revokeMode } = await import("./revoke-AHY7KCCY.js");
    await withHttp(inputs, log, (http) => revokeMode({ inputs, log, http }));
  } else if (inputs.mode === "sweep") {
    const { sweepMode } = await import("./sweep-VLO6SGWN.js");
    await withHttp(inputs, log, (http) => sweepMode({ inputs, log, http }));
  } else if (inputs.mode === "plan") {
    const checked = await checkBeforeRequests(inputs, log);
    const { plan } = await import("./plan-Z3BXEFKQ.js");
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
