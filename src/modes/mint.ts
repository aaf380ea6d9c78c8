import * as core from '@actions/core'
import type { Context } from '../context.js'
import { ClassicTokensApi } from '../dynatrace/api-tokens.js'
import type { Bearer } from '../dynatrace/sso.js'
import {
  checkedServerNow,
  tokenProblems,
  type AskedFor,
  type MintedToken
} from '../dynatrace/tokens.js'
import { ActionError, errorMessage } from '../errors.js'
import type { IamResult } from '../iam/index.js'
import type { IamRequest } from '../iam/parse.js'
import type { BaseInputs, MintInputs, TokenTarget } from '../inputs.js'
import type { Logger } from '../log.js'
import type { DerivedScopes } from '../monaco/derive.js'
import { Output } from '../outputs.js'
import { authenticate, type Session } from '../runtime.js'
import { saveToken } from '../state.js'
import { writeSummary, type JobSummary } from '../summary.js'
import { mintSummary, type MintSummary } from '../summary-mint.js'

/** After adding IAM bindings, how long token creation keeps retrying a 403. */
const IAM_PROPAGATION_MS = 60_000

/** What mint and plan checked before any request. */
export interface Checked {
  /** The scopes derived from a Monaco project (token-scopes empty with monaco-manifest). */
  derived?: DerivedScopes
  /** The IAM inputs, when policies or bindings are set. */
  iam?: IamRequest
}

/**
 * What mint and plan check before any request: the scopes derived from a Monaco project
 * (token-scopes empty with monaco-manifest), and the IAM YAML, like every other input.
 */
export async function checkBeforeRequests(
  inputs: MintInputs,
  log: Logger
): Promise<Checked> {
  const checked: Checked = {}
  const manifest = inputs.audit.monacoManifest
  if (
    inputs.token.type !== 'none' &&
    inputs.tokenScopes.length === 0 &&
    manifest !== undefined
  ) {
    const { deriveTokenScopes } = await import('../monaco/derive.js')
    const derived = await deriveTokenScopes(
      inputs,
      inputs.token.type,
      manifest,
      log
    )
    inputs.tokenScopes = derived.scopes.map((s) => s.scope)
    checked.derived = derived
  }
  if (inputs.policies !== '' || inputs.bindings !== '') {
    const { checkIamInputs } = await import('../iam/index.js')
    checked.iam = checkIamInputs(inputs)
  }
  return checked
}

/** Where mint and plan stand when they part: authenticated, IAM done (or read for a plan). */
export interface Prepared {
  session: Session<MintInputs>
  iam: IamResult | undefined
  environment: { id?: string; url?: string }
  /** Extra summary sections: the derived scopes, the IAM changes. */
  sections: string[]
}

/**
 * The part mint and plan share: the bearer, IAM (applied, or only compared with a plan),
 * the environment's outputs and the summary's sections.
 */
export async function prepare(
  base: Context<MintInputs>,
  checked: Checked
): Promise<Prepared> {
  const { inputs } = base
  const { derived } = checked
  // With a GitHub ID token there is no IAM work (refused with the inputs) and plan
  // reads nothing from Account Management: `account` is set with an OAuth client only.
  const iamAccount =
    inputs.policies !== '' || inputs.bindings !== '' || inputs.mode === 'plan'
      ? inputs.account
      : undefined
  const e = inputs.endpoints
  const { token } = inputs
  const first = iamAccount
    ? iamAccount.accountApiUrl
    : token.type === 'classic'
      ? token.platformUrl
      : token.type === 'platform'
        ? token.accountApiUrl
        : undefined
  const session = await authenticate(base, first)

  let iam: IamResult | undefined
  if (iamAccount) {
    const { ensureIam } = await import('../iam/index.js')
    iam = await ensureIam(
      session.ctx,
      session.bearer.accessToken,
      checked.iam ?? { policies: [], bindings: [] },
      iamAccount,
      { dryRun: inputs.mode === 'plan' }
    )
  }
  if (e.platformUrl) core.setOutput(Output.EnvironmentUrl, e.platformUrl)
  if (e.classicUrl) core.setOutput(Output.ClassicEnvironmentUrl, e.classicUrl)
  core.setOutput(Output.BindingsAdded, String(iam?.bindingsAdded ?? 0))
  core.setOutput(Output.PoliciesChanged, String(iam?.policiesChanged ?? 0))

  const sections = iam ? [iam.summaryHtml] : []
  if (derived) {
    const { derivedSummaryHtml } = await import('../monaco/derive.js')
    sections.unshift(derivedSummaryHtml(derived))
  }
  const environment = {
    ...(e.environmentId ? { id: e.environmentId } : {}),
    ...(e.platformUrl ? { url: e.platformUrl } : {})
  }
  return { session, iam, environment, sections }
}

