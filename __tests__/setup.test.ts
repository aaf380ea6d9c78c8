/**
 * `npm ci` works on every developer machine (macOS on Intel or Apple silicon, Linux
 * x64 or arm64) and leaves the machine's Node in charge: nothing the lock file installs
 * for sure is limited to some OS or CPU (only optional packages, such as esbuild's
 * per-platform binaries, may be), and no package puts a `node` in node_modules/.bin,
 * where it would run every npm script instead of the developer's Node.
 */
import { expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'

interface LockedPackage {
  optional?: boolean
  os?: string[] | string
  cpu?: string[] | string
  bin?: Record<string, string> | string
}

const lock = JSON.parse(
  readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')
) as { packages: Record<string, LockedPackage> }
const packages = Object.entries(lock.packages).filter(([path]) => path !== '')

test('no package npm must install is limited to some OS or CPU', () => {
  const limited = packages
    .filter(
      ([, p]) => !p.optional && (p.os !== undefined || p.cpu !== undefined)
    )
    .map(([path, p]) => `${path} (os ${String(p.os)}, cpu ${String(p.cpu)})`)
  expect(limited).toEqual([])
})

test('no package installs a `node` binary into node_modules/.bin', () => {
  const nodes = packages
    .filter(([, p]) => typeof p.bin === 'object' && 'node' in p.bin)
    .map(([path]) => path)
  expect(nodes).toEqual([])
})
