import { ClassicTokensApi } from './dynatrace/api-tokens.js'
import { ActionError } from './errors.js'
import type { Http } from './http.js'
import type { AccountTarget } from './inputs.js'
import type { Logger } from './log.js'

/** Where a token lives, enough to delete it. */
export interface RevokeTarget {
  id: string
  type: 'classic' | 'platform'
  platformUrl?: string
  accountApiUrl?: string
  accountUuid?: string
}

/** The origin a revocation of `target` talks to. */
export function revokeUrl(target: RevokeTarget): string | undefined {
  return target.type === 'classic' ? target.platformUrl : target.accountApiUrl
}

/** Delete a token by ID on the route of its type. 'already-gone' when Dynatrace no longer has it. */
export async function revokeToken(
  http: Http,
  log: Logger,
  bearer: string,
  target: RevokeTarget
): Promise<'revoked' | 'already-gone'> {
  const credentials = { http, log, bearer }
  if (target.type === 'classic') {
    if (!target.platformUrl)
      throw new ActionError(
        'environment-url is needed to revoke a classic token.'
      )
    const api = new ClassicTokensApi({
      ...credentials,
      baseUrl: target.platformUrl
    })
    return api.delete(target.id)
  }
  if (!target.accountApiUrl || !target.accountUuid) {
    throw new ActionError('account-urn is needed to revoke a platform token.')
  }
  const { PlatformTokensApi } = await import('./dynatrace/platform-tokens.js')
  const api = new PlatformTokensApi({
    ...credentials,
    baseUrl: target.accountApiUrl,
    accountUuid: target.accountUuid
  })
  return api.delete(target.id)
}

/** Token `id`, where the inputs say a token of its type lives. */
export function revokeTarget(
  where:
    | { type: 'classic'; platformUrl: string }
    | ({ type: 'platform' } & AccountTarget),
  id: string
): RevokeTarget {
  return where.type === 'classic'
    ? { id, type: where.type, platformUrl: where.platformUrl }
    : {
        id,
        type: where.type,
        accountApiUrl: where.accountApiUrl,
        accountUuid: where.accountUuid
      }
}
