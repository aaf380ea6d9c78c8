/**
 * Monaco (`monaco-manifest`): read the manifest and its projects as Monaco deploys them
 * (src/monaco/: the same reader and deploy rules that derive scopes at mint time), and
 * compare the scopes they need with the tokens the deploying jobs mint.
 */
import { selectionOf } from '../monaco/derive.js'
import { deployCommands } from '../monaco/command.js'
import {
  environmentsWith,
  otherCredential,
  planDeploy,
  scopesNeeded,
  type Credential,
  type DeployPlan,
  type Needs,
  type Selection
} from '../monaco/deploy.js'
import {
  describeType,
  loadMonaco,
  type MonacoManifest,
  type MonacoProblem
} from '../monaco/project.js'
import { neutralise } from '../log.js'
import type { AuditBudget } from './budget.js'
import { finding, type Finding, type RuleId } from './findings.js'
import type { TokenPlan, Where } from './rules.js'
import type { JobInfo } from './scan.js'
import { show } from './values.js'

const RULE_OF: Record<MonacoProblem['kind'], RuleId> = {
  unreadable: 'unreadable-file',
  invalid: 'invalid-value',
  credential: 'monaco-missing-scope'
}

/** Monaco's problems as findings on their file and line. */
export function problemFindings(problems: MonacoProblem[]): Finding[] {
  return problems.map((p) =>
    finding(RULE_OF[p.kind], p.message, { file: p.file, line: p.line })
  )
}

/**
 * Read the manifest and its projects. A manifest that does not exist is an error in the
 * audit's own input (ActionError); anything Monaco would refuse is a finding.
 */
export async function readMonacoProject(
  manifestPath: string,
  root: string,
  budget?: AuditBudget
): Promise<{ manifest?: MonacoManifest; findings: Finding[] }> {
  const loaded = await loadMonaco(manifestPath, root, 'monaco-manifest', budget)
  return {
    ...(loaded.manifest ? { manifest: loaded.manifest } : {}),
    findings: problemFindings(loaded.problems)
  }
}

const ALL: Selection = { environments: [], groups: [], projects: [] }

/** Several `monaco deploy` commands of one job: what any of them deploys. */
function union(selections: Selection[]): Selection {
  const merged: Selection = { environments: [], groups: [], projects: [] }
  const envAll = selections.some(
    (s) => s.environments.length + s.groups.length === 0
  )
  const projectsAll = selections.some((s) => s.projects.length === 0)
  for (const s of selections) {
    if (!envAll) {
      merged.environments.push(...s.environments)
      merged.groups.push(...s.groups)
    }
    if (!projectsAll) merged.projects.push(...s.projects)
  }
  return merged
}

/**
 * The jobs that deploy this manifest, with what their `monaco deploy` selects: jobs whose
 * `run:` deploys the manifest's path (directly, or relative to the step's
 * working-directory). If no job names it, every job that runs Monaco, deploying all.
 */
export function monacoJobs(
  jobs: JobInfo[],
  manifest: string
): { job: JobInfo; selection: Selection }[] {
  const named: { job: JobInfo; selection: Selection }[] = []
  for (const job of jobs) {
    const selections = job.runs.flatMap((run) =>
      deployCommands(run.script, run.workingDirectory)
        .filter((c) => c.manifest === manifest)
        .map((c) => c.selection)
    )
    if (selections.length > 0) named.push({ job, selection: union(selections) })
  }
  if (named.length > 0) return named
  return jobs
    .filter((job) => job.usesMonaco)
    .map((job) => ({ job, selection: ALL }))
}

/** What the tokens of one deploy (a job, or this step's own inputs) are compared with. */
export interface MonacoConsumer {
  classic?: TokenPlan
  platform?: TokenPlan
  /** What the deploy selects (`monaco deploy -e/-g/-p`). */
  selection: Selection
}

const AUTH: Record<Credential, string> = {
  classic: 'auth.token (a classic token)',
  platform: 'auth.platformToken (a platform token)'
}

/**
 * monaco-missing-scope, monaco-unneeded-scope and monaco-unknown-type for the deploys of
 * one manifest. `environments` (the monaco-environment input) replaces what each deploy
 * command selects.
 */
export function compareMonaco(
  manifest: MonacoManifest,
  consumers: MonacoConsumer[],
  environments: readonly string[] = [],
  allowedScopes: readonly string[] = []
): Finding[] {
  const findings: Finding[] = []
  const forced =
    environments.length > 0 ? selectionOf(environments, manifest) : undefined
  for (const consumer of consumers) {
    const selection = forced
      ? { ...forced, projects: consumer.selection.projects }
      : consumer.selection
    const plan = planDeploy(manifest, selection)
    findings.push(...problemFindings(plan.problems))
    for (const credential of ['classic', 'platform'] as const) {
      const deploy = { manifest, plan, consumer, credential }
      compareCredential(findings, deploy, allowedScopes)
    }
  }
  return distinct(findings)
}

/** One deploy's configs that go through one kind of credential. */
interface CredentialDeploy {
  manifest: MonacoManifest
  plan: DeployPlan
  consumer: MonacoConsumer
  credential: Credential
}

