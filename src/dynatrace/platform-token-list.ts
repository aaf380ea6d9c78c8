import { ActionError } from '../errors.js'
import { parseJson, type Http } from '../http.js'
import type { Logger } from '../log.js'
import { PLATFORM_TOKEN_SCOPES, explainError, missingAccess } from './errors.js'
import { PLATFORM_TOKEN_ID } from './tokens.js'

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

export interface PlatformTokenPage {
  entries: PlatformTokenEntry[]
  /** Entries whose token ID is missing or not of the expected form (never acted on). */
  unreadable: number
  /** `total` as the server reported it, when it did. */
  total?: number
  /** False when listing stopped at `maxPages` before the end. */
  complete: boolean
}

export interface ListWhere {
  accountApiUrl: string
  accountUuid: string
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const platformTokensUrl = (apiUrl: string, account: string): string =>
  `${apiUrl}/iam/v1/accounts/${encodeURIComponent(account)}/platform-tokens`

/** Every page of the list (up to maxPages). Throws an ActionError saying why it failed. */
export async function listPlatformTokens(
  deps: { http: Http; log: Logger; bearer: string },
  where: ListWhere,
  options: ListOptions
): Promise<PlatformTokenPage> {
  const size = options.pageSize ?? 100
  const maxPages = options.maxPages ?? 50
  const result: PlatformTokenPage = {
    entries: [],
    unreadable: 0,
    complete: false
  }
  for (let page = 1; page <= maxPages; page++) {
    const query = new URLSearchParams({
      page: String(page),
      size: String(size)
    })
    if (options.searchTerm) query.set('searchTerm', options.searchTerm)
    if (options.status) query.set('status', options.status)
    const response = await deps.http.request({
      method: 'GET',
      url: `${platformTokensUrl(where.accountApiUrl, where.accountUuid)}?${query}`,
      authorization: `Bearer ${deps.bearer}`,
      what: options.what
    })
    if (response.status !== 200) {
      const hint =
        response.status === 401 || response.status === 403
          ? ` ${missingAccess(deps.log, response) ?? `The OAuth client needs ${PLATFORM_TOKEN_SCOPES.list} to list platform tokens.`}`
          : ''
      throw new ActionError(
        `HTTP ${response.status} listing platform tokens: ${explainError(deps.log, response)}.${hint}`
      )
    }
    const body = parseJson(response.text)
    const results = isObject(body) ? body.results : undefined
    if (!Array.isArray(results)) {
      throw new ActionError(
        'Account Management answered the platform token list without a results list. Check account-api-url.'
      )
    }
    if (isObject(body) && typeof body.total === 'number')
      result.total = body.total
    for (const item of results) {
      if (
        !isObject(item) ||
        typeof item.tokenId !== 'string' ||
        !PLATFORM_TOKEN_ID.test(item.tokenId)
      ) {
        result.unreadable++
        continue
      }
      result.entries.push({
        id: item.tokenId,
        name: item.name,
        status: item.status,
        expirationDate: item.expirationDate,
        createdAt: item.createdAt,
        scope: item.scope
      })
    }
    // The server may cap `size`: go by `total` where it reports one.
    const seen = result.entries.length + result.unreadable
    if (
      results.length === 0 ||
      (result.total !== undefined
        ? seen >= result.total
        : results.length < size)
    ) {
      result.complete = true
      break
    }
  }
  return result
}
