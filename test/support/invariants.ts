/**
 * Invariants every run of the action must keep, whatever the network or the
 * inputs do to it: no secret anywhere but the token outputs, no workflow
 * command the action did not mean to issue, no stack trace, no token left
 * valid without the user being told, no IAM binding removed or changed.
 * Shared by the reliability tests (__tests__/reliability-*.test.ts) and the
 * chaos soak (scripts/soak.ts). Every function returns findings as strings
 * that never contain a secret; an empty list means the invariant holds.
 */
import {
  BUILTIN_POLICIES,
  DEFAULT_ENVIRONMENT_ID,
  DEMO_GROUPS,
  type BindingRecord,
  type RunningEmulator
} from '../emulator/index.js'
import {
  ACTION_COMMANDS,
  commandViolations,
  runnerCommands
} from './commands.js'
import { scanForLeaks, type StepResult } from './runner.js'

export { ACTION_COMMANDS } from './commands.js'

/** The messages of every `::<name>::` command the runner processes in stdout (e.g. 'error'). */
export function commandMessages(stdout: string, name: string): string[] {
  return runnerCommands(stdout)
    .filter((c) => c.name === name && c.outcome === 'processed')
    .map((c) => c.data)
}

/**
 * What the runner, reading stdout as it does (test/support/commands.ts), would
 * do that the action did not mean: commands it never issues (`::set-output`,
 * `##[stop-commands]` …, in either form, anywhere in a line), commands ignored
 * because processing was stopped (an `::add-mask::` among them shows its
 * secret), and `##[` or a leading `::` left in a printed line.
 */
export function foreignCommands(stdout: string): string[] {
  return commandViolations(stdout)
}

/**
 * Commands whose name, properties or data start with `marker`: text planted
 * in an input or a server response that became a command of its own.
 */
export function injectedCommands(stdout: string, marker: string): string[] {
  const found: string[] = []
  for (const c of runnerCommands(stdout)) {
    if (
      Object.values(c.properties).some((v) => v.includes(marker)) ||
      c.data.trimStart().startsWith(marker) ||
      (c.form === '##[' && c.data.includes(marker)) ||
      (!ACTION_COMMANDS.has(c.name) && c.data.includes(marker))
    ) {
      found.push(
        `line ${c.line}: ${c.form === '::' ? `::${c.name}::` : `##[${c.name}]`} carries the marker`
      )
    }
  }
  return found
}

/** Lines that look like a JavaScript stack frame (`at fn (file:line:col)`). */
export function stackTraceLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter(
      (l) =>
        /^\s*at\s+\S.*(:\d+:\d+\)?|\(native\)|<anonymous>\)?)\s*$/.test(l) ||
        /^\s*at\s+(async\s+)?file:\/\//.test(l)
    )
}

/** The action's own "this is a bug" report: an exception it did not expect. */
export function bugReports(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((l) => /This is a bug in configure-dynatrace-credentials/.test(l))
}

/** Lines longer than `max` characters (`::add-mask::` lines exempt: they carry secrets verbatim). */
export function longLines(stdout: string, max: number): string[] {
  const found: string[] = []
  stdout.split(/\r?\n/).forEach((line, n) => {
    if (!line.startsWith('::add-mask::') && line.length > max) {
      found.push(`line ${n + 1}: ${line.length} characters`)
    }
  })
  return found
}

/**
 * ESC and other C0/C1 control characters (tab excepted) in stdout, outside
 * `::add-mask::` lines (those carry a credential verbatim, whatever it holds).
 */
export function controlCharacters(stdout: string): string[] {
  const found: string[] = []
  stdout.split(/\r?\n/).forEach((line, n) => {
    if (line.startsWith('::add-mask::')) return
    // eslint-disable-next-line no-control-regex
    const m = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(line)
    if (m) {
      found.push(
        `line ${n + 1}: U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`
      )
    }
  })
  return found
}

