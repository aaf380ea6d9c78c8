/**
 * The IAM inputs: `policies` (YAML list of name/description/statement) and `bindings`
 * (YAML list of policy/groups/level). Statements are parsed by src/policy-statement.ts;
 * positions inside a statement are mapped back to the workflow line they are on.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml'
import {
  formatPolicyError,
  parsePolicyStatements
} from '../policy-statement.js'
import {
  POLICY_PERMISSIONS,
  RETIRED_SCOPE_PREFIXES,
  WRITE_ACTIONS,
  suggest
} from '../scopes.js'
import { finding, type Finding } from './findings.js'
import {
  deref,
  scalarText,
  scalarValue,
  show,
  valueContainer,
  where,
  type Value
} from './values.js'

/** The value parsed as YAML, or a finding saying it is not YAML. */
function parseNested(
  value: Value,
  input: string,
  shape: string
): { doc: Document.Parsed } | { finding: Finding } {
  const doc = parseDocument(value.text, { prettyErrors: false })
  const error = doc.errors[0]
  if (error) {
    const reason = error.message.split('\n')[0] ?? error.code
    const line = value.lineOf(error.pos[0]) ?? value.line
    return {
      finding: finding(
        'invalid-value',
        `${input}: is not valid YAML (${show(reason, 120)}); give ${shape}.`,
        { ...where(value), ...(line !== undefined ? { line } : {}) }
      )
    }
  }
  return { doc }
}

/** Text of a map entry, aliases followed. */
function text(
  map: unknown,
  key: string,
  doc: Document.Parsed
): string | undefined {
  if (!isMap(map)) return undefined
  const node = deref(map.get(key, true), doc)
  return isScalar(node) ? scalarText(node) : undefined
}

/** A Where for an offset of a nested node. */
function at(value: Value, offset: number): { file?: string; line?: number } {
  const line = value.lineOf(offset) ?? value.line
  return { ...where(value), ...(line !== undefined ? { line } : {}) }
}

/** True for permissions that change something (write, manage, admin, delete, …). */
export function isWritePermission(permission: string): boolean {
  const action = permission.split(':').pop() ?? ''
  return WRITE_ACTIONS.includes(action.split('-')[0] ?? '')
}

/** policy-syntax, unknown-permission and unconditioned-write for the `policies` input. */
export function auditPolicies(value: Value, input: string): Finding[] {
  if (value.text.trim() === '') return []
  const shape =
    'a YAML list of policies, each with name, description and statement'
  const parsed = parseNested(value, input, shape)
  if ('finding' in parsed) return [parsed.finding]
  const { doc } = parsed
  const root = deref(doc.contents, doc)
  if (!isSeq(root)) {
    return [
      finding('invalid-value', `${input}: must be ${shape}.`, where(value))
    ]
  }
  const container = valueContainer(value)
  const findings: Finding[] = []
  root.items.forEach((item, index) => {
    const policy = deref(item, doc)
    const start = policy?.range?.[0] ?? 0
    const name = text(policy, 'name', doc)
    const title =
      name !== undefined ? `policy ${show(name, 60)}` : `policy ${index + 1}`
    const statementNode = isMap(policy)
      ? deref(
          policy.get('statement', true) ?? policy.get('statementQuery', true),
          doc
        )
      : undefined
    if (!isScalar(statementNode) || scalarText(statementNode).trim() === '') {
      findings.push(
        finding(
          'invalid-value',
          `${input}: ${title} has no statement; give each policy a statement such as "ALLOW settings:objects:read;".`,
          at(value, start)
        )
      )
      return
    }
    const statement = scalarValue(statementNode, container)
    const result = parsePolicyStatements(statement.text)
    for (const error of result.errors) {
      findings.push(
        finding(
          'policy-syntax',
          `${input}: ${title}: statement ${formatPolicyError(error)}. Dynatrace would reject the policy; statements read ALLOW|DENY <permission>[, <permission>] [WHERE <condition> [AND <condition>]];`,
          at(statement, error.offset)
        )
      )
    }
    for (const s of result.statements) {
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
  })
  return findings
}

const LEVEL = /^(account|environment|environment:[a-z0-9][a-z0-9-]{1,62})$/

/** invalid-value for a `bindings` input whose shape the step would reject. */
export function auditBindings(value: Value, input: string): Finding[] {
  if (value.text.trim() === '') return []
  const shape =
    'a YAML list of bindings, each with policy, groups and optionally level'
  const parsed = parseNested(value, input, shape)
  if ('finding' in parsed) return [parsed.finding]
  const { doc } = parsed
  const root = deref(doc.contents, doc)
  if (!isSeq(root)) {
    return [
      finding('invalid-value', `${input}: must be ${shape}.`, where(value))
    ]
  }
  const findings: Finding[] = []
  root.items.forEach((item, index) => {
    const binding = deref(item, doc)
    const loc = at(value, binding?.range?.[0] ?? 0)
    const problems: string[] = []
    if (!isMap(binding)) {
      problems.push('is not a map with policy, groups and level')
    } else {
      if (!text(binding, 'policy', doc)?.trim()) problems.push('has no policy')
      const groups = deref(binding.get('groups', true), doc)
      const hasGroups = isSeq(groups)
        ? groups.items.length > 0
        : isScalar(groups) && scalarText(groups).trim() !== ''
      if (!hasGroups) problems.push('has no groups')
      const level = text(binding, 'level', doc)
      if (level !== undefined && !LEVEL.test(level.trim())) {
        problems.push(
          `has level ${show(level, 60)}, which is not account, environment or environment:<id>`
        )
      }
    }
    if (problems.length > 0) {
      findings.push(
        finding(
          'invalid-value',
          `${input}: binding ${index + 1} ${problems.join(' and ')}; the step would fail.`,
          loc
        )
      )
    }
  })
  return findings
}
