/**
 * The audit's budget. It runs on pull requests, whose files anyone who opens one can make
 * large or many, so it stops within the step's `timeout-seconds` and after reading
 * MAX_TOTAL_BYTES, with an error that says which limit was reached and what to do.
 */
import { ActionError } from '../errors.js'
import { show } from './values.js'

/**
 * Most bytes one audit reads in all: workflow files, Monaco files and the base branch's
 * versions together. Real repositories stay far below it (a workflow is a few KiB, and
 * MAX_FILES of them a few MiB); time is bounded separately, by timeout-seconds.
 */
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024

const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`

export class AuditBudget {
  private readonly deadline: number
  private bytes = 0

  constructor(
    private readonly timeoutSeconds: number,
    private readonly now: () => number = Date.now
  ) {
    this.deadline = now() + timeoutSeconds * 1000
  }

  /** Milliseconds left (at least 1), for bounding a child process. */
  remainingMs(): number {
    return Math.max(1, this.deadline - this.now())
  }

  /** Throws when `timeout-seconds` has passed; `next` is the file the audit was about to read. */
  checkTime(next: string): void {
    if (this.now() < this.deadline) return
    throw new ActionError(
      `The scope audit ran out of time: timeout-seconds (${this.timeoutSeconds} s) passed before it got to ${show(next, 200)}. Point audit-paths at the folders that hold the workflows (e.g. .github/workflows), or raise timeout-seconds.`
    )
  }

  /**
   * Counts `size` bytes of `file` before they are read; throws when the total would pass
   * MAX_TOTAL_BYTES.
   */
  charge(size: number, file: string): void {
    if (this.bytes + size > MAX_TOTAL_BYTES) {
      throw new ActionError(
        `The scope audit stopped at ${show(file, 200)}: the files it reads (workflows, the Monaco project and their base versions) would total more than ${mib(MAX_TOTAL_BYTES)}, its limit. Point audit-paths at the folders that hold the workflows (e.g. .github/workflows) and monaco-manifest at one project, or audit the rest in another step.`
      )
    }
    this.bytes += size
  }

  /** Fails before any file is read when `sizes` alone already exceed the limit. */
  preflight(sizes: number[], input: string): void {
    const total = sizes.reduce((sum, size) => sum + size, 0)
    if (total > MAX_TOTAL_BYTES) {
      throw new ActionError(
        `${input}: the ${sizes.length} YAML files under it total ${mib(total)}, more than the ${mib(MAX_TOTAL_BYTES)} the scope audit reads. Point ${input} at the folders that hold the workflows (e.g. .github/workflows), or audit the rest in another step.`
      )
    }
  }
}
