/**
 * Account Management: groups, environments, IAM policies, bindings and
 * boundaries (https://docs.dynatrace.com/docs/dynatrace-api/account-management-api and
 * the Account Management OpenAPI at https://api.dynatrace.com/spec-json).
 *
 * Bindings are stored one record per (level, policy, group, parameters) and
 * grouped by policy when rendered, which is the shape LevelPolicyBindingDto
 * has. `PUT …/bindings/groups/{group}` really replaces the group's policy set,
 * so a client that calls it by mistake visibly removes other bindings.
 */
import { requireAccountScope } from './auth.js'
import {
  accountError,
  isObject,
  isStringArray,
  iso,
  json,
  noContent,
  parseJsonBody,
  randomUUID,
  UUID_RE
} from './http.js'
import { parseConditions, parseStatementQuery } from './statements.js'
import { requestSchema, validate } from './validate.js'
import type {
  BindingRecord,
  BoundaryRecord,
  Ctx,
  EmuRequest,
  Handler,
  LevelType,
  PolicyRecord,
  Route
} from './types.js'

/** Routes with the scopes they require (any of). Patterns use the spec's
 * parameter names so the table can be checked against `x-token-scopes`. */
export interface ScopedRoute extends Route {
  scopes: string[]
}

function scoped(
  method: string,
  pattern: string,
  scopes: string[],
  fn: Handler
): ScopedRoute {
  return {
    method,
    pattern,
    scopes,
    handler: (req, ctx) => {
      requireAccountScope(req, ctx, scopes)
      return fn(req, ctx)
    }
  }
}

/**
 * Parses a JSON body and, when the contract is loaded, validates it against
 * the operation's request schema (400 ErrorDto with errorsMap on violation).
 */
function readBody(req: EmuRequest, ctx: Ctx): unknown {
  const body = parseJsonBody(req, (m) => accountError(400, m))
  if (ctx.contract) {
    const schema = requestSchema(ctx.contract, req.method, req.pathname)
    if (schema) {
      const errors = validate(ctx.contract, schema, body)
      if (Object.keys(errors).length > 0) {
        throw accountError(
          400,
          `Request body is invalid: ${Object.entries(errors)
            .map(([k, v]) => `${k} ${v}`)
            .join('; ')}`,
          errors
        )
      }
    }
  }
  return body
}

/* ---------------------------------------------------------------- levels */

interface Level {
  levelType: LevelType
  levelId: string
}

function resolveLevel(req: EmuRequest, ctx: Ctx): Level {
  const { levelType, levelId } = req.params as Record<string, string>
  const known =
    (levelType === 'global' && levelId === 'global') ||
    (levelType === 'account' && levelId === ctx.state.accountUuid) ||
    (levelType === 'environment' &&
      ctx.state.environments.some((e) => e.id === levelId))
  if (!['global', 'account', 'environment'].includes(levelType!)) {
    throw accountError(400, `Invalid level type: ${levelType}`)
  }
  if (!known) throw accountError(404, `Level ${levelType}:${levelId} not found`)
  return { levelType: levelType as LevelType, levelId: levelId! }
}

const GLOBAL_UNAVAILABLE = 'This endpoint is unavailable within global level'

function writableLevel(req: EmuRequest, ctx: Ctx): Level {
  const level = resolveLevel(req, ctx)
  if (level.levelType === 'global') throw accountError(400, GLOBAL_UNAVAILABLE)
  return level
}

function uuidParam(req: EmuRequest, name: string): string {
  const v = req.params[name]!
  if (!UUID_RE.test(v)) {
    throw accountError(400, `Validation failed (uuid is expected): ${name}`)
  }
  return v
}

const sameLevel = (a: Level, b: Level): boolean =>
  a.levelType === b.levelType && a.levelId === b.levelId

/** Policies usable in bindings at `level`: its own and its ancestors'. */
function bindablePolicy(ctx: Ctx, level: Level, uuid: string): PolicyRecord {
  const policy = ctx.state.policies.find(
    (p) =>
      p.uuid === uuid &&
      (p.levelType === 'global' ||
        (p.levelType === 'account' && level.levelType !== 'global') ||
        sameLevel(p, level))
  )
  if (!policy) throw accountError(404, `Policy ${uuid} not found`)
  return policy
}