/** Every secret the emulator knows: client secrets, every bearer it issued, every token it minted. */
export function emulatorSecrets(emu: RunningEmulator): string[] {
  return [
    ...emu.state.clients.map((c) => c.clientSecret),
    ...emu.state.bearers.keys(),
    ...emu.state.apiTokens.map((t) => t.token),
    ...emu.state.platformTokens.map((t) => t.token),
    ...emu.state.identityProviders.flatMap((p) => [p.requestToken, ...p.issued])
  ]
}

/**
 * Seeds bindings that have nothing to do with a run (another group bound to
 * the same built-in policy, a parameterised one, one with a boundary, one at
 * account level) and returns copies to compare with after the run.
 */
export function seedUnrelatedBindings(emu: RunningEmulator): BindingRecord[] {
  const env = emu.state.environments[0]?.id ?? DEFAULT_ENVIRONMENT_ID
  const boundary = {
    uuid: '3c9d7e21-0b5a-4f4e-9a7c-5d2e1f0a9b8c',
    name: 'Only prod',
    boundaryQuery: 'environment:management-zone IN ("prod");',
    metadata: {}
  }
  if (!emu.state.boundaries.some((b) => b.uuid === boundary.uuid)) {
    emu.state.boundaries.push(boundary)
  }
  const seeded: BindingRecord[] = [
    {
      levelType: 'environment',
      levelId: env,
      policyUuid: BUILTIN_POLICIES.settingsReader.uuid,
      groupUuid: DEMO_GROUPS.viewers.uuid
    },
    {
      levelType: 'environment',
      levelId: env,
      policyUuid: BUILTIN_POLICIES.settingsWriter.uuid,
      groupUuid: DEMO_GROUPS.viewers.uuid,
      boundaries: [boundary.uuid]
    },
    {
      levelType: 'environment',
      levelId: env,
      policyUuid: BUILTIN_POLICIES.changeMonitoringSettings.uuid,
      groupUuid: DEMO_GROUPS.deployers.uuid,
      parameters: { zone: 'prod' }
    },
    {
      levelType: 'account',
      levelId: emu.state.accountUuid,
      policyUuid: BUILTIN_POLICIES.accessEnvironment.uuid,
      groupUuid: DEMO_GROUPS.deployers.uuid
    }
  ]
  emu.state.bindings.push(...seeded.map((b) => structuredClone(b)))
  return seeded.map((b) => structuredClone(b))
}

const bindingLabel = (b: BindingRecord): string =>
  `${b.levelType}/${b.levelId} policy ${b.policyUuid} group ${b.groupUuid}`

/** Seeded bindings that are gone or no longer the same (boundaries, parameters, metadata). */
export function removedBindings(
  emu: RunningEmulator,
  seeded: BindingRecord[]
): string[] {
  const same = (a: BindingRecord, b: BindingRecord): boolean =>
    a.levelType === b.levelType &&
    a.levelId === b.levelId &&
    a.policyUuid === b.policyUuid &&
    a.groupUuid === b.groupUuid &&
    JSON.stringify(a.parameters ?? {}) === JSON.stringify(b.parameters ?? {})
  const found: string[] = []
  for (const s of seeded) {
    const now = emu.state.bindings.find((b) => same(b, s))
    if (!now) found.push(`removed: ${bindingLabel(s)}`)
    else if (
      JSON.stringify([...(now.boundaries ?? [])].sort()) !==
        JSON.stringify([...(s.boundaries ?? [])].sort()) ||
      JSON.stringify(now.metadata ?? {}) !== JSON.stringify(s.metadata ?? {})
    ) {
      found.push(`changed: ${bindingLabel(s)}`)
    }
  }
  return found
}

/**
 * IAM calls the action must never make: anything that replaces or deletes
 * (`PUT …/bindings/groups/{g}`, `PUT …/bindings/{p}/{g}`, any DELETE under
 * /iam/v1/repo) — it only ever appends bindings.
 */
