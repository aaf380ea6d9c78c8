import { ActionError, errorMessage } from '../errors.js'
import type { HttpResponse } from '../http.js'
import type { Logger } from '../log.js'
import type { ApiOptions, Operation } from './client.js'
import type { Pages } from './pages.js'
import {
  PLATFORM_TOKEN_ID,
  TokenApi,
  type ListedToken,
  type MintedToken
} from './tokens.js'

/**
 * Platform tokens through Account Management ("Platform tokens API",
 * https://docs.dynatrace.com/docs/dynatrace-api/account-management-api/platform-tokens-api;
 * OpenAPI at https://api.dynatrace.com/spec-json): create (with its read-back from the
 * list), list, delete.
 */

/**
 * Every spelling sources use for the scopes that manage platform tokens: the docs name
 * account-idm-write (create, delete) and account-idm-read (list)
 * (https://docs.dynatrace.com/docs/dynatrace-api/account-management-api/platform-tokens-api);
 * Dynatrace's dtctl and accounts seen in the field use platform-token:tokens:write (create)
 * and platform-token:tokens:manage (list, delete).
 */
export const PLATFORM_TOKEN_SCOPES = {
  create: 'account-idm-write or platform-token:tokens:write',
  list: 'account-idm-read or platform-token:tokens:manage',
  delete: 'account-idm-write or platform-token:tokens:manage',
  all: 'account-idm-read and account-idm-write (the documented names), or platform-token:tokens:write and platform-token:tokens:manage (the names some accounts use)'
} as const

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

/**
 * The platform-token list of Account Management,
 * `GET /iam/v1/accounts/{acc}/platform-tokens?page=&size=&searchTerm=&status=`
 * (https://docs.dynatrace.com/docs/dynatrace-api/account-management-api/platform-tokens-api).
 * Recorded live by third parties: `page` starts at 1 (Dynatrace's dtctl sends 0, so this
 * is not certain), results carry `tokenId, name, scope, status, expirationDate (null: never
 * expires), createdAt, createdBy, owner` and no `userUuid`; expired tokens are listed as
 * ACTIVE, and a revoked token may stay listed as REVOKED. `searchTerm` matches tokenId,
 * name, createdBy or scope as a substring, so callers still compare names themselves.
 */

/** A listed token. Only `id` is checked; the other fields are as the server sent them. */
export interface PlatformTokenEntry {
  id: string
  name: unknown
  status: unknown
  expirationDate: unknown
  createdAt: unknown
  scope: unknown
}

export interface PlatformTokenPage extends Pages<PlatformTokenEntry> {
  /** `total` as the server reported it, when it did. */
  total?: number
}

export interface ListOptions {
  searchTerm?: string
  status?: 'ACTIVE' | 'INACTIVE' | 'REVOKED'
  /** Default 100. */
  pageSize?: number
  /** Default 50 pages. */
  maxPages?: number
  /** For messages: "look for a platform token the failed request may have created". */
  what: string
}

export interface PlatformTokensOptions extends ApiOptions {
  accountUuid: string
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

/** The platform-token API of one account (`baseUrl`: account-api-url), with one bearer. */
export class PlatformTokensApi extends TokenApi<PlatformTokenRequest> {
  constructor(private readonly account: PlatformTokensOptions) {
    super(account)
  }

  /** Path of the account's platform tokens. */
  private get tokensPath(): string {
    return `/iam/v1/accounts/${encodeURIComponent(this.account.accountUuid)}/platform-tokens`
  }

  protected readonly kind = {
    type: 'platform',
    idField: 'tokenId',
    idShape: PLATFORM_TOKEN_ID,
    lost: {
      noun: 'platform token',
      deleteHint: 'in Account Management → Platform tokens',
      readHint: ` Grant the OAuth client ${PLATFORM_TOKEN_SCOPES.list} so the action can clean up by itself.`
    }
  } as const
  protected readonly endpointInput = 'account-api-url'

  /** Create a platform token limited to one environment. */
  protected createOperation(req: PlatformTokenRequest): Operation {
    return {
      method: 'POST',
      path: this.tokensPath,
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
    }
  }

  protected async refused(
    req: PlatformTokenRequest,
    response: HttpResponse
  ): Promise<ActionError> {
    return response.status === 400
      ? await this.rejectedCreateError(req, response)
      : await createError(response, req, this.log)
  }

  /** Delete a platform token by ID. Resolves 'already-gone' on 404. */
  async delete(id: string): Promise<'revoked' | 'already-gone'> {
    const response = await this.send({
      method: 'DELETE',
      path: `${this.tokensPath}/${encodeURIComponent(id)}`,
      what: `revoke platform token ${id}`
    })
    if (response.status === 200 || response.status === 204) return 'revoked'
    if (response.status === 404) return 'already-gone'
    const detail = await this.explain(response)
    const hint = await this.accessHint(
      response,
      `The OAuth client needs ${PLATFORM_TOKEN_SCOPES.delete} to revoke platform tokens.`
    )
    throw new ActionError(`HTTP ${response.status}: ${detail}.${hint}`)
  }

