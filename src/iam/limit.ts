/**
 * A tiny bounded-concurrency map. Account Management allows roughly 200
 * requests a minute, so independent IAM requests run a few at a time rather
 * than all at once (and 429s are still handled by Http's backoff).
 */

/** How many IAM requests are in flight at most. */
export const IAM_CONCURRENCY = 4

/**
 * Call `fn` for every item with at most `limit` calls in flight; resolve with
 * the results in input order. After the first failure no further item is
 * started (so no write follows a failed one), the calls already running are
 * awaited, and the first error is thrown.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  // One iterator shared by the workers: each entry is taken by exactly one of them.
  const queue = items.entries()
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) {
      if (failure !== undefined) return
      try {
        results[index] = await fn(item, index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  const workers = Array.from(
    { length: Math.min(Math.max(1, limit), items.length) },
    worker
  )
  await Promise.all(workers)
  if (failure) throw failure.error
  return results
}
