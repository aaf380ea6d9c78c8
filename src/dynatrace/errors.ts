import type { IncomingHttpHeaders } from 'node:http'
import { parseJson } from '../http.js'
import type { Logger } from '../log.js'
import { isObject } from './client.js'

/**
 * Dynatrace's error bodies, read defensively: whatever a server (or a proxy in front of
 * it) answers, this never throws and never lets unbounded text through.
 *
 * Shapes understood:
 * - the platform/Environment API envelope of Dynatrace's API guidelines
 *   (`@dynatrace-sdk/shared-errors`): `{"error": {code, message, help?, retryAfterSeconds?,
 *   details?: {errorCode?, constraintViolations?, missingScopes?, missingPermissions?}}}`,
 *   and the older `error.constraintViolations`;
 * - Account Management's `ErrorDto {code, message, errorsMap}`
 *   (https://api.dynatrace.com/spec-json);
 * - OAuth's `{error, error_description}` (RFC 6749 §5.2);
 * - a plain-text body.
 * Anything else is an unrecognised answer, shown as a bounded excerpt.
 *
 * Only a failed answer has an error body, so this module is loaded on demand
 * (`await import('./errors.js')`, in client.ts, failures.ts and runtime.ts): a successful
 * run never evaluates it.
 */

/** What an error response says, every field checked for its type. */
export interface DynatraceError {
  /** Explanations found, in order (not yet cleaned for a log line). */
  messages: string[]
  /** `error.details.errorCode` (or a string `error.code`). */
  errorCode?: string
  /** OAuth scopes the server says the caller lacks (`error.details.missingScopes`). */
  missingScopes: string[]
  /** IAM permissions the server says the caller lacks (`error.details.missingPermissions`). */
  missingPermissions: string[]
  /** `error.retryAfterSeconds` (API gateway, on 429/503). */
  retryAfterSeconds?: number
  /** The answer came from Dynatrace's API gateway (`dynatrace-response-source: API Gateway`). */
  fromGateway: boolean
  /** A body that is not one of the shapes above, as an excerpt. */
  unrecognised?: string
}

/** Enough of a response to read its error. */
export interface ErrorResponse {
  text: string
  headers?: IncomingHttpHeaders
  status?: number
}

/** How many list entries (violations, errorsMap keys, scopes) are read at most. */
const MAX_ENTRIES = 10
/** Longest single value taken from a body. */
const MAX_PART = 200
/** Length of the excerpt of an unrecognised body. */
const EXCERPT = 120
/** A scope or permission name as Dynatrace spells them (`settings:objects:read`, `account-idm-write`). */
const ACCESS_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

const bounded = (text: string): string =>
  text.length > MAX_PART ? `${text.slice(0, MAX_PART)}…` : text

/** Any JSON value as short text, without calling anything the body could define. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value)
  if (value === null || value === undefined) return undefined
  try {
    return bounded(JSON.stringify(value))
  } catch {
    return undefined
  }
}

/** Names from a list the server sent, keeping only well-formed ones. */
function names(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return [
    ...new Set(
      value
        .slice(0, 50)
        .filter(
          (v): v is string => typeof v === 'string' && ACCESS_NAME.test(v)
        )
    )
  ].slice(0, MAX_ENTRIES)
}

function violations(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const out: string[] = []
  for (const v of value.slice(0, MAX_ENTRIES)) {
    if (isObject(v)) {
      const message = asText(v.message)
      if (message === undefined) continue
      const path = typeof v.path === 'string' && v.path ? `${v.path}: ` : ''
      out.push(bounded(`${bounded(path)}${message}`))
    } else if (typeof v === 'string' && v.trim()) out.push(bounded(v.trim()))
  }
  return out
}

function header(
  headers: IncomingHttpHeaders | undefined,
  name: string
): string | undefined {
  const value = headers?.[name]
  return Array.isArray(value) ? value[0] : value
}

