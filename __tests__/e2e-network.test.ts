/**
 * End to end over the committed bundle: where the client secret may travel. Plain
 * http only to loopback literals and never through a proxy; proxy URLs that cannot
 * be used fail closed, naming the variable and never its password. Each on the
 * bundled Node 24 and on the machine's own Node, against the emulator over TLS (a
 * throw-away CA trusted through NODE_EXTRA_CA_CERTS) and a forward proxy.
 */
import { afterAll, afterEach, describe, expect, test } from '@jest/globals'
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
let testCa: TestCa | undefined
const ca = (): TestCa => (testCa ??= createTestCa())
afterAll(() => testCa?.remove())

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
