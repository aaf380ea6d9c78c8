
// src/outputs.ts
var Output = {
  Token: "token",
  TokenId: "token-id",
  TokenType: "token-type",
  TokenExpiresAt: "token-expires-at",
  TokenScopes: "token-scopes",
  AccessToken: "access-token",
  AccessTokenExpiresAt: "access-token-expires-at",
  EnvironmentUrl: "environment-url",
  ClassicEnvironmentUrl: "classic-environment-url",
  BindingsAdded: "bindings-added",
  PoliciesChanged: "policies-changed",
  Plan: "plan",
  SweptCount: "swept-count",
  SweptIds: "swept-ids",
  AuditReport: "audit-report",
  AuditFindings: "audit-findings"
};
var State = {
  TokenId: "token-id",
  TokenType: "token-type",
  ExpiresAt: "expires-at",
  /** Classic tokens: the platform URL they live on. */
  PlatformUrl: "platform-url",
  /** Platform tokens: the Account Management API and account. */
  AccountApiUrl: "account-api-url",
  AccountUuid: "account-uuid",
  SsoUrl: "sso-url",
  /** 'false' when the user opted out of revocation. */
  Revoke: "revoke",
  /** 'true' when main already revoked the token after a later failure. */
  Revoked: "revoked"
};

export {
  Output,
  State
};
