/**
 * Public types of the Dynatrace emulator, plus the small internal contract
 * between the server and the per-API route modules.
 */
import type { TrustPolicyInit, TrustPolicyRecord } from './federation.js'
import type { Contract } from './validate.js'

/** An OAuth client the emulator's SSO knows. */
export interface ClientSpec {
  clientId: string
  clientSecret: string
  scopes: string[]
  /** The client's service user; becomes the bearer's `sub` and owns tokens. */
  userUuid: string
  /** IAM permission `environment:roles:manage-settings`; default true. */
  canManageSettings?: boolean
}

export interface EmulatorOptions {
  /** Default: [DEMO_CLIENT]. */
  clients?: ClientSpec[]
  /** Default '8b1a5f4e-3c2d-4e6f-9a8b-7c6d5e4f3a2b'. */
  accountUuid?: string
  /** Default ['abc12345']; the first is the one the environment routes serve. */
  environments?: string[]
  /**
   * OpenAPI contract used to validate IAM request bodies. Default:
   * <repo>/../shared/contracts/account-management-api.json when it exists;
   * null disables validation.
   */
  contractPath?: string | null
  /** Lifetime of SSO bearers on the emulator clock; default 300. */
  bearerLifetimeSeconds?: number
  /** Added to every response; default 0. */
  latencyMs?: number
  /** TCP port on 127.0.0.1; default 0 (a random free port). */
  port?: number
  /** Workload identity federation trusts (see federation.ts); default none. */
  trustPolicies?: TrustPolicyInit[]
  /** Serve https with this key and certificate (see test/support/tls.ts); default plain http. */
  tls?: { key: string; cert: string }
  /**
   * Users of the account besides the clients' service users (UUIDs), e.g. an owner for
   * `platform-token-owner`.
   */
  users?: string[]
  /** Platform-token caps; default 10 per user, 50 per account (see platform-tokens.ts). */
  platformTokenCaps?: Partial<PlatformTokenCaps>
}

/**
 * How many platform tokens the account holds at most. Dynatrace's docs say 10 per user
 * per account; 50 per account was observed in the field. Expired tokens count until
 * deleted. `message` replaces the (UNCONFIRMED) text of the capped create's 400.
 */
export interface PlatformTokenCaps {
  perUser: number
  perAccount: number
  message?: string
}

/** One request as the emulator saw it. */
export interface RequestLogEntry {
  method: string
  /** Path with query string. */
  path: string
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>
  /** Raw body. */
  body: string
  /** Status sent; 0 when no response was sent (reset, hang, closed). */
  status: number
  /** Emulator clock (ms since epoch) when the request was received. */
  at: number
  /** The injected fault that applied, e.g. 'status:429', 'reset:after'. */
  fault?: string
}

export type Fault =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { latencyMs: number }
  | { reset: 'before' }
  | { reset: 'after' }
  | { hang: true }
  | { hang: 'after' }
  | { malformedJson: true }
  | { redirect: string }

export interface FaultMatch {
  method?: string
  /** A string matches the path with or without its query; a RegExp is tested
   * against the path with query. */
  path: string | RegExp
}

export type LevelType = 'global' | 'account' | 'environment'

export interface GroupRecord {
  uuid: string
  name: string
  description: string
  federatedAttributeValues: string[]
  owner: 'LOCAL' | 'SCIM' | 'SAML' | 'DCS' | 'ALL_USERS'
  createdAt: string
  updatedAt: string
}

export interface PolicyRecord {
  uuid: string
  levelType: LevelType
  levelId: string
  name: string
  description: string
  tags: string[]
  statementQuery: string
}

/** One (policy, group) binding at one level. Several records with the same
 * policy and different parameters are distinct bindings, as in Dynatrace. */
export interface BindingRecord {
  levelType: LevelType
  levelId: string
  policyUuid: string
  groupUuid: string
  parameters?: Record<string, string>
  metadata?: Record<string, string>
  boundaries?: string[]
}

export interface BoundaryRecord {
  uuid: string
  name: string
  boundaryQuery: string
  metadata: Record<string, unknown>
}

/** A classic environment API token (dt0c01). `token` is the full secret. */
export interface ApiTokenRecord {
  id: string
  token: string
  name: string
  scopes: string[]
  enabled: boolean
  personalAccessToken: boolean
  owner: string
  creationDate: string
  modifiedDate: string
  /** ISO 8601, or null for a token that never expires. */
  expirationDate: string | null
  lastUsedDate: string | null
  /** Set by DELETE; a deleted token behaves as if it never existed. */
  deletedAt: string | null
}

