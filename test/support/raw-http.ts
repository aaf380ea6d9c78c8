/**
 * One HTTP/1.1 exchange on a raw socket, for tests that talk to the emulators
 * directly. Raw TCP rather than node:http or fetch: a test file that ran earlier in
 * the same jest worker may have left nock intercepting them with net connect
 * disabled.
 */
import { connect, type Socket } from 'node:net'

export interface Reply {
  status: number
  headers: Record<string, string>
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

/**
 * Writes one HTTP/1.1 request on a raw socket and parses the reply when the
 * server closes the connection (rejects when it closes without answering).
 */
export function exchange(socket: Socket, request: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    socket.on('data', (d: Buffer) => chunks.push(d))
    socket.on('error', reject)
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const sep = raw.indexOf('\r\n\r\n')
      if (sep < 0) return reject(new Error('closed without a response'))
      const [statusLine = '', ...lines] = raw.slice(0, sep).split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const i = line.indexOf(':')
        headers[line.slice(0, i).trim().toLowerCase()] = line
          .slice(i + 1)
          .trim()
      }
      const text = raw.slice(sep + 4)
      let json: unknown
      try {
        json = text ? JSON.parse(text) : undefined
      } catch {
        json = undefined
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, text, json })
    })
    socket.write(request)
  })
}

/** One request to `base` (an http://127.0.0.1:<port> origin). `target` is
 * a path, or an absolute URI when `base` is a proxy. */
export function call(
  base: string,
  method: string,
  target: string,
  opts: {
    headers?: Record<string, string>
    body?: unknown
    form?: Record<string, string>
  } = {}
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers }
  let body = ''
  if (opts.form) {
    body = new URLSearchParams(opts.form).toString()
    headers['content-type'] = 'application/x-www-form-urlencoded'
  } else if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
    headers['content-type'] = 'application/json'
  }
  const { host, port } = new URL(base)
  const head = [
    `${method} ${target} HTTP/1.1`,
    `Host: ${host}`,
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)
  ].join('\r\n')
  return exchange(connect(Number(port), '127.0.0.1'), `${head}\r\n\r\n${body}`)
}
