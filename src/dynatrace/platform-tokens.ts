import { ActionError, AmbiguousRequestError } from '../errors.js'
import { attempts, parseJson, type Http, type HttpResponse } from '../http.js'
import type { Logger } from '../log.js'
import { PLATFORM_TOKEN_SCOPES, explainError, missingAccess } from './errors.js'
import {
  MAX_CREATE_ATTEMPTS,
  PLATFORM_TOKEN_ID,
  UntrustedAnswerError,
  checkCreatedToken,
  cleanUpLostCreate,
  noteExpiry,
  type ListedToken,
  type MintedToken
} from './tokens.js'

/** Platform tokens through Account Management (dynatrace-api.md §2.8). */

export interface PlatformTokenRequest {
  accountApiUrl: string
  accountUuid: string
  environmentId: string
  name: string
  scopes: string[]
  expirationDate: string
  /**
   * The user that owns the token (its IAM policies bound what the token can do).
   * Undefined: the OAuth client's subject user.
   */
  ownerUuid?: string
}

interface Deps {
  http: Http
  log: Logger
  bearer: string
}

const tokensUrl = (apiUrl: string, account: string): string =>
  `${apiUrl}/iam/v1/accounts/${encodeURIComponent(account)}/platform-tokens`

/** Create a platform token limited to one environment, and mask it. */
export async function createPlatformToken(
  deps: Deps,
  req: PlatformTokenRequest
): Promise<MintedToken> {
  for (let attempt = 1; ; attempt++) {
    let response: HttpResponse
    try {
      response = await deps.http.request({
        method: 'POST',
        url: tokensUrl(req.accountApiUrl, req.accountUuid),
        authorization: `Bearer ${deps.bearer}`,
        json: {
          name: req.name,
          scope: req.scopes,
          resource: [`urn:dtenvironment:${req.environmentId}`],
          tags: [],
          // Always: without one the token never expires.
          expirationDate: req.expirationDate,
          ...(req.ownerUuid ? { userUuid: req.ownerUuid } : {})
        },
        what: 'create the platform token',
        creates: true
      })
      if (response.status === 200 || response.status === 201) {
        return readCreated(deps, req, response)
      }
    } catch (error) {
      if (!(error instanceof AmbiguousRequestError)) throw error
      // The token may exist without us holding its secret: find and delete it.
      await cleanUpLostCreate(
        deps.log,
        error,
        {
          noun: 'platform token',
          name: req.name,
          expirationDate: req.expirationDate,
          deleteHint: 'in Account Management → Platform tokens',
          readHint: ''
        },
        () => listTokens(deps, req),
        (id) =>
          deletePlatformToken(deps, req.accountApiUrl, req.accountUuid, id)
      )
      if (error instanceof UntrustedAnswerError) {
        // Not a network accident: asking again would most likely get the same answer.
        throw new ActionError(
          `${error.message} Nothing it created is left valid. Check that account-api-url points at Dynatrace, not at a proxy that rewrites answers, and try again.`
        )
      }
      if (attempt >= MAX_CREATE_ATTEMPTS) {
        throw new ActionError(
          `${error.message} Gave up after ${attempts(attempt)}; nothing they created is left valid.`
        )
      }
      deps.log.info('Trying again.')
      continue
    }
    throw createError(response, req, deps.log)
  }
}

/**
 * The created token from a 2xx answer. Without a token of Dynatrace's shape whose ID
 * is the reported one, it counts as lost: cleaned up by name and expiry, never by the
 * reported ID, which may be another job's token.
 */
function readCreated(
  deps: Deps,
  req: PlatformTokenRequest,
  response: HttpResponse
): MintedToken {
  const body = parseJson(response.text) as Record<string, unknown> | undefined
  const { id, secret } = checkCreatedToken(
    deps.log,
    'platform',
    body?.token,
    body?.tokenId
  )
  const token: MintedToken = {
    type: 'platform',
    id,
    secret,
    name: req.name,
    expiresAt: req.expirationDate,
    reportedExpiries: [],
    scopes: req.scopes,
    scopesVerified: false
  }
  // The documented answer has no expiry; one that has must be within the lifetime.
  noteExpiry(token, body, 'expirationDate')
  return token
}

