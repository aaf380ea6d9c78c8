/**
 * npm run emulator [-- <switches>] — the Dynatrace emulator (test/emulator) as a
 * standalone server on 127.0.0.1, for `npm run local`, trying the action by hand and
 * the smoke workflow. Prints every input that points the action at it, then serves
 * until Ctrl+C / SIGTERM. Switches set up a scenario (`--help` lists them); adding
 * one is one entry in SWITCHES.
 */
import { pathToFileURL } from 'node:url'
import {
  DEFAULT_ENVIRONMENT_ID,
  DEMO_CLIENT,
  startEmulator,
  type Fault,
  type FaultMatch,
  type RunningEmulator
} from '../test/emulator/index.js'

const SSO_PATH = '/sso/oauth2/token'
const CLASSIC_TOKENS = '/platform/classic/environment-api/v2/apiTokens'

/** Where --fault can strike: the routes a mint and its post step call. */
const ROUTES: Record<string, (emu: RunningEmulator) => FaultMatch> = {
  sso: () => ({ method: 'POST', path: SSO_PATH }),
  'classic-create': () => ({ method: 'POST', path: CLASSIC_TOKENS }),
  'classic-delete': () => ({
    method: 'DELETE',
    path: new RegExp(`^${CLASSIC_TOKENS}/`)
  }),
  'platform-create': (emu) => ({
    method: 'POST',
    path: `/iam/v1/accounts/${emu.state.accountUuid}/platform-tokens`
  }),
  'platform-delete': (emu) => ({
    method: 'DELETE',
    path: new RegExp(
      `^/iam/v1/accounts/${emu.state.accountUuid}/platform-tokens/`
    )
  })
}

/** What --fault can do there. */
const FAULTS: Record<string, Fault> = {
  '429': { status: 429, headers: { 'retry-after': '1' } },
  '500': { status: 500 },
  '503': { status: 503 },
  reset: { reset: 'before' },
  'reset-after': { reset: 'after' },
  hang: { hang: true },
  'hang-after': { hang: 'after' },
  malformed: { malformedJson: true }
}

interface Switch {
  flag: string
  /** Name of the value the switch takes, if any. */
  value?: string
  help: string
  /** Sets the scenario up; returns what the banner says about it. */
  apply(emu: RunningEmulator, value: string): string
}

export const SWITCHES: Switch[] = [
  {
    flag: '--classic-retired',
    help: 'classic API tokens are retired: creating one fails as Dynatrace answers then (token-type: platform still works)',
    apply(emu) {
      emu.retireClassicTokens()
      return 'classic API token creation is retired'
    }
  },
  {
    flag: '--phase3',
    help: 'Phase 3 of the classic token retirement: creation retired, and existing classic tokens can no longer be listed, read or deleted',
    apply(emu) {
      emu.enterPhase3()
      return 'classic tokens are in Phase 3 (no create, list, get or delete)'
    }
  },
  {
    flag: '--platform-token-caps',
    value: 'per-user/per-account',
    help: 'how many platform tokens a user and the account may hold (default 10/50); a create beyond fails as Dynatrace answers then',
    apply(emu, value) {
      const m = /^(\d+)\/(\d+)$/.exec(value)
      if (!m) {
        throw new UsageError(
          `--platform-token-caps ${value}: expected per-user/per-account, e.g. 1/50.`
        )
      }
      emu.state.platformTokenCaps.perUser = Number(m[1])
      emu.state.platformTokenCaps.perAccount = Number(m[2])
      return `a user may hold ${m[1]} platform tokens, the account ${m[2]}`
    }
  },
  {
    flag: '--latency',
    value: 'ms',
    help: 'every answer takes this long',
    apply(emu, value) {
      emu.setLatency(positiveNumber('--latency', value))
      return `every answer takes ${value} ms`
    }
  },
  {
    flag: '--fault',
    value: 'route:kind[*n]',
    help: `the next n (default 1) requests to a route fail. Routes: ${Object.keys(ROUTES).join(', ')}. Kinds: ${Object.keys(FAULTS).join(', ')} (429 says Retry-After: 1; reset drops the connection; -after once the server acted)`,
    apply(emu, value) {
      const m = /^([a-z-]+):([a-z0-9-]+)(?:\*(\d+))?$/.exec(value)
      const route = m && ROUTES[m[1]!]
      const fault = m && FAULTS[m[2]!]
      if (!m || !route || !fault) {
        throw new UsageError(
          `--fault ${value}: expected route:kind[*n], route one of ${Object.keys(ROUTES).join(', ')}, kind one of ${Object.keys(FAULTS).join(', ')}.`
        )
      }
      const times = Number(m[3] ?? 1)
      emu.fault(route(emu), ...Array<Fault>(times).fill(fault))
      return `the next ${times === 1 ? 'request' : `${times} requests`} to ${m[1]} ${times === 1 ? 'fails' : 'fail'} with ${m[2]}`
    }
  }
]

