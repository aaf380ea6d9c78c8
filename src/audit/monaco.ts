/**
 * Monaco (`monaco-manifest`): read the manifest (dynatrace-api.md §4.1) and its projects'
 * config files, work out the scopes their config types need (§4.3 platform, §4.4 classic;
 * the tables are data in src/scopes.ts), and compare them with the tokens the deploying
 * job mints.
 */
import { dirname, posix, resolve } from 'node:path'
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml'
import { ActionError } from '../errors.js'
import {
  MONACO_CLASSIC_API_DEFAULT,
  MONACO_CLASSIC_API_SCOPES,
  MONACO_CLASSIC_SETTINGS,
  MONACO_PLATFORM_SCOPES,
  lookup
} from '../scopes.js'
import { finding, type Finding } from './findings.js'
import type { TokenPlan, Where } from './rules.js'
import {
  getNode,
  getText,
  insideWorkspace,
  listYamlFiles,
  parseYaml,
  readAuditFile,
  relativePath,
  type JobInfo
} from './scan.js'
import { deref, scalarText, show } from './values.js'

/** One config of a Monaco project: its type and where it is declared. */
export interface MonacoConfig {
  id: string
  /** `api`, or a key of MONACO_PLATFORM_SCOPES (`settings`, `automation:workflow`, …). */
  kind: string
  /** The api name, settings schema or resource, for messages. */
  name: string
  file: string
  line: number
}

/** A manifest and the configs of its projects. */
export interface MonacoProject {
  /** Workspace-relative path of the manifest. */
  manifest: string
  /** Some environment authenticates with a classic token (`auth.token`). */
  classicAuth: boolean
  /** Some environment authenticates with `auth.oAuth` or `auth.platformToken`. */
  platformAuth: boolean
  configs: MonacoConfig[]
}

const PLATFORM_KINDS = [
  'bucket',
  'document',
  'openpipeline',
  'segment',
  'slo-v2'
]
const AUTOMATION = ['workflow', 'business-calendar', 'scheduling-rule']

/** The kind and name of a config's `type:` (a map such as `{api: …}`, or a plain string). */
export function configKind(
  type: Node | undefined,
  doc: Document.Parsed
): { kind: string; name: string } | undefined {
  if (isScalar(type)) {
    const name = scalarText(type).trim()
    if (name === '') return undefined
    if (name.includes(':')) return { kind: 'settings', name }
    if (PLATFORM_KINDS.includes(name)) return { kind: name, name }
    if (AUTOMATION.includes(name)) return { kind: `automation:${name}`, name }
    return { kind: 'api', name }
  }
  if (!isMap(type)) return undefined
  const pair = type.items[0]
  const key = deref(pair?.key, doc)
  if (!pair || !isScalar(key)) return undefined
  const k = scalarText(key)
  const value = deref(pair.value, doc)
  if (k === 'api') {
    const name = isScalar(value)
      ? scalarText(value)
      : getText(value, 'name', doc)
    return name ? { kind: 'api', name } : undefined
  }
  if (k === 'settings') {
    return {
      kind: 'settings',
      name: getText(value, 'schema', doc) ?? 'settings'
    }
  }
  if (k === 'automation') {
    const resource = getText(value, 'resource', doc) ?? ''
    return AUTOMATION.includes(resource)
      ? { kind: `automation:${resource}`, name: resource }
      : undefined
  }
  if (PLATFORM_KINDS.includes(k)) {
    const name = getText(value, 'kind', doc) ?? k
    return { kind: k, name }
  }
  return undefined
}

/**
 * Read the manifest and its projects. A manifest that does not exist is an error in the
 * audit's own input (ActionError); one that is not valid YAML is a finding.
 */