function existingGroup(ctx: Ctx, uuid: string): string {
  if (!ctx.state.groups.some((g) => g.uuid === uuid)) {
    throw accountError(404, `Group ${uuid} not found`)
  }
  return uuid
}

function existingBoundaries(ctx: Ctx, uuids: unknown): string[] | undefined {
  if (uuids === undefined || uuids === null) return undefined
  if (!isStringArray(uuids)) {
    throw accountError(400, 'boundaries must be a list of UUIDs')
  }
  for (const b of uuids) {
    if (!ctx.state.boundaries.some((x) => x.uuid === b)) {
      throw accountError(404, `Boundary ${b} not found`)
    }
  }
  return uuids
}

/* ---------------------------------------------------- groups, environments */

const groupRoutes: ScopedRoute[] = [
  scoped(
    'GET',
    '/iam/v1/accounts/:accountUuid/groups',
    ['account-idm-read'],
    (_req, ctx) =>
      json(200, { count: ctx.state.groups.length, items: ctx.state.groups })
  ),
  scoped(
    'POST',
    '/iam/v1/accounts/:accountUuid/groups',
    ['account-idm-write'],
    (req, ctx) => {
      const body = readBody(req, ctx)
      if (!Array.isArray(body)) {
        throw accountError(400, 'Request body must be a list of groups')
      }
      const now = iso(ctx.now())
      const created = body.map((g: unknown) => {
        if (!isObject(g) || typeof g.name !== 'string' || g.name === '') {
          throw accountError(400, 'Group name must not be empty')
        }
        if (ctx.state.groups.some((x) => x.name === g.name)) {
          throw accountError(400, `Group with name ${g.name} already exists`)
        }
        return {
          uuid: randomUUID(),
          name: g.name,
          description: typeof g.description === 'string' ? g.description : '',
          federatedAttributeValues: isStringArray(g.federatedAttributeValues)
            ? g.federatedAttributeValues
            : [],
          owner: 'LOCAL' as const,
          createdAt: now,
          updatedAt: now
        }
      })
      ctx.state.groups.push(...created)
      return json(201, created)
    }
  ),
  scoped(
    'GET',
    '/env/v2/accounts/:accountUuid/environments',
    ['account-env-read'],
    (_req, ctx) => json(200, { data: ctx.state.environments })
  )
]

/* --------------------------------------------------------------- policies */

const POLICIES_READ = ['iam-policies-management', 'iam:policies:read']
const POLICIES_WRITE = ['iam-policies-management', 'iam:policies:write']
const POLICIES = '/iam/v1/repo/:levelType/:levelId/policies'

function policyDto(p: PolicyRecord): Record<string, unknown> {
  const parsed = parseStatementQuery(p.statementQuery)
  return {
    uuid: p.uuid,
    name: p.name,
    tags: p.tags,
    description: p.description,
    statementQuery: p.statementQuery,
    statements: 'statements' in parsed ? parsed.statements : []
  }
}

/** Checks a policy write and returns its fields. Environment-level policies
 * are deprecated by Dynatrace, so the emulator serves them read-only. */
function policyWrite(
  req: EmuRequest,
  ctx: Ctx
): { level: Level; fields: Omit<PolicyRecord, 'uuid' | keyof Level> } {
  const level = writableLevel(req, ctx)
  if (level.levelType === 'environment') {
    throw accountError(
      400,
      'Policies on environment level are deprecated; create an account ' +
        'policy and bind it on the environment level instead'
    )
  }
  const body = readBody(req, ctx)
  if (
    !isObject(body) ||
    typeof body.name !== 'string' ||
    typeof body.description !== 'string' ||
    typeof body.statementQuery !== 'string'
  ) {
    throw accountError(
      400,
      'name, description and statementQuery are required strings'
    )
  }
  if (body.name.trim() === '') throw accountError(400, 'name must not be empty')
  const parsed = parseStatementQuery(body.statementQuery)
  if ('error' in parsed) {
    throw accountError(400, parsed.error, { statementQuery: parsed.error })
  }
  return {
    level,
    fields: {
      name: body.name,
      description: body.description,
      tags: isStringArray(body.tags) ? body.tags : [],
      statementQuery: body.statementQuery
    }
  }
}

