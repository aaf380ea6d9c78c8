import * as core from '@actions/core'
import type { Context } from '../context.js'
import { errorMessage } from '../errors.js'
import { tokenTypeOf, type RevokeInputs } from '../inputs.js'
import { Output } from '../outputs.js'
import { revokeTarget, revokeToken, revokeUrl } from '../revoke.js'
import { authenticate } from '../runtime.js'
import { revocationSummary } from '../summary-revocation.js'
import { writeSummary } from '../summary.js'

/** mode: revoke — revoke token-id (minted by an earlier job with revoke: false). */
export async function revokeMode(base: Context<RevokeInputs>): Promise<void> {
  const { inputs, log } = base
  const id = inputs.target.tokenId
  core.setOutput(Output.TokenId, id)
  let result: 'revoked' | 'already-gone'
  try {
    const target = revokeTarget(inputs.target, id)
    const { ctx, bearer } = await authenticate(base, revokeUrl(target))
    result = await revokeToken(ctx.http, log, bearer.accessToken, target)
  } catch (error) {
    // Like the post step: a failed revocation warns, it does not fail the job.
    log.warning(
      `Could not revoke token ${id}: ${errorMessage(error)} Delete it in Dynatrace; it stays valid until it expires.`
    )
    await writeSummary(
      log,
      revocationSummary(id, 'failed', errorMessage(error))
    )
    return
  }
  if (result === 'revoked') {
    log.info(`Revoked token ${id}.`)
    await writeSummary(log, revocationSummary(id, result, ''))
    return
  }
  // Unlike the post step, this ID came from the user: a 404 may as well be a wrong ID.
  const unknown = `Dynatrace does not know token ${id} (HTTP 404), so there was nothing to revoke: it was already revoked or deleted, or token-id is wrong or belongs to another ${tokenTypeOf(id) === 'classic' ? 'environment (environment-url)' : 'account (account-urn)'}.`
  log.info(unknown)
  await writeSummary(log, revocationSummary(id, 'unknown-id', unknown))
}
