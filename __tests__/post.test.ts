import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import {
  ACCOUNT_API,
  ACCOUNT_UUID,
  BEARER_2,
  CLASSIC_INPUTS,
  PLATFORM,
  PLATFORM_INPUTS,
  PLATFORM_TOKENS_PATH,
  PLATFORM_TOKEN_ID,
  SECRETS,
  SSO,
  SSO_PATH,
  TOKENS_PATH,
  TOKEN_ID,
  form,
  host,
  mockClassicCreate,
  mockSso,
  recordRequests
} from './support/fixtures.js'

afterEach(() => nock.cleanAll())

const CLASSIC_STATE = {
  'token-id': TOKEN_ID,
  'token-type': 'classic',
  'expires-at': '2099-01-01T00:00:00.000Z',
  'sso-url': `${SSO}${SSO_PATH}`,
  'platform-url': PLATFORM,
  revoke: 'true'
}
const PLATFORM_STATE = {
  'token-id': PLATFORM_TOKEN_ID,
  'token-type': 'platform',
  'expires-at': '2099-01-01T00:00:00.000Z',
  'sso-url': `${SSO}${SSO_PATH}`,
  'account-api-url': ACCOUNT_API,
  'account-uuid': ACCOUNT_UUID,
  revoke: 'true'
}

const post = (
  state: Record<string, string>,
  inputs = CLASSIC_INPUTS,
  env?: Record<string, string>
): Promise<StepRun> =>
  runStep({ entry: 'post', inputs, state, ...(env ? { env } : {}) })

describe('post step', () => {
  test('no state: nothing to revoke, no request', async () => {
    const { seen, unmatched } = recordRequests()
    const run = await post({})
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      'This step minted no token; nothing to revoke.'
    )
    expect(seen).toEqual([])
    expect(unmatched).toEqual([])
  })

  test('authenticates afresh and deletes the classic token by ID', async () => {
    const { seen } = recordRequests()
    mockSso(BEARER_2)
    host(PLATFORM).delete(`${TOKENS_PATH}/${TOKEN_ID}`).reply(204)
    const run = await post(CLASSIC_STATE)
    expect(run.exitCode).toBe(0)
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      `POST ${SSO}${SSO_PATH}`,
      `DELETE ${PLATFORM}${TOKENS_PATH}/${TOKEN_ID}`
    ])
    expect(seen[1]!.headers.authorization).toBe(`Bearer ${BEARER_2}`)
    expect(run.masks).toContain(BEARER_2)
    expect(run.stdout).toContain(`Revoked token ${TOKEN_ID}.`)
    expect(run.summary).toMatch(
      /Dynatrace token revocation.*dt0c01\.P+.*revoked/s
    )
    expect(findLeaks(run, SECRETS, { urls: seen.map((s) => s.url) })).toEqual(
      []
    )
  })

  test('a token already gone (404) counts as revoked', async () => {
    recordRequests()
    mockSso(BEARER_2)
    host(PLATFORM)
      .delete(`${TOKENS_PATH}/${TOKEN_ID}`)
      .reply(404, { error: { code: 404, message: 'not found' } })
    const run = await post(CLASSIC_STATE)
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('was already gone (counts as revoked)')
    expect(run.summary).toContain('already gone')
  })

  test('a transient 503 on DELETE is retried', async () => {
    const { seen } = recordRequests()
    mockSso(BEARER_2)
    host(PLATFORM)
      .delete(`${TOKENS_PATH}/${TOKEN_ID}`)
      .reply(503, '', { 'Retry-After': '0' })
      .delete(`${TOKENS_PATH}/${TOKEN_ID}`)
      .reply(204)
    const run = await post(CLASSIC_STATE)
    expect(run.exitCode).toBe(0)
    expect(seen.filter((s) => s.method === 'DELETE')).toHaveLength(2)
  })

  test('a failure to revoke is a warning naming the token, not a failed job', async () => {
    recordRequests()
    mockSso(BEARER_2)
    host(PLATFORM)
      .delete(`${TOKENS_PATH}/${TOKEN_ID}`)
      .reply(403, { error: { code: 403, message: 'Forbidden' } })
    const run = await post(CLASSIC_STATE)
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::Could not revoke token dt0c01\.P+: HTTP 403: Forbidden\. The OAuth client needs environment-api:api-tokens:write.*stays valid until 2099-01-01/
    )
    expect(run.summary).toContain('not revoked')
  })

  test('an SSO failure in post is a warning too, and never shows the secret', async () => {
    recordRequests()
    host(SSO).post(SSO_PATH).reply(400, {
      error: 'invalid_client',
      error_description: 'Invalid client credentials'
    })
    const run = await post(CLASSIC_STATE)
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::Could not revoke token dt0c01\.P+: Dynatrace SSO rejected the OAuth client/
    )
    expect(findLeaks(run, SECRETS)).toEqual([])
  })

  test('revoke: false leaves the token and makes no request', async () => {
    const { seen } = recordRequests()
    const run = await post({ ...CLASSIC_STATE, revoke: 'false' })
    expect(run.exitCode).toBe(0)
    expect(seen).toEqual([])
    expect(run.stdout).toContain(
      `revoke is false: token ${TOKEN_ID} stays valid until 2099-01-01T00:00:00.000Z.`
    )
  })

  test('a token main already revoked is not revoked twice', async () => {
    const { seen } = recordRequests()
    const run = await post({ ...CLASSIC_STATE, revoked: 'true' })
    expect(seen).toEqual([])
    expect(run.stdout).toContain('already revoked by the main step')
  })

  test('deletes a platform token through Account Management, with the account as resource', async () => {
    const { seen } = recordRequests()
    mockSso(BEARER_2)
    host(ACCOUNT_API)
      .delete(`${PLATFORM_TOKENS_PATH}/${PLATFORM_TOKEN_ID}`)
      .reply(200)
    const run = await post(PLATFORM_STATE, PLATFORM_INPUTS)
    expect(run.exitCode).toBe(0)
    expect(form(seen[0]!.body).resource).toBe(`urn:dtaccount:${ACCOUNT_UUID}`)
    expect(seen[1]!.url).toBe(
      `${ACCOUNT_API}${PLATFORM_TOKENS_PATH}/${PLATFORM_TOKEN_ID}`
    )
  })

  test('main then post: the state main saves is enough for post', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassicCreate()
    const main = await runStep({ inputs: CLASSIC_INPUTS })
    mockSso(BEARER_2)
    host(PLATFORM).delete(`${TOKENS_PATH}/${TOKEN_ID}`).reply(204)
    const run = await post(main.state)
    expect(run.stdout).toContain(`Revoked token ${TOKEN_ID}.`)
    expect(seen.at(-1)!.method).toBe('DELETE')
    expect(
      findLeaks([main, run], SECRETS, { urls: seen.map((s) => s.url) })
    ).toEqual([])
  })

  test('RUNNER_DEBUG=1 keeps secrets out of the post log', async () => {
    const { seen } = recordRequests()
    mockSso(BEARER_2)
    host(PLATFORM)
      .delete(`${TOKENS_PATH}/${TOKEN_ID}`)
      .reply(500, { error: { message: `oops ${BEARER_2}` } })
    const run = await post(CLASSIC_STATE, CLASSIC_INPUTS, { RUNNER_DEBUG: '1' })
    expect(run.stdout).toContain('::debug::')
    expect(findLeaks(run, SECRETS, { urls: seen.map((s) => s.url) })).toEqual(
      []
    )
  })
})

