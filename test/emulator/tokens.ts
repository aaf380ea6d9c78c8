/**
 * Environment API v2 classic API tokens
 * (https://docs.dynatrace.com/docs/dynatrace-api/environment-api/tokens-v2/api-tokens), served on two
 * routes that share one store:
 *  - platform: /platform/classic/environment-api/v2/apiTokens, Bearer (an SSO
 *    bearer or a platform token) with OAuth scopes and IAM permissions;
 *  - classic:  /api/v2/apiTokens, `Api-Token dt0c01…` with classic scopes.
 */
import { authenticateBearer, missingScopeMessage } from './auth.js'
import { CREATABLE_CLASSIC_SCOPES } from './classic-scopes.js'
import {
  envError,
  gatewayError,
  isObject,
  iso,
  json,
  noContent,
  parseJsonBody,
  randomUpperAlnum,
  type ConstraintViolation
} from './http.js'
import type {
  ApiTokenRecord,
  Ctx,
  EmuRequest,
  EmuResponse,
  Route
} from './types.js'

type Op = 'create' | 'delete' | 'read' | 'lookup'

/** Who called, with the checks the route's auth scheme implies. */
interface Caller {
  owner: string
  /** The dt0c01 token used to authenticate (classic route only). */
  authTokenId?: string
}

const OAUTH_SCOPES: Record<Op, string[]> = {
  create: ['environment-api:api-tokens:write', 'api-tokens:tokens:write'],
  delete: ['environment-api:api-tokens:write', 'api-tokens:tokens:write'],
  read: ['environment-api:api-tokens:read', 'api-tokens:tokens:read'],
  lookup: ['environment-api:api-tokens:read', 'api-tokens:tokens:read']
}

const CLASSIC_SCOPES: Record<Op, string[] | 'any'> = {
  create: ['apiTokens.write'],
  delete: ['apiTokens.write'],
  read: ['apiTokens.read'],
  lookup: 'any'
}

function platformCaller(req: EmuRequest, ctx: Ctx, op: Op): Caller {
  const who = authenticateBearer(req, ctx, true, true)
  const anyOf = OAUTH_SCOPES[op]
  if (!anyOf.some((s) => who.scopes.includes(s))) {
    // The platform route is behind Dynatrace's API gateway, which names the missing
    // scope in details (API guidelines; the exact text is UNCONFIRMED).
    throw gatewayError(403, missingScopeMessage(anyOf), {
      missingScopes: [anyOf[0]!]
    })
  }
  checkPhase3(ctx, op)
  if (op === 'create') {
    checkNotRetired(ctx)
    // Creating (non-personal) access tokens needs this IAM permission on the
    // environment; it comes from a policy bound to the client's user.
    if (!who.canManageSettings) {
      throw gatewayError(
        403,
        'Missing permission: environment:roles:manage-settings',
        { missingPermissions: ['environment:roles:manage-settings'] }
      )
    }
  }
  return { owner: who.userUuid }
}

function classicCaller(req: EmuRequest, ctx: Ctx, op: Op): Caller {
  const m = /^Api-Token\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  if (!m) {
    // A platform token sent to a classic endpoint fails the token exchange.
    if (/^Bearer\s+dt0s16\./i.test(req.headers.authorization ?? '')) {
      throw envError(401, 'Token exchange failed')
    }
    throw envError(401, 'Missing authorization parameter.')
  }
  const token = findToken(ctx, m[1]!, true)
  if (!token || !token.enabled || isExpired(ctx, token)) {
    throw envError(401, 'Token Authentication failed')
  }
  token.lastUsedDate = iso(ctx.now())
  const needed = CLASSIC_SCOPES[op]
  if (needed !== 'any' && !needed.some((s) => token.scopes.includes(s))) {
    throw envError(403, missingScopeMessage(needed))
  }
  checkPhase3(ctx, op)
  if (op === 'create') checkNotRetired(ctx)
  return { owner: token.owner, authTokenId: token.id }
}

function checkNotRetired(ctx: Ctx): void {
  if (ctx.state.classicTokensRetired) {
    throw envError(
      400,
      'Creation of new tokens is now only available in Account Management.'
    )
  }
}

/**
 * Phase 3 (UNCONFIRMED): whether list, get and DELETE of existing classic tokens still
 * work there is unknown; the emulator assumes the worst, a 400 like the create's.
 */
function checkPhase3(ctx: Ctx, op: Op): void {
  if (ctx.state.classicPhase3 && op !== 'create') {
    throw envError(
      400,
      'Classic access tokens are no longer supported in this environment. Manage tokens in Account Management.'
    )
  }
}

function isExpired(ctx: Ctx, t: ApiTokenRecord): boolean {
  return t.expirationDate !== null && Date.parse(t.expirationDate) <= ctx.now()
}

