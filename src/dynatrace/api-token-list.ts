import { ActionError } from '../errors.js'
import { parseJson, type Http } from '../http.js'
import type { Logger } from '../log.js'
import { API_TOKENS_PATH } from './api-tokens.js'
import { explainError, missingAccess } from './errors.js'
import { CLASSIC_TOKEN_ID } from './tokens.js'

/**
 * The classic token list, `GET …/apiTokens` (Environment API v2,
 * https://docs.dynatrace.com/docs/dynatrace-api/environment-api/tokens-v2/api-tokens/get-all):
 * `pageSize` up to 10,000, `fields` adds name, creation and expiry dates, and
 * `nextPageKey` (alone, without the other parameters) fetches the next page.
 */

/** A listed token. Only `id` is checked; the other fields are as the server sent them. */
export interface ClassicTokenEntry {
  id: string
  name: unknown
  expirationDate: unknown
  creationDate: unknown
}

export interface ClassicTokenPages {
  entries: ClassicTokenEntry[]
  /** Entries whose ID is missing or not of the form dt0c01.… (never acted on). */
  unreadable: number
  /** False when listing stopped at `maxPages` before the end. */
  complete: boolean
}

const PAGE_SIZE = 1000
const MAX_PAGES = 50

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every page of the list (up to 50). Throws an ActionError saying why it failed. */
export async function listClassicTokens(
  deps: { http: Http; log: Logger; bearer: string },
  platformUrl: string,
  what: string
): Promise<ClassicTokenPages> {
  const result: ClassicTokenPages = {
    entries: [],
    unreadable: 0,
    complete: false
  }
  let query = `pageSize=${PAGE_SIZE}&fields=${encodeURIComponent('+name,+creationDate,+expirationDate')}`
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await deps.http.request({
      method: 'GET',
      url: `${platformUrl}${API_TOKENS_PATH}?${query}`,
      authorization: `Bearer ${deps.bearer}`,
      what
    })
    if (response.status !== 200) {
      const hint =
        response.status === 401 || response.status === 403
          ? ` ${missingAccess(deps.log, response) ?? 'The OAuth client needs environment-api:api-tokens:read (or api-tokens:tokens:read) to list tokens.'}`
          : ''
      throw new ActionError(
        `HTTP ${response.status} listing the environment's tokens: ${explainError(deps.log, response)}.${hint}`
      )
    }
    const body = parseJson(response.text)
    const tokens = isObject(body) ? body.apiTokens : undefined
    if (!isObject(body) || !Array.isArray(tokens)) {
      throw new ActionError(
        'The environment answered the token list without an apiTokens list. Check environment-url.'
      )
    }
    for (const item of tokens) {
      if (
        !isObject(item) ||
        typeof item.id !== 'string' ||
        !CLASSIC_TOKEN_ID.test(item.id)
      ) {
        result.unreadable++
        continue
      }
      result.entries.push({
        id: item.id,
        name: item.name,
        expirationDate: item.expirationDate,
        creationDate: item.creationDate
      })
    }
    const next = body.nextPageKey
    if (typeof next !== 'string' || next === '') {
      result.complete = true
      break
    }
    query = `nextPageKey=${encodeURIComponent(next)}`
  }
  return result
}
