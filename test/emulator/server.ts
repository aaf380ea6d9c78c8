/**
 * The emulator's HTTP server: one origin on 127.0.0.1 serving the SSO,
 * Account Management and environment paths, with a request log, an
 * adjustable clock and fault injection around every handler.
 */
import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { Socket } from 'node:net'
import { describeFault, FaultQueues, truncateJson } from './faults.js'
import { createTrustPolicy } from './federation.js'
import {
  builtinPolicies,
  DEFAULT_ACCOUNT_UUID,
  DEFAULT_ENVIRONMENT_ID,
  DEMO_CLIENT,
  demoGroups
} from './fixtures.js'
import { HttpError, iso, json } from './http.js'
import { iamRoutes } from './iam.js'
import {
  platformTokenRoutes,
  storePlatformToken,
  type SeedPlatformToken
} from './platform-tokens.js'
import { ssoRoutes } from './sso.js'
import { apiTokenRoutes, storeApiToken } from './tokens.js'
import type {
  ApiTokenRecord,
  Ctx,
  Emulator,
  EmulatorOptions,
  EmulatorState,
  EmuRequest,
  EmuResponse,
  Fault,
  FaultMatch,
  PlatformTokenRecord,
  RequestLogEntry,
  Route
} from './types.js'
import { loadContract } from './validate.js'

/** The emulator plus helpers beyond the core interface. */
export interface RunningEmulator extends Emulator {
  /** Puts a classic token straight into the store, e.g. an admin token for
   * the `Api-Token` route, or one a previous job left behind. */
  seedApiToken(init: {
    name: string
    scopes: string[]
    expiresInSeconds?: number
    owner?: string
    /** How long ago it was created; default now. */
    createdSecondsAgo?: number
  }): ApiTokenRecord
  /** Puts a platform token straight into the store (e.g. one a crashed job left). */
  seedPlatformToken(init: SeedPlatformToken): PlatformTokenRecord
}

const ROUTES: Route[] = [
  ...ssoRoutes,
  ...iamRoutes,
  ...platformTokenRoutes,
  ...apiTokenRoutes
]

