/**
 * How IAM changes are shown: the JSON of the `plan` output, the log lines
 * and the job-summary table. Everything here is built from names that came
 * from the inputs or the server, so log text goes through `log.clean` and
 * HTML through `escapeHtml`.
 */
import type { Logger } from '../log.js'
import { escapeHtml } from '../summary.js'
import { levelLabel } from './api.js'
import type { LevelOutcome, PolicyOutcome } from './ensure.js'
import type { NamedRef } from './resolve.js'

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

/** The job-summary section: counts per level, then the changes themselves. */
export function summaryHtml(
  policies: PolicyOutcome[],
  levels: LevelOutcome[],
  dryRun: boolean
): string {
  const h = escapeHtml
  const parts: string[] = [
    `<h3>IAM policies and bindings${dryRun ? ' (plan: nothing changed)' : ''}</h3>`
  ]
  if (policies.length === 0 && levels.length === 0) {
    parts.push('<p>No IAM policies or bindings requested.</p>')
    return parts.join('\n')
  }
  const verb = dryRun ? 'To add' : 'Added'
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
      `<tr><td>Bindings at ${h(levelLabel(o.level))}</td><td>${countAdded([o])}</td><td>${o.unchanged}</td><td>${o.skipped.length}</td></tr>`
    )
  }
  parts.push(
    `<table><tr><th>What</th><th>${verb} / changed</th><th>Unchanged</th><th>Left alone</th></tr>\n${rows.join('\n')}\n</table>`
  )

  const changes: string[] = []
  for (const p of policies) {
    if (p.action === 'unchanged') continue
    const what =
      p.action === 'create'
        ? dryRun
          ? 'create policy'
          : 'created policy'
        : `${dryRun ? 'update' : 'updated'} ${p.changed.join(' and ')}`
    changes.push(
      `<tr><td>${h(what)}</td><td>account</td><td>${h(p.name)}</td><td></td><td></td></tr>`
    )
  }
  for (const o of levels) {
    for (const b of o.added) {
      changes.push(
        `<tr><td>${dryRun ? 'bind' : 'bound'}</td><td>${h(levelLabel(o.level))}</td><td>${h(b.policy.name)}</td><td>${h(b.groups.map((g) => g.name).join(', '))}</td><td>${h(b.boundaries.map((x) => x.name).join(', '))}</td></tr>`
      )
    }
    for (const s of o.skipped) {
      changes.push(
        `<tr><td>left alone (bound with boundaries)</td><td>${h(levelLabel(o.level))}</td><td>${h(s.policy.name)}</td><td>${h(s.group.name)}</td><td></td></tr>`
      )
    }
  }
  if (changes.length === 0) {
    parts.push('<p>Everything was already in place: nothing to change.</p>')
  } else {
    const shown = changes.slice(0, MAX_ROWS)
    parts.push(
      `<table><tr><th>Change</th><th>Level</th><th>Policy</th><th>Groups</th><th>Boundaries</th></tr>\n${shown.join('\n')}\n</table>`
    )
    if (changes.length > MAX_ROWS) {
      parts.push(
        `<p>… and ${changes.length - MAX_ROWS} more (see the log${dryRun ? ' or the plan output' : ''}).</p>`
      )
    }
  }
  return parts.join('\n')
}