function nameTaken(
  ctx: Ctx,
  level: Level,
  name: string,
  except?: string
): boolean {
  return ctx.state.policies.some(
    (p) => sameLevel(p, level) && p.name === name && p.uuid !== except
  )
}

const policyRoutes: ScopedRoute[] = [
  scoped('GET', POLICIES, POLICIES_READ, (req, ctx) => {
    const level = resolveLevel(req, ctx)
    const name = req.query.get('name')
    const policies = ctx.state.policies
      .filter((p) => sameLevel(p, level) && (name === null || p.name === name))
      .map(({ uuid, name, description }) => ({ uuid, name, description }))
    return json(200, { policies })
  }),
  scoped('POST', POLICIES, POLICIES_WRITE, (req, ctx) => {
    const { level, fields } = policyWrite(req, ctx)
    if (nameTaken(ctx, level, fields.name)) {
      throw accountError(409, `Policy with name ${fields.name} already exists`)
    }
    const policy: PolicyRecord = { uuid: randomUUID(), ...level, ...fields }
    ctx.state.policies.push(policy)
    return json(201, policyDto(policy))
  }),
  scoped('GET', `${POLICIES}/:policyUuid`, POLICIES_READ, (req, ctx) => {
    const level = resolveLevel(req, ctx)
    const uuid = uuidParam(req, 'policyUuid')
    const policy = ctx.state.policies.find(
      (p) => p.uuid === uuid && sameLevel(p, level)
    )
    if (!policy) throw accountError(404, `Policy ${uuid} not found`)
    return json(200, policyDto(policy))
  }),
  // PUT creates the policy under the given UUID when it does not exist.
  scoped('PUT', `${POLICIES}/:policyUuid`, POLICIES_WRITE, (req, ctx) => {
    const uuid = uuidParam(req, 'policyUuid')
    const { level, fields } = policyWrite(req, ctx)
    if (nameTaken(ctx, level, fields.name, uuid)) {
      throw accountError(409, `Policy with name ${fields.name} already exists`)
    }
    const existing = ctx.state.policies.find(
      (p) => p.uuid === uuid && sameLevel(p, level)
    )
    if (existing) {
      Object.assign(existing, fields)
      return noContent()
    }
    const policy: PolicyRecord = { uuid, ...level, ...fields }
    ctx.state.policies.push(policy)
    return json(201, policyDto(policy))
  }),
  scoped('DELETE', `${POLICIES}/:policyUuid`, POLICIES_WRITE, (req, ctx) => {
    const level = writableLevel(req, ctx)
    const uuid = uuidParam(req, 'policyUuid')
    const i = ctx.state.policies.findIndex(
      (p) => p.uuid === uuid && sameLevel(p, level)
    )
    if (i < 0) throw accountError(404, `Policy ${uuid} not found`)
    const bound = ctx.state.bindings.some((b) => b.policyUuid === uuid)
    if (bound && req.query.get('force') !== 'true') {
      throw accountError(400, `Policy ${uuid} is in use; use force=true`)
    }
    ctx.state.policies.splice(i, 1)
    removeBindings(ctx, (b) => b.policyUuid === uuid)
    return noContent()
  })
]

/* --------------------------------------------------------------- bindings */

const BINDINGS_READ = ['iam-policies-management', 'iam:bindings:read']
const BINDINGS_WRITE = ['iam-policies-management', 'iam:bindings:write']
const BINDINGS = '/iam/v1/repo/:levelType/:levelId/bindings'

const stable = (v: unknown): string => JSON.stringify(v ?? {})

