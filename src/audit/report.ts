/**
 * Reporting: one annotation per finding, the `audit-report` / `audit-findings` outputs,
 * a job summary table, and the step's outcome per `audit-fail-on`.
 */
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import type { FailOn } from '../inputs.js'
import { neutralise, type Logger } from '../log.js'
import { Output } from '../outputs.js'
import { escapeHtml, writeSummary } from '../summary.js'
import type { Finding, Severity } from './findings.js'
import { shortList } from './rules.js'

const ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }
/** Longest message kept; messages quote untrusted values, already shortened. */
const MAX_MESSAGE = 1000
/** Rows in the job summary; the JSON output and the annotations carry every finding. */
const MAX_ROWS = 300

/**
 * Findings in a stable order (this step's own first, then by file, line, severity, rule),
 * without duplicates, each message made safe for a log line.
 */
export function normalise(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const f of findings) {
    const clean: Finding = { ...f, message: neutralise(f.message, MAX_MESSAGE) }
    if (clean.scope !== undefined) clean.scope = clean.scope.slice(0, 200)
    const key = JSON.stringify(clean)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(clean)
  }
  return out.sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      ORDER[a.severity] - ORDER[b.severity] ||
      a.rule.localeCompare(b.rule)
  )
}

/** The `audit-report` JSON: `{"findings":[{severity, rule, message, file, line, scope}]}`. */
export function reportJson(findings: Finding[]): string {
  return JSON.stringify({
    findings: findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      ...(f.file !== undefined ? { file: f.file } : {}),
      ...(f.line !== undefined ? { line: f.line } : {}),
      ...(f.scope !== undefined ? { scope: f.scope } : {})
    }))
  })
}

/**
 * Where a finding is, as a link to the file and line in this repository at the audited
 * commit when the runner names them, else as text.
 */
function where(f: Finding, env: NodeJS.ProcessEnv = process.env): string {
  if (f.file === undefined) return 'this step'
  const text = escapeHtml(f.line === undefined ? f.file : `${f.file}:${f.line}`)
  const server = env.GITHUB_SERVER_URL ?? ''
  const repo = env.GITHUB_REPOSITORY ?? ''
  const sha = env.GITHUB_SHA ?? ''
  if (
    !/^https:\/\/[\w.-]+$/.test(server) ||
    !/^[\w.-]+\/[\w.-]+$/.test(repo) ||
    !/^[0-9a-f]{40}$/.test(sha)
  )
    return text
  const path = f.file.split('/').map(encodeURIComponent).join('/')
  const anchor = f.line === undefined ? '' : `#L${f.line}`
  return `<a href="${escapeHtml(`${server}/${repo}/blob/${sha}/${path}${anchor}`)}">${text}</a>`
}

const plural = (n: number, word: string): string =>
  `${n} ${word}${n === 1 ? '' : 's'}`

/** Counts per severity. */
export function count(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

/** Does `audit-fail-on` make these findings fail the step? */
export function shouldFail(findings: Finding[], failOn: FailOn): boolean {
  const c = count(findings)
  if (failOn === 'never') return false
  return c.error > 0 || (failOn === 'warning' && c.warning > 0)
}

/** Annotate, set the outputs, write the summary; throw an ActionError when the step must fail. */
export async function report(
  findings: Finding[],
  log: Logger,
  context: {
    failOn: FailOn
    files: number
    steps: number
    /** The audit step's allowed-scopes, shown once above the table. */
    allowedScopes?: readonly string[]
  }
): Promise<void> {
  for (const f of findings) {
    const properties: core.AnnotationProperties = { title: f.rule }
    if (f.file !== undefined) properties.file = f.file
    if (f.line !== undefined) properties.startLine = f.line
    log[f.severity](f.message, properties)
  }
  core.setOutput(Output.AuditReport, log.redact(reportJson(findings)))
  core.setOutput(Output.AuditFindings, String(findings.length))

  const c = count(findings)
  const scanned = `${plural(context.files, 'file')}, ${plural(context.steps, 'step')} using this action`
  log.info(
    findings.length === 0
      ? `Scope audit: no findings (${scanned}).`
      : `Scope audit: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')} (${scanned}).`
  )
  await writeSummary(log, (s) => {
    s.addHeading('Dynatrace scope audit', 2)
    s.addRaw(
      `<p>${escapeHtml(
        findings.length === 0
          ? `No findings (${scanned}).`
          : `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')} (${scanned}).`
      )}</p>`,
      true
    )
    if (findings.length === 0) return
    const allowed = context.allowedScopes ?? []
    // The list is long and the same in every row: said once, above the table.
    const listed = allowed.length > 0 ? ` (${shortList(allowed)})` : undefined
    if (listed) {
      s.addRaw(
        `<p>The audit's allowed-scopes: ${allowed.map((a) => `<code>${escapeHtml(a)}</code>`).join(', ')}.</p>`,
        true
      )
    }
    const rows = findings.slice(0, MAX_ROWS).map((f) => [
      escapeHtml(f.severity),
      // Non-breaking hyphens: a rule ID never wraps in the middle.
      `<code>${escapeHtml(f.rule).replace(/-/g, '&#8209;')}</code>`,
      where(f),
      escapeHtml(listed ? f.message.split(listed).join('') : f.message)
    ])
    s.addTable([
      [
        { data: 'Severity', header: true },
        { data: 'Rule', header: true },
        { data: 'Where', header: true },
        { data: 'Message', header: true }
      ],
      ...rows
    ])
    if (findings.length > MAX_ROWS) {
      s.addRaw(
        `<p>${findings.length - MAX_ROWS} more in the audit-report output.</p>`,
        true
      )
    }
  })

  if (shouldFail(findings, context.failOn)) {
    const parts: string[] = []
    if (c.error > 0) parts.push(plural(c.error, 'error'))
    if (c.warning > 0) parts.push(plural(c.warning, 'warning'))
    throw new ActionError(
      `Scope audit found ${parts.join(' and ')}; see the annotations.`
    )
  }
}
