/** What the audit reports: findings and the catalogue of rules that produce them. */

/** How serious a finding is; also its annotation level. */
export type Severity = 'error' | 'warning' | 'notice'

/** One finding, in the shape of the `audit-report` output (described in action.yml and the README). */
export interface Finding {
  severity: Severity
  rule: RuleId
  message: string
  /** Workspace-relative path, `/`-separated; absent for this step's own inputs. */
  file?: string
  /** 1-based line in `file`. */
  line?: number
  scope?: string
}

/** Every rule with its usual severity and one line on what it catches (used by docs and tests). */
export const RULES = {
  'unknown-scope': {
    severity: 'error',
    catches: 'a scope name Dynatrace does not know for this kind of token'
  },
  'deprecated-scope': {
    severity: 'warning',
    catches: 'a scope Dynatrace has replaced with another name'
  },
  'retired-scope': {
    severity: 'error',
    catches:
      'a scope that no longer works (Cloud Automation, legacy classic scopes)'
  },
  'escalation-scope': {
    severity: 'error',
    catches: 'a minted token that could mint or manage credentials or IAM'
  },
  'scope-not-allowed': {
    severity: 'error',
    catches: 'a scope outside allowed-scopes'
  },
  'long-lifetime': {
    severity: 'warning',
    catches: 'a token lifetime above 24h'
  },
  'revoke-disabled': {
    severity: 'warning',
    catches: 'revoke: false (the token outlives the job)'
  },
  'export-variable': {
    severity: 'notice',
    catches: 'the token exported to every later step of the job'
  },
  'policy-syntax': {
    severity: 'error',
    catches: 'an IAM policy statement Dynatrace would reject'
  },
  'unknown-permission': {
    severity: 'warning',
    catches: 'an IAM permission the audit does not know'
  },
  'unconditioned-write': {
    severity: 'warning',
    catches: 'a write/manage/admin/delete permission granted without WHERE'
  },
  'monaco-missing-scope': {
    severity: 'error',
    catches: 'a scope the Monaco project needs but the token lacks'
  },
  'monaco-unknown-type': {
    severity: 'warning',
    catches:
      'a Monaco config type whose scopes no public source states (not compared)'
  },
  'monaco-unneeded-scope': {
    severity: 'warning',
    catches: 'a scope no config type of the Monaco project needs'
  },
  'scope-drift': {
    severity: 'warning',
    catches:
      'scopes added (warning) or removed (notice) against the base branch'
  },
  'oidc-permission': {
    severity: 'error',
    catches: 'auth: github-oidc in a job without the permission id-token: write'
  },
  'prefer-oidc': {
    severity: 'notice',
    catches:
      'a client secret where auth: github-oidc would do (classic or no token, no IAM)'
  },
  'expression-value': {
    severity: 'warning',
    catches:
      'an audited input set by a ${{ }} expression, which cannot be proven safe offline'
  },
  'action-copy': {
    severity: 'notice',
    catches:
      'a step that uses a copy of this action under another name (audited like this action)'
  },
  'invalid-value': {
    severity: 'error',
    catches: 'an input value the step would reject'
  },
  'unreadable-file': {
    severity: 'error',
    catches: 'a workflow or manifest that is not valid YAML or cannot be read'
  }
} as const satisfies Record<string, { severity: Severity; catches: string }>

/** A rule's stable id, as in the `rule` field of `audit-report`. */
export type RuleId = keyof typeof RULES

/** A finding with the rule's usual severity. */
export function finding(
  rule: RuleId,
  message: string,
  where: { file?: string | undefined; line?: number | undefined } = {},
  scope?: string,
  severity: Severity = RULES[rule].severity
): Finding {
  const out: Finding = { severity, rule, message }
  if (where.file !== undefined) out.file = where.file
  if (where.line !== undefined) out.line = where.line
  if (scope !== undefined) out.scope = scope
  return out
}