/** The job summary of mint or plan: the outcome's details on what every outcome shows. */
export async function summarize(
  prepared: Prepared,
  details: Omit<
    MintSummary,
    'credential' | 'auth' | 'environment' | 'sections'
  >,
  render: (info: MintSummary) => (s: JobSummary) => void = mintSummary
): Promise<void> {
  const { session, environment, sections } = prepared
  await writeSummary(
    session.ctx.log,
    render({
      ...details,
      credential: session.credential,
      auth: session.ctx.inputs.auth,
      environment,
      sections
    })
  )
}

/** mode: mint — IAM if asked for, then the token (or, with token-type none, the bearer). */
export async function mint(
  base: Context<MintInputs>,
  notes: string[],
  checked: Checked
): Promise<void> {
  const prepared = await prepare(base, checked)
  const { token } = base.inputs
  if (token.type === 'none') {
    // Loaded on demand: most runs mint a token.
    const { handOnBearer } = await import('./bearer.js')
    await handOnBearer(prepared)
  } else await mintToken(prepared, token, notes)
}

/**
 * Create the token, save it for the post step, check it is the token asked for and hand
 * it on; a token the job cannot use is revoked at once (what became of it goes to `notes`).
 */
async function mintToken(
  prepared: Prepared,
  target: TokenTarget,
  notes: string[]
): Promise<void> {
  const { ctx, bearer } = prepared.session
  const { inputs, log } = ctx
  const { token, asked } = await createToken(
    ctx,
    bearer,
    target,
    prepared.iam !== undefined && prepared.iam.bindingsAdded > 0
  )
  saveToken({
    id: token.id,
    type: token.type,
    expiresAt: token.expiresAt,
    ssoUrl: inputs.auth === 'github-oidc' ? '' : inputs.endpoints.ssoTokenUrl,
    revoke: inputs.revoke,
    revoked: false,
    ...(target.type === 'classic'
      ? { platformUrl: target.platformUrl }
      : {
          accountApiUrl: target.accountApiUrl,
          accountUuid: target.accountUuid
        })
  })
  try {
    // The token handed on must be the token asked for.
    const problems = await tokenProblems(token, asked)
    if (problems.length > 0) throw new ActionError(problems.join(' '))
    // The session's bearer of now (a GitHub ID token may have been renewed meanwhile).
    handOff(inputs, token, prepared.session.bearer)
  } catch (error) {
    // The token exists but the job cannot use it: do not leave it valid. Loaded on
    // demand: only a failed run needs it.
    const { revokeAfterFailure } = await import('./revoke-after-failure.js')
    notes.push(await revokeAfterFailure(ctx, bearer, target, token))
    throw error
  }
  log.info(
    `Created ${token.type} token ${token.id} (${token.scopes.join(', ')}), expiring at ${token.expiresAt}${inputs.revoke ? '; it is revoked in the post step' : ''}.`
  )
  await summarize(prepared, {
    tokenType: token.type,
    token,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    revoke: inputs.revoke
  })
}