function renderBindings(
  level: Level,
  records: BindingRecord[]
): Record<string, unknown> {
  // Bindings that differ only in the group are one entry with several groups.
  const entries = new Map<string, Record<string, unknown>>()
  for (const b of records) {
    const key = [b.policyUuid, stable(b.parameters), stable(b.metadata)]
      .concat(stable(b.boundaries))
      .join('|')
    const entry = entries.get(key)
    if (entry) (entry.groups as string[]).push(b.groupUuid)
    else {
      entries.set(key, {
        policyUuid: b.policyUuid,
        groups: [b.groupUuid],
        parameters: b.parameters ?? {},
        metadata: b.metadata ?? {},
        boundaries: b.boundaries ?? []
      })
    }
  }
  return { ...level, policyBindings: [...entries.values()] }
}

/** Removes in place, so arrays tests hold on to stay live. */
function removeBindings(
  ctx: Ctx,
  predicate: (b: BindingRecord) => boolean
): void {
  const kept = ctx.state.bindings.filter((b) => !predicate(b))
  ctx.state.bindings.splice(0, ctx.state.bindings.length, ...kept)
}

function bindingsAt(ctx: Ctx, level: Level): BindingRecord[] {
  return ctx.state.bindings.filter((b) => sameLevel(b, level))
}

function stringMap(
  v: unknown,
  name: string
): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined
  if (!isObject(v) || !Object.values(v).every((x) => typeof x === 'string')) {
    throw accountError(400, `${name} must be a map of strings`)
  }
  return v as Record<string, string>
}

/** Adds or updates the (policy, group, parameters) binding at a level.
 * `merge` (POST, append) unions boundaries; otherwise (PUT) replaces them. */
function upsertBinding(ctx: Ctx, wanted: BindingRecord, merge: boolean): void {
  const existing = ctx.state.bindings.find(
    (b) =>
      sameLevel(b, wanted) &&
      b.policyUuid === wanted.policyUuid &&
      b.groupUuid === wanted.groupUuid &&
      stable(b.parameters) === stable(wanted.parameters)
  )
  if (!existing) {
    ctx.state.bindings.push(wanted)
    return
  }
  if (merge) {
    const union = new Set([
      ...(existing.boundaries ?? []),
      ...(wanted.boundaries ?? [])
    ])
    existing.boundaries = [...union]
    existing.metadata = { ...existing.metadata, ...wanted.metadata }
  } else {
    existing.boundaries = wanted.boundaries ?? []
    existing.metadata = wanted.metadata ?? {}
  }
}

function pairBody(req: EmuRequest, ctx: Ctx): Partial<BindingRecord> {
  const body = readBody(req, ctx) ?? {}
  if (!isObject(body)) throw accountError(400, 'Request body must be an object')
  return withoutUndefined({
    parameters: stringMap(body.parameters, 'parameters'),
    metadata: stringMap(body.metadata, 'metadata'),
    boundaries: existingBoundaries(ctx, body.boundaries)
  })
}

/** `T` with its possibly-undefined properties made optional instead (as the object is after filtering). */
type WithoutUndefined<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K]
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<
    T[K],
    undefined
  >
}

function withoutUndefined<T extends object>(o: T): WithoutUndefined<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined)
  ) as WithoutUndefined<T>
}

