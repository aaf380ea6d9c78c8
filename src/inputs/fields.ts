/**
 * The checks of single input values, each `(text, show) → value | Problem`: pure (no I/O,
 * no logger, no scope catalogue), so the step (src/inputs.ts), its post step and the
 * offline audit (src/audit/rules.ts) judge a value with the same code and the same words.
 * `show` renders a value for a message (redacted by the step, made safe by the audit).
 */
import { formatDuration, parseDuration, suggestDuration } from '../duration.js'

export type Mode = 'mint' | 'plan' | 'audit' | 'revoke' | 'sweep'
export type TokenType = 'classic' | 'platform' | 'none'
export type FailOn = 'error' | 'warning' | 'never'
export type Auth = 'client-credentials' | 'github-oidc'

export const MODES: readonly [Mode, ...Mode[]] = [
  'mint',
  'plan',
  'audit',
  'revoke',
  'sweep'
]
export const AUTHS: readonly [Auth, ...Auth[]] = [
  'client-credentials',
  'github-oidc'
]
export const TOKEN_TYPES: readonly [TokenType, ...TokenType[]] = [
  'classic',
  'platform',
  'none'
]
export const FAIL_ON: readonly [FailOn, ...FailOn[]] = [
  'error',
  'warning',
  'never'
]

export const MIN_LIFETIME_SECONDS = 5 * 60
export const MAX_LIFETIME_SECONDS = 7 * 86400
/** Longest sweep-older-than: a year and a day. */
const MAX_SWEEP_AGE_SECONDS = 366 * 86400

/** How a message shows a value: quoted, one line, bounded (and redacted by the step). */
export type Show = (text: string) => string

/** Why a value is refused, without the input's name (the caller prefixes it). */
export class Problem {
  constructor(
    readonly message: string,
    /** The value looks like a credential: mask it before anything is printed. */
    readonly secret = false
  ) {}
}

/** A check of one non-empty input value. */
export type Check<T> = (text: string, show: Show) => T | Problem