export async function readMonacoProject(
  manifestPath: string,
  root: string
): Promise<{ project?: MonacoProject; findings: Finding[] }> {
  const absolute = await insideWorkspace(root, manifestPath, 'monaco-manifest')
  const manifest = relativePath(root, absolute)
  const read = await readAuditFile(absolute, manifest)
  if ('finding' in read) return { findings: [read.finding] }
  const parsed = parseYaml(
    read.text,
    manifest,
    'Monaco cannot load it either; fix the manifest'
  )
  if ('finding' in parsed) return { findings: [parsed.finding] }
  const { doc, lines } = parsed
  const findings: Finding[] = []
  const project: MonacoProject = {
    manifest,
    classicAuth: false,
    platformAuth: false,
    configs: []
  }

  const groups = getNode(doc.contents, 'environmentGroups', doc)
  for (const group of isSeq(groups) ? groups.items : []) {
    const environments = getNode(deref(group, doc), 'environments', doc)
    for (const environment of isSeq(environments) ? environments.items : []) {
      const auth = getNode(deref(environment, doc), 'auth', doc)
      if (getNode(auth, 'token', doc) !== undefined) project.classicAuth = true
      if (
        getNode(auth, 'oAuth', doc) !== undefined ||
        getNode(auth, 'platformToken', doc) !== undefined
      ) {
        project.platformAuth = true
      }
    }
  }

  const projects = getNode(doc.contents, 'projects', doc)
  const manifestDir = dirname(absolute)
  for (const item of isSeq(projects) ? projects.items : []) {
    const node = deref(item, doc)
    const folder = getText(node, 'path', doc) ?? getText(node, 'name', doc)
    const line = lines.linePos(node?.range?.[0] ?? 0).line
    if (!folder) continue
    let files: string[]
    try {
      const dir = await insideWorkspace(
        root,
        resolve(manifestDir, folder),
        'monaco-manifest'
      )
      files = (await listYamlFiles([dir], root, 'monaco-manifest')).files
    } catch (error) {
      if (!(error instanceof ActionError)) throw error
      findings.push(
        finding(
          'invalid-value',
          `Monaco project ${show(folder, 60)}: its folder does not exist inside the workspace, so Monaco would fail to load it. Fix the project's path or name in the manifest.`,
          { file: manifest, line }
        )
      )
      continue
    }
    for (const file of files) {
      const configFile = relativePath(root, file)
      const text = await readAuditFile(file, configFile)
      if ('finding' in text) {
        findings.push(text.finding)
        continue
      }
      const config = parseYaml(
        text.text,
        configFile,
        'Monaco cannot load this config file either; fix it'
      )
      if ('finding' in config) {
        findings.push(config.finding)
        continue
      }
      const configs = getNode(config.doc.contents, 'configs', config.doc)
      for (const entry of isSeq(configs) ? configs.items : []) {
        const c = deref(entry, config.doc)
        const type = configKind(getNode(c, 'type', config.doc), config.doc)
        if (!type) continue
        project.configs.push({
          id: getText(c, 'id', config.doc) ?? '?',
          ...type,
          file: configFile,
          line: config.lines.linePos(c?.range?.[0] ?? 0).line
        })
      }
    }
  }
  return { project, findings }
}

/**
 * The jobs that deploy this manifest: those whose `run:` mentions `monaco` and the
 * manifest's path (directly, or relative to the step's working-directory). If no job
 * names it, every job that runs Monaco.
 */
