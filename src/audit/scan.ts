/**
 * Finding workflow files and the steps in them that use this action, with every `with:`
 * value and its line. Reads files only: nothing here runs, fetches or evaluates anything.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { lstat, readdir, readFile, realpath } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap
} from 'yaml'
import { ActionError } from '../errors.js'
import type { AuditBudget } from './budget.js'
import { finding, type Finding } from './findings.js'
import {
  deref,
  fileContainer,
  hideLiteralSecrets,
  plainValue,
  scalarText,
  scalarValue,
  show,
  type Value
} from './values.js'

/** A step that uses this action, and its `with:` values. */
export interface ActionStep {
  file: string
  /** Line of the step (its first key). */
  line: number
  /** Job ID, or `runs` for a composite action's steps. */
  job: string
  /** `step "id"`, `step "name"` or `step 3`, for messages. */
  label: string
  /** The `with:` values, a literal client secret blanked (hideLiteralSecrets). */
  with: ReadonlyMap<string, Value>
  /** Inputs that carried the literal client secret. */
  secretCarriers: string[]
  /** `with:` entries that are not plain values (a list or a map), with their line. */
  nonScalar: { name: string; line: number }[]
  /** Whether the job grants `id-token: write`; absent when the file cannot tell. */
  idToken?: 'write' | 'none'
  /**
   * Set when `uses:` names another action that is a copy of this one: a local action whose
   * action.yml keeps this action's `name:`, or a step that passes this action's inputs.
   */
  copy?: { uses: string; recognisedBy: 'action-name' | 'inputs' }
}

/** This action's `name:` in action.yml; a local copy that keeps it is audited too. */
export const ACTION_DISPLAY_NAME = 'Configure Dynatrace credentials'

/**
 * Inputs only this action has. A step with two or more of them (and an OAuth client, a
 * GitHub ID token audience, or an audit/revoke mode) is a fork or copy of this action
 * under another name.
 */
const DISTINCTIVE_INPUTS = [
  'token-scopes',
  'token-type',
  'token-lifetime',
  'account-urn',
  'oauth-scopes',
  'policies',
  'bindings',
  'allowed-scopes',
  'monaco-manifest',
  'platform-token-owner',
  'oidc-audience'
]

/** Does a step that names another action pass this action's inputs? */
function hasThisActionsInputs(names: Iterable<string>): boolean {
  const set = new Set(names)
  const distinctive = DISTINCTIVE_INPUTS.filter((n) => set.has(n)).length
  return (
    distinctive >= 2 &&
    (set.has('client-id') ||
      set.has('client-secret') ||
      set.has('oidc-audience') ||
      set.has('mode'))
  )
}

/** Options for scanWorkflow. */
export interface ScanOptions {
  /** The `name:` of a local action (`uses: ./path`), or undefined when it has none or cannot be read. */
  localActionName?: (uses: string) => string | undefined
}

/** What a job runs besides this action: enough to tell which job deploys with Monaco. */
export interface JobInfo {
  file: string
  job: string
  /** `run:` scripts with their working directory (step's, else the job's default). */
  runs: { script: string; workingDirectory?: string }[]
  /** Some step runs `monaco` or uses an action with "monaco" in its name. */
  usesMonaco: boolean
}

/** One workflow file, parsed. */
export interface ScannedWorkflow {
  steps: ActionStep[]
  jobs: JobInfo[]
  findings: Finding[]
}

/** Largest workflow file the audit reads; GitHub's own limit is far smaller. */
export const MAX_FILE_BYTES = 1024 * 1024
/** Most YAML files one audit reads; a larger tree is almost certainly a wrong audit-paths. */
export const MAX_FILES = 2000
const MAX_DEPTH = 16
const SKIPPED_DIRS = new Set(['.git', 'node_modules'])

const USES_THIS_ACTION =
  /^[A-Za-z0-9_.-]+\/configure-dynatrace-credentials(?:\/[^@\s]*)?@[^\s@]+$/i

/** True when a `uses:` value refers to this action (any owner and ref, or the repository itself). */
export function usesThisAction(uses: string): boolean {
  const value = uses.trim()
  return value === './' || value === './.' || USES_THIS_ACTION.test(value)
}

/** A workspace-relative, `/`-separated path for annotations. */
export function relativePath(workspace: string, file: string): string {
  return relative(workspace, file).split(sep).join('/')
}

const isYaml = (name: string): boolean =>
  ['.yml', '.yaml'].includes(extname(name).toLowerCase())

/**
 * Resolve `paths` (files or folders, relative to the workspace) to the YAML files under
 * them. Paths must stay inside the workspace; symbolic links met while walking a folder
 * are skipped, so a pull request cannot point the audit at files outside the checkout.
 */
