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
 * Offsets of a literal block scalar's value mapped to the container: value line j is
 * source line j after the `|` header, and its text ends that source line (whatever the
 * indentation, explicit indentation indicators included).
 */
function literalBlockMap(
  source: string,
  start: number
): (offset: number, value: string) => number {
  const header = source.indexOf('\n')
  const lines = header < 0 ? [] : source.slice(header + 1).split('\n')
  const lineStarts: number[] = []
  let at = start + header + 1
  for (const l of lines) {
    lineStarts.push(at)
    at += l.length + 1
  }
  return (offset, value) => {
    const before = value.slice(0, offset)
    const j = Math.min(before.split('\n').length - 1, lines.length - 1)
    const lineStart = lineStarts[j]
    if (lineStart === undefined) return start
    const column = offset - (before.lastIndexOf('\n') + 1)
    const valueLine = value.split('\n')[j] ?? ''
    const sourceLine = lines[j]!.replace(/\r$/, '')
    const indent = Math.max(0, sourceLine.length - valueLine.length)
    return lineStart + Math.min(indent + column, sourceLine.length)
  }
}

/** A scalar node of `container` as a Value. */
export function scalarValue(node: Scalar, container: Container): Value {
  const text = scalarText(node)
  const [start, end] = node.range ?? [0, 0]
  const source = container.text.slice(start, end)
  let map: (offset: number) => number
  if (node.type === 'BLOCK_LITERAL') {
    const literal = literalBlockMap(source, start)
    map = (offset) => literal(offset, text)
  } else if (!source.includes('\n')) {
    // One line: the value sits in the source as is (quotes aside; escapes are rare here).
    const quote = node.type === 'PLAIN' ? 0 : 1
    map = (offset) => start + quote + offset
  } else {
    // Folded or multi-line flow scalars: find the word at `offset` in the source.
    map = (offset) => {
      const word = /^[^\s,]+/.exec(text.slice(offset))?.[0]
      if (!word) return start
      const nth = countOccurrences(text.slice(0, offset), word)
      let found = -1
      for (let k = 0; k <= nth; k++) {
        found = source.indexOf(word, found + 1)
        if (found < 0) return start
      }
      return start + found
    }
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

function countOccurrences(text: string, word: string): number {
  let count = 0
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1))
    count++
  return count
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

/** Index of `item` as a whole list entry (between commas or whitespace) in `text`. */
export function indexOfItem(text: string, item: string): number {
  for (let i = text.indexOf(item); i >= 0; i = text.indexOf(item, i + 1)) {
    const before = i === 0 ? '' : text[i - 1]!
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
