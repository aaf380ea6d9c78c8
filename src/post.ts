import { SsoApi } from './dynatrace/sso.js'
import { errorMessage } from './errors.js'
import type { Http } from './http.js'
import { readPostInputs } from './inputs/post.js'
import { Logger } from './log.js'
import { revokeToken, revokeUrl } from './revoke.js'
import { createHttp } from './runtime.js'
import { loadToken } from './post-state.js'
import type { SavedToken } from './state.js'
import { revocationSummary } from './summary-revocation.js'
import { writeSummary } from './summary.js'

/**
 * The post step: revoke the token main minted, whatever the job's outcome. Forgiving by
 * design — a failure to revoke is a warning naming the token, never a failed job (the
 * token still expires on its own). Never throws.
 */
export async function post(): Promise<void> {
  const log = new Logger()
  const saved = loadToken()
  if (!saved) {
    log.info('This step minted no token; nothing to revoke.')
    return
  }
  if (saved.revoked) {
    log.info(`Token ${saved.id} was already revoked by the main step.`)
    return
  }
  if (!saved.revoke) {
    log.info(
      `revoke is false: token ${saved.id} stays valid until ${saved.expiresAt}.`
    )
    await writeSummary(
      log,
      revocationSummary(
        saved.id,
        'skipped',
        `revoke: false; it expires at ${saved.expiresAt}.`
      )
    )
    return
  }

  try {
    const result = await revokeSaved(log, saved)
    log.info(
      result === 'revoked'
        ? `Revoked token ${saved.id}.`
        : `Token ${saved.id} was already gone (counts as revoked).`
    )
    await writeSummary(log, revocationSummary(saved.id, result, ''))
  } catch (error) {
    log.warning(
      `Could not revoke token ${saved.id}: ${errorMessage(error)} It stays valid until ${saved.expiresAt}; delete it in Dynatrace if that is too long.`
    )
    await writeSummary(
      log,
      revocationSummary(
        saved.id,
        'failed',
        `${errorMessage(error)} It stays valid until ${saved.expiresAt}; delete it in Dynatrace if that is too long.`
      )
    )
  }
}

/** Authenticate afresh and delete the saved token. */
async function revokeSaved(
  log: Logger,
  saved: SavedToken
): Promise<'revoked' | 'already-gone'> {
  let http: Http | undefined
  try {
    const inputs = readPostInputs(log)
    // Talk only to where main created the token (from state), not to re-derived URLs.
    http = createHttp(inputs, log, [
      saved.ssoUrl,
      saved.platformUrl,
      saved.accountApiUrl
    ])
    // The bearer from main has expired by now (it lives minutes): authenticate afresh.
    if (inputs.auth === 'github-oidc') {
      // The runner's ID-token variables live for the whole job: a fresh ID token,
      // while the delete's connection opens.
      const { federate, federationContext } = await import('./github-oidc.js')
      const federated = await federate(
        http,
        federationContext(inputs, log, saved.platformUrl),
        revokeUrl(saved)
      )
      return await revokeToken(
        federated.http,
        log,
        federated.bearer.idToken.value,
        saved
      )
    }
    const accountUuid = saved.accountUuid ?? inputs.accountUuid
    const sso = new SsoApi({ http, log, baseUrl: saved.ssoUrl })
    const pending = sso.bearer({
      credentials: inputs.credentials,
      scopes: inputs.oauthScopes,
      ...(accountUuid ? { accountUuid } : {})
    })
    // The delete's connection opens while the SSO request is in flight.
    http.preconnect(revokeUrl(saved))
    const bearer = await pending
    return await revokeToken(http, log, bearer.accessToken, saved)
  } finally {
    http?.dispose()
  }
}
