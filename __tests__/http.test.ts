/**
 * The HTTP client on its own, with an injected clock, sleep and random source: backoff
 * and jitter bounds, Retry-After (seconds and HTTP date), X-RateLimit-Reset units, the
 * time budget, and that a creating request is never blindly repeated.
 */
import {
  afterEach,
  beforeEach,
  describe,
  expect,
  jest,
  test
} from '@jest/globals'
import nock from 'nock'
import { connect, createServer, type Socket } from 'node:net'
import { ActionError, AmbiguousRequestError } from '../src/errors.js'
import { Http, type RequestSpec } from '../src/http.js'
import { Logger } from '../src/log.js'

const ORIGIN = 'https://abc12345.apps.dynatrace.com'
const PATH = '/platform/classic/environment-api/v2/apiTokens'
/** The server's clock in these tests, and the runner's at the start. */
const T0 = Date.parse('2026-11-21T06:00:00Z')
const DATE = { Date: new Date(T0).toUTCString() }

let clock: number
let sleeps: number[]
let stdout: jest.SpiedFunction<typeof process.stdout.write>

beforeEach(() => {
  nock.disableNetConnect()
  clock = T0
  sleeps = []
  // The client logs each retry through @actions/core; keep it out of the test output.
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => {
  nock.cleanAll()
  stdout.mockRestore()
})

function client(
  options: { random?: number; maxRetries?: number; budgetMs?: number } = {}
): Http {
  return new Http({
    log: new Logger(),
    server: 'Dynatrace',
    allowedOrigins: [ORIGIN],
    deadline: T0 + (options.budgetMs ?? 120_000),
    maxRetries: options.maxRetries ?? 4,
    requestTimeoutMs: 30_000,
    now: () => clock,
    sleep: (ms) => {
      sleeps.push(ms)
      clock += ms
      return Promise.resolve()
    },
    random: () => options.random ?? 0.5
  })
}

const GET: RequestSpec = {
  method: 'GET',
  url: `${ORIGIN}${PATH}`,
  what: 'list tokens'
}
const CREATE: RequestSpec = {
  method: 'POST',
  url: `${ORIGIN}${PATH}`,
  what: 'create the classic API token',
  json: { name: 'x' },
  creates: true
}

describe('backoff', () => {
  test.each([
    [0, [250, 500, 1000, 2000, 4000, 4000]],
    [0.999, [500, 1000, 1999, 3998, 7996, 7996]]
  ])(
    'equal jitter with random %s: between half and all of 500 ms × 2^n, capped at 8 s',
    async (random, expected) => {
      nock(ORIGIN).get(PATH).times(7).reply(503, '', DATE)
      const response = await client({ random, maxRetries: 6 }).request(GET)
      expect(response.status).toBe(503)
      expect(sleeps).toEqual(expected)
    }
  )

  test('every delay stays within [exp/2, exp] whatever the random source says', async () => {
    for (const random of [0, 0.1, 0.37, 0.5, 0.93, 0.999999]) {
      sleeps = []
      nock(ORIGIN).get(PATH).times(5).reply(502, '', DATE)
      await client({ random }).request(GET)
      sleeps.forEach((ms, n) => {
        const exp = Math.min(8000, 500 * 2 ** n)
        expect(ms).toBeGreaterThanOrEqual(exp / 2)
        expect(ms).toBeLessThanOrEqual(exp)
      })
    }
  })

  test('stops after max-retries and returns the last answer', async () => {
    nock(ORIGIN).get(PATH).times(3).reply(429, '', DATE)
    const response = await client({ maxRetries: 2 }).request(GET)
    expect(response.status).toBe(429)
    expect(sleeps).toHaveLength(2)
    expect(nock.isDone()).toBe(true)
  })

  test('a status that is not transient is returned at once', async () => {
    nock(ORIGIN).get(PATH).reply(400, '{}', DATE)
    expect((await client().request(GET)).status).toBe(400)
    expect(sleeps).toEqual([])
  })
})

describe('the server says how long to wait', () => {
  test('Retry-After in seconds', async () => {
    nock(ORIGIN)
      .get(PATH)
      .reply(429, '', { ...DATE, 'Retry-After': '3' })
      .get(PATH)
      .reply(200, '{}', DATE)
    expect((await client().request(GET)).status).toBe(200)
    expect(sleeps).toEqual([3000])
  })

  test('Retry-After as an HTTP date, against the server clock', async () => {
    nock(ORIGIN)
      .get(PATH)
      .reply(503, '', {
        ...DATE,
        'Retry-After': new Date(T0 + 5000).toUTCString()
      })
      .get(PATH)
      .reply(200, '{}', DATE)
    await client().request(GET)
    expect(sleeps).toEqual([5000])
  })

  test.each([
    ['Unix seconds', String((T0 + 7000) / 1000), 7000],
    ['milliseconds', String(T0 + 7000), 7000],
    ['microseconds', String((T0 + 7000) * 1000), 7000],
    [
      'a reset far away is capped at 60 s',
      String((T0 + 600_000) / 1000),
      60_000
    ],
    ['a reset in the past means no wait', String((T0 - 5000) / 1000), 0]
  ])('X-RateLimit-Reset in %s', async (_name, reset, expected) => {
    nock(ORIGIN)
      .get(PATH)
      .reply(429, '', { ...DATE, 'X-RateLimit-Reset': reset })
      .get(PATH)
      .reply(200, '{}', DATE)
    await client().request(GET)
    expect(sleeps).toEqual([expected])
  })
})

describe('the time budget', () => {
  test('a wait that would pass the budget fails at once, saying so', async () => {
    nock(ORIGIN)
      .get(PATH)
      .reply(429, '', { ...DATE, 'Retry-After': '30' })
    const error = await client({ budgetMs: 10_000 })
      .request(GET)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toBe(
      "Could not list tokens: HTTP 429, and waiting 30 s for the next attempt would exceed the step's time budget (timeout-seconds). Raise timeout-seconds or try again later."
    )
    expect(sleeps).toEqual([])
  })

  test('no request is sent once the budget is used up', async () => {
    const http = client({ budgetMs: 1000 })
    clock += 1000
    const error = await http.request(GET).catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      "Could not list tokens: the step's time budget (timeout-seconds) is used up. Raise timeout-seconds if Dynatrace is slow or rate-limiting."
    )
    expect(nock.pendingMocks()).toEqual([])
  })
})

