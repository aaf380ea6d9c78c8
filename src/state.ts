import * as core from '@actions/core'
import { State } from './outputs.js'

export interface SavedToken {
  id: string
  type: 'classic' | 'platform'
  expiresAt: string
  platformUrl?: string
  accountApiUrl?: string
  accountUuid?: string
  ssoUrl: string
  revoke: boolean
  revoked: boolean
}

export function saveToken(token: SavedToken): void {
  core.saveState(State.TokenId, token.id)
  core.saveState(State.TokenType, token.type)
  core.saveState(State.ExpiresAt, token.expiresAt)
  core.saveState(State.SsoUrl, token.ssoUrl)
  if (token.platformUrl) core.saveState(State.PlatformUrl, token.platformUrl)
  if (token.accountApiUrl)
    core.saveState(State.AccountApiUrl, token.accountApiUrl)
  if (token.accountUuid) core.saveState(State.AccountUuid, token.accountUuid)
  core.saveState(State.Revoke, String(token.revoke))
}

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
