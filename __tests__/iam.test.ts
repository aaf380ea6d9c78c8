/**
 * IAM policies and bindings through the action's public surface:
 * runStep with the `policies` / `bindings` / `mode` inputs against a stateful
 * Account Management fake on nock. Every test checks the exact writes, that
 * nothing replacing or deleting was called, the request bodies against the
 * contract, and that no secret leaked.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import {
  ACCOUNT,
  BASE_INPUTS,
  BEARER,
  ENV,
  GLOBAL,
  GROUPS,
  SECRET,
  defaultState,
  mockAccount,
  policy,
  uuid,
  type FakeAccount,
  type FakeState
} from './fixtures/iam/fake-account.js'

afterEach(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})

const ACC_BINDINGS = `/iam/v1/repo/account/${ACCOUNT}/bindings`
const ENV_BINDINGS = `/iam/v1/repo/environment/${ENV}/bindings`
const ACC_POLICIES = `/iam/v1/repo/account/${ACCOUNT}/policies`

function step(inputs: Record<string, string>): Promise<StepRun> {
  return runStep({ inputs: { ...BASE_INPUTS, ...inputs } })
}

/** The message of the step's ::error:: line, decoded. */
function failure(run: StepRun): string {
  const line =
    run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
  return line
    .slice('::error::'.length)
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%25/g, '%')
}

/** Writes as "METHOD path body", sorted, for exact comparison. */
function writes(fake: FakeAccount): string[] {
  return fake
    .writes()
    .map((w) => `${w.method} ${w.path} ${JSON.stringify(w.body)}`)
    .sort()
}

/** What every run must satisfy: no forbidden call, valid bodies, no leaked secret. */
function expectClean(fake: FakeAccount, run: StepRun): void {
  expect(fake.unexpected).toEqual([])
  expect(fake.schemaProblems).toEqual([])
  expect(findLeaks(run, [SECRET, BEARER])).toEqual([])
}

/** Every (level, policy, group) pair bound, as "levelType/levelId policy group". */
function pairs(state: FakeState): string[] {
  return state.bindings.flatMap((b) =>
    b.groups.map((g) => `${b.levelType}/${b.levelId} ${b.policyUuid} ${g}`)
  )
}

const binding = (
  levelType: 'account' | 'environment',
  levelId: string,
  policyUuid: string,
  groups: string[]
) => ({
  levelType,
  levelId,
  policyUuid,
  groups
})

