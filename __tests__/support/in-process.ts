/**
 * Drive the action's source in this process exactly as the runner drives the bundle:
 * inputs as INPUT_* (action.yml defaults plus the given ones), state as STATE_*, the
 * file-command files in a temp dir, the real @actions/core, stdout captured. nock (or
 * the emulator) answers the HTTP. Used by the unit tests; the e2e suite runs dist/.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { shownLines } from '../../test/support/commands.js'

export interface StepRun {
  exitCode: number
  stdout: string
  outputs: Record<string, string>
  state: Record<string, string>
  env: Record<string, string>
  summary: string
  /** Values passed to ::add-mask::, in order. */
  masks: string[]
}

interface ActionYml {
  inputs: Record<string, { default?: string }>
}

const actionYml = parse(
  readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
) as ActionYml

// @actions/core caches the summary file path on first use, so one file serves every run
// in this process; it is emptied before each run.
const dir = mkdtempSync(join(tmpdir(), 'cdc-test-'))
const summaryFile = join(dir, 'summary.md')

/** Parse a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file (name=value and heredoc forms). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++)
        value.push(lines[i]!)
      out[name!] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

let counter = 0

/** Run main (default) or post in-process. */
export async function runStep(options: {
  inputs?: Record<string, string>
  state?: Record<string, string>
  env?: Record<string, string>
  entry?: 'main' | 'post'
}): Promise<StepRun> {
  const saved = { ...process.env }
  const run = ++counter
  const files = {
    GITHUB_OUTPUT: join(dir, `output-${run}`),
    GITHUB_STATE: join(dir, `state-${run}`),
    GITHUB_ENV: join(dir, `env-${run}`),
    GITHUB_PATH: join(dir, `path-${run}`),
    GITHUB_STEP_SUMMARY: summaryFile
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  for (const key of Object.keys(process.env)) {
    if (
      /^(INPUT_|STATE_|GITHUB_|RUNNER_)/.test(key) ||
      /^(https?|no)_proxy$/i.test(key)
    )
      delete process.env[key]
  }
  // nock answers requests inside this process, but a pre-connection (Http.preconnect)
  // is a real socket: send it to a closed loopback port (the discard port, through a
  // proxy that is not there) so unit tests never reach the network.
  process.env.HTTPS_PROXY = 'http://127.0.0.1:9'
  Object.assign(process.env, files, {
    GITHUB_REPOSITORY: 'octo-org/deploy-repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'deploy',
    GITHUB_WORKSPACE: process.cwd()
  })
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    process.env[`INPUT_${name.toUpperCase()}`] =
      options.inputs?.[name] ?? spec.default ?? ''
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in actionYml.inputs)) throw new Error(`unknown input ${name}`)
    process.env[`INPUT_${name.toUpperCase()}`] = value
  }
  for (const [name, value] of Object.entries(options.state ?? {}))
    process.env[`STATE_${name}`] = value
  Object.assign(process.env, options.env ?? {})

  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    stdout +=
      typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stdout.write
  process.exitCode = undefined
  try {
    if (options.entry === 'post') {
      const { post } = await import('../../src/post.js')
      await post()
    } else {
      const { run } = await import('../../src/main.js')
      await run()
    }
  } finally {
    process.stdout.write = write
  }
  const exitCode = Number(process.exitCode ?? 0)
  process.exitCode = undefined
  const result: StepRun = {
    exitCode,
    stdout,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
    env: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    masks: [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1]!)
  }
  writeFileSync(summaryFile, '')
  for (const key of Object.keys(process.env))
    if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
  return result
}

/**
 * Every place a secret must never appear: the log (outside ::add-mask:: lines), state,
 * summary, outputs other than token/access-token, env other than the exported name.
 * Also checks each secret's last dotted segment (the secret part of a Dynatrace token).
 * Returns findings that never contain the secret itself.
 */
export function findLeaks(
  runs: StepRun | StepRun[],
  secrets: string[],
  options: {
    allowedOutputs?: string[]
    allowedEnv?: string[]
    urls?: string[]
  } = {}
): string[] {
  const allowedOutputs = options.allowedOutputs ?? ['token', 'access-token']
  const needles = secrets.flatMap((s) => {
    const last = s.split('.').pop()!
    return last !== s && last.length >= 16 ? [s, last] : [s]
  })
  const findings: string[] = []
  const check = (where: string, text: string): void => {
    needles.forEach((needle, i) => {
      if (needle && text.includes(needle))
        findings.push(`secret #${i} in ${where}`)
    })
  }
  for (const [n, run] of (Array.isArray(runs) ? runs : [runs]).entries()) {
    // What the runner shows as printed: all but the add-mask commands it processed
    // (after a stop-commands it ignores them and shows the secret).
    const log = shownLines(run.stdout)
      .map((l) => l.text)
      .join('\n')
    check(`run ${n} log`, log)
    check(`run ${n} summary`, run.summary)
    for (const [k, v] of Object.entries(run.state))
      check(`run ${n} state ${k}`, v)
    for (const [k, v] of Object.entries(run.outputs))
      if (!allowedOutputs.includes(k)) check(`run ${n} output ${k}`, v)
    for (const [k, v] of Object.entries(run.env))
      if (!(options.allowedEnv ?? []).includes(k)) check(`run ${n} env ${k}`, v)
  }
  for (const url of options.urls ?? []) check(`request URL`, url)
  return findings
}
