// Second pass of scripts/package.mjs: fold esbuild's chunks into one file per step.
//
// With code splitting, esbuild puts the modules that the same set of entry points reach
// into one chunk. Every `await import()` is an entry point, so the ~106 kB a classic mint
// loads came in 23 files; each ES module costs Node a read, a compile and a link, and
// the step started 10–20 ms later than when the same bytes came in 5 files (npm run
// bench). esbuild has no setting to group chunks, so this pass does it:
//
//   shared   chunks both main and post load (index.js's own imports included)
//   main     chunks only main loads        post   chunks only post loads
//
// esbuild bundles each group from the chunks it wrote (so scoping and renaming stay the
// bundler's job) and every other file's imports of those chunks are pointed at the group
// file. Code loaded on demand (IAM, audit, failure paths) keeps its own chunks.
import * as esbuild from 'esbuild'
import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

/** `import { a, b as c } from "./x.js";` and `import "./x.js";` as esbuild writes them. */
const STATIC_IMPORT = /^import\s*(?:\{([^}]*)\}\s*from\s*)?"(\.\/[^"]+)";$/gm
const DYNAMIC_IMPORT = /\bimport\("(\.\/[^"]+)"\)/g
/** The banner scripts/package.mjs gives a chunk that uses require(). */
const REQUIRE_BANNER =
  /^import \{ createRequire as __createRequire \} from 'node:module'\nconst require = __createRequire\(import\.meta\.url\)\n/
const REQUIRE_IMPORT = "import { require } from 'group-require'\n"

/**
 * @param {import('esbuild').Metafile} metafile of the first pass (paths relative to cwd)
 * @returns {string[]} the group files written (dist/chunks/<group>-<hash>.js)
 */
