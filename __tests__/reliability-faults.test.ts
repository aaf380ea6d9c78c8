/**
 * Fault matrix: every route the action calls × every way a network,
 * a gateway or Dynatrace itself can misbehave, end to end over the committed
 * bundle (dist/) with the runner harness and the emulator. One cell = one job
 * (main + post) against a fresh emulator, with IAM bindings seeded that the run
 * must not touch. For each cell:
 *  - the outcome is right: transient faults are retried and the job succeeds
 *    within timeout-seconds; anything else fails main with a clear `::error::`
 *    naming what failed and why (or, after the token exists, degrades to a
 *    warning); a post-step fault is a warning and exit 0;
 *  - no secret (client secret, any bearer or token the emulator issued) leaks;
 *  - no token is left valid unless a warning or error names it — and then it
 *    expires on Dynatrace's clock within its lifetime;
 *  - no pre-existing binding is removed or changed, nothing replacing or
 *    deleting is called, no redirect is followed, no stack trace is printed.
 */
import { describe, expect, test } from '@jest/globals'
import {
  DEFAULT_ACCOUNT_UUID,
  DEFAULT_ENVIRONMENT_ID,
  DEMO_CLIENT,
  startEmulator,
  type Fault,
  type FaultMatch,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  checkJob,
  commandMessages,
  hardViolations,
  seedUnrelatedBindings
} from '../test/support/invariants.js'
import {
  node24Path,
  runAction,
  runJob,
  type StepResult
} from '../test/support/runner.js'

const NODE = node24Path() ?? process.execPath
const TIMEOUT_SECONDS = 15
const MAX_RETRIES = 2
const LIFETIME_SECONDS = 600
/**
 * The hang detector: the harness kills a step after this long (exit code 124, a crash
 * in checkJob). Far above a step's normal duration — the 15 s budget at most, however
 * loaded the machine — so it only catches a step that ignores its budget and hangs.
 * How fast a run is belongs in scripts/bench.ts, not here.
 */
const HANG_MS = 6 * TIMEOUT_SECONDS * 1000
const TOKENS = '/platform/classic/environment-api/v2/apiTokens'
const PLATFORM_TOKENS = `/iam/v1/accounts/${DEFAULT_ACCOUNT_UUID}/platform-tokens`
const ENV_BINDINGS = `/iam/v1/repo/environment/${DEFAULT_ENVIRONMENT_ID}/bindings`
const BINDINGS_INPUT = `
- policy: Settings Reader
  groups: [CI deployers]
`

type TokenType = 'classic' | 'platform'

/**
 * Where in the job a route is called, which decides what a fault there may do:
 * `main` fails the step; `verify` only loses the scope check; `recovery` (the
 * orphan search after an ambiguous create) fails naming the possible token;
 * `post` is a warning.
 */
type Phase = 'main' | 'verify' | 'recovery' | 'post'

interface Route {
  name: string
  tokenType: TokenType
  phase: Phase
  match: FaultMatch
  /** Faults queued on the same route before the one under test (to reach a later call). */
  before?: Fault[]
  /** Other faults needed to reach the route at all. */
  setup?: (emu: RunningEmulator) => void
  /** The failure message names this. */
  what: RegExp
  /** The route creates something: a lost answer must lead to the orphan search. */
  creates?: boolean
  /** The route deletes (its empty answer cannot be garbled). */
  deletes?: boolean
}

