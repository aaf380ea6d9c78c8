/**
 * Scope drift in a real partial clone (`git clone --filter=blob:none`, what actions/checkout
 * does with `filter:` or sparse-checkout): the audit must not fetch the base branch's blobs
 * that the clone lacks. The remote's upload-pack is a wrapper that records every call, so a
 * fetch cannot go unnoticed; the last test shows the wrapper does see one.
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
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { audit, byRule } from './fixtures/audit/run-audit.js'

const workflow = (scopes: string): string => `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/configure-dynatrace-credentials@v1
        with:
          token-scopes: ${scopes}
`

const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com'
}
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv })

/** Objects in the clone's object store (loose and packed). */
const objectCount = (repo: string): number => {
  const counts = git(repo, 'count-objects', '-v')
  const value = (key: string): number =>
    Number(new RegExp(`^${key}: (\\d+)$`, 'm').exec(counts)?.[1] ?? NaN)
  return value('count') + value('in-pack')
}

let dir: string
let clone: string
let calls: string
// The wrapper is a POSIX shell script.
const posix = process.platform === 'win32' ? describe.skip : describe

beforeAll(() => {
  if (process.platform === 'win32') return
  dir = mkdtempSync(join(tmpdir(), 'cdc-partial-'))
  const origin = join(dir, 'origin')
  const workflows = join(origin, '.github/workflows')
  mkdirSync(workflows, { recursive: true })
  git(origin, 'init', '--quiet', '--initial-branch=main')
  git(origin, 'config', 'uploadpack.allowFilter', 'true')
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
  writeFileSync(join(workflows, 'deploy.yml'), workflow('ReadConfig'))
  writeFileSync(join(workflows, 'same.yml'), workflow('metrics.read'))
  // Outside audit-paths: a blob the last test fetches on purpose.
  writeFileSync(join(origin, 'other.yml'), 'base: true\n')
  git(origin, 'add', '.')
  git(origin, 'commit', '--quiet', '-m', 'base')
  // The pull request's branch: deploy.yml changes (so its base blob is not in a blobless
  // clone of this branch), same.yml does not (its blob is), new.yml is new.
  git(origin, 'checkout', '--quiet', '-b', 'feature')
  writeFileSync(
    join(workflows, 'deploy.yml'),
    workflow('ReadConfig, WriteConfig')
  )
  writeFileSync(join(workflows, 'new.yml'), workflow('metrics.ingest'))
  writeFileSync(join(origin, 'other.yml'), 'base: false\n')
  git(origin, 'add', '.')
  git(origin, 'commit', '--quiet', '-m', 'feature')

  calls = join(dir, 'upload-pack-calls.log')
  const wrapper = join(dir, 'upload-pack.sh')
  writeFileSync(
    wrapper,
    `#!/bin/sh\necho "upload-pack $*" >> '${calls}'\nexec git-upload-pack "$@"\n`
  )
  chmodSync(wrapper, 0o755)
  clone = join(dir, 'clone')
  git(
    dir,
    'clone',
    '--quiet',
    '--filter=blob:none',
    '--branch',
    'feature',
    pathToFileURL(origin).href,
    clone
  )
  // From here on every fetch from origin goes through the wrapper.
  git(clone, 'config', 'remote.origin.uploadpack', wrapper)
  // The pull request's head adds a scope to same.yml, whose base blob is local.
  writeFileSync(
    join(clone, '.github/workflows/same.yml'),
    workflow('metrics.read, slo.read')
  )
})

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})
afterEach(() => {
  process.exitCode = undefined
})

posix('scope drift in a blobless partial clone', () => {
  test('fetches nothing, compares the files it has, and skips the one it lacks with a debug line', async () => {
    const before = objectCount(clone)
    const r = await audit(
      { 'audit-paths': '.github/workflows' },
      { workspace: clone, env: { GITHUB_BASE_REF: 'main' } }
    )
    expect(existsSync(calls)).toBe(false)
    expect(objectCount(clone)).toBe(before)
    expect(byRule(r.findings, 'scope-drift')).toEqual([
      // The new file is told apart from a missing blob: everything it asks for is added.
      ['warning', '.github/workflows/new.yml', 8, 'metrics.ingest'],
      ['warning', '.github/workflows/same.yml', 8, 'slo.read']
    ])
    expect(r.stdout).toContain(
      '::debug::Scope drift: ".github/workflows/deploy.yml" on origin/main is not in the local clone (a partial or sparse checkout), so it was not compared (the audit never fetches).'
    )
  })

  test('the wrapper does record a fetch: plain git show fetches a missing blob', () => {
    const before = objectCount(clone)
    const recorded = existsSync(calls) ? readFileSync(calls, 'utf8') : ''
    expect(git(clone, 'show', 'origin/main:other.yml')).toBe('base: true\n')
    expect(readFileSync(calls, 'utf8').slice(recorded.length)).toMatch(
      /^upload-pack /
    )
    expect(objectCount(clone)).toBeGreaterThan(before)
  })
})
