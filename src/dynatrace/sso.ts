import { ActionError } from '../errors.js'
import { parseJson } from '../http.js'
import type { Credentials } from '../inputs.js'
import { DynatraceApi } from './client.js'

/**
 * Dynatrace SSO's token endpoint: an OAuth 2.0 client-credentials grant (RFC 6749 §4.4)
 * for an OAuth client of Account Management
 * (https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/oauth-clients).
 * The client's base URL is the whole token URL (sso-url); the stages' URLs are in
 * src/endpoints.ts.
 */

/** An SSO bearer token. */
export interface Bearer {
  accessToken: string
  /** Epoch ms (Dynatrace's clock) at which it expires, when the answer says (`expires_in`). */
  expiresAt?: number
}

export interface BearerRequest {
  credentials: Credentials
  /** oauth-scopes; empty sends no `scope`, so the token carries the client's scopes. */
  scopes: string[]
  /** Account UUID, sent as `resource=urn:dtaccount:<uuid>` when known. */
  accountUuid?: string
}

/**
 * Shortest bearer accepted (and masked). Dynatrace SSO issues JWTs, hundreds of
 * characters long; masking a value as short as `true` or `Error` would hide that word
 * everywhere in the job's log, and such a value is no bearer.
 */
const MIN_BEARER_LENGTH = 16
const BEARER_TOKEN = new RegExp(
  `^[A-Za-z0-9\\-._~+/]{${MIN_BEARER_LENGTH},16384}=*$`
)

/** The SSO token endpoint (`baseUrl`: sso-url). Sends no bearer: it issues them. */
export class SsoApi extends DynatraceApi {
  /**
   * Get a bearer token. The token is masked the moment it is read from the response,
   * before anything else can print or return it.
   */
  async bearer(request: BearerRequest): Promise<Bearer> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: request.credentials.clientId,
      client_secret: request.credentials.clientSecret
    })
    if (request.scopes.length > 0) form.set('scope', request.scopes.join(' '))
    if (request.accountUuid)
      form.set('resource', `urn:dtaccount:${request.accountUuid}`)

    const response = await this.send({
      method: 'POST',
      path: '',
      form,
      what: 'get an SSO bearer token'
    })
    const body = parseJson(response.text)
    const fields = (
      typeof body === 'object' && body !== null ? body : {}
    ) as Record<string, unknown>
    const accessToken = fields.access_token
    if (
      typeof accessToken === 'string' &&
      accessToken.trim().length >= MIN_BEARER_LENGTH
    )
      this.log.addSecret(accessToken)

    if (
      response.status < 200 ||
      response.status >= 300 ||
      typeof accessToken !== 'string' ||
      accessToken === '' ||
      fields.error !== undefined
    ) {
      // Loaded on demand: only a refused request needs the explanations.
      const { ssoRefusal } = await import('./failures.js')
      throw ssoRefusal(this.log, response, request, this.options.baseUrl)
    }
    // RFC 6750 token characters only: it goes into an Authorization header.
    if (!BEARER_TOKEN.test(accessToken)) {
      throw new ActionError(
        `Dynatrace SSO answered an access token in an unexpected form (not RFC 6750 token characters, shorter than ${MIN_BEARER_LENGTH} characters, or over 16 kB). Check that sso-url is Dynatrace's SSO token endpoint (https://sso.dynatrace.com/sso/oauth2/token).`
      )
    }

    const bearer: Bearer = { accessToken }
    const expiresIn = fields.expires_in
    if (typeof expiresIn === 'number' && expiresIn > 0 && expiresIn < 86400)
      bearer.expiresAt = this.http.serverNow() + expiresIn * 1000
    return bearer
  }
}
