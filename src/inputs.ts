import * as core from '@actions/core'
import { STAGES } from './endpoints.js'
import { federationRefusals } from './federation.js'
import type { Logger } from './log.js'
import { isCurrentScope, type ScopeKind } from './scopes.js'
import {
  MAX_LIFETIME_SECONDS,
  MIN_LIFETIME_SECONDS,
  Problem,
  isUuid,
  secretOfAnotherClient,
  tokenTypeOf,
  type Auth,
  type FailOn,
  type Mode,
  type TokenType
} from './inputs/fields.js'
import {
  startReading,
  type InputReader,
  type InputSource
} from './inputs/reader.js'
import { unmetRequirements, type Situation } from './inputs/requirements.js'
import {
  FIELDS,
  usesClientSecret,
  type ContextField,
  type FieldContext,
  type FieldName
} from './inputs/table.js'

export { MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS, isUuid, tokenTypeOf }
export type { Auth, FailOn, Mode, TokenType }

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
  /** This step's inputs as given (client-secret left out), for the audit of this step. */
  ownInputs: ReadonlyMap<string, string>
}

/** What every mode reads. */
export interface BaseInputs {
  endpoints: Endpoints
  /** Plain account UUID (lower-case); `urn:dtaccount:` removed. */
  accountUuid?: string
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
  allowedScopes: string[]
  audit: AuditInputs
  sweep: SweepInputs
  /** Non-fatal remarks found while validating (logged as warnings). */
  warnings: string[]
}

/** How the step signs in to Dynatrace. */
export type Authentication =
  | { auth: 'client-credentials'; credentials: Credentials }
  /** The audience of the GitHub ID token. */
  | { auth: 'github-oidc'; oidcAudience: string }

/** A classic token is created in the environment (through its platform URL). */
export interface ClassicTarget {
  type: 'classic'
  /** https://<id>.apps… (or the custom environment-url). */
  platformUrl: string
  /** https://<id>.live… (or the custom environment-url). */
  classicUrl: string
}

/** A platform token is created in the account, for one environment. */
export interface PlatformTarget {
  type: 'platform'
  accountUuid: string
  accountApiUrl: string
  environmentId: string
}

/** The token a mint or plan step creates. */
export type TokenTarget = ClassicTarget | PlatformTarget

/** The account a step with policies, bindings or plan mode reads and changes. */
export interface AccountTarget {
  accountUuid: string
  accountApiUrl: string
}

/** mode: mint and mode: plan. */
export type MintInputs = BaseInputs &
  Authentication & {
    mode: 'mint' | 'plan'
    /** token-type: none hands on the bearer only. */
    token: TokenTarget | { type: 'none' }
    /** With auth: client-credentials, when policies, bindings or plan mode need the account. */
    account?: AccountTarget
  }

/** The token a revoke step deletes. */
export type TokenToRevoke =
  | { type: 'classic'; tokenId: string; platformUrl: string }
  | ({ type: 'platform'; tokenId: string } & AccountTarget)

/** mode: revoke. */
export type RevokeInputs = BaseInputs &
  Authentication & { mode: 'revoke'; target: TokenToRevoke }

/** Where a sweep step looks for expired tokens. */
export type SweepTarget =
  | { type: 'classic'; platformUrl: string }
  | ({ type: 'platform' } & AccountTarget)

/** mode: sweep. */
export type SweepModeInputs = BaseInputs &
  Authentication & { mode: 'sweep'; target: SweepTarget }

/** mode: audit: offline, so no sign-in. */
export type AuditModeInputs = BaseInputs & { mode: 'audit'; auth: Auth }

/** The modes that sign in to Dynatrace. */
export type SignedInInputs = MintInputs | RevokeInputs | SweepModeInputs

/** Every input, read and validated once, before any request: what each mode needs, proven. */
export type Inputs =
  MintInputs | RevokeInputs | SweepModeInputs | AuditModeInputs

