/**
 * The rules for one step's inputs: scopes (unknown, deprecated, retired, escalation, not
 * allowed), lifetime, revocation, export, and the IAM inputs (see policies.ts). The same
 * code audits a step found in a workflow and the audit step's own inputs.
 */
import { formatDuration, parseDuration } from '../duration.js'
import { federationRefusals } from '../federation.js'
import { MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS } from '../inputs.js'
import {
  CLASSIC_LEGACY_SCOPES,
  DEPRECATED_SCOPES,
  ESCALATION_SCOPES,
  RETIRED_SCOPE_PREFIXES,
  checkScope,
  lookup,
  parseList,
  type ScopeKind
} from '../scopes.js'
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

const MODES = ['mint', 'plan', 'audit', 'revoke', 'sweep']
const AUTHS = ['client-credentials', 'github-oidc']
const TOKEN_TYPES = ['classic', 'platform', 'none']
const TRUE = /^(true|True|TRUE)$/
const FALSE = /^(false|False|FALSE)$/

/** A short list for a message: the first few entries of a long one. */
export function shortList(items: readonly string[]): string {
  const shown = items.slice(0, 8).map((s) => show(s, 60))
  return items.length > 8 ? `${shown.join(', ')}, …` : shown.join(', ')
}

/** Audit one step's inputs. Returns its findings and the token it would mint, if any. */
export function auditStep(
  step: StepUnderAudit,
  settings: AuditSettings
): { findings: Finding[]; token?: TokenPlan } {
  const findings: Finding[] = []
  const label = (input: string): string =>
    step.own ? `This step's ${input}` : input

  /** A value to judge; undefined when absent or (with a notice) set by an expression. */
  const read = (input: string): { value?: Value; expression: boolean } => {
    if (step.unjudgeable?.has(input)) return { expression: true }
    const value = step.values.get(input)
    if (value === undefined) return { expression: false }
    if (hasExpression(value.text)) {
      findings.push(
        finding(
          'expression-value',
          `${label(input)}: ${show(value.text)} is set by an expression, which an offline audit cannot evaluate, so it cannot be proven safe and was not checked. Write the value literally in the step to have it audited (to vary it, use separate steps or jobs with literal values, not vars, secrets or matrix expressions).`,
          where(value)
        )
      )
      return { expression: true }
    }
    return { value, expression: false }
  }
  const invalid = (
    input: string,
    value: Value | undefined,
    text: string
  ): void => {
    findings.push(
      finding('invalid-value', `${label(input)}: ${text}`, {
        ...step.where,
        ...where(value)
      })
    )
  }

  const mode = read('mode')
  const modeText = mode.value?.text.trim() || 'mint'
  if (!mode.expression && !MODES.includes(modeText)) {
    invalid(
      'mode',
      mode.value,
      `${show(modeText)} is not one of ${MODES.join(', ')}; the step would fail.`
    )
    return { findings }
  }
  // An audit step is audited when it runs; revoke and sweep steps mint nothing.
  if (
    !mode.expression &&
    (modeText === 'audit' || modeText === 'revoke' || modeText === 'sweep')
  ) {
    return { findings }
  }

  const type = read('token-type')
  const typeText = type.value?.text.trim() || 'classic'
  let kind: ScopeKind | undefined
  if (!type.expression) {
    if (TOKEN_TYPES.includes(typeText)) {
      kind = typeText === 'platform' ? 'platform' : 'classic'
    } else {
      invalid(
        'token-type',
        type.value,
        `${show(typeText)} is not one of ${TOKEN_TYPES.join(', ')}; the step would fail.`
      )
    }
  }
  const mintsToken = type.expression || typeText !== 'none'

  // --- token-scopes ------------------------------------------------------------------
  let token: TokenPlan | undefined
  const stepAllowed = step.own ? undefined : read('allowed-scopes')
  const stepAllowList =
    stepAllowed?.value !== undefined ? parseList(stepAllowed.value.text) : []
  if (mintsToken) {
    const scopesInput = read('token-scopes')
    const value = scopesInput.value
    const scopes = value ? parseList(value.text) : []
    // With monaco-manifest, empty token-scopes are derived from the Monaco project.
    const manifest = step.own ? undefined : step.values.get('monaco-manifest')
    const derives =
      !scopesInput.expression &&
      scopes.length === 0 &&
      manifest !== undefined &&
      manifest.text.trim() !== ''
    if (
      !step.own &&
      !scopesInput.expression &&
      scopes.length === 0 &&
      !derives
    ) {
      invalid(
        'token-scopes',
        value,
        `is ${value ? 'empty' : 'missing'}; the step would fail. List the scopes of the token, e.g. ${typeText === 'platform' ? 'settings:objects:read, settings:objects:write' : 'ReadConfig, WriteConfig, settings.read, settings.write'}.`
      )
    }
    if (value) {
      for (const scope of scopes) {
        const at = locate(value, scope)
        findings.push(
          ...checkScopeName(label('token-scopes'), scope, kind, at),
          ...checkEscalation(label('token-scopes'), scope, settings, at),
          ...checkAllowed(
            label('token-scopes'),
            scope,
            settings.allowedScopes,
            stepAllowList,
            at
          )
        )
      }
      if (kind && typeText !== 'none' && !derives) {
        token = {
          type: typeText === 'platform' ? 'platform' : 'classic',
          scopes: scopes.map((scope) => ({
            scope,
            where: locate(value, scope)
          })),
          where: { ...step.where, ...where(value) }
        }
      }
    }
    if (derives && kind && typeText !== 'none') {
      token = {
        type: typeText === 'platform' ? 'platform' : 'classic',
        scopes: [],
        where: { ...step.where, ...where(value ?? manifest) },
        derived: true
      }
    }
  }

  // --- lifetime and revocation ---------------------------------------------------------
  let lifetime = 3600
  const lifetimeInput = read('token-lifetime')
  if (mintsToken && lifetimeInput.value) {
    const text = lifetimeInput.value.text.trim() || '1h'
    const seconds = parseDuration(text)
    if (seconds === undefined) {
      invalid(
        'token-lifetime',
        lifetimeInput.value,
        `${show(text)} is not a duration such as 30m, 2h or 1d; the step would fail.`
      )
    } else if (
      seconds < MIN_LIFETIME_SECONDS ||
      seconds > MAX_LIFETIME_SECONDS
    ) {
      invalid(
        'token-lifetime',
        lifetimeInput.value,
        `${show(text)} is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to ${formatDuration(MAX_LIFETIME_SECONDS)}; the step would fail.`
      )
    } else {
      lifetime = seconds
      if (seconds > LONG_LIFETIME_SECONDS) {
        findings.push(
          finding(
            'long-lifetime',
            `${label('token-lifetime')}: ${show(text)} is longer than ${LONG_LIFETIME_SECONDS / 3600} hours, so a leaked token stays valid that long. Use the shortest lifetime the job needs (e.g. 30m or 1h); a longer one gains nothing when the token is revoked at the end of the job.`,
            where(lifetimeInput.value)
          )
        )
      }
    }
  }
  const revoke = read('revoke')
  if (mintsToken && revoke.value) {
    const text = revoke.value.text.trim()
    if (FALSE.test(text)) {
      findings.push(
        finding(
          'revoke-disabled',
          `${label('revoke')}: false leaves the token valid after the job until it expires (${formatDuration(lifetime)}). Remove revoke: false, or revoke the token in a later job with mode: revoke and token-id.`,
          where(revoke.value)
        )
      )
    } else if (text !== '' && !TRUE.test(text)) {
      invalid(
        'revoke',
        revoke.value,
        `${show(text)} is not a boolean (true or false); the step would fail.`
      )
    }
  }
  const exported = read('export-variable')
  if (mintsToken && exported.value && exported.value.text.trim() !== '') {
    findings.push(
      finding(
        'export-variable',
        `${label('export-variable')}: ${show(exported.value.text.trim(), 40)} puts the token in the environment of every later step of this job, third-party actions included. Prefer passing steps.<id>.outputs.token to just the steps that need it.`,
        where(exported.value)
      )
    )
  }

  // --- credentials ------------------------------------------------------------------
  const auth = read('auth')
  const authText = auth.value?.text.trim() || 'client-credentials'
  const policiesSet = (step.values.get('policies')?.text.trim() ?? '') !== ''
  const bindingsSet = (step.values.get('bindings')?.text.trim() ?? '') !== ''
  if (!auth.expression && !AUTHS.includes(authText)) {
    invalid(
      'auth',
      auth.value,
      `${show(authText)} is not one of ${AUTHS.join(', ')}; the step would fail.`
    )
  } else if (!auth.expression && authText === 'github-oidc') {
    if (step.idToken === 'none') {
      findings.push(
        finding(
          'oidc-permission',
          `auth: github-oidc needs a GitHub ID token, but job ${show(step.job ?? '?', 60)} does not grant the permission id-token: write, so the step would fail. Add to the job: permissions: { id-token: write, contents: read }.`,
          { ...step.where, ...where(auth.value) }
        )
      )
    }
    // The same refusals as the step itself makes, from the same decision.
    for (const refusal of federationRefusals({
      tokenType: type.expression || modeText === 'revoke' ? '' : typeText,
      iam: policiesSet || bindingsSet
    })) {
      invalid('auth', auth.value, `github-oidc: ${refusal}`)
    }
  } else if (
    !auth.expression &&
    !step.own &&
    (step.values.get('client-secret')?.text.trim() ?? '') !== '' &&
    !type.expression &&
    typeText !== 'platform' &&
    !policiesSet &&
    !bindingsSet
  ) {
    const secret = step.values.get('client-secret')
    findings.push(
      finding(
        'prefer-oidc',
        `This step uses an OAuth client secret for a ${typeText === 'none' ? 'bearer only' : 'classic token'} and no IAM work, which auth: github-oidc does with no Dynatrace secret at all (a workload identity federation trust for this repository, and permissions: id-token: write on the job). See the README's "No Dynatrace secret at all" section.`,
        { ...step.where, ...where(secret) }
      )
    )
  }

  // --- SSO scopes and IAM --------------------------------------------------------------
  const oauth = read('oauth-scopes')
  if (oauth.value) {
    for (const scope of parseList(oauth.value.text)) {
      findings.push(
        ...checkScopeName(
          label('oauth-scopes'),
          scope,
          'oauth',
          locate(oauth.value, scope)
        )
      )
    }
  }
  const policies = read('policies')
  if (policies.value)
    findings.push(...auditPolicies(policies.value, label('policies')))
  const bindings = read('bindings')
  if (bindings.value)
    findings.push(...auditBindings(bindings.value, label('bindings')))

  return token ? { findings, token } : { findings }
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
