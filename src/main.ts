import * as core from '@actions/core'
import type { Context } from './context.js'
import { API_TOKENS_PATH, createClassicToken } from './dynatrace/api-tokens.js'
import { getBearer, type Bearer } from './dynatrace/sso.js'
import {
  checkedServerNow,
  tokenProblems,
  type AskedFor,
  type MintedToken
} from './dynatrace/tokens.js'
import { formatDuration } from './duration.js'
import { ActionError, errorMessage } from './errors.js'
import { createHttp } from './client.js'
import type { IamResult } from './iam/index.js'
import { readInputs, type Inputs } from './inputs.js'
import { Logger } from './log.js'
import { revokeToken, type RevokeTarget } from './revoke.js'
import type { DerivedScopes } from './monaco/derive.js'
import { markRevoked, saveToken } from './state.js'
import { failureSummary, mintSummary, writeSummary } from './summary.js'

// Also the factory's home for callers that knew it here.
export { createHttp }

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
    if (inputs.mode === 'revoke') {
      // Loaded on demand: most runs mint.
      const { revokeMode } = await import('./revoke-mode.js')
      await revokeMode(ctx)
    } else if (inputs.mode === 'sweep') await sweepMode(ctx)
    else await mint(ctx, notes, derived)
  } catch (error) {
    reportFailure(log, error)
  } finally {
    http.dispose()
  }
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

/** A run's credential: the bearer, and the context whose client presents it. */
export interface Session {
  ctx: Context
  bearer: Bearer
  /** Which credential was used, for the job summary. */
  credential: string
  /** auth: github-oidc — what plan needs to check the trust. */
  federated?: import('./github-oidc.js').FederatedBearer
}

/**
 * Get the bearer (the SSO bearer, or with auth: github-oidc the GitHub ID token). `next`
 * is the URL the first request with the bearer goes to: its connection opens while the
 * bearer's request is in flight (Http.preconnect), so its handshakes cost no round trip
 * of their own.
 */
export async function authenticate(
  ctx: Context,
  next?: string
): Promise<Session> {
  const { inputs, log, http } = ctx
  if (inputs.auth === 'github-oidc') {
    // Loaded on demand: runs with an OAuth client never evaluate it.
    const { federatedSession } = await import('./github-oidc.js')
    return federatedSession(ctx, next)
  }
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
  const pending = getBearer(http, log, request)
  http.preconnect(next)
  return {
    ctx,
    bearer: await pending,
    credential: `OAuth client ${credentials.clientId} (client credentials)`
  }
}

async function mint(
  base: Context,
  notes: string[],
  derived?: DerivedScopes
): Promise<void> {
  const { inputs, log } = base
  // With a GitHub ID token there is no IAM work (refused with the inputs) and plan
  // reads nothing from Account Management.
  const needsIam =
    inputs.auth === 'client-credentials' &&
    (inputs.policies !== '' || inputs.bindings !== '' || inputs.mode === 'plan')
  const first = needsIam
    ? inputs.endpoints.accountApiUrl
    : inputs.tokenType === 'classic'
      ? inputs.endpoints.platformUrl
      : inputs.tokenType === 'platform'
        ? inputs.endpoints.accountApiUrl
        : undefined
  const session = await authenticate(base, first)
  const { ctx, bearer, credential } = session

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
    if (session.federated && e.platformUrl) {
      const { checkTrust } = await import('./github-oidc.js')
      // The plain client: a 403 is an answer here, not a failure.
      await checkTrust(
        base,
        session.federated,
        `${e.platformUrl}${API_TOKENS_PATH}?pageSize=1`
      )
    }
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
        credential,
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
    const expiresAt = setAccessToken(bearer)
    const lifetime = expiresAt
      ? `, valid until ${expiresAt} (${formatDuration(Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000)))}; it is not renewed)`
      : ''
    log.info(
      `token-type is none: only the ${inputs.auth === 'github-oidc' ? 'GitHub ID token' : 'SSO bearer'} is handed on, as access-token${lifetime}.`
    )
    await writeSummary(
      log,
      mintSummary({
        mode: 'mint',
        credential,
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
    ssoUrl: inputs.auth === 'github-oidc' ? '' : e.ssoTokenUrl,
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
      credential,
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
  // Loaded on demand, like IAM: a classic mint never evaluates it.
  const { createPlatformToken } = await import('./dynatrace/platform-tokens.js')
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
  if (inputs.outputAccessToken) setAccessToken(bearer)
  core.setOutput('token', token.secret)
  core.setOutput('token-id', token.id)
  core.setOutput('token-type', token.type)
  core.setOutput('token-expires-at', token.expiresAt)
  core.setOutput('token-scopes', token.scopes.join(','))
  if (inputs.exportVariable)
    core.exportVariable(inputs.exportVariable, token.secret)
}

/**
 * Outputs access-token (masked since it arrived) and access-token-expires-at, where
 * known; returns that expiry.
 */
function setAccessToken(bearer: Bearer): string | undefined {
  core.setOutput('access-token', bearer.accessToken)
  if (bearer.expiresAt === undefined) return undefined
  const expiresAt = new Date(bearer.expiresAt).toISOString()
  core.setOutput('access-token-expires-at', expiresAt)
  return expiresAt
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
async function sweepMode(base: Context): Promise<void> {
  const { ctx, bearer } = await authenticate(base)
  // Loaded on demand, like the audit: most runs never sweep.
  const { sweep } = await import('./sweep.js')
  await sweep(ctx, bearer.accessToken)
}

/** Where a token of this run's inputs lives. */
export function revokeTarget(
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
