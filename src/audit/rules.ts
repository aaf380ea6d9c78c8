/**
 * The rules for one step's inputs: scopes (unknown, deprecated, retired, escalation, not
 * allowed), lifetime, revocation, export, and the IAM inputs (see policies.ts). The same
 * code audits a step found in a workflow and the audit step's own inputs.
 */
import { formatDuration } from '../duration.js'
import { federationRefusals } from '../federation.js'
import {
  Problem,
  parseList,
  tokenLifetime,
  tokenTypeOf
} from '../inputs/fields.js'
import { unmetRequirements, type Situation } from '../inputs/requirements.js'
import {
  CONTEXTUAL,
  CONTEXT_FIELDS,
  FIELDS,
  type ContextField,
  type FieldContext
} from '../inputs/table.js'
import { checkScope } from '../scope-check.js'
import {
  CLASSIC_LEGACY_SCOPES,
  RETIRED_SCOPE_PREFIXES,
  lookup,
  type ScopeKind
} from '../scopes.js'
import { DEPRECATED_SCOPES, ESCALATION_SCOPES } from './scope-data.js'
import { finding, type Finding } from './findings.js'
import { auditBindings, auditPolicies } from './policies.js'
import { hasExpression, locate, show, where, type Value } from './values.js'

/** Tokens living longer than this are reported as `long-lifetime`. */
export const LONG_LIFETIME_SECONDS = 24 * 3600

/** A location in a workflow file (both absent for this step's own inputs). */
export interface Where {
  file?: string
  line?: number
}

/** The inputs of one step, as written. */
export interface StepUnderAudit {
  values: ReadonlyMap<string, Value>
  /** True for the audit step's own inputs (no file, no line; messages say "This step's"). */
  own: boolean
  /** Where the step is. */
  where: Where
  /** Inputs present but not judgeable for another reason (a list or map, reported elsewhere). */
  unjudgeable?: ReadonlySet<string>
  /**
   * Whether the step's job grants `id-token: write` (absent: not known, e.g. a reusable
   * workflow whose caller decides, or this step's own inputs).
   */
  idToken?: 'write' | 'none'
  /** The job, for messages. */
  job?: string
  /** Inputs that carried a literal secret, blanked in `values` (hideLiteralSecrets). */
  secretCarriers?: readonly string[]
}

/** Settings of the audit itself (the audit step's inputs). */
export interface AuditSettings {
  /** The audit step's allowed-scopes: the only list that can accept an escalation scope. */
  allowedScopes: readonly string[]
}

/** The token a step would mint, for the Monaco and drift checks. */
export interface TokenPlan {
  type: 'classic' | 'platform'
  scopes: { scope: string; where: Where }[]
  /** The token-scopes value (or the step, when it has none). */
  where: Where
  /** token-scopes empty with monaco-manifest: the step derives its scopes from the project. */
  derived?: boolean
}

/** A short list for a message: the first few entries of a long one. */
export function shortList(items: readonly string[]): string {
  const shown = items.slice(0, 8).map((s) => show(s, 60))
  return items.length > 8 ? `${shown.join(', ')}, …` : shown.join(', ')
}

/** The context the step's checks run in, when every input of it is literal. */
const DEFAULT_CONTEXT: FieldContext = {
  mode: 'mint',
  auth: 'client-credentials',
  tokenType: 'classic',
  allowCustomEndpoints: false
}

/** What the rules know of a step's mode, auth and token type (undefined: not literal, or refused). */
interface StepContext {
  mode?: FieldContext['mode'] | undefined
  auth?: FieldContext['auth'] | undefined
  tokenType?: FieldContext['tokenType'] | undefined
  allowCustomEndpoints?: boolean | undefined
}

/** One step's inputs as the rules read them, and the findings so far. */
class StepInputs {
  readonly findings: Finding[] = []
  constructor(readonly step: StepUnderAudit) {}

  label(input: string): string {
    return this.step.own ? `This step's ${input}` : input
  }

