import {
  checkBeforeRequests,
  mint
} from "./chunk-GHVNYXOJ.js";
import "./chunk-L6MIFIBO.js";
import "./chunk-RHNDSVGX.js";
import {
  createHttp,
  reportFailure
} from "./chunk-JDUSRZ5W.js";
import "./chunk-F7A2WVOZ.js";
import "./chunk-436ILGEN.js";
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
    const { audit } = await import("./audit-YUIKMJBW.js");
    await audit(inputs, log);
    return;
  }
  const derived = inputs.mode === "mint" || inputs.mode === "plan" ? await checkBeforeRequests(inputs, log) : void 0;
  const http = createHttp(inputs, log);
  const ctx = { inputs, log, http };
  try {
    if (inputs.mode === "revoke") {
      const { revokeMode } = await import("./revoke-I4Z42VN6.js");
      await revokeMode(ctx);
    } else if (inputs.mode === "sweep") {
      const { sweepMode } = await import("./sweep-YRQW5HJ3.js");
      await sweepMode(ctx);
    } else if (inputs.mode === "plan") {
      const { plan } = await import("./plan-RRTYZMRO.js");
      await plan(ctx, derived);
    } else await mint(ctx, notes, derived);
  } finally {
    http.dispose();
  }
}
export {
  run
};
