/** monaco-manifest: the scopes a Monaco project's config types need, against the deploying token. */
import { afterEach, describe, expect, test } from '@jest/globals'
import { parseDocument } from 'yaml'
import { configKind, monacoJobs, monacoNeeds } from '../src/audit/monaco.js'
import type { JobInfo } from '../src/audit/scan.js'
import { audit, byRule } from './fixtures/audit/run-audit.js'

afterEach(() => {
  process.exitCode = undefined
})

const W = 'workflows/monaco'

describe('monaco-missing-scope and monaco-unneeded-scope', () => {
  test('classic token: missing scopes on the token-scopes line, unneeded on their own line', async () => {
    const { findings } = await audit({
      'audit-paths': W,
      'monaco-manifest': 'monaco/classic/manifest.yaml'
    })
    const file = `${W}/classic-missing.yml`
    expect(byRule(findings, 'monaco-missing-scope')).toEqual([
      ['error', file, 11, 'WriteConfig'],
      ['error', file, 11, 'settings.write']
    ])
    expect(byRule(findings, 'monaco-unneeded-scope')).toEqual([
      ['warning', file, 14, 'entities.read']
    ])
    expect(findings[0]!.message).toContain(
      '"team-alerts" ("alerting-profile", monaco/classic/project/alerting/config.yaml:2)'
    )
    // The job that does not run Monaco is not compared (metrics.ingest is not "unneeded").
    expect(findings.some((f) => f.scope === 'metrics.ingest')).toBe(false)
  })

  test('platform token: every platform scope the config types need', async () => {
    const { findings } = await audit({
      'audit-paths': `${W}/platform-missing.yml`,
      'monaco-manifest': 'monaco/platform/manifest.yaml'
    })
    expect(byRule(findings, 'monaco-missing-scope').map((f) => f[3])).toEqual([
      'settings:objects:write',
      'settings:schemas:read',
      'automation:workflows:read',
      'automation:workflows:write',
      'document:documents:read',
      'document:documents:write'
    ])
    expect(byRule(findings, 'monaco-missing-scope')[0]!.slice(0, 3)).toEqual([
      'error',
      `${W}/platform-missing.yml`,
      10
    ])
  })

  test("negative: exact scopes (optional ones are never unneeded), from this step's own inputs", async () => {
    const { findings } = await audit({
      'monaco-manifest': 'monaco/platform/manifest.yaml',
      'token-type': 'platform',
      'token-scopes':
        'settings:objects:read settings:objects:write settings:schemas:read automation:workflows:read automation:workflows:write automation:workflows:admin document:documents:read document:documents:write document:documents:delete app-engine:apps:run'
    })
    expect(findings).toEqual([])
  })

  test('config types the manifest has no credential for, and api/settings mapping', async () => {
    const { findings } = await audit({
      'monaco-manifest': 'monaco/mixed/manifest.yaml',
      'token-scopes': 'ReadConfig WriteConfig networkZones.read'
    })
    expect(byRule(findings, 'monaco-missing-scope')).toEqual([
      // network-zone needs networkZones.*; key-user-actions-web just ReadConfig/WriteConfig.
      ['error', undefined, undefined, 'networkZones.write'],
      // The manifest has auth.token only: a workflow and a bucket cannot be deployed at all.
      ['error', 'monaco/mixed/project/configs.yaml', 11, undefined],
      ['error', 'monaco/mixed/project/configs.yaml', 16, undefined]
    ])
    expect(findings[1]!.message).toContain('needs platform credentials')
    expect(byRule(findings, 'monaco-unneeded-scope')).toEqual([])
  })

  test('a project folder that does not exist (or leaves the workspace)', async () => {
    const { findings } = await audit({
      'monaco-manifest': 'monaco/missing-folder/manifest.yaml'
    })
    expect(byRule(findings, 'invalid-value')).toEqual([
      ['error', 'monaco/missing-folder/manifest.yaml', 3, undefined],
      ['error', 'monaco/missing-folder/manifest.yaml', 4, undefined]
    ])
  })

  test('a manifest that is not YAML is a finding; one that does not exist fails cleanly', async () => {
    const broken = await audit({
      'monaco-manifest': 'monaco/broken/manifest.yaml.txt'
    })
    expect(byRule(broken.findings, 'unreadable-file')).toEqual([
      ['error', 'monaco/broken/manifest.yaml.txt', 5, undefined]
    ])
    const missing = await audit({ 'monaco-manifest': 'monaco/nope.yaml' })
    expect(missing.exitCode).toBe(1)
    expect(missing.stdout).toContain(
      '::error::monaco-manifest: "monaco/nope.yaml" does not exist in the workspace'
    )
  })
})

