/**
 * Make IAM match the inputs, append-only: create or update this step's
 * account policies, then add the (policy, group) bindings each level lacks —
 * one append per (level, policy, boundaries), never touching a binding that
 * is already there. In plan mode the same diff is computed and nothing is
 * written. A second identical run finds nothing to do and writes nothing.
 */
import { AmbiguousRequestError, ActionError } from '../errors.js'
import type { Logger } from '../log.js'
import {
  levelLabel,
  type BindingEntry,
  type IamApi,
  type PolicyBody,
  type PolicyDetail
} from '../dynatrace/iam.js'
import { IAM_CONCURRENCY, mapLimit } from './limit.js'
import {
  policyKey,
  type DesiredBinding,
  type NamedRef,
  type PolicyPlan,
  type PolicyRef,
  type ResolvedLevel
} from './resolve.js'

/** What happened (or would happen) to one policy of the `policies` input. */
export interface PolicyOutcome {
  name: string
  uuid: string | undefined
  action: 'create' | 'update' | 'unchanged'
  /** For updates: which fields differ. */
  changed: Array<'statement' | 'description'>
  /** The statement and description asked for. */
  statement: string
  description: string
  /** For updates: the policy as it was. */
  previous?: { statement: string; description: string }
}

/** One append: groups bound to a policy at a level, with the same boundaries. */
export interface BindingBatch {
  level: ResolvedLevel
  policy: PolicyRef
  groups: NamedRef[]
  boundaries: NamedRef[]
}

/** A desired binding left alone because adding it would change an existing one. */
export interface SkippedBinding {
  policy: PolicyRef
  group: NamedRef
  reason: string
}

/** The bindings of one level: added (or to add), already there, and left alone. */
export interface LevelOutcome {
  level: ResolvedLevel
  added: BindingBatch[]
  /** Desired bindings that were already in place (including those a concurrent run added). */
  unchanged: number
  skipped: SkippedBinding[]
}

/**
 * The current state the diff needs: the detail of each existing policy of
 * the `policies` input and each level's bindings — all independent reads,
 * run concurrently (bounded).
 */
export async function readState(
  api: IamApi,
  plans: PolicyPlan[],
  levels: ResolvedLevel[]
): Promise<{
  details: Map<string, PolicyDetail>
  bindings: Map<string, BindingEntry[]>
}> {
  const details = new Map<string, PolicyDetail>()
  const bindings = new Map<string, BindingEntry[]>()
  const reads: Array<() => Promise<void>> = []
  for (const plan of plans) {
    const existing = plan.existing
    if (existing) {
      reads.push(async () => {
        details.set(
          existing.uuid,
          await api.getPolicy(existing.uuid, existing.name)
        )
      })
    }
  }
  for (const level of levels) {
    reads.push(async () => {
      bindings.set(level.key, await api.getBindings(level))
    })
  }
  await mapLimit(reads, IAM_CONCURRENCY, (read) => read())
  return { details, bindings }
}

/**
 * Create the missing policies and update those whose statement or
 * description differ (keeping their tags). Fills in the UUIDs of created
 * policies on their shared refs, so bindings can use them.
 */
export async function ensurePolicies(
  api: IamApi,
  plans: PolicyPlan[],
  details: Map<string, PolicyDetail>,
  dryRun: boolean,
  log: Logger
): Promise<PolicyOutcome[]> {
  return mapLimit(plans, IAM_CONCURRENCY, async (plan) => {
    const { spec, ref } = plan
    const subject = `policies[${spec.index}] "${log.clean(spec.name, 80)}"`
    const detail = plan.existing ? details.get(plan.existing.uuid) : undefined
    if (!detail) {
      if (dryRun) return outcome(spec, undefined, 'create', [])
      const created = await createPolicy(api, plan, subject)
      ref.uuid = created.uuid
      if (!created.adopted) return outcome(spec, created.uuid, 'create', [])
      // A concurrent run created it first: treat it like one that existed.
      return updateIfDifferent(api, plan, created.adopted, dryRun, subject)
    }
    return updateIfDifferent(api, plan, detail, dryRun, subject)
  })
}

function outcome(
  spec: PolicyPlan['spec'],
  uuid: string | undefined,
  action: PolicyOutcome['action'],
  changed: PolicyOutcome['changed'],
  previous?: PolicyDetail
): PolicyOutcome {
  return {
    name: spec.name,
    uuid,
    action,
    changed,
    statement: spec.statement,
    description: spec.description,
    ...(previous
      ? {
          previous: {
            statement: previous.statementQuery,
            description: previous.description
          }
        }
      : {})
  }
}

function policyBody(plan: PolicyPlan, tags: string[]): PolicyBody {
  return {
    name: plan.spec.name,
    description: plan.spec.description,
    statementQuery: plan.spec.statement,
    tags
  }
}

