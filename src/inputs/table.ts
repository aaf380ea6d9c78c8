/**
 * Every input with a value check, in one table: the step reads each through its entry and
 * the audit re-checks a workflow's literal values with the same entries. Adding an input
 * with a check is one entry here (and its line in action.yml).
 */
import {
  environmentUrl,
  ssoUrl,
  accountApiUrl,
  type EnvironmentTarget
} from './endpoints.js'
import {
  AUTHS,
  FAIL_ON,
  MODES,
  Problem,
  TOKEN_TYPES,
  accountUrn,
  boolean,
  clientId,
  clientSecret,
  environmentId,
  exportVariable,
  integer,
  oneLine,
  oneOf,
  sweepAge,
  tokenId,
  tokenLifetime,
  userUuid,
  type Auth,
  type Mode,
  type Show,
  type TokenType
} from './fields.js'

/** What the checks of the other inputs depend on, read first. */
export interface FieldContext {
  mode: Mode
  auth: Auth
  tokenType: TokenType
  allowCustomEndpoints: boolean
  /** environment-url, when it is set and valid. */
  environment?: EnvironmentTarget | undefined
}

/** An input's check in context, and when the step checks it at all. */
export interface ContextField<T> {
  fallback: T
  check(text: string, show: Show, context: FieldContext): T | Problem
  /** The step checks the input only then (absent: always). */
  when?: (context: FieldContext) => boolean
}

/** The OAuth client's ID and secret are needed (not in audit, not with github-oidc). */
export const usesClientSecret = (
  c: Pick<FieldContext, 'mode' | 'auth'>
): boolean => c.mode !== 'audit' && c.auth !== 'github-oidc'

/** The inputs the other checks depend on. */
export const CONTEXT_FIELDS = {
  mode: oneOf(MODES),
  'token-type': oneOf(TOKEN_TYPES),
  auth: oneOf(AUTHS),
  'allow-custom-endpoints': boolean(false)
} as const

/** The environment-id an environment-url of SaaS names: the two must agree. */
const matchingEnvironmentId: ContextField<string | undefined>['check'] = (
  text,
  show,
  { environment }
) =>
  environment?.kind === 'saas'
    ? text === environment.environmentId
      ? text
      : new Problem(
          `${show(text)} does not match the ID "${environment.environmentId}" in environment-url; leave environment-id empty for Dynatrace URLs.`
        )
    : environmentId.check(text, show)

export const FIELDS = {
  'client-id': { ...clientId, when: usesClientSecret },
  'client-secret': { ...clientSecret, when: usesClientSecret },
  'oidc-audience': {
    ...oneLine(),
    when: (c: FieldContext) => c.auth === 'github-oidc' && c.mode !== 'audit'
  },
  'account-urn': accountUrn,
  'environment-url': {
    fallback: undefined,
    check: (text: string, show: Show, c: FieldContext) =>
      environmentUrl(c.allowCustomEndpoints)(text, show)
  },
  'environment-id': { fallback: undefined, check: matchingEnvironmentId },
  'sso-url': {
    fallback: undefined,
    check: (text: string, show: Show, c: FieldContext) =>
      ssoUrl(c.allowCustomEndpoints)(text, show)
  },
  'account-api-url': {
    fallback: undefined,
    check: (text: string, show: Show, c: FieldContext) =>
      accountApiUrl(c.allowCustomEndpoints)(text, show)
  },
  'token-lifetime': tokenLifetime,
  'token-name': oneLine(),
  'export-variable': exportVariable,
  'platform-token-owner': userUuid,
  'token-id': { ...tokenId, when: (c: FieldContext) => c.mode === 'revoke' },
  'sweep-prefix': oneLine(),
  'sweep-older-than': sweepAge,
  revoke: boolean(true),
  'output-access-token': boolean(false),
  'timeout-seconds': integer(120, 5, 3600),
  'max-retries': integer(4, 0, 10),
  'audit-fail-on': oneOf(FAIL_ON)
} satisfies Record<string, ContextField<unknown>>

export type FieldName = keyof typeof FIELDS

/** The inputs whose checks need the context (the audit skips them when it is unknown). */
export const CONTEXTUAL: ReadonlySet<string> = new Set<FieldName>([
  'client-id',
  'client-secret',
  'oidc-audience',
  'environment-url',
  'environment-id',
  'sso-url',
  'account-api-url',
  'token-id'
])
