import { code, escapeHtml, type JobSummary } from './summary.js'

export type RevocationResult =
  'revoked' | 'already-gone' | 'unknown-id' | 'failed' | 'skipped'

export function revocationSummary(
  id: string,
  result: RevocationResult,
  detail: string
): (s: JobSummary) => void {
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
