import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
import {
  formatPath,
  nodeAt,
  readBindings,
  readPolicies,
  require_dist
} from "./chunk-KAC3E6PI.js";
import {
  ActionError,
  CLASSIC_LEGACY_SCOPES,
  DEPRECATED_SCOPES,
  ESCALATION_SCOPES,
  MAX_LIFETIME_SECONDS,
  MIN_LIFETIME_SECONDS,
  MONACO_CLASSIC_API_DEFAULT,
  MONACO_CLASSIC_API_SCOPES,
  MONACO_CLASSIC_SETTINGS,
  MONACO_PLATFORM_SCOPES,
  POLICY_PERMISSIONS,
  RETIRED_SCOPE_PREFIXES,
  WRITE_ACTIONS,
  checkScope,
  escapeHtml,
  formatDuration,
  lookup,
  neutralise,
  parseDuration,
  parseList,
  require_fs,
  require_path,
  setOutput,
  suggest,
  writeSummary
} from "./chunk-7IJQOCVX.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-YSH2IDXS.js";

// builtin-cjs:child_process
var require_child_process = __commonJS({
  "builtin-cjs:child_process"(exports, module) {
    module.exports = __require("node:child_process");
  }
});

// src/audit/drift.ts
var import_node_child_process = __toESM(require_child_process());

// src/audit/findings.ts
var RULES = {
  "unknown-scope": {
    severity: "error",
    catches: "a scope name Dynatrace does not know for this kind of token"
  },
  "deprecated-scope": {
    severity: "warning",
    catches: "a scope Dynatrace has replaced with another name"
  },
  "retired-scope": {
    severity: "error",
    catches: "a scope that no longer works (Cloud Automation, legacy classic scopes)"
  },
  "escalation-scope": {
    severity: "error",
    catches: "a minted token that could mint or manage credentials or IAM"
  },
  "scope-not-allowed": {
    severity: "error",
    catches: "a scope outside allowed-scopes"
  },
  "long-lifetime": {
    severity: "warning",
    catches: "a token lifetime above 24h"
  },
  "revoke-disabled": {
    severity: "warning",
    catches: "revoke: false (the token outlives the job)"
  },
  "export-variable": {
    severity: "notice",
    catches: "the token exported to every later step of the job"
  },
  "policy-syntax": {
    severity: "error",
    catches: "an IAM policy statement Dynatrace would reject"
  },
  "unknown-permission": {
    severity: "warning",
    catches: "an IAM permission the audit does not know"
  },
  "unconditioned-write": {
    severity: "warning",
    catches: "a write/manage/admin/delete permission granted without WHERE"
  },
  "monaco-missing-scope": {
    severity: "error",
    catches: "a scope the Monaco project needs but the token lacks"
  },
  "monaco-unneeded-scope": {
    severity: "warning",
    catches: "a scope no config type of the Monaco project needs"
  },
  "scope-drift": {
    severity: "warning",
    catches: "scopes added (warning) or removed (notice) against the base branch"
  },
  "expression-value": {
    severity: "warning",
    catches: "an audited input set by a ${{ }} expression, which cannot be proven safe offline"
  },
  "action-copy": {
    severity: "notice",
    catches: "a step that uses a copy of this action under another name (audited like this action)"
  },
  "invalid-value": {
    severity: "error",
    catches: "an input value the step would reject"
  },
  "unreadable-file": {
    severity: "error",
    catches: "a workflow or manifest that is not valid YAML or cannot be read"
  }
};
function finding(rule, message, where2 = {}, scope, severity = RULES[rule].severity) {
  const out = { severity, rule, message };
  if (where2.file !== void 0) out.file = where2.file;
  if (where2.line !== void 0) out.line = where2.line;
  if (scope !== void 0) out.scope = scope;
  return out;
}

// src/audit/scan.ts
var import_node_fs = __toESM(require_fs());
var import_node_path = __toESM(require_path());
var import_yaml2 = __toESM(require_dist());
import { lstat, readdir, readFile, realpath } from "node:fs/promises";

