/**
 * End to end over the committed bundle (dist/): the runner harness spawns
 * main and post as the GitHub runner does, against the Dynatrace emulator.
 * Happy paths, the job summary, revoke: false / mode: revoke and debug
 * logging (proxies: e2e-network) — each on the bundled Node 24 and on the
 * machine's own Node. Failures and faults: e2e-failures / e2e-faults.
 */
import { describe, expect, test } from '@jest/globals'
import { DEMO_CLIENT, type RunningEmulator } from '../test/emulator/index.js'
import {
  annotations,
  emulatorInputs,
  nodeBinaries,
  runJob
} from '../test/support/runner.js'
import {
  SSO,
  TOKENS,
  emulators,
  expectClean,
  sequence
} from '../test/support/e2e.js'

const emulator = emulators()

/**
 * The expiry a create asked for is the lifetime after Dynatrace's clock at that moment
 * (the last answer's Date header, whole seconds, plus the time since), cut to the
 * second plus the random milliseconds that tag the run. So it lies between the answer
 * before the create, less a second, and the create, plus a second — however long the
 * machine took between the two.
 */
function expectExpiryAfter(
  emu: RunningEmulator,
  createPath: string,
  expiresAt: string,
  lifetimeMs: number
): void {
  const i = emu.requests.findIndex(
    (r) => r.method === 'POST' && r.path.split('?')[0] === createPath
  )
  expect(i).toBeGreaterThan(0)
  const expiry = Date.parse(expiresAt)
  expect(expiry).toBeGreaterThan(emu.requests[i - 1]!.at + lifetimeMs - 1000)
  expect(expiry).toBeLessThan(emu.requests[i]!.at + lifetimeMs + 1000)
}

