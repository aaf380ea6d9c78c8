/**
 * Ensure the IAM policies and bindings of the `policies` / `bindings` inputs:
 * parse → resolve names → read current state → create/update
 * policies → append missing bindings. Append-only and idempotent: nothing is
 * ever removed or replaced, and a run that finds everything in place writes
 * nothing. With `dryRun` (mode: plan) only the reads are made.
 */
import type { Context } from '../context.js'
import { ActionError } from '../errors.js'
import { IamApi } from '../dynatrace/iam.js'
import { ensureBindings, ensurePolicies, readState } from './ensure.js'
import { parseIamInputs, type IamRequest } from './parse.js'
import type { AccountTarget, BaseInputs } from '../inputs.js'
import {
  changesJson,
  countAdded,
  logOutcomes,
  summaryHtml,
  type IamChanges
} from './report.js'
import { resolveIam } from './resolve.js'

export type { IamChanges } from './report.js'

/** What ensuring IAM did (or, in plan mode, would do). */
export interface IamResult {
  /** (policy, group, level) bindings added, or to add in plan mode. */
  bindingsAdded: number
  /** Account policies created or updated, or to be in plan mode. */
  policiesChanged: number
  /** Desired bindings that were already in place. */
  bindingsUnchanged: number
  /** JSON-ready description of the changes, for the `plan` output. */
  changes: IamChanges
  /** HTML for the job summary. */
  summaryHtml: string
  /** Account Management requests made (retries not counted). */
  requests: number
}

/**
 * Check the `policies` / `bindings` inputs before any request is sent: YAML, keys,
 * statements, and that bindings at the default level have an environment. Returns them
 * with that level filled in; throws ActionError naming every bad entry and field.
 */
export function checkIamInputs(
  inputs: Pick<BaseInputs, 'policies' | 'bindings' | 'endpoints'>
): IamRequest {
  const problems: string[] = []
  const request: IamRequest = { policies: [], bindings: [] }
  try {
    const specs = parseIamInputs(inputs.policies, inputs.bindings)
    request.policies = specs.policies
    for (const b of specs.bindings) {
      const id =
        b.level.type === 'environment'
          ? (b.level.id ?? inputs.endpoints.environmentId)
          : undefined
      if (b.level.type === 'account')
        request.bindings.push({ ...b, level: { type: 'account' } })
      else if (id !== undefined)
        request.bindings.push({ ...b, level: { type: 'environment', id } })
      else
        problems.push(
          `bindings[${b.index}].level: the default level "environment" needs environment-url (or environment-id); give one, or set level: account or level: environment:<id>.`
        )
    }
  } catch (error) {
    if (!(error instanceof ActionError)) throw error
    problems.push(
      ...error.message
        .replace(/^Invalid IAM input:\n/, '')
        .split('\n')
        .map((p) => p.replace(/^ {2}- /, ''))
    )
  }
  if (problems.length > 0) {
    throw new ActionError(
      `Invalid IAM input${problems.length > 1 ? 's' : ''} (no request was sent):\n${problems.map((p) => `  - ${p}`).join('\n')}`
    )
  }
  return request
}

/**
 * Ensure the policies and bindings of the `policies`/`bindings` inputs (as
 * checkIamInputs returned them) in `account`. Every name is resolved and checked
 * before the first write, so a typo changes nothing. Throws ActionError with a
 * complete message on failure.
 */
export async function ensureIam(
  ctx: Context,
  bearer: string,
  request: IamRequest,
  account: AccountTarget,
  options: { dryRun: boolean }
): Promise<IamResult> {
  const { inputs, log, http } = ctx
  const { dryRun } = options
  return log.group('IAM policies and bindings', async () => {
    if (request.policies.length === 0 && request.bindings.length === 0) {
      log.info('No IAM policies or bindings requested.')
      return {
        bindingsAdded: 0,
        policiesChanged: 0,
        bindingsUnchanged: 0,
        changes: { policies: [], bindings: [] },
        summaryHtml: summaryHtml([], [], dryRun),
        requests: 0
      }
    }
    const api = new IamApi({
      http,
      log,
      bearer,
      baseUrl: account.accountApiUrl,
      accountUuid: account.accountUuid,
      scopesRequested: inputs.oauthScopes.length > 0
    })
    if (dryRun)
      log.info('Plan mode: reading IAM state only; nothing is changed.')

    const resolved = await resolveIam(api, request, log)
    const state = await readState(api, resolved.policies, resolved.levels)
    // Policies first: new ones need their UUID before they can be bound.
    const policies = await ensurePolicies(
      api,
      resolved.policies,
      state.details,
      dryRun,
      log
    )
    const levels = await ensureBindings(
      api,
      resolved.bindings,
      resolved.levels,
      state.bindings,
      dryRun,
      log
    )

    logOutcomes(log, policies, levels, dryRun)
    log.info(
      `${api.requests} Account Management ${api.requests === 1 ? 'request' : 'requests'}.`
    )
    return {
      bindingsAdded: countAdded(levels),
      policiesChanged: policies.filter((p) => p.action !== 'unchanged').length,
      bindingsUnchanged: levels.reduce((n, o) => n + o.unchanged, 0),
      changes: changesJson(policies, levels),
      summaryHtml: summaryHtml(policies, levels, dryRun),
      requests: api.requests
    }
  })
}
