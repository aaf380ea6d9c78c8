/**
 * End to end over the committed bundle (dist/) with `auth: github-oidc`: the runner
 * harness gives the job its ID-token variables (the emulated GitHub token service on
 * its own origin), and the Dynatrace emulator trusts that issuer. No Dynatrace secret
 * anywhere. Minting, revoking, handing on the federated bearer, the refusals before
 * any request, and the errors that teach the trust setup.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  FEDERATED_SERVICE_USER,
  GITHUB_ISSUER,
  startGitHubOidc,
  type ClaimMapping,
  type GitHubOidcService,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  annotations,
  oidcEmulatorInputs,
  runAction,
  runJob,
  scanForLeaks
} from '../test/support/runner.js'
import {
  TOKENS,
  emulators,
  expectClean,
  sequence
} from '../test/support/e2e.js'
import {
  checkJob,
  hardViolations,
  seedUnrelatedBindings
} from '../test/support/invariants.js'

const AUDIENCE = 'https://abc12345.apps.dynatrace.com'
const REPOSITORY_ON_MAIN: ClaimMapping[] = [
  {
    claimName: 'repository',
    claimValue: 'octo-org/deploy-repo',
    matchType: 'EXACT'
  },
  { claimName: 'ref', claimValue: 'refs/heads/*', matchType: 'GLOB' }
]

const emulator = emulators()
const services: GitHubOidcService[] = []
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()))
})

/** The job's ID-token service. */
async function github(
  job: Parameters<typeof startGitHubOidc>[0] = {}
): Promise<GitHubOidcService> {
  const service = await startGitHubOidc(job)
  services.push(service)
  return service
}

/** An emulator whose environment trusts `service` for this repository's branches. */
async function trusting(
  service: GitHubOidcService,
  mapping: {
    audience?: string
    scopes?: string[]
    claimMappings?: ClaimMapping[]
  } = {}
): Promise<RunningEmulator> {
  const emu = await emulator()
  emu.trust(
    {
      audience: mapping.audience ?? AUDIENCE,
      mappings: [
        {
          scopes: mapping.scopes ?? [
            'environment-api:api-tokens:write',
            'environment-api:api-tokens:read'
          ],
          claimMappings: mapping.claimMappings ?? REPOSITORY_ON_MAIN
        }
      ]
    },
    service
  )
  return emu
}

/** A step with auth: github-oidc and no Dynatrace secret, pointed at the emulator. */
const oidcInputs = (
  emu: RunningEmulator,
  extra: Record<string, string> = {}
): Record<string, string> =>
  oidcEmulatorInputs(emu, AUDIENCE, {
    'token-scopes': 'ReadConfig, settings.read',
    ...extra
  })

const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'))

