import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import { waitsDuring } from './support/waits.js'
import {
  ACCOUNT_API,
  ACCOUNT_UUID,
  BEARER,
  CLASSIC_INPUTS,
  CLIENT_ID,
  CLIENT_SECRET,
  DATE_HEADER,
  PLATFORM,
  PLATFORM_INPUTS,
  PLATFORM_TOKEN,
  PLATFORM_TOKEN_ID,
  PLATFORM_TOKENS_PATH,
  SECRETS,
  SSO,
  SSO_PATH,
  TOKEN,
  TOKENS_PATH,
  TOKEN_ID,
  form,
  host,
  mockClassicCreate,
  mockSso,
  recordRequests
} from './support/fixtures.js'

afterEach(() => nock.cleanAll())

const errorLine = (run: StepRun): string =>
  decodeURIComponent(
    (run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '')
      .slice(9)
      .replace(/%(?![0-9A-F]{2})/g, '%25')
  )

/** Every run must keep every secret out of everything but the token outputs. */
function expectNoLeaks(run: StepRun, seen: Array<{ url: string }> = []): void {
  expect(
    findLeaks(run, SECRETS, {
      allowedEnv: ['DT_API_TOKEN'],
      urls: seen.map((s) => s.url)
    })
  ).toEqual([])
}

