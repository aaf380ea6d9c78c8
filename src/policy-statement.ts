/**
 * A local parser for Dynatrace IAM policy statements, used by the offline audit and
 * reusable by the IAM code to reject a bad statement before any request. The syntax is
 * Dynatrace's (https://docs.dynatrace.com/docs/shortlink/iam-policystatement-syntax); the
 * operators are those its permission reference lists per condition
 * (https://docs.dynatrace.com/docs/manage/identity-access-management/permission-management/manage-user-permissions-policies/advanced/iam-policystatements).
 *
 *   policy     := statement*
 *   statement  := (ALLOW | DENY) permission ("," permission)* [WHERE condition (AND condition)*] ";"
 *   permission := service:resource[:action]            e.g. settings:objects:read
 *   condition  := name operator value                  e.g. settings:schemaId = "builtin:alerting.profile"
 *   operator   := = | != | < | <= | > | >= | IN | NOT IN | startsWith | NOT startsWith | MATCH
 *   value      := "text" | 'text'                      IN takes ("a", "b", …)
 *
 * `//` starts a comment that runs to the end of the line. Keywords are matched without regard
 * to case. The parser never throws: it returns every statement it could read and a list of
 * syntax errors with 1-based line and column positions, recovering at the next `;`.
 */

/** One condition of a WHERE clause. */
export interface PolicyCondition {
  name: string
  /** Normalised operator: `=`, `!=`, `<`, `<=`, `>`, `>=`, `IN`, `NOT IN`, `startsWith`, `NOT startsWith`, `MATCH`. */
  operator: string
  values: string[]
}

/** A position in the statement text: 0-based offset, 1-based line and column. */
export interface TextPosition {
  offset: number
  line: number
  column: number
}

/** One parsed statement. */
export interface PolicyStatement {
  effect: 'ALLOW' | 'DENY'
  permissions: string[]
  /** Where each permission starts (same order as `permissions`). */
  permissionPositions: TextPosition[]
  conditions: PolicyCondition[]
  /** Where the statement starts (its ALLOW or DENY keyword). */
  position: TextPosition
}

/** A syntax error and where it is. */
export interface PolicySyntaxError extends TextPosition {
  message: string
}

/** The result of parsing a policy: what could be read, and what could not. */
export interface ParsedPolicy {
  statements: PolicyStatement[]
  errors: PolicySyntaxError[]
}

type TokenKind = 'word' | 'string' | 'op' | ',' | ';' | '(' | ')' | 'end'

interface Token extends TextPosition {
  kind: TokenKind
  text: string
  /** Offset just after the token in the source. */
  end: number
  /** Set on a string token whose closing quote is missing. */
  unterminated?: boolean
}

/** Dynatrace allows at most 100 statements per policy; more errors than this are noise. */
const MAX_ERRORS = 20

const PERMISSION = /^[A-Za-z][\w-]*(?::[\w.-]+)+$/
const CONDITION_NAME = /^[A-Za-z][\w-]*(?::[\w.-]+)+$/
const WORD_CHAR = /[\w.:*$@{}/-]/

/** Split `text` into tokens, each with its position, and the end of the text. */
function tokenize(text: string): { tokens: Token[]; end: Token } {
  const tokens: Token[] = []
  let line = 1
  let lineStart = 0
  let i = 0
  const pos = (offset: number): TextPosition => ({
    offset,
    line,
    column: offset - lineStart + 1
  })
  while (i < text.length) {
    const ch = text.charAt(i)
    if (ch === '\n') {
      i++
      line++
      lineStart = i
    } else if (/\s/.test(ch)) {
      i++
    } else if (text.startsWith('//', i)) {
      i = lineEnd(text, i)
    } else {
      const token: Token = { ...pos(i), ...readToken(text, i) }
      tokens.push(token)
      i = token.end
    }
  }
  return { tokens, end: { ...pos(i), kind: 'end', text: '', end: i } }
}

/** A token without its position. */
type Lexeme = Omit<Token, keyof TextPosition>

/** Where the line holding `i` ends: a `//` comment runs to there. */
function lineEnd(text: string, i: number): number {
  const newline = text.indexOf('\n', i)
  return newline === -1 ? text.length : newline
}

