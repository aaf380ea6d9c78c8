/**
 * A throw-away certificate authority for tests and the bench: a CA and one server
 * certificate for the given names, made with the `openssl` command line in a temp
 * folder at run time (no key is ever committed). The action trusts the CA through
 * NODE_EXTRA_CA_CERTS, the way a runner trusts a corporate CA.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestCa {
  /** PEM file of the CA, for NODE_EXTRA_CA_CERTS. */
  caPath: string
  /** PEM of the CA, for clients in this process. */
  ca: string
  /** Key and certificate (signed by the CA) for a TLS server. */
  key: string
  cert: string
  /** Delete the temp folder. */
  remove(): void
}

/** True when the `openssl` command is available (tests skip otherwise). */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * A CA valid for a day and a server certificate for `names` (DNS names or IP
 * literals) — default: localhost, 127.0.0.1, ::1 and a few `*.localhost` names.
 */
export function createTestCa(
  names: string[] = [
    'localhost',
    '127.0.0.1',
    '::1',
    'emulator.localhost',
    'sso.localhost',
    'account.localhost',
    'environment.localhost',
    'github.localhost'
  ]
): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'test-ca-'))
  const file = (name: string): string => join(dir, name)
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' })
  }
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']
  openssl(
    'req',
    '-x509',
    ...ec,
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=Throw-away test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign'
  )
  openssl(
    'req',
    ...ec,
    '-nodes',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=test server'
  )
  const san = names
    .map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`))
    .join(',')
  writeFileSync(
    file('server.ext'),
    `subjectAltName=${san}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`
  )
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.pem')
  )
  return {
    caPath: file('ca.pem'),
    ca: readFileSync(file('ca.pem'), 'utf8'),
    key: readFileSync(file('server.key'), 'utf8'),
    cert: readFileSync(file('server.pem'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