describe('bindings', () => {
  /** Existing: one desired binding and two unrelated ones the run must not touch. */
  function mixedState(): FakeState {
    const state = defaultState()
    state.bindings.push(
      binding('environment', ENV, GLOBAL.writer.uuid, [GROUPS.deployers.uuid]),
      binding('environment', ENV, GLOBAL.reader.uuid, [GROUPS.viewers.uuid]),
      binding('account', ACCOUNT, GLOBAL.access.uuid, [GROUPS.admins.uuid])
    )
    return state
  }

  const MIXED_BINDINGS = `
- policy: Settings Writer
  groups: [CI deployers, Viewers]
- policy: ${GLOBAL.reader.uuid}
  groups: ${GROUPS.deployers.uuid}
  level: account
- policy: Settings Reader
  groups: Admins
  level: environment:${ENV}
`

  test('adds only the missing pairs, by name and UUID, with one append per (level, policy), leaving others untouched', async () => {
    const fake = mockAccount(mixedState())
    const unrelated = pairs(fake.state).filter(
      (p) => !p.includes(GLOBAL.writer.uuid)
    )
    const run = await step({ bindings: MIXED_BINDINGS })

    expect(failure(run)).toBe('')
    expect(run.exitCode).toBe(0)
    expect(writes(fake)).toEqual(
      [
        `POST ${ACC_BINDINGS}/${GLOBAL.reader.uuid} {"groups":["${GROUPS.deployers.uuid}"]}`,
        `POST ${ENV_BINDINGS}/${GLOBAL.reader.uuid} {"groups":["${GROUPS.admins.uuid}"]}`,
        `POST ${ENV_BINDINGS}/${GLOBAL.writer.uuid} {"groups":["${GROUPS.viewers.uuid}"]}`
      ].sort()
    )
    // One read of each list and of each level; nothing else.
    expect(fake.count('GET', /\/accounts\/[^/]+\/groups$/)).toBe(1)
    expect(fake.count('GET', /\/repo\/global\/global\/policies$/)).toBe(1)
    expect(fake.count('GET', /\/repo\/account\/[^/]+\/policies$/)).toBe(1)
    expect(fake.count('GET', /\/bindings$/)).toBe(2)
    expect(
      fake.requests.filter((r) => !r.path.startsWith('/sso'))
    ).toHaveLength(3 + 2 + 3)
    expect(run.outputs['bindings-added']).toBe('3')
    expect(run.outputs['policies-changed']).toBe('0')
    // The unrelated bindings are still exactly there.
    expect(pairs(fake.state)).toEqual(expect.arrayContaining(unrelated))
    expect(run.stdout).toContain(
      `environment ${ENV}: 2 bindings added, 1 unchanged.`
    )
    expect(run.stdout).toContain(
      `account ${ACCOUNT}: 1 binding added, 0 unchanged.`
    )
    expect(run.summary).toContain('IAM policies and bindings')
    expect(run.summary).toContain('<td>CI deployers</td>')
    expectClean(fake, run)

    // The second, identical run finds everything in place: zero writes.
    const before = fake.requests.length
    const again = await step({ bindings: MIXED_BINDINGS })
    expect(again.exitCode).toBe(0)
    expect(
      fake.requests
        .slice(before)
        .filter((r) => r.method !== 'GET' && !r.path.startsWith('/sso'))
    ).toEqual([])
    expect(again.outputs['bindings-added']).toBe('0')
    expect(again.stdout).toContain(
      `environment ${ENV}: 0 bindings added, 3 unchanged.`
    )
    expect(again.summary).toContain('Everything was already in place')
    expectClean(fake, again)
  })

  test('UUIDs for policy and groups need no lookups: one level read and one append', async () => {
    const fake = mockAccount()
    const run = await step({
      bindings: `- { policy: ${GLOBAL.reader.uuid}, groups: [${GROUPS.admins.uuid}, ${GROUPS.viewers.uuid}] }`
    })
    expect(failure(run)).toBe('')
    expect(
      fake.requests
        .filter((r) => !r.path.startsWith('/sso'))
        .map((r) => `${r.method} ${r.path}`)
    ).toEqual([
      `GET ${ENV_BINDINGS}`,
      `POST ${ENV_BINDINGS}/${GLOBAL.reader.uuid}`
    ])
    expect(fake.writes()[0]!.body).toEqual({
      groups: [GROUPS.admins.uuid, GROUPS.viewers.uuid]
    })
    expect(run.outputs['bindings-added']).toBe('2')
    expectClean(fake, run)
  })

  test('a pair a concurrent run added first (400 "already exists") counts as done after one re-read', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/bindings\//,
      status: 400,
      body: {
        code: 400,
        message: 'Policy binding already exists',
        errorsMap: {}
      },
      // The other run's write lands between our read and our append.
      before: (state) =>
        state.bindings.push(
          binding('environment', ENV, GLOBAL.reader.uuid, [GROUPS.admins.uuid])
        )
    })
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }'
    })
    expect(failure(run)).toBe('')
    expect(fake.count('POST', /\/bindings\//)).toBe(1)
    expect(fake.count('GET', /\/bindings$/)).toBe(2)
    expect(run.outputs['bindings-added']).toBe('0')
    expectClean(fake, run)
  })

  test('a partial conflict appends the still-missing groups once more', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/bindings\//,
      status: 409,
      body: { code: 409, message: 'Conflict', errorsMap: {} },
      before: (state) =>
        state.bindings.push(
          binding('environment', ENV, GLOBAL.reader.uuid, [GROUPS.admins.uuid])
        )
    })
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: [Admins, Viewers] }'
    })
    expect(failure(run)).toBe('')
    expect(fake.writes().map((w) => w.body)).toEqual([
      { groups: [GROUPS.admins.uuid, GROUPS.viewers.uuid] },
      { groups: [GROUPS.viewers.uuid] }
    ])
    expect(run.outputs['bindings-added']).toBe('1')
    expectClean(fake, run)
  })

  test('a lost answer (502) to an append that was applied is confirmed by one re-read, not repeated', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/bindings\//,
      status: 502,
      body: { message: 'Bad gateway' },
      before: (state) =>
        state.bindings.push(
          binding('environment', ENV, GLOBAL.reader.uuid, [GROUPS.admins.uuid])
        )
    })
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }'
    })
    expect(failure(run)).toBe('')
    expect(fake.count('POST', /\/bindings\//)).toBe(1)
    expect(fake.count('GET', /\/bindings$/)).toBe(2)
    expectClean(fake, run)
  })

  test('a lost answer (502) to an append that was not applied is sent once more', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/bindings\//,
      status: 502,
      body: { message: 'Bad gateway' }
    })
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }'
    })
    expect(failure(run)).toBe('')
    expect(fake.count('POST', /\/bindings\//)).toBe(2)
    expect(pairs(fake.state)).toEqual([
      `environment/${ENV} ${GLOBAL.reader.uuid} ${GROUPS.admins.uuid}`
    ])
    expect(run.outputs['bindings-added']).toBe('1')
    expectClean(fake, run)
  })

  test('a 400 that is not about an existing binding fails with Dynatrace’s message', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/bindings\//,
      status: 400,
      body: { code: 400, message: 'Group does not exist', errorsMap: {} }
    })
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }'
    })
    expect(failure(run)).toBe(
      `Dynatrace refused to bind policy "Settings Reader" to group "Admins" at environment ${ENV} (HTTP 400: Group does not exist).`
    )
    expect(fake.count('POST', /\/bindings\//)).toBe(1)
  })

  test('a rate-limited read (429 with Retry-After) is retried', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'GET',
      path: /\/groups$/,
      status: 429,
      body: { message: 'Too many requests' }
    })
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }'
    })
    expect(failure(run)).toBe('')
    expect(fake.count('GET', /\/groups$/)).toBe(2)
    expect(fake.count('POST', /\/bindings\//)).toBe(1)
  })

  test('boundaries: names resolved through the paged list, sent with the append; a broader existing binding satisfies', async () => {
    const state = defaultState()
    state.boundaries = Array.from({ length: 150 }, (_, i) => ({
      uuid: uuid(i + 1, 'c3c3'),
      name: `zone-${i + 1}`
    }))
    // Viewers already hold Settings Reader without boundaries: broader than asked.
    state.bindings.push(
      binding('environment', ENV, GLOBAL.reader.uuid, [GROUPS.viewers.uuid])
    )
    const fake = mockAccount(state)
    const run = await step({
      bindings:
        '- { policy: Settings Reader, groups: [Admins, Viewers], boundaries: [zone-140, zone-2] }'
    })
    expect(failure(run)).toBe('')
    expect(fake.count('GET', /\/boundaries\?page=1&size=100$/)).toBe(1)
    expect(fake.count('GET', /\/boundaries\?page=2&size=100$/)).toBe(1)
    expect(writes(fake)).toEqual([
      `POST ${ENV_BINDINGS}/${GLOBAL.reader.uuid} {"groups":["${GROUPS.admins.uuid}"],"boundaries":["${uuid(2, 'c3c3')}","${uuid(140, 'c3c3')}"]}`
    ])
    expectClean(fake, run)

    const before = fake.writes().length
    const again = await step({
      bindings:
        '- { policy: Settings Reader, groups: [Admins, Viewers], boundaries: [zone-140, zone-2] }'
    })
    expect(again.exitCode).toBe(0)
    expect(fake.writes()).toHaveLength(before)
  })

  test('a group bound only with boundaries is left alone (with a warning) when asked for without', async () => {
    const state = defaultState()
    state.boundaries = [{ uuid: uuid(1, 'c3c3'), name: 'prod' }]
    state.bindings.push({
      ...binding('environment', ENV, GLOBAL.reader.uuid, [GROUPS.admins.uuid]),
      boundaries: [uuid(1, 'c3c3')]
    })
    const fake = mockAccount(state)
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }'
    })
    expect(run.exitCode).toBe(0)
    expect(fake.writes()).toEqual([])
    expect(run.stdout).toMatch(
      /::warning::.*"Admins" is bound to policy "Settings Reader" with boundaries/
    )
    expectClean(fake, run)
  })
})

