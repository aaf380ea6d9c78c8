/**
 * npm run bench — figures for the committed bundle, one per line.
 *
 *   dist size            bytes of every file in dist/ and the total; bytes and files
 *                        of dist/ a classic mint and its post step really load
 *                        (module hook)
 *   step overhead        median wall time of main (classic mint, no added latency, 20
 *                        runs) ÷ median wall time of `node -e 0`, same spawn method,
 *                        same run — on Node 24 (the runner's) and the machine's Node
 *   network efficiency   main's median at 50 ms added latency per request ÷
 *                        (requests on the critical path × 50 ms + bare Node start)
 *   request counts       classic mint, platform mint, post revocation, an IAM ensure
 *                        that adds bindings, a converged IAM rerun
 *   auth: github-oidc    requests of a classic mint and its post (ID token + Dynatrace),
 *                        and main's median time against client credentials in the same
 *                        interleaved runs, without and with added latency
 *   IAM at scale         requests and wall time to ensure 200 bindings
 *                        (10 environments × 4 policies × 5 groups)
 *   real network         over TLS, with added round-trip time and a proxy: see
 *                        scripts/bench-network.ts
 *
 * BENCH_COMPARE=<folder with action.yml and dist/> (e.g. today's main, built in a git
 * worktree) measures that action too, in the same run, for the figures that compare:
 * loaded bytes, step overhead and the real-network figures. BENCH_RUNS / BENCH_NET_RUNS
 * set the repetitions (20 / 5).
 *
 * Figures, not pass/fail: targets are in the README's Performance section.
 */
import { spawn } from 'node:child_process'
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  BUILTIN_POLICIES,
  DEFAULT_ACCOUNT_UUID,
  startEmulator,
  repositoryTrust,
  startGitHubOidc,
  type GitHubOidcService,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  REPO_ROOT,
  emulatorInputs as sharedInputs,
  node24Path,
  oidcEmulatorInputs,
  runAction,
  systemNodePath
} from '../test/support/runner.js'
import { benchNetwork, type ActionUnderTest } from './bench-network.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const LATENCY_MS = 50
const ACTIONS: ActionUnderTest[] = [
  { label: 'this checkout', dir: REPO_ROOT },
  ...(process.env.BENCH_COMPARE
    ? [{ label: 'compared', dir: resolve(process.env.BENCH_COMPARE) }]
    : [])
]

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const line = (name: string, value: string | number): void =>
  console.log(`${name.padEnd(58)} ${value}`)

/** Wall time of one child process, spawned the way the harness spawns the action. */
function timeSpawn(node: string, args: string[]): Promise<number> {
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { stdio: 'ignore' })
    child.on('error', reject)
    child.on('close', () =>
      resolve(Number(process.hrtime.bigint() - started) / 1e6)
    )
  })
}

/** The emulator's demo client, a classic ReadConfig/WriteConfig token by default. */
const emulatorInputs = (
  em: RunningEmulator,
  extra: Record<string, string> = {}
): Record<string, string> =>
  sharedInputs(em, {
    'account-urn': `urn:dtaccount:${DEFAULT_ACCOUNT_UUID}`,
    'token-scopes': 'ReadConfig, WriteConfig',
    ...extra
  })

/**
 * Main's wall times over RUNS runs of a classic mint, per action, the actions' runs
 * interleaved so that the load of a shared machine weighs on each alike (tokens are
 * left to expire).
 */
async function mainTimes(
  node: string,
  latencyMs: number
): Promise<Map<ActionUnderTest, number[]>> {
  const em = await startEmulator({ latencyMs })
  try {
    const times = new Map<ActionUnderTest, number[]>()
    // One warm-up run each so the OS file cache is equal for every measured run.
    for (const action of ACTIONS)
      await runAction({
        node,
        actionDir: action.dir,
        inputs: emulatorInputs(em)
      })
    for (let i = 0; i < RUNS; i++) {
      for (const action of ACTIONS) {
        const result = await runAction({
          node,
          actionDir: action.dir,
          inputs: emulatorInputs(em)
        })
        if (result.exitCode !== 0)
          throw new Error(`main failed:\n${result.stdout}${result.stderr}`)
        times.set(action, [...(times.get(action) ?? []), result.durationMs])
      }
    }
    return times
  } finally {
    await em.close()
  }
}

async function bareTimes(node: string): Promise<number[]> {
  await timeSpawn(node, ['-e', '0'])
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await timeSpawn(node, ['-e', '0']))
  return times
}

/** Requests a job makes, main and post separately. */
async function countRequests(
  extra: Record<string, string>
): Promise<{ main: number; post: number }> {
  const em = await startEmulator()
  try {
    const main = await runAction({ inputs: emulatorInputs(em, extra) })
    if (main.exitCode !== 0) throw new Error(`main failed:\n${main.stdout}`)
    const mainCount = em.requests.length
    const post = await runAction({
      entry: 'post',
      state: main.state,
      inputs: emulatorInputs(em, extra)
    })
    if (post.exitCode !== 0) throw new Error(`post failed:\n${post.stdout}`)
    return { main: mainCount, post: em.requests.length - mainCount }
  } finally {
    await em.close()
  }
}

