/**
 * `auth: github-oidc`: Dynatrace workload identity federation with the job's GitHub ID
 * token. Loaded on demand: runs with an OAuth client never evaluate it.
 *
 * The action asks the runner's token service for an ID token (as @actions/core's
 * getIDToken does: `ACTIONS_ID_TOKEN_REQUEST_URL` with `audience` in the query, header
 * `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answer `{"value": "<jwt>"}`)
 * and sends that token itself as the bearer to the environment's platform APIs, as
 * Dynatrace's Terraform provider does (dynatrace-oss/terraform-provider-dynatrace,
 * dynatrace/rest/wif): there is no exchange at the SSO, because Dynatrace is the relying
 * party that verifies the token. The action reads `exp` (to say how long the token lives)
 * and names a few claims in messages; it trusts the token for nothing else.
 */
import { ActionError } from './errors.js'
import {
  parseJson,
  type Http,
  type HttpResponse,
  type RenewableBearer,
  type RequestSpec
} from './http.js'
import type { Context } from './context.js'
import type { Endpoints, SignedInInputs } from './inputs.js'
import type { Logger } from './log.js'
import { isLoopbackHost } from './loopback.js'
import type { Session } from './runtime.js'

/** The issuer of GitHub Actions ID tokens, which a Dynatrace trust must name. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

const PERMISSION_HINT = `Give the job permission to request one (a job that sets permissions gets only those it lists):
  permissions:
    id-token: write
    contents: read
Workflows run for pull requests from forks never get an ID token; use mode: audit there.`

/** The claims messages name (none is a secret; all are as the token states them). */
const NAMED_CLAIMS = ['iss', 'aud', 'sub', 'repository', 'ref', 'environment']

/** A compact JWS: three base64url segments, bounded. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
const MAX_TOKEN_LENGTH = 16384

export interface IdToken {
  /** The JWT. Masked the moment it arrived. */
  value: string
  /** Epoch ms of its `exp` claim. */
  expiresAt: number
  /** NAMED_CLAIMS as the token states them, for messages. */
  claims: Record<string, string>
}

export interface FederationContext {
  audience: string
  /** The environment the token is presented to (its ID or host), for messages. */
  environment: string
  log: Logger
}

/**
 * Request a GitHub ID token for `audience` from the runner's token service, through a
 * client allowed to reach only that service. The request token and the ID token are
 * masked as soon as they are read.
 */
async function requestIdToken(
  http: Http,
  context: FederationContext,
  env: NodeJS.ProcessEnv = process.env
): Promise<IdToken> {
  const { log, audience } = context
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''
  log.addSecret(requestToken)
  if (requestUrl === '' || requestToken === '') {
    const missing = [
      requestUrl === '' ? 'ACTIONS_ID_TOKEN_REQUEST_URL' : '',
      requestToken === '' ? 'ACTIONS_ID_TOKEN_REQUEST_TOKEN' : ''
    ].filter(Boolean)
    throw new ActionError(
      `auth: github-oidc needs a GitHub ID token, but this job may not request one: the runner did not set ${missing.join(' and ')}. ${PERMISSION_HINT}`
    )
  }
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    throw new ActionError(
      'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL, so no GitHub ID token can be requested. It is set by the runner: do not override it in the workflow.'
    )
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && isLoopbackHost(url.hostname))
  ) {
    throw new ActionError(
      `ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL (it is ${url.protocol.replace(':', '')} on ${url.host}); the request token is never sent in clear text. It is set by the runner: do not override it in the workflow.`
    )
  }
  // Merged into the query: the URL already carries api-version.
  url.searchParams.set('audience', audience)
  log.info(
    `Requesting a GitHub ID token for audience "${log.clean(audience, 200)}" from the runner's token service (${url.host}).`
  )
  const response = await http.withOrigins([url.origin]).request({
    method: 'GET',
    url: url.href,
    authorization: `Bearer ${requestToken}`,
    what: 'request a GitHub ID token'
  })
  const body = parseJson(response.text) as Record<string, unknown> | undefined
  const value = response.status === 200 ? body?.value : undefined
  if (typeof value === 'string') log.addSecret(value)
  // The body is never shown: on success it is the token itself.
  if (response.status !== 200) {
    throw new ActionError(
      `Could not get a GitHub ID token: the runner's token service (${url.host}) answered HTTP ${response.status}.${response.status === 401 || response.status === 403 ? ` The job's request token was refused. ${PERMISSION_HINT}` : ' Try again later; GitHub may be having trouble (https://www.githubstatus.com).'}`
    )
  }
  if (
    typeof value !== 'string' ||
    value.length > MAX_TOKEN_LENGTH ||
    !JWT.test(value)
  ) {
    throw new ActionError(
      `Could not get a GitHub ID token: the answer of the runner's token service (${url.host}) holds no token in the expected form (a JWT).`
    )
  }
  return readIdToken(value)
}

