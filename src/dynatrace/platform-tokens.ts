import { ActionError, AmbiguousRequestError, errorMessage } from '../errors.js'
import { attempts, parseJson, type Http, type HttpResponse } from '../http.js'
import type { Logger } from '../log.js'
import { PLATFORM_TOKEN_SCOPES, explainError, missingAccess } from './errors.js'
import {
  listPlatformTokens,
  platformTokensUrl,
  type PlatformTokenEntry
} from './platform-token-list.js'
import {
  MAX_CREATE_ATTEMPTS,
  UntrustedAnswerError,
  checkCreatedToken,
  cleanUpLostCreate,
  noteExpiry,
  reportedScopes,
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
  /** The start of this repository's token names (sweep-prefix), for the cap message. */
  repositoryPrefix: string
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

const tokensUrl = platformTokensUrl

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
        const token = readCreated(deps, req, response)
        await readBack(deps, req, token)
        return token
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
          readHint: ` Grant the OAuth client ${PLATFORM_TOKEN_SCOPES.list} so the action can clean up by itself.`
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
    throw response.status === 400
      ? await rejectedCreateError(deps, req, response)
      : createError(response, req, deps.log)
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
    scopesVerified: false,
    scopesUnverified:
      "Dynatrace's answer to creating a platform token does not list its scopes, and the action does not read platform tokens back."
  }
  // The documented answer has no expiry; one that has must be within the lifetime.
  noteExpiry(token, body, 'expirationDate')
  return token
}

/**
 * Read the new token back from the list (Account Management has no read of one token)
 * and note the scopes and expiry it reports, for the checks of the token handed on:
 * Dynatrace may change what it was asked for, and the create answer does not say.
 * Never throws — the token exists and must reach the caller, who revokes it on any
 * later failure; when the list cannot say, the token stays unverified, with the reason.
 */
async function readBack(
  deps: Deps,
  req: PlatformTokenRequest,
  token: MintedToken
): Promise<void> {
  // The summary gets a sentence without server text; the log line has the details.
  const unverified = (why: string, detail = ''): void => {
    token.scopesUnverified = `${why}.`
    deps.log.warning(
      `The scopes of platform token ${token.id} were not verified: ${why}${detail}.`
    )
  }
  let entry: PlatformTokenEntry | undefined
  try {
    const { entries } = await listPlatformTokens(deps, req, {
      searchTerm: token.id,
      maxPages: 1,
      what: 'read back the new platform token to verify its scopes'
    })
    entry = entries.find((e) => e.id === token.id)
  } catch (error) {
    unverified(
      `the token list could not be read; grant the OAuth client ${PLATFORM_TOKEN_SCOPES.list} to verify them`,
      ` (${deps.log.clean(errorMessage(error), 400)})`
    )
    return
  }
  if (!entry) {
    unverified('the token list does not show it')
    return
  }
  if (!Array.isArray(entry.scope)) {
    unverified('the token list does not show its scopes')
    return
  }
  const { names, unreadable } = reportedScopes(entry.scope)
  token.scopes = names
  if (unreadable > 0) token.unreadableScopes = unreadable
  token.scopesVerified = true
  delete token.scopesUnverified
  if (entry.expirationDate !== undefined)
    noteExpiry(
      token,
      { expirationDate: entry.expirationDate },
      'expirationDate'
    )
}

/** Platform tokens with our name, revoked ones left out; throws the reason when the list cannot be had. */
async function listTokens(
  deps: Deps,
  req: PlatformTokenRequest
): Promise<ListedToken[]> {
  const { entries } = await listPlatformTokens(deps, req, {
    searchTerm: req.name,
    maxPages: 5,
    what: 'look for a platform token the failed request may have created'
  })
  return entries
    .filter((t) => t.status !== 'REVOKED')
    .map((t) => ({ id: t.id, name: t.name, expirationDate: t.expirationDate }))
}

/**
 * Dynatrace's caps on platform tokens: "A maximum of 10 platform tokens can be generated
 * by a user for a given account" (https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/platform-tokens),
 * and about 50 per account (observed by Dynatrace's enablement team, whose notes also say
 * that expired tokens count until they are deleted).
 */
export const PLATFORM_TOKEN_CAPS = { perUser: 10, perAccount: 50 } as const

/**
 * The words the docs and field reports use about the cap. The text of a capped create's
 * 400 is not documented, so this is a guess, backed by counting the list below.
 */
const CAP_WORDS =
  /\b(maximum|max|limit|limits|limited|cap|capped|quota|too many)\b/i

/**
 * A 400 from the create: when it is the cap (by its words, or because the list shows
 * the account or this repository at the cap), say so, with the counts and the way out;
 * otherwise the usual rejection.
 */
async function rejectedCreateError(
  deps: Deps,
  req: PlatformTokenRequest,
  response: HttpResponse
): Promise<ActionError> {
  const detail = explainError(deps.log, response)
  const byWords = CAP_WORDS.test(detail)
  const counts = await countTokens(deps, req)
  const atCap =
    byWords ||
    (counts.account ?? 0) >= PLATFORM_TOKEN_CAPS.perAccount ||
    (counts.repository ?? 0) >= PLATFORM_TOKEN_CAPS.perUser
  if (!atCap) return createError(response, req, deps.log)
  const listed =
    counts.repository === undefined
      ? `How many tokens of this repository exist could not be read (${counts.why ?? 'unknown'}).`
      : `${counts.repository}${counts.incomplete ? ' or more' : ''} platform token${counts.repository === 1 ? '' : 's'} of this repository (names starting with "${req.repositoryPrefix}") ${counts.repository === 1 ? 'is' : 'are'} listed${counts.account === undefined ? '' : `, ${counts.account} ACTIVE in the account`}.`
  return new ActionError(
    `Account Management refused another platform token (HTTP 400: ${detail}): a platform-token cap is reached. Dynatrace allows about ${PLATFORM_TOKEN_CAPS.perUser} platform tokens per user and ${PLATFORM_TOKEN_CAPS.perAccount} per account, and expired tokens count until they are deleted. ${listed} Delete the expired ones with this action's mode: sweep (token-type: platform; a scheduled workflow example is in the README), or in Account Management → Platform tokens; a large matrix may need fewer parallel jobs per OAuth client.`
  )
}

/** This repository's listed tokens and the account's ACTIVE ones, as far as cheaply known. */
async function countTokens(
  deps: Deps,
  req: PlatformTokenRequest
): Promise<{
  repository?: number
  account?: number
  incomplete?: boolean
  why?: string
}> {
  const counts: Awaited<ReturnType<typeof countTokens>> = {}
  try {
    const mine = await listPlatformTokens(deps, req, {
      searchTerm: req.repositoryPrefix,
      maxPages: 3,
      what: "count this repository's platform tokens"
    })
    counts.repository = mine.entries.filter(
      (t) =>
        typeof t.name === 'string' &&
        t.name.startsWith(req.repositoryPrefix) &&
        t.status !== 'REVOKED'
    ).length
    if (!mine.complete) counts.incomplete = true
    const all = await listPlatformTokens(deps, req, {
      status: 'ACTIVE',
      pageSize: 1,
      maxPages: 1,
      what: "count the account's platform tokens"
    })
    if (all.total !== undefined) counts.account = all.total
  } catch (error) {
    counts.why = errorMessage(error)
  }
  return counts
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
