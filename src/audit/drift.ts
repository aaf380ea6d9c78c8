/**
 * Scope drift: on a pull request (GITHUB_BASE_REF set), the token-scopes each scanned file
 * asks for compared with the same file on the base branch, read with `git show` from the
 * local clone. Offline: git only reads objects already fetched (actions/checkout with
 * fetch-depth: 0). In a partial clone (`filter: blob:none`, sparse checkouts) git would
 * fetch a missing blob from the remote on its own; OFFLINE_GIT_ENV stops that, and a file
 * whose base version is not local is skipped. Without git, a clone or the base ref, the
 * check is skipped.
 */
import { execFile } from 'node:child_process'
import { parseList } from '../scopes.js'
import type { AuditBudget } from './budget.js'
import { finding, type Finding } from './findings.js'
import { MAX_FILE_BYTES, scanWorkflow, type ActionStep } from './scan.js'
import { hasExpression, locate, show } from './values.js'

/** Branch names as git allows them, minus anything that could read as an option or a range. */
const SAFE_REF = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/

/** Longest a single git command may run. */
const GIT_TIMEOUT_MS = 10_000

/**
 * The environment of every git command: nothing may reach the network, ask for a password
 * or take a lock. (The git(1) manual's ENVIRONMENT section describes each.)
 */
export const OFFLINE_GIT_ENV: Readonly<Record<string, string>> = {
  // A missing object of a partial clone is an error instead of a fetch from the promisor
  // remote (git's promisor-remote.c; in the 2.39.4+ security releases and in 2.45+).
  GIT_NO_LAZY_FETCH: '1',
  // For a git that predates it: an allow-list of transports that names none, so any fetch
  // (lazy or not) fails before it connects. `git --no-lazy-fetch` would be clearer, but gits
  // before 2.44 reject the option and do nothing at all.
  GIT_ALLOW_PROTOCOL: '',
  GIT_PROTOCOL_FROM_USER: '0',
  // A file name is a path, never a pathspec pattern or magic.
  GIT_LITERAL_PATHSPECS: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0'
}

/** Runs git with arguments (never a shell); resolves stdout, rejects on any failure. */
export type Git = (
  args: string[],
  cwd: string,
  timeoutMs?: number
) => Promise<string>

/** The real git: a bounded, prompt-free, offline child process. */
export const runGit: Git = (args, cwd, timeoutMs = GIT_TIMEOUT_MS) =>
  new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        timeout: Math.max(1, Math.min(timeoutMs, GIT_TIMEOUT_MS)),
        // A base version larger than the audit reads from the workspace is not read either.
        maxBuffer: MAX_FILE_BYTES,
        windowsHide: true,
        env: { ...process.env, ...OFFLINE_GIT_ENV }
      },
      (error, stdout) => (error ? reject(error) : resolvePromise(stdout))
    )
  })

/** The token-scopes the steps of a file ask for, each with where it first appears. */
export function declaredScopes(
  steps: ActionStep[]
): Map<string, { file?: string; line?: number }> {
  const scopes = new Map<string, { file?: string; line?: number }>()
  for (const step of steps) {
    const value = step.with.get('token-scopes')
    if (!value || hasExpression(value.text)) continue
    for (const scope of parseList(value.text)) {
      if (!scopes.has(scope)) scopes.set(scope, locate(value, scope))
    }
  }
  return scopes
}

/** The file's text on `ref`: '' when the file does not exist there, undefined when unknown. */
async function baseVersion(
  git: Git,
  ref: string,
  file: string,
  root: string,
  debug: (message: string) => void,
  budget: AuditBudget | undefined
): Promise<string | undefined> {
  const timeout = budget?.remainingMs()
  const name = show(file, 200)
  let text: string | undefined
  try {
    text = await git(['show', `${ref}:./${file}`], root, timeout)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
      debug(
        `Scope drift: ${name} on ${ref} is larger than ${MAX_FILE_BYTES / 1024} KiB; skipped.`
      )
      return undefined
    }
  }
  if (text !== undefined) {
    budget?.charge(Buffer.byteLength(text), `${ref}:${file}`)
    return text
  }
  // Missing on the base, or there but not in this clone: only the tree tells which.
  let entry: string
  try {
    entry = await git(['ls-tree', '-z', ref, '--', `./${file}`], root, timeout)
  } catch {
    debug(
      `Scope drift: the tree of ${ref} is not in the local clone, so ${name} was not compared (the audit never fetches). Check out with fetch-depth: 0 and without a filter to compare it.`
    )
    return undefined
  }
  if (entry === '') return '' // New in this pull request: every scope it asks for is added.
  debug(
    `Scope drift: ${name} on ${ref} is not in the local clone (a partial or sparse checkout), so it was not compared (the audit never fetches). Check out with fetch-depth: 0 and without a filter to compare it.`
  )
  return undefined
}

/**
 * scope-drift findings for `files` (workspace-relative, with their steps at the head).
 * Returns [] (after a debug line) when there is no base to compare with.
 */
export async function scopeDrift(
  files: { file: string; steps: ActionStep[] }[],
  root: string,
  debug: (message: string) => void,
  git: Git = runGit,
  base = process.env.GITHUB_BASE_REF ?? '',
  budget?: AuditBudget
): Promise<Finding[]> {
  if (base === '') {
    debug(
      'Scope drift: GITHUB_BASE_REF is not set (not a pull request); skipped.'
    )
    return []
  }
  if (!SAFE_REF.test(base)) {
    debug(
      `Scope drift: base ref ${show(base)} is not a plain branch name; skipped.`
    )
    return []
  }
  let ref: string | undefined
  for (const candidate of [`origin/${base}`, base]) {
    try {
      await git(
        ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`],
        root,
        budget?.remainingMs()
      )
      ref = candidate
      break
    } catch {
      // Not fetched under this name (or no git at all); try the next.
    }
  }
  if (ref === undefined) {
    debug(
      `Scope drift: neither origin/${base} nor ${base} is available to git here (check out with fetch-depth: 0 to compare); skipped.`
    )
    return []
  }
  const findings: Finding[] = []
  for (const { file, steps } of files) {
    budget?.checkTime(`${ref}:${file}`)
    const baseText = await baseVersion(git, ref, file, root, debug, budget)
    if (baseText === undefined) continue
    const before = declaredScopes(scanWorkflow(baseText, file).steps)
    const after = declaredScopes(steps)
    for (const [scope, at] of after) {
      if (before.has(scope)) continue
      findings.push(
        finding(
          'scope-drift',
          `token-scopes: ${show(scope)} is added by this change (${file} on ${base} does not ask for it). Check that the job needs it before merging.`,
          at,
          scope
        )
      )
    }
    for (const scope of before.keys()) {
      if (after.has(scope)) continue
      findings.push(
        finding(
          'scope-drift',
          `token-scopes: ${show(scope)} is removed by this change (${file} on ${base} asks for it). Check that no step of the job still needs it.`,
          { file },
          scope,
          'notice'
        )
      )
    }
  }
  return findings
}