  /** A value to judge; undefined when absent or (with a notice) set by an expression. */
  read(input: string): { value?: Value; expression: boolean } {
    const value = this.quiet(input)
    if (value.expression && value.value) {
      this.findings.push(
        finding(
          'expression-value',
          `${this.label(input)}: ${show(value.value.text)} is set by an expression, which an offline audit cannot evaluate, so it cannot be proven safe and was not checked. Write the value literally in the step to have it audited (to vary it, use separate steps or jobs with literal values, not vars, secrets or matrix expressions).`,
          where(value.value)
        )
      )
      return { expression: true }
    }
    return value
  }

  /** The same without the notice (for inputs whose expressions are expected, like secrets). */
  quiet(input: string): { value?: Value; expression: boolean } {
    if (this.step.unjudgeable?.has(input)) return { expression: true }
    const value = this.step.values.get(input)
    if (value === undefined) return { expression: false }
    return hasExpression(value.text)
      ? { value, expression: true }
      : { value, expression: false }
  }

  /** Whether the step sets the input (an expression or a list counts as set). */
  has(input: string): boolean {
    const { value, expression } = this.quiet(input)
    return expression || (value?.text.trim() ?? '') !== ''
  }

  invalid(input: string, value: Value | undefined, text: string): void {
    this.findings.push(
      finding('invalid-value', `${this.label(input)}: ${text}`, {
        ...this.step.where,
        ...where(value)
      })
    )
  }

  /** What the step itself would refuse, in its words. */
  refused(input: string, value: Value | undefined, message: string): void {
    this.invalid(input, value, `${message} The step would fail.`)
  }
}

/** A context input's value: its fallback when empty; undefined when not literal or refused. */
function contextInput<T>(
  r: StepInputs,
  input: string,
  field: ContextField<T>,
  notice: boolean
): { value?: T; refused?: true } {
  const { value, expression } = notice ? r.read(input) : r.quiet(input)
  if (expression) return {}
  const text = value?.text.trim() ?? ''
  if (text === '') return { value: field.fallback }
  const checked = field.check(text, show, DEFAULT_CONTEXT)
  if (!(checked instanceof Problem)) return { value: checked }
  r.refused(input, value, checked.message)
  return { refused: true }
}

/**
 * Every literal value the step checks, checked as the step checks it (./inputs/table.ts),
 * and the inputs its mode, auth and token type require (./inputs/requirements.ts).
 */
function checkValues(r: StepInputs, context: StepContext): void {
  const { mode, auth, tokenType, allowCustomEndpoints } = context
  const known: FieldContext | undefined =
    mode && auth && tokenType && allowCustomEndpoints !== undefined
      ? { mode, auth, tokenType, allowCustomEndpoints }
      : undefined
  const environment = known && literalText(r, 'environment-url')
  if (known && environment) {
    const target = FIELDS['environment-url'].check(environment, show, known)
    if (!(target instanceof Problem)) known.environment = target
  }
  const fields: [string, ContextField<unknown>][] = Object.entries(FIELDS)
  for (const [input, field] of fields) {
    const text = literalText(r, input)
    if (text === undefined) continue
    if (!known && (field.when || CONTEXTUAL.has(input))) continue
    if (known && field.when && !field.when(known)) continue
    const checked = field.check(text, show, known ?? DEFAULT_CONTEXT)
    if (checked instanceof Problem)
      r.refused(input, r.quiet(input).value, checked.message)
  }
  // With mode, auth, token-type or allow-custom-endpoints set by an expression, which
  // inputs the step requires is not known offline: none is reported rather than guessed.
  if (known) checkRequirements(r, known)
}

/** A literal, non-empty value's text (trimmed, as the runner passes it); else undefined. */
function literalText(r: StepInputs, input: string): string | undefined {
  const { value, expression } = r.quiet(input)
  const text = value?.text.trim() ?? ''
  return expression || text === '' ? undefined : text
}

/**
 * The inputs the step's mode, auth and token type require, from the same table. An input
 * set by an expression counts as given, and a rule that depends on its value (token-id's
 * kind, environment-url's) does not fire on it.
 */
