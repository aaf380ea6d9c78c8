import {
  ACTION_DISPLAY_NAME,
  MAX_FILE_BYTES,
  describeType,
  environmentsWith,
  finding,
  hasExpression,
  listYamlFiles,
  loadMonaco,
  localActionNames,
  locate,
  otherCredential,
  plainValue,
  planDeploy,
  readAuditFile,
  realWorkspace,
  relativePath,
  scalarValue,
  scanWorkflow,
  scopesNeeded,
  selectionOf,
  show,
  valueContainer,
  where
} from "./chunk-X4SBDRC5.js";
import {
  formatPath,
  nodeAt,
  readBindings,
  readPolicies
} from "./chunk-P6W3OFPQ.js";
import { federationRefusals, unmetRequirements } from "./group-main-F9FADEA7.js";
import { CONTEXTUAL, CONTEXT_FIELDS, FIELDS } from "./group-shared-6CC45263.js";
import {
  require_dist
} from "./chunk-75AJRJHV.js";
import { neutralise } from "./group-shared-6CC45263.js";
import { Output } from "./group-shared-6CC45263.js";
import { require_path, setOutput } from "./group-shared-6CC45263.js";
import { escapeHtml, writeSummary } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";
import {
  checkScope,
  suggest
} from "./chunk-IK6WG5DE.js";
import { ACCOUNT_SCOPES, CLASSIC_LEGACY_SCOPES, PLATFORM_SCOPES, RETIRED_SCOPE_PREFIXES, lookup } from "./group-main-F9FADEA7.js";
import { Problem, parseList, tokenLifetime, tokenTypeOf } from "./group-shared-6CC45263.js";
import { formatDuration } from "./group-shared-6CC45263.js";

import { ActionError } from "./group-shared-6CC45263.js";
import { __commonJS, __require, __toESM } from "./group-shared-6CC45263.js";

// builtin-cjs:child_process
var require_child_process = __commonJS({
  "builtin-cjs:child_process"(exports, module) {
    module.exports = __require("node:child_process");
  }
});

// src/audit/index.ts
import { lstat } from "node:fs/promises";

// src/audit/budget.ts
var MAX_TOTAL_BYTES = 32 * 1024 * 1024;
var mib = (bytes) => `${Math.round(bytes / 1024 / 1024)} MiB`;
var AuditBudget = class {
  constructor(timeoutSeconds, now = Date.now) {
    this.timeoutSeconds = timeoutSeconds;
    this.now = now;
    this.deadline = now() + timeoutSeconds * 1e3;
  }
  timeoutSeconds;
  now;
  deadline;
  bytes = 0;
  /** Milliseconds left (at least 1), for bounding a child process. */
  remainingMs() {
    return Math.max(1, this.deadline - this.now());
  }
  /** Throws when `timeout-seconds` has passed; `next` is the file the audit was about to read. */
  checkTime(next) {
    if (this.now() < this.deadline) return;
    throw new ActionError(
      `The scope audit ran out of time: timeout-seconds (${this.timeoutSeconds} s) passed before it got to ${show(next, 200)}. Point audit-paths at the folders that hold the workflows (e.g. .github/workflows), or raise timeout-seconds.`
    );
  }
  /**
   * Counts `size` bytes of `file` before they are read; throws when the total would pass
   * MAX_TOTAL_BYTES.
   */
  charge(size, file) {
    if (this.bytes + size > MAX_TOTAL_BYTES) {
      throw new ActionError(
        `The scope audit stopped at ${show(file, 200)}: the files it reads (workflows, the Monaco project and their base versions) would total more than ${mib(MAX_TOTAL_BYTES)}, its limit. Point audit-paths at the folders that hold the workflows (e.g. .github/workflows) and monaco-manifest at one project, or audit the rest in another step.`
      );
    }
    this.bytes += size;
  }
  /** Fails before any file is read when `sizes` alone already exceed the limit. */
  preflight(sizes, input) {
    const total = sizes.reduce((sum, size) => sum + size, 0);
    if (total > MAX_TOTAL_BYTES) {
      throw new ActionError(
        `${input}: the ${sizes.length} YAML files under it total ${mib(total)}, more than the ${mib(MAX_TOTAL_BYTES)} the scope audit reads. Point ${input} at the folders that hold the workflows (e.g. .github/workflows), or audit the rest in another step.`
      );
    }
  }
};

