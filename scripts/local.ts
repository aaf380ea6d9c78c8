/**
 * npm run local [-- <env file>] — runs the action's TypeScript sources as the GitHub
 * runner runs the bundle: main (src/index.ts), then post (src/post-index.ts) with
 * main's saved state, each a fresh Node process with the inputs as INPUT_* variables
 * and the runner's file commands (test/support/runner.ts). The inputs come from .env
 * (see .env.example). Prints each step's log as the runner shows it (masked values as
 * ***), the outputs, and where the job summary is; exits with the failing step's code,
 * so a failed run fails the command.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseEnv } from 'node:util'
import {
  REPO_ROOT,
  loadActionManifest,
  runJob,
  type StepResult
} from '../test/support/runner.js'

/** The runner owns these files; a value from .env would point them elsewhere. */
const FILE_COMMANDS = new Set([
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STEP_SUMMARY'
])
const SUMMARY_FILE = join(REPO_ROOT, '.work', 'local-summary.md')

/** Splits a .env file into the step's inputs (INPUT_*) and the rest of its environment. */
export function readEnvFile(text: string): {
  inputs: Record<string, string>
  env: Record<string, string>
  unknown: string[]
} {
  const known = loadActionManifest().defaults
  const inputs: Record<string, string> = {}
  const env: Record<string, string> = {}
  const unknown: string[] = []
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (value === undefined) continue
    if (/^INPUT_/i.test(key)) {
      // The runner's name: INPUT_ and the input name in upper case, dashes kept.
      const name = key.slice('INPUT_'.length).toLowerCase().replace(/_/g, ' ')
      if (!(name in known)) unknown.push(key)
      // Empty is "not given", as an input left out of `with:`: its default applies.
      else if (value !== '') inputs[name] = value
    } else if (!FILE_COMMANDS.has(key)) {
      env[key] = value
    }
  }
  // The runner turns the ACTIONS_STEP_DEBUG secret into RUNNER_DEBUG=1 for each step.
  if (env.ACTIONS_STEP_DEBUG === 'true') env.RUNNER_DEBUG = '1'
  return { inputs, env, unknown }
}

function masked(step: StepResult, value: string): string {
  let shown = value
  for (const mask of [...step.masks].sort((a, b) => b.length - a.length)) {
    if (mask) shown = shown.split(mask).join('***')
  }
  return shown
}

function show(step: StepResult): void {
  console.log(`\n━━ ${step.entry} (exit code ${step.exitCode})`)
  if (step.log.trim()) console.log(step.log.trimEnd())
  if (step.stderr.trim()) console.error(step.stderr.trimEnd())
  const outputs = Object.entries(step.outputs)
  if (outputs.length > 0) {
    console.log('\nOutputs:')
    for (const [name, value] of outputs) {
      console.log(`  ${name.padEnd(24)} ${masked(step, value)}`)
    }
  }
}

async function main(): Promise<number> {
  const file = process.argv[2] ?? '.env'
  if (!existsSync(file)) {
    console.error(
      `${file} not found. Copy .env.example to .env (it points at the emulator: start it with npm run emulator), or name another file: npm run local -- <file>.`
    )
    return 2
  }
  const { inputs, env, unknown } = readEnvFile(readFileSync(file, 'utf8'))
  if (unknown.length > 0) {
    console.error(
      `Ignored ${unknown.join(', ')} from ${file}: action.yml has no such input.`
    )
  }
  const { main: mainStep, post } = await runJob({
    inputs,
    env,
    cwd: process.cwd(),
    node: process.execPath,
    nodeArgs: ['--import', import.meta.resolve('tsx')],
    entryPoints: { main: 'src/index.ts', post: 'src/post-index.ts' },
    // The action keeps to its own timeout-seconds; this only ends a hung process.
    timeoutMs: 15 * 60_000
  })
  const steps = post ? [mainStep, post] : [mainStep]
  for (const step of steps) show(step)
  mkdirSync(join(REPO_ROOT, '.work'), { recursive: true })
  writeFileSync(SUMMARY_FILE, steps.map((s) => s.summary).join('\n'))
  console.log(`\nJob summary: ${SUMMARY_FILE}`)
  const failed = steps.find((s) => s.exitCode !== 0)
  if (failed) {
    console.error(
      `The ${failed.entry} step failed (exit code ${failed.exitCode}).`
    )
    return failed.exitCode
  }
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main()
}
