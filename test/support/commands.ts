/**
 * Reads a step's stdout the way the GitHub runner does, to judge what it would
 * do with each line: actions/runner `src/Runner.Worker/Handlers/OutputManager.cs`
 * (a line holding `##[` or `::` goes to the command manager),
 * `src/Runner.Worker/ActionCommandManager.cs` (`TryProcessCommand`: the
 * `::name::` form first, then `##[name]`; `stop-commands` and its resume token)
 * and `src/Runner.Common/ActionCommand.cs` (`TryParseV2`, `TryParse`).
 *
 * Differences on purpose: the runner compares with .NET's culture-aware
 * `IndexOf`/`StartsWith` (ICU), which can skip zero-width characters; this reads
 * ordinally. Neither changes where a command NAME starts, which is what makes a
 * command (see the notes in src/log.ts).
 */

/** Every command the runner knows (ActionCommandManager and its extensions). */
export const RUNNER_COMMANDS: ReadonlySet<string> = new Set([
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo'
])

/** The commands the action issues on purpose (through @actions/core). */
export const ACTION_COMMANDS: ReadonlySet<string> = new Set([
  'add-mask',
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup'
])

export interface RunnerCommand {
  /** 1-based line number in stdout. */
  line: number
  /** `::name::data` (TryParseV2) or `##[name]data` (TryParse). */
  form: '::' | '##['
  /** Lower case (the runner matches names without regard to case). */
  name: string
  properties: Record<string, string>
  /** Unescaped, as the runner hands it to the command. */
  data: string
  /**
   * processed: the runner ran it; ignored: commands were stopped, so the runner
   * printed the line as it is (an `::add-mask::` line shows its secret);
   * stop / resume: it stopped or resumed command processing.
   */
  outcome: 'processed' | 'ignored' | 'stop' | 'resume'
}

export interface RunnerLine {
  line: number
  text: string
  command?: RunnerCommand
}

/** .NET `char.IsWhiteSpace`, which `TrimStart()` removes. */
const DOTNET_SPACE =
  // eslint-disable-next-line no-control-regex
  /^[\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/

const unescape = (text: string, pairs: Array<[string, string]>): string =>
  pairs.reduce((t, [from, to]) => t.split(from).join(to), text)

// ActionCommand's escape tables, applied in the runner's order.
const DATA: Array<[string, string]> = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
]
const PROPERTY_V2: Array<[string, string]> = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
]
const LEGACY: Array<[string, string]> = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
]

/** `a=b` pairs split like the runner (count 2, empty parts dropped). */
function properties(
  text: string,
  separator: string,
  pairs: Array<[string, string]>
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of text.split(separator).filter((p) => p !== '')) {
    const eq = part.indexOf('=')
    const kv = (
      eq < 0 ? [part] : [part.slice(0, eq), part.slice(eq + 1)]
    ).filter((p) => p !== '')
    if (kv.length === 2) out[kv[0]!] = unescape(kv[1]!, pairs)
  }
  return out
}

type Parsed = Omit<RunnerCommand, 'line' | 'outcome'>

/** ActionCommand.TryParseV2: `::name props::data` after leading whitespace. */
function parseV2(
  line: string,
  known: (name: string) => boolean
): Parsed | undefined {
  const message = line.slice(DOTNET_SPACE.exec(line)![0].length)
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!known(name)) return undefined
  return {
    form: '::',
    name: name.toLowerCase(),
    properties:
      space > 0
        ? properties(info.slice(space + 1).trim(), ',', PROPERTY_V2)
        : {},
    data: unescape(message.slice(end + 2), DATA)
  }
}

/** ActionCommand.TryParse: `##[name props]data` anywhere in the line. */
function parseLegacy(
  line: string,
  known: (name: string) => boolean
): Parsed | undefined {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const bracket = line.indexOf(']', prefix)
  if (bracket < 0) return undefined
  const info = line.slice(prefix + 3, bracket)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!known(name)) return undefined
  return {
    form: '##[',
    name: name.toLowerCase(),
    properties: space > 0 ? properties(info.slice(space + 1), ';', LEGACY) : {},
    data: unescape(line.slice(bracket + 1), LEGACY)
  }
}