/** By ID, or (as Dynatrace allows for get/delete) by the full secret. */
function findToken(
  ctx: Ctx,
  idOrSecret: string,
  secretOnly = false
): ApiTokenRecord | undefined {
  return ctx.state.apiTokens.find(
    (t) =>
      !t.deletedAt &&
      (t.token === idOrSecret || (!secretOnly && t.id === idOrSecret))
  )
}

const notFound = () => envError(404, 'The requested token was not found')

function violation(path: string, message: string): ConstraintViolation {
  return { path, message, parameterLocation: 'PAYLOAD_BODY' }
}

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000
}

/**
 * expirationDate forms Dynatrace accepts: epoch millis (number or digits),
 * `now+NU` (m h d w M y) and ISO 8601 (`T` or space; no zone means UTC).
 * Returns epoch ms, or undefined when the value is not understood.
 */
export function parseExpiration(
  value: unknown,
  nowMs: number
): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string') return undefined
  const v = value.trim()
  if (/^\d+$/.test(v)) return Number(v)
  const rel = /^now([+-])(\d+)([mhdwMy])$/.exec(v)
  if (rel) {
    const sign = rel[1] === '+' ? 1 : -1
    const n = sign * Number(rel[2])
    const unit = rel[3]!
    if (unit in UNIT_MS) return nowMs + n * UNIT_MS[unit]!
    const d = new Date(nowMs)
    if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + n)
    else d.setUTCFullYear(d.getUTCFullYear() + n)
    return d.getTime()
  }
  const isoRe =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/
  const m = isoRe.exec(v)
  if (!m) return undefined
  const [, date, hm, sec = '00', frac = '0', zone = 'Z'] = m
  const ms = frac.padEnd(3, '0').slice(0, 3)
  const tz = /^[+-]\d{4}$/.test(zone)
    ? `${zone.slice(0, 3)}:${zone.slice(3)}`
    : zone
  const parsed = Date.parse(`${date}T${hm}:${sec}.${ms}${tz}`)
  return Number.isNaN(parsed) ? undefined : parsed
}

function create(req: EmuRequest, ctx: Ctx, caller: Caller): EmuResponse {
  const body = parseJsonBody(req, (m) => envError(400, m))
  if (!isObject(body)) throw envError(400, 'Request body must be a JSON object')
  const violations: ConstraintViolation[] = []
  if (typeof body.name !== 'string' || body.name.trim() === '') {
    violations.push(violation('name', 'must not be empty'))
  }
  // Unknown scope names are dropped silently, as Dynatrace does; only a list
  // left empty is rejected.
  let scopes: string[] = []
  if (!Array.isArray(body.scopes)) {
    violations.push(violation('scopes', 'must not be null'))
  } else {
    scopes = [
      ...new Set(
        body.scopes.filter(
          (s): s is string =>
            typeof s === 'string' && CREATABLE_CLASSIC_SCOPES.has(s)
        )
      )
    ]
    if (scopes.length === 0) {
      violations.push(violation('scopes', 'must not be empty'))
    }
  }
  let expiresMs: number | null = null
  if (body.expirationDate !== undefined && body.expirationDate !== null) {
    const parsed = parseExpiration(body.expirationDate, ctx.now())
    if (parsed === undefined) {
      violations.push(
        violation('expirationDate', 'has an invalid date-time format')
      )
    } else if (parsed <= ctx.now()) {
      violations.push(
        violation('expirationDate', 'must not be set in the past')
      )
    } else expiresMs = parsed
  }
  if (
    body.personalAccessToken !== undefined &&
    typeof body.personalAccessToken !== 'boolean'
  ) {
    violations.push(violation('personalAccessToken', 'must be a boolean'))
  }
  if (violations.length > 0) {
    throw envError(400, 'Constraints violated.', violations)
  }

  const record = storeApiToken(ctx, {
    name: body.name as string,
    scopes,
    owner: caller.owner,
    expiresMs,
    personalAccessToken: body.personalAccessToken === true
  })
  const created: Record<string, unknown> = {
    id: record.id,
    token: record.token
  }
  if (record.expirationDate) created.expirationDate = record.expirationDate
  return json(201, created)
}

const ALL_FIELDS = [
  'id',
  'name',
  'enabled',
  'personalAccessToken',
  'owner',
  'creationDate',
  'expirationDate',
  'lastUsedDate',
  'modifiedDate',
  'scopes'
] as const
type Field = (typeof ALL_FIELDS)[number]
/** What `GET /apiTokens` returns unless `fields` asks for more. */
const LIST_DEFAULT_FIELDS: Field[] = [
  'id',
  'name',
  'enabled',
  'owner',
  'creationDate'
]

/** `ApiToken` without the secret; null fields are left out. */
function apiTokenDto(
  t: ApiTokenRecord,
  fields: readonly Field[] = ALL_FIELDS
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of fields) if (t[f] !== null) out[f] = t[f]
  return out
}

