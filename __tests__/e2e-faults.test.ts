/**
 * End to end over the committed bundle: network and server faults injected
 * by the emulator — throttling, 5xx, resets and hangs, including the
 * ambiguous ones where Dynatrace created a token whose answer was lost —
 * each on the bundled Node 24 and on the machine's own Node.
 */
import { describe, expect, test } from '@jest/globals'
import {
  DEMO_CLIENT,
  DEMO_SCOPES,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  annotations,
  emulatorInputs,
  nodeBinaries,
  runAction,
  runJob,
  type RunJobOptions,
  type StepResult
} from '../test/support/runner.js'
import {
  SSO,
  STACK,
  TOKENS,
  emulators,
  expectClean,
  sequence
} from '../test/support/e2e.js'

const emulator = emulators()

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The job's two steps with a look in between: what is live once main is
 * done, while later steps of the job would use the token.
 */
async function jobWithPause(
  emu: RunningEmulator,
  opts: RunJobOptions
): Promise<{
  main: StepResult
  post: StepResult
  liveAfterMain: ReturnType<RunningEmulator['liveTokens']>
}> {
  const { main } = await runJob({ ...opts, runPost: false })
  const liveAfterMain = emu.liveTokens()
  const post = await runAction({
    inputs: opts.inputs,
    ...(opts.node ? { node: opts.node } : {}),
    env: { ...opts.env, ...main.env },
    entry: 'post',
    state: main.state
  })
  return { main, post, liveAfterMain }
}

