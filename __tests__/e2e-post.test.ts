/**
 * End to end over the committed bundle (dist/): the post step's revocation after a main
 * step that failed with `auth: github-oidc` (the post step reads its own inputs and gets a
 * fresh ID token), and the job summary file as the runner hands it over (appended to,
 * never replaced; a file that cannot be written is a warning, not a failed job).
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  repositoryTrust,
  startGitHubOidc,
  type GitHubOidcService,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  annotations,
  emulatorInputs,
  oidcEmulatorInputs,
  runJob
} from '../test/support/runner.js'
import {
  STACK,
  TOKENS,
  emulators,
  expectClean,
  sequence
} from '../test/support/e2e.js'

const AUDIENCE = 'https://abc12345.apps.dynatrace.com'
const emulator = emulators()
const services: GitHubOidcService[] = []
const folders: string[] = []
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()))
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true })
})

/** The job's ID-token service, and an emulator whose environment trusts it. */
async function trustingEmulator(): Promise<{
  emu: RunningEmulator
  gh: GitHubOidcService
}> {
  const gh = await startGitHubOidc({})
  services.push(gh)
  const emu = await emulator()
  emu.trust(repositoryTrust(AUDIENCE, 'octo-org/deploy-repo'), gh)
  return { emu, gh }
}

const oidcInputs = (emu: RunningEmulator): Record<string, string> =>
  oidcEmulatorInputs(emu, AUDIENCE, {
    'token-scopes': 'ReadConfig, settings.read'
  })

/** The read-back of the new token answers without settings.read: main must not hand it on. */
function dropScopeOnReadBack(emu: RunningEmulator): void {
  emu.fault(
    { method: 'GET', path: new RegExp(`^${TOKENS}/dt0c01\\.`) },
    { status: 200, body: JSON.stringify({ scopes: ['ReadConfig'] }) }
  )
}

describe('post step after a failed main, auth: github-oidc', () => {
  test('main revokes the token it cannot hand on; post does not revoke it again', async () => {
    const { emu, gh } = await trustingEmulator()
    dropScopeOnReadBack(emu)
    const { main, post } = await runJob({
      inputs: oidcInputs(emu),
      idTokens: gh
    })

    expect(main.exitCode).toBe(1)
    expect(annotations(main).join('\n')).toContain(
      'without scope(s) settings.read'
    )
    expect(main.outputs.token).toBeUndefined()
    expect(main.state.revoked).toBe('true')
    expect(main.summary).toContain('has been revoked')
    expect(post!.exitCode).toBe(0)
    expect(post!.log).toContain('already revoked by the main step')
    // One create, its read-back, the revocation by main; nothing from post.
    expect(sequence(emu)).toEqual([
      `POST ${TOKENS}`,
      `GET ${TOKENS}/${emu.state.apiTokens[0]!.id}`,
      `DELETE ${TOKENS}/${emu.state.apiTokens[0]!.id}`
    ])
    expect(main.stdout).not.toMatch(STACK)
    expectClean(emu, [main, post])
  })

  test('main cannot revoke it either: post revokes it with a fresh ID token', async () => {
    const { emu, gh } = await trustingEmulator()
    dropScopeOnReadBack(emu)
    emu.fault(
      { method: 'DELETE', path: new RegExp(`^${TOKENS}/`) },
      {
        status: 403,
        body: JSON.stringify({ error: { code: 403, message: 'Forbidden' } })
      }
    )
    const issuedBefore = gh.issued.length
    const { main, post } = await runJob({
      inputs: oidcInputs(emu),
      idTokens: gh
    })

    const id = emu.state.apiTokens[0]!.id
    expect(main.exitCode).toBe(1)
    expect(annotations(main, 'warning').join('\n')).toContain(
      `Could not revoke token ${id} after the failure`
    )
    expect(main.state['token-id']).toBe(id)
    expect(main.state.revoked).toBeUndefined()
    expect(post!.exitCode).toBe(0)
    expect(post!.log).toContain(`Revoked token ${id}.`)
    expect(post!.summary).toContain(`<code>${id}</code>: revoked.`)
    // The post step asked for an ID token of its own and presented it.
    expect(gh.issued.length).toBeGreaterThan(issuedBefore + 1)
    const deletes = emu.requests.filter((r) => r.method === 'DELETE')
    expect(deletes.map((r) => r.status)).toEqual([403, 204])
    expect(deletes[1]!.headers.authorization).toBe(`Bearer ${gh.issued.at(-1)}`)
    expect(emu.state.apiTokens[0]!.deletedAt).not.toBeNull()
    expectClean(emu, [main, post])
  })
})

describe('the job summary file', () => {
  const summaryFile = (content: string | undefined): string => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'))
    folders.push(dir)
    const file = join(dir, 'step_summary')
    if (content !== undefined) writeFileSync(file, content)
    return file
  }

  test('main and post append to what the file already holds', async () => {
    const emu = await emulator()
    const before = '<h1>Earlier step</h1>\n<p>kept</p>\n'
    const file = summaryFile(before)
    const { main, post } = await runJob({
      inputs: emulatorInputs(emu, { 'token-scopes': 'ReadConfig' }),
      env: { GITHUB_STEP_SUMMARY: file }
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith(before)).toBe(true)
    const minted = text.indexOf('<h2>Dynatrace token minted</h2>')
    const revoked = text.indexOf('<h3>Dynatrace token revocation</h3>')
    expect(minted).toBeGreaterThanOrEqual(before.length)
    expect(revoked).toBeGreaterThan(minted)
    expect(text).toContain(
      `<code>${emu.state.apiTokens[0]!.id}</code>: revoked.`
    )
    expectClean(emu, [main, post])
  })

  test('a summary file that cannot be written is a warning: the token is still handed on and revoked', async () => {
    const emu = await emulator()
    const file = join(summaryFile(undefined), 'missing', 'step_summary')
    const { main, post } = await runJob({
      inputs: emulatorInputs(emu, { 'token-scopes': 'ReadConfig' }),
      env: { GITHUB_STEP_SUMMARY: file }
    })
    const warning = `Could not write the job summary: Unable to access summary file: '${file}'.`
    expect(main.exitCode).toBe(0)
    expect(annotations(main, 'warning').join('\n')).toContain(warning)
    expect(main.outputs.token).toBe(emu.state.apiTokens[0]!.token)
    expect(post!.exitCode).toBe(0)
    expect(annotations(post!, 'warning').join('\n')).toContain(warning)
    expect(post!.log).toContain(`Revoked token ${emu.state.apiTokens[0]!.id}.`)
    expectClean(emu, [main, post])
  })
})
