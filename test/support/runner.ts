/**
 * Runs the committed bundle (dist/) the way the GitHub runner does: a fresh
 * Node process per step, inputs as INPUT_* variables built from action.yml,
 * file commands through fresh GITHUB_OUTPUT/STATE/ENV/PATH/STEP_SUMMARY
 * files, STATE_* handed from main to post, and the log shown with the
 * runner's masking applied.
 */
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes, randomInt } from 'node:crypto'
import {
  accessSync,
  constants as fsConstants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import type { EmulatorState, RequestLogEntry } from '../emulator/types.js'
import { readAsRunner, runnerCommands, shownLines } from './commands.js'

/** The repository root (where action.yml lives). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface StepResult {
  entry: 'main' | 'post'
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  /** Variables the step exported through GITHUB_ENV. */
  env: Record<string, string>
  summary: string
  /** Entries the step added through GITHUB_PATH. */
  path: string[]
  durationMs: number
  /** stdout as the runner's log shows it: commands interpreted (raw-log
   * `##[error]` form), add-mask lines hidden, masked values as ***. */
  log: string
  /** Values registered with ::add-mask:: (stdout and stderr). */
  masks: string[]
}

export interface RunActionOptions {
  inputs: Record<string, string>
  /** Extra environment, applied over the runner context (e.g. RUNNER_DEBUG,
   * HTTPS_PROXY). */
  env?: Record<string, string> | undefined
  /** Node binary; default process.execPath. See node24Path(). */
  node?: string | undefined
  entry?: 'main' | 'post' | undefined
  /** STATE_* values for a post step. */
  state?: Record<string, string> | undefined
  /** Kill the step after this long (exit code 124); default 60 s. */
  timeoutMs?: number | undefined
  /** Working directory and GITHUB_WORKSPACE; default a fresh empty folder. */
  cwd?: string | undefined
  /** Folder with action.yml; default the repository root. */
  actionDir?: string | undefined
  /**
   * The job's ID-token service (`permissions: id-token: write`): its two runner
   * variables, ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, are
   * set for the step. Without it the step gets neither, as in a job without that
   * permission.
   */
  idTokens?: IdTokenProvider | undefined
  /** Scripts (paths from actionDir) run instead of action.yml's runs.main and
   * runs.post, e.g. the sources for `npm run local`. */
  entryPoints?: { main: string; post?: string } | undefined
  /** Node options before the script, e.g. ['--import', 'tsx'] for TypeScript. */
  nodeArgs?: string[] | undefined
}

/** What the runner passes a step of a job that may request ID tokens. */
export interface IdTokenProvider {
  env: Record<string, string>
}

export interface RunJobOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  /** As RunActionOptions.idTokens; the variables live for every step of the job. */
  idTokens?: IdTokenProvider
  node?: string
  /** Default true: the post step always runs (post-if: always()). */
  runPost?: boolean
  timeoutMs?: number
  cwd?: string
  actionDir?: string
  entryPoints?: { main: string; post?: string }
  nodeArgs?: string[]
}

interface ActionManifest {
  defaults: Record<string, string>
  main: string
  post?: string | undefined
}

const manifests = new Map<string, ActionManifest>()

/** Inputs with their defaults and the entry points, from action.yml. */
export function loadActionManifest(actionDir = REPO_ROOT): ActionManifest {
  let manifest = manifests.get(actionDir)
  if (!manifest) {
    const doc = parseYaml(
      readFileSync(join(actionDir, 'action.yml'), 'utf8')
    ) as {
      inputs?: Record<string, { default?: unknown } | null>
      runs: { main: string; post?: string }
    }
    const defaults: Record<string, string> = {}
    for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
      const d = spec?.default
      defaults[name] = d === undefined || d === null ? '' : String(d)
    }
    manifest = { defaults, main: doc.runs.main, post: doc.runs.post }
    manifests.set(actionDir, manifest)
  }
  return manifest
}

/** The runner's name for an input variable: upper case, spaces to `_`,
 * dashes kept (`client-id` → `INPUT_CLIENT-ID`). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Where `npm run setup:node24` installs Node 24 (scripts/setup-node24.mjs). */
export const NODE24_PREFIX = join(REPO_ROOT, '.work', 'node24')

const versions = new Map<string, string | undefined>()

