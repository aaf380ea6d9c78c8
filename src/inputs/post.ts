import * as core from '@actions/core'
import type { Credentials } from '../inputs.js'
import type { Logger } from '../log.js'
import type { Auth } from './fields.js'
import { startReading, type InputSource } from './reader.js'
import { FIELDS, usesClientSecret } from './table.js'

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
 * The post step's inputs: the few a revocation needs, through the same field table as
 * readInputs (src/inputs.ts), without its scope catalogues and the checks of inputs the
 * post step never uses. The runner gives post the inputs main had, and main refused to
 * start with a problem in any of them; a problem here still fails the revocation with
 * the same message. Masks the client secret first (startReading).
 */
export function readPostInputs(
  log: Logger,
  source: InputSource = core.getInput
): PostInputs {
  const { reader, secret, context } = startReading(source, log)
  const inputs: PostInputs = {
    auth: context.auth,
    endpoints: {},
    oauthScopes: reader.list('oauth-scopes'),
    timeoutSeconds: reader.field('timeout-seconds', FIELDS['timeout-seconds']),
    maxRetries: reader.field('max-retries', FIELDS['max-retries'])
  }
  if (usesClientSecret(context))
    inputs.credentials = {
      clientId: reader.read('client-id'),
      clientSecret: secret
    }
  const oidcAudience = reader.inContext(
    'oidc-audience',
    FIELDS['oidc-audience'],
    context
  )
  if (context.auth === 'github-oidc' && oidcAudience !== '')
    inputs.oidcAudience = oidcAudience
  const accountUuid = reader.field('account-urn', FIELDS['account-urn'])
  if (accountUuid !== undefined) inputs.accountUuid = accountUuid
  // The environment's ID names it in the messages about a GitHub ID token.
  const environment = reader.inContext(
    'environment-url',
    FIELDS['environment-url'],
    context
  )
  context.environment = environment
  const environmentId =
    environment?.kind === 'saas'
      ? environment.environmentId
      : reader.inContext('environment-id', FIELDS['environment-id'], context)
  if (environmentId !== undefined)
    inputs.endpoints.environmentId = environmentId
  reader.finish(secret)
  return inputs
}
