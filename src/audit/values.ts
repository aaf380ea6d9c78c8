/**
 * Input values with their place in a file. A value knows the line of any offset inside
 * it, so a scope in a multi-line `token-scopes: |` or a statement deep inside the YAML
 * of `policies: |` is annotated on its own line. Values nest: YAML parsed out of a value
 * maps its offsets back through that value to the file.
 */
import {
  isAlias,
  type Document,
  type LineCounter,
  type Node,
  type Scalar
} from 'yaml'
import { clientId, Problem } from '../inputs/fields.js'
import { neutralise } from '../log.js'

/** An input value as the runner passes it, and where it is. */
export interface Value {
  text: string
  /** Workspace-relative file, absent for this step's own inputs. */
  file?: string
  /** Line of the value's start; absent for this step's own inputs. */
  line?: number
  /** Line of `offset` (an index into `text`) in `file`. */
  lineOf(offset: number): number | undefined
}

/** Text that can say which line an offset of it is on (a file, or a value holding YAML). */
export interface Container {
  text: string
  file?: string
  lineOf(offset: number): number | undefined
}

/** A whole file as a container. */
export function fileContainer(
  text: string,
  file: string,
  lines: LineCounter
): Container {
  return { text, file, lineOf: (offset) => lines.linePos(offset).line }
}

/** A value that is not in any file (this step's own inputs). */
export function plainValue(text: string): Value {
  return { text, lineOf: () => undefined }
}

/** Follow an alias (`*name`) to its anchor; other nodes as they are. */
export function deref(node: unknown, doc: Document.Parsed): Node | undefined {
  if (isAlias(node)) {
    const target: unknown = node.resolve(doc)
    return isAlias(target) ? undefined : (target as Node | undefined)
  }
  return (node ?? undefined) as Node | undefined
}

/** A scalar's value as a string, the way the runner turns YAML into an input. */
export function scalarText(node: Scalar): string {
  if (node.value === null || node.value === undefined) return ''
  // A plain `1.10` must stay "1.10", not become 1.1.
  if (node.type === 'PLAIN' && typeof node.source === 'string')
    return node.source
  return typeof node.value === 'string' ? node.value : String(node.value)
}

/**
 * The last entry of the ascending `starts` that is <= `offset`, and its index (the first
 * entry when none is; `starts` is never empty: a text's first line starts at 0).
 */
function lastAtOrBefore(
  starts: readonly number[],
  offset: number
): { index: number; start: number } {
  let found = { index: 0, start: 0 }
  let low = 0
  let high = starts.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const start = starts[mid]
    if (start === undefined) break
    if (start <= offset) {
      found = { index: mid, start }
      low = mid + 1
    } else high = mid - 1
  }
  return found
}

/** Offsets just after each line break of `text`, after a 0 for the first line. */
function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
    starts.push(i + 1)
  return starts
}

/**
 * Offsets of a literal block scalar's value mapped to the container: value line j is
 * source line j after the `|` header, and its text ends that source line (whatever the
 * indentation, explicit indentation indicators included). The line tables are built once,
 * on the first lookup, so each lookup is a binary search: a value with thousands of
 * findings (a long policy statement) costs linear time, not quadratic.
 */
