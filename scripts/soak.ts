/**
 * Chaos soak: run the committed bundle (dist/) N times, main then
 * post, against the Dynatrace emulator with randomised faults — throttling,
 * gateway errors, resets, hangs, garbled bodies, expired bearers, redirects,
 * latency — on random routes, for classic and platform tokens, some runs with
 * IAM bindings. Every run is checked for the invariants that must hold
 * whatever the network does (test/support/invariants.ts): no secret leaked, no
 * token left valid without a warning naming it (and none past its lifetime),
 * no pre-existing IAM binding removed or changed, nothing replacing or
 * deleting called, exit codes 0/1 (post: 0), no stack trace, no foreign
 * workflow command.
 *
 *   npx tsx scripts/soak.ts [N]        N runs (default 300; or SOAK_RUNS)
 *   SOAK_SEED=123                      another random sequence (default fixed)
 *   SOAK_PARALLEL=4                    jobs at a time (default 4)
 *   SOAK_ONLY=17                       replay run #17 of the sequence, verbosely
 *
 * Prints the totals one per line and exits 1 if any run broke an invariant;
 * each such run is described on stderr with the command that replays it.
 */
import {
  BUILTIN_POLICIES,
  DEFAULT_ACCOUNT_UUID,
  DEFAULT_ENVIRONMENT_ID,
  DEMO_CLIENT,
  DEMO_GROUPS,
  startEmulator,
  type Fault,
  type FaultMatch,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  checkJob,
  seedUnrelatedBindings,
  type JobViolations
} from '../test/support/invariants.js'
import { node24Path, runJob } from '../test/support/runner.js'

const argRuns = process.argv[2]
const RUNS = Number(argRuns ?? process.env.SOAK_RUNS ?? 300)
const SEED = Number(process.env.SOAK_SEED ?? 20261121)
const PARALLEL = Math.max(1, Number(process.env.SOAK_PARALLEL ?? 4))
const ONLY =
  process.env.SOAK_ONLY !== undefined
    ? Number(process.env.SOAK_ONLY)
    : undefined
const NODE = node24Path() ?? process.execPath
const TIMEOUT_SECONDS = 20
const MAX_RETRIES = 2

if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(
    `soak: the number of runs must be a positive integer, not ${RUNS}`
  )
  process.exit(2)
}

/** mulberry32: a small seeded PRNG, so every run can be replayed from (seed, index). */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Rng {
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  weighted: <T>(items: ReadonlyArray<readonly [T, number]>) => T
  chance: (p: number) => boolean
}

function rngFor(index: number): Rng {
  const next = prng((SEED ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)
  const int = (min: number, max: number): number =>
    min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    weighted: (items) => {
      const total = items.reduce((n, [, w]) => n + w, 0)
      let r = next() * total
      for (const [item, w] of items) {
        r -= w
        if (r < 0) return item
      }
      return items[items.length - 1]![0]
    },
    chance: (p) => next() < p
  }
}

type TokenType = 'classic' | 'platform'

const TOKENS = '/platform/classic/environment-api/v2/apiTokens'
const PLATFORM_TOKENS = `/iam/v1/accounts/${DEFAULT_ACCOUNT_UUID}/platform-tokens`
const ENV_BINDINGS = `/iam/v1/repo/environment/${DEFAULT_ENVIRONMENT_ID}/bindings`
const ACC_BINDINGS = `/iam/v1/repo/account/${DEFAULT_ACCOUNT_UUID}/bindings`

interface RouteSpec {
  name: string
  match: FaultMatch
  /** Only with this token type (any when absent). */
  tokenType?: TokenType
  /** Only when the run ensures IAM bindings. */
  iam?: boolean
  /** No-op faults queued first, to reach a later call (post's SSO request). */
  skip?: number
}