async function updateIfDifferent(
  api: IamApi,
  plan: PolicyPlan,
  detail: PolicyDetail,
  dryRun: boolean,
  subject: string
): Promise<PolicyOutcome> {
  const changed: PolicyOutcome['changed'] = []
  if (
    normaliseStatement(detail.statementQuery) !==
    normaliseStatement(plan.spec.statement)
  ) {
    changed.push('statement')
  }
  if (detail.description.trim() !== plan.spec.description.trim()) {
    changed.push('description')
  }
  if (changed.length === 0) {
    return outcome(plan.spec, detail.uuid, 'unchanged', [])
  }
  if (!dryRun) {
    // Tags are not managed here: keep whatever the policy has.
    await api.updatePolicy(detail.uuid, policyBody(plan, detail.tags), subject)
  }
  return outcome(plan.spec, detail.uuid, 'update', changed, detail)
}

/**
 * Create a policy. If the name was taken meanwhile (409), or the answer was
 * lost (the request may or may not have been processed), look the name up
 * and adopt that policy rather than creating a second one.
 */
async function createPolicy(
  api: IamApi,
  plan: PolicyPlan,
  subject: string
): Promise<{ uuid: string; adopted?: PolicyDetail }> {
  for (let attempt = 0; ; attempt++) {
    let why: string
    let lost = false
    try {
      const result = await api.createPolicy(policyBody(plan, []), subject)
      if ('uuid' in result) return result
      why = `Dynatrace answered that it exists (${result.conflict})`
    } catch (error) {
      if (!(error instanceof AmbiguousRequestError) || attempt > 0) throw error
      why = error.message
      lost = true
    }
    const found = await api.listPolicies('account', plan.spec.name)
    const same = found.filter((p) => p.name === plan.spec.name)
    const [only, ...others] = same
    if (only && others.length === 0) {
      const adopted = await api.getPolicy(only.uuid, only.name)
      return { uuid: adopted.uuid, adopted }
    }
    // Only a lost request that created nothing is worth one more try.
    if (!lost || same.length > 1) {
      throw new ActionError(
        `Could not create account policy ${subject}: ${why}, but ${same.length === 0 ? 'no' : same.length} account ${same.length === 1 ? 'policy has' : 'policies have'} that name. Check the policies in Account Management and run the step again.`
      )
    }
  }
}

/**
 * Compare statements the way Dynatrace may have reformatted them: runs of
 * whitespace outside quotes collapse, and none is kept around `,` `;` `(` `)`.
 */
