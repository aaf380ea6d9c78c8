/**
 * scripts/group-chunks.mjs on a small project built the way scripts/package.mjs builds
 * ours: names that clash inside a group, a module with state that both steps use, code
 * loaded on demand that imports grouped chunks, and the cases where the build must stop.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { REPO_ROOT } from '../test/support/runner.js'

const folders: string[] = []
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true })
})

const BUILD = `
import { createRequire } from 'node:module'
import { groupChunks } from ${JSON.stringify(join(REPO_ROOT, 'scripts', 'group-chunks.mjs'))}
const esbuild = createRequire(${JSON.stringify(join(REPO_ROOT, 'package.json'))})('esbuild')
const { metafile } = await esbuild.build({
  entryPoints: { index: 'src/bundle.ts' }, outdir: 'dist', bundle: true, splitting: true,
  format: 'esm', platform: 'node', target: 'node20', chunkNames: 'chunks/[name]-[hash]',
  metafile: true, logLevel: 'silent'
})
await groupChunks(metafile)
`

const PROJECT: Record<string, string> = {
  'src/bundle.ts': `
    export async function run() { const { run } = await import('./main.js'); return run() }
    export async function post() { const { post } = await import('./post.js'); return post() }`,
  'src/main.ts': `
    import { foo as fooA } from './a.js'
    import { foo as fooB } from './b.js'
    import { shared } from './s.js'
    export async function run() {
      const { later } = await import('./later.js')
      const { other } = await import('./other.js')
      return [fooA, fooB, shared(), later(), other()].join(' ')
    }`,
  // a.ts and b.ts are reached by different sets of entry points: two chunks, both
  // in main's group, both exporting \`foo\`.
  'src/a.ts': `export const foo = 'a'`,
  'src/b.ts': `export const foo = 'b'`,
  'src/later.ts': `
    import { foo as fooA } from './a.js'
    import { foo as fooB } from './b.js'
    export const later = () => 'later:' + fooA + fooB`,
  'src/other.ts': `
    import { foo } from './b.js'
    export const other = () => 'other:' + foo`,
  // State both steps share: one copy, or the counter would start again.
  'src/s.ts': `let calls = 0\nexport const shared = () => 'shared' + ++calls`,
  'src/post.ts': `
    import { shared } from './s.js'
    export async function post() { return shared() }`
}

function build(changes: Record<string, string> = {}): {
  dir: string
  status: number | null
  stderr: string
} {
  const dir = mkdtempSync(join(tmpdir(), 'group-chunks-'))
  folders.push(dir)
  for (const [file, text] of Object.entries({ ...PROJECT, ...changes })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n')
  writeFileSync(join(dir, 'build.mjs'), BUILD)
  const result = spawnSync(process.execPath, ['build.mjs'], {
    cwd: dir,
    encoding: 'utf8'
  })
  return { dir, status: result.status, stderr: result.stderr }
}

describe('group-chunks', () => {
  test('grouped output runs as the split one: clashing names, shared state, code loaded on demand', () => {
    const { dir, status, stderr } = build()
    expect(stderr).toBe('')
    expect(status).toBe(0)
    const chunks = readdirSync(join(dir, 'dist', 'chunks'))
    const main = chunks.find((f) => f.startsWith('group-main-'))
    expect(chunks.filter((f) => f.startsWith('group-'))).toHaveLength(3)
    // The clash was resolved by a suffix in the group file, and later.ts and
    // other.ts were pointed at it.
    expect(
      readFileSync(join(dir, 'dist', 'chunks', main ?? ''), 'utf8')
    ).toMatch(/\bas foo\$2,/)
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const { run, post } = await import('./dist/index.js'); console.log(await run()); console.log(await post())"
      ],
      { cwd: dir, encoding: 'utf8' }
    )
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('a b shared1 later:ab other:b\nshared2\n')
  })

  test('stops when code the post step may load imports what only main loads', () => {
    const { status, stderr } = build({
      'src/post.ts': `
        import { shared } from './s.js'
        export async function post() { const { later } = await import('./later.js'); return shared() + later() }`
    })
    expect(status).not.toBe(0)
    expect(stderr).toMatch(
      /group-chunks: dist\/chunks\/later-\w+\.js, which the post step may load, imports dist\/chunks\/chunk-\w+\.js, which only main loads/
    )
  })

  test('stops when a string in the code looks like an import statement', () => {
    const { status, stderr } = build({
      'src/a.ts': 'export const foo = `a\nimport "./chunk-ABCDEFGH.js";\n`'
    })
    expect(status).not.toBe(0)
    expect(stderr).toMatch(
      /group-chunks: dist\/chunks\/chunk-\w+\.js: found 1 import statements and 0 import\(\) where the metafile lists 0 and 0/
    )
  })
})
