/**
 * Bearer checks shared by Account Management and the platform API-token
 * route. Scope lists are "any of", as the spec's `x-token-scopes` read.
 */
import { authenticateFederated, looksFederated } from './federation.js'
import { accountError, envError } from './http.js'
import type { Ctx, EmuRequest } from './types.js'

/** Who a valid bearer speaks for. */
export interface Principal {
  userUuid: string
  scopes: string[]
  canManageSettings: boolean
}

function bearerOf(req: EmuRequest): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return m?.[1]
}

/**
 * Resolves `Authorization: Bearer …` to a principal. SSO bearers always
 * work; platform tokens (dt0s16) only where `allowPlatformTokens` says so
 * (Dynatrace accepts them on platform routes, not for minting tokens), and
 * federated ID tokens only where `allowFederated` says so (the environment's
 * platform routes; UNCONFIRMED that Account Management refuses them).
 * Failures answer 401 in the Environment-API envelope, which is what
 * Dynatrace's gateway sends for an expired or unknown bearer on every API.
 */
export function authenticateBearer(
  req: EmuRequest,
  ctx: Ctx,
  allowPlatformTokens = false,
  allowFederated = false
): Principal {
  const token = bearerOf(req)
  if (!token) throw envError(401, 'Missing authorization parameter.')
  const nowSec = Math.floor(ctx.now() / 1000)

  const bearer = ctx.state.bearers.get(token)
  if (bearer) {
    if (nowSec >= bearer.exp) throw envError(401, 'Token expired')
    const client = ctx.state.clients.find((c) => c.clientId === bearer.clientId)
    return {
      userUuid: bearer.userUuid,
      scopes: bearer.scopes,
      canManageSettings: client?.canManageSettings ?? true
    }
  }

  if (allowPlatformTokens && token.startsWith('dt0s16.')) {
    const pt = ctx.state.platformTokens.find(
      (t) => t.token === token && !t.deletedAt
    )
    if (pt) {
      if (
        pt.expirationDate !== null &&
        Date.parse(pt.expirationDate) <= ctx.now()
      ) {
        throw envError(401, 'Token expired')
      }
      const owner = ctx.state.clients.find((c) => c.userUuid === pt.userUuid)
      return {
        userUuid: pt.userUuid,
        scopes: pt.scope,
        canManageSettings: owner?.canManageSettings ?? true
      }
    }
  }
  if (allowFederated && looksFederated(token)) {
    return authenticateFederated(token, ctx)
  }
  throw envError(401, 'Token is invalid')
}

export function missingScopeMessage(anyOf: string[]): string {
  return `Token is missing required scope. Use one of: ${anyOf.join(', ')}`
}

/**
 * Account Management: a valid SSO bearer holding one of `anyOf` (else 403
 * ErrorDto naming them), and an account path segment, if any, that names
 * the emulated account.
 */
export function requireAccountScope(
  req: EmuRequest,
  ctx: Ctx,
  anyOf: string[]
): Principal {
  const p = authenticateBearer(req, ctx)
  if (!anyOf.some((s) => p.scopes.includes(s))) {
    throw accountError(403, missingScopeMessage(anyOf))
  }
  const acc = req.params.accountUuid ?? req.params.accountId
  if (acc !== undefined && acc !== ctx.state.accountUuid) {
    throw accountError(403, `Token is not valid for account ${acc}`)
  }
  return p
}
