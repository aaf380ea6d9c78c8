/**
 * "X is required for Y": the inputs a step needs because of what it does (its mode, its
 * auth, its token type), in one table that the step checks and the audit re-checks.
 *
 * Every rule reads the step's inputs only (no environment variable, no runtime context),
 * so the audit applies each of them to a workflow's step. Keep it so: a rule that needs
 * what only the run knows has no place here, where the audit would guess it.
 */
import {
  ACCOUNT_URN_HELP,
  type Auth,
  type Mode,
  type Show,
  type TokenType
} from './fields.js'
import { usesClientSecret } from './table.js'

/** What a step does, as far as its inputs tell. */
export interface Situation {
  mode: Mode
  auth: Auth
  tokenType: TokenType
  /** Whether an input is set (an expression counts as set). */
  has(input: string): boolean
  /** An input's text, for a message. */
  text(input: string): string
  /** environment-url is a custom endpoint (no environment ID can be read from it). */
  customEnvironment: boolean
  /** token-scopes lists at least one scope. */
  scopesListed: boolean
  /** The kind of token a (valid) token-id names, in revoke mode. */
  revokes?: 'classic' | 'platform' | undefined
}

export interface Requirement {
  /** The input the problem is about. */
  input: string
  /** True when the step cannot run as configured. */
  violated(s: Situation): boolean
  message(s: Situation, show: Show): string
}

/** The step talks to Account Management: platform tokens, or IAM policies and bindings. */
const usesAccountManagement = (s: Situation): boolean =>
  (s.tokenType === 'platform' && (mintsToken(s) || s.mode === 'sweep')) ||
  s.revokes === 'platform' ||
  s.has('policies') ||
  s.has('bindings')

/** The step mints (or, in plan mode, would mint) a token. */
export const mintsToken = (s: Situation): boolean =>
  (s.mode === 'mint' || s.mode === 'plan') && s.tokenType !== 'none'

const FORKS =
  'Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there.'

/** Example scopes for a message about an empty token-scopes. */
const exampleScopes = (type: TokenType): string =>
  type === 'platform'
    ? 'settings:objects:read, settings:objects:write'
    : 'ReadConfig, WriteConfig, settings.read, settings.write'

export const REQUIREMENTS: readonly Requirement[] = [
  {
    input: 'client-id',
    violated: (s) => usesClientSecret(s) && !s.has('client-id'),
    message: () =>
      `is empty. Pass your OAuth client ID, e.g. client-id: \${{ secrets.DT_CLIENT_ID }}. ${FORKS}`
  },
  {
    input: 'client-secret',
    violated: (s) => usesClientSecret(s) && !s.has('client-secret'),
    message: () =>
      `is empty. Pass it from a secret, e.g. client-secret: \${{ secrets.DT_CLIENT_SECRET }}, and check the secret exists in this repository or environment. ${FORKS}`
  },
  {
    input: 'oidc-audience',
    violated: (s) =>
      s.auth === 'github-oidc' && s.mode !== 'audit' && !s.has('oidc-audience'),
    message: () =>
      'is required with auth: github-oidc. Pass the audience configured in the Dynatrace trust for GitHub (the aud its ID tokens must carry), e.g. oidc-audience: ${{ vars.DT_OIDC_AUDIENCE }}.'
  },
  {
    input: 'environment-id',
    violated: (s) => s.customEnvironment && !s.has('environment-id'),
    message: (s, show) =>
      `is required because environment-url ${show(s.text('environment-url'))} is a custom endpoint from which the environment ID cannot be read.`
  },
  {
    input: 'sso-url',
    violated: (s) =>
      s.customEnvironment && usesClientSecret(s) && !s.has('sso-url'),
    message: () =>
      'is required because environment-url is a custom endpoint; give the SSO token endpoint (e.g. https://sso.dynatrace.com/sso/oauth2/token).'
  },
  {
    input: 'account-api-url',
    violated: (s) =>
      s.customEnvironment &&
      usesAccountManagement(s) &&
      !s.has('account-api-url'),
    message: () =>
      'is required because environment-url is a custom endpoint and this step uses Account Management (platform tokens, IAM policies and bindings); give its URL (e.g. https://api.dynatrace.com).'
  },
  {
    input: 'token-scopes',
    // With monaco-manifest, empty token-scopes are derived from the project (src/monaco/derive.ts).
    violated: (s) =>
      mintsToken(s) && !s.scopesListed && !s.has('monaco-manifest'),
    message: (s) =>
      `is empty. List the scopes of the ${s.tokenType} token, e.g. ${exampleScopes(s.tokenType)}, or set monaco-manifest to derive them from a Monaco project.`
  },
  {
    input: 'environment-url',
    violated: (s) =>
      mintsToken(s) && s.tokenType === 'classic' && !s.has('environment-url'),
    message: () =>
      'is required for classic tokens (e.g. https://abc12345.apps.dynatrace.com).'
  },
  {
    input: 'account-urn',
    violated: (s) =>
      mintsToken(s) && s.tokenType === 'platform' && !s.has('account-urn'),
    message: () =>
      `is required for platform tokens (they are created through Account Management). ${ACCOUNT_URN_HELP}`
  },
  {
    input: 'environment-url',
    violated: (s) =>
      mintsToken(s) &&
      s.tokenType === 'platform' &&
      !s.has('environment-url') &&
      !s.has('environment-id'),
    message: () =>
      'is required for platform tokens (the token is limited to that environment); give environment-url or environment-id.'
  },
  {
    input: 'account-urn',
    violated: (s) =>
      (s.has('policies') || s.has('bindings') || s.mode === 'plan') &&
      usesClientSecret(s) &&
      !s.has('account-urn'),
    message: () =>
      `is required for IAM policies and bindings and for plan mode. ${ACCOUNT_URN_HELP}`
  },
  {
    input: 'token-id',
    violated: (s) => s.mode === 'revoke' && !s.has('token-id'),
    message: () =>
      'is required in revoke mode (pass steps.<id>.outputs.token-id of the step that minted it).'
  },
  {
    input: 'environment-url',
    violated: (s) => s.revokes === 'classic' && !s.has('environment-url'),
    message: () => 'is required to revoke a classic token.'
  },
  {
    input: 'account-urn',
    violated: (s) => s.revokes === 'platform' && !s.has('account-urn'),
    message: () => `is required to revoke a platform token. ${ACCOUNT_URN_HELP}`
  },
  {
    input: 'token-type',
    violated: (s) => s.mode === 'sweep' && s.tokenType === 'none',
    message: () =>
      'none has no tokens to sweep; use classic or platform (one sweep step per type).'
  },
  {
    input: 'environment-url',
    violated: (s) =>
      s.mode === 'sweep' &&
      s.tokenType === 'classic' &&
      !s.has('environment-url'),
    message: () => 'is required to sweep classic tokens.'
  },
  {
    input: 'account-urn',
    violated: (s) =>
      s.mode === 'sweep' && s.tokenType === 'platform' && !s.has('account-urn'),
    message: () => `is required to sweep platform tokens. ${ACCOUNT_URN_HELP}`
  },
  {
    input: 'monaco-environment',
    violated: (s) => s.has('monaco-environment') && !s.has('monaco-manifest'),
    message: () =>
      'is set, but monaco-manifest is empty; name the manifest whose environment it is.'
  }
]

/** The requirements a step breaks, as input and message. */
export function unmetRequirements(
  s: Situation,
  show: Show
): { input: string; message: string }[] {
  return REQUIREMENTS.filter((r) => r.violated(s)).map((r) => ({
    input: r.input,
    message: r.message(s, show)
  }))
}
