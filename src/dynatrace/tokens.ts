import { AmbiguousRequestError, ActionError } from '../errors.js'
import { parseJson, type HttpResponse } from '../http.js'
import type { Logger } from '../log.js'
import { DynatraceApi, type Operation } from './client.js'

export type TokenType = 'classic' | 'platform'

/** A token this run created. `secret` is the whole token; it is masked on arrival. */
export interface MintedToken {
  type: TokenType
  id: string
  secret: string
  name: string
  /** ISO 8601, as Dynatrace reports it (or as requested, when it reports none). */
  expiresAt: string
  /**
   * Every expiry Dynatrace reported for the token (create answer, read-back), raw and
   * never printed: null means the token never expires.
   */
  reportedExpiries: unknown[]
  scopes: string[]
  /** The scopes were read back from Dynatrace after creation. */
  scopesVerified: boolean
  /** Why they were not (a sentence for the job summary, no server text). */
  scopesUnverified?: string
  /** Read-back scope entries that are not scope names at all (counted, never printed). */
  unreadableScopes?: number
}

/**
 * Dynatrace's token format: `prefix.public.secret`, and the token ID is `prefix.public`
 * ("Token format" in https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens-legacy:
 * a 24-character public portion and a 64-character secret portion, upper-case letters
 * and digits, `dt0[a-zA-Z]{1}[0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}`). Checking the
 * whole token keeps a `true`, an `abc` or a `$(…)` from being handed on, and keeps
 * masking from hiding ordinary words in the log.
 */
export const TOKEN_FORMAT: Record<
  TokenType,
  { prefix: string; publicLength: readonly [number, number] }
> = {
  classic: { prefix: 'dt0c01', publicLength: [24, 24] },
  // UNCONFIRMED: the length of a platform token's public portion. Public samples show
  // 8 characters (a secret-scanning rule's test data, the emulator follows it), the
  // docs' general format 24. The secret portion, prefix and character set are what
  // make a value a token, so the public portion may be of any length up to 64.
  platform: { prefix: 'dt0s16', publicLength: [1, 64] }
}
export const SECRET_LENGTH = 64

function tokenShape(type: TokenType): RegExp {
  const {
    prefix,
    publicLength: [min, max]
  } = TOKEN_FORMAT[type]
  return new RegExp(
    `^${prefix}\\.[A-Z0-9]{${min},${max}}\\.[A-Z0-9]{${SECRET_LENGTH}}$`
  )
}

const TOKEN_SHAPE: Record<TokenType, RegExp> = {
  classic: tokenShape('classic'),
  platform: tokenShape('platform')
}

/**
 * Shapes of token IDs as list endpoints and inputs report them, checked before a value
 * reaches a log line, an output, a URL or state: a hostile or broken server must not
 * be able to smuggle line breaks or workflow commands in through a token ID.
 */