export function monacoJobs(jobs: JobInfo[], manifest: string): JobInfo[] {
  const named = jobs.filter((job) =>
    job.runs.some(
      (run) =>
        /\bmonaco\b/i.test(run.script) &&
        (run.script.match(/[^\s'"`=]+\.ya?ml\b/g) ?? []).some(
          (path) =>
            posix.normalize(posix.join(run.workingDirectory ?? '.', path)) ===
            manifest
        )
    )
  )
  return named.length > 0 ? named : jobs.filter((job) => job.usesMonaco)
}

/** What the tokens of one deploy (a job, or this step's own inputs) are compared with. */
export interface MonacoConsumer {
  classic?: TokenPlan
  platform?: TokenPlan
}

interface Need {
  scope: string
  config: MonacoConfig
}

/** The scopes the project needs, per token kind, each with the first config needing it. */
export function monacoNeeds(project: MonacoProject): {
  classic: Map<string, Need>
  platform: Map<string, Need>
  platformOptional: Set<string>
  /** Configs no credential of the manifest can deploy, by the credential they need. */
  undeployable: { config: MonacoConfig; needs: 'classic' | 'platform' }[]
} {
  const classic = new Map<string, Need>()
  const platform = new Map<string, Need>()
  const platformOptional = new Set<string>(
    MONACO_PLATFORM_SCOPES.platform?.optional ?? []
  )
  const undeployable: {
    config: MonacoConfig
    needs: 'classic' | 'platform'
  }[] = []
  const add = (
    map: Map<string, Need>,
    scopes: readonly string[],
    config: MonacoConfig
  ): void => {
    for (const scope of scopes)
      if (!map.has(scope)) map.set(scope, { scope, config })
  }
  const seen = new Set<string>()
  for (const config of project.configs) {
    if (config.kind === 'api') {
      if (!project.classicAuth) {
        if (!seen.has('classic'))
          undeployable.push({ config, needs: 'classic' })
        seen.add('classic')
        continue
      }
      add(
        classic,
        lookup(MONACO_CLASSIC_API_SCOPES, config.name) ??
          MONACO_CLASSIC_API_DEFAULT,
        config
      )
    } else if (config.kind === 'settings' && !project.platformAuth) {
      // Settings go through the classic token only when the manifest has no platform credentials.
      add(classic, MONACO_CLASSIC_SETTINGS, config)
    } else {
      const need = lookup(MONACO_PLATFORM_SCOPES, config.kind)
      if (!need) continue
      if (!project.platformAuth) {
        if (!seen.has(config.kind))
          undeployable.push({ config, needs: 'platform' })
        seen.add(config.kind)
        continue
      }
      add(platform, need.required, config)
      for (const scope of need.optional) platformOptional.add(scope)
    }
  }
  return { classic, platform, platformOptional, undeployable }
}

/** monaco-missing-scope and monaco-unneeded-scope for the deploys of one manifest. */
export function compareMonaco(
  project: MonacoProject,
  consumers: MonacoConsumer[]
): Finding[] {
  const needs = monacoNeeds(project)
  const findings: Finding[] = []
  for (const { config, needs: credential } of needs.undeployable) {
    findings.push(
      finding(
        'monaco-missing-scope',
        credential === 'platform'
          ? `Monaco config ${show(config.id, 60)} (${show(config.name, 60)}) needs platform credentials, but no environment in ${project.manifest} has auth.platformToken or auth.oAuth; Monaco cannot deploy it with a classic token. Add platformToken to the manifest's auth and mint a platform token (token-type: platform).`
          : `Monaco config ${show(config.id, 60)} (api ${show(config.name, 60)}) is a Configuration API type that needs a classic API token, but no environment in ${project.manifest} has auth.token. Add auth.token to the manifest and mint a classic token (token-type: classic) with ReadConfig and WriteConfig.`,
        { file: config.file, line: config.line }
      )
    )
  }
  const compare = (
    token: TokenPlan | undefined,
    needed: Map<string, Need>,
    optional: Set<string>
  ): void => {
    if (!token) return
    const have = new Set(token.scopes.map((s) => s.scope))
    for (const { scope, config } of needed.values()) {
      if (have.has(scope)) continue
      findings.push(
        finding(
          'monaco-missing-scope',
          `token-scopes: Monaco needs ${show(scope)} to deploy ${show(config.id, 60)} (${show(config.name, 60)}, ${config.file}:${config.line}) from ${project.manifest}; without it the deploy fails with 403 Forbidden. Add it to token-scopes.`,
          token.where,
          scope
        )
      )
    }
    for (const { scope, where } of token.scopes) {
      if (needed.has(scope) || optional.has(scope)) continue
      findings.push(
        finding(
          'monaco-unneeded-scope',
          `token-scopes: ${show(scope)} is not needed by any config of ${project.manifest}. Remove it unless another step of this job uses it.`,
          where,
          scope
        )
      )
    }
  }
  for (const consumer of consumers) {
    if (project.classicAuth) compare(consumer.classic, needs.classic, new Set())
    if (project.platformAuth) {
      compare(consumer.platform, needs.platform, needs.platformOptional)
    }
  }
  return findings
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
  return {
    type: first.type,
    where: first.where,
    scopes: [...scopes].map(([scope, where]) => ({ scope, where }))
  }
}
