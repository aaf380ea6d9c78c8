/**
 * The `policies` and `bindings` inputs: YAML text → validated specs. Purely
 * local (no requests); every problem names the entry and field, e.g.
 * `bindings[2].groups: …`, so a typo is found before anything is changed.
 */
import { parse, YAMLParseError } from 'yaml'
import { ActionError } from '../errors.js'
import { neutralise } from '../log.js'
import { suggest } from '../scopes.js'

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
/** service:resource[:action]…, e.g. settings:objects:read or storage:*:read. */
const PERMISSION = /^[a-z][\w-]*(?::[\w.*-]+)+$/i
const STATEMENT = /^(ALLOW|DENY)\s+(.+?)(?:\s+WHERE\s+(\S.*))?$/is
const STATEMENT_FORM =
  'ALLOW|DENY <permission>[, <permission>…] [WHERE <condition>];'

/** A value as it may appear in a message: one line, bounded, quoted. */
const show = (value: string): string => `"${neutralise(value, 80)}"`

/** Both IAM inputs, parsed and validated. */
export interface IamSpecs {
  policies: PolicySpec[]
  bindings: BindingSpec[]
}

/**
 * Parse `policies` and `bindings` (empty text is an empty list). Throws one
 * ActionError listing every problem in both.
 */
export function parseIamInputs(policies: string, bindings: string): IamSpecs {
  const problems: string[] = []
  const specs = {
    policies: parsePolicies(policies, problems),
    bindings: parseBindings(bindings, problems)
  }
  const error = problemsError(problems)
  if (error) throw error
  return specs
}

function parsePolicies(text: string, problems: string[]): PolicySpec[] {
  const specs: PolicySpec[] = []
  const seen = new Map<string, number>()
  for (const [index, entry] of readList('policies', text, problems)) {
    const at = `policies[${index}]`
    if (!checkKeys(at, entry, POLICY_KEYS, problems)) continue
    const name = requiredString(at, entry, 'name', problems)
    const description = optionalString(at, entry, 'description', problems)
    const statement = requiredString(at, entry, 'statement', problems)
    if (statement !== undefined) {
      const problem = checkStatement(statement)
      if (problem) problems.push(`${at}.statement: ${problem}`)
    }
    if (name !== undefined) {
      const first = seen.get(name)
      if (first !== undefined) {
        problems.push(
          `${at}.name: ${show(name)} is already defined in policies[${first}]; each policy must appear once.`
        )
      } else seen.set(name, index)
    }
    if (name !== undefined && statement !== undefined) {
      specs.push({ index, name, description: description ?? '', statement })
    }
  }
  return specs
}

function parseBindings(text: string, problems: string[]): BindingSpec[] {
  const specs: BindingSpec[] = []
  for (const [index, entry] of readList('bindings', text, problems)) {
    const at = `bindings[${index}]`
    if (!checkKeys(at, entry, BINDING_KEYS, problems)) continue
    const policy = requiredString(at, entry, 'policy', problems)
    const groups = stringList(at, entry, 'groups', problems, true)
    const boundaries = stringList(at, entry, 'boundaries', problems, false)
    const level = parseLevel(at, entry.level, problems)
    if (policy !== undefined && groups && boundaries && level) {
      specs.push({ index, policy, groups, level, boundaries })
    }
  }
  return specs
}

/**
 * A basic local check of a statementQuery, so an obvious typo fails before
 * any request; Dynatrace validates the full grammar on create/update.
 * Returns the problem, or undefined when the text looks like statements.
 */
export function checkStatement(statement: string): string | undefined {
  const parts = splitStatements(statement)
  if (parts === undefined) {
    return `every statement must end with ";" (expected "${STATEMENT_FORM}").`
  }
  if (parts.length === 0) return 'is empty.'
  for (const [i, part] of parts.entries()) {
    const m = STATEMENT.exec(part)
    const permissions = m?.[2]?.split(',').map((p) => p.trim()) ?? []
    if (!m || !permissions.every((p) => PERMISSION.test(p))) {
      const which = parts.length > 1 ? ` (statement ${i + 1})` : ''
      return `${show(part)}${which} does not look like a policy statement; expected "${STATEMENT_FORM}".`
    }
  }
  return undefined
}

/** Split on `;` outside double quotes; undefined when text follows the last `;` or a quote is open. */
function splitStatements(text: string): string[] | undefined {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    if (ch === ';' && !quoted) {
      parts.push(current.trim())
      current = ''
    } else current += ch
  }
  if (quoted || current.trim() !== '') return undefined
  return parts.filter((p) => p !== '')
}

type Entry = Record<string, unknown>

