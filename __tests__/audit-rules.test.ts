/**
 * mode: audit, rule by rule: each rule fires on a seeded problem (rule, severity, file and
 * line asserted in the audit-report output) and stays quiet on a clean case.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { RULES } from '../src/audit/findings.js'
import { audit, byRule } from './fixtures/audit/run-audit.js'
import { CLASSIC_INPUTS, recordRequests } from './support/fixtures.js'
import { runStep } from './support/in-process.js'

afterEach(() => {
  process.exitCode = undefined
})

const P = 'workflows/problems'
const CLEAN = 'workflows/clean'
const BROKEN = 'workflows/broken/not-yaml.yml.txt'

describe('clean corpus', () => {
  test.each([
    ['monaco/classic/manifest.yaml'],
    ['monaco/platform/manifest.yaml']
  ])('no findings at all (monaco-manifest %s)', async (manifest) => {
    const r = await audit({
      'audit-paths': CLEAN,
      'monaco-manifest': manifest,
      'audit-fail-on': 'warning'
    })
    expect(r.findings).toEqual([])
    expect(r.outputs['audit-findings']).toBe('0')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain(
      'Scope audit: no findings (4 files, 4 steps using this action).'
    )
  })

  test('steps of other actions are ignored, this action is found in every form', async () => {
    const r = await audit({ 'audit-paths': `${CLEAN}/unrelated.yml` })
    expect(r.stdout).toContain('1 file, 0 steps using this action')
    const all = await audit({ 'audit-paths': P })
    // owner/repo@ref, owner/repo/sub/path@ref, ./ and a composite action's steps
    expect(all.stdout).toContain('9 files, 13 steps using this action')
  })
})

describe('unknown-scope', () => {
  test('classic, platform and OAuth names, each on its own line with a suggestion', async () => {
    const { findings } = await audit({
      'audit-paths': `${P}/unknown-scope.yml`
    })
    expect(byRule(findings, 'unknown-scope')).toEqual([
      ['error', `${P}/unknown-scope.yml`, 10, 'ReadConfg'],
      ['error', `${P}/unknown-scope.yml`, 18, 'settings:object:write'],
      ['error', `${P}/unknown-scope.yml`, 19, 'iam:policies:wirte']
    ])
    expect(findings[0]!.message).toContain('Did you mean "ReadConfig"?')
  })

  test('an unknown platform service is only a warning; known names pass', async () => {
    const { findings } = await audit({
      'token-type': 'platform',
      'token-scopes': 'settings:objects:read newservice:things:read'
    })
    expect(byRule(findings, 'unknown-scope')).toEqual([
      ['warning', undefined, undefined, 'newservice:things:read']
    ])
  })

  test('negative: a clean workflow', async () => {
    const { findings } = await audit({
      'audit-paths': `${CLEAN}/deploy-classic.yml`
    })
    expect(byRule(findings, 'unknown-scope')).toEqual([])
  })
})

describe('deprecated-scope and retired-scope', () => {
  test('positive', async () => {
    const { findings } = await audit({
      'audit-paths': `${P}/deprecated-retired.yml`
    })
    const file = `${P}/deprecated-retired.yml`
    expect(byRule(findings, 'deprecated-scope')).toEqual([
      ['warning', file, 10, 'environment-api:api-tokens:write']
    ])
    expect(
      findings.find((f) => f.rule === 'deprecated-scope')!.message
    ).toContain('use "api-tokens:tokens:write" instead')
    expect(byRule(findings, 'retired-scope')).toEqual([
      ['error', file, 9, 'cloudautomation:events:read'],
      ['error', file, 17, 'ViewDashboard']
    ])
    expect(findings.find((f) => f.rule === 'retired-scope')!.message).toMatch(
      /Site Reliability Guardian or Workflows/
    )
  })

  test('negative: the replacement scope is neither', async () => {
    const { findings } = await audit({
      'oauth-scopes': 'api-tokens:tokens:write',
      'token-type': 'platform',
      'token-scopes': 'automation:workflows:read'
    })
    expect(findings).toEqual([])
  })
})

describe('escalation-scope', () => {
  test('positive, even when the step itself allows it', async () => {
    const { findings } = await audit({
      'audit-paths': `${P}/escalation.yml,${P}/composite-action.yml`
    })
    expect(byRule(findings, 'escalation-scope')).toEqual([
      ['error', `${P}/composite-action.yml`, 9, 'TenantTokenManagement'],
      ['error', `${P}/escalation.yml`, 8, 'apiTokens.write']
    ])
  })

  test("negative: accepted by the audit step's allowed-scopes", async () => {
    const { findings } = await audit({
      'audit-paths': `${P}/escalation.yml`,
      'allowed-scopes': 'ReadConfig, apiTokens.write'
    })
    expect(findings).toEqual([])
  })
})

describe('scope-not-allowed', () => {
  test("positive: outside the step's own allowed-scopes", async () => {
    const { findings } = await audit({ 'audit-paths': `${P}/not-allowed.yml` })
    expect(byRule(findings, 'scope-not-allowed')).toEqual([
      ['error', `${P}/not-allowed.yml`, 9, 'entities.read']
    ])
  })

  test("positive: outside the audit step's allowed-scopes", async () => {
    const { findings } = await audit({
      'audit-paths': `${CLEAN}/deploy-classic.yml`,
      'allowed-scopes': 'ReadConfig WriteConfig'
    })
    expect(byRule(findings, 'scope-not-allowed')).toEqual([
      ['error', `${CLEAN}/deploy-classic.yml`, 18, 'settings.read'],
      ['error', `${CLEAN}/deploy-classic.yml`, 18, 'settings.write']
    ])
  })

  test('negative: every scope allowed', async () => {
    const { findings } = await audit({
      'audit-paths': `${CLEAN}/deploy-classic.yml`,
      'allowed-scopes': 'ReadConfig WriteConfig settings.read settings.write'
    })
    expect(findings).toEqual([])
  })
})

describe('long-lifetime, revoke-disabled, export-variable', () => {
  test('positive', async () => {
    const { findings } = await audit({ 'audit-paths': `${P}/lifetime.yml` })
    const file = `${P}/lifetime.yml`
    expect(byRule(findings, 'long-lifetime')).toEqual([
      ['warning', file, 9, undefined]
    ])
    expect(byRule(findings, 'revoke-disabled')).toEqual([
      ['warning', file, 10, undefined]
    ])
    expect(byRule(findings, 'export-variable')).toEqual([
      ['notice', file, 11, undefined]
    ])
    expect(
      findings.find((f) => f.rule === 'revoke-disabled')!.message
    ).toContain('until it expires (2d)')
  })

  test("this step's own inputs: reported without a file", async () => {
    const r = await audit({
      'token-scopes': 'ReadConfig',
      'token-lifetime': '25h',
      revoke: 'false',
      'export-variable': 'DT_API_TOKEN'
    })
    expect(r.findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['long-lifetime', undefined, undefined],
      ['revoke-disabled', undefined, undefined],
      ['export-variable', undefined, undefined]
    ])
    expect(r.stdout).toContain(
      '::warning title=long-lifetime::This step\'s token-lifetime: "1d1h" is longer than 24 hours'
    )
  })

  test('negative: 24h exactly, revoke: true, revoke mode, no export', async () => {
    const own = await audit({
      'token-scopes': 'ReadConfig',
      'token-lifetime': '24h'
    })
    expect(own.findings).toEqual([])
    const { findings } = await audit({ 'audit-paths': CLEAN })
    for (const rule of [
      'long-lifetime',
      'revoke-disabled',
      'export-variable'
    ]) {
      expect(byRule(findings, rule)).toEqual([])
    }
  })
})

describe('policies: policy-syntax, unknown-permission, unconditioned-write', () => {
  test('positive, on the line inside the block scalar', async () => {
    const { findings } = await audit({ 'audit-paths': `${P}/policies.yml` })
    const file = `${P}/policies.yml`
    expect(byRule(findings, 'policy-syntax')).toEqual([
      ['error', file, 14, undefined]
    ])
    expect(findings.find((f) => f.rule === 'policy-syntax')!.message).toContain(
      'policy "broken": statement line 2, column 28: the statement is not terminated'
    )
    expect(byRule(findings, 'unconditioned-write')).toEqual([
      ['warning', file, 19, 'settings:objects:write']
    ])
    expect(byRule(findings, 'unknown-permission')).toEqual([
      ['warning', file, 20, 'storage:buckets:reed']
    ])
    expect(
      findings.find((f) => f.rule === 'unknown-permission')!.message
    ).toContain('Did you mean "storage:buckets:read"?')
  })

  test("this step's own policies: the position is in the message", async () => {
    const { findings } = await audit({
      policies:
        '- name: p\n  description: d\n  statement: ALLOW settings:objects:read WHERE;'
    })
    expect(byRule(findings, 'policy-syntax')).toEqual([
      ['error', undefined, undefined, undefined]
    ])
    expect(findings[0]!.message).toContain('statement line 1, column 34')
  })

  test('negative: conditioned writes, known permissions, valid syntax', async () => {
    const { findings } = await audit({
      'audit-paths': `${CLEAN}/deploy-platform.yaml`
    })
    expect(findings).toEqual([])
  })
})

describe('expression-value', () => {
  test('positive: judged inputs set by ${{ }} are warnings (they cannot be proven safe)', async () => {
    const { findings } = await audit({ 'audit-paths': `${P}/expression.yml` })
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['expression-value', 'warning', 8],
      ['expression-value', 'warning', 9],
      // A classic mint with a client secret: auth: github-oidc would do.
      ['prefer-oidc', 'notice', 10]
    ])
    expect(findings[0]!.message).toContain('Write the value literally')
  })

  test('a literal wrapped in an expression does not walk around the gate quietly', async () => {
    const r = await audit({
      'audit-paths': 'workflows/copies/literal-in-expression.yml',
      'audit-fail-on': 'warning'
    })
    expect(byRule(r.findings, 'expression-value')).toEqual([
      ['warning', 'workflows/copies/literal-in-expression.yml', 9, undefined]
    ])
    expect(r.exitCode).toBe(1)
  })

  test('negative: expressions in inputs the audit does not judge (secrets)', async () => {
    const { findings } = await audit({
      'audit-paths': `${CLEAN}/deploy-classic.yml`
    })
    expect(byRule(findings, 'expression-value')).toEqual([])
  })
})

describe('action-copy', () => {
  const C = 'workflows/copies'
  test('a fork under another name is recognised by its inputs and audited', async () => {
    const { findings } = await audit({ 'audit-paths': `${C}/fork.yml` })
    expect(byRule(findings, 'action-copy')).toEqual([
      ['notice', `${C}/fork.yml`, 6, undefined]
    ])
    expect(findings.find((f) => f.rule === 'action-copy')!.message).toBe(
      'step "forked" uses "someone/dt-creds@v2", a copy of this action (it passes this action’s inputs); it is audited like this action.'
    )
    expect(byRule(findings, 'escalation-scope')).toEqual([
      ['error', `${C}/fork.yml`, 12, 'apiTokens.write']
    ])
  })

  test('a local copy that keeps the action.yml name is audited', async () => {
    const { findings } = await audit({ 'audit-paths': `${C}/local.yml` })
    expect(findings.find((f) => f.rule === 'action-copy')!.message).toContain(
      'its action.yml is named "Configure Dynatrace credentials"'
    )
    expect(byRule(findings, 'escalation-scope')).toEqual([
      ['error', `${C}/local.yml`, 11, 'apiTokens.write']
    ])
  })

  test('negative: other actions, one shared input name, docker steps', async () => {
    const r = await audit({ 'audit-paths': `${C}/not-copies.yml` })
    expect(r.findings).toEqual([])
    expect(r.stdout).toContain('1 file, 0 steps using this action')
  })
})

describe('invalid-value and unreadable-file', () => {
  test('positive', async () => {
    const { findings } = await audit({
      // Not .yml, so that prettier --check . leaves the broken file alone; given by name, it is read.
      'audit-paths': `${P}/invalid.yml,${BROKEN},${P}/policies.yml`
    })
    expect(byRule(findings, 'invalid-value')).toEqual([
      ['error', `${P}/invalid.yml`, 8, undefined], // token-type: classik
      ['error', `${P}/invalid.yml`, 10, undefined], // a YAML list as input
      ['error', `${P}/invalid.yml`, 14, undefined], // token-lifetime: 10d
      ['error', `${P}/invalid.yml`, 15, undefined], // revoke: maybe
      ['error', `${P}/invalid.yml`, 19, undefined], // token-scopes missing
      ['error', `${P}/policies.yml`, 27, undefined] // the line of level: tenant // binding level
    ])
    expect(byRule(findings, 'unreadable-file')).toEqual([
      ['error', BROKEN, 9, undefined]
    ])
  })

  test('negative', async () => {
    const { findings } = await audit({ 'audit-paths': CLEAN })
    expect(byRule(findings, 'invalid-value')).toEqual([])
    expect(byRule(findings, 'unreadable-file')).toEqual([])
  })
})

describe('invalid-value: what the step itself refuses, in its words', () => {
  const FILE = 'workflows/values/step-values.yml'
  /** The refused value's line and the inputs that make the step refuse (on top of valid ones). */
  const refused: [number, Record<string, string>][] = [
    [11, { 'export-variable': 'GITHUB_TOKEN' }],
    [18, { 'max-retries': '99' }],
    [23, { 'environment-url': 'http://abc12345.apps.dynatrace.com' }],
    [29, { 'account-urn': 'urn:dtaccount:nope' }],
    [37, { mode: 'sweep', 'token-type': 'none' }],
    [44, { 'monaco-environment': 'production' }]
  ]

  /** The ::error:: line of a failed run, unescaped. */
  const errorText = (stdout: string): string =>
    decodeURIComponent(
      (stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '')
        .slice('::error::'.length)
        .replace(/%(?![0-9A-F]{2})/g, '%25')
    )

  test('positive: one finding per refused value, the step’s message and “The step would fail.”', async () => {
    const { findings } = await audit({ 'audit-paths': FILE })
    const invalid = findings.filter((f) => f.rule === 'invalid-value')
    expect(invalid.map((f) => [f.severity, f.file, f.line])).toEqual(
      refused.map(([line]) => ['error', FILE, line])
    )
    for (const [i, [, inputs]] of refused.entries()) {
      const message = invalid[i]?.message ?? ''
      expect(message).toMatch(/ The step would fail\.$/)
      recordRequests()
      const run = await runStep({ inputs: { ...CLASSIC_INPUTS, ...inputs } })
      expect(run.exitCode).toBe(1)
      // Findings never carry "::" (it could start a workflow command): the report spaces it.
      const stepMessage = message
        .replace(/ The step would fail\.$/, '')
        .replaceAll(': :', '::')
      expect(errorText(run.stdout)).toContain(`  - ${stepMessage}`)
    }
  })

  test('negative: the same inputs with values the step accepts', async () => {
    const { findings } = await audit({ 'audit-paths': FILE })
    expect(
      findings.filter((f) => f.rule === 'invalid-value' && (f.line ?? 0) > 46)
    ).toEqual([])
  })
})

