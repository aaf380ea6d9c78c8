import { formatDuration } from '../duration.js'
import { ActionError } from '../errors.js'
import { parseJson, type Http, type HttpResponse } from '../http.js'
import type { Logger } from '../log.js'
import type { ClassicTokenRequest } from './api-tokens.js'
import { explainError, missingAccess } from './errors.js'
import type { BearerRequest } from './sso.js'
import {
  EXPIRY_TOLERANCE_MS,
  MAX_CLOCK_AHEAD_MS,
  SECRET_LENGTH,
  TOKEN_FORMAT,
  type AskedFor,
  type MintedToken,
  type TokenProblem,
  type TokenType,
  type UntrustedProblem
} from './tokens.js'

/**
 * What a failure means for the user, for what a classic mint and its post step do (the
 * SSO bearer; the classic token's create, checks, read-back and delete): what failed,
 * why, what to do.
 *
 * Loaded on demand (`await import('./failures.js')`) by sso.ts, tokens.ts and
 * api-tokens.ts when something failed: code only a failure needs is loaded when it
 * fails, so a successful run does not pay for it at start-up (paid on every deploy job).
 */

const SECRETS_HINT =
  'Check client-id and client-secret, that the client has not been deleted or its secret rotated, and that the secret is passed to this workflow (secrets are not available to workflows from forks or Dependabot).'

/** Why SSO gave no bearer, and what to do. */
export function ssoRefusal(
  log: Logger,
  response: HttpResponse,
  request: BearerRequest,
  ssoUrl: string
): ActionError {
  const { status, text } = response
  const body = parseJson(text) as Record<string, unknown> | undefined
  const code = typeof body?.error === 'string' ? body.error : undefined
  const description =
    typeof body?.error_description === 'string' ? body.error_description : ''
  const detail = explainError(log, response)
  const requested = request.scopes.join(' ')

  if (code === 'invalid_client' || status === 401) {
    return new ActionError(
      `Dynatrace SSO rejected the OAuth client ${request.credentials.clientId} (HTTP ${status}: ${detail}). ${SECRETS_HINT}`
    )
  }
  const missing = /missing following scopes \[([^\]]*)\]/i.exec(description)
  if (missing) {
    return new ActionError(
      `Dynatrace SSO refused the token: the OAuth client lacks scope(s) ${log.clean(missing[1] ?? '')}. Grant them to the client in Account Management → OAuth clients, or remove them from oauth-scopes.`
    )
  }
  if (
    code === 'invalid_scope' ||
    (code === 'invalid_request' && requested !== '' && description === '')
  ) {
    return new ActionError(
      `Dynatrace SSO refused the token request (HTTP ${status}: ${detail}). A requested scope is probably not granted to the OAuth client: oauth-scopes asks for "${requested}". Grant them to the client, or leave oauth-scopes empty to get the client's own scopes.`
    )
  }
  if (/resource|account/i.test(description) && request.accountUuid) {
    return new ActionError(
      `Dynatrace SSO refused the token for account urn:dtaccount:${request.accountUuid} (HTTP ${status}: ${detail}). Check account-urn: the OAuth client must belong to that account.`
    )
  }
  if (status >= 200 && status < 300) {
    return new ActionError(
      `Dynatrace SSO answered HTTP ${status} without an access token (${detail}). Check sso-url points at the SSO token endpoint (https://sso.dynatrace.com/sso/oauth2/token).`
    )
  }
  return new ActionError(
    `Could not get an SSO bearer token: HTTP ${status} from ${new URL(ssoUrl).host}: ${detail}. ${ssoAdvice(status)}`
  )
}

/** What to do about an SSO status that has no more specific message. */
function ssoAdvice(status: number): string {
  if (status === 400) return SECRETS_HINT
  if (status === 429)
    return 'Dynatrace SSO kept rate-limiting this client through every retry; run fewer jobs at once with this OAuth client, raise max-retries or timeout-seconds, or try again later.'
  if (status >= 500)
    return 'Dynatrace SSO is unavailable; try again later (max-retries and timeout-seconds bound the retries).'
  return 'Check sso-url, or try again later if Dynatrace is unavailable.'
}

/**
 * Why a DELETE of a classic token can answer 400 (the bearer is never the token being
 * deleted): in Phase 3 of the classic token retirement, which an environment enters for
 * good, Dynatrace disables classic token creation, and whether deleting or looking up an
 * existing one still works is not documented
 * (https://docs.dynatrace.com/docs/platform/upgrade/best-practices/stage-11-api-tokens/upgrade-api-endpoints).
 */
const PHASE_3_HINT =
  'The environment may be in Phase 3 of the classic access token retirement, where Dynatrace may no longer delete classic tokens; the token expires by itself. Move this pipeline to token-type: platform (README, "Moving to platform tokens").'

