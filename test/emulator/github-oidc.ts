/**
 * A stand-in for the GitHub Actions ID-token service: what a job with
 * `permissions: id-token: write` gets through the two runner variables
 * ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN.
 *
 * Served on its own loopback origin (not the Dynatrace emulator's), because the
 * runner's token service is a different host from Dynatrace and the action must
 * keep the two apart. Tokens are RS256 JWTs signed with node:crypto, with the
 * claim set GitHub documents
 * (https://docs.github.com/en/actions/reference/security/oidc#oidc-token-claims),
 * and the keys are published as a JWKS (`/.well-known/jwks`) as GitHub publishes
 * them at https://token.actions.githubusercontent.com/.well-known/jwks.
 *
 * How the runner's endpoint answers (`GET <url>&audience=…`, header
 * `Authorization: Bearer <request token>`, answer `{"value": "<jwt>"}`) follows
 * @actions/core's OidcClient and Dynatrace's Terraform provider
 * (dynatrace/rest/wif/github.go). UNCONFIRMED here: the status and body of a
 * refused request (a 401 with an empty body is assumed), and the default token
 * lifetime (5 minutes is what tokens observed in the wild carry).
 */
import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign as signData,
  type JsonWebKey,
  type KeyObject
} from 'node:crypto'
import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { Socket } from 'node:net'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

/** What a job's ID token says about the job (the parts tests vary). */
export interface GitHubJob {
  /** owner/repo. */
  repository: string
  /** refs/heads/main, refs/tags/v1, refs/pull/7/merge … */
  ref: string
  /** The job's deployment environment, if it names one. */
  environment?: string
  eventName: string
  /** The workflow file, e.g. .github/workflows/deploy.yml. */
  workflowPath: string
  runId: string
  actor: string
}

export interface GitHubOidcOptions {
  /** Default https://token.actions.githubusercontent.com. */
  issuer?: string
  job?: Partial<GitHubJob>
  /** Seconds from iat to exp; default 300. */
  lifetimeSeconds?: number
}

/** One request the service saw (the request token is never recorded). */
export interface IdTokenRequest {
  path: string
  audience: string | null
  /** The request carried the right request token. */
  authorized: boolean
  status: number
}

export interface JsonWebKeySet {
  keys: Array<JsonWebKey & { kid: string; alg: string; use: string }>
}

export interface GitHubOidcService {
  /** ACTIONS_ID_TOKEN_REQUEST_URL (already carries `?api-version=2.0`). */
  requestUrl: string
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string
  /** Both runner variables, for a step's environment. */
  env: Record<
    'ACTIONS_ID_TOKEN_REQUEST_URL' | 'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    string
  >
  issuer: string
  /** The public keys, as GitHub's JWKS endpoint serves them. */
  jwks: JsonWebKeySet
  /** Every ID token issued (secrets: a leak scan looks for them). */
  issued: string[]
  requests: IdTokenRequest[]
  /** The job the tokens describe; change it between runs. */
  job: GitHubJob
  /** The claims an ID token for `audience` carries now. */
  claimsFor(audience: string): Record<string, unknown>
  /**
   * Sign any claims as the service does (or, with `foreignKey`, with a key the JWKS
   * does not hold: a forged token). For emulator tests.
   */
  sign(claims: Record<string, unknown>, foreignKey?: boolean): string
  /** The next `count` requests answer `status` instead of a token. */
  fail(status: number, count?: number): void
  /** Moves the service's clock (iat, nbf, exp of later tokens). */
  advanceClock(seconds: number): void
  close(): Promise<void>
}

interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicJwk: JsonWebKey
}

// Generating an RSA key takes a moment: one per process, shared by every service.
let githubKey: SigningKey | undefined
let foreignKey: SigningKey | undefined
function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048
  })
  return {
    kid: randomBytes(20).toString('hex').toUpperCase(),
    privateKey,
    publicJwk: publicKey.export({ format: 'jwk' })
  }
}

const b64 = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url')

function signJwt(claims: Record<string, unknown>, key: SigningKey): string {
  const header = { typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid }
  const input = `${b64(header)}.${b64(claims)}`
  const signature = signData('RSA-SHA256', Buffer.from(input), key.privateKey)
  return `${input}.${signature.toString('base64url')}`
}

/** The public key of a JWKS entry, for verifying. */
export function jwkToKey(jwk: JsonWebKey): KeyObject {
  return createPublicKey({ key: jwk, format: 'jwk' })
}