/** The token starting at `i`, which is neither white space nor a comment. */
function readToken(text: string, i: number): Lexeme {
  const ch = text.charAt(i)
  if (ch === '"' || ch === "'") return readString(text, i)
  if (ch === ',' || ch === ';' || ch === '(' || ch === ')')
    return { kind: ch, text: ch, end: i + 1 }
  const op = /^(?:!=|<=|>=|=|<|>)/.exec(text.slice(i, i + 2))
  if (op) return { kind: 'op', text: op[0], end: i + op[0].length }
  if (WORD_CHAR.test(ch)) {
    const end = wordEnd(text, i)
    return { kind: 'word', text: text.slice(i, end), end }
  }
  // Any other character is a one-character word, so the parser can name it in an error.
  const char = Array.from(text.slice(i, i + 2))[0] ?? ch
  return { kind: 'word', text: char, end: i + char.length }
}

/** A quoted string from its opening quote at `start`; a backslash escapes the next character. */
function readString(text: string, start: number): Lexeme {
  const quote = text.charAt(start)
  let value = ''
  let j = start + 1
  while (j < text.length) {
    const c = text.charAt(j)
    if (c === '\\' && j + 1 < text.length) {
      value += text.charAt(j + 1)
      j += 2
      continue
    }
    if (c === quote) return { kind: 'string', text: value, end: j + 1 }
    // A string never spans lines; stop so that the error points at the quote.
    if (c === '\n') break
    value += c
    j++
  }
  return { kind: 'string', text: value, end: j, unterminated: true }
}

/** Where the word starting at `start` ends; `//` inside a word still starts a comment. */
function wordEnd(text: string, start: number): number {
  let j = start
  while (
    j < text.length &&
    WORD_CHAR.test(text.charAt(j)) &&
    !text.startsWith('//', j)
  )
    j++
  return j
}

const keyword = (token: Token, word: string): boolean =>
  token.kind === 'word' && token.text.toUpperCase() === word.toUpperCase()

/** How a token reads in an error message. */
function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the policy'
  if (token.kind === 'string') return `the string "${token.text.slice(0, 40)}"`
  return `"${token.text.slice(0, 40)}"`
}

const position = (token: Token): TextPosition => ({
  offset: token.offset,
  line: token.line,
  column: token.column
})

class SyntaxFailure {
  constructor(readonly error: PolicySyntaxError) {}
}

/** Recursive-descent parser over the token list; one instance per call. */
class Parser {
  private i = 0
  readonly statements: PolicyStatement[] = []
  readonly errors: PolicySyntaxError[] = []

  constructor(
    private readonly tokens: Token[],
    private readonly end: Token
  ) {}

  /** The next token; past the last one, the end of the policy. */
  private peek(): Token {
    return this.tokens[this.i] ?? this.end
  }

  private next(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.i++
    return token
  }

  /** The token `next()` returned last (the end of the policy before the first). */
  private previous(): Token {
    return this.tokens[this.i - 1] ?? this.end
  }

  private fail(token: Token, message: string): never {
    throw new SyntaxFailure({ ...position(token), message })
  }

  parse(): ParsedPolicy {
    if (this.peek().kind === 'end') {
      this.errors.push({
        ...position(this.peek()),
        message:
          'the policy has no statements; write at least one, e.g. ALLOW settings:objects:read;'
      })
    }
    while (this.peek().kind !== 'end' && this.errors.length < MAX_ERRORS) {
      try {
        this.statements.push(this.statement())
      } catch (failure) {
        if (!(failure instanceof SyntaxFailure)) throw failure
        this.errors.push(failure.error)
        this.recover()
      }
    }
    return { statements: this.statements, errors: this.errors }
  }

  /** Skip past the next `;` so that one mistake does not hide the statements after it. */
  private recover(): void {
    while (this.peek().kind !== 'end') {
      if (this.next().kind === ';') return
    }
  }