/** A platform token (dt0s16) created through Account Management. */
export interface PlatformTokenRecord {
  tokenId: string
  token: string
  accountUuid: string
  name: string
  scope: string[]
  resource: string[]
  tags: string[]
  /** ISO 8601, or null for a token created without an expiry (it never expires). */
  expirationDate: string | null
  /** The owner: `userUuid` of the create, else the caller's (subject) user. */
  userUuid: string
  /** The caller's user. */
  createdBy: string
  createdAt: string
  updatedAt: string
  /** Listed as ACTIVE even when expired; REVOKED after a DELETE (it stays listed). */
  status: 'ACTIVE' | 'INACTIVE' | 'REVOKED'
  /** Set by DELETE; a revoked token no longer authenticates. */
  deletedAt: string | null
}

/** An SSO access token the emulator issued. */
export interface BearerRecord {
  token: string
  clientId: string
  userUuid: string
  scopes: string[]
  /** Emulator clock, seconds. */
  iat: number
  exp: number
}

export interface EnvironmentRecord {
  id: string
  name: string
  active: boolean
  url: string
}

/**
 * Everything the emulator serves. Arrays are live: tests may read them after
 * a run or push records into them before one.
 */
export interface EmulatorState {
  accountUuid: string
  clients: ClientSpec[]
  environments: EnvironmentRecord[]
  groups: GroupRecord[]
  /** All levels (global, account, environment), told apart by levelType/Id. */
  policies: PolicyRecord[]
  bindings: BindingRecord[]
  /** Account level only (the API has no other). */
  boundaries: BoundaryRecord[]
  apiTokens: ApiTokenRecord[]
  platformTokens: PlatformTokenRecord[]
  bearers: Map<string, BearerRecord>
  /** The "classic tokens retired" switch. */
  classicTokensRetired: boolean
  /**
   * Phase 3 of the classic token retirement: creation retired, and list, get and
   * DELETE of existing classic tokens answer 400 too (UNCONFIRMED: Dynatrace has not
   * said what happens to them).
   */
  classicPhase3: boolean
  /** Users of the account besides the clients' service users. */
  users: string[]
  platformTokenCaps: PlatformTokenCaps
  /** Workload identity federation trusts. */
  trustPolicies: TrustPolicyRecord[]
  /**
   * Identity providers the trusts point at, with the secrets they handed out (ID-token
   * request token, ID tokens), so that leak scans look for those too.
   */
  identityProviders: Array<{ requestToken: string; issued: string[] }>
}

export interface Emulator {
  url: string
  port: number
  requests: RequestLogEntry[]
  state: EmulatorState
  /** Queue faults for a route; each matching request consumes one. */
  fault(match: FaultMatch, ...faults: Fault[]): void
  clearFaults(): void
  setLatency(ms: number): void
  retireClassicTokens(on?: boolean): void
  /** Phase 3 (see EmulatorState.classicPhase3); also retires creation. */
  enterPhase3(on?: boolean): void
  /**
   * Add a workload identity federation trust. With `provider` (e.g. the GitHub
   * ID-token service), its issuer and keys are filled in and its secrets are known
   * to leak scans.
   */
  trust(
    init: Omit<TrustPolicyInit, 'issuerUrl' | 'jwks'> &
      Partial<Pick<TrustPolicyInit, 'issuerUrl' | 'jwks'>>,
    provider?: {
      issuer: string
      jwks: TrustPolicyInit['jwks']
      requestToken: string
      issued: string[]
    }
  ): TrustPolicyRecord
  /** Moves the emulator clock (Date header, bearer and token expiry). */
  advanceClock(seconds: number): void
  /** Tokens that are neither deleted nor expired. expiresAt is ISO 8601, or
   * 'never' for a classic token created without an expiry. */
  liveTokens(): Array<{
    kind: 'classic' | 'platform'
    id: string
    name: string
    expiresAt: string
  }>
  /** Closes the server and destroys every open socket, hung ones included. */
  close(): Promise<void>
}

/* ---- internal: what route modules see ---- */

export interface EmuRequest {
  method: string
  /** Path with query. */
  path: string
  pathname: string
  query: URLSearchParams
  headers: Record<string, string>
  body: string
  /** Path parameters from the route pattern (`:name` segments). */
  params: Record<string, string>
}

export interface EmuResponse {
  status: number
  headers?: Record<string, string>
  body?: string
}

export interface Ctx {
  state: EmulatorState
  contract: Contract | null
  bearerLifetimeSeconds: number
  /** Emulator clock in ms. */
  now(): number
}

export type Handler = (req: EmuRequest, ctx: Ctx) => EmuResponse

export interface Route {
  method: string
  /** Segments starting with ':' are parameters. */
  pattern: string
  handler: Handler
}
