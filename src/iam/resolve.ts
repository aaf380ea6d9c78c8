/**
 * Names → UUIDs for the bindings' levels, policies, groups and boundaries,
 * with as few reads as possible: each list is read once, and only when some
 * entry names something in it (UUIDs pass through without a lookup). Every
 * problem is collected and reported at once, before anything is written.
 */
import { isUuid } from '../inputs.js'
import type { Logger } from '../log.js'
import { suggest } from '../scope-check.js'
import {
  type BoundaryInfo,
  type GroupInfo,
  type IamApi,
  type Level,
  type PolicyInfo
} from '../dynatrace/iam.js'
import { IAM_CONCURRENCY, mapLimit } from './limit.js'
import {
  problemsError,
  type IamRequest,
  type PlacedBinding,
  type PlacedLevel,
  type PolicySpec
} from './parse.js'

/** How many known names an error message lists. */
const MAX_KNOWN = 10

/**
 * A policy a binding refers to. The policies of this step's `policies` input
 * have one shared ref each, whose `uuid` is filled in once the policy is
 * created (it stays undefined in plan mode).
 */
export interface PolicyRef {
  uuid: string | undefined
  /** Its name, or the UUID when the name is not known. */
  name: string
  source: 'global' | 'account' | 'step' | 'uuid'
}

export interface NamedRef {
  uuid: string
  /** Its name, or the UUID when the name is not known. */
  name: string
}

/** A level with a stable key (`account:<uuid>`, `environment:<id>`). */
export interface ResolvedLevel extends Level {
  key: string
}

/** One policy of the `policies` input and the account policy of that name, if any. */
export interface PolicyPlan {
  spec: PolicySpec
  ref: PolicyRef
  existing?: PolicyInfo
}

/** One (level, policy, group, boundaries) binding the inputs ask for. */
export interface DesiredBinding {
  level: ResolvedLevel
  policy: PolicyRef
  group: NamedRef
  /** Sorted by UUID; empty for a binding without boundaries. */
  boundaries: NamedRef[]
}

export interface Resolved {
  policies: PolicyPlan[]
  /** De-duplicated. */
  bindings: DesiredBinding[]
  /** Distinct levels in order of first use. */
  levels: ResolvedLevel[]
}

/** The lists a resolution needed; absent when not read. */
interface Catalogue {
  groups?: GroupInfo[]
  global?: PolicyInfo[]
  account?: PolicyInfo[]
  boundaries?: BoundaryInfo[]
}

/** What resolving one name needs: the lists read, the step's policies, the problems so far. */
interface Resolver {
  catalogue: Catalogue
  stepRefs: Map<string, PolicyRef>
  /** A name from the inputs or the server: one line, bounded, redacted. */
  clean: (text: string) => string
  /** The same, quoted. */
  show: (text: string) => string
  problems: string[]
}

/**
 * Resolve every name in `specs`. Reads the groups, the global and account
 * policies and the boundaries — each once, concurrently, and only if needed.
 * Throws one ActionError listing every problem.
 */
export async function resolveIam(
  api: IamApi,
  specs: IamRequest,
  log: Logger
): Promise<Resolved> {
  const problems: string[] = []
  const levels = new Map<number, ResolvedLevel>()
  for (const b of specs.bindings)
    levels.set(b.index, resolveLevel(b, b.level, api.accountUuid))

  const clean = (text: string): string => log.clean(text, 80)
  const resolver: Resolver = {
    catalogue: await readCatalogue(api, specs),
    stepRefs: new Map(),
    clean,
    show: (text) => `"${clean(text)}"`,
    problems
  }
  const plans = planPolicies(specs.policies, resolver)
  const desired = new Map<string, DesiredBinding>()
  for (const b of specs.bindings) {
    const level = levels.get(b.index)
    for (const binding of resolveBinding(b, level, resolver)) {
      const key = bindingKey(binding)
      if (!desired.has(key)) desired.set(key, binding)
    }
  }

  const error = problemsError(problems)
  if (error) throw error
  const distinct = new Map<string, ResolvedLevel>()
  for (const level of levels.values()) {
    if (!distinct.has(level.key)) distinct.set(level.key, level)
  }
  return {
    policies: plans,
    bindings: [...desired.values()],
    levels: [...distinct.values()]
  }
}

