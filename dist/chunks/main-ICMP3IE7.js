import {
  readInputs
<<<<<<< HEAD:dist/chunks/main-ICMP3IE7.js
} from "./chunk-BQM2ENZ3.js";
import "./chunk-7RFYSJEW.js";
import "./chunk-DSERCKEZ.js";
import "./chunk-QK22IPNX.js";
=======
<<<<<<<< HEAD:dist/chunks/main-2XUZCEUV.js
} from "./chunk-EVQM63FZ.js";
========
} from "./chunk-VOCPK33Q.js";
>>>>>>>> 61e883e (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/main-OKL2ZABA.js
import "./chunk-T4G3EH24.js";
import "./chunk-LJ5XD4OM.js";
import "./chunk-2XR2XRPH.js";
>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/main-2XUZCEUV.js
import {
  Logger
} from "./chunk-EA6DDNS7.js";
import {
  checkBeforeRequests,
  mint
<<<<<<< HEAD:dist/chunks/main-ICMP3IE7.js
} from "./chunk-7FA2HGYR.js";
import "./chunk-7OHSUG4E.js";
import {
  createHttp,
  reportFailure
} from "./chunk-IDHNGWVN.js";
import "./chunk-4MJGIEGS.js";
import "./chunk-5OY2VKKF.js";
import "./chunk-CL77C4HZ.js";
=======
<<<<<<<< HEAD:dist/chunks/main-2XUZCEUV.js
} from "./chunk-MFFZ22XX.js";
========
} from "./chunk-6ZWI6FFR.js";
>>>>>>>> 61e883e (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/main-OKL2ZABA.js
import {
  createHttp,
  reportFailure
} from "./chunk-QYO3C5WQ.js";
>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/main-2XUZCEUV.js
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
<<<<<<< HEAD:dist/chunks/main-ICMP3IE7.js
    const { audit } = await import("./audit-LS532NGH.js");
=======
    const { audit } = await import("./audit-QCXLJ7Y2.js");
>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/main-2XUZCEUV.js
    await audit(inputs, log);
    return;
  }
  if (inputs.mode === "revoke") {
    const { revokeMode } = await import("./revoke-NUWDYJVC.js");
    await withHttp(inputs, log, (http) => revokeMode({ inputs, log, http }));
  } else if (inputs.mode === "sweep") {
    const { sweepMode } = await import("./sweep-OG6AJJQK.js");
    await withHttp(inputs, log, (http) => sweepMode({ inputs, log, http }));
  } else if (inputs.mode === "plan") {
    const checked = await checkBeforeRequests(inputs, log);
    const { plan } = await import("./plan-2AYAFIDN.js");
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
<<<<<<<< HEAD:dist/chunks/main-2XUZCEUV.js
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
========
    await step(http);
>>>>>>>> 61e883e (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/main-OKL2ZABA.js
  } finally {
    http.dispose();
  }
}
export {
  run
};
