/**
 * `token-scopes` left empty with `monaco-manifest` set: the token gets exactly the scopes
 * the Monaco project needs for this token type, computed before any request from the same
 * reader and deploy rules the audit uses.
 */
import { realWorkspace } from '../audit/scan.js'
import { show } from '../audit/values.js'
import { ActionError } from '../errors.js'
import type { BaseInputs } from '../inputs.js'
import { neutralise, type Logger } from '../log.js'
import { escapeHtml } from '../summary.js'
import {
  environmentsWith,
  otherCredential,
  planDeploy,
  scopesNeeded
} from './deploy.js'
import type { Credential, DeployPlan, Needs, Selection } from './deploy.js'
import {
  describeType,
  loadMonaco,
  type MonacoManifest,
  type MonacoProblem
} from './project.js'

/** A derived scope and why the project needs it. */
export interface DerivedScope {
  scope: string
  why: string
  file?: string
  line?: number
}

export interface DerivedScopes {
  manifest: string
  /** Environments of the manifest the deploy targets. */
  environments: string[]
  scopes: DerivedScope[]
  /** Configs deployed with this token. */
  configs: number
}

/** `file:line: message` lines for an error listing Monaco problems. */
export function problemList(problems: MonacoProblem[]): string {
  return problems
    .map(
      (p) =>
        `  - ${neutralise(p.file, 200)}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`
    )
    .join('\n')
}

/**
 * What `monaco-environment` selects: each name is an environment of the manifest or, as
 * with `monaco deploy -g`, an environment group. Empty: every environment.
 */
export function selectionOf(
  names: readonly string[],
  manifest: MonacoManifest,
  input = 'monaco-environment'
): Selection {
  const selection: Selection = { environments: [], groups: [], projects: [] }
  for (const name of names) {
    if (manifest.environments.some((e) => e.name === name))
      selection.environments.push(name)
    else if (manifest.environments.some((e) => e.group === name))
      selection.groups.push(name)
    else
      throw new ActionError(
        `${input}: ${show(name, 60)} is neither an environment nor an environment group of ${show(manifest.file, 200)} (environments: ${manifest.environments.map((e) => show(e.name, 60)).join(', ') || 'none'}).`
      )
  }
  return selection
}

/** Derive the token's scopes; throws ActionError (before any request) when they cannot be. */
export async function deriveTokenScopes(
  inputs: BaseInputs,
  credential: Credential,
  manifestPath: string,
  log: Logger,
  workspace: string = process.env.GITHUB_WORKSPACE || process.cwd()
): Promise<DerivedScopes> {
  const cannot = `token-scopes: cannot be derived from monaco-manifest ${show(manifestPath, 200)}`
  const { manifest, plan } = await deployPlan(
    manifestPath,
    inputs.audit.monacoEnvironment ?? [],
    workspace,
    cannot
  )
  const envNames = plan.environments.map((e) => show(e.name, 60)).join(', ')
  checkCredential(plan, credential, envNames, cannot)
  const needs = scopesNeeded(plan, credential)
  const scopes = requiredScopes(needs, credential, envNames, cannot)
  checkAllowed(scopes, inputs.allowedScopes)
  log.info(
    `token-scopes derived from ${show(manifest.file, 200)} for environment(s) ${envNames} (${needs.configs} config(s) deployed with the ${credential} token):`
  )
  for (const s of scopes) {
    log.info(`  ${s.scope}: ${s.why}${fileLine(s)}`)
  }
  mentionOtherToken(plan, otherCredential(credential), log)
  return {
    manifest: manifest.file,
    environments: plan.environments.map((e) => e.name),
    scopes,
    configs: needs.configs
  }
}

/** ` (file:line)` after a scope that a config needs. */
const fileLine = (s: DerivedScope): string =>
  s.file ? ` (${neutralise(s.file, 200)}:${s.line})` : ''

/** The manifest and what `monaco deploy` would do with it; throws what Monaco would refuse. */
async function deployPlan(
  manifestPath: string,
  environments: readonly string[],
  workspace: string,
  cannot: string
): Promise<{ manifest: MonacoManifest; plan: DeployPlan }> {
  const root = await realWorkspace(workspace)
  const loaded = await loadMonaco(manifestPath, root)
  const refuse = (problems: MonacoProblem[]): ActionError =>
    new ActionError(
      `${cannot} (no request was sent):\n${problemList(problems)}`
    )
  if (!loaded.manifest || loaded.problems.length > 0)
    throw refuse(loaded.problems)
  const manifest = loaded.manifest
  const plan = planDeploy(manifest, selectionOf(environments, manifest))
  if (plan.problems.length > 0) throw refuse(plan.problems)
  if (plan.emptyProjects.length > 0) {
    throw refuse(
      plan.emptyProjects.map((p) => ({
        kind: 'invalid',
        file: manifest.file,
        line: p.line,
        message: `Monaco project ${show(p.name, 60)} (${show(p.path, 200)}) has no configs, so there is nothing to derive scopes from. Add its configs, or remove the project from the manifest.`
      }))
    )
  }
  return { manifest, plan }
}