/** `exp` and the named claims of a JWT, without verifying it: Dynatrace does that. */
function readIdToken(value: string): IdToken {
  const payload = parseJson(
    Buffer.from(value.split('.')[1] ?? '', 'base64url').toString('utf8')
  ) as Record<string, unknown> | undefined
  const exp = payload?.exp
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= 0) {
    throw new ActionError(
      'The GitHub ID token has no valid exp claim, so the action cannot say how long it lives; it was not used.'
    )
  }
  const claims: Record<string, string> = {}
  for (const name of NAMED_CLAIMS) {
    const claim = payload?.[name]
    if (typeof claim === 'string') claims[name] = claim
    else if (Array.isArray(claim)) claims[name] = claim.map(String).join(', ')
  }
  return { value, expiresAt: exp * 1000, claims }
}

/**
 * The GitHub ID token as the bearer of Dynatrace requests. Dynatrace's Terraform
 * provider mints a fresh token and retries once on a 401; so does this, but only once
 * Dynatrace has accepted the token before (a token that expired mid-run): a first 401
 * means the trust does not match, and a fresh token would not change that.
 */
export class FederatedBearer implements RenewableBearer {
  private readonly values = new Set<string>()
  private acceptedBefore = false

  constructor(
    private token: IdToken,
    /** The audience and environment it was asked for, for messages. */
    readonly context: FederationContext,
    private readonly renew: () => Promise<IdToken>
  ) {
    this.values.add(this.authorization)
  }

  get idToken(): IdToken {
    return this.token
  }

  get authorization(): string {
    return `Bearer ${this.token.value}`
  }

  current(authorization: string): string {
    return this.values.has(authorization) ? this.authorization : authorization
  }

  owns(authorization: string): boolean {
    return this.values.has(authorization)
  }

  accepted(): void {
    this.acceptedBefore = true
  }

  async rejected(
    spec: RequestSpec,
    response: HttpResponse,
    final: boolean
  ): Promise<string> {
    if (response.status === 401 && this.acceptedBefore && !final) {
      this.context.log.info(
        'Dynatrace answered HTTP 401 to the GitHub ID token it had accepted (it may have expired); requesting a fresh one and trying once more.'
      )
      this.token = await this.renew()
      this.values.add(this.authorization)
      return this.authorization
    }
    throw await federatedRefusal(spec.what, response, this.token, this.context)
  }
}

/** Claims as a message shows them: `sub "repo:o/r:ref:refs/heads/main"`. */
function describeClaims(token: IdToken, log: Logger, names: string[]): string {
  return names
    .map((name) => {
      const claim = token.claims[name]
      return claim === undefined
        ? `${name} (none${name === 'environment' ? ': the job names no environment' : ''})`
        : `${name} "${log.clean(claim, 200)}"`
    })
    .join(', ')
}

/**
 * What a 401 or 403 to a federated request means, with everything needed to fix the
 * trust: the audience sent, the token's identifying claims, what Dynatrace said.
 */
async function federatedRefusal(
  what: string,
  response: HttpResponse,
  token: IdToken,
  context: FederationContext
): Promise<ActionError> {
  // Loaded on demand, as everywhere: a run that succeeds never needs it.
  const { explainError, readDynatraceError } =
    await import('./dynatrace/errors.js')
  const { log, audience, environment } = context
  const details = readDynatraceError(response)
  // Dynatrace's message, with its error code and what it says is missing.
  const said = explainError(log, response)
  if (response.status === 401) {
    return new ActionError(
      `Could not ${what}: Dynatrace did not accept the GitHub ID token (HTTP 401: ${said}). The token was requested for audience "${log.clean(audience, 200)}" (oidc-audience) and states ${describeClaims(token, log, NAMED_CLAIMS)}. A workload identity federation trust in Dynatrace must match it: issuer ${GITHUB_ISSUER}, audience "${log.clean(audience, 200)}" exactly, status active, and a service-user mapping for environment ${environment} whose claim mappings all match these claims (for example repository EXACT "${log.clean(token.claims.repository ?? 'owner/repo', 200)}" with ref GLOB "refs/heads/*", or sub EXACT "${log.clean(token.claims.sub ?? 'repo:owner/repo:ref:refs/heads/main', 200)}").`
    )
  }
  const scopes =
    details.missingScopes.length > 0
      ? `the scope(s) ${details.missingScopes.map((s) => log.clean(s, 100)).join(', ')}`
      : 'environment-api:api-tokens:write (create and revoke classic tokens) and environment-api:api-tokens:read (verify them)'
  const permissions =
    details.missingPermissions.length > 0
      ? details.missingPermissions.map((p) => log.clean(p, 100)).join(', ')
      : 'environment:roles:manage-settings (needed to create tokens)'
  return new ActionError(
    `Could not ${what}: Dynatrace accepted the GitHub ID token but refused the request (HTTP ${response.status}: ${said}). The service-user mapping that matched the token (${describeClaims(token, log, ['sub', 'repository', 'ref', 'environment'])}) must grant ${scopes} for environment ${environment}, and its service user needs a policy bound on that environment that allows ${permissions}.`
  )
}