  /** Every page of the list (up to maxPages). Throws an ActionError saying why it failed. */
  async list(options: ListOptions): Promise<PlatformTokenPage> {
    const size = options.pageSize ?? 100
    let total: number | undefined
    const page = (n: number): Operation => {
      const query = new URLSearchParams({ page: String(n), size: String(size) })
      if (options.searchTerm) query.set('searchTerm', options.searchTerm)
      if (options.status) query.set('status', options.status)
      return {
        method: 'GET',
        path: `${this.tokensPath}?${query}`,
        what: options.what
      }
    }
    let next = 1
    const pages = await this.readPages({
      first: page(next),
      maxPages: options.maxPages ?? 50,
      listing: 'platform tokens',
      needs: `The OAuth client needs ${PLATFORM_TOKEN_SCOPES.list} to list platform tokens.`,
      items: 'results',
      notAList:
        'Account Management answered the platform token list without a results list. Check account-api-url.',
      id: { field: 'tokenId', shape: PLATFORM_TOKEN_ID },
      fields: ['name', 'status', 'expirationDate', 'createdAt', 'scope'],
      // The server may cap `size`: go by `total` where it reports one.
      next: (body, count, seen) => {
        if (typeof body.total === 'number') total = body.total
        return count === 0 ||
          (total !== undefined ? seen >= total : count < size)
          ? undefined
          : page(++next)
      }
    })
    return total === undefined ? pages : { ...pages, total }
  }

  /**
   * Read the new token back from the list (Account Management has no read of one token)
   * and note the scopes and expiry it reports, for the checks of the token handed on:
   * Dynatrace may change what it was asked for, and the create answer does not say.
   * Never throws — the token exists and must reach the caller, who revokes it on any
   * later failure; when the list cannot say, the token stays unverified, with the reason.
   */
  protected async readBack(token: MintedToken): Promise<void> {
    // The summary gets a sentence without server text; the log line has the details.
    const unverified = (why: string, detail = ''): void => {
      token.scopesUnverified = `${why}.`
      this.log.warning(
        `The scopes of platform token ${token.id} were not verified: ${why}${detail}.`
      )
    }
    let entry: PlatformTokenEntry | undefined
    try {
      const { entries } = await this.list({
        searchTerm: token.id,
        maxPages: 1,
        what: 'read back the new platform token to verify its scopes'
      })
      entry = entries.find((e) => e.id === token.id)
    } catch (error) {
      unverified(
        `the token list could not be read; grant the OAuth client ${PLATFORM_TOKEN_SCOPES.list} to verify them`,
        ` (${this.log.clean(errorMessage(error), 400)})`
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
    const expiry = entry.expirationDate
    this.verified(
      token,
      entry.scope,
      expiry === undefined ? undefined : { expirationDate: expiry }
    )
  }

  /** Platform tokens with our name, revoked ones left out; throws the reason when the list cannot be had. */
  protected async findLost(req: PlatformTokenRequest): Promise<ListedToken[]> {
    const { entries } = await this.list({
      searchTerm: req.name,
      maxPages: 5,
      what: 'look for a platform token the failed request may have created'
    })
    return entries
      .filter((t) => t.status !== 'REVOKED')
      .map((t) => ({
        id: t.id,
        name: t.name,
        expirationDate: t.expirationDate
      }))
  }

  /**
   * A 400 from the create: when it is the cap (by its words, or because the list shows
   * the account or this repository at the cap), say so, with the counts and the way out;
   * otherwise the usual rejection.
   */
  private async rejectedCreateError(
    req: PlatformTokenRequest,
    response: HttpResponse
  ): Promise<ActionError> {
    const detail = await this.explain(response)
    const byWords = CAP_WORDS.test(detail)
    const counts = await this.countTokens(req)
    const atCap =
      byWords ||
      (counts.account ?? 0) >= PLATFORM_TOKEN_CAPS.perAccount ||
      (counts.repository ?? 0) >= PLATFORM_TOKEN_CAPS.perUser
    if (!atCap) return await createError(response, req, this.log)
    const listed =
      counts.repository === undefined
        ? `How many tokens of this repository exist could not be read (${counts.why ?? 'unknown'}).`
        : `${counts.repository}${counts.incomplete ? ' or more' : ''} platform token${counts.repository === 1 ? '' : 's'} of this repository (names starting with "${req.repositoryPrefix}") ${counts.repository === 1 ? 'is' : 'are'} listed${counts.account === undefined ? '' : `, ${counts.account} ACTIVE in the account`}.`
    return new ActionError(
      `Account Management refused another platform token (HTTP 400: ${detail}): a platform-token cap is reached. Dynatrace allows about ${PLATFORM_TOKEN_CAPS.perUser} platform tokens per user and ${PLATFORM_TOKEN_CAPS.perAccount} per account, and expired tokens count until they are deleted. ${listed} Delete the expired ones with this action's mode: sweep (token-type: platform; a scheduled workflow example is in the README), or in Account Management → Platform tokens; a large matrix may need fewer parallel jobs per OAuth client.`
    )
  }

  /** This repository's listed tokens and the account's ACTIVE ones, as far as cheaply known. */
  private async countTokens(req: PlatformTokenRequest): Promise<TokenCounts> {
    const counts: TokenCounts = {}
    try {
      const mine = await this.list({
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
      const all = await this.list({
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
}

interface TokenCounts {
  repository?: number
  account?: number
  incomplete?: boolean
  why?: string
}

/** Why Account Management refused the create. errors.ts is loaded on demand, as in client.ts. */
async function createError(
  response: HttpResponse,
  req: PlatformTokenRequest,
  log: Logger
): Promise<ActionError> {
  const { explainError, missingAccess } = await import('./errors.js')
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