const ROUTES: RouteSpec[] = [
  { name: 'sso', match: { method: 'POST', path: '/sso/oauth2/token' } },
  {
    name: 'sso (post)',
    match: { method: 'POST', path: '/sso/oauth2/token' },
    skip: 1
  },
  {
    name: 'iam groups',
    match: {
      method: 'GET',
      path: `/iam/v1/accounts/${DEFAULT_ACCOUNT_UUID}/groups`
    },
    iam: true
  },
  {
    name: 'iam global policies',
    match: { method: 'GET', path: '/iam/v1/repo/global/global/policies' },
    iam: true
  },
  {
    name: 'iam account policies',
    match: {
      method: 'GET',
      path: `/iam/v1/repo/account/${DEFAULT_ACCOUNT_UUID}/policies`
    },
    iam: true
  },
  {
    name: 'iam bindings read',
    match: {
      method: 'GET',
      path: /\/iam\/v1\/repo\/(account|environment)\/[^/]+\/bindings$/
    },
    iam: true
  },
  {
    name: 'iam bindings append',
    match: {
      method: 'POST',
      path: new RegExp(`^(${ENV_BINDINGS}|${ACC_BINDINGS})/[0-9a-f-]{36}$`)
    },
    iam: true
  },
  {
    name: 'classic create',
    match: { method: 'POST', path: TOKENS },
    tokenType: 'classic'
  },
  {
    name: 'classic verify',
    match: { method: 'GET', path: new RegExp(`^${TOKENS}/dt0c01\\.`) },
    tokenType: 'classic'
  },
  {
    name: 'classic list',
    match: { method: 'GET', path: TOKENS },
    tokenType: 'classic'
  },
  {
    name: 'classic delete',
    match: { method: 'DELETE', path: new RegExp(`^${TOKENS}/`) },
    tokenType: 'classic'
  },
  {
    name: 'platform create',
    match: { method: 'POST', path: PLATFORM_TOKENS },
    tokenType: 'platform'
  },
  {
    name: 'platform list',
    match: { method: 'GET', path: PLATFORM_TOKENS },
    tokenType: 'platform'
  },
  {
    name: 'platform delete',
    match: { method: 'DELETE', path: new RegExp(`^${PLATFORM_TOKENS}/`) },
    tokenType: 'platform'
  }
]

/** A fault kind with its weight; `make` may depend on the emulator and the rng. */
const KINDS: ReadonlyArray<
  readonly [
    { name: string; make: (emu: RunningEmulator, rng: Rng) => Fault },
    number
  ]
> = [
  [
    {
      name: '429 Retry-After',
      make: (_e, rng) => ({
        status: 429,
        headers: { 'retry-after': String(rng.int(0, 2)) }
      })
    },
    3
  ],
  [{ name: '429', make: () => ({ status: 429 }) }, 3],
  [{ name: '500', make: () => ({ status: 500 }) }, 2],
  [{ name: '502', make: () => ({ status: 502 }) }, 3],
  [{ name: '503', make: () => ({ status: 503 }) }, 3],
  [{ name: '504', make: () => ({ status: 504 }) }, 2],
  [{ name: 'reset before', make: () => ({ reset: 'before' }) }, 3],
  [{ name: 'reset after', make: () => ({ reset: 'after' }) }, 3],
  [{ name: 'hang', make: () => ({ hang: true }) }, 0.5],
  [{ name: 'hang after', make: () => ({ hang: 'after' }) }, 0.5],
  [{ name: 'malformed JSON', make: () => ({ malformedJson: true }) }, 2],
  [
    {
      name: '401',
      make: () => ({
        status: 401,
        body: '{"error":{"code":401,"message":"Token expired"}}'
      })
    },
    1
  ],
  [
    {
      name: 'redirect',
      make: (emu) => ({ redirect: `${emu.url}/steal-credentials` })
    },
    1
  ],
  [
    {
      name: 'latency',
      make: (_e, rng) => ({ latencyMs: rng.int(0, 1000) })
    },
    3
  ]
]

const BINDINGS_VARIANTS = [
  // By name, at the environment of environment-url.
  '- policy: Settings Reader\n  groups: [CI deployers]\n',
  // By UUID, at account level, two groups.
  `- policy: ${BUILTIN_POLICIES.settingsWriter.uuid}\n  groups: [${DEMO_GROUPS.deployers.uuid}, Monitoring viewers]\n  level: account\n`,
  // Already in place (seeded): must change nothing.
  '- policy: Settings Reader\n  groups: [Monitoring viewers]\n'
]