/** The YAML text as a list of mappings, with their indexes; problems for anything else. */
function readList(
  input: string,
  text: string,
  problems: string[]
): Array<[number, Entry]> {
  if (text.trim() === '') return []
  let value: unknown
  try {
    value = parse(text, { prettyErrors: true, uniqueKeys: true })
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})`
        : ''
    const reason =
      error instanceof YAMLParseError
        ? error.message
            .split('\n')[0]!
            .replace(/ at line \d+, column \d+:?$/, '')
        : String(error)
    problems.push(
      `${input}: is not valid YAML${where}: ${neutralise(reason, 200)}`
    )
    return []
  }
  if (value === null || value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push(
      `${input}: must be a YAML list (start each entry with "- "), not a ${describe(value)}.`
    )
    return []
  }
  const entries: Array<[number, Entry]> = []
  for (const [index, item] of value.entries()) {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      entries.push([index, item as Entry])
    } else {
      problems.push(
        `${input}[${index}]: must be a mapping (name: value lines), not a ${describe(item)}.`
      )
    }
  }
  return entries
}

/** Unknown keys are errors: a typo such as `group:` must not be silently ignored. */
function checkKeys(
  at: string,
  entry: Entry,
  allowed: readonly string[],
  problems: string[]
): boolean {
  let ok = true
  for (const key of Object.keys(entry)) {
    if (allowed.includes(key)) continue
    ok = false
    const alias = KEY_ALIASES[key]
    const hint =
      alias && allowed.includes(alias) ? [alias] : suggest(key, allowed)
    problems.push(
      `${at}: unknown key ${show(key)}${hint.length > 0 ? ` (did you mean "${hint[0]}"?)` : ''}; allowed keys: ${allowed.join(', ')}.`
    )
  }
  return ok
}

function requiredString(
  at: string,
  entry: Entry,
  key: string,
  problems: string[]
): string | undefined {
  const value = entry[key]
  if (value === undefined || value === null) {
    problems.push(`${at}.${key}: missing.`)
    return undefined
  }
  return nonEmptyString(`${at}.${key}`, value, problems)
}

function optionalString(
  at: string,
  entry: Entry,
  key: string,
  problems: string[]
): string | undefined {
  const value = entry[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') {
    problems.push(`${at}.${key}: ${typeHint(value)}`)
    return undefined
  }
  return value
}

function nonEmptyString(
  where: string,
  value: unknown,
  problems: string[]
): string | undefined {
  if (typeof value !== 'string') {
    problems.push(`${where}: ${typeHint(value)}`)
    return undefined
  }
  if (value.trim() === '') {
    problems.push(`${where}: is empty.`)
    return undefined
  }
  return value.trim()
}

/** A string or a list of strings, de-duplicated; `required` means at least one. */
function stringList(
  at: string,
  entry: Entry,
  key: string,
  problems: string[],
  required: boolean
): string[] | undefined {
  const value = entry[key]
  if (value === undefined || value === null) {
    if (!required) return []
    problems.push(`${at}.${key}: missing.`)
    return undefined
  }
  const items = Array.isArray(value) ? value : [value]
  const out: string[] = []
  let ok = true
  for (const [i, item] of items.entries()) {
    const where = Array.isArray(value) ? `${at}.${key}[${i}]` : `${at}.${key}`
    const text = nonEmptyString(where, item, problems)
    if (text === undefined) ok = false
    else if (!out.includes(text)) out.push(text)
  }
  if (ok && required && out.length === 0) {
    problems.push(`${at}.${key}: is an empty list; name at least one.`)
    return undefined
  }
  return ok ? out : undefined
}

function parseLevel(
  at: string,
  value: unknown,
  problems: string[]
): LevelRef | undefined {
  if (value === undefined || value === null) return { type: 'environment' }
  if (typeof value !== 'string') {
    problems.push(`${at}.level: ${typeHint(value)}`)
    return undefined
  }
  const text = value.trim()
  if (text === 'account') return { type: 'account' }
  if (text === 'environment') return { type: 'environment' }
  const m = /^environment:(.*)$/.exec(text)
  if (m && ENV_ID.test(m[1]!.trim())) {
    return { type: 'environment', id: m[1]!.trim() }
  }
  problems.push(
    m
      ? `${at}.level: ${show(text)} does not name an environment ID (e.g. environment:abc12345).`
      : `${at}.level: ${show(text)} is not one of account, environment, environment:<id>.`
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
  if (problems.length === 0) return undefined
  if (problems.length === 1) return new ActionError(problems[0]!)
  return new ActionError(
    `Invalid IAM input:\n${problems.map((p) => `  - ${p}`).join('\n')}`
  )
}
