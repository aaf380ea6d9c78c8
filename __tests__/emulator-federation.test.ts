/**
 * The emulated GitHub ID-token service and workload identity federation in the
 * Dynatrace emulator, exercised directly over HTTP (not through the action).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { verify } from 'node:crypto'
import {
  FEDERATED_SERVICE_USER,
  GITHUB_ISSUER,
  globMatches,
  startEmulator,
  repositoryTrust,
  startGitHubOidc,
  type GitHubOidcService,
  type RunningEmulator
} from '../test/emulator/index.js'
import { jwkToKey } from '../test/emulator/github-oidc.js'
import { call } from '../test/support/raw-http.js'
import { emulatorSecrets } from '../test/support/runner.js'

const TOKENS = '/platform/classic/environment-api/v2/apiTokens'
const AUDIENCE = 'https://abc12345.apps.dynatrace.com'

let github: GitHubOidcService
let emu: RunningEmulator

/** An ID token from the service, as the runner hands it out. */
async function idToken(audience = AUDIENCE): Promise<string> {
  const u = new URL(github.requestUrl)
  u.searchParams.set('audience', audience)
  const r = await call(u.origin, 'GET', u.pathname + u.search, {
    headers: { authorization: `Bearer ${github.requestToken}` }
  })
  expect(r.status).toBe(200)
  return r.json.value as string
}

const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'))

const create = (token: string, name = 'fed'): ReturnType<typeof call> =>
  call(emu.url, 'POST', TOKENS, {
    headers: { authorization: `Bearer ${token}` },
    body: {
      name,
      scopes: ['ReadConfig'],
      expirationDate: 'now+1h'
    }
  })

beforeAll(async () => {
  github = await startGitHubOidc()
  emu = await startEmulator({ contractPath: null })
  emu.trust(
    repositoryTrust(AUDIENCE, 'octo-org/deploy-repo', [
      { claimName: 'ref', claimValue: 'refs/heads/*', matchType: 'GLOB' }
    ]),
    github
  )
})

afterAll(async () => {
  await github.close()
  await emu.close()
})

describe('GitHub ID-token service', () => {
  it('issues an RS256 JWT with GitHub’s claims for the audience in the query, verifiable with its JWKS', async () => {
    const jwt = await idToken('my-audience')
    const [h, p, s] = jwt.split('.') as [string, string, string]
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'))
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' })
    const claims = claimsOf(jwt)
    expect(claims).toMatchObject({
      iss: GITHUB_ISSUER,
      aud: 'my-audience',
      sub: 'repo:octo-org/deploy-repo:ref:refs/heads/main',
      repository: 'octo-org/deploy-repo',
      repository_owner: 'octo-org',
      ref: 'refs/heads/main',
      workflow_ref:
        'octo-org/deploy-repo/.github/workflows/deploy.yml@refs/heads/main',
      job_workflow_ref:
        'octo-org/deploy-repo/.github/workflows/deploy.yml@refs/heads/main',
      run_id: github.job.runId
    })
    expect(claims.environment).toBeUndefined()
    const { iat, nbf, exp } = claims as {
      iat: number
      nbf: number
      exp: number
    }
    expect(nbf).toBeLessThanOrEqual(iat)
    expect(exp - iat).toBe(300)
    const key = github.jwks.keys.find((k) => k.kid === header.kid)!
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' })
    expect(
      verify(
        'RSA-SHA256',
        Buffer.from(`${h}.${p}`),
        jwkToKey(key),
        Buffer.from(s, 'base64url')
      )
    ).toBe(true)
    expect(github.issued).toContain(jwt)

    const jwks = await call(
      new URL(github.requestUrl).origin,
      'GET',
      '/.well-known/jwks'
    )
    expect(jwks.json).toEqual(github.jwks)
  })

  it('names a deployment environment in sub and environment', async () => {
    github.job.environment = 'production'
    try {
      const claims = claimsOf(await idToken())
      expect(claims.sub).toBe(
        'repo:octo-org/deploy-repo:environment:production'
      )
      expect(claims.environment).toBe('production')
    } finally {
      delete github.job.environment
    }
  })

  it('refuses a request without the request token, and can fail on demand', async () => {
    const u = new URL(github.requestUrl)
    const anonymous = await call(u.origin, 'GET', `${u.pathname}${u.search}`)
    expect(anonymous.status).toBe(401)
    const wrong = await call(u.origin, 'GET', `${u.pathname}${u.search}`, {
      headers: { authorization: 'Bearer nope' }
    })
    expect(wrong.status).toBe(401)
    github.fail(503)
    const failed = await call(u.origin, 'GET', `${u.pathname}${u.search}`, {
      headers: { authorization: `Bearer ${github.requestToken}` }
    })
    expect(failed.status).toBe(503)
    expect(github.requests.at(-1)).toMatchObject({
      authorized: true,
      status: 503
    })
  })
})

