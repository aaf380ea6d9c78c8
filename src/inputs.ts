import * as core from '@actions/core'
import { formatDuration, parseDuration, suggestDuration } from './duration.js'
import {
  STAGES,
  isDynatraceHost,
  isLoopbackHost,
  parseSaasEnvironmentUrl,
  type Stage
} from './endpoints.js'
import { ActionError } from './errors.js'
import { federationRefusals } from './federation.js'
import { neutralise, type Logger } from './log.js'
import { checkScope, parseList, type ScopeKind } from './scopes.js'

export type Mode = 'mint' | 'plan' | 'audit' | 'revoke' | 'sweep'
export type TokenType = 'classic' | 'platform' | 'none'
export type FailOn = 'error' | 'warning' | 'never'
export type Auth = 'client-credentials' | 'github-oidc'

export const MIN_LIFETIME_SECONDS = 5 * 60
export const MAX_LIFETIME_SECONDS = 7 * 86400

export interface Credentials {
  clientId: string
  clientSecret: string
}

/** Where to talk to. Only the URLs this run needs are set. */
export interface Endpoints {
  ssoTokenUrl: string
  accountApiUrl: string
  environmentId?: string
  /** https://<id>.apps… (or the custom environment-url). */
  platformUrl?: string
  /** https://<id>.live… (or the custom environment-url). */
  classicUrl?: string
}

export interface SweepInputs {
  /** Only tokens whose name starts with this are considered (also named in the cap message). */
  prefix: string
  /** Also delete unexpired tokens created longer ago than this; undefined: expired only. */
  olderThanSeconds?: number
}

export interface AuditInputs {
  paths: string[]
  /** Also read in mint/plan: with token-scopes empty, the scopes are derived from it. */
  monacoManifest?: string
  /** Environments (or groups) of the manifest the deploy targets; absent: all. */
  monacoEnvironment?: string[]
  failOn: FailOn
}

/** Every input, read and validated once, before any request. */
export interface Inputs {
  mode: Mode
  auth: Auth
  /** auth: github-oidc — the audience of the GitHub ID token. */
  oidcAudience?: string
  /** Absent in audit mode and with auth: github-oidc. */
  credentials?: Credentials
  /** Plain account UUID (lower-case); `urn:dtaccount:` removed. */
  accountUuid?: string
  endpoints: Endpoints
  tokenType: TokenType
  tokenScopes: string[]
  tokenName: string
  tokenLifetimeSeconds: number
  revoke: boolean
  exportVariable?: string
  /** Hand the bearer on as access-token (always for token-type: none). */
  outputAccessToken: boolean
  oauthScopes: string[]
  platformTokenOwner?: string
  /** Raw YAML; parsed by the IAM module. */
  policies: string
  bindings: string
  timeoutSeconds: number
  maxRetries: number
  tokenId?: string
  allowedScopes: string[]
  audit: AuditInputs
  sweep: SweepInputs
  /** Non-fatal remarks found while validating (logged as warnings). */
  warnings: string[]
}

const MODES: readonly Mode[] = ['mint', 'plan', 'audit', 'revoke', 'sweep']
const AUTHS: readonly Auth[] = ['client-credentials', 'github-oidc']
const TOKEN_TYPES: readonly TokenType[] = ['classic', 'platform', 'none']
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never']
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A UUID (accounts, users, groups, policies, boundaries). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** Which kind of token an ID names: classic IDs are dt0c01.<public>. */
export function tokenTypeOf(id: string): 'classic' | 'platform' {
  return id.startsWith('dt0c01.') ? 'classic' : 'platform'
}
const CLIENT_ID = /^dt0s\d{2}\.[A-Za-z0-9]+$/
const CLIENT_SECRET = /^dt0s\d{2}\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/
const ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Variables whose override would change how the runner or later steps behave. */
const RESERVED_ENV =
  /^(GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|CI|HOME|PATH|SHELL|NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|BASH_ENV|ENV)$/i
const ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/
/** Where a user finds the account URN (shown with the OAuth client; not a secret). */
const ACCOUNT_URN_HELP =
  'It is shown with the client ID and secret when an OAuth client is created (Account Management → Identity & access management → OAuth clients); the account UUID is also in the Account Management address (myaccount.dynatrace.com/…?account-uuid=<uuid>). It is not a secret: a repository variable (vars.DT_ACCOUNT_URN) is fine.'

