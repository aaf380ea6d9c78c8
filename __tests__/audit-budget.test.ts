/**
 * The audit's budget: pull requests choose what the audited files hold, so the work must
 * grow linearly with their size, the bytes read are capped, and the whole audit stops
 * within timeout-seconds — each limit with an error that names it and says what to do.
 * Work is counted (characters that string methods go through), never timed.
 */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_TOTAL_BYTES } from '../src/audit/budget.js'
import { MAX_FILE_BYTES } from '../src/audit/scan.js'
import { parsePolicyStatements } from '../src/policy-statement.js'
import { audit, type AuditRun } from './fixtures/audit/run-audit.js'

const workspaces: string[] = []
afterEach(() => {
  process.exitCode = undefined
  jest.restoreAllMocks()
  for (const dir of workspaces.splice(0)) rmSync(dir, { recursive: true })
})

/** A workspace with `files` (path → content) under it. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdc-budget-'))
  workspaces.push(dir)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

type Counted = (receiver: string, args: unknown[], result: unknown) => number
const len = (value: unknown): number =>
  typeof value === 'string' ? value.length : 0
const scanned: Counted = (receiver, args, result) => {
  const from = Math.max(0, Number(args[1] ?? 0) || 0)
  const at =
    typeof result === 'number' && result >= 0 ? result : receiver.length
  return Math.max(0, at - from) + len(args[0])
}
/** How many characters each String method goes through, roughly: enough to tell n from n². */
const STRING_WORK: Record<string, Counted> = {
  slice: (_r, _a, result) => len(result),
  substring: (_r, _a, result) => len(result),
  indexOf: scanned,
  includes: (r, a, result) => scanned(r, a, result ? 0 : -1),
  lastIndexOf: (r) => r.length,
  split: (r) => r.length,
  replace: (r) => r.length,
  replaceAll: (r) => r.length,
  match: (r) => r.length,
  matchAll: (r) => r.length,
  search: (r) => r.length,
  trim: (r) => r.length,
  toLowerCase: (r) => r.length,
  toUpperCase: (r) => r.length
}

/** Characters that String methods went through while `run` ran. */
async function work(run: () => Promise<unknown> | unknown): Promise<number> {
  let total = 0
  const proto = String.prototype as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >
  const originals = new Map<string, (...args: unknown[]) => unknown>()
  for (const [name, cost] of Object.entries(STRING_WORK)) {
    const original = proto[name]!
    originals.set(name, original)
    proto[name] = function (this: string, ...args: unknown[]) {
      const result = original.apply(this, args)
      total += cost(String(this), args, result)
      return result
    }
  }
  try {
    await run()
  } finally {
    for (const [name, original] of originals) proto[name] = original
  }
  return total
}

const step = (withBlock: string): string => `on: pull_request
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/configure-dynatrace-credentials@v1
        with:
${withBlock}`

/** `count` lines made by `line`, one per entry. */
const lines = (count: number, line: (i: number) => string): string =>
  Array.from({ length: count }, (_, i) => line(i)).join('\n')

/** Workflows whose size grows with n, each with a finding per entry (every entry is looked up). */
const SHAPES: Record<string, (n: number) => string> = {
  'a literal policy statement': (n) =>
    step(`          token-type: none
          policies: |
            - name: big
              description: one permission a line
              statement: |
                ALLOW settings:objects:read,
${lines(n, () => '                  settings:objects:write,')}
                  settings:objects:read;
`),
  'a folded policy statement': (n) =>
    step(`          token-type: none
          policies: |
            - name: big
              description: one permission a line
              statement: >
                ALLOW settings:objects:read,
${lines(n, () => '                  settings:objects:write,')}
                  settings:objects:read;
`),
  // Names too long for any suggestion: the work counted is the lookups, not the spelling.
  'a long token-scopes list': (n) =>
    step(`          token-scopes: |
${lines(n, (i) => `            ${`unknown-${i}-`.padEnd(80, 'x')}.read,`)}
`)
}

async function auditOf(text: string): Promise<AuditRun> {
  const dir = workspace({ '.github/workflows/big.yml': text })
  return audit({ 'audit-paths': '.github/workflows' }, { workspace: dir })
}