/** Platform tokens with our name; throws the reason when the list cannot be had. */
async function listTokens(
  deps: Deps,
  req: PlatformTokenRequest
): Promise<ListedToken[]> {
  const response = await deps.http.request({
    method: 'GET',
    url: `${tokensUrl(req.accountApiUrl, req.accountUuid)}?searchTerm=${encodeURIComponent(req.name)}&page=1&size=100`,
    authorization: `Bearer ${deps.bearer}`,
    what: 'look for a platform token the failed request may have created'
  })
  if (response.status !== 200) {
    throw new Error(`HTTP ${response.status} listing platform tokens`)
  }
  const list = parseJson(response.text) as { results?: unknown } | undefined
  if (!Array.isArray(list?.results)) {
    throw new Error('the platform token list could not be read')
  }
  return (list.results as Array<Record<string, unknown>>)
    .filter(
      (t) => typeof t.tokenId === 'string' && PLATFORM_TOKEN_ID.test(t.tokenId)
    )
    .map((t) => ({
      id: t.tokenId as string,
      name: t.name,
      expirationDate: t.expirationDate
    }))
}

function createError(
  response: HttpResponse,
  req: PlatformTokenRequest,
  log: Logger
): ActionError {
  const detail = explainError(log, response)
  switch (response.status) {
    case 400:
      return new ActionError(
        `Account Management rejected the platform token request (HTTP 400: ${detail}). Check token-scopes, token-lifetime and platform-token-owner.`
      )
    case 401:
      return new ActionError(
        `Account Management did not accept the SSO bearer (HTTP 401: ${detail}). Check account-urn is the account the OAuth client belongs to.`
      )
    case 403:
      return new ActionError(
        `Not allowed to create platform tokens in account ${req.accountUuid} (HTTP 403: ${detail}). ${missingAccess(log, response) ?? `The OAuth client needs the scope ${PLATFORM_TOKEN_SCOPES.create} to create platform tokens, and ${PLATFORM_TOKEN_SCOPES.delete} to revoke them: sources disagree on the names, so grant ${PLATFORM_TOKEN_SCOPES.all}.`}`
      )
    case 404:
      return new ActionError(
        `Account ${req.accountUuid}${req.ownerUuid ? ` or user ${req.ownerUuid}` : ''} was not found (HTTP 404: ${detail}). Check account-urn${req.ownerUuid ? ' and platform-token-owner' : ''}.`
      )
    default:
      return new ActionError(
        `Could not create the platform token: HTTP ${response.status}: ${detail}. Try again later if Dynatrace is unavailable.`
      )
  }
}

/** Delete a platform token by ID. Resolves 'already-gone' on 404. */
export async function deletePlatformToken(
  deps: Deps,
  accountApiUrl: string,
  accountUuid: string,
  id: string
): Promise<'revoked' | 'already-gone'> {
  const response = await deps.http.request({
    method: 'DELETE',
    url: `${tokensUrl(accountApiUrl, accountUuid)}/${encodeURIComponent(id)}`,
    authorization: `Bearer ${deps.bearer}`,
    what: `revoke platform token ${id}`
  })
  if (response.status === 200 || response.status === 204) return 'revoked'
  if (response.status === 404) return 'already-gone'
  const detail = explainError(deps.log, response)
  const hint =
    response.status === 403 || response.status === 401
      ? ` ${missingAccess(deps.log, response) ?? `The OAuth client needs ${PLATFORM_TOKEN_SCOPES.delete} to revoke platform tokens.`}`
      : ''
  throw new ActionError(`HTTP ${response.status}: ${detail}.${hint}`)
}
