/**
 * A tiny HTTP forward proxy for tests: absolute-URI requests (plain http)
 * and CONNECT tunnels (https, or http through a tunnelling agent).
 *
 * The action bypasses proxies only for loopback literals, so tests point it
 * at a name such as http://emulator.localhost:<port>; the proxy connects any
 * `*.localhost` host to 127.0.0.1 and every other host to itself. `seen`
 * records `host:port` as the client asked for it, in arrival order, and
 * `auth` the decoded Proxy-Authorization (Basic) of each, '' when none.
 *
 * It works on raw TCP sockets rather than node:http on purpose: a test file
 * that ran earlier in the same jest worker may have left nock's interceptor
 * on node:http with net connect disabled, which would break the upstream leg.
 */
import { connect, createServer, type Socket } from 'node:net'

export interface ForwardProxy {
  url: string
  seen: string[]
  auth: string[]
  close(): Promise<void>
}

function targetHost(hostname: string): string {
  const h = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  return h === 'localhost' || h.endsWith('.localhost') ? '127.0.0.1' : h
}

const BAD_GATEWAY =
  'HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
const BAD_REQUEST =
  'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'

export async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: string[] = []
  const auth: string[] = []
  const sockets = new Set<Socket>()
  const track = (s: Socket): Socket => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    return s
  }

  /** Connects upstream; on failure answers 502 if nothing was relayed yet. */
  function open(
    client: Socket,
    host: string,
    port: number,
    onConnect: (upstream: Socket) => void
  ): void {
    let connected = false
    const upstream = track(
      connect(port, targetHost(host), () => {
        connected = true
        onConnect(upstream)
        upstream.pipe(client)
        client.pipe(upstream)
        client.resume()
      })
    )
    upstream.on('error', () => {
      if (!connected && client.writable) client.end(BAD_GATEWAY)
      else client.destroy()
    })
    client.on('error', () => upstream.destroy())
  }

  function handleHead(client: Socket, head: string, rest: Buffer): void {
    const [requestLine = '', ...headerLines] = head.split('\r\n')
    const [method = '', target = '', version = 'HTTP/1.1'] =
      requestLine.split(' ')
    const basic = headerLines
      .map((l) => /^proxy-authorization:\s*basic\s+(\S+)/i.exec(l)?.[1])
      .find((v) => v !== undefined)
    const recordAuth = (): void => {
      auth.push(basic ? Buffer.from(basic, 'base64').toString('utf8') : '')
    }

    if (method.toUpperCase() === 'CONNECT') {
      const m = /^(.*):(\d+)$/.exec(target)
      if (!m) return void client.end(BAD_REQUEST)
      seen.push(target)
      recordAuth()
      open(client, m[1]!, Number(m[2]), (upstream) => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        if (rest.length > 0) upstream.write(rest)
      })
      return
    }

    let url: URL
    try {
      url = new URL(target)
    } catch {
      return void client.end(BAD_REQUEST)
    }
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
    seen.push(`${url.hostname}:${port}`)
    recordAuth()
    // Origin-form request line, and one request per upstream connection so
    // the relay never has to find message boundaries.
    const headers = headerLines.filter(
      (l) => !/^(proxy-connection|connection|keep-alive)\s*:/i.test(l)
    )
    const rewritten =
      [`${method} ${url.pathname}${url.search} ${version}`, ...headers].join(
        '\r\n'
      ) + '\r\nConnection: close\r\n\r\n'
    open(client, url.hostname, port, (upstream) => {
      upstream.write(rewritten)
      if (rest.length > 0) upstream.write(rest)
    })
  }

  const server = createServer((client) => {
    track(client)
    let buffered = Buffer.alloc(0)
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk])
      const end = buffered.indexOf('\r\n\r\n')
      if (end < 0) {
        if (buffered.length > 65536) client.end(BAD_REQUEST)
        return
      }
      client.off('data', onData)
      client.pause()
      handleHead(
        client,
        buffered.subarray(0, end).toString('latin1'),
        buffered.subarray(end + 4)
      )
    }
    client.on('data', onData)
    client.on('error', () => client.destroy())
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') {
    throw new Error('Proxy did not get a TCP port')
  }

  return {
    url: `http://127.0.0.1:${address.port}`,
    seen,
    auth,
    async close() {
      const done = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const s of sockets) s.destroy()
      await done
    }
  }
}
