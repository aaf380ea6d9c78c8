/**
 * What `monaco deploy` deploys, to which environment, with which credential — and the
 * scopes that takes. Shared by the audit and by deriving a token's scopes at mint time.
 *
 * Monaco's rules (github.com/Dynatrace/dynatrace-configuration-as-code):
 * - Environments: `-e/--environment` and `-g/--group` select (their union); none selects all
 *   (pkg/manifest/loader/manifest_loader.go shouldSkipEnv). An unknown name fails.
 * - Projects: `-p/--project` names projects or grouping projects, plus every project a
 *   deployed config references (pkg/project/project_loader.go LoadProjects).
 * - Skip: `config.skip`, then the environment's group override, then its environment
 *   override (pkg/config/loader/config_entry_loader.go); skipped configs need nothing.
 * - Credentials (cmd/monaco/deploy/deploy.go validateAuthenticationWithProjectConfigs,
 *   pkg/client/clientset.go): Configuration API types need `auth.token`; Settings use the
 *   platform credentials (`auth.platformToken` or `auth.oAuth`) when the environment has
 *   them, else `auth.token`, and `permissions` need platform credentials; every other type
 *   needs platform credentials.
 */
import {
  CLASSIC_API_TYPES,
  PLATFORM_TYPES,
  RUNTIME_SCOPES,
  SETTINGS_CLASSIC,
  SETTINGS_PLATFORM,
  entry,
  type TypeScopes
} from './catalogue.js'
import { show } from '../audit/values.js'
import {
  describeType,
  type MonacoConfig,
  type MonacoEnvironment,
  type MonacoManifest,
  type MonacoProblem,
  type MonacoProjectDefinition
} from './project.js'

export type Credential = 'classic' | 'platform'

/** The kind of token a deploy could mint instead. */
export const otherCredential = (credential: Credential): Credential =>
  credential === 'classic' ? 'platform' : 'classic'

/** What is deployed: names as in `monaco deploy -e/-g/-p`; empty lists mean all. */
export interface Selection {
  environments: string[]
  groups: string[]
  projects: string[]
}

/** One config deployed to one environment with one credential. */
export interface Placement {
  config: MonacoConfig
  environment: MonacoEnvironment
  credential: Credential
  /** Undefined for a type whose scopes no public source states. */
  scopes?: TypeScopes
}

export interface DeployPlan {
  environments: MonacoEnvironment[]
  projects: MonacoProjectDefinition[]
  placements: Placement[]
  /** Selected projects without any config (Monaco deploys nothing from them). */
  emptyProjects: MonacoProjectDefinition[]
  /** What Monaco would refuse for this selection. */
  problems: MonacoProblem[]
}

const hasPlatform = (e: MonacoEnvironment): boolean =>
  e.auth.platformToken || e.auth.oAuth

/** Is the config skipped in this environment? An environment-variable skip may deploy: it counts. */
export function skipped(config: MonacoConfig, env: MonacoEnvironment): boolean {
  let skip = config.skip
  const group = config.groupSkip.get(env.group)
  if (group !== undefined) skip = group
  const own = config.environmentSkip.get(env.name)
  if (own !== undefined) skip = own
  return skip === true
}

/** Reports what Monaco would refuse, at a file (and line). */
type Fail = (
  message: string,
  where: { file: string; line?: number },
  kind?: MonacoProblem['kind']
) => void

/** Where `monaco deploy` with this selection sends each config, and what it would refuse. */
export function planDeploy(
  manifest: MonacoManifest,
  selection: Selection
): DeployPlan {
  const problems: MonacoProblem[] = []
  const fail: Fail = (message, where, kind = 'invalid') => {
    problems.push({ kind, message, ...where })
  }
  const environments = selectedEnvironments(manifest, selection, fail)
  for (const env of environments) checkAuth(env, manifest.file, fail)
  const { projects, placements } = placeConfigs(
    manifest,
    selectedProjects(manifest, selection, fail),
    environments,
    fail
  )
  return {
    environments,
    projects,
    placements,
    emptyProjects: projects.filter((p) => p.configs.length === 0),
    problems
  }
}