// src/audit/values.ts
var import_yaml = __toESM(require_dist());
function fileContainer(text, file, lines) {
  return { text, file, lineOf: (offset) => lines.linePos(offset).line };
}
function plainValue(text) {
  return { text, lineOf: () => void 0 };
}
function deref(node, doc) {
  if ((0, import_yaml.isAlias)(node)) {
    const target = node.resolve(doc);
    return (0, import_yaml.isAlias)(target) ? void 0 : target;
  }
  return node ?? void 0;
}
function scalarText(node) {
  if (node.value === null || node.value === void 0) return "";
  if (node.type === "PLAIN" && typeof node.source === "string")
    return node.source;
  return typeof node.value === "string" ? node.value : String(node.value);
}
function literalBlockMap(source, start) {
  const header = source.indexOf("\n");
  const lines = header < 0 ? [] : source.slice(header + 1).split("\n");
  const lineStarts = [];
  let at2 = start + header + 1;
  for (const l of lines) {
    lineStarts.push(at2);
    at2 += l.length + 1;
  }
  return (offset, value) => {
    const before = value.slice(0, offset);
    const j = Math.min(before.split("\n").length - 1, lines.length - 1);
    const lineStart = lineStarts[j];
    if (lineStart === void 0) return start;
    const column = offset - (before.lastIndexOf("\n") + 1);
    const valueLine = value.split("\n")[j] ?? "";
    const sourceLine = lines[j].replace(/\r$/, "");
    const indent = Math.max(0, sourceLine.length - valueLine.length);
    return lineStart + Math.min(indent + column, sourceLine.length);
  };
}
function scalarValue(node, container) {
  const text = scalarText(node);
  const [start, end] = node.range ?? [0, 0];
  const source = container.text.slice(start, end);
  let map;
  if (node.type === "BLOCK_LITERAL") {
    const literal = literalBlockMap(source, start);
    map = (offset) => literal(offset, text);
  } else if (!source.includes("\n")) {
    const quote = node.type === "PLAIN" ? 0 : 1;
    map = (offset) => start + quote + offset;
  } else {
    map = (offset) => {
      const word = /^[^\s,]+/.exec(text.slice(offset))?.[0];
      if (!word) return start;
      const nth = countOccurrences(text.slice(0, offset), word);
      let found = -1;
      for (let k = 0; k <= nth; k++) {
        found = source.indexOf(word, found + 1);
        if (found < 0) return start;
      }
      return start + found;
    };
  }
  const value = {
    text,
    lineOf: (offset) => container.lineOf(map(offset))
  };
  if (container.file !== void 0) value.file = container.file;
  const line = container.lineOf(start);
  if (line !== void 0) value.line = line;
  return value;
}
function countOccurrences(text, word) {
  let count2 = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1))
    count2++;
  return count2;
}
function valueContainer(value) {
  const out = { text: value.text, lineOf: value.lineOf };
  if (value.file !== void 0) out.file = value.file;
  return out;
}
function locate(value, item) {
  const offset = indexOfItem(value.text, item);
  const line = offset < 0 ? value.line : value.lineOf(offset) ?? value.line;
  const where2 = {};
  if (value.file !== void 0) where2.file = value.file;
  if (line !== void 0) where2.line = line;
  return where2;
}
function indexOfItem(text, item) {
  for (let i = text.indexOf(item); i >= 0; i = text.indexOf(item, i + 1)) {
    const before = i === 0 ? "" : text[i - 1];
    const after = text[i + item.length] ?? "";
    if (/^[\s,]?$/.test(before) && /^[\s,]?$/.test(after)) return i;
  }
  return -1;
}
function where(value) {
  const out = {};
  if (value?.file !== void 0) out.file = value.file;
  if (value?.line !== void 0) out.line = value.line;
  return out;
}
function show(text, max = 80) {
  return `"${neutralise(text, max)}"`;
}
function hasExpression(text) {
  return text.includes("${{");
}