function seedScale(em: RunningEmulator): void {
  for (let g = 1; g <= 5; g++) {
    em.state.groups.push({
      uuid: `00000000-0000-4000-8000-00000000000${g}`,
      name: `deployers-${g}`,
      description: '',
      federatedAttributeValues: [],
      owner: 'LOCAL',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString()
    })
  }
}

const SCALE_ENVS = Array.from(
  { length: 10 },
  (_, i) => `env${String(i).padStart(5, '0')}`
)
const SCALE_BINDINGS = SCALE_ENVS.flatMap((env) =>
  Object.values(BUILTIN_POLICIES).map(
    (p) =>
      `- { policy: "${p.name}", groups: [deployers-1, deployers-2, deployers-3, deployers-4, deployers-5], level: "environment:${env}" }`
  )
).join('\n')

// --- dist size -------------------------------------------------------------------
const files: string[] = []
const walk = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else files.push(path)
  }
}
walk('dist')
let total = 0
for (const file of files.sort()) {
  const size = statSync(file).size
  total += size
  line(`dist size: ${relative('.', file)} (bytes)`, size)
}
line('dist size: total (bytes)', total)
// What each step really loads: every dist/ file a classic mint and its post step import,
// traced by a module hook (scripts/trace-loaded.mjs), so code behind a dynamic import
// counts when, and only when, the step runs it.
for (const action of ACTIONS) {
  const em = await startEmulator()
  try {
    const traced = async (
      entry: 'main' | 'post',
      state?: Record<string, string>
    ): Promise<{
      bytes: number
      files: number
      state: Record<string, string>
    }> => {
      const file = join(mkdtempSync(join(tmpdir(), 'bench-trace-')), 'loaded')
      writeFileSync(file, '')
      const result = await runAction({
        actionDir: action.dir,
        entry,
        inputs: emulatorInputs(em),
        env: {
          NODE_OPTIONS: `--import ${pathToFileURL(resolve('scripts/trace-loaded.mjs')).href}`,
          BENCH_TRACE_FILE: file
        },
        ...(state ? { state } : {})
      })
      if (result.exitCode !== 0)
        throw new Error(`${entry} failed:\n${result.stdout}${result.stderr}`)
      const dist = pathToFileURL(join(action.dir, 'dist')).href + '/'
      const urls = new Set(
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((url) => url.startsWith(dist))
      )
      rmSync(dirname(file), { recursive: true, force: true })
      const bytes = [...urls].reduce(
        (n, url) => n + statSync(fileURLToPath(url)).size,
        0
      )
      return { bytes, files: urls.size, state: result.state }
    }
    const main = await traced('main')
    line(
      `dist size: loaded by main, classic mint (bytes) [${action.label}]`,
      main.bytes
    )
    line(
      `dist files: loaded by main, classic mint [${action.label}]`,
      main.files
    )
    const post = await traced('post', main.state)
    line(
      `dist size: loaded by post, revocation (bytes) [${action.label}]`,
      post.bytes
    )
    line(`dist files: loaded by post, revocation [${action.label}]`, post.files)
  } finally {
    await em.close()
  }
}

// --- overhead and network efficiency ------------------------------------------------
const nodes: Array<[string, string | undefined]> = [
  ['Node 24', node24Path()],
  ['machine Node', systemNodePath()]
]
for (const [label, node] of nodes) {
  if (!node) {
    line(`step overhead (${label})`, 'skipped: binary not found')
    continue
  }
  const bare = median(await bareTimes(node))
  line(`bare node -e 0, median ms (${label})`, bare.toFixed(1))
  const zero = await mainTimes(node, 0)
  const slow = await mainTimes(node, LATENCY_MS)
  for (const action of ACTIONS) {
    const tag = `${label}, ${action.label}`
    const z = median(zero.get(action)!)
    const l = median(slow.get(action)!)
    const criticalPath = 3 // SSO bearer, create, verify scopes
    line(`main, classic mint, no latency, median ms (${tag})`, z.toFixed(1))
    line(`step overhead: main ÷ bare node (${tag})`, (z / bare).toFixed(2))
    line(`main at ${LATENCY_MS} ms latency, median ms (${tag})`, l.toFixed(1))
    line(
      `network efficiency (${tag}, ideal 1.0)`,
      (l / (criticalPath * LATENCY_MS + bare)).toFixed(2)
    )
  }
}

// --- request counts ---------------------------------------------------------------
const classic = await countRequests({})
line('requests: classic mint (main)', classic.main)
line('requests: post revocation', classic.post)
const platform = await countRequests({
  'token-type': 'platform',
  'token-scopes': 'settings:objects:read'
})
line('requests: platform mint (main)', platform.main)
const iamBindings =
  '- { policy: Settings Reader, groups: [Monitoring viewers], level: account }\n- { policy: Settings Writer, groups: [Monitoring viewers] }'