const ROUTES: Route[] = [
  {
    name: 'SSO token (main)',
    tokenType: 'classic',
    phase: 'main',
    match: { method: 'POST', path: '/sso/oauth2/token' },
    what: /SSO/
  },
  {
    name: 'SSO token (post)',
    tokenType: 'classic',
    phase: 'post',
    match: { method: 'POST', path: '/sso/oauth2/token' },
    // A no-op fault is consumed by main's one SSO request.
    before: [{ latencyMs: 0 }],
    what: /SSO/
  },
  {
    name: 'IAM groups list',
    tokenType: 'classic',
    phase: 'main',
    match: {
      method: 'GET',
      path: `/iam/v1/accounts/${DEFAULT_ACCOUNT_UUID}/groups`
    },
    what: /groups of account/
  },
  {
    name: 'IAM global policies list',
    tokenType: 'classic',
    phase: 'main',
    match: { method: 'GET', path: '/iam/v1/repo/global/global/policies' },
    what: /built-in \(global\) policies/
  },
  {
    name: 'IAM account policies list',
    tokenType: 'classic',
    phase: 'main',
    match: {
      method: 'GET',
      path: `/iam/v1/repo/account/${DEFAULT_ACCOUNT_UUID}/policies`
    },
    what: /policies of account/
  },
  {
    name: 'IAM bindings level read',
    tokenType: 'classic',
    phase: 'main',
    match: { method: 'GET', path: ENV_BINDINGS },
    what: /bindings of environment abc12345/
  },
  {
    name: 'IAM bindings append (POST)',
    tokenType: 'classic',
    phase: 'main',
    match: {
      method: 'POST',
      path: new RegExp(`^${ENV_BINDINGS}/[0-9a-f-]{36}$`)
    },
    what: /bind policy "Settings Reader"/,
    creates: true
  },
  {
    name: 'classic create',
    tokenType: 'classic',
    phase: 'main',
    match: { method: 'POST', path: TOKENS },
    what: /classic API token|Environment abc12345 did not accept the SSO bearer/,
    creates: true
  },
  {
    name: 'classic get (verify)',
    tokenType: 'classic',
    phase: 'verify',
    match: { method: 'GET', path: new RegExp(`^${TOKENS}/dt0c01\\.`) },
    what: /scopes of token/
  },
  {
    name: 'classic list (recovery)',
    tokenType: 'classic',
    phase: 'recovery',
    match: { method: 'GET', path: TOKENS },
    // The create's answer is lost after Dynatrace made the token.
    setup: (emu) =>
      emu.fault({ method: 'POST', path: TOKENS }, { reset: 'after' }),
    what: /token named "gha\//
  },
  {
    name: 'classic orphan delete (recovery)',
    tokenType: 'classic',
    phase: 'recovery',
    match: { method: 'DELETE', path: new RegExp(`^${TOKENS}/`) },
    setup: (emu) =>
      emu.fault({ method: 'POST', path: TOKENS }, { reset: 'after' }),
    what: /dt0c01\.[A-Z0-9]{24}/,
    deletes: true
  },
  {
    name: 'classic delete (post)',
    tokenType: 'classic',
    phase: 'post',
    match: { method: 'DELETE', path: new RegExp(`^${TOKENS}/`) },
    what: /revoke token/
  },
  {
    name: 'platform create',
    tokenType: 'platform',
    phase: 'main',
    match: { method: 'POST', path: PLATFORM_TOKENS },
    what: /platform token|Account Management did not accept the SSO bearer/,
    creates: true
  },
  {
    name: 'platform list (recovery)',
    tokenType: 'platform',
    phase: 'recovery',
    match: { method: 'GET', path: PLATFORM_TOKENS },
    setup: (emu) =>
      emu.fault({ method: 'POST', path: PLATFORM_TOKENS }, { reset: 'after' }),
    what: /platform token named "gha\//
  },
  {
    name: 'platform orphan delete (recovery)',
    tokenType: 'platform',
    phase: 'recovery',
    match: { method: 'DELETE', path: new RegExp(`^${PLATFORM_TOKENS}/`) },
    setup: (emu) =>
      emu.fault({ method: 'POST', path: PLATFORM_TOKENS }, { reset: 'after' }),
    what: /dt0s16\.[A-Z0-9]{8}/,
    deletes: true
  },
  {
    name: 'platform delete (post)',
    tokenType: 'platform',
    phase: 'post',
    match: { method: 'DELETE', path: new RegExp(`^${PLATFORM_TOKENS}/`) },
    what: /revoke platform token/
  }
]

interface FaultKind {
  name: string
  faults: (emu: RunningEmulator) => Fault[]
  /** Retried (or recovered from) until the job succeeds. */
  transient: boolean
  /** A failure caused by it says this. */
  why: RegExp
  /** Emulator answered 2xx with a broken body after doing the work. */
  malformed?: boolean
  /** A reset after Dynatrace did the work, on every attempt. */
  lostEveryTime?: boolean
}

const times = (n: number, f: Fault): Fault[] =>
  Array.from({ length: n }, () => ({ ...f }))
const ATTEMPTS = MAX_RETRIES + 1