/** Read an error response. Never throws. */
export function readDynatraceError(response: ErrorResponse): DynatraceError {
  const result: DynatraceError = {
    messages: [],
    missingScopes: [],
    missingPermissions: [],
    fromGateway: /api gateway/i.test(
      header(response.headers, 'dynatrace-response-source') ?? ''
    )
  }
  const text = response.text.trim()
  if (text === '') return result
  const body = parseJson(text)
  if (body === undefined) {
    // Plain text is an explanation; an HTML page (a proxy's, a login page) is not.
    if (text.startsWith('<')) result.unrecognised = excerpt(text)
    else result.messages.push(bounded(text))
    return result
  }
  if (!isObject(body)) {
    result.unrecognised = excerpt(text)
    return result
  }
  const m = result.messages
  const err = body.error
  if (isObject(err)) {
    const message = asText(err.message)
    if (message !== undefined) m.push(bounded(message))
    m.push(...violations(err.constraintViolations))
    if (typeof err.code === 'string' && ACCESS_NAME.test(err.code))
      result.errorCode = err.code
    const details = err.details
    if (isObject(details)) {
      m.push(...violations(details.constraintViolations))
      if (typeof details.errorCode === 'string' && details.errorCode.trim())
        result.errorCode = bounded(details.errorCode.trim())
      result.missingScopes = names(details.missingScopes)
      result.missingPermissions = names(details.missingPermissions)
    }
    const retry = err.retryAfterSeconds
    if (typeof retry === 'number' && Number.isFinite(retry) && retry >= 0)
      result.retryAfterSeconds = retry
  } else if (typeof err === 'string' && err.trim()) {
    const description =
      typeof body.error_description === 'string'
        ? body.error_description.trim()
        : ''
    m.push(bounded(description ? `${err}: ${description}` : err))
  }
  if (
    typeof err !== 'string' &&
    typeof body.error_description === 'string' &&
    body.error_description.trim()
  )
    m.push(bounded(body.error_description.trim()))
  if (typeof body.message === 'string' && body.message.trim())
    m.push(bounded(body.message.trim()))
  if (isObject(body.errorsMap)) {
    for (const key of Object.keys(body.errorsMap).slice(0, MAX_ENTRIES)) {
      const value = asText(body.errorsMap[key])
      if (value !== undefined) m.push(bounded(`${bounded(key)}: ${value}`))
    }
  }
  if (
    m.length === 0 &&
    result.missingScopes.length === 0 &&
    result.missingPermissions.length === 0 &&
    result.errorCode === undefined
  ) {
    result.unrecognised = excerpt(text)
  }
  return result
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ')
  return oneLine.length > EXCERPT
    ? `${oneLine.slice(0, EXCERPT)}… (${text.length} characters)`
    : oneLine
}

/**
 * Credentials are redacted from the whole body before anything is cut short: a secret
 * cut in half would no longer match its mask.
 */
function readRedacted(log: Logger, response: ErrorResponse): DynatraceError {
  return readDynatraceError({ ...response, text: log.redact(response.text) })
}

/**
 * Dynatrace's explanation of a failed response, ready for a log line or message:
 * redacted, one line, bounded. Callers put it after `HTTP <status>: `.
 */
export function explainError(log: Logger, response: ErrorResponse): string {
  const error = readRedacted(log, response)
  const parts = [...new Set(error.messages)]
  // Names the message already gives are not repeated.
  const said = parts.join(' ')
  const unsaid = (names: string[]): string[] =>
    names.filter((n) => !said.includes(n))
  const scopes = unsaid(error.missingScopes)
  const permissions = unsaid(error.missingPermissions)
  if (scopes.length > 0) parts.push(`missing scopes: ${scopes.join(', ')}`)
  if (permissions.length > 0)
    parts.push(`missing permissions: ${permissions.join(', ')}`)
  if (error.errorCode !== undefined) parts.push(`code ${error.errorCode}`)
  if (error.unrecognised !== undefined)
    parts.push(
      `an answer the action does not understand: ${error.unrecognised}`
    )
  return log.clean(parts.join('; ')) || 'no explanation in the response'
}

/**
 * What to grant, when the server named exactly what is missing: its own list of OAuth
 * scopes and IAM permissions, ahead of any guess of ours. Undefined when it named none.
 */
export function missingAccess(
  log: Logger,
  response: ErrorResponse,
  scopesGoTo = 'the OAuth client (Account Management → Identity & access management → OAuth clients)'
): string | undefined {
  const { missingScopes, missingPermissions } = readRedacted(log, response)
  const parts: string[] = []
  if (missingScopes.length > 0) {
    parts.push(
      `Dynatrace says the bearer lacks the scope${missingScopes.length > 1 ? 's' : ''} ${missingScopes.join(', ')}: grant ${missingScopes.length > 1 ? 'them' : 'it'} to ${scopesGoTo}.`
    )
  }
  if (missingPermissions.length > 0) {
    parts.push(
      `Dynatrace says the OAuth client's user lacks the IAM permission${missingPermissions.length > 1 ? 's' : ''} ${missingPermissions.join(', ')}: bind a policy that allows ${missingPermissions.length > 1 ? 'them' : 'it'} to a group of that user (for example "ALLOW ${missingPermissions.join(', ')};").`
    )
  }
  return parts.length > 0 ? log.clean(parts.join(' '), 600) : undefined
}

/** Statuses on which the API gateway's `error.retryAfterSeconds` applies. */
const RETRY_AFTER_STATUSES = new Set([429, 503])
/** The longest wait a body may ask for; anything longer is the time budget's call. */
const MAX_RETRY_AFTER_SECONDS = 600

/**
 * The wait (ms) a 429/503 body asks for in `error.retryAfterSeconds` (Dynatrace's API
 * gateway sends it, with the header `dynatrace-response-source: API Gateway`).
 */
export function bodyRetryDelay(response: ErrorResponse): number | undefined {
  if (
    response.status !== undefined &&
    !RETRY_AFTER_STATUSES.has(response.status)
  )
    return undefined
  const seconds = readDynatraceError(response).retryAfterSeconds
  return seconds === undefined
    ? undefined
    : Math.min(seconds, MAX_RETRY_AFTER_SECONDS) * 1000
}
