import * as core from '@actions/core'
import type { Context } from './context.js'
import { createClassicToken } from './dynatrace/api-tokens.js'
import { createPlatformToken } from './dynatrace/platform-tokens.js'
import { bodyRetryDelay } from './dynatrace/errors.js'
import { getBearer, type Bearer } from './dynatrace/sso.js'
import {
  checkedServerNow,
  tokenProblems,
  type AskedFor,
  type MintedToken
} from './dynatrace/tokens.js'
import { ActionError, errorMessage } from './errors.js'
import { Http } from './http.js'
import type { IamResult } from './iam/index.js'
import { readInputs, tokenTypeOf, type Inputs } from './inputs.js'
import { Logger } from './log.js'
import { revokeToken, revokeUrl, type RevokeTarget } from './revoke.js'
import type { DerivedScopes } from './monaco/derive.js'
import { markRevoked, saveToken } from './state.js'
import {
  failureSummary,
  mintSummary,
  revocationSummary,
  writeSummary
} from './summary.js'

/** Budget for revoking a token after a failure, on top of timeout-seconds. */
const CLEANUP_BUDGET_MS = 20_000
/** After adding IAM bindings, how long token creation keeps retrying a 403. */
const IAM_PROPAGATION_MS = 60_000

/** The main step: read inputs, then mint, plan, audit or revoke. Never throws. */
export async function run(): Promise<void> {
  const log = new Logger()
  // What became of a token created before the failure, for the failure summary.
  const notes: string[] = []
  try {
    await mainStep(log, notes)
  } finally {
    // A failed step says in the summary too what failed and what to do.
    if (log.failure !== undefined)
      await writeSummary(log, failureSummary(log.failure, notes))
  }
}

async function mainStep(log: Logger, notes: string[]): Promise<void> {
  let inputs: Inputs
  try {
    inputs = readInputs(log)
  } catch (error) {
    reportFailure(log, error)
    return
  }
  for (const warning of inputs.warnings) log.warning(warning)

  if (inputs.mode === 'audit') {
    // Offline by design: no HTTP client is even created.
    try {
      // Loaded on demand: most runs never need the audit's YAML machinery.
      const { runAudit } = await import('./audit/index.js')
      await runAudit(inputs, log)
    } catch (error) {
      reportFailure(log, error)
    }
    return
  }

  // token-scopes empty with monaco-manifest: derive them, before any request.
  let derived: DerivedScopes | undefined
  if (
    (inputs.mode === 'mint' || inputs.mode === 'plan') &&
    inputs.tokenType !== 'none' &&
    inputs.tokenScopes.length === 0 &&
    inputs.audit.monacoManifest !== undefined
  ) {
    try {
      const { deriveTokenScopes } = await import('./monaco/derive.js')
      derived = await deriveTokenScopes(inputs, log)
      inputs.tokenScopes = derived.scopes.map((s) => s.scope)
    } catch (error) {
      reportFailure(log, error)
      return
    }
  }

  if (
    (inputs.mode === 'mint' || inputs.mode === 'plan') &&
    (inputs.policies !== '' || inputs.bindings !== '')
  ) {
    // IAM YAML is checked here, before the SSO request, like every other input.
    try {
      const { checkIamInputs } = await import('./iam/index.js')
      checkIamInputs(inputs)
    } catch (error) {
      reportFailure(log, error)
      return
    }
  }

  const http = createHttp(inputs, log)
  const ctx: Context = { inputs, log, http }
  try {
    if (inputs.mode === 'revoke') await revokeMode(ctx)
    else if (inputs.mode === 'sweep') await sweepMode(ctx)
    else await mint(ctx, notes, derived)
  } catch (error) {
    reportFailure(log, error)
  } finally {
    http.dispose()
  }
}

/**
 * The HTTP client for a run, within timeout-seconds, that talks only to `urls` (by
 * default the endpoints of these inputs).
 */
export function createHttp(
  inputs: Inputs,
  log: Logger,
  urls: Array<string | undefined> = Object.values(inputs.endpoints)
): Http {
  const origins = urls
    .filter((u): u is string => !!u && /^https?:/.test(u))
    .map((u) => new URL(u).origin)
  const budgetMs = inputs.timeoutSeconds * 1000
  return new Http({
    log,
    allowedOrigins: origins,
    deadline: Date.now() + budgetMs,
    maxRetries: inputs.maxRetries,
    bodyRetryDelay,
    requestTimeoutMs: Math.min(30_000, Math.max(2_000, budgetMs / 4))
  })
}

/** Expected failures show their message; anything else is a bug, with the stack in debug. */
export function reportFailure(log: Logger, error: unknown): void {
  if (error instanceof ActionError) {
    log.fail(error.message)
    return
  }
  if (error instanceof Error && error.stack) log.debug(error.stack)
  log.fail(
    `Unexpected error: ${errorMessage(error)}. This is a bug in configure-dynatrace-credentials; please report it (with the log, which holds no secrets).`
  )
}

