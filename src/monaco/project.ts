/**
 * Read a Monaco manifest and its projects the way Monaco loads them, offline. One reader
 * for the audit and for deriving a token's scopes at mint time.
 *
 * Monaco's loader, mirrored here (github.com/Dynatrace/dynatrace-configuration-as-code):
 * - pkg/manifest/loader/manifest_loader.go: `projects[]` with `type: simple` (folder `path`,
 *   else `name`) or `type: grouping` (every sub-folder of `path` is a project
 *   `<name>.<sub-folder>`); paths relative to the manifest; environments in
 *   `environmentGroups[].environments[]` with `auth.token`, `auth.oAuth`, `auth.platformToken`.
 * - internal/files/files.go FindYamlFiles: every `.yaml`/`.yml` under a project folder,
 *   folders starting with `.` skipped.
 * - pkg/config/loader/config_loader.go: a file with account keys (users, groups, …) and no
 *   `configs` is skipped; a file without configs fails.
 * - pkg/config/internal/persistence/type_definition.go: the `type` shapes.
 * - pkg/config/loader/config_entry_loader.go: `config.skip`, `groupOverrides[].override.skip`,
 *   `environmentOverrides[].override.skip` (overrides cannot change the type).
 */
import { lstat, readdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml'
import { ActionError } from '../errors.js'
import type { AuditBudget } from '../audit/budget.js'
import { neutralise } from '../log.js'
import {
  getNode,
  getText,
  insideWorkspace,
  parseYaml,
  readAuditFile,
  relativePath
} from '../audit/scan.js'
import { deref, scalarText, show } from '../audit/values.js'
import {
  ALL_USERS_PERMISSIONS,
  AUTOMATION_RESOURCES,
  CLASSIC_API_TYPES,
  DOCUMENT_KINDS,
  UNSOURCED_CLASSIC_APIS,
  entry
} from './catalogue.js'

/** Something Monaco would refuse, or a file that cannot be read; always with its file. */
export interface MonacoProblem {
  /**
   * `unreadable`: not YAML or not readable; `invalid`: Monaco would fail to load it;
   * `credential`: no credential of the environment can deploy the config.
   */
  kind: 'unreadable' | 'invalid' | 'credential'
  message: string
  file: string
  line?: number
}

/** The credentials an environment of the manifest names (`auth.*`). */
export interface MonacoAuth {
  token: boolean
  platformToken: boolean
  oAuth: boolean
}

export interface MonacoEnvironment {
  name: string
  group: string
  auth: MonacoAuth
  line: number
}

/** A config's `type`, as Monaco reads it. */
export type MonacoType =
  | { kind: 'api'; api: string }
  | { kind: 'settings'; schema: string; permissions: boolean }
  | { kind: 'automation'; resource: string }
  | { kind: 'document'; documentKind: string }
  | { kind: 'openpipeline'; pipelineKind: string }
  | { kind: 'bucket' | 'segment' | 'slo-v2' }

/** `skip`: a literal boolean, or set from an environment variable (unknown offline). */
export type SkipValue = boolean | 'environment'

export interface MonacoConfig {
  id: string
  project: string
  type: MonacoType
  file: string
  line: number
  /** `config.skip`; undefined when absent. */
  skip?: SkipValue
  /** `groupOverrides[].override.skip` by group name (only overrides that set skip). */
  groupSkip: Map<string, SkipValue>
  /** `environmentOverrides[].override.skip` by environment name. */
  environmentSkip: Map<string, SkipValue>
  /** Other projects this config references (`type: reference` with `project`). */
  references: string[]
}

export interface MonacoProjectDefinition {
  /** As Monaco names it (`<grouping>.<folder>` inside a grouping project). */
  name: string
  /** The grouping project's name, for `-p <grouping>`. */
  group?: string
  /** Workspace-relative folder. */
  path: string
  /** Line of the entry in the manifest. */
  line: number
  configs: MonacoConfig[]
}

export interface MonacoManifest {
  /** Workspace-relative path. */
  file: string
  environments: MonacoEnvironment[]
  projects: MonacoProjectDefinition[]
}

/** Most YAML files read from one manifest's projects. */
const MAX_CONFIG_FILES = 2000
const MAX_DEPTH = 16
const ACCOUNT_KEYS = [
  'users',
  'serviceUsers',
  'groups',
  'policies',
  'boundaries'
]

/** A short description of a type, for messages: `api alerting-profile`, `settings builtin:x`. */
export function describeType(type: MonacoType): string {
  switch (type.kind) {
    case 'api':
      return `api ${type.api}`
    case 'settings':
      return `settings ${neutralise(type.schema, 80)}`
    case 'automation':
      return `automation ${type.resource}`
    case 'document':
      return `document ${type.documentKind}`
    case 'openpipeline':
      return `openpipeline ${neutralise(type.pipelineKind, 60)}`
    default:
      return type.kind
  }
}

/**
 * A config's `type` node as Monaco parses it, or why Monaco rejects it. Known API names
 * are Monaco's own (catalogue.ts); an unknown one fails in Monaco too ("unknown API").
 */
export function parseType(
  node: Node | undefined,
  doc: Document.Parsed
): MonacoType | { error: string } {
  if (node === undefined || (isScalar(node) && scalarText(node) === '')) {
    return { error: 'has no type' }
  }
  if (isScalar(node)) {
    const name = scalarText(node).trim()
    if (name === 'bucket' || name === 'segment' || name === 'slo-v2')
      return { kind: name }
    return api(name)
  }
  if (!isMap(node))
    return { error: 'has a type that is neither a name nor a map' }
  const [pair, ...others] = node.items
  if (pair === undefined || others.length > 0) {
    return {
      error:
        pair === undefined
          ? 'has no type'
          : 'has more than one type (only one config type is allowed at once)'
    }
  }
  const keyNode = deref(pair.key, doc)
  const key = isScalar(keyNode) ? scalarText(keyNode) : ''
  const value = deref(pair.value, doc)
  switch (key) {
    case 'api': {
      const name = isScalar(value)
        ? scalarText(value)
        : (getText(value, 'name', doc) ?? '')
      return api(name.trim())
    }
    case 'settings': {
      const schema = getText(value, 'schema', doc)?.trim() ?? ''
      if (schema === '') return { error: 'is a settings type without a schema' }
      if (getNode(value, 'scope', doc) === undefined)
        return { error: `(settings ${show(schema)}) has no scope` }
      const permissions = getNode(value, 'permissions', doc)
      if (permissions !== undefined) {
        const allUsers = getText(permissions, 'allUsers', doc)
        if (allUsers !== undefined && !ALL_USERS_PERMISSIONS.includes(allUsers))
          return {
            error: `(settings ${show(schema)}) has permissions.allUsers ${show(allUsers)}, not one of ${ALL_USERS_PERMISSIONS.join(', ')}`
          }
      }
      return {
        kind: 'settings',
        schema,
        permissions: permissions !== undefined
      }
    }
    case 'automation': {
      const resource = getText(value, 'resource', doc)?.trim() ?? ''
      return AUTOMATION_RESOURCES.includes(resource)
        ? { kind: 'automation', resource }
        : {
            error: `has automation resource ${show(resource)}, not one of ${AUTOMATION_RESOURCES.join(', ')}`
          }
    }
    case 'document': {
      const documentKind = getText(value, 'kind', doc)?.trim() ?? ''
      return DOCUMENT_KINDS.includes(documentKind)
        ? { kind: 'document', documentKind }
        : {
            error: `has document kind ${show(documentKind)}, not one of ${DOCUMENT_KINDS.join(', ')}`
          }
    }
    case 'openpipeline': {
      const pipelineKind = getText(value, 'kind', doc)?.trim() ?? ''
      return pipelineKind === ''
        ? { error: 'is an openpipeline type without a kind' }
        : { kind: 'openpipeline', pipelineKind }
    }
    default:
      return {
        error: `has the unknown config type ${show(key, 60)} (Monaco knows api, settings, automation, document, openpipeline, and the names bucket, segment, slo-v2)`
      }
  }
}

function api(name: string): MonacoType | { error: string } {
  if (
    entry(CLASSIC_API_TYPES, name) !== undefined ||
    UNSOURCED_CLASSIC_APIS.includes(name)
  ) {
    return { kind: 'api', api: name }
  }
  return {
    error:
      name === ''
        ? 'has an api type without a name'
        : `has the unknown API ${show(name, 60)}${name.includes(':') ? ' (a Settings 2.0 schema is written `type: {settings: {schema: …, scope: …}}`)' : ''}`
  }
}

/**
 * `skip` as Monaco resolves it (strconv.ParseBool of a value parameter), `environment` for
 * a value read from an environment variable, or why Monaco rejects it.
 */
export function parseSkip(
  node: Node | undefined,
  doc: Document.Parsed
): SkipValue | undefined | { error: string } {
  if (node === undefined) return undefined
  let text: string | undefined
  if (isScalar(node)) text = scalarText(node)
  else if (isMap(node)) {
    const type = getText(node, 'type', doc)
    if (type === 'environment') return 'environment'
    if (type !== 'value')
      return { error: "skip must be of type 'value' or 'environment'" }
    text = getText(node, 'value', doc)
  }
  if (text === undefined) return { error: 'skip must be true or false' }
  if (/^(1|t|T|TRUE|true|True)$/.test(text.trim())) return true
  if (/^(0|f|F|FALSE|false|False)$/.test(text.trim())) return false
  return { error: `skip is ${show(text, 40)}, which is neither true nor false` }
}

/** Every `type: reference` map with a `project` under `node`: cross-project dependencies. */
function referencedProjects(
  node: unknown,
  doc: Document.Parsed,
  out: Set<string>
): void {
  // Iterative and alias-free: an alias is a node already walked where its anchor is, and
  // following aliases could multiply the walk exponentially (the "billion laughs").
  const stack: unknown[] = [node]
  for (let visited = 0; stack.length > 0 && visited < 100_000; visited++) {
    const n = stack.pop()
    if (isMap(n)) {
      if (getText(n, 'type', doc) === 'reference') {
        const project = getText(n, 'project', doc)
        if (project) out.add(project)
      }
      for (const pair of n.items) stack.push(pair.value)
    } else if (isSeq(n)) {
      stack.push(...n.items)
    }
  }
}

/** YAML files under `dir` as Monaco finds them: folders starting with `.` and symbolic links skipped. */
async function findYamlFiles(
  dir: string,
  files: string[],
  depth = 0
): Promise<void> {
  if (depth > MAX_DEPTH || files.length >= MAX_CONFIG_FILES) return
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const e of entries) {
    const path = join(dir, e.name)
    if (e.isDirectory() && !e.name.startsWith('.')) {
      await findYamlFiles(path, files, depth + 1)
    } else if (e.isFile() && /\.ya?ml$/i.test(e.name)) {
      if (files.length >= MAX_CONFIG_FILES) return
      files.push(path)
    }
  }
}