describe('reporting', () => {
  test('annotations carry file, line and the rule as title', async () => {
    const r = await audit({ 'audit-paths': `${P}/unknown-scope.yml` })
    expect(r.stdout).toContain(
      `::error title=unknown-scope,file=${P}/unknown-scope.yml,line=10::token-scopes: "ReadConfg" is not a classic API token scope. Did you mean "ReadConfig"?`
    )
    expect(r.stdout.match(/^::(error|warning|notice) title=/gm)).toHaveLength(
      r.findings.length
    )
  })

  test('audit-report is exactly the SPEC shape; audit-findings is its count', async () => {
    const r = await audit({ 'audit-paths': `${P}/lifetime.yml` })
    const report = JSON.parse(r.outputs['audit-report']!) as Record<
      string,
      unknown
    >
    expect(Object.keys(report)).toEqual(['findings'])
    for (const f of r.findings) {
      expect(Object.keys(f)).toEqual(
        ['severity', 'rule', 'message', 'file', 'line', 'scope'].filter(
          (k) => k in f
        )
      )
    }
    expect(r.outputs['audit-findings']).toBe(String(r.findings.length))
  })

  test('job summary table: severity, rule, file:line, message (HTML-escaped)', async () => {
    const r = await audit({ 'audit-paths': `${P}/lifetime.yml` })
    expect(r.summary).toContain('<h2>Dynatrace scope audit</h2>')
    expect(r.summary).toContain(
      '<th>Severity</th><th>Rule</th><th>Where</th><th>Message</th>'
    )
    expect(r.summary).toContain(
      `<td>warning</td><td><code>long&#8209;lifetime</code></td><td>${P}/lifetime.yml:9</td>`
    )
    expect(r.summary).toContain('&#34;2d&#34;')
  })

  test('file:line links to the file at the audited commit when the runner names it', async () => {
    const sha = 'a'.repeat(40)
    const r = await audit(
      { 'audit-paths': `${P}/lifetime.yml` },
      {
        env: {
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'acme/deploys',
          GITHUB_SHA: sha
        }
      }
    )
    expect(r.summary).toContain(
      `<td><a href="https://github.com/acme/deploys/blob/${sha}/${P}/lifetime.yml#L9">${P}/lifetime.yml:9</a></td>`
    )
  })

  test('the allowed list is shown once, not in every row', async () => {
    const r = await audit({
      'audit-paths': `${P}/not-allowed.yml`,
      'allowed-scopes': 'ReadConfig settings.read'
    })
    expect(r.findings.some((f) => f.rule === 'scope-not-allowed')).toBe(true)
    expect(r.summary).toContain(
      "<p>The audit's allowed-scopes: <code>ReadConfig</code>, <code>settings.read</code>.</p>"
    )
    expect(r.summary).toContain(
      'is not in the audit&#39;s allowed-scopes nor in'
    )
    expect(r.summary).not.toContain('the audit&#39;s allowed-scopes (')
    // The annotation still carries the list, for readers of the log.
    expect(r.stdout).toContain("the audit's allowed-scopes (")
  })
})

