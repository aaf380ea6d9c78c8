/**
 * Hostile server text: whatever a Dynatrace API — or something
 * pretending to be one — answers, in an error body, a success body or a
 * header, it must not become a workflow command, leak a secret, put raw HTML
 * into the job summary, dump a stack trace or flood the log. In-process over
 * src/ with nock (no real network): each case plants text in one field of one
 * API's answer and checks every line the step printed.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import nock from 'nock'
import { startEmulator, type RunningEmulator } from '../test/emulator/index.js'
import { runnerCommands } from '../test/support/commands.js'
import { emulatorInputs, emulatorSecrets } from '../test/support/runner.js'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import { waitsDuring } from './support/waits.js'
import {
  ACCOUNT_API,
  ACCOUNT_UUID,
  BEARER,
  CLASSIC_INPUTS,
  CLIENT_SECRET,
  DATE_HEADER,
  PLATFORM,
  PLATFORM_INPUTS,
  PLATFORM_TOKEN,
  PLATFORM_TOKENS_PATH,
  SECRETS,
  SSO,
  SSO_PATH,
  TOKEN,
  TOKEN_ID,
  TOKENS_PATH,
  host,
  mockSso,
  recordRequests
} from './support/fixtures.js'
import {
  bugReports,
  controlCharacters,
  foreignCommands,
  injectedCommands,
  longLines,
  stackTraceLines
} from '../test/support/invariants.js'

afterEach(() => {
  nock.cleanAll()
})

/** Planted in every hostile text; must never start a command of its own. */
const MARKER = 'PWNED'
/** No line the action prints may be longer (server text is capped at 300). */
const MAX_LINE = 2000

/** Ways to smuggle a workflow command (or terminal control) through a single field. */
const INJECTIONS: Array<[string, string]> = [
  ['newline ::set-output', `\n::set-output name=token::${MARKER}`],
  ['CRLF ::add-mask', `\r\n::add-mask::${MARKER}`],
  ['newline ::warning', `\n::warning::${MARKER}`],
  [
    'newline ::stop-commands then ::error',
    `\n::stop-commands::${MARKER}\n::error::${MARKER}`
  ],
  ['legacy ##[set-output]', `\n##[set-output name=token;]${MARKER}`],
  // The runner reads `##[name]` anywhere in a line, no line break needed.
  ['inline ##[stop-commands]', ` ops ##[stop-commands]${MARKER}`],
  ['inline ##[add-mask]', ` ops ##[add-mask]${MARKER}`],
  ['leading ::stop-commands', `::stop-commands::${MARKER}`],
  ['%0A-encoded ::warning', `%0A::warning::${MARKER}%0D%0A`],
  ['U+2028 ::warning', `\u2028::warning::${MARKER}`],
  ['NEL ::warning', `\u0085::warning::${MARKER}`],
  ['ANSI escapes', `\u001b[2K\u001b[1A\u001b]0;${MARKER}\u0007\u001b[31m`],
  ['HTML', `<img src=x onerror=alert(1)>${MARKER}`]
]

/** Text for error bodies: the injections, secrets, and a huge body. */
const ERROR_TEXTS: Array<[string, string]> = [
  ...INJECTIONS.map(
    ([n, t]) => [n, `Bad request${t} tail`] as [string, string]
  ),
  [
    'the client secret',
    `your secret ${CLIENT_SECRET} and its part ${CLIENT_SECRET.split('.').pop()}`
  ],
  // Only once the action holds the bearer (every route but SSO) can it know to hide it.
  [
    'the bearer',
    `your bearer ${BEARER} and its signature ${BEARER.split('.').pop()}`
  ],
  [
    'a 200 kB body ending in an injection',
    `${'A'.repeat(200_000)}\n::set-output name=token::${MARKER}`
  ]
]

/** Text for fields the action echoes from a success body (IDs, dates, scopes). */
const VALUE_TEXTS: Array<[string, string]> = [
  ...INJECTIONS,
  ['a 20 kB value', `${'B'.repeat(20_000)}${MARKER}`]
]

/** What a run printed, without the ::add-mask:: lines (which carry credentials verbatim). */
const printed = (run: StepRun): string =>
  run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')

