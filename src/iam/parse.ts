/**
 * The `policies` and `bindings` inputs: YAML text → validated specs, for the mint and plan
 * steps and for the offline audit alike, so the audit reports exactly what the step would
 * reject. Purely local (no requests). Every problem names the entry and field
 * (`bindings[2].groups`) and keeps its place in the YAML text, which the audit turns into
 * a workflow line. Statements are checked by the one statement parser,
 * src/policy-statement.ts.
 */
import {
  isAlias,
  isMap,
  isSeq,
  parseDocument,
  YAMLParseError,
  type Document,
  type Node
} from 'yaml'
import { ActionError } from '../errors.js'
import { neutralise } from '../log.js'
import {
  formatPolicyError,
  parsePolicyStatements,
  type ParsedPolicy
} from '../policy-statement.js'
import { suggest } from '../scope-check.js'

/** An account-level policy this step ensures exists with this content. */
export interface PolicySpec {
  /** Position in the `policies` list, for messages. */
  index: number
  name: string
  /** '' when not given (Dynatrace requires the field). */
  description: string
  /** The statementQuery, as written. */
  statement: string
}

/**
 * Where a binding applies. `environment` without an ID means the environment
 * of environment-url / environment-id.
 */
export type LevelRef =
  { type: 'account' } | { type: 'environment'; id?: string }

/** One entry of `bindings`: bind a policy to groups at a level. */
export interface BindingSpec {
  index: number
  /** Policy name or UUID. */
  policy: string
  /** Group names or UUIDs, de-duplicated, never empty. */
  groups: string[]
  level: LevelRef
  /** Boundary names or UUIDs, de-duplicated; empty = no boundary. */
  boundaries: string[]
}

/** Both IAM inputs, parsed and validated. */
export interface IamSpecs {
  policies: PolicySpec[]
  bindings: BindingSpec[]
}

/** A level with the default filled in: the account, or one environment. */
export type PlacedLevel =
  { type: 'account' } | { type: 'environment'; id: string }

/** A binding whose level is placed. */
export type PlacedBinding = Omit<BindingSpec, 'level'> & { level: PlacedLevel }

/** The IAM inputs as checked before any request: what ensureIam applies. */
export interface IamRequest {
  policies: PolicySpec[]
  bindings: PlacedBinding[]
}

/** Where a problem is: `['bindings', 2, 'groups']` reads `bindings[2].groups`. */
export type IamPath = Array<string | number>

/** One thing the step would reject. */
export interface IamProblem {
  path: IamPath
  message: string
  /** The YAML node the problem is about (for its position), when there is one. */
  node?: Node
  /** A statement syntax error: the offset inside the statement's text. */
  statementOffset?: number
}

/** One IAM input, read: the valid entries, every problem, and the parsed document. */
export interface IamInput<T> {
  specs: T[]
  problems: IamProblem[]
  doc?: Document.Parsed
  /** The parsed statements of each valid policy, by its index in the list. */
  statements: Map<number, ParsedPolicy>
}

const POLICY_KEYS = ['name', 'description', 'statement'] as const
const BINDING_KEYS = ['policy', 'groups', 'level', 'boundaries'] as const
/** Keys people write by habit (Dynatrace's API and Monaco names), with what they mean here. */
const KEY_ALIASES: Readonly<Record<string, string>> = {
  group: 'groups',
  boundary: 'boundaries',
  statementQuery: 'statement',
  policy: 'statement'
}
const ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/

/** A value as it may appear in a message: one line, bounded, quoted. */
const show = (value: string): string => `"${neutralise(value, 80)}"`

