/**
 * token-scopes derived from monaco-manifest at mint and plan time, through the public
 * surface: INPUT_* in, the token the emulator creates (its scopes), outputs, log and job
 * summary out. The projects under fixtures/audit/monaco-real are shaped after Monaco's
 * own test projects: classic, platform and mixed manifests, with skips and overrides.
 */
import {
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test
} from '@jest/globals'
import nock from 'nock'
import {
  DEFAULT_ACCOUNT_UUID,
  DEMO_CLIENT,
  startEmulator,
  type RunningEmulator
} from '../test/emulator/index.js'
import {
  CLASSIC_API_TYPES,
  PLATFORM_TYPES,
  RUNTIME_SCOPES,
  SETTINGS_CLASSIC,
  SETTINGS_PLATFORM,
  UNSOURCED_CLASSIC_APIS
} from '../src/monaco/catalogue.js'
import { checkScope } from '../src/scope-check.js'
import { FIXTURES } from './fixtures/audit/run-audit.js'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import { emulatorInputs } from '../test/support/runner.js'

const M = 'monaco-real'
let em: RunningEmulator

beforeAll(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})
beforeEach(async () => {
  em = await startEmulator({ environments: ['abc12345'] })
})
afterEach(async () => {
  await em.close()
})

/** The emulator's demo client and endpoints, a 30-minute token. */
function inputs(extra: Record<string, string>): Record<string, string> {
  return emulatorInputs(em, {
    'account-urn': `urn:dtaccount:${DEFAULT_ACCOUNT_UUID}`,
    'token-lifetime': '30m',
    ...extra
  })
}

const step = (extra: Record<string, string>): Promise<StepRun> =>
  runStep({ inputs: inputs(extra), env: { GITHUB_WORKSPACE: FIXTURES } })

const failure = (run: StepRun): string =>
  decodeURIComponent(
    run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error::'))
      .join('\n')
  )

function expectClean(run: StepRun): void {
  expect(
    findLeaks(
      run,
      [DEMO_CLIENT.clientSecret, ...em.state.apiTokens.map((t) => t.token)],
      {
        urls: em.requests.map((r) => r.path)
      }
    )
  ).toEqual([])
}

const CLASSIC_ALL = [
  'ReadConfig',
  'WriteConfig',
  'CaptureRequestData',
  'slo.read',
  'slo.write',
  'settings.read',
  'settings.write'
]
const PLATFORM_ALL = [
  'app-engine:apps:run',
  'automation:workflows:read',
  'automation:workflows:write',
  'automation:rules:read',
  'automation:rules:write',
  'automation:calendars:read',
  'automation:calendars:write',
  'document:documents:read',
  'document:documents:write',
  'settings:objects:read',
  'settings:objects:write',
  'settings:schemas:read',
  'storage:bucket-definitions:read',
  'storage:bucket-definitions:write',
  'storage:filter-segments:read',
  'storage:filter-segments:write',
  'openpipeline:configurations:read',
  'openpipeline:configurations:write',
  'slo:slos:read',
  'slo:slos:write'
]

