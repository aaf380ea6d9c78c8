/**
 * Loopback address literals (`localhost`, 127.0.0.0/8, ::1): the only hosts plain http
 * may go to. Not RFC 6761's `*.localhost` names: Node asks DNS for them, and the
 * Actions toolkit's proxy rules send them through HTTP_PROXY, so a client secret would
 * travel in clear. Expects a WHATWG URL hostname (IPv4 normalised, IPv6 in brackets).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return (
    host === 'localhost' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '[::1]'
  )
}