/** Dynatrace's answer when classic token creation is retired on an environment. */
const RETIRED = /only available in Account Management/i

/** Why Dynatrace refused to create a classic token, and what to do. */
function classicCreateRefusal(
  log: Logger,
  response: HttpResponse,
  req: ClassicTokenRequest
): ActionError {
  const detail = explainError(log, response)
  const env = req.environmentId ?? new URL(req.platformUrl).host
  switch (response.status) {
    case 400:
      if (RETIRED.test(response.text)) {
        return new ActionError(
          `Classic API token creation is retired on environment ${env} (Dynatrace: "${detail}"). Use token-type: platform to mint a platform token instead (needs account-urn).`
        )
      }
      return new ActionError(
        `Dynatrace rejected the classic token request for environment ${env} (HTTP 400: ${detail}). Check token-scopes and token-lifetime.`
      )
    case 401:
      return new ActionError(
        `Environment ${env} did not accept the SSO bearer (HTTP 401: ${detail}). Check that the OAuth client belongs to the account that owns this environment, and that account-urn is that account.`
      )
    case 403:
      return new ActionError(
        `Not allowed to create API tokens on environment ${env} (HTTP 403: ${detail}). ${
          missingAccess(log, response) ??
          `The OAuth client needs the scope environment-api:api-tokens:write (or api-tokens:tokens:write), and its service user needs the IAM permission environment:roles:manage-settings on this environment (for example a policy with "ALLOW environment:roles:manage-settings;" bound to its group).`
        }`
      )
    case 404:
      return new ActionError(
        `Environment ${env} has no token API at ${req.platformUrl} (HTTP 404: ${detail}). Check environment-url (https://<id>.apps.dynatrace.com).`
      )
    default:
      return new ActionError(
        `Could not create the classic API token on environment ${env}: HTTP ${response.status}: ${detail}. Try again later if Dynatrace is unavailable.`
      )
  }
}

/** How a token of this type looks, for messages. */
function describeShape(type: TokenType): string {
  const {
    prefix,
    publicLength: [min, max]
  } = TOKEN_FORMAT[type]
  const length = min === max ? `${min}` : `${min}–${max}`
  return `${prefix}.<${length} characters>.<${SECRET_LENGTH} characters>, upper-case letters and digits`
}

/** Why a 2xx create answer cannot be trusted (checkCreatedToken); `id` is the token's own. */
export function untrustedAnswer(
  type: TokenType,
  problem: UntrustedProblem,
  id?: string
): string {
  const noun = type === 'classic' ? 'classic API token' : 'platform token'
  const what =
    type === 'classic' ? 'Dynatrace answered' : 'Account Management answered'
  switch (problem) {
    case 'no-token':
      return `Could not create the ${noun}: ${what} without a token, so a token may exist that the action never saw.`
    case 'not-a-token':
      return `Could not create the ${noun}: ${what} with a token that does not have the shape of a Dynatrace ${type} token (${describeShape(type)}; value hidden), so it is not handed on.`
    case 'not-its-id':
      return `Could not create the ${noun}: ${what} with a token ID that is not the token's own (${id}; the reported one is hidden), so it is not handed on and nothing is revoked by the reported ID, which may be another job's token.`
  }
}

/**
 * Dynatrace's clock and the runner's are more than a minute apart (checkedServerNow):
 * fails when Dynatrace's is ahead by more than MAX_CLOCK_AHEAD_MS, else warns.
 */
export function clocksApart(
  log: Logger,
  serverNow: number,
  runnerNow: number
): void {
  const ahead = serverNow - runnerNow
  const clocks = `Dynatrace's clock (from the Date header of its answers) reads ${new Date(serverNow).toISOString()}, the runner's ${new Date(runnerNow).toISOString()}`
  if (ahead > MAX_CLOCK_AHEAD_MS) {
    throw new ActionError(
      `${clocks}: Dynatrace's is ${formatDuration(ahead / 1000)} ahead, more than the ${formatDuration(MAX_CLOCK_AHEAD_MS / 1000)} the action accepts, and a token's expiry computed from it would outlive token-lifetime. No token was created. Check the runner's clock (NTP), and that sso-url and environment-url point at Dynatrace, not at a proxy that rewrites the Date header.`
    )
  }
  log.warning(
    `${clocks}: they differ by ${formatDuration(Math.abs(ahead) / 1000)}. The token's expiry is computed on Dynatrace's clock; check the runner's clock (NTP).`
  )
}

