import type { Context } from './context.js'
import { SsoApi, type Bearer } from './dynatrace/sso.js'
import { ActionError, errorMessage } from './errors.js'
import type { FederatedBearer } from './github-oidc.js'
import { Http } from './http.js'
import type { Inputs, SignedInInputs } from './inputs.js'
import type { Logger } from './log.js'

/**
 * What the modes and the post step share: the HTTP client of a run, how a failure is
 * reported, and the run's credential.
 */

/** What the HTTP client of a run takes from its inputs. */
type HttpSettings = Pick<Inputs, 'timeoutSeconds' | 'maxRetries'>

/**
 * The HTTP client for a run, within timeout-seconds, that talks only to `urls` (by
 * default the endpoints of these inputs; with a GitHub ID token only the environment,
 * the one Dynatrace host it is presented to).
 */
export function createHttp(inputs: Inputs, log: Logger): Http
export function createHttp(
  settings: HttpSettings,
  log: Logger,
  urls: Array<string | undefined>
): Http
export function createHttp(
  inputs: HttpSettings & Partial<Pick<Inputs, 'auth' | 'endpoints'>>,
  log: Logger,
  urls: Array<string | undefined> = inputs.auth === 'github-oidc'
    ? [inputs.endpoints?.platformUrl]
    : Object.values(inputs.endpoints ?? {})
): Http {
  const origins = urls
    .filter((u): u is string => !!u && /^https?:/.test(u))
    .map((u) => new URL(u).origin)
  const budgetMs = inputs.timeoutSeconds * 1000
  return new Http({
    log,
    server: 'Dynatrace',
    allowedOrigins: origins,
    deadline: Date.now() + budgetMs,
    maxRetries: inputs.maxRetries,
    // errors.ts reads the body; loaded on demand, only a retried answer needs it.
    bodyRetryDelay: async (response) =>
      (await import('./dynatrace/errors.js')).bodyRetryDelay(response),
    requestTimeoutMs: Math.min(30_000, Math.max(2_000, budgetMs / 4))
  })
}

/** Expected failures show their message; anything else is a bug, with the stack in debug. */
export function reportFailure(log: Logger, error: unknown): void {
  if (error instanceof ActionError) {
    log.fail(error.message)
    return
  }
  if (error instanceof Error && error.stack) log.debug(error.stack)
  log.fail(
    `Unexpected error: ${errorMessage(error)}. This is a bug in configure-dynatrace-credentials; please report it (with the log, which holds no secrets).`
  )
}

/** A run's credential: the bearer, and the context whose client presents it. */
export interface Session<I extends SignedInInputs = SignedInInputs> {
  ctx: Context<I>
  bearer: Bearer
  /** Which credential was used, for the job summary. */
  credential: string
  /** auth: github-oidc — what plan needs to check the trust. */
  federated?: FederatedBearer
}

/**
 * Get the bearer (the SSO bearer, or with auth: github-oidc the GitHub ID token). `next`
 * is the URL the first request with the bearer goes to: its connection opens while the
 * bearer's request is in flight (Http.preconnect), so its handshakes cost no round trip
 * of their own.
 */
export async function authenticate<I extends SignedInInputs>(
  ctx: Context<I>,
  next?: string
): Promise<Session<I>> {
  const { inputs, log, http } = ctx
  if (inputs.auth === 'github-oidc') {
    // Loaded on demand: runs with an OAuth client never evaluate it.
    const { federatedSession } = await import('./github-oidc.js')
    return federatedSession(ctx, inputs.oidcAudience, next)
  }
  const { credentials } = inputs
  log.info(
    `Getting an SSO bearer token for OAuth client ${credentials.clientId} from ${new URL(inputs.endpoints.ssoTokenUrl).host}.`
  )
  const sso = new SsoApi({ http, log, baseUrl: inputs.endpoints.ssoTokenUrl })
  const pending = sso.bearer({
    credentials,
    scopes: inputs.oauthScopes,
    ...(inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {})
  })
  http.preconnect(next)
  return {
    ctx,
    bearer: await pending,
    credential: `OAuth client ${credentials.clientId} (client credentials)`
  }
}
