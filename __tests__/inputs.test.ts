import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep } from './support/in-process.js'
import {
  ACCOUNT_UUID,
  CLASSIC_INPUTS,
  CLIENT_SECRET,
  PLATFORM_INPUTS,
  SECRETS,
  host,
  mockClassicCreate,
  mockSso,
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

describe('bad input fails before any request, naming the input and the value', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'mode',
      { mode: 'mnt' },
      /mode: "mnt" is not one of mint, plan, audit, revoke/
    ],
    ['client-id empty', { 'client-id': '' }, /client-id: is empty/],
    [
      'client-id format',
      { 'client-id': 'my-client' },
      /client-id: "my-client" is not an OAuth client ID/
    ],
    [
      'client-secret empty',
      { 'client-secret': '' },
      /client-secret: is empty.*forks or by Dependabot/
    ],
    [
      'client-secret format',
      { 'client-secret': 'hunter2-not-a-secret' },
      /client-secret: is not of the form dt0s02\.XXXXXXXX\.<secret> \(value hidden\)/
    ],
    [
      'client-secret of another client',
      { 'client-secret': `dt0s02.ZZZZZZZZ.${'S7'.repeat(32)}` },
      /client-secret: belongs to OAuth client dt0s02\.ZZZZZZZZ, not to client-id "dt0s02\.ABCDEFGH"/
    ],
    [
      'swapped id and secret',
      { 'client-id': CLIENT_SECRET },
      /client-id: looks like a client secret \(value hidden\)/
    ],
    [
      'account-urn',
      { 'account-urn': 'urn:dtaccount:nope' },
      /account-urn: "urn:dtaccount:nope" is not urn:dtaccount:<uuid>/
    ],
    [
      'environment-url not a URL',
      { 'environment-url': 'abc12345' },
      /environment-url: "abc12345" is not a URL/
    ],
    [
      'environment-url http',
      { 'environment-url': 'http://abc12345.apps.dynatrace.com' },
      /environment-url: .* must use https/
    ],
    [
      'environment-url foreign host',
      { 'environment-url': 'https://dynatrace.example.com' },
      /environment-url: "https:\/\/dynatrace\.example\.com" is not a Dynatrace endpoint.*allow-custom-endpoints/
    ],
    [
      'environment-url managed',
      {
        'environment-url': 'https://managed.example.com/e/abc',
        'allow-custom-endpoints': 'true',
        'environment-id': 'abc12345'
      },
      /looks like a Dynatrace Managed environment/
    ],
    [
      'custom endpoint without environment-id',
      {
        'environment-url': 'https://proxy.example.com',
        'allow-custom-endpoints': 'true',
        'sso-url': 'https://sso.example.com'
      },
      /environment-id: is required because environment-url "https:\/\/proxy\.example\.com" is a custom endpoint/
    ],
    [
      'custom endpoint without sso-url',
      {
        'environment-url': 'https://proxy.example.com',
        'allow-custom-endpoints': 'true',
        'environment-id': 'abc12345'
      },
      /sso-url: is required because environment-url is a custom endpoint/
    ],
    [
      'plain http off loopback',
      {
        'sso-url': 'http://sso.example.com/token',
        'allow-custom-endpoints': 'true'
      },
      /sso-url: "http:\/\/sso\.example\.com\/token" must use https \(plain http is accepted only on loopback/
    ],
    [
      'plain http to a *.localhost name (DNS and proxies would see the secret)',
      {
        'sso-url': 'http://sso.localhost:8080/sso/oauth2/token',
        'allow-custom-endpoints': 'true'
      },
      /sso-url: "http:\/\/sso\.localhost:8080\/sso\/oauth2\/token" must use https \(plain http is accepted only on loopback: localhost, 127\.0\.0\.0\/8 or \[::1\], with allow-custom-endpoints: true\)/
    ],
    [
      'plain http to a name that merely starts like loopback',
      {
        'account-api-url': 'http://127.0.0.1.nip.io',
        'allow-custom-endpoints': 'true'
      },
      /account-api-url: "http:\/\/127\.0\.0\.1\.nip\.io" must use https/
    ],
    [
      'credentials in URL',
      { 'account-api-url': 'https://u:p@api.dynatrace.com' },
      /account-api-url: must not contain credentials/
    ],
    [
      'environment-id mismatch',
      { 'environment-id': 'xyz99999' },
      /environment-id: "xyz99999" does not match the ID "abc12345"/
    ],
    [
      'token-scopes typo',
      { 'token-scopes': 'ReadConfg' },
      /token-scopes: "ReadConfg" is not a classic API token scope\. Did you mean "ReadConfig"\?/
    ],
    [
      'token-scopes case',
      { 'token-scopes': 'settings.Read' },
      /Did you mean "settings\.read"/
    ],
    [
      'platform scope on classic',
      { 'token-scopes': 'storage:logs:read' },
      /use token-type: platform/
    ],
    [
      'legacy scope',
      { 'token-scopes': 'ViewDashboard' },
      /"ViewDashboard" is a legacy scope/
    ],
    ['token-scopes empty', { 'token-scopes': '' }, /token-scopes: is empty/],
    [
      'scope outside allowed-scopes',
      { 'allowed-scopes': 'ReadConfig' },
      /token-scopes: "WriteConfig" is not in allowed-scopes/
    ],
    [
      'token-lifetime format',
      { 'token-lifetime': '1 hour' },
      /token-lifetime: "1 hour" is not a duration such as 30m, 2h, 1h30m or 1d\. Did you mean 1h\?/
    ],
    [
      'token-lifetime too short',
      { 'token-lifetime': '1m' },
      /token-lifetime: "1m" is outside 5m to 7d/
    ],
    [
      'token-lifetime too long',
      { 'token-lifetime': '30d' },
      /token-lifetime: "30d" is outside 5m to 7d\./
    ],
    ['revoke', { revoke: 'yes' }, /revoke: "yes" is not a boolean/],
    [
      'timeout-seconds',
      { 'timeout-seconds': '0' },
      /timeout-seconds: "0" must be a whole number from 5 to 3600/
    ],
    [
      'max-retries',
      { 'max-retries': 'many' },
      /max-retries: "many" must be a whole number from 0 to 10/
    ],
    [
      'export-variable name',
      { 'export-variable': 'DT-TOKEN' },
      /export-variable: "DT-TOKEN" is not an environment variable name/
    ],
    [
      'export-variable reserved',
      { 'export-variable': 'GITHUB_TOKEN' },
      /export-variable: "GITHUB_TOKEN" is reserved/
    ],
    [
      'token-name newline',
      { 'token-name': 'a\nb' },
      /token-name: "a b" must be one line/
    ],
    [
      'oauth-scopes typo',
      { 'oauth-scopes': 'account-idm-raed' },
      /oauth-scopes: "account-idm-raed" is not a known OAuth scope\. Did you mean "account-idm-read"\?/
    ],
    [
      'classic without environment',
      { 'environment-url': '' },
      /environment-url: is required for classic tokens/
    ],
    [
      'IAM without account',
      { bindings: '- policy: x\n  groups: [y]' },
      /account-urn: is required for IAM policies and bindings/
    ],
    [
      'revoke mode without token-id',
      { mode: 'revoke' },
      /token-id: is required in revoke mode/
    ],
    [
      'revoke mode with a whole token',
      {
        mode: 'revoke',
        'token-id': `dt0c01.${'A'.repeat(24)}.${'B'.repeat(64)}`
      },
      /token-id: looks like a whole token including its secret \(value hidden\)/
    ]
  ]

  test.each(cases)('%s', async (_name, inputs, expected) => {
    const { unmatched } = recordRequests()
    const run = await runStep({ inputs: { ...CLASSIC_INPUTS, ...inputs } })
    expect(run.exitCode).toBe(1)
    expect(errorText(run.stdout)).toMatch(
      /^Invalid inputs? \(no request was sent\):/
    )
    expect(errorText(run.stdout)).toMatch(expected)
    expect(unmatched).toEqual([])
    expect(run.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/) // no stack trace
    expect(findLeaks(run, SECRETS)).toEqual([])
    expect(run.outputs).toEqual({})
    expect(run.state).toEqual({})
  })

  // Messages that finish the job: each names the fix, not only the fault.
  const helpful: Array<[string, Record<string, string>, string]> = [
    [
      'a classic API token pasted as client-secret',
      { 'client-secret': `dt0c01.${'A'.repeat(24)}.${'B'.repeat(64)}` },
      'client-secret: is a classic API token (dt0c01…, value hidden), not an OAuth client secret. This action needs an OAuth client'
    ],
    ['90 minutes', { 'token-lifetime': '90 minutes' }, 'Did you mean 90m?'],
    ['90min', { 'token-lifetime': '90min' }, 'Did you mean 90m?'],
    ['1.5h', { 'token-lifetime': '1.5h' }, 'Did you mean 90m?'],
    ['PT1H', { 'token-lifetime': 'PT1H' }, 'Did you mean 1h?'],
    ['2 days', { 'token-lifetime': '2 days' }, 'Did you mean 2d?'],
    [
      'ReadSettings',
      { 'token-scopes': 'ReadSettings' },
      'token-scopes: "ReadSettings" is not a classic API token scope. Did you mean "settings.read"?'
    ],
    [
      'a URL without a scheme',
      { 'environment-url': 'abc12345.apps.dynatrace.com' },
      'environment-url: "abc12345.apps.dynatrace.com" has no scheme; add https:// (https://abc12345.apps.dynatrace.com).'
    ],
    [
      'platform without account-urn',
      { 'token-type': 'platform', 'token-scopes': 'settings:objects:read' },
      'account-urn: is required for platform tokens (they are created through Account Management). It is shown with the client ID and secret when an OAuth client is created'
    ]
  ]
  test.each(helpful)('%s', async (_name, inputs, expected) => {
    const { unmatched } = recordRequests()
    const run = await runStep({ inputs: { ...CLASSIC_INPUTS, ...inputs } })
    expect(run.exitCode).toBe(1)
    expect(errorText(run.stdout)).toContain(expected)
    expect(unmatched).toEqual([])
    expect(findLeaks(run, SECRETS)).toEqual([])
  })

  test('a failed step writes a short summary: what failed, each problem, where help is', async () => {
    recordRequests()
    const run = await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        'token-lifetime': '90 minutes',
        'max-retries': '99'
      },
      env: {
        GITHUB_ACTION_REPOSITORY: 'acme/configure-dynatrace-credentials',
        GITHUB_ACTION_REF: 'v1'
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain(
      '<h3>Dynatrace credentials: the step failed</h3>'
    )
    expect(run.summary).toContain(
      '<p>Invalid inputs (no request was sent):</p>'
    )
    expect(run.summary).toContain(
      '<li>token-lifetime: &#34;90 minutes&#34; is not a duration such as 30m, 2h, 1h30m or 1d. Did you mean 90m?</li>'
    )
    expect(run.summary).toContain('<li>max-retries: &#34;99&#34; must be')
    expect(run.summary).toContain(
      '<a href="https://github.com/acme/configure-dynatrace-credentials/blob/v1/TROUBLESHOOTING.md">TROUBLESHOOTING.md</a>'
    )
    expect(findLeaks(run, SECRETS)).toEqual([])
  })

  test('an unparseable lifetime gets no made-up suggestion', async () => {
    recordRequests()
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'token-lifetime': 'forever' }
    })
    expect(errorText(run.stdout)).toContain('"forever" is not a duration')
    expect(errorText(run.stdout)).not.toContain('Did you mean')
  })

  test('a client secret pasted into client-id is reported in one line', async () => {
    recordRequests()
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'client-id': CLIENT_SECRET }
    })
    const text = errorText(run.stdout)
    expect(text).toMatch(
      /^Invalid input \(no request was sent\):\n {2}- client-id: looks like a client secret \(value hidden\)/
    )
    expect(text.split('\n')).toHaveLength(2)
    expect(findLeaks(run, SECRETS)).toEqual([])
  })

  test('a long scope message is not cut mid-word', async () => {
    recordRequests()
    const run = await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        'token-scopes': 'ReadConfig settings:objects:read'
      }
    })
    expect(errorText(run.stdout)).toContain(
      'It looks like a platform scope: classic tokens take names such as "ReadConfig" or "settings.read"; use token-type: platform for platform scopes.'
    )
    expect(errorText(run.stdout)).not.toContain('truncated')
  })

  test('several problems are reported together', async () => {
    const { unmatched } = recordRequests()
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'token-lifetime': 'x', 'max-retries': '99' }
    })
    const text = errorText(run.stdout)
    expect(text).toMatch(/^Invalid inputs/)
    expect(text).toContain('token-lifetime:')
    expect(text).toContain('max-retries:')
    expect(unmatched).toEqual([])
  })

  test('a bad value containing the client secret is shown redacted', async () => {
    recordRequests()
    const run = await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        'token-name': `x${CLIENT_SECRET}\n`,
        'token-lifetime': `9${CLIENT_SECRET}`
      }
    })
    expect(run.exitCode).toBe(1)
    expect(errorText(run.stdout)).toContain('token-lifetime: "9***"')
    expect(findLeaks(run, SECRETS)).toEqual([])
  })

  test('hostile values cannot inject workflow commands', async () => {
    recordRequests()
    const run = await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        'token-lifetime': '1h\n::set-output name=token::evil'
      }
    })
    expect(run.exitCode).toBe(1)
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('::'))
    expect(
      lines.every((l) => /^::(add-mask|error|debug|warning)::/.test(l))
    ).toBe(true)
    expect(run.stdout).not.toContain('::set-output')
  })
})