describe('SSO bearer', () => {
  test('sends a form-encoded client-credentials request, without scope or resource by default', async () => {
    const { seen } = recordRequests()
    mockSso()
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'token-type': 'none' }
    })
    expect(run.exitCode).toBe(0)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.headers['content-type']).toBe(
      'application/x-www-form-urlencoded'
    )
    expect(form(seen[0]!.body)).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET
    })
    expect(seen[0]!.headers['user-agent']).toMatch(
      /^configure-dynatrace-credentials\/\d+\.\d+\.\d+/
    )
    expectNoLeaks(run, seen)
  })

  test('sends scope (space-separated) when oauth-scopes is set and resource when account-urn is set', async () => {
    const { seen } = recordRequests()
    mockSso()
    await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        'token-type': 'none',
        'oauth-scopes':
          'environment-api:api-tokens:write,\napi-tokens:tokens:read',
        'account-urn': `urn:dtaccount:${ACCOUNT_UUID}`
      }
    })
    expect(form(seen[0]!.body).scope).toBe(
      'environment-api:api-tokens:write api-tokens:tokens:read'
    )
    expect(form(seen[0]!.body).resource).toBe(`urn:dtaccount:${ACCOUNT_UUID}`)
  })

  test('masks the bearer the moment it arrives and hands it on as access-token', async () => {
    const { seen } = recordRequests()
    mockSso()
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'token-type': 'none' }
    })
    expect(run.masks).toContain(BEARER)
    expect(run.outputs['access-token']).toBe(BEARER)
    // expires_in 300 from the SSO answer's Date (06:00:00), on Dynatrace's clock.
    expect(run.outputs['access-token-expires-at']).toMatch(
      /^2026-11-21T06:05:00\.\d{3}Z$/
    )
    expect(run.outputs.token).toBeUndefined()
    expect(run.state).toEqual({})
    expect(run.summary).toContain('no token minted')
    expectNoLeaks(run, seen)
  })

  const failures: Array<[string, number, object, RegExp]> = [
    [
      'invalid_client',
      400,
      {
        error: 'invalid_client',
        error_description: 'Invalid client credentials'
      },
      /rejected the OAuth client dt0s02\.ABCDEFGH .*Check client-id and client-secret.*forks or Dependabot/
    ],
    ['401', 401, { error: 'unauthorized' }, /rejected the OAuth client/],
    [
      'missing scope',
      400,
      {
        error: 'invalid_request',
        error_description:
          'Invalid OAuth2 request. UNSUCCESSFUL_OAUTH_ACCESS_TOKEN_VALIDATION_FAILED | OAuth client is missing following scopes [settings:objects:read]'
      },
      /lacks scope\(s\) settings:objects:read\. Grant them to the client/
    ],
    [
      '500 with Dynatrace message',
      500,
      { errorCode: 500, message: 'Internal failure XYZ', issueId: 'abc' },
      /HTTP 500 from sso\.dynatrace\.com: Internal failure XYZ/
    ],
    [
      '200 without token',
      200,
      { token_type: 'Bearer' },
      /without an access token/
    ]
  ]
  test.each(failures)(
    '%s → a clear error',
    async (_n, status, body, expected) => {
      const { seen } = recordRequests()
      host(SSO).post(SSO_PATH).reply(status, body)
      const run = await runStep({ inputs: CLASSIC_INPUTS })
      expect(run.exitCode).toBe(1)
      expect(errorLine(run)).toMatch(expected)
      expect(seen).toHaveLength(1)
      expect(run.stdout).not.toMatch(/\n\s+at /)
      expectNoLeaks(run, seen)
    }
  )

  test('an empty invalid_request after asking for scopes names oauth-scopes', async () => {
    recordRequests()
    host(SSO)
      .post(SSO_PATH)
      .reply(400, { error: 'invalid_request', error_description: '' })
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'oauth-scopes': 'storage:logs:read' }
    })
    expect(errorLine(run)).toMatch(/oauth-scopes asks for "storage:logs:read"/)
  })

  test('429 with Retry-After is retried and then succeeds', async () => {
    const { seen } = recordRequests()
    host(SSO)
      .post(SSO_PATH)
      .reply(429, { message: 'slow down' }, { 'Retry-After': '1' })
    mockSso()
    const { result: run, waits } = await waitsDuring(() =>
      runStep({ inputs: { ...CLASSIC_INPUTS, 'token-type': 'none' } })
    )
    expect(run.exitCode).toBe(0)
    expect(seen).toHaveLength(2)
    // One wait, exactly as long as the server asked.
    expect(waits).toEqual([1000])
    expect(run.stdout).toMatch(
      /HTTP 429 while trying to get an SSO bearer token; retrying in 1\.0 s \(retry 1 of 4\)/
    )
  })

  test('a Retry-After beyond timeout-seconds fails at once, naming the budget', async () => {
    const { seen } = recordRequests()
    host(SSO).post(SSO_PATH).reply(429, {}, { 'Retry-After': '60' })
    const { result: run, waits } = await waitsDuring(() =>
      runStep({ inputs: { ...CLASSIC_INPUTS, 'timeout-seconds': '10' } })
    )
    // At once: no wait at all, and no second attempt.
    expect(waits).toEqual([])
    expect(seen).toHaveLength(1)
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toMatch(
      /waiting 60 s for the next attempt would exceed the step's time budget \(timeout-seconds\)/
    )
  })

  test('X-RateLimit-Reset (epoch seconds) sets the wait', async () => {
    const { seen } = recordRequests()
    const reset = Math.floor(Date.parse('Sat, 21 Nov 2026 06:00:01 GMT') / 1000)
    host(SSO)
      .post(SSO_PATH)
      .reply(429, {}, { ...DATE_HEADER, 'X-RateLimit-Reset': String(reset) })
    mockSso()
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'token-type': 'none' }
    })
    expect(run.exitCode).toBe(0)
    expect(seen).toHaveLength(2)
    expect(run.stdout).toMatch(/retrying in 1\.0 s/)
  })

  test('a redirect is not followed and the credentials go nowhere else', async () => {
    const { seen, unmatched } = recordRequests()
    host(SSO)
      .post(SSO_PATH)
      .reply(301, '', { Location: 'https://evil.example.com/steal' })
    const run = await runStep({ inputs: CLASSIC_INPUTS })
    expect(run.exitCode).toBe(1)
    expect(seen).toHaveLength(1)
    expect(unmatched).toEqual([])
    expect(errorLine(run)).toMatch(
      /HTTP 301 redirecting to evil\.example\.com\. Redirects are not followed/
    )
  })

  test('server text cannot inject workflow commands or leak the secret', async () => {
    recordRequests()
    host(SSO)
      .post(SSO_PATH)
      .reply(500, {
        message: `boom\n::set-output name=token::x\n${CLIENT_SECRET}`
      })
    const run = await runStep({ inputs: CLASSIC_INPUTS })
    expect(run.stdout).not.toMatch(/^::set-output/m)
    expect(errorLine(run)).toContain('boom : :set-output')
    expectNoLeaks(run)
  })
})

