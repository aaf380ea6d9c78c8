import type {
  Agent,
  IncomingHttpHeaders,
  OutgoingHttpHeaders,
  request as httpRequest
} from 'node:http'
import { createRequire } from 'node:module'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { ActionError, AmbiguousRequestError } from './errors.js'
import type { Logger } from './log.js'
import { USER_AGENT } from './version.js'

/** Statuses worth another try: rate limiting and gateway/availability trouble. */
const RETRY_STATUSES = new Set([429, 502, 503, 504])
/**
 * Gateway statuses after which a creating request may well have been processed by the
 * backend, so repeating it could create a second object.
 */
const AMBIGUOUS_STATUSES = new Set([502, 504])
/** A response body larger than this is cut off (a hostile or broken server). */
const MAX_BODY_BYTES = 1024 * 1024
const MAX_BACKOFF_MS = 8000
/** Name-resolution failures: the host name is wrong, or the runner has no DNS for it. */
const DNS_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME'])

/** "1 attempt", "3 attempts". */
export function attempts(n: number): string {
  return `${n} attempt${n === 1 ? '' : 's'}`
}
const BASE_BACKOFF_MS = 500

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RequestSpec {
  method: Method
  url: string
  /** What the request does, for messages: "create the classic API token". */
  what: string
  /** JSON body (serialised here) or a form (URLSearchParams). */
  json?: unknown
  form?: URLSearchParams
  /** Value for `Authorization`, e.g. `Bearer …`. Never logged. */
  authorization?: string
  /**
   * The request creates something. It is retried only when the server certainly did
   * not act on it (429, 503, or no connection); any other failure after sending throws
   * AmbiguousRequestError.
   */
  creates?: boolean
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
  /** The server's `Date` header in epoch ms, when present and valid. */
  serverDate?: number
}

export interface HttpOptions {
  log: Logger
  /** Origins (scheme://host[:port]) credentials may be sent to. Anything else is refused. */
  allowedOrigins: Iterable<string>
  /** Epoch ms by which the whole step must be done (`timeout-seconds`). */
  deadline: number
  maxRetries: number
  /** Timeout of one request, capped by what is left of the budget. */
  requestTimeoutMs: number
  /**
   * A wait (ms) that a retryable response asks for in its body, for APIs that say it
   * there rather than in a header. Retry-After still wins.
   */
  bodyRetryDelay?: (response: HttpResponse) => number | undefined
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  random?: () => number
}

/** A failure to get any response at all. */
class NetworkError extends Error {
  constructor(
    readonly code: string,
    /** A connection existed (the server may have the request) when it failed. */
    readonly sent: boolean
  ) {
    super(code)
  }
}

interface Transport {
  request: typeof httpRequest
  agent: Agent
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The action's one HTTP client: per-request timeouts inside an overall budget, bounded
 * jittered retries that honour Retry-After / X-RateLimit-Reset, no redirects, requests
 * only to the configured Dynatrace origins, proxies from HTTPS_PROXY/NO_PROXY (as
 * @actions/http-client resolves them), and kept-alive connections released by dispose().
 */
export class Http {
  private readonly allowed: Set<string>
  /** Per origin: the request function and agent (kept-alive or proxy tunnel). */
  private readonly transports = new Map<string, Transport>()
  private readonly sleep: (ms: number) => Promise<void>
  private readonly now: () => number
  private readonly random: () => number
  /** The most recent `Date` header seen from Dynatrace, with the local time it arrived. */
  private lastServerDate?: { server: number; local: number }

  constructor(private readonly options: HttpOptions) {
    this.allowed = new Set([...options.allowedOrigins])
    this.sleep = options.sleep ?? defaultSleep
    this.now = options.now ?? Date.now
    this.random = options.random ?? Math.random
  }

  /** A copy of this client with a fresh budget, for clean-up after the main budget ran out. */
  withBudget(ms: number): Http {
    const child = new Http({ ...this.options, deadline: this.now() + ms })
    for (const [k, v] of this.transports) child.transports.set(k, v)
    child.lastServerDate = this.lastServerDate
    return child
  }

  /** Dynatrace's clock, estimated from the last `Date` header (local clock if none yet). */
  serverNow(): number {
    if (!this.lastServerDate) return this.now()
    return this.lastServerDate.server + (this.now() - this.lastServerDate.local)
  }

  /** Close kept-alive connections so the process can exit at once. */
  dispose(): void {
    // Tunnel (proxy) agents keep no sockets alive and have no destroy().
    for (const { agent } of this.transports.values()) {
      if (typeof agent.destroy === 'function') agent.destroy()
    }
    this.transports.clear()
  }