describe('policies', () => {
  const POLICIES = `
- name: ci-reader
  description: Reads settings
  statement: ALLOW settings:objects:read, settings:schemas:read;
- name: ci-writer
  description: Writes settings
  statement: |
    ALLOW settings:objects:read, settings:objects:write
      WHERE settings:schemaId = "builtin:alerting.profile";
- name: ci-new
  statement: ALLOW storage:logs:read;
`
  const BINDINGS = `
- policy: ci-new
  groups: CI deployers
- policy: ci-reader
  groups: [Viewers]
  level: account
`

  function policyState(): FakeState {
    const state = defaultState()
    state.accountPolicies.push(
      // Identical apart from whitespace: left alone.
      policy(
        uuid(1, 'd4d4'),
        'ci-reader',
        'ALLOW settings:objects:read ,  settings:schemas:read ;',
        { description: 'Reads settings' }
      ),
      // A different statement: updated, its tags kept.
      policy(uuid(2, 'd4d4'), 'ci-writer', 'ALLOW settings:objects:read;', {
        description: 'Writes settings',
        tags: ['team-x']
      })
    )
    return state
  }

  test('creates missing, updates different (keeping tags), leaves identical; binds the new policy by its new UUID', async () => {
    const fake = mockAccount(policyState())
    const run = await step({ policies: POLICIES, bindings: BINDINGS })
    expect(failure(run)).toBe('')
    const created = fake.state.accountPolicies.find((p) => p.name === 'ci-new')!
    expect(created).toBeDefined()
    expect(writes(fake)).toEqual(
      [
        `POST ${ACC_POLICIES} {"name":"ci-new","description":"","statementQuery":"ALLOW storage:logs:read;","tags":[]}`,
        `PUT ${ACC_POLICIES}/${uuid(2, 'd4d4')} ${JSON.stringify({
          name: 'ci-writer',
          description: 'Writes settings',
          statementQuery:
            'ALLOW settings:objects:read, settings:objects:write\n  WHERE settings:schemaId = "builtin:alerting.profile";',
          tags: ['team-x']
        })}`,
        `POST ${ACC_BINDINGS}/${uuid(1, 'd4d4')} {"groups":["${GROUPS.viewers.uuid}"]}`,
        `POST ${ENV_BINDINGS}/${created.uuid} {"groups":["${GROUPS.deployers.uuid}"]}`
      ].sort()
    )
    // Each existing policy is read once for its statement (list items lack it).
    expect(fake.count('GET', new RegExp(`${ACC_POLICIES}/`))).toBe(2)
    expect(run.outputs['policies-changed']).toBe('2')
    expect(run.outputs['bindings-added']).toBe('2')
    expect(run.stdout).toContain('Policies: 1 created, 1 updated, 1 unchanged.')
    expectClean(fake, run)

    const before = fake.writes().length
    const again = await step({ policies: POLICIES, bindings: BINDINGS })
    expect(failure(again)).toBe('')
    expect(fake.writes()).toHaveLength(before)
    expect(again.outputs['policies-changed']).toBe('0')
    expect(again.outputs['bindings-added']).toBe('0')
    expectClean(fake, again)
  })

  test('a statement Dynatrace rejects fails with its message and the policy name, and binds nothing', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/policies$/,
      status: 400,
      body: {
        code: 400,
        message:
          "Policy statement query is invalid: mismatched input 'storage:nothing'",
        errorsMap: {}
      }
    })
    const run = await step({
      policies: '- { name: ci-bad, statement: "ALLOW storage:nothing;" }',
      bindings: '- { policy: ci-bad, groups: Admins }'
    })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe(
      `Dynatrace rejected the statement or description of policy policies[0] "ci-bad" (HTTP 400: Policy statement query is invalid: mismatched input 'storage:nothing').`
    )
    expect(fake.count('POST', /\/bindings\//)).toBe(0)
    expectClean(fake, run)
  })

  test.each([
    ['applied: found by name and adopted', true, 1],
    ['not applied: sent once more', false, 2]
  ])(
    'a lost answer (504) to a policy create, %s',
    async (_, applied, creates) => {
      const fake = mockAccount()
      fake.overrides.push({
        method: 'POST',
        path: /\/policies$/,
        status: 504,
        body: { message: 'Gateway timeout' },
        before: (state) => {
          if (applied)
            state.accountPolicies.push(
              policy(uuid(7, 'd4d4'), 'ci-new', 'ALLOW storage:logs:read;')
            )
        }
      })
      const run = await step({
        policies: '- { name: ci-new, statement: "ALLOW storage:logs:read;" }'
      })
      expect(failure(run)).toBe('')
      expect(fake.count('POST', /\/policies$/)).toBe(creates)
      expect(fake.count('GET', /\/policies\?name=ci-new$/)).toBe(1)
      expect(
        fake.state.accountPolicies.filter((p) => p.name === 'ci-new')
      ).toHaveLength(1)
      expectClean(fake, run)
    }
  )

  test('a policy created meanwhile by a concurrent run (409) is adopted, not duplicated', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/policies$/,
      status: 409,
      body: {
        code: 409,
        message: 'Policy with name ci-new already exists',
        errorsMap: {}
      },
      before: (state) =>
        state.accountPolicies.push(
          policy(uuid(9, 'd4d4'), 'ci-new', 'ALLOW storage:logs:read;')
        )
    })
    const run = await step({
      policies: '- { name: ci-new, statement: "ALLOW storage:logs:read;" }',
      bindings: '- { policy: ci-new, groups: Admins }'
    })
    expect(failure(run)).toBe('')
    expect(
      fake.state.accountPolicies.filter((p) => p.name === 'ci-new')
    ).toHaveLength(1)
    expect(fake.count('GET', /\/policies\?name=ci-new$/)).toBe(1)
    expect(writes(fake)).toContain(
      `POST ${ENV_BINDINGS}/${uuid(9, 'd4d4')} {"groups":["${GROUPS.admins.uuid}"]}`
    )
    expect(run.outputs['policies-changed']).toBe('0')
    expectClean(fake, run)
  })
})

