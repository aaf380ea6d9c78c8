/** A token this run created. `secret` is the whole token; it is masked on arrival. */
export interface MintedToken {
  type: 'classic' | 'platform'
  id: string
  secret: string
  name: string
  /** ISO 8601, as Dynatrace reports it (or as requested, for platform tokens). */
  expiresAt: string
  scopes: string[]
  /** The scopes were read back from Dynatrace after creation. */
  scopesVerified: boolean
}
