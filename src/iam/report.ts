/**
 * How IAM changes are shown: the JSON of the `plan` output, the log lines
 * and the job-summary table. Everything here is built from names that came
 * from the inputs or the server, so log text goes through `log.clean` and
 * HTML through `escapeHtml`.
 */
import type { Logger } from '../log.js'
import { escapeHtml } from '../summary.js'
import { levelLabel } from '../dynatrace/iam.js'
import {
  normaliseStatement,
  type LevelOutcome,
  type PolicyOutcome
} from './ensure.js'
import type { NamedRef, PolicyRef } from './resolve.js'

/** JSON-ready description of the IAM changes made (or planned). */
export interface IamChanges {
  policies: Array<{
    name: string
    /** null for a policy still to be created (plan mode). */
    uuid: string | null
    action: 'create' | 'update' | 'unchanged'
    /** For updates: `statement` and/or `description`. */
    changed: string[]
  }>
  bindings: Array<{
    /** `account` or `environment:<id>`. */
    level: string
    levelType: 'account' | 'environment'
    levelId: string
    add: Array<{
      policy: string
      /** null for a policy still to be created (plan mode). */
      policyUuid: string | null
      groups: Array<{ name: string; uuid: string }>
      boundaries: Array<{ name: string; uuid: string }>
    }>
    /** Desired bindings already in place. */
    unchanged: number
    /** Desired bindings left alone because adding them would change an existing one. */
    skipped: Array<{ policy: string; group: string; reason: string }>
  }>
}

/** Most rows the summary's table of changes shows. */
const MAX_ROWS = 100

const named = (r: NamedRef): { name: string; uuid: string } => ({
  name: r.name,
  uuid: r.uuid
})

/** The outcomes as the `plan` output's `iam` object. */
export function changesJson(
  policies: PolicyOutcome[],
  levels: LevelOutcome[]
): IamChanges {
  return {
    policies: policies.map((p) => ({
      name: p.name,
      uuid: p.uuid ?? null,
      action: p.action,
      changed: p.changed
    })),
    bindings: levels.map((o) => ({
      level:
        o.level.type === 'account' ? 'account' : `environment:${o.level.id}`,
      levelType: o.level.type,
      levelId: o.level.id,
      add: o.added.map((b) => ({
        policy: b.policy.name,
        policyUuid: b.policy.uuid ?? null,
        groups: b.groups.map(named),
        boundaries: b.boundaries.map(named)
      })),
      unchanged: o.unchanged,
      skipped: o.skipped.map((s) => ({
        policy: s.policy.name,
        group: s.group.name,
        reason: s.reason
      }))
    }))
  }
}

/** Number of (policy, group) bindings in the outcomes' batches. */
export function countAdded(levels: LevelOutcome[]): number {
  return levels.reduce(
    (n, o) => n + o.added.reduce((m, b) => m + b.groups.length, 0),
    0
  )
}

/** Log what was done (or would be), per policy and per level. */
export function logOutcomes(
  log: Logger,
  policies: PolicyOutcome[],
  levels: LevelOutcome[],
  dryRun: boolean
): void {
  const q = (text: string): string => `"${log.clean(text, 80)}"`
  for (const p of policies) {
    const uuid = p.uuid ? ` (${p.uuid})` : ''
    if (p.action === 'create') {
      log.info(
        `${dryRun ? 'Would create' : 'Created'} account policy ${q(p.name)}${uuid}.`
      )
    } else if (p.action === 'update') {
      log.info(
        `${dryRun ? 'Would update' : 'Updated'} the ${p.changed.join(' and ')} of account policy ${q(p.name)}${uuid}.`
      )
    }
  }
  if (policies.length > 0) {
    const count = (a: PolicyOutcome['action']): number =>
      policies.filter((p) => p.action === a).length
    log.info(
      `Policies: ${count('create')} ${dryRun ? 'to create' : 'created'}, ${count('update')} ${dryRun ? 'to update' : 'updated'}, ${count('unchanged')} unchanged.`
    )
  }
  for (const o of levels) {
    for (const b of o.added) {
      const bounds =
        b.boundaries.length > 0
          ? ` within ${b.boundaries.map((x) => q(x.name)).join(', ')}`
          : ''
      log.info(
        `${levelLabel(o.level)}: ${dryRun ? 'would bind' : 'bound'} policy ${q(b.policy.name)} to ${b.groups.map((g) => q(g.name)).join(', ')}${bounds}.`
      )
    }
    const added = countAdded([o])
    log.info(
      `${levelLabel(o.level)}: ${added} ${added === 1 ? 'binding' : 'bindings'} ${dryRun ? 'to add' : 'added'}, ${o.unchanged} unchanged${o.skipped.length > 0 ? `, ${o.skipped.length} left alone` : ''}.`
    )
  }
}

