/**
 * Property-based: whatever a pull request puts in a workflow file, and whatever the audit
 * step's inputs say, the audit ends in a clean report or a clean ActionError — never an
 * uncaught exception or a stack trace.
 */
import { afterAll, afterEach, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { collectFindings } from '../src/audit/index.js'
import { RULES } from '../src/audit/findings.js'
import { ActionError } from '../src/errors.js'
import type { AuditModeInputs } from '../src/inputs.js'
import { audit } from './fixtures/audit/run-audit.js'

const workspace = mkdtempSync(join(tmpdir(), 'cdc-audit-prop-'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))
afterEach(() => {
  process.exitCode = undefined
})

/** Inputs as readInputs would give them in audit mode. */
function inputs(overrides: Partial<AuditModeInputs> = {}): AuditModeInputs {
  return {
    mode: 'audit',
    auth: 'client-credentials',
    endpoints: { ssoTokenUrl: '', accountApiUrl: '' },
    tokenScopes: [],
    tokenName: 'test',
    tokenLifetimeSeconds: 3600,
    revoke: true,
    outputAccessToken: false,
    oauthScopes: [],
    policies: '',
    bindings: '',
    timeoutSeconds: 120,
    maxRetries: 4,
    allowedScopes: [],
    audit: { paths: ['wf.yml'], failOn: 'error', ownInputs: new Map() },
    sweep: { prefix: 'gha/o/r/' },
    warnings: [],
    ...overrides
  }
}

const SEVERITIES = ['error', 'warning', 'notice']

/** Audit `text` as a workflow file; assert the outcome is clean. */
async function auditText(
  text: string,
  overrides: Partial<AuditModeInputs> = {}
): Promise<void> {
  writeFileSync(join(workspace, 'wf.yml'), text)
  let result
  try {
    result = await collectFindings(inputs(overrides), {
      workspace,
      debug: () => {},
      info: () => {},
      baseRef: ''
    })
  } catch (error) {
    // The only acceptable failure: an ActionError with a one-line message.
    expect(error).toBeInstanceOf(ActionError)
    return
  }
  for (const f of result.findings) {
    expect(SEVERITIES).toContain(f.severity)
    expect(Object.keys(RULES)).toContain(f.rule)
    expect(f.message).not.toMatch(/[\r\n]|::/)
    if (f.line !== undefined) {
      expect(Number.isInteger(f.line) && f.line >= 1).toBe(true)
    }
    if (f.file !== undefined) expect(f.file).toBe('wf.yml')
  }
}

const ours = fc.constantFrom(
  'acme/configure-dynatrace-credentials@v1',
  './',
  './.',
  'x/configure-dynatrace-credentials/sub@main'
)
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    'ReadConfig, WriteConfig',
    '${{ vars.X }}',
    '- name: p\n  statement: ALLOW a:b:c',
    '- name: p\n  statement: |\n    ALLOW settings:objects:write;\n',
    '- policy: p\n  groups: [g]\n  level: environment:abc',
    '[',
    '*a',
    'platform',
    'none',
    'false',
    '99d'
  )
)
const withValue = fc.oneof(
  anyText,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), anyText, { maxKeys: 2 })
)
const step = fc.record(
  {
    uses: fc.oneof(ours, fc.string({ maxLength: 20 })),
    id: fc.string({ maxLength: 10 }),
    run: fc.constantFrom('monaco deploy manifest.yaml', 'echo hi'),
    with: fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          'mode',
          'token-type',
          'token-scopes',
          'token-lifetime',
          'revoke',
          'export-variable',
          'oauth-scopes',
          'policies',
          'bindings',
          'allowed-scopes'
        ),
        fc.string({ maxLength: 8 })
      ),
      withValue,
      { maxKeys: 8 }
    )
  },
  { requiredKeys: ['uses'] }
)
const workflowYaml = fc
  .record({
    jobs: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.record({
        'runs-on': fc.constant('ubuntu-latest'),
        steps: fc.array(step, { maxLength: 3 })
      }),
      { maxKeys: 2 }
    )
  })
  .map((w) => stringify(w))
