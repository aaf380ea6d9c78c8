/**
 * mode: audit and auth: github-oidc — a step that cannot get an ID token is an error, a
 * step whose client secret could be replaced by one gets a notice, and the combinations
 * the step itself refuses are reported as it would report them.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { audit, byRule } from './fixtures/audit/run-audit.js'

afterEach(() => {
  process.exitCode = undefined
})

const FILE = 'workflows/oidc/deploy.yml'

describe('auth: github-oidc in workflows', () => {
  test('oidc-permission: only the job without id-token: write', async () => {
    const { findings } = await audit({ 'audit-paths': FILE })
    expect(byRule(findings, 'oidc-permission')).toEqual([
      ['error', FILE, 13, undefined]
    ])
    const [finding] = findings.filter((f) => f.rule === 'oidc-permission')
    expect(finding!.message).toContain('job "no-permission"')
    expect(finding!.message).toContain(
      'permissions: { id-token: write, contents: read }'
    )
  })

  test('a reusable workflow without permissions is not judged (its caller decides)', async () => {
    const { findings } = await audit({
      'audit-paths': 'workflows/oidc/reusable.yml'
    })
    expect(findings).toEqual([])
  })

  test('IAM inputs with auth: github-oidc are refused as the step would refuse them', async () => {
    const { findings } = await audit({ 'audit-paths': FILE })
    const refusals = findings.filter(
      (f) => f.rule === 'invalid-value' && f.message.includes('github-oidc')
    )
    expect(refusals.map((f) => [f.severity, f.line])).toEqual([['error', 35]])
    expect(refusals[0]!.message).toContain('is served by Account Management')
    expect(refusals[0]!.message).toContain('auth: client-credentials')
  })

  test('prefer-oidc: a notice for the client secret of a classic mint, none for a platform token', async () => {
    const { findings } = await audit({ 'audit-paths': FILE })
    expect(byRule(findings, 'prefer-oidc')).toEqual([
      ['notice', FILE, 46, undefined]
    ])
    expect(findings.find((f) => f.rule === 'prefer-oidc')!.message).toContain(
      'auth: github-oidc does with no Dynatrace secret at all'
    )
  })

  test('an unknown auth is an invalid value', async () => {
    const { findings } = await audit({
      'audit-paths': 'workflows/oidc/unknown-auth.yml'
    })
    expect(byRule(findings, 'invalid-value')).toEqual([
      ['error', 'workflows/oidc/unknown-auth.yml', 10, undefined]
    ])
    expect(findings[0]!.message).toContain(
      '"magic" is not one of client-credentials, github-oidc'
    )
  })

  test('the audit step’s own github-oidc inputs are checked too', async () => {
    const { findings } = await audit({
      auth: 'github-oidc',
      'token-type': 'platform',
      'token-scopes': 'settings:objects:read'
    })
    expect(
      findings.filter((f) => f.rule === 'invalid-value').map((f) => f.message)
    ).toEqual([
      expect.stringContaining(
        'token-type: platform: minting a platform token is served by Account Management'
      )
    ])
  })
})

describe('auth: github-oidc in steps that revoke or sweep', () => {
  test('the refusals and the permission, as the step makes them', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'audit-oidc-'))
    try {
      mkdirSync(join(workspace, '.github', 'workflows'), { recursive: true })
      const step = (lines: string[]): string[] => [
        '      - uses: acme/configure-dynatrace-credentials@v1',
        '        with:',
        '          auth: github-oidc',
        '          oidc-audience: https://abc12345.apps.dynatrace.com',
        '          environment-url: https://abc12345.apps.dynatrace.com',
        ...lines.map((line) => `          ${line}`)
      ]
      writeFileSync(
        join(workspace, '.github', 'workflows', 'clean-up.yml'),
        [
          'on: push',
          'jobs:',
          '  sweep:',
          '    runs-on: ubuntu-latest',
          '    permissions: { id-token: write, contents: read }',
          '    steps:',
          ...step(['mode: sweep', 'token-type: platform']),
          ...step(['mode: revoke', 'token-id: 7c0a1e6b-platform-token-id']),
          ...step([
            'mode: revoke',
            'token-id: dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX'
          ]),
          '  no-permission:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          ...step([
            'mode: revoke',
            'token-id: dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX'
          ]),
          ''
        ].join('\n')
      )
      const { findings } = await audit(
        { 'audit-paths': '.github/workflows' },
        { workspace }
      )
      const refusals = findings.filter(
        (f) => f.rule === 'invalid-value' && f.message.includes('github-oidc')
      )
      expect(refusals.map((f) => [f.line, f.message])).toEqual([
        [
          9,
          expect.stringContaining(
            'mode: sweep: sweeping platform tokens is served by Account Management'
          )
        ],
        [
          16,
          expect.stringContaining(
            'token-id: revoking a platform token is served by Account Management'
          )
        ]
      ])
      // A classic revoke is what github-oidc can do: only the job without
      // id-token: write is reported.
      expect(byRule(findings, 'oidc-permission')).toEqual([
        ['error', '.github/workflows/clean-up.yml', 33, undefined]
      ])
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})
