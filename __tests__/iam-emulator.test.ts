/**
 * IAM against the stateful Dynatrace emulator (test/emulator): plan → mint →
 * rerun through the action, and five runs ensuring the same policies and
 * bindings at once, which must converge without errors, duplicates or loss
 * of anyone else's bindings. The emulator validates every IAM request body
 * against the vendored OpenAPI contract and really implements the replacing
 * endpoints, so a wrong call would visibly remove bindings.
 */
import { afterEach, beforeAll, beforeEach, expect, test } from '@jest/globals'
import nock from 'nock'
import type { Context } from '../src/context.js'
import { SsoApi } from '../src/dynatrace/sso.js'
import { checkIamInputs, ensureIam, type IamResult } from '../src/iam/index.js'
import { readInputs } from '../src/inputs.js'
import { Logger } from '../src/log.js'
import { createHttp } from '../src/runtime.js'
import {
  BUILTIN_POLICIES,
  DEFAULT_ACCOUNT_UUID,
  DEMO_CLIENT,
  DEMO_GROUPS,
  startEmulator,
  type RunningEmulator
} from '../test/emulator/index.js'
import { findLeaks, runStep } from './support/in-process.js'

const OTHER_ENV = 'def67890'
const RELEASE = {
  uuid: '7a1d224d-1111-4c4c-9d9d-000000000099',
  name: 'Release managers'
}

const POLICIES = `
- name: ci-deployer
  description: Deploys configuration from CI
  statement: ALLOW settings:objects:read, settings:objects:write, settings:schemas:read;
`
const BINDINGS = `
- policy: ci-deployer
  groups: [${DEMO_GROUPS.deployers.name}, ${RELEASE.name}]
- policy: Settings Reader
  groups: [${DEMO_GROUPS.deployers.name}, ${DEMO_GROUPS.viewers.name}]
  level: account
- policy: Environment role - Access environment
  groups: ${DEMO_GROUPS.deployers.uuid}
  level: environment:${OTHER_ENV}
`

let em: RunningEmulator

beforeAll(() => {
  // Other suites leave nock's interceptor installed; loopback must pass through.
  nock.cleanAll()
  nock.enableNetConnect()
})

beforeEach(async () => {
  em = await startEmulator({ environments: ['abc12345', OTHER_ENV] })
  em.state.groups.push({
    ...RELEASE,
    description: '',
    federatedAttributeValues: [],
    owner: 'LOCAL',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString()
  })
  // Bindings that belong to someone else: they must survive every run.
  em.state.bindings.push(
    {
      levelType: 'environment',
      levelId: 'abc12345',
      policyUuid: BUILTIN_POLICIES.settingsWriter.uuid,
      groupUuid: DEMO_GROUPS.viewers.uuid
    },
    {
      levelType: 'account',
      levelId: DEFAULT_ACCOUNT_UUID,
      policyUuid: BUILTIN_POLICIES.accessEnvironment.uuid,
      groupUuid: RELEASE.uuid
    }
  )
})

afterEach(async () => {
  await em.close()
})

/** The action's inputs for the emulator (every endpoint on its loopback origin). */
function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'client-id': DEMO_CLIENT.clientId,
    'client-secret': DEMO_CLIENT.clientSecret,
    'account-urn': `urn:dtaccount:${DEFAULT_ACCOUNT_UUID}`,
    'environment-url': em.url,
    'environment-id': 'abc12345',
    'sso-url': em.url,
    'account-api-url': em.url,
    'allow-custom-endpoints': 'true',
    'token-type': 'none',
    policies: POLICIES,
    bindings: BINDINGS,
    ...extra
  }
}

/** Every binding as "level policy group", sorted (duplicates kept, so they show). */
function bindingPairs(): string[] {
  return em.state.bindings
    .map((b) => `${b.levelType}:${b.levelId} ${b.policyUuid} ${b.groupUuid}`)
    .sort()
}

function desiredPairs(policyUuid: string): string[] {
  const acc = `account:${DEFAULT_ACCOUNT_UUID}`
  const d = DEMO_GROUPS
  return [
    `environment:abc12345 ${policyUuid} ${d.deployers.uuid}`,
    `environment:abc12345 ${policyUuid} ${RELEASE.uuid}`,
    `${acc} ${BUILTIN_POLICIES.settingsReader.uuid} ${d.deployers.uuid}`,
    `${acc} ${BUILTIN_POLICIES.settingsReader.uuid} ${d.viewers.uuid}`,
    `environment:${OTHER_ENV} ${BUILTIN_POLICIES.accessEnvironment.uuid} ${d.deployers.uuid}`
  ]
}

const UNRELATED = [
  `environment:abc12345 ${BUILTIN_POLICIES.settingsWriter.uuid} ${DEMO_GROUPS.viewers.uuid}`,
  `account:${DEFAULT_ACCOUNT_UUID} ${BUILTIN_POLICIES.accessEnvironment.uuid} ${RELEASE.uuid}`
]