/** `node --version` of a binary ("v24.21.0"), undefined when it does not run. */
export function nodeVersion(bin: string): string | undefined {
  if (!versions.has(bin)) {
    let version: string | undefined
    try {
      version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()
    } catch {
      version = undefined
    }
    versions.set(bin, version)
  }
  return versions.get(bin)
}

const isNode24 = (bin: string): boolean =>
  nodeVersion(bin)?.startsWith('v24.') ?? false

/**
 * Node 24, the runtime `runs.using: node24` gets, when this machine has one: the
 * binary NODE24 names, else the one `npm run setup:node24` installed, else the
 * machine's own Node when it is 24. Undefined otherwise (then the end-to-end suites
 * run on the machine's Node only).
 */
export function node24Path(
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  if (env.NODE24) {
    if (!isNode24(env.NODE24)) {
      throw new Error(
        `NODE24=${env.NODE24} is not a Node 24 binary (${nodeVersion(env.NODE24) ?? 'it does not run'}).`
      )
    }
    return env.NODE24
  }
  const installed = join(
    NODE24_PREFIX,
    'node_modules',
    `node-${process.platform}-${process.arch}`,
    'bin',
    'node'
  )
  if (existsSync(installed)) return installed
  const machine = systemNodePath(env.PATH)
  return machine && isNode24(machine) ? machine : undefined
}

/**
 * The machine's own `node`: the first one on PATH whose folder is not inside
 * a node_modules (an npm script puts node_modules/.bin in front, which may hold
 * a `node` of some package). Undefined when there is none.
 */
export function systemNodePath(
  path: string = process.env.PATH ?? ''
): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue
    const abs = resolve(dir)
    if (abs.split(sep).includes('node_modules')) continue
    const candidate = join(abs, 'node')
    try {
      accessSync(candidate, fsConstants.X_OK)
      return candidate
    } catch {
      // not here; keep looking
    }
  }
  return undefined
}

/**
 * The Node binaries the end-to-end suites run the bundle on: Node 24 (what
 * `runs.using: node24` gets; see node24Path) and the machine's own Node, when that
 * is another one. `path` is undefined for one that is not there; `label` names it
 * with its version.
 */
export function nodeBinaries(): Array<{ label: string; path?: string }> {
  const node24 = node24Path()
  const machine = systemNodePath()
  const same =
    node24 !== undefined &&
    machine !== undefined &&
    realpathSync(node24) === realpathSync(machine)
  return [
    node24
      ? { label: `Node 24 ${nodeVersion(node24)}`, path: node24 }
      : {
          label:
            'Node 24 (not installed: npm run setup:node24, or NODE24=<path>)'
        },
    same
      ? { label: 'machine Node (the Node 24 above)' }
      : machine
        ? {
            label: `machine Node ${nodeVersion(machine) ?? 'version unknown'}`,
            path: machine
          }
        : { label: 'machine Node (none on PATH)' }
  ]
}

/** Inputs that point a mint at an emulator: every endpoint on its origin
 * (allow-custom-endpoints), environment abc12345, its first OAuth client. */
export function emulatorInputs(
  emulator: { url: string; state: EmulatorState },
  extra: Record<string, string> = {}
): Record<string, string> {
  const client = emulator.state.clients[0]!
  return {
    'environment-url': emulator.url,
    'environment-id': emulator.state.environments[0]?.id ?? 'abc12345',
    'sso-url': `${emulator.url}/sso/oauth2/token`,
    'account-api-url': emulator.url,
    'allow-custom-endpoints': 'true',
    'client-id': client.clientId,
    'client-secret': client.clientSecret,
    ...extra
  }
}

/**
 * A step with `auth: github-oidc` pointed at the emulator: no Dynatrace secret and no SSO,
 * the job's ID token for `audience` is the bearer (the emulator must trust it: see
 * repositoryTrust in test/emulator).
 */
export function oidcEmulatorInputs(
  emulator: { url: string; state: EmulatorState },
  audience: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    auth: 'github-oidc',
    'oidc-audience': audience,
    'environment-url': emulator.url,
    'environment-id': emulator.state.environments[0]?.id ?? 'abc12345',
    'allow-custom-endpoints': 'true',
    ...extra
  }
}

/** The messages of a step's `::error::` (or other) annotations, as the runner reads them. */
export function annotations(
  step: Pick<StepResult, 'stdout'>,
  kind: 'error' | 'warning' | 'notice' = 'error'
): string[] {
  return runnerCommands(step.stdout)
    .filter((c) => c.name === kind && c.outcome === 'processed')
    .map((c) => c.data)
}

