/** Finding this action's steps in workflow YAML, and the line of every value and list item. */
import { describe, expect, test } from '@jest/globals'
import { scanWorkflow, usesThisAction } from '../src/audit/scan.js'
import { locate } from '../src/audit/values.js'

describe('usesThisAction', () => {
  test.each([
    ['acme/configure-dynatrace-credentials@v1', true],
    [
      'Acme-Corp/Configure-Dynatrace-Credentials@0123456789abcdef0123456789abcdef01234567',
      true
    ],
    ['acme/configure-dynatrace-credentials/sub/path@main', true],
    ['./', true],
    ['./.', true],
    [' ./ ', true],
    ['acme/configure-dynatrace-credentials', false], // no ref: GitHub rejects it
    ['acme/configure-dynatrace-credentials-fork@v1', false],
    ['acme/other@v1', false],
    ['./other-action', false],
    ['docker://configure-dynatrace-credentials@v1', false],
    ['', false]
  ])('%j → %s', (uses, expected) => {
    expect(usesThisAction(uses)).toBe(expected)
  })
})

/** The line of each scope of token-scopes in the first step. */
function scopeLines(yaml: string): Record<string, number | undefined> {
  const { steps, findings } = scanWorkflow(yaml, 'w.yml')
  expect(findings).toEqual([])
  const value = steps[0]!.with.get('token-scopes')!
  const out: Record<string, number | undefined> = {}
  for (const scope of value.text.split(/[\s,]+/).filter(Boolean)) {
    out[scope] = locate(value, scope).line
  }
  return out
}

const step = (withBlock: string): string => `jobs:
  j:
    steps:
      - uses: acme/configure-dynatrace-credentials@v1
        with:
${withBlock}`

describe('value positions', () => {
  test('plain, quoted and literal block scalars', () => {
    expect(scopeLines(step('          token-scopes: a, b\n'))).toEqual({
      a: 6,
      b: 6
    })
    expect(scopeLines(step('          token-scopes: "a b"\n'))).toEqual({
      a: 6,
      b: 6
    })
    expect(
      scopeLines(
        step('          token-scopes: |\n            a\n\n            b, c\n')
      )
    ).toEqual({ a: 7, b: 9, c: 9 })
    expect(
      scopeLines(
        step('          token-scopes: |2\n              a\n              b\n')
      )
    ).toEqual({ a: 7, b: 8 })
  })

  test('folded and multi-line flow scalars find each word on its line', () => {
    expect(
      scopeLines(
        step('          token-scopes: >-\n            a b\n            c\n')
      )
    ).toEqual({ a: 7, b: 7, c: 8 })
    expect(
      scopeLines(
        step('          token-scopes: a\n            b\n            ab\n')
      )
    ).toEqual({ a: 6, b: 7, ab: 8 })
  })

  test('aliases, empty values, non-string values, composite actions', () => {
    const { steps } = scanWorkflow(
      `defaults: &d
  token-scopes: ReadConfig
  revoke: false
jobs:
  j:
    steps:
      - uses: ./
        with: *d
      - uses: ./
        with:
          token-scopes:
          token-lifetime: 1.10
          policies: [a]
runs:
  using: composite
  steps:
    - uses: ./
`,
      'w.yml'
    )
    expect(steps.map((s) => [s.job, s.line, s.label])).toEqual([
      ['j', 7, 'step 1'],
      ['j', 9, 'step 2'],
      ['runs', 17, 'step 1']
    ])
    expect(steps[0]!.with.get('token-scopes')).toMatchObject({
      text: 'ReadConfig',
      line: 2
    })
    expect(steps[0]!.with.get('revoke')!.text).toBe('false')
    expect(steps[1]!.with.get('token-scopes')).toMatchObject({
      text: '',
      line: 11
    })
    expect(steps[1]!.with.get('token-lifetime')!.text).toBe('1.10')
    expect(steps[1]!.nonScalar).toEqual([{ name: 'policies', line: 13 }])
  })

  test('jobs that run Monaco are recognised, with their working directory', () => {
    const { jobs } = scanWorkflow(
      `jobs:
  a:
    defaults: { run: { working-directory: cfg } }
    steps:
      - run: monaco deploy manifest.yaml
      - run: echo
        working-directory: other
  b:
    steps:
      - uses: dynatrace/monaco-action@v1
  c:
    steps:
      - run: echo monacoish
`,
      'w.yml'
    )
    expect(
      jobs.map((j) => [
        j.job,
        j.usesMonaco,
        j.runs.map((r) => r.workingDirectory)
      ])
    ).toEqual([
      ['a', true, ['cfg', 'other']],
      ['b', true, []],
      ['c', false, [undefined]]
    ])
  })
})