function checkRequirements(r: StepInputs, context: FieldContext): void {
  // The step reads token-id only in revoke mode (its `when`).
  const tokenId = FIELDS['token-id'].when(context)
    ? literalText(r, 'token-id')
    : undefined
  const scopes = r.quiet('token-scopes')
  const situation: Situation = {
    ...context,
    has: (input) => r.has(input),
    text: (input) => r.quiet(input).value?.text.trim() ?? '',
    customEnvironment: context.environment?.kind === 'custom',
    scopesListed:
      scopes.expression || parseList(scopes.value?.text ?? '').length > 0,
    revokes:
      tokenId === undefined ||
      FIELDS['token-id'].check(tokenId, show) instanceof Problem
        ? undefined
        : tokenTypeOf(tokenId)
  }
  for (const { input, message } of unmetRequirements(situation, show))
    r.refused(input, r.quiet(input).value, message)
}

/** Audit one step's inputs. Returns its findings and the token it would mint, if any. */
export function auditStep(
  step: StepUnderAudit,
  settings: AuditSettings
): { findings: Finding[]; token?: TokenPlan } {
  const r = new StepInputs(step)
  for (const input of step.secretCarriers ?? [])
    r.refused(
      input,
      r.quiet(input).value,
      'contains the client secret (value hidden). Pass the secret only as client-secret.'
    )
  const mode = contextInput(r, 'mode', CONTEXT_FIELDS.mode, true)
  if (mode.refused) return { findings: r.findings }
  // An audit step is audited when it runs; revoke and sweep steps mint nothing.
  const mints =
    mode.value !== 'audit' && mode.value !== 'revoke' && mode.value !== 'sweep'
  const context: StepContext = {
    mode: mode.value,
    tokenType: contextInput(
      r,
      'token-type',
      CONTEXT_FIELDS['token-type'],
      mints
    ).value,
    auth: contextInput(r, 'auth', CONTEXT_FIELDS.auth, mints).value,
    allowCustomEndpoints: contextInput(
      r,
      'allow-custom-endpoints',
      CONTEXT_FIELDS['allow-custom-endpoints'],
      false
    ).value
  }
  // This step's own inputs passed the step's checks already.
  if (!step.own) checkValues(r, context)
  if (!mints) {
    // Revoke and sweep steps authenticate too: the same permission and refusals.
    if (context.auth === 'github-oidc') auditOidc(r, context)
    return { findings: r.findings }
  }

  const token = auditToken(r, settings, context.tokenType)
  auditLifetime(r, context.tokenType !== 'none')
  auditAuth(r, context)
  auditIam(r)
  return token ? { findings: r.findings, token } : { findings: r.findings }
}

/** The scopes of the token the step mints: names, escalation, allow-lists; the token's plan. */
function auditToken(
  r: StepInputs,
  settings: AuditSettings,
  type: FieldContext['tokenType'] | undefined
): TokenPlan | undefined {
  const { step } = r
  if (type === 'none') return undefined
  const kind: ScopeKind | undefined = type
  const stepAllowed = step.own ? undefined : r.read('allowed-scopes').value
  const stepAllowList = stepAllowed ? parseList(stepAllowed.text) : []
  const scopesInput = r.read('token-scopes')
  const value = scopesInput.value
  const scopes = value ? parseList(value.text) : []
  const label = r.label('token-scopes')
  for (const scope of scopes) {
    if (!value) break
    const at = locate(value, scope)
    r.findings.push(
      ...checkScopeName(label, scope, kind, at),
      ...checkEscalation(label, scope, settings, at),
      ...checkAllowed(label, scope, settings.allowedScopes, stepAllowList, at)
    )
  }
  if (type === undefined) return undefined
  // With monaco-manifest, empty token-scopes are derived from the Monaco project.
  const manifest = step.own ? undefined : step.values.get('monaco-manifest')
  if (!scopesInput.expression && scopes.length === 0 && manifest?.text.trim())
    return {
      type,
      scopes: [],
      where: { ...step.where, ...where(value ?? manifest) },
      derived: true
    }
  if (!value) return undefined
  return {
    type,
    scopes: scopes.map((scope) => ({ scope, where: locate(value, scope) })),
    where: { ...step.where, ...where(value) }
  }
}