describe('exit status per audit-fail-on', () => {
  test.each([
    // file, audit-fail-on, exit code, failure line
    [
      'not-allowed.yml',
      'error',
      1,
      'Scope audit found 1 error; see the annotations.'
    ],
    ['lifetime.yml', 'error', 0, undefined],
    [
      'lifetime.yml',
      'warning',
      1,
      'Scope audit found 2 warnings; see the annotations.'
    ],
    [
      'expression.yml',
      'warning',
      1,
      'Scope audit found 2 warnings; see the annotations.'
    ],
    ['not-allowed.yml', 'never', 0, undefined]
  ])('%s with audit-fail-on: %s exits %d', async (file, failOn, code, line) => {
    const r = await audit({
      'audit-paths': `${P}/${file}`,
      'audit-fail-on': failOn
    })
    expect(r.exitCode).toBe(code)
    if (line) expect(r.stdout).toContain(`::error::${line}`)
    else expect(r.stdout).not.toMatch(/^::error::/m)
  })

  test('errors and warnings are both counted in the one-line summary', async () => {
    const r = await audit({
      'audit-paths': `${P}/not-allowed.yml,${P}/lifetime.yml`,
      'audit-fail-on': 'error'
    })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain(
      '::error::Scope audit found 1 error and 2 warnings; see the annotations.'
    )
    // Outputs are set before the step fails, so later steps (if: always()) can read them.
    expect(r.outputs['audit-findings']).toBe('4')
  })

  test('a wrong audit-paths is a clean failure, whatever audit-fail-on says', async () => {
    for (const path of ['does/not/exist', '../..', '/etc']) {
      const r = await audit({ 'audit-paths': path })
      expect(r.exitCode).toBe(1)
      expect(r.stdout).toMatch(
        /^::error::audit-paths: "[^"]*" (does not exist|is outside)/m
      )
      expect(r.stdout).not.toContain('This is a bug')
    }
  })
})

test('docs/audit.md documents every rule with its severity', () => {
  const docs = readFileSync(
    new URL('../docs/audit.md', import.meta.url),
    'utf8'
  )
  for (const [id, rule] of Object.entries(RULES)) {
    expect([id, docs]).toEqual([
      id,
      expect.stringMatching(
        new RegExp(`^\\| \`${id}\`\\s*\\| ${rule.severity}`, 'm')
      )
    ])
  }
})