/** Everything unsafe about a run, as readable lines (never a secret). */
function unsafe(run: StepRun): string[] {
  const outputs = Object.entries(run.outputs)
    .filter(([k]) => k !== 'token' && k !== 'access-token')
    // An output later steps echo must not carry a line break or control character either.
    // eslint-disable-next-line no-control-regex
    .filter(([, v]) => /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v))
    .map(([k]) => `output ${k} carries a control character or line break`)
  return [
    ...(run.exitCode === 0 || run.exitCode === 1
      ? []
      : [`exit code ${run.exitCode}`]),
    ...injectedCommands(run.stdout, MARKER).map((x) => `injected: ${x}`),
    ...foreignCommands(run.stdout).map((x) => `foreign command: ${x}`),
    ...controlCharacters(run.stdout).map((x) => `control character: ${x}`),
    ...longLines(run.stdout, MAX_LINE).map((x) => `uncapped: ${x}`),
    ...stackTraceLines(run.stdout).map((x) => `stack: ${x.trim()}`),
    ...bugReports(run.stdout).map(
      (x) => `unexpected error: ${x.slice(0, 200)}`
    ),
    ...findLeaks(run, SECRETS, { allowedEnv: ['DT_API_TOKEN'] }).map(
      (x) => `leak: ${x}`
    ),
    ...(/<img/i.test(run.summary)
      ? ['raw server HTML in the job summary']
      : []),
    ...outputs
  ]
}

/** Inputs with quick failure: one retry, a short budget. */
const QUICK = { 'max-retries': '1', 'timeout-seconds': '10' }
const CLASSIC = {
  ...CLASSIC_INPUTS,
  ...QUICK,
  'export-variable': 'DT_API_TOKEN'
}
const PLATFORM_IN = { ...PLATFORM_INPUTS, ...QUICK }
const IAM_IN = {
  ...CLASSIC_INPUTS,
  ...QUICK,
  'account-urn': `urn:dtaccount:${ACCOUNT_UUID}`,
  'token-type': 'none'
}
const ANY_TOKEN_PATH = new RegExp(`^${TOKENS_PATH}/.+`)
const ANY_PLATFORM_TOKEN_PATH = new RegExp(`^${PLATFORM_TOKENS_PATH}/.+`)
const ISO_SOON = '2026-11-21T07:00:00.000Z'

/** Main, then post with main's state (the way the runner chains them). */
async function job(inputs: Record<string, string>): Promise<StepRun[]> {
  const main = await runStep({ inputs })
  const post = await runStep({ entry: 'post', inputs, state: main.state })
  return [main, post]
}

const json = (body: unknown): string => JSON.stringify(body)

interface HostileCase {
  name: string
  /** Sets up nock so that `text` ends up in the field under test. */
  mock: (text: string) => void
  run: () => Promise<StepRun[]>
  /** Fails before the action holds a bearer, so a bearer in the text is just text. */
  beforeBearer?: boolean
}

/** An API's error answer carrying the text, in that API's own envelope. */
const ERROR_CASES: HostileCase[] = [
  {
    name: 'SSO 400 error_description',
    beforeBearer: true,
    mock: (t) => {
      host(SSO)
        .post(SSO_PATH)
        .reply(400, json({ error: 'invalid_request', error_description: t }))
    },
    run: async () => [await runStep({ inputs: CLASSIC })]
  },
  {
    name: 'SSO 400 missing-scopes list',
    beforeBearer: true,
    mock: (t) => {
      host(SSO)
        .post(SSO_PATH)
        .reply(
          400,
          json({
            error: 'invalid_request',
            error_description: `OAuth client is missing following scopes [${t}]`
          })
        )
    },
    run: async () => [await runStep({ inputs: CLASSIC })]
  },
  {
    name: 'SSO 500 plain-text body',
    beforeBearer: true,
    mock: (t) => {
      host(SSO).post(SSO_PATH).reply(500, t, { 'content-type': 'text/plain' })
    },
    run: async () => [await runStep({ inputs: CLASSIC })]
  },
  {
    name: 'classic create 400 envelope with constraint violations',
    mock: (t) => {
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(
          400,
          json({
            error: {
              code: 400,
              message: t,
              constraintViolations: [{ path: t, message: t }]
            }
          })
        )
    },
    run: async () => [await runStep({ inputs: CLASSIC })]
  },
  {
    name: 'classic create 403',
    mock: (t) => {
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(403, json({ error: { code: 403, message: t } }))
    },
    run: async () => [await runStep({ inputs: CLASSIC })]
  },
  {
    name: 'platform create 400 ErrorDto with errorsMap',
    mock: (t) => {
      mockSso()
      host(ACCOUNT_API)
        .post(PLATFORM_TOKENS_PATH)
        .reply(400, json({ code: 400, message: t, errorsMap: { [t]: t } }))
    },
    run: async () => [await runStep({ inputs: PLATFORM_IN })]
  },
  {
    name: 'IAM groups list 403',
    mock: (t) => {
      mockSso()
      host(ACCOUNT_API)
        .get(`/iam/v1/accounts/${ACCOUNT_UUID}/groups`)
        .reply(403, json({ code: 403, message: t, errorsMap: {} }))
        .get(/\/policies$/)
        .times(2)
        .reply(200, json({ policies: [] }))
    },
    run: async () => [
      await runStep({
        inputs: {
          ...IAM_IN,
          bindings:
            '- policy: Settings Reader\n  groups: [CI deployers]\n  level: account'
        }
      })
    ]
  },
  {
    name: 'classic verify 500 (a warning)',
    mock: (t) => {
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(
          201,
          json({ id: TOKEN_ID, token: TOKEN, expirationDate: ISO_SOON }),
          DATE_HEADER
        )
        .get(`${TOKENS_PATH}/${TOKEN_ID}`)
        .reply(500, t)
    },
    run: async () => [await runStep({ inputs: CLASSIC })]
  },
  {
    name: 'classic delete 500 in post (a warning)',
    mock: (t) => {
      mockSso()
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(
          201,
          json({ id: TOKEN_ID, token: TOKEN, expirationDate: ISO_SOON }),
          DATE_HEADER
        )
        .get(`${TOKENS_PATH}/${TOKEN_ID}`)
        .reply(
          200,
          json({ id: TOKEN_ID, scopes: ['ReadConfig', 'WriteConfig'] })
        )
        .delete(`${TOKENS_PATH}/${TOKEN_ID}`)
        .reply(500, json({ error: { code: 500, message: t } }))
    },
    run: () => job(CLASSIC)
  },
  {
    name: 'platform delete 500 in post (a warning)',
    mock: (t) => {
      mockSso()
      mockSso()
      host(ACCOUNT_API)
        .post(PLATFORM_TOKENS_PATH)
        .reply(
          200,
          json({ tokenId: 'dt0s16.PLATFORM', token: PLATFORM_TOKEN }),
          DATE_HEADER
        )
        .delete(`${PLATFORM_TOKENS_PATH}/dt0s16.PLATFORM`)
        .reply(500, t)
    },
    run: () => job(PLATFORM_IN)
  }
]