/**
 * Get the SSO bearer. `next` is the URL the first request with the bearer goes to: its
 * connection opens while the SSO request is in flight (Http.preconnect), so its
 * handshakes cost no round trip of their own.
 */
async function authenticate(ctx: Context, next?: string): Promise<Bearer> {
  const { inputs, log, http } = ctx
  const credentials = inputs.credentials!
  log.info(
    `Getting an SSO bearer token for OAuth client ${credentials.clientId} from ${new URL(inputs.endpoints.ssoTokenUrl).host}.`
  )
  const request = {
    tokenUrl: inputs.endpoints.ssoTokenUrl,
    credentials,
    scopes: inputs.oauthScopes,
    ...(inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {})
  }
  const bearer = getBearer(http, log, request)
  http.preconnect(next)
  return bearer
}

async function mint(
  ctx: Context,
  notes: string[],
  derived?: DerivedScopes
): Promise<void> {
  const { inputs, log } = ctx
  const needsIam =
    inputs.policies !== '' || inputs.bindings !== '' || inputs.mode === 'plan'
  const first = needsIam
    ? inputs.endpoints.accountApiUrl
    : inputs.tokenType === 'classic'
      ? inputs.endpoints.platformUrl
      : inputs.tokenType === 'platform'
        ? inputs.endpoints.accountApiUrl
        : undefined
  const bearer = await authenticate(ctx, first)

  let iam: IamResult | undefined
  if (needsIam) {
    const { ensureIam } = await import('./iam/index.js')
    iam = await ensureIam(ctx, bearer.accessToken, {
      dryRun: inputs.mode === 'plan'
    })
  }
  const e = inputs.endpoints
  if (e.platformUrl) core.setOutput('environment-url', e.platformUrl)
  if (e.classicUrl) core.setOutput('classic-environment-url', e.classicUrl)
  core.setOutput('bindings-added', String(iam?.bindingsAdded ?? 0))
  core.setOutput('policies-changed', String(iam?.policiesChanged ?? 0))

  const environment = {
    ...(e.environmentId ? { id: e.environmentId } : {}),
    ...(e.platformUrl ? { url: e.platformUrl } : {})
  }
  const sections = iam ? [iam.summaryHtml] : []
  if (derived) {
    const { derivedSummaryHtml } = await import('./monaco/derive.js')
    sections.unshift(derivedSummaryHtml(derived))
  }
  if (inputs.mode === 'plan') {
    const plan = {
      iam: iam?.changes ?? null,
      token:
        inputs.tokenType === 'none'
          ? null
          : {
              type: inputs.tokenType,
              name: inputs.tokenName,
              scopes: inputs.tokenScopes,
              lifetimeSeconds: inputs.tokenLifetimeSeconds,
              environment: e.environmentId ?? null,
              ...(derived
                ? {
                    scopesDerived: (
                      await import('./monaco/derive.js')
                    ).derivedPlan(derived)
                  }
                : {})
            }
    }
    // Inputs never carry the secret (checked), but outputs get the same last line of defence as logs.
    core.setOutput('plan', log.redact(JSON.stringify(plan)))
    log.info('Plan mode: nothing was changed and no token was created.')
    await writeSummary(
      log,
      mintSummary({
        mode: 'plan',
        environment,
        tokenType: inputs.tokenType,
        planned: {
          name: inputs.tokenName,
          scopes: inputs.tokenScopes,
          derived: derived !== undefined
        },
        lifetimeSeconds: inputs.tokenLifetimeSeconds,
        revoke: inputs.revoke,
        sections
      })
    )
    return
  }

  if (inputs.tokenType === 'none') {
    core.setOutput('access-token', bearer.accessToken)
    log.info(
      'token-type is none: only the SSO bearer is handed on (output access-token, valid about 5 minutes).'
    )
    await writeSummary(
      log,
      mintSummary({
        mode: 'mint',
        environment,
        tokenType: 'none',
        lifetimeSeconds: 0,
        revoke: false,
        sections
      })
    )
    return
  }

  const { token, asked } = await createToken(
    ctx,
    bearer,
    iam !== undefined && iam.bindingsAdded > 0
  )
  saveToken({
    id: token.id,
    type: token.type,
    expiresAt: token.expiresAt,
    ssoUrl: e.ssoTokenUrl,
    revoke: inputs.revoke,
    revoked: false,
    ...(token.type === 'classic'
      ? { platformUrl: e.platformUrl! }
      : { accountApiUrl: e.accountApiUrl, accountUuid: inputs.accountUuid! })
  })
  try {
    // The token handed on must be the token asked for.
    const problems = tokenProblems(token, asked)
    if (problems.length > 0) throw new ActionError(problems.join(' '))
    handOff(inputs, token, bearer)
  } catch (error) {
    // The token exists but the job cannot use it: do not leave it valid.
    notes.push(await revokeAfterFailure(ctx, bearer, token))
    throw error
  }
  log.info(
    `Created ${token.type} token ${token.id} (${token.scopes.join(', ')}), expiring at ${token.expiresAt}${inputs.revoke ? '; it is revoked in the post step' : ''}.`
  )
  await writeSummary(
    log,
    mintSummary({
      mode: 'mint',
      environment,
      tokenType: token.type,
      token,
      lifetimeSeconds: inputs.tokenLifetimeSeconds,
      revoke: inputs.revoke,
      sections
    })
  )
}