/**
 * Read and validate every input. Masks the client secret before anything else. Throws
 * one ActionError listing every problem, each naming the input and its bad value
 * (never a secret).
 */
export async function readInputs(
  log: Logger,
  source: InputSource = core.getInput
): Promise<Inputs> {
  const { reader, secret, context } = startReading(source, log)
  const get = <K extends FieldName>(name: K): FieldValue<K> =>
    // FIELDS[name] is a ContextField<FieldValue<K>>: TypeScript does not relate the two for a generic K.
    reader.inContext(name, FIELDS[name] as ContextField<FieldValue<K>>, context)

  const identity = readIdentity(reader, context, get)
  const endpoints = readEndpoints(reader, context, get)
  const token = await readToken(reader, context)
  const policies = reader.read('policies')
  const bindings = reader.read('bindings')
  const situation: Situation = {
    ...context,
    has: (name) => reader.has(name),
    text: (name) => reader.read(name),
    customEnvironment: context.environment?.kind === 'custom',
    scopesListed: token.tokenScopes.length > 0,
    revokes: identity.revokes
  }
  for (const { input, message } of unmetRequirements(situation, reader.show))
    reader.problem(input, message)
  if (context.auth === 'github-oidc' && context.mode !== 'audit') {
    reader.problems.push(
      ...federationRefusals({
        tokenType: mintsOrPlans(context.mode) ? context.tokenType : 'none',
        iam: policies !== '' || bindings !== '',
        sweepsPlatformTokens:
          context.mode === 'sweep' && context.tokenType === 'platform',
        revokesPlatformToken: identity.revokes === 'platform'
      })
    )
  }
  const rest = readTheRest(reader, get)
  reader.finish(secret)
  // Every input is read by now.
  rest.audit.ownInputs = reader.texts()
  const base: BaseInputs = {
    endpoints,
    ...token,
    ...rest,
    policies,
    bindings,
    warnings: reader.warnings
  }
  if (identity.inputs.accountUuid !== undefined)
    base.accountUuid = identity.inputs.accountUuid
  return shape(base, context, identity.inputs)
}

/**
 * The inputs as the union of what each mode needs. Every fact used here was checked above
 * (the field checks and REQUIREMENTS): `proven` only turns those checks into types.
 */
function shape(
  base: BaseInputs,
  context: FieldContext,
  identity: Identity
): Inputs {
  const { mode } = context
  if (mode === 'audit') return { ...base, mode, auth: context.auth }
  const signIn: Authentication =
    context.auth === 'github-oidc'
      ? { auth: 'github-oidc', oidcAudience: proven(identity.oidcAudience) }
      : {
          auth: 'client-credentials',
          credentials: proven(identity.credentials)
        }
  const { endpoints } = base
  const account = (): AccountTarget => ({
    accountUuid: proven(base.accountUuid),
    accountApiUrl: endpoints.accountApiUrl
  })
  const environment = () => ({
    platformUrl: proven(endpoints.platformUrl),
    classicUrl: proven(endpoints.classicUrl)
  })
  const type = context.tokenType
  if (mode === 'revoke') {
    const tokenId = proven(identity.tokenId)
    const target: TokenToRevoke =
      tokenTypeOf(tokenId) === 'classic'
        ? { type: 'classic', tokenId, platformUrl: environment().platformUrl }
        : { type: 'platform', tokenId, ...account() }
    return { ...base, ...signIn, mode, target }
  }
  if (mode === 'sweep') {
    const target: SweepTarget =
      type === 'platform'
        ? { type, ...account() }
        : { type: 'classic', platformUrl: environment().platformUrl }
    return { ...base, ...signIn, mode, target }
  }
  const token: MintInputs['token'] =
    type === 'none'
      ? { type }
      : type === 'classic'
        ? { type, ...environment() }
        : {
            type,
            ...account(),
            environmentId: proven(endpoints.environmentId)
          }
  const inputs: MintInputs = { ...base, ...signIn, mode, token }
  if (signIn.auth === 'client-credentials' && base.accountUuid !== undefined)
    inputs.account = account()
  return inputs
}

