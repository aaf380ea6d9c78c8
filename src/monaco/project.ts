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
  const [pair, ...more] = node.items
  if (pair === undefined) return { error: 'has no type' }
  if (more.length > 0)
    return {
      error: 'has more than one type (only one config type is allowed at once)'
    }
  const keyNode = deref(pair.key, doc)
  const key = isScalar(keyNode) ? scalarText(keyNode) : ''
  return typeOfKind(key, deref(pair.value, doc), doc)
}

/** The map form `type: {<kind>: …}`: what each kind of config type requires. */
function typeOfKind(
  key: string,
  value: Node | undefined,
  doc: Document.Parsed
): MonacoType | { error: string } {
  switch (key) {
    case 'api': {
      const name = isScalar(value)
        ? scalarText(value)
        : (getText(value, 'name', doc) ?? '')
      return api(name.trim())
    }
    case 'settings':
      return settingsType(value, doc)
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

/** `type: {settings: {schema, scope, permissions?}}`. */
function settingsType(
  value: Node | undefined,
  doc: Document.Parsed
): MonacoType | { error: string } {
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

/** A parsed YAML file of the manifest or of a project. */
interface YamlFile {
  /** Workspace-relative path. */
  file: string
  doc: Document.Parsed
  /** The line a node starts on (1 for none). */
  at: (node: unknown) => number
}

/** Read and parse one file; a file that cannot be read or is not YAML is one problem. */
async function readYamlFile(
  absolute: string,
  file: string,
  fix: string,
  budget: AuditBudget | undefined
): Promise<YamlFile | { problem: MonacoProblem }> {
  const read = await readAuditFile(absolute, file, budget)
  if ('finding' in read)
    return {
      problem: { kind: 'unreadable', message: read.finding.message, file }
    }
  const parsed = parseYaml(read.text, file, fix)
  if ('finding' in parsed) {
    return {
      problem: {
        kind: 'unreadable',
        message: parsed.finding.message,
        file,
        ...lineOf(parsed.finding)
      }
    }
  }
  const { doc, lines } = parsed
  const at = (node: unknown): number =>
    lines.linePos((node as Node | undefined)?.range?.[0] ?? 0).line
  return { file, doc, at }
}

function lineOf(f: { line?: number }): { line?: number } {
  return f.line === undefined ? {} : { line: f.line }
}

/** What reading the projects of one manifest shares. */
interface ProjectReader {
  /** The real workspace. */
  root: string
  /** The input naming the manifest, for errors about paths leaving the workspace. */
  input: string
  manifestDir: string
  budget: AuditBudget | undefined
  problems: MonacoProblem[]
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
  const yaml = await readYamlFile(
    absolute,
    relativePath(root, absolute),
    'Monaco cannot load it either; fix the manifest',
    budget
  )
  if ('problem' in yaml) return { problems: [yaml.problem] }
  const { file, doc } = yaml
  const manifest: MonacoManifest = {
    file,
    environments: readEnvironments(yaml),
    projects: []
  }
  const reader: ProjectReader = {
    root,
    input,
    manifestDir: dirname(absolute),
    budget,
    problems: []
  }
  const projects = getNode(doc.contents, 'projects', doc)
  if (!isSeq(projects) || projects.items.length === 0) {
    reader.problems.push({
      kind: 'invalid',
      message: `${show(file, 200)} defines no projects; Monaco fails with "no projects defined in manifest". Add the project folders under projects:.`,
      file,
      line: yaml.at(projects ?? doc.contents)
    })
  }
  for (const item of isSeq(projects) ? projects.items : []) {
    const entry = deref(item, doc)
    manifest.projects.push(...(await readProjectEntry(entry, yaml, reader)))
  }
  return { manifest, problems: reader.problems }
}

/** `environmentGroups[].environments[]` and the credentials each names in `auth`. */
function readEnvironments({ doc, at }: YamlFile): MonacoEnvironment[] {
  const environments: MonacoEnvironment[] = []
  const groups = getNode(doc.contents, 'environmentGroups', doc)
  for (const g of isSeq(groups) ? groups.items : []) {
    const group = deref(g, doc)
    const groupName = getText(group, 'name', doc) ?? ''
    const envs = getNode(group, 'environments', doc)
    for (const e of isSeq(envs) ? envs.items : []) {
      const env = deref(e, doc)
      const auth = getNode(env, 'auth', doc)
      environments.push({
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
  return environments
}

/**
 * One `projects[]` entry of the manifest: a simple project, or the projects of a grouping
 * one; none (and a problem) when Monaco would fail to load it.
 */
async function readProjectEntry(
  node: Node | undefined,
  manifest: YamlFile,
  reader: ProjectReader
): Promise<MonacoProjectDefinition[]> {
  const { doc } = manifest
  const line = manifest.at(node)
  const name = getText(node, 'name', doc) ?? ''
  const type = getText(node, 'type', doc) ?? 'simple'
  const path = getText(node, 'path', doc) ?? name
  const invalid = (text: string): [] => {
    reader.problems.push({
      kind: 'invalid',
      message: text,
      file: manifest.file,
      line
    })
    return []
  }
  if (name === '')
    return invalid(
      `${show(manifest.file, 200)}: a project has no name; Monaco fails to load the manifest. Give it a name.`
    )
  if (type !== 'simple' && type !== 'grouping')
    return invalid(
      `Monaco project ${show(name, 60)} has type ${show(type, 40)}; Monaco knows only simple and grouping.`
    )
  const folder = await projectFolder(path, reader)
  if (folder === undefined)
    return invalid(
      `Monaco project ${show(name, 60)}: its folder ${show(path, 80)} (relative to the manifest) does not exist inside the workspace, so Monaco would fail to load it. Fix the project's path or name in the manifest.`
    )
  const folders =
    type === 'grouping'
      ? await groupedFolders(name, folder)
      : [{ name, folder }]
  if (folders.length === 0)
    return invalid(
      `Monaco grouping project ${show(name, 60)} has no sub-folders in ${show(path, 80)}; Monaco fails with "no projects found". Put each project in its own folder there.`
    )
  const definitions: MonacoProjectDefinition[] = []
  for (const f of folders) definitions.push(await readProject(f, line, reader))
  return definitions
}

/** A project's folder (`path` relative to the manifest), if it is one inside the workspace. */
async function projectFolder(
  path: string,
  reader: ProjectReader
): Promise<string | undefined> {
  try {
    const folder = await insideWorkspace(
      reader.root,
      resolve(reader.manifestDir, path),
      reader.input
    )
    if ((await lstat(folder)).isDirectory()) return folder
  } catch (error) {
    if (!(error instanceof ActionError)) throw error
  }
  return undefined
}

interface ProjectFolder {
  name: string
  /** The grouping project's name. */
  group?: string
  folder: string
}

/** A grouping project: every sub-folder is a project `<grouping>.<sub-folder>`. */
async function groupedFolders(
  name: string,
  folder: string
): Promise<ProjectFolder[]> {
  const subs = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  return subs.map((sub) => ({
    name: `${name}.${sub}`,
    group: name,
    folder: join(folder, sub)
  }))
}

/** One project and the configs of every YAML file in its folder. */
async function readProject(
  { name, group, folder }: ProjectFolder,
  line: number,
  reader: ProjectReader
): Promise<MonacoProjectDefinition> {
  const project: MonacoProjectDefinition = {
    name,
    path: relativePath(reader.root, folder),
    line,
    configs: []
  }
  if (group !== undefined) project.group = group
  const files: string[] = []
  await findYamlFiles(folder, files)
  for (const configFile of files) {
    await readConfigFile(configFile, project, reader)
  }
  return project
}

async function readConfigFile(
  absolute: string,
  project: MonacoProjectDefinition,
  { root, budget, problems }: ProjectReader
): Promise<void> {
  // Symbolic links are skipped while walking, so the file is inside the project folder.
  const yaml = await readYamlFile(
    absolute,
    relativePath(root, absolute),
    'Monaco cannot load this config file either; fix it',
    budget
  )
  if ('problem' in yaml) {
    problems.push(yaml.problem)
    return
  }
  for (const item of configItems(yaml, problems)) {
    const config = readConfig(deref(item, yaml.doc), yaml, project, problems)
    if (config) project.configs.push(config)
  }
}

/** The `configs` of a config file; none when Monaco skips the file or refuses it. */
function configItems(
  { file, doc, at }: YamlFile,
  problems: MonacoProblem[]
): unknown[] {
  const top = deref(doc.contents, doc)
  const configs = getNode(top, 'configs', doc)
  const has = (key: string): boolean => getNode(top, key, doc) !== undefined
  if (has('config')) {
    problems.push({
      kind: 'invalid',
      message: `${show(file, 200)} has a top-level config: key, the Monaco 1 format; Monaco 2 refuses it. Convert it with monaco convert.`,
      file,
      line: 1
    })
    return []
  }
  if (ACCOUNT_KEYS.some(has) && configs === undefined) return [] // account resources: not deployed by monaco deploy
  if (!isSeq(configs) || configs.items.length === 0) {
    problems.push({
      kind: 'invalid',
      message: `${show(file, 200)} has no configs; Monaco fails with "no configurations found in file". Add configs: or move the file out of the project folder.`,
      file,
      line: at(configs ?? top)
    })
    return []
  }
  return configs.items
}

/** One entry of `configs`: its type, skips and references; undefined when its type is refused. */
function readConfig(
  c: Node | undefined,
  yaml: YamlFile,
  project: MonacoProjectDefinition,
  problems: MonacoProblem[]
): MonacoConfig | undefined {
  const { file, doc, at } = yaml
  const id = getText(c, 'id', doc) ?? ''
  const type = parseType(getNode(c, 'type', doc), doc)
  if ('error' in type) {
    problems.push({
      kind: 'invalid',
      message: `Monaco config ${show(id || '?', 60)} ${type.error}; Monaco fails to load the project.`,
      file,
      line: at(getNode(c, 'type', doc) ?? c)
    })
    return undefined
  }
  const config: MonacoConfig = {
    id,
    project: project.name,
    type,
    file,
    line: at(c),
    groupSkip: new Map(),
    environmentSkip: new Map(),
    references: []
  }
  const site: ConfigSite = {
    label: `Monaco config ${show(id || '?', 60)}`,
    yaml,
    problems
  }
  const base = readSkip(getNode(c, 'config', doc), site)
  if (base !== undefined) config.skip = base
  readOverrides(c, config, site)
  const refs = new Set<string>()
  referencedProjects(c, doc, refs)
  refs.delete(project.name)
  config.references = [...refs]
  return config
}

/** Where the problems of one config go, and how messages name it. */
interface ConfigSite {
  label: string
  yaml: YamlFile
  problems: MonacoProblem[]
}

/** The `skip` of a config or of one of its overrides; a refused one is a problem. */
function readSkip(holder: unknown, site: ConfigSite): SkipValue | undefined {
  const { doc, file, at } = site.yaml
  const node = getNode(holder, 'skip', doc)
  const value = parseSkip(node, doc)
  if (value !== undefined && typeof value === 'object') {
    site.problems.push({
      kind: 'invalid',
      message: `${site.label}: ${value.error}; Monaco fails to load it.`,
      file,
      line: at(node)
    })
    return undefined
  }
  return value
}

/** `groupOverrides[]` and `environmentOverrides[]`: the skips they set, by group or environment. */
function readOverrides(
  c: Node | undefined,
  config: MonacoConfig,
  site: ConfigSite
): void {
  const { doc, file, at } = site.yaml
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
        // Monaco reads config files strictly
        // (pkg/config/internal/persistence/config_persistence.go, UnmarshalStrict).
        site.problems.push({
          kind: 'invalid',
          message: `${site.label}: ${key} cannot change the type (an override takes name, template, skip, parameters and originObjectId); Monaco fails to load the file. Make a separate config for the other type.`,
          file,
          line: at(typeNode)
        })
      }
      const value = readSkip(body, site)
      if (target !== undefined && value !== undefined) map.set(target, value)
    }
  }
}
