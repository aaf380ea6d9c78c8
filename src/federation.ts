/**
 * What `auth: github-oidc` can do, decided in this one place. The GitHub ID token is
 * presented as the bearer to the environment's platform APIs, as Dynatrace's Terraform
 * provider does (dynatrace-oss/terraform-provider-dynatrace, dynatrace/rest/wif). Whether
 * Account Management (api.dynatrace.com: IAM policies and bindings, platform tokens)
 * accepts such a token is not documented, and the provider's IAM client still uses an
 * OAuth client. If Dynatrace confirms it does, set this to true: nothing else changes.
 */
export const ACCOUNT_MANAGEMENT_ACCEPTS_FEDERATED_TOKENS = false

/** What a step with `auth: github-oidc` asks for that only Account Management serves. */
export interface AccountManagementUse {
  tokenType: string
  /** policies or bindings are set. */
  iam: boolean
  /** mode: sweep of platform tokens. */
  sweepsPlatformTokens?: boolean
  /** mode: revoke of a platform token ID. */
  revokesPlatformToken?: boolean
}

/**
 * Why `auth: github-oidc` cannot do this step's work, naming each input, or an empty
 * list when it can. Checked before any request, and by the audit.
 */
export function federationRefusals(use: AccountManagementUse): string[] {
  if (ACCOUNT_MANAGEMENT_ACCEPTS_FEDERATED_TOKENS) return []
  const why =
    'is served by Account Management, which is not known to accept a GitHub ID token (workload identity federation covers the environment’s platform APIs). Use auth: client-credentials for it, in a separate job that runs only after review (e.g. a protected environment), and keep auth: github-oidc for minting classic tokens or handing on the federated bearer (token-type: none).'
  const out: string[] = []
  if (use.iam) out.push(`policies / bindings: IAM work ${why}`)
  if (use.tokenType === 'platform')
    out.push(`token-type: platform: minting a platform token ${why}`)
  if (use.sweepsPlatformTokens)
    out.push(`mode: sweep: sweeping platform tokens ${why}`)
  if (use.revokesPlatformToken)
    out.push(`token-id: revoking a platform token ${why}`)
  return out
}
