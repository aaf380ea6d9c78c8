/**
 * The job summaries as a reviewer sees them: real steps through the public surface
 * (INPUT_* in, the emulator answering), each GITHUB_STEP_SUMMARY rendered as GitHub does
 * (GitHub-flavoured Markdown to HTML, with `marked`) and kept as a snapshot, after the
 * volatile parts (ports, dates, token IDs) are normalised. With SUMMARIES_HTML_DIR set,
 * each rendering is also written there as an HTML page, for looking at in a browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test
} from '@jest/globals'
import { marked } from 'marked'
import nock from 'nock'
import {
  BUILTIN_POLICIES,
  DEFAULT_ACCOUNT_UUID,
  DEMO_CLIENT,
  DEMO_GROUPS,
  startEmulator,
  type RunningEmulator
} from '../test/emulator/index.js'
import { audit, FIXTURES } from './fixtures/audit/run-audit.js'
import { findLeaks, runStep, type StepRun } from './support/in-process.js'
import { emulatorInputs } from '../test/support/runner.js'

let em: RunningEmulator

beforeAll(() => {
  // Other suites leave nock's interceptor installed; loopback must pass through.
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

const step = (
  extra: Record<string, string>,
  options: { entry?: 'main' | 'post'; state?: Record<string, string> } = {}
): Promise<StepRun> =>
  runStep({
    inputs: inputs(extra),
    env: { GITHUB_WORKSPACE: FIXTURES },
    ...options
  })

/** No secret of the emulator (client secret, tokens, bearers) in any summary or log. */
function expectNoLeaks(runs: StepRun[]): void {
  expect(
    findLeaks(runs, [
      DEMO_CLIENT.clientSecret,
      ...em.state.apiTokens.map((t) => t.token),
      ...em.state.platformTokens.map((t) => t.token),
      ...em.state.bearers.keys()
    ])
  ).toEqual([])
}

/** What changes from run to run: the emulator's port, times, token IDs, random UUIDs. */
function normalise(text: string): string {
  return text
    .replaceAll(em.url, 'http://127.0.0.1:PORT')
    .replace(
      /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g,
      'YYYY-MM-DDThh:mm:ss.sssZ'
    )
    .replace(/\b(dt0[cs]\d\d)\.[A-Z0-9]+/g, '$1.TOKEN-ID')
}

/** The summary as GitHub shows it: GitHub-flavoured Markdown to HTML. */
function render(name: string, summaries: string[]): string {
  const html = marked.parse(normalise(summaries.join('')), {
    gfm: true,
    async: false
  })
  const dir = process.env.SUMMARIES_HTML_DIR
  if (dir) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, `${name}.html`), page(name, html))
  }
  return html
}

