/**
 * The real-network part of `npm run bench`: every endpoint behind TLS on its own origin
 * (SSO, Account Management, the environment, GitHub's ID-token service; a throw-away CA trusted through
 * NODE_EXTRA_CA_CERTS), round-trip time added by a forwarder on loopback (half each way;
 * the TCP handshake is local, so not counted), and a forward proxy. Only loopback
 * addresses. For each action folder given (this checkout, and e.g. today's main built in
 * another folder), in the same run:
 *
 *   critical path     (wall time at RTT 500 ms − at 100 ms) ÷ 400 ms, per step: the
 *                     round trips a step waits for, with fixed costs dropped out. Each
 *                     point is the fastest of BENCH_NET_RUNS runs (default 5), the runs
 *                     of both RTTs and every action interleaved: on a shared machine
 *                     noise only ever adds time, and drift in load hits all alike
 *   TLS connections   per origin per step, at zero RTT
 *   CONNECT tunnels   per step behind HTTPS_PROXY
 *   fixed cost        main (classic mint) over TLS at zero RTT against bare `node -e 0`
 *
 * Scenarios: classic and platform tokens with an OAuth client (SSO, then the environment
 * or Account Management), and a classic token with `auth: github-oidc` (the runner's
 * ID-token service on its own TLS origin, then the environment); a folder whose
 * action.yml has no `auth` input skips the OIDC scenarios.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  DEFAULT_ACCOUNT_UUID,
  startEmulator,
  startForwardProxy,
  repositoryTrust,
  startGitHubOidc,
  type GitHubOidcService,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  startDelayLink,
  startTlsFront,
  type DelayLink,
  type TlsFront
} from '../test/support/network.js'
import {
  emulatorInputs,
  runAction,
  type StepResult
} from '../test/support/runner.js'
import { createTestCa } from '../test/support/tls.js'

const RUNS = Number(process.env.BENCH_NET_RUNS ?? 5)
const RTT_LOW = 100
const RTT_HIGH = 500

/** `github`: the runner's ID-token service (auth: github-oidc), its own origin as on a runner. */
type Origin = 'sso' | 'account' | 'environment' | 'github'
const ORIGINS: Origin[] = ['sso', 'account', 'environment', 'github']
const OIDC_AUDIENCE = 'https://abc12345.apps.dynatrace.com'

export interface ActionUnderTest {
  label: string
  /** Folder with action.yml and dist/. */
  dir: string
}

interface Scenario {
  name: string
  entry: 'main' | 'post'
  extra: Record<string, string>
  /** auth: github-oidc — the step gets the runner's ID-token variables. */
  oidc?: true
}

const OIDC_INPUTS = { auth: 'github-oidc', 'oidc-audience': OIDC_AUDIENCE }

const SCENARIOS: Scenario[] = [
  { name: 'classic main', entry: 'main', extra: {} },
  { name: 'classic post', entry: 'post', extra: {} },
  {
    name: 'platform main',
    entry: 'main',
    extra: { 'token-type': 'platform', 'token-scopes': 'settings:objects:read' }
  },
  {
    name: 'platform post',
    entry: 'post',
    extra: { 'token-type': 'platform', 'token-scopes': 'settings:objects:read' }
  },
  { name: 'oidc classic main', entry: 'main', extra: OIDC_INPUTS, oidc: true },
  { name: 'oidc classic post', entry: 'post', extra: OIDC_INPUTS, oidc: true }
]

/** Whether the action at `action.dir` declares the input (read from its action.yml). */
const hasInput = (action: ActionUnderTest, name: string): boolean =>
  new RegExp(`^  ${name}:`, 'm').test(
    readFileSync(join(action.dir, 'action.yml'), 'utf8')
  )

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2
}

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

