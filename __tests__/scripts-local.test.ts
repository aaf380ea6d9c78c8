/**
 * Trying the action locally: `npm run emulator` (scripts/emulator.ts) prints every
 * input and sets up the scenario its switches ask for; `npm run local`
 * (scripts/local.ts) runs src/ with the inputs of an .env file and fails when the
 * action fails. Both run as a user runs them, as processes.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readEnvFile } from '../scripts/local.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

const running: ChildProcess[] = []
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM')
})

function tsx(args: string[]): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env }
  // Jest's own flags are not for the scripts' Node.
  delete env.NODE_OPTIONS
  return spawn(process.execPath, [TSX, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

/** Runs a script to its end. */
function finish(
  args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = tsx(args)
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

/** Starts `npm run emulator -- <args>` on a free port; resolves with the inputs it printed. */
function emulator(args: string[]): Promise<Record<string, string>> {
  const child = tsx(['scripts/emulator.ts', '--port', '0', ...args])
  running.push(child)
  let stdout = ''
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) =>
      reject(new Error(`emulator exited ${code}: ${stdout}`))
    )
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
      if (!stdout.includes('Ctrl+C')) return
      const inputs: Record<string, string> = {}
      for (const m of stdout.matchAll(/^ {2}([a-z-]+): (.*)$/gm)) {
        inputs[m[1]!] = m[2]!
      }
      resolve(inputs)
    })
  })
}

function envFile(lines: Record<string, string>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'local-env-')), '.env')
  writeFileSync(
    file,
    Object.entries(lines)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')
  )
  return file
}

const asEnv = (inputs: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
  )

describe('npm run emulator', () => {
  test('prints every input a mint needs, the account URN included', async () => {
    const inputs = await emulator([])
    expect(Object.keys(inputs).sort()).toEqual(
      [
        'account-api-url',
        'account-urn',
        'allow-custom-endpoints',
        'client-id',
        'client-secret',
        'environment-id',
        'environment-url',
        'sso-url'
      ].sort()
    )
    expect(inputs['account-urn']).toMatch(/^urn:dtaccount:[0-9a-f-]{36}$/)
    expect(inputs['environment-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  test('an unknown switch or a bad value is a usage error, exit code 2', async () => {
    const unknown = await finish(['scripts/emulator.ts', '--nope'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown switch --nope')
    const fault = await finish(['scripts/emulator.ts', '--fault', 'sso:teapot'])
    expect(fault.code).toBe(2)
    expect(fault.stderr).toContain('kind one of')
  })

  test('--help lists the switches', async () => {
    const help = await finish(['scripts/emulator.ts', '--help'])
    expect(help.code).toBe(0)
    for (const flag of [
      '--port',
      '--classic-retired',
      '--phase3',
      '--platform-token-caps',
      '--fault',
      '--latency'
    ]) {
      expect(help.stdout).toContain(flag)
    }
  })
})

describe('npm run local', () => {
  test('.env.example names only inputs action.yml has, and a working account URN', () => {
    const { inputs, unknown } = readEnvFile(
      readFileSync(join(ROOT, '.env.example'), 'utf8')
    )
    expect(unknown).toEqual([])
    expect(inputs['account-urn']).toMatch(/^urn:dtaccount:[0-9a-f-]{36}$/)
  })

  test('with the printed inputs: mints, revokes in post, exit code 0', async () => {
    const inputs = await emulator([])
    const file = envFile({
      ...asEnv(inputs),
      'INPUT_TOKEN-SCOPES': 'ReadConfig'
    })
    const run = await finish(['scripts/local.ts', file])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Created classic token dt0c01\.\w+/)
    expect(run.stdout).toMatch(/Revoked token dt0c01\.\w+/)
    // The token is shown masked, as the runner shows it.
    expect(run.stdout).toMatch(/^ {2}token +\*\*\*$/m)
    expect(run.stdout).not.toContain(inputs['client-secret'])
  })

  test('a failing action fails the command: --classic-retired', async () => {
    const inputs = await emulator(['--classic-retired'])
    const file = envFile({
      ...asEnv(inputs),
      'INPUT_TOKEN-SCOPES': 'ReadConfig'
    })
    const run = await finish(['scripts/local.ts', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('##[error]')
    expect(run.stderr).toContain('The main step failed (exit code 1).')
  })

  test('a failing action fails the command: --platform-token-caps 0/50', async () => {
    const inputs = await emulator(['--platform-token-caps', '0/50'])
    const file = envFile({
      ...asEnv(inputs),
      'INPUT_TOKEN-TYPE': 'platform',
      'INPUT_TOKEN-SCOPES': 'settings:objects:read'
    })
    const run = await finish(['scripts/local.ts', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('a platform-token cap is reached')
    expect(run.stderr).toContain('The main step failed (exit code 1).')
  })

  test('a missing .env says what to do, exit code 2', async () => {
    const run = await finish(['scripts/local.ts', '/nonexistent/.env'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Copy .env.example to .env')
  })
})
