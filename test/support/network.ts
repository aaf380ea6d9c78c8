/**
 * A real-network stand-in on loopback, for tests and the bench: TLS fronts (one per
 * origin) that terminate TLS with a throw-away CA and pass the plain text on to the
 * emulator, recording every connection; and a forwarder that adds round-trip time,
 * half each way, to everything that crosses it (the TCP handshake itself is local, so
 * not counted).
 */
import { connect, createServer, type Server, type Socket } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'

/** One TLS connection a front accepted. */
export interface FrontConnection {
  /** Local clock (ms) when the TCP connection arrived, and when TLS was up. */
  openedAt: number
  securedAt?: number
  /** When the client sent its first byte of HTTP, and when the connection closed. */
  firstDataAt?: number
  closedAt?: number
  /** When the server's first byte went back to the client. */
  firstReplyAt?: number
  /** Everything the client sent inside TLS (request heads and bodies). */
  plaintext: string
}

export interface TlsFront {
  /** https://127.0.0.1:<port> */
  url: string
  port: number
  connections: FrontConnection[]
  close(): Promise<void>
}

async function listen(server: Server, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string')
    throw new Error('no TCP port')
  return address.port
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return async () => {
    const done = new Promise<void>((resolve) => server.close(() => resolve()))
    for (const s of sockets) s.destroy()
    await done
  }
}

/** A TLS front on `host` (default 127.0.0.1) for the plain-http server on `upstreamPort`. */
export async function startTlsFront(
  upstreamPort: number,
  tls: { key: string; cert: string },
  host = '127.0.0.1'
): Promise<TlsFront> {
  const connections: FrontConnection[] = []
  const sockets = new Set<Socket>()
  const track = (s: Socket): void => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  }
  // A TLS socket and the TCP connection under it share the client's port.
  const byPort = new Map<number | undefined, FrontConnection>()
  const server = createTlsServer(tls, (client) => {
    const conn = byPort.get(client.remotePort) ?? {
      openedAt: Date.now(),
      plaintext: ''
    }
    conn.securedAt = Date.now()
    track(client)
    const upstream = connect(upstreamPort, '127.0.0.1')
    track(upstream)
    client.on('data', (chunk: Buffer) => {
      conn.firstDataAt ??= Date.now()
      conn.plaintext += chunk.toString('latin1')
      upstream.write(chunk)
    })
    upstream.on('data', () => {
      conn.firstReplyAt ??= Date.now()
    })
    upstream.pipe(client)
    client.on('end', () => upstream.end())
    client.on('close', () => {
      conn.closedAt = Date.now()
      upstream.destroy()
    })
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
  })
  server.on('connection', (socket: Socket) => {
    track(socket)
    const conn: FrontConnection = { openedAt: Date.now(), plaintext: '' }
    connections.push(conn)
    byPort.set(socket.remotePort, conn)
    socket.on('close', () => {
      conn.closedAt ??= Date.now()
    })
  })
  server.on('tlsClientError', () => undefined)
  const port = await listen(server, host)
  return {
    url: `https://${host}:${port}`,
    port,
    connections,
    close: closer(server, sockets)
  }
}

export interface DelayLink {
  /** The forwarder's port on 127.0.0.1. */
  port: number
  /** Round-trip time added from now on (half each way). */
  setRtt(ms: number): void
  close(): Promise<void>
}

/** A TCP forwarder to 127.0.0.1:`targetPort` that delays every chunk by RTT/2 each way. */
export async function startDelayLink(
  targetPort: number,
  rttMs = 0
): Promise<DelayLink> {
  let rtt = rttMs
  const sockets = new Set<Socket>()
  const track = (s: Socket): Socket => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    return s
  }
  // Same delay for every chunk of a direction, so timers keep the order.
  const relay = (from: Socket, to: Socket): void => {
    from.on('data', (chunk: Buffer) => {
      const send = (): void => {
        if (!to.destroyed) to.write(chunk)
      }
      if (rtt === 0) send()
      else setTimeout(send, rtt / 2)
    })
    from.on('end', () => {
      if (rtt === 0) to.end()
      else setTimeout(() => to.end(), rtt / 2)
    })
  }
  const server = createServer((client) => {
    track(client)
    const upstream = track(connect(targetPort, '127.0.0.1'))
    relay(client, upstream)
    relay(upstream, client)
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
    client.on('close', () =>
      rtt === 0
        ? upstream.destroy()
        : setTimeout(() => upstream.destroy(), rtt / 2)
    )
    upstream.on('close', () =>
      rtt === 0 ? client.destroy() : setTimeout(() => client.destroy(), rtt / 2)
    )
  })
  const port = await listen(server)
  return {
    port,
    setRtt: (ms) => {
      rtt = ms
    },
    close: closer(server, sockets)
  }
}
