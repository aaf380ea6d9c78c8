/**
 * The request budget of IAM work (Account Management allows about 200
 * requests a minute): 10 environments × 4 policies × 5 groups = 200
 * bindings take one read per list and per level plus one append per
 * (environment, policy) — and a converged rerun makes no write at all.
 */
import { afterEach, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep } from './support/in-process.js'
import {
  BASE_INPUTS,
  BEARER,
  SECRET,
  defaultState,
  mockAccount,
  policy,
  uuid
} from './fixtures/iam/fake-account.js'

afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

const ENVIRONMENTS = Array.from(
  { length: 10 },
  (_, i) => `env${String(i).padStart(5, '0')}`
)
const POLICIES = Array.from({ length: 4 }, (_, i) => `Built-in ${i + 1}`)
const GROUPS = Array.from({ length: 5 }, (_, i) => `team-${i + 1}`)

test('200 bindings from scratch: 1 groups + 1 global + 1 account read, 10 level reads, 40 appends; rerun: 0 writes', async () => {
  const state = defaultState()
  state.environments = ENVIRONMENTS
  state.groups = GROUPS.map((name, i) => ({ uuid: uuid(i + 1, 'e5e5'), name }))
  state.globalPolicies = POLICIES.map((name, i) =>
    policy(uuid(i + 1, 'f6f6'), name, 'ALLOW settings:objects:read;')
  )
  // A little latency so concurrent requests overlap and the bound is measurable.
  const fake = mockAccount(state, { latencyMs: 5 })
  const bindings = ENVIRONMENTS.flatMap((env) =>
    POLICIES.map(
      (p) =>
        `- { policy: ${p}, groups: [${GROUPS.join(', ')}], level: "environment:${env}" }`
    )
  ).join('\n')

  const run = await runStep({ inputs: { ...BASE_INPUTS, bindings } })
  expect(run.exitCode).toBe(0)
  const byKind = (requests: typeof fake.requests) => ({
    sso: requests.filter((r) => r.path.startsWith('/sso')).length,
    groups: requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith('/groups')
    ).length,
    globalPolicies: requests.filter(
      (r) =>
        r.method === 'GET' && r.path === '/iam/v1/repo/global/global/policies'
    ).length,
    accountPolicies: requests.filter(
      (r) =>
        r.method === 'GET' &&
        /^\/iam\/v1\/repo\/account\/[^/]+\/policies$/.test(r.path)
    ).length,
    levelReads: requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith('/bindings')
    ).length,
    writes: requests.filter(
      (r) => r.method !== 'GET' && !r.path.startsWith('/sso')
    ).length,
    total: requests.length
  })
  expect(byKind(fake.requests)).toEqual({
    sso: 1,
    groups: 1,
    globalPolicies: 1,
    accountPolicies: 1,
    levelReads: 10,
    writes: 40,
    total: 54
  })
  // Every append carries all five groups.
  for (const w of fake.writes())
    expect((w.body as { groups: string[] }).groups).toHaveLength(5)
  expect(run.outputs['bindings-added']).toBe('200')
  expect(fake.state.bindings.reduce((n, b) => n + b.groups.length, 0)).toBe(200)
  expect(fake.maxInFlight).toBeLessThanOrEqual(4)
  expect(fake.maxInFlight).toBeGreaterThan(1)
  expect(fake.unexpected).toEqual([])
  expect(fake.schemaProblems).toEqual([])
  expect(findLeaks(run, [SECRET, BEARER])).toEqual([])
  // The summary stays small: one row per append.
  expect(run.summary.match(/<td>bound<\/td>/g)).toHaveLength(40)

  const first = fake.requests.length
  const again = await runStep({ inputs: { ...BASE_INPUTS, bindings } })
  expect(again.exitCode).toBe(0)
  expect(byKind(fake.requests.slice(first))).toEqual({
    sso: 1,
    groups: 1,
    globalPolicies: 1,
    accountPolicies: 1,
    levelReads: 10,
    writes: 0,
    total: 14
  })
  expect(again.outputs['bindings-added']).toBe('0')
})