/** A value readInputs has proven present (a requirement or check above refused its absence). */
function proven<T>(value: T | undefined): T {
  if (value === undefined)
    throw new Error('readInputs returned without a value it had checked.')
  return value
}

/** Who the step is, which account, which token to revoke: each set when given and valid. */
interface Identity {
  credentials?: Credentials
  oidcAudience?: string
  accountUuid?: string
  tokenId?: string
}

/** The value of a field of the table (its fallback when empty or refused). */
type FieldValue<K extends FieldName> =
  | Exclude<ReturnType<(typeof FIELDS)[K]['check']>, Problem>
  | (typeof FIELDS)[K]['fallback']

type Get = <K extends FieldName>(name: K) => FieldValue<K>

const mintsOrPlans = (mode: Mode): boolean => mode === 'mint' || mode === 'plan'

/** Who the step is (credentials or the OIDC audience), which account, which token to revoke. */
function readIdentity(
  reader: InputReader,
  context: FieldContext,
  get: Get
): {
  inputs: Identity
  revokes: 'classic' | 'platform' | undefined
} {
  const inputs: Identity = {}
  const clientId = get('client-id')
  const clientSecret = get('client-secret')
  if (usesClientSecret(context)) {
    if (clientId !== undefined && clientSecret !== undefined) {
      const other = secretOfAnotherClient(clientSecret, clientId, reader.show)
      if (other) reader.problem('client-secret', other.message)
    }
    inputs.credentials = {
      clientId: reader.read('client-id'),
      clientSecret: reader.read('client-secret')
    }
  }
  const oidcAudience = get('oidc-audience')
  if (context.auth === 'github-oidc' && context.mode !== 'audit') {
    if (oidcAudience !== '') inputs.oidcAudience = oidcAudience
    if (reader.has('client-secret')) {
      reader.warn(
        'client-secret',
        'is ignored with auth: github-oidc (no Dynatrace secret is needed). Remove it from this step, and the secret from the repository once nothing else uses it.'
      )
    }
  }
  const accountUuid = get('account-urn')
  if (accountUuid !== undefined) inputs.accountUuid = accountUuid
  const tokenId = get('token-id')
  if (tokenId !== undefined) inputs.tokenId = tokenId
  return {
    inputs,
    revokes: tokenId === undefined ? undefined : tokenTypeOf(tokenId)
  }
}

/** The URLs this run talks to, from environment-url (or environment-id) and the overrides. */
function readEndpoints(
  reader: InputReader,
  context: FieldContext,
  get: Get
): Endpoints {
  const environment = get('environment-url')
  context.environment = environment
  const endpoints: Endpoints = { ssoTokenUrl: '', accountApiUrl: '' }
  if (environment?.kind === 'saas') {
    endpoints.environmentId = environment.environmentId
    endpoints.platformUrl = environment.platformUrl
    endpoints.classicUrl = environment.classicUrl
  } else if (environment?.kind === 'custom') {
    endpoints.platformUrl = environment.url
    endpoints.classicUrl = environment.url
  }
  const environmentId = get('environment-id')
  if (environmentId !== undefined) endpoints.environmentId ??= environmentId
  const custom = environment?.kind === 'custom'
  const stage =
    STAGES[environment?.kind === 'saas' ? environment.stage : 'prod']
  const sso = get('sso-url')
  if (sso !== undefined) endpoints.ssoTokenUrl = sso
  // A custom environment without sso-url is a problem (requirements.ts), unless no secret is used.
  else if (!reader.has('sso-url') && !(custom && usesClientSecret(context)))
    endpoints.ssoTokenUrl = stage.ssoTokenUrl
  const accountApi = get('account-api-url')
  if (accountApi !== undefined) endpoints.accountApiUrl = accountApi
  else if (!reader.has('account-api-url') && !custom)
    endpoints.accountApiUrl = stage.accountApiUrl
  return endpoints
}