const bindingRoutes: ScopedRoute[] = [
  scoped('GET', BINDINGS, BINDINGS_READ, (req, ctx) => {
    const level = resolveLevel(req, ctx)
    return json(200, renderBindings(level, bindingsAt(ctx, level)))
  }),
  scoped('DELETE', BINDINGS, BINDINGS_WRITE, (req, ctx) => {
    const level = writableLevel(req, ctx)
    removeBindings(ctx, (b) => sameLevel(b, level))
    return noContent()
  }),
  // Literal `groups` routes come before `{policyUuid}/{groupUuid}`.
  scoped('GET', `${BINDINGS}/groups/:groupUuid`, BINDINGS_READ, (req, ctx) => {
    const level = resolveLevel(req, ctx)
    const group = existingGroup(ctx, uuidParam(req, 'groupUuid'))
    const mine = bindingsAt(ctx, level).filter((b) => b.groupUuid === group)
    const policyUuids = [...new Set(mine.map((b) => b.policyUuid))]
    if (req.query.get('details') !== 'true') {
      return json(200, { policyUuids })
    }
    // bindingsDetails is not in the vendored spec; Terraform reads it.
    const bindingsDetails = mine.map((b) => ({
      policyUuid: b.policyUuid,
      groups: [b.groupUuid],
      parameters: b.parameters ?? {},
      metadata: b.metadata ?? {},
      boundaries: b.boundaries ?? [],
      levelId: b.levelId,
      levelType: b.levelType
    }))
    return json(200, { policyUuids, bindingsDetails })
  }),
  // REPLACES the group's whole policy set at this level: every binding of
  // the group to a policy not in the list is discarded.
  scoped('PUT', `${BINDINGS}/groups/:groupUuid`, BINDINGS_WRITE, (req, ctx) => {
    const level = writableLevel(req, ctx)
    const group = existingGroup(ctx, uuidParam(req, 'groupUuid'))
    const body = readBody(req, ctx)
    if (!isObject(body) || !isStringArray(body.policyUuids)) {
      throw accountError(400, 'policyUuids must be a list of UUIDs')
    }
    const wanted = new Set(body.policyUuids)
    for (const p of wanted) bindablePolicy(ctx, level, p)
    removeBindings(
      ctx,
      (b) =>
        sameLevel(b, level) &&
        b.groupUuid === group &&
        !wanted.has(b.policyUuid)
    )
    for (const policyUuid of wanted) {
      const bound = ctx.state.bindings.some(
        (b) =>
          sameLevel(b, level) &&
          b.groupUuid === group &&
          b.policyUuid === policyUuid
      )
      if (!bound) {
        ctx.state.bindings.push({ ...level, policyUuid, groupUuid: group })
      }
    }
    return noContent()
  }),
  scoped('GET', `${BINDINGS}/:policyUuid`, BINDINGS_READ, (req, ctx) => {
    const level = writableLevel(req, ctx)
    const policy = bindablePolicy(ctx, level, uuidParam(req, 'policyUuid'))
    const mine = bindingsAt(ctx, level).filter(
      (b) => b.policyUuid === policy.uuid
    )
    return json(200, renderBindings(level, mine))
  }),
  // Appends groups; existing bindings remain unaffected and appending an
  // existing (policy, group) pair is a no-op (apart from new boundaries).
  scoped('POST', `${BINDINGS}/:policyUuid`, BINDINGS_WRITE, (req, ctx) => {
    const level = writableLevel(req, ctx)
    const policy = bindablePolicy(ctx, level, uuidParam(req, 'policyUuid'))
    const body = readBody(req, ctx)
    if (!isObject(body) || !isStringArray(body.groups)) {
      throw accountError(400, 'groups must be a list of group UUIDs')
    }
    const boundaries = existingBoundaries(ctx, body.boundaries)
    const groups = body.groups.map((g) => existingGroup(ctx, g))
    for (const groupUuid of groups) {
      upsertBinding(
        ctx,
        withoutUndefined({
          ...level,
          policyUuid: policy.uuid,
          groupUuid,
          boundaries
        }),
        true
      )
    }
    return noContent()
  }),
  scoped('DELETE', `${BINDINGS}/:policyUuid`, BINDINGS_WRITE, (req, ctx) => {
    const level = writableLevel(req, ctx)
    const policy = bindablePolicy(ctx, level, uuidParam(req, 'policyUuid'))
    removeBindings(
      ctx,
      (b) => sameLevel(b, level) && b.policyUuid === policy.uuid
    )
    return noContent()
  }),
  scoped(
    'GET',
    `${BINDINGS}/:policyUuid/:groupUuid`,
    BINDINGS_READ,
    (req, ctx) => {
      const level = writableLevel(req, ctx)
      const policy = bindablePolicy(ctx, level, uuidParam(req, 'policyUuid'))
      const group = existingGroup(ctx, uuidParam(req, 'groupUuid'))
      const mine = bindingsAt(ctx, level).filter(
        (b) => b.policyUuid === policy.uuid && b.groupUuid === group
      )
      return json(200, renderBindings(level, mine))
    }
  ),
  ...(['POST', 'PUT'] as const).map((method) =>
    scoped(
      method,
      `${BINDINGS}/:policyUuid/:groupUuid`,
      BINDINGS_WRITE,
      (req, ctx) => {
        const level = writableLevel(req, ctx)
        const policy = bindablePolicy(ctx, level, uuidParam(req, 'policyUuid'))
        const group = existingGroup(ctx, uuidParam(req, 'groupUuid'))
        const fields = pairBody(req, ctx)
        upsertBinding(
          ctx,
          withoutUndefined({
            ...level,
            ...fields,
            policyUuid: policy.uuid,
            groupUuid: group
          }),
          method === 'POST'
        )
        return noContent()
      }
    )
  ),
  scoped(
    'DELETE',
    `${BINDINGS}/:policyUuid/:groupUuid`,
    BINDINGS_WRITE,
    (req, ctx) => {
      const level = writableLevel(req, ctx)
      const policy = bindablePolicy(ctx, level, uuidParam(req, 'policyUuid'))
      const group = existingGroup(ctx, uuidParam(req, 'groupUuid'))
      const match = (b: BindingRecord): boolean =>
        sameLevel(b, level) &&
        b.policyUuid === policy.uuid &&
        b.groupUuid === group
      const count = ctx.state.bindings.filter(match).length
      if (count === 0) throw accountError(404, 'Binding not found')
      if (count > 1 && req.query.get('forceMultiple') !== 'true') {
        throw accountError(
          400,
          `${count} bindings match; use forceMultiple=true to delete them all`
        )
      }
      removeBindings(ctx, match)
      return noContent()
    }
  )
]

