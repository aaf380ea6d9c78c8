/**
 * Scope data only the offline audit reads (the step's own checks are in src/scopes.ts and src/scope-check.ts):
 * kept apart so that a mint never loads it, and input validation is unchanged by
 * additions here.
 */
import { ACCOUNT_SCOPES, PLATFORM_SCOPES } from '../scopes.js'

/** Deprecated or retired scopes, with what to use instead. */
export const DEPRECATED_SCOPES: Readonly<Record<string, string>> = {
  'environment-api:api-tokens:read': 'api-tokens:tokens:read',
  'environment-api:api-tokens:write': 'api-tokens:tokens:write'
}

/**
 * Scopes that let a *minted* token mint or manage credentials or IAM: whoever holds the
 * token (any later step of the job) could create long-lived credentials or grant itself
 * more. The audit reports them (`escalation-scope`) unless the audit step's
 * `allowed-scopes` lists them. Value: what the scope lets the token do.
 */
export const ESCALATION_SCOPES: Readonly<Record<string, string>> = {
  'apiTokens.read': 'list and inspect the environment’s API tokens',
  'apiTokens.write': 'create, change and delete API tokens',
  'tenantTokenRotation.write':
    'rotate the tenant token that OneAgents and ActiveGates use',
  TenantTokenManagement: 'read and manage the tenant token',
  'activeGateTokenManagement.read': 'read ActiveGate tokens',
  'activeGateTokenManagement.create': 'create ActiveGate tokens',
  'activeGateTokenManagement.write': 'create and revoke ActiveGate tokens',
  'agentTokenManagement.read': 'read the agent tokens OneAgents connect with',
  'iam-policies-management': 'create and bind IAM policies',
  'iam:policies:write': 'create and change IAM policies',
  'iam:bindings:write': 'bind IAM policies to groups',
  'iam:boundaries:write': 'change IAM policy boundaries',
  'account-idm-write': 'manage users, groups and group membership',
  'platform-token:tokens:read': 'list and inspect platform tokens',
  'platform-token:tokens:write': 'create platform tokens',
  'platform-token:tokens:manage': 'create, change and delete platform tokens',
  'api-tokens:tokens:read': 'list and inspect API tokens',
  'api-tokens:tokens:write': 'create, change and delete API tokens',
  'environment-api:api-tokens:read': 'list and inspect API tokens',
  'environment-api:api-tokens:write': 'create, change and delete API tokens'
}

/**
 * Role permissions usable in IAM policy statements (the legacy `tenant-*` group permissions
 * of the Account Management OpenAPI's permission enum, as IAM permissions).
 */
const ENVIRONMENT_ROLE_PERMISSIONS: readonly string[] = [
  'environment:roles:viewer',
  'environment:roles:manage-settings',
  'environment:roles:agent-install',
  'environment:roles:logviewer',
  'environment:roles:view-sensitive-request-data',
  'environment:roles:configure-request-capture-data',
  'environment:roles:replay-sessions-with-masking',
  'environment:roles:replay-sessions-without-masking',
  'environment:roles:manage-security-problems',
  'environment:roles:view-security-problems',
  'environment:roles:manage-support-tickets'
]

/**
 * Permissions the audit knows in IAM policy statements: the platform scopes (each is
 * also an IAM permission), the account IAM ones and the environment role permissions.
 * An unknown permission is only a warning: Dynatrace adds services often.
 */
export const POLICY_PERMISSIONS: readonly string[] = [
  ...PLATFORM_SCOPES,
  ...ACCOUNT_SCOPES.filter((scope) => scope.split(':').length === 3),
  ...ENVIRONMENT_ROLE_PERMISSIONS
]

/**
 * Actions (the last part of a permission, up to its first `-`) that change something;
 * granting one without a WHERE condition is reported as `unconditioned-write`.
 */
export const WRITE_ACTIONS: readonly string[] = [
  'write',
  'manage',
  'admin',
  'delete',
  'create',
  'update',
  'truncate',
  'install'
]
