/** Credentials, URLs and nock helpers shared by the unit tests. */
import nock from 'nock'

export const CLIENT_ID = 'dt0s02.ABCDEFGH'
export const CLIENT_SECRET = `${CLIENT_ID}.${'S7'.repeat(32)}`
export const ACCOUNT_UUID = '2b236438-2a31-4872-8655-bca4fa8af917'
export const OWNER_UUID = '5f0c7a1e-9d3b-4c2a-8e6f-1a2b3c4d5e6f'
/** A JWT-shaped bearer whose `sub` is OWNER_UUID. */
export const BEARER = [
  Buffer.from('{"alg":"ES256","typ":"JWT"}').toString('base64url'),
  Buffer.from(
    JSON.stringify({ sub: OWNER_UUID, aud: CLIENT_ID, scope: 'x' })
  ).toString('base64url'),
  'c2lnbmF0dXJlLW9mLXRoZS1iZWFyZXItdG9rZW4'
].join('.')
export const BEARER_2 = BEARER.replace(/.$/, 'Q')
export const TOKEN_ID = `dt0c01.${'P'.repeat(24)}`
export const TOKEN = `${TOKEN_ID}.${'Q1'.repeat(32)}`
export const PLATFORM_TOKEN_ID = 'dt0s16.PLATFORM'
export const PLATFORM_TOKEN = `${PLATFORM_TOKEN_ID}.${'R2'.repeat(32)}`
export const SECRETS = [CLIENT_SECRET, BEARER, BEARER_2, TOKEN, PLATFORM_TOKEN]

export const SSO = 'https://sso.dynatrace.com'
export const SSO_PATH = '/sso/oauth2/token'
export const PLATFORM = 'https://abc12345.apps.dynatrace.com'
export const ACCOUNT_API = 'https://api.dynatrace.com'
export const TOKENS_PATH = '/platform/classic/environment-api/v2/apiTokens'
export const PLATFORM_TOKENS_PATH = `/iam/v1/accounts/${ACCOUNT_UUID}/platform-tokens`
/** The Date every mocked Dynatrace response carries. */
export const SERVER_DATE = 'Sat, 21 Nov 2026 06:00:00 GMT'
export const DATE_HEADER = { Date: SERVER_DATE }

export const CLASSIC_INPUTS: Record<string, string> = {
  'client-id': CLIENT_ID,
  'client-secret': CLIENT_SECRET,
  'environment-url': PLATFORM,
  'token-scopes': 'ReadConfig, WriteConfig'
}

export const PLATFORM_INPUTS: Record<string, string> = {
  'client-id': CLIENT_ID,
  'client-secret': CLIENT_SECRET,
  'account-urn': `urn:dtaccount:${ACCOUNT_UUID}`,
  'environment-url': PLATFORM,
  'token-type': 'platform',
  'token-scopes': 'settings:objects:read settings:objects:write'
}

/** Recorded request of the nock scopes below. */
export interface Seen {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

const seen: Seen[] = []
const unmatched: string[] = []

/**
 * Block real network, and record every request nock sees, matched or not, so tests can
 * assert exactly what was sent (and that nothing was sent).
 */
export function recordRequests(): { seen: Seen[]; unmatched: string[] } {
  nock.cleanAll()
  nock.disableNetConnect()
  seen.length = 0
  unmatched.length = 0
  nock.emitter.removeAllListeners('no match')
  nock.emitter.on(
    'no match',
    (req: {
      method?: string
      href?: string
      path?: string
      hostname?: string
    }) => {
      unmatched.push(
        `${req.method ?? '?'} ${req.href ?? `${req.hostname ?? ''}${req.path ?? ''}`}`
      )
    }
  )
  return { seen, unmatched }
}

interface NockRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
}

/** A nock scope whose requests are recorded by recordRequests(). */
export function host(base: string): nock.Scope {
  const scope = nock(base)
  scope.on(
    'request',
    (req: NockRequest, _interceptor: unknown, body: string) => {
      seen.push({
        method: req.method,
        url: `${base}${req.path}`,
        headers: req.headers,
        body: body ?? ''
      })
    }
  )
  return scope
}

/** SSO answers a bearer (once, unless times > 1). */
export function mockSso(bearer = BEARER, times = 1): nock.Scope {
  return host(SSO).post(SSO_PATH).times(times).reply(
    200,
    {
      token_type: 'Bearer',
      access_token: bearer,
      expires_in: 300,
      scope: 'a b'
    },
    DATE_HEADER
  )
}

/** Classic token creation and read-back succeed with the given scopes and expiry. */
export function mockClassicCreate(
  scopes = ['ReadConfig', 'WriteConfig'],
  expirationDate = '2026-11-21T07:00:00.000Z'
): nock.Scope {
  return host(PLATFORM)
    .post(TOKENS_PATH)
    .reply(
      201,
      {
        id: TOKEN_ID,
        token: TOKEN,
        expirationDate
      },
      DATE_HEADER
    )
    .get(`${TOKENS_PATH}/${TOKEN_ID}`)
    .reply(200, { id: TOKEN_ID, name: 'x', scopes }, DATE_HEADER)
}

/** Parse a form body. */
export function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body))
}