// src/audit/scan.ts
var ACTION_DISPLAY_NAME = "Configure Dynatrace credentials";
var DISTINCTIVE_INPUTS = [
  "token-scopes",
  "token-type",
  "token-lifetime",
  "account-urn",
  "oauth-scopes",
  "policies",
  "bindings",
  "allowed-scopes",
  "monaco-manifest",
  "platform-token-owner"
];
function hasThisActionsInputs(names) {
  const set = new Set(names);
  const distinctive = DISTINCTIVE_INPUTS.filter((n) => set.has(n)).length;
  return distinctive >= 2 && (set.has("client-id") || set.has("client-secret") || set.has("mode"));
}
var MAX_FILE_BYTES = 1024 * 1024;
var MAX_FILES = 2e3;
var MAX_DEPTH = 16;
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
var USES_THIS_ACTION = /^[A-Za-z0-9_.-]+\/configure-dynatrace-credentials(?:\/[^@\s]*)?@[^\s@]+$/i;
function usesThisAction(uses) {
  const value = uses.trim();
  return value === "./" || value === "./." || USES_THIS_ACTION.test(value);
}
function relativePath(workspace, file) {
  return (0, import_node_path.relative)(workspace, file).split(import_node_path.sep).join("/");
}
var isYaml = (name) => [".yml", ".yaml"].includes((0, import_node_path.extname)(name).toLowerCase());
async function listYamlFiles(paths, workspace, input = "audit-paths") {
  const root = await realWorkspace(workspace);
  const files = /* @__PURE__ */ new Set();
  const findings = [];
  let truncated = false;
  const walk = async (dir, depth) => {
    if (depth > MAX_DEPTH || truncated) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = error.code ?? "error";
      const file = relativePath(root, dir);
      findings.push(
        finding(
          "unreadable-file",
          `The folder ${show(file)} could not be read (${code}).`,
          { file }
        )
      );
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = (0, import_node_path.join)(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) {
        await walk(path, depth + 1);
      } else if (entry.isFile() && isYaml(entry.name)) {
        if (files.size >= MAX_FILES) {
          truncated = true;
          return;
        }
        files.add(path);
      }
    }
  };
  for (const path of paths) {
    const absolute = await insideWorkspace(root, path, input);
    const stats = await lstat(absolute);
    if (stats.isDirectory()) await walk(absolute, 0);
    else if (stats.isFile()) files.add(absolute);
    else {
      throw new ActionError(
        `${input}: ${show(path)} is neither a file nor a folder; give workflow files or folders inside the workspace.`
      );
    }
  }
  if (truncated) {
    findings.push(
      finding(
        "unreadable-file",
        `${input}: more than ${MAX_FILES} YAML files; only the first ${MAX_FILES} were audited. Point ${input} at the workflow folders (e.g. .github/workflows).`,
        {},
        void 0,
        "warning"
      )
    );
  }
  return { files: [...files], findings };
}
async function realWorkspace(workspace) {
  try {
    return await realpath(workspace);
  } catch {
    throw new ActionError(
      `The workspace ${show(workspace, 200)} does not exist; run actions/checkout before this step.`
    );
  }
}
async function insideWorkspace(root, path, input) {
  if (/[\u0000]/.test(path)) {
    throw new ActionError(`${input}: ${show(path)} is not a path.`);
  }
  const absolute = (0, import_node_path.resolve)(root, path);
  let real;
  try {
    real = await realpath(absolute);
  } catch {
    throw new ActionError(
      `${input}: ${show(path)} does not exist in the workspace. Check the path, and that actions/checkout ran before this step.`
    );
  }
  const rel = (0, import_node_path.relative)(root, real);
  if (rel.startsWith("..") || (0, import_node_path.isAbsolute)(rel)) {
    throw new ActionError(
      `${input}: ${show(path)} is outside the workspace; the audit reads only files of the checked-out repository.`
    );
  }
  return real;
}
function localActionNames(root) {
  const cache = /* @__PURE__ */ new Map();
  const read = (uses) => {
    const dir = (0, import_node_path.resolve)(root, uses.replace(/@.*$/, ""));
    for (const name of ["action.yml", "action.yaml"]) {
      try {
        const real = (0, import_node_fs.realpathSync)((0, import_node_path.join)(dir, name));
        const rel = (0, import_node_path.relative)(root, real);
        if (rel.startsWith("..") || (0, import_node_path.isAbsolute)(rel)) return void 0;
        const stats = (0, import_node_fs.statSync)(real);
        if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return void 0;
        const text = (0, import_node_fs.readFileSync)(real, "utf8");
        const match = /^name:[ \t]*(['"]?)(.*?)\1[ \t]*(?:#.*)?$/m.exec(text);
        return match?.[2];
      } catch {
        continue;
      }
    }
    return void 0;
  };
  return (uses) => {
    if (!cache.has(uses)) cache.set(uses, read(uses));
    return cache.get(uses);
  };
}
async function readAuditFile(absolute, file) {
  try {
    const stats = await lstat(absolute);
    if (stats.size > MAX_FILE_BYTES) {
      return {
        finding: finding(
          "unreadable-file",
          `${show(file)} is larger than ${MAX_FILE_BYTES / 1024} KiB and was not audited.`,
          { file }
        )
      };
    }
    return { text: await readFile(absolute, "utf8") };
  } catch (error) {
    const code = error.code ?? "error";
    return {
      finding: finding(
        "unreadable-file",
        `${show(file)} could not be read (${code}).`,
        { file }
      )
    };
  }
}
function parseYaml(text, file, fix) {
  const lines = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    const reason = error.message.split("\n")[0] ?? error.code;
    return {
      finding: finding(
        "unreadable-file",
        `${show(file)} is not valid YAML (line ${line}: ${show(reason, 120)}); ${fix}.`,
        { file, line }
      )
    };
  }
  return { doc, lines };
}
function getNode(map, key, doc) {
  return (0, import_yaml2.isMap)(map) ? deref(map.get(key, true), doc) : void 0;
}
function getText(map, key, doc) {
  const node = getNode(map, key, doc);
  return (0, import_yaml2.isScalar)(node) ? scalarText(node) : void 0;
}
function scanWorkflow(text, file, options = {}) {
  const parsed = parseYaml(
    text,
    file,
    "GitHub rejects such a workflow too, and the audit cannot check it"
  );
  if ("finding" in parsed)
    return { steps: [], jobs: [], findings: [parsed.finding] };
  const { doc, lines } = parsed;
  const container = fileContainer(text, file, lines);
  const steps = [];
  const jobs = [];
  const root = deref(doc.contents, doc);
  const scanSteps = (job, jobNode, stepsNode) => {
    if (!(0, import_yaml2.isSeq)(stepsNode)) return;
    const defaultDir = getText(
      getNode(getNode(jobNode, "defaults", doc), "run", doc),
      "working-directory",
      doc
    );
    const info = { file, job, runs: [], usesMonaco: false };
    stepsNode.items.forEach((item, index) => {
      const step = deref(item, doc);
      if (!(0, import_yaml2.isMap)(step)) return;
      const uses = getText(step, "uses", doc) ?? "";
      const run = getText(step, "run", doc);
      if (run !== void 0) {
        const workingDirectory = getText(step, "working-directory", doc) ?? defaultDir;
        info.runs.push({
          script: run,
          ...workingDirectory !== void 0 ? { workingDirectory } : {}
        });
        if (/\bmonaco\b/i.test(run)) info.usesMonaco = true;
      }
      if (/monaco/i.test(uses)) info.usesMonaco = true;
      const values = withValues(
        getNode(step, "with", doc),
        doc,
        container,
        lines
      );
      let copy;
      if (!usesThisAction(uses)) {
        if (uses === "" || uses.startsWith("docker://")) return;
        if (uses.startsWith("./") && options.localActionName?.(uses) === ACTION_DISPLAY_NAME) {
          copy = { uses, recognisedBy: "action-name" };
        } else if (hasThisActionsInputs([
          ...values.with.keys(),
          ...values.nonScalar.map((n) => n.name)
        ])) {
          copy = { uses, recognisedBy: "inputs" };
        } else return;
      }
      const id = getText(step, "id", doc);
      const name = getText(step, "name", doc);
      const label = id !== void 0 ? `step ${show(id, 40)}` : name !== void 0 ? `step ${show(name, 40)}` : `step ${index + 1}`;
      steps.push({
        file,
        line: lines.linePos(step.range?.[0] ?? 0).line,
        job,
        label,
        ...values,
        ...copy ? { copy } : {}
      });
    });
    jobs.push(info);
  };
  if ((0, import_yaml2.isMap)(root)) {
    const jobsNode = getNode(root, "jobs", doc);
    if ((0, import_yaml2.isMap)(jobsNode)) {
      for (const pair of jobsNode.items) {
        const key = deref(pair.key, doc);
        const job = (0, import_yaml2.isScalar)(key) ? scalarText(key) : "?";
        const jobNode = deref(pair.value, doc);
        scanSteps(job, jobNode, getNode(jobNode, "steps", doc));
      }
    }
    const runs = getNode(root, "runs", doc);
    scanSteps("runs", runs, getNode(runs, "steps", doc));
  }
  return { steps, jobs, findings: [] };
}
function withValues(node, doc, container, lines) {
  const values = /* @__PURE__ */ new Map();
  const nonScalar = [];
  if (!(0, import_yaml2.isMap)(node)) return { with: values, nonScalar };
  for (const pair of node.items) {
    const key = deref(pair.key, doc);
    if (!(0, import_yaml2.isScalar)(key)) continue;
    const name = scalarText(key);
    const value = deref(pair.value, doc);
    if ((0, import_yaml2.isScalar)(value)) values.set(name, scalarValue(value, container));
    else if (value === void 0 || value === null) {
      const empty = plainValue("");
      empty.file = container.file;
      const line = lines.linePos(key.range?.[0] ?? 0).line;
      empty.line = line;
      empty.lineOf = () => line;
      values.set(name, empty);
    } else {
      nonScalar.push({ name, line: lines.linePos(value.range?.[0] ?? 0).line });
    }
  }
  return { with: values, nonScalar };
}

// src/audit/drift.ts
var SAFE_REF = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/;
var runGit = (args, cwd) => new Promise((resolvePromise, reject) => {
  (0, import_node_child_process.execFile)(
    "git",
    args,
    {
      cwd,
      timeout: 1e4,
      maxBuffer: 4 * 1024 * 1024,
      windowsHide: true,
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: "0",
        GIT_OPTIONAL_LOCKS: "0"
      }
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
async function scopeDrift(files, root, debug, git = runGit, base = process.env.GITHUB_BASE_REF ?? "") {
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
        root
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
    let baseText = "";
    try {
      baseText = await git(["show", `${ref}:./${file}`], root);
    } catch {
    }
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

// src/audit/monaco.ts
var import_node_path2 = __toESM(require_path());
var import_yaml3 = __toESM(require_dist());
var PLATFORM_KINDS = [
  "bucket",
  "document",
  "openpipeline",
  "segment",
  "slo-v2"
];
var AUTOMATION = ["workflow", "business-calendar", "scheduling-rule"];
function configKind(type, doc) {
  if ((0, import_yaml3.isScalar)(type)) {
    const name = scalarText(type).trim();
    if (name === "") return void 0;
    if (name.includes(":")) return { kind: "settings", name };
    if (PLATFORM_KINDS.includes(name)) return { kind: name, name };
    if (AUTOMATION.includes(name)) return { kind: `automation:${name}`, name };
    return { kind: "api", name };
  }
  if (!(0, import_yaml3.isMap)(type)) return void 0;
  const pair = type.items[0];
  const key = deref(pair?.key, doc);
  if (!pair || !(0, import_yaml3.isScalar)(key)) return void 0;
  const k = scalarText(key);
  const value = deref(pair.value, doc);
  if (k === "api") {
    const name = (0, import_yaml3.isScalar)(value) ? scalarText(value) : getText(value, "name", doc);
    return name ? { kind: "api", name } : void 0;
  }
  if (k === "settings") {
    return {
      kind: "settings",
      name: getText(value, "schema", doc) ?? "settings"
    };
  }
  if (k === "automation") {
    const resource = getText(value, "resource", doc) ?? "";
    return AUTOMATION.includes(resource) ? { kind: `automation:${resource}`, name: resource } : void 0;
  }
  if (PLATFORM_KINDS.includes(k)) {
    const name = getText(value, "kind", doc) ?? k;
    return { kind: k, name };
  }
  return void 0;
}
async function readMonacoProject(manifestPath, root) {
  const absolute = await insideWorkspace(root, manifestPath, "monaco-manifest");
  const manifest = relativePath(root, absolute);
  const read = await readAuditFile(absolute, manifest);
  if ("finding" in read) return { findings: [read.finding] };
  const parsed = parseYaml(
    read.text,
    manifest,
    "Monaco cannot load it either; fix the manifest"
  );
  if ("finding" in parsed) return { findings: [parsed.finding] };
  const { doc, lines } = parsed;
  const findings = [];
  const project = {
    manifest,
    classicAuth: false,
    platformAuth: false,
    configs: []
  };
  const groups = getNode(doc.contents, "environmentGroups", doc);
  for (const group of (0, import_yaml3.isSeq)(groups) ? groups.items : []) {
    const environments = getNode(deref(group, doc), "environments", doc);
    for (const environment of (0, import_yaml3.isSeq)(environments) ? environments.items : []) {
      const auth = getNode(deref(environment, doc), "auth", doc);
      if (getNode(auth, "token", doc) !== void 0) project.classicAuth = true;
      if (getNode(auth, "oAuth", doc) !== void 0 || getNode(auth, "platformToken", doc) !== void 0) {
        project.platformAuth = true;
      }
    }
  }
  const projects = getNode(doc.contents, "projects", doc);
  const manifestDir = (0, import_node_path2.dirname)(absolute);
  for (const item of (0, import_yaml3.isSeq)(projects) ? projects.items : []) {
    const node = deref(item, doc);
    const folder = getText(node, "path", doc) ?? getText(node, "name", doc);
    const line = lines.linePos(node?.range?.[0] ?? 0).line;
    if (!folder) continue;
    let files;
    try {
      const dir = await insideWorkspace(
        root,
        (0, import_node_path2.resolve)(manifestDir, folder),
        "monaco-manifest"
      );
      files = (await listYamlFiles([dir], root, "monaco-manifest")).files;
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      findings.push(
        finding(
          "invalid-value",
          `Monaco project ${show(folder, 60)}: its folder does not exist inside the workspace, so Monaco would fail to load it. Fix the project's path or name in the manifest.`,
          { file: manifest, line }
        )
      );
      continue;
    }
    for (const file of files) {
      const configFile = relativePath(root, file);
      const text = await readAuditFile(file, configFile);
      if ("finding" in text) {
        findings.push(text.finding);
        continue;
      }
      const config = parseYaml(
        text.text,
        configFile,
        "Monaco cannot load this config file either; fix it"
      );
      if ("finding" in config) {
        findings.push(config.finding);
        continue;
      }
      const configs = getNode(config.doc.contents, "configs", config.doc);
      for (const entry of (0, import_yaml3.isSeq)(configs) ? configs.items : []) {
        const c = deref(entry, config.doc);
        const type = configKind(getNode(c, "type", config.doc), config.doc);
        if (!type) continue;
        project.configs.push({
          id: getText(c, "id", config.doc) ?? "?",
          ...type,
          file: configFile,
          line: config.lines.linePos(c?.range?.[0] ?? 0).line
        });
      }
    }
  }
  return { project, findings };
}
function monacoJobs(jobs, manifest) {
  const named = jobs.filter(
    (job) => job.runs.some(
      (run) => /\bmonaco\b/i.test(run.script) && (run.script.match(/[^\s'"`=]+\.ya?ml\b/g) ?? []).some(
        (path) => import_node_path2.posix.normalize(import_node_path2.posix.join(run.workingDirectory ?? ".", path)) === manifest
      )
    )
  );
  return named.length > 0 ? named : jobs.filter((job) => job.usesMonaco);
}
function monacoNeeds(project) {
  const classic = /* @__PURE__ */ new Map();
  const platform = /* @__PURE__ */ new Map();
  const platformOptional = new Set(
    MONACO_PLATFORM_SCOPES.platform?.optional ?? []
  );
  const undeployable = [];
  const add = (map, scopes, config) => {
    for (const scope of scopes)
      if (!map.has(scope)) map.set(scope, { scope, config });
  };
  const seen = /* @__PURE__ */ new Set();
  for (const config of project.configs) {
    if (config.kind === "api") {
      if (!project.classicAuth) {
        if (!seen.has("classic"))
          undeployable.push({ config, needs: "classic" });
        seen.add("classic");
        continue;
      }
      add(
        classic,
        lookup(MONACO_CLASSIC_API_SCOPES, config.name) ?? MONACO_CLASSIC_API_DEFAULT,
        config
      );
    } else if (config.kind === "settings" && !project.platformAuth) {
      add(classic, MONACO_CLASSIC_SETTINGS, config);
    } else {
      const need = lookup(MONACO_PLATFORM_SCOPES, config.kind);
      if (!need) continue;
      if (!project.platformAuth) {
        if (!seen.has(config.kind))
          undeployable.push({ config, needs: "platform" });
        seen.add(config.kind);
        continue;
      }
      add(platform, need.required, config);
      for (const scope of need.optional) platformOptional.add(scope);
    }
  }
  return { classic, platform, platformOptional, undeployable };
}
function compareMonaco(project, consumers) {
  const needs = monacoNeeds(project);
  const findings = [];
  for (const { config, needs: credential } of needs.undeployable) {
    findings.push(
      finding(
        "monaco-missing-scope",
        credential === "platform" ? `Monaco config ${show(config.id, 60)} (${show(config.name, 60)}) needs platform credentials, but no environment in ${project.manifest} has auth.platformToken or auth.oAuth; Monaco cannot deploy it with a classic token. Add platformToken to the manifest's auth and mint a platform token (token-type: platform).` : `Monaco config ${show(config.id, 60)} (api ${show(config.name, 60)}) is a Configuration API type that needs a classic API token, but no environment in ${project.manifest} has auth.token. Add auth.token to the manifest and mint a classic token (token-type: classic) with ReadConfig and WriteConfig.`,
        { file: config.file, line: config.line }
      )
    );
  }
  const compare = (token, needed, optional) => {
    if (!token) return;
    const have = new Set(token.scopes.map((s) => s.scope));
    for (const { scope, config } of needed.values()) {
      if (have.has(scope)) continue;
      findings.push(
        finding(
          "monaco-missing-scope",
          `token-scopes: Monaco needs ${show(scope)} to deploy ${show(config.id, 60)} (${show(config.name, 60)}, ${config.file}:${config.line}) from ${project.manifest}; without it the deploy fails with 403 Forbidden. Add it to token-scopes.`,
          token.where,
          scope
        )
      );
    }
    for (const { scope, where: where2 } of token.scopes) {
      if (needed.has(scope) || optional.has(scope)) continue;
      findings.push(
        finding(
          "monaco-unneeded-scope",
          `token-scopes: ${show(scope)} is not needed by any config of ${project.manifest}. Remove it unless another step of this job uses it.`,
          where2,
          scope
        )
      );
    }
  };
  for (const consumer of consumers) {
    if (project.classicAuth) compare(consumer.classic, needs.classic, /* @__PURE__ */ new Set());
    if (project.platformAuth) {
      compare(consumer.platform, needs.platform, needs.platformOptional);
    }
  }
  return findings;
}
function mergePlans(plans) {
  const first = plans[0];
  if (!first) return void 0;
  const scopes = /* @__PURE__ */ new Map();
  for (const plan of plans) {
    for (const { scope, where: where2 } of plan.scopes)
      if (!scopes.has(scope)) scopes.set(scope, where2);
  }
  return {
    type: first.type,
    where: first.where,
    scopes: [...scopes].map(([scope, where2]) => ({ scope, where: where2 }))
  };
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
  setOutput("audit-report", log.redact(reportJson(findings)));
  setOutput("audit-findings", String(findings.length));
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
    const rows = findings.slice(0, MAX_ROWS).map((f) => [
      escapeHtml(f.severity),
      `<code>${escapeHtml(f.rule)}</code>`,
      f.file === void 0 ? "this step" : escapeHtml(f.line === void 0 ? f.file : `${f.file}:${f.line}`),
      escapeHtml(f.message)
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

// src/audit/policies.ts
var import_yaml4 = __toESM(require_dist());
function at(value, offset) {
  const line = value.lineOf(offset) ?? value.line;
  return { ...where(value), ...line !== void 0 ? { line } : {} };
}
function problemFindings(read, value, label) {
  const container = valueContainer(value);
  return read.problems.map((problem) => {
    const [, ...rest] = problem.path;
    const path = `${label}${formatPath(["", ...rest])}`;
    const offset = problem.node?.range?.[0] ?? 0;
    if (problem.statementOffset !== void 0 && (0, import_yaml4.isScalar)(problem.node)) {
      const index = problem.path[1];
      const name = read.doc && typeof index === "number" ? nodeAt(read.doc, ["policies", index, "name"]) : void 0;
      const title = (0, import_yaml4.isScalar)(name) ? `policy ${show(String(name.value), 60)}` : `policy ${Number(index) + 1}`;
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
  const findings = problemFindings(read, value, input);
  const container = valueContainer(value);
  for (const policy of read.specs) {
    const node = read.doc && nodeAt(read.doc, ["policies", policy.index, "statement"]);
    const parsed = read.statements.get(policy.index);
    if (!(0, import_yaml4.isScalar)(node) || !parsed) continue;
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
  return problemFindings(readBindings(value.text), value, input);
}

// src/audit/rules.ts
var LONG_LIFETIME_SECONDS = 24 * 3600;
var MODES = ["mint", "plan", "audit", "revoke"];
var TOKEN_TYPES = ["classic", "platform", "none"];
var TRUE = /^(true|True|TRUE)$/;
var FALSE = /^(false|False|FALSE)$/;
function shortList(items) {
  const shown = items.slice(0, 8).map((s) => show(s, 60));
  return items.length > 8 ? `${shown.join(", ")}, \u2026` : shown.join(", ");
}
function auditStep(step, settings) {
  const findings = [];
  const label = (input) => step.own ? `This step's ${input}` : input;
  const read = (input) => {
    if (step.unjudgeable?.has(input)) return { expression: true };
    const value = step.values.get(input);
    if (value === void 0) return { expression: false };
    if (hasExpression(value.text)) {
      findings.push(
        finding(
          "expression-value",
          `${label(input)}: ${show(value.text)} is set by an expression, which an offline audit cannot evaluate, so it cannot be proven safe and was not checked. Write the value literally in the step to have it audited (to vary it, use separate steps or jobs with literal values, not vars, secrets or matrix expressions).`,
          where(value)
        )
      );
      return { expression: true };
    }
    return { value, expression: false };
  };
  const invalid = (input, value, text) => {
    findings.push(
      finding("invalid-value", `${label(input)}: ${text}`, {
        ...step.where,
        ...where(value)
      })
    );
  };
  const mode = read("mode");
  const modeText = mode.value?.text.trim() || "mint";
  if (!mode.expression && !MODES.includes(modeText)) {
    invalid(
      "mode",
      mode.value,
      `${show(modeText)} is not one of ${MODES.join(", ")}; the step would fail.`
    );
    return { findings };
  }
  if (!mode.expression && (modeText === "audit" || modeText === "revoke")) {
    return { findings };
  }
  const type = read("token-type");
  const typeText = type.value?.text.trim() || "classic";
  let kind;
  if (!type.expression) {
    if (TOKEN_TYPES.includes(typeText)) {
      kind = typeText === "platform" ? "platform" : "classic";
    } else {
      invalid(
        "token-type",
        type.value,
        `${show(typeText)} is not one of ${TOKEN_TYPES.join(", ")}; the step would fail.`
      );
    }
  }
  const mintsToken = type.expression || typeText !== "none";
  let token;
  const stepAllowed = step.own ? void 0 : read("allowed-scopes");
  const stepAllowList = stepAllowed?.value !== void 0 ? parseList(stepAllowed.value.text) : [];
  if (mintsToken) {
    const scopesInput = read("token-scopes");
    const value = scopesInput.value;
    const scopes = value ? parseList(value.text) : [];
    if (!step.own && !scopesInput.expression && scopes.length === 0) {
      invalid(
        "token-scopes",
        value,
        `is ${value ? "empty" : "missing"}; the step would fail. List the scopes of the token, e.g. ${typeText === "platform" ? "settings:objects:read, settings:objects:write" : "ReadConfig, WriteConfig, settings.read, settings.write"}.`
      );
    }
    if (value) {
      for (const scope of scopes) {
        const at2 = locate(value, scope);
        findings.push(
          ...checkScopeName(label("token-scopes"), scope, kind, at2),
          ...checkEscalation(label("token-scopes"), scope, settings, at2),
          ...checkAllowed(
            label("token-scopes"),
            scope,
            settings.allowedScopes,
            stepAllowList,
            at2
          )
        );
      }
      if (kind && typeText !== "none") {
        token = {
          type: typeText === "platform" ? "platform" : "classic",
          scopes: scopes.map((scope) => ({
            scope,
            where: locate(value, scope)
          })),
          where: { ...step.where, ...where(value) }
        };
      }
    }
  }
  let lifetime = 3600;
  const lifetimeInput = read("token-lifetime");
  if (mintsToken && lifetimeInput.value) {
    const text = lifetimeInput.value.text.trim() || "1h";
    const seconds = parseDuration(text);
    if (seconds === void 0) {
      invalid(
        "token-lifetime",
        lifetimeInput.value,
        `${show(text)} is not a duration such as 30m, 2h or 1d; the step would fail.`
      );
    } else if (seconds < MIN_LIFETIME_SECONDS || seconds > MAX_LIFETIME_SECONDS) {
      invalid(
        "token-lifetime",
        lifetimeInput.value,
        `${show(text)} is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to ${formatDuration(MAX_LIFETIME_SECONDS)}; the step would fail.`
      );
    } else {
      lifetime = seconds;
      if (seconds > LONG_LIFETIME_SECONDS) {
        findings.push(
          finding(
            "long-lifetime",
            `${label("token-lifetime")}: ${show(text)} is longer than ${LONG_LIFETIME_SECONDS / 3600} hours, so a leaked token stays valid that long. Use the shortest lifetime the job needs (e.g. 30m or 1h); a longer one gains nothing when the token is revoked at the end of the job.`,
            where(lifetimeInput.value)
          )
        );
      }
    }
  }
  const revoke = read("revoke");
  if (mintsToken && revoke.value) {
    const text = revoke.value.text.trim();
    if (FALSE.test(text)) {
      findings.push(
        finding(
          "revoke-disabled",
          `${label("revoke")}: false leaves the token valid after the job until it expires (${formatDuration(lifetime)}). Remove revoke: false, or revoke the token in a later job with mode: revoke and token-id.`,
          where(revoke.value)
        )
      );
    } else if (text !== "" && !TRUE.test(text)) {
      invalid(
        "revoke",
        revoke.value,
        `${show(text)} is not a boolean (true or false); the step would fail.`
      );
    }
  }
  const exported = read("export-variable");
  if (mintsToken && exported.value && exported.value.text.trim() !== "") {
    findings.push(
      finding(
        "export-variable",
        `${label("export-variable")}: ${show(exported.value.text.trim(), 40)} puts the token in the environment of every later step of this job, third-party actions included. Prefer passing steps.<id>.outputs.token to just the steps that need it.`,
        where(exported.value)
      )
    );
  }
  const oauth = read("oauth-scopes");
  if (oauth.value) {
    for (const scope of parseList(oauth.value.text)) {
      findings.push(
        ...checkScopeName(
          label("oauth-scopes"),
          scope,
          "oauth",
          locate(oauth.value, scope)
        )
      );
    }
  }
  const policies = read("policies");
  if (policies.value)
    findings.push(...auditPolicies(policies.value, label("policies")));
  const bindings = read("bindings");
  if (bindings.value)
    findings.push(...auditBindings(bindings.value, label("bindings")));
  return token ? { findings, token } : { findings };
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

// src/audit/index.ts
function ownValues(inputs) {
  const values = /* @__PURE__ */ new Map([
    ["token-type", plainValue(inputs.tokenType)],
    ["token-scopes", plainValue(inputs.tokenScopes.join(", "))],
    ["token-lifetime", plainValue(formatDuration(inputs.tokenLifetimeSeconds))],
    ["revoke", plainValue(String(inputs.revoke))],
    ["oauth-scopes", plainValue(inputs.oauthScopes.join(", "))],
    ["policies", plainValue(inputs.policies)],
    ["bindings", plainValue(inputs.bindings)]
  ]);
  if (inputs.exportVariable) {
    values.set("export-variable", plainValue(inputs.exportVariable));
  }
  return values;
}
async function collectFindings(inputs, env) {
  const root = await realWorkspace(env.workspace);
  const settings = { allowedScopes: inputs.allowedScopes };
  const listed = await listYamlFiles(inputs.audit.paths, root);
  const localActionName = localActionNames(root);
  const findings = [...listed.findings];
  const scanned = [];
  const jobs = [];
  const plans = /* @__PURE__ */ new Map();
  for (const absolute of listed.files) {
    const file = relativePath(root, absolute);
    const read = await readAuditFile(absolute, file);
    if ("finding" in read) {
      findings.push(read.finding);
      continue;
    }
    const workflow = scanWorkflow(read.text, file, { localActionName });
    findings.push(...workflow.findings);
    jobs.push(...workflow.jobs);
    scanned.push({ file, steps: workflow.steps });
    for (const step of workflow.steps) {
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
          unjudgeable: new Set(step.nonScalar.map((n) => n.name))
        },
        settings
      );
      findings.push(...result.findings);
      if (result.token) {
        const key = `${file}
${step.job}`;
        plans.set(key, [...plans.get(key) ?? [], result.token]);
      }
    }
  }
  const steps = scanned.reduce((n, f) => n + f.steps.length, 0);
  env.debug(
    `Scope audit: ${listed.files.length} YAML files, ${steps} steps using this action.`
  );
  const own = auditStep(
    { values: ownValues(inputs), own: true, where: {} },
    settings
  );
  findings.push(...own.findings);
  if (inputs.audit.monacoManifest !== void 0) {
    const monaco = await readMonacoProject(inputs.audit.monacoManifest, root);
    findings.push(...monaco.findings);
    if (monaco.project) {
      const consumers = [];
      for (const job of monacoJobs(jobs, monaco.project.manifest)) {
        const jobPlans = plans.get(`${job.file}
${job.job}`) ?? [];
        if (jobPlans.length > 0) consumers.push(consumerOf(jobPlans));
      }
      if (consumers.length === 0 && own.token)
        consumers.push(consumerOf([own.token]));
      if (consumers.length === 0) {
        env.info(
          `Monaco: no job that runs Monaco mints a token with this action (and this step has no token-scopes), so the scopes ${monaco.project.manifest} needs were not compared with any token.`
        );
      }
      findings.push(...compareMonaco(monaco.project, consumers));
    }
  }
  findings.push(
    ...await scopeDrift(scanned, root, env.debug, env.git, env.baseRef)
  );
  return { findings: normalise(findings), files: listed.files.length, steps };
}
function consumerOf(plans) {
  const consumer = {};
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
    steps: result.steps
  });
}
export {
  collectFindings,
  runAudit
};