/** `fields=+scopes,-owner` adjusts the default list. */
function listFields(spec: string | null): Field[] {
  const fields = new Set<Field>(LIST_DEFAULT_FIELDS)
  for (const part of (spec ?? '').split(',').map((s) => s.trim())) {
    const name = part.replace(/^[+-]/, '') as Field
    if (!ALL_FIELDS.includes(name)) continue
    if (part.startsWith('-')) fields.delete(name)
    else fields.add(name)
  }
  return ALL_FIELDS.filter((f) => fields.has(f))
}

interface PageKey {
  offset: number
  pageSize: number
  fields: string | null
}

function list(req: EmuRequest, ctx: Ctx): EmuResponse {
  let key: PageKey
  const nextPageKey = req.query.get('nextPageKey')
  if (nextPageKey) {
    try {
      key = JSON.parse(
        Buffer.from(nextPageKey, 'base64url').toString()
      ) as PageKey
    } catch {
      throw envError(400, 'Invalid nextPageKey')
    }
  } else {
    const pageSize = Number(req.query.get('pageSize') ?? 200)
    // Dynatrace: "the minimal allowed page size is 100" (tokens-v2 get-all).
    if (!Number.isInteger(pageSize) || pageSize < 100 || pageSize > 10000) {
      throw envError(400, 'pageSize must be between 100 and 10000')
    }
    key = { offset: 0, pageSize, fields: req.query.get('fields') }
  }
  // Newest first, Dynatrace's default sort (-creationDate).
  const all = ctx.state.apiTokens
    .filter((t) => !t.deletedAt)
    .sort((a, b) => b.creationDate.localeCompare(a.creationDate))
  const page = all.slice(key.offset, key.offset + key.pageSize)
  const next = key.offset + key.pageSize
  const fields = listFields(key.fields)
  return json(200, {
    totalCount: all.length,
    pageSize: key.pageSize,
    nextPageKey:
      next < all.length
        ? Buffer.from(JSON.stringify({ ...key, offset: next })).toString(
            'base64url'
          )
        : null,
    apiTokens: page.map((t) => apiTokenDto(t, fields))
  })
}

function lookup(req: EmuRequest, ctx: Ctx): EmuResponse {
  const body = parseJsonBody(req, (m) => envError(400, m))
  if (!isObject(body) || typeof body.token !== 'string') {
    throw envError(400, 'Constraints violated.', [
      violation('token', 'must not be null')
    ])
  }
  const token = findToken(ctx, body.token, true)
  if (!token) throw notFound()
  return json(200, apiTokenDto(token))
}

function get(req: EmuRequest, ctx: Ctx): EmuResponse {
  const token = findToken(ctx, req.params.id!)
  if (!token) throw notFound()
  return json(200, apiTokenDto(token))
}

function remove(req: EmuRequest, ctx: Ctx, caller: Caller): EmuResponse {
  const token = findToken(ctx, req.params.id!)
  if (!token) throw notFound()
  if (token.id === caller.authTokenId) {
    throw envError(
      400,
      "You can't delete the token you're using for authentication of the request."
    )
  }
  token.deletedAt = iso(ctx.now())
  return noContent()
}

type OpHandler = (req: EmuRequest, ctx: Ctx, caller: Caller) => EmuResponse

const OPS: Array<[string, string, Op, OpHandler]> = [
  ['POST', '/lookup', 'lookup', lookup],
  ['POST', '', 'create', create],
  ['GET', '', 'read', list],
  ['GET', '/:id', 'read', get],
  ['DELETE', '/:id', 'delete', remove]
]

function routesAt(
  base: string,
  authorize: (req: EmuRequest, ctx: Ctx, op: Op) => Caller
): Route[] {
  return OPS.map(([method, suffix, op, fn]) => ({
    method,
    pattern: base + suffix,
    handler: (req, ctx) => fn(req, ctx, authorize(req, ctx, op))
  }))
}

export const apiTokenRoutes: Route[] = [
  ...routesAt('/platform/classic/environment-api/v2/apiTokens', platformCaller),
  ...routesAt('/api/v2/apiTokens', classicCaller)
]

/** Creates and stores a token: `dt0c01.<24>.<64>`, ID = first two parts. */
export function storeApiToken(
  ctx: Pick<Ctx, 'state' | 'now'>,
  init: {
    name: string
    scopes: string[]
    owner: string
    expiresMs: number | null
    personalAccessToken?: boolean
  }
): ApiTokenRecord {
  const id = `dt0c01.${randomUpperAlnum(24)}`
  const now = iso(ctx.now())
  const record: ApiTokenRecord = {
    id,
    token: `${id}.${randomUpperAlnum(64)}`,
    name: init.name,
    scopes: init.scopes,
    enabled: true,
    personalAccessToken: init.personalAccessToken ?? false,
    owner: init.owner,
    creationDate: now,
    modifiedDate: now,
    expirationDate: init.expiresMs === null ? null : iso(init.expiresMs),
    lastUsedDate: null,
    deletedAt: null
  }
  ctx.state.apiTokens.push(record)
  return record
}
