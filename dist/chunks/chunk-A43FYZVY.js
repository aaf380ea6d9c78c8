import {
  ClassicTokensApi
} from "./chunk-EDEC2OEC.js";
import {
  ActionError
} from "./chunk-IKGYFQ6X.js";

// src/revoke.ts
function revokeUrl(target) {
  return target.type === "classic" ? target.platformUrl : target.accountApiUrl;
}
async function revokeToken(http, log, bearer, target) {
  const credentials = { http, log, bearer };
  if (target.type === "classic") {
    if (!target.platformUrl)
      throw new ActionError(
        "environment-url is needed to revoke a classic token."
      );
    const api2 = new ClassicTokensApi({
      ...credentials,
      baseUrl: target.platformUrl
    });
    return api2.delete(target.id);
  }
  if (!target.accountApiUrl || !target.accountUuid) {
    throw new ActionError("account-urn is needed to revoke a platform token.");
  }
  const { PlatformTokensApi } = await import("./platform-tokens-KB6DYWWR.js");
  const api = new PlatformTokensApi({
    ...credentials,
    baseUrl: target.accountApiUrl,
    accountUuid: target.accountUuid
  });
  return api.delete(target.id);
}
function revokeTarget(where, id) {
  return where.type === "classic" ? { id, type: where.type, platformUrl: where.platformUrl } : {
    id,
    type: where.type,
    accountApiUrl: where.accountApiUrl,
    accountUuid: where.accountUuid
  };
}

export {
  revokeUrl,
  revokeToken,
  revokeTarget
};