describe('endpoint derivation', () => {
  const cases: Array<[string, string, string, string, string]> = [
    [
      'prod apps',
      'https://abc12345.apps.dynatrace.com',
      'https://abc12345.apps.dynatrace.com',
      'https://abc12345.live.dynatrace.com',
      'https://sso.dynatrace.com'
    ],
    [
      'prod live, trailing path',
      'https://abc12345.live.dynatrace.com/ui/',
      'https://abc12345.apps.dynatrace.com',
      'https://abc12345.live.dynatrace.com',
      'https://sso.dynatrace.com'
    ],
    [
      'sprint apps',
      'https://pvf2584h.sprint.apps.dynatracelabs.com',
      'https://pvf2584h.sprint.apps.dynatracelabs.com',
      'https://pvf2584h.sprint.dynatracelabs.com',
      'https://sso-sprint.dynatracelabs.com'
    ],
    [
      'sprint classic',
      'https://pvf2584h.sprint.dynatracelabs.com',
      'https://pvf2584h.sprint.apps.dynatracelabs.com',
      'https://pvf2584h.sprint.dynatracelabs.com',
      'https://sso-sprint.dynatracelabs.com'
    ],
    [
      'dev apps',
      'https://abc12345.dev.apps.dynatracelabs.com',
      'https://abc12345.dev.apps.dynatracelabs.com',
      'https://abc12345.dev.dynatracelabs.com',
      'https://sso-dev.dynatracelabs.com'
    ]
  ]

  test.each(cases)('%s', async (_name, input, platformUrl, classicUrl, sso) => {
    recordRequests()
    const id = new URL(platformUrl).hostname.split('.')[0]!
    host(sso)
      .post('/sso/oauth2/token')
      .reply(200, {
        access_token: 'eyJ.a.b-' + 'x'.repeat(20),
        expires_in: 300
      })
    host(platformUrl)
      .post('/platform/classic/environment-api/v2/apiTokens')
      .reply(201, {
        id: `dt0c01.${'A'.repeat(24)}`,
        token: `dt0c01.${'A'.repeat(24)}.${'B'.repeat(64)}`,
        expirationDate: '2026-11-21T07:00:00.000Z'
      })
      .get(
        `/platform/classic/environment-api/v2/apiTokens/dt0c01.${'A'.repeat(24)}`
      )
      .reply(200, { scopes: ['ReadConfig', 'WriteConfig'] })
    const run = await runStep({
      inputs: { ...CLASSIC_INPUTS, 'environment-url': input }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['environment-url']).toBe(platformUrl)
    expect(run.outputs['classic-environment-url']).toBe(classicUrl)
    expect(run.summary).toContain(id)
  })

  test('a bare account UUID is normalised into the SSO resource', async () => {
    const { seen } = recordRequests()
    mockSso()
    const run = await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        'account-urn': ACCOUNT_UUID.toUpperCase(),
        'token-type': 'none'
      }
    })
    expect(run.exitCode).toBe(0)
    expect(new URLSearchParams(seen[0]!.body).get('resource')).toBe(
      `urn:dtaccount:${ACCOUNT_UUID}`
    )
  })

  test('custom endpoints: environment-id and sso-url given, allow-custom-endpoints set', async () => {
    const { seen } = recordRequests()
    host('https://sso.corp.example')
      .post('/sso/oauth2/token')
      .reply(200, {
        access_token: 'eyJ.a.b-' + 'x'.repeat(20),
        expires_in: 300
      })
    host('https://dt-proxy.corp.example')
      .post('/dynatrace/platform/classic/environment-api/v2/apiTokens')
      .reply(201, {
        id: `dt0c01.${'A'.repeat(24)}`,
        token: `dt0c01.${'A'.repeat(24)}.${'B'.repeat(64)}`
      })
      .get(
        `/dynatrace/platform/classic/environment-api/v2/apiTokens/dt0c01.${'A'.repeat(24)}`
      )
      .reply(200, { scopes: ['ReadConfig', 'WriteConfig'] })
    const run = await runStep({
      inputs: {
        ...CLASSIC_INPUTS,
        'environment-url': 'https://dt-proxy.corp.example/dynatrace/',
        'environment-id': 'abc12345',
        'sso-url': 'https://sso.corp.example',
        'allow-custom-endpoints': 'true'
      }
    })
    expect(run.exitCode).toBe(0)
    expect(seen.map((s) => s.url)[0]).toBe(
      'https://sso.corp.example/sso/oauth2/token'
    )
    expect(run.outputs['environment-url']).toBe(
      'https://dt-proxy.corp.example/dynatrace'
    )
  })

  test('a scope from an unknown platform service passes with a warning', async () => {
    recordRequests()
    mockSso()
    host('https://api.dynatrace.com')
      .post(`/iam/v1/accounts/${ACCOUNT_UUID}/platform-tokens`)
      .reply(200, {
        tokenId: `dt0s16.${'X'.repeat(8)}`,
        token: `dt0s16.${'X'.repeat(8)}.${'C'.repeat(64)}`
      })
    const run = await runStep({
      inputs: {
        ...PLATFORM_INPUTS,
        'token-scopes': 'brand-new-service:things:read'
      }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::token-scopes: "brand-new-service:things:read" is not in this action's scope catalogue/
    )
  })

  test('the default token name comes from the GITHUB_* context', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassicCreate()
    await runStep({
      inputs: CLASSIC_INPUTS,
      env: {
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_RUN_ID: '99',
        GITHUB_RUN_ATTEMPT: '3',
        GITHUB_JOB: 'deploy-prod'
      }
    })
    expect(JSON.parse(seen[1]!.body).name).toBe(
      'gha/acme/infra/run-99-3/deploy-prod'
    )
  })
})
