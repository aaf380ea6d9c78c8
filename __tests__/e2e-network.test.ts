/**
 * End to end over the committed bundle: where the client secret may travel. Plain
 * http only to loopback literals and never through a proxy; proxy URLs that cannot
 * be used fail closed, naming the variable and never its password; the connection
 * opened ahead of the first request after SSO carries nothing before the bearer, is
 * dropped when SSO fails, and behind a proxy each origin gets one tunnel per step
 * (NO_PROXY honoured). Each on the bundled Node 24 and on the machine's own Node,
 * against the emulator over TLS (a throw-away CA trusted through NODE_EXTRA_CA_CERTS),
 * with one TLS front per origin (test/support/network.ts) and a forward proxy.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  test
} from '@jest/globals'
import { lookup } from 'node:dns/promises'
import { hostname } from 'node:os'
import {
  DEMO_CLIENT,
  startForwardProxy,
  type ForwardProxy
} from '../test/emulator/index.js'
import {
  annotations,
  emulatorInputs,
  nodeBinaries,
  runJob
} from '../test/support/runner.js'
import {
  SSO,
  STACK,
  TOKENS,
  emulators,
  expectClean,
  sequence
} from '../test/support/e2e.js'
import { createTestCa, hasOpenssl, type TestCa } from '../test/support/tls.js'
import {
  startTlsFront,
  type FrontConnection,
  type TlsFront
} from '../test/support/network.js'

const emulator = emulators()
const proxies: ForwardProxy[] = []
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()))
})
async function proxy(): Promise<ForwardProxy> {
  const p = await startForwardProxy()
  proxies.push(p)
  return p
}

const openssl = hasOpenssl()
/** This machine's name and the address it resolves to, for the NO_PROXY test. */
const machine = { name: hostname().toLowerCase(), address: '' }
let testCa: TestCa | undefined
const ca = (): TestCa =>
  (testCa ??= createTestCa([
    'localhost',
    '127.0.0.1',
    'emulator.localhost',
    'sso.localhost',
    'account.localhost',
    'environment.localhost',
    ...(machine.address ? [machine.name] : [])
  ]))
afterAll(() => testCa?.remove())
beforeAll(async () => {
  try {
    const { address } = await lookup(machine.name, { family: 4 })
    if (machine.name !== 'localhost' && !machine.name.endsWith('.localhost'))
      machine.address = address
  } catch {
    // not resolvable here: the NO_PROXY test is skipped
  }
})

const fronts: TlsFront[] = []
afterEach(async () => {
  await Promise.all(fronts.splice(0).map((f) => f.close()))
})

type Origin = 'sso' | 'account' | 'environment'
/**
 * The emulator behind three TLS fronts, one per origin, on 127.0.0.1 (`url`) or by
 * name for the proxy (`named`); `environmentHost` puts the environment's front on
 * another address (its URL then uses that name).
 */
async function threeOrigins(
  options: { latencyMs?: number; environmentHost?: string } = {}
): Promise<{
  emu: Awaited<ReturnType<typeof emulator>>
  front: Record<Origin, TlsFront>
  inputs: (
    via: 'direct' | 'named',
    extra?: Record<string, string>
  ) => Record<string, string>
}> {
  const emu = await emulator(
    options.latencyMs ? { latencyMs: options.latencyMs } : {}
  )
  const front = {} as Record<Origin, TlsFront>
  for (const o of ['sso', 'account', 'environment'] as Origin[]) {
    const host =
      o === 'environment' && options.environmentHost
        ? options.environmentHost
        : '127.0.0.1'
    front[o] = await startTlsFront(emu.port, ca(), host)
    fronts.push(front[o])
  }
  const url = (o: Origin, via: 'direct' | 'named'): string =>
    o === 'environment' && options.environmentHost
      ? `https://${machine.name}:${front[o].port}`
      : via === 'direct'
        ? front[o].url
        : `https://${o}.localhost:${front[o].port}`
  return {
    emu,
    front,
    inputs: (via, extra = {}) => ({
      ...emulatorInputs(emu, {}),
      'environment-url': url('environment', via),
      'sso-url': `${url('sso', via)}/sso/oauth2/token`,
      'account-api-url': url('account', via),
      'token-scopes': 'ReadConfig',
      ...extra
    })
  }
}

