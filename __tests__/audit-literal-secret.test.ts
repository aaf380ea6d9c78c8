/**
 * The audit of a workflow that pastes an OAuth client secret literally into the step:
 * the step itself would hide that value wherever it appears ("contains the client
 * secret (value hidden)"), so the audit must not print it either — not in a log line,
 * the job summary or audit-report.
 */
import { afterEach, expect, test } from '@jest/globals'
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