/** `bindings[2].groups[1]`. */
export function formatPath(path: IamPath): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`
    )
    .join('')
}

/** A problem as one line: `bindings[0].groups: missing.` */
export function formatProblem(problem: IamProblem): string {
  return `${formatPath(problem.path)}: ${problem.message}`
}

/**
 * Parse `policies` and `bindings` (empty text is an empty list). Throws one
 * ActionError listing every problem in both.
 */
export function parseIamInputs(policies: string, bindings: string): IamSpecs {
  const p = readPolicies(policies)
  const b = readBindings(bindings)
  const error = problemsError([...p.problems, ...b.problems].map(formatProblem))
  if (error) throw error
  return { policies: p.specs, bindings: b.specs }
}

/** The node at `path` of an input's document (aliases followed), for positions. */
export function nodeAt(doc: Document.Parsed, path: IamPath): Node | undefined {
  const deref = (node: unknown): Node | undefined =>
    isAlias(node) ? deref(node.resolve(doc)) : ((node ?? undefined) as Node)
  let node: unknown = doc.contents
  for (const key of path.slice(1)) {
    node = deref(node)
    if (isSeq(node) && typeof key === 'number') node = node.items[key]
    else if (isMap(node)) node = node.get(key, true)
    else return undefined
  }
  return deref(node)
}

/** Collects problems for one input, with the node each is about. */
class Reader {
  readonly problems: IamProblem[] = []

  constructor(private readonly doc: Document.Parsed) {}

  problem(path: IamPath, message: string, statementOffset?: number): void {
    const node = nodeAt(this.doc, path)
    this.problems.push({
      path,
      message,
      ...(node ? { node } : {}),
      ...(statementOffset !== undefined ? { statementOffset } : {})
    })
  }
}

type Entry = Record<string, unknown>

/** Parse the YAML of one input and hand its entries to `each`. */
function readList<T>(
  input: 'policies' | 'bindings',
  text: string,
  each: (reader: Reader, index: number, entry: Entry, out: IamInput<T>) => void
): IamInput<T> {
  const out: IamInput<T> = { specs: [], problems: [], statements: new Map() }
  if (text.trim() === '') return out
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  const error = doc.errors[0]
  if (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})`
        : ''
    const reason = (error.message.split('\n')[0] ?? '').replace(
      / at line \d+, column \d+:?$/,
      ''
    )
    out.problems.push({
      path: [input],
      message: `is not valid YAML${where}: ${neutralise(reason, 200)}`
    })
    return out
  }
  out.doc = doc
  const reader = new Reader(doc)
  // An alias without its anchor, or too many aliases, throws only here.
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    out.problems.push({
      path: [input],
      message: `is not valid YAML: ${neutralise(reason, 200)}`
    })
    return out
  }
  if (value !== null && value !== undefined) {
    if (!Array.isArray(value)) {
      reader.problem(
        [input],
        `must be a YAML list (start each entry with "- "), not a ${describe(value)}.`
      )
    } else {
      for (const [index, item] of value.entries()) {
        if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
          each(reader, index, item as Entry, out)
        } else {
          reader.problem(
            [input, index],
            `must be a mapping (name: value lines), not a ${describe(item)}.`
          )
        }
      }
    }
  }
  out.problems.push(...reader.problems)
  return out
}

/** The `policies` input. */
export function readPolicies(text: string): IamInput<PolicySpec> {
  const seen = new Map<string, number>()
  return readList<PolicySpec>('policies', text, (reader, index, entry, out) => {
    const at: IamPath = ['policies', index]
    if (!checkKeys(reader, at, entry, POLICY_KEYS)) return
    const name = stringField(reader, at, entry, 'name', true)
    const description = stringField(reader, at, entry, 'description', false)
    const statement = stringField(reader, at, entry, 'statement', true)
    let parsed: ParsedPolicy | undefined
    if (statement !== undefined) {
      parsed = parsePolicyStatements(entry.statement as string)
      for (const error of parsed.errors) {
        reader.problem(
          [...at, 'statement'],
          `${formatPolicyError(error)}.`,
          error.offset
        )
      }
    }
    if (name !== undefined) {
      const first = seen.get(name)
      if (first !== undefined) {
        reader.problem(
          [...at, 'name'],
          `${show(name)} is already defined in policies[${first}]; each policy must appear once.`
        )
      } else seen.set(name, index)
    }
    if (
      name !== undefined &&
      statement !== undefined &&
      parsed !== undefined &&
      parsed.errors.length === 0
    ) {
      out.specs.push({ index, name, description: description ?? '', statement })
      out.statements.set(index, parsed)
    }
  })
}

