/**
 * The names the action writes for later steps: its outputs (as declared in action.yml)
 * and the state main saves for its post step. Every `setOutput`, `saveState` and
 * `getState` names one of these, so a name is spelled in one place.
 */
export const Output = {
  Token: 'token',
  TokenId: 'token-id',
  TokenType: 'token-type',
  TokenExpiresAt: 'token-expires-at',
  TokenScopes: 'token-scopes',
  AccessToken: 'access-token',
  AccessTokenExpiresAt: 'access-token-expires-at',
  EnvironmentUrl: 'environment-url',
  ClassicEnvironmentUrl: 'classic-environment-url',
  BindingsAdded: 'bindings-added',
  PoliciesChanged: 'policies-changed',
  Plan: 'plan',
  SweptCount: 'swept-count',
  SweptIds: 'swept-ids',
  AuditReport: 'audit-report',
  AuditFindings: 'audit-findings'
} as const

/**
 * Keys saved for the post step. Only what revocation needs — never a secret: the post
 * step authenticates afresh with the client credentials it reads from its inputs.
 */
export const State = {
  TokenId: 'token-id',
  TokenType: 'token-type',
  ExpiresAt: 'expires-at',
  /** Classic tokens: the platform URL they live on. */
  PlatformUrl: 'platform-url',
  /** Platform tokens: the Account Management API and account. */
  AccountApiUrl: 'account-api-url',
  AccountUuid: 'account-uuid',
  SsoUrl: 'sso-url',
  /** 'false' when the user opted out of revocation. */
  Revoke: 'revoke',
  /** 'true' when main already revoked the token after a later failure. */
  Revoked: 'revoked'
} as const