/* ------------------------------------------------------------- boundaries */

const BOUNDARIES = '/iam/v1/repo/account/:accountId/boundaries'

function boundaryOverview(
  ctx: Ctx,
  b: BoundaryRecord
): Record<string, unknown> {
  const conditions = b.boundaryQuery
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((s) => parseConditions(s) ?? [])
  return {
    uuid: b.uuid,
    levelType: 'account',
    levelId: ctx.state.accountUuid,
    name: b.name,
    boundaryQuery: b.boundaryQuery,
    boundaryConditions: conditions,
    metadata: b.metadata
  }
}

const boundaryRoutes: ScopedRoute[] = [
  scoped(
    'GET',
    BOUNDARIES,
    ['iam-policies-management', 'iam:boundaries:read'],
    (req, ctx) => {
      const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1)
      const size = Math.max(1, Number(req.query.get('size') ?? 100) || 100)
      const all = ctx.state.boundaries
      return json(200, {
        pageSize: size,
        pageNumber: page,
        totalCount: all.length,
        content: all
          .slice((page - 1) * size, page * size)
          .map((b) => boundaryOverview(ctx, b))
      })
    }
  ),
  scoped(
    'POST',
    BOUNDARIES,
    ['iam-policies-management', 'iam:boundaries:write'],
    (req, ctx) => {
      const body = readBody(req, ctx)
      if (
        !isObject(body) ||
        typeof body.name !== 'string' ||
        typeof body.boundaryQuery !== 'string'
      ) {
        throw accountError(400, 'name and boundaryQuery are required strings')
      }
      const conditions = body.boundaryQuery
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
      if (
        conditions.length === 0 ||
        !conditions.every((c) => parseConditions(c))
      ) {
        throw accountError(400, `Invalid boundary query: ${body.boundaryQuery}`)
      }
      const boundary = {
        uuid: randomUUID(),
        name: body.name,
        boundaryQuery: body.boundaryQuery,
        metadata: isObject(body.metadata) ? body.metadata : {}
      }
      ctx.state.boundaries.push(boundary)
      return json(201, boundaryOverview(ctx, boundary))
    }
  ),
  scoped(
    'GET',
    `${BOUNDARIES}/:policyBoundaryUuid`,
    ['iam-policies-management', 'iam:boundaries:read'],
    (req, ctx) => {
      const uuid = uuidParam(req, 'policyBoundaryUuid')
      const b = ctx.state.boundaries.find((x) => x.uuid === uuid)
      if (!b) throw accountError(404, `Boundary ${uuid} not found`)
      return json(200, boundaryOverview(ctx, b))
    }
  )
]

export const iamRoutes: ScopedRoute[] = [
  ...groupRoutes,
  ...policyRoutes,
  ...bindingRoutes,
  ...boundaryRoutes
]
