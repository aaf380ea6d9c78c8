/**
 * "X is required for Y" from both sides: for every rule of the requirements table, the step
 * (run in-process with action.yml's defaults, as the runner runs it) and the audit of a
 * workflow holding the same step. The audit reports exactly the step's refusals, each with
 * " The step would fail.", and nothing when the step accepts its inputs.
 */
import { afterAll, afterEach, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REQUIREMENTS, type Situation } from '../src/inputs/requirements.js'
import { audit } from './fixtures/audit/run-audit.js'
import {
  ACCOUNT_UUID,
  CLIENT_ID,
  CLIENT_SECRET,
  PLATFORM,
  PLATFORM_TOKEN_ID,
  TOKEN_ID,
  recordRequests
} from './support/fixtures.js'
import { runStep } from './support/in-process.js'

const ID = '${{ secrets.DT_CLIENT_ID }}'
const SECRET = '${{ secrets.DT_CLIENT_SECRET }}'
const AUDIENCE = '${{ vars.DT_OIDC_AUDIENCE }}'
/** What the runner passes for each expression of the workflow. */
const RUNNER_VALUES: Record<string, string> = {
  [ID]: CLIENT_ID,
  [SECRET]: CLIENT_SECRET,
  [AUDIENCE]: 'https://github.com/acme'
}
const CREDENTIALS = { 'client-id': ID, 'client-secret': SECRET }
const URN = `urn:dtaccount:${ACCOUNT_UUID}`
const CUSTOM = {
  'allow-custom-endpoints': 'true',
  'environment-url': 'https://dynatrace.example.com'
}
const SSO = 'https://sso.example.com/token'
/** No retry: a step that passes its checks fails fast on the first (refused) request. */
const FAST = { 'max-retries': '0' }

/**
 * One step per rule of REQUIREMENTS, in its order, that breaks that rule (and no other
 * check), with the missing input added where the step then accepts it.
 */
const CASES: {
  rule: string
  inputs: Record<string, string>
  fixed: Record<string, string>
}[] = [
  {
    rule: 'client-id with client-credentials',
    inputs: {
      'client-secret': SECRET,
      'environment-url': PLATFORM,
      'token-scopes': 'ReadConfig'
    },
    fixed: { 'client-id': ID }
  },
  {
    rule: 'client-secret with client-credentials',
    inputs: {
      'client-id': ID,
      'environment-url': PLATFORM,
      'token-scopes': 'ReadConfig'
    },
    fixed: { 'client-secret': SECRET }
  },
  {
    rule: 'oidc-audience with github-oidc',
    inputs: {
      auth: 'github-oidc',
      'environment-url': PLATFORM,
      'token-scopes': 'ReadConfig'
    },
    fixed: { 'oidc-audience': AUDIENCE }
  },
  {
    rule: 'environment-id for a custom environment',
    inputs: {
      ...CREDENTIALS,
      ...CUSTOM,
      'sso-url': SSO,
      'token-scopes': 'ReadConfig'
    },
    fixed: { 'environment-id': 'abc12345' }
  },
  {
    rule: 'sso-url for a custom environment',
    inputs: {
      ...CREDENTIALS,
      ...CUSTOM,
      'environment-id': 'abc12345',
      'token-scopes': 'ReadConfig'
    },
    fixed: { 'sso-url': SSO }
  },
  {
    rule: 'account-api-url for a custom environment that uses Account Management',
    inputs: {
      ...CREDENTIALS,
      ...CUSTOM,
      'environment-id': 'abc12345',
      'sso-url': SSO,
      'token-type': 'platform',
      'account-urn': URN,
      'token-scopes': 'settings:objects:read'
    },
    fixed: { 'account-api-url': 'https://api.example.com' }
  },
  {
    rule: 'token-scopes for a minted token',
    inputs: { ...CREDENTIALS, 'environment-url': PLATFORM },
    fixed: { 'token-scopes': 'ReadConfig' }
  },
  {
    rule: 'environment-url for a classic token (the default token-type)',
    inputs: { ...CREDENTIALS, 'token-scopes': 'ReadConfig' },
    fixed: { 'environment-url': PLATFORM }
  },
  {
    rule: 'account-urn for a platform token',
    inputs: {
      ...CREDENTIALS,
      'token-type': 'platform',
      'environment-url': PLATFORM,
      'token-scopes': 'settings:objects:read'
    },
    fixed: { 'account-urn': URN }
  },
  {
    rule: 'environment-url or environment-id for a platform token',
    inputs: {
      ...CREDENTIALS,
      'token-type': 'platform',
      'account-urn': URN,
      'token-scopes': 'settings:objects:read'
    },
    fixed: { 'environment-id': 'abc12345' }
  },
  {
    rule: 'account-urn for plan mode',
    inputs: {
      ...CREDENTIALS,
      mode: 'plan',
      'environment-url': PLATFORM,
      'token-scopes': 'ReadConfig'
    },
    fixed: { 'account-urn': URN }
  },
  {
    rule: 'token-id in revoke mode',
    inputs: { ...CREDENTIALS, mode: 'revoke', 'environment-url': PLATFORM },
    fixed: { 'token-id': TOKEN_ID }
  },
  {
    rule: 'environment-url to revoke a classic token',
    inputs: { ...CREDENTIALS, mode: 'revoke', 'token-id': TOKEN_ID },
    fixed: { 'environment-url': PLATFORM }
  },
  {
    rule: 'account-urn to revoke a platform token',
    inputs: {
      ...CREDENTIALS,
      mode: 'revoke',
      'token-id': PLATFORM_TOKEN_ID,
      'environment-url': PLATFORM
    },
    fixed: { 'account-urn': URN }
  },
  {
    rule: 'a token type to sweep',
    inputs: {
      ...CREDENTIALS,
      mode: 'sweep',
      'token-type': 'none',
      'environment-url': PLATFORM
    },
    fixed: { 'token-type': 'classic' }
  },
  {
    rule: 'environment-url to sweep classic tokens',
    inputs: { ...CREDENTIALS, mode: 'sweep' },
    fixed: { 'environment-url': PLATFORM }
  },
  {
    rule: 'account-urn to sweep platform tokens',
    inputs: { ...CREDENTIALS, mode: 'sweep', 'token-type': 'platform' },
    fixed: { 'account-urn': URN }
  },
  {
    rule: 'monaco-manifest with monaco-environment',
    inputs: {
      ...CREDENTIALS,
      'environment-url': PLATFORM,
      'token-scopes': 'ReadConfig',
      'monaco-environment': 'production'
    },
    fixed: { 'monaco-environment': '' }
  }
]

