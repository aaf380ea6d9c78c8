import type {
  Agent,
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  request as httpRequest
} from 'node:http'
import { createRequire } from 'node:module'
import {
  openDirect,
  originAgent,
  targetOf,
  type PendingConnection
} from './connections.js'
import { ActionError } from './errors.js'
import type { RetryContext } from './http-retry.js'
import { isLoopbackHost } from './loopback.js'
import type { Logger } from './log.js'
import { USER_AGENT } from './version.js'

/** Statuses worth another try: rate limiting and gateway/availability trouble. */
const RETRY_STATUSES = new Set([429, 502, 503, 504])
/** A response body larger than this is cut off (a hostile or broken server). */
const MAX_BODY_BYTES = 1024 * 1024

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
  /** Who the origins belong to, for messages: "Dynatrace" (if Dynatrace is slow, …). */
  server: string
  /** Origins (scheme://host[:port]) credentials may be sent to. Anything else is refused. */
  allowedOrigins: Iterable<string>
  /** Epoch ms by which the whole step must be done (`timeout-seconds`). */
  deadline: number
  maxRetries: number
  /** Timeout of one request, capped by what is left of the budget. */
  requestTimeoutMs: number
  /**
   * A wait (ms) that a retryable response asks for in its body, for APIs that say it
   * there rather than in a header (the caller knows the API). Retry-After still wins.
   */
  bodyRetryDelay?: (response: HttpResponse) => Promise<number | undefined>
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  random?: () => number
  /** A bearer that is renewed when the server refuses it (a federated ID token). */
  bearer?: RenewableBearer
}

/**
 * A bearer the client renews itself when the server refuses it (github-oidc.ts has the
 * one the action uses). Only requests whose Authorization it issued are affected.
 */
export interface RenewableBearer {
  /** The Authorization value to send for `authorization`: the newest one for any it replaced. */
  current(authorization: string): string
  /** True when this bearer issued `authorization` (or one it replaced). */
  owns(authorization: string): boolean
  /** The server answered a request with it with something other than 401 or 403. */
  accepted(): void
  /**
   * The server answered 401 or 403. Resolves the Authorization value to send the request
   * with once more, or throws an ActionError that explains the refusal. `final`: the
   * request was already sent again with a renewed bearer.
   */
  rejected(
    spec: RequestSpec,
    response: HttpResponse,
    final: boolean
  ): Promise<string>
}

/** A failure to get any response at all. */
export class NetworkError extends Error {
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
  /** Opens a connection to the origin (directly or through the proxy). */
  open: () => PendingConnection
  /** A connection opened by preconnect() that no request has adopted yet. */
  spare?: PendingConnection | undefined
}

/** Set when a proxy variable is: https requests then need src/proxy.ts. */
const proxyConfigured = (): boolean =>
  !!(process.env.https_proxy || process.env.HTTPS_PROXY)

/**
 * What to do after a failed attempt (explain it, or wait and try again), loaded on
 * demand: code only a failure needs is loaded when it fails, and a successful run's
 * requests all succeed on the first attempt.
 */
const retries = (): Promise<typeof import('./http-retry.js')> =>
  import('./http-retry.js')

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The action's one HTTP client: per-request timeouts inside an overall budget, bounded
 * jittered retries that honour Retry-After / X-RateLimit-Reset, no redirects, requests
 * only to the origins it was given, proxies from HTTPS_PROXY/NO_PROXY (as
 * @actions/http-client resolves them), and kept-alive connections released by dispose().
 */
export class Http {
  private readonly allowed: Set<string>
  /** Per origin: the request function and agent (kept-alive or proxy tunnel). */
  private transports = new Map<string, Transport>()
  private readonly sleep: (ms: number) => Promise<void>
  private readonly now: () => number
  private readonly random: () => number
  /** src/proxy.ts, loaded on first use (most runners have no proxy). */
  private proxies?: typeof import('./proxy.js')
  /** The most recent `Date` header seen from a server, with the local time it arrived. */
  private lastServerDate: { server: number; local: number } | undefined

  constructor(private readonly options: HttpOptions) {
    this.allowed = new Set([...options.allowedOrigins])
    this.sleep = options.sleep ?? defaultSleep
    this.now = options.now ?? Date.now
    this.random = options.random ?? Math.random
  }

  /** A client with a fresh budget, for clean-up after the main budget ran out. */
  withBudget(ms: number): Http {
    return this.derive({ ...this.options, deadline: this.now() + ms })
  }

