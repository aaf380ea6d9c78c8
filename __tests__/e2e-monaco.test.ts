/**
 * End to end over the committed bundle (dist/): token-scopes derived from a Monaco
 * project by the built action (its lazily loaded chunk included), on the bundled Node 24
 * and the machine's own Node, against the emulator.
 */
import { describe, expect, test } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import {
  annotations,
  emulatorInputs,
  nodeBinaries,
  runJob
} from '../test/support/runner.js'
import { emulators, expectClean } from '../test/support/e2e.js'

const emulator = emulators()
/** The fixture workspace holding the Monaco projects. */
const WORKSPACE = fileURLToPath(new URL('./fixtures/audit', import.meta.url))

describe.each(nodeBinaries())('on $label', ({ path: node }) => {
  if (!node) {
    test.skip('binary not installed', () => undefined)
    return
  }

  test('a platform token with exactly what the mixed project deploys to prod, revoked in post', async () => {
    const emu = await emulator()
    const { main, post } = await runJob({
      node,
      cwd: WORKSPACE,
      inputs: emulatorInputs(emu, {
        'account-urn': `urn:dtaccount:${emu.state.accountUuid}`,
        'token-type': 'platform',
        'monaco-manifest': 'monaco-real/mixed/manifest.yaml',
        'monaco-environment': 'prod'
      })
    })
    expect(annotations(main, 'error')).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    const scopes = [
      'app-engine:apps:run',
      'settings:objects:read',
      'settings:objects:write',
      'settings:schemas:read',
      'automation:workflows:read',
      'automation:workflows:write'
    ]
    expect(emu.state.platformTokens[0]!.scope).toEqual(scopes)
    expect(main.outputs['token-scopes']).toBe(scopes.join(','))
    expect(main.stdout).toContain('token-scopes derived from')
    expectClean(emu, [main, post])
  })

  test('an unknown config type fails before any request, naming file and line', async () => {
    const emu = await emulator()
    const { main } = await runJob({
      node,
      cwd: WORKSPACE,
      inputs: emulatorInputs(emu, {
        'monaco-manifest': 'monaco-real/broken/unknown.yaml'
      })
    })
    expect(main.exitCode).toBe(1)
    expect(annotations(main, 'error').join('\n')).toContain(
      'monaco-real/broken/unknown/config.yaml:8: Monaco config "typo" has the unknown API "alerting-profiles"'
    )
    expect(emu.requests).toEqual([])
  })
})