/** A success answer whose echoed field carries the text. */
const VALUE_CASES: HostileCase[] = [
  {
    name: 'classic create: token id',
    mock: (t) => {
      const id = `${TOKEN_ID}${t}`
      mockSso()
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(201, json({ id, token: TOKEN, expirationDate: ISO_SOON }))
        .get(ANY_TOKEN_PATH)
        .reply(200, json({ id, scopes: ['ReadConfig', 'WriteConfig'] }))
        .delete(ANY_TOKEN_PATH)
        .reply(204)
    },
    run: () => job(CLASSIC)
  },
  {
    name: 'classic create: expirationDate',
    mock: (t) => {
      mockSso()
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(201, json({ id: TOKEN_ID, token: TOKEN, expirationDate: t }))
        .get(`${TOKENS_PATH}/${TOKEN_ID}`)
        .reply(
          200,
          json({ id: TOKEN_ID, scopes: ['ReadConfig', 'WriteConfig'] })
        )
        .delete(`${TOKENS_PATH}/${TOKEN_ID}`)
        .reply(500, json({ error: { code: 500, message: 'down' } }))
    },
    run: () => job(CLASSIC)
  },
  {
    name: 'classic verify: a scope name',
    mock: (t) => {
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(
          201,
          json({ id: TOKEN_ID, token: TOKEN, expirationDate: ISO_SOON })
        )
        .get(`${TOKENS_PATH}/${TOKEN_ID}`)
        .reply(
          200,
          json({ id: TOKEN_ID, scopes: ['ReadConfig', 'WriteConfig', t] })
        )
    },
    run: async () => [await runStep({ inputs: CLASSIC })]
  },
  {
    name: 'classic orphan search: the listed token id',
    mock: (t) => {
      mockSso()
      const p = host(PLATFORM)
      // The lost request's expiry: the action matches orphans by name and expiry.
      let expirationDate = ''
      p.post(TOKENS_PATH, (body: { expirationDate: string }) => {
        expirationDate = body.expirationDate
        return true
      }).reply(502, 'Bad Gateway') // ambiguous: the token may exist
      p.get(TOKENS_PATH)
        .query(true)
        .reply(200, () =>
          json({
            apiTokens: [
              {
                id: `${TOKEN_ID}${t}`,
                name: 'gha/octo-org/deploy-repo/run-4242-1/deploy',
                creationDate: new Date().toISOString(),
                expirationDate
              }
            ]
          })
        )
      p.delete(ANY_TOKEN_PATH).reply(204)
      p.post(TOKENS_PATH).reply(
        201,
        json({ id: TOKEN_ID, token: TOKEN, expirationDate: ISO_SOON })
      )
      p.get(`${TOKENS_PATH}/${TOKEN_ID}`).reply(
        200,
        json({ id: TOKEN_ID, scopes: ['ReadConfig', 'WriteConfig'] })
      )
    },
    run: async () => [await runStep({ inputs: CLASSIC })]
  },
  {
    name: 'platform create: tokenId',
    mock: (t) => {
      mockSso()
      mockSso()
      const a = host(ACCOUNT_API)
      a.post(PLATFORM_TOKENS_PATH).reply(
        200,
        json({ tokenId: `dt0s16.PLATFORM${t}`, token: PLATFORM_TOKEN })
      )
      a.delete(ANY_PLATFORM_TOKEN_PATH).reply(200)
    },
    run: () => job(PLATFORM_IN)
  },
  {
    name: 'platform orphan search: the listed tokenId',
    mock: (t) => {
      mockSso()
      const a = host(ACCOUNT_API)
      let expirationDate = ''
      a.post(PLATFORM_TOKENS_PATH, (body: { expirationDate: string }) => {
        expirationDate = body.expirationDate
        return true
      }).reply(502, 'Bad Gateway') // ambiguous: the token may exist
      a.get(PLATFORM_TOKENS_PATH)
        .query(true)
        .reply(200, () =>
          json({
            results: [
              {
                tokenId: `dt0s16.ORPHAN${t}`,
                name: 'gha/octo-org/deploy-repo/run-4242-1/deploy',
                expirationDate
              }
            ]
          })
        )
      a.delete(ANY_PLATFORM_TOKEN_PATH).reply(200)
      a.post(PLATFORM_TOKENS_PATH).reply(
        200,
        json({ tokenId: 'dt0s16.PLATFORM', token: PLATFORM_TOKEN })
      )
    },
    run: async () => [await runStep({ inputs: PLATFORM_IN })]
  },
  {
    name: 'IAM: the uuid of a created policy',
    mock: (t) => {
      mockSso()
      host(ACCOUNT_API)
        .get(`/iam/v1/repo/account/${ACCOUNT_UUID}/policies`)
        .reply(200, json({ policies: [] }))
        .post(`/iam/v1/repo/account/${ACCOUNT_UUID}/policies`)
        .reply(201, json({ uuid: `0000${t}` }))
    },
    run: async () => [
      await runStep({
        inputs: {
          ...IAM_IN,
          policies:
            '- name: CI reader\n  description: d\n  statement: ALLOW settings:objects:read;'
        }
      })
    ]
  },
  {
    name: 'IAM: a group name in the list (unknown-group message)',
    mock: (t) => {
      mockSso()
      host(ACCOUNT_API)
        .get(`/iam/v1/accounts/${ACCOUNT_UUID}/groups`)
        .reply(
          200,
          json({
            items: [{ uuid: '7a1d224d-1111-4c4c-9d9d-000000000009', name: t }]
          })
        )
        .get(/\/policies$/)
        .times(2)
        .reply(
          200,
          json({
            policies: [
              {
                uuid: '0a1b2c3d-0001-4000-8000-000000000001',
                name: 'Settings Reader',
                description: t
              }
            ]
          })
        )
    },
    run: async () => [
      await runStep({
        inputs: {
          ...IAM_IN,
          bindings:
            '- policy: Settings Reader\n  groups: [Nope]\n  level: account'
        }
      })
    ]
  },
  {
    name: 'SSO success: scope and token_type',
    mock: (t) => {
      host(SSO)
        .post(SSO_PATH)
        .reply(
          200,
          json({
            token_type: t,
            access_token: BEARER,
            expires_in: t,
            scope: t
          })
        )
    },
    run: async () => [
      await runStep({ inputs: { ...CLASSIC, 'token-type': 'none' } })
    ]
  }
]

