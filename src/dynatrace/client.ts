import type { Http, HttpResponse, Method } from '../http.js'
import type { Logger } from '../log.js'
import type { Entry, PagedList, Pages } from './pages.js'

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
   * pages.ts is loaded on demand: a classic mint and its post step read no list.
   */
  protected async readPages<K extends string>(
    list: PagedList<K>
  ): Promise<Pages<Entry<K>>> {
    const { readPages } = await import('./pages.js')
    return readPages(list, {
      send: (op) => this.send(op),
      failed: async (response) =>
        `HTTP ${response.status} listing ${list.listing}: ${await this.explain(response)}.${await this.accessHint(response, list.needs)}`
    })
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

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