/** The `bindings` input. */
export function readBindings(text: string): IamInput<BindingSpec> {
  return readList<BindingSpec>(
    'bindings',
    text,
    (reader, index, entry, out) => {
      const at: IamPath = ['bindings', index]
      if (!checkKeys(reader, at, entry, BINDING_KEYS)) return
      const policy = stringField(reader, at, entry, 'policy', true)
      const groups = stringList(reader, at, entry, 'groups', true)
      const boundaries = stringList(reader, at, entry, 'boundaries', false)
      const level = parseLevel(reader, at, entry.level)
      if (policy !== undefined && groups && boundaries && level) {
        out.specs.push({ index, policy, groups, level, boundaries })
      }
    }
  )
}

/** Unknown keys are errors: a typo such as `group:` must not be silently ignored. */
function checkKeys(
  reader: Reader,
  at: IamPath,
  entry: Entry,
  allowed: readonly string[]
): boolean {
  let ok = true
  for (const key of Object.keys(entry)) {
    if (allowed.includes(key)) continue
    ok = false
    const alias = KEY_ALIASES[key]
    const hint =
      alias && allowed.includes(alias) ? [alias] : suggest(key, allowed)
    reader.problem(
      at,
      `unknown key ${show(key)}${hint.length > 0 ? ` (did you mean "${hint[0]}"?)` : ''}; allowed keys: ${allowed.join(', ')}.`
    )
  }
  return ok
}

/** A string; `required` means present and not empty (trimmed then). */
function stringField(
  reader: Reader,
  at: IamPath,
  entry: Entry,
  key: string,
  required: boolean
): string | undefined {
  const value = entry[key]
  const path = [...at, key]
  if (value === undefined || value === null) {
    if (required) reader.problem(path, 'missing.')
    return undefined
  }
  if (required) return nonEmptyString(reader, path, value)
  if (typeof value !== 'string') {
    reader.problem(path, typeHint(value))
    return undefined
  }
  return value
}

function nonEmptyString(
  reader: Reader,
  path: IamPath,
  value: unknown
): string | undefined {
  if (typeof value !== 'string') {
    reader.problem(path, typeHint(value))
    return undefined
  }
  if (value.trim() === '') {
    reader.problem(path, 'is empty.')
    return undefined
  }
  return value.trim()
}

/** A string or a list of strings, de-duplicated; `required` means at least one. */
function stringList(
  reader: Reader,
  at: IamPath,
  entry: Entry,
  key: string,
  required: boolean
): string[] | undefined {
  const value = entry[key]
  if (value === undefined || value === null) {
    if (!required) return []
    reader.problem([...at, key], 'missing.')
    return undefined
  }
  const items: unknown[] = Array.isArray(value) ? value : [value]
  const out: string[] = []
  let ok = true
  for (const [i, item] of items.entries()) {
    const path = Array.isArray(value) ? [...at, key, i] : [...at, key]
    const text = nonEmptyString(reader, path, item)
    if (text === undefined) ok = false
    else if (!out.includes(text)) out.push(text)
  }
  if (ok && required && out.length === 0) {
    reader.problem([...at, key], 'is an empty list; name at least one.')
    return undefined
  }
  return ok ? out : undefined
}

function parseLevel(
  reader: Reader,
  at: IamPath,
  value: unknown
): LevelRef | undefined {
  const path = [...at, 'level']
  if (value === undefined || value === null) return { type: 'environment' }
  if (typeof value !== 'string') {
    reader.problem(path, typeHint(value))
    return undefined
  }
  const text = value.trim()
  if (text === 'account') return { type: 'account' }
  if (text === 'environment') return { type: 'environment' }
  const m = /^environment:(.*)$/.exec(text)
  const id = m?.[1]?.trim()
  if (id !== undefined && ENV_ID.test(id)) return { type: 'environment', id }
  reader.problem(
    path,
    m
      ? `${show(text)} does not name an environment ID (e.g. environment:abc12345).`
      : `${show(text)} is not one of account, environment, environment:<id>.`
  )
  return undefined
}

function typeHint(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `must be text, not the ${typeof value} ${String(value)}; put it in quotes.`
  }
  return `must be text, not a ${describe(value)}.`
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'mapping'
  return typeof value
}

/** One problem is the message; several are listed under a heading. */
export function problemsError(problems: string[]): ActionError | undefined {
  const [first, ...others] = problems
  if (first === undefined) return undefined
  if (others.length === 0) return new ActionError(first)
  return new ActionError(
    `Invalid IAM input:\n${problems.map((p) => `  - ${p}`).join('\n')}`
  )
}
