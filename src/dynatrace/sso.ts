import { ActionError } from '../errors.js'
import { parseJson, type HttpResponse } from '../http.js'
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

const SECRETS_HINT =
  'Check client-id and client-secret, that the client has not been deleted or its secret rotated, and that the secret is passed to this workflow (secrets are not available to workflows from forks or Dependabot).'

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
    )
      throw this.refusal(response, request)
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

  /** Why SSO gave no bearer, and what to do. */
  private refusal(response: HttpResponse, request: BearerRequest): ActionError {
    const { status, text } = response
    const body = parseJson(text) as Record<string, unknown> | undefined
    const code = typeof body?.error === 'string' ? body.error : undefined
    const description =
      typeof body?.error_description === 'string' ? body.error_description : ''
    const detail = this.explain(response)
    const requested = request.scopes.join(' ')

    if (code === 'invalid_client' || status === 401) {
      return new ActionError(
        `Dynatrace SSO rejected the OAuth client ${request.credentials.clientId} (HTTP ${status}: ${detail}). ${SECRETS_HINT}`
      )
    }
    const missing = /missing following scopes \[([^\]]*)\]/i.exec(description)
    if (missing) {
      return new ActionError(
        `Dynatrace SSO refused the token: the OAuth client lacks scope(s) ${this.log.clean(missing[1] ?? '')}. Grant them to the client in Account Management → OAuth clients, or remove them from oauth-scopes.`
      )
    }
    if (
      code === 'invalid_scope' ||
      (code === 'invalid_request' && requested !== '' && description === '')
    ) {
      return new ActionError(
        `Dynatrace SSO refused the token request (HTTP ${status}: ${detail}). A requested scope is probably not granted to the OAuth client: oauth-scopes asks for "${requested}". Grant them to the client, or leave oauth-scopes empty to get the client's own scopes.`
      )
    }
    if (/resource|account/i.test(description) && request.accountUuid) {
      return new ActionError(
        `Dynatrace SSO refused the token for account urn:dtaccount:${request.accountUuid} (HTTP ${status}: ${detail}). Check account-urn: the OAuth client must belong to that account.`
      )
    }
    if (status >= 200 && status < 300) {
      return new ActionError(
        `Dynatrace SSO answered HTTP ${status} without an access token (${detail}). Check sso-url points at the SSO token endpoint (https://sso.dynatrace.com/sso/oauth2/token).`
      )
    }
    return new ActionError(
      `Could not get an SSO bearer token: HTTP ${status} from ${new URL(this.options.baseUrl).host}: ${detail}. ${ssoAdvice(status)}`
    )
  }
}

/** What to do about an SSO status that has no more specific message. */
function ssoAdvice(status: number): string {
  if (status === 400) return SECRETS_HINT
  if (status === 429)
    return 'Dynatrace SSO kept rate-limiting this client through every retry; run fewer jobs at once with this OAuth client, raise max-retries or timeout-seconds, or try again later.'
  if (status >= 500)
    return 'Dynatrace SSO is unavailable; try again later (max-retries and timeout-seconds bound the retries).'
  return 'Check sso-url, or try again later if Dynatrace is unavailable.'
}