/** Throws when no selected environment would deploy with a token of this kind. */
function checkCredential(
  plan: DeployPlan,
  credential: Credential,
  envNames: string,
  cannot: string
): void {
  if (environmentsWith(plan, credential).length > 0) return
  const authName =
    credential === 'classic' ? 'auth.token' : 'auth.platformToken'
  throw new ActionError(
    `${cannot}: Monaco would not use a ${credential} token: environment(s) ${envNames} have no ${authName}${credential === 'platform' ? ' or auth.oAuth' : ''}, and Monaco would fail or deploy nothing with it. Set token-type: ${otherCredential(credential)}, or add ${authName} to the environment's auth in the manifest.`
  )
}

/** The scopes the configs need, each with its reason; throws when they are unknown or none. */
function requiredScopes(
  needs: Needs,
  credential: Credential,
  envNames: string,
  cannot: string
): DerivedScope[] {
  if (needs.unsourced.length > 0) {
    throw new ActionError(
      `${cannot} (no request was sent):\n${problemList(
        needs.unsourced.map((p) => ({
          kind: 'invalid',
          file: p.config.file,
          line: p.config.line,
          message: `Monaco config ${show(p.config.id, 60)} (${describeType(p.config.type)}): no public source states the scopes this config type needs, so this action does not guess them. List token-scopes yourself.`
        }))
      )}`
    )
  }
  if (needs.required.size === 0) {
    throw new ActionError(
      `${cannot}: no config of the project is deployed with a ${credential} token to ${envNames}, so the token would need no scope. Set token-type: ${otherCredential(credential)}, or list token-scopes yourself.`
    )
  }
  return [...needs.required].map(([scope, reason]) => ({ scope, ...reason }))
}

/** Throws when the project needs a scope outside a non-empty `allowed-scopes`. */
function checkAllowed(
  scopes: DerivedScope[],
  allowedScopes: readonly string[]
): void {
  if (allowedScopes.length === 0) return
  const outside = scopes.filter((s) => !allowedScopes.includes(s.scope))
  if (outside.length === 0) return
  throw new ActionError(
    `token-scopes: the Monaco project needs scope(s) outside allowed-scopes (no request was sent):\n${outside
      .map((s) => `  - ${s.scope}: for ${s.why}${fileLine(s)}`)
      .join(
        '\n'
      )}\nAdd them to allowed-scopes if the deploy really needs them, or change the project.`
  )
}

/** Monaco deploys some configs with the other kind of token: say how to mint that one. */
function mentionOtherToken(
  plan: DeployPlan,
  other: Credential,
  log: Logger
): void {
  const otherNeeds = scopesNeeded(plan, other)
  const otherAuth = other === 'classic' ? 'auth.token' : 'auth.platformToken'
  if (
    otherNeeds.configs > 0 &&
    plan.environments.some((e) =>
      other === 'classic' ? e.auth.token : e.auth.platformToken
    )
  ) {
    log.info(
      `Monaco also deploys ${otherNeeds.configs} config(s) of this project with ${otherAuth}; mint that ${other} token in another step (token-type: ${other}, monaco-manifest set, token-scopes empty).`
    )
  }
}

/** The job summary section: each derived scope and why. */
export function derivedSummaryHtml(derived: DerivedScopes): string {
  const rows = derived.scopes
    .map(
      (s) =>
        `<tr><td><code>${escapeHtml(s.scope)}</code></td><td>${escapeHtml(s.why)}${s.file ? ` (<code>${escapeHtml(`${s.file}:${s.line}`)}</code>)` : ''}</td></tr>`
    )
    .join('')
  return `<h3>Scopes derived from the Monaco project</h3><p>From <code>${escapeHtml(derived.manifest)}</code> for ${derived.environments.map((e) => `<code>${escapeHtml(e)}</code>`).join(', ')} (${derived.configs} config(s)).</p><table><tr><th>Scope</th><th>Needed for</th></tr>${rows}</table>`
}

/** The plan output's record of the derivation. */
export function derivedPlan(derived: DerivedScopes): Record<string, unknown> {
  return {
    manifest: derived.manifest,
    environments: derived.environments,
    reasons: derived.scopes.map((s) => ({
      scope: s.scope,
      why: s.why,
      ...(s.file ? { file: s.file, line: s.line } : {})
    }))
  }
}