  /** What http-retry.ts needs of this client after a failed attempt. */
  private get retryContext(): RetryContext {
    return {
      ...this.options,
      sleep: this.sleep,
      now: this.now,
      random: this.random
    }
  }

  /** What is left of the time budget, in ms (negative once it is used up). */
  remainingMs(): number {
    return this.options.deadline - this.now()
  }

  /**
   * A client with the same budget and connections that may talk only to `origins`:
   * for the one request that goes elsewhere (the runner's ID-token service), so no
   * other request could ever be sent there. It never renews a bearer.
   */
  withOrigins(origins: string[]): Http {
    const { bearer: _ignored, ...options } = this.options
    return this.derive({ ...options, allowedOrigins: origins })
  }

  /** A client with the same budget, origins and connections that renews `bearer`. */
  withBearer(bearer: RenewableBearer): Http {
    return this.derive({ ...this.options, bearer })
  }

  /** A copy sharing the connections (dispose() of the original closes them all). */
  private derive(options: HttpOptions): Http {
    const child = new Http(options)
    child.transports = this.transports
    if (this.proxies) child.proxies = this.proxies
    child.lastServerDate = this.lastServerDate
    return child
  }

  /** The servers' clock, estimated from the last `Date` header (local clock if none yet). */
  serverNow(): number {
    if (!this.lastServerDate) return this.now()
    return this.lastServerDate.server + (this.now() - this.lastServerDate.local)
  }

  /**
   * Open a connection (TCP, TLS, proxy tunnel) to `target`'s origin ahead of its first
   * request, so its handshakes overlap with the request in flight (the SSO bearer); the
   * next request to that origin adopts it. Nothing is written on it until then, so no
   * credential goes over it before that request. Does nothing for an origin that is not
   * allowed or already has a connection, or when the proxy settings are unusable (the
   * request reports that). dispose() drops it if no request took it.
   */
  preconnect(target: string | undefined): void {
    let url: URL
    try {
      url = new URL(target ?? '')
    } catch {
      return
    }
    if (!this.allowed.has(url.origin) || this.transports.has(url.origin)) return
    if (this.needsProxies(url)) {
      // Only a tunnel's own handshakes are saved then; load the code, then open it.
      void this.loadProxies().then(
        () => this.preconnect(target),
        () => undefined
      )
      return
    }
    let transport: Transport
    try {
      transport = this.transportFor(url)
    } catch {
      return // the request reports it
    }
    const spare = transport.open()
    // Until a request adopts it, its failures are nobody's: that request opens another.
    const ignore = (): void => undefined
    if ('socket' in spare) spare.socket.on('error', ignore)
    else spare.tunnel.then((stream) => stream.on('error', ignore), ignore)
    transport.spare = spare
  }

  private needsProxies(url: URL): boolean {
    return url.protocol === 'https:' && !this.proxies && proxyConfigured()
  }

  private async loadProxies(): Promise<void> {
    this.proxies ??= await import('./proxy.js')
  }

  /** Close kept-alive and pre-opened connections so the process can exit at once. */
  dispose(): void {
    for (const transport of this.transports.values()) {
      transport.agent.destroy()
      const spare = transport.spare
      transport.spare = undefined
      if (spare && 'socket' in spare) spare.socket.destroy()
      else if (spare)
        spare.tunnel.then(
          (stream) => stream.destroy(),
          () => undefined
        )
    }
    this.transports.clear()
  }