export function normaliseStatement(text: string): string {
  let out = ''
  let quoted = false
  let space = false
  for (const ch of text.trim()) {
    if (ch === '"') quoted = !quoted
    if (!quoted && /\s/.test(ch)) {
      space = true
      continue
    }
    if (space && !(/[,;()]/.test(ch) || /[,;(]$/.test(out))) out += ' '
    space = false
    out += ch
  }
  return out
}

/**
 * For every level: which desired bindings exist, which are missing (to be
 * appended in batches), and which are left alone. Then, unless `dryRun`,
 * append the missing ones.
 */
export async function ensureBindings(
  api: IamApi,
  desired: DesiredBinding[],
  levels: ResolvedLevel[],
  current: Map<string, BindingEntry[]>,
  dryRun: boolean,
  log: Logger
): Promise<LevelOutcome[]> {
  const outcomes = levels.map((level) =>
    diffLevel(
      level,
      desired.filter((d) => d.level.key === level.key),
      current.get(level.key) ?? []
    )
  )
  for (const o of outcomes) {
    for (const s of o.skipped) {
      log.warning(
        `${levelLabel(o.level)}: group "${log.clean(s.group.name, 80)}" is bound to policy "${log.clean(s.policy.name, 80)}" with boundaries, and ${s.reason}`
      )
    }
  }
  if (dryRun) return outcomes
  const batches = outcomes.flatMap((o) =>
    o.added.map((batch) => ({ o, batch }))
  )
  const results = await mapLimit(
    batches,
    IAM_CONCURRENCY,
    async ({ o, batch }) => ({
      o,
      batch,
      already: await appendBatch(api, batch, log)
    })
  )
  // Groups a concurrent run added first are unchanged, not added by us.
  for (const { o, batch, already } of results) {
    if (already.size === 0) continue
    const groups = batch.groups.filter(
      (g) => !already.has(g.uuid.toLowerCase())
    )
    o.unchanged += batch.groups.length - groups.length
    o.added = o.added.flatMap((b) =>
      b !== batch ? [b] : groups.length > 0 ? [{ ...b, groups }] : []
    )
  }
  return outcomes
}

/** The diff of one level against its current bindings. */
function diffLevel(
  level: ResolvedLevel,
  desired: DesiredBinding[],
  current: BindingEntry[]
): LevelOutcome {
  const result: LevelOutcome = { level, added: [], unchanged: 0, skipped: [] }
  const batches = new Map<string, BindingBatch>()
  for (const d of desired) {
    const state = bindingState(current, d)
    if (state === 'present') {
      result.unchanged++
      continue
    }
    if (state === 'narrower') {
      result.skipped.push({
        policy: d.policy,
        group: d.group,
        reason:
          'the inputs ask for it without boundaries. Append-only: the existing binding is left as it is (widen it in Account Management if that is intended).'
      })
      continue
    }
    const key = `${policyKey(d.policy)}|${d.boundaries.map((b) => b.uuid.toLowerCase()).join(',')}`
    const batch = batches.get(key)
    if (batch) batch.groups.push(d.group)
    else {
      const fresh = {
        level,
        policy: d.policy,
        groups: [d.group],
        boundaries: d.boundaries
      }
      batches.set(key, fresh)
      result.added.push(fresh)
    }
  }
  return result
}

/**
 * Whether a desired binding is in place. Only bindings without parameters
 * count (a parameterised binding grants something else). A binding without
 * boundaries grants at least what a bounded one would, so it satisfies any
 * request; a bounded one satisfies a request for a subset of its boundaries.
 * A request without boundaries where only bounded bindings exist is
 * "narrower": adding it could not widen them without replacing them.
 */
function bindingState(
  current: BindingEntry[],
  d: DesiredBinding
): 'present' | 'missing' | 'narrower' {
  const policy = d.policy.uuid?.toLowerCase()
  if (policy === undefined) return 'missing'
  const group = d.group.uuid.toLowerCase()
  const wanted = d.boundaries.map((b) => b.uuid.toLowerCase())
  const entries = current.filter(
    (e) =>
      e.policyUuid.toLowerCase() === policy &&
      Object.keys(e.parameters).length === 0 &&
      e.groups.some((g) => g.toLowerCase() === group)
  )
  if (entries.some((e) => e.boundaries.length === 0)) return 'present'
  if (wanted.length === 0) return entries.length > 0 ? 'narrower' : 'missing'
  const covered = entries.some((e) => {
    const have = new Set(e.boundaries.map((b) => b.toLowerCase()))
    return wanted.every((b) => have.has(b))
  })
  return covered ? 'present' : 'missing'
}

/**
 * Append one batch. If Dynatrace says a binding already exists (a
 * concurrent run was first) or the answer was lost, re-read the level once:
 * groups now bound are done; any still missing are appended once more.
 * Resolves with the groups (lower-case UUIDs) found already bound.
 */
async function appendBatch(
  api: IamApi,
  batch: BindingBatch,
  log: Logger
): Promise<Set<string>> {
  const subject = `policy "${log.clean(batch.policy.name, 80)}" to ${batch.groups.length === 1 ? 'group' : 'groups'} ${batch.groups.map((g) => `"${log.clean(g.name, 80)}"`).join(', ')}`
  // ensurePolicies filled in the UUID of every policy it created before any append.
  const policyUuid = batch.policy.uuid
  if (policyUuid === undefined)
    throw new Error(`The policy of ${subject} was not created.`)
  const already = new Set<string>()
  let groups = batch.groups
  for (let attempt = 0; ; attempt++) {
    let why: string
    try {
      const result = await api.appendBindings(
        batch.level,
        policyUuid,
        appendBody(groups, batch.boundaries),
        subject
      )
      if (result === 'added') return already
      why = `Dynatrace answered that it exists (${result.conflict})`
    } catch (error) {
      if (!(error instanceof AmbiguousRequestError)) throw error
      why = error.message
    }
    if (attempt > 0) {
      throw new ActionError(
        `Could not bind ${subject} at ${levelLabel(batch.level)}: ${why}, yet the level's bindings do not show it. Run the step again; if this repeats, check the bindings in Account Management.`
      )
    }
    const current = await api.getBindings(batch.level)
    const still: NamedRef[] = []
    for (const g of groups) {
      const d: DesiredBinding = {
        level: batch.level,
        policy: batch.policy,
        group: g,
        boundaries: batch.boundaries
      }
      if (bindingState(current, d) === 'missing') still.push(g)
      else already.add(g.uuid.toLowerCase())
    }
    if (still.length === 0) return already
    groups = still
  }
}

/** `AppendLevelPolicyBindingsRequestDto`; boundaries only when there are some. */
function appendBody(
  groups: NamedRef[],
  boundaries: NamedRef[]
): { groups: string[]; boundaries?: string[] } {
  return boundaries.length > 0
    ? {
        groups: groups.map((g) => g.uuid),
        boundaries: boundaries.map((b) => b.uuid)
      }
    : { groups: groups.map((g) => g.uuid) }
}
