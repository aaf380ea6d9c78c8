/**
 * A stateful Dynatrace emulator for tests and scripts: SSO, Account
 * Management (IAM, platform tokens) and the environment API-token routes on
 * one loopback origin, workload identity federation trusts, and a GitHub
 * ID-token service on an origin of its own. See server.ts for the moving parts.
 */
export { startEmulator, type RunningEmulator } from './server.js'
export { startForwardProxy, type ForwardProxy } from './proxy.js'
export {
  BUILTIN_POLICIES,
  DEFAULT_ACCOUNT_UUID,
  DEFAULT_ENVIRONMENT_ID,
  DEMO_CLIENT,
  DEMO_GROUPS,
  DEMO_SCOPES
} from './fixtures.js'
export { iamRoutes } from './iam.js'
export { gatewayFault } from './faults.js'
export type { SeedPlatformToken } from './platform-tokens.js'
export {
  FEDERATED_SERVICE_USER,
  globMatches,
  repositoryTrust,
  type ClaimMapping,
  type ServiceUserMapping,
  type TrustPolicyInit,
  type TrustPolicyRecord
} from './federation.js'
export {
  GITHUB_ISSUER,
  startGitHubOidc,
  type GitHubJob,
  type GitHubOidcService,
  type IdTokenRequest,
  type JsonWebKeySet
} from './github-oidc.js'
export { DEFAULT_CONTRACT_PATH, loadContract } from './validate.js'
export type * from './types.js'
