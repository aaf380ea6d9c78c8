/**
 * The chaos soak (scripts/soak.ts) in its short form, as CI runs it: 30 jobs
 * of the committed bundle against the emulator with random faults (a fixed
 * seed, so a failure replays). The soak itself checks every invariant per run
 * and exits 1 on any violation; this test reads its totals.
 */
import { expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TSX = fileURLToPath(
  new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url)
)

function soak(
  runs: number
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SOAK_RUNS: String(runs) }
    // Jest's own flags are not for the soak's Node.
    delete env.NODE_OPTIONS
    const child = spawn(process.execPath, [TSX, 'scripts/soak.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

test('30 chaotic jobs keep every invariant', async () => {
  const { code, stdout, stderr } = await soak(30)
  const totals = Object.fromEntries(
    stdout
      .split('\n')
      .map((l) => /^([a-z ]+): (.*)$/i.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!])
  )
  const pick = (...names: string[]): Record<string, string | undefined> =>
    Object.fromEntries(names.map((n) => [n, totals[n]]))
  // One comparison, so a failure shows everything at once — including stderr,
  // where the soak describes each violating run and how to replay it.
  expect({
    code,
    ...pick(
      'runs',
      'leaks',
      'orphaned tokens',
      'removed bindings',
      'forbidden IAM calls',
      'injected commands',
      'crashes'
    ),
    stderr: stderr.trim()
  }).toEqual({
    code: 0,
    runs: '30',
    leaks: '0',
    'orphaned tokens': '0',
    'removed bindings': '0',
    'forbidden IAM calls': '0',
    'injected commands': '0',
    crashes: '0',
    stderr: ''
  })
})