/**
 * Read the manifest at `manifestPath` (relative to the real workspace `root`) and every
 * project it names. A manifest that does not exist or leaves the workspace is an error in
 * the input (ActionError naming `input`); everything else wrong is a problem.
 */
export async function loadMonaco(
  manifestPath: string,
  root: string,
  input = 'monaco-manifest',
  budget?: AuditBudget
): Promise<{ manifest?: MonacoManifest; problems: MonacoProblem[] }> {
  const absolute = await insideWorkspace(root, manifestPath, input)
  const file = relativePath(root, absolute)
  const problems: MonacoProblem[] = []
  const read = await readAuditFile(absolute, file, budget)
  if ('finding' in read)
    return {
      problems: [{ kind: 'unreadable', message: read.finding.message, file }]
    }
  const parsed = parseYaml(
    read.text,
    file,
    'Monaco cannot load it either; fix the manifest'
  )
  if ('finding' in parsed) {
    return {
      problems: [
        {
          kind: 'unreadable',
          message: parsed.finding.message,
          file,
          ...lineOf(parsed.finding)
        }
      ]
    }
  }
  const { doc, lines } = parsed
  const at = (node: unknown): number =>
    lines.linePos((node as Node | undefined)?.range?.[0] ?? 0).line
  const manifest: MonacoManifest = { file, environments: [], projects: [] }

  const groups = getNode(doc.contents, 'environmentGroups', doc)
  for (const g of isSeq(groups) ? groups.items : []) {
    const group = deref(g, doc)
    const groupName = getText(group, 'name', doc) ?? ''
    const envs = getNode(group, 'environments', doc)
    for (const e of isSeq(envs) ? envs.items : []) {
      const env = deref(e, doc)
      const auth = getNode(env, 'auth', doc)
      manifest.environments.push({
        name: getText(env, 'name', doc) ?? '',
        group: groupName,
        line: at(env),
        auth: {
          token: isMap(getNode(auth, 'token', doc)),
          platformToken: isMap(getNode(auth, 'platformToken', doc)),
          oAuth: isMap(getNode(auth, 'oAuth', doc))
        }
      })
    }
  }

  const projects = getNode(doc.contents, 'projects', doc)
  if (!isSeq(projects) || projects.items.length === 0) {
    problems.push({
      kind: 'invalid',
      message: `${show(file, 200)} defines no projects; Monaco fails with "no projects defined in manifest". Add the project folders under projects:.`,
      file,
      line: at(projects ?? doc.contents)
    })
  }
  const manifestDir = dirname(absolute)
  for (const item of isSeq(projects) ? projects.items : []) {
    const node = deref(item, doc)
    const line = at(node)
    const name = getText(node, 'name', doc) ?? ''
    const type = getText(node, 'type', doc) ?? 'simple'
    const path = getText(node, 'path', doc) ?? name
    const invalid = (text: string): void => {
      problems.push({ kind: 'invalid', message: text, file, line })
    }
    if (name === '') {
      invalid(
        `${show(file, 200)}: a project has no name; Monaco fails to load the manifest. Give it a name.`
      )
      continue
    }
    if (type !== 'simple' && type !== 'grouping') {
      invalid(
        `Monaco project ${show(name, 60)} has type ${show(type, 40)}; Monaco knows only simple and grouping.`
      )
      continue
    }
    let folder: string
    try {
      folder = await insideWorkspace(root, resolve(manifestDir, path), input)
      if (!(await lstat(folder)).isDirectory())
        throw new ActionError('not a folder')
    } catch (error) {
      if (!(error instanceof ActionError)) throw error
      invalid(
        `Monaco project ${show(name, 60)}: its folder ${show(path, 80)} (relative to the manifest) does not exist inside the workspace, so Monaco would fail to load it. Fix the project's path or name in the manifest.`
      )
      continue
    }
    const definitions: { name: string; group?: string; folder: string }[] = []
    if (type === 'grouping') {
      const subs = (await readdir(folder, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
      if (subs.length === 0) {
        invalid(
          `Monaco grouping project ${show(name, 60)} has no sub-folders in ${show(path, 80)}; Monaco fails with "no projects found". Put each project in its own folder there.`
        )
        continue
      }
      for (const sub of subs)
        definitions.push({
          name: `${name}.${sub}`,
          group: name,
          folder: join(folder, sub)
        })
    } else {
      definitions.push({ name, folder })
    }
    for (const definition of definitions) {
      const project: MonacoProjectDefinition = {
        name: definition.name,
        path: relativePath(root, definition.folder),
        line,
        configs: []
      }
      if (definition.group !== undefined) project.group = definition.group
      const files: string[] = []
      await findYamlFiles(definition.folder, files)
      for (const configFile of files) {
        await readConfigFile(root, configFile, project, problems, budget)
      }
      manifest.projects.push(project)
    }
  }
  return { manifest, problems }
}

function lineOf(f: { line?: number }): { line?: number } {
  return f.line === undefined ? {} : { line: f.line }
}

async function readConfigFile(
  root: string,
  absolute: string,
  project: MonacoProjectDefinition,
  problems: MonacoProblem[],
  budget: AuditBudget | undefined
): Promise<void> {
  // Symbolic links are skipped while walking, so the file is inside the project folder.
  const file = relativePath(root, absolute)
  const read = await readAuditFile(absolute, file, budget)
  if ('finding' in read) {
    problems.push({ kind: 'unreadable', message: read.finding.message, file })
    return
  }
  const parsed = parseYaml(
    read.text,
    file,
    'Monaco cannot load this config file either; fix it'
  )
  if ('finding' in parsed) {
    problems.push({
      kind: 'unreadable',
      message: parsed.finding.message,
      file,
      ...lineOf(parsed.finding)
    })
    return
  }
  const { doc, lines } = parsed
  const at = (node: unknown): number =>
    lines.linePos((node as Node | undefined)?.range?.[0] ?? 0).line
  const root_ = deref(doc.contents, doc)
  const configs = getNode(root_, 'configs', doc)
  const has = (key: string): boolean => getNode(root_, key, doc) !== undefined
  if (has('config')) {
    problems.push({
      kind: 'invalid',
      message: `${show(file, 200)} has a top-level config: key, the Monaco 1 format; Monaco 2 refuses it. Convert it with monaco convert.`,
      file,
      line: 1
    })
    return
  }
  if (ACCOUNT_KEYS.some(has) && configs === undefined) return // account resources: not deployed by monaco deploy
  if (!isSeq(configs) || configs.items.length === 0) {
    problems.push({
      kind: 'invalid',
      message: `${show(file, 200)} has no configs; Monaco fails with "no configurations found in file". Add configs: or move the file out of the project folder.`,
      file,
      line: at(configs ?? root_)
    })
    return
  }
  for (const item of configs.items) {
    const c = deref(item, doc)
    const line = at(c)
    const id = getText(c, 'id', doc) ?? ''
    const type = parseType(getNode(c, 'type', doc), doc)
    if ('error' in type) {
      problems.push({
        kind: 'invalid',
        message: `Monaco config ${show(id || '?', 60)} ${type.error}; Monaco fails to load the project.`,
        file,
        line: at(getNode(c, 'type', doc) ?? c)
      })
      continue
    }
    const config: MonacoConfig = {
      id,
      project: project.name,
      type,
      file,
      line,
      groupSkip: new Map(),
      environmentSkip: new Map(),
      references: []
    }
    const skip = (holder: unknown): SkipValue | undefined => {
      const node = getNode(holder, 'skip', doc)
      const value = parseSkip(node, doc)
      if (value !== undefined && typeof value === 'object') {
        problems.push({
          kind: 'invalid',
          message: `Monaco config ${show(id || '?', 60)}: ${value.error}; Monaco fails to load it.`,
          file,
          line: at(node)
        })
        return undefined
      }
      return value
    }
    const base = skip(getNode(c, 'config', doc))
    if (base !== undefined) config.skip = base
    for (const [key, field, map] of [
      ['groupOverrides', 'group', config.groupSkip],
      ['environmentOverrides', 'environment', config.environmentSkip]
    ] as const) {
      const overrides = getNode(c, key, doc)
      for (const o of isSeq(overrides) ? overrides.items : []) {
        const override = deref(o, doc)
        const target = getText(override, field, doc)
        const body = getNode(override, 'override', doc)
        const typeNode = getNode(body, 'type', doc)
        if (typeNode !== undefined) {
          // An override holds name, template, skip, parameters, originObjectId only, and
          // Monaco reads config files strictly (config_persistence.go, UnmarshalStrict).
          problems.push({
            kind: 'invalid',
            message: `Monaco config ${show(id || '?', 60)}: ${key} cannot change the type (an override takes name, template, skip, parameters and originObjectId); Monaco fails to load the file. Make a separate config for the other type.`,
            file,
            line: at(typeNode)
          })
        }
        const value = skip(body)
        if (target !== undefined && value !== undefined) map.set(target, value)
      }
    }
    const refs = new Set<string>()
    referencedProjects(c, doc, refs)
    refs.delete(project.name)
    config.references = [...refs]
    project.configs.push(config)
  }
}
