import { formatDuration } from './duration.js'
import type { Auth } from './inputs/fields.js'
import type { MintedToken } from './dynatrace/tokens.js'
import { code, escapeHtml, type JobSummary } from './summary.js'

/** What the summary of mode mint or plan shows. */
export interface MintSummary {
  /** Which credential authenticated the run (never the credential itself). */
  credential?: string
  /** How the run authenticated: with github-oidc the bearer is the GitHub ID token. */
  auth?: Auth
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

export const TOKEN_KIND: Record<MintedToken['type'], string> = {
  classic: 'Classic API token',
  platform: 'Platform token'
}

/** A row of the token table: a name, and its value as HTML. */
export const row = (name: string, html: string): string =>
  `<tr><td>${escapeHtml(name)}</td><td>${html}</td></tr>`

export function environmentHtml(
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
 * The step's summary for mode mint: what was minted (or, with token-type none, what was
 * handed on), then the sections (derived scopes, IAM changes).
 */
export function mintSummary(info: MintSummary): (s: JobSummary) => void {
  return (s) => {
    const environment = environmentHtml(info.environment)
    const token = info.token
    if (token) {
      s.addHeading('Dynatrace token minted', 2)
      const rows = [
        `<tr><th>${escapeHtml(TOKEN_KIND[token.type]).replace(/ /g, '&nbsp;')}</th><th>${code(token.id)}</th></tr>`,
        row('Name', escapeHtml(token.name)),
        ...(environment ? [row('Environment', environment)] : []),
        row('Scopes', scopesHtml(token)),
        row(
          'Expires',
          `${escapeHtml(token.expiresAt)} (lifetime ${escapeHtml(formatDuration(info.lifetimeSeconds))})`
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
        `<p><code>token-type: none</code>: only the ${bearerName(info)} is handed on (outputs <code>access-token</code> and <code>access-token-expires-at</code>)${environment ? ` for environment ${environment}` : ''}.</p>`,
        true
      )
    }
    closingSections(s, info)
  }
}

/** The bearer a token-type: none run hands on. */
export const bearerName = (info: MintSummary): string =>
  info.auth === 'github-oidc' ? 'GitHub ID token' : 'SSO bearer'

/** What every mint and plan summary ends with: the credential used, then the sections. */
export function closingSections(s: JobSummary, info: MintSummary): void {
  if (info.credential)
    s.addRaw(`<p>Authenticated with ${escapeHtml(info.credential)}.</p>`, true)
  for (const section of info.sections ?? []) s.addRaw(section, true)
}