const iamEm = await startEmulator()
try {
  const inputs = emulatorInputs(iamEm, {
    'token-type': 'none',
    bindings: iamBindings
  })
  const ensured = await runAction({ inputs })
  if (ensured.exitCode !== 0)
    throw new Error(`IAM ensure failed:\n${ensured.stdout}`)
  const first = iamEm.requests.length
  const firstWrites = iamEm.requests.filter(
    (r) => r.method === 'POST' && r.path.includes('/bindings/')
  ).length
  line('requests: IAM ensure adding 2 bindings (token-type none)', first)
  line('writes: IAM ensure adding 2 bindings', firstWrites)
  await runAction({ inputs })
  const rerun = iamEm.requests.slice(first)
  line('requests: converged IAM rerun', rerun.length)
  line(
    'writes: converged IAM rerun',
    rerun.filter((r) => r.method !== 'GET' && !r.path.startsWith('/sso')).length
  )
} finally {
  await iamEm.close()
}

// --- auth: github-oidc (this checkout) --------------------------------------------------
// No Dynatrace secret: the runner's ID token is the bearer for the environment's token API.
const OIDC_AUDIENCE = 'https://abc12345.apps.dynatrace.com'
async function withOidc<T>(
  latencyMs: number,
  fn: (
    em: RunningEmulator,
    github: GitHubOidcService,
    inputs: { oidc: Record<string, string>; client: Record<string, string> }
  ) => Promise<T>
): Promise<T> {
  const em = await startEmulator({ latencyMs })
  const github = await startGitHubOidc()
  try {
    em.trust(repositoryTrust(OIDC_AUDIENCE, github.job.repository), github)
    const client = emulatorInputs(em)
    // The same token as the client-credentials runs, so both do the same work.
    const oidc = oidcEmulatorInputs(em, OIDC_AUDIENCE, {
      'token-scopes': client['token-scopes'] ?? ''
    })
    return await fn(em, github, { oidc, client })
  } finally {
    await github.close()
    await em.close()
  }
}
await withOidc(0, async (em, github, inputs) => {
  const main = await runAction({ inputs: inputs.oidc, idTokens: github })
  if (main.exitCode !== 0) throw new Error(`OIDC main failed:\n${main.stdout}`)
  const mainDt = em.requests.length
  const mainId = github.requests.length
  line(
    'requests: OIDC classic mint (main), all on the critical path',
    `${mainId} ID token + ${mainDt} Dynatrace (create, verify)`
  )
  const post = await runAction({
    entry: 'post',
    state: main.state,
    inputs: inputs.oidc,
    idTokens: github
  })
  if (post.exitCode !== 0) throw new Error(`OIDC post failed:\n${post.stdout}`)
  line(
    'requests: OIDC post revocation',
    `${github.requests.length - mainId} ID token + ${em.requests.length - mainDt} Dynatrace (delete)`
  )
})
// Step time, the two auth modes' runs interleaved on the same emulator and machine load.
for (const [label, node] of nodes) {
  if (!node) continue
  for (const latency of [0, LATENCY_MS])
    await withOidc(latency, async (_em, github, inputs) => {
      const times = { oidc: [] as number[], client: [] as number[] }
      for (let i = 0; i <= RUNS; i++)
        for (const auth of ['oidc', 'client'] as const) {
          const result = await runAction({
            node,
            inputs: inputs[auth],
            ...(auth === 'oidc' ? { idTokens: github } : {})
          })
          if (result.exitCode !== 0)
            throw new Error(`${auth} main failed:\n${result.stdout}`)
          if (i > 0) times[auth].push(result.durationMs) // run 0 warms the file cache
        }
      const at = latency ? `${latency} ms latency per request` : 'no latency'
      line(
        `main, OIDC classic mint, ${at}, median ms (${label})`,
        median(times.oidc).toFixed(1)
      )
      line(
        `main, client-credentials classic mint, ${at}, same runs, median ms (${label})`,
        median(times.client).toFixed(1)
      )
    })
}

// --- IAM at scale -----------------------------------------------------------------
const scale = await startEmulator({ environments: ['abc12345', ...SCALE_ENVS] })
try {
  seedScale(scale)
  const inputs = emulatorInputs(scale, {
    'token-type': 'none',
    bindings: SCALE_BINDINGS
  })
  const first = await runAction({ inputs })
  if (first.exitCode !== 0)
    throw new Error(`IAM at scale failed:\n${first.stdout}`)
  const n1 = scale.requests.length
  line('IAM at scale: requests, 200 bindings from scratch', n1)
  line(
    'IAM at scale: writes, from scratch',
    scale.requests.filter(
      (r) => r.method === 'POST' && r.path.includes('/bindings/')
    ).length
  )
  line('IAM at scale: wall time from scratch (ms)', first.durationMs)
  const again = await runAction({ inputs })
  const rerun = scale.requests.slice(n1)
  line('IAM at scale: requests, converged rerun', rerun.length)
  line(
    'IAM at scale: writes, converged rerun',
    rerun.filter((r) => r.method !== 'GET' && !r.path.startsWith('/sso')).length
  )
  line('IAM at scale: wall time converged (ms)', again.durationMs)
} finally {
  await scale.close()
}

// --- real network: TLS, separate origins, added round trips, a proxy ----------------------
const networkNode = node24Path() ?? process.execPath
await benchNetwork(networkNode, ACTIONS, line)