const KINDS: FaultKind[] = [
  {
    name: '429 with Retry-After',
    faults: () => [
      {
        status: 429,
        headers: { 'retry-after': '1' },
        body: '{"error":{"code":429,"message":"Too many requests"}}'
      }
    ],
    transient: true,
    why: /HTTP 429/
  },
  {
    name: '429 without Retry-After',
    faults: () => [{ status: 429 }],
    transient: true,
    why: /HTTP 429/
  },
  {
    name: '429 with Retry-After beyond the budget',
    faults: () => [{ status: 429, headers: { 'retry-after': '3600' } }],
    transient: false,
    why: /HTTP 429.*would exceed the step's time budget/
  },
  {
    name: '500',
    faults: () => [{ status: 500 }],
    transient: false,
    why: /HTTP 500/
  },
  {
    name: '502',
    faults: () => [{ status: 502 }],
    transient: true,
    why: /HTTP 502/
  },
  {
    name: '503',
    faults: () => [{ status: 503 }],
    transient: true,
    why: /HTTP 503/
  },
  {
    name: '504',
    faults: () => [{ status: 504 }],
    transient: true,
    why: /HTTP 504/
  },
  {
    name: 'reset before the server acts',
    faults: () => [{ reset: 'before' }],
    transient: true,
    why: /ECONNRESET|network error/
  },
  {
    name: 'reset after the server acted',
    faults: () => [{ reset: 'after' }],
    transient: true,
    why: /ECONNRESET|network error/
  },
  {
    name: 'hang past the request timeout',
    faults: () => [{ hang: true }],
    transient: true,
    why: /no response within/
  },
  {
    name: 'malformed JSON',
    faults: () => [{ malformedJson: true }],
    transient: false,
    why: /answered.*without|has no token|could not be read|not JSON/i,
    malformed: true
  },
  {
    name: '401 expired bearer',
    faults: () => [
      {
        status: 401,
        body: '{"error":{"code":401,"message":"Token expired"}}'
      }
    ],
    transient: false,
    why: /HTTP 401/
  },
  {
    name: 'unexpected 302',
    faults: (emu) => [{ redirect: `${emu.url}/steal-credentials` }],
    transient: false,
    why: /HTTP 302 redirecting to 127\.0\.0\.1:\d+\. Redirects are not followed/
  },
  {
    name: `persistent 429 ×${ATTEMPTS}`,
    faults: () => times(ATTEMPTS, { status: 429 }),
    transient: false,
    why: /HTTP 429/
  },
  {
    name: `persistent 502 ×${ATTEMPTS}`,
    faults: () => times(ATTEMPTS, { status: 502 }),
    transient: false,
    why: /HTTP 502/
  },
  {
    name: `persistent 503 ×${ATTEMPTS}`,
    faults: () => times(ATTEMPTS, { status: 503 }),
    transient: false,
    why: /HTTP 503/
  },
  {
    name: `persistent 504 ×${ATTEMPTS}`,
    faults: () => times(ATTEMPTS, { status: 504 }),
    transient: false,
    why: /HTTP 504/
  },
  {
    name: `persistent reset after the server acted ×${ATTEMPTS}`,
    faults: () => times(ATTEMPTS, { reset: 'after' }),
    transient: false,
    why: /ECONNRESET|network error/,
    lostEveryTime: true
  }
]

/**
 * What the job must do:
 * - `ok`: main succeeds, post revokes the token, nothing is left;
 * - `unverified`: like ok, with a warning that the scopes were not verified;
 * - `fail`: main fails naming the route and the cause; nothing is left;
 * - `ok-or-fail`: either ok or fail — the route answered 2xx after doing the
 *   work but the answer is unusable; what matters is that nothing is left;
 * - `recovery-fail`: the clean-up after a lost create failed (listing or
 *   deleting the orphan); main fails naming the token that may be left (by name
 *   or ID) and when it expires; such a token may be left;
 * - `revoke-warn`: main succeeds; post warns that it could not revoke the token
 *   (naming it) and exits 0; the token may be left until it expires.
 */
type Outcome =
  'ok' | 'unverified' | 'fail' | 'ok-or-fail' | 'recovery-fail' | 'revoke-warn'

