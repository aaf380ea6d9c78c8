import {
  revocationSummary
} from "./chunk-7SQSJ4TX.js";
import {
  startReading
} from "./chunk-LTRZDNR3.js";
import {
  FIELDS
} from "./chunk-ZHV3OFIM.js";
import {
  Logger
} from "./chunk-EA6DDNS7.js";
import {
  SsoApi,
  createHttp
} from "./chunk-CQGMNGRP.js";
import {
  loadToken
} from "./chunk-QOGPCGM3.js";
import {
  revokeToken,
  revokeUrl
} from "./chunk-A43FYZVY.js";
import "./chunk-4MJGIEGS.js";
import {
  getInput
} from "./chunk-CL77C4HZ.js";
import {
  writeSummary
} from "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-M4LQXBWN.js";
import "./chunk-UXD24YEM.js";
import "./chunk-EDEC2OEC.js";
import "./chunk-GY243YV4.js";
import "./chunk-QHYGYJD5.js";
import "./chunk-HYS7G47W.js";
import "./chunk-54DRLOPH.js";
import {
  errorMessage
} from "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";

// src/inputs/post.ts
function readPostInputs(log, source = getInput) {
  const { reader, secret, context } = startReading(source, log);
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
      const { federate, federationContext } = await import("./github-oidc-J477MGAB.js");
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
    const sso = new SsoApi({ http, log, baseUrl: saved.ssoUrl });
    const pending = sso.bearer({
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
