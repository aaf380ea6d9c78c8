import { EOL } from 'node:os'
import { constants, promises as fs } from 'node:fs'
import type { Logger } from './log.js'

/**
 * Escape text for the job summary (token names and scopes come from inputs; IAM names,
 * audit paths and messages from servers and files). The summary is Markdown whose every
 * line starts with an HTML block tag, and Markdown reads no links, images or emphasis
 * inside an HTML block — until a blank line ends it (CommonMark, "HTML blocks"). So
 * besides the HTML specials, line breaks and other control characters become
 * character references (a name cannot end the block and start Markdown of its own),
 * and so do `[` and `]` (no link or image even if it did).
 */
export function escapeHtml(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[&<>"'[\]\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `&#${c.charCodeAt(0)};`
  )
}

/** `<code>` around escaped text. */
export const code = (text: string): string => `<code>${escapeHtml(text)}</code>`

/** A table cell of addTable: HTML, or a header cell. */
export type SummaryCell = string | { data: string; header?: boolean }

/**
 * The job summary being built: HTML appended piece by piece, in the form
 * @actions/core's summary writes (a heading, a table or a raw block per line).
 * Every text put in must already be escaped (escapeHtml).
 */
export class JobSummary {
  private html = ''

  addRaw(html: string, addEol = false): this {
    this.html += addEol ? html + EOL : html
    return this
  }

  addHeading(html: string, level: 1 | 2 | 3 | 4 | 5 | 6): this {
    return this.addRaw(`<h${level}>${html}</h${level}>`, true)
  }

  addTable(rows: SummaryCell[][]): this {
    const cells = (row: SummaryCell[]): string =>
      row
        .map((cell) =>
          typeof cell === 'string'
            ? `<td>${cell}</td>`
            : cell.header
              ? `<th>${cell.data}</th>`
              : `<td>${cell.data}</td>`
        )
        .join('')
    const body = rows.map((row) => `<tr>${cells(row)}</tr>`).join('')
    return this.addRaw(`<table>${body}</table>`, true)
  }

  toString(): string {
    return this.html
  }
}

/**
 * Append to the job summary (the file GITHUB_STEP_SUMMARY names). Outside the runner (no
 * GITHUB_STEP_SUMMARY) nothing is written; a file that cannot be written (no access, a full
 * disk) is a warning, never a failure of the step.
 */
export async function writeSummary(
  log: Logger,
  build: (summary: JobSummary) => void
): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return
  try {
    const summary = new JobSummary()
    build(summary)
    // Nothing secret is ever put in the summary; redact anyway as a last line of defence.
    const text = log.redact(summary.toString())
    try {
      await fs.access(file, constants.R_OK | constants.W_OK)
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
      )
    }
    await fs.appendFile(file, text, { encoding: 'utf8' })
  } catch (error) {
    log.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
