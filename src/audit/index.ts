/**
 * mode: audit — an offline, secretless check of the scopes, lifetimes and IAM
 * policies that workflows ask this action for. It reads files (and, for scope drift, the
 * local git clone) and nothing else: no HTTP client exists in this mode, and nothing
 * here imports one.
 */
import { lstat } from 'node:fs/promises'
import type { AuditModeInputs } from '../inputs.js'
import { neutralise, type Logger } from '../log.js'
import { AuditBudget } from './budget.js'
import { scopeDrift, type Git } from './drift.js'
import { finding, type Finding } from './findings.js'
import {
  compareMonaco,
  mergePlans,
  monacoJobs,
  readMonacoProject,
  type MonacoConsumer
} from './monaco.js'
import { normalise, report } from './report.js'
import { auditStep, type AuditSettings, type TokenPlan } from './rules.js'
import {
  ACTION_DISPLAY_NAME,
  listYamlFiles,
  localActionNames,
  MAX_FILE_BYTES,
  readAuditFile,
  realWorkspace,
  relativePath,
  scanWorkflow,
  type ActionStep,
  type JobInfo
} from './scan.js'
import { plainValue, show, type Value } from './values.js'

/** What the audit found, and how much it looked at. */
export interface AuditResult {
  findings: Finding[]
  files: number
  steps: number
}

/** Where to look and how to log; `git`, `baseRef` and the clock are replaceable for tests. */
export interface AuditEnvironment {
  workspace: string
  debug: (message: string) => void
  info: (message: string) => void
  git?: Git
  baseRef?: string
  now?: () => number
}

/**
 * This step's own inputs as given (no file, no line), so the same rules apply to them: as
 * the token they describe, so without `mode` (which is audit here).
 */
function ownValues(inputs: AuditModeInputs): Map<string, Value> {
  const values = new Map<string, Value>()
  for (const [name, text] of inputs.audit.ownInputs)
    if (name !== 'mode') values.set(name, plainValue(text))
  return values
}

/** The workflow files read: their steps of this action, jobs, and the tokens each job mints. */
interface Scan {
  findings: Finding[]
  scanned: { file: string; steps: ActionStep[] }[]
  jobs: JobInfo[]
  /** The tokens minted per job, by `file\njob`. */
  plans: Map<string, TokenPlan[]>
}

/**
 * Run every check and return the findings, normalised. Throws only ActionError (a path
 * outside the workspace or missing); everything wrong in the scanned files is a finding.
 */
export async function collectFindings(
  inputs: AuditModeInputs,
  env: AuditEnvironment
): Promise<AuditResult> {
  // Pull requests choose what is in the files: the whole audit stays within timeout-seconds
  // and MAX_TOTAL_BYTES.
  const budget = new AuditBudget(inputs.timeoutSeconds, env.now)
  const root = await realWorkspace(env.workspace)
  const settings: AuditSettings = { allowedScopes: inputs.allowedScopes }
  const listed = await listYamlFiles(inputs.audit.paths, root)
  budget.preflight(await auditedSizes(listed.files), 'audit-paths')
  const scan = await scanFiles(listed.files, root, budget, settings)
  const findings: Finding[] = [...listed.findings, ...scan.findings]
  const steps = scan.scanned.reduce((n, f) => n + f.steps.length, 0)
  env.debug(
    `Scope audit: ${listed.files.length} YAML files, ${steps} steps using this action.`
  )

  const own = auditStep(
    { values: ownValues(inputs), own: true, where: {} },
    settings
  )
  findings.push(...own.findings)
  if (inputs.audit.monacoManifest !== undefined) {
    findings.push(
      ...(await monacoFindings(inputs, scan, own.token, root, budget, env))
    )
  }
  findings.push(
    // Every scanned file: one whose steps were all removed still drifts.
    ...(await scopeDrift(
      scan.scanned,
      root,
      env.debug,
      env.git,
      env.baseRef,
      budget
    ))
  )
  return { findings: normalise(findings), files: listed.files.length, steps }
}

/** Read each workflow file and audit its steps of this action. */
async function scanFiles(
  files: string[],
  root: string,
  budget: AuditBudget,
  settings: AuditSettings
): Promise<Scan> {
  const localActionName = localActionNames(root, budget)
  const scan: Scan = { findings: [], scanned: [], jobs: [], plans: new Map() }
  for (const absolute of files) {
    const file = relativePath(root, absolute)
    const read = await readAuditFile(absolute, file, budget)
    if ('finding' in read) {
      scan.findings.push(read.finding)
      continue
    }
    const workflow = scanWorkflow(read.text, file, { localActionName })
    scan.findings.push(...workflow.findings)
    scan.jobs.push(...workflow.jobs)
    scan.scanned.push({ file, steps: workflow.steps })
    for (const step of workflow.steps) {
      const result = auditWorkflowStep(step, file, settings)
      scan.findings.push(...result.findings)
      if (result.token) {
        const key = `${file}\n${step.job}`
        scan.plans.set(key, [...(scan.plans.get(key) ?? []), result.token])
      }
    }
  }
  return scan
}

