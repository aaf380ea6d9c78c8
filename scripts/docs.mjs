// Generate the README's input and output tables from action.yml, between the
// <!-- inputs:start/end --> and <!-- outputs:start/end --> markers.
// `node scripts/docs.mjs --check` fails when the README is out of date (run in lint).
import { readFileSync, writeFileSync } from 'node:fs'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
const code = (text) => (text === '' ? "`''`" : `\`${cell(text)}\``)

const inputs = [
  '| input | default | description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.default === undefined ? '—' : code(spec.default)} | ${cell(spec.description)} |`
  )
].join('\n')
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  )
].join('\n')

const replace = (text, marker, table) => {
  const re = new RegExp(
    `(<!-- ${marker}:start -->\\n)[\\s\\S]*?(<!-- ${marker}:end -->)`
  )
  if (!re.test(text)) throw new Error(`README.md lacks the ${marker} markers`)
  return text.replace(re, `$1${table}\n$2`)
}

const readme = readFileSync('README.md', 'utf8')
// Format as `prettier --check` expects, so the generated tables and the formatter agree.
const options = (await prettier.resolveConfig('README.md')) ?? {}
const updated = await prettier.format(
  replace(replace(readme, 'inputs', inputs), 'outputs', outputs),
  {
    ...options,
    parser: 'markdown'
  }
)
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error(
      'README.md input/output tables are out of date: run `npm run docs`.'
    )
    process.exit(1)
  }
} else {
  writeFileSync('README.md', updated)
}