describe('config types', () => {
  const kind = (yaml: string): unknown => {
    const doc = parseDocument(yaml)
    return configKind(doc.get('type', true) as never, doc)
  }
  test.each([
    ['type: alerting-profile', { kind: 'api', name: 'alerting-profile' }],
    [
      'type: builtin:alerting.profile',
      { kind: 'settings', name: 'builtin:alerting.profile' }
    ],
    ['type: {api: management-zone}', { kind: 'api', name: 'management-zone' }],
    [
      'type: {api: {name: key-user-actions-web, scope: x}}',
      { kind: 'api', name: 'key-user-actions-web' }
    ],
    [
      'type: {settings: {schema: builtin:tags.auto-tagging, scope: environment}}',
      { kind: 'settings', name: 'builtin:tags.auto-tagging' }
    ],
    [
      'type: {automation: {resource: scheduling-rule}}',
      { kind: 'automation:scheduling-rule', name: 'scheduling-rule' }
    ],
    [
      'type: {automation: {resource: business-calendar}}',
      { kind: 'automation:business-calendar', name: 'business-calendar' }
    ],
    [
      'type: {document: {kind: notebook}}',
      { kind: 'document', name: 'notebook' }
    ],
    [
      'type: {openpipeline: {kind: logs}}',
      { kind: 'openpipeline', name: 'logs' }
    ],
    ['type: {segment: {}}', { kind: 'segment', name: 'segment' }],
    ['type: {slo-v2: {}}', { kind: 'slo-v2', name: 'slo-v2' }],
    ['type: {bucket: {}}', { kind: 'bucket', name: 'bucket' }],
    ['type: bucket', { kind: 'bucket', name: 'bucket' }],
    ['type: {automation: {resource: teapot}}', undefined],
    ['type: {unknown: {}}', undefined],
    ['type: [a, b]', undefined],
    ['type:', undefined]
  ])('%s', (yaml, expected) => {
    expect(kind(yaml)).toEqual(expected)
  })

  test('needs per kind come from the data tables (§4.3, §4.4)', () => {
    const config = (kind: string, name: string) => ({
      id: name,
      kind,
      name,
      file: 'f',
      line: 1
    })
    const needs = monacoNeeds({
      manifest: 'm',
      classicAuth: true,
      platformAuth: true,
      configs: [
        config('api', 'request-attributes'),
        // Names from a config file never reach inherited properties of the tables.
        config('api', 'constructor'),
        config('valueOf', 'valueOf'),
        config('api', 'slo'),
        config('segment', 'segment'),
        config('slo-v2', 'slo-v2'),
        config('openpipeline', 'logs'),
        config('settings', 'builtin:x')
      ]
    })
    expect([...needs.classic.keys()]).toEqual([
      'ReadConfig',
      'CaptureRequestData',
      'WriteConfig',
      'slo.read',
      'slo.write'
    ])
    expect([...needs.platform.keys()]).toEqual([
      'storage:filter-segments:read',
      'storage:filter-segments:write',
      'slo:slos:read',
      'slo:slos:write',
      'openpipeline:configurations:read',
      'openpipeline:configurations:write',
      'settings:objects:read',
      'settings:objects:write',
      'settings:schemas:read'
    ])
    expect(needs.platformOptional.has('app-engine:apps:run')).toBe(true)
  })
})

describe('which jobs deploy the manifest', () => {
  const job = (name: string, runs: JobInfo['runs']): JobInfo => ({
    file: 'w.yml',
    job: name,
    runs,
    usesMonaco: runs.some((r) => /monaco/.test(r.script))
  })
  const jobs = [
    job('a', [{ script: 'monaco deploy ./deploy/manifest.yaml -e prod' }]),
    job('b', [
      { script: 'monaco deploy manifest.yaml', workingDirectory: 'deploy' }
    ]),
    job('c', [{ script: 'monaco deploy other/manifest.yaml' }]),
    job('d', [{ script: 'echo deploy/manifest.yaml' }])
  ]
  test('jobs that name the manifest (directly or from their working-directory)', () => {
    expect(monacoJobs(jobs, 'deploy/manifest.yaml').map((j) => j.job)).toEqual([
      'a',
      'b'
    ])
  })
  test('otherwise every job that runs Monaco', () => {
    expect(
      monacoJobs(jobs, 'elsewhere/manifest.yaml').map((j) => j.job)
    ).toEqual(['a', 'b', 'c'])
  })
})
