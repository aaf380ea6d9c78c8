/**
 * The audit is offline and secretless: no module it loads can make a request, no socket
 * is opened while it runs, and it needs no client secret. Also: the example workflows in
 * examples/ are clean under the audit.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import nock from 'nock'
import { isMap, isSeq, parseDocument } from 'yaml'
import { audit } from './fixtures/audit/run-audit.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

afterEach(() => {
  process.exitCode = undefined
})

/** Every source file src/audit/index.ts loads, following relative imports. */
function importGraph(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const [, spec] of text.matchAll(
      // `import type` is erased when compiled: it loads nothing.
      /^(?:import|export)(?!\s+type\b)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm
    )) {
      visit(resolve(dirname(file), spec!.replace(/\.js$/, '.ts')))
    }
  }
  visit(entry)
  return [...seen].map((f) => f.slice(ROOT.length)).sort()
}

/** Count every attempt to reach the network while `fn` runs. */
async function networkAttempts(fn: () => Promise<void>): Promise<string[]> {
  const attempts: string[] = []
  nock.disableNetConnect()
  const noMatch = (req: { hostname?: string; path?: string }): void => {
    attempts.push(`nock: ${req.hostname ?? ''}${req.path ?? ''}`)
  }
  nock.emitter.on('no match', noMatch)
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function (
    this: net.Socket,
    ...args: unknown[]
  ) {
    attempts.push('socket connect')
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof connect
  const fetch = globalThis.fetch
  globalThis.fetch = (() => {
    attempts.push('fetch')
    return Promise.reject(new Error('no network in this test'))
  }) as typeof fetch
  try {
    await fn()
  } finally {
    net.Socket.prototype.connect = connect
    globalThis.fetch = fetch
    nock.emitter.removeListener('no match', noMatch)
    nock.cleanAll()
    nock.enableNetConnect()
  }
  return attempts
}

describe('offline and secretless', () => {
  test('nothing src/audit loads can make a request (no HTTP client, no http/net modules)', () => {
    const graph = importGraph(join(ROOT, 'src/audit/index.ts'))
    expect(graph).toContain('src/audit/drift.ts')
    expect(graph).toContain('src/policy-statement.ts')
    expect(graph).not.toContain('src/http.ts')
    for (const file of graph) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      expect([
        file,
        text.match(
          /from '(node:)?(http|https|net|tls|dns|dgram|undici)'|@actions\/http-client|\bfetch\(/g
        )
      ]).toEqual([file, null])
    }
  })

  test('the guard below does see a request', async () => {
    const attempts = await networkAttempts(
      () =>
        new Promise<void>((done) => {
          https.get('https://example.invalid/x').on('error', () => done())
        })
    )
    expect(attempts.length).toBeGreaterThan(0)
  })

  test('a full audit (every rule, Monaco, no secret given) sends nothing and opens no socket', async () => {
    const attempts = await networkAttempts(async () => {
      const r = await audit({
        'audit-paths': 'workflows',
        'monaco-manifest': 'monaco/classic/manifest.yaml',
        'allowed-scopes': 'ReadConfig',
        'token-scopes': 'apiTokens.write',
        policies: '- name: p\n  statement: ALLOW settings:objects:write;'
      })
      expect(r.findings.length).toBeGreaterThan(20)
      expect(r.stdout).not.toContain('client-secret')
    })
    expect(attempts).toEqual([])
  })
})

describe('examples/workflows', () => {
  const EXAMPLES = join(ROOT, 'examples')
  /** The audit step's inputs, as examples/workflows/scope-audit.yml writes them. */
  const auditStepInputs = (): Record<string, string> => {
    const doc = parseDocument(
      readFileSync(join(EXAMPLES, 'workflows/scope-audit.yml'), 'utf8')
    )
    const steps = doc.getIn(['jobs', 'audit', 'steps'])
    if (!isSeq(steps)) throw new Error('no steps')
    const step = steps.items.find((s) => isMap(s) && s.get('uses') === './')
    return (doc.createNode(step).toJSON() as { with: Record<string, string> })
      .with
  }

  test.each([['monaco/manifest.yaml'], ['monaco-platform/manifest.yaml']])(
    'are clean under their own audit step (monaco-manifest %s)',
    async (manifest) => {
      const inputs = auditStepInputs()
      expect(inputs).toMatchObject({
        mode: 'audit',
        'audit-paths': '.github/workflows'
      })
      const r = await audit(
        {
          ...inputs,
          // In a user's repository they live in .github/workflows; here, in examples/workflows.
          'audit-paths': 'workflows',
          'monaco-manifest': manifest,
          'audit-fail-on': 'warning'
        },
        { workspace: EXAMPLES }
      )
      expect(r.findings).toEqual([])
      expect(r.exitCode).toBe(0)
      expect(r.stdout).toContain('3 files, 3 steps using this action')
    }
  )

  test('the deploy examples really are compared with their manifests', async () => {
    // A copy of examples/ in which the platform deploy lost a scope it needs.
    const copy = mkdtempSync(join(tmpdir(), 'cdc-examples-'))
    try {
      cpSync(EXAMPLES, copy, { recursive: true })
      const file = join(copy, 'workflows/platform-token-deploy.yml')
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(' automation:workflows:write', '')
      )
      const r = await audit(
        {
          'audit-paths': 'workflows',
          'monaco-manifest': 'monaco-platform/manifest.yaml'
        },
        { workspace: copy }
      )
      expect(r.findings.map((f) => [f.rule, f.file, f.scope])).toEqual([
        [
          'monaco-missing-scope',
          'workflows/platform-token-deploy.yml',
          'automation:workflows:write'
        ]
      ])
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