describe.each(nodeBinaries())('on $label', ({ path: node }) => {
  if (!node) {
    test.skip('binary not installed', () => undefined)
    return
  }
  const classic = (emu: RunningEmulator, extra: Record<string, string> = {}) =>
    emulatorInputs(emu, { 'token-scopes': 'ReadConfig', ...extra })

  test('SSO 429 with Retry-After: 1 waits a second, then succeeds', async () => {
    const emu = await emulator()
    emu.fault(
      { method: 'POST', path: SSO },
      { status: 429, headers: { 'retry-after': '1' } }
    )
    const { main, post } = await runJob({ node, inputs: classic(emu) })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    expect(main.log).toContain(
      'HTTP 429 while trying to get an SSO bearer token; retrying in 1.0 s (retry 1 of 4).'
    )
    const [throttled, granted] = emu.requests
    expect(throttled!.status).toBe(429)
    expect(granted!.status).toBe(200)
    expect(granted!.at - throttled!.at).toBeGreaterThanOrEqual(990)
    expect(emu.state.apiTokens).toHaveLength(1)
    expectClean(emu, [main, post])
  })

  test('503 on create, on the read-back and on the post DELETE: retried, one token', async () => {
    const emu = await emulator()
    emu.fault({ method: 'POST', path: TOKENS }, { status: 503 })
    emu.fault(
      { method: 'GET', path: new RegExp(`^${TOKENS}/`) },
      { status: 503 }
    )
    emu.fault(
      { method: 'DELETE', path: new RegExp(`^${TOKENS}/`) },
      { status: 503 }
    )
    const { main, post } = await runJob({ node, inputs: classic(emu) })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    const id = main.outputs['token-id']!
    expect(emu.state.apiTokens).toHaveLength(1)
    expect(main.log).toMatch(
      /HTTP 503 while trying to create the classic API token; retrying in \d\.\d s \(retry 1 of 4\)/
    )
    expect(main.log).toMatch(
      /HTTP 503 while trying to read back the new token to verify its scopes; retrying/
    )
    expect(post!.log).toMatch(
      new RegExp(
        `HTTP 503 while trying to revoke token ${escape(id)}; retrying`
      )
    )
    expect(post!.log).toContain(`Revoked token ${id}.`)
    expect(main.summary).toContain('Verified: read back from Dynatrace')
    expect(emu.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 200',
      'POST 503',
      'POST 201',
      'GET 503',
      'GET 200',
      'POST 200',
      'DELETE 503',
      'DELETE 204'
    ])
    expectClean(emu, [main, post])
  })

  test('502 on create (a gateway: ambiguous): looks for an orphan, finds none, creates once', async () => {
    const emu = await emulator()
    emu.fault({ method: 'POST', path: TOKENS }, { status: 502 })
    const { main, post } = await runJob({ node, inputs: classic(emu) })
    expect(main.exitCode).toBe(0)
    expect(main.log).toContain('No token was created by the failed request.')
    expect(emu.state.apiTokens).toHaveLength(1)
    const list = emu.requests[2]!
    expect(list.method).toBe('GET')
    const query = new URL(list.path, emu.url).searchParams
    expect(query.get('fields')?.split(',')).toEqual(
      expect.arrayContaining(['+name', '+creationDate'])
    )
    expect(sequence(emu).slice(0, 4)).toEqual([
      `POST ${SSO}`,
      `POST ${TOKENS}`,
      `GET ${TOKENS}`,
      `POST ${TOKENS}`
    ])
    expect(post!.exitCode).toBe(0)
    expectClean(emu, [main, post])
  })

  test('reset after the create was processed: the orphan is deleted, one token lives during the job', async () => {
    const emu = await emulator()
    emu.fault({ method: 'POST', path: TOKENS }, { reset: 'after' })
    const { main, post, liveAfterMain } = await jobWithPause(emu, {
      node,
      inputs: classic(emu)
    })
    expect(main.exitCode).toBe(0)
    const [orphan, token] = emu.state.apiTokens
    expect(emu.state.apiTokens).toHaveLength(2)
    expect(orphan!.name).toBe(token!.name)
    expect(main.outputs['token-id']).toBe(token!.id)
    expect(main.log).toContain(
      `Deleting token ${orphan!.id}, created by the request whose answer was lost.`
    )
    // The orphan was gone before the second token was even asked for.
    expect(Date.parse(orphan!.deletedAt!)).toBeLessThanOrEqual(
      Date.parse(token!.creationDate)
    )
    expect(liveAfterMain.map((t) => t.id)).toEqual([token!.id])
    expect(sequence(emu)).toEqual([
      `POST ${SSO}`,
      `POST ${TOKENS}`,
      `GET ${TOKENS}`,
      `DELETE ${TOKENS}/${orphan!.id}`,
      `POST ${TOKENS}`,
      `GET ${TOKENS}/${token!.id}`,
      `POST ${SSO}`,
      `DELETE ${TOKENS}/${token!.id}`
    ])
    expect(emu.requests[1]!.fault).toBe('reset:after')
    expect(post.exitCode).toBe(0)
    expect(post.log).toContain(`Revoked token ${token!.id}.`)
    expectClean(emu, [main, post])
  })

  test("a lost create never deletes a sibling matrix job's token (same default name)", async () => {
    const emu = await emulator()
    // Jobs of a matrix share GITHUB_RUN_ID, attempt and GITHUB_JOB, so the
    // default token name; the sibling is still deploying with its token.
    const env = { GITHUB_RUN_ID: '4242424242' }
    const sibling = await runJob({
      node,
      runPost: false,
      env,
      inputs: classic(emu)
    })
    expect(sibling.main.exitCode).toBe(0)
    const siblingId = sibling.main.outputs['token-id']!
    emu.fault({ method: 'POST', path: TOKENS }, { reset: 'after' })
    const { main, post, liveAfterMain } = await jobWithPause(emu, {
      node,
      env,
      inputs: classic(emu)
    })
    expect(main.exitCode).toBe(0)
    const [, orphan, token] = emu.state.apiTokens
    expect(emu.state.apiTokens).toHaveLength(3)
    expect(orphan!.name).toBe(emu.state.apiTokens[0]!.name)
    expect(main.log).toContain(`Deleting token ${orphan!.id}`)
    expect(main.log).not.toContain(`Deleting token ${siblingId}`)
    expect(liveAfterMain.map((t) => t.id).sort()).toEqual(
      [siblingId, token!.id].sort()
    )
    expect(post.exitCode).toBe(0)
    expect(emu.liveTokens().map((t) => t.id)).toEqual([siblingId])
    expectClean(emu, [sibling.main, main, post], { live: true })
  })

  test('hang after the create was processed (timeout-seconds 12): same recovery, no orphan left', async () => {
    const emu = await emulator()
    emu.fault({ method: 'POST', path: TOKENS }, { hang: 'after' })
    const { main, post, liveAfterMain } = await jobWithPause(emu, {
      node,
      inputs: classic(emu, { 'timeout-seconds': '12' })
    })
    expect(main.exitCode).toBe(0)
    // The hung create was waited out for its request timeout (a quarter of the
    // 12 s budget: Dynatrace saw the next request 3 s later), and given up early
    // enough to recover and succeed within the budget (exit 0 above).
    expect(emu.requests[2]!.at - emu.requests[1]!.at).toBeGreaterThanOrEqual(
      2990
    )
    const [orphan, token] = emu.state.apiTokens
    expect(emu.state.apiTokens).toHaveLength(2)
    expect(orphan!.deletedAt).not.toBeNull()
    expect(main.outputs['token-id']).toBe(token!.id)
    expect(main.log).toContain(`Deleting token ${orphan!.id}`)
    expect(liveAfterMain.map((t) => t.id)).toEqual([token!.id])
    expect(emu.requests[1]!.fault).toBe('hang:after')
    expect(post.exitCode).toBe(0)
    expectClean(emu, [main, post])
  })

  test('reset before the read-back was answered: the read is retried', async () => {
    const emu = await emulator()
    emu.fault(
      { method: 'GET', path: new RegExp(`^${TOKENS}/`) },
      { reset: 'before' }
    )
    const { main, post } = await runJob({ node, inputs: classic(emu) })
    expect(main.exitCode).toBe(0)
    expect(main.log).toMatch(
      /network error ECONNRESET while trying to read back the new token to verify its scopes; retrying/
    )
    expect(emu.state.apiTokens).toHaveLength(1)
    expect(main.summary).toContain('Verified: read back from Dynatrace')
    expect(post!.exitCode).toBe(0)
    expectClean(emu, [main, post])
  })

  test('reset after the post DELETE was processed: retried, the 404 counts as revoked', async () => {
    const emu = await emulator()
    emu.fault(
      { method: 'DELETE', path: new RegExp(`^${TOKENS}/`) },
      { reset: 'after' }
    )
    const { main, post } = await runJob({ node, inputs: classic(emu) })
    expect(main.exitCode).toBe(0)
    const id = main.outputs['token-id']!
    expect(post!.exitCode).toBe(0)
    expect(annotations(post!, 'warning')).toEqual([])
    expect(post!.log).toContain(
      `Token ${id} was already gone (counts as revoked).`
    )
    expect(
      emu.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)
    ).toEqual([0, 404])
    expectClean(emu, [main, post])
  })

  test('ambiguous create when the client may not list tokens: fails naming the token name and expiry', async () => {
    const readScopes = [
      'environment-api:api-tokens:read',
      'api-tokens:tokens:read'
    ]
    const emu = await emulator({
      clients: [
        {
          ...DEMO_CLIENT,
          scopes: DEMO_SCOPES.filter((s) => !readScopes.includes(s))
        }
      ]
    })
    emu.fault({ method: 'POST', path: TOKENS }, { reset: 'after' })
    const { main, post } = await runJob({ node, inputs: classic(emu) })
    const orphan = emu.state.apiTokens[0]!
    expect(emu.state.apiTokens).toHaveLength(1)
    expect(main.exitCode).toBe(1)
    const errors = annotations(main)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      new RegExp(
        `^Could not create the classic API token: network error ECONNRESET after the request was sent, so it may or may not have succeeded\\. It could not be checked whether a token named "${escape(orphan.name)}" was created \\(HTTP 403 listing tokens\\); if it exists it expires at ${escape(orphan.expirationDate!)}, .*Grant the OAuth client environment-api:api-tokens:read`
      )
    )
    expect(main.stdout).not.toMatch(STACK)
    // Not retried blindly: one create only.
    expect(sequence(emu)).toEqual([
      `POST ${SSO}`,
      `POST ${TOKENS}`,
      `GET ${TOKENS}`
    ])
    expect(post!.exitCode).toBe(0)
    // The orphan is the one token the action cannot know: the user is told.
    expect(emu.liveTokens().map((t) => t.id)).toEqual([orphan.id])
    expectClean(emu, [main, post], { live: true })
  })

  test('platform token: reset after the create was processed → orphan deleted, one token', async () => {
    const emu = await emulator()
    const account = emu.state.accountUuid
    const base = `/iam/v1/accounts/${account}/platform-tokens`
    emu.fault({ method: 'POST', path: base }, { reset: 'after' })
    const { main, post, liveAfterMain } = await jobWithPause(emu, {
      node,
      inputs: emulatorInputs(emu, {
        'token-type': 'platform',
        'token-scopes': 'settings:objects:read',
        'account-urn': account
      })
    })
    expect(main.exitCode).toBe(0)
    const [orphan, token] = emu.state.platformTokens
    expect(emu.state.platformTokens).toHaveLength(2)
    expect(orphan!.deletedAt).not.toBeNull()
    expect(main.outputs['token-id']).toBe(token!.tokenId)
    expect(liveAfterMain.map((t) => t.id)).toEqual([token!.tokenId])
    expect(sequence(emu)).toEqual([
      `POST ${SSO}`,
      `POST ${base}`,
      `GET ${base}`,
      `DELETE ${base}/${orphan!.tokenId}`,
      `POST ${base}`,
      `GET ${base}`,
      `POST ${SSO}`,
      `DELETE ${base}/${token!.tokenId}`
    ])
    expect(post.exitCode).toBe(0)
    expectClean(emu, [main, post])
  })
})