export async function listYamlFiles(
  paths: string[],
  workspace: string,
  input = 'audit-paths'
): Promise<{ files: string[]; findings: Finding[] }> {
  const root = await realWorkspace(workspace)
  const files = new Set<string>()
  const findings: Finding[] = []
  let truncated = false

  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || truncated) return
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      const file = relativePath(root, dir)
      findings.push(
        finding(
          'unreadable-file',
          `The folder ${show(file)} could not be read (${code}).`,
          { file }
        )
      )
      return
    }
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) {
        await walk(path, depth + 1)
      } else if (entry.isFile() && isYaml(entry.name)) {
        if (files.size >= MAX_FILES) {
          truncated = true
          return
        }
        files.add(path)
      }
    }
  }

  for (const path of paths) {
    const absolute = await insideWorkspace(root, path, input)
    const stats = await lstat(absolute)
    if (stats.isDirectory()) await walk(absolute, 0)
    else if (stats.isFile()) files.add(absolute)
    else {
      throw new ActionError(
        `${input}: ${show(path)} is neither a file nor a folder; give workflow files or folders inside the workspace.`
      )
    }
  }
  if (truncated) {
    findings.push(
      finding(
        'unreadable-file',
        `${input}: more than ${MAX_FILES} YAML files; only the first ${MAX_FILES} were audited. Point ${input} at the workflow folders (e.g. .github/workflows).`,
        {},
        undefined,
        'warning'
      )
    )
  }
  return { files: [...files], findings }
}

/** The workspace with symbolic links resolved; a clear error when it does not exist. */
export async function realWorkspace(workspace: string): Promise<string> {
  try {
    return await realpath(workspace)
  } catch {
    throw new ActionError(
      `The workspace ${show(workspace, 200)} does not exist; run actions/checkout before this step.`
    )
  }
}

/**
 * The absolute path of `path` (relative to the real workspace `root`), after checking
 * that it exists and, with symbolic links resolved, stays inside the workspace.
 */
export async function insideWorkspace(
  root: string,
  path: string,
  input: string
): Promise<string> {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000]/.test(path)) {
    throw new ActionError(`${input}: ${show(path)} is not a path.`)
  }
  const absolute = resolve(root, path)
  let real: string
  try {
    real = await realpath(absolute)
  } catch {
    throw new ActionError(
      `${input}: ${show(path)} does not exist in the workspace. Check the path, and that actions/checkout ran before this step.`
    )
  }
  const rel = relative(root, real)
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new ActionError(
      `${input}: ${show(path)} is outside the workspace; the audit reads only files of the checked-out repository.`
    )
  }
  return real
}

/**
 * Reads the `name:` of local actions (`uses: ./path`) inside the workspace `root`, once
 * each. Only a regular action.yml/action.yaml that stays inside the workspace (links
 * resolved) and is no larger than a workflow file is read.
 */