/** ActionCommandManager.ValidateStopToken: the runner refuses these tokens. */
const validStopToken = (token: string): boolean =>
  token !== '' &&
  !RUNNER_COMMANDS.has(token.toLowerCase()) &&
  token.toLowerCase() !== 'pause-logging'

/**
 * Every line of `stdout` with the command the runner reads in it, if any, and
 * what the runner does with it. Lines split as .NET's `ReadLine` splits them.
 */
export function readAsRunner(stdout: string): RunnerLine[] {
  let stopToken: string | undefined
  const out: RunnerLine[] = []
  // A final line break leaves an empty last line, which no check minds.
  stdout.split(/\r\n|\r|\n/).forEach((text, i) => {
    const line = i + 1
    if (!text.includes('##[') && !text.includes('::')) {
      out.push({ line, text })
      return
    }
    const known = (name: string): boolean => {
      const n = name.toLowerCase()
      return (
        RUNNER_COMMANDS.has(n) || (stopToken !== undefined && n === stopToken)
      )
    }
    const parsed = parseV2(text, known) ?? parseLegacy(text, known)
    if (!parsed) {
      out.push({ line, text })
      return
    }
    let outcome: RunnerCommand['outcome']
    if (stopToken !== undefined) {
      if (parsed.name === stopToken) {
        outcome = 'resume'
        stopToken = undefined
      } else {
        outcome = 'ignored'
      }
    } else if (parsed.name === 'stop-commands' && validStopToken(parsed.data)) {
      outcome = 'stop'
      stopToken = parsed.data.toLowerCase()
    } else {
      outcome = 'processed'
    }
    out.push({ line, text, command: { ...parsed, line, outcome } })
  })
  return out
}

/** The commands the runner reads in `stdout`, in order, with their outcome. */
export function runnerCommands(stdout: string): RunnerCommand[] {
  return readAsRunner(stdout).flatMap((l) => (l.command ? [l.command] : []))
}

/**
 * Lines the runner does not read as a processed command, i.e. that it shows in
 * the log as printed: everything but processed `::add-mask::` lines is text a
 * secret must not be in. An `::add-mask::` the runner ignored (commands were
 * stopped) shows its secret in clear, so it counts as a shown line.
 */
export function shownLines(stdout: string): RunnerLine[] {
  return readAsRunner(stdout).filter(
    (l) =>
      !(l.command?.name === 'add-mask' && l.command.outcome === 'processed')
  )
}

/**
 * What the runner would do with `stdout` that the action did not mean: a
 * command the action never issues (any `##[name]` form, `stop-commands`,
 * `set-output` …), a command the runner ignored because an earlier one stopped
 * command processing (first of all an `::add-mask::`: the secret is then shown),
 * and text that is one character away from a command: `##[` anywhere outside an
 * `::add-mask::` line (the action defuses it in everything it prints) or a
 * line starting with `::` that is not a command. Each finding names the line,
 * never its data (which may be a secret).
 */
export function commandViolations(stdout: string): string[] {
  const found: string[] = []
  for (const l of readAsRunner(stdout)) {
    const c = l.command
    if (c) {
      const what = `line ${l.line}: ${c.form === '::' ? `::${c.name}::` : `##[${c.name}]`}`
      if (c.outcome === 'ignored') {
        found.push(
          `${what} ignored by the runner: an earlier command stopped command processing${c.name === 'add-mask' ? ', so the secret is shown' : ''}`
        )
        continue
      }
      if (c.form === '##[')
        found.push(`${what} (a form the action never writes)`)
      else if (!ACTION_COMMANDS.has(c.name))
        found.push(`${what} (a command the action never issues)`)
      if (c.name === 'add-mask' && c.form === '::') continue
    } else if (/^::/.test(l.text.slice(DOTNET_SPACE.exec(l.text)![0].length))) {
      found.push(`line ${l.line}: starts with "::" but is no command`)
    }
    if (l.text.includes('##[') && !(c && c.form === '##[')) {
      found.push(`line ${l.line}: "##[" not defused`)
    }
  }
  return found
}
