/**
 * npm run setup:node24 — puts Node 24, the runtime `runs.using: node24` gets, into
 * .work/node24 for the end-to-end suites (test/support/runner.ts: node24Path), so
 * that they run the bundle on Node 24 as well as on the machine's own Node.
 *
 * It is no dependency of the project: npm's `node-<os>-<cpu>` packages exist for
 * Linux only (x64 and arm64), and a `node` binary in node_modules/.bin would run every
 * npm script on it. Elsewhere (macOS), or offline, point NODE24 at a Node 24 binary
 * instead (e.g. `NODE24=$(nvm which 24) npm test`), or use Node 24 as your Node.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The Node 24 release the suites run on; `.node-version` names its major. */
const VERSION = '24.21.0'
/** The platforms npm has a `node-<os>-<cpu>` package of that release for. */
const PUBLISHED = ['linux-x64', 'linux-arm64']

const prefix = fileURLToPath(new URL('../.work/node24', import.meta.url))
const platform = `${process.platform}-${process.arch}`
const binary = `${prefix}/node_modules/node-${platform}/bin/node`

if (!PUBLISHED.includes(platform)) {
  console.log(
    `npm has no Node ${VERSION} package for ${platform}. The end-to-end suites run on your Node (${process.version}); to run them on Node 24 too, set NODE24 to a Node 24 binary (e.g. NODE24=$(nvm which 24) npm test).`
  )
  process.exit(0)
}
if (existsSync(binary) && version(binary) === `v${VERSION}`) {
  console.log(`Node ${VERSION} is already in ${prefix}.`)
  process.exit(0)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const result = spawnSync(
  npm,
  [
    'install',
    '--prefix',
    prefix,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `node-${platform}@${VERSION}`
  ],
  { stdio: 'inherit' }
)
if (result.status !== 0 || version(binary) !== `v${VERSION}`) {
  console.error(
    `Could not install node-${platform}@${VERSION} into ${prefix} (npm exited ${result.status}). The end-to-end suites then run on your Node only; set NODE24 to a Node 24 binary to add it.`
  )
  process.exit(1)
}
console.log(
  `Node ${VERSION} is in ${prefix}: npm test runs the end-to-end suites on it and on your Node (${process.version}).`
)

function version(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}
