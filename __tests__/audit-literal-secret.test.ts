/**
 * The audit of a workflow that pastes an OAuth client secret literally into the step:
 * the step itself would hide that value wherever it appears ("contains the client
 * secret (value hidden)"), so the audit must not print it either — not in a log line,
 * the job summary or audit-report.
 */
import { afterEach, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, scanForLeaks } from '../test/support/runner.js'

const SECRET =
  'dt0s02.ABCDEFGH.Q7K2M9X4B8N1V6C3Z5L0P7R2T9Y4W1E8U3I6O0A5S2D7F4G9H1J6K3Z8X5C2V7B4'
const folders: string[] = []
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true })
})

test('a client secret pasted into another input of a workflow step is not printed by the audit', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'audit-secret-'))
  folders.push(workspace)
  mkdirSync(join(workspace, '.github', 'workflows'), { recursive: true })
  writeFileSync(
    join(workspace, '.github', 'workflows', 'deploy.yml'),
    [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: acme/configure-dynatrace-credentials@v1',
      '        with:',
      '          client-id: dt0s02.ABCDEFGH',
      `          client-secret: ${SECRET}`,
      '          environment-url: https://abc12345.apps.dynatrace.com',
      '          token-scopes: ReadConfig',
      `          export-variable: ${SECRET}`,
      ''
    ].join('\n')
  )
  const step = await runAction({ cwd: workspace, inputs: { mode: 'audit' } })
  // The step with these inputs fails; the audit says so.
  expect(step.outputs['audit-report']).toContain(
    'export-variable: contains the client secret (value hidden). Pass the secret only as client-secret. The step would fail.'
  )
  expect(scanForLeaks([step], [SECRET])).toEqual([])
  // …as the step itself says, given the same inputs.
  const mint = await runAction({
    inputs: {
      'client-id': 'dt0s02.ABCDEFGH',
      'client-secret': SECRET,
      'environment-url': 'https://abc12345.apps.dynatrace.com',
      'token-scopes': 'ReadConfig',
      'export-variable': SECRET
    }
  })
  expect(mint.exitCode).not.toBe(0)
  expect(mint.log).toContain(
    'export-variable: contains the client secret (value hidden). Pass the secret only as client-secret.'
  )
  expect(scanForLeaks([mint], [SECRET])).toEqual([])
})

/** A workflow with the secret written literally as client-secret, and `more` inputs. */
const literalWorkflow = (more: string[]): string =>
  [
    'on: push',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: acme/configure-dynatrace-credentials@v1',
    '        with:',
    '          environment-url: https://abc12345.apps.dynatrace.com',
    ...more.map((line) => `          ${line}`),
    ''
  ].join('\n')

test('nor by the scope-drift check, in a scope it adds or removes', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'audit-secret-drift-'))
  folders.push(workspace)
  const git = (...args: string[]): void => {
    execFileSync('git', args, {
      cwd: workspace,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 'test@example.com'
      }
    })
  }
  const dir = join(workspace, '.github', 'workflows')
  mkdirSync(dir, { recursive: true })
  const write = (file: string, scopes: string): void =>
    writeFileSync(
      join(dir, file),
      literalWorkflow([
        'client-id: dt0s02.ABCDEFGH',
        `client-secret: ${SECRET}`,
        `token-scopes: ${scopes}`
      ])
    )
  write('removes.yml', `ReadConfig ${SECRET}`)
  write('adds.yml', 'ReadConfig')
  git('init', '--quiet', '--initial-branch=main')
  git('add', '.')
  git('commit', '--quiet', '-m', 'base')
  write('removes.yml', 'ReadConfig')
  write('adds.yml', `ReadConfig ${SECRET}`)
  const step = await runAction({
    cwd: workspace,
    inputs: { mode: 'audit', 'audit-fail-on': 'never' },
    env: { GITHUB_BASE_REF: 'main' }
  })
  const report = JSON.parse(step.outputs['audit-report'] ?? '{}') as {
    findings: { rule: string; file?: string }[]
  }
  // The check ran: one scope added, one removed.
  expect(
    report.findings
      .filter((f) => f.rule === 'scope-drift')
      .map((f) => f.file)
      .sort()
  ).toEqual(['.github/workflows/adds.yml', '.github/workflows/removes.yml'])
  expect(scanForLeaks([step], [SECRET])).toEqual([])
})

test('nor a secret pasted as client-id, which the step masks', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'audit-secret-id-'))
  folders.push(workspace)
  mkdirSync(join(workspace, '.github', 'workflows'), { recursive: true })
  writeFileSync(
    join(workspace, '.github', 'workflows', 'deploy.yml'),
    literalWorkflow([
      `client-id: ${SECRET}`,
      'token-scopes: ReadConfig',
      `export-variable: ${SECRET}`
    ])
  )
  const step = await runAction({
    cwd: workspace,
    inputs: { mode: 'audit', 'audit-fail-on': 'never' }
  })
  // Both inputs are still judged, as the step judges them (its log shows *** there).
  expect(step.outputs['audit-report']).toContain(
    'client-id: looks like a client secret (value hidden).'
  )
  expect(step.outputs['audit-report']).toMatch(
    /export-variable: \\"\*+\\" is not an environment variable name/
  )
  expect(scanForLeaks([step], [SECRET])).toEqual([])
})