class UsageError extends Error {}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new UsageError(`${flag} ${value}: expected a whole number.`)
  }
  return n
}

export interface EmulatorArgs {
  port: number
  help: boolean
  /** Switches in the order given, with their values. */
  scenario: Array<{ switch: Switch; value: string }>
}

export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env
): EmulatorArgs {
  const args: EmulatorArgs = {
    port: positiveNumber('EMULATOR_PORT', env.EMULATOR_PORT ?? '4010'),
    help: false,
    scenario: []
  }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string?]
    const takeValue = (): string => {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new UsageError(`${flag} needs a value.`)
      return value
    }
    if (flag === '--help' || flag === '-h') args.help = true
    else if (flag === '--port')
      args.port = positiveNumber('--port', takeValue())
    else {
      const known = SWITCHES.find((s) => s.flag === flag)
      if (!known) {
        throw new UsageError(
          `Unknown switch ${flag}. npm run emulator -- --help lists them.`
        )
      }
      args.scenario.push({
        switch: known,
        value: known.value ? takeValue() : ''
      })
    }
  }
  return args
}

export function usage(): string {
  const lines = SWITCHES.map(
    (s) =>
      `  ${`${s.flag}${s.value ? ` <${s.value}>` : ''}`.padEnd(30)} ${s.help}`
  )
  return [
    'npm run emulator [-- <switches>]: a local Dynatrace (SSO, Account Management, environment API) for trying the action.',
    '',
    `  ${'--port <n>'.padEnd(30)} TCP port on 127.0.0.1 (default EMULATOR_PORT or 4010; 0 picks a free one)`,
    ...lines,
    '',
    'Example: npm run emulator -- --fault sso:429*2 --fault classic-create:503'
  ].join('\n')
}

/** Every input that points a mint at the emulator, as a step's `with:` lines. */
export function inputsFor(emu: RunningEmulator): Array<[string, string]> {
  return [
    ['client-id', DEMO_CLIENT.clientId],
    ['client-secret', DEMO_CLIENT.clientSecret],
    ['account-urn', `urn:dtaccount:${emu.state.accountUuid}`],
    ['environment-url', emu.url],
    ['environment-id', emu.state.environments[0]?.id ?? DEFAULT_ENVIRONMENT_ID],
    ['sso-url', `${emu.url}${SSO_PATH}`],
    ['account-api-url', emu.url],
    ['allow-custom-endpoints', 'true']
  ]
}

async function main(): Promise<number> {
  let args: EmulatorArgs
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    console.error(e.message)
    return 2
  }
  if (args.help) {
    console.log(usage())
    return 0
  }
  const emu = await startEmulator({ port: args.port })
  let described: string[]
  try {
    described = args.scenario.map((s) => s.switch.apply(emu, s.value))
  } catch (e) {
    await emu.close()
    if (!(e instanceof UsageError)) throw e
    console.error(e.message)
    return 2
  }
  console.log(
    `Dynatrace emulator on ${emu.url}: SSO, Account Management and environment ${inputsFor(emu)[4]![1]} on one port.`
  )
  console.log(
    `Scenario: ${described.length > 0 ? described.join('; ') : 'everything works (npm run emulator -- --help lists the switches)'}.`
  )
  console.log(
    '\nInputs for the action (with:). Public demo values that only this emulator accepts:'
  )
  for (const [name, value] of inputsFor(emu)) console.log(`  ${name}: ${value}`)
  console.log(
    `\nnpm run local reads them from .env: cp .env.example .env${args.port === 4010 ? '' : ` (and change 4010 to ${emu.port})`}.`
  )
  console.log('Ctrl+C stops the emulator.')
  const stop = (): void => {
    void emu.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main()
}