export async function groupChunks(metafile) {
  const outputs = metafile.outputs
  const entryChunk = (source) => {
    const file = Object.keys(outputs).find(
      (f) => outputs[f].entryPoint === source
    )
    if (!file) throw new Error(`group-chunks: no chunk for ${source}`)
    return file
  }
  const staticImports = (file) =>
    outputs[file].imports
      .filter((i) => i.kind === 'import-statement' && !i.external)
      .map((i) => i.path)
  /** The file and every file it imports statically, directly or not. */
  const closure = (root, seen = new Set()) => {
    if (seen.has(root)) return seen
    seen.add(root)
    for (const dep of staticImports(root)) closure(dep, seen)
    return seen
  }

  const index = entryChunk('src/bundle.ts')
  const always = closure(index)
  always.delete(index)
  const main = closure(entryChunk('src/main.ts'))
  const post = closure(entryChunk('src/post.ts'))
  const shared = new Set([...always, ...[...main].filter((f) => post.has(f))])
  const groups = [
    { name: 'shared', members: shared },
    { name: 'main', members: new Set([...main].filter((f) => !shared.has(f))) },
    { name: 'post', members: new Set([...post].filter((f) => !shared.has(f))) }
  ].filter((g) => g.members.size > 0)
  const groupOf = new Map()
  for (const group of groups)
    for (const member of group.members) groupOf.set(member, group)

  // What every file outside a group takes from it: names, or the whole namespace
  // (a dynamic import, which reads the chunk's exports by their names).
  const texts = new Map(
    Object.keys(outputs)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, readFileSync(f, 'utf8')])
  )
  const target = (from, specifier) => join(dirname(from), specifier)
  const wanted = new Map() // member → Set of export names wanted from outside
  const whole = new Set() // members imported dynamically from outside
  for (const [file, text] of texts) {
    for (const [, names, specifier] of text.matchAll(STATIC_IMPORT)) {
      const to = target(file, specifier)
      if (!groupOf.has(to) || groupOf.get(to) === groupOf.get(file)) continue
      const set = wanted.get(to) ?? new Set()
      for (const name of parseNames(names ?? '')) set.add(name.imported)
      wanted.set(to, set)
    }
    for (const [, specifier] of text.matchAll(DYNAMIC_IMPORT)) {
      const to = target(file, specifier)
      if (groupOf.has(to) && groupOf.get(to) !== groupOf.get(file))
        whole.add(to)
    }
  }

  const renamed = new Map() // member → Map(export name → name in the group file)
  const fileOf = new Map() // group → its file
  /** `file`'s imports of folded chunks, pointed at the groups already written. */
  const rewriteImports = (file, text) =>
    dedupeBareImports(
      text
        .replace(STATIC_IMPORT, (statement, names, specifier) => {
          const to = target(file, specifier)
          const group = groupOf.get(to)
          if (!group || !fileOf.has(group)) return statement
          const spec = JSON.stringify(
            relativeSpecifier(file, fileOf.get(group))
          )
          if (names === undefined) return `import ${spec};`
          const map = renamed.get(to)
          const list = parseNames(names).map(({ imported, local }) => {
            const as = map.get(imported)
            if (as === undefined)
              throw new Error(
                `group-chunks: ${file} imports ${imported}, which ${to} does not export`
              )
            return as === local ? as : `${as} as ${local}`
          })
          return `import { ${list.join(', ')} } from ${spec};`
        })
        .replace(DYNAMIC_IMPORT, (expression, specifier) => {
          const group = groupOf.get(target(file, specifier))
          return group && fileOf.has(group)
            ? `import(${JSON.stringify(relativeSpecifier(file, fileOf.get(group)))})`
            : expression
        })
    )

  const written = []
  for (const group of groups) {
    const members = order(group.members, staticImports)
    // Names in the group file: a dynamically imported member keeps its own (the
    // importer destructures them); a clash elsewhere gets a suffix.
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
          throw new Error(
            `group-chunks: ${member} is imported dynamically and its export ${name} clashes in the ${group.name} group`
          )
        map.set(name, as)
      }
      renamed.set(member, map)
    }
    const facade = members
      .map((member) => {
        const spec = JSON.stringify('./' + basename(member))
        const names = [...renamed.get(member)]
        return names.length === 0
          ? `import ${spec};`
          : `export { ${names.map(([n, as]) => (n === as ? n : `${n} as ${as}`)).join(', ')} } from ${spec};`
      })
      .join('\n')
    const chunksDir = resolve(dirname(members[0]))
    const result = await esbuild.build({
      stdin: { contents: facade, resolveDir: chunksDir, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      legalComments: 'inline',
      logLevel: 'warning',
      plugins: [
        {
          name: 'members-only',
          setup(build) {
            // One require() for the whole group instead of one per chunk.
            build.onResolve({ filter: /^group-require$/ }, () => ({
              path: 'group-require',
              namespace: 'group-require'
            }))
            build.onLoad({ filter: /.*/, namespace: 'group-require' }, () => ({
              contents:
                "import { createRequire } from 'node:module'\nexport const require = createRequire(import.meta.url)",
              loader: 'js'
            }))
            // Members are bundled; everything else (builtins, chunks loaded on
            // demand, an earlier group's chunks) stays an import.
            build.onResolve({ filter: /.*/ }, (args) => {
              const path = join(chunksDir, args.path)
              return args.path.startsWith('./') &&
                group.members.has(join(dirname(members[0]), basename(path)))
                ? { path }
                : { path: args.path, external: true }
            })
            // Keep the first pass's `// src/x.ts` markers (esbuild drops plain
            // comments when it prints again): they say where the code came from.
            build.onLoad({ filter: /\.js$/ }, (args) => ({
              contents: readFileSync(args.path, 'utf8')
                .replace(/^\/\/ ((?:src|node_modules)\/\S+)$/gm, '//! $1')
                .replace(REQUIRE_BANNER, REQUIRE_IMPORT),
              loader: 'js'
            }))
          }
        }
      ]
    })
    // The group's imports of an earlier group (main and post import shared) point
    // at that group's file; its name holds the hash of the final text.
    const text = rewriteImports(
      members[0],
      result.outputFiles[0].text.replace(/^\/\/ dist\/chunks\/\S+\.js\n/gm, '')
    )
    const hash = createHash('sha256')
      .update(text)
      .digest('hex')
      .slice(0, 8)
      .toUpperCase()
    const file = join(dirname(members[0]), `${group.name}-${hash}.js`)
    writeFileSync(file, text)
    fileOf.set(group, file)
    written.push(file)
  }

  // Point every remaining file at the group files, then drop the folded chunks.
  for (const [file, text] of texts)
    if (!groupOf.has(file)) writeFileSync(file, rewriteImports(file, text))
  for (const member of groupOf.keys()) rmSync(member)

  // Nothing may still name a folded chunk.
  const folded = [...groupOf.keys()].map((f) => basename(f))
  for (const file of [...texts.keys()]
    .filter((f) => !groupOf.has(f))
    .concat(written)) {
    const text = readFileSync(file, 'utf8')
    const left = folded.find((name) => text.includes(name))
    if (left) throw new Error(`group-chunks: ${file} still refers to ${left}`)
  }
  return written
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
function order(members, staticImports) {
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

/** After rewriting, a file may import the same group file bare several times. */
function dedupeBareImports(text) {
  const seen = new Set()
  return text.replace(/^import "[^"]+";\n/gm, (line) => {
    if (seen.has(line)) return ''
    seen.add(line)
    return line
  })
}
