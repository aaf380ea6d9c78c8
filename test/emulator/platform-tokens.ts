/**
 * Platform tokens (dt0s16) through Account Management (dynatrace-api.md §2.8).
 * Not in the vendored OpenAPI contract, so the body is checked by hand: the
 * docs list every field of the create body as required.
 */
import { requireAccountScope } from './auth.js'
import {
  accountError,
  isObject,
  isStringArray,
  iso,
  json,
  parseJsonBody,
  randomUpperAlnum
} from './http.js'
import type { Ctx, EmuRequest, PlatformTokenRecord, Route } from './types.js'

const BASE = '/iam/v1/accounts/:accountUuid/platform-tokens'

// The docs name account-idm-*; accounts seen in the field needed the
// platform-token:* scopes instead, so either family is accepted.
const CREATE_SCOPES = ['account-idm-write', 'platform-token:tokens:write']
const READ_SCOPES = [
  'account-idm-read',
  'platform-token:tokens:read',
  'platform-token:tokens:manage'
]
const DELETE_SCOPES = [
  'account-idm-write',
  'platform-token:tokens:manage',
  'platform-token:tokens:write'
]

function create(req: EmuRequest, ctx: Ctx) {
  requireAccountScope(req, ctx, CREATE_SCOPES)
  const body = parseJsonBody(req, (m) => accountError(400, m))
  if (!isObject(body)) throw accountError(400, 'Request body must be an object')

  const errors: Record<string, string> = {}
  if (typeof body.name !== 'string' || body.name === '') {
    errors.name = 'must not be empty'
  }
  for (const key of ['scope', 'resource', 'tags'] as const) {
    if (!isStringArray(body[key])) errors[key] = 'must be a list of strings'
  }
  if (isStringArray(body.scope) && body.scope.length === 0) {
    errors.scope = 'must not be empty'
  }
  const expires =
    typeof body.expirationDate === 'string'
      ? Date.parse(body.expirationDate)
      : NaN
  if (Number.isNaN(expires)) {
    errors.expirationDate = 'must be an ISO 8601 date-time'
  } else if (expires <= ctx.now()) {
    errors.expirationDate = 'must be in the future'
  }
  if (typeof body.userUuid !== 'string') errors.userUuid = 'must not be null'
  else if (!ctx.state.clients.some((c) => c.userUuid === body.userUuid)) {
    errors.userUuid = `user ${body.userUuid} is not a user of this account`
  }
  if (Object.keys(errors).length > 0) {
    throw accountError(
      400,
      `Invalid platform token request: ${Object.entries(errors)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}`,
      errors
    )
  }

  const tokenId = `dt0s16.${randomUpperAlnum(8)}`
  const record: PlatformTokenRecord = {
    tokenId,
    token: `${tokenId}.${randomUpperAlnum(64)}`,
    accountUuid: ctx.state.accountUuid,
    name: body.name as string,
    scope: body.scope as string[],
    resource: body.resource as string[],
    tags: body.tags as string[],
    expirationDate: iso(expires),
    userUuid: body.userUuid as string,
    createdAt: iso(ctx.now()),
    deletedAt: null
  }
  ctx.state.platformTokens.push(record)
  return json(200, {
    name: record.name,
    tokenId: record.tokenId,
    token: record.token
  })
}

function list(req: EmuRequest, ctx: Ctx) {
  requireAccountScope(req, ctx, READ_SCOPES)
  const term = (req.query.get('searchTerm') ?? '').toLowerCase()
  const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1)
  const size = Math.max(1, Number(req.query.get('size') ?? 100) || 100)
  const matching = ctx.state.platformTokens.filter(
    (t) =>
      !t.deletedAt &&
      (t.name.toLowerCase().includes(term) ||
        t.tokenId.toLowerCase().includes(term))
  )
  return json(200, {
    pageSize: size,
    pageNumber: page,
    total: matching.length,
    results: matching.slice((page - 1) * size, page * size).map((t) => ({
      tokenId: t.tokenId,
      accountUuid: t.accountUuid,
      description: '',
      name: t.name,
      scope: t.scope,
      tags: t.tags,
      resource: t.resource,
      expirationDate: t.expirationDate,
      userUuid: t.userUuid,
      metadata: { lastUsedAt: null, lastClientId: null }
    }))
  })
}

function remove(req: EmuRequest, ctx: Ctx) {
  requireAccountScope(req, ctx, DELETE_SCOPES)
  const id = req.params.platformTokenId!
  const token = ctx.state.platformTokens.find(
    (t) => t.tokenId === id && !t.deletedAt
  )
  if (!token) throw accountError(404, `Platform token ${id} not found`)
  token.deletedAt = iso(ctx.now())
  return { status: 200 }
}

export const platformTokenRoutes: Route[] = [
  { method: 'POST', pattern: BASE, handler: create },
  { method: 'GET', pattern: BASE, handler: list },
  { method: 'DELETE', pattern: `${BASE}/:platformTokenId`, handler: remove }
]
