/** Token lifetimes: `30m`, `2h`, `1d`, `1h30m` (parts add up), `1w`. */

const UNIT_SECONDS = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800
} as const
type Unit = keyof typeof UNIT_SECONDS

const isUnit = (text: string): text is Unit => Object.hasOwn(UNIT_SECONDS, text)

/** Seconds in a duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  if (!/^(\d+[smhdw])+$/.test(value)) return undefined
  let total = 0
  for (const [, amount = '', unit = ''] of value.matchAll(/(\d+)([smhdw])/g)) {
    if (!isUnit(unit)) return undefined
    total += Number(amount) * UNIT_SECONDS[unit]
  }
  return total
}

/** A readable duration: 5400 → "1h30m". */
export function formatDuration(seconds: number): string {
  const parts: string[] = []
  let rest = Math.round(seconds)
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  return parts.join('') || '0s'
}

const UNIT_WORDS: ReadonlyArray<[RegExp, Unit]> = [
  [/^(s|secs?|seconds?)$/, 's'],
  [/^(m|mins?|minutes?)$/, 'm'],
  [/^(h|hrs?|hours?)$/, 'h'],
  [/^(d|days?)$/, 'd'],
  [/^(w|wks?|weeks?)$/, 'w']
]

/**
 * The duration someone most likely meant by a text parseDuration rejects, in this
 * action's notation: `90 minutes` / `90min` → `90m`, `1.5h` → `90m`, ISO 8601
 * `PT1H` → `1h`. Undefined when nothing sensible is recognised.
 */
export function suggestDuration(text: string): string | undefined {
  const value = text.trim().toLowerCase()
  const iso = /^p(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?)?$/.exec(
    value
  )
  if (iso && value !== 'p' && value !== 'pt') {
    const [, d = '0', h = '0', m = '0', s = '0'] = iso
    const seconds =
      Number(d) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(s)
    return seconds > 0 ? singleUnit(seconds) : undefined
  }
  let total = 0
  let matched = false
  // Amounts with a unit word, spaces or "and" between parts: "1 hour 30 minutes", "1.5h".
  const rest = value.replace(
    /(\d+(?:[.,]\d+)?)\s*([a-z]+)/g,
    (_, amount: string, unit: string) => {
      const symbol = UNIT_WORDS.find(([re]) => re.test(unit))?.[1]
      if (symbol === undefined) return '\u0000'
      total += Number(amount.replace(',', '.')) * UNIT_SECONDS[symbol]
      matched = true
      return ''
    }
  )
  if (
    !matched ||
    !/^[\s,]*(and[\s,]*)?[\s,]*$/.test(rest.replace(/\band\b/g, ''))
  )
    return undefined
  return total >= 1 ? singleUnit(total) : undefined
}

/** The shortest one-unit spelling: 5400 → "90m", 3600 → "1h", 90 → "90s". */
function singleUnit(seconds: number): string {
  const whole = Math.round(seconds)
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60]
  ] as const) {
    if (whole % size === 0) return `${whole / size}${unit}`
  }
  return `${whole}s`
}
