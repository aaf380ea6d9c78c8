/**
 * The checks of the endpoint inputs (environment-url, sso-url, account-api-url): pure, like
 * ./fields.ts, and shared by the step and the audit.
 */
import {
  isDynatraceHost,
  isLoopbackHost,
  parseSaasEnvironmentUrl,
  type EnvironmentEndpoints
} from '../endpoints.js'
import { Problem, type Check } from './fields.js'

/** What environment-url names: a SaaS environment, or a custom endpoint (proxy, emulator). */
export type EnvironmentTarget =
  ({ kind: 'saas' } & EnvironmentEndpoints) | { kind: 'custom'; url: string }

/** A URL without the trailing slash. */
const trimSlash = (url: URL): string => url.href.replace(/\/+$/, '')

/**
 * An https URL of Dynatrace (or, with allow-custom-endpoints, of anything, plain http on
 * loopback included): no credentials, query or fragment.
 */
function endpointUrl(allowCustom: boolean): Check<URL> {
  return (text, show) => {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      return new Problem(
        URL.canParse(`https://${text}`) && /^[^\s/:]+\.[^\s/]+/.test(text)
          ? `${show(text)} has no scheme; add https:// (https://${show(text).slice(1, -1)}).`
          : `${show(text)} is not a URL.`
      )
    }
    if (url.username || url.password)
      return new Problem('must not contain credentials (user:password@).')
    if (url.search || url.hash)
      return new Problem(`${show(text)} must not have a query or fragment.`)
    const loopback = isLoopbackHost(url.hostname)
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      return new Problem(
        `${show(text)} must use https (plain http is accepted only on loopback: localhost, 127.0.0.0/8 or [::1], with allow-custom-endpoints: true).`
      )
    }
    if (
      !allowCustom &&
      (url.protocol !== 'https:' || !isDynatraceHost(url.hostname))
    ) {
      return new Problem(
        `${show(text)} is not a Dynatrace endpoint (https on *.dynatrace.com or *.dynatracelabs.com). Set allow-custom-endpoints: true for a proxy, a sovereign install or the local emulator.`
      )
    }
    return url
  }
}

/** environment-url: a SaaS environment (its ID and both URL forms) or a custom endpoint. */
export function environmentUrl(allowCustom: boolean): Check<EnvironmentTarget> {
  const endpoint = endpointUrl(allowCustom)
  return (text, show) => {
    const url = endpoint(text, show)
    if (url instanceof Problem) return url
    const saas = parseSaasEnvironmentUrl(url)
    if (saas) return { kind: 'saas', ...saas }
    if (/\/e\/[^/]+/.test(url.pathname)) {
      return new Problem(
        `${show(text)} looks like a Dynatrace Managed environment, which has no OAuth/platform route; this action supports Dynatrace SaaS (https://<id>.apps.dynatrace.com).`
      )
    }
    if (isDynatraceHost(url.hostname) && !allowCustom) {
      return new Problem(
        `${show(text)} is not an environment URL; use https://<environment-id>.apps.dynatrace.com (or .live.dynatrace.com).`
      )
    }
    return { kind: 'custom', url: trimSlash(url) }
  }
}

/** sso-url: an origin alone means the standard token path. */
export function ssoUrl(allowCustom: boolean): Check<string> {
  const endpoint = endpointUrl(allowCustom)
  return (text, show) => {
    const url = endpoint(text, show)
    if (url instanceof Problem) return url
    return url.pathname === '/'
      ? `${url.origin}/sso/oauth2/token`
      : trimSlash(url)
  }
}

/** account-api-url without its trailing slash. */
export function accountApiUrl(allowCustom: boolean): Check<string> {
  const endpoint = endpointUrl(allowCustom)
  return (text, show) => {
    const url = endpoint(text, show)
    return url instanceof Problem ? url : trimSlash(url)
  }
}