  /**
   * Send a request, retrying transient failures. Resolves with the final response for
   * any status (callers map statuses to messages); rejects with ActionError when no
   * response could be had, or AmbiguousRequestError for a creating request.
   */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    const bearer = this.options.bearer
    const response = await this.attempts(spec)
    if (!bearer || !spec.authorization || !bearer.owns(spec.authorization))
      return response
    if (response.status !== 401 && response.status !== 403) {
      bearer.accepted()
      return response
    }
    // A fresh bearer, one more try (github-oidc.ts says whose practice this follows).
    const renewed = await bearer.rejected(spec, response, false)
    const again = await this.attempts({ ...spec, authorization: renewed })
    if (again.status !== 401 && again.status !== 403) {
      bearer.accepted()
      return again
    }
    await bearer.rejected(spec, again, true)
    return again
  }

  /** One request with its retries. */
  private async attempts(spec: RequestSpec): Promise<HttpResponse> {
    const url = new URL(spec.url)
    if (!this.allowed.has(url.origin)) {
      // Defence in depth: endpoints are validated with the inputs, so this is a bug.
      throw new ActionError(
        `Refusing to send a request to ${url.origin} to ${spec.what}: it is not one of the configured ${this.options.server} endpoints.`
      )
    }
    for (let attempt = 0; ; attempt++) {
      const remaining = this.options.deadline - this.now()
      if (remaining <= 0)
        throw (await retries()).budgetError(this.retryContext, spec)
      const timeout = Math.min(this.options.requestTimeoutMs, remaining)
      let response: HttpResponse
      try {
        response = await this.send(spec, url, timeout)
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        // Throws when it is no use trying again, else waits for the next attempt.
        await (
          await retries()
        ).afterNetworkError(
          this.retryContext,
          spec,
          url,
          error,
          timeout,
          attempt
        )
        continue
      }
      if (response.status >= 300 && response.status < 400)
        throw (await retries()).redirectError(spec, url, response)
      if (!RETRY_STATUSES.has(response.status)) return response
      // Throws, gives up with this answer, or waits for the next attempt.
      const next = await (
        await retries()
      ).afterRetryableStatus(this.retryContext, spec, response, attempt)
      if (next === 'give-up') return response
    }
  }

  /**
   * The transport for an origin, loaded on first use: TLS (node:https) only for https
   * URLs and src/proxy.ts only with a proxy variable (loaded before), because
   * initialising modules a run does not use is start-up time paid on every job. Plain http goes only to loopback and never through a proxy (it would see
   * the client secret); https goes through HTTPS_PROXY unless NO_PROXY says otherwise.
   */
  private transportFor(url: URL): Transport {
    const cached = this.transports.get(url.origin)
    if (cached) return cached
    const secure = url.protocol === 'https:'
    if (!secure && !isLoopbackHost(url.hostname)) {
      // Defence in depth: inputs accept plain http only for loopback literals.
      throw new ActionError(
        `Refusing to send a request to ${url.origin} over plain http: only loopback (localhost, 127.0.0.0/8, [::1]) may be reached without TLS.`
      )
    }
    // require(), not import(): an ESM import of node:http makes Node build a facade by
    // evaluating every export getter, one of which loads Node's bundled undici (~12 ms).
    const module = {
      default: createRequire(import.meta.url)(
        secure ? 'node:https' : 'node:http'
      ) as typeof import('node:http')
    }
    const target = targetOf(url)
    const proxy = secure ? this.proxies?.proxyFor(url) : undefined
    if (proxy && 'unusable' in proxy) throw new ActionError(proxy.unusable)
    const tunnel = this.proxies?.openTunnel
    const transport: Transport = {
      // Looked up on the module object at call time (test doubles patch it there).
      request: (...args) =>
        module.default.request(...(args as Parameters<typeof httpRequest>)),
      open: () =>
        proxy && tunnel
          ? { tunnel: tunnel(target, proxy) }
          : openDirect(target),
      agent: originAgent(
        module.default,
        () => transport.open(),
        () => {
          const spare = transport.spare
          transport.spare = undefined
          return spare
        }
      )
    }
    this.transports.set(url.origin, transport)
    return transport
  }

  /** Headers and body of a request (the Authorization the bearer renews, if any). */
  private encode(spec: RequestSpec): {
    headers: OutgoingHttpHeaders
    body: string | undefined
  } {
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
    if (spec.authorization)
      headers.authorization =
        this.options.bearer?.current(spec.authorization) ?? spec.authorization
    return { headers, body }
  }

  /** A whole answer as read: its `Date` header noted as the server's clock, one debug line. */
  private received(
    spec: RequestSpec,
    url: URL,
    res: IncomingMessage,
    text: string,
    started: number
  ): HttpResponse {
    const response: HttpResponse = {
      status: res.statusCode ?? 0,
      headers: res.headers,
      text
    }
    const date = res.headers.date ? Date.parse(res.headers.date) : NaN
    if (!Number.isNaN(date)) {
      response.serverDate = date
      this.lastServerDate = { server: date, local: this.now() }
    }
    this.options.log.debug(
      `${spec.method} ${url.origin}${url.pathname} → HTTP ${response.status} (${this.now() - started} ms)`
    )
    return response
  }

  private async send(
    spec: RequestSpec,
    url: URL,
    timeoutMs: number
  ): Promise<HttpResponse> {
    if (this.needsProxies(url)) await this.loadProxies()
    const transport = this.transportFor(url)
    const { headers, body } = this.encode(spec)
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
              const text = Buffer.concat(chunks).toString('utf8')
              resolve(this.received(spec, url, res, text, started))
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

/** Parse a JSON body, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