describe('federated bearer on the environment’s platform routes', () => {
  it('accepts a matching token, as the mapping’s service user with its scopes', async () => {
    const token = await idToken()
    const created = await create(token)
    expect(created.status).toBe(201)
    const record = emu.state.apiTokens.find((t) => t.id === created.json.id)!
    expect(record.owner).toBe(FEDERATED_SERVICE_USER)
    const read = await call(emu.url, 'GET', `${TOKENS}/${record.id}`, {
      headers: { authorization: `Bearer ${token}` }
    })
    expect(read.status).toBe(200)
    const removed = await call(emu.url, 'DELETE', `${TOKENS}/${record.id}`, {
      headers: { authorization: `Bearer ${token}` }
    })
    expect(removed.status).toBe(204)
  })

  it('knows the service’s secrets for leak scans', () => {
    const secrets = emulatorSecrets(emu.state)
    expect(secrets).toContain(github.requestToken)
    for (const t of github.issued) expect(secrets).toContain(t)
  })

  it('grants only the mapping’s scopes', async () => {
    const reader = await startEmulator({ contractPath: null })
    try {
      reader.trust(
        {
          audience: AUDIENCE,
          mappings: [
            {
              scopes: ['environment-api:api-tokens:read'],
              claimMappings: []
            }
          ]
        },
        github
      )
      const r = await call(reader.url, 'POST', TOKENS, {
        headers: { authorization: `Bearer ${await idToken()}` },
        body: { name: 'x', scopes: ['ReadConfig'], expirationDate: 'now+1h' }
      })
      expect(r.status).toBe(403)
      expect(r.json.error.message).toContain('environment-api:api-tokens:write')
    } finally {
      await reader.close()
    }
  })

  const refusals: Array<[string, () => Promise<string>, string]> = [
    [
      'expired',
      async () => {
        github.advanceClock(-3600)
        try {
          return await idToken()
        } finally {
          github.advanceClock(3600)
        }
      },
      'TOKEN_EXPIRED'
    ],
    ['wrong audience', () => idToken('someone-else'), 'AUDIENCE_MISMATCH'],
    [
      'wrong issuer',
      async () =>
        github.sign({
          ...github.claimsFor(AUDIENCE),
          iss: 'https://issuer.example.com'
        }),
      'UNTRUSTED_ISSUER'
    ],
    [
      'bad signature',
      async () => github.sign(github.claimsFor(AUDIENCE), true),
      'INVALID_SIGNATURE'
    ],
    [
      'unmapped (another repository)',
      async () =>
        github.sign({
          ...github.claimsFor(AUDIENCE),
          repository: 'octo-org/other-repo'
        }),
      'NO_MATCHING_MAPPING'
    ],
    [
      'unmapped (a tag, not a branch)',
      async () =>
        github.sign({ ...github.claimsFor(AUDIENCE), ref: 'refs/tags/v1' }),
      'NO_MATCHING_MAPPING'
    ]
  ]
  it.each(refusals)(
    'refuses a token that is %s with 401 and an error body',
    async (_label, token, errorCode) => {
      const before = emu.state.apiTokens.length
      const r = await create(await token())
      expect(r.status).toBe(401)
      expect(r.json.error).toMatchObject({
        code: 401,
        message: expect.any(String),
        details: { errorCode }
      })
      expect(emu.state.apiTokens).toHaveLength(before)
    }
  )

  it('accepts a token only in the environment its mapping names', async () => {
    const other = await startEmulator({
      contractPath: null,
      environments: ['xyz98765']
    })
    try {
      other.trust(
        {
          audience: AUDIENCE,
          mappings: [
            {
              environmentId: 'abc12345',
              scopes: ['environment-api:api-tokens:write'],
              claimMappings: []
            }
          ]
        },
        github
      )
      const r = await call(other.url, 'POST', TOKENS, {
        headers: { authorization: `Bearer ${await idToken()}` },
        body: { name: 'x', scopes: ['ReadConfig'], expirationDate: 'now+1h' }
      })
      expect(r.status).toBe(401)
      expect(r.json.error.details.errorCode).toBe('NO_MATCHING_MAPPING')
    } finally {
      await other.close()
    }
  })

  it('is refused by Account Management and by the classic Api-Token route', async () => {
    const token = await idToken()
    const iam = await call(
      emu.url,
      'GET',
      `/iam/v1/repo/account/${emu.state.accountUuid}/policies`,
      { headers: { authorization: `Bearer ${token}` } }
    )
    expect(iam.status).toBe(401)
    const classic = await call(emu.url, 'GET', '/api/v2/apiTokens', {
      headers: { authorization: `Bearer ${token}` }
    })
    expect(classic.status).toBe(401)
  })
})

describe('claim mapping GLOB', () => {
  it.each([
    ['refs/heads/*', 'refs/heads/main', true],
    ['refs/heads/*', 'refs/heads/release/1.2', true],
    ['refs/heads/*', 'refs/tags/v1', false],
    [
      'repo:octo-org/*:environment:prod',
      'repo:octo-org/a:environment:prod',
      true
    ],
    [
      'repo:octo-org/a:ref:refs/heads/ma?n',
      'repo:octo-org/a:ref:refs/heads/main',
      true
    ],
    ['a.b', 'axb', false],
    ['exact', 'exactly', false]
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected)
  })
})
