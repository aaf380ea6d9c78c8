import { describe, expect, test } from '@jest/globals'
import { findOrphans } from '../src/dynatrace/recovery.js'

const NAME = 'gha/acme/infra/run-1-1/deploy'
const OURS = '2026-11-21T07:00:00.417Z'

describe('findOrphans: which tokens a lost create may have made', () => {
  const cases: Array<[string, Array<[string, string]>, string[], string[]]> = [
    ['ours, exact expiry', [[NAME, OURS]], ['a'], []],
    [
      'a sibling job: same name, other milliseconds',
      [[NAME, '2026-11-21T07:00:00.802Z']],
      [],
      []
    ],
    [
      'ours among siblings',
      [
        [NAME, '2026-11-21T07:00:00.802Z'],
        [NAME, OURS]
      ],
      ['b'],
      []
    ],
    ['another name, same expiry', [['other', OURS]], [], []],
    [
      'expiry reported to the second only: unsure, left alone',
      [[NAME, '2026-11-21T07:00:00Z']],
      [],
      ['a']
    ],
    [
      'to the second, but another second',
      [[NAME, '2026-11-21T07:00:01Z']],
      [],
      []
    ],
    [
      'same instant in another notation',
      [[NAME, '2026-11-21T08:00:00.417+01:00']],
      ['a'],
      []
    ]
  ]
  test.each(cases)('%s', (_name, listed, exact, unsure) => {
    const tokens = listed.map(([name, expirationDate], i) => ({
      id: 'abcdef'[i]!,
      name,
      expirationDate
    }))
    const found = findOrphans(tokens, NAME, OURS)
    expect(found.exact.map((t) => t.id)).toEqual(exact)
    expect(found.unsure.map((t) => t.id)).toEqual(unsure)
  })
})