/** A line of a policy statement: as shown, and as compared. */
interface StatementLine {
  text: string
  key: string
}

/**
 * A policy's statements one to a line, for showing and comparing: each statement ended
 * by its `;`, each `//` comment on its own line, runs of whitespace outside quotes shown
 * as one space and compared as `normaliseStatement` compares them (Dynatrace may have
 * reformatted the statement it stores).
 */
export function statementLines(text: string): StatementLine[] {
  const lines: StatementLine[] = []
  let current = ''
  let quote: string | undefined
  const end = (): void => {
    const shown = current.trim()
    if (shown !== '')
      lines.push({ text: shown, key: normaliseStatement(shown) })
    current = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (quote) {
      current += ch
      if (ch === quote) quote = undefined
    } else if (ch === '"' || ch === "'") {
      quote = ch
      current += ch
    } else if (ch === '/' && text[i + 1] === '/') {
      end()
      const stop = text.indexOf('\n', i)
      current = text.slice(i, stop === -1 ? text.length : stop)
      end()
      i = stop === -1 ? text.length : stop
    } else if (/\s/.test(ch)) {
      if (!current.endsWith(' ')) current += ' '
    } else {
      current += ch
      if (ch === ';') end()
    }
  }
  end()
  return lines
}

/** Most line pairs compared; longer statements are shown as all removed, all added. */
const MAX_DIFF_CELLS = 250_000

/**
 * A line-by-line diff (longest common subsequence) of two statements: `  ` kept,
 * `- ` removed, `+ ` added, kept lines shown as they are now.
 */
export function lineDiff(
  before: StatementLine[],
  after: StatementLine[]
): string[] {
  const n = before.length
  const m = after.length
  if (n * m > MAX_DIFF_CELLS) {
    return [
      ...before.map((l) => `- ${l.text}`),
      ...after.map((l) => `+ ${l.text}`)
    ]
  }
  // common[i * (m + 1) + j]: length of the longest common subsequence of before[i..]
  // and after[j..]; 0 once either is exhausted (i = n or j = m).
  const common = new Uint32Array((n + 1) * (m + 1))
  const lcs = (i: number, j: number): number => common[i * (m + 1) + j] ?? 0
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i * (m + 1) + j] =
        before[i]?.key === after[j]?.key
          ? lcs(i + 1, j + 1) + 1
          : Math.max(lcs(i + 1, j), lcs(i, j + 1))
    }
  }
  const out: string[] = []
  let i = 0
  let j = 0
  for (;;) {
    const removed = before[i]
    const added = after[j]
    if (removed && added && removed.key === added.key) {
      out.push(`  ${added.text}`)
      i++
      j++
    } else if (removed && (!added || lcs(i + 1, j) >= lcs(i, j + 1))) {
      out.push(`- ${removed.text}`)
      i++
    } else if (added) {
      out.push(`+ ${added.text}`)
      j++
    } else return out
  }
}

/** A name the run resolved, or the UUID it was given (as code) when it knows no name. */
function nameHtml(ref: { name: string; uuid?: string | undefined }): string {
  return ref.uuid !== undefined && ref.name === ref.uuid
    ? `<code>${escapeHtml(ref.name)}</code>`
    : escapeHtml(ref.name)
}

function policyNameHtml(ref: PolicyRef): string {
  return `${nameHtml(ref)}${ref.source === 'global' ? ' (built-in)' : ''}`
}

function levelHtml(level: LevelOutcome['level']): string {
  return `${escapeHtml(level.type)} <code>${escapeHtml(level.id)}</code>`
}

/** What will be (or was) done to each policy of the `policies` input, with its statement. */
function policyChangesHtml(
  policies: PolicyOutcome[],
  dryRun: boolean
): string[] {
  const h = escapeHtml
  const parts: string[] = []
  const pre = (lines: string[]): string =>
    `<pre>${lines.map((l) => h(l)).join('\n')}</pre>`
  for (const p of policies) {
    if (p.action === 'create') {
      parts.push(
        `<p><strong>${dryRun ? 'Create' : 'Created'}</strong> account policy <strong>${h(p.name)}</strong>${p.description.trim() ? ` (“${h(p.description.trim())}”)` : ''} with the statement:</p>`,
        pre(statementLines(p.statement).map((l) => l.text))
      )
    } else if (p.action === 'update' && p.previous) {
      parts.push(
        `<p><strong>${dryRun ? 'Update' : 'Updated'}</strong> the ${h(p.changed.join(' and '))} of account policy <strong>${h(p.name)}</strong> <code>${h(p.uuid ?? '')}</code>${p.changed.includes('statement') ? ' (<code>-</code> removed, <code>+</code> added):' : '.'}</p>`
      )
      if (p.changed.includes('statement')) {
        parts.push(
          pre(
            lineDiff(
              statementLines(p.previous.statement),
              statementLines(p.statement)
            )
          )
        )
      }
      if (p.changed.includes('description')) {
        parts.push(
          `<p>Description: “${h(p.previous.description.trim())}” → “${h(p.description.trim())}”.</p>`
        )
      }
    }
  }
  const unchanged = policies.filter((p) => p.action === 'unchanged')
  if (unchanged.length > 0) {
    parts.push(
      `<p>Already as asked: ${unchanged.map((p) => `<strong>${h(p.name)}</strong>`).join(', ')}.</p>`
    )
  }
  return parts
}