/** An HTML page with GitHub's Markdown look (system fonts, table borders, code boxes). */
function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>
body{font-family:-apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;max-width:900px;margin:24px}
h2{font-size:1.5em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em}h3{font-size:1.25em}
table{border-collapse:collapse;margin:0 0 16px}th,td{border:1px solid #d1d9e0;padding:6px 13px;text-align:left;vertical-align:top}th{font-weight:600}tr:nth-child(2n){background:#f6f8fa}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:85%;background:#818b981f;border-radius:6px;padding:.2em .4em}
pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:85%;background:#f6f8fa;border-radius:6px;padding:16px;overflow:auto}
</style></head><body>${body}</body></html>`
}

describe('job summaries, rendered as GitHub renders them', () => {
  test('mint classic, then the post step revokes', async () => {
    const mint = {
      'token-type': 'classic',
      'token-scopes': 'ReadConfig, WriteConfig',
      'token-name': 'ci-deploy-4242'
    }
    const main = await step(mint)
    expect(main.exitCode).toBe(0)
    const post = await step(mint, { entry: 'post', state: main.state })
    expect(post.exitCode).toBe(0)
    expect(em.liveTokens()).toEqual([])
    const html = render('mint-classic', [main.summary, post.summary])
    expect(html).toContain('<h2>Dynatrace token minted</h2>')
    expect(html).toContain(
      '<tr><th>Classic&nbsp;API&nbsp;token</th><th><code>dt0c01.TOKEN-ID</code></th></tr>'
    )
    expect(html).toContain('Verified: read back from Dynatrace after creation.')
    expect(html).toContain('</code>: revoked.')
    expect(html).not.toContain('Item')
    expect(html).toMatchSnapshot()
    expectNoLeaks([main, post])
  })

  test('mint platform: the scopes are read back and verified', async () => {
    const main = await step({
      'token-type': 'platform',
      'token-scopes': 'settings:objects:read, settings:objects:write',
      'token-name': 'ci-deploy-4242',
      revoke: 'false'
    })
    expect(main.exitCode).toBe(0)
    const html = render('mint-platform', [main.summary])
    expect(html).toContain(
      '<tr><th>Platform&nbsp;token</th><th><code>dt0s16.TOKEN-ID</code></th></tr>'
    )
    expect(html).toContain('Verified: read back from Dynatrace after creation.')
    expect(html).toMatchSnapshot()
    expectNoLeaks([main])
  })

  test('plan: the token, each policy statement (a diff for the update), bindings added and left alone', async () => {
    const account = DEFAULT_ACCOUNT_UUID
    const deployer = '3c9e1f00-2222-4d4d-8e8e-000000000010'
    const production = {
      uuid: '9b0c1d2e-3333-4e4e-8f8f-000000000020',
      name: 'Production only'
    }
    em.state.policies.push({
      uuid: deployer,
      levelType: 'account',
      levelId: account,
      name: 'ci-deployer',
      description: 'Deploys from CI',
      tags: [],
      statementQuery:
        'ALLOW settings:objects:read, settings:schemas:read; ALLOW settings:objects:write;'
    })
    em.state.boundaries.push({
      ...production,
      boundaryQuery: 'environment:management-zone IN ("production");',
      metadata: {}
    })
    em.state.bindings.push(
      // Already in place.
      {
        levelType: 'account',
        levelId: account,
        policyUuid: BUILTIN_POLICIES.settingsReader.uuid,
        groupUuid: DEMO_GROUPS.deployers.uuid
      },
      // Bound within a boundary; the inputs ask for it without: left alone.
      {
        levelType: 'environment',
        levelId: 'abc12345',
        policyUuid: BUILTIN_POLICIES.settingsWriter.uuid,
        groupUuid: DEMO_GROUPS.viewers.uuid,
        boundaries: [production.uuid]
      }
    )
    const run = await step({
      mode: 'plan',
      'token-type': 'classic',
      'monaco-manifest': 'monaco-real/classic/manifest.yaml',
      policies: `
- name: ci-deployer
  description: Deploys configuration from CI
  statement: |
    ALLOW settings:objects:read, settings:schemas:read;
    ALLOW settings:objects:write WHERE settings:schemaId = "builtin:alerting.profile";
- name: ci-reader
  statement: ALLOW settings:objects:read; ALLOW settings:schemas:read;
`,
      bindings: `
- policy: ci-deployer
  groups: [${DEMO_GROUPS.deployers.name}]
- policy: ci-reader
  groups: [${DEMO_GROUPS.viewers.uuid}]
  boundaries: [${production.name}]
- policy: Settings Reader
  groups: [${DEMO_GROUPS.deployers.name}]
  level: account
- policy: Settings Writer
  groups: [${DEMO_GROUPS.viewers.name}]
`
    })
    expect(run.exitCode).toBe(0)
    expect(em.state.apiTokens).toEqual([])
    const html = render('plan', [run.summary])
    expect(html).toContain(
      '<tr><th>Token to mint</th><th>Classic API token</th></tr>'
    )
    expect(html).toContain('Derived from the Monaco project (see below).')
    // The update as a line diff; the created policy's statement one statement a line.
    expect(html).toContain(
      [
        '<pre>  ALLOW settings:objects:read, settings:schemas:read;',
        '- ALLOW settings:objects:write;',
        '+ ALLOW settings:objects:write WHERE settings:schemaId = &#34;builtin:alerting.profile&#34;;</pre>'
      ].join('\n')
    )
    expect(html).toContain(
      '<pre>ALLOW settings:objects:read;\nALLOW settings:schemas:read;</pre>'
    )
    // Names the run resolved, the group given by UUID included.
    expect(html).toContain(
      `<td>ci-reader</td><td>${DEMO_GROUPS.viewers.name}</td><td>${production.name}</td>`
    )
    expect(html).toContain('<em>Left alone</em>')
    expect(html).toContain('<em>Already in place</em>')
    expect(html).toMatchSnapshot()
    expectNoLeaks([run])
  })

  test('audit with findings: rule IDs that do not wrap, file:line links, the allowed list once', async () => {
    const run = await audit(
      {
        'audit-paths':
          'workflows/problems/not-allowed.yml,workflows/problems/lifetime.yml',
        'allowed-scopes': 'ReadConfig WriteConfig'
      },
      {
        env: {
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'octo-org/deploy-repo',
          GITHUB_SHA: 'a'.repeat(40)
        }
      }
    )
    expect(run.findings.length).toBeGreaterThan(0)
    const html = render('audit', [run.summary])
    expect(html).toContain('<h2>Dynatrace scope audit</h2>')
    expect(html).toContain(
      `<a href="https://github.com/octo-org/deploy-repo/blob/${'a'.repeat(40)}/workflows/problems/lifetime.yml#L`
    )
    expect(html.match(/allowed-scopes: <code>/g)).toHaveLength(1)
    expect(html).toMatchSnapshot()
    expect(findLeaks(run, [DEMO_CLIENT.clientSecret])).toEqual([])
  })

  test('a failed step: what failed, what became of the token, what to do', async () => {
    // The read-back shows a scope nobody asked for: the token must not be handed on,
    // and its revocation fails too; the post step's retry then succeeds.
    em.fault(
      { method: 'GET', path: /\/apiTokens\/dt0c01\./ },
      {
        status: 200,
        body: JSON.stringify({
          scopes: ['ReadConfig', 'WriteConfig', 'DataExport']
        })
      }
    )
    em.fault(
      { method: 'DELETE', path: /\/apiTokens\/dt0c01\./ },
      { status: 503 },
      { status: 503 },
      { status: 503 }
    )
    const mint = {
      'token-type': 'classic',
      'token-scopes': 'ReadConfig, WriteConfig',
      'max-retries': '0'
    }
    const main = await step(mint)
    expect(main.exitCode).toBe(1)
    expect(em.liveTokens()).toHaveLength(1)
    em.clearFaults()
    const post = await step(mint, { entry: 'post', state: main.state })
    expect(em.liveTokens()).toEqual([])
    const html = render('failed', [main.summary, post.summary])
    expect(html).toContain('<h3>Dynatrace credentials: the step failed</h3>')
    expect(html).toContain(
      'was created but not handed on, and revoking it failed'
    )
    expect(html).not.toContain('Dynatrace token minted')
    expect(html).toMatchSnapshot()
    expectNoLeaks([main, post])
  })
})
