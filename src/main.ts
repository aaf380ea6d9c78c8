import type { Http } from './http.js'
import { readInputs, type Inputs } from './inputs.js'
import { Logger } from './log.js'
import { checkBeforeRequests, mint } from './modes/mint.js'
import { createHttp, reportFailure } from './runtime.js'
import { writeSummary } from './summary.js'

/**
 * The main step: read the inputs, run the mode (src/modes/), report a failure. Never
 * throws. Modes other than mint are loaded on demand: most runs mint.
 */
export async function run(): Promise<void> {
  const log = new Logger()
  // What became of a token created before the failure, for the failure summary.
  const notes: string[] = []
  try {
    const inputs = await readInputs(log)
    for (const warning of inputs.warnings) log.warning(warning)
    await runMode(inputs, log, notes)
  } catch (error) {
    reportFailure(log, error)
  } finally {
    // A failed step says in the summary too what failed and what to do.
    if (log.failure !== undefined) {
      // Loaded on demand: only a failed run writes it.
      const { failureSummary } = await import('./summary-failure.js')
      await writeSummary(log, failureSummary(log.failure, notes))
    }
  }
}

async function runMode(
  inputs: Inputs,
  log: Logger,
  notes: string[]
): Promise<void> {
  if (inputs.mode === 'audit') {
    // Offline by design: no HTTP client is even created.
    const { audit } = await import('./modes/audit.js')
    await audit(inputs, log)
    return
  }
  if (inputs.mode === 'revoke') {
    const { revokeMode } = await import('./modes/revoke.js')
    await withHttp(inputs, log, (http) => revokeMode({ inputs, log, http }))
  } else if (inputs.mode === 'sweep') {
    const { sweepMode } = await import('./modes/sweep.js')
    await withHttp(inputs, log, (http) => sweepMode({ inputs, log, http }))
  } else if (inputs.mode === 'plan') {
    // Scopes derived from a Monaco project and the IAM YAML, before any request.
    const checked = await checkBeforeRequests(inputs, log)
    const { plan } = await import('./modes/plan.js')
    await withHttp(inputs, log, (http) => plan({ inputs, log, http }, checked))
  } else {
    const checked = await checkBeforeRequests(inputs, log)
    await withHttp(inputs, log, (http) =>
      mint({ inputs, log, http }, notes, checked)
    )
  }
}

/** Run `step` with an HTTP client for these inputs, closed afterwards. */
async function withHttp(
  inputs: Inputs,
  log: Logger,
  step: (http: Http) => Promise<void>
): Promise<void> {
  const http = createHttp(inputs, log)
  try {
    await step(http)
  } finally {
    http.dispose()
  }
}