async function createToken(
  ctx: Context,
  bearer: Bearer,
  iamChanged: boolean
): Promise<{ token: MintedToken; asked: AskedFor }> {
  const { inputs, log, http } = ctx
  const e = inputs.endpoints
  // Expiry on Dynatrace's clock (the SSO response's Date header), which must not run
  // far ahead of the runner's: a forged Date header must not lengthen the token's life.
  const runnerNow = Date.now()
  const now = checkedServerNow(log, http.serverNow(), runnerNow)
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
  const deps = { http, log, bearer: bearer.accessToken }
  if (inputs.tokenType === 'classic') {
    const token = await createClassicToken(deps, {
      platformUrl: e.platformUrl!,
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
  const token = await createPlatformToken(deps, {
    accountApiUrl: e.accountApiUrl,
    accountUuid: inputs.accountUuid!,
    environmentId: e.environmentId!,
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
function handOff(inputs: Inputs, token: MintedToken, bearer: Bearer): void {
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
  inputs: Inputs,
  token: MintedToken,
  bearer: Bearer
): void {
  core.setOutput('access-token', bearer.accessToken)
  core.setOutput('token', token.secret)
  core.setOutput('token-id', token.id)
  core.setOutput('token-type', token.type)
  core.setOutput('token-expires-at', token.expiresAt)
  core.setOutput('token-scopes', token.scopes.join(','))
  if (inputs.exportVariable)
    core.exportVariable(inputs.exportVariable, token.secret)
}

/** Revoke a token the job cannot use; resolves with what happened, for the summary. */
async function revokeAfterFailure(
  ctx: Context,
  bearer: Bearer,
  token: MintedToken
): Promise<string> {
  const { inputs, log } = ctx
  const http = ctx.http.withBudget(CLEANUP_BUDGET_MS)
  try {
    const result = await revokeToken(
      http,
      log,
      bearer.accessToken,
      revokeTarget(inputs, token.id, token.type)
    )
    markRevoked()
    log.info(`Revoked token ${token.id} because the step failed (${result}).`)
    return `Token ${token.id} was created but not handed on; it has been revoked.`
  } catch (error) {
    log.warning(
      `Could not revoke token ${token.id} after the failure: ${errorMessage(error)} The post step will try again.`
    )
    // Whether the post step's retry works is not known yet: no promise here.
    return `Token ${token.id} was created but not handed on, and revoking it failed: ${errorMessage(error)} It stays valid until ${token.expiresAt} unless the post step's second attempt (reported below) succeeds; if it does not, delete the token in Dynatrace.`
  }
}

/** mode: sweep — delete this repository's expired tokens of token-type. */
async function sweepMode(ctx: Context): Promise<void> {
  const bearer = await authenticate(ctx)
  // Loaded on demand, like the audit: most runs never sweep.
  const { sweep } = await import('./sweep.js')
  await sweep(ctx, bearer.accessToken)
}

/** mode: revoke — revoke token-id (minted by an earlier job with revoke: false). */
async function revokeMode(ctx: Context): Promise<void> {
  const { inputs, log, http } = ctx
  const id = inputs.tokenId!
  core.setOutput('token-id', id)
  let result: 'revoked' | 'already-gone'
  try {
    const target = revokeTarget(inputs, id, tokenTypeOf(id))
    const bearer = await authenticate(ctx, revokeUrl(target))
    result = await revokeToken(http, log, bearer.accessToken, target)
  } catch (error) {
    // Like the post step: a failed revocation warns, it does not fail the job.
    log.warning(
      `Could not revoke token ${id}: ${errorMessage(error)} Delete it in Dynatrace; it stays valid until it expires.`
    )
    await writeSummary(
      log,
      revocationSummary(id, 'failed', errorMessage(error))
    )
    return
  }
  if (result === 'revoked') {
    log.info(`Revoked token ${id}.`)
    await writeSummary(log, revocationSummary(id, result, ''))
    return
  }
  // Unlike the post step, this ID came from the user: a 404 may as well be a wrong ID.
  const unknown = `Dynatrace does not know token ${id} (HTTP 404), so there was nothing to revoke: it was already revoked or deleted, or token-id is wrong or belongs to another ${tokenTypeOf(id) === 'classic' ? 'environment (environment-url)' : 'account (account-urn)'}.`
  log.info(unknown)
  await writeSummary(log, revocationSummary(id, 'unknown-id', unknown))
}

/** Where a token of this run's inputs lives. */
function revokeTarget(
  inputs: Inputs,
  id: string,
  type: 'classic' | 'platform'
): RevokeTarget {
  const { platformUrl, accountApiUrl } = inputs.endpoints
  return {
    id,
    type,
    accountApiUrl,
    ...(platformUrl ? { platformUrl } : {}),
    ...(inputs.accountUuid ? { accountUuid: inputs.accountUuid } : {})
  }
}
