import {
  isLoopbackHost
} from "./chunk-54DRLOPH.js";
import {
  ActionError
} from "./chunk-IKGYFQ6X.js";

// src/http.ts
import { createRequire as createRequire2 } from "node:module";

// src/connections.ts
import { createRequire } from "node:module";
var builtin = (name) => createRequire(import.meta.url)(name);
function targetOf(url) {
  const secure = url.protocol === "https:";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: Number(url.port || (secure ? 443 : 80)),
    secure
  };
}
function tlsOptions(net, host, port) {
  return { host, port, ...net.isIP(host) ? {} : { servername: host } };
}
function openDirect(target) {
  const net = builtin("node:net");
  if (!target.secure) return { socket: net.connect(target.port, target.host) };
  const tls = builtin("node:tls");
  return { socket: tls.connect(tlsOptions(net, target.host, target.port)) };
}
function originAgent(module, open, takeSpare) {
  const agent = new module.Agent({ keepAlive: true });
  agent.createConnection = (_options, callback) => {
    const spare = takeSpare();
    let pending;
    if (spare && "tunnel" in spare) {
      pending = {
        tunnel: spare.tunnel.catch(() => {
          const fresh = open();
          return "socket" in fresh ? fresh.socket : fresh.tunnel;
        })
      };
    } else if (spare && !spare.socket.destroyed) {
      pending = spare;
    } else {
      pending = open();
    }
    if ("socket" in pending) return pending.socket;
    pending.tunnel.then(
      (stream) => callback?.(null, stream),
      (error) => callback?.(error, void 0)
    );
    return void 0;
  };
  return agent;
}

// src/version.ts
var ACTION_NAME = "configure-dynatrace-credentials";
var ACTION_VERSION = "1.0.0";
var USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

