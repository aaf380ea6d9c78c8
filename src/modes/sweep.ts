import type { Context } from '../context.js'
import type { SweepModeInputs } from '../inputs.js'
import { authenticate } from '../runtime.js'
import { sweep } from '../sweep.js'

/** mode: sweep — delete this repository's expired tokens of token-type (src/sweep.ts). */
export async function sweepMode(base: Context<SweepModeInputs>): Promise<void> {
  const { ctx, bearer } = await authenticate(base)
  await sweep(ctx, bearer.accessToken)
}