/**
 * Every credential an emulator has issued or knows: client secrets, SSO
 * bearers and the full values of classic and platform tokens (deleted ones
 * included) — the `secrets` to give scanForLeaks after a run.
 */
export function emulatorSecrets(state: EmulatorState): string[] {
  return [
    ...state.clients.map((c) => c.clientSecret),
    ...state.bearers.keys(),
    ...state.apiTokens.map((t) => t.token),
    ...state.platformTokens.map((t) => t.token),
    ...state.identityProviders.flatMap((p) => [p.requestToken, ...p.issued])
  ]
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file: `name=value`
 * lines and `name<<DELIMITER` heredocs. Later entries win. Throws on the
 * forms the runner rejects (no separator, missing closing delimiter).
 */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const eq = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      out[line.slice(0, eq)] = line.slice(eq + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`Invalid format '${line}'`)
    const name = line.slice(0, heredoc)
    const delim = line.slice(heredoc + 2)
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!)
    if (i >= lines.length) {
      throw new Error(`Matching delimiter not found '${delim}'`)
    }
    out[name] = value.join('\n')
  }
  return out
}

function maskAll(line: string, masks: string[]): string {
  let out = line
  // Longest first, so a secret is not half-masked by a shorter one.
  for (const m of [...masks].sort((a, b) => b.length - a.length)) {
    if (m) out = out.split(m).join('***')
  }
  return out
}

/** The value of an add-mask command and its lines (the runner masks each line of a multi-line value). */
const maskValues = (value: string): string[] =>
  value.trim() === ''
    ? []
    : [value, ...value.split(/\r?\n/).filter((l) => l.trim())]

/** Values the runner masks from `text`: those of the add-mask commands it processed. */
function masksIn(text: string): string[] {
  return [
    ...new Set(
      runnerCommands(text)
        .filter((c) => c.name === 'add-mask' && c.outcome === 'processed')
        .flatMap((c) => maskValues(c.data))
    )
  ]
}

/**
 * Renders stdout as the runner's raw log does, reading commands as the runner
 * does (test/support/commands.ts). A mask applies from the line that
 * registers it onwards — earlier lines stay as printed, which is why a secret
 * must be masked before anything prints it — and a command the runner ignored
 * (commands stopped) is shown as printed.
 */
export function renderLog(
  stdout: string,
  debug: boolean,
  extraMasks: string[] = []
): string {
  const masks = [...extraMasks]
  const out: string[] = []
  for (const { text, command: c } of readAsRunner(stdout)) {
    if (!c || c.outcome === 'ignored') {
      out.push(maskAll(text, masks))
      continue
    }
    switch (c.name) {
      case 'add-mask':
        masks.push(...maskValues(c.data))
        break
      case 'stop-commands':
        break
      case 'debug':
        if (debug) out.push(maskAll(`##[debug]${c.data}`, masks))
        break
      case 'error':
      case 'warning':
      case 'notice':
      case 'group':
        out.push(maskAll(`##[${c.name}]${c.data}`, masks))
        break
      case 'endgroup':
        out.push('##[endgroup]')
        break
      default:
        if (c.outcome !== 'resume') out.push(maskAll(text, masks))
    }
  }
  return out.join('\n')
}

/** What stays the same across the steps of one job. */
interface JobContext {
  /** Temporary folder holding everything below (the runner's _work). */
  root: string
  runId: string
  workspace: string
  runnerTemp: string
  eventPath: string
}

function newJobContext(cwd?: string): JobContext {
  const root = mkdtempSync(join(tmpdir(), 'gha-job-'))
  const workspace = cwd ?? join(root, 'workspace')
  const runnerTemp = join(root, 'runner-temp')
  mkdirSync(workspace, { recursive: true })
  mkdirSync(runnerTemp, { recursive: true })
  const eventPath = join(root, 'event.json')
  writeFileSync(eventPath, '{}\n')
  return {
    root,
    runId: String(randomInt(1_000_000_000, 9_999_999_999)),
    workspace,
    runnerTemp,
    eventPath
  }
}

/** The runner wipes its temp folders after the job; so do we. A `cwd` the
 * caller gave lies outside `root` and is left alone. */
function removeJobContext(job: JobContext): void {
  rmSync(job.root, { recursive: true, force: true })
}

