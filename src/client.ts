import { bodyRetryDelay } from './dynatrace/errors.js'
import { Http } from './http.js'
import type { Inputs } from './inputs.js'
import type { Logger } from './log.js'

/**
 * The HTTP client for a run, within timeout-seconds, that talks only to `urls` (by
 * default the endpoints of these inputs; with a GitHub ID token only the environment,
 * the one Dynatrace host it is presented to).
 */
export function createHttp(
  inputs: Inputs,
  log: Logger,
  urls: Array<string | undefined> = inputs.auth === 'github-oidc'
    ? [inputs.endpoints.platformUrl]
    : Object.values(inputs.endpoints)
): Http {
  const origins = urls
    .filter((u): u is string => !!u && /^https?:/.test(u))
    .map((u) => new URL(u).origin)
  const budgetMs = inputs.timeoutSeconds * 1000
  return new Http({
    log,
    allowedOrigins: origins,
    deadline: Date.now() + budgetMs,
    maxRetries: inputs.maxRetries,
    bodyRetryDelay,
    requestTimeoutMs: Math.min(30_000, Math.max(2_000, budgetMs / 4))
  })
}
