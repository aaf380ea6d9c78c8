/** monaco-manifest: the scopes a Monaco project's config types need, against the deploying token. */
import { afterEach, describe, expect, test } from '@jest/globals'
import { monacoJobs } from '../src/audit/monaco.js'
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
      '"team-alerts" (api alerting-profile), monaco/classic/project/alerting/config.yaml:2'
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
      // Monaco looks up the classic URL whenever it has platform credentials.
      'app-engine:apps:run',
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
    expect(
      monacoJobs(jobs, 'deploy/manifest.yaml').map((j) => j.job.job)
    ).toEqual(['a', 'b'])
  })
  test('otherwise every job that runs Monaco', () => {
    expect(
      monacoJobs(jobs, 'elsewhere/manifest.yaml').map((j) => j.job.job)
    ).toEqual(['a', 'b', 'c'])
  })
})
