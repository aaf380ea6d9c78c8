import { escapeHtml, type JobSummary } from './summary.js'

/**
 * Where the action's TROUBLESHOOTING.md is, for a link: the action's own repository and
 * ref when the runner names them (a published action), else undefined.
 */
function troubleshootingUrl(
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  const repo = env.GITHUB_ACTION_REPOSITORY
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return undefined
  const server = /^https:\/\/[\w.-]+$/.test(env.GITHUB_SERVER_URL ?? '')
    ? env.GITHUB_SERVER_URL
    : 'https://github.com'
  const ref = /^[\w./-]+$/.test(env.GITHUB_ACTION_REF ?? '')
    ? env.GITHUB_ACTION_REF
    : 'HEAD'
  return `${server}/${repo}/blob/${ref}/TROUBLESHOOTING.md`
}

/**
 * A failed step's summary: what failed (the message, whose problems are already one per
 * line and each say what to do) and where every message is explained.
 */
export function failureSummary(
  message: string,
  /** Sentences on what became of a token created before the failure. */
  notes: string[] = []
): (s: JobSummary) => void {
  const [first = '', ...rest] = message.split('\n')
  const items = rest
    .map((line) => line.replace(/^\s*-\s*/, '').trim())
    .filter(Boolean)
  const url = troubleshootingUrl()
  return (s) => {
    s.addHeading('Dynatrace credentials: the step failed', 3)
    s.addRaw(`<p>${escapeHtml(first)}</p>`, true)
    if (items.length > 0) {
      s.addRaw(
        `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
        true
      )
    }
    for (const note of notes) s.addRaw(`<p>${escapeHtml(note)}</p>`, true)
    s.addRaw(
      `<p>Each message says what to do; ${
        url
          ? `<a href="${escapeHtml(url)}">TROUBLESHOOTING.md</a>`
          : "the action's TROUBLESHOOTING.md"
      } explains every one.</p>`,
      true
    )
  }
}