describe('work grows linearly with the size of what is audited', () => {
  test.each(Object.keys(SHAPES))('%s', async (shape) => {
    const make = SHAPES[shape]!
    await auditOf(make(10)) // Loads every module before anything is counted.
    const n = 1000
    let small: AuditRun | undefined
    let large: AuditRun | undefined
    const smallWork = await work(async () => {
      small = await auditOf(make(n))
    })
    const largeWork = await work(async () => {
      large = await auditOf(make(4 * n))
    })
    // Both runs did the work: a finding for every entry.
    expect(small!.exitCode).toBe(0)
    expect(large!.findings.length).toBeGreaterThanOrEqual(4 * n)
    expect(large!.findings.length).toBeLessThan(4 * small!.findings.length + 10)
    // Four times the input is about four times the work (a quadratic scan would be 16).
    expect(largeWork / smallWork).toBeLessThan(6)
  })

  test('the statement parser itself', async () => {
    const statement = (n: number): string =>
      lines(n, (i) =>
        i % 3 === 0
          ? `ALLOW settings:objects:read WHERE settings:schemaId = "builtin:${i}";`
          : `DENY storage:logs:read, storage:buckets:read; // note ${i}`
      )
    const small = await work(() => parsePolicyStatements(statement(2000)))
    let parsed: ReturnType<typeof parsePolicyStatements> | undefined
    const large = await work(() => {
      parsed = parsePolicyStatements(statement(8000))
    })
    expect(parsed!.statements).toHaveLength(8000)
    expect(parsed!.errors).toEqual([])
    expect(large / small).toBeLessThan(6)
  })
})

describe('bytes read are capped', () => {
  /** A YAML file of exactly `bytes` bytes (a comment: quick to parse). */
  const filler = (bytes: number): string => `# ${'x'.repeat(bytes - 3)}\n`
  const count = Math.floor(MAX_TOTAL_BYTES / MAX_FILE_BYTES) + 1

  test('audit-paths whose files total more than the cap fail before any is read', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < count; i++)
      files[`.github/workflows/w${i}.yml`] = filler(MAX_FILE_BYTES)
    const r = await audit(
      { 'audit-paths': '.github/workflows', 'audit-fail-on': 'never' },
      { workspace: workspace(files) }
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain(
      `::error::audit-paths: the ${count} YAML files under it total ${count} MiB, more than the ${MAX_TOTAL_BYTES / 1024 / 1024} MiB the scope audit reads. Point audit-paths at the folders that hold the workflows (e.g. .github/workflows), or audit the rest in another step.`
    )
    expect(r.outputs['audit-report']).toBeUndefined()
  })

  test('files read later (a Monaco project) count too', async () => {
    const files: Record<string, string> = {
      '.github/workflows/ci.yml': step('          token-scopes: ReadConfig\n'),
      'monaco/manifest.yaml':
        'manifestVersion: 1.0\nprojects:\n  - name: project\n'
    }
    for (let i = 0; i < count; i++)
      files[`monaco/project/c${i}.yaml`] = filler(MAX_FILE_BYTES)
    const r = await audit(
      {
        'audit-paths': '.github/workflows',
        'monaco-manifest': 'monaco/manifest.yaml',
        'audit-fail-on': 'never'
      },
      { workspace: workspace(files) }
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(
      /::error::The scope audit stopped at "monaco\/project\/c\d+\.yaml": the files it reads \(workflows, the Monaco project and their base versions\) would total more than 32 MiB, its limit\. Point audit-paths at the folders that hold the workflows \(e\.g\. \.github\/workflows\) and monaco-manifest at one project, or audit the rest in another step\./
    )
  })

  test('a file over the per-file cap is a finding, and the rest is audited', async () => {
    const r = await auditOf(filler(MAX_FILE_BYTES + 1))
    expect(r.findings.map((f) => [f.rule, f.file])).toEqual([
      ['unreadable-file', '.github/workflows/big.yml']
    ])
    expect(r.findings[0]!.message).toContain('is larger than 1024 KiB')
  })
})

describe('the audit stops within timeout-seconds', () => {
  const files: Record<string, string> = {}
  for (let i = 0; i < 20; i++)
    files[`.github/workflows/w${String(i).padStart(2, '0')}.yml`] = step(
      '          token-scopes: ReadConfig\n'
    )

  test('a clock that runs out fails the step, naming timeout-seconds and what to do', async () => {
    // A clock that moves a second each time it is read: the budget of 5 s is spent long
    // before the 20 files are.
    let now = Date.UTC(2026, 0, 1)
    jest.spyOn(Date, 'now').mockImplementation(() => (now += 1000))
    const r = await audit(
      {
        'audit-paths': '.github/workflows',
        'timeout-seconds': '5',
        'audit-fail-on': 'never'
      },
      { workspace: workspace(files) }
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(
      /::error::The scope audit ran out of time: timeout-seconds \(5 s\) passed before it got to "\.github\/workflows\/w\d\d\.yml"\. Point audit-paths at the folders that hold the workflows \(e\.g\. \.github\/workflows\), or raise timeout-seconds\./
    )
    expect(r.outputs['audit-report']).toBeUndefined()
  })

  test('negative: with the real clock the same audit completes', async () => {
    const r = await audit(
      {
        'audit-paths': '.github/workflows',
        'timeout-seconds': '5',
        'audit-fail-on': 'never'
      },
      { workspace: workspace(files) }
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs['audit-findings']).toBeDefined()
  })
})