/** Requests that change IAM (anything but GET and the SSO token). */
const iamWrites = (from = 0) =>
  em.requests
    .slice(from)
    .filter((r) => r.method !== 'GET' && !r.path.startsWith('/sso'))

test('plan, then mint, then a rerun: plan writes nothing, mint converges, the rerun writes nothing', async () => {
  const plan = await runStep({ inputs: inputs({ mode: 'plan' }) })
  expect(plan.exitCode).toBe(0)
  expect(iamWrites()).toEqual([])
  expect(plan.outputs['bindings-added']).toBe('5')
  expect(plan.outputs['policies-changed']).toBe('1')

  const mint = await runStep({ inputs: inputs() })
  expect(mint.exitCode).toBe(0)
  expect(mint.outputs['bindings-added']).toBe('5')
  const policy = em.state.policies.find((p) => p.name === 'ci-deployer')!
  expect(bindingPairs()).toEqual(
    [...desiredPairs(policy.uuid), ...UNRELATED].sort()
  )
  // One create, and one append per (level, policy): 1 + 3.
  expect(iamWrites().map((r) => `${r.method} ${r.status}`)).toEqual([
    'POST 201',
    'POST 204',
    'POST 204',
    'POST 204'
  ])

  const marker = em.requests.length
  const rerun = await runStep({ inputs: inputs() })
  expect(rerun.exitCode).toBe(0)
  expect(iamWrites(marker)).toEqual([])
  expect(rerun.outputs['bindings-added']).toBe('0')
  expect(rerun.outputs['policies-changed']).toBe('0')
  expect(findLeaks([plan, mint, rerun], [DEMO_CLIENT.clientSecret])).toEqual([])
})

test('five concurrent runs converge: every desired pair once, no error, others untouched', async () => {
  /** One run's context, built the way src/main.ts builds it. */
  async function ensureOnce(): Promise<IamResult> {
    const log = new Logger()
    const values = inputs()
    const parsed = await readInputs(log, (name) => values[name] ?? '')
    if (parsed.mode !== 'mint' || parsed.auth !== 'client-credentials')
      throw new Error('the inputs are a mint with an OAuth client')
    const { account } = parsed
    if (account === undefined) throw new Error('the inputs name the account')
    const http = createHttp(parsed, log)
    const ctx: Context = { inputs: parsed, log, http }
    try {
      const sso = new SsoApi({
        http,
        log,
        baseUrl: parsed.endpoints.ssoTokenUrl
      })
      const bearer = await sso.bearer({
        credentials: parsed.credentials,
        scopes: parsed.oauthScopes,
        accountUuid: account.accountUuid
      })
      return await ensureIam(
        ctx,
        bearer.accessToken,
        checkIamInputs(parsed),
        account,
        { dryRun: false }
      )
    } finally {
      http.dispose()
    }
  }

  // The runs log through @actions/core (stdout); keep it to check for leaks.
  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    return true
  }) as typeof process.stdout.write
  em.setLatency(5)
  let results: PromiseSettledResult<IamResult>[]
  try {
    results = await Promise.allSettled(Array.from({ length: 5 }, ensureOnce))
  } finally {
    process.stdout.write = write
    em.setLatency(0)
  }

  const failures = results.flatMap((r) =>
    r.status === 'rejected' ? [String(r.reason)] : []
  )
  expect(failures).toEqual([])
  const policies = em.state.policies.filter((p) => p.name === 'ci-deployer')
  expect(policies).toHaveLength(1)
  expect(bindingPairs()).toEqual(
    [...desiredPairs(policies[0]!.uuid), ...UNRELATED].sort()
  )
  // All five tried to create it (they read at the same time): one won, four adopted it.
  expect(
    em.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/policies'))
      .map((r) => r.status)
      .sort()
  ).toEqual([201, 409, 409, 409, 409])
  // Exactly one run created the policy; the others adopted it.
  const changed = results.map((r) =>
    r.status === 'fulfilled' ? r.value.policiesChanged : -1
  )
  expect(changed.filter((n) => n === 1)).toHaveLength(1)
  // Nothing replacing or deleting was ever called.
  expect(
    em.requests.filter(
      (r) =>
        r.method === 'DELETE' ||
        (r.method === 'PUT' && r.path.includes('/bindings'))
    )
  ).toEqual([])
  // 400 on a body would mean it broke the contract.
  expect(em.requests.filter((r) => r.status === 400)).toEqual([])
  const logged = stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  expect(logged).not.toContain(DEMO_CLIENT.clientSecret.split('.').pop()!)

  // Converged: one more run writes nothing.
  const marker = em.requests.length
  const last = await ensureOnceQuiet(ensureOnce)
  expect(last.bindingsAdded).toBe(0)
  expect(last.policiesChanged).toBe(0)
  expect(last.bindingsUnchanged).toBe(5)
  expect(iamWrites(marker)).toEqual([])
})

async function ensureOnceQuiet<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (() => true) as typeof process.stdout.write
  try {
    return await fn()
  } finally {
    process.stdout.write = write
  }
}