describe('classic token', () => {
  test('creates the token with the bearer, an expiry on the server clock, and hands it off', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassicCreate(undefined, '2026-11-21T06:30:00.000Z')
    const run = await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        'token-lifetime': '30m',
        'export-variable': 'DT_API_TOKEN'
      }
    })
    expect(run.exitCode).toBe(0)
    const create = seen[1]!
    expect(create.url).toBe(`${PLATFORM}${TOKENS_PATH}`)
    expect(create.headers.authorization).toBe(`Bearer ${BEARER}`)
    expect(JSON.parse(create.body)).toEqual({
      name: 'gha/octo-org/deploy-repo/run-4242-1/deploy',
      scopes: ['ReadConfig', 'WriteConfig'],
      // The SSO response's Date header is 06:00:00 GMT: 30 minutes on Dynatrace's clock.
      expirationDate: expect.stringMatching(/^2026-11-21T06:30:00\.\d{3}Z$/),
      personalAccessToken: false
    })
    expect(seen[2]!.url).toBe(`${PLATFORM}${TOKENS_PATH}/${TOKEN_ID}`)
    expect(run.outputs).toMatchObject({
      token: TOKEN,
      'token-id': TOKEN_ID,
      'token-type': 'classic',
      'token-expires-at': '2026-11-21T06:30:00.000Z',
      'token-scopes': 'ReadConfig,WriteConfig',
      'environment-url': PLATFORM,
      'classic-environment-url': 'https://abc12345.live.dynatrace.com'
    })
    expect(run.env.DT_API_TOKEN).toBe(TOKEN)
    // Masked before it is mentioned anywhere (the runner masks from that line on).
    expect(run.masks).toEqual(
      expect.arrayContaining([
        TOKEN,
        TOKEN.split('.')[2],
        CLIENT_SECRET,
        BEARER
      ])
    )
    expect(run.stdout.indexOf(`::add-mask::${TOKEN}`)).toBeLessThan(
      run.stdout.indexOf('Created classic token')
    )
    // State: only what revocation needs.
    expect(run.state).toEqual({
      'token-id': TOKEN_ID,
      'token-type': 'classic',
      'expires-at': '2026-11-21T06:30:00.000Z',
      'sso-url': `${SSO}${SSO_PATH}`,
      'platform-url': PLATFORM,
      revoke: 'true'
    })
    expect(run.summary).toContain(TOKEN_ID)
    expect(run.summary).toContain(
      'Verified: read back from Dynatrace after creation.'
    )
    expect(run.summary).toContain('2026-11-21T06:30:00.000Z')
    expect(run.summary).toContain('the post step revokes it when the job ends')
    expect(run.summary).toContain(
      `OAuth client ${CLIENT_ID} (client credentials)`
    )
    // The bearer stays inside the step unless asked for.
    expect(run.outputs['access-token']).toBeUndefined()
    expect(run.outputs['access-token-expires-at']).toBeUndefined()
    expectNoLeaks(run, seen)
  })

  test('output-access-token: true also hands on the bearer, with its expiry', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassicCreate()
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'output-access-token': 'true' }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.token).toBe(TOKEN)
    expect(run.outputs['access-token']).toBe(BEARER)
    expect(run.outputs['access-token-expires-at']).toMatch(
      /^2026-11-21T06:05:00\.\d{3}Z$/
    )
    expect(run.masks).toContain(BEARER)
    expectNoLeaks(run, seen)
  })

  test('a scope Dynatrace dropped: the token is revoked and the step fails naming it', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassicCreate(['ReadConfig'])
    host(PLATFORM).delete(`${TOKENS_PATH}/${TOKEN_ID}`).reply(204)
    const run = await runStep({ inputs: CLASSIC_INPUTS })
    expect(run.exitCode).toBe(1)
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'GET', 'DELETE'])
    expect(errorLine(run)).toMatch(
      /without scope\(s\) WriteConfig .* so the token is not handed on/
    )
    expect(run.outputs.token).toBeUndefined()
    expectNoLeaks(run, seen)
  })

  test('a client that may not read tokens: warns that scopes are unverified and goes on', async () => {
    recordRequests()
    mockSso()
    host(PLATFORM)
      .post(TOKENS_PATH)
      .reply(201, {
        id: TOKEN_ID,
        token: TOKEN,
        expirationDate: '2026-11-21T07:00:00.000Z'
      })
      .get(`${TOKENS_PATH}/${TOKEN_ID}`)
      .reply(403, { error: { code: 403, message: 'Missing scope' } })
    const run = await runStep({ inputs: CLASSIC_INPUTS })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::The scopes of token dt0c01\.P+ were not verified \(HTTP 403/
    )
    expect(run.outputs['token-scopes']).toBe('ReadConfig,WriteConfig')
    expect(run.summary).toContain(
      'Not verified: the OAuth client may not read tokens back (HTTP 403)'
    )
  })

  const createFailures: Array<[string, number, object | string, RegExp]> = [
    [
      '403',
      403,
      { error: { code: 403, message: 'Forbidden' } },
      /environment-api:api-tokens:write .* environment:roles:manage-settings/
    ],
    [
      'retired',
      400,
      {
        error: {
          code: 400,
          message:
            'Creation of new tokens is now only available in Account Management.'
        }
      },
      /Classic API token creation is retired on environment abc12345 .*Use token-type: platform/
    ],
    [
      '400 constraint',
      400,
      {
        error: {
          code: 400,
          message: 'Constraints violated.',
          constraintViolations: [{ path: 'scopes', message: 'unknown' }]
        }
      },
      /HTTP 400: Constraints violated\.; scopes: unknown/
    ],
    [
      '401',
      401,
      { error: { code: 401, message: 'Token exchange failed' } },
      /did not accept the SSO bearer .*account-urn/
    ],
    ['404', 404, 'Not found', /has no token API .*Check environment-url/]
  ]
  test.each(createFailures)(
    'create fails with %s → an actionable error',
    async (_n, status, body, expected) => {
      const { seen } = recordRequests()
      mockSso()
      host(PLATFORM).post(TOKENS_PATH).reply(status, body)
      const run = await runStep({ inputs: CLASSIC_INPUTS })
      expect(run.exitCode).toBe(1)
      expect(errorLine(run)).toMatch(expected)
      expect(run.state).toEqual({})
      expectNoLeaks(run, seen)
    }
  )

  test('if the hand-off fails after creation, main revokes the token before failing', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassicCreate()
    host(PLATFORM).delete(`${TOKENS_PATH}/${TOKEN_ID}`).reply(204)
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'export-variable': 'DT_API_TOKEN' },
      env: { GITHUB_ENV: '/nonexistent/dir/env-file' }
    })
    expect(run.exitCode).toBe(1)
    expect(seen.at(-1)!.method).toBe('DELETE')
    expect(run.state.revoked).toBe('true')
    expect(run.stdout).toMatch(
      /Revoked token dt0c01\.P+ because the step failed/
    )
    expectNoLeaks(run, seen)
  })
})

