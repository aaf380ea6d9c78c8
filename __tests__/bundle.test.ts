/**
 * The committed bundle (dist/) as Node loads it: every chunk links (the second build pass,
 * scripts/group-chunks.mjs, rewrote their imports), and a step loads what it always runs
 * from one file per step plus the shared one (each ES module file costs Node a read,
 * compile and link at start-up; see npm run bench).
 */
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DEFAULT_ACCOUNT_UUID } from '../test/emulator/index.js'
import { REPO_ROOT, emulatorInputs, runAction } from '../test/support/runner.js'
import { emulators } from '../test/support/e2e.js'

const DIST = join(REPO_ROOT, 'dist')
const emulator = emulators()

describe('dist/', () => {
  test('every chunk links and evaluates without printing or failing', () => {
    const chunks = readdirSync(join(DIST, 'chunks')).map(
      (name) => pathToFileURL(join(DIST, 'chunks', name)).href
    )
    expect(chunks.length).toBeGreaterThan(10)
    const script = `for (const url of ${JSON.stringify([
      pathToFileURL(join(DIST, 'index.js')).href,
      ...chunks
    ])}) await import(url)`
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', script],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }
    )
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('')
    expect(result.status).toBe(0)
  })

  test('every source module is in exactly one file (one copy of its state, e.g. the masked secrets)', () => {
    // esbuild heads each module's code with `// src/x.ts`; a grouped file heads each
    // folded chunk's code with the list of its modules.
    const seen = new Map<string, Set<string>>()
    const files = [
      'index.js',
      ...readdirSync(join(DIST, 'chunks')).map((n) => join('chunks', n))
    ]
    for (const file of files) {
      const text = readFileSync(join(DIST, file), 'utf8')
      for (const [, list = ''] of text.matchAll(/^\/\/ (\S.*)$/gm))
        for (const source of list.split(', '))
          if (/^(src|node_modules)\/\S+$/.test(source))
            seen.set(source, (seen.get(source) ?? new Set()).add(file))
    }
    expect(seen.get('src/log.ts')?.size).toBe(1)
    expect(seen.size).toBeGreaterThan(50)
    const twice = [...seen].filter(([, where]) => where.size > 1)
    expect(twice).toEqual([])
  })

  test('a classic mint and its post step each load their entry, index.js, the shared file and their own', async () => {
    const em = await emulator()
    const inputs = emulatorInputs(em, {
      'account-urn': `urn:dtaccount:${DEFAULT_ACCOUNT_UUID}`,
      'token-scopes': 'ReadConfig, WriteConfig'
    })
    const folder = mkdtempSync(join(tmpdir(), 'bundle-trace-'))
    const traced = async (
      entry: 'main' | 'post',
      state?: Record<string, string>
    ): Promise<{ files: string[]; state: Record<string, string> }> => {
      const file = join(folder, entry)
      writeFileSync(file, '')
      const result = await runAction({
        entry,
        inputs,
        env: {
          NODE_OPTIONS: `--import ${pathToFileURL(join(REPO_ROOT, 'scripts', 'trace-loaded.mjs')).href}`,
          BENCH_TRACE_FILE: file
        },
        ...(state ? { state } : {})
      })
      expect(result.exitCode).toBe(0)
      const files = [
        ...new Set(
          readFileSync(file, 'utf8')
            .split('\n')
            .filter((url) => url.startsWith(pathToFileURL(DIST).href + '/'))
            .map((url) => relative(DIST, fileURLToPath(url)))
        )
      ].sort()
      return { files, state: result.state }
    }
    try {
      const main = await traced('main')
      expect(main.files).toEqual([
        expect.stringMatching(/^chunks\/group-main-[0-9A-F]{8}\.js$/),
        expect.stringMatching(/^chunks\/group-shared-[0-9A-F]{8}\.js$/),
        'index.js',
        'main.js'
      ])
      const post = await traced('post', main.state)
      expect(post.files).toEqual([
        expect.stringMatching(/^chunks\/group-post-[0-9A-F]{8}\.js$/),
        main.files[1],
        'index.js',
        'post.js'
      ])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