describe('mint: the token carries exactly what the project deploys', () => {
  test('classic project, every environment: skipped configs need nothing, overrides count', async () => {
    const run = await step({ 'monaco-manifest': `${M}/classic/manifest.yaml` })
    expect(failure(run)).toBe('')
    expect(em.state.apiTokens).toHaveLength(1)
    // network-zone is skipped everywhere: no networkZones.*; request-attributes (dev only)
    // and the classic slo (skipped for the production group) count because dev deploys them.
    expect(em.state.apiTokens[0]!.scopes).toEqual(CLASSIC_ALL)
    expect(run.outputs['token-scopes']).toBe(CLASSIC_ALL.join(','))
    expect(run.stdout).toContain(
      'token-scopes derived from "monaco-real/classic/manifest.yaml" for environment(s) "dev", "prod"'
    )
    expect(run.stdout).toContain(
      '  CaptureRequestData: Monaco config "capture-order-id" (api request-attributes) (monaco-real/classic/projects/infrastructure/requests/config.yaml:2)'
    )
    expect(run.summary).toContain('Scopes derived from the Monaco project')
    expect(run.summary).toContain('<code>slo.read</code>')
    expectClean(run)
  })

  test('monaco-environment: prod gets neither the dev-only request attribute nor the group-skipped SLO', async () => {
    const run = await step({
      'monaco-manifest': `${M}/classic/manifest.yaml`,
      'monaco-environment': 'prod'
    })
    expect(failure(run)).toBe('')
    expect(em.state.apiTokens[0]!.scopes).toEqual([
      'ReadConfig',
      'WriteConfig',
      'settings.read',
      'settings.write'
    ])
  })

  test('a group name selects its environments, as monaco deploy -g does', async () => {
    const run = await step({
      'monaco-manifest': `${M}/classic/manifest.yaml`,
      'monaco-environment': 'development'
    })
    expect(failure(run)).toBe('')
    expect(em.state.apiTokens[0]!.scopes).toEqual(CLASSIC_ALL)
  })

  test('platform project: every platform type, plus app-engine:apps:run for the classic-URL lookup', async () => {
    const run = await step({
      'monaco-manifest': `${M}/platform/manifest.yaml`,
      'token-type': 'platform'
    })
    expect(failure(run)).toBe('')
    expect(em.state.platformTokens).toHaveLength(1)
    expect(em.state.platformTokens[0]!.scope).toEqual(PLATFORM_ALL)
    expect(run.stdout).toContain(
      '  app-engine:apps:run: the classic-URL lookup (GET /platform/metadata/v1/classic-environment-domain) Monaco makes whenever it runs with platform credentials'
    )
    expectClean(run)
  })

  test('platform project on prod: the segment skipped for production is left out', async () => {
    const run = await step({
      'monaco-manifest': `${M}/platform/manifest.yaml`,
      'monaco-environment': 'prod',
      'token-type': 'platform'
    })
    expect(failure(run)).toBe('')
    expect(em.state.platformTokens[0]!.scope).toEqual(
      PLATFORM_ALL.filter((s) => !s.startsWith('storage:filter-segments'))
    )
  })

  test('mixed manifest: Settings go through the classic token on dev and the platform token on prod', async () => {
    const classicAll = await step({
      'monaco-manifest': `${M}/mixed/manifest.yaml`
    })
    expect(failure(classicAll)).toBe('')
    expect(em.state.apiTokens.at(-1)!.scopes).toEqual([
      'ReadConfig',
      'WriteConfig',
      'settings.read',
      'settings.write'
    ])
    const classicProd = await step({
      'monaco-manifest': `${M}/mixed/manifest.yaml`,
      'monaco-environment': 'prod'
    })
    expect(failure(classicProd)).toBe('')
    expect(em.state.apiTokens.at(-1)!.scopes).toEqual([
      'ReadConfig',
      'WriteConfig'
    ])
    expect(classicProd.stdout).toContain(
      'Monaco also deploys 3 config(s) of this project with auth.platformToken; mint that platform token in another step'
    )
    const platformProd = await step({
      'monaco-manifest': `${M}/mixed/manifest.yaml`,
      'monaco-environment': 'prod',
      'token-type': 'platform'
    })
    expect(failure(platformProd)).toBe('')
    expect(em.state.platformTokens.at(-1)!.scope).toEqual([
      'app-engine:apps:run',
      'settings:objects:read',
      'settings:objects:write',
      'settings:schemas:read',
      'automation:workflows:read',
      'automation:workflows:write'
    ])
  })

  test('token-scopes given: used as written, nothing derived', async () => {
    const run = await step({
      'monaco-manifest': `${M}/classic/manifest.yaml`,
      'token-scopes': 'ReadConfig'
    })
    expect(failure(run)).toBe('')
    expect(em.state.apiTokens[0]!.scopes).toEqual(['ReadConfig'])
    expect(run.stdout).not.toContain('derived')
  })
})

describe('plan: the derived scopes and why', () => {
  test('plan output lists the scopes with their reasons; nothing is created', async () => {
    const run = await step({
      mode: 'plan',
      'monaco-manifest': `${M}/mixed/manifest.yaml`,
      'monaco-environment': 'prod',
      'token-type': 'platform'
    })
    expect(failure(run)).toBe('')
    expect(em.state.platformTokens).toEqual([])
    const plan = JSON.parse(run.outputs.plan!) as {
      token: {
        scopes: string[]
        scopesDerived: {
          manifest: string
          environments: string[]
          reasons: {
            scope: string
            why: string
            file?: string
            line?: number
          }[]
        }
      }
    }
    expect(plan.token.scopes[0]).toBe('app-engine:apps:run')
    expect(plan.token.scopesDerived.manifest).toBe(`${M}/mixed/manifest.yaml`)
    expect(plan.token.scopesDerived.environments).toEqual(['prod'])
    expect(plan.token.scopesDerived.reasons).toContainEqual({
      scope: 'automation:workflows:write',
      why: 'Monaco config "release-workflow" (automation workflow)',
      file: `${M}/mixed/project/config.yaml`,
      line: 30
    })
    expect(run.summary).toContain('Scopes derived from the Monaco project')
  })
})