function createState(options: EmulatorOptions, nowIso: string): EmulatorState {
  const environment = (options.environments ?? [DEFAULT_ENVIRONMENT_ID])[0]!
  return {
    accountUuid: options.accountUuid ?? DEFAULT_ACCOUNT_UUID,
    clients: (options.clients ?? [DEMO_CLIENT]).map((c) => ({ ...c })),
    environments: (options.environments ?? [DEFAULT_ENVIRONMENT_ID]).map(
      (id) => ({
        id,
        name: `Environment ${id}`,
        active: true,
        url: `https://${id}.apps.dynatrace.com`
      })
    ),
    groups: demoGroups(nowIso),
    policies: builtinPolicies(),
    bindings: [],
    boundaries: [],
    apiTokens: [],
    platformTokens: [],
    bearers: new Map(),
    classicTokensRetired: false,
    classicPhase3: false,
    users: [...(options.users ?? [])],
    platformTokenCaps: {
      perUser: 10,
      perAccount: 50,
      ...options.platformTokenCaps
    },
    trustPolicies: (options.trustPolicies ?? []).map((t) =>
      createTrustPolicy(t, environment)
    ),
    identityProviders: []
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Finds the route for a request; `:name` segments become params. */
function matchRoute(
  method: string,
  pathname: string
): { route: Route; params: Record<string, string> } | undefined {
  const segments = pathname.split('/')
  for (const route of ROUTES) {
    if (route.method !== method) continue
    const pattern = route.pattern.split('/')
    if (pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    const ok = pattern.every((p, i) => {
      if (p.startsWith(':')) {
        params[p.slice(1)] = safeDecode(segments[i]!)
        return segments[i] !== ''
      }
      return p === segments[i]
    })
    if (ok) return { route, params }
  }
  return undefined
}

function dispatch(req: Omit<EmuRequest, 'params'>, ctx: Ctx): EmuResponse {
  const found = matchRoute(req.method, req.pathname)
  if (!found) {
    return json(404, {
      error: {
        code: 404,
        message: `No route for ${req.method} ${req.pathname}`
      }
    })
  }
  try {
    return found.route.handler({ ...req, params: found.params }, ctx)
  } catch (e) {
    if (e instanceof HttpError) return e.response
    // A bug in the emulator should fail loudly, not look like Dynatrace.
    return json(500, {
      error: { code: 500, message: `Emulator error: ${String(e)}` }
    })
  }
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

export async function startEmulator(
  options: EmulatorOptions = {}
): Promise<RunningEmulator> {
  let offsetMs = 0
  let latencyMs = options.latencyMs ?? 0
  let closed = false
  const now = (): number => Date.now() + offsetMs
  const state = createState(options, iso(now()))
  const ctx: Ctx = {
    state,
    contract: loadContract(options.contractPath),
    bearerLifetimeSeconds: options.bearerLifetimeSeconds ?? 300,
    now
  }
  const requests: RequestLogEntry[] = []
  const faults = new FaultQueues()
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()

  // Timers are tracked so close() can drop pending latency waits.
  const sleep = (ms: number): Promise<void> =>
    ms <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t)
            resolve()
          }, ms)
          timers.add(t)
        })

  async function send(
    res: ServerResponse,
    entry: RequestLogEntry,
    response: EmuResponse
  ): Promise<void> {
    await sleep(latencyMs)
    if (closed || res.destroyed) return
    const body = response.body ?? ''
    res.sendDate = false
    res.writeHead(response.status, {
      ...response.headers,
      date: new Date(now()).toUTCString(),
      'content-length': Buffer.byteLength(body)
    })
    res.end(body)
    entry.status = response.status
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    body: string
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator')
    const path = url.pathname + url.search
    const method = (req.method ?? 'GET').toUpperCase()
    const entry: RequestLogEntry = {
      method,
      path,
      headers: headersOf(req),
      body,
      status: 0,
      at: now()
    }
    requests.push(entry)

    const fault: Fault | undefined = faults.take(method, url.pathname, path)
    if (fault) entry.fault = describeFault(fault)

    // Faults that stand in for the server never seeing the request.
    if (fault && 'reset' in fault && fault.reset === 'before') {
      req.socket.destroy()
      return
    }
    if (fault && 'hang' in fault && fault.hang === true) return
    if (fault && 'status' in fault) {
      return send(res, entry, {
        status: fault.status,
        headers: { 'content-type': 'application/json', ...fault.headers },
        body:
          fault.body ??
          JSON.stringify({
            error: { code: fault.status, message: 'Injected fault' }
          })
      })
    }
    if (fault && 'redirect' in fault) {
      return send(res, entry, {
        status: 302,
        headers: { location: fault.redirect }
      })
    }
    if (fault && 'latencyMs' in fault) await sleep(fault.latencyMs)
    if (closed) return

    let response = dispatch(
      {
        method,
        path,
        pathname: url.pathname,
        query: url.searchParams,
        headers: entry.headers,
        body
      },
      ctx
    )

    // Faults after the work was done: the client cannot tell whether it was.
    if (fault && 'reset' in fault) {
      req.socket.destroy()
      return
    }
    if (fault && 'hang' in fault) return
    if (fault && 'malformedJson' in fault) {
      const ok = response.status >= 200 && response.status < 300
      response = {
        status: ok && response.body ? response.status : 200,
        headers: { 'content-type': 'application/json' },
        body: truncateJson(response.body)
      }
    }
    return send(res, entry, response)
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('error', () => undefined)
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8'))
    })
  }
  const server = options.tls
    ? createTlsServer(options.tls, onRequest)
    : createServer(onRequest)
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('clientError', (_err, socket) => socket.destroy())

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') {
    throw new Error('Emulator did not get a TCP port')
  }
  const port = address.port

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    state,
    fault(match: FaultMatch, ...list: Fault[]) {
      faults.add(match, list)
    },
    clearFaults() {
      faults.clear()
    },
    setLatency(ms: number) {
      latencyMs = ms
    },
    retireClassicTokens(on = true) {
      state.classicTokensRetired = on
    },
    enterPhase3(on = true) {
      state.classicPhase3 = on
      state.classicTokensRetired = on
    },
    trust(init, provider) {
      const issuerUrl = init.issuerUrl ?? provider?.issuer
      const jwks = init.jwks ?? provider?.jwks
      if (!issuerUrl || !jwks) {
        throw new Error('trust() needs issuerUrl and jwks, or a provider')
      }
      const policy = createTrustPolicy(
        { ...init, issuerUrl, jwks },
        state.environments[0]?.id ?? DEFAULT_ENVIRONMENT_ID
      )
      state.trustPolicies.push(policy)
      if (provider && !state.identityProviders.includes(provider)) {
        state.identityProviders.push(provider)
      }
      return policy
    },
    advanceClock(seconds: number) {
      offsetMs += seconds * 1000
    },
    liveTokens() {
      const t = now()
      const alive = (expires: string | null): boolean =>
        expires === null || Date.parse(expires) > t
      return [
        ...state.apiTokens
          .filter((k) => !k.deletedAt && alive(k.expirationDate))
          .map((k) => ({
            kind: 'classic' as const,
            id: k.id,
            name: k.name,
            expiresAt: k.expirationDate ?? 'never'
          })),
        ...state.platformTokens
          .filter((k) => !k.deletedAt && alive(k.expirationDate))
          .map((k) => ({
            kind: 'platform' as const,
            id: k.tokenId,
            name: k.name,
            expiresAt: k.expirationDate ?? 'never'
          }))
      ]
    },
    seedPlatformToken(init) {
      return storePlatformToken(ctx, init)
    },
    seedApiToken(init) {
      const created = ctx.now() - (init.createdSecondsAgo ?? 0) * 1000
      return storeApiToken(
        { ...ctx, now: () => created },
        {
          name: init.name,
          scopes: init.scopes,
          owner: init.owner ?? 'admin@example.com',
          expiresMs:
            init.expiresInSeconds === undefined
              ? null
              : now() + init.expiresInSeconds * 1000
        }
      )
    },
    async close() {
      if (closed) return
      closed = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
      const done = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const s of sockets) s.destroy()
      await done
    }
  }
}
