/**
 * Table-driven tests of the pure parts of the IAM module: the YAML inputs,
 * the local statement check, and the statement comparison that keeps reruns
 * from rewriting a policy Dynatrace merely reformatted.
 */
import { describe, expect, test } from '@jest/globals'
import { normaliseStatement } from '../src/iam/ensure.js'
import { mapLimit } from '../src/iam/limit.js'
import { checkStatement, parseIamInputs } from '../src/iam/parse.js'

const errorOf = (policies: string, bindings: string): string => {
  try {
    parseIamInputs(policies, bindings)
  } catch (error) {
    return (error as Error).message
  }
  return ''
}

describe('parseIamInputs', () => {
  test('reads both lists, with defaults, single-string groups and de-duplication', () => {
    expect(
      parseIamInputs(
        '- name: p\n  statement: "ALLOW settings:objects:read;"',
        `
- policy: Settings Reader
  groups: Admins
- policy: p
  groups: [A, B, A]
  level: account
  boundaries: zone
- policy: p
  groups: [A]
  level: environment:xyz98765
`
      )
    ).toEqual({
      policies: [
        {
          index: 0,
          name: 'p',
          description: '',
          statement: 'ALLOW settings:objects:read;'
        }
      ],
      bindings: [
        {
          index: 0,
          policy: 'Settings Reader',
          groups: ['Admins'],
          level: { type: 'environment' },
          boundaries: []
        },
        {
          index: 1,
          policy: 'p',
          groups: ['A', 'B'],
          level: { type: 'account' },
          boundaries: ['zone']
        },
        {
          index: 2,
          policy: 'p',
          groups: ['A'],
          level: { type: 'environment', id: 'xyz98765' },
          boundaries: []
        }
      ]
    })
  })

  test.each([
    ['', '', ''],
    ['', '# nothing yet\n', ''],
    [
      'name: p',
      '',
      'policies: must be a YAML list (start each entry with "- "), not a mapping.'
    ],
    [
      '- just text',
      '',
      'policies[0]: must be a mapping (name: value lines), not a string.'
    ],
    ['- { name: p }', '', 'policies[0].statement: missing.'],
    [
      '- { name: "", statement: "ALLOW a:b;" }',
      '',
      'policies[0].name: is empty.'
    ],
    [
      '- { name: 42, statement: "ALLOW a:b;" }',
      '',
      'policies[0].name: must be text, not the number 42; put it in quotes.'
    ],
    [
      '- { name: p, statement: "ALLOW a:b" }',
      '',
      'policies[0].statement: every statement must end with ";" (expected "ALLOW|DENY <permission>[, <permission>…] [WHERE <condition>];").'
    ],
    [
      '- { name: p, statment: "ALLOW a:b;" }',
      '',
      'policies[0]: unknown key "statment" (did you mean "statement"?); allowed keys: name, description, statement.'
    ],
    [
      '- { name: p, statement: "ALLOW a:b;" }\n- { name: p, statement: "ALLOW a:c;" }',
      '',
      'policies[1].name: "p" is already defined in policies[0]; each policy must appear once.'
    ],
    ['', '- { groups: [A] }', 'bindings[0].policy: missing.'],
    ['', '- { policy: p }', 'bindings[0].groups: missing.'],
    [
      '',
      '- { policy: p, groups: [] }',
      'bindings[0].groups: is an empty list; name at least one.'
    ],
    [
      '',
      '- { policy: p, groups: [A, ""] }',
      'bindings[0].groups[1]: is empty.'
    ],
    [
      '',
      '- { policy: p, groups: A, level: tenant }',
      'bindings[0].level: "tenant" is not one of account, environment, environment:<id>.'
    ],
    [
      '',
      '- { policy: p, groups: A, level: "environment:" }',
      'bindings[0].level: "environment:" does not name an environment ID (e.g. environment:abc12345).'
    ],
    [
      '',
      '- { policy: p, group: A }',
      'bindings[0]: unknown key "group" (did you mean "groups"?); allowed keys: policy, groups, level, boundaries.'
    ],
    [
      '',
      '- { policy: p, groups: A, boundary: z }',
      'bindings[0]: unknown key "boundary" (did you mean "boundaries"?); allowed keys: policy, groups, level, boundaries.'
    ],
    [
      '',
      '- policy: p\n  policy: q\n  groups: A',
      'bindings: is not valid YAML (line 2, column 3): Map keys must be unique'
    ]
  ])('policies %j, bindings %j → %j', (policies, bindings, expected) => {
    expect(errorOf(policies, bindings)).toBe(expected)
  })
})

describe('checkStatement', () => {
  test.each([
    ['ALLOW settings:objects:read;', undefined],
    ['allow settings:objects:read, settings:schemas:read;', undefined],
    ['ALLOW storage:*:read;', undefined],
    [
      'ALLOW settings:objects:read WHERE settings:schemaId = "a;b";\nDENY settings:objects:write;',
      undefined
    ],
    ['ALLOW settings:objects:read', 'every statement must end with ";"'],
    ['ALLOW settings:objects:read; DENY', 'every statement must end with ";"'],
    ['   ', 'is empty.'],
    ['ALLOW;', '"ALLOW" does not look like a policy statement'],
    [
      'PERMIT settings:objects:read;',
      '"PERMIT settings:objects:read" does not look like a policy statement'
    ],
    [
      'ALLOW settings;',
      '"ALLOW settings" does not look like a policy statement'
    ],
    ['ALLOW a:b; ALLOW c d:e;', '"ALLOW c d:e" (statement 2) does not look']
  ])('%j', (statement, expected) => {
    const problem = checkStatement(statement)
    if (expected === undefined) expect(problem).toBeUndefined()
    else expect(problem).toContain(expected)
  })
})

describe('normaliseStatement', () => {
  test.each([
    ['ALLOW a:b:c, d:e:f;', 'ALLOW a:b:c ,d:e:f ;', true],
    ['ALLOW a:b:c;', '  ALLOW\n  a:b:c;\n', true],
    [
      'ALLOW a:b WHERE x:y IN ("p", "q");',
      'ALLOW a:b WHERE x:y IN( "p","q" ) ;',
      true
    ],
    [
      'ALLOW a:b WHERE x:y = "two  spaces";',
      'ALLOW a:b WHERE x:y = "two spaces";',
      false
    ],
    ['ALLOW a:b:c;', 'ALLOW a:b:d;', false],
    ['ALLOW a:b:c;', 'DENY a:b:c;', false]
  ])('%j vs %j: same = %s', (a, b, same) => {
    expect(normaliseStatement(a) === normaliseStatement(b)).toBe(same)
  })
})

describe('mapLimit', () => {
  test('keeps order, bounds concurrency, and starts nothing after a failure', async () => {
    let running = 0
    let most = 0
    const started: number[] = []
    const results = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n)
      running++
      most = Math.max(most, running)
      await new Promise((r) => setTimeout(r, 8 - n))
      running--
      return n * 10
    })
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70])
    expect(most).toBe(3)

    started.length = 0
    await expect(
      mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
        started.push(n)
        await new Promise((r) => setTimeout(r, 5))
        if (n === 1) throw new Error('boom')
        return n
      })
    ).rejects.toThrow('boom')
    // 1 and 2 ran together; after 1 failed, only 2 (already running) finished.
    expect(started).toEqual([1, 2])
  })
})