describe('plan mode', () => {
  test('makes the same reads and no writes, and outputs the plan JSON and counts', async () => {
    const state = defaultState()
    state.bindings.push(
      binding('environment', ENV, GLOBAL.writer.uuid, [GROUPS.deployers.uuid])
    )
    const fake = mockAccount(state)
    const run = await step({
      mode: 'plan',
      policies:
        '- { name: ci-new, description: New, statement: "ALLOW storage:logs:read;" }',
      bindings: `
- { policy: Settings Writer, groups: [CI deployers, Viewers] }
- { policy: ci-new, groups: Admins, level: account }
`
    })
    expect(failure(run)).toBe('')
    expect(fake.writes()).toEqual([])
    expect(
      fake.requests.filter(
        (r) => r.method !== 'GET' && !r.path.startsWith('/sso')
      )
    ).toEqual([])
    expect(run.outputs['bindings-added']).toBe('2')
    expect(run.outputs['policies-changed']).toBe('1')
    const plan = JSON.parse(run.outputs.plan!) as {
      iam: unknown
      token: unknown
    }
    expect(plan.token).toBeNull()
    expect(plan.iam).toEqual({
      policies: [{ name: 'ci-new', uuid: null, action: 'create', changed: [] }],
      bindings: [
        {
          level: `environment:${ENV}`,
          levelType: 'environment',
          levelId: ENV,
          add: [
            {
              policy: 'Settings Writer',
              policyUuid: GLOBAL.writer.uuid,
              groups: [GROUPS.viewers],
              boundaries: []
            }
          ],
          unchanged: 1,
          skipped: []
        },
        {
          level: 'account',
          levelType: 'account',
          levelId: ACCOUNT,
          add: [
            {
              policy: 'ci-new',
              policyUuid: null,
              groups: [GROUPS.admins],
              boundaries: []
            }
          ],
          unchanged: 0,
          skipped: []
        }
      ]
    })
    expect(run.summary).toContain(
      'IAM policies and bindings (plan: nothing changed)'
    )
    expect(run.summary).toContain(
      '<p><strong>Create</strong> account policy <strong>ci-new</strong>'
    )
    expect(run.summary).toContain(
      `<td>bind</td><td>environment <code>${ENV}</code></td><td>Settings Writer (built-in)</td><td>Viewers</td>`
    )
    expect(run.stdout).toContain('Would create account policy "ci-new".')
    expect(run.stdout).not.toContain('::add-mask::' + 'x') // sanity: the run logged normally
    expectClean(fake, run)
  })

  test('without policies or bindings reads nothing and plans nothing', async () => {
    const fake = mockAccount()
    const run = await step({ mode: 'plan' })
    expect(failure(run)).toBe('')
    expect(fake.requests.filter((r) => !r.path.startsWith('/sso'))).toEqual([])
    expect(JSON.parse(run.outputs.plan!)).toEqual({
      iam: { policies: [], bindings: [] },
      token: null
    })
    expect(run.summary).toContain('No IAM policies or bindings requested.')
  })
})