/** token-scopes (checked against the catalogue and allowed-scopes), allowed-scopes, oauth-scopes. */
async function readToken(
  reader: InputReader,
  context: FieldContext
): Promise<Pick<Inputs, 'tokenScopes' | 'allowedScopes' | 'oauthScopes'>> {
  const tokenScopes = reader.list('token-scopes')
  const allowedScopes = reader.list('allowed-scopes')
  const checkScopes = async (
    name: string,
    scopes: string[],
    kind: ScopeKind
  ): Promise<void> => {
    const unknown = scopes.filter((scope) => !isCurrentScope(scope, kind))
    if (unknown.length === 0) return
    // Loaded on demand: only an unknown or retired scope needs the checks and suggestions.
    const { checkScope } = await import('./scope-check.js')
    for (const scope of unknown) {
      const problem = checkScope(scope, kind)
      if (!problem) continue
      const text = reader.clean(problem.message, 500)
      if (problem.severity === 'error') reader.problem(name, text)
      else reader.warn(name, text)
    }
  }
  if (mintsOrPlans(context.mode) && context.tokenType !== 'none') {
    const kind = context.tokenType === 'platform' ? 'platform' : 'classic'
    await checkScopes('token-scopes', tokenScopes, kind)
    if (allowedScopes.length > 0) {
      for (const scope of tokenScopes.filter((s) => !allowedScopes.includes(s)))
        reader.problem(
          'token-scopes',
          `${reader.show(scope)} is not in allowed-scopes (${reader.show(allowedScopes.join(', '))}). Remove it or add it to allowed-scopes.`
        )
    }
  }
  const oauthScopes = reader.list('oauth-scopes')
  if (usesClientSecret(context))
    await checkScopes('oauth-scopes', oauthScopes, 'oauth')
  return { tokenScopes, allowedScopes, oauthScopes }
}

/** The token's name, lifetime and hand-off; sweep, audit and connection settings. */
function readTheRest(
  reader: InputReader,
  get: Get
): Pick<
  Inputs,
  | 'tokenName'
  | 'tokenLifetimeSeconds'
  | 'exportVariable'
  | 'platformTokenOwner'
  | 'revoke'
  | 'outputAccessToken'
  | 'timeoutSeconds'
  | 'maxRetries'
  | 'audit'
  | 'sweep'
> {
  const sweep: SweepInputs = {
    prefix: get('sweep-prefix') || defaultSweepPrefix()
  }
  const olderThan = get('sweep-older-than')
  if (olderThan !== undefined) sweep.olderThanSeconds = olderThan
  const audit: AuditInputs = {
    paths: reader.list('audit-paths', ['.github/workflows']),
    failOn: get('audit-fail-on'),
    ownInputs: new Map()
  }
  const manifest = reader.read('monaco-manifest')
  if (manifest !== '') audit.monacoManifest = manifest
  const monacoEnvironment = reader.list('monaco-environment')
  if (monacoEnvironment.length > 0) audit.monacoEnvironment = monacoEnvironment
  const rest: ReturnType<typeof readTheRest> = {
    tokenName: get('token-name') || defaultTokenName(),
    tokenLifetimeSeconds: get('token-lifetime'),
    revoke: get('revoke'),
    outputAccessToken: get('output-access-token'),
    timeoutSeconds: get('timeout-seconds'),
    maxRetries: get('max-retries'),
    audit,
    sweep
  }
  const exportVariable = get('export-variable')
  if (exportVariable !== undefined) rest.exportVariable = exportVariable
  const owner = get('platform-token-owner')
  if (owner !== undefined) rest.platformTokenOwner = owner
  return rest
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