export async function startGitHubOidc(
  options: GitHubOidcOptions = {}
): Promise<GitHubOidcService> {
  githubKey ??= newKey()
  const key = githubKey
  const issuer = options.issuer ?? GITHUB_ISSUER
  const lifetime = options.lifetimeSeconds ?? 300
  const job: GitHubJob = {
    repository: 'octo-org/deploy-repo',
    ref: 'refs/heads/main',
    eventName: 'push',
    workflowPath: '.github/workflows/deploy.yml',
    runId: String(1_000_000_000 + Math.floor(Math.random() * 1e9)),
    actor: 'octocat',
    ...options.job
  }
  const requestToken = randomBytes(40).toString('base64url')
  const issued: string[] = []
  const requests: IdTokenRequest[] = []
  const failures: number[] = []
  let offsetMs = 0
  const sockets = new Set<Socket>()
  // A path like the runner's (…/plans/<plan>/jobs/<job>/idtoken).
  const path = `/${randomUUID()}/_apis/distributedtask/hubs/build/plans/${randomUUID()}/jobs/${randomUUID()}/idtoken`

  const claimsFor = (audience: string): Record<string, unknown> => {
    const iat = Math.floor((Date.now() + offsetMs) / 1000)
    const [owner] = job.repository.split('/')
    const workflowRef = `${job.repository}/${job.workflowPath}@${job.ref}`
    const sub = job.environment
      ? `repo:${job.repository}:environment:${job.environment}`
      : `repo:${job.repository}:ref:${job.ref}`
    return {
      jti: randomUUID(),
      sub,
      aud: audience,
      ref: job.ref,
      sha: randomBytes(20).toString('hex'),
      repository: job.repository,
      repository_owner: owner,
      repository_owner_id: '1342004',
      repository_id: '700016',
      repository_visibility: 'private',
      run_id: job.runId,
      run_number: '42',
      run_attempt: '1',
      actor: job.actor,
      actor_id: '583231',
      workflow: 'Deploy',
      workflow_ref: workflowRef,
      workflow_sha: randomBytes(20).toString('hex'),
      job_workflow_ref: workflowRef,
      job_workflow_sha: randomBytes(20).toString('hex'),
      head_ref: '',
      base_ref: '',
      event_name: job.eventName,
      ref_type: job.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      runner_environment: 'github-hosted',
      ...(job.environment ? { environment: job.environment } : {}),
      iss: issuer,
      nbf: iat - 5,
      exp: iat + lifetime,
      iat
    }
  }

  const answer = (
    res: ServerResponse,
    status: number,
    body: unknown
  ): number => {
    const text = body === undefined ? '' : JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text)
    })
    res.end(text)
    return status
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://github')
    if (req.method === 'GET' && url.pathname === '/.well-known/jwks') {
      answer(res, 200, jwks)
      return
    }
    if (
      req.method === 'GET' &&
      url.pathname === '/.well-known/openid-configuration'
    ) {
      answer(res, 200, {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks`,
        response_types_supported: ['id_token'],
        subject_types_supported: ['public', 'pairwise'],
        id_token_signing_alg_values_supported: ['RS256']
      })
      return
    }
    const audience = url.searchParams.get('audience')
    const authorized = req.headers.authorization === `Bearer ${requestToken}`
    const entry: IdTokenRequest = {
      path: url.pathname + url.search,
      audience,
      authorized,
      status: 0
    }
    requests.push(entry)
    if (req.method !== 'GET' || url.pathname !== path) {
      entry.status = answer(res, 404, { message: 'Not Found' })
      return
    }
    const failure = failures.shift()
    if (failure !== undefined) {
      entry.status = answer(res, failure, { message: 'Injected fault' })
      return
    }
    if (!authorized) {
      entry.status = answer(res, 401, undefined)
      return
    }
    // Without an audience GitHub uses the repository owner's URL.
    const aud = audience ?? `https://github.com/${job.repository.split('/')[0]}`
    const token = signJwt(claimsFor(aud), key)
    issued.push(token)
    entry.status = answer(res, 200, { count: 1, value: token })
  }

  const jwks: JsonWebKeySet = {
    keys: [{ ...key.publicJwk, kid: key.kid, alg: 'RS256', use: 'sig' }]
  }
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => handle(req, res))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') {
    throw new Error('GitHub ID-token service did not get a TCP port')
  }
  const requestUrl = `http://127.0.0.1:${address.port}${path}?api-version=2.0`
  let closed = false

  return {
    requestUrl,
    requestToken,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
    },
    issuer,
    jwks,
    issued,
    requests,
    job,
    claimsFor,
    sign(claims, foreign = false) {
      if (!foreign) return signJwt(claims, key)
      foreignKey ??= newKey()
      // Same kid as GitHub's key: only the signature gives the forgery away.
      return signJwt(claims, { ...foreignKey, kid: key.kid })
    },
    fail(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status)
    },
    advanceClock(seconds) {
      offsetMs += seconds * 1000
    },
    async close() {
      if (closed) return
      closed = true
      const done = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const s of sockets) s.destroy()
      await done
    }
  }
}
