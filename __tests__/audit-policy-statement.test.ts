/** src/policy-statement.ts: table-driven cases, then properties (never throws, valid input parses). */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  formatPolicyError,
  parsePolicyStatements
} from '../src/policy-statement.js'

describe('valid policies', () => {
  test.each([
    ['ALLOW settings:objects:read;', [['ALLOW', ['settings:objects:read'], 0]]],
    [
      'ALLOW settings:objects:read, settings:schemas:read;\nDENY storage:logs:read;',
      [
        ['ALLOW', ['settings:objects:read', 'settings:schemas:read'], 0],
        ['DENY', ['storage:logs:read'], 0]
      ]
    ],
    [
      'allow settings:objects:write WHERE settings:schemaId = "builtin:alerting.profile" AND settings:scope startsWith \'HOST-\';',
      [['ALLOW', ['settings:objects:write'], 2]]
    ],
    [
      'ALLOW storage:logs:read WHERE storage:dt.security_context NOT IN ("a", "b\\"c");',
      [['ALLOW', ['storage:logs:read'], 1]]
    ],
    [
      '// comment line\nALLOW environment:roles:viewer WHERE environment:management-zone MATCH "^team-.*$"; // trailing',
      [['ALLOW', ['environment:roles:viewer'], 1]]
    ],
    [
      'ALLOW automation:workflows:read WHERE automation:workflow-type != "SIMPLE" AND x:y NOT startsWith "z";',
      [['ALLOW', ['automation:workflows:read'], 2]]
    ]
  ])('%s', (text, expected) => {
    const result = parsePolicyStatements(text)
    expect(result.errors).toEqual([])
    expect(
      result.statements.map((s) => [
        s.effect,
        s.permissions,
        s.conditions.length
      ])
    ).toEqual(expected)
  })

  test('conditions are normalised', () => {
    const [s] = parsePolicyStatements(
      'ALLOW a:b:c WHERE a:x not in ("1","2") AND a:y startswith "p";'
    ).statements
    expect(s!.conditions).toEqual([
      { name: 'a:x', operator: 'NOT IN', values: ['1', '2'] },
      { name: 'a:y', operator: 'startsWith', values: ['p'] }
    ])
  })

  test('positions are 1-based line and column', () => {
    const [, s] = parsePolicyStatements(
      'ALLOW a:b:c;\n  DENY  d:e:f, g:h:i;'
    ).statements
    expect(s!.position).toMatchObject({ line: 2, column: 3 })
    expect(s!.permissionPositions.map((p) => [p.line, p.column])).toEqual([
      [2, 9],
      [2, 16]
    ])
  })
})

describe('syntax errors', () => {
  test.each([
    ['', 1, 1, 'the policy has no statements'],
    ['ALLOW settings:objects:read', 1, 28, 'not terminated'],
    ['ALLOWS settings:objects:read;', 1, 1, 'expected ALLOW or DENY'],
    ['ALLOW settings;', 1, 7, '"settings" is not a permission'],
    ['ALLOW ;', 1, 7, 'expected a permission'],
    ['ALLOW a:b:c,;', 1, 13, 'expected a permission'],
    ['ALLOW a:b:c WHERE;', 1, 18, 'expected a condition name'],
    ['ALLOW a:b:c WHERE a:x == "y";', 1, 24, 'expected a quoted value'],
    ['ALLOW a:b:c WHERE a:x = y;', 1, 25, 'expected a quoted value'],
    ['ALLOW a:b:c WHERE a:x IN "y";', 1, 26, 'expected "(" after IN'],
    ['ALLOW a:b:c WHERE a:x IN ("y" "z");', 1, 31, 'expected "," or ")"'],
    [
      'ALLOW a:b:c WHERE a:x NOT = "y";',
      1,
      27,
      'expected IN or startsWith after NOT'
    ],
    ['ALLOW a:b:c WHERE a:x LIKE "y";', 1, 23, 'expected a condition operator'],
    ['ALLOW a:b:c WHERE a:x = "y" OR a:z = "w";', 1, 29, 'OR is not supported'],
    ['ALLOW a:b:c WHERE a:x = "y\n";', 1, 25, 'unterminated string'],
    [';', 1, 1, 'empty statement'],
    ['ALLOW a:b:c;\n\nDENY x:y:z WHERE', 3, 17, 'expected a condition name']
  ])('%j → line %d, column %d', (text, line, column, message) => {
    const { errors } = parsePolicyStatements(text)
    expect(errors[0]).toMatchObject({ line, column })
    expect(errors[0]!.message).toContain(message)
    expect(formatPolicyError(errors[0]!)).toMatch(
      new RegExp(`^line ${line}, column ${column}: `)
    )
  })

  test('recovers at the next ";" and reports every bad statement', () => {
    const result = parsePolicyStatements(
      'ALLOW x;\nALLOW a:b:c;\nDENY y WHERE;\nALLOW d:e:f;'
    )
    expect(result.errors.map((e) => e.line)).toEqual([1, 3])
    expect(result.statements.map((s) => s.permissions[0])).toEqual([
      'a:b:c',
      'd:e:f'
    ])
  })
})

