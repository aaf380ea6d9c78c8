/**
 * The IAM inputs in the audit. They are read by the same parser as the mint step
 * (src/iam/parse.ts), so the audit reports exactly what the step would reject, at the
 * workflow line it is on; on top, it judges the permissions of valid statements.
 */
import { isScalar } from 'yaml'
import {
  formatPath,
  nodeAt,
  readBindings,
  readPolicies,
  type IamInput,
  type IamProblem
} from '../iam/parse.js'
import { suggest } from '../scope-check.js'
import { RETIRED_SCOPE_PREFIXES } from '../scopes.js'
import { POLICY_PERMISSIONS, WRITE_ACTIONS } from './scope-data.js'
import { finding, type Finding } from './findings.js'
import {
  scalarValue,
  show,
  valueContainer,
  where,
  type Value
} from './values.js'

/** A Where for an offset in `value`'s text. */
function at(value: Value, offset: number): { file?: string; line?: number } {
  const line = value.lineOf(offset) ?? value.line
  return { ...where(value), ...(line !== undefined ? { line } : {}) }
}

/**
 * The step's problems with an input as findings: statement syntax errors as
 * `policy-syntax` (at the line inside the statement), the rest as `invalid-value`.
 * `label` is the input as messages name it ("policies", "This step's policies").
 */
function problemFindings<T>(
  read: IamInput<T>,
  value: Value,
  label: string
): Finding[] {
  const container = valueContainer(value)
  return read.problems.map((problem: IamProblem) => {
    const [, ...rest] = problem.path
    const path = `${label}${formatPath(['', ...rest])}`
    const offset = problem.node?.range?.[0] ?? 0
    if (problem.statementOffset !== undefined && isScalar(problem.node)) {
      // Named by the policy's name, as a reviewer reads the YAML.
      const index = problem.path[1]
      const name =
        read.doc && typeof index === 'number'
          ? nodeAt(read.doc, ['policies', index, 'name'])
          : undefined
      const title = isScalar(name)
        ? `policy ${show(String(name.value), 60)}`
        : `policy ${Number(index) + 1}`
      const statement = scalarValue(problem.node, container)
      return finding(
        'policy-syntax',
        `${label}: ${title}: statement ${problem.message} Dynatrace would reject the policy; statements read ALLOW|DENY <permission>[, <permission>] [WHERE <condition> [AND <condition>]];`,
        at(statement, problem.statementOffset)
      )
    }
    return finding(
      'invalid-value',
      `${path}: ${problem.message} The step would fail.`,
      problem.node ? at(value, offset) : where(value)
    )
  })
}

/** True for permissions that change something (write, manage, admin, delete, …). */
export function isWritePermission(permission: string): boolean {
  const action = permission.split(':').pop() ?? ''
  return WRITE_ACTIONS.includes(action.split('-')[0] ?? '')
}

/** policy-syntax, unknown-permission and unconditioned-write for the `policies` input. */
export function auditPolicies(value: Value, input: string): Finding[] {
  if (value.text.trim() === '') return []
  const read = readPolicies(value.text)
  const findings = problemFindings(read, value, input)
  const container = valueContainer(value)
  for (const policy of read.specs) {
    const node =
      read.doc && nodeAt(read.doc, ['policies', policy.index, 'statement'])
    const parsed = read.statements.get(policy.index)
    if (!isScalar(node) || !parsed) continue
    const statement = scalarValue(node, container)
    const title = `policy ${show(policy.name, 60)}`
    for (const s of parsed.statements) {
      s.permissions.forEach((permission, i) => {
        const loc = at(statement, s.permissionPositions[i]?.offset ?? 0)
        if (!POLICY_PERMISSIONS.includes(permission)) {
          const retired = Object.entries(RETIRED_SCOPE_PREFIXES).find(([p]) =>
            permission.startsWith(p)
          )?.[1]
          const hints = suggest(permission, POLICY_PERMISSIONS)
          const hint = retired
            ? ` ${retired}.`
            : hints.length > 0
              ? ` Did you mean ${hints.map((h) => show(h)).join(' or ')}?`
              : ' Check it against Dynatrace’s IAM services reference.'
          findings.push(
            finding(
              'unknown-permission',
              `${input}: ${title}: ${show(permission)} is not an IAM permission the audit knows; Dynatrace rejects a policy with an unknown permission.${hint}`,
              loc,
              permission
            )
          )
        }
        if (
          s.effect === 'ALLOW' &&
          s.conditions.length === 0 &&
          isWritePermission(permission)
        ) {
          findings.push(
            finding(
              'unconditioned-write',
              `${input}: ${title}: ALLOW ${show(permission)} has no WHERE condition, so it covers every object of the service. Narrow it (e.g. WHERE settings:schemaId = "builtin:alerting.profile") unless the group really needs all of them.`,
              loc,
              permission
            )
          )
        }
      })
    }
  }
  return findings
}

/** invalid-value for a `bindings` input the step would reject. */
export function auditBindings(value: Value, input: string): Finding[] {
  if (value.text.trim() === '') return []
  return problemFindings(readBindings(value.text), value, input)
}