/** The environments `-e` and `-g` select (their union; none selects all). An unknown name fails. */
function selectedEnvironments(
  manifest: MonacoManifest,
  selection: Selection,
  fail: Fail
): MonacoEnvironment[] {
  const anyEnv = selection.environments.length + selection.groups.length === 0
  for (const name of selection.environments) {
    if (!manifest.environments.some((e) => e.name === name))
      fail(
        `Monaco would fail: environment ${show(name, 60)} is not in ${show(manifest.file, 200)} (it has ${list(manifest.environments.map((e) => e.name))}).`,
        { file: manifest.file }
      )
  }
  for (const name of selection.groups) {
    if (!manifest.environments.some((e) => e.group === name))
      fail(
        `Monaco would fail: environment group ${show(name, 60)} is not in ${show(manifest.file, 200)}.`,
        { file: manifest.file }
      )
  }
  return manifest.environments.filter(
    (e) =>
      anyEnv ||
      selection.environments.includes(e.name) ||
      selection.groups.includes(e.group)
  )
}

/** An environment Monaco deploys to needs exactly one kind of platform credential, or a token. */
function checkAuth(env: MonacoEnvironment, file: string, fail: Fail): void {
  const where = { file, line: env.line }
  if (!env.auth.token && !hasPlatform(env))
    fail(
      `Monaco would fail: environment ${show(env.name, 60)} has no credentials (auth.token, auth.platformToken or auth.oAuth).`,
      where
    )
  if (env.auth.platformToken && env.auth.oAuth)
    fail(
      `Monaco would fail: environment ${show(env.name, 60)} has both auth.oAuth and auth.platformToken, which Monaco refuses. Keep one.`,
      where
    )
}

/** The projects `-p` names (a grouping project names its projects); none names all. */
function selectedProjects(
  manifest: MonacoManifest,
  selection: Selection,
  fail: Fail
): string[] {
  if (selection.projects.length === 0)
    return manifest.projects.map((p) => p.name)
  const names: string[] = []
  for (const name of selection.projects) {
    const matches = manifest.projects.some((p) => p.name === name)
      ? [name]
      : manifest.projects.filter((p) => p.group === name).map((p) => p.name)
    if (matches.length === 0)
      fail(
        `Monaco would fail: no project named ${show(name, 60)} in ${show(manifest.file, 200)}.`,
        { file: manifest.file }
      )
    names.push(...matches)
  }
  return names
}

/**
 * Each config of the selected projects, and of the projects their deployed configs
 * reference, placed in each environment that does not skip it.
 */
function placeConfigs(
  manifest: MonacoManifest,
  selected: string[],
  environments: MonacoEnvironment[],
  fail: Fail
): { projects: MonacoProjectDefinition[]; placements: Placement[] } {
  const byName = new Map(manifest.projects.map((p) => [p.name, p]))
  const queue = [...selected]
  const projects: MonacoProjectDefinition[] = []
  const placements: Placement[] = []
  const seen = new Set<string>()
  const refused = new Set<string>()
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const project = byName.get(name)
    if (seen.has(name) || !project) continue
    seen.add(name)
    projects.push(project)
    for (const config of project.configs) {
      for (const env of environments) {
        if (skipped(config, env)) continue
        queue.push(...config.references)
        const placed = place(config, env)
        if (!('refusal' in placed)) {
          placements.push(placed)
          continue
        }
        // Once per config: the reason is the same in every environment lacking the credential.
        const key = `${config.file}:${config.line}`
        if (refused.has(key)) continue
        refused.add(key)
        fail(
          placed.refusal,
          { file: config.file, line: config.line },
          'credential'
        )
      }
    }
  }
  return { projects, placements }
}