function literalBlockMap(
  source: string,
  start: number,
  value: string
): (offset: number) => number {
  const header = source.indexOf('\n')
  if (header < 0) return () => start
  let tables:
    | {
        sourceLines: { start: number; length: number }[]
        valueStarts: number[]
      }
    | undefined
  return (offset) => {
    if (tables === undefined) {
      const sourceStarts = lineStartsOf(source.slice(header + 1))
      const sourceLines = sourceStarts.map((at, j) => {
        const next = sourceStarts[j + 1]
        const end = next === undefined ? source.length - header - 1 : next - 1
        const cr = source[header + 1 + end - 1] === '\r' ? 1 : 0
        return { start: at, length: Math.max(0, end - at - cr) }
      })
      tables = { sourceLines, valueStarts: lineStartsOf(value) }
    }
    const { sourceLines, valueStarts } = tables
    const clamped = Math.max(0, Math.min(offset, value.length))
    const { index: valueLine, start: lineStart } = lastAtOrBefore(
      valueStarts,
      clamped
    )
    const column = clamped - lineStart
    const j = Math.min(valueLine, sourceLines.length - 1)
    const valueLineStart = valueStarts[j]
    const valueLineLength =
      valueLineStart === undefined
        ? 0
        : (valueStarts[j + 1] ?? value.length + 1) - 1 - valueLineStart
    // lineStartsOf always has the first line, so sourceLines[j] exists.
    const sourceLine = sourceLines[j] ?? { start: 0, length: 0 }
    const indent = Math.max(0, sourceLine.length - valueLineLength)
    return (
      start +
      header +
      1 +
      sourceLine.start +
      Math.min(indent + column, sourceLine.length)
    )
  }
}

const isYamlSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r'

/** How far past an escape (`\u00e9`, `\x41`, `''`) a value character is looked for in the source. */
const ESCAPE_LOOKAHEAD = 12

/**
 * Offsets of a folded or multi-line flow scalar's value mapped to its source. Folding only
 * changes whitespace (and quotes' escapes), so each non-space character of the value is
 * matched with the next equal character of the source, looking past at most an escape's
 * length. Built once, on the first lookup, in one pass over both texts.
 */
function foldedMap(
  source: string,
  start: number,
  value: string,
  from: number
): (offset: number) => number {
  let table: Int32Array | undefined
  return (offset) => {
    if (table === undefined) {
      table = new Int32Array(value.length + 1)
      let p = from
      for (let i = 0; i < value.length; i++) {
        const c = value[i]
        if (isYamlSpace(c)) {
          table[i] = p
          continue
        }
        while (p < source.length && isYamlSpace(source[p])) p++
        let q = p
        const limit = Math.min(source.length, p + ESCAPE_LOOKAHEAD)
        while (q < limit && source[q] !== c) q++
        if (q < limit) {
          table[i] = q
          p = q + 1
        } else {
          // An escape that reads differently (\x41 for A): stay where we are.
          table[i] = p
        }
      }
      table[value.length] = p
    }
    // The table has an entry for every offset from 0 to value.length.
    return start + (table[Math.max(0, Math.min(offset, value.length))] ?? 0)
  }
}

/** A scalar node of `container` as a Value. */
export function scalarValue(node: Scalar, container: Container): Value {
  const text = scalarText(node)
  const [start, end] = node.range ?? [0, 0]
  const source = container.text.slice(start, end)
  let map: (offset: number) => number
  if (node.type === 'BLOCK_LITERAL') {
    map = literalBlockMap(source, start, text)
  } else if (!source.includes('\n')) {
    // One line: the value sits in the source as is (quotes aside; escapes are rare here).
    const quote = node.type === 'PLAIN' ? 0 : 1
    map = (offset) => start + quote + offset
  } else {
    // Folded block (after its header line) or a multi-line plain or quoted scalar.
    const from =
      node.type === 'BLOCK_FOLDED'
        ? source.indexOf('\n') + 1
        : node.type === 'PLAIN'
          ? 0
          : 1
    map = foldedMap(source, start, text, from)
  }
  const value: Value = {
    text,
    lineOf: (offset) => container.lineOf(map(offset))
  }
  if (container.file !== undefined) value.file = container.file
  const line = container.lineOf(start)
  if (line !== undefined) value.line = line
  return value
}

/** A value as YAML text for nested parsing (`policies: |`): its own text, its own lines. */
export function valueContainer(value: Value): Container {
  const out: Container = { text: value.text, lineOf: value.lineOf }
  if (value.file !== undefined) out.file = value.file
  return out
}

/** Where a value's item (a scope in a list) is, as a finding location. */
export function locate(
  value: Value,
  item: string
): { file?: string; line?: number } {
  const offset = indexOfItem(value.text, item)
  const line = offset < 0 ? value.line : (value.lineOf(offset) ?? value.line)
  const where: { file?: string; line?: number } = {}
  if (value.file !== undefined) where.file = value.file
  if (line !== undefined) where.line = line
  return where
}