// src/http.ts
var RETRY_STATUSES = /* @__PURE__ */ new Set([429, 502, 503, 504]);
var MAX_BODY_BYTES = 1024 * 1024;
var NetworkError = class extends Error {
  constructor(code, sent) {
    super(code);
    this.code = code;
    this.sent = sent;
  }
  code;
  sent;
};
var proxyConfigured = () => !!(process.env.https_proxy || process.env.HTTPS_PROXY);
var retries = () => import("./http-retry-4QI5C7RD.js");
var defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var Http = class _Http {
  constructor(options) {
    this.options = options;
    this.allowed = /* @__PURE__ */ new Set([...options.allowedOrigins]);
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }
  options;
  allowed;
  /** Per origin: the request function and agent (kept-alive or proxy tunnel). */
  transports = /* @__PURE__ */ new Map();
  sleep;
  now;
  random;
  /** src/proxy.ts, loaded on first use (most runners have no proxy). */
  proxies;
  /** The most recent `Date` header seen from a server, with the local time it arrived. */
  lastServerDate;
  /** A copy of this client with a fresh budget, for clean-up after the main budget ran out. */
  withBudget(ms) {
    const child = new _Http({ ...this.options, deadline: this.now() + ms });
    for (const [k, v] of this.transports) child.transports.set(k, v);
    if (this.proxies) child.proxies = this.proxies;
    child.lastServerDate = this.lastServerDate;
    return child;
  }
  /** What http-retry.ts needs of this client after a failed attempt. */
  get retryContext() {
    return {
      ...this.options,
      sleep: this.sleep,
      now: this.now,
      random: this.random
    };
  }
  /** What is left of the time budget, in ms (negative once it is used up). */
  remainingMs() {
    return this.options.deadline - this.now();
  }
  /**
   * A client with the same budget and connections that may talk only to `origins`:
   * for the one request that goes elsewhere (the runner's ID-token service), so no
   * other request could ever be sent there. It never renews a bearer.
   */
  withOrigins(origins) {
    const { bearer: _ignored, ...options } = this.options;
    return this.derive({ ...options, allowedOrigins: origins });
  }
  /** A client with the same budget, origins and connections that renews `bearer`. */
  withBearer(bearer) {
    return this.derive({ ...this.options, bearer });
  }
  /** A copy sharing the connections (dispose() of the original closes them all). */
  derive(options) {
    const child = new _Http(options);
    child.transports = this.transports;
    if (this.proxies) child.proxies = this.proxies;
    child.lastServerDate = this.lastServerDate;
    return child;
  }
  /** The servers' clock, estimated from the last `Date` header (local clock if none yet). */
  serverNow() {
    if (!this.lastServerDate) return this.now();
    return this.lastServerDate.server + (this.now() - this.lastServerDate.local);
  }
  /**
   * Open a connection (TCP, TLS, proxy tunnel) to `target`'s origin ahead of its first
   * request, so its handshakes overlap with the request in flight (the SSO bearer); the
   * next request to that origin adopts it. Nothing is written on it until then, so no
   * credential goes over it before that request. Does nothing for an origin that is not
   * allowed or already has a connection, or when the proxy settings are unusable (the
   * request reports that). dispose() drops it if no request took it.
   */
  preconnect(target) {
    let url;
    try {
      url = new URL(target ?? "");
    } catch {
      return;
    }
    if (!this.allowed.has(url.origin) || this.transports.has(url.origin)) return;
    if (this.needsProxies(url)) {
      void this.loadProxies().then(
        () => this.preconnect(target),
        () => void 0
      );
      return;
    }
    let transport;
    try {
      transport = this.transportFor(url);
    } catch {
      return;
    }
    const spare = transport.open();
    const ignore = () => void 0;
    if ("socket" in spare) spare.socket.on("error", ignore);
    else spare.tunnel.then((stream) => stream.on("error", ignore), ignore);
    transport.spare = spare;
  }
  needsProxies(url) {
    return url.protocol === "https:" && !this.proxies && proxyConfigured();
  }
  async loadProxies() {
    this.proxies ??= await import("./proxy-4YMV4WR6.js");
  }
  /** Close kept-alive and pre-opened connections so the process can exit at once. */
  dispose() {
    for (const transport of this.transports.values()) {
      transport.agent.destroy();
      const spare = transport.spare;
      transport.spare = void 0;
      if (spare && "socket" in spare) spare.socket.destroy();
      else if (spare)
        spare.tunnel.then(
          (stream) => stream.destroy(),
          () => void 0
        );
    }
    this.transports.clear();
  }
  /**
   * Send a request, retrying transient failures. Resolves with the final response for
   * any status (callers map statuses to messages); rejects with ActionError when no
   * response could be had, or AmbiguousRequestError for a creating request.
   */
  async request(spec) {
    const bearer = this.options.bearer;
    const response = await this.attempts(spec);
    if (!bearer || !spec.authorization || !bearer.owns(spec.authorization))
      return response;
    if (response.status !== 401 && response.status !== 403) {
      bearer.accepted();
      return response;
    }
    const renewed = await bearer.rejected(spec, response, false);
    const again = await this.attempts({ ...spec, authorization: renewed });
    if (again.status !== 401 && again.status !== 403) {
      bearer.accepted();
      return again;
    }
    await bearer.rejected(spec, again, true);
    return again;
  }
  /** One request with its retries. */
  async attempts(spec) {
    const url = new URL(spec.url);
    if (!this.allowed.has(url.origin)) {
      throw new ActionError(
        `Refusing to send a request to ${url.origin} to ${spec.what}: it is not one of the configured ${this.options.server} endpoints.`
      );
    }
    for (let attempt = 0; ; attempt++) {
      const remaining = this.options.deadline - this.now();
      if (remaining <= 0)
        throw (await retries()).budgetError(this.retryContext, spec);
      const timeout = Math.min(this.options.requestTimeoutMs, remaining);
      let response;
      try {
        response = await this.send(spec, url, timeout);
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        await (await retries()).afterNetworkError(
          this.retryContext,
          spec,
          url,
          error,
          timeout,
          attempt
        );
        continue;
      }
      if (response.status >= 300 && response.status < 400)
        throw (await retries()).redirectError(spec, url, response);
      if (!RETRY_STATUSES.has(response.status)) return response;
      const next = await (await retries()).afterRetryableStatus(this.retryContext, spec, response, attempt);
      if (next === "give-up") return response;
    }
  }
  /**
   * The transport for an origin, loaded on first use: TLS (node:https) only for https
   * URLs and src/proxy.ts only with a proxy variable (loaded before), because
   * initialising modules a run does not use is start-up time paid on every job. Plain http goes only to loopback and never through a proxy (it would see
   * the client secret); https goes through HTTPS_PROXY unless NO_PROXY says otherwise.
   */
  transportFor(url) {
    const cached = this.transports.get(url.origin);
    if (cached) return cached;
    const secure = url.protocol === "https:";
    if (!secure && !isLoopbackHost(url.hostname)) {
      throw new ActionError(
        `Refusing to send a request to ${url.origin} over plain http: only loopback (localhost, 127.0.0.0/8, [::1]) may be reached without TLS.`
      );
    }
    const module = {
      default: createRequire2(import.meta.url)(
        secure ? "node:https" : "node:http"
      )
    };
    const target = targetOf(url);
    const proxy = secure ? this.proxies?.proxyFor(url) : void 0;
    if (proxy && "unusable" in proxy) throw new ActionError(proxy.unusable);
    const tunnel = this.proxies?.openTunnel;
    const transport = {
      // Looked up on the module object at call time (test doubles patch it there).
      request: (...args) => module.default.request(...args),
      open: () => proxy && tunnel ? { tunnel: tunnel(target, proxy) } : openDirect(target),
      agent: originAgent(
        module.default,
        () => transport.open(),
        () => {
          const spare = transport.spare;
          transport.spare = void 0;
          return spare;
        }
      )
    };
    this.transports.set(url.origin, transport);
    return transport;
  }
  /** Headers and body of a request (the Authorization the bearer renews, if any). */
  encode(spec) {
    const headers = {
      "user-agent": USER_AGENT,
      accept: "application/json"
    };
    let body;
    if (spec.form) {
      body = spec.form.toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    } else if (spec.json !== void 0) {
      body = JSON.stringify(spec.json);
      headers["content-type"] = "application/json; charset=utf-8";
    }
    if (body !== void 0) headers["content-length"] = Buffer.byteLength(body);
    if (spec.authorization)
      headers.authorization = this.options.bearer?.current(spec.authorization) ?? spec.authorization;
    return { headers, body };
  }
  /** A whole answer as read: its `Date` header noted as the server's clock, one debug line. */
  received(spec, url, res, text, started) {
    const response = {
      status: res.statusCode ?? 0,
      headers: res.headers,
      text
    };
    const date = res.headers.date ? Date.parse(res.headers.date) : NaN;
    if (!Number.isNaN(date)) {
      response.serverDate = date;
      this.lastServerDate = { server: date, local: this.now() };
    }
    this.options.log.debug(
      `${spec.method} ${url.origin}${url.pathname} \u2192 HTTP ${response.status} (${this.now() - started} ms)`
    );
    return response;
  }
  async send(spec, url, timeoutMs) {
    if (this.needsProxies(url)) await this.loadProxies();
    const transport = this.transportFor(url);
    const { headers, body } = this.encode(spec);
    const started = this.now();
    return new Promise((resolve, reject) => {
      let sent = false;
      let settled = false;
      const finish = (fn) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const req = transport.request(
        url,
        { method: spec.method, headers, agent: transport.agent },
        (res) => {
          const chunks = [];
          let size = 0;
          res.on("data", (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
              req.destroy(new Error("EBODYTOOLARGE"));
              return;
            }
            chunks.push(chunk);
          });
          res.on(
            "end",
            () => finish(() => {
              const text = Buffer.concat(chunks).toString("utf8");
              resolve(this.received(spec, url, res, text, started));
            })
          );
          res.on(
            "error",
            (err) => finish(
              () => reject(new NetworkError(err.code ?? err.message, true))
            )
          );
        }
      );
      const timer = setTimeout(() => {
        req.destroy();
        finish(() => reject(new NetworkError("TIMEOUT", sent)));
      }, timeoutMs);
      req.on("finish", () => {
        sent = true;
      });
      req.on("socket", (socket) => {
        if (!socket.connecting) sent = true;
        socket.once("connect", () => {
          sent = true;
        });
      });
      req.on(
        "error",
        (err) => finish(() => reject(new NetworkError(err.code ?? err.message, sent)))
      );
      req.end(body);
    });
  }
};
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}

export {
  Http,
  parseJson
};