/** long-lifetime, revoke-disabled and export-variable (invalid values are checkValues' part). */
function auditLifetime(r: StepInputs, mintsToken: boolean): void {
  const lifetimeInput = r.read('token-lifetime')
  const revoke = r.read('revoke')
  const exported = r.read('export-variable')
  if (!mintsToken) return
  let lifetime = 3600
  const text = lifetimeInput.value?.text.trim() || '1h'
  const seconds = lifetimeInput.value
    ? tokenLifetime.check(text, show)
    : undefined
  if (typeof seconds === 'number') {
    lifetime = seconds
    if (seconds > LONG_LIFETIME_SECONDS) {
      r.findings.push(
        finding(
          'long-lifetime',
          // This step's own lifetime as the step read it; a workflow's as written.
          `${r.label('token-lifetime')}: ${show(r.step.own ? formatDuration(seconds) : text)} is longer than ${LONG_LIFETIME_SECONDS / 3600} hours, so a leaked token stays valid that long. Use the shortest lifetime the job needs (e.g. 30m or 1h); a longer one gains nothing when the token is revoked at the end of the job.`,
          where(lifetimeInput.value)
        )
      )
    }
  }
  if (revoke.value && /^(false|False|FALSE)$/.test(revoke.value.text.trim())) {
    r.findings.push(
      finding(
        'revoke-disabled',
        `${r.label('revoke')}: false leaves the token valid after the job until it expires (${formatDuration(lifetime)}). Remove revoke: false, or revoke the token in a later job with mode: revoke and token-id.`,
        where(revoke.value)
      )
    )
  }
  if (exported.value && exported.value.text.trim() !== '') {
    r.findings.push(
      finding(
        'export-variable',
        `${r.label('export-variable')}: ${show(exported.value.text.trim(), 40)} puts the token in the environment of every later step of this job, third-party actions included. Prefer passing steps.<id>.outputs.token to just the steps that need it.`,
        where(exported.value)
      )
    )
  }
}

/**
 * A step with auth: github-oidc: its job must grant id-token: write, and it must not ask
 * for what only Account Management serves — the same refusals as the step itself makes,
 * from the same decision (federationRefusals).
 */
function auditOidc(r: StepInputs, context: StepContext): void {
  const { step } = r
  const { mode, tokenType } = context
  const authValue = r.quiet('auth').value
  if (step.idToken === 'none') {
    r.findings.push(
      finding(
        'oidc-permission',
        `auth: github-oidc needs a GitHub ID token, but job ${show(step.job ?? '?', 60)} does not grant the permission id-token: write, so the step would fail. Add to the job: permissions: { id-token: write, contents: read }.`,
        { ...step.where, ...where(authValue) }
      )
    )
  }
  const tokenId = mode === 'revoke' ? literalText(r, 'token-id') : undefined
  for (const refusal of federationRefusals({
    tokenType:
      mode === 'revoke' || mode === 'sweep' ? 'none' : (tokenType ?? ''),
    iam: r.has('policies') || r.has('bindings'),
    sweepsPlatformTokens: mode === 'sweep' && tokenType === 'platform',
    revokesPlatformToken:
      tokenId !== undefined &&
      !(FIELDS['token-id'].check(tokenId, show) instanceof Problem) &&
      tokenTypeOf(tokenId) === 'platform'
  })) {
    r.invalid('auth', authValue, `github-oidc: ${refusal}`)
  }
}

/** auth: github-oidc's permission and refusals; prefer-oidc for a secret that need not be. */
function auditAuth(r: StepInputs, context: StepContext): void {
  const { step } = r
  const { auth, tokenType } = context
  const iam = r.has('policies') || r.has('bindings')
  if (auth === 'github-oidc') {
    auditOidc(r, context)
  } else if (
    auth !== undefined &&
    !step.own &&
    r.has('client-secret') &&
    tokenType !== undefined &&
    tokenType !== 'platform' &&
    !iam
  ) {
    r.findings.push(
      finding(
        'prefer-oidc',
        `This step uses an OAuth client secret for a ${tokenType === 'none' ? 'bearer only' : 'classic token'} and no IAM work, which auth: github-oidc does with no Dynatrace secret at all (a workload identity federation trust for this repository, and permissions: id-token: write on the job). See the README's "No Dynatrace secret at all" section.`,
        { ...step.where, ...where(r.quiet('client-secret').value) }
      )
    )
  }
}