function expectedOutcome(route: Route, kind: FaultKind): Outcome {
  if (kind.transient) return 'ok'
  switch (route.phase) {
    case 'verify':
      return 'unverified'
    case 'recovery':
      // The emulator deleted the orphan before garbling its (empty) answer.
      if (route.deletes && kind.malformed) return 'ok'
      return 'recovery-fail'
    case 'post':
      // The emulator deleted the token before garbling its (empty) answer.
      if (kind.malformed && route.name !== 'SSO token (post)') return 'ok'
      return 'revoke-warn'
    case 'main':
      if (route.creates && route.name.startsWith('IAM')) {
        // The append endpoint answers 204 without a body (nothing to garble),
        // and a lost answer is confirmed by re-reading the level.
        if (kind.malformed || kind.lostEveryTime) return 'ok'
      }
      if (route.creates && kind.malformed) return 'ok-or-fail'
      return 'fail'
  }
}

/** A small promise pool: runJob spawns processes and each cell has its own emulator. */
function limiter(size: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: Array<() => void> = []
  return async (fn) => {
    while (active >= size) await new Promise<void>((r) => waiting.push(r))
    active++
    try {
      return await fn()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}
const limit = limiter(4)

function inputsFor(
  emu: RunningEmulator,
  tokenType: TokenType
): Record<string, string> {
  return {
    'client-id': DEMO_CLIENT.clientId,
    'client-secret': DEMO_CLIENT.clientSecret,
    'account-urn': `urn:dtaccount:${emu.state.accountUuid}`,
    'environment-url': emu.url,
    'environment-id': DEFAULT_ENVIRONMENT_ID,
    'sso-url': `${emu.url}/sso/oauth2/token`,
    'account-api-url': emu.url,
    'allow-custom-endpoints': 'true',
    'token-type': tokenType,
    'token-scopes':
      tokenType === 'platform'
        ? 'settings:objects:read'
        : 'ReadConfig, WriteConfig',
    'token-lifetime': `${LIFETIME_SECONDS / 60}m`,
    'timeout-seconds': String(TIMEOUT_SECONDS),
    'max-retries': String(MAX_RETRIES),
    'export-variable': 'DT_API_TOKEN',
    bindings: BINDINGS_INPUT
  }
}

/** Everything wrong with one cell's job, as readable lines (never a secret). */
function outcomeProblems(
  outcome: Outcome,
  route: Route,
  kind: FaultKind,
  main: StepResult,
  post: StepResult | undefined
): string[] {
  const problems: string[] = []
  const errors = commandMessages(main.stdout, 'error').join('\n')
  const mainWarnings = commandMessages(main.stdout, 'warning').join('\n')
  const postWarnings = post
    ? commandMessages(post.stdout, 'warning').join('\n')
    : ''
  const tokenId = main.outputs['token-id']
  const revoked = (): void => {
    if (!post) return void problems.push('post step did not run')
    if (post.exitCode !== 0) problems.push(`post exited ${post.exitCode}`)
    if (!tokenId) return void problems.push('main set no token-id output')
    if (
      !post.stdout.includes(`Revoked token ${tokenId}`) &&
      !post.stdout.includes(`Token ${tokenId} was already gone`)
    ) {
      problems.push(`post did not revoke ${tokenId}: ${postWarnings}`)
    }
  }
  const succeeded = (): void => {
    if (main.exitCode !== 0) {
      problems.push(`main exited ${main.exitCode}: ${errors}`)
    }
    if (!main.outputs.token) problems.push('main set no token output')
    if (main.env.DT_API_TOKEN !== main.outputs.token) {
      problems.push('export-variable does not hold the token')
    }
  }
  const failed = (mustSay: RegExp[]): void => {
    if (main.exitCode !== 1) {
      problems.push(`main exited ${main.exitCode}, expected 1`)
    }
    if (errors === '') problems.push('main failed without ::error::')
    for (const re of mustSay) {
      if (!re.test(errors))
        problems.push(`error does not match ${re}: ${errors}`)
    }
  }

  switch (outcome) {
    case 'ok':
      succeeded()
      revoked()
      if (route.tokenType === 'classic' && /not verified/.test(mainWarnings)) {
        problems.push(`scopes not verified: ${mainWarnings}`)
      }
      break
    case 'unverified':
      succeeded()
      revoked()
      if (!/were not verified/.test(mainWarnings)) {
        problems.push(`no "not verified" warning: ${mainWarnings}`)
      }
      break
    case 'fail':
      failed([route.what, kind.why])
      break
    case 'ok-or-fail':
      if (main.exitCode === 0) {
        succeeded()
        revoked()
      } else failed([route.what])
      break
    case 'recovery-fail':
      // Names the token that may be left (by name or ID) and when it expires.
      failed([route.what, kind.why, /expires at \d{4}-\d\d-\d\dT/])
      break
    case 'revoke-warn':
      succeeded()
      if (!post) problems.push('post step did not run')
      else if (post.exitCode !== 0) {
        problems.push(`post exited ${post.exitCode}`)
      } else if (!postWarnings.includes(`Could not revoke token ${tokenId}`)) {
        problems.push(`post did not warn naming ${tokenId}: ${postWarnings}`)
      }
      break
  }
  return problems
}

interface Cell {
  label: string
  route: Route
  kind: FaultKind
  outcome: Outcome
}

const CELLS: Cell[] = ROUTES.flatMap((route) =>
  KINDS.map((kind) => {
    const outcome = expectedOutcome(route, kind)
    return {
      label: `${route.name} × ${kind.name} → ${outcome}`,
      route,
      kind,
      outcome
    }
  })
)

async function runCell(cell: Cell): Promise<string[]> {
  const { route, kind, outcome } = cell
  const emu = await startEmulator()
  try {
    const seeded = seedUnrelatedBindings(emu)
    route.setup?.(emu)
    emu.fault(route.match, ...(route.before ?? []), ...kind.faults(emu))
    const { main, post } = await runJob({
      inputs: inputsFor(emu, route.tokenType),
      node: NODE,
      timeoutMs: HANG_MS
    })
    const problems = outcomeProblems(outcome, route, kind, main, post)
    if (!emu.requests.some((r) => r.fault !== undefined)) {
      problems.push('the fault was never triggered (route not called)')
    }
    if (emu.requests.some((r) => r.path.startsWith('/steal'))) {
      problems.push('a redirect was followed')
    }
    const liveAfterJob = emu.liveTokens()
    const v = checkJob(
      emu,
      { main, ...(post ? { post } : {}) },
      {
        seeded,
        lifetimeSeconds: LIFETIME_SECONDS,
        allowedEnv: ['DT_API_TOKEN']
      }
    )
    problems.push(...hardViolations(v))
    const leftoversAllowed =
      outcome === 'recovery-fail' || outcome === 'revoke-warn'
    if (!leftoversAllowed && liveAfterJob.length > 0) {
      problems.push(
        `token(s) still valid after the job: ${liveAfterJob.map((t) => `${t.kind} ${t.id}`).join(', ')}`
      )
    }
    return problems
  } finally {
    await emu.close()
  }
}

describe(`fault matrix: ${ROUTES.length} routes × ${KINDS.length} faults = ${CELLS.length} cells`, () => {
  test.concurrent.each(CELLS.map((c) => [c.label, c] as const))(
    '%s',
    async (_label, cell) => {
      const problems = await limit(() => runCell(cell))
      expect(problems).toEqual([])
    }
  )
})

describe('bearer expiry between the steps', () => {
  test('post authenticates afresh when main’s bearer has expired (advanceClock(301))', async () => {
    const emu = await startEmulator()
    try {
      const seeded = seedUnrelatedBindings(emu)
      const inputs = inputsFor(emu, 'classic')
      const main = await runAction({ inputs, node: NODE })
      expect(main.exitCode).toBe(0)
      const mainBearer = emu.requests
        .find((r) => r.method === 'POST' && !r.path.startsWith('/sso'))!
        .headers.authorization!.slice(7)
      expect(mainBearer).not.toBe('')
      emu.advanceClock(301)
      const post = await runAction({
        inputs,
        node: NODE,
        entry: 'post',
        state: main.state
      })
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toContain(`Revoked token ${main.outputs['token-id']}`)
      const del = emu.requests.find((r) => r.method === 'DELETE')!
      expect(del.headers.authorization).not.toContain(mainBearer)
      expect(emu.liveTokens()).toEqual([])
      const v = checkJob(
        emu,
        { main, post },
        {
          seeded,
          lifetimeSeconds: LIFETIME_SECONDS,
          allowedEnv: ['DT_API_TOKEN']
        }
      )
      expect(hardViolations(v)).toEqual([])
    } finally {
      await emu.close()
    }
  })
})