const workspaces: string[] = []
afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true })
})
afterEach(() => {
  process.exitCode = undefined
})

/** The step's input problems ("input: message"), or [] when it accepted its inputs. */
async function stepRefusals(inputs: Record<string, string>): Promise<string[]> {
  const given: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...inputs, ...FAST }))
    given[name] = RUNNER_VALUES[value] ?? value
  recordRequests()
  const run = await runStep({ inputs: given })
  const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'))
  const text = decodeURIComponent(
    (error ?? '').slice('::error::'.length).replace(/%(?![0-9A-F]{2})/g, '%25')
  )
  if (!text.startsWith('Invalid input')) return []
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^ {2}- /, ''))
}

/** The audit's invalid-value findings for a workflow holding the step, as written. */
async function auditRefusals(
  inputs: Record<string, string>
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cdc-audreq-'))
  workspaces.push(dir)
  mkdirSync(join(dir, '.github/workflows'), { recursive: true })
  const lines = Object.entries({ ...inputs, ...FAST })
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `          ${name}: ${JSON.stringify(value)}`)
  writeFileSync(
    join(dir, '.github/workflows/deploy.yml'),
    [
      'on: push',
      'permissions: { id-token: write, contents: read }',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: acme/configure-dynatrace-credentials@v1',
      '        with:',
      ...lines,
      ''
    ].join('\n')
  )
  const { findings } = await audit(
    { 'audit-paths': '.github/workflows' },
    { workspace: dir }
  )
  return (
    findings
      .filter((f) => f.rule === 'invalid-value')
      // Findings never carry "::" (it could start a workflow command): the report spaces it.
      .map((f) => f.message.replaceAll(': :', '::'))
  )
}

describe('every requirement of the step is reported by the audit, in the step’s words', () => {
  test('one case per rule of the table', () => {
    expect(CASES).toHaveLength(REQUIREMENTS.length)
  })

  test.each(CASES.map((c, i) => [c.rule, i] as const))(
    '%s: refused by the step, the same message in the audit',
    async (_rule, i) => {
      const { inputs } = CASES[i]!
      const step = await stepRefusals(inputs)
      // The step refuses the inputs for this rule: its message is the table's.
      const requirement = REQUIREMENTS[i]!
      const situation = {
        tokenType: inputs['token-type'] ?? 'classic',
        text: (name: string) => inputs[name] ?? ''
      } as Situation
      expect(step).toContain(
        `${requirement.input}: ${requirement.message(situation, (t) => `"${t}"`)}`
      )
      expect((await auditRefusals(inputs)).sort()).toEqual(
        step.map((p) => `${p} The step would fail.`).sort()
      )
    }
  )

  test.each(CASES.map((c, i) => [c.rule, i] as const))(
    '%s: given, the step accepts it and the audit reports nothing',
    async (_rule, i) => {
      const { inputs, fixed } = CASES[i]!
      expect(await stepRefusals({ ...inputs, ...fixed })).toEqual([])
      expect(await auditRefusals({ ...inputs, ...fixed })).toEqual([])
    }
  )
})

describe('an input set by an expression counts as given; its value is not guessed', () => {
  /** Steps whose outcome depends on what the expression gives at run time. */
  const cases: [string, Record<string, string>, string, string][] = [
    [
      'token-id: classic or platform decides which input revoking needs',
      {
        ...CREDENTIALS,
        mode: 'revoke',
        'token-id': '${{ needs.mint.outputs.token-id }}'
      },
      TOKEN_ID,
      PLATFORM_TOKEN_ID
    ],
    [
      'environment-url: a custom endpoint would need environment-id and sso-url',
      {
        ...CREDENTIALS,
        'allow-custom-endpoints': 'true',
        'environment-url': '${{ vars.DT_URL }}',
        'token-scopes': 'ReadConfig'
      },
      PLATFORM,
      'https://dynatrace.example.com'
    ],
    [
      'mode: audit needs nothing, mint needs credentials and an environment',
      { mode: '${{ inputs.mode }}', 'token-scopes': 'ReadConfig' },
      'audit',
      'mint'
    ]
  ]

  test.each(cases)('%s', async (_name, inputs, one, other) => {
    const expression = Object.entries(inputs).find(([, v]) =>
      v.startsWith('${{')
    )!
    const at = (value: string) => ({ ...inputs, [expression[0]]: value })
    // The step's verdict differs with the value, so no single message is the step's.
    expect(await stepRefusals(at(one))).not.toEqual(
      await stepRefusals(at(other))
    )
    expect(await auditRefusals(inputs)).toEqual([])
  })

  test('a secret given by an expression is given', async () => {
    expect(
      await auditRefusals({
        ...CREDENTIALS,
        'environment-url': PLATFORM,
        'token-scopes': '${{ vars.DT_SCOPES }}'
      })
    ).toEqual([])
  })
})