export function localActionNames(
  root: string,
  budget?: AuditBudget
): (uses: string) => string | undefined {
  const cache = new Map<string, string | undefined>()
  const read = (uses: string): string | undefined => {
    const dir = resolve(root, uses.replace(/@.*$/, ''))
    for (const name of ['action.yml', 'action.yaml']) {
      try {
        const real = realpathSync(join(dir, name))
        const rel = relative(root, real)
        if (rel.startsWith('..') || isAbsolute(rel)) return undefined
        const stats = statSync(real)
        if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return undefined
        budget?.charge(stats.size, rel.split(sep).join('/'))
        const text = readFileSync(real, 'utf8')
        const match = /^name:[ \t]*(['"]?)(.*?)\1[ \t]*(?:#.*)?$/m.exec(text)
        return match?.[2]
      } catch (error) {
        if (error instanceof ActionError) throw error // The budget is spent.
        continue
      }
    }
    return undefined
  }
  return (uses) => {
    if (!cache.has(uses)) cache.set(uses, read(uses))
    return cache.get(uses)
  }
}

/** The finding for a file the file system would not give us. */
function unreadable(file: string, error: unknown): { finding: Finding } {
  const code = (error as NodeJS.ErrnoException).code ?? 'error'
  return {
    finding: finding(
      'unreadable-file',
      `${show(file)} could not be read (${code}).`,
      { file }
    )
  }
}

/**
 * Read a file for the audit, or a finding saying why it cannot be read. With a budget, the
 * time and the file's bytes are checked against it first (an ActionError when spent).
 */
export async function readAuditFile(
  absolute: string,
  file: string,
  budget?: AuditBudget
): Promise<{ text: string } | { finding: Finding }> {
  budget?.checkTime(file)
  let stats
  try {
    stats = await lstat(absolute)
  } catch (error) {
    return unreadable(file, error)
  }
  if (stats.size > MAX_FILE_BYTES) {
    return {
      finding: finding(
        'unreadable-file',
        `${show(file)} is larger than ${MAX_FILE_BYTES / 1024} KiB and was not audited.`,
        { file }
      )
    }
  }
  budget?.charge(stats.size, file)
  try {
    return { text: await readFile(absolute, 'utf8') }
  } catch (error) {
    return unreadable(file, error)
  }
}

/**
 * Parse YAML for the audit. A file that is not valid YAML gives one finding at the line of
 * its first error (GitHub rejects such a workflow too) instead of a document.
 */
export function parseYaml(
  text: string,
  file: string,
  fix: string
): { doc: Document.Parsed; lines: LineCounter } | { finding: Finding } {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const error = doc.errors[0]
  if (error) {
    const line = lines.linePos(error.pos[0]).line
    const reason = error.message.split('\n')[0] ?? error.code
    return {
      finding: finding(
        'unreadable-file',
        `${show(file)} is not valid YAML (line ${line}: ${show(reason, 120)}); ${fix}.`,
        { file, line }
      )
    }
  }
  return { doc, lines }
}

/** A map entry's node, aliases followed. */
export function getNode(
  map: unknown,
  key: string,
  doc: Document.Parsed
): Node | undefined {
  return isMap(map) ? deref(map.get(key, true), doc) : undefined
}

/** A map entry's scalar text, or undefined when it is missing or not a scalar. */
export function getText(
  map: unknown,
  key: string,
  doc: Document.Parsed
): string | undefined {
  const node = getNode(map, key, doc)
  return isScalar(node) ? scalarText(node) : undefined
}

/** Parse one workflow (or composite action) file and collect the steps that use this action. */
export function scanWorkflow(
  text: string,
  file: string,
  options: ScanOptions = {}
): ScannedWorkflow {
  const parsed = parseYaml(
    text,
    file,
    'GitHub rejects such a workflow too, and the audit cannot check it'
  )
  if ('finding' in parsed)
    return { steps: [], jobs: [], findings: [parsed.finding] }
  const { doc, lines } = parsed
  const workflow: WorkflowFile = {
    file,
    doc,
    lines,
    container: fileContainer(text, file, lines),
    options
  }
  const scanned: ScannedWorkflow = { steps: [], jobs: [], findings: [] }
  const root = deref(doc.contents, doc)
  if (isMap(root)) {
    const jobsNode = getNode(root, 'jobs', doc)
    if (isMap(jobsNode)) {
      for (const pair of jobsNode.items) {
        const key = deref(pair.key, doc)
        const job = isScalar(key) ? scalarText(key) : '?'
        const jobNode = deref(pair.value, doc)
        const idToken = idTokenPermission(root, jobNode, doc)
        scanJob(workflow, scanned, job, jobNode, idToken)
      }
    }
    // A composite action (action.yml) in the scanned paths: its steps count too.
    scanJob(workflow, scanned, 'runs', getNode(root, 'runs', doc))
  }
  return scanned
}

/** One parsed workflow file, as the scan of its jobs and steps reads it. */
interface WorkflowFile {
  file: string
  doc: Document.Parsed
  lines: LineCounter
  container: ReturnType<typeof fileContainer>
  options: ScanOptions
}

/** A job (or a composite action's `runs`): what it runs, and its steps that use this action. */
function scanJob(
  workflow: WorkflowFile,
  scanned: ScannedWorkflow,
  job: string,
  jobNode: unknown,
  idToken?: 'write' | 'none'
): void {
  const { file, doc } = workflow
  const stepsNode = getNode(jobNode, 'steps', doc)
  if (!isSeq(stepsNode)) return
  const defaultDir = getText(
    getNode(getNode(jobNode, 'defaults', doc), 'run', doc),
    'working-directory',
    doc
  )
  const info: JobInfo = { file, job, runs: [], usesMonaco: false }
  stepsNode.items.forEach((item, index) => {
    const step = deref(item, doc)
    if (!isMap(step)) return
    noteRun(info, step, defaultDir, doc)
    const found = actionStep(workflow, step, { job, index, idToken })
    if (found) scanned.steps.push(found)
  })
  scanned.jobs.push(info)
}

/** What a step runs: its `run:` script, and whether it runs Monaco. */
function noteRun(
  info: JobInfo,
  step: YAMLMap,
  defaultDir: string | undefined,
  doc: Document.Parsed
): void {
  const run = getText(step, 'run', doc)
  if (run !== undefined) {
    const workingDirectory =
      getText(step, 'working-directory', doc) ?? defaultDir
    info.runs.push({
      script: run,
      ...(workingDirectory !== undefined ? { workingDirectory } : {})
    })
    if (/\bmonaco\b/i.test(run)) info.usesMonaco = true
  }
  if (/monaco/i.test(getText(step, 'uses', doc) ?? '')) info.usesMonaco = true
}

/** The step with its `with:` values when it uses this action or a copy of it. */
function actionStep(
  workflow: WorkflowFile,
  step: YAMLMap,
  at: { job: string; index: number; idToken?: 'write' | 'none' | undefined }
): ActionStep | undefined {
  const { file, doc, lines } = workflow
  const uses = getText(step, 'uses', doc) ?? ''
  const values = withValues(getNode(step, 'with', doc), workflow)
  const recognised = recogniseAction(uses, values, workflow.options)
  if (!recognised) return undefined
  const hidden = hideLiteralSecrets(values.with)
  return {
    file,
    line: lines.linePos(step.range?.[0] ?? 0).line,
    job: at.job,
    label: stepLabel(step, at.index, doc),
    nonScalar: values.nonScalar,
    with: hidden.values,
    secretCarriers: hidden.carriers,
    ...recognised,
    ...(at.idToken ? { idToken: at.idToken } : {})
  }
}

/**
 * `{}` for a step that uses this action, `{copy}` for one that uses a copy of it (a local
 * action keeping its name, or another action passing its inputs), undefined otherwise.
 */
function recogniseAction(
  uses: string,
  values: Pick<ActionStep, 'with' | 'nonScalar'>,
  options: ScanOptions
): Pick<ActionStep, 'copy'> | undefined {
  if (usesThisAction(uses)) return {}
  if (uses === '' || uses.startsWith('docker://')) return undefined
  if (
    uses.startsWith('./') &&
    options.localActionName?.(uses) === ACTION_DISPLAY_NAME
  ) {
    return { copy: { uses, recognisedBy: 'action-name' } }
  }
  const inputs = [...values.with.keys(), ...values.nonScalar.map((n) => n.name)]
  return hasThisActionsInputs(inputs)
    ? { copy: { uses, recognisedBy: 'inputs' } }
    : undefined
}

/** `step "id"`, `step "name"` or `step 3`, for messages. */
function stepLabel(step: YAMLMap, index: number, doc: Document.Parsed): string {
  const id = getText(step, 'id', doc)
  if (id !== undefined) return `step ${show(id, 40)}`
  const name = getText(step, 'name', doc)
  return name !== undefined ? `step ${show(name, 40)}` : `step ${index + 1}`
}

/**
 * Whether a job may request a GitHub ID token: its own `permissions`, else the
 * workflow's; neither set gives no `id-token` (GitHub's default token permissions never
 * include it). Undefined when the file cannot tell: an expression, or a reusable
 * workflow without permissions (its caller's apply).
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions
 */
function idTokenPermission(
  root: unknown,
  jobNode: unknown,
  doc: Document.Parsed
): 'write' | 'none' | undefined {
  const permissions =
    getNode(jobNode, 'permissions', doc) ?? getNode(root, 'permissions', doc)
  if (permissions === undefined || permissions === null) {
    const on = getNode(root, 'on', doc)
    const triggers = isScalar(on)
      ? [scalarText(on)]
      : isSeq(on)
        ? on.items.map((i) => (isScalar(i) ? scalarText(i) : ''))
        : isMap(on)
          ? on.items.map((p) => (isScalar(p.key) ? scalarText(p.key) : ''))
          : []
    return triggers.includes('workflow_call') ? undefined : 'none'
  }
  if (isScalar(permissions)) {
    const text = scalarText(permissions).trim()
    if (text.includes('${{')) return undefined
    return text === 'write-all' ? 'write' : 'none'
  }
  if (!isMap(permissions)) return undefined
  const value = getText(permissions, 'id-token', doc)
  if (value === undefined) return 'none'
  if (value.includes('${{')) return undefined
  return value.trim() === 'write' ? 'write' : 'none'
}

function withValues(
  node: Node | undefined,
  { file, doc, lines, container }: WorkflowFile
): Pick<ActionStep, 'with' | 'nonScalar'> {
  const values = new Map<string, Value>()
  const nonScalar: ActionStep['nonScalar'] = []
  if (!isMap(node)) return { with: values, nonScalar }
  for (const pair of (node as YAMLMap).items) {
    const key = deref(pair.key, doc)
    if (!isScalar(key)) continue
    const name = scalarText(key)
    const value = deref(pair.value, doc)
    if (isScalar(value)) values.set(name, scalarValue(value, container))
    else if (value === undefined || value === null) {
      // `token-scopes:` with nothing after it is an empty string to the runner.
      const empty = plainValue('')
      empty.file = file
      const line = lines.linePos(key.range?.[0] ?? 0).line
      empty.line = line
      empty.lineOf = () => line
      values.set(name, empty)
    } else {
      nonScalar.push({ name, line: lines.linePos(value.range?.[0] ?? 0).line })
    }
  }
  return { with: values, nonScalar }
}
