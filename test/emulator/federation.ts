/**
 * Workload identity federation as the emulator plays it: trust policies (issuer,
 * audience, keys) with service-user mappings per environment, and the check of a
 * federated bearer — an ID token from an external identity provider, sent as is as
 * `Authorization: Bearer` to the environment's platform routes.
 *
 * Sources: the shape of trust policies and mappings is a third-party copy of an
 * Account Management spec (`api-evangelist/dynatrace`,
 * openapi/dynatrace-workload-identity-federation-api-openapi.yml); that the
 * environment's platform APIs take the ID token itself comes from Dynatrace's
 * Terraform provider (dynatrace/rest/wif). Everything below beyond those shapes is
 * UNCONFIRMED and marked so: which checks Dynatrace makes and in which order, the
 * 401 error texts and `details.errorCode` values, GLOB syntax, what happens when
 * several mappings match, and that Account Management refuses federated tokens.
 */
import { verify as verifySignature } from 'node:crypto'
import { jwkToKey, type JsonWebKeySet } from './github-oidc.js'
import { HttpError, json, randomUUID } from './http.js'
import type { Ctx } from './types.js'

export interface ClaimMapping {
  claimName: string
  claimValue: string
  /** EXACT: equal; GLOB: `*` any run of characters, `?` one (UNCONFIRMED syntax). */
  matchType: 'EXACT' | 'GLOB'
}

/** A job whose claims match acts as this service user, in this environment, with these scopes. */
export interface ServiceUserMapping {
  uuid: string
  serviceUserUuid: string
  environmentId: string
  scopes: string[]
  claimMappings: ClaimMapping[]
  /** The service user's IAM permission environment:roles:manage-settings; default true. */
  canManageSettings?: boolean
}

export interface TrustPolicyRecord {
  uuid: string
  name: string
  description?: string
  issuerUrl: string
  audience: string
  /** The issuer's keys. Dynatrace would fetch them from jwksUri (or the issuer's discovery document). */
  jwks: JsonWebKeySet
  jwksUri?: string
  status: 'ACTIVE' | 'INACTIVE'
  mappings: ServiceUserMapping[]
}

export interface TrustPolicyInit {
  name?: string
  issuerUrl: string
  audience: string
  jwks: JsonWebKeySet
  status?: 'ACTIVE' | 'INACTIVE'
  mappings: Array<
    Omit<ServiceUserMapping, 'uuid' | 'serviceUserUuid' | 'environmentId'> & {
      serviceUserUuid?: string
      /** Default: the environment the emulator serves. */
      environmentId?: string
    }
  >
}

/** Who a federated bearer acts as. */
export interface FederatedPrincipal {
  userUuid: string
  scopes: string[]
  canManageSettings: boolean
}

/**
 * A trust for one repository's GitHub ID tokens (and any further claim mappings), whose
 * service user may create and read classic API tokens: what a classic mint with
 * `auth: github-oidc` needs. For `RunningEmulator.trust(…, provider)`.
 */
export function repositoryTrust(
  audience: string,
  repository: string,
  more: ClaimMapping[] = []
): Omit<TrustPolicyInit, 'issuerUrl' | 'jwks'> {
  return {
    audience,
    mappings: [
      {
        scopes: [
          'environment-api:api-tokens:write',
          'environment-api:api-tokens:read'
        ],
        claimMappings: [
          {
            claimName: 'repository',
            claimValue: repository,
            matchType: 'EXACT'
          },
          ...more
        ]
      }
    ]
  }
}

/** The service user mappings act as unless they name another. */
export const FEDERATED_SERVICE_USER = '7d3e9a10-4b2c-4f8e-9d6a-2c1b0e9f8a7d'

export function createTrustPolicy(
  init: TrustPolicyInit,
  defaultEnvironment: string
): TrustPolicyRecord {
  return {
    uuid: randomUUID(),
    name: init.name ?? 'GitHub Actions',
    issuerUrl: init.issuerUrl,
    audience: init.audience,
    jwks: init.jwks,
    status: init.status ?? 'ACTIVE',
    mappings: init.mappings.map((m) => ({
      ...m,
      uuid: randomUUID(),
      serviceUserUuid: m.serviceUserUuid ?? FEDERATED_SERVICE_USER,
      environmentId: m.environmentId ?? defaultEnvironment
    }))
  }
}

