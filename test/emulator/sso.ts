/**
 * SSO token endpoint, client-credentials grant
 * (https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/oauth-clients).
 */
import { randomBytes } from 'node:crypto'
import { json, oauthError } from './http.js'
import type { Ctx, EmuRequest, EmuResponse, Route } from './types.js'

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function issueToken(req: EmuRequest, ctx: Ctx): EmuResponse {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim()
  if (type !== 'application/x-www-form-urlencoded') {
    throw oauthError(
      400,
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded'
    )
  }
  const form = new URLSearchParams(req.body)
  const grantType = form.get('grant_type')
  if (grantType !== 'client_credentials') {
    throw oauthError(
      400,
      'unsupported_grant_type',
      `Unsupported grant type: ${grantType ?? '(none)'}`
    )
  }

  const client = ctx.state.clients.find(
    (c) => c.clientId === form.get('client_id')
  )
  if (!client || client.clientSecret !== form.get('client_secret')) {
    throw oauthError(400, 'invalid_client', 'Invalid client credentials')
  }

  const accountUrn = `urn:dtaccount:${ctx.state.accountUuid}`
  const resource = form.get('resource')
  if (resource !== null && resource !== accountUrn) {
    throw oauthError(
      400,
      'invalid_request',
      `Invalid OAuth2 request. Unknown resource [${resource}]`
    )
  }

  // No `scope` → every scope of the client (what Monaco relies on). A scope
  // the client lacks fails the whole request: Dynatrace never grants a subset.
  const requested = form.get('scope')
  let scopes = client.scopes
  if (requested !== null) {
    scopes = [...new Set(requested.split(/\s+/).filter(Boolean))]
    const missing = scopes.filter((s) => !client.scopes.includes(s))
    if (missing.length > 0) {
      throw oauthError(
        400,
        'invalid_request',
        'Invalid OAuth2 request. UNSUCCESSFUL_OAUTH_ACCESS_TOKEN_VALIDATION_FAILED' +
          ` | OAuth client is missing following scopes [${missing.join(', ')}]`
      )
    }
  }

  const iat = Math.floor(ctx.now() / 1000)
  const exp = iat + ctx.bearerLifetimeSeconds
  const scope = scopes.join(' ')
  // JWT-shaped but unsigned in any meaningful way: the action may decode
  // `sub`, nothing else should depend on its contents.
  const accessToken = [
    base64url({ typ: 'JWT', alg: 'ES256', kid: '1' }),
    base64url({
      sub: client.userUuid,
      aud: client.clientId,
      res: accountUrn,
      gt: 'cc',
      scope,
      iat,
      exp
    }),
    randomBytes(48).toString('base64url')
  ].join('.')

  ctx.state.bearers.set(accessToken, {
    token: accessToken,
    clientId: client.clientId,
    userUuid: client.userUuid,
    scopes,
    iat,
    exp
  })
  return json(200, {
    token_type: 'Bearer',
    resource: accountUrn,
    access_token: accessToken,
    expires_in: ctx.bearerLifetimeSeconds,
    scope
  })
}

export const ssoRoutes: Route[] = [
  { method: 'POST', pattern: '/sso/oauth2/token', handler: issueToken }
]
