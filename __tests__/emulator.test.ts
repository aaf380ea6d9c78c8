/**
 * The Dynatrace emulator, exercised directly over HTTP (not through the
 * action), plus the pure helpers of the runner harness.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it
} from '@jest/globals'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BUILTIN_POLICIES,
  DEFAULT_CONTRACT_PATH,
  DEMO_CLIENT,
  DEMO_GROUPS,
  gatewayFault,
  iamRoutes,
  loadContract,
  startEmulator,
  startForwardProxy,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  parseFileCommands,
  renderLog,
  runJob,
  scanForLeaks,
  type StepResult
} from '../test/support/runner.js'
import { call, exchange, type Reply } from '../test/support/raw-http.js'

const ENV_TOKENS = '/platform/classic/environment-api/v2/apiTokens'
const CLASSIC_TOKENS = '/api/v2/apiTokens'

let emu: RunningEmulator
let acc: string

async function ssoToken(scope?: string): Promise<Reply> {
  const form: Record<string, string> = {
    grant_type: 'client_credentials',
    client_id: DEMO_CLIENT.clientId,
    client_secret: DEMO_CLIENT.clientSecret,
    resource: `urn:dtaccount:${acc}`
  }
  if (scope !== undefined) form.scope = scope
  return call(emu.url, 'POST', '/sso/oauth2/token', { form })
}

async function bearer(scope?: string): Promise<Record<string, string>> {
  const r = await ssoToken(scope)
  expect(r.status).toBe(200)
  return { authorization: `Bearer ${r.json.access_token}` }
}

beforeAll(async () => {
  emu = await startEmulator()
  acc = emu.state.accountUuid
})
afterAll(() => emu.close())

describe('SSO', () => {
  it('grants every client scope when none is requested, as a JWT-shaped bearer', async () => {
    const r = await ssoToken()
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({
      token_type: 'Bearer',
      resource: `urn:dtaccount:${acc}`,
      expires_in: 300,
      scope: DEMO_CLIENT.scopes.join(' ')
    })
    const [, payload] = (r.json.access_token as string).split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    expect(claims).toMatchObject({
      sub: DEMO_CLIENT.userUuid,
      aud: DEMO_CLIENT.clientId,
      res: `urn:dtaccount:${acc}`,
      gt: 'cc'
    })
    expect(claims.exp - claims.iat).toBe(300)
    expect(Date.parse(r.headers.date!)).not.toBeNaN()
  })

  it('rejects a wrong secret with invalid_client', async () => {
    const r = await call(emu.url, 'POST', '/sso/oauth2/token', {
      form: {
        grant_type: 'client_credentials',
        client_id: DEMO_CLIENT.clientId,
        client_secret: `${DEMO_CLIENT.clientSecret.slice(0, -1)}X`
      }
    })
    expect(r.status).toBe(400)
    expect(r.json).toEqual({
      error: 'invalid_client',
      error_description: 'Invalid client credentials'
    })
  })

  it('fails the whole request when one requested scope is missing', async () => {
    const r = await ssoToken('account-idm-read settings:objects:read')
    expect(r.status).toBe(400)
    expect(r.json.error).toBe('invalid_request')
    expect(r.json.error_description).toContain(
      'OAuth client is missing following scopes [settings:objects:read]'
    )
  })

  it('rejects a resource of another account', async () => {
    const r = await call(emu.url, 'POST', '/sso/oauth2/token', {
      form: {
        grant_type: 'client_credentials',
        client_id: DEMO_CLIENT.clientId,
        client_secret: DEMO_CLIENT.clientSecret,
        resource: 'urn:dtaccount:00000000-0000-4000-8000-000000000000'
      }
    })
    expect(r.status).toBe(400)
    expect(r.json.error).toBe('invalid_request')
  })

  it('expires bearers on the emulator clock, which also drives Date', async () => {
    const auth = await bearer('account-idm-read')
    const groups = `/iam/v1/accounts/${acc}/groups`
    expect((await call(emu.url, 'GET', groups, { headers: auth })).status).toBe(
      200
    )
    const before = Date.now()
    emu.advanceClock(301)
    try {
      const r = await call(emu.url, 'GET', groups, { headers: auth })
      expect(r.status).toBe(401)
      expect(r.json).toEqual({ error: { code: 401, message: 'Token expired' } })
      expect(Date.parse(r.headers.date!)).toBeGreaterThanOrEqual(
        before + 300_000
      )
    } finally {
      emu.advanceClock(-301)
    }
  })

  it('answers 403 naming the scope when the bearer lacks it', async () => {
    const auth = await bearer('account-env-read')
    const r = await call(emu.url, 'GET', `/iam/v1/accounts/${acc}/groups`, {
      headers: auth
    })
    expect(r.status).toBe(403)
    expect(r.json.message).toContain('account-idm-read')
    expect(r.json.errorsMap).toEqual({})
  })
})

describe('environment API tokens', () => {
  it('drops unknown scopes on create; GET and lookup return the rest', async () => {
    const auth = await bearer()
    const created = await call(emu.url, 'POST', ENV_TOKENS, {
      headers: auth,
      body: {
        name: 'ci',
        scopes: ['ReadConfig', 'NotAScope', 'settings.write'],
        expirationDate: 'now+2h'
      }
    })
    expect(created.status).toBe(201)
    const { id, token, expirationDate } = created.json
    expect(token).toMatch(/^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/)
    expect(token.startsWith(`${id}.`)).toBe(true)
    expect(Date.parse(expirationDate) - Date.now()).toBeGreaterThan(7_100_000)

    const got = await call(emu.url, 'GET', `${ENV_TOKENS}/${id}`, {
      headers: auth
    })
    expect(got.status).toBe(200)
    expect(got.json.scopes).toEqual(['ReadConfig', 'settings.write'])
    expect(got.text).not.toContain(token)

    const looked = await call(emu.url, 'POST', `${ENV_TOKENS}/lookup`, {
      headers: auth,
      body: { token }
    })
    expect(looked.json).toMatchObject({
      id,
      name: 'ci',
      owner: DEMO_CLIENT.userUuid
    })

    const list = await call(emu.url, 'GET', `${ENV_TOKENS}?fields=+scopes`, {
      headers: auth
    })
    expect(list.json.apiTokens).toContainEqual(
      expect.objectContaining({ id, scopes: ['ReadConfig', 'settings.write'] })
    )
  })

  it('accepts epoch millis and zone-less ISO, rejects the past', async () => {
    const auth = await bearer()
    const create = (expirationDate: unknown) =>
      call(emu.url, 'POST', ENV_TOKENS, {
        headers: auth,
        body: { name: 'e', scopes: ['ReadConfig'], expirationDate }
      })
    const inAnHour = Date.now() + 3_600_000
    const millis = await create(inAnHour)
    expect(Date.parse(millis.json.expirationDate)).toBe(inAnHour)
    const isoNoZone = new Date(inAnHour).toISOString().replace('Z', '')
    const fromIso = await create(isoNoZone.replace('T', ' '))
    expect(Date.parse(fromIso.json.expirationDate)).toBe(inAnHour)
    const past = await create('2020-01-01T00:00:00Z')
    expect(past.status).toBe(400)
    expect(past.json.error.constraintViolations[0].path).toBe('expirationDate')
  })

  it('needs the manage-settings permission to create', async () => {
    const other = await startEmulator({
      clients: [{ ...DEMO_CLIENT, canManageSettings: false }]
    })
    try {
      const sso = await call(other.url, 'POST', '/sso/oauth2/token', {
        form: {
          grant_type: 'client_credentials',
          client_id: DEMO_CLIENT.clientId,
          client_secret: DEMO_CLIENT.clientSecret
        }
      })
      const r = await call(other.url, 'POST', ENV_TOKENS, {
        headers: { authorization: `Bearer ${sso.json.access_token}` },
        body: { name: 'x', scopes: ['ReadConfig'] }
      })
      expect(r.status).toBe(403)
      expect(r.headers['dynatrace-response-source']).toBe('API Gateway')
      expect(r.json).toEqual({
        error: {
          code: 403,
          message: 'Missing permission: environment:roles:manage-settings',
          details: {
            missingPermissions: ['environment:roles:manage-settings']
          }
        }
      })
    } finally {
      await other.close()
    }
  })

  it('serves the classic route with Api-Token auth and classic scopes', async () => {
    const admin = emu.seedApiToken({
      name: 'admin',
      scopes: ['apiTokens.read', 'apiTokens.write']
    })
    const auth = { authorization: `Api-Token ${admin.token}` }
    const created = await call(emu.url, 'POST', CLASSIC_TOKENS, {
      headers: auth,
      body: {
        name: 'monaco',
        scopes: ['ReadConfig'],
        expirationDate: 'now+30m'
      }
    })
    expect(created.status).toBe(201)

    // The minted token can look itself up (any scope) but not create tokens.
    const minted = { authorization: `Api-Token ${created.json.token}` }
    const lookup = await call(emu.url, 'POST', `${CLASSIC_TOKENS}/lookup`, {
      headers: minted,
      body: { token: created.json.token }
    })
    expect(lookup.status).toBe(200)
    const denied = await call(emu.url, 'POST', CLASSIC_TOKENS, {
      headers: minted,
      body: { name: 'x', scopes: ['ReadConfig'] }
    })
    expect(denied.status).toBe(403)
    expect(denied.json.error.message).toContain('apiTokens.write')

    const self = await call(
      emu.url,
      'DELETE',
      `${CLASSIC_TOKENS}/${admin.id}`,
      {
        headers: auth
      }
    )
    expect(self.status).toBe(400)
    const del = await call(
      emu.url,
      'DELETE',
      `${CLASSIC_TOKENS}/${created.json.id}`,
      { headers: auth }
    )
    expect(del.status).toBe(204)
    const again = await call(
      emu.url,
      'DELETE',
      `${CLASSIC_TOKENS}/${created.json.id}`,
      { headers: auth }
    )
    expect(again.status).toBe(404)
  })

  it('refuses creation on both routes once classic tokens are retired', async () => {
    const admin = emu.seedApiToken({
      name: 'admin',
      scopes: ['apiTokens.write']
    })
    emu.retireClassicTokens()
    try {
      const body = { name: 'x', scopes: ['ReadConfig'] }
      for (const [path, auth] of [
        [ENV_TOKENS, await bearer()],
        [CLASSIC_TOKENS, { authorization: `Api-Token ${admin.token}` }]
      ] as const) {
        const r = await call(emu.url, 'POST', path, { headers: auth, body })
        expect(r.status).toBe(400)
        expect(r.json).toEqual({
          error: {
            code: 400,
            message:
              'Creation of new tokens is now only available in Account Management.'
          }
        })
      }
    } finally {
      emu.retireClassicTokens(false)
    }
  })
})

describe('platform tokens', () => {
  it('creates, lists and deletes', async () => {
    const auth = await bearer()
    const base = `/iam/v1/accounts/${acc}/platform-tokens`
    const created = await call(emu.url, 'POST', base, {
      headers: auth,
      body: {
        name: 'gha-platform',
        scope: ['settings:objects:read'],
        resource: ['urn:dtenvironment:abc12345'],
        tags: ['ci'],
        expirationDate: new Date(Date.now() + 3_600_000).toISOString(),
        userUuid: DEMO_CLIENT.userUuid
      }
    })
    expect(created.status).toBe(200)
    const { tokenId, token } = created.json
    expect(tokenId).toMatch(/^dt0s16\.[A-Z0-9]{8}$/)
    expect(token).toMatch(new RegExp(`^${tokenId}\\.[A-Z0-9]{64}$`))
    expect(emu.liveTokens()).toContainEqual(
      expect.objectContaining({ kind: 'platform', id: tokenId })
    )

    const list = await call(
      emu.url,
      'GET',
      `${base}?searchTerm=gha-plat&page=1&size=10`,
      {
        headers: auth
      }
    )
    expect(list.json).toMatchObject({ pageNumber: 1, pageSize: 10, total: 1 })
    expect(list.json.results[0]).toMatchObject({
      tokenId,
      status: 'ACTIVE',
      owner: DEMO_CLIENT.userUuid
    })
    expect(list.json.results[0]).not.toHaveProperty('userUuid')

    expect(
      (await call(emu.url, 'DELETE', `${base}/${tokenId}`, { headers: auth }))
        .status
    ).toBe(200)
    expect(
      (await call(emu.url, 'DELETE', `${base}/${tokenId}`, { headers: auth }))
        .status
    ).toBe(404)
    expect(emu.liveTokens().map((t) => t.id)).not.toContain(tokenId)
    // A revoked token stays listed, as REVOKED.
    const after = await call(emu.url, 'GET', `${base}?searchTerm=${tokenId}`, {
      headers: auth
    })
    expect(after.json.results).toEqual([
      expect.objectContaining({ tokenId, status: 'REVOKED' })
    ])
  })
})

describe('platform tokens as recorded live', () => {
  const base = () => `/iam/v1/accounts/${acc}/platform-tokens`
  const body = (extra: Record<string, unknown> = {}) => ({
    name: 'gha/o/r/run-1-1/job',
    scope: ['settings:objects:read'],
    resource: ['urn:dtenvironment:abc12345'],
    expirationDate: new Date(Date.now() + 3_600_000).toISOString(),
    ...extra
  })
  let fresh: RunningEmulator
  beforeEach(async () => {
    fresh = await startEmulator({
      contractPath: null,
      users: ['11111111-2222-4333-8444-555555555555'],
      platformTokenCaps: { perUser: 3, perAccount: 5 }
    })
  })
  afterEach(() => fresh.close())
  const auth = async (scope?: string): Promise<Record<string, string>> => {
    const form: Record<string, string> = {
      grant_type: 'client_credentials',
      client_id: DEMO_CLIENT.clientId,
      client_secret: DEMO_CLIENT.clientSecret
    }
    if (scope) form.scope = scope
    const r = await call(fresh.url, 'POST', '/sso/oauth2/token', { form })
    return { authorization: `Bearer ${r.json.access_token}` }
  }
  const create = async (extra: Record<string, unknown> = {}) =>
    call(fresh.url, 'POST', base(), {
      headers: await auth(),
      body: body(extra)
    })

  it('without userUuid the owner is the subject user; tags optional', async () => {
    const r = await create()
    expect(r.status).toBe(200)
    expect(fresh.state.platformTokens[0]!.userUuid).toBe(DEMO_CLIENT.userUuid)
  })

  it('a userUuid that is not a user of the account → 400; one that is, owns the token', async () => {
    const bad = await create({
      userUuid: '99999999-2222-4333-8444-555555555555'
    })
    expect(bad.status).toBe(400)
    expect(bad.json.errorsMap).toHaveProperty('userUuid')
    const good = await create({
      userUuid: '11111111-2222-4333-8444-555555555555'
    })
    expect(good.status).toBe(200)
    expect(fresh.state.platformTokens[0]!.userUuid).toBe(
      '11111111-2222-4333-8444-555555555555'
    )
  })

  it('scope as a string → 400 "Problem with json mapping."; no expirationDate → never expires', async () => {
    const r = await create({ scope: 'a:b c:d' })
    expect(r.status).toBe(400)
    expect(r.json.message).toBe('Problem with json mapping.')
    const never = await create({ expirationDate: undefined })
    expect(never.status).toBe(200)
    expect(fresh.state.platformTokens[0]!.expirationDate).toBeNull()
  })

  it('caps per user and per account, counting expired tokens but not revoked ones', async () => {
    fresh.seedPlatformToken({ name: 'old', expiresInSeconds: -3600 })
    fresh.seedPlatformToken({ name: 'old2', expiresInSeconds: -60 })
    fresh.seedPlatformToken({ name: 'gone', status: 'REVOKED' })
    expect((await create()).status).toBe(200)
    const capped = await create()
    expect(capped.status).toBe(400)
    expect(capped.json.message).toMatch(/maximum of 3 platform tokens/)
    const other = '11111111-2222-4333-8444-555555555555'
    expect((await create({ userUuid: other })).status).toBe(200)
    expect((await create({ userUuid: other })).status).toBe(200)
    const account = await create({ userUuid: other })
    expect(account.status).toBe(400)
    expect(account.json.message).toMatch(/maximum number of 5 platform tokens/)
  })

  it('lists from page 1 with size, status and searchTerm on id, name, createdBy and scope', async () => {
    for (let i = 0; i < 3; i++)
      fresh.seedPlatformToken({ name: `gha/o/r/${i}`, scope: ['storage:x'] })
    fresh.seedPlatformToken({ name: 'other', status: 'REVOKED' })
    const h = await auth()
    const get = (q: string) =>
      call(fresh.url, 'GET', `${base()}?${q}`, { headers: h })
    expect((await get('page=0')).status).toBe(400)
    const p2 = await get('page=2&size=2')
    expect(p2.json).toMatchObject({ pageNumber: 2, pageSize: 2, total: 4 })
    expect(p2.json.results).toHaveLength(2)
    expect((await get('status=REVOKED')).json.total).toBe(1)
    expect((await get('searchTerm=GHA/O/R/')).json.total).toBe(3)
    expect((await get('searchTerm=storage:x')).json.total).toBe(3)
    expect((await get(`searchTerm=${DEMO_CLIENT.userUuid}`)).json.total).toBe(4)
    const id = fresh.state.platformTokens[0]!.tokenId
    expect((await get(`searchTerm=${id}`)).json.results[0].tokenId).toBe(id)
  })

  it('a missing scope is a gateway 403 naming it in details.missingScopes', async () => {
    const r = await call(fresh.url, 'GET', base(), {
      headers: await auth('account-env-read')
    })
    expect(r.status).toBe(403)
    expect(r.headers['dynatrace-response-source']).toBe('API Gateway')
    expect(r.json.error.details.missingScopes).toEqual([
      'platform-token:tokens:manage'
    ])
  })

  it('gatewayFault answers retryAfterSeconds with the gateway header', async () => {
    fresh.fault({ method: 'GET', path: base() }, gatewayFault(429, 7))
    const r = await call(fresh.url, 'GET', base(), { headers: await auth() })
    expect(r.status).toBe(429)
    expect(r.headers['dynatrace-response-source']).toBe('API Gateway')
    expect(r.json.error.retryAfterSeconds).toBe(7)
  })

  it('Phase 3: classic create, list and DELETE answer 400', async () => {
    const seeded = fresh.seedApiToken({ name: 'x', scopes: ['ReadConfig'] })
    fresh.enterPhase3()
    const h = await auth()
    const del = await call(fresh.url, 'DELETE', `${ENV_TOKENS}/${seeded.id}`, {
      headers: h
    })
    expect(del.status).toBe(400)
    expect(
      (await call(fresh.url, 'GET', ENV_TOKENS, { headers: h })).status
    ).toBe(400)
    const created = await call(fresh.url, 'POST', ENV_TOKENS, {
      headers: h,
      body: { name: 'x', scopes: ['ReadConfig'] }
    })
    expect(created.status).toBe(400)
  })
})

describe('IAM', () => {
  const repo = () => `/iam/v1/repo/account/${acc}`
  const group = DEMO_GROUPS.deployers.uuid

  it('appends bindings with POST but replaces the group set with PUT …/bindings/groups', async () => {
    const auth = await bearer()
    emu.state.bindings.push({
      levelType: 'account',
      levelId: acc,
      policyUuid: BUILTIN_POLICIES.settingsReader.uuid,
      groupUuid: group
    })
    const post = await call(
      emu.url,
      'POST',
      `${repo()}/bindings/${BUILTIN_POLICIES.settingsWriter.uuid}`,
      { headers: auth, body: { groups: [group] } }
    )
    expect(post.status).toBe(204)
    const bound = await call(
      emu.url,
      'GET',
      `${repo()}/bindings/groups/${group}`,
      {
        headers: auth
      }
    )
    expect(bound.json.policyUuids.sort()).toEqual(
      [
        BUILTIN_POLICIES.settingsReader.uuid,
        BUILTIN_POLICIES.settingsWriter.uuid
      ].sort()
    )

    // Appending the same pair again changes nothing.
    await call(
      emu.url,
      'POST',
      `${repo()}/bindings/${BUILTIN_POLICIES.settingsWriter.uuid}`,
      {
        headers: auth,
        body: { groups: [group] }
      }
    )
    expect(
      emu.state.bindings.filter((b) => b.groupUuid === group)
    ).toHaveLength(2)

    const put = await call(
      emu.url,
      'PUT',
      `${repo()}/bindings/groups/${group}`,
      {
        headers: auth,
        body: { policyUuids: [BUILTIN_POLICIES.settingsWriter.uuid] }
      }
    )
    expect(put.status).toBe(204)
    expect(
      emu.state.bindings
        .filter((b) => b.groupUuid === group)
        .map((b) => b.policyUuid)
    ).toEqual([BUILTIN_POLICIES.settingsWriter.uuid])

    const all = await call(emu.url, 'GET', `${repo()}/bindings`, {
      headers: auth
    })
    expect(all.json).toMatchObject({
      levelType: 'account',
      levelId: acc,
      policyBindings: [
        { policyUuid: BUILTIN_POLICIES.settingsWriter.uuid, groups: [group] }
      ]
    })
  })

  it('answers 404 for unknown groups and policies', async () => {
    const auth = await bearer()
    const unknown = '11111111-2222-4333-8444-555555555555'
    const p = await call(emu.url, 'POST', `${repo()}/bindings/${unknown}`, {
      headers: auth,
      body: { groups: [group] }
    })
    expect(p.status).toBe(404)
    const g = await call(
      emu.url,
      'PUT',
      `${repo()}/bindings/${BUILTIN_POLICIES.settingsReader.uuid}/${unknown}`,
      { headers: auth, body: {} }
    )
    expect(g.status).toBe(404)
  })

  it('creates, finds by exact name and updates account policies', async () => {
    const auth = await bearer()
    const body = {
      name: 'ci-token-minter',
      description: 'mint tokens',
      statementQuery: 'ALLOW environment:roles:manage-settings;'
    }
    const created = await call(emu.url, 'POST', `${repo()}/policies`, {
      headers: auth,
      body
    })
    expect(created.status).toBe(201)
    expect(created.json.statements).toEqual([
      {
        effect: 'ALLOW',
        permissions: ['environment:roles:manage-settings'],
        conditions: []
      }
    ])
    const found = await call(
      emu.url,
      'GET',
      `${repo()}/policies?name=ci-token-minter`,
      {
        headers: auth
      }
    )
    expect(found.json.policies).toEqual([
      {
        uuid: created.json.uuid,
        name: 'ci-token-minter',
        description: 'mint tokens'
      }
    ])
    const none = await call(
      emu.url,
      'GET',
      `${repo()}/policies?name=ci-token`,
      { headers: auth }
    )
    expect(none.json.policies).toEqual([])
    const upd = await call(
      emu.url,
      'PUT',
      `${repo()}/policies/${created.json.uuid}`,
      {
        headers: auth,
        body: { ...body, description: 'changed' }
      }
    )
    expect(upd.status).toBe(204)
    const global = await call(
      emu.url,
      'POST',
      '/iam/v1/repo/global/global/policies',
      {
        headers: auth,
        body
      }
    )
    expect(global.status).toBe(400)
    expect(global.json.message).toBe(
      'This endpoint is unavailable within global level'
    )
  })

  it('rejects a statement that is not ALLOW|DENY perm[, perm] [WHERE …];', async () => {
    const r = await call(emu.url, 'POST', `${repo()}/policies`, {
      headers: await bearer(),
      body: { name: 'bad', description: '', statementQuery: 'GRANT everything' }
    })
    expect(r.status).toBe(400)
    expect(r.json.message).toContain('statement')
  })

  const contractPresent = existsSync(DEFAULT_CONTRACT_PATH)
  const withContract = contractPresent ? it : it.skip

  withContract('validates IAM bodies against the contract', async () => {
    const r = await call(emu.url, 'POST', `${repo()}/policies`, {
      headers: await bearer(),
      body: { name: 'no-description', statementQuery: 'ALLOW a:b;', tags: 'x' }
    })
    expect(r.status).toBe(400)
    expect(r.json).toMatchObject({
      code: 400,
      errorsMap: { description: 'must not be null', tags: expect.any(String) }
    })
  })

  withContract("requires the scopes the contract's x-token-scopes name", () => {
    const contract = loadContract(DEFAULT_CONTRACT_PATH)!
    for (const route of iamRoutes) {
      const template = route.pattern.replace(/:(\w+)/g, '{$1}')
      const op = contract.paths[template]?.[route.method.toLowerCase()]
      expect(op).toBeDefined()
      // Groups and environments carry no x-token-scopes; the docs name them.
      const scopes = op!['x-token-scopes'] ?? route.scopes
      const label = `${route.method} ${template}`
      expect({ [label]: route.scopes }).toEqual({ [label]: scopes })
    }
  })
})

describe('faults', () => {
  const create = (auth: Record<string, string>) =>
    call(emu.url, 'POST', ENV_TOKENS, {
      headers: auth,
      body: { name: 'fault', scopes: ['ReadConfig'] }
    })
  const count = () => emu.state.apiTokens.length

  it('answers queued statuses in order, then behaves normally', async () => {
    const auth = await bearer()
    emu.fault(
      { method: 'POST', path: ENV_TOKENS },
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 503 }
    )
    const first = await create(auth)
    expect(first.status).toBe(429)
    expect(first.headers['retry-after']).toBe('1')
    expect((await create(auth)).status).toBe(503)
    expect((await create(auth)).status).toBe(201)
    expect(emu.requests.slice(-3).map((r) => r.fault)).toEqual([
      'status:429',
      'status:503',
      undefined
    ])
  })

  it('resets before processing without creating anything', async () => {
    const auth = await bearer()
    const before = count()
    emu.fault({ path: ENV_TOKENS }, { reset: 'before' })
    await expect(create(auth)).rejects.toThrow()
    expect(count()).toBe(before)
  })

  it('resets after processing: the token exists but the client never hears', async () => {
    const auth = await bearer()
    const before = count()
    emu.fault({ path: ENV_TOKENS }, { reset: 'after' })
    await expect(create(auth)).rejects.toThrow()
    expect(count()).toBe(before + 1)
    expect(emu.requests.at(-1)).toMatchObject({
      status: 0,
      fault: 'reset:after'
    })
  })

  it('truncates the JSON body of a processed request', async () => {
    const auth = await bearer()
    emu.fault({ path: /apiTokens$/ }, { malformedJson: true })
    const r = await create(auth)
    expect(r.status).toBe(201)
    expect(() => JSON.parse(r.text)).toThrow()
    expect(emu.state.apiTokens.at(-1)!.name).toBe('fault')
  })

  it('redirects without processing and delays with latency', async () => {
    const auth = await bearer()
    const before = count()
    emu.fault(
      { path: ENV_TOKENS },
      { redirect: 'https://elsewhere.example/x' },
      { latencyMs: 150 }
    )
    const r = await create(auth)
    expect(r.status).toBe(302)
    expect(r.headers.location).toBe('https://elsewhere.example/x')
    expect(count()).toBe(before)
    const started = Date.now()
    expect((await create(auth)).status).toBe(201)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('hangs until close(), after processing with hang: "after"', async () => {
    const own = await startEmulator()
    const form = {
      grant_type: 'client_credentials',
      client_id: DEMO_CLIENT.clientId,
      client_secret: DEMO_CLIENT.clientSecret
    }
    own.fault({ path: '/sso/oauth2/token' }, { hang: 'after' }, { hang: true })
    const afterWork = call(own.url, 'POST', '/sso/oauth2/token', { form })
    const noWork = call(own.url, 'POST', '/sso/oauth2/token', { form })
    const settled = Promise.allSettled([afterWork, noWork])
    // Wait until both have arrived and the first was processed: polled, because how
    // long that takes depends on the machine's load.
    while (own.requests.length < 2 || own.state.bearers.size === 0) {
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(own.requests).toHaveLength(2)
    expect(own.state.bearers.size).toBe(1)
    await own.close()
    const results = await settled
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
  })

  it('clearFaults() drops pending faults', async () => {
    emu.fault({ path: '/sso/oauth2/token' }, { status: 500 })
    emu.clearFaults()
    expect((await ssoToken()).status).toBe(200)
  })
})

describe('routing, log and proxy', () => {
  it('answers 404 for unknown routes and logs every request', async () => {
    const r = await call(emu.url, 'GET', '/nope?x=1', {
      headers: { 'X-Test': 'yes' }
    })
    expect(r.status).toBe(404)
    expect(emu.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/nope?x=1',
      status: 404,
      headers: expect.objectContaining({ 'x-test': 'yes' })
    })
  })

  it('forwards absolute-URI requests and CONNECT tunnels, mapping *.localhost to loopback', async () => {
    const proxy = await startForwardProxy()
    try {
      const target = `emulator.localhost:${emu.port}`
      const plain = await call(proxy.url, 'GET', `http://${target}/nope`)
      expect(plain.status).toBe(404)

      const tunnel = connect(Number(new URL(proxy.url).port), '127.0.0.1')
      tunnel.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`)
      const [established] = (await once(tunnel, 'data')) as [Buffer]
      expect(established.toString()).toMatch(/^HTTP\/1.1 200/)
      const tunnelled = await exchange(
        tunnel,
        `GET /nope HTTP/1.1\r\nHost: ${target}\r\nConnection: close\r\n\r\n`
      )
      expect(tunnelled.status).toBe(404)
      expect(proxy.seen).toEqual([
        `emulator.localhost:${emu.port}`,
        `emulator.localhost:${emu.port}`
      ])
    } finally {
      await proxy.close()
    }
  })
})

describe('runner harness helpers', () => {
  it('parses name=value and heredoc file commands', () => {
    const text =
      'a=1\ntoken<<ghadelimiter_x\nline1\nline2\nghadelimiter_x\nb=x=y\n'
    expect(parseFileCommands(text)).toEqual({
      a: '1',
      token: 'line1\nline2',
      b: 'x=y'
    })
    expect(() => parseFileCommands('t<<EOF\nno end\n')).toThrow(/delimiter/)
  })

  it('masks values from the add-mask line onwards, as the runner log does', () => {
    const log = renderLog(
      [
        'early s3cr3t',
        '::add-mask::s3cr3t',
        'late s3cr3t',
        '::error::bad s3cr3t',
        '::debug::hidden'
      ].join('\n'),
      false
    )
    expect(log.split('\n')).toEqual([
      'early s3cr3t',
      'late ***',
      '##[error]bad ***'
    ])
  })

  it('finds leaks without echoing the secret', () => {
    const secret =
      'dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX.0123456789ABCDEF0123456789ABCDEF'
    const step: StepResult = {
      entry: 'main',
      exitCode: 0,
      stdout: `::add-mask::${secret}\nsecret part ${secret.split('.')[2]}`,
      stderr: '',
      outputs: { token: secret, 'token-id': secret },
      state: {},
      env: { DT_API_TOKEN: secret },
      summary: '',
      path: [],
      durationMs: 0,
      log: '',
      masks: [secret]
    }
    const findings = scanForLeaks(step, [secret], {
      allowedEnv: ['DT_API_TOKEN'],
      requests: [
        {
          method: 'DELETE',
          path: `/x/${secret}`,
          headers: {},
          body: '',
          status: 204,
          at: 0
        }
      ]
    })
    expect(findings).toEqual([
      'secret #1 (64 chars) in main step stdout line 2',
      'secret #1 (64 chars) in main step output "token-id"',
      'secret #1 (64 chars) in the URL of request #1 (DELETE)'
    ])
    expect(findings.join('\n')).not.toContain(secret.split('.')[2])
  })

  it('runs main then post like the runner, handing state and env over', async () => {
    // A stand-in action in plain CommonJS (no dist/ needed): it writes the
    // file commands by hand, the way @actions/core does.
    const dir = mkdtempSync(join(tmpdir(), 'fake-action-'))
    writeFileSync(
      join(dir, 'action.yml'),
      [
        'name: fake',
        'inputs:',
        '  client-id: { default: "" }',
        '  token-lifetime: { default: 1h }',
        'runs: { using: node24, main: main.js, post: post.js }'
      ].join('\n')
    )
    writeFileSync(
      join(dir, 'main.js'),
      `const fs = require('fs')
const e = process.env
const secret = 'tok-' + e['INPUT_CLIENT-ID']
console.log('::add-mask::' + secret)
console.log('minted ' + secret + ' for ' + e['INPUT_TOKEN-LIFETIME'])
console.log('inherited ' + (e.INPUT_STALE || 'none') + ' ' + (e.NODE_OPTIONS || 'none'))
fs.appendFileSync(e.GITHUB_OUTPUT, 'token<<EOF\\n' + secret + '\\nEOF\\n')
fs.appendFileSync(e.GITHUB_STATE, 'token-id=id-1\\n')
fs.appendFileSync(e.GITHUB_ENV, 'EXPORTED=yes\\n')
`
    )
    writeFileSync(
      join(dir, 'post.js'),
      `const e = process.env
console.log(['post', e['STATE_token-id'], e.EXPORTED, e['INPUT_CLIENT-ID']].join(' '))
`
    )
    process.env.INPUT_STALE = 'leaked-from-parent'
    try {
      const { main, post } = await runJob({
        inputs: { 'client-id': 'abc' },
        actionDir: dir
      })
      expect(main.exitCode).toBe(0)
      expect(main.outputs).toEqual({ token: 'tok-abc' })
      expect(main.state).toEqual({ 'token-id': 'id-1' })
      expect(main.env).toEqual({ EXPORTED: 'yes' })
      expect(main.masks).toEqual(['tok-abc'])
      expect(main.log.split('\n')).toEqual([
        'minted *** for 1h',
        'inherited none none',
        ''
      ])
      expect(post!.stdout.trim()).toBe('post id-1 yes abc')
      // Masked in the log, but printed all the same: still a finding.
      expect(scanForLeaks([main, post!], ['tok-abc'])).toEqual([
        'secret #1 (7 chars) in main step stdout line 2'
      ])
    } finally {
      delete process.env.INPUT_STALE
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
