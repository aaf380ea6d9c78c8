// Validate action.yml against GitHub's own action schema (@actions/workflow-parser, the
// parser the runner's tooling uses). Run: node --import ./scripts/register-json.mjs scripts/validate-action.mjs
import { readFileSync } from 'node:fs'
import { parseAction } from '@actions/workflow-parser/actions/action-parser'
import { NoOperationTraceWriter } from '@actions/workflow-parser/templates/trace-writer'

const file = process.argv[2] ?? 'action.yml'
const result = parseAction(
  { name: file, content: readFileSync(file, 'utf8') },
  new NoOperationTraceWriter()
)
const errors = result.context.errors.getErrors()
for (const error of errors) console.error(`${file}: ${error.message}`)
if (errors.length > 0) process.exit(1)
console.log(`${file}: valid (GitHub action schema)`)