/** One input: its check, and its value when empty (action.yml's default). */
export interface Field<T> {
  check: Check<T>
  fallback: T
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const CLIENT_ID = /^dt0s\d{2}\.[A-Za-z0-9]+$/
const CLIENT_SECRET = /^dt0s\d{2}\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/
const ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Variables whose override would change how the runner or later steps behave. */
const RESERVED_ENV =
  /^(GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|CI|HOME|PATH|SHELL|NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|BASH_ENV|ENV)$/i
const ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** Where a user finds the account URN (shown with the OAuth client; not a secret). */
export const ACCOUNT_URN_HELP =
  'It is shown with the client ID and secret when an OAuth client is created (Account Management → Identity & access management → OAuth clients); the account UUID is also in the Account Management address (myaccount.dynatrace.com/…?account-uuid=<uuid>). It is not a secret: a repository variable (vars.DT_ACCOUNT_URN) is fine.'

/** A UUID (accounts, users, groups, policies, boundaries). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** True for text of the form of an OAuth client secret (dt0s02.<id>.<secret>). */
export function looksLikeClientSecret(text: string): boolean {
  return CLIENT_SECRET.test(text)
}

/** Which kind of token an ID names: classic IDs are dt0c01.<public>. */
export function tokenTypeOf(id: string): 'classic' | 'platform' {
  return id.startsWith('dt0c01.') ? 'classic' : 'platform'
}

/** Split a list input: commas, whitespace or newlines; empty entries dropped, order kept, duplicates removed. */
export function parseList(text: string): string[] {
  const seen = new Set<string>()
  for (const item of text.split(/[\s,]+/)) {
    if (item !== '') seen.add(item)
  }
  return [...seen]
}

/** One of `allowed`; empty means the first. */
export function oneOf<T extends string>(
  allowed: readonly [T, ...T[]]
): Field<T> {
  return {
    fallback: allowed[0],
    check: (text, show) =>
      allowed.find((a) => a === text) ??
      new Problem(`${show(text)} is not one of ${allowed.join(', ')}.`)
  }
}

/** true or false in the YAML 1.2 core schema spellings GitHub accepts. */
export function boolean(fallback: boolean): Field<boolean> {
  return {
    fallback,
    check: (text, show) =>
      /^(true|True|TRUE)$/.test(text)
        ? true
        : /^(false|False|FALSE)$/.test(text)
          ? false
          : new Problem(`${show(text)} is not a boolean (true or false).`)
  }
}

/** A whole number from min to max. */
export function integer(
  fallback: number,
  min: number,
  max: number
): Field<number> {
  return {
    fallback,
    check: (text, show) =>
      /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max
        ? Number(text)
        : new Problem(
            `${show(text)} must be a whole number from ${min} to ${max}.`
          )
  }
}

/** A list (token-scopes, audit-paths, …). */
export function list(fallback: string[] = []): Field<string[]> {
  return { fallback, check: (text) => parseList(text) }
}

/** Free text of one line of at most 200 characters (token-name, sweep-prefix, …). */
export function oneLine(fallback = ''): Field<string> {
  return {
    fallback,
    check: (text, show) =>
      CONTROL.test(text) || text.length > 200
        ? new Problem(
            `${show(text)} must be one line of at most 200 characters.`
          )
        : text
  }
}

/** token-lifetime in seconds, within what Dynatrace lets a token live here. */
export const tokenLifetime: Field<number> = {
  fallback: 3600,
  check: (text, show) => {
    const seconds = parseDuration(text)
    if (seconds === undefined) {
      const meant = suggestDuration(text)
      return new Problem(
        `${show(text)} is not a duration such as 30m, 2h, 1h30m or 1d.${meant ? ` Did you mean ${meant}?` : ''}`
      )
    }
    if (seconds < MIN_LIFETIME_SECONDS || seconds > MAX_LIFETIME_SECONDS) {
      const formatted = formatDuration(seconds)
      const shown =
        formatted === text.trim().toLowerCase()
          ? show(text)
          : `${show(text)} (${formatted})`
      return new Problem(
        `${shown} is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to ${formatDuration(MAX_LIFETIME_SECONDS)}.`
      )
    }
    return seconds
  }
}

/** sweep-older-than in seconds; undefined (empty): expired tokens only. */
export const sweepAge: Field<number | undefined> = {
  fallback: undefined,
  check: (text, show) => {
    const seconds = parseDuration(text)
    if (seconds === undefined)
      return new Problem(`${show(text)} is not a duration such as 2h or 1d.`)
    // Shorter would delete tokens that running jobs still use.
    if (seconds < MIN_LIFETIME_SECONDS || seconds > MAX_SWEEP_AGE_SECONDS) {
      return new Problem(
        `${show(text)} (${formatDuration(seconds)}) is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to 366d; keep it longer than the token-lifetime of the jobs that mint, so that no running job loses its token.`
      )
    }
    return seconds
  }
}

/** An OAuth client ID (dt0s02.XXXXXXXX), never its secret. */
export const clientId: Field<string | undefined> = {
  fallback: undefined,
  check: (text, show) =>
    CLIENT_SECRET.test(text)
      ? new Problem(
          'looks like a client secret (value hidden). Pass the client ID (dt0s02.XXXXXXXX) as client-id and the secret as client-secret.',
          true
        )
      : CLIENT_ID.test(text)
        ? text
        : new Problem(
            `${show(text)} is not an OAuth client ID of the form dt0s02.XXXXXXXX.`
          )
}

/** An OAuth client secret (dt0s02.XXXXXXXX.<secret>); never shown. */
export const clientSecret: Field<string | undefined> = {
  fallback: undefined,
  check: (text) =>
    /^dt0c01\./.test(text)
      ? new Problem(
          'is a classic API token (dt0c01…, value hidden), not an OAuth client secret. This action needs an OAuth client: create one in Account Management → Identity & access management → OAuth clients and pass its ID as client-id and its secret (dt0s02.XXXXXXXX.<secret>) as client-secret.'
        )
      : CLIENT_SECRET.test(text)
        ? text
        : new Problem(
            'is not of the form dt0s02.XXXXXXXX.<secret> (value hidden). Copy the whole secret shown when the OAuth client was created.'
          )
}

/** The secret's own client ID differs from client-id: a problem, or undefined. */
export function secretOfAnotherClient(
  secret: string,
  id: string,
  show: Show
): Problem | undefined {
  const owner = secret.split('.').slice(0, 2).join('.')
  return owner === id
    ? undefined
    : new Problem(
        `belongs to OAuth client ${owner}, not to client-id ${show(id)}. Pass the secret of the same client.`
      )
}

/** account-urn as the plain, lower-case account UUID. */
export const accountUrn: Field<string | undefined> = {
  fallback: undefined,
  check: (text, show) => {
    const uuid = text.replace(/^urn:dtaccount:/i, '')
    return UUID.test(uuid)
      ? uuid.toLowerCase()
      : new Problem(
          `${show(text)} is not urn:dtaccount:<uuid> or a bare account UUID. ${ACCOUNT_URN_HELP}`
        )
  }
}

/** environment-id as given (checked against environment-url by the caller). */
export const environmentId: Field<string | undefined> = {
  fallback: undefined,
  check: (text, show) =>
    ENV_ID.test(text)
      ? text
      : new Problem(`${show(text)} is not an environment ID (e.g. abc12345).`)
}

/** export-variable: a variable name the runner and the shell leave alone. */
export const exportVariable: Field<string | undefined> = {
  fallback: undefined,
  check: (text, show) =>
    !ENV_VAR.test(text)
      ? new Problem(
          `${show(text)} is not an environment variable name (letters, digits, _).`
        )
      : RESERVED_ENV.test(text)
        ? new Problem(
            `${show(text)} is reserved by the runner or the shell; choose another name such as DT_API_TOKEN.`
          )
        : text
}

/** platform-token-owner as a lower-case user UUID. */
export const userUuid: Field<string | undefined> = {
  fallback: undefined,
  check: (text, show) =>
    UUID.test(text)
      ? text.toLowerCase()
      : new Problem(`${show(text)} is not a user UUID.`)
}

/** token-id: the ID of a token (its first two parts), never the whole token. */
export const tokenId: Field<string | undefined> = {
  fallback: undefined,
  check: (text, show) =>
    text.split('.').length >= 3
      ? new Problem(
          'looks like a whole token including its secret (value hidden). Pass the token ID (its first two parts, e.g. dt0c01.XXXX), never the token.',
          true
        )
      : /^[A-Za-z0-9._-]{4,100}$/.test(text)
        ? text
        : new Problem(`${show(text)} is not a token ID.`)
}
