import * as core from '@actions/core'
import { parseSaasEnvironmentUrl } from '../endpoints.js'
import type { Auth, Credentials } from '../inputs.js'
import { parseList } from './fields.js'
import type { Logger } from '../log.js'

/** What the post step reads of its inputs: what revoking the saved token needs. */
export interface PostInputs {
  auth: Auth
  /** auth: client-credentials. */
  credentials?: Credentials
  /** auth: github-oidc. */
  oidcAudience?: string
  /** Plain account UUID (lower-case), when account-urn is set. */
  accountUuid?: string
  endpoints: { environmentId?: string }
  oauthScopes: string[]
  timeoutSeconds: number
  maxRetries: number
}

/**
 * The post step's inputs. The runner gives post the inputs main had, and main validated
 * every one (readInputs in src/inputs.ts) before it saved a token: a run whose inputs
 * fail saves none, and then post reads no input at all. So this only reads the few a
 * revocation needs, the way readInputs reads them, without the checks and the scope
 * catalogues the post step would load for nothing. Masks the client secret first.
 */
export function readPostInputs(
  log: Logger,
  readInput: (name: string) => string = core.getInput
): PostInputs {
  const clientSecret = readInput('client-secret')
  log.addSecret(clientSecret)
  const auth: Auth =
    readInput('auth') === 'github-oidc' ? 'github-oidc' : 'client-credentials'
  const accountUrn = readInput('account-urn')
  const environmentUrl = readInput('environment-url')
  const environmentId =
    (URL.canParse(environmentUrl)
      ? parseSaasEnvironmentUrl(new URL(environmentUrl))?.environmentId
      : undefined) ?? readInput('environment-id')
  const number = (name: string, fallback: number): number => {
    const text = readInput(name)
    return text === '' ? fallback : Number(text)
  }
  return {
    auth,
    ...(auth === 'client-credentials'
      ? { credentials: { clientId: readInput('client-id'), clientSecret } }
      : { oidcAudience: readInput('oidc-audience') }),
    ...(accountUrn
      ? {
          accountUuid: accountUrn.replace(/^urn:dtaccount:/i, '').toLowerCase()
        }
      : {}),
    endpoints: environmentId ? { environmentId } : {},
    oauthScopes: parseList(readInput('oauth-scopes')),
    // The defaults of readInputs (and action.yml).
    timeoutSeconds: number('timeout-seconds', 120),
    maxRetries: number('max-retries', 4)
  }
}
