// Minimal types for `tunnel` (the CONNECT agent @actions/http-client uses), for the
// parts src/http.ts calls.
declare module 'tunnel' {
  import type { Agent } from 'node:http'
  interface ProxyOptions {
    host: string
    port: number
    proxyAuth?: string
  }
  interface TunnelOptions {
    proxy: ProxyOptions
    maxSockets?: number
  }
  const tunnel: {
    httpOverHttp(options: TunnelOptions): Agent
    httpsOverHttp(options: TunnelOptions): Agent
    httpOverHttps(options: TunnelOptions): Agent
    httpsOverHttps(options: TunnelOptions): Agent
  }
  export default tunnel
}
