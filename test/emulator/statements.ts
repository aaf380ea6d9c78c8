/**
 * A small parser for IAM policy statements and boundary queries — enough to
 * reject what Dynatrace would reject and to expand `statements` in
 * LevelPolicyDto, not a full grammar.
 *
 *   statement := (ALLOW|DENY) permission (, permission)* [WHERE condition (AND condition)*] ;
 *   permission := service:resource[:action]   e.g. settings:objects:read
 */

export interface Condition {
  name: string
  operator: string
  values: string[]
}

export interface Statement {
  effect: 'ALLOW' | 'DENY'
  permissions: string[]
  conditions: Condition[]
}

const PERMISSION = /^[a-zA-Z][\w-]*(?::[\w.-]+)+$/
const CONDITION =
  /^([a-zA-Z][\w-]*(?::[\w.-]+)+)\s*(=|!=|<=|>=|<|>|NOT IN|IN|startsWith|NOT startsWith|MATCH)\s*(.+)$/i

/** Splits on `;` outside double quotes; drops empty trailing parts. */
function splitStatements(query: string): string[] | undefined {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (const ch of query) {
    if (ch === '"') quoted = !quoted
    if (ch === ';' && !quoted) {
      parts.push(current.trim())
      current = ''
    } else current += ch
  }
  // Text after the last `;` means a missing terminator.
  if (quoted || current.trim() !== '') return undefined
  return parts.filter((p) => p !== '')
}

function parseValues(raw: string): string[] {
  const inner = raw.trim().replace(/^\((.*)\)$/s, '$1')
  return [...inner.matchAll(/"((?:[^"\\]|\\.)*)"|([^\s,]+)/g)].map(
    (m) => m[1] ?? m[2]!
  )
}

export function parseConditions(where: string): Condition[] | undefined {
  const conditions: Condition[] = []
  for (const part of where.split(/\s+AND\s+/i)) {
    const m = CONDITION.exec(part.trim())
    if (!m) return undefined
    conditions.push({
      name: m[1]!,
      operator: m[2]!,
      values: parseValues(m[3]!)
    })
  }
  return conditions
}

/**
 * Parses a statementQuery. Returns the statements, or an error message in
 * the spirit of Dynatrace's ("… mismatched input …").
 */
export function parseStatementQuery(
  query: string
): { statements: Statement[] } | { error: string } {
  const parts = splitStatements(query)
  if (!parts || parts.length === 0) {
    return {
      error:
        'Policy statement query is invalid: every statement must end with ";" ' +
        '(expected "ALLOW|DENY <permission>[, <permission>]* [WHERE <condition>];")'
    }
  }
  const statements: Statement[] = []
  for (const [i, text] of parts.entries()) {
    const m = /^(ALLOW|DENY)\s+(.+?)(?:\s+WHERE\s+(.+))?$/is.exec(text)
    const permissions = m?.[2]?.split(',').map((p) => p.trim()) ?? []
    const conditions = m?.[3] ? parseConditions(m[3]) : []
    if (!m || !permissions.every((p) => PERMISSION.test(p)) || !conditions) {
      const first = text.split(/\s+/)[0] ?? ''
      return {
        error:
          `Policy statement query is invalid: statement ${i + 1}: ` +
          `mismatched input '${first}' near "${text.slice(0, 60)}"; ` +
          'expected "ALLOW|DENY <permission>[, <permission>]* [WHERE <condition>];"'
      }
    }
    statements.push({
      effect: m[1]!.toUpperCase() as 'ALLOW' | 'DENY',
      permissions,
      conditions
    })
  }
  return { statements }
}
