import {
  revocationSummary
} from "./chunk-7SQSJ4TX.js";
import {
  startReading
} from "./chunk-LJ5XD4OM.js";
import {
<<<<<<<< HEAD:dist/chunks/post-FX4EHFUU.js
  FIELDS,
  usesClientSecret
========
  CONTEXT_FIELDS,
  FIELDS
>>>>>>>> 61e883e (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/post-GN7SKUBQ.js
} from "./chunk-2XR2XRPH.js";
import {
  Logger
} from "./chunk-EA6DDNS7.js";
import {
  createHttp,
  getBearer
} from "./chunk-QYO3C5WQ.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
import {
  revokeToken,
  revokeUrl
} from "./chunk-5UGJN4KG.js";
import {
  loadToken
} from "./chunk-7OHSUG4E.js";
import "./chunk-D7TGNSG7.js";
import "./chunk-4MJGIEGS.js";
import {
  getInput
} from "./chunk-CL77C4HZ.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-KDLYFKNM.js";
import "./chunk-DHKQHN3N.js";
import "./chunk-UXD24YEM.js";
import "./chunk-3ZRLOSXC.js";
import "./chunk-6BSO6VOI.js";
import {
  errorMessage
} from "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";

// src/inputs/post.ts
function readPostInputs(log, source = getInput) {
<<<<<<<< HEAD:dist/chunks/post-FX4EHFUU.js
  const { reader, secret, context } = startReading(source, log);
  const inputs = {
    auth: context.auth,
    endpoints: {},
    oauthScopes: reader.list("oauth-scopes"),
    timeoutSeconds: reader.field("timeout-seconds", FIELDS["timeout-seconds"]),
    maxRetries: reader.field("max-retries", FIELDS["max-retries"])
  };
  if (usesClientSecret(context))
    inputs.credentials = {
      clientId: reader.read("client-id"),
      clientSecret: secret
    };
========
  const reader = new InputReader(source, log);
  const secret = reader.read("client-secret");
  log.addSecret(secret);
  const context = {
    mode: reader.field("mode", CONTEXT_FIELDS.mode),
    tokenType: reader.field("token-type", CONTEXT_FIELDS["token-type"]),
    auth: reader.field("auth", CONTEXT_FIELDS.auth),
    allowCustomEndpoints: reader.field(
      "allow-custom-endpoints",
      CONTEXT_FIELDS["allow-custom-endpoints"]
    )
  };
>>>>>>>> 61e883e (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/):dist/chunks/post-GN7SKUBQ.js
  const oidcAudience = reader.inContext(
    "oidc-audience",
    FIELDS["oidc-audience"],
    context
  );
  const inputs = {
    ...context.auth === "github-oidc" ? { auth: context.auth, oidcAudience } : {
      auth: context.auth,
      credentials: {
        clientId: reader.read("client-id"),
        clientSecret: secret
      }
    },
    endpoints: {},
    oauthScopes: reader.list("oauth-scopes"),
    timeoutSeconds: reader.field("timeout-seconds", FIELDS["timeout-seconds"]),
    maxRetries: reader.field("max-retries", FIELDS["max-retries"])
  };
  const accountUuid = reader.field("account-urn", FIELDS["account-urn"]);
  if (accountUuid !== void 0) inputs.accountUuid = accountUuid;
  const environment = reader.inContext(
    "environment-url",
    FIELDS["environment-url"],
    context
  );
  context.environment = environment;
  const environmentId = environment?.kind === "saas" ? environment.environmentId : reader.inContext("environment-id", FIELDS["environment-id"], context);
  if (environmentId !== void 0)
    inputs.endpoints.environmentId = environmentId;
  reader.finish(secret);
  return inputs;
}

// src/post.ts
async function post() {
  const log = new Logger();
  const saved = loadToken();
  if (!saved) {
    log.info("This step minted no token; nothing to revoke.");
    return;
  }
  if (saved.revoked) {
    log.info(`Token ${saved.id} was already revoked by the main step.`);
    return;
  }
  if (!saved.revoke) {
    log.info(
      `revoke is false: token ${saved.id} stays valid until ${saved.expiresAt}.`
    );
    await writeSummary(
      log,
      revocationSummary(
        saved.id,
        "skipped",
        `revoke: false; it expires at ${saved.expiresAt}.`
      )
    );
    return;
  }
  try {
    const result = await revokeSaved(log, saved);
    log.info(
      result === "revoked" ? `Revoked token ${saved.id}.` : `Token ${saved.id} was already gone (counts as revoked).`
    );
    await writeSummary(log, revocationSummary(saved.id, result, ""));
  } catch (error) {
    log.warning(
      `Could not revoke token ${saved.id}: ${errorMessage(error)} It stays valid until ${saved.expiresAt}; delete it in Dynatrace if that is too long.`
    );
    await writeSummary(
      log,
      revocationSummary(
        saved.id,
        "failed",
        `${errorMessage(error)} It stays valid until ${saved.expiresAt}; delete it in Dynatrace if that is too long.`
      )
    );
  }
}
async function revokeSaved(log, saved) {
  let http;
  try {
    const inputs = readPostInputs(log);
    http = createHttp(inputs, log, [
      saved.ssoUrl,
      saved.platformUrl,
      saved.accountApiUrl
    ]);
    if (inputs.auth === "github-oidc") {
      const { federate, federationContext } = await import("./github-oidc-Q6HIFKEO.js");
      const federated = await federate(
        http,
        federationContext(inputs, log, saved.platformUrl),
        revokeUrl(saved)
      );
      return await revokeToken(
        federated.http,
        log,
        federated.bearer.idToken.value,
        saved
      );
    }
    const accountUuid = saved.accountUuid ?? inputs.accountUuid;
    const pending = getBearer(http, log, {
      tokenUrl: saved.ssoUrl,
      credentials: inputs.credentials,
      scopes: inputs.oauthScopes,
      ...accountUuid ? { accountUuid } : {}
    });
    http.preconnect(revokeUrl(saved));
    const bearer = await pending;
    return await revokeToken(http, log, bearer.accessToken, saved);
  } finally {
    http?.dispose();
  }
}
export {
  post
};
