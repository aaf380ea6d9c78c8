/**
 * Platform-token scope read-back through the public surface: inputs → create + list
 * (nock) → outputs, summary, revocation. Where the list returns the token's `scope`, it
 * is verified like a classic token's; where it cannot be, the summary says why.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import {
  ACCOUNT_API,
  DATE_HEADER,
  PLATFORM_INPUTS,
  PLATFORM_TOKEN,
  PLATFORM_TOKEN_ID,
  PLATFORM_TOKENS_PATH,
  SECRETS,
  host,
  mockSso,
  recordRequests
} from './support/fixtures.js'

afterEach(() => nock.cleanAll())

const REQUESTED = ['settings:objects:read', 'settings:objects:write']

const errorLine = (run: StepRun): string =>
  decodeURIComponent(
    (run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '')
      .slice(9)
      .replace(/%(?![0-9A-F]{2})/g, '%25')
  )

/** Create answers the token; the list answers `listed` for the read-back. */
function mockCreateAndList(listed: { status: number; body: unknown }): void {
  host(ACCOUNT_API)
    .post(PLATFORM_TOKENS_PATH)
    .reply(
      200,
      { name: 'n', tokenId: PLATFORM_TOKEN_ID, token: PLATFORM_TOKEN },
      DATE_HEADER
    )
    .get(PLATFORM_TOKENS_PATH)
    .query((q) => q.searchTerm === PLATFORM_TOKEN_ID && q.page === '1')
    .reply(listed.status, listed.body as nock.Body, DATE_HEADER)
}

const entry = (scope: unknown, extra: Record<string, unknown> = {}) => ({
  pageNumber: 1,
  pageSize: 100,
  total: 1,
  results: [
    {
      tokenId: PLATFORM_TOKEN_ID,
      name: 'gha/octo-org/deploy-repo/run-4242-1/deploy',
      scope,
      status: 'ACTIVE',
      ...extra
    }
  ]
})

const revoked = () =>
  host(ACCOUNT_API)
    .delete(`${PLATFORM_TOKENS_PATH}/${PLATFORM_TOKEN_ID}`)
    .reply(200, '')

describe('platform token scope read-back', () => {
  test('scopes as asked: verified, in the outputs and the summary', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockCreateAndList({ status: 200, body: entry(REQUESTED) })
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['token-scopes']).toBe(REQUESTED.join(','))
    expect(run.summary).toContain('Verified: read back from Dynatrace')
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'GET'])
    expect(findLeaks(run, SECRETS)).toEqual([])
  })

  test('an added scope: the token is revoked and the step fails naming it', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockCreateAndList({
      status: 200,
      body: entry([...REQUESTED, 'iam:policies:write'])
    })
    revoked()
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toContain(
      `Dynatrace created token ${PLATFORM_TOKEN_ID} with scope(s) iam:policies:write that token-scopes did not ask for`
    )
    expect(seen.at(-1)!.method).toBe('DELETE')
    expect(run.outputs.token).toBeUndefined()
    expect(run.state.revoked).toBe('true')
  })

  test('a missing scope: the token is revoked and the step fails naming it', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockCreateAndList({ status: 200, body: entry([REQUESTED[0]]) })
    revoked()
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toContain(
      `Dynatrace created token ${PLATFORM_TOKEN_ID} without scope(s) settings:objects:write`
    )
    expect(seen.at(-1)!.method).toBe('DELETE')
  })

  test('a listed expiry of null (never expires) is caught too', async () => {
    recordRequests()
    mockSso()
    mockCreateAndList({
      status: 200,
      body: entry(REQUESTED, { expirationDate: null })
    })
    revoked()
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toContain('never expires')
  })

  test.each([
    [
      'the list is forbidden',
      { status: 403, body: { error: { code: 403, message: 'Forbidden' } } },
      /Not verified: the token list could not be read; grant the OAuth client account-idm-read or platform-token:tokens:manage to verify them\./
    ],
    [
      'the list does not show the token',
      { status: 200, body: { total: 0, results: [] } },
      /Not verified: the token list does not show it\./
    ],
    [
      'the list has no scope field',
      { status: 200, body: entry(undefined) },
      /Not verified: the token list does not show its scopes\./
    ]
  ])(
    'when %s: handed on, and the summary and a warning say why it is unverified',
    async (_label, listed, why) => {
      recordRequests()
      mockSso()
      mockCreateAndList(listed)
      const run = await runStep({ inputs: PLATFORM_INPUTS })
      expect(run.exitCode).toBe(0)
      expect(run.outputs['token-id']).toBe(PLATFORM_TOKEN_ID)
      expect(run.summary).toMatch(why)
      expect(run.stdout).toMatch(
        new RegExp(
          `::warning::The scopes of platform token ${PLATFORM_TOKEN_ID.replace('.', '\\.')} were not verified`
        )
      )
    }
  )
})
