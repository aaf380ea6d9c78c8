import { ActionError } from '../errors.js'
import {
  parseJson,
  type Http,
  type HttpResponse,
  type Method
} from '../http.js'
import type { Logger } from '../log.js'

/**
 * One request of a Dynatrace API, described once: method, path under the API's base
 * URL, body, and what it does for messages ("create the classic API token" completes
 * "Could not …" and "Not allowed to …").
 */
export interface Operation {
  method: Method
  /** Path and query under the client's base URL ('' for the base URL itself). */
  path: string
  what: string
  json?: unknown
  form?: URLSearchParams
  /** It creates something, so it is never sent twice blindly (RequestSpec.creates). */
  creates?: boolean
}

export interface ApiOptions {
  http: Http
  log: Logger
  /** The API's base URL, without a trailing slash. */
  baseUrl: string
  /** Sent as `Authorization: Bearer …`; absent for the SSO token request itself. */
  bearer?: string
}

/**
 * What every Dynatrace API client shares: it sends its operations to its base URL with
 * its bearer, through the one HTTP client (src/http.ts), and reads Dynatrace's
 * explanation of a failed answer (errors.ts). Each API is one subclass, in a file named
 * after it: sso.ts, api-tokens.ts, platform-tokens.ts, iam.ts.
 *
 * The code that explains a failed answer (errors.ts, failures.ts) is loaded with
 * `await import()` when an answer fails: a successful run never needs it, and every
 * module a step loads is start-up time paid on every deploy job.
 */
export class DynatraceApi {
  /** Requests sent through this client (for the log and the tests). */
  requests = 0

  constructor(protected readonly options: ApiOptions) {}

  get http(): Http {
    return this.options.http
  }

  get log(): Logger {
    return this.options.log
  }

  /** Send an operation; resolves with the answer for any status (see Http.request). */
  protected send(op: Operation): Promise<HttpResponse> {
    this.requests++
    const { bearer, baseUrl } = this.options
    return this.options.http.request({
      method: op.method,
      url: `${baseUrl}${op.path}`,
      what: op.what,
      ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
      ...(op.json === undefined ? {} : { json: op.json }),
      ...(op.form === undefined ? {} : { form: op.form }),
      ...(op.creates ? { creates: true } : {})
    })
  }

  /**
   * Every page of a list, up to `list.maxPages`: one routine for every paged list
   * (classic tokens, platform tokens), so each API only says how its pages look.
   */
  protected async readPages<K extends string>(
    list: PagedList<K>
  ): Promise<Pages<Entry<K>>> {
    const result: Pages<Entry<K>> = {
      entries: [],
      unreadable: 0,
      complete: false
    }
    let op = list.first
    for (let page = 1; page <= list.maxPages; page++) {
      const response = await this.send(op)
      if (response.status !== 200) {
        throw new ActionError(
          `HTTP ${response.status} listing ${list.listing}: ${await this.explain(response)}.${await this.accessHint(response, list.needs)}`
        )
      }
      const body = parseJson(response.text)
      const items = isObject(body) ? body[list.items] : undefined
      if (!isObject(body) || !Array.isArray(items))
        throw new ActionError(list.notAList)
      for (const item of items) {
        const id = isObject(item) ? item[list.id.field] : undefined
        if (isObject(item) && typeof id === 'string' && list.id.shape.test(id))
          result.entries.push(entry(id, item, list.fields))
        else result.unreadable++
      }
      const seen = result.entries.length + result.unreadable
      const next = list.next(body, items.length, seen)
      if (next === undefined) {
        result.complete = true
        break
      }
      op = next
    }
    return result
  }

  /**
   * After a 401 or 403: the scopes or permissions Dynatrace named as missing, else
   * `needs` (what the OAuth client needs), after a space. Empty for other statuses.
   */
  protected async accessHint(
    response: HttpResponse,
    needs: string
  ): Promise<string> {
    if (response.status !== 401 && response.status !== 403) return ''
    const { missingAccess } = await import('./errors.js')
    return ` ${missingAccess(this.options.log, response) ?? needs}`
  }

  /** Dynatrace's explanation of a failed answer: redacted, one line, bounded. */
  protected async explain(response: HttpResponse): Promise<string> {
    const { explainError } = await import('./errors.js')
    return explainError(this.options.log, response)
  }
}

/** A list as read page by page (DynatraceApi.readPages). */
export interface Pages<T> {
  entries: T[]
  /** Items that could not be read (no ID of the expected form): never acted on. */
  unreadable: number
  /** False when reading stopped at `maxPages` before the end. */
  complete: boolean
}

/** A listed item: its checked ID, and the other fields as the server sent them. */
export type Entry<K extends string> = { id: string } & Record<K, unknown>

function entry<K extends string>(
  id: string,
  item: Record<string, unknown>,
  fields: readonly K[]
): Entry<K> {
  const picked = Object.fromEntries(fields.map((f) => [f, item[f]]))
  return { ...(picked as Record<K, unknown>), id }
}

/** How one paged list is read. */
export interface PagedList<K extends string> {
  /** The operation that reads the first page. */
  first: Operation
  maxPages: number
  /** What is listed, for messages: "platform tokens". */
  listing: string
  /** What the OAuth client needs to read the list, for a 401 or 403. */
  needs: string
  /** The field of a page's JSON body that holds its items. */
  items: string
  /** The error message for an answer without that list. */
  notAList: string
  /** The field of an item with its ID, and the ID's shape: items without one are unreadable. */
  id: { field: string; shape: RegExp }
  /** The fields of an item kept besides its ID (unchecked). */
  fields: readonly K[]
  /**
   * The operation that reads the next page; undefined at the end. `count`: items on
   * this page; `seen`: items read so far, this page's included.
   */
  next: (
    body: Record<string, unknown>,
    count: number,
    seen: number
  ) => Operation | undefined
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