// src/audit/drift.ts
var import_node_child_process = __toESM(require_child_process());
var SAFE_REF = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/;
var GIT_TIMEOUT_MS = 1e4;
var OFFLINE_GIT_ENV = {
  // A missing object of a partial clone is an error instead of a fetch from the promisor
  // remote (git's promisor-remote.c; in the 2.39.4+ security releases and in 2.45+).
  GIT_NO_LAZY_FETCH: "1",
  // For a git that predates it: an allow-list of transports that names none, so any fetch
  // (lazy or not) fails before it connects. `git --no-lazy-fetch` would be clearer, but gits
  // before 2.44 reject the option and do nothing at all.
  GIT_ALLOW_PROTOCOL: "",
  GIT_PROTOCOL_FROM_USER: "0",
  // A file name is a path, never a pathspec pattern or magic.
  GIT_LITERAL_PATHSPECS: "1",
  GIT_TERMINAL_PROMPT: "0",
  GIT_OPTIONAL_LOCKS: "0"
};
var runGit = (args, cwd, timeoutMs = GIT_TIMEOUT_MS) => new Promise((resolvePromise, reject) => {
  (0, import_node_child_process.execFile)(
    "git",
    args,
    {
      cwd,
      timeout: Math.max(1, Math.min(timeoutMs, GIT_TIMEOUT_MS)),
      // A base version larger than the audit reads from the workspace is not read either.
      maxBuffer: MAX_FILE_BYTES,
      windowsHide: true,
      env: { ...process.env, ...OFFLINE_GIT_ENV }
    },
    (error, stdout) => error ? reject(error) : resolvePromise(stdout)
  );
});
function declaredScopes(steps) {
  const scopes = /* @__PURE__ */ new Map();
  for (const step of steps) {
    const value = step.with.get("token-scopes");
    if (!value || hasExpression(value.text)) continue;
    for (const scope of parseList(value.text)) {
      if (!scopes.has(scope)) scopes.set(scope, locate(value, scope));
    }
  }
  return scopes;
}
async function baseVersion(git, ref, file, root, debug, budget) {
  const timeout = budget?.remainingMs();
  const name = show(file, 200);
  let text;
  try {
    text = await git(["show", `${ref}:./${file}`], root, timeout);
  } catch (error) {
    const code = error.code;
    if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") {
      debug(
        `Scope drift: ${name} on ${ref} is larger than ${MAX_FILE_BYTES / 1024} KiB; skipped.`
      );
      return void 0;
    }
  }
  if (text !== void 0) {
    budget?.charge(Buffer.byteLength(text), `${ref}:${file}`);
    return text;
  }
  let entry;
  try {
    entry = await git(["ls-tree", "-z", ref, "--", `./${file}`], root, timeout);
  } catch {
    debug(
      `Scope drift: the tree of ${ref} is not in the local clone, so ${name} was not compared (the audit never fetches). Check out with fetch-depth: 0 and without a filter to compare it.`
    );
    return void 0;
  }
  if (entry === "") return "";
  debug(
    `Scope drift: ${name} on ${ref} is not in the local clone (a partial or sparse checkout), so it was not compared (the audit never fetches). Check out with fetch-depth: 0 and without a filter to compare it.`
  );
  return void 0;
}
async function scopeDrift(files, root, debug, git = runGit, base = process.env.GITHUB_BASE_REF ?? "", budget) {
  if (base === "") {
    debug(
      "Scope drift: GITHUB_BASE_REF is not set (not a pull request); skipped."
    );
    return [];
  }
  if (!SAFE_REF.test(base)) {
    debug(
      `Scope drift: base ref ${show(base)} is not a plain branch name; skipped.`
    );
    return [];
  }
  let ref;
  for (const candidate of [`origin/${base}`, base]) {
    try {
      await git(
        ["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`],
        root,
        budget?.remainingMs()
      );
      ref = candidate;
      break;
    } catch {
    }
  }
  if (ref === void 0) {
    debug(
      `Scope drift: neither origin/${base} nor ${base} is available to git here (check out with fetch-depth: 0 to compare); skipped.`
    );
    return [];
  }
  const findings = [];
  for (const { file, steps } of files) {
    budget?.checkTime(`${ref}:${file}`);
    const baseText = await baseVersion(git, ref, file, root, debug, budget);
    if (baseText === void 0) continue;
    const before = declaredScopes(scanWorkflow(baseText, file).steps);
    const after = declaredScopes(steps);
    for (const [scope, at2] of after) {
      if (before.has(scope)) continue;
      findings.push(
        finding(
          "scope-drift",
          `token-scopes: ${show(scope)} is added by this change (${file} on ${base} does not ask for it). Check that the job needs it before merging.`,
          at2,
          scope
        )
      );
    }
    for (const scope of before.keys()) {
      if (after.has(scope)) continue;
      findings.push(
        finding(
          "scope-drift",
          `token-scopes: ${show(scope)} is removed by this change (${file} on ${base} asks for it). Check that no step of the job still needs it.`,
          { file },
          scope,
          "notice"
        )
      );
    }
  }
  return findings;
}

// src/monaco/command.ts
var import_node_path = __toESM(require_path());
var FLAGS = {
  "-e": "environments",
  "--environment": "environments",
  "-g": "groups",
  "--group": "groups",
  "-p": "projects",
  "--project": "projects"
};
function words(text) {
  const out = [];
  const re = /"([^"]*)"|'([^']*)'|(&&|\|\||[;|&#])|([^\s"';|&#]+)/g;
  let current;
  let last = -1;
  for (const m of text.matchAll(re)) {
    if (m[3] !== void 0) break;
    const part = m[1] ?? m[2] ?? m[4] ?? "";
    if (current !== void 0 && m.index === last) current += part;
    else {
      if (current !== void 0) out.push(current);
      current = part;
    }
    last = m.index + m[0].length;
  }
  if (current !== void 0) out.push(current);
  return out;
}
function deployCommands(script, workingDirectory = ".") {
  const commands = [];
  const logical = script.replace(/\\\r?\n/g, " ");
  for (const line of logical.split(/\r?\n/)) {
    for (const m of line.matchAll(
      /(?:^|[\s;&|(])(?:\S*\/)?monaco(?:-[\w.-]+)?\s+deploy\b([^\n]*)/g
    )) {
      const args = words(m[1] ?? "");
      const selection = {
        environments: [],
        groups: [],
        projects: []
      };
      const dynamic = /* @__PURE__ */ new Set();
      let manifest;
      let positional = false;
      for (let arg = args.shift(); arg !== void 0; arg = args.shift()) {
        const eq = arg.indexOf("=");
        const name = arg.startsWith("-") && eq > 0 ? arg.slice(0, eq) : arg;
        const field = Object.hasOwn(FLAGS, name) ? FLAGS[name] : void 0;
        if (field) {
          const value = eq > 0 && arg.startsWith("-") ? arg.slice(eq + 1) : args.shift();
          if (value === void 0 || /[$`]/.test(value)) dynamic.add(field);
          else
            selection[field].push(...value.split(",").filter((v) => v !== ""));
        } else if (!arg.startsWith("-") && !positional) {
          positional = true;
          if (!/[$`]/.test(arg))
            manifest = import_node_path.posix.normalize(import_node_path.posix.join(workingDirectory, arg));
        }
      }
      for (const field of dynamic) selection[field] = [];
      commands.push({ ...manifest ? { manifest } : {}, selection });
    }
  }
  return commands;
}

// src/audit/monaco.ts
var RULE_OF = {
  unreadable: "unreadable-file",
  invalid: "invalid-value",
  credential: "monaco-missing-scope"
};
function problemFindings(problems) {
  return problems.map(
    (p) => finding(RULE_OF[p.kind], p.message, { file: p.file, line: p.line })
  );
}
async function readMonacoProject(manifestPath, root, budget) {
  const loaded = await loadMonaco(manifestPath, root, "monaco-manifest", budget);
  return {
    ...loaded.manifest ? { manifest: loaded.manifest } : {},
    findings: problemFindings(loaded.problems)
  };
}
var ALL = { environments: [], groups: [], projects: [] };
function union(selections) {
  const merged = { environments: [], groups: [], projects: [] };
  const envAll = selections.some(
    (s) => s.environments.length + s.groups.length === 0
  );
  const projectsAll = selections.some((s) => s.projects.length === 0);
  for (const s of selections) {
    if (!envAll) {
      merged.environments.push(...s.environments);
      merged.groups.push(...s.groups);
    }
    if (!projectsAll) merged.projects.push(...s.projects);
  }
  return merged;
}
function monacoJobs(jobs, manifest) {
  const named = [];
  for (const job of jobs) {
    const selections = job.runs.flatMap(
      (run) => deployCommands(run.script, run.workingDirectory).filter((c) => c.manifest === manifest).map((c) => c.selection)
    );
    if (selections.length > 0) named.push({ job, selection: union(selections) });
  }
  if (named.length > 0) return named;
  return jobs.filter((job) => job.usesMonaco).map((job) => ({ job, selection: ALL }));
}
var AUTH = {
  classic: "auth.token (a classic token)",
  platform: "auth.platformToken (a platform token)"
};
function compareMonaco(manifest, consumers, environments = [], allowedScopes = []) {
  const findings = [];
  const forced = environments.length > 0 ? selectionOf(environments, manifest) : void 0;
  for (const consumer of consumers) {
    const selection = forced ? { ...forced, projects: consumer.selection.projects } : consumer.selection;
    const plan = planDeploy(manifest, selection);
    findings.push(...problemFindings(plan.problems));
    for (const credential of ["classic", "platform"]) {
      const deploy = { manifest, plan, consumer, credential };
      compareCredential(findings, deploy, allowedScopes);
    }
  }
  return distinct(findings);
}
function compareCredential(findings, deploy, allowedScopes) {
  const { manifest, plan, consumer, credential } = deploy;
  const token = consumer[credential];
  const needs = scopesNeeded(plan, credential);
  for (const p of needs.unsourced) {
    findings.push(
      finding(
        "monaco-unknown-type",
        `Monaco config ${show(p.config.id, 60)} (${describeType(p.config.type)}): no public source states the scopes this config type needs, so they were not compared. Check them in Dynatrace's API reference.`,
        { file: p.config.file, line: p.config.line }
      )
    );
  }
  if (!token) {
    findings.push(...notMinted(deploy, needs));
  } else if (environmentsWith(plan, credential).length === 0) {
    findings.push(
      finding(
        "monaco-missing-scope",
        `Monaco would not use this ${credential} token: the environment(s) ${plan.environments.map((e) => show(e.name, 60)).join(", ")} of ${show(manifest.file, 200)} have no ${credential === "classic" ? "auth.token" : "auth.platformToken or auth.oAuth"}. Set token-type: ${otherCredential(credential)}, or add the credential to the manifest.`,
        token.where
      )
    );
  } else if (token.derived) {
    findings.push(...derivedNotAllowed(manifest, token, needs, allowedScopes));
  } else {
    compareToken(findings, manifest, token, needs.required, needs.optional);
  }
}
function notMinted({ manifest, plan, consumer, credential }, needs) {
  const other = otherCredential(credential);
  const minted = consumer[other];
  const mustMint = plan.environments.some(
    (e) => credential === "classic" ? e.auth.token : e.auth.platformToken
  );
  const first = plan.placements.find((p) => p.credential === credential);
  if (needs.configs === 0 || !mustMint || !first || !minted) return [];
  return [
    finding(
      "monaco-missing-scope",
      `Monaco would fail: ${needs.configs} deployment(s) of ${show(manifest.file, 200)} (e.g. ${show(first.config.id, 60)}, ${describeType(first.config.type)}, ${neutralise(first.config.file, 200)}:${first.config.line}) go through ${AUTH[credential]}, but this job mints only a ${other} token. Mint a ${credential} token too (token-type: ${credential}), or move those configs to the ${other} credential.`,
      minted.where
    )
  ];
}
function derivedNotAllowed(manifest, token, needs, allowedScopes) {
  if (allowedScopes.length === 0) return [];
  return [...needs.required].filter(([scope]) => !allowedScopes.includes(scope)).map(
    ([scope, reason]) => finding(
      "scope-not-allowed",
      `token-scopes (derived from ${show(manifest.file, 200)}): Monaco needs ${show(scope)} for ${reason.why}${reason.file ? `, ${neutralise(reason.file, 200)}:${reason.line}` : ""}, which is not in the audit's allowed-scopes; the step would derive it and fail. Add it to allowed-scopes if the deploy really needs it.`,
      token.where,
      scope
    )
  );
}
function distinct(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = JSON.stringify([f.rule, f.file, f.line, f.scope, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function compareToken(findings, manifest, token, required, optional) {
  const have = new Set(token.scopes.map((s) => s.scope));
  for (const [scope, reason] of required) {
    if (have.has(scope)) continue;
    const at2 = reason.file ? `, ${neutralise(reason.file, 200)}:${reason.line}` : "";
    findings.push(
      finding(
        "monaco-missing-scope",
        `token-scopes: Monaco needs ${show(scope)} for ${reason.why}${at2} from ${show(manifest.file, 200)}; without it the deploy fails with 403 Forbidden. Add it to token-scopes (or leave token-scopes empty to derive them).`,
        token.where,
        scope
      )
    );
  }
  for (const { scope, where: where3 } of token.scopes) {
    if (required.has(scope) || optional.has(scope)) continue;
    findings.push(
      finding(
        "monaco-unneeded-scope",
        `token-scopes: ${show(scope)} is not needed by any config ${show(manifest.file, 200)} deploys here. Remove it unless another step of this job uses it.`,
        where3,
        scope
      )
    );
  }
}
function mergePlans(plans) {
  const first = plans[0];
  if (!first) return void 0;
  const scopes = /* @__PURE__ */ new Map();
  for (const plan of plans) {
    for (const { scope, where: where3 } of plan.scopes)
      if (!scopes.has(scope)) scopes.set(scope, where3);
  }
  const derived = plans.find((p) => p.derived);
  if (derived) return derived;
  return {
    type: first.type,
    where: first.where,
    scopes: [...scopes].map(([scope, where3]) => ({ scope, where: where3 }))
  };
}

// src/audit/scope-data.ts
var DEPRECATED_SCOPES = {
  "environment-api:api-tokens:read": "api-tokens:tokens:read",
  "environment-api:api-tokens:write": "api-tokens:tokens:write"
};
var ESCALATION_SCOPES = {
  "apiTokens.read": "list and inspect the environment\u2019s API tokens",
  "apiTokens.write": "create, change and delete API tokens",
  "tenantTokenRotation.write": "rotate the tenant token that OneAgents and ActiveGates use",
  TenantTokenManagement: "read and manage the tenant token",
  "activeGateTokenManagement.read": "read ActiveGate tokens",
  "activeGateTokenManagement.create": "create ActiveGate tokens",
  "activeGateTokenManagement.write": "create and revoke ActiveGate tokens",
  "agentTokenManagement.read": "read the agent tokens OneAgents connect with",
  "iam-policies-management": "create and bind IAM policies",
  "iam:policies:write": "create and change IAM policies",
  "iam:bindings:write": "bind IAM policies to groups",
  "iam:boundaries:write": "change IAM policy boundaries",
  "account-idm-write": "manage users, groups and group membership",
  "platform-token:tokens:read": "list and inspect platform tokens",
  "platform-token:tokens:write": "create platform tokens",
  "platform-token:tokens:manage": "create, change and delete platform tokens",
  "api-tokens:tokens:read": "list and inspect API tokens",
  "api-tokens:tokens:write": "create, change and delete API tokens",
  "environment-api:api-tokens:read": "list and inspect API tokens",
  "environment-api:api-tokens:write": "create, change and delete API tokens"
};
var ENVIRONMENT_ROLE_PERMISSIONS = [
  "environment:roles:viewer",
  "environment:roles:manage-settings",
  "environment:roles:agent-install",
  "environment:roles:logviewer",
  "environment:roles:view-sensitive-request-data",
  "environment:roles:configure-request-capture-data",
  "environment:roles:replay-sessions-with-masking",
  "environment:roles:replay-sessions-without-masking",
  "environment:roles:manage-security-problems",
  "environment:roles:view-security-problems",
  "environment:roles:manage-support-tickets"
];
var POLICY_PERMISSIONS = [
  ...PLATFORM_SCOPES,
  ...ACCOUNT_SCOPES.filter((scope) => scope.split(":").length === 3),
  ...ENVIRONMENT_ROLE_PERMISSIONS
];
var WRITE_ACTIONS = [
  "write",
  "manage",
  "admin",
  "delete",
  "create",
  "update",
  "truncate",
  "install"
];

// src/audit/policies.ts
var import_yaml = __toESM(require_dist());
function at(value, offset) {
  const line = value.lineOf(offset) ?? value.line;
  return { ...where(value), ...line !== void 0 ? { line } : {} };
}
function problemFindings2(read, value, label) {
  const container = valueContainer(value);
  return read.problems.map((problem) => {
    const [, ...rest] = problem.path;
    const path = `${label}${formatPath(["", ...rest])}`;
    const offset = problem.node?.range?.[0] ?? 0;
    if (problem.statementOffset !== void 0 && (0, import_yaml.isScalar)(problem.node)) {
      const index = problem.path[1];
      const name = read.doc && typeof index === "number" ? nodeAt(read.doc, ["policies", index, "name"]) : void 0;
      const title = (0, import_yaml.isScalar)(name) ? `policy ${show(String(name.value), 60)}` : `policy ${Number(index) + 1}`;
      const statement = scalarValue(problem.node, container);
      return finding(
        "policy-syntax",
        `${label}: ${title}: statement ${problem.message} Dynatrace would reject the policy; statements read ALLOW|DENY <permission>[, <permission>] [WHERE <condition> [AND <condition>]];`,
        at(statement, problem.statementOffset)
      );
    }
    return finding(
      "invalid-value",
      `${path}: ${problem.message} The step would fail.`,
      problem.node ? at(value, offset) : where(value)
    );
  });
}
function isWritePermission(permission) {
  const action = permission.split(":").pop() ?? "";
  return WRITE_ACTIONS.includes(action.split("-")[0] ?? "");
}
function auditPolicies(value, input) {
  if (value.text.trim() === "") return [];
  const read = readPolicies(value.text);
  const findings = problemFindings2(read, value, input);
  const container = valueContainer(value);
  for (const policy of read.specs) {
    const node = read.doc && nodeAt(read.doc, ["policies", policy.index, "statement"]);
    const parsed = read.statements.get(policy.index);
    if (!(0, import_yaml.isScalar)(node) || !parsed) continue;
    const statement = scalarValue(node, container);
    const title = `policy ${show(policy.name, 60)}`;
    for (const s of parsed.statements) {
      s.permissions.forEach((permission, i) => {
        const loc = at(statement, s.permissionPositions[i]?.offset ?? 0);
        if (!POLICY_PERMISSIONS.includes(permission)) {
          const retired = Object.entries(RETIRED_SCOPE_PREFIXES).find(
            ([p]) => permission.startsWith(p)
          )?.[1];
          const hints = suggest(permission, POLICY_PERMISSIONS);
          const hint = retired ? ` ${retired}.` : hints.length > 0 ? ` Did you mean ${hints.map((h) => show(h)).join(" or ")}?` : " Check it against Dynatrace\u2019s IAM services reference.";
          findings.push(
            finding(
              "unknown-permission",
              `${input}: ${title}: ${show(permission)} is not an IAM permission the audit knows; Dynatrace rejects a policy with an unknown permission.${hint}`,
              loc,
              permission
            )
          );
        }
        if (s.effect === "ALLOW" && s.conditions.length === 0 && isWritePermission(permission)) {
          findings.push(
            finding(
              "unconditioned-write",
              `${input}: ${title}: ALLOW ${show(permission)} has no WHERE condition, so it covers every object of the service. Narrow it (e.g. WHERE settings:schemaId = "builtin:alerting.profile") unless the group really needs all of them.`,
              loc,
              permission
            )
          );
        }
      });
    }
  }
  return findings;
}
function auditBindings(value, input) {
  if (value.text.trim() === "") return [];
  return problemFindings2(readBindings(value.text), value, input);
}

// src/audit/rules.ts
var LONG_LIFETIME_SECONDS = 24 * 3600;
function shortList(items) {
  const shown = items.slice(0, 8).map((s) => show(s, 60));
  return items.length > 8 ? `${shown.join(", ")}, \u2026` : shown.join(", ");
}
var DEFAULT_CONTEXT = {
  mode: "mint",
  auth: "client-credentials",
  tokenType: "classic",
  allowCustomEndpoints: false
};
var StepInputs = class {
  constructor(step) {
    this.step = step;
  }
  step;
  findings = [];
  label(input) {
    return this.step.own ? `This step's ${input}` : input;
  }
  /** A value to judge; undefined when absent or (with a notice) set by an expression. */
  read(input) {
    const value = this.quiet(input);
    if (value.expression && value.value) {
      this.findings.push(
        finding(
          "expression-value",
          `${this.label(input)}: ${show(value.value.text)} is set by an expression, which an offline audit cannot evaluate, so it cannot be proven safe and was not checked. Write the value literally in the step to have it audited (to vary it, use separate steps or jobs with literal values, not vars, secrets or matrix expressions).`,
          where(value.value)
        )
      );
      return { expression: true };
    }
    return value;
  }
  /** The same without the notice (for inputs whose expressions are expected, like secrets). */
  quiet(input) {
    if (this.step.unjudgeable?.has(input)) return { expression: true };
    const value = this.step.values.get(input);
    if (value === void 0) return { expression: false };
    return hasExpression(value.text) ? { value, expression: true } : { value, expression: false };
  }
  /** Whether the step sets the input (an expression or a list counts as set). */
  has(input) {
    const { value, expression } = this.quiet(input);
    return expression || (value?.text.trim() ?? "") !== "";
  }
  invalid(input, value, text) {
    this.findings.push(
      finding("invalid-value", `${this.label(input)}: ${text}`, {
        ...this.step.where,
        ...where(value)
      })
    );
  }
  /** What the step itself would refuse, in its words. */
  refused(input, value, message) {
    this.invalid(input, value, `${message} The step would fail.`);
  }
};
function contextInput(r, input, field, notice) {
  const { value, expression } = notice ? r.read(input) : r.quiet(input);
  if (expression) return {};
  const text = value?.text.trim() ?? "";
  if (text === "") return { value: field.fallback };
  const checked = field.check(text, show, DEFAULT_CONTEXT);
  if (!(checked instanceof Problem)) return { value: checked };
  r.refused(input, value, checked.message);
  return { refused: true };
}
function checkValues(r, context) {
  const { mode, auth, tokenType, allowCustomEndpoints } = context;
  const known = mode && auth && tokenType && allowCustomEndpoints !== void 0 ? { mode, auth, tokenType, allowCustomEndpoints } : void 0;
  const environment = known && literalText(r, "environment-url");
  if (known && environment) {
    const target = FIELDS["environment-url"].check(environment, show, known);
    if (!(target instanceof Problem)) known.environment = target;
  }
  const fields = Object.entries(FIELDS);
  for (const [input, field] of fields) {
    const text = literalText(r, input);
    if (text === void 0) continue;
    if (!known && (field.when || CONTEXTUAL.has(input))) continue;
    if (known && field.when && !field.when(known)) continue;
    const checked = field.check(text, show, known ?? DEFAULT_CONTEXT);
    if (checked instanceof Problem)
      r.refused(input, r.quiet(input).value, checked.message);
  }
  if (known) checkRequirements(r, known);
}
function literalText(r, input) {
  const { value, expression } = r.quiet(input);
  const text = value?.text.trim() ?? "";
  return expression || text === "" ? void 0 : text;
}
function checkRequirements(r, context) {
  const tokenId = FIELDS["token-id"].when(context) ? literalText(r, "token-id") : void 0;
  const scopes = r.quiet("token-scopes");
  const situation = {
    ...context,
    has: (input) => r.has(input),
    text: (input) => r.quiet(input).value?.text.trim() ?? "",
    customEnvironment: context.environment?.kind === "custom",
    scopesListed: scopes.expression || parseList(scopes.value?.text ?? "").length > 0,
    revokes: tokenId === void 0 || FIELDS["token-id"].check(tokenId, show) instanceof Problem ? void 0 : tokenTypeOf(tokenId)
  };
  for (const { input, message } of unmetRequirements(situation, show))
    r.refused(input, r.quiet(input).value, message);
}
function auditStep(step, settings) {
  const r = new StepInputs(step);
  for (const input of step.secretCarriers ?? [])
    r.refused(
      input,
      r.quiet(input).value,
      "contains the client secret (value hidden). Pass the secret only as client-secret."
    );
  const mode = contextInput(r, "mode", CONTEXT_FIELDS.mode, true);
  if (mode.refused) return { findings: r.findings };
  const mints = mode.value !== "audit" && mode.value !== "revoke" && mode.value !== "sweep";
  const context = {
    mode: mode.value,
    tokenType: contextInput(
      r,
      "token-type",
      CONTEXT_FIELDS["token-type"],
      mints
    ).value,
    auth: contextInput(r, "auth", CONTEXT_FIELDS.auth, mints).value,
    allowCustomEndpoints: contextInput(
      r,
      "allow-custom-endpoints",
      CONTEXT_FIELDS["allow-custom-endpoints"],
      false
    ).value
  };
  if (!step.own) checkValues(r, context);
  if (!mints) {
    if (context.auth === "github-oidc") auditOidc(r, context);
    return { findings: r.findings };
  }
  const token = auditToken(r, settings, context.tokenType);
  auditLifetime(r, context.tokenType !== "none");
  auditAuth(r, context);
  auditIam(r);
  return token ? { findings: r.findings, token } : { findings: r.findings };
}
function auditToken(r, settings, type) {
  const { step } = r;
  if (type === "none") return void 0;
  const kind = type;
  const stepAllowed = step.own ? void 0 : r.read("allowed-scopes").value;
  const stepAllowList = stepAllowed ? parseList(stepAllowed.text) : [];
  const scopesInput = r.read("token-scopes");
  const value = scopesInput.value;
  const scopes = value ? parseList(value.text) : [];
  const label = r.label("token-scopes");
  for (const scope of scopes) {
    if (!value) break;
    const at2 = locate(value, scope);
    r.findings.push(
      ...checkScopeName(label, scope, kind, at2),
      ...checkEscalation(label, scope, settings, at2),
      ...checkAllowed(label, scope, settings.allowedScopes, stepAllowList, at2)
    );
  }
  if (type === void 0) return void 0;
  const manifest = step.own ? void 0 : step.values.get("monaco-manifest");
  if (!scopesInput.expression && scopes.length === 0 && manifest?.text.trim())
    return {
      type,
      scopes: [],
      where: { ...step.where, ...where(value ?? manifest) },
      derived: true
    };
  if (!value) return void 0;
  return {
    type,
    scopes: scopes.map((scope) => ({ scope, where: locate(value, scope) })),
    where: { ...step.where, ...where(value) }
  };
}
function auditLifetime(r, mintsToken) {
  const lifetimeInput = r.read("token-lifetime");
  const revoke = r.read("revoke");
  const exported = r.read("export-variable");
  if (!mintsToken) return;
  let lifetime = 3600;
  const text = lifetimeInput.value?.text.trim() || "1h";
  const seconds = lifetimeInput.value ? tokenLifetime.check(text, show) : void 0;
  if (typeof seconds === "number") {
    lifetime = seconds;
    if (seconds > LONG_LIFETIME_SECONDS) {
      r.findings.push(
        finding(
          "long-lifetime",
          // This step's own lifetime as the step read it; a workflow's as written.
          `${r.label("token-lifetime")}: ${show(r.step.own ? formatDuration(seconds) : text)} is longer than ${LONG_LIFETIME_SECONDS / 3600} hours, so a leaked token stays valid that long. Use the shortest lifetime the job needs (e.g. 30m or 1h); a longer one gains nothing when the token is revoked at the end of the job.`,
          where(lifetimeInput.value)
        )
      );
    }
  }
  if (revoke.value && /^(false|False|FALSE)$/.test(revoke.value.text.trim())) {
    r.findings.push(
      finding(
        "revoke-disabled",
        `${r.label("revoke")}: false leaves the token valid after the job until it expires (${formatDuration(lifetime)}). Remove revoke: false, or revoke the token in a later job with mode: revoke and token-id.`,
        where(revoke.value)
      )
    );
  }
  if (exported.value && exported.value.text.trim() !== "") {
    r.findings.push(
      finding(
        "export-variable",
        `${r.label("export-variable")}: ${show(exported.value.text.trim(), 40)} puts the token in the environment of every later step of this job, third-party actions included. Prefer passing steps.<id>.outputs.token to just the steps that need it.`,
        where(exported.value)
      )
    );
  }
}
function auditOidc(r, context) {
  const { step } = r;
  const { mode, tokenType } = context;
  const authValue = r.quiet("auth").value;
  if (step.idToken === "none") {
    r.findings.push(
      finding(
        "oidc-permission",
        `auth: github-oidc needs a GitHub ID token, but job ${show(step.job ?? "?", 60)} does not grant the permission id-token: write, so the step would fail. Add to the job: permissions: { id-token: write, contents: read }.`,
        { ...step.where, ...where(authValue) }
      )
    );
  }
  const tokenId = mode === "revoke" ? literalText(r, "token-id") : void 0;
  for (const refusal of federationRefusals({
    tokenType: mode === "revoke" || mode === "sweep" ? "none" : tokenType ?? "",
    iam: r.has("policies") || r.has("bindings"),
    sweepsPlatformTokens: mode === "sweep" && tokenType === "platform",
    revokesPlatformToken: tokenId !== void 0 && !(FIELDS["token-id"].check(tokenId, show) instanceof Problem) && tokenTypeOf(tokenId) === "platform"
  })) {
    r.invalid("auth", authValue, `github-oidc: ${refusal}`);
  }
}
function auditAuth(r, context) {
  const { step } = r;
  const { auth, tokenType } = context;
  const iam = r.has("policies") || r.has("bindings");
  if (auth === "github-oidc") {
    auditOidc(r, context);
  } else if (auth !== void 0 && !step.own && r.has("client-secret") && tokenType !== void 0 && tokenType !== "platform" && !iam) {
    r.findings.push(
      finding(
        "prefer-oidc",
        `This step uses an OAuth client secret for a ${tokenType === "none" ? "bearer only" : "classic token"} and no IAM work, which auth: github-oidc does with no Dynatrace secret at all (a workload identity federation trust for this repository, and permissions: id-token: write on the job). See the README's "No Dynatrace secret at all" section.`,
        { ...step.where, ...where(r.quiet("client-secret").value) }
      )
    );
  }
}
function auditIam(r) {
  const oauth = r.read("oauth-scopes").value;
  if (oauth) {
    for (const scope of parseList(oauth.text)) {
      r.findings.push(
        ...checkScopeName(
          r.label("oauth-scopes"),
          scope,
          "oauth",
          locate(oauth, scope)
        )
      );
    }
  }
  const policies = r.read("policies").value;
  if (policies) r.findings.push(...auditPolicies(policies, r.label("policies")));
  const bindings = r.read("bindings").value;
  if (bindings) r.findings.push(...auditBindings(bindings, r.label("bindings")));
}
function checkScopeName(input, scope, kind, at2) {
  const out = [];
  const retiredPrefix = Object.keys(RETIRED_SCOPE_PREFIXES).find(
    (p) => scope.startsWith(p)
  );
  if (retiredPrefix !== void 0) {
    out.push(
      finding(
        "retired-scope",
        `${input}: ${show(scope)} no longer works: ${lookup(RETIRED_SCOPE_PREFIXES, retiredPrefix)}. Remove it.`,
        at2,
        scope
      )
    );
    return out;
  }
  if (kind === "classic" && CLASSIC_LEGACY_SCOPES.includes(scope)) {
    out.push(
      finding(
        "retired-scope",
        `${input}: ${show(scope)} is a legacy scope that can no longer be given to new tokens. Remove it (see Dynatrace's API token scope list for its successor).`,
        at2,
        scope
      )
    );
    return out;
  }
  const problem = kind ? checkScope(scope, kind) : void 0;
  if (problem) {
    const fix = problem.severity === "error" && problem.suggestions.length === 0 ? " Fix the name (see the Dynatrace scope list) or remove it." : "";
    out.push(
      finding(
        "unknown-scope",
        `${input}: ${problem.message}${fix}`,
        at2,
        scope,
        problem.severity
      )
    );
  }
  const replacement = lookup(DEPRECATED_SCOPES, scope);
  if (replacement !== void 0) {
    out.push(
      finding(
        "deprecated-scope",
        `${input}: ${show(scope)} is deprecated; use ${show(replacement)} instead, which grants the same access.`,
        at2,
        scope
      )
    );
  }
  return out;
}
function checkEscalation(input, scope, settings, at2) {
  const power = lookup(ESCALATION_SCOPES, scope);
  if (power === void 0 || settings.allowedScopes.includes(scope)) return [];
  return [
    finding(
      "escalation-scope",
      `${input}: ${show(scope)} lets the minted token ${power}, so any later step of the job could create credentials that outlive it or widen access. Remove it; if a step really needs it, accept it by listing it in the audit step's allowed-scopes.`,
      at2,
      scope
    )
  ];
}
function checkAllowed(input, scope, auditList, stepList, at2) {
  const outsideAudit = auditList.length > 0 && !auditList.includes(scope);
  const outsideStep = stepList.length > 0 && !stepList.includes(scope);
  if (!outsideAudit && !outsideStep) return [];
  const lists = [];
  if (outsideAudit)
    lists.push(`the audit's allowed-scopes (${shortList(auditList)})`);
  if (outsideStep) {
    lists.push(
      `this step's own allowed-scopes (${shortList(stepList)}), so the step would fail`
    );
  }
  return [
    finding(
      "scope-not-allowed",
      `${input}: ${show(scope)} is not in ${lists.join(" nor in ")}. Remove it, or add it to allowed-scopes if the job really needs it.`,
      at2,
      scope
    )
  ];
}

// src/audit/report.ts
var ORDER = { error: 0, warning: 1, notice: 2 };
var MAX_MESSAGE = 1e3;
var MAX_ROWS = 300;
function normalise(findings) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const f of findings) {
    const clean = { ...f, message: neutralise(f.message, MAX_MESSAGE) };
    if (clean.scope !== void 0) clean.scope = clean.scope.slice(0, 200);
    const key = JSON.stringify(clean);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
  }
  return out.sort(
    (a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || ORDER[a.severity] - ORDER[b.severity] || a.rule.localeCompare(b.rule)
  );
}
function reportJson(findings) {
  return JSON.stringify({
    findings: findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      message: f.message,
      ...f.file !== void 0 ? { file: f.file } : {},
      ...f.line !== void 0 ? { line: f.line } : {},
      ...f.scope !== void 0 ? { scope: f.scope } : {}
    }))
  });
}
function where2(f, env = process.env) {
  if (f.file === void 0) return "this step";
  const text = escapeHtml(f.line === void 0 ? f.file : `${f.file}:${f.line}`);
  const server = env.GITHUB_SERVER_URL ?? "";
  const repo = env.GITHUB_REPOSITORY ?? "";
  const sha = env.GITHUB_SHA ?? "";
  if (!/^https:\/\/[\w.-]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{40}$/.test(sha))
    return text;
  const path = f.file.split("/").map(encodeURIComponent).join("/");
  const anchor = f.line === void 0 ? "" : `#L${f.line}`;
  return `<a href="${escapeHtml(`${server}/${repo}/blob/${sha}/${path}${anchor}`)}">${text}</a>`;
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function count(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
function shouldFail(findings, failOn) {
  const c = count(findings);
  if (failOn === "never") return false;
  return c.error > 0 || failOn === "warning" && c.warning > 0;
}
async function report(findings, log, context) {
  for (const f of findings) {
    const properties = { title: f.rule };
    if (f.file !== void 0) properties.file = f.file;
    if (f.line !== void 0) properties.startLine = f.line;
    log[f.severity](f.message, properties);
  }
  setOutput(Output.AuditReport, log.redact(reportJson(findings)));
  setOutput(Output.AuditFindings, String(findings.length));
  const c = count(findings);
  const scanned = `${plural(context.files, "file")}, ${plural(context.steps, "step")} using this action`;
  log.info(
    findings.length === 0 ? `Scope audit: no findings (${scanned}).` : `Scope audit: ${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.notice, "notice")} (${scanned}).`
  );
  await writeSummary(log, (s) => {
    s.addHeading("Dynatrace scope audit", 2);
    s.addRaw(
      `<p>${escapeHtml(
        findings.length === 0 ? `No findings (${scanned}).` : `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.notice, "notice")} (${scanned}).`
      )}</p>`,
      true
    );
    if (findings.length === 0) return;
    const allowed = context.allowedScopes ?? [];
    const listed = allowed.length > 0 ? ` (${shortList(allowed)})` : void 0;
    if (listed) {
      s.addRaw(
        `<p>The audit's allowed-scopes: ${allowed.map((a) => `<code>${escapeHtml(a)}</code>`).join(", ")}.</p>`,
        true
      );
    }
    const rows = findings.slice(0, MAX_ROWS).map((f) => [
      escapeHtml(f.severity),
      // Non-breaking hyphens: a rule ID never wraps in the middle.
      `<code>${escapeHtml(f.rule).replace(/-/g, "&#8209;")}</code>`,
      where2(f),
      escapeHtml(listed ? f.message.split(listed).join("") : f.message)
    ]);
    s.addTable([
      [
        { data: "Severity", header: true },
        { data: "Rule", header: true },
        { data: "Where", header: true },
        { data: "Message", header: true }
      ],
      ...rows
    ]);
    if (findings.length > MAX_ROWS) {
      s.addRaw(
        `<p>${findings.length - MAX_ROWS} more in the audit-report output.</p>`,
        true
      );
    }
  });
  if (shouldFail(findings, context.failOn)) {
    const parts = [];
    if (c.error > 0) parts.push(plural(c.error, "error"));
    if (c.warning > 0) parts.push(plural(c.warning, "warning"));
    throw new ActionError(
      `Scope audit found ${parts.join(" and ")}; see the annotations.`
    );
  }
}