export async function benchNetwork(
  node: string,
  actions: ActionUnderTest[],
  line: (name: string, value: string | number) => void
): Promise<void> {
  const ca = createTestCa()
  // The bench mints hundreds of platform tokens: the caps stay out of the way.
  const emu: RunningEmulator = await startEmulator({
    contractPath: null,
    platformTokenCaps: { perUser: 1e9, perAccount: 1e9 }
  })
  const github: GitHubOidcService = await startGitHubOidc()
  // The environment trusts the job's ID tokens (workload identity federation).
  emu.trust(repositoryTrust(OIDC_AUDIENCE, github.job.repository), github)
  const githubPath = new URL(github.requestUrl).pathname
  const fronts = {} as Record<Origin, TlsFront>
  const links = {} as Record<Origin, DelayLink>
  const proxy = await startForwardProxy()
  try {
    for (const o of ORIGINS) {
      fronts[o] = await startTlsFront(
        o === 'github' ? Number(new URL(github.requestUrl).port) : emu.port,
        ca
      )
      links[o] = await startDelayLink(fronts[o].port)
    }
    const env = { NODE_EXTRA_CA_CERTS: ca.caPath }
    const urlOf = (o: Origin, via: 'links' | 'proxy'): string =>
      via === 'links'
        ? `https://127.0.0.1:${links[o].port}`
        : `https://${o}.localhost:${fronts[o].port}`
    /** The runner's ID-token variables, the service behind TLS on its own origin. */
    const idTokenEnv = (via: 'links' | 'proxy'): Record<string, string> => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: `${urlOf('github', via)}${githubPath}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.requestToken
    })
    /** Inputs for the fronts, through the delay links or by name through the proxy. */
    const inputs = (
      extra: Record<string, string>,
      via: 'links' | 'proxy'
    ): Record<string, string> => {
      const url = (o: Origin): string => urlOf(o, via)
      const base = emulatorInputs(emu, {})
      if (extra.auth === 'github-oidc') {
        delete base['client-id']
        delete base['client-secret']
      }
      return {
        ...base,
        'environment-url': url('environment'),
        'sso-url': `${url('sso')}/sso/oauth2/token`,
        'account-api-url': url('account'),
        'account-urn': `urn:dtaccount:${DEFAULT_ACCOUNT_UUID}`,
        'token-scopes': 'ReadConfig, WriteConfig',
        ...extra
      }
    }
    const setRtt = (ms: number): void => {
      for (const o of ORIGINS) links[o].setRtt(ms)
    }
    const run = async (
      action: ActionUnderTest,
      scenario: Scenario,
      via: 'links' | 'proxy',
      state?: Record<string, string>
    ): Promise<StepResult> => {
      const result = await runAction({
        node,
        actionDir: action.dir,
        entry: scenario.entry,
        inputs: inputs(scenario.extra, via),
        env: {
          ...env,
          ...(scenario.oidc ? idTokenEnv(via) : {}),
          ...(via === 'proxy' ? { HTTPS_PROXY: proxy.url } : {})
        },
        ...(state ? { state } : {})
      })
      if (result.exitCode !== 0)
        throw new Error(
          `${action.label}, ${scenario.name} failed:\n${result.stdout}${result.stderr}`
        )
      return result
    }
    /** State for a post step: a main run of the same kind. */
    const stateFor = async (
      action: ActionUnderTest,
      scenario: Scenario,
      via: 'links' | 'proxy'
    ): Promise<Record<string, string> | undefined> => {
      if (scenario.entry !== 'post') return undefined
      const main = await run(action, { ...scenario, entry: 'main' }, via)
      return main.state
    }

    const bare: number[] = []
    await timeSpawn(node, ['-e', '0'])
    for (let i = 0; i < 2 * RUNS; i++)
      bare.push(await timeSpawn(node, ['-e', '0']))

    const tagOf = (action: ActionUnderTest, s: string): string =>
      `${s} [${action.label}]`
    /** The actions that have the scenario's inputs (a build before auth: github-oidc has not). */
    const able = (scenario: Scenario): ActionUnderTest[] =>
      actions.filter((a) => !scenario.oidc || hasInput(a, 'auth'))
    // --- critical path in RTTs: runs of the actions interleaved, so load drift is shared
    for (const scenario of SCENARIOS) {
      const actions = able(scenario)
      setRtt(0)
      const states = new Map<
        ActionUnderTest,
        Record<string, string> | undefined
      >()
      for (const action of actions)
        states.set(action, await stateFor(action, scenario, 'links'))
      // Both RTTs and all actions in turn, so drift in the machine's load is shared.
      const times = new Map<string, number[]>()
      const key = (action: ActionUnderTest, rtt: number): string =>
        `${action.label} ${rtt}`
      for (let i = 0; i < RUNS; i++)
        for (const rtt of [RTT_LOW, RTT_HIGH])
          for (const action of actions) {
            setRtt(rtt)
            const t = (await run(action, scenario, 'links', states.get(action)))
              .durationMs
            times.set(key(action, rtt), [
              ...(times.get(key(action, rtt)) ?? []),
              t
            ])
          }
      const fastest = new Map<ActionUnderTest, number[]>(
        actions.map((a) => [
          a,
          [RTT_LOW, RTT_HIGH].map((rtt) => Math.min(...times.get(key(a, rtt))!))
        ])
      )
      for (const action of actions) {
        const [low, high] = fastest.get(action)! as [number, number]
        line(
          tagOf(action, `critical path, ${scenario.name} (RTTs)`),
          ((high - low) / (RTT_HIGH - RTT_LOW)).toFixed(2)
        )
      }
    }
    setRtt(0)

    // --- fixed cost over TLS at zero RTT, interleaved too ---------------------------------
    const classic = SCENARIOS[0]!
    const zero = new Map<ActionUnderTest, number[]>()
    for (const action of actions) await run(action, classic, 'links')
    for (let i = 0; i < 2 * RUNS; i++)
      for (const action of actions)
        zero.set(action, [
          ...(zero.get(action) ?? []),
          (await run(action, classic, 'links')).durationMs
        ])
    for (const action of actions) {
      const t = median(zero.get(action)!)
      line(
        tagOf(action, 'classic main over TLS, zero RTT, median ms'),
        t.toFixed(1)
      )
      line(
        tagOf(action, 'fixed cost over TLS: main ÷ bare node'),
        (t / median(bare)).toFixed(2)
      )
    }

    for (const action of actions) {
      const tag = (s: string): string => tagOf(action, s)
      // --- TLS connections per origin, and requests, per step at zero RTT ---------------
      for (const scenario of SCENARIOS) {
        if (!able(scenario).includes(action)) continue
        const state = await stateFor(action, scenario, 'links')
        const before = Object.fromEntries(
          ORIGINS.map((o) => [o, fronts[o].connections.length])
        ) as Record<Origin, number>
        const requestsBefore = emu.requests.length
        const idTokensBefore = github.requests.length
        await run(action, scenario, 'links', state)
        const counts = ORIGINS.map((o) => {
          const opened = fronts[o].connections.slice(before[o])
          return `${o} ${opened.filter((c) => c.securedAt !== undefined).length}`
        })
        line(
          tag(`TLS connections per origin, ${scenario.name}`),
          counts.join(', ')
        )
        const idTokens = github.requests.length - idTokensBefore
        line(
          tag(`requests, ${scenario.name}`),
          `${emu.requests.length - requestsBefore} to Dynatrace` +
            (scenario.oidc ? ` + ${idTokens} ID-token request` : '')
        )
      }

      // --- CONNECT tunnels behind HTTPS_PROXY --------------------------------------------
      for (const scenario of SCENARIOS) {
        if (!able(scenario).includes(action)) continue
        const state = await stateFor(action, scenario, 'proxy')
        const before = proxy.seen.length
        await run(action, scenario, 'proxy', state)
        line(
          tag(`CONNECT tunnels behind HTTPS_PROXY, ${scenario.name}`),
          proxy.seen.length - before
        )
      }
    }
    line('bare node -e 0 (same run), median ms', median(bare).toFixed(1))
  } finally {
    await proxy.close()
    for (const o of ORIGINS) {
      await links[o]?.close()
      await fronts[o]?.close()
    }
    await emu.close()
    await github.close()
    ca.remove()
  }
}

// `npx tsx scripts/bench-network.ts [compare-folder]`: this part alone.
if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const { REPO_ROOT, node24Path } = await import('../test/support/runner.js')
  const compare = process.argv[2]
  await benchNetwork(
    node24Path() ?? process.execPath,
    [
      { label: 'this checkout', dir: REPO_ROOT },
      ...(compare ? [{ label: 'compared', dir: compare }] : [])
    ],
    (name, value) => console.log(`${name.padEnd(70)} ${value}`)
  )
}