describe('platform token', () => {
  test('is created through Account Management for the environment, without userUuid (the owner is the client subject user)', async () => {
    const { seen } = recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(
        200,
        { name: 'n', tokenId: PLATFORM_TOKEN_ID, token: PLATFORM_TOKEN },
        DATE_HEADER
      )
    const run = await runStep({
      inputs: { ...PLATFORM_INPUTS, 'token-lifetime': '2h' }
    })
    expect(run.exitCode).toBe(0)
    expect(seen[1]!.url).toBe(`${ACCOUNT_API}${PLATFORM_TOKENS_PATH}`)
    expect(seen[1]!.headers.authorization).toBe(`Bearer ${BEARER}`)
    expect(JSON.parse(seen[1]!.body)).toEqual({
      name: 'gha/octo-org/deploy-repo/run-4242-1/deploy',
      scope: ['settings:objects:read', 'settings:objects:write'],
      resource: ['urn:dtenvironment:abc12345'],
      tags: [],
      expirationDate: expect.stringMatching(/^2026-11-21T08:00:00\.\d{3}Z$/)
    })
    expect(run.outputs).toMatchObject({
      token: PLATFORM_TOKEN,
      'token-id': PLATFORM_TOKEN_ID,
      'token-type': 'platform'
    })
    expect(run.masks).toContain(PLATFORM_TOKEN)
    expect(run.state).toMatchObject({
      'token-type': 'platform',
      'account-api-url': ACCOUNT_API,
      'account-uuid': ACCOUNT_UUID
    })
    expectNoLeaks(run, seen)
  })

  test('platform-token-owner overrides the owner', async () => {
    const { seen } = recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(200, { tokenId: PLATFORM_TOKEN_ID, token: PLATFORM_TOKEN })
    await runStep({
      inputs: { ...PLATFORM_INPUTS, 'platform-token-owner': ACCOUNT_UUID }
    })
    expect(JSON.parse(seen[1]!.body).userUuid).toBe(ACCOUNT_UUID)
  })

  test('403 names the scopes to grant', async () => {
    recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(403, { code: 403, message: 'Forbidden', errorsMap: {} })
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(errorLine(run)).toMatch(/needs the scope account-idm-write/)
  })
})

describe('debug logging keeps secrets out', () => {
  test('RUNNER_DEBUG=1 on success and on failure', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassicCreate()
    const ok = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'export-variable': 'DT_API_TOKEN' },
      env: { RUNNER_DEBUG: '1' }
    })
    expect(ok.stdout).toMatch(
      /::debug::POST https:\/\/abc12345\.apps\.dynatrace\.com/
    )
    mockSso()
    host(PLATFORM)
      .post(TOKENS_PATH)
      .reply(500, { error: { message: `echo ${CLIENT_SECRET} ${BEARER}` } })
    const failed = await runStep({
      inputs: CLASSIC_INPUTS,
      env: { RUNNER_DEBUG: '1' }
    })
    expect(failed.exitCode).toBe(1)
    expect(failed.stdout).toContain('echo *** ***')
    expectNoLeaks(ok, seen)
    expectNoLeaks(failed, seen)
  })
})