describe('auth: github-oidc, classic token', () => {
  test('mints, verifies and revokes a classic token with no Dynatrace secret', async () => {
    const gh = await github()
    const emu = await trusting(gh)
    const { main, post } = await runJob({
      inputs: oidcInputs(emu),
      idTokens: gh
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)

    const record = emu.state.apiTokens[0]!
    expect(emu.state.apiTokens).toHaveLength(1)
    expect(record.owner).toBe(FEDERATED_SERVICE_USER)
    expect(main.outputs).toMatchObject({
      token: record.token,
      'token-id': record.id,
      'token-type': 'classic',
      'token-scopes': 'ReadConfig,settings.read'
    })
    expect(main.outputs['access-token']).toBeUndefined()

    // One ID token per step, each requested with the audience and the request token.
    expect(gh.issued).toHaveLength(2)
    expect(gh.requests.map((r) => [r.audience, r.authorized])).toEqual([
      [AUDIENCE, true],
      [AUDIENCE, true]
    ])
    expect(
      new URL(gh.requests[0]!.path, 'http://x').searchParams.get('api-version')
    ).toBe('2.0')
    // Dynatrace saw only the environment's token API, with the ID token as the bearer.
    expect(sequence(emu)).toEqual([
      `POST ${TOKENS}`,
      `GET ${TOKENS}/${record.id}`,
      `DELETE ${TOKENS}/${record.id}`
    ])
    const auth = emu.requests.map((r) => r.headers.authorization)
    expect(auth).toEqual([
      `Bearer ${gh.issued[0]}`,
      `Bearer ${gh.issued[0]}`,
      `Bearer ${gh.issued[1]}`
    ])
    // The request token went only to the token service.
    for (const r of emu.requests)
      expect(JSON.stringify(r)).not.toContain(gh.requestToken)

    expect(main.masks).toEqual(
      expect.arrayContaining([gh.requestToken, gh.issued[0], record.token])
    )
    expect(post!.masks).toEqual(
      expect.arrayContaining([gh.requestToken, gh.issued[1]])
    )
    expect(main.state).toMatchObject({
      'token-id': record.id,
      'token-type': 'classic',
      'platform-url': emu.url
    })
    expect(main.log).toContain(
      'Got a GitHub ID token (sub "repo:octo-org/deploy-repo:ref:refs/heads/main")'
    )
    expect(main.summary).toContain(
      `GitHub ID token for audience &#34;${AUDIENCE}&#34;`
    )
    expect(main.summary).toContain(record.id)
    expect(post!.log).toContain(`Revoked token ${record.id}.`)
    expect(record.deletedAt).not.toBeNull()
    expectClean(emu, [main, post])
  })

  test('debug logging keeps the ID token and the request token out of the log', async () => {
    const gh = await github()
    const emu = await trusting(gh)
    const { main, post } = await runJob({
      inputs: oidcInputs(emu, { 'output-access-token': 'true' }),
      idTokens: gh,
      env: { RUNNER_DEBUG: '1' }
    })
    expect(main.exitCode).toBe(0)
    expect(main.log).toContain('##[debug]GET ')
    expect(main.outputs['access-token']).toBe(gh.issued[0])
    expect(main.outputs['access-token-expires-at']).toBe(
      new Date((claimsOf(gh.issued[0]!).exp as number) * 1000).toISOString()
    )
    expectClean(emu, [main, post])
  })

  test('a 401 mid-run: a fresh ID token, one more try', async () => {
    const gh = await github()
    const emu = await trusting(gh)
    // The read-back after the create is refused once, as an expired token would be.
    emu.fault(
      { method: 'GET', path: new RegExp(`^${TOKENS}/dt0c01`) },
      {
        status: 401,
        body: JSON.stringify({
          error: { code: 401, message: 'Token expired.' }
        })
      }
    )
    const { main, post } = await runJob({
      inputs: oidcInputs(emu, { 'output-access-token': 'true' }),
      idTokens: gh
    })
    expect(main.exitCode).toBe(0)
    expect(main.log).toContain('requesting a fresh one and trying once more')
    // The bearer handed on is the fresh ID token, not the one Dynatrace refused.
    expect(main.outputs['access-token']).toBe(gh.issued[1])
    const record = emu.state.apiTokens[0]!
    expect(sequence(emu)).toEqual([
      `POST ${TOKENS}`,
      `GET ${TOKENS}/${record.id}`,
      `GET ${TOKENS}/${record.id}`,
      `DELETE ${TOKENS}/${record.id}`
    ])
    expect(emu.requests[2]!.headers.authorization).toBe(
      `Bearer ${gh.issued[1]}`
    )
    expect(gh.issued).toHaveLength(3)
    // The retried read-back verified the scopes.
    expect(main.log).not.toContain('were not verified')
    expect(main.outputs['token-scopes']).toBe('ReadConfig,settings.read')
    expectClean(emu, [main, post])
  })

  test('mode: revoke revokes a classic token with a fresh ID token', async () => {
    const gh = await github()
    const emu = await trusting(gh)
    const left = emu.seedApiToken({
      name: 'left over',
      scopes: ['ReadConfig'],
      expiresInSeconds: 3600
    })
    const step = await runAction({
      inputs: oidcInputs(emu, { mode: 'revoke', 'token-id': left.id }),
      idTokens: gh
    })
    expect(step.exitCode).toBe(0)
    expect(step.log).toContain(`Revoked token ${left.id}.`)
    expect(sequence(emu)).toEqual([`DELETE ${TOKENS}/${left.id}`])
    expectClean(emu, [step])
  })
})

describe('auth: github-oidc, token-type none and plan', () => {
  test('token-type none hands on the federated bearer with its expiry', async () => {
    const gh = await github()
    const emu = await trusting(gh)
    const { main, post } = await runJob({
      inputs: oidcInputs(emu, { 'token-type': 'none', 'token-scopes': '' }),
      idTokens: gh
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    const [idToken] = gh.issued
    expect(main.outputs['access-token']).toBe(idToken)
    const expiresAt = new Date(
      (claimsOf(idToken!).exp as number) * 1000
    ).toISOString()
    expect(main.outputs['access-token-expires-at']).toBe(expiresAt)
    expect(main.log).toContain(
      `only the GitHub ID token is handed on, as access-token, valid until ${expiresAt}`
    )
    expect(main.masks).toContain(idToken)
    expect(main.summary).toContain('only the GitHub ID token')
    expect(main.state).toEqual({})
    expect(post!.log).toContain('nothing to revoke')
    // Nothing asked of Dynatrace: the bearer is for the steps that follow.
    expect(emu.requests).toEqual([])
    expectClean(emu, [main, post])
  })

  test('plan reads only what the platform route allows, and changes nothing', async () => {
    const gh = await github()
    const emu = await trusting(gh)
    const step = await runAction({
      inputs: oidcInputs(emu, { mode: 'plan' }),
      idTokens: gh
    })
    expect(step.exitCode).toBe(0)
    expect(emu.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${TOKENS}?pageSize=100`
    ])
    expect(step.log).toContain('accepted the GitHub ID token')
    expect(JSON.parse(step.outputs.plan!)).toMatchObject({
      iam: null,
      token: { type: 'classic', scopes: ['ReadConfig', 'settings.read'] }
    })
    expect(emu.state.apiTokens).toEqual([])
    expectClean(emu, [step])
  })

  test('plan with token-type none says the GitHub ID token is what a mint would hand on', async () => {
    const gh = await github()
    const emu = await trusting(gh)
    const step = await runAction({
      inputs: oidcInputs(emu, {
        mode: 'plan',
        'token-type': 'none',
        'token-scopes': ''
      }),
      idTokens: gh
    })
    expect(step.exitCode).toBe(0)
    expect(step.summary).toContain(
      '<code>token-type: none</code> hands on only the GitHub ID token (output <code>access-token</code>).'
    )
    expect(step.summary).not.toContain('SSO bearer')
    expectClean(emu, [step])
  })

  test('plan fails with the trust explained when the environment refuses the token', async () => {
    const gh = await github()
    const emu = await trusting(gh, { audience: 'another-audience' })
    const step = await runAction({
      inputs: oidcInputs(emu, { mode: 'plan' }),
      idTokens: gh
    })
    expect(step.exitCode).toBe(1)
    expect(annotations(step)[0]).toContain('did not accept the GitHub ID token')
    expectClean(emu, [step])
  })
})

describe('auth: github-oidc, refusals before any request', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'IAM bindings',
      {
        bindings: '- { policy: Settings Reader, groups: [Monitoring viewers] }'
      },
      /policies \/ bindings: IAM work is served by Account Management/
    ],
    [
      'IAM policies',
      {
        policies:
          '- { name: p, description: d, statement: "ALLOW settings:objects:read;" }'
      },
      /policies \/ bindings: IAM work is served by Account Management/
    ],
    [
      'a platform token',
      { 'token-type': 'platform', 'token-scopes': 'settings:objects:read' },
      /token-type: platform: minting a platform token is served by Account Management/
    ],
    [
      'revoking a platform token',
      { mode: 'revoke', 'token-id': 'dt0s16.ABCDEFGH' },
      /token-id: revoking a platform token is served by Account Management/
    ]
  ]
  test.each(cases)('%s', async (_label, extra, message) => {
    const gh = await github()
    const emu = await trusting(gh)
    const step = await runAction({
      inputs: oidcInputs(emu, extra),
      idTokens: gh
    })
    expect(step.exitCode).toBe(1)
    const [error] = annotations(step)
    expect(error).toMatch(message)
    expect(error).toContain('no request was sent')
    expect(error).toContain('auth: client-credentials')
    expect(error).toContain('separate job')
    expect(gh.requests).toEqual([])
    expect(emu.requests).toEqual([])
  })

  test('oidc-audience is required', async () => {
    const emu = await emulator()
    const step = await runAction({
      inputs: oidcInputs(emu, { 'oidc-audience': '' })
    })
    expect(step.exitCode).toBe(1)
    expect(annotations(step)[0]).toContain(
      'oidc-audience: is required with auth: github-oidc'
    )
    expect(emu.requests).toEqual([])
  })
})

describe('auth: github-oidc, errors that teach the setup', () => {
  test('a job without id-token: write is told exactly what to add', async () => {
    const emu = await emulator()
    const step = await runAction({ inputs: oidcInputs(emu) })
    expect(step.exitCode).toBe(1)
    const [error] = annotations(step)
    expect(error).toContain('ACTIONS_ID_TOKEN_REQUEST_URL')
    expect(error).toContain(
      'permissions:\n    id-token: write\n    contents: read'
    )
    expect(emu.requests).toEqual([])
    expectClean(emu, [step])
  })

  test('a token service URL in clear text off loopback is not used', async () => {
    const emu = await emulator()
    const step = await runAction({
      inputs: oidcInputs(emu),
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL:
          'http://token.example.com/idtoken?api-version=2.0',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-value-1234'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(annotations(step)[0]).toContain('must be an https URL')
    expect(scanForLeaks(step, ['request-token-value-1234'])).toEqual([])
    expect(step.masks).toContain('request-token-value-1234')
  })

  test('a failing token service: the status, never the body', async () => {
    const gh = await github()
    const emu = await trusting(gh)
    gh.fail(500)
    const step = await runAction({ inputs: oidcInputs(emu), idTokens: gh })
    expect(step.exitCode).toBe(1)
    expect(annotations(step)[0]).toMatch(
      /Could not get a GitHub ID token: the runner's token service \(127\.0\.0\.1:\d+\) answered HTTP 500/
    )
    // The service's body ({"message": "Injected fault"}) is not repeated.
    expect(step.stdout).not.toContain('Injected fault')
    expect(emu.requests).toEqual([])
  })

  test('a 401 names the audience, the claims and what the trust must match', async () => {
    const gh = await github({ job: { environment: 'production' } })
    const emu = await trusting(gh, { audience: 'https://other.example.com' })
    const { main, post } = await runJob({
      inputs: oidcInputs(emu),
      idTokens: gh
    })
    expect(main.exitCode).toBe(1)
    const [error] = annotations(main)
    for (const part of [
      'Could not create the classic API token: Dynatrace did not accept the GitHub ID token (HTTP 401:',
      'code AUDIENCE_MISMATCH',
      `requested for audience "${AUDIENCE}" (oidc-audience)`,
      `iss "${GITHUB_ISSUER}"`,
      'sub "repo:octo-org/deploy-repo:environment:production"',
      'repository "octo-org/deploy-repo"',
      'ref "refs/heads/main"',
      'environment "production"',
      `issuer ${GITHUB_ISSUER}, audience "${AUDIENCE}" exactly`,
      'a service-user mapping for environment abc12345'
    ])
      expect(error).toContain(part)
    // A first refusal is a setup problem: no second ID token, no retry.
    expect(gh.issued).toHaveLength(1)
    expect(sequence(emu)).toEqual([`POST ${TOKENS}`])
    expect(post!.log).toContain('minted no token')
    expectClean(emu, [main, post])
  })

  test('a 401 for an unmapped branch says the job names no environment', async () => {
    const gh = await github({ job: { ref: 'refs/tags/v1' } })
    const emu = await trusting(gh)
    const step = await runAction({ inputs: oidcInputs(emu), idTokens: gh })
    expect(step.exitCode).toBe(1)
    const [error] = annotations(step)
    expect(error).toContain('code NO_MATCHING_MAPPING')
    expect(error).toContain('ref "refs/tags/v1"')
    expect(error).toContain('environment (none: the job names no environment)')
  })

  test('a 403 names what the mapping must grant', async () => {
    const gh = await github()
    const emu = await trusting(gh, {
      scopes: ['environment-api:api-tokens:read']
    })
    const step = await runAction({ inputs: oidcInputs(emu), idTokens: gh })
    expect(step.exitCode).toBe(1)
    const [error] = annotations(step)
    expect(error).toContain(
      'Dynatrace accepted the GitHub ID token but refused the request (HTTP 403'
    )
    expect(error).toContain('environment-api:api-tokens:write')
    expect(error).toContain(
      'sub "repo:octo-org/deploy-repo:ref:refs/heads/main"'
    )
    expect(emu.state.apiTokens).toEqual([])
  })
})

describe('auth: github-oidc, invariants under faults', () => {
  const faults: Array<
    [string, (emu: RunningEmulator, gh: GitHubOidcService) => void]
  > = [
    ['the token service answers 503 once', (_emu, gh) => gh.fail(503)],
    [
      'the create’s answer is lost (reset after)',
      (emu) => emu.fault({ method: 'POST', path: TOKENS }, { reset: 'after' })
    ],
    [
      'the create is rate-limited once',
      (emu) =>
        emu.fault(
          { method: 'POST', path: TOKENS },
          { status: 429, headers: { 'retry-after': '0' } }
        )
    ],
    [
      'the revoke’s answer is lost (reset after)',
      (emu) =>
        emu.fault(
          { method: 'DELETE', path: new RegExp(`^${TOKENS}/`) },
          { reset: 'after' }
        )
    ]
  ]
  test.each(faults)(
    '%s: no leak, no orphan, no crash',
    async (_label, inject) => {
      const gh = await github()
      const emu = await trusting(gh)
      const seeded = seedUnrelatedBindings(emu)
      inject(emu, gh)
      const job = await runJob({
        inputs: oidcInputs(emu, { 'token-lifetime': '30m' }),
        idTokens: gh,
        env: { RUNNER_DEBUG: '1' }
      })
      expect(
        hardViolations(checkJob(emu, job, { seeded, lifetimeSeconds: 1800 }))
      ).toEqual([])
    }
  )
})
