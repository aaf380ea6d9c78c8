/**
 * What an unknown scope is and what was probably meant ("Did you mean"): loaded only when
 * a scope is not in its catalogue (src/scopes.ts), or by the audit and the IAM parser.
 */
import {
  ACCOUNT_SCOPES,
  CLASSIC_LEGACY_SCOPES,
  CLASSIC_SCOPES,
  PLATFORM_SCOPES,
  RETIRED_SCOPE_PREFIXES,
  type ScopeKind,
  type ScopeProblem
} from './scopes.js'

/**
 * Levenshtein distance, case-insensitive so that `readconfig` finds `ReadConfig`. Stops
 * early, returning `max + 1`, once every entry of a row is above `max`: the distance can
 * only grow from there, and an audit of a long list asks for thousands of these.
 */
function editDistance(a: string, b: string, max = Infinity): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  // prev[j]: the distance of s's first i - 1 and t's first j characters; cur: row i.
  let prev = Uint32Array.from({ length: t.length + 1 }, (_, j) => j)
  let cur = new Uint32Array(t.length + 1)
  // The distance of the last row's whole s and whole t.
  let distance = t.length
  for (let i = 1; i <= s.length; i++) {
    const c = s.charCodeAt(i - 1)
    cur[0] = i
    let rowMin = i
    let diagonal = i - 1 // prev[j - 1]
    let left = i // cur[j - 1]
    for (const [j, up] of prev.entries()) {
      if (j === 0) continue
      const cost = c === t.charCodeAt(j - 1) ? 0 : 1
      left = Math.min(up + 1, left + 1, diagonal + cost)
      cur[j] = left
      diagonal = up
      if (left < rowMin) rowMin = left
    }
    if (rowMin > max) return max + 1
    distance = left
    ;[prev, cur] = [cur, prev]
  }
  return distance
}

/** The words of a scope name, lower-case and sorted: `ReadSettings` and `settings.read` → read,settings. */
function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .sort()
    .join(',')
}

/** How often each (lower-case) character occurs in `text`. */
function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const lower = text.toLowerCase()
  // UTF-16 units, as editDistance compares them.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charAt(i)
    counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return counts
}

/**
 * A lower bound of editDistance, in linear time: every insertion, deletion or substitution
 * removes at most one of the characters one name has in excess of the other.
 */
function letterDistance(
  a: Map<string, number>,
  b: Map<string, number>
): number {
  let extraA = 0
  let extraB = 0
  for (const [c, n] of a) extraA += Math.max(0, n - (b.get(c) ?? 0))
  for (const [c, n] of b) extraB += Math.max(0, n - (a.get(c) ?? 0))
  return Math.max(extraA, extraB)
}

/** words() and letterCounts() of each catalogue entry, once per catalogue: audits ask thousands of times. */
const catalogueKeys = new WeakMap<
  readonly string[],
  { entry: string; words: string; letters: Map<string, number> }[]
>()

/** The closest catalogue entries to `name` (at most three), or none when nothing is close. */
export function suggest(name: string, catalogue: readonly string[]): string[] {
  // The same words in another order or notation (`ReadSettings` → `settings.read`).
  let keys = catalogueKeys.get(catalogue)
  if (keys === undefined) {
    keys = catalogue.map((entry) => ({
      entry,
      words: words(entry),
      letters: letterCounts(entry)
    }))
    catalogueKeys.set(catalogue, keys)
  }
  const target = words(name)
  const sameWords = keys.filter((k) => k.words === target).map((k) => k.entry)
  if (sameWords.length > 0) return sameWords.slice(0, 3)
  const limit = Math.max(2, Math.floor(name.length / 3))
  const nameLetters = letterCounts(name)
  const close = keys
    // Lower bounds first (the difference in length, then in letters), so that only close
    // candidates cost the quadratic editDistance.
    .filter(
      (k) =>
        Math.abs(k.entry.length - name.length) <= limit &&
        letterDistance(nameLetters, k.letters) <= limit
    )
    .map(({ entry: candidate }) => ({
      candidate,
      d: editDistance(name, candidate, limit)
    }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate))
  // Only the best matches: "raed" should suggest "read", not also "write".
  const best = close[0]?.d
  return close
    .filter(({ d }) => d === best)
    .slice(0, 3)
    .map(({ candidate }) => candidate)
}

function retiredReason(scope: string): string | undefined {
  for (const [prefix, reason] of Object.entries(RETIRED_SCOPE_PREFIXES)) {
    if (scope.startsWith(prefix)) return reason
  }
  return undefined
}

function didYouMean(suggestions: string[]): string {
  return suggestions.length > 0
    ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`
    : ''
}

/**
 * Check one scope against the catalogue for its kind. Returns undefined when it is known
 * and current. Deprecated scopes are not reported here (they still work); see DEPRECATED_SCOPES in src/audit/scope-data.ts.
 */
export function checkScope(
  scope: string,
  kind: ScopeKind
): ScopeProblem | undefined {
  const retired = retiredReason(scope)
  if (retired) {
    return {
      scope,
      severity: 'error',
      message: `"${scope}" is retired: ${retired}.`,
      suggestions: []
    }
  }
  if (kind === 'classic') {
    if (CLASSIC_SCOPES.includes(scope)) return undefined
    if (CLASSIC_LEGACY_SCOPES.includes(scope)) {
      return {
        scope,
        severity: 'error',
        message: `"${scope}" is a legacy scope that can no longer be given to new tokens.`,
        suggestions: []
      }
    }
    const suggestions = suggest(scope, CLASSIC_SCOPES)
    const platformHint =
      scope.includes(':') && suggestions.length === 0
        ? ' It looks like a platform scope: classic tokens take names such as "ReadConfig" or "settings.read"; use token-type: platform for platform scopes.'
        : ''
    return {
      scope,
      severity: 'error',
      message: `"${scope}" is not a classic API token scope.${didYouMean(suggestions)}${platformHint}`,
      suggestions
    }
  }
  const catalogue =
    kind === 'oauth' ? [...PLATFORM_SCOPES, ...ACCOUNT_SCOPES] : PLATFORM_SCOPES
  if (catalogue.includes(scope)) return undefined
  const suggestions = suggest(scope, catalogue)
  const service = scope.includes(':')
    ? scope.slice(0, scope.indexOf(':') + 1)
    : undefined
  const knownService =
    service !== undefined && catalogue.some((s) => s.startsWith(service))
  if (
    suggestions.length > 0 ||
    knownService ||
    !/^[a-z0-9.-]+(:[a-z0-9.-]+){2}$/.test(scope)
  ) {
    const classicHint =
      kind === 'platform' && CLASSIC_SCOPES.includes(scope)
        ? ' It is a classic API token scope: use token-type: classic for it.'
        : ''
    return {
      scope,
      severity: 'error',
      message: `"${scope}" is not a known ${kind === 'oauth' ? 'OAuth' : 'platform token'} scope.${didYouMean(suggestions)}${classicHint}`,
      suggestions
    }
  }
  return {
    scope,
    severity: 'warning',
    message: `"${scope}" is not in this action's scope catalogue (service "${scope.split(':')[0]}" is unknown to it); it is passed to Dynatrace unchecked.`,
    suggestions: []
  }
}
