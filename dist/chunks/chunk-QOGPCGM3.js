import {
  State
} from "./chunk-4MJGIEGS.js";
import {
  getState,
  saveState
} from "./chunk-CL77C4HZ.js";

// src/post-state.ts
function markRevoked() {
  saveState(State.Revoked, "true");
}
function loadToken() {
  const id = getState(State.TokenId);
  if (!id) return void 0;
  const type = getState(State.TokenType) === "platform" ? "platform" : "classic";
  const saved = {
    id,
    type,
    expiresAt: getState(State.ExpiresAt),
    ssoUrl: getState(State.SsoUrl),
    revoke: getState(State.Revoke) !== "false",
    revoked: getState(State.Revoked) === "true"
  };
  const platformUrl = getState(State.PlatformUrl);
  const accountApiUrl = getState(State.AccountApiUrl);
  const accountUuid = getState(State.AccountUuid);
  if (platformUrl) saved.platformUrl = platformUrl;
  if (accountApiUrl) saved.accountApiUrl = accountApiUrl;
  if (accountUuid) saved.accountUuid = accountUuid;
  return saved;
}

export {
  markRevoked,
  loadToken
};
