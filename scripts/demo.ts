/**
 * npm run demo — watch the action work without a Dynatrace tenant.
 *
 * Starts the built-in Dynatrace emulator, runs the committed dist/ exactly as the
 * GitHub runner does (INPUT_* variables, file commands, main then post with the saved
 * state), and prints what a user would see: the step log with masked values as ***,
 * the step outputs, the job summary as text, and the post-step revocation.
 */
import {
  DEMO_CLIENT,
  startEmulator,
  repositoryTrust,
  startGitHubOidc
} from '../test/emulator/index.js'
import {
  oidcEmulatorInputs,
  runJob,
  type StepResult
} from '../test/support/runner.js'

const bold = (text: string): string =>
  process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text
const section = (title: string): void =>
  console.log(
    `\n${bold(`━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`)}`
  )
const indent = (text: string): string =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')

/** The job summary's HTML as plain text: headings, table rows as "name: value". */
function summaryText(html: string): string {
  return (
    html
      .replace(
        /<h(\d)>(.*?)<\/h\d>/g,
        (_m, level: string, title: string) =>
          `${'#'.repeat(Number(level))} ${title}\n`
      )
      // A two-cell header row names the token (kind and ID); wider ones are column titles.
      .replace(/<tr><th>([^<]*)<\/th><th>(.*?)<\/th><\/tr>/g, '  $1: $2\n')
      .replace(/<tr><th>.*?<\/tr>/g, '')
      .replace(/<br>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g, '  $1: $2\n')
      .replace(/<\/p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_m, code: string) =>
        String.fromCharCode(Number(code))
      )
      .replace(/\n{3,}/g, '\n\n')
  )
}

/** Outputs as the runner would print them: masked values as ***. */
function maskedOutputs(step: StepResult): string {
  const masks = [...step.masks].sort((a, b) => b.length - a.length)
  return Object.entries(step.outputs)
    .map(([name, value]) => {
      let shown = value
      for (const mask of masks) if (mask) shown = shown.split(mask).join('***')
      return `${name.padEnd(24)} ${shown}`
    })
    .join('\n')
}

const started = Date.now()
const emulator = await startEmulator()
try {
  const inputs = {
    'client-id': DEMO_CLIENT.clientId,
    'client-secret': DEMO_CLIENT.clientSecret,
    'environment-url': emulator.url,
    'environment-id': 'abc12345',
    'sso-url': `${emulator.url}/sso/oauth2/token`,
    'account-api-url': emulator.url,
    'allow-custom-endpoints': 'true',
    'token-scopes': 'ReadConfig, WriteConfig, settings.read, settings.write',
    'token-lifetime': '30m',
    'export-variable': 'DT_API_TOKEN'
  }
  console.log(
    bold(
      'configure-dynatrace-credentials — demo against the local Dynatrace emulator'
    )
  )
  console.log(
    `Emulator: ${emulator.url} (SSO, Account Management and environment abc12345 on one port)`
  )
  section('Step inputs (with:)')
  console.log(
    indent(
      Object.entries(inputs)
        .map(
          ([k, v]) =>
            `${k}: ${k === 'client-secret' ? '${{ secrets.DT_CLIENT_SECRET }}' : v}`
        )
        .join('\n')
    )
  )

  const { main, post } = await runJob({ inputs })

  section(`Main step log (exit code ${main.exitCode})`)
  console.log(indent(main.log))
  section('Step outputs (steps.dt.outputs.*)')
  console.log(indent(maskedOutputs(main)))
  section('Exported to later steps (GITHUB_ENV)')
  console.log(
    indent(
      Object.keys(main.env)
        .map((k) => `${k}=***`)
        .join('\n') || '(nothing)'
    )
  )
  section('State saved for the post step (no secrets)')
  console.log(
    indent(
      Object.entries(main.state)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')
    )
  )
  section(`Post step log (exit code ${post?.exitCode ?? '-'})`)
  console.log(indent(post?.log ?? '(post step did not run)'))
  section('Job summary')
  console.log(indent(summaryText(main.summary + (post?.summary ?? ''))))

  section('What Dynatrace (the emulator) saw')
  for (const r of emulator.requests)
    console.log(
      `  ${String(r.status).padEnd(4)} ${r.method.padEnd(6)} ${r.path}`
    )
  const before = emulator.requests.length

  // The same job with no Dynatrace secret at all: the job's GitHub ID token (from the
  // emulated GitHub token service) is the bearer, trusted by the emulated environment.
  const github = await startGitHubOidc()
  try {
    const audience = 'https://abc12345.apps.dynatrace.com'
    emulator.trust(
      repositoryTrust(audience, 'octo-org/deploy-repo', [
        { claimName: 'ref', claimValue: 'refs/heads/*', matchType: 'GLOB' }
      ]),
      github
    )
    const oidcInputs = oidcEmulatorInputs(emulator, audience, {
      'token-scopes': 'ReadConfig, settings.read',
      'token-lifetime': '30m'
    })
    console.log(
      bold(
        '\n\nThe same job with auth: github-oidc — no Dynatrace secret in the repository'
      )
    )
    section('Step inputs (with:)')
    console.log(
      indent(
        Object.entries(oidcInputs)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')
      )
    )
    const oidc = await runJob({ inputs: oidcInputs, idTokens: github })
    section(`Main step log (exit code ${oidc.main.exitCode})`)
    console.log(indent(oidc.main.log))
    section('Step outputs (steps.dt.outputs.*)')
    console.log(indent(maskedOutputs(oidc.main)))
    section(`Post step log (exit code ${oidc.post?.exitCode ?? '-'})`)
    console.log(indent(oidc.post?.log ?? '(post step did not run)'))
    section('What Dynatrace (the emulator) saw')
    for (const r of emulator.requests.slice(before))
      console.log(
        `  ${String(r.status).padEnd(4)} ${r.method.padEnd(6)} ${r.path}`
      )
    if (oidc.main.exitCode !== 0 || (oidc.post?.exitCode ?? 0) !== 0)
      process.exitCode = 1
  } finally {
    await github.close()
  }

  const live = emulator.liveTokens()
  console.log(`\n  Tokens still valid after both jobs: ${live.length}`)
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  if (main.exitCode !== 0 || (post?.exitCode ?? 0) !== 0 || live.length !== 0)
    process.exitCode = 1
} finally {
  await emulator.close()
}
