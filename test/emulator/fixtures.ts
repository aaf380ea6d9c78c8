/**
 * Fixed seed data, so tests can name things without looking them up.
 */
import type { ClientSpec, GroupRecord, PolicyRecord } from './types.js'

export const DEFAULT_ACCOUNT_UUID = '8b1a5f4e-3c2d-4e6f-9a8b-7c6d5e4f3a2b'
export const DEFAULT_ENVIRONMENT_ID = 'abc12345'

/** Every scope an OAuth client needs for classic and platform tokens and IAM. */
export const DEMO_SCOPES = [
  'environment-api:api-tokens:read',
  'environment-api:api-tokens:write',
  'api-tokens:tokens:read',
  'api-tokens:tokens:write',
  'account-idm-read',
  'account-idm-write',
  'account-env-read',
  'iam-policies-management',
  'iam:policies:read',
  'iam:policies:write',
  'iam:bindings:read',
  'iam:bindings:write',
  'iam:boundaries:read',
  'platform-token:tokens:write',
  'platform-token:tokens:manage'
]

export const DEMO_CLIENT: ClientSpec = {
  clientId: 'dt0s02.DEMOCLNT',
  clientSecret:
    'dt0s02.DEMOCLNT.' +
    'Q7K2M9X4B8N1V6C3Z5L0P7R2T9Y4W1E8U3I6O0A5S2D7F4G9H1J6K3Z8X5C2V7B4',
  scopes: DEMO_SCOPES,
  userUuid: '5e0c2f7a-9d41-4b3e-8a6c-1f2e3d4c5b6a',
  canManageSettings: true
}

/** Built-in (global-level) policies with fixed UUIDs. */
export const BUILTIN_POLICIES = {
  settingsReader: {
    uuid: '0a1b2c3d-0001-4000-8000-000000000001',
    name: 'Settings Reader',
    description: 'Read access to settings.',
    statementQuery: 'ALLOW settings:objects:read, settings:schemas:read;'
  },
  settingsWriter: {
    uuid: '0a1b2c3d-0001-4000-8000-000000000002',
    name: 'Settings Writer',
    description: 'Read and write access to settings.',
    statementQuery:
      'ALLOW settings:objects:read, settings:objects:write, settings:schemas:read;'
  },
  accessEnvironment: {
    uuid: '0a1b2c3d-0001-4000-8000-000000000003',
    name: 'Environment role - Access environment',
    description: 'Environment role: access the environment.',
    statementQuery: 'ALLOW environment:roles:viewer;'
  },
  changeMonitoringSettings: {
    uuid: '0a1b2c3d-0001-4000-8000-000000000004',
    name: 'Environment role - Change monitoring settings',
    description: 'Environment role: change monitoring settings.',
    statementQuery: 'ALLOW environment:roles:manage-settings;'
  }
} as const

export function builtinPolicies(): PolicyRecord[] {
  return Object.values(BUILTIN_POLICIES).map((p) => ({
    ...p,
    levelType: 'global',
    levelId: 'global',
    tags: []
  }))
}

/** Groups every emulated account starts with. */
export const DEMO_GROUPS = {
  deployers: {
    uuid: '7a1d224d-1111-4c4c-9d9d-000000000001',
    name: 'CI deployers'
  },
  viewers: {
    uuid: '7a1d224d-1111-4c4c-9d9d-000000000002',
    name: 'Monitoring viewers'
  }
} as const

export function demoGroups(nowIso: string): GroupRecord[] {
  return Object.values(DEMO_GROUPS).map((g) => ({
    ...g,
    description: '',
    federatedAttributeValues: [],
    owner: 'LOCAL',
    createdAt: nowIso,
    updatedAt: nowIso
  }))
}
