// Second pass of scripts/package.mjs: fold esbuild's chunks into one file per step.
//
// With code splitting, esbuild puts the modules that the same set of entry points reach
// into one chunk. Every `await import()` is an entry point, so the ~106 kB a classic mint
// loads came in 23 files; each ES module costs Node a read, a compile and a link, and
// the step started 10–20 ms later than when the same bytes came in 5 files (npm run
// bench). esbuild has no setting to group chunks, so this pass does it:
//
//   group-shared   chunks both main and post load (index.js's own imports included)
//   group-main     chunks only main loads      group-post   chunks only post loads
//
// esbuild bundles each group from the chunks it wrote (so scoping and renaming stay the
// bundler's job) and every other file's imports of those chunks are pointed at the group
// file. Code loaded on demand (IAM, audit, failure paths) keeps its own chunks.
//
// The imports are rewritten in esbuild's own output text, so every step is checked
// against the metafile: the build fails rather than write a bundle it cannot vouch for.
import * as esbuild from 'esbuild'
import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** `import { a, b as c } from "./x.js";` and `import "./x.js";` as esbuild writes them. */
const STATIC_IMPORT = /^import\s*(?:\{([^}]*)\}\s*from\s*)?"(\.\/[^"]+)";$/gm
const DYNAMIC_IMPORT = /\bimport\("(\.\/[^"]+)"\)/g
/** The banner scripts/package.mjs gives a chunk that uses require(). */
const REQUIRE_BANNER =
  /^import \{ createRequire as __createRequire \} from 'node:module'\nconst require = __createRequire\(import\.meta\.url\)\n/
const GROUP_REQUIRE = 'group-require'

const fail = (message) => {
  throw new Error(`group-chunks: ${message}`)
}

/**
 * @param {import('esbuild').Metafile} metafile of the first pass (paths relative to the
 *   working directory, entry points src/bundle.ts, src/main.ts and src/post.ts)
 * @returns {Promise<string[]>} the group files written (dist/chunks/group-*.js)
 */
export async function groupChunks(metafile) {
  const outputs = metafile.outputs
  const texts = new Map(
    Object.keys(outputs)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, readFileSync(f, 'utf8')])
  )
  const importsOf = (file, kind) =>
    outputs[file].imports
      .filter((i) => i.kind === kind && !i.external)
      .map((i) => i.path)
  checkImportsAgainstMetafile(texts, importsOf)

  const groups = partition(outputs, importsOf)
  const groupOf = new Map()
  for (const group of groups)
    for (const member of group.members) groupOf.set(member, group)
  const target = (from, specifier) => join(dirname(from), specifier)

  // What the files outside a group take from it: names, or every export of a chunk
  // imported dynamically (the importer reads the namespace by the chunk's own names).
  const wanted = new Map() // member → Set of export names
  const whole = new Set()
  for (const [file, text] of texts) {
    const outside = (to) =>
      groupOf.has(to) && groupOf.get(to) !== groupOf.get(file)
    for (const [, names = '', specifier] of text.matchAll(STATIC_IMPORT)) {
      const to = target(file, specifier)
      if (!outside(to)) continue
      const set = wanted.get(to) ?? new Set()
      for (const { imported } of parseNames(names)) set.add(imported)
      wanted.set(to, set)
    }
    for (const [, specifier] of text.matchAll(DYNAMIC_IMPORT))
      if (outside(target(file, specifier))) whole.add(target(file, specifier))
  }

  const renamed = new Map() // member → Map(its export name → name in the group file)
  const fileOf = new Map() // group → its file, once written
  /** `file`'s imports of folded chunks, pointed at the group files. */
  const rewriteImports = (file, text) => {
    const fileFor = (to) => {
      const group = groupOf.get(to)
      if (!group) return undefined
      if (!fileOf.has(group))
        fail(
          `${file} imports ${to}, which belongs to the ${group.name} group, written after ` +
            `${file}'s own: a chunk may only import groups written before it (shared, main, post)`
        )
      return relativeSpecifier(file, fileOf.get(group))
    }
    const bare = new Set()
    return text
      .replace(STATIC_IMPORT, (statement, names, specifier) => {
        const to = target(file, specifier)
        const spec = fileFor(to)
        if (spec === undefined) return statement
        if (names === undefined) {
          if (bare.has(spec)) return '' // already imported once
          bare.add(spec)
          return `import ${JSON.stringify(spec)};`
        }
        const list = parseNames(names).map(({ imported, local }) => {
          const as = renamed.get(to).get(imported)
          if (as === undefined)
            fail(`${file} imports ${imported}, which ${to} does not export`)
          return as === local ? as : `${as} as ${local}`
        })
        return `import { ${list.join(', ')} } from ${JSON.stringify(spec)};`
      })
      .replace(DYNAMIC_IMPORT, (expression, specifier) => {
        const spec = fileFor(target(file, specifier))
        return spec === undefined
          ? expression
          : `import(${JSON.stringify(spec)})`
      })
  }

  const written = []
  for (const group of groups) {
    const members = evaluationOrder(group.members, (f) =>
      importsOf(f, 'import-statement')
    )
    nameExports(group, members, { outputs, wanted, whole, renamed })
    const dir = dirname(members[0])
    const bundled = await bundleGroup(group, members, renamed, outputs)
    const text = rewriteImports(members[0], bundled)
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 8)
    const file = join(dir, `group-${group.name}-${hash.toUpperCase()}.js`)
    writeFileSync(file, text)
    fileOf.set(group, file)
    written.push(file)
  }

  for (const [file, text] of texts)
    if (!groupOf.has(file)) writeFileSync(file, rewriteImports(file, text))
  for (const member of groupOf.keys()) rmSync(member)

  const folded = [...groupOf.keys()].map((f) => basename(f))
  for (const file of [...texts.keys()]
    .filter((f) => !groupOf.has(f))
    .concat(written)) {
    const left = folded.find((name) =>
      readFileSync(file, 'utf8').includes(name)
    )
    if (left) fail(`${file} still refers to ${left}, which was folded`)
  }
  return written
}