/** Variables the runner would not pass to a step, or that the test process
 * set for itself (jest's NODE_OPTIONS, NODE_ENV=test, a CI's GITHUB_*). */
function isInherited(name: string): boolean {
  return !(
    /^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/i.test(name) ||
    /^(https?_proxy|no_proxy|all_proxy|node_use_env_proxy)$/i.test(name) ||
    /^(NODE_OPTIONS|NODE_NO_WARNINGS|NODE_ENV|JEST_WORKER_ID)$/.test(name)
  )
}

function stepEnvironment(
  job: JobContext,
  files: Record<'output' | 'state' | 'env' | 'summary' | 'path', string>,
  opts: RunActionOptions
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (isInherited(k)) env[k] = v
  }
  Object.assign(env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/deploy-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ID: job.runId,
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'deploy',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_ACTION: 'dt',
    GITHUB_ACTION_REPOSITORY: 'octo-org/configure-dynatrace-credentials',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: job.eventPath,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: randomBytes(20).toString('hex'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_WORKSPACE: job.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_PATH: files.path,
    RUNNER_TEMP: job.runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted'
  })
  Object.assign(env, opts.idTokens?.env, opts.env)
  const { defaults } = loadActionManifest(opts.actionDir)
  for (const [name, value] of Object.entries({ ...defaults, ...opts.inputs })) {
    env[inputVariable(name)] = value
  }
  for (const [name, value] of Object.entries(opts.state ?? {})) {
    env[`STATE_${name}`] = value
  }
  return env
}

async function runStep(
  opts: RunActionOptions,
  job: JobContext
): Promise<StepResult> {
  const entry = opts.entry ?? 'main'
  const actionDir = opts.actionDir ?? REPO_ROOT
  const { main, post } = opts.entryPoints ?? loadActionManifest(actionDir)
  const script = entry === 'main' ? main : post
  if (!script) throw new Error('action.yml declares no post step')

  const dir = mkdtempSync(join(job.runnerTemp, `_runner_file_commands-`))
  const files = {
    output: join(dir, 'set_output'),
    state: join(dir, 'save_state'),
    env: join(dir, 'set_env'),
    summary: join(dir, 'step_summary'),
    path: join(dir, 'add_path')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')

  const env = stepEnvironment(job, files, opts)
  const started = Date.now()
  const timeoutMs = opts.timeoutMs ?? 60_000
  const child = spawn(
    opts.node ?? process.execPath,
    [...(opts.nodeArgs ?? []), join(actionDir, script)],
    {
      cwd: job.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, timeoutMs)
  let exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code ?? 1))
  }).finally(() => clearTimeout(timer))
  const durationMs = Date.now() - started
  if (timedOut) {
    exitCode = 124
    stderr += `\n[runner] step timed out after ${timeoutMs} ms\n`
  }

  // The runner fails a step whose file commands it cannot parse.
  const read = (kind: string, file: string): Record<string, string> => {
    try {
      return parseFileCommands(readFileSync(file, 'utf8'))
    } catch (e) {
      stderr += `\n[runner] Unable to process file command '${kind}' successfully: ${
        e instanceof Error ? e.message : String(e)
      }\n`
      if (exitCode === 0) exitCode = 1
      return {}
    }
  }
  const outputs = read('output', files.output)
  const state = read('save_state', files.state)
  const exported = read('env', files.env)

  const debug = env.RUNNER_DEBUG === '1'
  return {
    entry,
    exitCode,
    stdout,
    stderr,
    outputs,
    state,
    env: exported,
    summary: readFileSync(files.summary, 'utf8'),
    path: readFileSync(files.path, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== ''),
    durationMs,
    log: renderLog(stdout, debug),
    masks: [...new Set([...masksIn(stdout), ...masksIn(stderr)])]
  }
}

/** Runs one step (main by default) of the committed bundle. */
export async function runAction(opts: RunActionOptions): Promise<StepResult> {
  const job = newJobContext(opts.cwd)
  try {
    return await runStep(opts, job)
  } finally {
    removeJobContext(job)
  }
}

/**
 * Runs main, then post (post-if: always(), whatever main's outcome) with
 * main's saved state as STATE_* and main's GITHUB_ENV/GITHUB_PATH applied,
 * as they are to every later step of the job.
 */
