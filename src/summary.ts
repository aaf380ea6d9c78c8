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
  /** Which credential authenticated the run (never the credential itself). */
  credential?: string
  environment?: { id?: string; url?: string }
  tokenType: 'classic' | 'platform' | 'none'
  /** The token minted (mode: mint). */
  token?: MintedToken
  /** The token a mint would ask for (mode: plan). */
  planned?: { name: string; scopes: string[]; derived: boolean }
  lifetimeSeconds: number
  revoke: boolean
  /** Extra HTML sections (scopes derived from Monaco, IAM changes). */
  sections?: string[]
}

const TOKEN_KIND: Record<MintedToken['type'], string> = {
  classic: 'Classic API token',
  platform: 'Platform token'
}

const row = (name: string, html: string): string =>
  `<tr><td>${escapeHtml(name)}</td><td>${html}</td></tr>`

function environmentHtml(
  environment: MintSummary['environment']
): string | undefined {
  const parts = [
    ...(environment?.id ? [code(environment.id)] : []),
    ...(environment?.url ? [escapeHtml(environment.url)] : [])
  ]
  return parts.length > 0 ? parts.join(' ') : undefined
}

/** The token's scopes, and whether Dynatrace confirmed them (and why not). */
function scopesHtml(token: MintedToken): string {
  const list = token.scopes.map(code).join(', ')
  const check = token.scopesVerified
    ? 'Verified: read back from Dynatrace after creation.'
    : `Not verified: ${token.scopesUnverified ?? 'they were not read back from Dynatrace.'} These are the scopes asked for.`
  return `${list}<br>${escapeHtml(check)}`
}

/**
 * The step's summary for mode mint or plan: what was minted (or would be), then the
 * sections (derived scopes, IAM changes).
 */
export function mintSummary(
  info: MintSummary
): (s: typeof core.summary) => void {
  return (s) => {
    const environment = environmentHtml(info.environment)
    const lifetime = formatDuration(info.lifetimeSeconds)
    const token = info.token
    const planned = info.planned
    if (info.mode === 'plan') {
      s.addHeading('Dynatrace credentials — plan', 2)
      s.addRaw(
        '<p>Nothing was changed and no token was created. This is what <code>mode: mint</code> with the same inputs would do.</p>',
        true
      )
      if (info.tokenType === 'none' || !planned) {
        s.addRaw(
          '<p>No token: <code>token-type: none</code> hands on only the SSO bearer (output <code>access-token</code>, valid about 5 minutes).</p>',
          true
        )
      } else {
        const rows = [
          `<tr><th>Token to mint</th><th>${escapeHtml(TOKEN_KIND[info.tokenType])}</th></tr>`,
          row('Name', escapeHtml(planned.name)),
          ...(environment ? [row('Environment', environment)] : []),
          row(
            'Scopes',
            `${planned.scopes.map(code).join(', ')}${planned.derived ? '<br>Derived from the Monaco project (see below).' : ''}`
          ),
          row('Lifetime', escapeHtml(lifetime)),
          row(
            'Revocation',
            info.revoke
              ? 'by the post step, when the job ends'
              : 'off (<code>revoke: false</code>): it would stay valid until it expires'
          )
        ]
        s.addRaw(`<table>\n${rows.join('\n')}\n</table>`, true)
      }
    } else if (token) {
      s.addHeading('Dynatrace token minted', 2)
      const rows = [
        `<tr><th>${escapeHtml(TOKEN_KIND[token.type]).replace(/ /g, '&nbsp;')}</th><th>${code(token.id)}</th></tr>`,
        row('Name', escapeHtml(token.name)),
        ...(environment ? [row('Environment', environment)] : []),
        row('Scopes', scopesHtml(token)),
        row(
          'Expires',
          `${escapeHtml(token.expiresAt)} (lifetime ${escapeHtml(lifetime)})`
        ),
        row(
          'Revocation',
          info.revoke
            ? // The post step reports what happened in its own summary: promise nothing here.
              'requested: the post step revokes it when the job ends (its result follows below)'
            : 'off (<code>revoke: false</code>): it stays valid until it expires'
        )
      ]
      s.addRaw(`<table>\n${rows.join('\n')}\n</table>`, true)
    } else {
      s.addHeading('Dynatrace credentials: no token minted', 2)
      s.addRaw(
        `<p><code>token-type: none</code>: only the ${info.credential?.startsWith('GitHub ID token') ? 'GitHub ID token' : 'SSO bearer'} is handed on (outputs <code>access-token</code> and <code>access-token-expires-at</code>)${environment ? ` for environment ${environment}` : ''}.</p>`,
        true
      )
    }
    if (info.credential)
      s.addRaw(
        `<p>Authenticated with ${escapeHtml(info.credential)}.</p>`,
        true
      )
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
  message: string,
  /** Sentences on what became of a token created before the failure. */
  notes: string[] = []
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
