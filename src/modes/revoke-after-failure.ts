import type { Context } from '../context.js'
import type { MintedToken } from '../dynatrace/tokens.js'
import type { Bearer } from '../dynatrace/sso.js'
import { errorMessage } from '../errors.js'
import type { TokenTarget } from '../inputs.js'
import { revokeTarget, revokeToken } from '../revoke.js'
import { markRevoked } from '../post-state.js'

/** Budget for revoking a token after a failure, on top of timeout-seconds. */
const CLEANUP_BUDGET_MS = 20_000

/** Revoke a token the job cannot use; resolves with what happened, for the summary. */
export async function revokeAfterFailure(
  ctx: Context,
  bearer: Bearer,
  target: TokenTarget,
  token: MintedToken
): Promise<string> {
  const { log } = ctx
  const http = ctx.http.withBudget(CLEANUP_BUDGET_MS)
  try {
    const result = await revokeToken(
      http,
      log,
      bearer.accessToken,
      revokeTarget(target, token.id)
    )
    markRevoked()
    log.info(`Revoked token ${token.id} because the step failed (${result}).`)
    return `Token ${token.id} was created but not handed on; it has been revoked.`
  } catch (error) {
    log.warning(
      `Could not revoke token ${token.id} after the failure: ${errorMessage(error)} The post step will try again.`
    )
    // Whether the post step's retry works is not known yet: no promise here.
    return `Token ${token.id} was created but not handed on, and revoking it failed: ${errorMessage(error)} It stays valid until ${token.expiresAt} unless the post step's second attempt (reported below) succeeds; if it does not, delete the token in Dynatrace.`
  }
}