/**
 * Each esbuild import statement and `import()` the regexes find must be one the
 * metafile lists, no more and no fewer (a string that merely looks like an import
 * would otherwise be rewritten).
 */
function checkImportsAgainstMetafile(texts, importsOf) {
  for (const [file, text] of texts) {
    const count = (re) => [...text.matchAll(re)].length
    const expected = {
      static: importsOf(file, 'import-statement').length,
      dynamic: importsOf(file, 'dynamic-import').length
    }
    const found = {
      static: count(STATIC_IMPORT),
      dynamic: count(DYNAMIC_IMPORT)
    }
    if (found.static !== expected.static || found.dynamic !== expected.dynamic)
      fail(
        `${file}: found ${found.static} import statements and ${found.dynamic} import() ` +
          `where the metafile lists ${expected.static} and ${expected.dynamic}`
      )
  }
}

/**
 * shared = what index.js imports and what both steps import statically; main and post
 * = what only that step imports statically. A chunk the post step may load (directly
 * or on demand) must not import main's group: the post step would load all of it.
 */
function partition(outputs, importsOf) {
  const entryChunk = (source) =>
    Object.keys(outputs).find((f) => outputs[f].entryPoint === source) ??
    fail(`no chunk for ${source}`)
  const closure = (root, kinds, seen = new Set()) => {
    if (seen.has(root)) return seen
    seen.add(root)
    for (const kind of kinds)
      for (const dep of importsOf(root, kind)) closure(dep, kinds, seen)
    return seen
  }
  const STATIC = ['import-statement']
  const index = entryChunk('src/bundle.ts')
  const always = closure(index, STATIC)
  always.delete(index)
  const main = closure(entryChunk('src/main.ts'), STATIC)
  const post = closure(entryChunk('src/post.ts'), STATIC)
  const shared = new Set([...always, ...[...main].filter((f) => post.has(f))])
  const mainOnly = new Set([...main].filter((f) => !shared.has(f)))
  const postOnly = new Set([...post].filter((f) => !shared.has(f)))

  const postMayLoad = closure(entryChunk('src/post.ts'), [
    'import-statement',
    'dynamic-import'
  ])
  for (const file of postMayLoad) {
    const reaches = [...closure(file, STATIC)].find((f) => mainOnly.has(f))
    if (reaches)
      fail(
        `${file}, which the post step may load, imports ${reaches}, which only main ` +
          `loads: the post step would load all of main's code. Import it dynamically.`
      )
  }
  return [
    { name: 'shared', members: shared },
    { name: 'main', members: mainOnly },
    { name: 'post', members: postOnly }
  ].filter((g) => g.members.size > 0)
}

/**
 * Names in the group file: a chunk imported dynamically keeps its own names (the
 * importer destructures them); a clash elsewhere gets a suffix ($2, $3, …).
 */
