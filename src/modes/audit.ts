import { runAudit } from '../audit/index.js'
import type { AuditModeInputs } from '../inputs.js'
import type { Logger } from '../log.js'

/**
 * mode: audit — check the workflow, the inputs and the Monaco project offline (src/audit/).
 * Offline by design: no HTTP client is even created.
 */
export async function audit(
  inputs: AuditModeInputs,
  log: Logger
): Promise<void> {
  await runAudit(inputs, log)
}