describe('errors', () => {
  test('an ambiguous policy name (global and account) fails, asking for the UUID, before any write', async () => {
    const state = defaultState()
    state.accountPolicies.push(
      policy(uuid(5, 'd4d4'), 'Settings Reader', 'ALLOW settings:objects:read;')
    )
    const fake = mockAccount(state)
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }'
    })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe(
      `bindings[0].policy: "Settings Reader" is ambiguous: it matches the built-in policy ${GLOBAL.reader.uuid} and the account policy ${uuid(5, 'd4d4')}. Use the UUID of the one you mean.`
    )
    expect(fake.writes()).toEqual([])
    expect(fake.count('GET', /\/bindings$/)).toBe(0)
    expectClean(fake, run)
  })

  test('an unknown group names the entry, the field and the known groups', async () => {
    const fake = mockAccount()
    const run = await step({
      bindings: `
- { policy: Settings Reader, groups: Admins }
- { policy: Settings Reader, groups: Viewers }
- { policy: Settings Reader, groups: [Admins, Deployers] }
`
    })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe(
      'bindings[2].groups: group "Deployers" not found in the account (known: Admins, CI deployers, Viewers); did you mean "CI deployers"?'
    )
    expect(fake.writes()).toEqual([])
    expectClean(fake, run)
  })

  test('every input problem is reported at once, and no request is sent to Account Management', async () => {
    const fake = mockAccount()
    const run = await step({
      policies:
        '- { name: p1, statement: "ALOW settings:objects:read;" }\n- { name: p2 }',
      bindings: '- { policy: p1, group: Admins }'
    })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe(
      [
        'Invalid IAM inputs (no request was sent):',
        '  - policies[0].statement: line 1, column 1: expected ALLOW or DENY at the start of a statement, found "ALOW".',
        '  - policies[1].statement: missing.',
        '  - bindings[0]: unknown key "group" (did you mean "groups"?); allowed keys: policy, groups, level, boundaries.'
      ].join('\n')
    )
    // Checked with the other inputs: not even the SSO request is sent.
    expect(fake.requests).toEqual([])
  })

  test('403 on the append names iam:bindings:write and iam-policies-management', async () => {
    const fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/bindings\//,
      status: 403,
      body: {
        code: 403,
        message: 'Token is missing required scope.',
        errorsMap: {}
      }
    })
    const run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }'
    })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe(
      `Not allowed to bind policy "Settings Reader" to group "Admins" at environment ${ENV} (HTTP 403: Token is missing required scope.). The OAuth client needs the scope iam:bindings:write (or the broader iam-policies-management): add it to the client under Account Management → Identity & access management → OAuth clients.`
    )
    expectClean(fake, run)
  })

  test('403 on creating a policy names iam:policies:write; on reading groups, account-idm-read', async () => {
    let fake = mockAccount()
    fake.overrides.push({
      method: 'POST',
      path: /\/policies$/,
      status: 403,
      body: { code: 403, message: 'Forbidden', errorsMap: {} }
    })
    let run = await step({
      policies: '- { name: ci-new, statement: "ALLOW storage:logs:read;" }'
    })
    expect(failure(run)).toContain(
      'Not allowed to create account policy policies[0] "ci-new" (HTTP 403: Forbidden)'
    )
    expect(failure(run)).toContain(
      'iam:policies:write (or the broader iam-policies-management)'
    )
    nock.cleanAll()

    fake = mockAccount()
    fake.overrides.push({
      method: 'GET',
      path: /\/groups$/,
      status: 403,
      body: { code: 403, message: 'Forbidden', errorsMap: {} }
    })
    run = await step({
      bindings: '- { policy: Settings Reader, groups: Admins }',
      'oauth-scopes': 'account-idm-write'
    })
    expect(failure(run)).toBe(
      `Not allowed to list the groups of account ${ACCOUNT} (HTTP 403: Forbidden). The OAuth client needs the scope account-idm-read: add it to the client under Account Management → Identity & access management → OAuth clients, and to the oauth-scopes input.`
    )
    expectClean(fake, run)
  })

  test('an environment the account does not have fails naming it and the entry', async () => {
    const fake = mockAccount()
    const run = await step({
      bindings:
        '- { policy: Settings Reader, groups: Admins, level: "environment:zzz99999" }'
    })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe(
      `Environment zzz99999 not found in account ${ACCOUNT}; check bindings[0].level (the default level "environment" is the environment of environment-url / environment-id) (HTTP 404: Level environment:zzz99999 not found).`
    )
    expect(fake.writes()).toEqual([])
  })

  test('the default level needs an environment', async () => {
    const fake = mockAccount()
    const inputs: Record<string, string> = {
      ...BASE_INPUTS,
      bindings: '- { policy: Settings Reader, groups: Admins }'
    }
    delete inputs['environment-url']
    const run = await runStep({ inputs })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toBe(
      'Invalid IAM input (no request was sent):\n  - bindings[0].level: the default level "environment" needs environment-url (or environment-id); give one, or set level: account or level: environment:<id>.'
    )
    expect(fake.requests).toEqual([])
  })
})
