import type { Agent, ClientRequestArgs } from 'node:http'
import { createRequire } from 'node:module'
import type { Duplex } from 'node:stream'
import type { ConnectionOptions } from 'node:tls'

/**
 * Connections for src/http.ts: one kept-alive agent per origin, whose first connection
 * may have been opened ahead of the first request (a pre-connection). Direct connections
 * here; proxy tunnels in src/proxy.ts, loaded only when a proxy is configured.
 */

// require(), not import(): an ESM import of a Node built-in makes Node build a facade
// by evaluating every export getter (for node:http that loads the bundled undici).
const builtin = <T>(name: string): T =>
  createRequire(import.meta.url)(name) as T
type Net = typeof import('node:net')
type Tls = typeof import('node:tls')

/** Where a connection goes: the origin's host (no brackets), port and scheme. */
export interface Target {
  host: string
  port: number
  secure: boolean
}

export function targetOf(url: URL): Target {
  const secure = url.protocol === 'https:'
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(url.port || (secure ? 443 : 80)),
    secure
  }
}

/** TLS with `host`, its certificate verified for that name (SNI only for names). */
function tlsOptions(net: Net, host: string, port: number): ConnectionOptions {
  return { host, port, ...(net.isIP(host) ? {} : { servername: host }) }
}

/**
 * A connection to one origin: a socket right away when direct, or the promise of one
 * (once the proxy's tunnel and the TLS session with the origin stand).
 */
export type PendingConnection = { socket: Duplex } | { tunnel: Promise<Duplex> }

/** A direct connection: TCP, plus TLS for https. */
export function openDirect(target: Target): PendingConnection {
  const net = builtin<Net>('node:net')
  if (!target.secure) return { socket: net.connect(target.port, target.host) }
  const tls = builtin<Tls>('node:tls')
  return { socket: tls.connect(tlsOptions(net, target.host, target.port)) }
}

/**
 * A kept-alive agent for one origin: the requests of a step share its connections (one
 * per origin, proxy tunnel included), and its first connection is the pre-connection
 * when there is one still usable.
 */
export function originAgent(
  module: typeof import('node:http'),
  open: () => PendingConnection,
  takeSpare: () => PendingConnection | undefined
): Agent {
  const agent = new module.Agent({ keepAlive: true })
  agent.createConnection = (
    _options: ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void
  ): Duplex | undefined => {
    const spare = takeSpare()
    let pending: PendingConnection
    if (spare && 'tunnel' in spare) {
      // A tunnel that failed to open is replaced by a fresh attempt.
      pending = {
        tunnel: spare.tunnel.catch(() => {
          const fresh = open()
          return 'socket' in fresh ? fresh.socket : fresh.tunnel
        })
      }
    } else if (spare && !spare.socket.destroyed) {
      pending = spare
    } else {
      pending = open()
    }
    // Direct sockets are returned at once, like Node's own agent (test doubles of
    // node:http rely on that); tunnels are handed over when they stand.
    if ('socket' in pending) return pending.socket
    pending.tunnel.then(
      (stream) => callback?.(null, stream),
      (error: Error) => callback?.(error, undefined as unknown as Duplex)
    )
    return undefined
  }
  return agent
}