export function forbiddenIamCalls(emu: RunningEmulator): string[] {
  return emu.requests
    .filter(
      (r) =>
        r.path.startsWith('/iam/v1/repo/') &&
        (r.method === 'DELETE' ||
          (r.method === 'PUT' && /\/bindings\//.test(r.path)))
    )
    .map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`)
}

export interface LiveToken {
  kind: 'classic' | 'platform'
  id: string
  name: string
  expiresAt: string
}

/**
 * Tokens still valid after the job, split into those the job told the user
 * about (their ID or name appears in an `::error::` or `::warning::`) and those
 * it did not: a silent leftover is an orphan.
 */
export function leftoverTokens(
  emu: RunningEmulator,
  steps: Array<Pick<StepResult, 'stdout'>>
): { reported: LiveToken[]; unreported: LiveToken[] } {
  const told = steps
    .flatMap((s) => [
      ...commandMessages(s.stdout, 'error'),
      ...commandMessages(s.stdout, 'warning')
    ])
    .join('\n')
  const reported: LiveToken[] = []
  const unreported: LiveToken[] = []
  for (const t of emu.liveTokens()) {
    if (told.includes(t.id) || told.includes(`"${t.name}"`)) reported.push(t)
    else unreported.push(t)
  }
  return { reported, unreported }
}

/**
 * The token main handed on (its `token` output) must be one the emulator issued, with
 * Dynatrace's shape, its own ID as `token-id`, its `token-expires-at`, and an expiry
 * within `lifetimeSeconds` of its creation (a minute of slack): the token handed on is
 * the token asked for.
 */
export function handedOnTokenProblems(
  emu: RunningEmulator,
  main: StepResult,
  lifetimeSeconds: number
): string[] {
  const value = main.outputs.token
  if (value === undefined || value === '') return []
  const classic = emu.state.apiTokens.find((t) => t.token === value)
  const platform = emu.state.platformTokens.find((t) => t.token === value)
  const issued = classic
    ? {
        id: classic.id,
        shape: /^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/,
        createdAt: classic.creationDate,
        expiresAt: classic.expirationDate
      }
    : platform
      ? {
          id: platform.tokenId,
          shape: /^dt0s16\.[A-Z0-9]{1,64}\.[A-Z0-9]{64}$/,
          createdAt: platform.createdAt,
          expiresAt: platform.expirationDate
        }
      : undefined
  if (!issued) return ['the token output is not a token the emulator issued']
  const problems: string[] = []
  if (!issued.shape.test(value)) {
    problems.push(`token ${issued.id} does not have Dynatrace's token shape`)
  }
  if (main.outputs['token-id'] !== issued.id) {
    problems.push(
      `token-id is not the ID of the token handed on (${issued.id})`
    )
  }
  if (issued.expiresAt === null) {
    problems.push(`token ${issued.id} never expires`)
  } else {
    if (main.outputs['token-expires-at'] !== issued.expiresAt) {
      problems.push(
        `token-expires-at is not token ${issued.id}'s expiry (${issued.expiresAt})`
      )
    }
    const lived = Date.parse(issued.expiresAt) - Date.parse(issued.createdAt)
    if (lived > (lifetimeSeconds + 60) * 1000) {
      problems.push(
        `token ${issued.id} lives ${Math.round(lived / 1000)} s, more than its ${lifetimeSeconds} s lifetime`
      )
    }
  }
  return problems
}

/**
 * Moves the emulator clock past `seconds` (plus a minute of slack) and returns
 * the tokens still valid then: a token the action minted must expire on
 * Dynatrace's clock within its requested lifetime, even if it was never revoked.
 * Mutates the emulator's clock; call it last.
 */
export function outliveLifetime(
  emu: RunningEmulator,
  seconds: number
): LiveToken[] {
  emu.advanceClock(seconds + 60)
  return emu.liveTokens()
}

/** Invariant findings of one job (main + post) against the emulator. */
export interface JobViolations {
  leaks: string[]
  /** Live tokens nobody was told about, or that outlive their lifetime. */
  orphans: string[]
  /** Live tokens the job named in a warning or error (revocation failed, recovery impossible). */
  reportedLeftovers: string[]
  removedBindings: string[]
  forbiddenCalls: string[]
  /** Exit codes other than 0/1 (post: other than 0), stack traces, "this is a bug", stderr noise. */
  crashes: string[]
  /** Workflow commands the action never issues. */
  injections: string[]
  /** The token handed on is not the token asked for. */
  wrongToken: string[]
}

export interface JobCheckOptions {
  seeded: BindingRecord[]
  /** The token-lifetime the job asked for, in seconds. */
  lifetimeSeconds: number
  /** Output/env names allowed to carry a secret besides token/access-token. */
  allowedEnv?: string[]
}

/**
 * Checks every invariant of a job that ran against `emu`. Advances the
 * emulator's clock when tokens are left over (to see them expire), so call it
 * after everything else has looked at the emulator.
 */
export function checkJob(
  emu: RunningEmulator,
  job: { main: StepResult; post?: StepResult },
  options: JobCheckOptions
): JobViolations {
  const steps = job.post ? [job.main, job.post] : [job.main]
  const v: JobViolations = {
    leaks: scanForLeaks(steps, emulatorSecrets(emu), {
      requests: emu.requests,
      ...(options.allowedEnv ? { allowedEnv: options.allowedEnv } : {})
    }),
    orphans: [],
    reportedLeftovers: [],
    removedBindings: removedBindings(emu, options.seeded),
    forbiddenCalls: forbiddenIamCalls(emu),
    crashes: [],
    injections: [],
    wrongToken: handedOnTokenProblems(emu, job.main, options.lifetimeSeconds)
  }
  for (const s of steps) {
    const okCodes = s.entry === 'post' ? [0] : [0, 1]
    if (!okCodes.includes(s.exitCode)) {
      v.crashes.push(`${s.entry} exited with ${s.exitCode}`)
    }
    for (const l of stackTraceLines(`${s.stdout}\n${s.stderr}`)) {
      v.crashes.push(`${s.entry} printed a stack frame: ${l.trim()}`)
    }
    for (const l of bugReports(s.stdout)) {
      v.crashes.push(
        `${s.entry} reported an unexpected error: ${l.slice(0, 200)}`
      )
    }
    if (s.stderr.trim() !== '') {
      v.crashes.push(
        `${s.entry} wrote to stderr: ${s.stderr.trim().slice(0, 200)}`
      )
    }
    if (s.exitCode === 1 && commandMessages(s.stdout, 'error').length === 0) {
      v.crashes.push(`${s.entry} failed without an ::error:: line`)
    }
    for (const f of foreignCommands(s.stdout))
      v.injections.push(`${s.entry} ${f}`)
  }
  const { reported, unreported } = leftoverTokens(emu, steps)
  for (const t of unreported) {
    v.orphans.push(
      `${t.kind} token ${t.id} ("${t.name}") is still valid and no warning or error names it`
    )
  }
  for (const t of reported) {
    v.reportedLeftovers.push(`${t.kind} token ${t.id}`)
  }
  if (reported.length + unreported.length > 0) {
    for (const t of outliveLifetime(emu, options.lifetimeSeconds)) {
      v.orphans.push(
        `${t.kind} token ${t.id} is still valid after its ${options.lifetimeSeconds} s lifetime (expires ${t.expiresAt})`
      )
    }
  }
  return v
}

/** All findings of a JobViolations except the reported leftovers, flattened. */
export function hardViolations(v: JobViolations): string[] {
  return [
    ...v.leaks.map((x) => `leak: ${x}`),
    ...v.orphans.map((x) => `orphan: ${x}`),
    ...v.removedBindings.map((x) => `binding ${x}`),
    ...v.forbiddenCalls.map((x) => `forbidden IAM call: ${x}`),
    ...v.crashes.map((x) => `crash: ${x}`),
    ...v.injections.map((x) => `injection: ${x}`),
    ...v.wrongToken.map((x) => `wrong token: ${x}`)
  ]
}
