import * as core from '@actions/core'
import type { Context } from '../context.js'
import type { MintInputs } from '../inputs.js'
import type { DerivedScopes } from '../monaco/derive.js'
import { Output } from '../outputs.js'
import { planSummary } from '../summary-plan.js'
import { prepare, summarize, type Checked } from './mint.js'

/**
 * mode: plan — what mint would do with the same inputs: the IAM changes (read, not made)
 * and the token it would ask for, as the plan output and in the summary. Nothing changes.
 */
export async function plan(
  base: Context<MintInputs>,
  checked: Checked
): Promise<void> {
  const prepared = await prepare(base, checked)
  const { inputs, log } = base
  const { derived } = checked
  const { session, iam } = prepared
  const platformUrl = inputs.endpoints.platformUrl
  if (session.federated && platformUrl) {
    const { checkTrust } = await import('../github-oidc.js')
    await checkTrust(base, session.federated, platformUrl)
  }
  const planned = {
    iam: iam?.changes ?? null,
    token: await plannedToken(inputs, derived)
  }
  // Inputs never carry the secret (checked), but outputs get the same last line of defence as logs.
  core.setOutput(Output.Plan, log.redact(JSON.stringify(planned)))
  log.info('Plan mode: nothing was changed and no token was created.')
  await summarize(
    prepared,
    {
      tokenType: inputs.token.type,
      planned: {
        name: inputs.tokenName,
        scopes: inputs.tokenScopes,
        derived: derived !== undefined
      },
      lifetimeSeconds: inputs.tokenLifetimeSeconds,
      revoke: inputs.revoke
    },
    planSummary
  )
}

/** The plan output's token: what a mint would ask Dynatrace for, or null for none. */
async function plannedToken(
  inputs: MintInputs,
  derived: DerivedScopes | undefined
): Promise<Record<string, unknown> | null> {
  if (inputs.token.type === 'none') return null
  const e = inputs.endpoints
  return {
    type: inputs.token.type,
    name: inputs.tokenName,
    scopes: inputs.tokenScopes,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    environment: e.environmentId ?? null,
    ...(derived
      ? {
          scopesDerived: (await import('../monaco/derive.js')).derivedPlan(
            derived
          )
        }
      : {})
  }
}