interface Scenario {
  tokenType: TokenType
  bindings: string
  latencyMs: number
  lifetimeMinutes: number
  exportVariable: boolean
  faults: Array<{ route: string; kind: string; count: number }>
}

/** Build run #index's scenario on `emu` (faults queued) and return its description. */
function arrange(emu: RunningEmulator, index: number): Scenario {
  const rng = rngFor(index)
  const tokenType: TokenType = rng.chance(0.6) ? 'classic' : 'platform'
  const bindings = rng.chance(0.4) ? rng.pick(BINDINGS_VARIANTS) : ''
  const latencyMs = rng.chance(0.5) ? 0 : rng.int(0, 200)
  const lifetimeMinutes = rng.pick([5, 10, 30, 60, 120])
  const exportVariable = rng.chance(0.5)
  emu.setLatency(latencyMs)
  const candidates = ROUTES.filter(
    (r) =>
      (!r.tokenType || r.tokenType === tokenType) && (!r.iam || bindings !== '')
  )
  const faults: Scenario['faults'] = []
  const howMany = rng.weighted([
    [0, 1],
    [1, 4],
    [2, 3],
    [3, 2]
  ] as const)
  for (let f = 0; f < howMany; f++) {
    const route = rng.pick(candidates)
    const kind = rng.weighted(KINDS)
    // Now and then enough of the same to exhaust the retries.
    const count = rng.chance(0.2) ? MAX_RETRIES + 1 : 1
    const list: Fault[] = []
    for (let s = 0; s < (route.skip ?? 0); s++) list.push({ latencyMs: 0 })
    for (let c = 0; c < count; c++) list.push(kind.make(emu, rng))
    // The list route is only called after a create's answer was lost.
    if (route.name.endsWith(' list')) {
      const create = ROUTES.find(
        (r) => r.name === route.name.replace(' list', ' create')
      )!
      emu.fault(
        create.match,
        rng.pick<Fault>([{ reset: 'after' }, { status: 502 }])
      )
    }
    emu.fault(route.match, ...list)
    faults.push({ route: route.name, kind: kind.name, count })
  }
  return {
    tokenType,
    bindings,
    latencyMs,
    lifetimeMinutes,
    exportVariable,
    faults
  }
}

function inputsFor(emu: RunningEmulator, s: Scenario): Record<string, string> {
  return {
    'client-id': DEMO_CLIENT.clientId,
    'client-secret': DEMO_CLIENT.clientSecret,
    'account-urn': `urn:dtaccount:${emu.state.accountUuid}`,
    'environment-url': emu.url,
    'environment-id': DEFAULT_ENVIRONMENT_ID,
    'sso-url': `${emu.url}/sso/oauth2/token`,
    'account-api-url': emu.url,
    'allow-custom-endpoints': 'true',
    'token-type': s.tokenType,
    'token-scopes':
      s.tokenType === 'platform'
        ? 'settings:objects:read, settings:objects:write'
        : 'ReadConfig, WriteConfig, settings.read',
    'token-lifetime': `${s.lifetimeMinutes}m`,
    'timeout-seconds': String(TIMEOUT_SECONDS),
    'max-retries': String(MAX_RETRIES),
    ...(s.exportVariable ? { 'export-variable': 'DT_API_TOKEN' } : {}),
    ...(s.bindings ? { bindings: s.bindings } : {})
  }
}

type Verdict = 'success' | 'clean failure' | 'violation'

interface RunResult {
  index: number
  verdict: Verdict
  scenario: Scenario
  violations: JobViolations
  mainExit: number
  postExit: number | undefined
  error: string
}