  /**
   * Send a request, retrying transient failures. Resolves with the final response for
   * any status (callers map statuses to messages); rejects with ActionError when no
   * response could be had, or AmbiguousRequestError for a creating request.
   */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    const url = new URL(spec.url)
    if (!this.allowed.has(url.origin)) {
      // Defence in depth: endpoints are validated with the inputs, so this is a bug.
      throw new ActionError(
        `Refusing to send a request to ${url.origin} to ${spec.what}: it is not one of the configured Dynatrace endpoints.`
      )
    }
    for (let attempt = 0; ; attempt++) {
      const remaining = this.options.deadline - this.now()
      if (remaining <= 0) throw this.budgetError(spec)
      const timeout = Math.min(this.options.requestTimeoutMs, remaining)
      let response: HttpResponse
      try {
        response = await this.send(spec, url, timeout)
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        const reason =
          error.code === 'TIMEOUT'
            ? `no response within ${Math.round(timeout / 1000)} s`
            : DNS_ERRORS.has(error.code)
              ? `DNS lookup of ${url.hostname} failed (${error.code})`
              : `network error ${error.code}`
        if (spec.creates && error.sent) {
          throw new AmbiguousRequestError(
            `Could not ${spec.what}: ${reason} after the request was sent, so it may or may not have succeeded.`
          )
        }
        if (attempt >= this.options.maxRetries) {
          throw new ActionError(
            `Could not ${spec.what}: ${reason}${DNS_ERRORS.has(error.code) ? '' : ` from ${url.host}`} (after ${attempts(attempt + 1)}). Check that the endpoint is right and reachable from the runner (proxy settings: HTTPS_PROXY / NO_PROXY).`
          )
        }
        await this.pause(spec, attempt, undefined, reason)
        continue
      }
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.location
        const target = location ? safeHost(location, url) : 'nowhere'
        throw new ActionError(
          `Could not ${spec.what}: ${url.host} answered HTTP ${response.status} redirecting to ${target}. Redirects are not followed, so credentials are only ever sent to the configured endpoint; check the URL inputs (sso-url, environment-url, account-api-url).`
        )
      }
      if (!RETRY_STATUSES.has(response.status)) return response
      if (spec.creates && AMBIGUOUS_STATUSES.has(response.status)) {
        throw new AmbiguousRequestError(
          `Could not ${spec.what}: HTTP ${response.status} from a gateway, so it may or may not have succeeded.`
        )
      }
      if (attempt >= this.options.maxRetries) return response
      await this.pause(spec, attempt, response, `HTTP ${response.status}`)
    }
  }

  private budgetError(spec: RequestSpec): ActionError {
    return new ActionError(
      `Could not ${spec.what}: the step's time budget (timeout-seconds) is used up. Raise timeout-seconds if Dynatrace is slow or rate-limiting.`
    )
  }

  /** Wait before the next attempt: what the server asked for, else jittered exponential backoff. */
  private async pause(
    spec: RequestSpec,
    attempt: number,
    response: HttpResponse | undefined,
    reason: string
  ): Promise<void> {
    const asked = response ? this.serverDelay(response) : undefined
    const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt)
    // "Equal jitter": at least half the backoff, so retries never hammer the server.
    const delay = asked ?? Math.round(exp / 2 + (this.random() * exp) / 2)
    const remaining = this.options.deadline - this.now()
    if (delay >= remaining) {
      throw new ActionError(
        `Could not ${spec.what}: ${reason}, and waiting ${Math.ceil(delay / 1000)} s for the next attempt would exceed the step's time budget (timeout-seconds). Raise timeout-seconds or try again later.`
      )
    }
    this.options.log.info(
      `${reason} while trying to ${spec.what}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt + 1} of ${this.options.maxRetries}).`
    )
    await this.sleep(delay)
  }

  /**
   * Delay requested by Retry-After (seconds or HTTP date), the body (bodyRetryDelay), or
   * X-RateLimit-Reset (epoch).
   */
  private serverDelay(response: HttpResponse): number | undefined {
    const serverNow = response.serverDate ?? this.now()
    const retryAfter = header(response, 'retry-after')
    if (retryAfter !== undefined) {
      if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000
      const at = Date.parse(retryAfter)
      if (!Number.isNaN(at)) return Math.max(0, at - serverNow)
    }
    const fromBody = this.options.bodyRetryDelay?.(response)
    if (fromBody !== undefined) return fromBody
    const reset = header(response, 'x-ratelimit-reset')
    if (reset !== undefined && /^\d+$/.test(reset)) {
      // Documented as Unix seconds; the Managed docs say microseconds. Go by magnitude.
      let value = Number(reset)
      if (value > 1e14)
        value = value / 1000 // microseconds → ms
      else if (value < 1e11) value = value * 1000 // seconds → ms
      return Math.max(0, Math.min(value - serverNow, 60_000))
    }
    return undefined
  }

  /**
   * The transport for an origin, loaded on first use: TLS (node:https) only for https
   * URLs and the proxy tunnel only when a proxy applies, because initialising modules
   * a run does not use is start-up time paid on every job.
   */
  private async transportFor(url: URL): Promise<Transport> {
    const cached = this.transports.get(url.origin)
    if (cached) return cached
    const secure = url.protocol === 'https:'
    // require(), not import(): an ESM import of node:http makes Node build a facade by
    // evaluating every export getter, one of which loads Node's bundled undici (~12 ms).
    const module = {
      default: createRequire(import.meta.url)(
        secure ? 'node:https' : 'node:http'
      ) as typeof import('node:http')
    }
    // Proxy resolution is @actions/http-client's (HTTPS_PROXY / HTTP_PROXY / NO_PROXY,
    // loopback never proxied); the CONNECT tunnel is the `tunnel` agent it uses too.
    const proxy = getProxyUrl(url)
    let agent: Agent
    if (proxy) {
      const { default: tunnel } = await import('tunnel')
      const options = {
        proxy: {
          host: proxy.hostname,
          port: Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80)),
          ...(proxy.username || proxy.password
            ? {
                proxyAuth: `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
              }
            : {})
        }
      }
      const overHttps = proxy.protocol === 'https:'
      agent = secure
        ? overHttps
          ? tunnel.httpsOverHttps(options)
          : tunnel.httpsOverHttp(options)
        : overHttps
          ? tunnel.httpOverHttps(options)
          : tunnel.httpOverHttp(options)
    } else {
      // Kept alive so that requests to one host in a run share a connection.
      agent = new module.default.Agent({ keepAlive: true })
    }
    // Looked up on the module object at call time (test doubles patch it there).
    const transport: Transport = {
      request: (...args) =>
        module.default.request(...(args as Parameters<typeof httpRequest>)),
      agent
    }
    this.transports.set(url.origin, transport)
    return transport
  }

  private async send(
    spec: RequestSpec,
    url: URL,
    timeoutMs: number
  ): Promise<HttpResponse> {
    const transport = await this.transportFor(url)
    const headers: OutgoingHttpHeaders = {
      'user-agent': USER_AGENT,
      accept: 'application/json'
    }
    let body: string | undefined
    if (spec.form) {
      body = spec.form.toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    } else if (spec.json !== undefined) {
      body = JSON.stringify(spec.json)
      headers['content-type'] = 'application/json; charset=utf-8'
    }
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body)
    if (spec.authorization) headers.authorization = spec.authorization
    const started = this.now()
    return new Promise<HttpResponse>((resolve, reject) => {
      let sent = false
      let settled = false
      const finish = (fn: () => void): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        fn()
      }
      const req = transport.request(
        url,
        { method: spec.method, headers, agent: transport.agent },
        (res) => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > MAX_BODY_BYTES) {
              req.destroy(new Error('EBODYTOOLARGE'))
              return
            }
            chunks.push(chunk)
          })
          res.on('end', () =>
            finish(() => {
              const response: HttpResponse = {
                status: res.statusCode ?? 0,
                headers: res.headers,
                text: Buffer.concat(chunks).toString('utf8')
              }
              const date = res.headers.date ? Date.parse(res.headers.date) : NaN
              if (!Number.isNaN(date)) {
                response.serverDate = date
                this.lastServerDate = { server: date, local: this.now() }
              }
              this.options.log.debug(
                `${spec.method} ${url.origin}${url.pathname} → HTTP ${response.status} (${this.now() - started} ms)`
              )
              resolve(response)
            })
          )
          res.on('error', (err: NodeJS.ErrnoException) =>
            finish(() =>
              reject(new NetworkError(err.code ?? err.message, true))
            )
          )
        }
      )
      const timer = setTimeout(() => {
        req.destroy()
        finish(() => reject(new NetworkError('TIMEOUT', sent)))
      }, timeoutMs)
      // "Sent" is conservative: once a connection exists the server may have the request,
      // even if Node has not reported the body as flushed yet.
      req.on('finish', () => {
        sent = true
      })
      req.on('socket', (socket) => {
        if (!socket.connecting) sent = true
        socket.once('connect', () => {
          sent = true
        })
      })
      req.on('error', (err: NodeJS.ErrnoException) =>
        finish(() => reject(new NetworkError(err.code ?? err.message, sent)))
      )
      req.end(body)
    })
  }
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function safeHost(location: string, base: URL): string {
  try {
    return new URL(location, base).host
  } catch {
    return 'an invalid location'
  }
}

/** Parse a JSON body, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