// src/audit/index.ts
function ownValues(inputs) {
  const values = /* @__PURE__ */ new Map();
  for (const [name, text] of inputs.audit.ownInputs)
    if (name !== "mode") values.set(name, plainValue(text));
  return values;
}
async function collectFindings(inputs, env) {
  const budget = new AuditBudget(inputs.timeoutSeconds, env.now);
  const root = await realWorkspace(env.workspace);
  const settings = { allowedScopes: inputs.allowedScopes };
  const listed = await listYamlFiles(inputs.audit.paths, root);
  budget.preflight(await auditedSizes(listed.files), "audit-paths");
  const scan = await scanFiles(listed.files, root, budget, settings);
  const findings = [...listed.findings, ...scan.findings];
  const steps = scan.scanned.reduce((n, f) => n + f.steps.length, 0);
  env.debug(
    `Scope audit: ${listed.files.length} YAML files, ${steps} steps using this action.`
  );
  const own = auditStep(
    { values: ownValues(inputs), own: true, where: {} },
    settings
  );
  findings.push(...own.findings);
  if (inputs.audit.monacoManifest !== void 0) {
    findings.push(
      ...await monacoFindings(inputs, scan, own.token, root, budget, env)
    );
  }
  findings.push(
    ...await scopeDrift(
      scan.scanned,
      root,
      env.debug,
      env.git,
      env.baseRef,
      budget
    )
  );
  return { findings: normalise(findings), files: listed.files.length, steps };
}
async function scanFiles(files, root, budget, settings) {
  const localActionName = localActionNames(root, budget);
  const scan = { findings: [], scanned: [], jobs: [], plans: /* @__PURE__ */ new Map() };
  for (const absolute of files) {
    const file = relativePath(root, absolute);
    const read = await readAuditFile(absolute, file, budget);
    if ("finding" in read) {
      scan.findings.push(read.finding);
      continue;
    }
    const workflow = scanWorkflow(read.text, file, { localActionName });
    scan.findings.push(...workflow.findings);
    scan.jobs.push(...workflow.jobs);
    scan.scanned.push({ file, steps: workflow.steps });
    for (const step of workflow.steps) {
      const result = auditWorkflowStep(step, file, settings);
      scan.findings.push(...result.findings);
      if (result.token) {
        const key = `${file}
${step.job}`;
        scan.plans.set(key, [...scan.plans.get(key) ?? [], result.token]);
      }
    }
  }
  return scan;
}
function auditWorkflowStep(step, file, settings) {
  const findings = [];
  if (step.copy) {
    findings.push(
      finding(
        "action-copy",
        `${step.label} uses ${show(step.copy.uses, 80)}, a copy of this action (${step.copy.recognisedBy === "action-name" ? `its action.yml is named "${ACTION_DISPLAY_NAME}"` : "it passes this action\u2019s inputs"}); it is audited like this action.`,
        { file, line: step.line }
      )
    );
  }
  for (const { name, line } of step.nonScalar) {
    findings.push(
      finding(
        "invalid-value",
        `${neutralise(name, 40)}: must be a string; GitHub rejects a list or map as an input. Write it as one string (a | block for several lines).`,
        { file, line }
      )
    );
  }
  const result = auditStep(
    {
      values: step.with,
      own: false,
      where: { file, line: step.line },
      unjudgeable: new Set(step.nonScalar.map((n) => n.name)),
      job: step.job,
      secretCarriers: step.secretCarriers,
      ...step.idToken ? { idToken: step.idToken } : {}
    },
    settings
  );
  findings.push(...result.findings);
  return result.token ? { findings, token: result.token } : { findings };
}
async function monacoFindings(inputs, scan, ownToken, root, budget, env) {
  const manifestPath = inputs.audit.monacoManifest;
  if (manifestPath === void 0) return [];
  const monaco = await readMonacoProject(manifestPath, root, budget);
  if (!monaco.manifest) return monaco.findings;
  const consumers = [];
  for (const { job, selection } of monacoJobs(
    scan.jobs,
    monaco.manifest.file
  )) {
    const jobPlans = scan.plans.get(`${job.file}
${job.job}`) ?? [];
    if (jobPlans.length > 0) consumers.push(consumerOf(jobPlans, selection));
  }
  if (consumers.length === 0 && ownToken && ownToken.scopes.length > 0)
    consumers.push(
      consumerOf([ownToken], { environments: [], groups: [], projects: [] })
    );
  if (consumers.length === 0) {
    env.info(
      `Monaco: no job that runs Monaco mints a token with this action (and this step has no token-scopes), so the scopes ${monaco.manifest.file} needs were not compared with any token.`
    );
  }
  return [
    ...monaco.findings,
    ...compareMonaco(
      monaco.manifest,
      consumers,
      inputs.audit.monacoEnvironment,
      inputs.allowedScopes
    )
  ];
}
async function auditedSizes(files) {
  const sizes = [];
  for (const file of files) {
    const size = await lstat(file).then(
      (stats) => stats.size,
      () => 0
    );
    if (size <= MAX_FILE_BYTES) sizes.push(size);
  }
  return sizes;
}
function consumerOf(plans, selection) {
  const consumer = { selection };
  const classic = mergePlans(plans.filter((p) => p.type === "classic"));
  const platform = mergePlans(plans.filter((p) => p.type === "platform"));
  if (classic) consumer.classic = classic;
  if (platform) consumer.platform = platform;
  return consumer;
}
async function runAudit(inputs, log) {
  const result = await collectFindings(inputs, {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    debug: (message) => log.debug(message),
    info: (message) => log.info(message)
  });
  await report(result.findings, log, {
    failOn: inputs.audit.failOn,
    files: result.files,
    steps: result.steps,
    allowedScopes: inputs.allowedScopes
  });
}

// src/modes/audit.ts
async function audit(inputs, log) {
  await runAudit(inputs, log);
}
export {
  audit
};
