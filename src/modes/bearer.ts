import { formatDuration } from '../duration.js'
import { setAccessToken, summarize, type Prepared } from './mint.js'

/** token-type: none — the bearer is the credential handed on. */
export async function handOnBearer(prepared: Prepared): Promise<void> {
  const { inputs, log } = prepared.session.ctx
  const expiresAt = setAccessToken(prepared.session.bearer)
  const lifetime = expiresAt
    ? `, valid until ${expiresAt} (${formatDuration(Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000)))}; it is not renewed)`
    : ''
  log.info(
    `token-type is none: only the ${inputs.auth === 'github-oidc' ? 'GitHub ID token' : 'SSO bearer'} is handed on, as access-token${lifetime}.`
  )
  await summarize(prepared, {
    tokenType: 'none',
    lifetimeSeconds: 0,
    revoke: false
  })
}