/** How long until `expiresAt`, for the log: "about 5 minutes". */
function lifetimeText(expiresAt: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((expiresAt - now) / 60_000))
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** What messages about a federated token need: audience, environment, log. */
export function federationContext(
  inputs: { oidcAudience: string } & {
    endpoints: Pick<Endpoints, 'environmentId' | 'platformUrl'>
  },
  log: Logger,
  platformUrl = inputs.endpoints.platformUrl
): FederationContext {
  return {
    audience: inputs.oidcAudience,
    environment:
      inputs.endpoints.environmentId ??
      (platformUrl ? new URL(platformUrl).host : 'of this step'),
    log
  }
}

/** main's session for auth: github-oidc: the ID token as bearer, presented by a renewing client. */
export async function federatedSession<I extends SignedInInputs>(
  ctx: Context<I>,
  oidcAudience: string,
  next?: string
): Promise<Session<I>> {
  const { inputs, log, http } = ctx
  const federated = await federate(
    http,
    federationContext({ oidcAudience, endpoints: inputs.endpoints }, log),
    next
  )
  return {
    ctx: { ...ctx, http: federated.http },
    // The ID token of now: a 401 mid-run renews it (FederatedBearer.rejected).
    get bearer() {
      const token = federated.bearer.idToken
      return { accessToken: token.value, expiresAt: token.expiresAt }
    },
    credential: `GitHub ID token for audience "${oidcAudience}" (workload identity federation; no Dynatrace secret)`,
    federated: federated.bearer
  }
}

/**
 * Request the ID token and return a client that presents it to Dynatrace (and renews it
 * on a 401 mid-run). `http` must be allowed the environment's origin; `next`, the URL of
 * the first Dynatrace request, is connected to in the meantime.
 */
export async function federate(
  http: Http,
  context: FederationContext,
  next?: string
): Promise<{ bearer: FederatedBearer; http: Http }> {
  const { log } = context
  const request = (): Promise<IdToken> => requestIdToken(http, context)
  const pending = request()
  // Dynatrace's connection opens while the token service answers (Http.preconnect).
  http.preconnect(next)
  const token = await pending
  log.info(
    `Got a GitHub ID token (${describeClaims(token, log, ['sub'])}), valid until ${new Date(token.expiresAt).toISOString()} (${lifetimeText(token.expiresAt)}); it is presented to Dynatrace as the bearer (workload identity federation).`
  )
  const bearer = new FederatedBearer(token, context, request)
  return { bearer, http: http.withBearer(bearer) }
}

/**
 * plan: check, without changing anything, that the environment accepts the ID token, by
 * reading `tokensUrl` (one entry of its token list: what the platform route allows). A
 * 403 still proves the trust matched; only a 401 fails the plan.
 */
export async function checkTrust(
  ctx: Context,
  bearer: FederatedBearer,
  platformUrl: string
): Promise<void> {
  const { http } = ctx
  const { context } = bearer
  const { log, environment } = context
  const what = `check that environment ${environment} accepts the GitHub ID token`
  const { ClassicTokensApi } = await import('./dynatrace/api-tokens.js')
  // The plain client, which does not renew: a 403 is an answer here, not an error.
  const tokens = new ClassicTokensApi({
    http,
    log,
    baseUrl: platformUrl,
    bearer: bearer.idToken.value
  })
  const response = await tokens.probe(what)
  if (response.status === 401)
    throw await federatedRefusal(what, response, bearer.idToken, context)
  if (response.status === 200) {
    log.info(
      `Environment ${environment} accepted the GitHub ID token (the trust and a service-user mapping match this job).`
    )
  } else if (response.status === 403) {
    log.info(
      `Environment ${environment} accepted the GitHub ID token (the trust matches this job), but its mapping may not read tokens (HTTP 403), so the check stops there. Minting needs environment-api:api-tokens:write.`
    )
  } else {
    log.warning(
      `Could not check that environment ${environment} accepts the GitHub ID token: HTTP ${response.status}.`
    )
  }
}