/** The scopes the configs deployed with `credential` need, against the token minted for it. */
function compareCredential(
  findings: Finding[],
  deploy: CredentialDeploy,
  allowedScopes: readonly string[]
): void {
  const { manifest, plan, consumer, credential } = deploy
  const token = consumer[credential]
  const needs = scopesNeeded(plan, credential)
  for (const p of needs.unsourced) {
    findings.push(
      finding(
        'monaco-unknown-type',
        `Monaco config ${show(p.config.id, 60)} (${describeType(p.config.type)}): no public source states the scopes this config type needs, so they were not compared. Check them in Dynatrace's API reference.`,
        { file: p.config.file, line: p.config.line }
      )
    )
  }
  if (!token) {
    findings.push(...notMinted(deploy, needs))
  } else if (environmentsWith(plan, credential).length === 0) {
    findings.push(
      finding(
        'monaco-missing-scope',
        `Monaco would not use this ${credential} token: the environment(s) ${plan.environments.map((e) => show(e.name, 60)).join(', ')} of ${show(manifest.file, 200)} have no ${credential === 'classic' ? 'auth.token' : 'auth.platformToken or auth.oAuth'}. Set token-type: ${otherCredential(credential)}, or add the credential to the manifest.`,
        token.where
      )
    )
  } else if (token.derived) {
    findings.push(...derivedNotAllowed(manifest, token, needs, allowedScopes))
  } else {
    compareToken(findings, manifest, token, needs.required, needs.optional)
  }
}

/**
 * The deploy needs a credential the job does not mint: a token named in the manifest's
 * auth (reported on the token the job does mint).
 */
function notMinted(
  { manifest, plan, consumer, credential }: CredentialDeploy,
  needs: Needs
): Finding[] {
  const other = otherCredential(credential)
  const minted = consumer[other]
  const mustMint = plan.environments.some((e) =>
    credential === 'classic' ? e.auth.token : e.auth.platformToken
  )
  const first = plan.placements.find((p) => p.credential === credential)
  if (needs.configs === 0 || !mustMint || !first || !minted) return []
  return [
    finding(
      'monaco-missing-scope',
      `Monaco would fail: ${needs.configs} deployment(s) of ${show(manifest.file, 200)} (e.g. ${show(first.config.id, 60)}, ${describeType(first.config.type)}, ${neutralise(first.config.file, 200)}:${first.config.line}) go through ${AUTH[credential]}, but this job mints only a ${other} token. Mint a ${credential} token too (token-type: ${credential}), or move those configs to the ${other} credential.`,
      minted.where
    )
  ]
}

/** A derived token has exactly what the project needs, by construction: only allowed-scopes can object. */
function derivedNotAllowed(
  manifest: MonacoManifest,
  token: TokenPlan,
  needs: Needs,
  allowedScopes: readonly string[]
): Finding[] {
  if (allowedScopes.length === 0) return []
  return [...needs.required]
    .filter(([scope]) => !allowedScopes.includes(scope))
    .map(([scope, reason]) =>
      finding(
        'scope-not-allowed',
        `token-scopes (derived from ${show(manifest.file, 200)}): Monaco needs ${show(scope)} for ${reason.why}${reason.file ? `, ${neutralise(reason.file, 200)}:${reason.line}` : ''}, which is not in the audit's allowed-scopes; the step would derive it and fail. Add it to allowed-scopes if the deploy really needs it.`,
        token.where,
        scope
      )
    )
}

/** One finding per place: several jobs deploying the same manifest see the same problems. */
function distinct(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = JSON.stringify([f.rule, f.file, f.line, f.scope, f.message])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function compareToken(
  findings: Finding[],
  manifest: MonacoManifest,
  token: TokenPlan,
  required: Needs['required'],
  optional: Set<string>
): void {
  const have = new Set(token.scopes.map((s) => s.scope))
  for (const [scope, reason] of required) {
    if (have.has(scope)) continue
    const at = reason.file
      ? `, ${neutralise(reason.file, 200)}:${reason.line}`
      : ''
    findings.push(
      finding(
        'monaco-missing-scope',
        `token-scopes: Monaco needs ${show(scope)} for ${reason.why}${at} from ${show(manifest.file, 200)}; without it the deploy fails with 403 Forbidden. Add it to token-scopes (or leave token-scopes empty to derive them).`,
        token.where,
        scope
      )
    )
  }
  for (const { scope, where } of token.scopes) {
    if (required.has(scope) || optional.has(scope)) continue
    findings.push(
      finding(
        'monaco-unneeded-scope',
        `token-scopes: ${show(scope)} is not needed by any config ${show(manifest.file, 200)} deploys here. Remove it unless another step of this job uses it.`,
        where,
        scope
      )
    )
  }
}

/** Merge the token plans of several steps of one kind into one (union of scopes). */
export function mergePlans(plans: TokenPlan[]): TokenPlan | undefined {
  const first = plans[0]
  if (!first) return undefined
  const scopes = new Map<string, Where>()
  for (const plan of plans) {
    for (const { scope, where } of plan.scopes)
      if (!scopes.has(scope)) scopes.set(scope, where)
  }
  const derived = plans.find((p) => p.derived)
  // A step that derives its scopes gets all the project needs: the job's token is complete.
  if (derived) return derived
  return {
    type: first.type,
    where: first.where,
    scopes: [...scopes].map(([scope, where]) => ({ scope, where }))
  }
}