describe('properties', () => {
  const words = fc.constantFrom(
    'ALLOW',
    'DENY',
    'allow',
    'WHERE',
    'AND',
    'OR',
    'NOT',
    'IN',
    'startsWith',
    'MATCH',
    'settings:objects:read',
    'storage:logs:read',
    'a:b',
    'x',
    ',',
    ';',
    '(',
    ')',
    '"v"',
    "'w'",
    '"open',
    '=',
    '!=',
    '<=',
    '>',
    '//c\n',
    '\n',
    '\\',
    '\u2028',
    '😀',
    ':',
    '::',
    '"a\\"b"'
  )
  const soup = fc.array(words, { maxLength: 40 }).map((w) => w.join(' '))

  test('never throws; every error has a position inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          soup
        ),
        (text) => {
          const result = parsePolicyStatements(text)
          for (const e of result.errors) {
            expect(e.line).toBeGreaterThanOrEqual(1)
            expect(e.column).toBeGreaterThanOrEqual(1)
            expect(e.offset).toBeGreaterThanOrEqual(0)
            expect(e.offset).toBeLessThanOrEqual(text.length)
            expect(typeof e.message).toBe('string')
          }
          for (const s of result.statements) {
            expect(s.permissions.length).toBeGreaterThan(0)
            expect(s.permissions.length).toBe(s.permissionPositions.length)
          }
          expect(
            result.errors.length + result.statements.length
          ).toBeGreaterThan(0)
        }
      ),
      { numRuns: 400 }
    )
  })

  test('well-formed statements parse without errors and keep what they say', () => {
    const ident = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)
    const permission = fc.tuple(ident, ident, ident).map((p) => p.join(':'))
    const value = fc
      .string({ maxLength: 12 })
      .filter((v) => !/["\\\n\r\u2028\u2029]/.test(v))
    const condition = fc.record({
      name: fc.tuple(ident, ident).map((p) => p.join(':')),
      operator: fc.constantFrom(
        '=',
        '!=',
        'startsWith',
        'NOT startsWith',
        'MATCH',
        'IN',
        'NOT IN'
      ),
      values: fc.array(value, { minLength: 1, maxLength: 3 })
    })
    const statement = fc.record({
      effect: fc.constantFrom('ALLOW' as const, 'DENY' as const),
      permissions: fc.array(permission, { minLength: 1, maxLength: 3 }),
      conditions: fc.array(condition, { maxLength: 3 })
    })
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 4 }),
        (statements) => {
          const text = statements
            .map((s) => {
              const where = s.conditions
                .map((c) => {
                  const values = c.operator.endsWith('IN')
                    ? `(${c.values.map((v) => `"${v}"`).join(', ')})`
                    : `"${c.values[0]}"`
                  return `${c.name} ${c.operator} ${values}`
                })
                .join(' AND ')
              return `${s.effect} ${s.permissions.join(', ')}${where ? ` WHERE ${where}` : ''};`
            })
            .join('\n')
          const result = parsePolicyStatements(text)
          expect(result.errors).toEqual([])
          expect(
            result.statements.map((s) => ({
              effect: s.effect,
              permissions: s.permissions,
              conditions: s.conditions
            }))
          ).toEqual(
            statements.map((s) => ({
              ...s,
              conditions: s.conditions.map((c) => ({
                ...c,
                values: c.operator.endsWith('IN') ? c.values : [c.values[0]]
              }))
            }))
          )
        }
      ),
      { numRuns: 200 }
    )
  })
})
