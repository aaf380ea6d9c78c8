import { formatDuration } from './duration.js'
import {
  TOKEN_KIND,
  bearerName,
  closingSections,
  environmentHtml,
  row,
  type MintSummary
} from './summary-mint.js'
import { code, escapeHtml, type JobSummary } from './summary.js'

/**
 * The step's summary for mode plan: what mint would do with the same inputs, then the
 * sections (derived scopes, IAM changes).
 */
export function planSummary(info: MintSummary): (s: JobSummary) => void {
  return (s) => {
    const environment = environmentHtml(info.environment)
    const planned = info.planned
    s.addHeading('Dynatrace credentials — plan', 2)
    s.addRaw(
      '<p>Nothing was changed and no token was created. This is what <code>mode: mint</code> with the same inputs would do.</p>',
      true
    )
    if (info.tokenType === 'none' || !planned) {
      s.addRaw(
        `<p>No token: <code>token-type: none</code> hands on only the ${bearerName(info)} (output <code>access-token</code>${info.auth === 'github-oidc' ? '' : ', valid about 5 minutes'}).</p>`,
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
        row('Lifetime', escapeHtml(formatDuration(info.lifetimeSeconds))),
        row(
          'Revocation',
          info.revoke
            ? 'by the post step, when the job ends'
            : 'off (<code>revoke: false</code>): it would stay valid until it expires'
        )
      ]
      s.addRaw(`<table>\n${rows.join('\n')}\n</table>`, true)
    }
    closingSections(s, info)
  }
}
