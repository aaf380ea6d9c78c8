// @actions/workflow-parser imports its JSON schema without an import attribute, which
// Node refuses (ERR_IMPORT_ASSERTION_TYPE_MISSING). This loader hook adds `type: json`.
import { register } from 'node:module'

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function load(url, context, next) {
  if (url.endsWith('.json')) {
    return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } })
  }
  return next(url, context)
}`)
)
