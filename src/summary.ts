import * as core from '@actions/core'
import { formatDuration } from './duration.js'
import type { MintedToken } from './dynatrace/tokens.js'
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

const code = (text: string): string => `<code>${escapeHtml(text)}</code>`

/**
 * Append to the job summary. A summary that cannot be written (no GITHUB_STEP_SUMMARY
 * outside the runner, a full disk) is a warning, never a failure of the step.
 */
export async function writeSummary(
  log: Logger,
  build: (summary: typeof core.summary) => void
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    core.summary.emptyBuffer()
    build(core.summary)
    // Nothing secret is ever put in the summary; redact anyway as a last line of defence.
    const text = log.redact(core.summary.stringify())
    core.summary.emptyBuffer()
    await core.summary.addRaw(text).write()
  } catch (error) {
    log.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

export interface MintSummary {
  mode: 'mint' | 'plan'
  environment?: { id?: string; url?: string }
  tokenType: 'classic' | 'platform' | 'none'
  token?: MintedToken
  lifetimeSeconds: number
  revoke: boolean
  /** Extra HTML sections (IAM changes). */
  sections?: string[]
}

export function mintSummary(
  info: MintSummary
): (s: typeof core.summary) => void {
  return (s) => {
    s.addHeading(
      info.mode === 'plan'
        ? 'Dynatrace credentials — plan'
        : 'Dynatrace credentials',
      2
    )
    const rows: string[][] = []
    if (info.environment?.id || info.environment?.url) {
      const parts = [info.environment.id, info.environment.url].filter(
        (p): p is string => !!p
      )
      rows.push(['Environment', parts.map(escapeHtml).join(' — ')])
    }
    rows.push(['Token type', escapeHtml(info.tokenType)])
    const token = info.token
    if (token) {
      rows.push(['Token ID', code(token.id)])
      rows.push(['Token name', escapeHtml(token.name)])
      rows.push([
        'Scopes',
        `${token.scopes.map(code).join(', ')}${token.scopesVerified ? ' (verified)' : ' (not verified)'}`
      ])
      rows.push([
        'Expires',
        `${escapeHtml(token.expiresAt)} (lifetime ${formatDuration(info.lifetimeSeconds)})`
      ])
      rows.push([
        'Revocation',
        info.revoke
          ? 'in the post step'
          : 'disabled (<code>revoke: false</code>)'
      ])
    } else if (info.tokenType === 'none') {
      rows.push([
        'Token',
        'none minted (only the SSO bearer, output <code>access-token</code>)'
      ])
    }
    s.addTable([
      [
        { data: 'Item', header: true },
        { data: 'Value', header: true }
      ],
      ...rows
    ])
    for (const section of info.sections ?? []) s.addRaw(section, true)
  }
}

export type RevocationResult =
  'revoked' | 'already-gone' | 'unknown-id' | 'failed' | 'skipped'

export function revocationSummary(
  id: string,
  result: RevocationResult,
  detail: string
): (s: typeof core.summary) => void {
  const label: Record<RevocationResult, string> = {
    revoked: 'revoked',
    'already-gone': 'already gone (counts as revoked)',
    'unknown-id': 'not known to Dynatrace (nothing to revoke)',
    failed: '<strong>not revoked</strong>',
    skipped: 'not revoked'
  }
  return (s) => {
    s.addHeading('Dynatrace token revocation', 3)
    s.addRaw(
      `<p>Token ${code(id)}: ${label[result]}. ${escapeHtml(detail)}</p>`,
      true
    )
  }
}

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
  message: string
): (s: typeof core.summary) => void {
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