describe('revoke mode', () => {
  test('revokes a classic token-id', async () => {
    const { seen } = recordRequests()
    mockSso()
    host(PLATFORM).delete(`${TOKENS_PATH}/${TOKEN_ID}`).reply(204)
    const run = await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        mode: 'revoke',
        'token-id': TOKEN_ID,
        'token-scopes': ''
      }
    })
    expect(run.exitCode).toBe(0)
    expect(seen.map((s) => s.method)).toEqual(['POST', 'DELETE'])
    expect(run.outputs['token-id']).toBe(TOKEN_ID)
    expect(run.state).toEqual({})
    expect(run.summary).toContain('revoked')
  })

  test('revokes a platform token-id; 404 says Dynatrace does not know it, exit 0', async () => {
    recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .delete(`${PLATFORM_TOKENS_PATH}/${PLATFORM_TOKEN_ID}`)
      .reply(404)
    const run = await runStep({
      inputs: {
        ...PLATFORM_INPUTS,
        mode: 'revoke',
        'token-id': PLATFORM_TOKEN_ID
      }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('already gone')
    expect(run.stdout).toContain(
      `Dynatrace does not know token ${PLATFORM_TOKEN_ID} (HTTP 404), so there was nothing to revoke: it was already revoked or deleted, or token-id is wrong or belongs to another account (account-urn).`
    )
    expect(run.summary).toContain('not known to Dynatrace (nothing to revoke)')
  })

  test('a failed revocation warns with the token ID', async () => {
    recordRequests()
    mockSso()
    host(PLATFORM)
      .delete(`${TOKENS_PATH}/${TOKEN_ID}`)
      .reply(400, { error: { message: 'nope' } })
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, mode: 'revoke', 'token-id': TOKEN_ID }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::Could not revoke token dt0c01\.P+: HTTP 400: nope/
    )
  })
})
