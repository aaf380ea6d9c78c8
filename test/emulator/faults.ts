/**
 * Fault injection: a queue of faults per route, one consumed per matching
 * request. Faults exist to reproduce what real networks and gateways do to a
 * client — throttling, resets, hangs, garbled bodies — including the
 * ambiguous cases where the server did the work but the client never heard.
 */
import type { Fault, FaultMatch } from './types.js'

interface Rule {
  match: FaultMatch
  queue: Fault[]
}

function sameMatch(a: FaultMatch, b: FaultMatch): boolean {
  const pa = a.path instanceof RegExp ? String(a.path) : `s:${a.path}`
  const pb = b.path instanceof RegExp ? String(b.path) : `s:${b.path}`
  return (
    (a.method ?? '').toUpperCase() === (b.method ?? '').toUpperCase() &&
    pa === pb
  )
}

function matches(
  match: FaultMatch,
  method: string,
  pathname: string,
  path: string
): boolean {
  if (match.method && match.method.toUpperCase() !== method) return false
  if (match.path instanceof RegExp) {
    // A global or sticky RegExp keeps lastIndex between calls; reset it.
    match.path.lastIndex = 0
    return match.path.test(path)
  }
  return match.path === pathname || match.path === path
}

export class FaultQueues {
  private rules: Rule[] = []

  /** Appends to the queue of an identical match, or starts a new one. */
  add(match: FaultMatch, faults: Fault[]): void {
    const rule = this.rules.find((r) => sameMatch(r.match, match))
    if (rule) rule.queue.push(...faults)
    else this.rules.push({ match, queue: [...faults] })
  }

  clear(): void {
    this.rules = []
  }

  /** The next fault for this request, removed from its queue. */
  take(method: string, pathname: string, path: string): Fault | undefined {
    const rule = this.rules.find(
      (r) => r.queue.length > 0 && matches(r.match, method, pathname, path)
    )
    return rule?.queue.shift()
  }
}

/**
 * A 429 or 503 as Dynatrace's API gateway answers it: `error.retryAfterSeconds` in the
 * body (Dynatrace's API guidelines) and the response-source header, no Retry-After.
 */
export function gatewayFault(
  status: 429 | 503,
  retryAfterSeconds: number
): Fault {
  return {
    status,
    headers: { 'dynatrace-response-source': 'API Gateway' },
    body: JSON.stringify({
      error: {
        code: status,
        message: status === 429 ? 'Too Many Requests' : 'Service Unavailable',
        retryAfterSeconds
      }
    })
  }
}

/** A short label for the request log, e.g. 'status:429', 'reset:after'. */
export function describeFault(f: Fault): string {
  if ('status' in f) return `status:${f.status}`
  if ('latencyMs' in f) return `latency:${f.latencyMs}`
  if ('reset' in f) return `reset:${f.reset}`
  if ('hang' in f) return f.hang === true ? 'hang' : 'hang:after'
  if ('malformedJson' in f) return 'malformedJson'
  return `redirect:${f.redirect}`
}

/** Cuts a JSON body in half so that parsing it fails. */
export function truncateJson(body: string | undefined): string {
  if (!body || body.length < 2) return '{"'
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)))
}