function place(
  config: MonacoConfig,
  env: MonacoEnvironment
): Placement | { refusal: string } {
  const type = config.type
  const label = `Monaco config ${show(config.id, 60)} (${describeType(type)})`
  if (type.kind === 'api') {
    if (!env.auth.token)
      return {
        refusal: `${label} is a Configuration API type, which Monaco deploys only with a classic token (auth.token), but environment ${show(env.name, 60)} has none: Monaco would fail. Add auth.token to the environment and mint a classic token (token-type: classic).`
      }
    const scopes = entry(CLASSIC_API_TYPES, type.api)
    return {
      config,
      environment: env,
      credential: 'classic',
      ...(scopes ? { scopes } : {})
    }
  }
  if (type.kind === 'settings') {
    if (hasPlatform(env))
      return {
        config,
        environment: env,
        credential: 'platform',
        scopes: SETTINGS_PLATFORM
      }
    if (type.permissions)
      return {
        refusal: `${label} sets permissions, which needs platform credentials, but environment ${show(env.name, 60)} has only auth.token: Monaco would fail. Add auth.platformToken (and mint a platform token) or remove permissions.`
      }
    if (env.auth.token)
      return {
        config,
        environment: env,
        credential: 'classic',
        scopes: SETTINGS_CLASSIC
      }
    return {
      refusal: `${label}: environment ${show(env.name, 60)} has no credentials.`
    }
  }
  const key =
    type.kind === 'automation' ? `automation:${type.resource}` : type.kind
  if (!hasPlatform(env))
    return {
      refusal: `${label} needs platform credentials, but environment ${show(env.name, 60)} has only auth.token, and Monaco cannot deploy it with a classic token: Monaco would fail. Add auth.platformToken to the environment's auth and mint a platform token (token-type: platform).`
    }
  const scopes = entry(PLATFORM_TYPES, key)
  return {
    config,
    environment: env,
    credential: 'platform',
    ...(scopes ? { scopes } : {})
  }
}

/** Why a scope is needed: the first config that needs it (or Monaco itself). */
export interface Reason {
  why: string
  file?: string
  line?: number
}

export interface Needs {
  /** Scopes the token must carry, each with the first reason, in a stable order. */
  required: Map<string, Reason>
  /** Scopes Monaco can use but does without: never reported as unneeded. */
  optional: Set<string>
  /** Placements of types whose scopes are unknown (no public source). */
  unsourced: Placement[]
  /** Configs deployed with this credential. */
  configs: number
}

/**
 * The scopes a token of `credential` needs for this plan: those of the configs it serves,
 * plus what Monaco needs to run with that credential at all (catalogue RUNTIME_SCOPES),
 * when a selected environment has such a credential.
 */
export function scopesNeeded(plan: DeployPlan, credential: Credential): Needs {
  const required = new Map<string, Reason>()
  const optional = new Set<string>()
  const unsourced: Placement[] = []
  let configs = 0
  const runtime = RUNTIME_SCOPES[credential]
  const usesCredential = plan.environments.some((e) =>
    credential === 'classic' ? e.auth.token : hasPlatform(e)
  )
  if (usesCredential) {
    for (const scope of runtime.required)
      required.set(scope, { why: runtime.why })
  }
  for (const p of plan.placements) {
    if (p.credential !== credential) continue
    configs++
    if (!p.scopes) {
      unsourced.push(p)
      continue
    }
    for (const scope of p.scopes.required) {
      if (!required.has(scope))
        required.set(scope, {
          why: `Monaco config ${show(p.config.id, 60)} (${describeType(p.config.type)})`,
          file: p.config.file,
          line: p.config.line
        })
    }
    for (const scope of p.scopes.optional) optional.add(scope)
  }
  return { required, optional, unsourced, configs }
}

/** Environments of the plan that have a credential a minted token of this kind stands for. */
export function environmentsWith(
  plan: DeployPlan,
  credential: Credential
): MonacoEnvironment[] {
  return plan.environments.filter((e) =>
    credential === 'classic' ? e.auth.token : hasPlatform(e)
  )
}

function list(names: string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => show(n, 60)).join(', ')
}