function nameExports(group, members, { outputs, wanted, whole, renamed }) {
  const taken = new Set()
  const claim = (name) => {
    let candidate = name
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}$${n}`
    taken.add(candidate)
    return candidate
  }
  const byPriority = [...members].sort(
    (a, b) => Number(whole.has(b)) - Number(whole.has(a))
  )
  for (const member of byPriority) {
    const names = whole.has(member)
      ? outputs[member].exports
      : [...(wanted.get(member) ?? [])]
    const map = new Map()
    for (const name of names) {
      const as = claim(name)
      if (whole.has(member) && as !== name)
        fail(
          `${member} is imported dynamically and its export ${name} clashes with another in the ${group.name} group`
        )
      map.set(name, as)
    }
    renamed.set(member, map)
  }
}

/** esbuild bundles the group's chunks from a facade that exports what others import. */
async function bundleGroup(group, members, renamed, outputs) {
  const dir = dirname(members[0])
  const facade = members
    .map((member) => {
      const spec = JSON.stringify('./' + basename(member))
      const names = [...renamed.get(member)]
      return names.length === 0
        ? `import ${spec};`
        : `export { ${names.map(([n, as]) => (n === as ? n : `${n} as ${as}`)).join(', ')} } from ${spec};`
    })
    .join('\n')
  const result = await esbuild
    .build({
      stdin: { contents: facade, resolveDir: dir, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
      plugins: [
        {
          name: 'group-members',
          setup(build) {
            // One require() for the whole group instead of one per chunk.
            build.onResolve(
              { filter: new RegExp(`^${GROUP_REQUIRE}$`) },
              () => ({
                path: GROUP_REQUIRE,
                namespace: GROUP_REQUIRE
              })
            )
            build.onLoad({ filter: /.*/, namespace: GROUP_REQUIRE }, () => ({
              contents:
                "import { createRequire } from 'node:module'\nexport const require = createRequire(import.meta.url)",
              loader: 'js'
            }))
            // Members are bundled; everything else (built-ins, chunks loaded on demand,
            // an earlier group's chunks) stays an import.
            build.onResolve({ filter: /.*/ }, (args) => {
              const member = join(dir, args.path)
              return args.path.startsWith('./') && group.members.has(member)
                ? { path: join(args.resolveDir, args.path) }
                : { path: args.path, external: true }
            })
            build.onLoad({ filter: /\.js$/ }, (args) => ({
              contents: readFileSync(args.path, 'utf8').replace(
                REQUIRE_BANNER,
                `import { require } from '${GROUP_REQUIRE}'\n`
              ),
              loader: 'js'
            }))
          }
        }
      ]
    })
    .catch((error) =>
      fail(`bundling the ${group.name} group: ${error.message}`)
    )
  if (result.warnings.length > 0)
    fail(
      `bundling the ${group.name} group: ${result.warnings.map((w) => w.text).join('; ')}`
    )
  // esbuild heads each chunk's code with `// dist/chunks/chunk-….js` (it drops the
  // first pass's `// src/….ts` comments when it prints again): name the sources
  // instead, since that file is gone.
  return result.outputFiles[0].text
    .replace(new RegExp(`^// ${GROUP_REQUIRE}:${GROUP_REQUIRE}\\n`, 'm'), '')
    .replace(/^\/\/ (dist\/chunks\/\S+\.js)$/gm, (comment, chunk) => {
      const sources = outputs[chunk]?.inputs
      if (!sources || !group.members.has(chunk))
        fail(
          `the ${group.name} group names ${chunk}, which is not one of its chunks`
        )
      const names = Object.keys(sources)
      return `// ${names.length > 0 ? names.join(', ') : "(esbuild's helpers)"}`
    })
}

/** `a, b as c` → [{ imported: 'a', local: 'a' }, { imported: 'b', local: 'c' }] */
function parseNames(list) {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [imported, local = imported] = part.split(/\s+as\s+/)
      return { imported, local }
    })
}

/** Dependencies before the chunks that import them, as ES module evaluation runs. */
function evaluationOrder(members, staticImports) {
  const sorted = []
  const visited = new Set()
  const visit = (file) => {
    if (!members.has(file) || visited.has(file)) return
    visited.add(file)
    for (const dep of staticImports(file)) visit(dep)
    sorted.push(file)
  }
  for (const member of members) visit(member)
  return sorted
}

function relativeSpecifier(from, to) {
  return dirname(from) === dirname(to)
    ? './' + basename(to)
    : './' + join(basename(dirname(to)), basename(to))
}
