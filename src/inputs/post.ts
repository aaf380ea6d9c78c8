import * as core from '@actions/core'
import type { Authentication } from '../inputs.js'
import type { Logger } from '../log.js'
import { startReading, type InputSource } from './reader.js'
import { FIELDS } from './table.js'

/** What the post step reads of its inputs: what revoking the saved token needs. */
export type PostInputs = Authentication & {
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
  const oidcAudience = reader.inContext(
    'oidc-audience',
    FIELDS['oidc-audience'],
    context
  )
  const inputs: PostInputs = {
    ...(context.auth === 'github-oidc'
      ? { auth: context.auth, oidcAudience }
      : {
          auth: context.auth,
          credentials: {
            clientId: reader.read('client-id'),
            clientSecret: secret
          }
        }),
    endpoints: {},
    oauthScopes: reader.list('oauth-scopes'),
    timeoutSeconds: reader.field('timeout-seconds', FIELDS['timeout-seconds']),
    maxRetries: reader.field('max-retries', FIELDS['max-retries'])
  }
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