/** A well-formed workflow, then cut or spliced at random places. */
const mangled = fc
  .tuple(workflowYaml, fc.nat(), fc.nat(), fc.string({ maxLength: 6 }))
  .map(([text, a, b, insert]) => {
    const i = a % (text.length + 1)
    const j = b % (text.length + 1)
    return text.slice(0, i) + insert + text.slice(Math.min(i, j))
  })
const lineSoup = fc
  .array(
    fc.constantFrom(
      'jobs:',
      '  j:',
      '    steps:',
      '      - uses: a/configure-dynatrace-credentials@v1',
      '        with: &w',
      '        with: *w',
      '          token-scopes: |',
      '            ReadConfig',
      '          token-scopes: >',
      '          policies: |',
      '            - statement: ALLOW x:y:z WHERE',
      '          revoke: no',
      '  <<: *w',
      '---',
      '[',
      '{',
      '"',
      "'",
      '\t',
      '#',
      '!!binary',
      '? complex',
      ': value'
    ),
    { maxLength: 30 }
  )
  .map((lines) => lines.join('\n'))

describe('arbitrary workflow files never crash the audit', () => {
  test('random text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 200 })
        ),
        (text) => auditText(text)
      ),
      { numRuns: 150 }
    )
  })

  test('workflow-shaped YAML with arbitrary with: values, whole and mangled', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(workflowYaml, mangled, lineSoup), (text) =>
        auditText(text, { allowedScopes: ['ReadConfig'] })
      ),
      { numRuns: 300 }
    )
  })
})

describe('arbitrary inputs of the audit step never crash it', () => {
  const free = fc
    .oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '',
        'ReadConfig apiTokens.write settings:objects:read cloudautomation:x:y',
        '- name: p\n  statement: ALLOW a:b:c',
        '- policy: p\n  groups: g',
        '[',
        '.',
        'workflows',
        'workflows/problems',
        '../..',
        '/',
        'monaco/classic/manifest.yaml',
        'monaco/broken/manifest.yaml.txt',
        'workflows/broken/not-yaml.yml.txt'
      )
    )
    // The runner cannot pass a NUL in an environment variable either.
    .map((text) => text.replace(/\0/g, ''))
  /** Mostly values readInputs accepts (so the audit itself runs), sometimes anything. */
  const mostly = (...valid: string[]) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...valid), weight: 8 },
      { arbitrary: free, weight: 1 }
    )
  const inputRecord = fc.record(
    {
      'token-type': mostly('classic', 'platform', 'none'),
      'token-scopes': free,
      'token-lifetime': mostly('30m', '1d', '2d', '7d'),
      revoke: mostly('true', 'false'),
      'export-variable': mostly('', 'DT_API_TOKEN'),
      'oauth-scopes': free,
      policies: free,
      bindings: free,
      'allowed-scopes': free,
      'audit-paths': mostly('workflows', 'workflows/problems', '.'),
      'monaco-manifest': mostly(
        '',
        'monaco/classic/manifest.yaml',
        'monaco/mixed/manifest.yaml'
      ),
      'audit-fail-on': mostly('error', 'warning', 'never')
    },
    { requiredKeys: [] }
  )

  test('a clean report or a clean failure, never "This is a bug" or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(inputRecord, async (given) => {
        const r = await audit(given as Record<string, string>)
        expect([0, 1]).toContain(r.exitCode)
        expect(r.stdout).not.toContain('This is a bug')
        expect(r.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
        if (r.exitCode === 1) expect(r.stdout).toMatch(/^::error::/m)
        else
          expect(
            () => JSON.parse(r.outputs['audit-report']!) as unknown
          ).not.toThrow()
      }),
      { numRuns: 60 }
    )
  })
})