  private statement(): PolicyStatement {
    const start = this.next()
    if (start.kind === ';') {
      this.fail(start, 'empty statement: expected ALLOW or DENY before ";"')
    }
    if (!keyword(start, 'ALLOW') && !keyword(start, 'DENY')) {
      this.fail(
        start,
        `expected ALLOW or DENY at the start of a statement, found ${describe(start)}`
      )
    }
    const permissions: string[] = []
    const permissionPositions: TextPosition[] = []
    for (;;) {
      const token = this.next()
      if (token.kind !== 'word' || keyword(token, 'WHERE')) {
        this.fail(
          token,
          `expected a permission (service:resource:action, e.g. settings:objects:read), found ${describe(token)}`
        )
      }
      if (token.text.includes('*')) {
        // Dynatrace's policy syntax documents no wildcards: each permission is named.
        this.fail(
          token,
          `"${token.text.slice(0, 60)}" has a wildcard; Dynatrace's policy syntax names each permission (e.g. storage:logs:read, storage:metrics:read), so list the ones needed`
        )
      }
      if (!PERMISSION.test(token.text)) {
        this.fail(
          token,
          `"${token.text.slice(0, 60)}" is not a permission; permissions look like service:resource:action, e.g. settings:objects:read`
        )
      }
      permissions.push(token.text)
      permissionPositions.push(position(token))
      if (this.peek().kind !== ',') break
      this.next()
    }
    const conditions: PolicyCondition[] = []
    if (keyword(this.peek(), 'WHERE')) {
      this.next()
      conditions.push(this.condition())
      while (keyword(this.peek(), 'AND')) {
        this.next()
        conditions.push(this.condition())
      }
    }
    const last = this.previous()
    const end = this.next()
    if (end.kind === 'end') {
      // Point just after the statement's last token, not at the end of the text.
      this.fail(
        {
          ...last,
          offset: last.end,
          column: last.column + (last.end - last.offset)
        },
        'the statement is not terminated: end it with ";"'
      )
    }
    if (end.kind !== ';') {
      this.fail(
        end,
        `expected ",", WHERE, AND or ";", found ${describe(end)}` +
          (keyword(end, 'OR')
            ? ' (OR is not supported: write a second statement instead)'
            : '')
      )
    }
    return {
      effect: start.text.toUpperCase() as 'ALLOW' | 'DENY',
      permissions,
      permissionPositions,
      conditions,
      position: position(start)
    }
  }

  private condition(): PolicyCondition {
    const name = this.next()
    if (name.kind !== 'word' || !CONDITION_NAME.test(name.text)) {
      this.fail(
        name,
        `expected a condition name (service:attribute, e.g. settings:schemaId), found ${describe(name)}`
      )
    }
    const operator = this.operator()
    const values: string[] = []
    if (operator === 'IN' || operator === 'NOT IN') {
      const open = this.next()
      if (open.kind !== '(') {
        this.fail(
          open,
          `expected "(" after ${operator}, e.g. ${operator} ("a", "b"), found ${describe(open)}`
        )
      }
      for (;;) {
        values.push(this.value())
        const sep = this.next()
        if (sep.kind === ')') break
        if (sep.kind !== ',') {
          this.fail(
            sep,
            `expected "," or ")" in the ${operator} list, found ${describe(sep)}`
          )
        }
      }
    } else {
      values.push(this.value())
    }
    return { name: name.text, operator, values }
  }

  private operator(): string {
    const token = this.next()
    if (token.kind === 'op') return token.text
    if (keyword(token, 'IN')) return 'IN'
    if (keyword(token, 'MATCH')) return 'MATCH'
    if (keyword(token, 'startsWith')) return 'startsWith'
    if (keyword(token, 'NOT')) {
      const second = this.next()
      if (keyword(second, 'IN')) return 'NOT IN'
      if (keyword(second, 'startsWith')) return 'NOT startsWith'
      this.fail(
        second,
        `expected IN or startsWith after NOT, found ${describe(second)}`
      )
    }
    this.fail(
      token,
      `expected a condition operator (=, !=, IN, NOT IN, startsWith, NOT startsWith, MATCH), found ${describe(token)}`
    )
  }

  private value(): string {
    const token = this.next()
    if (token.kind === 'string') {
      if (token.unterminated)
        this.fail(
          token,
          'unterminated string: close the quote on the same line'
        )
      return token.text
    }
    this.fail(
      token,
      `expected a quoted value, e.g. "builtin:alerting.profile", found ${describe(token)}`
    )
  }
}

/**
 * Parse a policy's statement query. Never throws: anything it cannot read becomes an entry
 * in `errors`, with the line and column (1-based) of the offending token.
 */
export function parsePolicyStatements(text: string): ParsedPolicy {
  const { tokens, end } = tokenize(text)
  return new Parser(tokens, end).parse()
}

/** One error as a single line: `line 2, column 14: expected …`. */
export function formatPolicyError(error: PolicySyntaxError): string {
  return `line ${error.line}, column ${error.column}: ${error.message}`
}