describe('a creating request is never blindly repeated', () => {
  test.each([502, 504])(
    'HTTP %i from a gateway is ambiguous: no retry',
    async (status) => {
      const scope = nock(ORIGIN).post(PATH).reply(status, '', DATE)
      const error = await client()
        .request(CREATE)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AmbiguousRequestError)
      expect((error as Error).message).toBe(
        `Could not create the classic API token: HTTP ${status} from a gateway, so it may or may not have succeeded.`
      )
      expect(scope.isDone()).toBe(true)
      expect(sleeps).toEqual([])
    }
  )

  test.each([429, 503])(
    'HTTP %i means the server did not act: retried',
    async (status) => {
      nock(ORIGIN)
        .post(PATH)
        .reply(status, '', DATE)
        .post(PATH)
        .reply(201, '{}', DATE)
      expect((await client().request(CREATE)).status).toBe(201)
      expect(sleeps).toHaveLength(1)
    }
  )

  test('a connection error before anything was sent is retried', async () => {
    nock(ORIGIN)
      .post(PATH)
      .replyWithError(
        Object.assign(new Error('connect ECONNREFUSED'), {
          code: 'ECONNREFUSED'
        })
      )
      .post(PATH)
      .reply(201, '{}', DATE)
    expect((await client().request(CREATE)).status).toBe(201)
  })

  test('the same gateway answer to a read is retried', async () => {
    nock(ORIGIN).get(PATH).reply(502, '', DATE).get(PATH).reply(200, '{}', DATE)
    expect((await client().request(GET)).status).toBe(200)
    expect(sleeps).toHaveLength(1)
  })
})

describe('where requests may go', () => {
  test('an origin that is not configured is refused before any connection', async () => {
    const error = await client()
      .request({ ...GET, url: 'https://evil.example.com/x' })
      .catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /^Refusing to send a request to https:\/\/evil\.example\.com to list tokens/
    )
  })

  test('the server clock is read from the Date header', async () => {
    nock(ORIGIN)
      .get(PATH)
      .reply(200, '{}', { Date: new Date(T0 + 3_600_000).toUTCString() })
    const http = client()
    await http.request(GET)
    expect(http.serverNow()).toBe(T0 + 3_600_000)
  })

  test('a pre-connection opens only to a configured origin, and dispose drops it', async () => {
    // Two loopback listeners count the connections they get; nothing is ever written.
    const listeners = await Promise.all(
      [0, 1].map(async () => {
        const sockets: Socket[] = []
        const server = createServer((s) => sockets.push(s))
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
        const port = (server.address() as { port: number }).port
        return { server, sockets, url: `http://127.0.0.1:${port}` }
      })
    )
    const [allowed, other] = listeners as [
      (typeof listeners)[0],
      (typeof listeners)[0]
    ]
    const http = new Http({
      log: new Logger(),
      server: 'Dynatrace',
      allowedOrigins: [allowed.url],
      deadline: Date.now() + 60_000,
      maxRetries: 0,
      requestTimeoutMs: 10_000
    })
    http.preconnect(`${other.url}/x`)
    http.preconnect(`${allowed.url}/x`)
    http.preconnect(`${allowed.url}/again`) // one per origin
    const arrived = await new Promise<Socket>((resolve) =>
      allowed.server.once('connection', resolve)
    )
    const closed = new Promise<void>((resolve) =>
      arrived.once('close', resolve)
    )
    http.dispose()
    await closed
    // A probe opened afterwards arrives after anything opened before it.
    const probe = connect(Number(new URL(other.url).port), '127.0.0.1')
    await new Promise((resolve) => other.server.once('connection', resolve))
    probe.destroy()
    expect(allowed.sockets).toHaveLength(1)
    expect(other.sockets).toHaveLength(1) // the probe only
    for (const l of listeners) l.server.close()
  })
})