/**
 * The step's own policies: the account policy of the same name is the one to
 * update. Each gets one shared ref (in `resolver.stepRefs`).
 */
function planPolicies(specs: PolicySpec[], resolver: Resolver): PolicyPlan[] {
  const plans: PolicyPlan[] = []
  for (const spec of specs) {
    const matches = (resolver.catalogue.account ?? []).filter(
      (p) => p.name === spec.name
    )
    if (matches.length > 1) {
      resolver.problems.push(
        `policies[${spec.index}].name: ${resolver.show(spec.name)} matches ${matches.length} account policies (${matches.map((p) => p.uuid).join(', ')}); rename or delete the duplicates in Account Management.`
      )
      continue
    }
    const existing = matches[0]
    const ref: PolicyRef = {
      uuid: existing?.uuid,
      name: spec.name,
      source: 'step'
    }
    resolver.stepRefs.set(spec.name, ref)
    plans.push(existing ? { spec, ref, existing } : { spec, ref })
  }
  return plans
}

/** The bindings one entry asks for (one per group); none when anything in it is unresolved. */
function resolveBinding(
  b: PlacedBinding,
  level: ResolvedLevel | undefined,
  resolver: Resolver
): DesiredBinding[] {
  const at = `bindings[${b.index}]`
  const policy = resolvePolicy(`${at}.policy`, b.policy, resolver)
  const groups = b.groups.map((g) => resolveNamed(at, 'group', g, resolver))
  const boundaries = b.boundaries.map((x) =>
    resolveNamed(at, 'boundary', x, resolver)
  )
  if (!policy || !level) return []
  if (!isAll(groups) || !isAll(boundaries)) return []
  const bounds = uniqueByUuid(boundaries).sort((x, y) =>
    x.uuid.localeCompare(y.uuid)
  )
  return groups.map((group) => ({ level, policy, group, boundaries: bounds }))
}

/** Identity of a binding: level, policy, group and boundaries. */
function bindingKey(binding: DesiredBinding): string {
  return [
    binding.level.key,
    policyKey(binding.policy),
    binding.group.uuid.toLowerCase(),
    binding.boundaries.map((x) => x.uuid.toLowerCase()).join(',')
  ].join('|')
}

function isAll(refs: Array<NamedRef | undefined>): refs is NamedRef[] {
  return !refs.includes(undefined)
}

/** Identity of a policy across bindings: its UUID, or its name while it is yet to be created. */
export function policyKey(policy: PolicyRef): string {
  return policy.uuid ? policy.uuid.toLowerCase() : `new:${policy.name}`
}

function resolveLevel(
  binding: PlacedBinding,
  level: PlacedLevel,
  accountUuid: string
): ResolvedLevel {
  const origin = `bindings[${binding.index}].level`
  const id = level.type === 'account' ? accountUuid : level.id
  return { type: level.type, id, origin, key: `${level.type}:${id}` }
}

/** Read only the lists some entry needs, at most IAM_CONCURRENCY at a time. */
async function readCatalogue(
  api: IamApi,
  specs: IamRequest
): Promise<Catalogue> {
  const named = (items: string[]): boolean => items.some((x) => !isUuid(x))
  const needGroups = specs.bindings.some((b) => named(b.groups))
  const needPolicyNames = specs.bindings.some((b) => !isUuid(b.policy))
  const needBoundaries = specs.bindings.some((b) => named(b.boundaries))
  const catalogue: Catalogue = {}
  const reads: Array<() => Promise<void>> = []
  if (needGroups)
    reads.push(async () => void (catalogue.groups = await api.listGroups()))
  if (needPolicyNames) {
    reads.push(
      async () => void (catalogue.global = await api.listPolicies('global'))
    )
  }
  if (needPolicyNames || specs.policies.length > 0) {
    reads.push(
      async () => void (catalogue.account = await api.listPolicies('account'))
    )
  }
  if (needBoundaries) {
    reads.push(
      async () => void (catalogue.boundaries = await api.listBoundaries())
    )
  }
  await mapLimit(reads, IAM_CONCURRENCY, (read) => read())
  return catalogue
}

/**
 * A binding's policy: a UUID as is; a name among the built-in (global)
 * policies, the account's policies and this step's `policies`. A name that
 * matches more than one policy is ambiguous.
 */
