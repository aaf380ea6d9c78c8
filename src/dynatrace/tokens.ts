import { ActionError, errorMessage } from '../errors.js'
import type { Logger } from '../log.js'

/** A token this run created. `secret` is the whole token; it is masked on arrival. */
export interface MintedToken {
  type: 'classic' | 'platform'
  id: string
  secret: string
  name: string
  /** ISO 8601, as Dynatrace reports it (or as requested, for platform tokens). */
  expiresAt: string
  scopes: string[]
  /** The scopes were read back from Dynatrace after creation. */
  scopesVerified: boolean
  /**
   * Requested scopes the created token does not carry (Dynatrace drops the ones it
   * does not accept). The caller must not hand such a token on: it revokes it and fails.
   */
  missingScopes?: string[]
}

/**
 * Shapes of what Dynatrace returns, checked before a value reaches a log line, an
 * output, a URL or state: a hostile or broken server must not be able to smuggle
 * line breaks or workflow commands in through a token ID.
 */
export const CLASSIC_TOKEN_ID = /^dt0c01\.[A-Za-z0-9]{1,64}$/
export const PLATFORM_TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const SCOPE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/

/** The token's ID from the response, or else from the token itself (prefix.public.secret). */
export function tokenId(
  reported: unknown,
  token: string,
  shape: RegExp
): string | undefined {
  if (typeof reported === 'string' && shape.test(reported)) return reported
  const derived = token.split('.').slice(0, 2).join('.')
  return shape.test(derived) ? derived : undefined
}

/** An expiry as Dynatrace reported it, if it is an ISO 8601 timestamp. */
export function reportedExpiry(value: unknown): string | undefined {
  return typeof value === 'string' &&
    ISO_DATE.test(value) &&
    !Number.isNaN(Date.parse(value))
    ? value
    : undefined
}

/** Scope names from a response, keeping only well-formed ones. */
export function reportedScopes(values: unknown[]): string[] {
  return values.filter(
    (v): v is string => typeof v === 'string' && SCOPE_NAME.test(v)
  )
}

/** A token as a list endpoint reports it. */
export interface ListedToken {
  id: string
  name: unknown
  expirationDate: unknown
}

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
    (t) => Date.parse(t.expirationDate as string) === wanted
  )
  const unsure =
    exact.length > 0
      ? []
      : sameName.filter((t) => {
          const at = Date.parse(t.expirationDate as string)
          return (
            at % 1000 === 0 &&
            Math.floor(at / 1000) === Math.floor(wanted / 1000)
          )
        })
  return { exact, unsure }
}

/** What a create whose answer was lost asked for. */
export interface LostCreate {
  /** "token" or "platform token", for messages. */
  noun: string
  name: string
  expirationDate: string
  /** Where a user deletes one by hand: "under Access tokens in Dynatrace". */
  deleteHint: string
  /** What to grant so the action can look by itself (empty when nothing helps). */
  readHint: string
}

/** Attempts at a create, counting those whose answer was lost. */
export const MAX_CREATE_ATTEMPTS = 3

/**
 * After a create whose answer was lost (or unreadable): find what it created and
 * delete it, because its secret was never seen. Fails naming the token and its expiry
 * whenever it cannot make sure nothing is left valid.
 */
export async function cleanUpLostCreate(
  log: Logger,
  cause: Error,
  lost: LostCreate,
  list: () => Promise<ListedToken[]>,
  remove: (id: string) => Promise<unknown>
): Promise<void> {
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
      `${lost.noun[0]!.toUpperCase()}${lost.noun.slice(1)}(s) ${unsure.map((t) => t.id).join(', ')} named "${lost.name}" expire in the same second as the one the lost request asked for, and Dynatrace reports expiry only to the second, so the action cannot tell whether one is this run's. They were left alone; they expire at ${lost.expirationDate}.`
    )
  }
  for (const orphan of exact) {
    log.info(
      `Deleting ${lost.noun} ${orphan.id}, created by the request whose answer was lost.`
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