describe('error bodies from every API', () => {
  const cells = ERROR_CASES.flatMap((c) =>
    ERROR_TEXTS.filter(
      ([name]) => !(c.beforeBearer && name === 'the bearer')
    ).map(([name, text]) => [`${c.name} × ${name}`, c, text] as const)
  )
  test.each(cells)('%s', async (_label, c, text) => {
    recordRequests()
    c.mock(text)
    const runs = await c.run()
    expect(runs.flatMap(unsafe)).toEqual([])
  })
})

describe('echoed fields of success bodies', () => {
  const cells = VALUE_CASES.flatMap((c) =>
    VALUE_TEXTS.map(([name, text]) => [`${c.name} × ${name}`, c, text] as const)
  )
  test.each(cells)('%s', async (_label, c, text) => {
    recordRequests()
    c.mock(text)
    const runs = await c.run()
    expect(runs.flatMap(unsafe)).toEqual([])
  })
})

describe('hostile headers', () => {
  const LOCATIONS: Array<[string, string]> = [
    ['javascript: URL', 'javascript:alert(1)'],
    ['another host', 'https://evil.example.com/collect'],
    ['scheme-relative', '//evil.example.com/x'],
    ['broken IPv6', 'http://[::1'],
    [
      'credentials in the userinfo',
      `https://user:${CLIENT_SECRET}@evil.example.com/`
    ],
    [
      'encoded injection',
      `https://evil.example.com/${MARKER}%0A::warning::${MARKER}`
    ],
    // Node refuses response headers over 16 kB; 8 kB is what a server can send.
    ['an 8 kB location', `https://evil.example.com/${'C'.repeat(8_000)}`]
  ]
  const REDIRECTS: Array<
    [string, (loc: string) => void, () => Promise<StepRun[]>]
  > = [
    [
      'SSO 302',
      (loc) => {
        host(SSO).post(SSO_PATH).reply(302, '', { Location: loc })
      },
      async () => [await runStep({ inputs: CLASSIC })]
    ],
    [
      'classic create 307',
      (loc) => {
        mockSso()
        host(PLATFORM).post(TOKENS_PATH).reply(307, '', { Location: loc })
      },
      async () => [await runStep({ inputs: CLASSIC })]
    ],
    [
      'platform delete 301 in post',
      (loc) => {
        mockSso()
        host(ACCOUNT_API)
          .delete(ANY_PLATFORM_TOKEN_PATH)
          .reply(301, '', { Location: loc })
      },
      async () => [
        await runStep({
          entry: 'post',
          inputs: PLATFORM_IN,
          state: {
            'token-id': 'dt0s16.PLATFORM',
            'token-type': 'platform',
            'expires-at': ISO_SOON,
            'sso-url': `${SSO}${SSO_PATH}`,
            'account-api-url': ACCOUNT_API,
            'account-uuid': ACCOUNT_UUID,
            revoke: 'true'
          }
        })
      ]
    ]
  ]
  const cells = REDIRECTS.flatMap(([route, mock, run]) =>
    LOCATIONS.map(
      ([name, loc]) => [`${route} to ${name}`, mock, run, loc] as const
    )
  )
  test.each(cells)(
    'Location: %s — not followed, not echoed',
    async (_label, mock, run, loc) => {
      const { unmatched } = recordRequests()
      mock(loc)
      const runs = await run()
      expect(runs.flatMap(unsafe)).toEqual([])
      // Nothing was sent anywhere else.
      expect(unmatched).toEqual([])
      const said = runs.map((r) => r.stdout).join('\n')
      expect(said).toMatch(/Redirects are not followed/)
    }
  )

  const RETRY_AFTER: string[] = [
    'soon',
    '-5',
    '0',
    '0.2',
    '1e309',
    '99999999999999999999',
    'Infinity',
    'NaN',
    'Wed, 21 Oct 2015 07:28:00 GMT',
    'Fri, 01 Jan 2100 00:00:00 GMT',
    `${'9'.repeat(5000)}`,
    `1 ${MARKER}`
  ]
  test.each(RETRY_AFTER.map((v) => [v.slice(0, 40), v] as const))(
    'Retry-After: %s — bounded by timeout-seconds, never echoed',
    async (_label, value) => {
      recordRequests()
      host(SSO).post(SSO_PATH).reply(429, '', { 'Retry-After': value })
      mockSso()
      const { result: run, waits } = await waitsDuring(() =>
        runStep({
          inputs: {
            ...CLASSIC,
            'token-type': 'none',
            'timeout-seconds': '5',
            'max-retries': '1'
          }
        })
      )
      // Every wait the action made fits the 5 s budget, as it asked for it (a
      // timer set past 2^31-1 ms would otherwise fire at once, unseen).
      expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(5000)
      expect(unsafe(run)).toEqual([])
      expect(run.stdout).not.toContain(MARKER)
    }
  )

  const RATE_RESET: string[] = [
    'abc',
    '-1',
    '1e30',
    '99999999999999999999999',
    String(Date.now() * 1000 + 2_000_000)
  ]
  test.each(RATE_RESET)(
    'X-RateLimit-Reset: %s — bounded by timeout-seconds',
    async (value) => {
      recordRequests()
      host(SSO).post(SSO_PATH).reply(429, '', { 'X-RateLimit-Reset': value })
      mockSso()
      const { result: run, waits } = await waitsDuring(() =>
        runStep({
          inputs: {
            ...CLASSIC,
            'token-type': 'none',
            'timeout-seconds': '5',
            'max-retries': '1'
          }
        })
      )
      // Every wait the action made fits the 5 s budget, as it asked for it (a
      // timer set past 2^31-1 ms would otherwise fire at once, unseen).
      expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(5000)
      expect(unsafe(run)).toEqual([])
    }
  )

  test.each([
    ['garbage', `not a date ${MARKER}`],
    ['far future', 'Fri, 01 Jan 2100 00:00:00 GMT'],
    ['epoch', 'Thu, 01 Jan 1970 00:00:00 GMT']
  ])('Date: %s — never echoed', async (_label, value) => {
    recordRequests()
    host(SSO)
      .post(SSO_PATH)
      .reply(
        200,
        json({ token_type: 'Bearer', access_token: BEARER, expires_in: 300 }),
        { Date: value }
      )
    host(PLATFORM)
      .post(TOKENS_PATH)
      .reply(201, json({ id: TOKEN_ID, token: TOKEN }))
      .get(`${TOKENS_PATH}/${TOKEN_ID}`)
      .reply(200, json({ id: TOKEN_ID, scopes: ['ReadConfig', 'WriteConfig'] }))
    const run = await runStep({ inputs: CLASSIC })
    expect(unsafe(run)).toEqual([])
    expect(run.stdout).not.toContain(MARKER)
  })
})