/** The SSO scopes' names, and the IAM inputs (./policies.ts). */
function auditIam(r: StepInputs): void {
  const oauth = r.read('oauth-scopes').value
  if (oauth) {
    for (const scope of parseList(oauth.text)) {
      r.findings.push(
        ...checkScopeName(
          r.label('oauth-scopes'),
          scope,
          'oauth',
          locate(oauth, scope)
        )
      )
    }
  }
  const policies = r.read('policies').value
  if (policies) r.findings.push(...auditPolicies(policies, r.label('policies')))
  const bindings = r.read('bindings').value
  if (bindings) r.findings.push(...auditBindings(bindings, r.label('bindings')))
}

/** unknown-scope, retired-scope and deprecated-scope for one name. */
export function checkScopeName(
  input: string,
  scope: string,
  kind: ScopeKind | undefined,
  at: Where
): Finding[] {
  const out: Finding[] = []
  const retiredPrefix = Object.keys(RETIRED_SCOPE_PREFIXES).find((p) =>
    scope.startsWith(p)
  )
  if (retiredPrefix !== undefined) {
    out.push(
      finding(
        'retired-scope',
        `${input}: ${show(scope)} no longer works: ${lookup(RETIRED_SCOPE_PREFIXES, retiredPrefix)}. Remove it.`,
        at,
        scope
      )
    )
    return out
  }
  if (kind === 'classic' && CLASSIC_LEGACY_SCOPES.includes(scope)) {
    out.push(
      finding(
        'retired-scope',
        `${input}: ${show(scope)} is a legacy scope that can no longer be given to new tokens. Remove it (see Dynatrace's API token scope list for its successor).`,
        at,
        scope
      )
    )
    return out
  }
  const problem = kind ? checkScope(scope, kind) : undefined
  if (problem) {
    const fix =
      problem.severity === 'error' && problem.suggestions.length === 0
        ? ' Fix the name (see the Dynatrace scope list) or remove it.'
        : ''
    out.push(
      finding(
        'unknown-scope',
        `${input}: ${problem.message}${fix}`,
        at,
        scope,
        problem.severity
      )
    )
  }
  const replacement = lookup(DEPRECATED_SCOPES, scope)
  if (replacement !== undefined) {
    out.push(
      finding(
        'deprecated-scope',
        `${input}: ${show(scope)} is deprecated; use ${show(replacement)} instead, which grants the same access.`,
        at,
        scope
      )
    )
  }
  return out
}

function checkEscalation(
  input: string,
  scope: string,
  settings: AuditSettings,
  at: Where
): Finding[] {
  const power = lookup(ESCALATION_SCOPES, scope)
  if (power === undefined || settings.allowedScopes.includes(scope)) return []
  return [
    finding(
      'escalation-scope',
      `${input}: ${show(scope)} lets the minted token ${power}, so any later step of the job could create credentials that outlive it or widen access. Remove it; if a step really needs it, accept it by listing it in the audit step's allowed-scopes.`,
      at,
      scope
    )
  ]
}

function checkAllowed(
  input: string,
  scope: string,
  auditList: readonly string[],
  stepList: readonly string[],
  at: Where
): Finding[] {
  const outsideAudit = auditList.length > 0 && !auditList.includes(scope)
  const outsideStep = stepList.length > 0 && !stepList.includes(scope)
  if (!outsideAudit && !outsideStep) return []
  const lists: string[] = []
  if (outsideAudit)
    lists.push(`the audit's allowed-scopes (${shortList(auditList)})`)
  if (outsideStep) {
    lists.push(
      `this step's own allowed-scopes (${shortList(stepList)}), so the step would fail`
    )
  }
  return [
    finding(
      'scope-not-allowed',
      `${input}: ${show(scope)} is not in ${lists.join(' nor in ')}. Remove it, or add it to allowed-scopes if the job really needs it.`,
      at,
      scope
    )
  ]
}
