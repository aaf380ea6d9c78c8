/**
 * An expected failure: its message is complete (what failed, why, what to do) and is
 * shown to the user as is, without a stack trace.
 */
export class ActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ActionError'
  }
}

/**
 * A request that creates something failed in a way that leaves its outcome unknown
 * (connection reset or timeout after the request was sent, or a gateway error).
 * Callers must find out whether the object exists before trying again.
 */
export class AmbiguousRequestError extends ActionError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AmbiguousRequestError'
  }
}

/** Any thrown value as a message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
