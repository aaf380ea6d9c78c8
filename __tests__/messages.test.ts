/**
 * Messages that finish the job: network and rate-limit failures name the cause and the
 * next step, with correct grammar, and never blame an input that is not at fault.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep } from './support/in-process.js'
import {
  CLASSIC_INPUTS,
  SECRETS,
  SSO,
  SSO_PATH,
  host,
  recordRequests
} from './support/fixtures.js'

afterEach(() => nock.cleanAll())

/** The ::error:: line of a failed run, unescaped. */
function errorText(stdout: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
  return decodeURIComponent(
    line.slice('::error::'.length).replace(/%(?![0-9A-F]{2})/g, '%25')
  )
}

describe('network failures', () => {
  test.each(['ENOTFOUND', 'EAI_AGAIN'])(
    '%s becomes "DNS lookup of <host> failed"',
    async (code) => {
      recordRequests()
      host(SSO)
        .post(SSO_PATH)
        .times(2)
        .replyWithError(
          Object.assign(new Error(`getaddrinfo ${code}`), { code })
        )
      const run = await runStep({
        inputs: { ...CLASSIC_INPUTS, 'max-retries': '1' }
      })
      expect(run.exitCode).toBe(1)
      expect(errorText(run.stdout)).toBe(
        `Could not get an SSO bearer token: DNS lookup of sso.dynatrace.com failed (${code}) (after 2 attempts). Check that the endpoint is right and reachable from the runner (proxy settings: HTTPS_PROXY / NO_PROXY).`
      )
      expect(findLeaks(run, SECRETS)).toEqual([])
    }
  )

  test('one attempt is "1 attempt"', async () => {
    recordRequests()
    host(SSO)
      .post(SSO_PATH)
      .replyWithError(
        Object.assign(new Error('connect ECONNREFUSED'), {
          code: 'ECONNREFUSED'
        })
      )
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'max-retries': '0' }
    })
    expect(errorText(run.stdout)).toContain(
      'network error ECONNREFUSED from sso.dynatrace.com (after 1 attempt).'
    )
  })
})

describe('rate limiting', () => {
  test('SSO that stays rate-limited says so, and does not blame sso-url', async () => {
    recordRequests()
    host(SSO)
      .post(SSO_PATH)
      .times(2)
      .reply(429, { error: 'too_many_requests' }, { 'Retry-After': '0' })
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'max-retries': '1' }
    })
    expect(run.exitCode).toBe(1)
    const text = errorText(run.stdout)
    expect(text).toContain('HTTP 429')
    expect(text).toContain('kept rate-limiting this client')
    expect(text).not.toMatch(/check sso-url/i)
  })
})