/** The job-summary section: counts per level, each policy's statement, then the bindings. */
export function summaryHtml(
  policies: PolicyOutcome[],
  levels: LevelOutcome[],
  dryRun: boolean
): string {
  const parts: string[] = [
    `<h3>IAM policies and bindings${dryRun ? ' (plan: nothing changed)' : ''}</h3>`
  ]
  if (policies.length === 0 && levels.length === 0) {
    parts.push('<p>No IAM policies or bindings requested.</p>')
    return parts.join('\n')
  }
  const rows: string[] = []
  if (policies.length > 0) {
    const count = (a: PolicyOutcome['action']): number =>
      policies.filter((p) => p.action === a).length
    rows.push(
      `<tr><td>Account policies</td><td>${count('create')} ${dryRun ? 'to create' : 'created'}, ${count('update')} ${dryRun ? 'to update' : 'updated'}</td><td>${count('unchanged')}</td><td></td></tr>`
    )
  }
  for (const o of levels) {
    rows.push(
      `<tr><td>Bindings at ${levelHtml(o.level)}</td><td>${countAdded([o])} ${dryRun ? 'to add' : 'added'}</td><td>${o.unchanged}</td><td>${o.skipped.length}</td></tr>`
    )
  }
  parts.push(
    `<table><tr><th>What</th><th>${dryRun ? 'Changes' : 'Changed'}</th><th>Already in place</th><th>Left alone</th></tr>\n${rows.join('\n')}\n</table>`
  )
  parts.push(...policyChangesHtml(policies, dryRun))

  const changes: string[] = []
  for (const o of levels) {
    for (const b of o.added) {
      changes.push(
        `<tr><td>${dryRun ? 'bind' : 'bound'}</td><td>${levelHtml(o.level)}</td><td>${policyNameHtml(b.policy)}</td><td>${b.groups.map(nameHtml).join(', ')}</td><td>${b.boundaries.length > 0 ? b.boundaries.map(nameHtml).join(', ') : 'none'}</td></tr>`
      )
    }
    for (const s of o.skipped) {
      changes.push(
        `<tr><td>left alone</td><td>${levelHtml(o.level)}</td><td>${policyNameHtml(s.policy)}</td><td>${nameHtml(s.group)}</td><td>none asked for; bound within some already</td></tr>`
      )
    }
  }
  const unchanged = levels.reduce((n, o) => n + o.unchanged, 0)
  const skipped = levels.reduce((n, o) => n + o.skipped.length, 0)
  if (changes.length > 0) {
    const shown = changes.slice(0, MAX_ROWS)
    parts.push(
      `<table><tr><th>Binding</th><th>Level</th><th>Policy</th><th>Groups</th><th>Boundaries</th></tr>\n${shown.join('\n')}\n</table>`
    )
    if (changes.length > MAX_ROWS) {
      parts.push(
        `<p>… and ${changes.length - MAX_ROWS} more (see the log${dryRun ? ' or the plan output' : ''}).</p>`
      )
    }
  } else if (policies.every((p) => p.action === 'unchanged')) {
    parts.push('<p>Everything was already in place: nothing to change.</p>')
  }
  const notes: string[] = []
  if (unchanged > 0) {
    notes.push(
      '<em>Already in place</em>: the group is bound to the policy at that level already, without boundaries or within the ones asked for; nothing is added.'
    )
  }
  if (skipped > 0) {
    notes.push(
      '<em>Left alone</em>: the group is bound to the policy only within boundaries, and the inputs ask for it without any. The action only adds bindings and never changes one, so it does not widen that binding: widen it in Account Management if that is intended.'
    )
  }
  if (notes.length > 0) parts.push(`<p>${notes.join('<br>')}</p>`)
  return parts.join('\n')
}
