import * as core from '@actions/core'

/** Longest server-provided text we ever put into a log line. */
const MAX_SERVER_TEXT = 300

/**
 * The runner reads a workflow command in two forms (actions/runner,
 * src/Runner.Common/ActionCommand.cs): `##[name]data` ANYWHERE in a line (`TryParse`
 * looks for `IndexOf("##[")`), and `::name::data` at the start of a line after leading
 * whitespace (`TryParseV2`, after `TrimStart()`). One such command from a server's text
 * (`##[stop-commands]x`) would make the runner ignore every later command of the job,
 * the `::add-mask::` of the token included. A space breaks either form and keeps the
 * text readable and plain ASCII: `##[` → `## [`, a leading `::` → `: :`.
 */
const LEGACY_COMMAND = /##\[/g
/** `::` after the whitespace .NET's `TrimStart()` removes (`\s` plus NEL). */
const LEADING_COMMAND = /^([\s\u0085]*):(?=:)/

/** Break both command forms in one printed line (see LEGACY_COMMAND). */
function defuseLine(line: string): string {
  return line.replace(LEGACY_COMMAND, '## [').replace(LEADING_COMMAND, '$1: ')
}

/**
 * Break both command forms in every line of `text` (an annotation's message keeps its
 * line breaks: the runner shows each as a line).
 */
function defuseCommands(text: string): string {
  return text.split('\n').map(defuseLine).join('\n')
}

/**
 * Make text that came from a server (or a user) safe to print: one line, no control
 * characters, no `::` or `##[` that the runner could read as a workflow command, bounded
 * length.
 */
export function neutralise(text: string, max = MAX_SERVER_TEXT): string {
  const oneLine = text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/::/g, ': :')
    .replace(LEGACY_COMMAND, '## [')
    .trim()
  if (oneLine.length <= max) return oneLine
  // Cut between words where one is near, so no word is shown half.
  const space = oneLine.lastIndexOf(' ', max)
  const cut = space > max * 0.7 ? space : max
  return `${oneLine.slice(0, cut)}… (truncated)`
}

/**
 * Control characters and Unicode line breaks that a log line must never carry: the
 * runner reads a workflow command (`::x::`, `##[x]`) at the start of any line, and
 * ANSI escapes can rewrite what the reader sees.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g

/** One line: every line break becomes a space, other control characters vanish. */
function oneLine(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ')
    .replace(CONTROL, '')
}

/**
 * An annotation's text: line breaks are kept (@actions/core escapes them inside the
 * command, so they cannot start a new one), other control characters vanish.
 */
function annotationText(text: string): string {
  return text.replace(/\u0085|\u2028|\u2029/g, '\n').replace(CONTROL, '')
}

/**
 * The action's only way to write to the job log. It masks credentials with the runner
 * the moment they are registered and, because a log line must never depend on the
 * runner's masking alone, also redacts them itself from everything it prints.
 */
export class Logger {
  private readonly secrets = new Set<string>()

  /**
   * Register a credential: mask it with the runner at once (before any output could
   * carry it) and redact it from every later line. Also masks the secret part of a
   * dotted Dynatrace credential (prefix.public.secret).
   */
  addSecret(value: string | undefined): void {
    if (value === undefined || value.trim().length < 4) return
    const parts = [value]
    const segments = value.split('.')
    const last = segments.at(-1)
    if (segments.length >= 3 && last !== undefined && last.length >= 8) {
      parts.push(last)
    }
    for (const part of parts) {
      if (!this.secrets.has(part)) {
        core.setSecret(part)
        this.secrets.add(part)
      }
    }
  }

  /** Replace every registered credential in `text` with `***`. */
  redact(text: string): string {
    let out = text
    const longestFirst = [...this.secrets].sort((a, b) => b.length - a.length)
    for (const secret of longestFirst) out = out.split(secret).join('***')
    return out
  }

  /** Redact and neutralise text that did not come from us. */
  clean(text: string, max?: number): string {
    return neutralise(this.redact(text), max)
  }

  /**
   * Every print goes through here: redacted first (a credential is matched as it was
   * registered), then made one line (or an annotation's text), then defused.
   */
  private line(message: string): string {
    return defuseCommands(oneLine(this.redact(message)))
  }

  private annotation(
    message: string,
    properties?: core.AnnotationProperties
  ): [string, core.AnnotationProperties | undefined] {
    const text = defuseCommands(annotationText(this.redact(message)))
    if (properties === undefined) return [text, undefined]
    // The title and file are the annotation's own text, shown by the runner too.
    const safe: core.AnnotationProperties = { ...properties }
    if (safe.title !== undefined) safe.title = this.line(safe.title)
    if (safe.file !== undefined) safe.file = this.line(safe.file)
    return [text, safe]
  }

  info(message: string): void {
    core.info(this.line(message))
  }

  debug(message: string): void {
    core.debug(this.line(message))
  }

  notice(message: string, properties?: core.AnnotationProperties): void {
    core.notice(...this.annotation(message, properties))
  }

  warning(message: string, properties?: core.AnnotationProperties): void {
    core.warning(...this.annotation(message, properties))
  }

  error(message: string, properties?: core.AnnotationProperties): void {
    core.error(...this.annotation(message, properties))
  }

  /** Why the step failed (redacted), once fail() was called; for the job summary. */
  failure: string | undefined

  /** Fail the step with a redacted message. */
  fail(message: string): void {
    this.failure = this.redact(message)
    core.setFailed(this.annotation(message)[0])
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(this.line(name), fn)
  }
}