describe('fails before any request when the scopes cannot be derived', () => {
  test.each([
    [
      'an empty project',
      { 'monaco-manifest': `${M}/broken/empty.yaml` },
      `${M}/broken/empty.yaml:3: Monaco project "empty-project"`
    ],
    [
      'a config type Monaco does not know (file and line)',
      { 'monaco-manifest': `${M}/broken/unknown.yaml` },
      `${M}/broken/unknown/config.yaml:8: Monaco config "typo" has the unknown API "alerting-profiles"`
    ],
    [
      'a config type whose scopes no public source states',
      { 'monaco-manifest': `${M}/broken/unsourced.yaml` },
      `${M}/broken/unsourced/config.yaml:2: Monaco config "aws-services" (api aws-credentials-services): no public source states the scopes`
    ],
    [
      'a skip Monaco cannot read',
      { 'monaco-manifest': `${M}/broken/bad-skip.yaml` },
      `${M}/broken/bad-skip/config.yaml:8: Monaco config "zone": skip is "maybe"`
    ],
    [
      'a config file that is not YAML',
      { 'monaco-manifest': `${M}/broken/not-yaml.yaml` },
      `${M}/broken/not-yaml/config.yaml:6: "monaco-real/broken/not-yaml/config.yaml" is not valid YAML`
    ],
    [
      'an override that changes the type, which Monaco does not allow',
      { 'monaco-manifest': `${M}/broken/type-override.yaml` },
      `${M}/broken/type-override/config.yaml:12: Monaco config "tags": environmentOverrides cannot change the type`
    ],
    [
      'a platform token for an environment with only auth.token',
      {
        'monaco-manifest': `${M}/mixed/manifest.yaml`,
        'monaco-environment': 'dev',
        'token-type': 'platform'
      },
      'Monaco would not use a platform token: environment(s) "dev" have no auth.platformToken or auth.oAuth'
    ],
    [
      'a classic token for a platform-only manifest',
      { 'monaco-manifest': `${M}/platform/manifest.yaml` },
      'Monaco would not use a classic token: environment(s) "staging", "prod" have no auth.token'
    ],
    [
      'an environment the manifest does not have',
      {
        'monaco-manifest': `${M}/classic/manifest.yaml`,
        'monaco-environment': 'qa'
      },
      'monaco-environment: "qa" is neither an environment nor an environment group'
    ],
    [
      'a needed scope outside allowed-scopes',
      {
        'monaco-manifest': `${M}/classic/manifest.yaml`,
        'allowed-scopes': 'ReadConfig WriteConfig settings.read settings.write'
      },
      '  - CaptureRequestData: for Monaco config "capture-order-id" (api request-attributes)'
    ]
  ])('%s', async (_name, extra, message) => {
    const run = await step(extra)
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toContain(message)
    expect(em.requests).toEqual([])
    expect(em.state.apiTokens).toEqual([])
  })

  test('monaco-environment without monaco-manifest is an input error', async () => {
    const run = await step({
      'token-scopes': 'ReadConfig',
      'monaco-environment': 'prod'
    })
    expect(failure(run)).toContain(
      'monaco-environment: is set, but monaco-manifest is empty'
    )
    expect(em.requests).toEqual([])
  })
})

describe('catalogue', () => {
  test('every scope it names is a scope of its token kind, and every type has a public source', () => {
    const classic = [...Object.values(CLASSIC_API_TYPES), SETTINGS_CLASSIC]
    const platform = [
      ...Object.values(PLATFORM_TYPES),
      SETTINGS_PLATFORM,
      RUNTIME_SCOPES.platform
    ]
    for (const [types, kind] of [
      [classic, 'classic'],
      [platform, 'platform']
    ] as const) {
      for (const type of types) {
        expect(type.source).toMatch(
          /^(https:\/\/docs\.dynatrace\.com\/|Monaco pkg\/)/
        )
        for (const scope of [...type.required, ...type.optional])
          expect([scope, checkScope(scope, kind)]).toEqual([scope, undefined])
      }
    }
    // A type without a source is not in the table of scopes: it is reported, not guessed.
    for (const name of UNSOURCED_CLASSIC_APIS)
      expect(Object.hasOwn(CLASSIC_API_TYPES, name)).toBe(false)
  })
})