function resolvePolicy(
  at: string,
  text: string,
  { catalogue, stepRefs, show, problems }: Resolver
): PolicyRef | undefined {
  const global = catalogue.global ?? []
  const account = catalogue.account ?? []
  if (isUuid(text)) {
    const uuid = text.toLowerCase()
    const step = [...stepRefs.values()].find(
      (r) => r.uuid?.toLowerCase() === uuid
    )
    if (step) return step
    const known = [...global, ...account].find(
      (p) => p.uuid.toLowerCase() === uuid
    )
    return { uuid: text, name: known?.name ?? text, source: 'uuid' }
  }
  const candidates: Array<{ ref: PolicyRef; what: string }> = []
  const step = stepRefs.get(text)
  for (const p of global.filter((p) => p.name === text)) {
    candidates.push({
      ref: { uuid: p.uuid, name: p.name, source: 'global' },
      what: `the built-in policy ${p.uuid}`
    })
  }
  for (const p of account.filter((p) => p.name === text)) {
    // The account policy of a step policy is that step policy (one shared ref).
    if (step && step.uuid === p.uuid) continue
    candidates.push({
      ref: { uuid: p.uuid, name: p.name, source: 'account' },
      what: `the account policy ${p.uuid}`
    })
  }
  if (step) {
    candidates.push({
      ref: step,
      what: step.uuid
        ? `the account policy ${step.uuid} (in this step's policies)`
        : "the new policy of this step's policies input"
    })
  }
  const [only, ...others] = candidates
  if (only && others.length === 0) return only.ref
  if (candidates.length > 1) {
    problems.push(
      `${at}: ${show(text)} is ambiguous: it matches ${candidates.map((c) => c.what).join(' and ')}. Use the UUID of the one you mean.`
    )
    return undefined
  }
  const names = [
    ...new Set(
      [...global, ...account].map((p) => p.name).concat([...stepRefs.keys()])
    )
  ]
  const hint = suggest(text, names)
  problems.push(
    `${at}: policy ${show(text)} not found among the built-in policies, the account's policies or this step's policies input${hint.length > 0 ? `; did you mean ${hint.map(show).join(' or ')}?` : '.'}`
  )
  return undefined
}

/** A group or boundary: a UUID as is (named if the list was read), else by exact name. */
function resolveNamed(
  binding: string,
  kind: 'group' | 'boundary',
  text: string,
  { catalogue, clean, show, problems }: Resolver
): NamedRef | undefined {
  const at = `${binding}.${kind === 'group' ? 'groups' : 'boundaries'}`
  const list = kind === 'group' ? catalogue.groups : catalogue.boundaries
  if (isUuid(text)) {
    const known = list?.find((x) => x.uuid.toLowerCase() === text.toLowerCase())
    return { uuid: text, name: known?.name ?? text }
  }
  const matches = (list ?? []).filter((x) => x.name === text)
  const [only, ...others] = matches
  if (only && others.length === 0) return { uuid: only.uuid, name: only.name }
  if (matches.length > 1) {
    problems.push(
      `${at}: ${kind} ${show(text)} matches ${matches.length} ${kind === 'group' ? 'groups' : 'boundaries'} (${matches.map((m) => m.uuid).join(', ')}); use the UUID of the one you mean.`
    )
    return undefined
  }
  const names = [...new Set((list ?? []).map((x) => x.name))].sort((a, b) =>
    a.localeCompare(b)
  )
  const hint = suggest(text, names)
  const known =
    names.length === 0
      ? `the account has no ${kind === 'group' ? 'groups' : 'boundaries'}`
      : `known: ${names.slice(0, MAX_KNOWN).map(clean).join(', ')}${names.length > MAX_KNOWN ? ', …' : ''}`
  problems.push(
    `${at}: ${kind} ${show(text)} not found in the account (${known})${hint.length > 0 ? `; did you mean ${hint.map(show).join(' or ')}?` : '.'}`
  )
  return undefined
}

function uniqueByUuid(refs: NamedRef[]): NamedRef[] {
  const seen = new Map<string, NamedRef>()
  for (const r of refs)
    if (!seen.has(r.uuid.toLowerCase())) seen.set(r.uuid.toLowerCase(), r)
  return [...seen.values()]
}
