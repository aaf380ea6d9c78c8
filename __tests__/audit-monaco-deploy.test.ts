/**
 * The audit reads a Monaco project the way `monaco deploy` deploys it: skips, group and
 * environment overrides for the environments the job deploys (-e/-g, or
 * monaco-environment), -p and grouping projects, and which credential serves which
 * config. Through the public surface: audit-report findings and annotations.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { audit, byRule } from './fixtures/audit/run-audit.js'

afterEach(() => {
  process.exitCode = undefined
})

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const W = 'workflows/monaco-real'
const M = 'monaco-real'

describe('no false finding, no missed scope', () => {
  test('-e prod: skipped and dev-only configs need nothing, so the prod token is exact', async () => {
    const r = await audit({
      'audit-paths': `${W}/classic-prod.yml`,
      'monaco-manifest': `${M}/classic/manifest.yaml`,
      'audit-fail-on': 'warning'
    })
    expect(r.findings).toEqual([])
    expect(r.exitCode).toBe(0)
  })

  test('--environment=dev: the request attribute and the SLO deployed there are missing', async () => {
    const r = await audit({
      'audit-paths': `${W}/classic-dev.yml`,
      'monaco-manifest': `${M}/classic/manifest.yaml`
    })
    const file = `${W}/classic-dev.yml`
    expect(byRule(r.findings, 'monaco-missing-scope')).toEqual([
      ['error', file, 11, 'CaptureRequestData'],
      ['error', file, 11, 'slo.read'],
      ['error', file, 11, 'slo.write']
    ])
    // networkZones.* are not asked for: the network zone is skipped everywhere.
    expect(r.findings.map((f) => f.rule)).not.toContain('monaco-unneeded-scope')
    expect(r.findings[0]!.message).toContain(
      'Monaco config "capture-order-id" (api request-attributes), monaco-real/classic/projects/infrastructure/requests/config.yaml:2'
    )
    expect(r.stdout).toMatch(
      /^::error title=monaco-missing-scope,file=workflows\/monaco-real\/classic-dev\.yml,line=11::.*CaptureRequestData/m
    )
  })

  test('monaco-environment replaces what the deploy command selects', async () => {
    const r = await audit({
      'audit-paths': `${W}/classic-prod.yml`,
      'monaco-manifest': `${M}/classic/manifest.yaml`,
      'monaco-environment': 'dev'
    })
    expect(byRule(r.findings, 'monaco-missing-scope').map((f) => f[3])).toEqual(
      ['CaptureRequestData', 'slo.read', 'slo.write']
    )
  })

  test('--project apps also deploys the project a config of it references', async () => {
    const r = await audit({
      'audit-paths': `${W}/classic-apps-all.yml`,
      'monaco-manifest': `${M}/classic/manifest.yaml`
    })
    // payment-latency references infrastructure, so its prod configs deploy too.
    expect(byRule(r.findings, 'monaco-missing-scope').map((f) => f[3])).toEqual(
      ['settings.read', 'settings.write']
    )
    expect(r.findings[0]!.message).toContain('Monaco config "owner-tag"')
  })

  test('-p apps.checkout deploys only that project of the grouping project', async () => {
    const r = await audit({
      'audit-paths': `${W}/classic-apps.yml`,
      'monaco-manifest': `${M}/classic/manifest.yaml`,
      'audit-fail-on': 'warning'
    })
    expect(r.findings).toEqual([])
  })

  test('both tokens of a mixed manifest, each exact for prod', async () => {
    const r = await audit({
      'audit-paths': `${W}/mixed-both.yml`,
      'monaco-manifest': `${M}/mixed/manifest.yaml`,
      'audit-fail-on': 'warning'
    })
    expect(r.findings).toEqual([])
  })
})

describe('which credential serves which config', () => {
  test('a platform token only, while prod still deploys a Configuration API type with auth.token: Monaco would fail', async () => {
    const r = await audit({
      'audit-paths': `${W}/mixed-platform-only.yml`,
      'monaco-manifest': `${M}/mixed/manifest.yaml`
    })
    expect(byRule(r.findings, 'monaco-missing-scope')).toEqual([
      ['error', `${W}/mixed-platform-only.yml`, 12, undefined]
    ])
    expect(r.findings[0]!.message).toMatch(
      /^Monaco would fail: 1 deployment\(s\) of "monaco-real\/mixed\/manifest.yaml" \(e.g. "team-alerts", api alerting-profile, .*\) go through auth.token \(a classic token\), but this job mints only a platform token/
    )
  })

  test('the reverse: a classic token only, while prod deploys Settings and a workflow with auth.platformToken', async () => {
    const r = await audit({
      'audit-paths': `${W}/mixed-classic-only.yml`,
      'monaco-manifest': `${M}/mixed/manifest.yaml`
    })
    expect(byRule(r.findings, 'monaco-missing-scope')).toEqual([
      ['error', `${W}/mixed-classic-only.yml`, 11, undefined]
    ])
    expect(r.findings[0]!.message).toContain(
      'go through auth.platformToken (a platform token), but this job mints only a classic token'
    )
  })

  test('on dev, the workflow and the Settings permissions (platform only) are skipped: nothing refused, nothing missing', async () => {
    const r = await audit({
      'monaco-manifest': `${M}/mixed/manifest.yaml`,
      'monaco-environment': 'development',
      'token-scopes': 'ReadConfig WriteConfig settings.read settings.write'
    })
    // dev skips the workflow and the Settings permissions: nothing refused, nothing missing.
    expect(r.findings).toEqual([])
  })
})

describe('derived scopes in a deploy step', () => {
  test('a step that derives its scopes is exact by construction', async () => {
    const r = await audit({
      'audit-paths': `${W}/platform-derived.yml`,
      'monaco-manifest': `${M}/platform/manifest.yaml`,
      'audit-fail-on': 'warning'
    })
    expect(r.findings).toEqual([])
  })

  test("the audit's allowed-scopes still applies to what it would derive", async () => {
    const r = await audit({
      'audit-paths': `${W}/platform-derived.yml`,
      'monaco-manifest': `${M}/platform/manifest.yaml`,
      'allowed-scopes':
        'app-engine:apps:run automation:workflows:read automation:workflows:write automation:rules:read automation:rules:write automation:calendars:read automation:calendars:write document:documents:read document:documents:write settings:objects:read settings:objects:write settings:schemas:read storage:bucket-definitions:read storage:bucket-definitions:write slo:slos:read slo:slos:write'
    })
    // --group production: the segment (skipped there) needs nothing; openpipeline is not allowed.
    expect(byRule(r.findings, 'scope-not-allowed')).toEqual([
      [
        'error',
        `${W}/platform-derived.yml`,
        12,
        'openpipeline:configurations:read'
      ],
      [
        'error',
        `${W}/platform-derived.yml`,
        12,
        'openpipeline:configurations:write'
      ]
    ])
  })
})

describe('what Monaco itself would refuse', () => {
  test('an unknown API, a type override, a file that is not YAML, a bad skip: findings on their file and line', async () => {
    const unknown = await audit({
      'monaco-manifest': `${M}/broken/unknown.yaml`
    })
    expect(byRule(unknown.findings, 'invalid-value')).toEqual([
      ['error', `${M}/broken/unknown/config.yaml`, 8, undefined]
    ])
    const override = await audit({
      'monaco-manifest': `${M}/broken/type-override.yaml`
    })
    expect(byRule(override.findings, 'invalid-value')).toEqual([
      ['error', `${M}/broken/type-override/config.yaml`, 12, undefined]
    ])
    const notYaml = await audit({
      'monaco-manifest': `${M}/broken/not-yaml.yaml`
    })
    expect(byRule(notYaml.findings, 'unreadable-file')).toEqual([
      ['error', `${M}/broken/not-yaml/config.yaml`, 6, undefined]
    ])
    const skip = await audit({ 'monaco-manifest': `${M}/broken/bad-skip.yaml` })
    expect(byRule(skip.findings, 'invalid-value')).toEqual([
      ['error', `${M}/broken/bad-skip/config.yaml`, 8, undefined]
    ])
  })

  test('a type whose scopes are not sourced is a warning, not a guess', async () => {
    const r = await audit({
      'monaco-manifest': `${M}/broken/unsourced.yaml`,
      'token-scopes': 'ReadConfig WriteConfig'
    })
    expect(byRule(r.findings, 'monaco-unknown-type')).toEqual([
      ['warning', `${M}/broken/unsourced/config.yaml`, 2, undefined]
    ])
  })
})

describe('README: Monaco with derived scopes, kept honest by the audit', () => {
  /** The section's files (code blocks starting with `# <path>`) in a fresh workspace. */
  function readmeWorkspace(): string {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const start = readme.indexOf('### Monaco: scopes derived from the project')
    const section = readme.slice(start, readme.indexOf('\n### ', start + 1))
    const dir = mkdtempSync(join(tmpdir(), 'cdc-readme-'))
    const blocks = [...section.matchAll(/```yaml\n# (\S+)\n([\s\S]*?)```/g)]
    expect(blocks.map((b) => b[1])).toEqual([
      'monaco/manifest.yaml',
      'monaco/my-project/alerting/config.yaml',
      '.github/workflows/deploy.yml',
      '.github/workflows/dynatrace-audit.yml'
    ])
    for (const [, path, text] of blocks) {
      mkdirSync(dirname(join(dir, path!)), { recursive: true })
      // Any owner counts as this action; the README's placeholder is not a GitHub name.
      writeFileSync(join(dir, path!), text!.replace('<owner>/', 'acme/'))
    }
    return dir
  }
  /** The audit step's inputs as the README writes them. */
  const auditInputs = (dir: string): Record<string, string> => {
    const doc = parse(
      readFileSync(join(dir, '.github/workflows/dynatrace-audit.yml'), 'utf8')
    ) as { jobs: { audit: { steps: { with?: Record<string, string> }[] } } }
    return doc.jobs.audit.steps[1]!.with!
  }

  test('the deploy passes the audit; rolling out the skipped network zone fails it', async () => {
    const dir = readmeWorkspace()
    try {
      const clean = await audit(
        { ...auditInputs(dir), 'audit-fail-on': 'warning' },
        { workspace: dir }
      )
      // Only the notice that the same job could use auth: github-oidc instead of a secret.
      expect(clean.findings.filter((f) => f.rule !== 'prefer-oidc')).toEqual([])
      expect(clean.exitCode).toBe(0)

      const config = join(dir, 'monaco/my-project/alerting/config.yaml')
      writeFileSync(
        config,
        readFileSync(config, 'utf8').replace(/ *skip: true.*\n/, '')
      )
      const rolledOut = await audit(
        { ...auditInputs(dir), 'audit-fail-on': 'error' },
        { workspace: dir }
      )
      expect(byRule(rolledOut.findings, 'scope-not-allowed')).toEqual([
        ['error', '.github/workflows/deploy.yml', 27, 'networkZones.read'],
        ['error', '.github/workflows/deploy.yml', 27, 'networkZones.write']
      ])
      expect(rolledOut.exitCode).toBe(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
