/**
 * Dynatrace endpoints derived from an environment URL: the SSO token URL
 * (https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/oauth-clients),
 * the Account Management base URL, and the per-stage URL forms of Dynatrace's Terraform
 * provider (dynatrace-oss/terraform-provider-dynatrace, provider/config/config.go).
 * Pure functions: no I/O, so every form is table-tested.
 */

export type Stage = 'prod' | 'sprint' | 'dev'

export interface StageEndpoints {
  ssoTokenUrl: string
  accountApiUrl: string
}

export const STAGES: Readonly<Record<Stage, StageEndpoints>> = {
  prod: {
    ssoTokenUrl: 'https://sso.dynatrace.com/sso/oauth2/token',
    accountApiUrl: 'https://api.dynatrace.com'
  },
  sprint: {
    ssoTokenUrl: 'https://sso-sprint.dynatracelabs.com/sso/oauth2/token',
    accountApiUrl: 'https://api-hardening.internal.dynatracelabs.com'
  },
  // The dev Account API host is UNCONFIRMED (the Terraform provider's DevIAMEndpointURL); override with account-api-url.
  dev: {
    ssoTokenUrl: 'https://sso-dev.dynatracelabs.com/sso/oauth2/token',
    accountApiUrl: 'https://api-dev.internal.dynatracelabs.com'
  }
}

export interface EnvironmentEndpoints {
  environmentId: string
  stage: Stage
  /** https://<id>.apps.dynatrace.com (bearer / platform APIs). */
  platformUrl: string
  /** https://<id>.live.dynatrace.com (Api-Token / classic APIs, Monaco's `token`). */
  classicUrl: string
}

const PATTERNS: Array<{
  re: RegExp
  stage: Stage
}> = [
  { re: /^([a-z0-9-]+)\.(?:apps|live)\.dynatrace\.com$/, stage: 'prod' },
  {
    re: /^([a-z0-9-]+)\.sprint(?:\.apps)?\.dynatracelabs\.com$/,
    stage: 'sprint'
  },
  { re: /^([a-z0-9-]+)\.dev(?:\.apps)?\.dynatracelabs\.com$/, stage: 'dev' }
]

/** Both URL forms of a SaaS environment. */
export function environmentUrls(
  environmentId: string,
  stage: Stage
): { platformUrl: string; classicUrl: string } {
  switch (stage) {
    case 'prod':
      return {
        platformUrl: `https://${environmentId}.apps.dynatrace.com`,
        classicUrl: `https://${environmentId}.live.dynatrace.com`
      }
    case 'sprint':
      return {
        platformUrl: `https://${environmentId}.sprint.apps.dynatracelabs.com`,
        classicUrl: `https://${environmentId}.sprint.dynatracelabs.com`
      }
    case 'dev':
      return {
        platformUrl: `https://${environmentId}.dev.apps.dynatracelabs.com`,
        classicUrl: `https://${environmentId}.dev.dynatracelabs.com`
      }
  }
}

/**
 * Recognise a SaaS environment URL (apps or live form, prod/sprint/dev). Returns
 * undefined for anything else (a custom endpoint).
 */
export function parseSaasEnvironmentUrl(
  url: URL
): EnvironmentEndpoints | undefined {
  if (url.protocol !== 'https:' || url.port !== '') return undefined
  const host = url.hostname.toLowerCase()
  for (const { re, stage } of PATTERNS) {
    const environmentId = re.exec(host)?.[1]
    if (environmentId !== undefined) {
      return { environmentId, stage, ...environmentUrls(environmentId, stage) }
    }
  }
  return undefined
}

/** Hosts Dynatrace serves from; other hosts need allow-custom-endpoints. */
export function isDynatraceHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host.endsWith('.dynatrace.com') || host.endsWith('.dynatracelabs.com')
}

/** The hosts plain http may go to (an HTTP-layer rule, src/loopback.ts), for the URL inputs. */
export { isLoopbackHost } from './loopback.js'