describe.each(nodeBinaries())('on $label', ({ path: node }) => {
  if (!node) {
    test.skip('binary not installed', () => undefined)
    return
  }

  test('classic happy path: outputs, export, summary, post revokes', async () => {
    const emu = await emulator()
    const { main, post } = await runJob({
      node,
      inputs: emulatorInputs(emu, {
        'token-scopes': 'ReadConfig, settings.read',
        'export-variable': 'DT_API_TOKEN'
      })
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)

    const record = emu.state.apiTokens[0]!
    expect(emu.state.apiTokens).toHaveLength(1)
    const o = main.outputs
    expect(o.token).toMatch(/^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/)
    expect(o.token).toBe(record.token)
    expect(o['token-id']).toBe(o.token!.split('.').slice(0, 2).join('.'))
    expect(o['token-id']).toBe(record.id)
    expect(o['token-type']).toBe('classic')
    expect(o['token-expires-at']).toBe(record.expirationDate)
    expectExpiryAfter(emu, TOKENS, o['token-expires-at']!, 3600_000)
    expect(o['token-scopes']).toBe('ReadConfig,settings.read')
    // The bearer is handed on only when asked for (output-access-token).
    expect(o['access-token']).toBeUndefined()
    expect(o['access-token-expires-at']).toBeUndefined()
    const mainBearer = emu.requests[1]!.headers.authorization!.slice(7)
    expect(emu.state.bearers.has(mainBearer)).toBe(true)
    expect(o['environment-url']).toBe(emu.url)
    expect(o['classic-environment-url']).toBe(emu.url)
    expect(main.env).toEqual({ DT_API_TOKEN: o.token })
    expect(record.name).toMatch(
      /^gha\/octo-org\/deploy-repo\/run-\d+-1\/deploy$/
    )
    expect(record.scopes).toEqual(['ReadConfig', 'settings.read'])

    // Masked before anything could print them.
    expect(main.masks).toEqual(
      expect.arrayContaining([DEMO_CLIENT.clientSecret, o.token, mainBearer])
    )
    // State: what revocation needs, nothing secret.
    expect(main.state).toEqual({
      'token-id': record.id,
      'token-type': 'classic',
      'expires-at': record.expirationDate,
      'sso-url': `${emu.url}${SSO}`,
      'platform-url': emu.url,
      revoke: 'true'
    })

    for (const text of [
      record.id,
      'Classic&nbsp;API&nbsp;token',
      '<code>ReadConfig</code>',
      '<code>settings.read</code>',
      'Verified: read back from Dynatrace after creation.',
      record.expirationDate!,
      'the post step revokes it when the job ends'
    ])
      expect(main.summary).toContain(text)
    expect(main.log).toContain(`Created classic token ${record.id}`)

    expect(post!.log).toContain(`Revoked token ${record.id}.`)
    expect(post!.summary).toContain('revoked')
    expect(record.deletedAt).not.toBeNull()
    expect(sequence(emu)).toEqual([
      `POST ${SSO}`,
      `POST ${TOKENS}`,
      `GET ${TOKENS}/${record.id}`,
      `POST ${SSO}`,
      `DELETE ${TOKENS}/${record.id}`
    ])
    // Post authenticates afresh rather than reusing main's bearer.
    const auth = emu.requests.map((r) => r.headers.authorization)
    expect(auth[4]).toMatch(/^Bearer /)
    expect(auth[4]).not.toBe(auth[1])
    // SSO without scope or resource by default.
    const form = new URLSearchParams(emu.requests[0]!.body)
    expect(form.get('grant_type')).toBe('client_credentials')
    expect(form.has('scope')).toBe(false)
    expect(form.has('resource')).toBe(false)
    expectClean(emu, [main, post], { allowedEnv: ['DT_API_TOKEN'] })
  })

  test('platform happy path: dt0s16 token via Account Management, deleted there', async () => {
    const emu = await emulator()
    const account = emu.state.accountUuid
    const { main, post } = await runJob({
      node,
      inputs: emulatorInputs(emu, {
        'token-type': 'platform',
        'token-scopes': 'settings:objects:read, settings:objects:write',
        'account-urn': `urn:dtaccount:${account}`,
        'token-lifetime': '30m'
      })
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    const record = emu.state.platformTokens[0]!
    expect(emu.state.platformTokens).toHaveLength(1)
    expect(main.outputs).toMatchObject({
      token: record.token,
      'token-id': record.tokenId,
      'token-type': 'platform',
      'token-expires-at': record.expirationDate,
      'token-scopes': 'settings:objects:read,settings:objects:write',
      'environment-url': emu.url
    })
    expect(main.outputs['token-id']).toMatch(/^dt0s16\.[A-Z0-9]+$/)
    expect(record.resource).toEqual(['urn:dtenvironment:abc12345'])
    expect(record.userUuid).toBe(DEMO_CLIENT.userUuid)
    expectExpiryAfter(
      emu,
      `/iam/v1/accounts/${account}/platform-tokens`,
      record.expirationDate!,
      1800_000
    )
    expect(main.masks).toContain(record.token)
    expect(main.state).toMatchObject({
      'token-type': 'platform',
      'account-api-url': emu.url,
      'account-uuid': account
    })
    expect(main.summary).toContain(record.tokenId)
    expect(main.summary).toContain('Platform&nbsp;token')

    const base = `/iam/v1/accounts/${account}/platform-tokens`
    // The list read-back verifies the scopes the token carries.
    expect(sequence(emu)).toEqual([
      `POST ${SSO}`,
      `POST ${base}`,
      `GET ${base}`,
      `POST ${SSO}`,
      `DELETE ${base}/${record.tokenId}`
    ])
    expect(main.summary).toContain(
      'Verified: read back from Dynatrace after creation.'
    )
    for (const i of [0, 3]) {
      expect(new URLSearchParams(emu.requests[i]!.body).get('resource')).toBe(
        `urn:dtaccount:${account}`
      )
    }
    expect(post!.log).toContain(`Revoked token ${record.tokenId}.`)
    expect(record.deletedAt).not.toBeNull()
    expectClean(emu, [main, post])
  })

  test('token-type none: only the bearer and the URLs, no state, post does nothing', async () => {
    const emu = await emulator()
    const { main, post } = await runJob({
      node,
      inputs: emulatorInputs(emu, { 'token-type': 'none' })
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    expect(Object.keys(main.outputs).sort()).toEqual([
      'access-token',
      'access-token-expires-at',
      'bindings-added',
      'classic-environment-url',
      'environment-url',
      'policies-changed'
    ])
    expect(emu.state.bearers.has(main.outputs['access-token']!)).toBe(true)
    expect(main.masks).toContain(main.outputs['access-token'])
    // The SSO bearer's expiry, on the emulator's clock (expires_in 300).
    const bearer = emu.state.bearers.get(main.outputs['access-token']!)!
    expect(
      Math.abs(
        Date.parse(main.outputs['access-token-expires-at']!) - bearer.exp * 1000
      )
    ).toBeLessThan(2000)
    expect(main.state).toEqual({})
    expect(main.env).toEqual({})
    expect(main.summary).toContain('no token minted')
    expect(post!.log).toContain('minted no token; nothing to revoke')
    expect(sequence(emu)).toEqual([`POST ${SSO}`])
    expectClean(emu, [main, post])
  })

  test('revoke: false leaves the token; a later mode: revoke job revokes it', async () => {
    const emu = await emulator()
    const first = await runJob({
      node,
      inputs: emulatorInputs(emu, {
        'token-scopes': 'ReadConfig',
        revoke: 'false'
      })
    })
    expect(first.main.exitCode).toBe(0)
    expect(first.post!.exitCode).toBe(0)
    const id = first.main.outputs['token-id']!
    expect(first.main.state.revoke).toBe('false')
    expect(first.main.summary).toContain('revoke: false')
    expect(first.post!.log).toContain(
      `revoke is false: token ${id} stays valid`
    )
    expect(first.post!.summary).toContain('not revoked')
    expect(emu.liveTokens().map((t) => t.id)).toEqual([id])
    expect(emu.requests.filter((r) => r.method === 'DELETE')).toEqual([])
    expectClean(emu, [first.main, first.post], { live: true })

    const before = emu.requests.length
    const second = await runJob({
      node,
      inputs: emulatorInputs(emu, { mode: 'revoke', 'token-id': id })
    })
    expect(second.main.exitCode).toBe(0)
    expect(second.post!.exitCode).toBe(0)
    expect(second.main.log).toContain(`Revoked token ${id}.`)
    expect(second.main.outputs['token-id']).toBe(id)
    expect(second.main.summary).toContain('revoked')
    expect(second.post!.log).toContain('nothing to revoke')
    expect(sequence(emu).slice(before)).toEqual([
      `POST ${SSO}`,
      `DELETE ${TOKENS}/${id}`
    ])
    expectClean(emu, [first.main, first.post, second.main, second.post])
  })

  test('RUNNER_DEBUG=1: debug lines in the log, still no secret', async () => {
    const emu = await emulator()
    const { main, post } = await runJob({
      node,
      inputs: emulatorInputs(emu, {
        'token-scopes': 'ReadConfig',
        'export-variable': 'DT_API_TOKEN'
      }),
      env: { RUNNER_DEBUG: '1' }
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    const id = main.outputs['token-id']!
    expect(main.log).toContain(`##[debug]POST ${emu.url}${SSO} → HTTP 200`)
    expect(main.log).toContain(`##[debug]POST ${emu.url}${TOKENS} → HTTP 201`)
    expect(main.log).toContain(
      `##[debug]GET ${emu.url}${TOKENS}/${id} → HTTP 200`
    )
    expect(post!.log).toContain(
      `##[debug]DELETE ${emu.url}${TOKENS}/${id} → HTTP 204`
    )
    expectClean(emu, [main, post], { allowedEnv: ['DT_API_TOKEN'] })
  })

  test('RUNNER_DEBUG=1 on a failure that echoes the client secret: masked, no stack', async () => {
    const emu = await emulator()
    emu.fault(
      { method: 'POST', path: TOKENS },
      {
        status: 500,
        body: JSON.stringify({
          error: { code: 500, message: `echo ${DEMO_CLIENT.clientSecret}` }
        })
      }
    )
    const { main, post } = await runJob({
      node,
      inputs: emulatorInputs(emu, { 'token-scopes': 'ReadConfig' }),
      env: { RUNNER_DEBUG: '1' }
    })
    expect(main.exitCode).toBe(1)
    expect(post!.exitCode).toBe(0)
    expect(annotations(main)).toEqual([
      expect.stringMatching(
        /^Could not create the classic API token on environment abc12345: HTTP 500: echo \*\*\*\. /
      )
    ])
    expect(main.log).toContain(`##[debug]POST ${emu.url}${TOKENS} → HTTP 500`)
    expect(main.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
    expectClean(emu, [main, post])
  })
})
