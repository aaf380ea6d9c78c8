import { ActionError } from '../errors.js'
import { parseJson, type HttpResponse } from '../http.js'
import type { Operation } from './client.js'
import type { Pages } from './pages.js'
import {
  CLASSIC_TOKEN_ID,
  TokenApi,
  type ListedToken,
  type MintedToken
} from './tokens.js'

/**
 * Classic environment API tokens (Environment API v2, "Tokens API v2":
 * https://docs.dynatrace.com/docs/dynatrace-api/environment-api/tokens-v2/api-tokens),
 * through the platform route that accepts the SSO bearer
 * (https://docs.dynatrace.com/docs/platform/upgrade/best-practices/stage-11-api-tokens/upgrade-api-endpoints):
 * create (with its read-back), list, delete.
 */
export const API_TOKENS_PATH = '/platform/classic/environment-api/v2/apiTokens'

export interface ClassicTokenRequest {
  /** The environment's platform URL (the client's base URL), for messages. */
  platformUrl: string
  environmentId?: string
  name: string
  scopes: string[]
  /** ISO 8601, computed from Dynatrace's clock. */
  expirationDate: string
  /**
   * Keep retrying a 403 until this epoch ms (IAM bindings just added take a moment to
   * apply). Undefined: a 403 fails at once.
   */
  retryForbiddenUntil?: number
}

/** A listed token. Only `id` is checked; the other fields are as the server sent them. */
interface ClassicTokenEntry {
  id: string
  name: unknown
  expirationDate: unknown
  creationDate: unknown
}

type ClassicTokenPages = Pages<ClassicTokenEntry>

/**
 * The list's paging (https://docs.dynatrace.com/docs/dynatrace-api/environment-api/tokens-v2/api-tokens/get-all):
 * `pageSize` up to 10,000, `fields` adds name, creation and expiry dates, and
 * `nextPageKey` (alone, without the other parameters) fetches the next page.
 */
const PAGE_SIZE = 1000
const MAX_PAGES = 50

/** The classic token API of one environment (`baseUrl`: its platform URL), with one bearer. */
export class ClassicTokensApi extends TokenApi<ClassicTokenRequest> {
  protected readonly kind = {
    type: 'classic',
    idField: 'id',
    idShape: CLASSIC_TOKEN_ID,
    lost: {
      noun: 'token',
      deleteHint: 'under Access tokens in Dynatrace',
      readHint:
        ' Grant the OAuth client environment-api:api-tokens:read so the action can clean up by itself.'
    }
  } as const
  protected readonly endpointInput = 'environment-url'

  protected createOperation(req: ClassicTokenRequest): Operation {
    return {
      method: 'POST',
      path: API_TOKENS_PATH,
      json: {
        name: req.name,
        scopes: req.scopes,
        expirationDate: req.expirationDate,
        personalAccessToken: false
      },
      what: 'create the classic API token',
      creates: true
    }
  }

  /** Delete a classic token by ID. Resolves 'already-gone' on 404. */
  async delete(id: string): Promise<'revoked' | 'already-gone'> {
    const response = await this.send({
      method: 'DELETE',
      path: `${API_TOKENS_PATH}/${encodeURIComponent(id)}`,
      what: `revoke token ${id}`
    })
    if (response.status === 204 || response.status === 200) return 'revoked'
    if (response.status === 404) return 'already-gone'
    // Loaded on demand: only a failed delete needs the wording.
    const { classicDeleteFailure } = await import('./failures.js')
    throw classicDeleteFailure(this.log, response)
  }

  /**
   * `GET …/apiTokens?pageSize=100`, whatever it answers: the smallest request that shows
   * whether the environment accepts the bearer (not 401) and lets it read tokens (not
   * 403); 100 is the smallest page the API accepts (its `pageSize` is 100–10000,
   * https://docs.dynatrace.com/docs/dynatrace-api/environment-api/tokens-v2/api-tokens/get-all).
   * For plan's check of a GitHub ID token's trust (github-oidc.ts).
   */
  probe(what: string): Promise<HttpResponse> {
    return this.send({
      method: 'GET',
      path: `${API_TOKENS_PATH}?pageSize=100`,
      what
    })
  }

  /** Every page of the list (up to 50). Throws an ActionError saying why it failed. */
  list(what: string): Promise<ClassicTokenPages> {
    const fields = encodeURIComponent('+name,+creationDate,+expirationDate')
    const page = (query: string): Operation => ({
      method: 'GET',
      path: `${API_TOKENS_PATH}?${query}`,
      what
    })
    return this.readPages({
      first: page(`pageSize=${PAGE_SIZE}&fields=${fields}`),
      maxPages: MAX_PAGES,
      listing: "the environment's tokens",
      needs:
        'The OAuth client needs environment-api:api-tokens:read (or api-tokens:tokens:read) to list tokens.',
      items: 'apiTokens',
      notAList:
        'The environment answered the token list without an apiTokens list. Check environment-url.',
      id: { field: 'id', shape: CLASSIC_TOKEN_ID },
      fields: ['name', 'expirationDate', 'creationDate'],
      next: (body) => {
        const key = body.nextPageKey
        return typeof key === 'string' && key !== ''
          ? page(`nextPageKey=${encodeURIComponent(key)}`)
          : undefined
      }
    })
  }

  /** A refused create: a 403 is retried while IAM changes apply, anything else fails. */
  protected async refused(
    req: ClassicTokenRequest,
    response: HttpResponse
  ): Promise<'retry' | ActionError> {
    // Loaded on demand: only a refused create needs it.
    const { classicCreateRefused } = await import('./failures.js')
    return classicCreateRefused(this.log, this.http, response, req)
  }

  /** Every token's ID, name and expiry; throws the reason when the list cannot be had. */
  protected async findLost(): Promise<ListedToken[]> {
    // Loaded on demand: only a create whose answer was lost needs the list.
    const { findLostClassicTokens } = await import('./recovery.js')
    return findLostClassicTokens((op) => this.send(op))
  }

  /** Read back the token's scopes and expiry, for the caller to check. */
  protected async readBack(token: MintedToken): Promise<void> {
    let read: { response: HttpResponse } | { error: unknown }
    try {
      read = {
        response: await this.send({
          method: 'GET',
          path: `${API_TOKENS_PATH}/${encodeURIComponent(token.id)}`,
          what: 'read back the new token to verify its scopes'
        })
      }
    } catch (error) {
      read = { error }
    }
    if ('response' in read && read.response.status === 200) {
      const body = parseJson(read.response.text) as
        Record<string, unknown> | undefined
      if (Array.isArray(body?.scopes))
        return this.verified(token, body.scopes as unknown[], body)
    }
    // Loaded on demand: only a failed read-back needs the wording.
    const { classicReadBackFailed } = await import('./failures.js')
    classicReadBackFailed(this.log, token, read)
  }
}
