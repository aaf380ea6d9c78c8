/**
 * Scope drift: on a pull request (GITHUB_BASE_REF set), the token-scopes each scanned file
 * asks for compared with the same file on the base branch, read with `git show` from the
 * local clone. Offline: git only reads objects already fetched (actions/checkout with
 * fetch-depth: 0). Without git, a clone or the base ref, the check is skipped.
 */
import { execFile } from 'node:child_process'
import { parseList } from '../scopes.js'
import { finding, type Finding } from './findings.js'
import { scanWorkflow, type ActionStep } from './scan.js'
import { hasExpression, locate, show } from './values.js'

/** Branch names as git allows them, minus anything that could read as an option or a range. */
const SAFE_REF = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/

/** Runs git with arguments (never a shell); resolves stdout, rejects on any failure. */
export type Git = (args: string[], cwd: string) => Promise<string>

/** The real git: a bounded, prompt-free child process. */
export const runGit: Git = (args, cwd) =>
  new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        timeout: 10_000,
        maxBuffer: 4 * 1024 * 1024,
        windowsHide: true,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_OPTIONAL_LOCKS: '0'
        }
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

/**
 * scope-drift findings for `files` (workspace-relative, with their steps at the head).
 * Returns [] (after a debug line) when there is no base to compare with.
 */
export async function scopeDrift(
  files: { file: string; steps: ActionStep[] }[],
  root: string,
  debug: (message: string) => void,
  git: Git = runGit,
  base = process.env.GITHUB_BASE_REF ?? ''
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
        root
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
    let baseText = ''
    try {
      baseText = await git(['show', `${ref}:./${file}`], root)
    } catch {
      // The file is new in this pull request: every scope it asks for is added.
    }
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
