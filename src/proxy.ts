import { createRequire } from 'node:module'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { ConnectionOptions, TLSSocket } from 'node:tls'
import { checkBypass } from '@actions/http-client/lib/proxy'
// Types only: this module stays a leaf, so the start-up chunks do not grow for it.
import type { Target } from './connections.js'

/**
 * Forward proxies (HTTPS_PROXY): which one applies, and CONNECT tunnels through it with
 * TLS end to end with the origin, so the proxy sees host and port and nothing else.
 * Loaded only when a proxy variable is set.
 */

const builtin = <T>(name: string): T =>
  createRequire(import.meta.url)(name) as T
type Net = typeof import('node:net')
type Tls = typeof import('node:tls')

/** TLS with `host`, its certificate verified for that name (SNI only for names). */
function tlsOptions(net: Net, host: string, port: number): ConnectionOptions {
  return { host, port, ...(net.isIP(host) ? {} : { servername: host }) }
}

/** A forward proxy for https requests. */
export interface Proxy {
  host: string
  port: number
  /** The proxy is reached over TLS (an https:// proxy URL). */
  secure: boolean
  /** `user:password` for Proxy-Authorization, percent-decoded once. */
  auth?: string
}

/** Largest CONNECT answer head accepted from a proxy. */
const MAX_HEAD_BYTES = 16 * 1024

/**
 * The proxy an https request goes through, from https_proxy / HTTPS_PROXY, or undefined
 * for a direct connection (no variable, or the host is loopback or in NO_PROXY, as
 * @actions/http-client decides), or `{ unusable }`: a message naming the variable, never
 * its value, for a variable that is set but cannot be used. The caller fails on it: a
 * silently ignored proxy means a direct connection the network may not allow, and the
 * value may hold a password.
 */
export function proxyFor(url: URL): Proxy | { unusable: string } | undefined {
  const name = process.env.https_proxy ? 'https_proxy' : 'HTTPS_PROXY'
  const value = process.env[name]
  if (!value || checkBypass(url)) return undefined
  const unusable = (why: string): { unusable: string } => ({
    unusable: `${name} is set but is not a usable proxy URL: ${why}. Set it to http://[user:password@]host:port, with special characters in the user name and password percent-encoded (% as %25, @ as %40, : as %3A), or unset it to connect directly.`
  })
  let proxy: URL
  try {
    // A bare host:port means http://host:port (as curl and @actions/http-client read it).
    proxy = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`
    )
  } catch {
    return unusable('it is not a URL')
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    return unusable(
      `the scheme ${proxy.protocol.slice(0, 16).replace(/[^a-z0-9+.:-]/gi, '?')} is not supported (only http:// and https:// proxies are)`
    )
  }
  if (proxy.hostname === '') return unusable('it names no host')
  const secure = proxy.protocol === 'https:'
  const result: Proxy = {
    host: proxy.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(proxy.port || (secure ? 443 : 80)),
    secure
  }
  if (proxy.username !== '' || proxy.password !== '') {
    // Decoded exactly once: the URL parser leaves percent-escapes in userinfo as they are.
    try {
      result.auth = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
    } catch {
      return unusable(
        `the user name or password (for proxy ${proxy.host}) is not correctly percent-encoded; write a literal % as %25`
      )
    }
  }
  return result
}

/** CONNECT through the proxy, then TLS with the origin inside the tunnel. */
export function openTunnel(target: Target, proxy: Proxy): Promise<Duplex> {
  const net = builtin<Net>('node:net')
  const tls = builtin<Tls>('node:tls')
  return new Promise((resolve, reject) => {
    const toProxy: Socket | TLSSocket = proxy.secure
      ? tls.connect(tlsOptions(net, proxy.host, proxy.port))
      : net.connect(proxy.port, proxy.host)
    const fail = (error: Error): void => {
      toProxy.destroy()
      reject(error)
    }
    const refused = (what: string): void =>
      fail(
        Object.assign(new Error(`the proxy answered CONNECT with ${what}`), {
          code: `the proxy answered CONNECT with ${what}`
        })
      )
    toProxy.once('error', fail)
    const authority = `${net.isIPv6(target.host) ? `[${target.host}]` : target.host}:${target.port}`
    const auth =
      proxy.auth === undefined
        ? ''
        : `Proxy-Authorization: Basic ${Buffer.from(proxy.auth).toString('base64')}\r\n`
    toProxy.write(
      `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`
    )
    let head = Buffer.alloc(0)
    const onEnd = (): void => refused('a closed connection')
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) refused('an oversized answer')
        return
      }
      toProxy.off('data', onData)
      toProxy.off('end', onEnd)
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(
        head.subarray(0, end).toString('latin1')
      )?.[1]
      if (status !== '200')
        return refused(status ? `HTTP ${status}` : 'a malformed answer')
      // The origin speaks only after our ClientHello: bytes before it are not its.
      if (head.length > end + 4) return refused('data before TLS')
      toProxy.off('error', fail)
      const secured = tls.connect({
        ...tlsOptions(net, target.host, target.port),
        socket: toProxy
      })
      secured.once('error', (error) => {
        secured.destroy()
        reject(error)
      })
      secured.once('secureConnect', () => {
        secured.removeAllListeners('error')
        resolve(secured)
      })
    }
    toProxy.on('data', onData)
    toProxy.once('end', onEnd)
  })
}
