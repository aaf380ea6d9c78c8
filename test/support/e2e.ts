/**
 * What the end-to-end test files share: emulators closed after each test, the request
 * sequence, and the clean-run check (no leak anywhere, no token left valid, no stderr).
 */
import { afterEach, expect } from '@jest/globals'
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator
} from '../emulator/index.js'
import { commandViolations } from './commands.js'
import { emulatorSecrets, scanForLeaks, type StepResult } from './runner.js'

export const TOKENS = '/platform/classic/environment-api/v2/apiTokens'
export const SSO = '/sso/oauth2/token'
/** A line of a JavaScript stack trace. */
export const STACK = /^\s+at .+:\d+:\d+\)?$/m

/**
 * A factory of emulators for one test file, each closed after its test. Call it at
 * the top level of the file (it registers an afterEach hook).
 */
export function emulators(): (
  options?: EmulatorOptions
) => Promise<RunningEmulator> {
  const open: RunningEmulator[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((e) => e.close()))
  })
  return async (options = {}) => {
    const emu = await startEmulator({ contractPath: null, ...options })
    open.push(emu)
    return emu
  }
}

/** method + path without query, in order. */
export const sequence = (emu: RunningEmulator): string[] =>
  emu.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)

/**
 * Nothing secret anywhere but the token outputs (and `allowedEnv`), no secret in a
 * URL, nothing on stderr, (unless `live`) no token left valid, and no workflow command
 * the action did not mean.
 */
export function expectClean(
  emu: RunningEmulator,
  steps: Array<StepResult | undefined>,
  opts: { allowedEnv?: string[]; live?: boolean; secrets?: string[] } = {}
): void {
  const ran = steps.filter((s): s is StepResult => s !== undefined)
  expect(
    scanForLeaks(
      ran,
      [...emulatorSecrets(emu.state), ...(opts.secrets ?? [])],
      { requests: emu.requests, allowedEnv: opts.allowedEnv ?? [] }
    )
  ).toEqual([])
  if (!opts.live) expect(emu.liveTokens()).toEqual([])
  for (const s of ran) expect(s.stderr.trim()).toBe('')
  // Every add-mask processed, no command the action did not mean (as the runner reads stdout).
  expect(ran.flatMap((s) => commandViolations(s.stdout))).toEqual([])
}