/** One step of this action (or of a copy) in a workflow file. */
function auditWorkflowStep(
  step: ActionStep,
  file: string,
  settings: AuditSettings
): { findings: Finding[]; token?: TokenPlan } {
  const findings: Finding[] = []
  if (step.copy) {
    findings.push(
      finding(
        'action-copy',
        `${step.label} uses ${show(step.copy.uses, 80)}, a copy of this action (${step.copy.recognisedBy === 'action-name' ? `its action.yml is named "${ACTION_DISPLAY_NAME}"` : 'it passes this action’s inputs'}); it is audited like this action.`,
        { file, line: step.line }
      )
    )
  }
  for (const { name, line } of step.nonScalar) {
    findings.push(
      finding(
        'invalid-value',
        `${neutralise(name, 40)}: must be a string; GitHub rejects a list or map as an input. Write it as one string (a | block for several lines).`,
        { file, line }
      )
    )
  }
  const result = auditStep(
    {
      values: step.with,
      own: false,
      where: { file, line: step.line },
      unjudgeable: new Set(step.nonScalar.map((n) => n.name)),
      job: step.job,
      secretCarriers: step.secretCarriers,
      ...(step.idToken ? { idToken: step.idToken } : {})
    },
    settings
  )
  findings.push(...result.findings)
  return result.token ? { findings, token: result.token } : { findings }
}

/** The Monaco project's needs against the tokens of the jobs that deploy it. */
async function monacoFindings(
  inputs: AuditModeInputs,
  scan: Scan,
  ownToken: TokenPlan | undefined,
  root: string,
  budget: AuditBudget,
  env: AuditEnvironment
): Promise<Finding[]> {
  const manifestPath = inputs.audit.monacoManifest
  if (manifestPath === undefined) return []
  const monaco = await readMonacoProject(manifestPath, root, budget)
  if (!monaco.manifest) return monaco.findings
  const consumers: MonacoConsumer[] = []
  for (const { job, selection } of monacoJobs(
    scan.jobs,
    monaco.manifest.file
  )) {
    const jobPlans = scan.plans.get(`${job.file}\n${job.job}`) ?? []
    if (jobPlans.length > 0) consumers.push(consumerOf(jobPlans, selection))
  }
  if (consumers.length === 0 && ownToken && ownToken.scopes.length > 0)
    consumers.push(
      consumerOf([ownToken], { environments: [], groups: [], projects: [] })
    )
  if (consumers.length === 0) {
    env.info(
      `Monaco: no job that runs Monaco mints a token with this action (and this step has no token-scopes), so the scopes ${monaco.manifest.file} needs were not compared with any token.`
    )
  }
  return [
    ...monaco.findings,
    ...compareMonaco(
      monaco.manifest,
      consumers,
      inputs.audit.monacoEnvironment,
      inputs.allowedScopes
    )
  ]
}

/** Sizes of the files the audit will read (larger ones are skipped with a finding). */
async function auditedSizes(files: string[]): Promise<number[]> {
  const sizes: number[] = []
  for (const file of files) {
    const size = await lstat(file).then(
      (stats) => stats.size,
      () => 0
    )
    if (size <= MAX_FILE_BYTES) sizes.push(size)
  }
  return sizes
}

function consumerOf(
  plans: TokenPlan[],
  selection: MonacoConsumer['selection']
): MonacoConsumer {
  const consumer: MonacoConsumer = { selection }
  const classic = mergePlans(plans.filter((p) => p.type === 'classic'))
  const platform = mergePlans(plans.filter((p) => p.type === 'platform'))
  if (classic) consumer.classic = classic
  if (platform) consumer.platform = platform
  return consumer
}

/**
 * Audit the workflows in `audit-paths` and this step's own inputs; annotate, set
 * `audit-report` / `audit-findings`, write the job summary, and fail per `audit-fail-on`.
 */
export async function runAudit(
  inputs: AuditModeInputs,
  log: Logger
): Promise<void> {
  const result = await collectFindings(inputs, {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    debug: (message) => log.debug(message),
    info: (message) => log.info(message)
  })
  await report(result.findings, log, {
    failOn: inputs.audit.failOn,
    files: result.files,
    steps: result.steps,
    allowedScopes: inputs.allowedScopes
  })
}
