/**
 * Table-driven tests of the pure parts of the IAM module: the YAML inputs,
 * the statement check (the same for the step and the audit), and the statement comparison that keeps reruns
 * from rewriting a policy Dynatrace merely reformatted.
 */
import { describe, expect, test } from '@jest/globals'
import { normaliseStatement } from '../src/iam/ensure.js'
import { mapLimit } from '../src/iam/limit.js'
import { parseIamInputs } from '../src/iam/parse.js'
import { audit } from './fixtures/audit/run-audit.js'

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
      'policies[0].statement: line 1, column 10: the statement is not terminated: end it with ";".'
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
    ],
    [
      '',
      '*a',
      'bindings: is not valid YAML: Unresolved alias (the anchor must be set before the alias): a'
    ],
    [
      '- &p { name: p, statement: "ALLOW a:b;" }\n- *q',
      '',
      'policies: is not valid YAML: Unresolved alias (the anchor must be set before the alias): q'
    ]
  ])('policies %j, bindings %j → %j', (policies, bindings, expected) => {
    expect(errorOf(policies, bindings)).toBe(expected)
  })
})

describe('statements: one checker for the step and the audit', () => {
  const policy = (statement: string): string =>
    `- name: p\n  statement: ${JSON.stringify(statement)}`
  test.each([
    ['ALLOW settings:objects:read;', undefined],
    ['allow settings:objects:read, settings:schemas:read;', undefined],
    [
      'ALLOW settings:objects:read WHERE settings:schemaId = "a;b";\nDENY settings:objects:write;',
      undefined
    ],
    ['ALLOW settings:objects:read', 'the statement is not terminated'],
    ['ALLOW settings:objects:read; DENY', 'expected a permission'],
    ['   ', 'policies[0].statement: is empty.'],
    ['ALLOW;', 'expected a permission'],
    ['PERMIT settings:objects:read;', 'expected ALLOW or DENY'],
    ['ALLOW settings;', '"settings" is not a permission'],
    ['ALLOW a:b; ALLOW c d:e;', 'line 1, column 18: "c" is not a permission']
  ])('%j', (statement, expected) => {
    const message = errorOf(policy(statement), '')
    if (expected === undefined) expect(message).toBe('')
    else expect(message).toContain(expected)
  })

  // Where the step and the audit used to disagree, each case is decided once (on
  // Dynatrace's policy syntax docs: comments with //, no wildcards, WHERE needs
  // name operator "value") and both sides are checked to agree.
  const decided: Array<[string, string, string, string | undefined]> = [
    [
      'a statementQuery: key',
      '- name: p\n  statementQuery: "ALLOW settings:objects:read;"',
      '',
      'policies[0]: unknown key "statementQuery" (did you mean "statement"?); allowed keys: name, description, statement.'
    ],
    [
      'a group: typo',
      '',
      '- policy: p\n  group: A',
      'bindings[0]: unknown key "group" (did you mean "groups"?); allowed keys: policy, groups, level, boundaries.'
    ],
    [
      'a wildcard permission',
      policy('ALLOW storage:*:read;'),
      '',
      'policies[0].statement: line 1, column 7: "storage:*:read" has a wildcard; Dynatrace\'s policy syntax names each permission'
    ],
    [
      'a // comment before a statement',
      policy('// read only\nALLOW settings:objects:read;'),
      '',
      undefined
    ],
    [
      'WHERE without a condition',
      policy('ALLOW settings:objects:read WHERE foo;'),
      '',
      'policies[0].statement: line 1, column 35: expected a condition name (service:attribute, e.g. settings:schemaId), found "foo".'
    ],
    [
      'an alias without its anchor',
      '',
      '*a',
      'bindings: is not valid YAML: Unresolved alias'
    ]
  ]
  test.each(decided)(
    '%s: the step and the audit agree',
    async (_name, policies, bindings, expected) => {
      const step = errorOf(policies, bindings)
      const r = await audit({ policies, bindings })
      const rejected = r.findings.filter(
        (f) => f.rule === 'invalid-value' || f.rule === 'policy-syntax'
      )
      if (expected === undefined) {
        expect(step).toBe('')
        expect(rejected).toEqual([])
        return
      }
      expect(step).toContain(expected)
      expect(rejected).toHaveLength(1)
      expect(rejected[0]!.severity).toBe('error')
      // The same fault, named as a reviewer reads it (statements by their policy's name).
      const same = expected
        .replace(/^policies\[0\]\.statement: /, 'policy "p": statement ')
        .replace(/ has a wildcard.*/, '')
      expect(rejected[0]!.message).toContain(same)
    }
  )
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
