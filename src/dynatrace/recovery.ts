import { ActionError, AmbiguousRequestError, errorMessage } from '../errors.js'
import { attempts } from '../http-retry.js'
import { parseJson, type HttpResponse } from '../http.js'
import type { Logger } from '../log.js'
import { API_TOKENS_PATH } from './api-tokens.js'
import type { Operation } from './client.js'
import {
  CLASSIC_TOKEN_ID,
  UntrustedAnswerError,
  withOffset,
  type ListedToken,
  type LostCreate
} from './tokens.js'

/**
 * Recovery from a create whose answer was lost or cannot be trusted (TokenApi.create):
 * the token may exist without the action holding its secret, so it is found by name
 * and expiry and deleted before the create is tried again.
 *
 * Loaded on demand (`await import('./recovery.js')` in tokens.ts) when a create is
 * ambiguous: code only a failure needs is loaded when it fails, so a successful run
 * does not pay for it at start-up (paid on every deploy job).
 */

/** Attempts at a create, counting those whose answer was lost. */
export const MAX_CREATE_ATTEMPTS = 3

/** What TokenApi hands over after an ambiguous create. */
export interface AmbiguousCreate {
  log: Logger
  error: AmbiguousRequestError
  /** This attempt's number, from 1. */
  attempt: number
  lost: LostCreate
  /** The input that names the API's endpoint ("environment-url"), for messages. */
  endpointInput: string
  /** The tokens that could be the lost create's; throws the reason when they cannot be had. */
  list: () => Promise<ListedToken[]>
  remove: (id: string) => Promise<unknown>
}

/** Clean up after a create whose answer was lost; throws when it must not be sent again. */
export async function recoverLostCreate(
  create: AmbiguousCreate
): Promise<void> {
  const { log, error, attempt, lost, endpointInput, list, remove } = create
  // The token may exist without us holding its secret: find and delete it.
  await cleanUpLostCreate(log, error, lost, list, remove)
  if (error instanceof UntrustedAnswerError) {
    // Not a network accident: asking again would most likely get the same answer.
    throw new ActionError(
      `${error.message} Nothing it created is left valid. Check that ${endpointInput} points at Dynatrace, not at a proxy that rewrites answers, and try again.`
    )
  }
  if (attempt >= MAX_CREATE_ATTEMPTS) {
    throw new ActionError(
      `${error.message} Gave up after ${attempts(attempt)}; nothing they created is left valid.`
    )
  }
}

/**
 * After a create whose answer was lost (or unreadable): find what it created and
 * delete it, because its secret was never seen. Fails naming the token and its expiry
 * whenever it cannot make sure nothing is left valid.
 */
async function cleanUpLostCreate(
  log: Logger,
  cause: Error,
  lost: LostCreate,
  list: () => Promise<ListedToken[]>,
  remove: (id: string) => Promise<unknown>
): Promise<void> {
  const untrusted = cause instanceof UntrustedAnswerError
  let listed: ListedToken[]
  try {
    listed = await list()
  } catch (error) {
    throw new ActionError(
      `${cause.message} It could not be checked whether a ${lost.noun} named "${lost.name}" was created (${errorMessage(error)}); if it exists it expires at ${lost.expirationDate}, and you can delete it ${lost.deleteHint}.${lost.readHint}`
    )
  }
  const { exact, unsure } = findOrphans(listed, lost.name, lost.expirationDate)
  if (unsure.length > 0) {
    log.warning(
      `${lost.noun.charAt(0).toUpperCase()}${lost.noun.slice(1)}(s) ${unsure.map((t) => t.id).join(', ')} named "${lost.name}" expire in the same second as the one the lost request asked for, and Dynatrace reports expiry only to the second, so the action cannot tell whether one is this run's. They were left alone; they expire at ${lost.expirationDate}.`
    )
  }
  for (const orphan of exact) {
    log.info(
      `Deleting ${lost.noun} ${orphan.id}, created by the request whose answer was ${untrusted ? 'not usable' : 'lost'}.`
    )
    try {
      await remove(orphan.id)
    } catch (error) {
      throw new ActionError(
        `${cause.message} The ${lost.noun} ${orphan.id} it created could not be deleted (${errorMessage(error)}); it expires at ${lost.expirationDate}, and you can delete it ${lost.deleteHint}.`
      )
    }
  }
  if (exact.length === 0 && unsure.length === 0) {
    log.info(`No ${lost.noun} was created by the failed request.`)
  }
}

/** A listed token's expiry in ms (UTC if it names no offset), NaN when unreadable. */
const listedExpiry = (value: string): number => Date.parse(withOffset(value))

/**
 * Tokens a create whose answer was lost may have made. Every run asks for an expiry
 * with random milliseconds, so name + exact expiry identifies this run's token even
 * when other jobs (a matrix) use the same name. If Dynatrace reported expiry only to
 * the second, a same-named token expiring in the same second cannot be told apart:
 * it is `unsure`, and is left alone rather than risk deleting another job's token.
 */
export function findOrphans(
  tokens: ListedToken[],
  name: string,
  expirationDate: string
): { exact: ListedToken[]; unsure: ListedToken[] } {
  const wanted = Date.parse(expirationDate)
  const sameName = tokens.filter(
    (t) => t.name === name && typeof t.expirationDate === 'string'
  )
  const exact = sameName.filter(
    (t) => listedExpiry(t.expirationDate as string) === wanted
  )
  const unsure =
    exact.length > 0
      ? []
      : sameName.filter((t) => {
          const at = listedExpiry(t.expirationDate as string)
          return (
            at % 1000 === 0 &&
            Math.floor(at / 1000) === Math.floor(wanted / 1000)
          )
        })
  return { exact, unsure }
}

/**
 * Every classic token's ID, name and expiry, newest first, for ClassicTokensApi.findLost
 * (the Tokens API v2 list:
 * https://docs.dynatrace.com/docs/dynatrace-api/environment-api/tokens-v2/api-tokens/get-all);
 * throws the reason when the list cannot be had.
 */
export async function findLostClassicTokens(
  send: (op: Operation) => Promise<HttpResponse>
): Promise<ListedToken[]> {
  const response = await send({
    method: 'GET',
    path: `${API_TOKENS_PATH}?pageSize=10000&fields=%2Bname%2C%2BcreationDate%2C%2BexpirationDate&sort=-creationDate`,
    what: 'look for a token the failed request may have created'
  })
  if (response.status !== 200) {
    throw new Error(`HTTP ${response.status} listing tokens`)
  }
  const list = parseJson(response.text) as { apiTokens?: unknown } | undefined
  if (!Array.isArray(list?.apiTokens)) {
    throw new Error('the token list could not be read')
  }
  return (list.apiTokens as Array<Record<string, unknown>>)
    .filter((t) => typeof t.id === 'string' && CLASSIC_TOKEN_ID.test(t.id))
    .map((t) => ({
      id: t.id as string,
      name: t.name,
      expirationDate: t.expirationDate
    }))
}
