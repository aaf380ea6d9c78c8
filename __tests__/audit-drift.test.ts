/**
 * scope-drift: token-scopes compared with the base branch through `git show`, in a
 * throwaway repository under the OS temp dir.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  test
} from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scopeDrift, type Git } from '../src/audit/drift.js'
import { audit, byRule } from './fixtures/audit/run-audit.js'

const workflow = (scopes: string): string => `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/configure-dynatrace-credentials@v1
        with:
          token-scopes: |
${scopes
  .split(' ')
  .map((s) => `            ${s}`)
  .join('\n')}
          auth: github-oidc
          oidc-audience: \${{ vars.DT_OIDC_AUDIENCE }}
          environment-url: https://abc12345.apps.dynatrace.com
`

let repo: string
const git = (...args: string[]): string =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com'
    }
  })

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'cdc-drift-'))
  mkdirSync(join(repo, '.github/workflows'), { recursive: true })
  git('init', '--quiet', '--initial-branch=main')
  writeFileSync(
    join(repo, '.github/workflows/deploy.yml'),
    workflow('ReadConfig WriteConfig settings.read')
  )
  writeFileSync(
    join(repo, '.github/workflows/gone.yml'),
    workflow('metrics.read')
  )
  git('add', '.')
  git('commit', '--quiet', '-m', 'base')
  // The pull request's base as actions/checkout (fetch-depth: 0) leaves it: origin/main.
  git('update-ref', 'refs/remotes/origin/main', 'HEAD')
  // Local main moves on; origin/main must be preferred over it.
  writeFileSync(
    join(repo, '.github/workflows/deploy.yml'),
    workflow('ReadConfig WriteConfig settings.read slo.read')
  )
  git('commit', '--quiet', '-am', 'local main')
  // The pull request's head (the working tree).
  writeFileSync(
    join(repo, '.github/workflows/deploy.yml'),
    workflow('ReadConfig WriteConfig entities.read slo.read')
  )
  writeFileSync(
    join(repo, '.github/workflows/gone.yml'),
    'on: push\njobs: {}\n'
  )
  writeFileSync(
    join(repo, '.github/workflows/new.yml'),
    workflow('metrics.ingest')
  )
})

afterAll(() => rmSync(repo, { recursive: true, force: true }))
afterEach(() => {
  process.exitCode = undefined
})

describe('scope-drift', () => {
  test('added scopes are warnings on their line, removed ones notices', async () => {
    const r = await audit(
      { 'audit-paths': '.github/workflows' },
      { workspace: repo, env: { GITHUB_BASE_REF: 'main' } }
    )
    expect(byRule(r.findings, 'scope-drift')).toEqual([
      ['notice', '.github/workflows/deploy.yml', undefined, 'settings.read'],
      ['warning', '.github/workflows/deploy.yml', 11, 'entities.read'],
      // In local main, but not in origin/main: origin/<base> is what is compared.
      ['warning', '.github/workflows/deploy.yml', 12, 'slo.read'],
      ['notice', '.github/workflows/gone.yml', undefined, 'metrics.read'],
      ['warning', '.github/workflows/new.yml', 9, 'metrics.ingest']
    ])
    expect(r.findings[1]!.message).toContain(
      '"entities.read" is added by this change (.github/workflows/deploy.yml on main does not ask for it)'
    )
  })

  test('negative: not a pull request, or a base git does not have', async () => {
    const envs: Record<string, string>[] = [
      {},
      { GITHUB_BASE_REF: 'release/9' },
      { GITHUB_BASE_REF: '--output=/tmp/x' }
    ]
    for (const env of envs) {
      const r = await audit(
        { 'audit-paths': '.github/workflows' },
        { workspace: repo, env }
      )
      expect(byRule(r.findings, 'scope-drift')).toEqual([])
      expect(r.stdout).toMatch(/::debug::Scope drift: .*skipped\./)
    }
  })

  test('negative: without git the check is skipped silently', async () => {
    const noGit: Git = () =>
      Promise.reject(
        Object.assign(new Error('spawn git ENOENT'), { code: 'ENOENT' })
      )
    const debug: string[] = []
    const findings = await scopeDrift(
      [{ file: 'a.yml', steps: [] }],
      repo,
      (m) => debug.push(m),
      noGit,
      'main'
    )
    expect(findings).toEqual([])
    expect(debug.join('\n')).toContain('skipped')
  })

  test('git is called with argument lists, never a shell, and only read commands', async () => {
    const calls: string[][] = []
    const recording: Git = (args) => {
      calls.push(args)
      return Promise.resolve('')
    }
    await scopeDrift(
      [{ file: 'w.yml', steps: [] }],
      repo,
      () => {},
      recording,
      'feature/x'
    )
    expect(calls).toEqual([
      ['rev-parse', '--verify', '--quiet', 'origin/feature/x^{commit}'],
      ['show', 'origin/feature/x:./w.yml']
    ])
  })
})
