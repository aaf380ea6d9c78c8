import * as core from '@actions/core'
import { State } from './outputs.js'

/** The token main saved for the post step (read back in src/post-state.ts). */
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
