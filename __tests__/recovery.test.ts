/**
 * Network failures that nock cannot stage (a connection that existed, then a reset or a
 * hang; a refused connection), against the emulator on loopback, in-process.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { findLeaks, runStep } from './support/in-process.js'
import {
  DEFAULT_ACCOUNT_UUID,
  DEMO_CLIENT,
  startEmulator,
  type RunningEmulator
} from '../test/emulator/index.js'

const NAME = 'gha/octo-org/deploy-repo/run-4242-1/deploy'
const TOKENS = '/platform/classic/environment-api/v2/apiTokens'
let em: RunningEmulator

beforeEach(async () => {
  em = await startEmulator()
})
afterEach(async () => {
  await em.close()
})

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'client-id': DEMO_CLIENT.clientId,
    'client-secret': DEMO_CLIENT.clientSecret,
    'environment-url': em.url,
    'environment-id': 'abc12345',
    'sso-url': `${em.url}/sso/oauth2/token`,
    'account-api-url': em.url,
    'account-urn': `urn:dtaccount:${DEFAULT_ACCOUNT_UUID}`,
    'allow-custom-endpoints': 'true',
    'token-scopes': 'ReadConfig, WriteConfig',
    ...extra
  }
}

/** Every secret the emulator handed out, plus the client secret. */
function secrets(): string[] {
  return [
    DEMO_CLIENT.clientSecret,
    ...[...em.state.bearers.keys()],
    ...em.state.apiTokens.map((t) => t.token),
    ...em.state.platformTokens.map((t) => t.token)
  ]
}

const calls = (): string[] =>
  em.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)

describe('a creating request whose answer is lost', () => {
  test('reset after the token was created: the orphan is deleted, a sibling job’s token is not', async () => {
    // Another job of the same matrix: same default name, created a moment ago.
    const sibling = em.seedApiToken({
      name: NAME,
      scopes: ['ReadConfig'],
      expiresInSeconds: 3600
    })
    em.fault({ method: 'POST', path: TOKENS }, { reset: 'after' })
    const run = await runStep({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(calls()).toEqual([
      'POST /sso/oauth2/token',
      `POST ${TOKENS}`,
      `GET ${TOKENS}`,
      expect.stringMatching(new RegExp(`^DELETE ${TOKENS}/dt0c01\\.`)),
      `POST ${TOKENS}`,
      expect.stringMatching(new RegExp(`^GET ${TOKENS}/dt0c01\\.`))
    ])
    const live = em.liveTokens().map((t) => t.id)
    expect(live).toContain(sibling.id)
    expect(live).toContain(run.outputs['token-id'])
    expect(live).toHaveLength(2)
    expect(run.stdout).toContain('created by the request whose answer was lost')
    expect(
      findLeaks(run, secrets(), { urls: em.requests.map((r) => r.path) })
    ).toEqual([])
  })

  test('no response before the request timeout: nothing was created, so it is created once', async () => {
    em.fault({ method: 'POST', path: TOKENS }, { hang: true })
    const run = await runStep({ inputs: inputs({ 'timeout-seconds': '10' }) })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('No token was created by the failed request.')
    expect(em.liveTokens()).toHaveLength(1)
  })

  test('a hang after creating: the orphan is found and deleted, one token remains', async () => {
    em.fault({ method: 'POST', path: TOKENS }, { hang: 'after' })
    const run = await runStep({ inputs: inputs({ 'timeout-seconds': '10' }) })
    expect(run.exitCode).toBe(0)
    expect(em.liveTokens().map((t) => t.id)).toEqual([run.outputs['token-id']])
  })

  test('platform token: reset after creating, a same-named token from another run survives', async () => {
    const first = await runStep({
      inputs: inputs({
        'token-type': 'platform',
        'token-scopes': 'settings:objects:read',
        'token-lifetime': '2h'
      })
    })
    expect(first.exitCode).toBe(0)
    em.fault(
      {
        method: 'POST',
        path: `/iam/v1/accounts/${DEFAULT_ACCOUNT_UUID}/platform-tokens`
      },
      { reset: 'after' }
    )
    const run = await runStep({
      inputs: inputs({
        'token-type': 'platform',
        'token-scopes': 'settings:objects:read'
      })
    })
    expect(run.exitCode).toBe(0)
    const live = em.liveTokens().map((t) => t.id)
    expect(live).toEqual(
      expect.arrayContaining([
        first.outputs['token-id'],
        run.outputs['token-id']
      ])
    )
    expect(live).toHaveLength(2)
  })

  test('the lookup is not allowed: fails naming the token and its expiry, without a second create', async () => {
    em.fault({ method: 'POST', path: TOKENS }, { reset: 'after' })
    em.fault(
      { method: 'GET', path: TOKENS },
      { status: 403, body: '{"error":{"code":403,"message":"Forbidden"}}' }
    )
    const run = await runStep({ inputs: inputs() })
    expect(run.exitCode).toBe(1)
    expect(calls().filter((c) => c === `POST ${TOKENS}`)).toHaveLength(1)
    expect(run.stdout).toMatch(
      /::error::Could not create the classic API token: network error ECONNRESET after the request was sent.*named "gha\/octo-org\/deploy-repo\/run-4242-1\/deploy" was created \(HTTP 403 listing tokens\)/
    )
  })
})

describe('connections that never happen', () => {
  test('a refused connection is retried, then fails naming the host', async () => {
    const port = em.port
    await em.close()
    const run = await runStep({
      inputs: {
        ...inputs({ 'max-retries': '1' }),
        'sso-url': `http://127.0.0.1:${port}/sso/oauth2/token`
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/retrying in .* \(retry 1 of 1\)/)
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::Could not get an SSO bearer token: network error ECONNREFUSED from 127\\.0\\.0\\.1:${port} \\(after 2 attempts\\)`
      )
    )
    em = await startEmulator() // for afterEach
  })

  test('a reset before any response on a read is retried', async () => {
    em.fault(
      { method: 'GET', path: new RegExp(`^${TOKENS}/`) },
      { reset: 'before' }
    )
    const run = await runStep({ inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(calls().filter((c) => c.startsWith(`GET ${TOKENS}/`))).toHaveLength(
      2
    )
  })
})