describe('hostile credentials from the server', () => {
  test.each([
    ['a bearer with CR LF', `${BEARER}\r\nX-Injected: ${MARKER}`],
    ['a bearer with a space', `${BEARER} ${MARKER}`],
    ['a 100 kB bearer', `${BEARER}${'D'.repeat(100_000)}`]
  ])(
    'SSO answers %s: a clear failure or a working run, never an unexpected error',
    async (_label, bearer) => {
      recordRequests()
      host(SSO)
        .post(SSO_PATH)
        .reply(
          200,
          json({ token_type: 'Bearer', access_token: bearer, expires_in: 300 })
        )
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(201, json({ id: TOKEN_ID, token: TOKEN }))
        .get(`${TOKENS_PATH}/${TOKEN_ID}`)
        .reply(
          200,
          json({ id: TOKEN_ID, scopes: ['ReadConfig', 'WriteConfig'] })
        )
      const run = await runStep({ inputs: CLASSIC })
      expect(unsafe(run)).toEqual([])
      expect(printed(run)).not.toContain(MARKER)
    }
  )

  // Masking a short value hides that word everywhere in the job's log, and a value this
  // short is no bearer Dynatrace issues (a JWT): refused, neither masked nor used.
  test.each([
    ['true', 'true'],
    ['a word', 'Error'],
    ['two letters', 'ok']
  ])(
    'SSO answers a bearer too short to be one (%s): a clear failure, the word is not masked',
    async (_label, bearer) => {
      const { seen } = recordRequests()
      host(SSO)
        .post(SSO_PATH)
        .reply(
          200,
          json({ token_type: 'Bearer', access_token: bearer, expires_in: 300 })
        )
      const run = await runStep({ inputs: CLASSIC })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(
        'Dynatrace SSO answered an access token in an unexpected form'
      )
      expect(run.masks).not.toContain(bearer)
      expect(seen.map((r) => r.url)).toEqual([`${SSO}${SSO_PATH}`])
      expect(unsafe(run)).toEqual([])
    }
  )

  test.each([
    ['a token with CR LF', `${TOKEN}\r\n::set-output name=x::${MARKER}`],
    ['a token with a NUL', `${TOKEN}\u0000${MARKER}`]
  ])(
    'classic create answers %s: masked, never printed, never a command',
    async (_label, token) => {
      recordRequests()
      mockSso()
      host(PLATFORM)
        .post(TOKENS_PATH)
        .reply(201, json({ id: TOKEN_ID, token }))
        .get(`${TOKENS_PATH}/${TOKEN_ID}`)
        .reply(
          200,
          json({ id: TOKEN_ID, scopes: ['ReadConfig', 'WriteConfig'] })
        )
      const run = await runStep({ inputs: CLASSIC })
      expect(unsafe(run)).toEqual([])
      expect(findLeaks(run, [token], { allowedEnv: ['DT_API_TOKEN'] })).toEqual(
        []
      )
    }
  )
})

