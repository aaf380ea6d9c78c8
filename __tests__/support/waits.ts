/**
 * The waits the action makes while it runs in this process: the delay each timer that
 * fired was set for, as the action asked for it. A test of Retry-After or of the time
 * budget then checks what the action decided to wait, not how long a (possibly loaded)
 * machine took, so it neither slows down nor flakes. Timers that were cleared before
 * they fired (a request timeout when the answer came in time) are not waits.
 */
export async function waitsDuring<T>(
  action: () => Promise<T>
): Promise<{ result: T; waits: number[] }> {
  const waits: number[] = []
  const original = globalThis.setTimeout
  const recording = (
    callback: (...args: unknown[]) => void,
    ms?: number,
    ...args: unknown[]
  ): ReturnType<typeof setTimeout> =>
    original(() => {
      // The delay asked for: Node fires a timer of more than 2^31-1 ms after 1 ms,
      // and a wait that large must show up as what it is.
      if (Number(ms) > 0) waits.push(Number(ms))
      callback(...args)
    }, ms)
  globalThis.setTimeout = recording as unknown as typeof setTimeout
  try {
    return { result: await action(), waits }
  } finally {
    globalThis.setTimeout = original
  }
}
