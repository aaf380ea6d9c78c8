/**
 * Dynatrace error bodies of every shape, through the public surface: inputs → the
 * failing request (nock) → the step's error line. Unknown shapes give the status and a
 * bounded excerpt, never "This is a bug"; what the server names as missing is named.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import {
  ACCOUNT_API,
  CLASSIC_INPUTS,
  DATE_HEADER,
  PLATFORM,
  PLATFORM_INPUTS,
  PLATFORM_TOKENS_PATH,
  SECRETS,
  SSO,
  SSO_PATH,
  TOKENS_PATH,
  host,
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

const GATEWAY = { 'dynatrace-response-source': 'API Gateway' }

describe('error bodies of any shape', () => {
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
  const shapes: Array<[string, string]> = [
    [
      'a null constraint violation',
      '{"error":{"constraintViolations":[null]}}'
    ],
    [
      'constraint violations of every type',
      '{"error":{"constraintViolations":[1,"x",[],{"path":{},"message":{"a":1}}]}}'
    ],
    [
      'an errorsMap value with a toString key',
      '{"errorsMap":{"a":{"toString":1}}}'
    ],
    ['errorsMap as an array', '{"code":400,"message":7,"errorsMap":[1,2]}'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON number', '42'],
    ['a JSON string', '"just a string"'],
    ['JSON null', 'null'],
    ['error as a number', '{"error":5}'],
    ['details of the wrong type', '{"error":{"details":"x","message":null}}'],
    [
      'missingScopes of the wrong types',
      '{"error":{"details":{"missingScopes":[null,{"a":1},"ok:scope"],"missingPermissions":"x"}}}'
    ],
    ['deeply nested arrays', deep],
    ['an HTML page', '<html><body>Bad gateway</body></html>'],
    ['1 MiB of text', 'x'.repeat(1024 * 1024 - 10)]
  ]

  test.each(shapes)(
    '%s: the status and a bounded explanation, never a bug report',
    async (_label, body) => {
      recordRequests()
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(400, body, { 'content-type': 'application/json' })
      const run = await runStep({ inputs: CLASSIC_INPUTS })
      expect(run.exitCode).toBe(1)
      const line = errorLine(run)
      expect(line).toMatch(
        /^Dynatrace rejected the classic token request for environment abc12345 \(HTTP 400: .+\)\. Check token-scopes and token-lifetime\.$/
      )
      expect(line).not.toMatch(/This is a bug|Unexpected error/)
      expect(line.length).toBeLessThan(600)
      expect(findLeaks(run, SECRETS)).toEqual([])
    }
  )

  test('an unrecognised body is quoted as an excerpt with its length', async () => {
    recordRequests()
    mockSso()
    host(PLATFORM)
      .post(TOKENS_PATH)
      .reply(400, JSON.stringify([{ weird: 'y'.repeat(500) }]))
    const run = await runStep({ inputs: CLASSIC_INPUTS })
    expect(errorLine(run)).toMatch(
      /HTTP 400: an answer the action does not understand: \[\{"weird":"y+… \(\d+ characters\)\)/
    )
  })

  test('every known field is read: message, violations, errorsMap, error code', async () => {
    recordRequests()
    mockSso()
    host(PLATFORM)
      .post(TOKENS_PATH)
      .reply(400, {
        error: {
          code: 400,
          message: 'Constraints violated.',
          details: {
            errorCode: 'TOKEN_INVALID',
            constraintViolations: [{ path: 'scopes', message: 'bad scope' }]
          }
        }
      })
    const run = await runStep({ inputs: CLASSIC_INPUTS })
    expect(errorLine(run)).toContain(
      'HTTP 400: Constraints violated.; scopes: bad scope; code TOKEN_INVALID)'
    )
  })

  test("Account Management's ErrorDto is read with its errorsMap", async () => {
    recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(400, {
        code: 400,
        message: 'Invalid request',
        errorsMap: { scope: 'must be a list', name: ['too', 'long'] }
      })
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(errorLine(run)).toContain(
      'HTTP 400: Invalid request; scope: must be a list; name: ["too","long"]'
    )
  })

  test('an SSO error of an unknown shape is no bug either', async () => {
    recordRequests()
    host(SSO).post(SSO_PATH).reply(400, '{"error":{"error_description":[]}}')
    const run = await runStep({ inputs: CLASSIC_INPUTS })
    expect(errorLine(run)).toMatch(
      /^Could not get an SSO bearer token: HTTP 400/
    )
    expect(errorLine(run)).not.toMatch(/This is a bug/)
  })
})

describe('what the server says is missing is named exactly', () => {
  test('platform create: details.missingScopes from the API gateway', async () => {
    recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(
        403,
        {
          error: {
            code: 403,
            message: 'Forbidden',
            details: { missingScopes: ['platform-token:tokens:write'] }
          }
        },
        GATEWAY
      )
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    const line = errorLine(run)
    expect(line).toMatch(
      /Dynatrace says the bearer lacks the scope platform-token:tokens:write: grant it to the OAuth client/
    )
    // The server named it: no guessing at other spellings.
    expect(line).not.toMatch(/account-idm-write/)
  })

  test('classic create: details.missingPermissions names the permission and a policy', async () => {
    recordRequests()
    mockSso()
    host(PLATFORM)
      .post(TOKENS_PATH)
      .reply(403, {
        error: {
          code: 403,
          message: 'Permission denied',
          details: {
            missingPermissions: ['environment:roles:manage-settings']
          }
        }
      })
    const run = await runStep({ inputs: CLASSIC_INPUTS })
    const line = errorLine(run)
    expect(line).toContain(
      "Dynatrace says the OAuth client's user lacks the IAM permission environment:roles:manage-settings"
    )
    expect(line).toContain('"ALLOW environment:roles:manage-settings;"')
    expect(line).not.toMatch(/environment-api:api-tokens:write/)
  })

  test('IAM: details.missingScopes replaces the guessed scope', async () => {
    recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .get(/\/iam\/v1\/repo\/account\/.*\/policies/)
      .reply(403, {
        error: {
          code: 403,
          message: 'Forbidden',
          details: { missingScopes: ['iam:policies:read'] }
        }
      })
    const run = await runStep({
      inputs: {
        ...PLATFORM_INPUTS,
        policies:
          '- name: ci\n  description: d\n  statement: "ALLOW settings:objects:read;"'
      }
    })
    expect(errorLine(run)).toMatch(
      /Dynatrace says the bearer lacks the scope iam:policies:read/
    )
  })

  test('a 403 without details falls back to every spelling of the platform-token scopes', async () => {
    recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(403, { code: 403, message: 'Forbidden', errorsMap: {} })
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    const line = errorLine(run)
    for (const scope of [
      'account-idm-read',
      'account-idm-write',
      'platform-token:tokens:write',
      'platform-token:tokens:manage'
    ])
      expect(line).toContain(scope)
  })
})

describe('retryAfterSeconds from the API gateway', () => {
  test('a 429 body asking for 1 s is waited for, then the request succeeds', async () => {
    const { seen } = recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(
        429,
        {
          error: {
            code: 429,
            message: 'Too many requests',
            retryAfterSeconds: 1
          }
        },
        { ...GATEWAY, ...DATE_HEADER }
      )
      .post(PLATFORM_TOKENS_PATH)
      .reply(200, {
        tokenId: 'dt0s16.RETRIED',
        token: `dt0s16.RETRIED.${'Z9'.repeat(32)}`
      })
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(run.exitCode).toBe(0)
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(3)
    expect(run.stdout).toMatch(
      /HTTP 429 while trying to create the platform token; retrying in 1\.0 s/
    )
  })

  test('a 503 body asking for longer than timeout-seconds fails at once, naming the budget', async () => {
    recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(
        503,
        { error: { code: 503, message: 'Unavailable', retryAfterSeconds: 90 } },
        GATEWAY
      )
    const run = await runStep({
      inputs: { ...PLATFORM_INPUTS, 'timeout-seconds': '10' }
    })
    expect(errorLine(run)).toMatch(
      /HTTP 503, and waiting 90 s for the next attempt would exceed the step's time budget \(timeout-seconds\)/
    )
  })

  test('Retry-After in the header wins over the body', async () => {
    recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(
        429,
        { error: { code: 429, retryAfterSeconds: 90 } },
        { ...GATEWAY, 'Retry-After': '1' }
      )
      .post(PLATFORM_TOKENS_PATH)
      .reply(200, {
        tokenId: 'dt0s16.RETRIED',
        token: `dt0s16.RETRIED.${'Z9'.repeat(32)}`
      })
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/retrying in 1\.0 s/)
  })
})