/** TLS connections a front accepted (the TLS handshake completed). */
const secured = (f: TlsFront): FrontConnection[] =>
  f.connections.filter((c) => c.securedAt !== undefined)

/** The emulator over TLS under a name only the proxy can resolve. */
async function tlsEmulator(): Promise<{
  emu: Awaited<ReturnType<typeof emulator>>
  origin: string
  inputs: (extra?: Record<string, string>) => Record<string, string>
}> {
  const { key, cert } = ca()
  const emu = await emulator({ tls: { key, cert } })
  const origin = `https://emulator.localhost:${emu.port}`
  return {
    emu,
    origin,
    inputs: (extra = {}) =>
      emulatorInputs({ url: origin, state: emu.state }, extra)
  }
}

describe.each(nodeBinaries())('on $label', ({ path: node }) => {
  if (!node) {
    test.skip('binary not installed', () => undefined)
    return
  }

  test('behind HTTPS_PROXY: every request through the proxy, one tunnel per origin per step, TLS end to end', async () => {
    if (!openssl) return
    const { emu, origin, inputs } = await tlsEmulator()
    const p = await proxy()
    const { main, post } = await runJob({
      node,
      inputs: inputs({ 'token-scopes': 'ReadConfig' }),
      env: { HTTPS_PROXY: p.url, NODE_EXTRA_CA_CERTS: ca().caPath }
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    expect(post!.log).toContain(`Revoked token ${main.outputs['token-id']!}.`)
    expect(sequence(emu)).toHaveLength(5)
    // One CONNECT per step for the one origin, kept alive for all its requests.
    expect(p.seen).toEqual([new URL(origin).host, new URL(origin).host])
    expect(p.auth).toEqual(['', ''])
    for (const r of emu.requests)
      expect(r.headers.host).toBe(new URL(origin).host)
    expect(main.state['platform-url']).toBe(origin)
    expectClean(emu, [main, post])
  })

  test('pre-connection: the environment connection opens while SSO is in flight and carries nothing before the bearer', async () => {
    if (!openssl) return
    // Every answer takes 300 ms, so the pre-connection's handshake ends long before SSO's.
    const { emu, front, inputs } = await threeOrigins({ latencyMs: 300 })
    const { main, post } = await runJob({
      node,
      // The bearer is an output only when asked for; here it is, to find it on the wire.
      inputs: inputs('direct', { 'output-access-token': 'true' }),
      env: { NODE_EXTRA_CA_CERTS: ca().caPath }
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    const bearer = main.outputs['access-token']!
    expect(bearer).toMatch(/^ey/)
    const [sso] = secured(front.sso)
    // Main: one connection per origin it talks to, none to Account Management.
    expect(secured(front.environment)).toHaveLength(2) // main's, then post's
    expect(secured(front.account)).toHaveLength(0)
    const env = secured(front.environment)[0]!
    // Opened (TLS done) before SSO answered, used only after.
    expect(env.securedAt!).toBeLessThan(sso!.firstReplyAt!)
    expect(env.firstDataAt!).toBeGreaterThanOrEqual(sso!.firstReplyAt!)
    // Its first bytes are the create, with the bearer SSO had just issued.
    expect(env.plaintext).toMatch(
      /^POST \/platform\/classic\/environment-api\/v2\/apiTokens HTTP\/1\.1\r\n/
    )
    expect(env.plaintext).toContain(`\r\nauthorization: Bearer ${bearer}\r\n`)
    expect(env.plaintext).not.toContain(DEMO_CLIENT.clientSecret)
    expect(env.plaintext).not.toContain('client_secret')
    // The same for post: the delete's connection.
    const postEnv = secured(front.environment)[1]!
    const postSso = secured(front.sso)[1]!
    expect(postEnv.securedAt!).toBeLessThan(postSso.firstReplyAt!)
    expect(postEnv.firstDataAt!).toBeGreaterThanOrEqual(postSso.firstReplyAt!)
    expect(postEnv.plaintext).toMatch(/^DELETE /)
    expect(postEnv.plaintext).not.toContain('client_secret')
    expect(sequence(emu)).toHaveLength(5)
    expectClean(emu, [main, post])
  })

  test('pre-connection: dropped unused when SSO fails', async () => {
    if (!openssl) return
    const { emu, front, inputs } = await threeOrigins({ latencyMs: 300 })
    const wrong = `${DEMO_CLIENT.clientSecret.slice(0, -8)}WRONGSEC`
    const { main } = await runJob({
      node,
      inputs: inputs('direct', { 'client-secret': wrong }),
      env: { NODE_EXTRA_CA_CERTS: ca().caPath },
      runPost: false
    })
    // A failure, not a step kept alive by the open connection until it is killed.
    expect(main.exitCode).toBe(1)
    expect(annotations(main)).toHaveLength(1)
    const env = secured(front.environment)
    expect(env).toHaveLength(1)
    expect(env[0]!.plaintext).toBe('')
    expect(env[0]!.closedAt).toBeDefined()
    expect(sequence(emu)).toEqual([`POST ${SSO}`])
  })

  test('behind HTTPS_PROXY: one CONNECT tunnel per origin per step, pre-connected too, TLS end to end', async () => {
    if (!openssl) return
    const { emu, front, inputs } = await threeOrigins()
    const p = await proxy()
    const { main, post } = await runJob({
      node,
      inputs: inputs('named'),
      env: { HTTPS_PROXY: p.url, NODE_EXTRA_CA_CERTS: ca().caPath }
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    const sso = `sso.localhost:${front.sso.port}`
    const env = `environment.localhost:${front.environment.port}`
    // Main: SSO, then create and verify on one tunnel; post: SSO, then delete.
    expect([...p.seen].sort()).toEqual([sso, sso, env, env].sort())
    expect(p.seen.filter((t) => t === env)).toHaveLength(2)
    expect(secured(front.sso)).toHaveLength(2)
    expect(secured(front.environment)).toHaveLength(2)
    expect(secured(front.account)).toHaveLength(0)
    expect(sequence(emu)).toHaveLength(5)
    expectClean(emu, [main, post])
  })

  test('NO_PROXY is honoured: a listed host is reached directly, the others through the proxy', async () => {
    if (!openssl || !machine.address) return
    const { emu, front, inputs } = await threeOrigins({
      environmentHost: machine.address
    })
    const p = await proxy()
    const { main, post } = await runJob({
      node,
      inputs: inputs('named'),
      env: {
        HTTPS_PROXY: p.url,
        NO_PROXY: machine.name,
        NODE_EXTRA_CA_CERTS: ca().caPath
      }
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    expect(p.seen).toEqual([
      `sso.localhost:${front.sso.port}`,
      `sso.localhost:${front.sso.port}`
    ])
    expect(secured(front.environment)).toHaveLength(2)
    expect(sequence(emu)).toHaveLength(5)
    expectClean(emu, [main, post])
  })

  test('plain http to a *.localhost name is refused before anything is sent, even with HTTP_PROXY set', async () => {
    const emu = await emulator()
    const p = await proxy()
    const origin = `http://emulator.localhost:${emu.port}`
    const { main, post } = await runJob({
      node,
      inputs: emulatorInputs(
        { url: origin, state: emu.state },
        { 'token-scopes': 'ReadConfig' }
      ),
      env: { HTTP_PROXY: p.url, http_proxy: p.url }
    })
    expect(main.exitCode).toBe(1)
    const errors = annotations(main)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(
      `sso-url: "${origin}/sso/oauth2/token" must use https (plain http is accepted only on loopback: localhost, 127.0.0.0/8 or [::1]`
    )
    expect(errors[0]).toContain(`environment-url: "${origin}" must use https`)
    // Nothing left the runner: the proxy never saw the client secret.
    expect(p.seen).toEqual([])
    expect(emu.requests).toEqual([])
    expect(main.stdout).not.toMatch(STACK)
    expectClean(emu, [main, post])
  })

  test('plain http to a loopback literal goes direct, never through HTTP_PROXY or HTTPS_PROXY', async () => {
    const emu = await emulator()
    const p = await proxy()
    const { main, post } = await runJob({
      node,
      inputs: emulatorInputs(emu, { 'token-scopes': 'ReadConfig' }),
      env: {
        HTTP_PROXY: p.url,
        http_proxy: p.url,
        HTTPS_PROXY: p.url,
        https_proxy: p.url
      }
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    expect(sequence(emu)).toHaveLength(5)
    expect(p.seen).toEqual([])
    expectClean(emu, [main, post])
  })

  const unusable: Array<[string, (port: string) => string, RegExp]> = [
    [
      'a password with a bare %',
      (port) => `http://proxyuser7:p%ss@127.0.0.1:${port}`,
      /the user name or password \(for proxy 127\.0\.0\.1:\d+\) is not correctly percent-encoded; write a literal % as %25/
    ],
    [
      'a scheme other than http(s)',
      (port) => `socks5://proxyuser7:hunter2@127.0.0.1:${port}`,
      /the scheme socks5: is not supported/
    ],
    [
      'no URL at all',
      () => 'http://proxyuser7:hunter2@[proxy',
      /it is not a URL/
    ]
  ]
  test.each(unusable)(
    'HTTPS_PROXY with %s fails closed, naming the variable and never its value',
    async (_label, value, reason) => {
      if (!openssl) return
      const { emu, inputs } = await tlsEmulator()
      const p = await proxy()
      const proxyUrl = value(new URL(p.url).port)
      const { main, post } = await runJob({
        node,
        inputs: inputs({ 'token-scopes': 'ReadConfig' }),
        env: { HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: ca().caPath }
      })
      expect(main.exitCode).toBe(1)
      const errors = annotations(main)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /^HTTPS_PROXY is set but is not a usable proxy URL: /
      )
      expect(errors[0]).toMatch(reason)
      expect(errors[0]).not.toMatch(/bug/i)
      for (const step of [main, post!]) {
        expect(step.stdout).not.toContain('proxyuser7')
        expect(step.stdout).not.toContain('p%ss')
        expect(step.stdout).not.toContain('hunter2')
        expect(step.stdout).not.toMatch(STACK)
      }
      // Failed closed: no direct connection instead of the proxy, nothing through it.
      expect(emu.requests).toEqual([])
      expect(p.seen).toEqual([])
    }
  )

  test('an HTTPS_PROXY password with %25 is decoded once and sent only to the proxy', async () => {
    if (!openssl) return
    const { emu, origin, inputs } = await tlsEmulator()
    const p = await proxy()
    const port = new URL(p.url).port
    const { main, post } = await runJob({
      node,
      inputs: inputs({ 'token-scopes': 'ReadConfig' }),
      env: {
        HTTPS_PROXY: `http://us%40er:p%25ss%3Aw@127.0.0.1:${port}`,
        NODE_EXTRA_CA_CERTS: ca().caPath
      }
    })
    expect(main.exitCode).toBe(0)
    expect(post!.exitCode).toBe(0)
    expect(sequence(emu)).toEqual([
      `POST ${SSO}`,
      `POST ${TOKENS}`,
      `GET ${TOKENS}/${main.outputs['token-id']!}`,
      `POST ${SSO}`,
      `DELETE ${TOKENS}/${main.outputs['token-id']!}`
    ])
    expect(p.seen.length).toBeGreaterThan(0)
    expect(new Set(p.seen)).toEqual(new Set([new URL(origin).host]))
    expect(new Set(p.auth)).toEqual(new Set(['us@er:p%ss:w']))
    // The proxy credentials go to the proxy only.
    for (const r of emu.requests) {
      expect(r.headers['proxy-authorization']).toBeUndefined()
      expect(r.headers.host).toBe(new URL(origin).host)
    }
    expectClean(emu, [main, post], { secrets: [DEMO_CLIENT.clientSecret] })
  })
})
