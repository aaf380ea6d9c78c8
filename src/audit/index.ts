import { ActionError } from '../errors.js'
import type { Inputs } from '../inputs.js'
import type { Logger } from '../log.js'

/** Offline scope audit (issue #5). Placeholder until the audit module lands. */
export function runAudit(_inputs: Inputs, _log: Logger): Promise<void> {
  return Promise.reject(new ActionError('mode: audit is not supported in this build yet.'))
}