/**
 * The first offset of each list entry of the last text asked about: `locate` is called once
 * per scope of the same value, and a scan per scope would make a long list quadratic.
 */
let entries: { text: string; first: Map<string, number> } | undefined

/** Index of `item` as a whole list entry (between commas or whitespace) in `text`. */
export function indexOfItem(text: string, item: string): number {
  if (item !== '' && !/[\s,]/.test(item)) {
    if (entries?.text !== text) {
      const first = new Map<string, number>()
      for (const m of text.matchAll(/[^\s,]+/g)) {
        if (!first.has(m[0])) first.set(m[0], m.index)
      }
      entries = { text, first }
    }
    return entries.first.get(item) ?? -1
  }
  for (let i = text.indexOf(item); i >= 0; i = text.indexOf(item, i + 1)) {
    const before = text.charAt(i - 1)
    const after = text[i + item.length] ?? ''
    if (/^[\s,]?$/.test(before) && /^[\s,]?$/.test(after)) return i
  }
  return -1
}

/** The location of a whole value. */
export function where(value: Value | undefined): {
  file?: string
  line?: number
} {
  const out: { file?: string; line?: number } = {}
  if (value?.file !== undefined) out.file = value.file
  if (value?.line !== undefined) out.line = value.line
  return out
}

/** Untrusted text (from a workflow file) made safe and short for a message. */
export function show(text: string, max = 80): string {
  return `"${neutralise(text, max)}"`
}

/** True when the runner would expand an expression in the value first. */
export function hasExpression(text: string): boolean {
  return text.includes('${{')
}

/**
 * A workflow that writes the client secret literally into a step and again into another
 * input: the step refuses that input without printing it ("contains the client secret
 * (value hidden)"), so the audit must not print it either, in any finding, the summary
 * or audit-report. Done once, where a step's values are read, so every rule, the scope
 * drift and the Monaco check see the blanked values. The secrets: a literal
 * client-secret (and its last dotted part, as the step checks), and a client-id the step
 * masks because it looks like a secret. Each is blanked in every other input, keeping the
 * value's length so that line numbers stay right; `carriers` names the inputs that carried
 * the client secret.
 */
export function hideLiteralSecrets(values: ReadonlyMap<string, Value>): {
  values: ReadonlyMap<string, Value>
  carriers: string[]
} {
  const literal = (input: string): string => {
    const text = values.get(input)?.text.trim() ?? ''
    return text.length >= 8 && !hasExpression(text) ? text : ''
  }
  const id = literal('client-id')
  const idCheck = id === '' ? undefined : clientId.check(id, (t) => t)
  const sources = [
    { from: 'client-secret', text: literal('client-secret') },
    {
      from: 'client-id',
      text: idCheck instanceof Problem && idCheck.secret ? id : ''
    }
  ].flatMap(({ from, text }) => {
    const part = text.split('.').pop() ?? ''
    return text === ''
      ? []
      : [
          { from, text },
          ...(part.length >= 8 && part !== text ? [{ from, text: part }] : [])
        ]
  })
  const carriers: string[] = []
  const hidden = new Map(values)
  for (const [input, value] of values) {
    const secrets = sources
      .filter((s) => s.from !== input && value.text.includes(s.text))
      .map((s) => s.text)
    if (secrets.length === 0) continue
    // The step refuses an input carrying its client secret; a secret-looking client-id
    // it only masks (its value shows as *** in the step's messages, as here).
    if (
      sources.some(
        (s) => s.from === 'client-secret' && secrets.includes(s.text)
      )
    )
      carriers.push(input)
    let text = value.text
    for (const secret of secrets)
      text = text.split(secret).join('*'.repeat(secret.length))
    hidden.set(input, { ...value, text, lineOf: (o) => value.lineOf(o) })
  }
  return { values: hidden, carriers }
}