/** Reads the action's inputs; the only place that calls core.getInput. */
type InputReader = (name: string) => string

/**
 * Read and validate every input. Masks the client secret before anything else. Throws
 * one ActionError listing every problem, each naming the input and its bad value
 * (never a secret).
 */
export function readInputs(
  log: Logger,
  readInput: InputReader = core.getInput
): Inputs {
  const problems: string[] = []
  const warnings: string[] = []
  // Every value read, to check afterwards that none but client-secret carries the secret.
  const values = new Map<string, string>()
  const read = (name: string): string => {
    const value = readInput(name)
    values.set(name, value)
    return value
  }

  // Mask first: nothing below may print the secret, but a runner mask is the backstop.
  const clientSecret = read('client-secret')
  log.addSecret(clientSecret)

  /** A value as it may appear in a message: redacted, one line, bounded. */
  const show = (value: string): string =>
    `"${neutralise(log.redact(value), 80)}"`

  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = read(name) || allowed[0]!
    if ((allowed as readonly string[]).includes(value)) return value as T
    problems.push(
      `${name}: ${show(value)} is not one of ${allowed.join(', ')}.`
    )
    return allowed[0]!
  }
  const bool = (name: string, fallback: boolean): boolean => {
    const value = read(name)
    if (value === '') return fallback
    if (/^(true|True|TRUE)$/.test(value)) return true
    if (/^(false|False|FALSE)$/.test(value)) return false
    problems.push(`${name}: ${show(value)} is not a boolean (true or false).`)
    return fallback
  }
  const integer = (
    name: string,
    fallback: number,
    min: number,
    max: number
  ): number => {
    const value = read(name)
    if (value === '') return fallback
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(
        `${name}: ${show(value)} must be a whole number from ${min} to ${max}.`
      )
      return fallback
    }
    return Number(value)
  }

  const mode = oneOf('mode', MODES)
  const tokenType = oneOf('token-type', TOKEN_TYPES)
  const auth = oneOf('auth', AUTHS)
  const federated = auth === 'github-oidc'
  /** The OAuth client's ID and secret are needed (not in audit, not with github-oidc). */
  const needsSecrets = mode !== 'audit' && !federated

  // --- credentials -------------------------------------------------------------
  let credentials: Credentials | undefined
  const clientId = read('client-id')
  if (needsSecrets) {
    if (clientId === '') {
      problems.push(
        'client-id: is empty. Pass your OAuth client ID, e.g. client-id: ${{ secrets.DT_CLIENT_ID }}. Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there.'
      )
    } else if (CLIENT_SECRET.test(clientId)) {
      log.addSecret(clientId)
      problems.push(
        'client-id: looks like a client secret (value hidden). Pass the client ID (dt0s02.XXXXXXXX) as client-id and the secret as client-secret.'
      )
    } else if (!CLIENT_ID.test(clientId)) {
      problems.push(
        `client-id: ${show(clientId)} is not an OAuth client ID of the form dt0s02.XXXXXXXX.`
      )
    }
    if (clientSecret === '') {
      problems.push(
        'client-secret: is empty. Pass it from a secret, e.g. client-secret: ${{ secrets.DT_CLIENT_SECRET }}, and check the secret exists in this repository or environment. Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there.'
      )
    } else if (/^dt0c01\./.test(clientSecret)) {
      problems.push(
        'client-secret: is a classic API token (dt0c01…, value hidden), not an OAuth client secret. This action needs an OAuth client: create one in Account Management → Identity & access management → OAuth clients and pass its ID as client-id and its secret (dt0s02.XXXXXXXX.<secret>) as client-secret.'
      )
    } else if (!CLIENT_SECRET.test(clientSecret)) {
      problems.push(
        'client-secret: is not of the form dt0s02.XXXXXXXX.<secret> (value hidden). Copy the whole secret shown when the OAuth client was created.'
      )
    } else if (CLIENT_ID.test(clientId)) {
      const owner = clientSecret.split('.').slice(0, 2).join('.')
      if (owner !== clientId) {
        problems.push(
          `client-secret: belongs to OAuth client ${owner}, not to client-id ${show(clientId)}. Pass the secret of the same client.`
        )
      }
    }
    credentials = { clientId, clientSecret }
  }

  const oidcAudience = read('oidc-audience')
  if (federated && mode !== 'audit') {
    if (oidcAudience === '') {
      problems.push(
        'oidc-audience: is required with auth: github-oidc. Pass the audience configured in the Dynatrace trust for GitHub (the aud its ID tokens must carry), e.g. oidc-audience: ${{ vars.DT_OIDC_AUDIENCE }}.'
      )
    } else if (
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f\u007f]/.test(oidcAudience) ||
      oidcAudience.length > 200
    ) {
      problems.push(
        `oidc-audience: ${show(oidcAudience)} must be one line of at most 200 characters.`
      )
    }
    if (clientSecret !== '') {
      warnings.push(
        'client-secret: is ignored with auth: github-oidc (no Dynatrace secret is needed). Remove it from this step, and the secret from the repository once nothing else uses it.'
      )
    }
  }

  // --- account -----------------------------------------------------------------
  let accountUuid: string | undefined
  const accountUrn = read('account-urn')
  if (accountUrn !== '') {
    const uuid = accountUrn.replace(/^urn:dtaccount:/i, '')
    if (UUID.test(uuid)) accountUuid = uuid.toLowerCase()
    else
      problems.push(
        `account-urn: ${show(accountUrn)} is not urn:dtaccount:<uuid> or a bare account UUID. ${ACCOUNT_URN_HELP}`
      )
  }

  // --- endpoints ---------------------------------------------------------------
  const allowCustom = bool('allow-custom-endpoints', false)
  const endpoint = (name: string, value: string): URL | undefined => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      const withScheme = URL.canParse(`https://${value}`)
      problems.push(
        withScheme && /^[^\s/:]+\.[^\s/]+/.test(value)
          ? `${name}: ${show(value)} has no scheme; add https:// (https://${neutralise(log.redact(value), 80)}).`
          : `${name}: ${show(value)} is not a URL.`
      )
      return undefined
    }
    if (url.username || url.password) {
      problems.push(`${name}: must not contain credentials (user:password@).`)
      return undefined
    }
    if (url.search || url.hash) {
      problems.push(
        `${name}: ${show(value)} must not have a query or fragment.`
      )
      return undefined
    }
    const loopback = isLoopbackHost(url.hostname)
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      problems.push(
        `${name}: ${show(value)} must use https (plain http is accepted only on loopback: localhost, 127.0.0.0/8 or [::1], with allow-custom-endpoints: true).`
      )
      return undefined
    }
    if (
      !allowCustom &&
      (url.protocol !== 'https:' || !isDynatraceHost(url.hostname))
    ) {
      problems.push(
        `${name}: ${show(value)} is not a Dynatrace endpoint (https on *.dynatrace.com or *.dynatracelabs.com). Set allow-custom-endpoints: true for a proxy, a sovereign install or the local emulator.`
      )
      return undefined
    }
    return url
  }
  const trimSlash = (url: URL): string => url.href.replace(/\/+$/, '')

  const endpoints: Endpoints = { ssoTokenUrl: '', accountApiUrl: '' }
  let stage: Stage | undefined
  const environmentUrl = read('environment-url')
  const environmentIdInput = read('environment-id')
  let customEnvironment = false
  if (environmentUrl !== '') {
    const url = endpoint('environment-url', environmentUrl)
    if (url) {
      const saas = parseSaasEnvironmentUrl(url)
      if (saas) {
        stage = saas.stage
        endpoints.environmentId = saas.environmentId
        endpoints.platformUrl = saas.platformUrl
        endpoints.classicUrl = saas.classicUrl
        if (
          environmentIdInput !== '' &&
          environmentIdInput !== saas.environmentId
        ) {
          problems.push(
            `environment-id: ${show(environmentIdInput)} does not match the ID "${saas.environmentId}" in environment-url; leave environment-id empty for Dynatrace URLs.`
          )
        }
      } else if (/\/e\/[^/]+/.test(url.pathname)) {
        problems.push(
          `environment-url: ${show(environmentUrl)} looks like a Dynatrace Managed environment, which has no OAuth/platform route; this action supports Dynatrace SaaS (https://<id>.apps.dynatrace.com).`
        )
      } else if (isDynatraceHost(url.hostname) && !allowCustom) {
        problems.push(
          `environment-url: ${show(environmentUrl)} is not an environment URL; use https://<environment-id>.apps.dynatrace.com (or .live.dynatrace.com).`
        )
      } else {
        customEnvironment = true
        endpoints.platformUrl = trimSlash(url)
        endpoints.classicUrl = trimSlash(url)
        if (environmentIdInput === '') {
          problems.push(
            `environment-id: is required because environment-url ${show(environmentUrl)} is a custom endpoint from which the environment ID cannot be read.`
          )
        }
      }
    }
  }
  if (environmentIdInput !== '' && endpoints.environmentId === undefined) {
    if (ENV_ID.test(environmentIdInput))
      endpoints.environmentId = environmentIdInput
    else
      problems.push(
        `environment-id: ${show(environmentIdInput)} is not an environment ID (e.g. abc12345).`
      )
  }

  const ssoUrl = read('sso-url')
  if (ssoUrl !== '') {
    const url = endpoint('sso-url', ssoUrl)
    if (url) {
      // An origin alone means the standard token path.
      endpoints.ssoTokenUrl =
        url.pathname === '/' ? `${url.origin}/sso/oauth2/token` : trimSlash(url)
    }
  } else if (customEnvironment && needsSecrets) {
    problems.push(
      'sso-url: is required because environment-url is a custom endpoint; give the SSO token endpoint (e.g. https://sso.dynatrace.com/sso/oauth2/token).'
    )
  } else {
    endpoints.ssoTokenUrl = STAGES[stage ?? 'prod'].ssoTokenUrl
  }
  const accountApiUrl = read('account-api-url')
  if (accountApiUrl !== '') {
    const url = endpoint('account-api-url', accountApiUrl)
    if (url) endpoints.accountApiUrl = trimSlash(url)
  } else if (!customEnvironment) {
    endpoints.accountApiUrl = STAGES[stage ?? 'prod'].accountApiUrl
  }

  // --- token -------------------------------------------------------------------
  const scopeKind: ScopeKind = tokenType === 'platform' ? 'platform' : 'classic'
  const tokenScopes = parseList(read('token-scopes'))
  const allowedScopes = parseList(read('allowed-scopes'))
  const checkScopes = (
    name: string,
    scopes: string[],
    kind: ScopeKind
  ): void => {
    for (const scope of scopes) {
      const problem = checkScope(scope, kind)
      if (!problem) continue
      const text = `${name}: ${neutralise(log.redact(problem.message), 500)}`
      if (problem.severity === 'error') problems.push(text)
      else warnings.push(text)
    }
  }
  const mintsToken =
    (mode === 'mint' || mode === 'plan') && tokenType !== 'none'
  if (mintsToken) {
    // With monaco-manifest, empty token-scopes are derived from the project (src/monaco/derive.ts).
    if (tokenScopes.length === 0 && read('monaco-manifest') === '') {
      problems.push(
        `token-scopes: is empty. List the scopes of the ${tokenType} token, e.g. ${tokenType === 'platform' ? 'settings:objects:read, settings:objects:write' : 'ReadConfig, WriteConfig, settings.read, settings.write'}, or set monaco-manifest to derive them from a Monaco project.`
      )
    }
    checkScopes('token-scopes', tokenScopes, scopeKind)
    if (allowedScopes.length > 0) {
      for (const scope of tokenScopes) {
        if (!allowedScopes.includes(scope)) {
          problems.push(
            `token-scopes: ${show(scope)} is not in allowed-scopes (${show(allowedScopes.join(', '))}). Remove it or add it to allowed-scopes.`
          )
        }
      }
    }
    if (
      tokenType === 'classic' &&
      !endpoints.platformUrl &&
      environmentUrl === ''
    ) {
      problems.push(
        'environment-url: is required for classic tokens (e.g. https://abc12345.apps.dynatrace.com).'
      )
    }
    if (tokenType === 'platform') {
      if (accountUrn === '') {
        problems.push(
          `account-urn: is required for platform tokens (they are created through Account Management). ${ACCOUNT_URN_HELP}`
        )
      }
      if (
        !endpoints.environmentId &&
        environmentUrl === '' &&
        environmentIdInput === ''
      ) {
        problems.push(
          'environment-url: is required for platform tokens (the token is limited to that environment); give environment-url or environment-id.'
        )
      }
    }
  }

  const oauthScopes = parseList(read('oauth-scopes'))
  if (needsSecrets) checkScopes('oauth-scopes', oauthScopes, 'oauth')

  const lifetimeText = read('token-lifetime') || '1h'
  let tokenLifetimeSeconds = parseDuration(lifetimeText) ?? 3600
  if (parseDuration(lifetimeText) === undefined) {
    const meant = suggestDuration(lifetimeText)
    problems.push(
      `token-lifetime: ${show(lifetimeText)} is not a duration such as 30m, 2h, 1h30m or 1d.${meant ? ` Did you mean ${meant}?` : ''}`
    )
  } else if (
    tokenLifetimeSeconds < MIN_LIFETIME_SECONDS ||
    tokenLifetimeSeconds > MAX_LIFETIME_SECONDS
  ) {
    const formatted = formatDuration(tokenLifetimeSeconds)
    const shown =
      formatted === lifetimeText.trim().toLowerCase()
        ? show(lifetimeText)
        : `${show(lifetimeText)} (${formatted})`
    problems.push(
      `token-lifetime: ${shown} is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to ${formatDuration(MAX_LIFETIME_SECONDS)}.`
    )
    tokenLifetimeSeconds = 3600
  }

  const tokenName = read('token-name') || defaultTokenName()
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(tokenName) || tokenName.length > 200) {
    problems.push(
      `token-name: ${show(tokenName)} must be one line of at most 200 characters.`
    )
  }

  const exportVariable = read('export-variable') || undefined
  if (exportVariable !== undefined) {
    if (!ENV_VAR.test(exportVariable)) {
      problems.push(
        `export-variable: ${show(exportVariable)} is not an environment variable name (letters, digits, _).`
      )
    } else if (RESERVED_ENV.test(exportVariable)) {
      problems.push(
        `export-variable: ${show(exportVariable)} is reserved by the runner or the shell; choose another name such as DT_API_TOKEN.`
      )
    }
  }

  const platformTokenOwner = read('platform-token-owner') || undefined
  if (platformTokenOwner !== undefined && !UUID.test(platformTokenOwner)) {
    problems.push(
      `platform-token-owner: ${show(platformTokenOwner)} is not a user UUID.`
    )
  }

  // --- IAM -----------------------------------------------------------------------
  const policies = read('policies')
  const bindings = read('bindings')
  if (
    (policies !== '' || bindings !== '' || mode === 'plan') &&
    needsSecrets &&
    accountUrn === ''
  ) {
    problems.push(
      `account-urn: is required for IAM policies and bindings and for plan mode. ${ACCOUNT_URN_HELP}`
    )
  }

  // --- revoke mode ---------------------------------------------------------------
  let tokenId: string | undefined
  if (mode === 'revoke') {
    const value = read('token-id')
    if (value === '') {
      problems.push(
        'token-id: is required in revoke mode (pass steps.<id>.outputs.token-id of the step that minted it).'
      )
    } else if (value.split('.').length >= 3) {
      log.addSecret(value)
      problems.push(
        'token-id: looks like a whole token including its secret (value hidden). Pass the token ID (its first two parts, e.g. dt0c01.XXXX), never the token.'
      )
    } else if (!/^[A-Za-z0-9._-]{4,100}$/.test(value)) {
      problems.push(`token-id: ${show(value)} is not a token ID.`)
    } else {
      tokenId = value
      const type = tokenTypeOf(value)
      if (
        type === 'classic' &&
        !endpoints.platformUrl &&
        environmentUrl === ''
      ) {
        problems.push('environment-url: is required to revoke a classic token.')
      }
      if (type === 'platform' && accountUrn === '') {
        problems.push(
          `account-urn: is required to revoke a platform token. ${ACCOUNT_URN_HELP}`
        )
      }
    }
  }

  // --- sweep (the prefix also names this repository's tokens in the cap message) ----
  const sweep: SweepInputs = {
    prefix: read('sweep-prefix') || defaultSweepPrefix()
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(sweep.prefix) || sweep.prefix.length > 200) {
    problems.push(
      `sweep-prefix: ${show(sweep.prefix)} must be one line of at most 200 characters.`
    )
  }
  const olderThan = read('sweep-older-than')
  if (olderThan !== '') {
    const seconds = parseDuration(olderThan)
    if (seconds === undefined) {
      problems.push(
        `sweep-older-than: ${show(olderThan)} is not a duration such as 2h or 1d.`
      )
    } else if (seconds < MIN_LIFETIME_SECONDS || seconds > 366 * 86400) {
      // Shorter would delete tokens that running jobs still use.
      problems.push(
        `sweep-older-than: ${show(olderThan)} (${formatDuration(seconds)}) is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to 366d; keep it longer than the token-lifetime of the jobs that mint, so that no running job loses its token.`
      )
    } else sweep.olderThanSeconds = seconds
  }
  if (mode === 'sweep') {
    if (tokenType === 'none') {
      problems.push(
        'token-type: none has no tokens to sweep; use classic or platform (one sweep step per type).'
      )
    } else if (
      tokenType === 'classic' &&
      !endpoints.platformUrl &&
      environmentUrl === ''
    ) {
      problems.push('environment-url: is required to sweep classic tokens.')
    } else if (tokenType === 'platform' && accountUrn === '') {
      problems.push(
        `account-urn: is required to sweep platform tokens. ${ACCOUNT_URN_HELP}`
      )
    }
  }
  if (federated && mode !== 'audit') {
    problems.push(
      ...federationRefusals({
        tokenType: mode === 'mint' || mode === 'plan' ? tokenType : 'none',
        iam: policies !== '' || bindings !== '',
        sweepsPlatformTokens: mode === 'sweep' && tokenType === 'platform',
        revokesPlatformToken:
          tokenId !== undefined && tokenTypeOf(tokenId) === 'platform'
      })
    )
  }

  const revoke = bool('revoke', true)
  const outputAccessToken = bool('output-access-token', false)
  const timeoutSeconds = integer('timeout-seconds', 120, 5, 3600)
  const maxRetries = integer('max-retries', 4, 0, 10)

  // --- audit ---------------------------------------------------------------------
  const audit: AuditInputs = {
    paths: parseList(read('audit-paths') || '.github/workflows'),
    failOn: oneOf('audit-fail-on', FAIL_ON)
  }
  const manifest = read('monaco-manifest')
  if (manifest !== '') audit.monacoManifest = manifest
  const monacoEnvironment = parseList(read('monaco-environment'))
  if (monacoEnvironment.length > 0) {
    if (manifest === '')
      problems.push(
        'monaco-environment: is set, but monaco-manifest is empty; name the manifest whose environment it is.'
      )
    audit.monacoEnvironment = monacoEnvironment
  }

  // A secret in any other input would travel on into URLs, outputs or the summary.
  const secretPart = clientSecret.split('.').pop() ?? ''
  for (const [name, value] of values) {
    if (name === 'client-secret' || clientSecret.length < 8) continue
    // Already reported as "looks like a client secret": one line is enough.
    if (name === 'client-id' && CLIENT_SECRET.test(value)) continue
    if (
      value.includes(clientSecret) ||
      (secretPart.length >= 8 && value.includes(secretPart))
    ) {
      problems.unshift(
        `${name}: contains the client secret (value hidden). Pass the secret only as client-secret.`
      )
    }
  }

  if (problems.length > 0) {
    const list = problems.map((p) => `  - ${p}`).join('\n')
    throw new ActionError(
      `Invalid input${problems.length > 1 ? 's' : ''} (no request was sent):\n${list}`
    )
  }

  const inputs: Inputs = {
    mode,
    auth,
    endpoints,
    tokenType,
    tokenScopes,
    tokenName,
    tokenLifetimeSeconds,
    revoke,
    outputAccessToken,
    oauthScopes,
    policies,
    bindings,
    timeoutSeconds,
    maxRetries,
    allowedScopes,
    audit,
    sweep,
    warnings
  }
  if (credentials) inputs.credentials = credentials
  if (federated && oidcAudience !== '') inputs.oidcAudience = oidcAudience
  if (accountUuid) inputs.accountUuid = accountUuid
  if (exportVariable) inputs.exportVariable = exportVariable
  if (platformTokenOwner)
    inputs.platformTokenOwner = platformTokenOwner.toLowerCase()
  if (tokenId) inputs.tokenId = tokenId
  return inputs
}

/** `gha/<owner>/<repo>/`: the start of every default token-name of this repository. */
export function defaultSweepPrefix(
  env: NodeJS.ProcessEnv = process.env
): string {
  return `gha/${env.GITHUB_REPOSITORY || 'local/run'}/`
}

/** `gha/<owner>/<repo>/run-<run_id>-<attempt>/<job>`: attributable and unique per job attempt. */
export function defaultTokenName(env: NodeJS.ProcessEnv = process.env): string {
  const repo = env.GITHUB_REPOSITORY || 'local/run'
  const run = env.GITHUB_RUN_ID || String(Math.floor(Date.now() / 1000))
  const attempt = env.GITHUB_RUN_ATTEMPT || '1'
  const job = env.GITHUB_JOB || 'job'
  return `gha/${repo}/run-${run}-${attempt}/${job}`
}
