import * as core from '@actions/core'
import { State } from './outputs.js'
import type { SavedToken } from './state.js'

/**
 * The post step's reading of what main saved (src/state.ts), and the mark a failed main
 * leaves when it revoked the token itself: a successful mint runs neither, so its main
 * step does not load them.
 */

export function markRevoked(): void {
  core.saveState(State.Revoked, 'true')
}

/** The token main saved, or undefined when main minted none. */
export function loadToken(): SavedToken | undefined {
  const id = core.getState(State.TokenId)
  if (!id) return undefined
  const type =
    core.getState(State.TokenType) === 'platform' ? 'platform' : 'classic'
  const saved: SavedToken = {
    id,
    type,
    expiresAt: core.getState(State.ExpiresAt),
    ssoUrl: core.getState(State.SsoUrl),
    revoke: core.getState(State.Revoke) !== 'false',
    revoked: core.getState(State.Revoked) === 'true'
  }
  const platformUrl = core.getState(State.PlatformUrl)
  const accountApiUrl = core.getState(State.AccountApiUrl)
  const accountUuid = core.getState(State.AccountUuid)
  if (platformUrl) saved.platformUrl = platformUrl
  if (accountApiUrl) saved.accountApiUrl = accountApiUrl
  if (accountUuid) saved.accountUuid = accountUuid
  return saved
}