/** Why the created token is not handed on (tokenProblems), one sentence per problem. */
export function tokenProblemMessages(
  token: MintedToken,
  asked: AskedFor,
  problems: TokenProblem[]
): string[] {
  const lifetime = formatDuration(asked.lifetimeSeconds)
  const message = (problem: TokenProblem): string => {
    switch (problem.kind) {
      case 'scopes-missing':
        return `Dynatrace created token ${token.id} without scope(s) ${problem.missing.join(', ')} (it drops scopes it does not accept), so the token is not handed on. Check the names in token-scopes against the scopes your environment offers.`
      case 'scopes-added': {
        const { added, unreadable, outside } = problem
        const names = [
          ...(added.length > 0 ? [`scope(s) ${added.join(', ')}`] : []),
          ...(unreadable > 0
            ? [
                `${unreadable} entr${unreadable === 1 ? 'y' : 'ies'} that are not scope names`
              ]
            : [])
        ].join(' and ')
        return `Dynatrace created token ${token.id} with ${names} that token-scopes did not ask for${outside.length > 0 ? ` (${outside.join(', ')} not even in allowed-scopes)` : ''}, so the token is not handed on: it could do more than asked. Check that environment-url points at Dynatrace, not at a proxy that rewrites answers.`
      }
      case 'never-expires':
        return `Dynatrace reports that token ${token.id} never expires, although the action asked for an expiry of ${asked.expirationDate} (token-lifetime ${lifetime}), so the token is not handed on.`
      case 'expiry-unreadable':
        return `Dynatrace reported an expiry for token ${token.id} that is not an ISO 8601 timestamp (value hidden), so it cannot be checked against token-lifetime (${lifetime}) and the token is not handed on.`
      case 'expires-late':
        return `Dynatrace reports that token ${token.id} expires at ${problem.expiry}, later than token-lifetime (${lifetime}) allows: the action asked for ${asked.expirationDate}, judged on Dynatrace's clock and the runner's, with ${formatDuration(EXPIRY_TOLERANCE_MS / 1000)} for rounding. The token is not handed on. Check that environment-url${token.type === 'platform' ? ' and account-api-url point' : ' points'} at Dynatrace, not at a proxy that rewrites answers.`
    }
  }
  // One message per kind is enough (a create answer and a read-back may agree).
  return [...new Set(problems.map(message))]
}

/** A refused classic create: a 403 is retried while IAM changes apply, anything else fails. */
export async function classicCreateRefused(
  log: Logger,
  http: Http,
  response: HttpResponse,
  req: ClassicTokenRequest
): Promise<'retry' | ActionError> {
  if (
    response.status === 403 &&
    req.retryForbiddenUntil !== undefined &&
    http.serverNow() + 2000 < req.retryForbiddenUntil
  ) {
    log.info(
      'HTTP 403 creating the token; IAM changes may still be applying, retrying in 2 s.'
    )
    await new Promise<void>((resolve) => setTimeout(resolve, 2000))
    return 'retry'
  }
  return classicCreateRefusal(log, response, req)
}

/** Why a classic token could not be deleted (not 2xx, not 404). */
export function classicDeleteFailure(
  log: Logger,
  response: HttpResponse
): ActionError {
  const detail = explainError(log, response)
  const hint =
    response.status === 400
      ? PHASE_3_HINT
      : response.status === 401 || response.status === 403
        ? (missingAccess(log, response) ??
          'The OAuth client needs environment-api:api-tokens:write (or api-tokens:tokens:write) to revoke tokens.')
        : undefined
  return new ActionError(
    `HTTP ${response.status}: ${detail}.${hint === undefined ? '' : ` ${hint}`}`
  )
}

/**
 * The new classic token's scopes could not be read back: a warning, and the reason for
 * the job summary. Dynatrace drops unknown scopes silently, so the user should know.
 */
export function classicReadBackFailed(
  log: Logger,
  token: MintedToken,
  read: { response: HttpResponse } | { error: unknown }
): void {
  if ('error' in read) {
    const { error } = read
    log.warning(
      `The scopes of token ${token.id} were not verified: ${error instanceof Error ? error.message : String(error)}`
    )
    token.scopesUnverified =
      'reading the token back failed (the warning in the log says why).'
    return
  }
  const { status } = read.response
  if (status === 401 || status === 403 || status === 400) {
    log.warning(
      `The scopes of token ${token.id} were not verified (HTTP ${status}: the OAuth client may not read tokens). Dynatrace drops unknown scopes silently; grant environment-api:api-tokens:read (or api-tokens:tokens:read) to verify them.`
    )
    token.scopesUnverified = `the OAuth client may not read tokens back (HTTP ${status}); grant it environment-api:api-tokens:read (or api-tokens:tokens:read) to verify them.`
    return
  }
  log.warning(
    `The scopes of token ${token.id} were not verified (HTTP ${status}).`
  )
  token.scopesUnverified = `reading the token back answered HTTP ${status} without a list of scopes.`
}
