import { ActionError } from '../errors.js'
import type { Context } from '../context.js'

/** What ensuring IAM did (or, in plan mode, would do). */
export interface IamResult {
  bindingsAdded: number
  policiesChanged: number
  /** JSON-ready description of the changes, for the `plan` output. */
  changes: unknown
  /** HTML for the job summary. */
  summaryHtml: string
}

/**
 * Ensure the policies and bindings of the `policies`/`bindings` inputs (issue #4).
 * Placeholder until the IAM module lands: refuses rather than pretending to succeed.
 */
export function ensureIam(
  _ctx: Context,
  _bearer: string,
  _options: { dryRun: boolean }
): Promise<IamResult> {
  return Promise.reject(
    new ActionError('policies and bindings are not supported in this build yet.')
  )
}