async function soakOne(index: number, verbose: boolean): Promise<RunResult> {
  const emu = await startEmulator()
  try {
    const seeded = seedUnrelatedBindings(emu)
    const scenario = arrange(emu, index)
    const job = await runJob({
      inputs: inputsFor(emu, scenario),
      node: NODE,
      timeoutMs: (TIMEOUT_SECONDS + 40) * 1000
    })
    if (verbose) {
      console.log(JSON.stringify(scenario, null, 2))
      for (const step of [job.main, job.post]) {
        if (!step) continue
        console.log(
          `--- ${step.entry} (exit ${step.exitCode}, ${step.durationMs} ms)`
        )
        console.log(step.log)
        if (step.stderr.trim()) console.log(`[stderr] ${step.stderr}`)
      }
      console.log('--- requests')
      for (const r of emu.requests) {
        console.log(
          `${r.status} ${r.method} ${r.path}${r.fault ? `  [${r.fault}]` : ''}`
        )
      }
    }
    const violations = checkJob(emu, job, {
      seeded,
      lifetimeSeconds: scenario.lifetimeMinutes * 60,
      ...(scenario.exportVariable ? { allowedEnv: ['DT_API_TOKEN'] } : {})
    })
    if (emu.requests.some((r) => r.path.startsWith('/steal'))) {
      violations.crashes.push('a redirect was followed')
    }
    const broken =
      violations.leaks.length +
        violations.orphans.length +
        violations.removedBindings.length +
        violations.forbiddenCalls.length +
        violations.crashes.length +
        violations.injections.length +
        violations.wrongToken.length >
      0
    const error =
      job.main.stdout
        .split('\n')
        .find((l) => l.startsWith('::error::'))
        ?.slice(9, 300) ?? ''
    return {
      index,
      verdict: broken
        ? 'violation'
        : job.main.exitCode === 0
          ? 'success'
          : 'clean failure',
      scenario,
      violations,
      mainExit: job.main.exitCode,
      postExit: job.post?.exitCode,
      error
    }
  } finally {
    await emu.close()
  }
}

async function main(): Promise<number> {
  const started = Date.now()
  if (ONLY !== undefined) {
    const r = await soakOne(ONLY, true)
    console.log('--- verdict')
    console.log(
      JSON.stringify({ verdict: r.verdict, violations: r.violations }, null, 2)
    )
    return r.verdict === 'violation' ? 1 : 0
  }
  const results: RunResult[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < RUNS) {
      const index = next++
      results.push(await soakOne(index, false))
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, RUNS) }, worker))
  results.sort((a, b) => a.index - b.index)

  const count = (key: keyof JobViolations): number =>
    results.reduce((n, r) => n + r.violations[key].length, 0)
  const totals: Array<[string, number | string]> = [
    ['runs', results.length],
    ['successes', results.filter((r) => r.verdict === 'success').length],
    [
      'clean failures',
      results.filter((r) => r.verdict === 'clean failure').length
    ],
    ['leaks', count('leaks')],
    ['orphaned tokens', count('orphans')],
    ['removed bindings', count('removedBindings')],
    ['forbidden IAM calls', count('forbiddenCalls')],
    ['injected commands', count('injections')],
    ['crashes', count('crashes')],
    ['reported leftover tokens', count('reportedLeftovers')],
    ['duration', `${((Date.now() - started) / 1000).toFixed(1)} s`]
  ]
  for (const [name, value] of totals) console.log(`${name}: ${value}`)

  const bad = results.filter((r) => r.verdict === 'violation')
  for (const r of bad) {
    const v = r.violations
    console.error(
      [
        `run #${r.index} (main exit ${r.mainExit}, post exit ${r.postExit ?? '-'}): ${JSON.stringify(r.scenario)}`,
        ...[
          ...v.leaks.map((x) => `leak: ${x}`),
          ...v.orphans.map((x) => `orphan: ${x}`),
          ...v.removedBindings.map((x) => `binding ${x}`),
          ...v.forbiddenCalls.map((x) => `forbidden IAM call: ${x}`),
          ...v.injections.map((x) => `injection: ${x}`),
          ...v.crashes.map((x) => `crash: ${x}`)
        ].map((x) => `  ${x}`),
        r.error ? `  main's error: ${r.error}` : '',
        `  replay: SOAK_SEED=${SEED} SOAK_ONLY=${r.index} npx tsx scripts/soak.ts`
      ]
        .filter(Boolean)
        .join('\n')
    )
  }
  return bad.length > 0 ? 1 : 0
}

process.exitCode = await main()
