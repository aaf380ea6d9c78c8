// `node --import ./scripts/trace-loaded.mjs …` with BENCH_TRACE_FILE set: appends the URL
// of every module the process loads to that file (npm run bench: bytes a step loads).
import { register } from 'node:module'

const hooks = `
import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  const result = await next(url, context)
  if (url.startsWith('file:')) appendFileSync(process.env.BENCH_TRACE_FILE, url + '\\n')
  return result
}`
register(`data:text/javascript,${encodeURIComponent(hooks)}`)