export const CLASSIC_TOKEN_ID = /^dt0c01\.[A-Za-z0-9]{1,64}$/
export const PLATFORM_TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const SCOPE_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * A 2xx create answer that cannot be trusted (no token, a token of the wrong shape, an
 * ID that is not the token's): a token may exist whose secret is unusable, so it is
 * cleaned up like a lost answer, by name and expiry, never by the ID the answer gave.
 */
export class UntrustedAnswerError extends AmbiguousRequestError {
  constructor(message: string) {
    super(message)
    this.name = 'UntrustedAnswerError'
  }
}

/**
 * Mask the token of a create answer, then check it: it must have Dynatrace's token
 * shape, and the ID the answer reports (if any) must be the token's own public part,
 * so that revoking by that ID revokes this token and no other. Returns the ID.
 */
export async function checkCreatedToken(
  log: Logger,
  type: TokenType,
  token: unknown,
  reportedId: unknown
): Promise<{ id: string; secret: string }> {
  const shaped = typeof token === 'string' && TOKEN_SHAPE[type].test(token)
  // Masked the moment it exists. A value of the wrong shape is never printed nor handed
  // on; it is masked only when long enough that masking cannot hide ordinary words.
  if (shaped || (typeof token === 'string' && token.trim().length >= 32)) {
    log.addSecret(token)
  }
  if (typeof token !== 'string' || token === '')
    throw await untrusted(type, 'no-token')
  if (!shaped) throw await untrusted(type, 'not-a-token')
  const id = token.split('.').slice(0, 2).join('.')
  if (reportedId !== undefined && reportedId !== null && reportedId !== id)
    throw await untrusted(type, 'not-its-id', id)
  return { id, secret: token }
}

/** What is wrong with a 2xx create answer (UntrustedAnswerError). */
export type UntrustedProblem = 'no-token' | 'not-a-token' | 'not-its-id'

/** The error for an answer that cannot be trusted, worded by failures.ts (loaded on demand). */
async function untrusted(
  type: TokenType,
  problem: UntrustedProblem,
  id?: string
): Promise<UntrustedAnswerError> {
  const { untrustedAnswer } = await import('./failures.js')
  return new UntrustedAnswerError(untrustedAnswer(type, problem, id))
}

/**
 * A timestamp with its UTC offset: Dynatrace's API speaks UTC, and JavaScript reads a
 * date-time without an offset as the runner's local time (ECMA-262, Date Time String
 * Format), which would move it by the runner's offset, up to 14 hours.
 */
export function withOffset(value: string): string {
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`
}

/** An expiry as Dynatrace reported it (UTC if it names no offset), if it is an ISO 8601 timestamp. */
function reportedExpiry(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined
  const utc = withOffset(value)
  return Number.isNaN(Date.parse(utc)) ? undefined : utc
}

/**
 * Record an expiry field of an answer, when the answer has one, and take it as the
 * token's expiry when it is readable.
 */
function noteExpiry(
  token: MintedToken,
  body: Record<string, unknown> | undefined,
  field: string
): void {
  if (!body || !(field in body)) return
  token.reportedExpiries.push(body[field])
  const expiry = reportedExpiry(body[field])
  if (expiry) token.expiresAt = expiry
}

/** Scope names from a response, and how many entries are not scope names at all. */
function reportedScopes(values: unknown[]): {
  names: string[]
  unreadable: number
} {
  const names = values.filter(
    (v): v is string => typeof v === 'string' && SCOPE_NAME.test(v)
  )
  return { names, unreadable: values.length - names.length }
}

/**
 * How far Dynatrace's clock may run ahead of the runner's. Expiry is computed on
 * Dynatrace's clock (its `Date` header), so a clock further ahead — or a forged
 * `Date` header — would make the token outlive token-lifetime by that much. NTP-synced
 * clocks agree to well under a second; 5 minutes is the usual bound for clock skew in
 * authentication protocols (Kerberos' default).
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000
/** Clocks further apart than this (either way) are worth a warning. */
const CLOCK_WARNING_MS = 60_000
/**
 * How much later than requested Dynatrace may report a token's expiry (rounding)
 * before the token counts as living longer than asked.
 */
export const EXPIRY_TOLERANCE_MS = 60_000

/**
 * Dynatrace's clock as the basis of a token's expiry, judged against the runner's:
 * fails when it is ahead by more than MAX_CLOCK_AHEAD_MS, warns when the clocks are
 * more than a minute apart. A clock behind only shortens the token, so it is allowed.
 */
export async function checkedServerNow(
  log: Logger,
  serverNow: number,
  runnerNow: number
): Promise<number> {
  const ahead = serverNow - runnerNow
  if (ahead > MAX_CLOCK_AHEAD_MS || Math.abs(ahead) > CLOCK_WARNING_MS) {
    // Throws when Dynatrace's clock is too far ahead, else warns (failures.ts).
    const { clocksApart } = await import('./failures.js')
    clocksApart(log, serverNow, runnerNow)
  }
  return serverNow
}

/** What the run asked for, to check the created token against. */
export interface AskedFor {
  scopes: readonly string[]
  /** allowed-scopes; empty means no list. */
  allowedScopes: readonly string[]
  lifetimeSeconds: number
  /** The expiry sent with the create (ISO 8601, on Dynatrace's clock). */
  expirationDate: string
  /** The runner's clock when the expiry was computed. */
  runnerNow: number
}

/** How a created token differs from what was asked (tokenProblems). */
export type TokenProblem =
  | { kind: 'scopes-missing'; missing: string[] }
  | {
      kind: 'scopes-added'
      added: string[]
      /** Read-back entries that are not scope names at all. */
      unreadable: number
      /** Added scopes not even in allowed-scopes. */
      outside: string[]
    }
  | { kind: 'never-expires' }
  | { kind: 'expiry-unreadable' }
  | { kind: 'expires-late'; expiry: string }

/**
 * Why the created token must not be handed on, if it differs from what was asked:
 * scopes missing or added (read back, where the API allows), or an expiry later than
 * token-lifetime allows, on Dynatrace's clock and on the runner's. Empty when it is
 * the token asked for. Server text in the messages is limited to well-formed scope
 * names and ISO 8601 timestamps. The messages (failures.ts) are loaded only when there
 * is a problem.
 */
export async function tokenProblems(
  token: MintedToken,
  asked: AskedFor
): Promise<string[]> {
  const problems: TokenProblem[] = []
  if (token.scopesVerified) {
    const missing = asked.scopes.filter((s) => !token.scopes.includes(s))
    if (missing.length > 0) problems.push({ kind: 'scopes-missing', missing })
    const added = token.scopes.filter((s) => !asked.scopes.includes(s))
    const unreadable = token.unreadableScopes ?? 0
    if (added.length > 0 || unreadable > 0) {
      const outside =
        asked.allowedScopes.length > 0
          ? added.filter((s) => !asked.allowedScopes.includes(s))
          : []
      problems.push({ kind: 'scopes-added', added, unreadable, outside })
    }
  }
  const latest = Math.min(
    Date.parse(asked.expirationDate),
    asked.runnerNow + asked.lifetimeSeconds * 1000 + MAX_CLOCK_AHEAD_MS
  )
  for (const value of token.reportedExpiries) {
    if (value === null) {
      problems.push({ kind: 'never-expires' })
      continue
    }
    const expiry = reportedExpiry(value)
    if (expiry === undefined) problems.push({ kind: 'expiry-unreadable' })
    else if (Date.parse(expiry) > latest + EXPIRY_TOLERANCE_MS)
      problems.push({ kind: 'expires-late', expiry })
  }
  if (problems.length === 0) return []
  const { tokenProblemMessages } = await import('./failures.js')
  return tokenProblemMessages(token, asked, problems)
}

/** A token as a list endpoint reports it. */
export interface ListedToken {
  id: string
  name: unknown
  expirationDate: unknown
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

/** What sets a kind of token apart, for the routines both kinds share. */
export interface TokenKind {
  type: TokenType
  /** The field of a create answer, and of a listed token, that holds its ID. */
  idField: string
  /** The shape of a listed token's ID, checked before the ID is used anywhere. */
  idShape: RegExp
  /** Where to delete a token by hand, and what to grant, after a lost create. */
  lost: Omit<LostCreate, 'name' | 'expirationDate'>
}

/** What both token kinds' create requests have. */
export interface TokenRequest {
  name: string
  scopes: string[]
  /** ISO 8601, computed from Dynatrace's clock. */
  expirationDate: string
}

/**
 * A token API (classic tokens, platform tokens): the one create-with-recovery routine
 * for both kinds, and what each kind must say about its own requests and answers.
 */
export abstract class TokenApi<R extends TokenRequest> extends DynatraceApi {
  /** What sets this kind of token apart. */
  protected abstract readonly kind: TokenKind
  /** The input that names the API's endpoint ("environment-url"), for messages. */
  protected abstract readonly endpointInput: string
  /** The create request. */
  protected abstract createOperation(req: R): Operation
  /** A refused create (not 2xx): 'retry' to send it again, or the error to throw. */
  protected abstract refused(
    req: R,
    response: HttpResponse
  ): Promise<'retry' | ActionError>
  /** The tokens that could be a lost create's; throws the reason when they cannot be had. */
  protected abstract findLost(req: R): Promise<ListedToken[]>
  /** Read the new token's scopes and expiry back, where the API allows; never throws. */
  protected abstract readBack(token: MintedToken): Promise<void>
  /** Delete a token by ID; 'already-gone' on 404. */
  abstract delete(id: string): Promise<'revoked' | 'already-gone'>

  /**
   * Create a token, mask it, and read back what it really is. On an answer that was
   * lost or cannot be trusted, find and delete what the request may have created (its
   * secret was never seen) and try again, up to MAX_CREATE_ATTEMPTS (recovery.ts). The caller checks
   * the token against what was asked (tokenProblems) once it has saved it for
   * revocation, and revokes it through the same path as any later failure.
   */
  async create(req: R): Promise<MintedToken> {
    const token = await this.createWithRecovery(req)
    await this.readBack(token)
    return token
  }

  private async createWithRecovery(req: R): Promise<MintedToken> {
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse
      try {
        response = await this.send(this.createOperation(req))
        if (response.status === 201 || response.status === 200) {
          // Awaited here, so an untrusted answer is caught below.
          return await this.readCreated(req, response)
        }
      } catch (error) {
        if (!(error instanceof AmbiguousRequestError)) throw error
        // Loaded on demand: only a create whose answer was lost or unusable needs it.
        const { recoverLostCreate } = await import('./recovery.js')
        await recoverLostCreate({
          log: this.log,
          error,
          attempt,
          lost: {
            ...this.kind.lost,
            name: req.name,
            expirationDate: req.expirationDate
          },
          endpointInput: this.endpointInput,
          list: () => this.findLost(req),
          remove: (id) => this.delete(id)
        })
        this.log.info('Trying again.')
        continue
      }
      const refusal = await this.refused(req, response)
      if (refusal !== 'retry') throw refusal
    }
  }

  /**
   * The created token from a 2xx answer. An answer without a token of Dynatrace's
   * shape, or whose ID is not the token's, means a token may exist whose secret cannot
   * be used: it is handled like a lost answer (UntrustedAnswerError), cleaned up by
   * name and expiry, never by the reported ID, which may be another job's token.
   */
  private async readCreated(
    req: R,
    response: HttpResponse
  ): Promise<MintedToken> {
    const body = parseJson(response.text) as Record<string, unknown> | undefined
    const { type, idField } = this.kind
    const { id, secret } = await checkCreatedToken(
      this.log,
      type,
      body?.token,
      body?.[idField]
    )
    const token: MintedToken = {
      type,
      id,
      secret,
      name: req.name,
      expiresAt: req.expirationDate,
      reportedExpiries: [],
      scopes: req.scopes,
      scopesVerified: false
    }
    // The documented platform answer has no expiry; one that has must be within the lifetime.
    noteExpiry(token, body, 'expirationDate')
    return token
  }

  /**
   * The token as Dynatrace reports it when read back: its scopes (entries that are no
   * scope names only counted) and, when `read` has one, its expiry.
   */
  protected verified(
    token: MintedToken,
    scopes: unknown[],
    read: Record<string, unknown> | undefined
  ): void {
    const { names, unreadable } = reportedScopes(scopes)
    token.scopes = names
    if (unreadable > 0) token.unreadableScopes = unreadable
    token.scopesVerified = true
    delete token.scopesUnverified
    noteExpiry(token, read, 'expirationDate')
  }
}
