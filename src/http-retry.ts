import { ActionError, AmbiguousRequestError } from './errors.js'
import type {
  HttpOptions,
  HttpResponse,
  NetworkError,
  RequestSpec
} from './http.js'

/**
 * What the HTTP client (src/http.ts) does after a failed attempt: explain why it gives
 * up, or wait (what the server asked for, else jittered exponential backoff) and let it
 * try again. Loaded on demand by http.ts: code only a failure needs is loaded when it
 * fails, and every request of a successful run succeeds at its first attempt.
 */

/**
 * Gateway statuses after which a creating request may well have been processed by the
 * backend, so repeating it could create a second object.
 */
const AMBIGUOUS_STATUSES = new Set([502, 504])
const BASE_BACKOFF_MS = 500
const MAX_BACKOFF_MS = 8000
/** Name-resolution failures: the host name is wrong, or the runner has no DNS for it. */
const DNS_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME'])

/** What the client's options and clocks say, for deciding about the next attempt. */
export type RetryContext = HttpOptions & {
  sleep: (ms: number) => Promise<void>
  now: () => number
  random: () => number
}

/** "1 attempt", "3 attempts". */
export function attempts(n: number): string {
  return `${n} attempt${n === 1 ? '' : 's'}`
}

export function budgetError(ctx: RetryContext, spec: RequestSpec): ActionError {
  return new ActionError(
    `Could not ${spec.what}: the step's time budget (timeout-seconds) is used up. Raise timeout-seconds if ${ctx.server} is slow or rate-limiting.`
  )
}

/**
 * No response at all: throws AmbiguousRequestError when a creating request may have
 * reached the server, ActionError when the retries are used up; else waits.
 */
export async function afterNetworkError(
  ctx: RetryContext,
  spec: RequestSpec,
  url: URL,
  error: NetworkError,
  timeout: number,
  attempt: number
): Promise<void> {
  const reason =
    error.code === 'TIMEOUT'
      ? `no response within ${Math.round(timeout / 1000)} s`
      : DNS_ERRORS.has(error.code)
        ? `DNS lookup of ${url.hostname} failed (${error.code})`
        : `network error ${error.code}`
  if (spec.creates && error.sent) {
    throw new AmbiguousRequestError(
      `Could not ${spec.what}: ${reason} after the request was sent, so it may or may not have succeeded.`
    )
  }
  if (attempt >= ctx.maxRetries) {
    throw new ActionError(
      `Could not ${spec.what}: ${reason}${DNS_ERRORS.has(error.code) ? '' : ` from ${url.host}`} (after ${attempts(attempt + 1)}). Check that the endpoint is right and reachable from the runner (proxy settings: HTTPS_PROXY / NO_PROXY).`
    )
  }
  await pause(ctx, spec, attempt, undefined, reason)
}

export function redirectError(
  spec: RequestSpec,
  url: URL,
  response: HttpResponse
): ActionError {
  const location = response.headers.location
  const target = location ? safeHost(location, url) : 'nowhere'
  return new ActionError(
    `Could not ${spec.what}: ${url.host} answered HTTP ${response.status} redirecting to ${target}. Redirects are not followed, so credentials are only ever sent to the configured endpoint; check the URL inputs (sso-url, environment-url, account-api-url).`
  )
}

/**
 * A status worth another try (429, 502–504): throws AmbiguousRequestError for a
 * creating request a gateway may have passed on, 'give-up' when the retries are used
 * up (the caller explains the answer), else waits.
 */
export async function afterRetryableStatus(
  ctx: RetryContext,
  spec: RequestSpec,
  response: HttpResponse,
  attempt: number
): Promise<'give-up' | 'retry'> {
  if (spec.creates && AMBIGUOUS_STATUSES.has(response.status)) {
    throw new AmbiguousRequestError(
      `Could not ${spec.what}: HTTP ${response.status} from a gateway, so it may or may not have succeeded.`
    )
  }
  if (attempt >= ctx.maxRetries) return 'give-up'
  await pause(ctx, spec, attempt, response, `HTTP ${response.status}`)
  return 'retry'
}

/** Wait before the next attempt: what the server asked for, else jittered exponential backoff. */
async function pause(
  ctx: RetryContext,
  spec: RequestSpec,
  attempt: number,
  response: HttpResponse | undefined,
  reason: string
): Promise<void> {
  const asked = response ? await serverDelay(ctx, response) : undefined
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt)
  // "Equal jitter": at least half the backoff, so retries never hammer the server.
  const delay = asked ?? Math.round(exp / 2 + (ctx.random() * exp) / 2)
  const remaining = ctx.deadline - ctx.now()
  if (delay >= remaining) {
    throw new ActionError(
      `Could not ${spec.what}: ${reason}, and waiting ${Math.ceil(delay / 1000)} s for the next attempt would exceed the step's time budget (timeout-seconds). Raise timeout-seconds or try again later.`
    )
  }
  ctx.log.info(
    `${reason} while trying to ${spec.what}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt + 1} of ${ctx.maxRetries}).`
  )
  await ctx.sleep(delay)
}

/**
 * Delay requested by Retry-After (seconds or HTTP date), the body (bodyRetryDelay), or
 * X-RateLimit-Reset (epoch).
 */
async function serverDelay(
  ctx: RetryContext,
  response: HttpResponse
): Promise<number | undefined> {
  const serverNow = response.serverDate ?? ctx.now()
  const retryAfter = header(response, 'retry-after')
  if (retryAfter !== undefined) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000
    const at = Date.parse(retryAfter)
    if (!Number.isNaN(at)) return Math.max(0, at - serverNow)
  }
  const fromBody = await ctx.bodyRetryDelay?.(response)
  if (fromBody !== undefined) return fromBody
  const reset = header(response, 'x-ratelimit-reset')
  if (reset !== undefined && /^\d+$/.test(reset)) {
    // Documented as Unix seconds; the Managed docs say microseconds. Go by magnitude.
    let value = Number(reset)
    if (value > 1e14)
      value = value / 1000 // microseconds → ms
    else if (value < 1e11) value = value * 1000 // seconds → ms
    return Math.max(0, Math.min(value - serverNow, 60_000))
  }
  return undefined
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function safeHost(location: string, base: URL): string {
  try {
    return new URL(location, base).host
  } catch {
    return 'an invalid location'
  }
}
