import {
  deleteClassicToken
} from "./chunk-D7TGNSG7.js";
import {
  ActionError
} from "./chunk-IKGYFQ6X.js";

// src/revoke.ts
function revokeUrl(target) {
  return target.type === "classic" ? target.platformUrl : target.accountApiUrl;
}
async function revokeToken(http, log, bearer, target) {
  const deps = { http, log, bearer };
  if (target.type === "classic") {
    if (!target.platformUrl)
      throw new ActionError(
        "environment-url is needed to revoke a classic token."
      );
    return deleteClassicToken(deps, target.platformUrl, target.id);
  }
  if (!target.accountApiUrl || !target.accountUuid) {
    throw new ActionError("account-urn is needed to revoke a platform token.");
  }
  const { deletePlatformToken } = await import("./platform-tokens-WVRI5JHP.js");
  return deletePlatformToken(
    deps,
    target.accountApiUrl,
    target.accountUuid,
    target.id
  );
}
function revokeTarget(inputs, id, type) {
  const { platformUrl, accountApiUrl } = inputs.endpoints;
  return {
    id,
    type,
    accountApiUrl,
    ...platformUrl ? { platformUrl } : {},
    ...inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {}
  };
}

export {
  revokeUrl,
  revokeToken,
  revokeTarget
};