/**
 * 401 in the Environment-API envelope with `details.errorCode`, the shape Dynatrace's
 * API guidelines give for errors. UNCONFIRMED: the texts and codes themselves.
 */
function refused(errorCode: string, message: string): HttpError {
  return new HttpError(
    json(401, { error: { code: 401, message, details: { errorCode } } })
  )
}

/** `*` any run of characters, `?` one; everything else literal (UNCONFIRMED syntax). */
export function globMatches(pattern: string, value: string): boolean {
  const re = pattern
    .split('')
    .map((c) =>
      c === '*'
        ? '.*'
        : c === '?'
          ? '.'
          : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
    )
    .join('')
  return new RegExp(`^${re}$`, 's').test(value)
}

function claimMatches(
  claims: Record<string, unknown>,
  mapping: ClaimMapping
): boolean {
  const value = claims[mapping.claimName]
  if (typeof value !== 'string') return false
  return mapping.matchType === 'EXACT'
    ? value === mapping.claimValue
    : globMatches(mapping.claimValue, value)
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(
      Buffer.from(segment, 'base64url').toString('utf8')
    ) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** True when the bearer looks like an ID token from an external issuer (a JWT with `iss`). */
export function looksFederated(token: string): boolean {
  const parts = token.split('.')
  if (parts.length !== 3) return false
  const header = decodeSegment(parts[0]!)
  const payload = decodeSegment(parts[1]!)
  return header?.alg === 'RS256' && typeof payload?.iss === 'string'
}

/**
 * Check a federated bearer for the environment the emulator serves: a trust policy for
 * its issuer, a valid signature from the issuer's keys, within its lifetime, a trusted
 * audience, and a mapping for this environment whose claim mappings all match.
 * Throws a 401 for anything else.
 */
export function authenticateFederated(
  token: string,
  ctx: Ctx
): FederatedPrincipal {
  const [h, p, s] = token.split('.') as [string, string, string]
  const header = decodeSegment(h)!
  const claims = decodeSegment(p)!
  const issuer = claims.iss as string
  const policies = ctx.state.trustPolicies.filter(
    (t) => t.status === 'ACTIVE' && t.issuerUrl === issuer
  )
  if (policies.length === 0) {
    throw refused(
      'UNTRUSTED_ISSUER',
      `Token issuer ${issuer} is not trusted by any active trust policy.`
    )
  }
  const signed = Buffer.from(`${h}.${p}`)
  const signature = Buffer.from(s, 'base64url')
  const keys = policies.flatMap((t) => t.jwks.keys)
  const candidates = keys.filter((k) => k.kid === header.kid)
  const valid = (candidates.length > 0 ? candidates : keys).some((k) => {
    try {
      return verifySignature('RSA-SHA256', signed, jwkToKey(k), signature)
    } catch {
      return false
    }
  })
  if (!valid) {
    throw refused('INVALID_SIGNATURE', 'Token signature verification failed.')
  }
  const nowSec = Math.floor(ctx.now() / 1000)
  // Leeway for clock skew between issuer and Dynatrace (UNCONFIRMED: 60 s assumed).
  if (typeof claims.exp !== 'number' || nowSec >= claims.exp) {
    throw refused('TOKEN_EXPIRED', 'Token expired.')
  }
  if (typeof claims.nbf === 'number' && claims.nbf > nowSec + 60) {
    throw refused('TOKEN_NOT_YET_VALID', 'Token is not valid yet.')
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
  const trusted = policies.filter((t) => audiences.includes(t.audience))
  if (trusted.length === 0) {
    throw refused(
      'AUDIENCE_MISMATCH',
      `Token audience ${audiences.map(String).join(', ')} does not match the audience of a trust policy for issuer ${issuer}.`
    )
  }
  const environment = ctx.state.environments[0]?.id
  // UNCONFIRMED: the first matching mapping wins when several match.
  const mapping = trusted
    .flatMap((t) => t.mappings)
    .find(
      (m) =>
        m.environmentId === environment &&
        m.claimMappings.every((c) => claimMatches(claims, c))
    )
  if (!mapping) {
    throw refused(
      'NO_MATCHING_MAPPING',
      `No service user mapping of the trust policy matches the token's claims for environment ${environment}.`
    )
  }
  return {
    userUuid: mapping.serviceUserUuid,
    scopes: mapping.scopes,
    canManageSettings: mapping.canManageSettings ?? true
  }
}