export async function runJob(
  opts: RunJobOptions
): Promise<{ main: StepResult; post?: StepResult }> {
  const job = newJobContext(opts.cwd)
  try {
    return await runSteps(opts, job)
  } finally {
    removeJobContext(job)
  }
}

async function runSteps(
  opts: RunJobOptions,
  job: JobContext
): Promise<{ main: StepResult; post?: StepResult }> {
  const common = {
    inputs: opts.inputs,
    node: opts.node,
    timeoutMs: opts.timeoutMs,
    actionDir: opts.actionDir,
    entryPoints: opts.entryPoints,
    nodeArgs: opts.nodeArgs,
    ...(opts.idTokens ? { idTokens: opts.idTokens } : {})
  }
  const main = await runStep({ ...common, env: opts.env, entry: 'main' }, job)
  const hasPost = (opts.entryPoints ?? loadActionManifest(opts.actionDir)).post
  if (opts.runPost === false || !hasPost) return { main }

  const postEnv: Record<string, string> = { ...opts.env, ...main.env }
  if (main.path.length > 0) {
    const base = postEnv.PATH ?? process.env.PATH ?? ''
    postEnv.PATH = [...[...main.path].reverse(), base].join(delimiter)
  }
  const post = await runStep(
    { ...common, env: postEnv, entry: 'post', state: main.state },
    job
  )
  return { main, post }
}

export interface LeakScanOptions {
  /** Outputs allowed to carry a secret; default ['token', 'access-token']. */
  allowedOutputs?: string[]
  /** GITHUB_ENV names allowed to carry a secret (e.g. the export-variable). */
  allowedEnv?: string[]
  /** Emulator requests whose path and query must not carry a secret. */
  requests?: RequestLogEntry[]
}

/** The strings that betray a secret: itself and, for dotted tokens, the
 * secret part (last segment) when it is long enough to be unambiguous. */
function needlesFor(secret: string): string[] {
  const needles = [secret]
  const last = secret.split('.').pop() ?? ''
  if (secret.includes('.') && last.length >= 16) needles.push(last)
  return needles
}

/**
 * Looks for secrets where they must never appear. Returns human-readable
 * findings that name the secret by its position in `secrets` and where it
 * was found — never the secret itself. An empty list means clean.
 */
export function scanForLeaks(
  result: StepResult | StepResult[],
  secrets: string[],
  opts: LeakScanOptions = {}
): string[] {
  const results = Array.isArray(result) ? result : [result]
  const allowedOutputs = opts.allowedOutputs ?? ['token', 'access-token']
  const allowedEnv = opts.allowedEnv ?? []
  const findings: string[] = []

  secrets.forEach((secret, index) => {
    if (!secret) return
    const needles = needlesFor(secret)
    const label = `secret #${index + 1} (${secret.length} chars)`
    const hit = (text: string): boolean => needles.some((n) => text.includes(n))

    for (const r of results) {
      const step = `${r.entry} step`
      // Every line the runner shows as printed: all but the add-mask commands it
      // processed (an ignored one, after a stop-commands, shows its secret).
      for (const [stream, text] of [
        ['stdout', r.stdout],
        ['stderr', r.stderr]
      ] as const) {
        for (const { line, text: shown } of shownLines(text)) {
          if (hit(shown))
            findings.push(`${label} in ${step} ${stream} line ${line}`)
        }
      }
      for (const [k, v] of Object.entries(r.state)) {
        if (hit(v)) findings.push(`${label} in ${step} state "${k}"`)
      }
      if (hit(r.summary)) findings.push(`${label} in ${step} job summary`)
      for (const [k, v] of Object.entries(r.outputs)) {
        if (!allowedOutputs.includes(k) && hit(v)) {
          findings.push(`${label} in ${step} output "${k}"`)
        }
      }
      for (const [k, v] of Object.entries(r.env)) {
        if (!allowedEnv.includes(k) && hit(v)) {
          findings.push(`${label} in ${step} exported variable "${k}"`)
        }
      }
      if (r.path.some(hit)) findings.push(`${label} in ${step} GITHUB_PATH`)
    }

    const encoded = needles.map(encodeURIComponent)
    ;(opts.requests ?? []).forEach((req, n) => {
      if ([...needles, ...encoded].some((x) => req.path.includes(x))) {
        findings.push(
          `${label} in the URL of request #${n + 1} (${req.method})`
        )
      }
    })
  })
  return findings
}