async function createToken(
  ctx: Context<MintInputs>,
  bearer: Bearer,
  target: TokenTarget,
  iamChanged: boolean
): Promise<{ token: MintedToken; asked: AskedFor }> {
  const { inputs, log, http } = ctx
  const e = inputs.endpoints
  // Expiry on Dynatrace's clock (the SSO response's Date header), which must not run
  // far ahead of the runner's: a forged Date header must not lengthen the token's life.
  const runnerNow = Date.now()
  const now = await checkedServerNow(log, http.serverNow(), runnerNow)
  // The milliseconds are random: with the name, they identify this run's token if a
  // create's answer is lost (jobs of a matrix share the default name).
  const expirationDate = new Date(
    Math.floor((now + inputs.tokenLifetimeSeconds * 1000) / 1000) * 1000 +
      1 +
      Math.floor(Math.random() * 998)
  ).toISOString()
  const asked: AskedFor = {
    scopes: inputs.tokenScopes,
    allowedScopes: inputs.allowedScopes,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    expirationDate,
    runnerNow
  }
  const credentials = { http, log, bearer: bearer.accessToken }
  if (target.type === 'classic') {
    const api = new ClassicTokensApi({
      ...credentials,
      baseUrl: target.platformUrl
    })
    const token = await api.create({
      platformUrl: target.platformUrl,
      ...(e.environmentId ? { environmentId: e.environmentId } : {}),
      name: inputs.tokenName,
      scopes: inputs.tokenScopes,
      expirationDate,
      ...(iamChanged ? { retryForbiddenUntil: now + IAM_PROPAGATION_MS } : {})
    })
    return { token, asked }
  }
  // Without platform-token-owner no userUuid is sent, and Dynatrace makes the OAuth
  // client's subject user the owner (recorded live; whether the bearer's `sub` is that
  // user's UUID is not documented, so the action does not guess it).
  // Loaded on demand, like IAM: a classic mint never evaluates it.
  const { PlatformTokensApi } = await import('../dynatrace/platform-tokens.js')
  const api = new PlatformTokensApi({
    ...credentials,
    baseUrl: target.accountApiUrl,
    accountUuid: target.accountUuid
  })
  const token = await api.create({
    accountApiUrl: target.accountApiUrl,
    accountUuid: target.accountUuid,
    environmentId: target.environmentId,
    name: inputs.tokenName,
    scopes: inputs.tokenScopes,
    expirationDate,
    repositoryPrefix: inputs.sweep.prefix,
    ...(inputs.platformTokenOwner
      ? { ownerUuid: inputs.platformTokenOwner }
      : {})
  })
  return { token, asked }
}

/**
 * Outputs and the optional env var. The token was masked when it arrived. The runner's
 * file commands throw plain errors when their files are missing or unwritable.
 */
function handOff(inputs: BaseInputs, token: MintedToken, bearer: Bearer): void {
  try {
    writeHandOff(inputs, token, bearer)
  } catch (error) {
    if (error instanceof ActionError) throw error
    throw new ActionError(
      `Could not hand the token to later steps: ${errorMessage(error)}. The runner's GITHUB_OUTPUT${inputs.exportVariable ? ' / GITHUB_ENV' : ''} file is missing or not writable (outside GitHub Actions, run the action with those files set, e.g. through npm run local).`
    )
  }
}

function writeHandOff(
  inputs: BaseInputs,
  token: MintedToken,
  bearer: Bearer
): void {
  if (inputs.outputAccessToken) setAccessToken(bearer)
  core.setOutput(Output.Token, token.secret)
  core.setOutput(Output.TokenId, token.id)
  core.setOutput(Output.TokenType, token.type)
  core.setOutput(Output.TokenExpiresAt, token.expiresAt)
  core.setOutput(Output.TokenScopes, token.scopes.join(','))
  if (inputs.exportVariable)
    core.exportVariable(inputs.exportVariable, token.secret)
}

/**
 * Outputs access-token (masked since it arrived) and access-token-expires-at, where
 * known; returns that expiry.
 */
export function setAccessToken(bearer: Bearer): string | undefined {
  core.setOutput(Output.AccessToken, bearer.accessToken)
  if (bearer.expiresAt === undefined) return undefined
  const expiresAt = new Date(bearer.expiresAt).toISOString()
  core.setOutput(Output.AccessTokenExpiresAt, expiresAt)
  return expiresAt
}