/**
 * Names with a workflow command in them, from every server field and input that can
 * reach a line, against the emulator. The runner reads `##[name]` anywhere in a line
 * (actions/runner ActionCommand.TryParse); a name such as `ops ##[stop-commands]x` in
 * a log line would make it ignore every later command — the token's `::add-mask::`
 * too, which then shows the token in clear. Each run is read as the runner reads it
 * (test/support/commands.ts), with and without RUNNER_DEBUG.
 */
describe('names carrying workflow commands, read as the runner reads them', () => {
  const NAMES: Array<[string, string]> = [
    ['##[stop-commands] inside', `ops ##[stop-commands]${MARKER}`],
    ['::stop-commands:: first', `::stop-commands::${MARKER} ops`],
    ['##[set-output] inside', `ops ##[set-output name=token;]${MARKER}`],
    // The job summary is Markdown: a blank line would end its HTML and start Markdown.
    [
      'a Markdown image after a blank line',
      `ops\n\n![${MARKER}](https://evil.example/x.png) [click](https://evil.example)`
    ]
  ]
  const DEBUG: Array<[string, Record<string, string>]> = [
    ['', {}],
    [' (RUNNER_DEBUG=1)', { RUNNER_DEBUG: '1' }]
  ]
  const GROUP = '7a1d224d-1111-4c4c-9d9d-0000000000aa'
  const POLICY = '0a1b2c3d-0001-4000-8000-0000000000aa'
  const BOUNDARY = '3c9d7e21-0b5a-4f4e-9a7c-0000000000aa'
  const yaml = (text: string): string => JSON.stringify(text)

  let emu: RunningEmulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  /** An emulator with a group, an account policy and a boundary named `name`. */
  async function emulatorNaming(name: string): Promise<RunningEmulator> {
    // Other tests of this file refuse real connections; the emulator is on loopback.
    nock.cleanAll()
    nock.enableNetConnect()
    const e = await startEmulator({ contractPath: null })
    const now = new Date().toISOString()
    e.state.groups.push({
      uuid: GROUP,
      name,
      description: '',
      federatedAttributeValues: [],
      owner: 'LOCAL',
      createdAt: now,
      updatedAt: now
    })
    e.state.policies.push({
      uuid: POLICY,
      levelType: 'account',
      levelId: e.state.accountUuid,
      name,
      description: name,
      tags: [],
      statementQuery: 'ALLOW settings:objects:read;'
    })
    const boundaryQuery = 'environment:management-zone IN ("prod");'
    e.state.boundaries.push(
      { uuid: BOUNDARY, name, boundaryQuery, metadata: {} },
      {
        uuid: '3c9d7e21-0b5a-4f4e-9a7c-0000000000bb',
        name: 'Only prod',
        boundaryQuery,
        metadata: {}
      }
    )
    emu = e
    return e
  }

  const mintInputs = (
    e: RunningEmulator,
    extra: Record<string, string>
  ): Record<string, string> =>
    emulatorInputs(e, {
      'account-urn': `urn:dtaccount:${e.state.accountUuid}`,
      'token-scopes': 'ReadConfig',
      ...extra
    })

  /**
   * The runner reads no command the action did not mean, processes the token's
   * `::add-mask::` (so the token is masked), and the name did reach the log.
   */
  function expectRunnerSafe(
    e: RunningEmulator,
    runs: StepRun[],
    { minted = true } = {}
  ): void {
    const stdout = runs.map((r) => r.stdout).join('')
    expect(stdout).toContain(MARKER)
    expect(runs.flatMap((r) => foreignCommands(r.stdout))).toEqual([])
    expect(runs.flatMap((r) => injectedCommands(r.stdout, MARKER))).toEqual([])
    if (minted) {
      const token = runs[0]!.outputs.token
      expect(token).toBeDefined()
      const masked = runnerCommands(runs[0]!.stdout).filter(
        (c) => c.name === 'add-mask' && c.data === token
      )
      expect(masked.map((c) => c.outcome)).toEqual(['processed'])
    }
    // Every token the emulator minted, the client secret and the bearers.
    expect(findLeaks(runs, emulatorSecrets(e.state))).toEqual([])
    const summary = runs.map((r) => r.summary).join('')
    expect(summary).not.toMatch(/##\[|<img|!\[|\]\(|\n\s*\n/)
  }

  const cells = <T>(cases: Array<[string, T]>) =>
    cases.flatMap(([what, c]) =>
      NAMES.flatMap(([label, name]) =>
        DEBUG.map(
          ([dbg, env]) => [`${what} × ${label}${dbg}`, c, name, env] as const
        )
      )
    )

  const IAM_CASES: Array<[string, (name: string) => Record<string, string>]> = [
    // A UUID is shown by its name once the list it is in was read for another entry.
    [
      'a group named by UUID in bindings',
      () => ({
        bindings: `- policy: Settings Reader\n  groups: [CI deployers, ${GROUP}]\n  level: account`
      })
    ],
    [
      'an account policy named by UUID in bindings',
      () => ({
        bindings: `- policy: ${POLICY}\n  groups: [CI deployers]\n  level: account\n- policy: Settings Reader\n  groups: [CI deployers]\n  level: account`
      })
    ],
    [
      'a boundary named by UUID in bindings',
      () => ({
        bindings: `- policy: Settings Reader\n  groups: [CI deployers]\n  boundaries: [Only prod, ${BOUNDARY}]`
      })
    ],
    [
      'a policy name from the policies input',
      (name) => ({
        policies: `- name: ${yaml(`${name} new`)}\n  description: d\n  statement: ALLOW settings:objects:read;`
      })
    ]
  ]

  test.each(cells(IAM_CASES))(
    'IAM: %s — the token mask is processed',
    async (_label, extra, name, env) => {
      const e = await emulatorNaming(name)
      const run = await runStep({ inputs: mintInputs(e, extra(name)), env })
      expect(run.exitCode).toBe(0)
      expectRunnerSafe(e, [run])
    }
  )

  test.each(cells([['retried', true]]))(
    'IAM: the retry line of a policy create %s',
    async (_label, _retried, name, env) => {
      const e = await emulatorNaming(name)
      e.fault(
        { method: 'POST', path: /\/iam\/v1\/repo\/account\/[^/]+\/policies$/ },
        { status: 503 }
      )
      const run = await runStep({
        inputs: mintInputs(e, {
          policies: `- name: ${yaml(`${name} new`)}\n  description: d\n  statement: ALLOW settings:objects:read;`
        }),
        env
      })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(/retrying in/)
      expectRunnerSafe(e, [run])
    }
  )

  test.each(
    // token-name refuses line breaks before anything is printed.
    cells([['the lost token cannot be looked up', true]]).filter(
      ([, , name]) => !name.includes('\n')
    )
  )('token-name echoed when %s', async (_label, _lost, name, env) => {
    const e = await emulatorNaming(name)
    // Dynatrace creates the token, the answer never arrives, and the search by name
    // fails: the error names the token so the user can delete it.
    e.fault({ method: 'POST', path: TOKENS_PATH }, { reset: 'after' })
    e.fault(
      { method: 'GET', path: TOKENS_PATH },
      ...Array.from({ length: 5 }, () => ({ status: 500 }))
    )
    const run = await runStep({
      inputs: mintInputs(e, { 'token-name': name, 'max-retries': '1' }),
      env
    })
    expect(run.exitCode).toBe(1)
    expectRunnerSafe(e, [run], { minted: false })
  })
})

describe('audit paths and values carrying workflow commands', () => {
  const WORKFLOW = (value: string): string => `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/configure-dynatrace-credentials@v2.1.0
        with:
          token-scopes: ${JSON.stringify(`ReadConfig, ${value}`)}
          token-lifetime: 2d
          token-name: ${JSON.stringify(value)}
          revoke: false
`
  test.each([
    ['##[stop-commands]', `x ##[stop-commands]${MARKER}`, {}],
    ['::stop-commands::', `::stop-commands::${MARKER}`, {}],
    [
      '##[stop-commands] (RUNNER_DEBUG=1)',
      `x ##[stop-commands]${MARKER}`,
      { RUNNER_DEBUG: '1' }
    ]
  ] as const)(
    'a directory and step values with %s: every annotation processed',
    async (_label, value, env) => {
      const workspace = mkdtempSync(join(tmpdir(), 'cdc-hostile-audit-'))
      try {
        // audit-paths is a list split at spaces: the folder is found by scanning its parent.
        const dir = join(
          workspace,
          'workflows',
          `x ##[stop-commands]${MARKER}y`
        )
        mkdirSync(dir, { recursive: true })
        writeFileSync(join(dir, 'deploy.yml'), WORKFLOW(value))
        const run = await runStep({
          inputs: {
            mode: 'audit',
            'audit-fail-on': 'never',
            'audit-paths': 'workflows'
          },
          env: { GITHUB_WORKSPACE: workspace, ...env }
        })
        expect(run.exitCode).toBe(0)
        const annotations = runnerCommands(run.stdout).filter((c) =>
          ['error', 'warning', 'notice'].includes(c.name)
        )
        expect(annotations.length).toBeGreaterThan(1)
        expect(annotations.every((c) => c.outcome === 'processed')).toBe(true)
        expect(
          annotations.some((c) => c.properties.file?.includes(MARKER))
        ).toBe(true)
        expect(foreignCommands(run.stdout)).toEqual([])
        expect(run.summary).not.toContain('##[')
      } finally {
        rmSync(workspace, { recursive: true, force: true })
      }
    }
  )
})

/** The reader the tests above rely on, against what actions/runner does. */
describe('test support: stdout read as the runner reads it', () => {
  test.each([
    ['::warning::x', 'warning', 'processed'],
    ['  \u00a0::ERROR file=a%2Cb::x%0Ay', 'error', 'processed'],
    ['text ##[warning]x', 'warning', 'processed'],
    ['::unknown:: then ##[debug]x', 'debug', 'processed'],
    ['x ::warning::y', undefined, undefined],
    ['#\u200b#[warning]x', undefined, undefined]
  ] as const)('%j', (line, name, outcome) => {
    const [c] = runnerCommands(`${line}\n`)
    expect(c?.name).toBe(name)
    expect(c?.outcome).toBe(outcome)
  })

  test('after stop-commands everything is ignored until the token, in either form', () => {
    const stdout = [
      'a ##[stop-commands]Tok123',
      '::add-mask::secret-value',
      '::warning::hidden',
      '##[TOK123]',
      '::add-mask::secret-value'
    ].join('\r\n')
    expect(runnerCommands(stdout).map((c) => [c.name, c.outcome])).toEqual([
      ['stop-commands', 'stop'],
      ['add-mask', 'ignored'],
      ['warning', 'ignored'],
      ['tok123', 'resume'],
      ['add-mask', 'processed']
    ])
    const found = foreignCommands(stdout)
    expect(found).toContainEqual(
      expect.stringMatching(/line 2: ::add-mask:: ignored .*secret is shown/)
    )
    expect(
      findLeaks(
        {
          exitCode: 0,
          stdout,
          outputs: {},
          state: {},
          env: {},
          summary: '',
          masks: []
        },
        ['secret-value']
      )
    ).toEqual(['secret #0 in run 0 log'])
  })
})
