/**
 * Shared helpers for route modules: response builders, the three error
 * envelopes Dynatrace uses, id generators and JSON body parsing.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { EmuRequest, EmuResponse } from './types.js'

/** Thrown by handlers; the server turns it into the response it carries. */
export class HttpError extends Error {
  constructor(readonly response: EmuResponse) {
    super(`HTTP ${response.status}`)
  }
}

export function json(status: number, value: unknown): EmuResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value)
  }
}

export function noContent(status = 204): EmuResponse {
  return { status }
}

/** Account Management `ErrorDto` (spec: code, message, errorsMap). */
export function accountError(
  status: number,
  message: string,
  errorsMap: Record<string, string> = {}
): HttpError {
  return new HttpError(json(status, { code: status, message, errorsMap }))
}

/** The header Dynatrace's API gateway puts on the errors it answers itself. */
export const GATEWAY_HEADER = { 'dynatrace-response-source': 'API Gateway' }

/**
 * An error in the envelope of Dynatrace's API guidelines (`@dynatrace-sdk/shared-errors`)
 * as the API gateway answers it: `{"error": {code, message, details?, retryAfterSeconds?}}`
 * with the `dynatrace-response-source: API Gateway` header.
 */
export function gatewayError(
  status: number,
  message: string,
  details?: {
    missingScopes?: string[]
    missingPermissions?: string[]
    errorCode?: string
  },
  retryAfterSeconds?: number
): HttpError {
  return new HttpError(
    gatewayResponse(status, message, details, retryAfterSeconds)
  )
}

export function gatewayResponse(
  status: number,
  message: string,
  details?: Record<string, unknown>,
  retryAfterSeconds?: number
): EmuResponse {
  const error: Record<string, unknown> = { code: status, message }
  if (details) error.details = details
  if (retryAfterSeconds !== undefined)
    error.retryAfterSeconds = retryAfterSeconds
  const response = json(status, { error })
  response.headers = { ...response.headers, ...GATEWAY_HEADER }
  return response
}

export interface ConstraintViolation {
  path: string
  message: string
  parameterLocation: 'PAYLOAD_BODY' | 'QUERY' | 'PATH' | 'HEADER'
  location?: string
}

/** Environment API envelope `{"error":{code,message,constraintViolations?}}`.
 * The emulator also answers bearer failures on every API with it. */
export function envError(
  status: number,
  message: string,
  constraintViolations?: ConstraintViolation[]
): HttpError {
  const error: Record<string, unknown> = { code: status, message }
  if (constraintViolations) error.constraintViolations = constraintViolations
  return new HttpError(json(status, { error }))
}

/** RFC 6749 §5.2 body, as the SSO answers. */
export function oauthError(
  status: number,
  error: string,
  description: string
): HttpError {
  return new HttpError(json(status, { error, error_description: description }))
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** Random string from [A-Z0-9], the alphabet of Dynatrace token parts. */
export function randomUpperAlnum(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  // A slight modulo bias is irrelevant for test tokens.
  for (let i = 0; i < length; i++) out += UPPER_ALNUM[bytes[i]! % 36]
  return out
}

export { randomUUID }

export const UUID_RE =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Parses a JSON body; `onError` builds the API-specific 400.
 * An empty body parses as undefined so schema validation can name it.
 */
export function parseJsonBody(
  req: EmuRequest,
  onError: (message: string) => HttpError
): unknown {
  if (req.body.trim() === '') return undefined
  try {
    return JSON.parse(req.body) as unknown
  } catch (e) {
    throw onError(
      `Malformed JSON request body: ${e instanceof Error ? e.message : e}`
    )
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string')
}

/** ISO 8601 with milliseconds and Z, the format Dynatrace answers with. */
export function iso(ms: number): string {
  return new Date(ms).toISOString()
}
