/**
 * Reads the step's inputs through the field checks of ./fields.ts and collects every
 * problem, so that one error lists them all before any request is sent.
 */
import { ActionError } from '../errors.js'
import type { Logger } from '../log.js'
import {
  Problem,
  list,
  looksLikeClientSecret,
  type Check,
  type Field
} from './fields.js'
import {
  CONTEXT_FIELDS,
  type ContextField,
  type FieldContext
} from './table.js'

/** Reads one input as the runner passes it (core.getInput in the step). */
export type InputSource = (name: string) => string

export class InputReader {
  readonly problems: string[] = []
  readonly warnings: string[] = []
  /** Every value read, to check at the end that none but client-secret carries the secret. */
  private readonly values = new Map<string, string>()

  constructor(
    private readonly source: InputSource,
    private readonly log: Logger
  ) {}

  /** The raw text of an input ('' when not set). */
  read(name: string): string {
    const value = this.source(name)
    this.values.set(name, value)
    return value
  }

  /** True when the input is set (not empty). */
  has(name: string): boolean {
    return this.read(name) !== ''
  }

  /** The raw texts read so far, client-secret left out (for the audit of this step). */
  texts(): ReadonlyMap<string, string> {
    const out = new Map(this.values)
    out.delete('client-secret')
    return out
  }

  /** Text as it may appear in a message: redacted, one line, at most `max` characters. */
  clean(text: string, max: number): string {
    return this.log.clean(text, max)
  }

  /** A value as it may appear in a message: quoted, redacted, one line, bounded. */
  readonly show = (value: string): string => `"${this.clean(value, 80)}"`

  problem(name: string, message: string): void {
    this.problems.push(`${name}: ${message}`)
  }

  warn(name: string, message: string): void {
    this.warnings.push(`${name}: ${message}`)
  }

  /** An input through its field check; its fallback when empty or refused. */
  field<T>(name: string, field: Field<T>, text = this.read(name)): T {
    if (text === '') return field.fallback
    const value = this.check(name, text, field.check)
    return value instanceof Problem ? field.fallback : value
  }

  /**
   * An input of the field table through its check in `context`; its fallback when empty,
   * refused, or not checked in this context (it is read all the same, for finish()).
   */
  inContext<T>(name: string, field: ContextField<T>, context: FieldContext): T {
    const text = this.read(name)
    if (text === '' || (field.when && !field.when(context)))
      return field.fallback
    const value = this.check(name, text, (t, show) =>
      field.check(t, show, context)
    )
    return value instanceof Problem ? field.fallback : value
  }

  /** A non-empty value through `check`; a refusal is recorded and returned. */
  check<T>(name: string, text: string, check: Check<T>): T | Problem {
    const value = check(text, this.show)
    if (value instanceof Problem) {
      // Mask first: the value looks like a credential.
      if (value.secret) this.log.addSecret(text)
      this.problem(name, value.message)
    }
    return value
  }

  list(name: string, fallback?: string[]): string[] {
    return this.field(name, list(fallback))
  }

  /**
   * Throw one ActionError listing every problem, after checking that no input but
   * client-secret carries the secret (it would travel on into URLs, outputs or the summary).
   */
  finish(secret: string): void {
    const secretPart = secret.split('.').pop() ?? ''
    for (const [name, value] of this.values) {
      if (name === 'client-secret' || secret.length < 8) continue
      // Already reported as "looks like a client secret": one line is enough.
      if (name === 'client-id' && looksLikeClientSecret(value)) continue
      if (
        value.includes(secret) ||
        (secretPart.length >= 8 && value.includes(secretPart))
      ) {
        this.problems.unshift(
          `${name}: contains the client secret (value hidden). Pass the secret only as client-secret.`
        )
      }
    }
    if (this.problems.length > 0) {
      const list = this.problems.map((p) => `  - ${p}`).join('\n')
      throw new ActionError(
        `Invalid input${this.problems.length > 1 ? 's' : ''} (no request was sent):\n${list}`
      )
    }
  }
}

/**
 * Start reading the step's inputs (the step's and the post step's reader): the client
 * secret first, masked before anything else (nothing after may print it; a runner mask is
 * the backstop), then mode, token-type, auth and allow-custom-endpoints, which the other
 * checks depend on.
 */
export function startReading(
  source: InputSource,
  log: Logger
): { reader: InputReader; secret: string; context: FieldContext } {
  const reader = new InputReader(source, log)
  const secret = reader.read('client-secret')
  log.addSecret(secret)
  const context: FieldContext = {
    mode: reader.field('mode', CONTEXT_FIELDS.mode),
    tokenType: reader.field('token-type', CONTEXT_FIELDS['token-type']),
    auth: reader.field('auth', CONTEXT_FIELDS.auth),
    allowCustomEndpoints: reader.field(
      'allow-custom-endpoints',
      CONTEXT_FIELDS['allow-custom-endpoints']
    )
  }
  return { reader, secret, context }
}
