import {
  require_dist
} from "./chunk-75AJRJHV.js";
import { neutralise } from "./group-shared-6CC45263.js";
import { require_path } from "./group-shared-6CC45263.js";
import { escapeHtml } from "./group-shared-6CC45263.js";
import { require_fs } from "./group-shared-6CC45263.js";
import { Problem, clientId } from "./group-shared-6CC45263.js";
import { ActionError } from "./group-shared-6CC45263.js";
import { __toESM } from "./group-shared-6CC45263.js";

// src/audit/scan.ts
var import_node_fs = __toESM(require_fs());
var import_node_path = __toESM(require_path());
var import_yaml2 = __toESM(require_dist());
import { lstat, readdir, readFile, realpath } from "node:fs/promises";

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
  "monaco-unknown-type": {
    severity: "warning",
    catches: "a Monaco config type whose scopes no public source states (not compared)"
  },
  "monaco-unneeded-scope": {
    severity: "warning",
    catches: "a scope no config type of the Monaco project needs"
  },
  "scope-drift": {
    severity: "warning",
    catches: "scopes added (warning) or removed (notice) against the base branch"
  },
  "oidc-permission": {
    severity: "error",
    catches: "auth: github-oidc in a job without the permission id-token: write"
  },
  "prefer-oidc": {
    severity: "notice",
    catches: "a client secret where auth: github-oidc would do (classic or no token, no IAM)"
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
function lastAtOrBefore(starts, offset) {
  let found = { index: 0, start: 0 };
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = low + high >> 1;
    const start = starts[mid];
    if (start === void 0) break;
    if (start <= offset) {
      found = { index: mid, start };
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
function lineStartsOf(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1))
    starts.push(i + 1);
  return starts;
}
function literalBlockMap(source, start, value) {
  const header = source.indexOf("\n");
  if (header < 0) return () => start;
  let tables;
  return (offset) => {
    if (tables === void 0) {
      const sourceStarts = lineStartsOf(source.slice(header + 1));
      const sourceLines2 = sourceStarts.map((at, j2) => {
        const next = sourceStarts[j2 + 1];
        const end = next === void 0 ? source.length - header - 1 : next - 1;
        const cr = source[header + 1 + end - 1] === "\r" ? 1 : 0;
        return { start: at, length: Math.max(0, end - at - cr) };
      });
      tables = { sourceLines: sourceLines2, valueStarts: lineStartsOf(value) };
    }
    const { sourceLines, valueStarts } = tables;
    const clamped = Math.max(0, Math.min(offset, value.length));
    const { index: valueLine, start: lineStart } = lastAtOrBefore(
      valueStarts,
      clamped
    );
    const column = clamped - lineStart;
    const j = Math.min(valueLine, sourceLines.length - 1);
    const valueLineStart = valueStarts[j];
    const valueLineLength = valueLineStart === void 0 ? 0 : (valueStarts[j + 1] ?? value.length + 1) - 1 - valueLineStart;
    const sourceLine = sourceLines[j] ?? { start: 0, length: 0 };
    const indent = Math.max(0, sourceLine.length - valueLineLength);
    return start + header + 1 + sourceLine.start + Math.min(indent + column, sourceLine.length);
  };
}
var isYamlSpace = (c) => c === " " || c === "	" || c === "\n" || c === "\r";
var ESCAPE_LOOKAHEAD = 12;
function foldedMap(source, start, value, from) {
  let table;
  return (offset) => {
    if (table === void 0) {
      table = new Int32Array(value.length + 1);
      let p = from;
      for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (isYamlSpace(c)) {
          table[i] = p;
          continue;
        }
        while (p < source.length && isYamlSpace(source[p])) p++;
        let q = p;
        const limit = Math.min(source.length, p + ESCAPE_LOOKAHEAD);
        while (q < limit && source[q] !== c) q++;
        if (q < limit) {
          table[i] = q;
          p = q + 1;
        } else {
          table[i] = p;
        }
      }
      table[value.length] = p;
    }
    return start + (table[Math.max(0, Math.min(offset, value.length))] ?? 0);
  };
}
function scalarValue(node, container) {
  const text = scalarText(node);
  const [start, end] = node.range ?? [0, 0];
  const source = container.text.slice(start, end);
  let map;
  if (node.type === "BLOCK_LITERAL") {
    map = literalBlockMap(source, start, text);
  } else if (!source.includes("\n")) {
    const quote = node.type === "PLAIN" ? 0 : 1;
    map = (offset) => start + quote + offset;
  } else {
    const from = node.type === "BLOCK_FOLDED" ? source.indexOf("\n") + 1 : node.type === "PLAIN" ? 0 : 1;
    map = foldedMap(source, start, text, from);
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
var entries;
function indexOfItem(text, item) {
  if (item !== "" && !/[\s,]/.test(item)) {
    if (entries?.text !== text) {
      const first = /* @__PURE__ */ new Map();
      for (const m of text.matchAll(/[^\s,]+/g)) {
        if (!first.has(m[0])) first.set(m[0], m.index);
      }
      entries = { text, first };
    }
    return entries.first.get(item) ?? -1;
  }
  for (let i = text.indexOf(item); i >= 0; i = text.indexOf(item, i + 1)) {
    const before = text.charAt(i - 1);
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
function hideLiteralSecrets(values) {
  const literal = (input) => {
    const text = values.get(input)?.text.trim() ?? "";
    return text.length >= 8 && !hasExpression(text) ? text : "";
  };
  const id = literal("client-id");
  const idCheck = id === "" ? void 0 : clientId.check(id, (t) => t);
  const sources = [
    { from: "client-secret", text: literal("client-secret") },
    {
      from: "client-id",
      text: idCheck instanceof Problem && idCheck.secret ? id : ""
    }
  ].flatMap(({ from, text }) => {
    const part = text.split(".").pop() ?? "";
    return text === "" ? [] : [
      { from, text },
      ...part.length >= 8 && part !== text ? [{ from, text: part }] : []
    ];
  });
  const carriers = [];
  const hidden = new Map(values);
  for (const [input, value] of values) {
    const secrets = sources.filter((s) => s.from !== input && value.text.includes(s.text)).map((s) => s.text);
    if (secrets.length === 0) continue;
    if (sources.some(
      (s) => s.from === "client-secret" && secrets.includes(s.text)
    ))
      carriers.push(input);
    let text = value.text;
    for (const secret of secrets)
      text = text.split(secret).join("*".repeat(secret.length));
    hidden.set(input, { ...value, text, lineOf: (o) => value.lineOf(o) });
  }
  return { values: hidden, carriers };
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
  "platform-token-owner",
  "oidc-audience"
];
function hasThisActionsInputs(names) {
  const set = new Set(names);
  const distinctive = DISTINCTIVE_INPUTS.filter((n) => set.has(n)).length;
  return distinctive >= 2 && (set.has("client-id") || set.has("client-secret") || set.has("oidc-audience") || set.has("mode"));
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
    let entries2;
    try {
      entries2 = await readdir(dir, { withFileTypes: true });
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
    entries2.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry2 of entries2) {
      const path = (0, import_node_path.join)(dir, entry2.name);
      if (entry2.isDirectory() && !SKIPPED_DIRS.has(entry2.name)) {
        await walk(path, depth + 1);
      } else if (entry2.isFile() && isYaml(entry2.name)) {
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
function localActionNames(root, budget) {
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
        budget?.charge(stats.size, rel.split(import_node_path.sep).join("/"));
        const text = (0, import_node_fs.readFileSync)(real, "utf8");
        const match = /^name:[ \t]*(['"]?)(.*?)\1[ \t]*(?:#.*)?$/m.exec(text);
        return match?.[2];
      } catch (error) {
        if (error instanceof ActionError) throw error;
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
function unreadable(file, error) {
  const code = error.code ?? "error";
  return {
    finding: finding(
      "unreadable-file",
      `${show(file)} could not be read (${code}).`,
      { file }
    )
  };
}
async function readAuditFile(absolute, file, budget) {
  budget?.checkTime(file);
  let stats;
  try {
    stats = await lstat(absolute);
  } catch (error) {
    return unreadable(file, error);
  }
  if (stats.size > MAX_FILE_BYTES) {
    return {
      finding: finding(
        "unreadable-file",
        `${show(file)} is larger than ${MAX_FILE_BYTES / 1024} KiB and was not audited.`,
        { file }
      )
    };
  }
  budget?.charge(stats.size, file);
  try {
    return { text: await readFile(absolute, "utf8") };
  } catch (error) {
    return unreadable(file, error);
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
  const workflow = {
    file,
    doc,
    lines,
    container: fileContainer(text, file, lines),
    options
  };
  const scanned = { steps: [], jobs: [], findings: [] };
  const root = deref(doc.contents, doc);
  if ((0, import_yaml2.isMap)(root)) {
    const jobsNode = getNode(root, "jobs", doc);
    if ((0, import_yaml2.isMap)(jobsNode)) {
      for (const pair of jobsNode.items) {
        const key = deref(pair.key, doc);
        const job = (0, import_yaml2.isScalar)(key) ? scalarText(key) : "?";
        const jobNode = deref(pair.value, doc);
        const idToken = idTokenPermission(root, jobNode, doc);
        scanJob(workflow, scanned, job, jobNode, idToken);
      }
    }
    scanJob(workflow, scanned, "runs", getNode(root, "runs", doc));
  }
  return scanned;
}
function scanJob(workflow, scanned, job, jobNode, idToken) {
  const { file, doc } = workflow;
  const stepsNode = getNode(jobNode, "steps", doc);
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
    noteRun(info, step, defaultDir, doc);
    const found = actionStep(workflow, step, { job, index, idToken });
    if (found) scanned.steps.push(found);
  });
  scanned.jobs.push(info);
}
function noteRun(info, step, defaultDir, doc) {
  const run = getText(step, "run", doc);
  if (run !== void 0) {
    const workingDirectory = getText(step, "working-directory", doc) ?? defaultDir;
    info.runs.push({
      script: run,
      ...workingDirectory !== void 0 ? { workingDirectory } : {}
    });
    if (/\bmonaco\b/i.test(run)) info.usesMonaco = true;
  }
  if (/monaco/i.test(getText(step, "uses", doc) ?? "")) info.usesMonaco = true;
}
function actionStep(workflow, step, at) {
  const { file, doc, lines } = workflow;
  const uses = getText(step, "uses", doc) ?? "";
  const values = withValues(getNode(step, "with", doc), workflow);
  const recognised = recogniseAction(uses, values, workflow.options);
  if (!recognised) return void 0;
  const hidden = hideLiteralSecrets(values.with);
  return {
    file,
    line: lines.linePos(step.range?.[0] ?? 0).line,
    job: at.job,
    label: stepLabel(step, at.index, doc),
    nonScalar: values.nonScalar,
    with: hidden.values,
    secretCarriers: hidden.carriers,
    ...recognised,
    ...at.idToken ? { idToken: at.idToken } : {}
  };
}
function recogniseAction(uses, values, options) {
  if (usesThisAction(uses)) return {};
  if (uses === "" || uses.startsWith("docker://")) return void 0;
  if (uses.startsWith("./") && options.localActionName?.(uses) === ACTION_DISPLAY_NAME) {
    return { copy: { uses, recognisedBy: "action-name" } };
  }
  const inputs = [...values.with.keys(), ...values.nonScalar.map((n) => n.name)];
  return hasThisActionsInputs(inputs) ? { copy: { uses, recognisedBy: "inputs" } } : void 0;
}
function stepLabel(step, index, doc) {
  const id = getText(step, "id", doc);
  if (id !== void 0) return `step ${show(id, 40)}`;
  const name = getText(step, "name", doc);
  return name !== void 0 ? `step ${show(name, 40)}` : `step ${index + 1}`;
}
function idTokenPermission(root, jobNode, doc) {
  const permissions = getNode(jobNode, "permissions", doc) ?? getNode(root, "permissions", doc);
  if (permissions === void 0 || permissions === null) {
    const on = getNode(root, "on", doc);
    const triggers = (0, import_yaml2.isScalar)(on) ? [scalarText(on)] : (0, import_yaml2.isSeq)(on) ? on.items.map((i) => (0, import_yaml2.isScalar)(i) ? scalarText(i) : "") : (0, import_yaml2.isMap)(on) ? on.items.map((p) => (0, import_yaml2.isScalar)(p.key) ? scalarText(p.key) : "") : [];
    return triggers.includes("workflow_call") ? void 0 : "none";
  }
  if ((0, import_yaml2.isScalar)(permissions)) {
    const text = scalarText(permissions).trim();
    if (text.includes("${{")) return void 0;
    return text === "write-all" ? "write" : "none";
  }
  if (!(0, import_yaml2.isMap)(permissions)) return void 0;
  const value = getText(permissions, "id-token", doc);
  if (value === void 0) return "none";
  if (value.includes("${{")) return void 0;
  return value.trim() === "write" ? "write" : "none";
}
function withValues(node, { file, doc, lines, container }) {
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
      empty.file = file;
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

// src/monaco/catalogue.ts
var CLASSIC_DOCS = "https://docs.dynatrace.com/docs/shortlink/configuration-as-code-supported-configuration";
var PLATFORM_DOCS = "https://docs.dynatrace.com/docs/deliver/configuration-as-code/monaco/guides/create-platform-token";
var config = (...extra) => ({
  required: extra.length > 0 ? extra : ["ReadConfig", "WriteConfig"],
  optional: [],
  source: CLASSIC_DOCS
});
var CLASSIC_API_TYPES = {
  "alerting-profile": config(),
  "management-zone": config(),
  "auto-tag": config(),
  dashboard: config(),
  "dashboard-share-settings": config(),
  notification: config(),
  extension: config(),
  "extension-elasticsearch": config(),
  "custom-service-java": config(),
  "custom-service-dotnet": config(),
  "custom-service-go": config(),
  "custom-service-nodejs": config(),
  "custom-service-php": config(),
  "anomaly-detection-metrics": config(),
  "anomaly-detection-disks": config(),
  "anomaly-detection-applications": config(),
  "anomaly-detection-aws": config(),
  "anomaly-detection-database-services": config(),
  "anomaly-detection-hosts": config(),
  "anomaly-detection-services": config(),
  "anomaly-detection-vmware": config(),
  "application-web": config(),
  "application-mobile": config(),
  "app-detection-rule": config(),
  "app-detection-rule-host": config(),
  "aws-credentials": config(),
  "kubernetes-credentials": config(),
  "azure-credentials": config(),
  "calculated-metrics-service": config(),
  "calculated-metrics-log": config(),
  "calculated-metrics-application-mobile": config(),
  "calculated-metrics-synthetic": config(),
  "calculated-metrics-application-web": config(),
  "conditional-naming-processgroup": config(),
  "conditional-naming-host": config(),
  "conditional-naming-service": config(),
  "maintenance-window": config(),
  "request-naming-service": config(),
  "failure-detection-parametersets": config(),
  "failure-detection-rules": config(),
  "service-detection-full-web-request": config(),
  "service-detection-full-web-service": config(),
  "service-detection-opaque-web-request": config(),
  "service-detection-opaque-web-service": config(),
  reports: config(),
  "frequent-issue-detection": config(),
  "hosts-auto-update": config(),
  "service-resource-naming": config(),
  "content-resources": config(),
  "allowed-beacon-origins": config(),
  "geo-ip-detection-headers": config(),
  "geo-ip-address-mappings": config(),
  "key-user-actions-mobile": config(),
  "key-user-actions-web": config(),
  "user-action-and-session-properties-mobile": config(),
  "request-attributes": config("ReadConfig", "CaptureRequestData"),
  "data-privacy": config("ReadConfig", "DataPrivacy"),
  // Monaco calls /api/v2/credentials (pkg/api/endpoints.go), which takes these scopes.
  "credential-vault": config("credentialVault.read", "credentialVault.write"),
  "network-zone": config("networkZones.read", "networkZones.write"),
  slo: config("slo.read", "slo.write"),
  "synthetic-location": config("DataExport", "ExternalSyntheticIntegration"),
  "synthetic-monitor": config("ExternalSyntheticIntegration")
};
var UNSOURCED_CLASSIC_APIS = [
  // /api/config/v1/aws/credentials/{id}/services: absent from the docs table.
  "aws-credentials-services"
];
var SETTINGS_CLASSIC = {
  required: ["settings.read", "settings.write"],
  optional: [],
  source: CLASSIC_DOCS
};
var SETTINGS_PLATFORM = {
  required: [
    "settings:objects:read",
    "settings:objects:write",
    "settings:schemas:read"
  ],
  // For `permissions`, Monaco first tries admin access and retries without it on a 403
  // (pkg/client/dtclient/admin_retry.go, settings_client.go).
  optional: ["settings:objects:admin"],
  source: PLATFORM_DOCS
};
var PLATFORM_TYPES = {
  "automation:workflow": {
    required: ["automation:workflows:read", "automation:workflows:write"],
    // All users' workflows (the docs' "Access all Automation Workflows"); not needed for one's own.
    optional: ["automation:workflows:admin"],
    source: PLATFORM_DOCS
  },
  "automation:business-calendar": {
    required: ["automation:calendars:read", "automation:calendars:write"],
    optional: [],
    source: PLATFORM_DOCS
  },
  "automation:scheduling-rule": {
    required: ["automation:rules:read", "automation:rules:write"],
    optional: [],
    source: PLATFORM_DOCS
  },
  bucket: {
    required: [
      "storage:bucket-definitions:read",
      "storage:bucket-definitions:write"
    ],
    optional: ["storage:bucket-definitions:delete"],
    source: PLATFORM_DOCS
  },
  document: {
    required: ["document:documents:read", "document:documents:write"],
    optional: ["document:documents:delete", "document:trash.documents:delete"],
    source: PLATFORM_DOCS
  },
  openpipeline: {
    required: [
      "openpipeline:configurations:read",
      "openpipeline:configurations:write"
    ],
    optional: [],
    source: PLATFORM_DOCS
  },
  segment: {
    required: ["storage:filter-segments:read", "storage:filter-segments:write"],
    optional: [
      "storage:filter-segments:delete",
      "storage:filter-segments:admin"
    ],
    source: PLATFORM_DOCS
  },
  "slo-v2": {
    required: ["slo:slos:read", "slo:slos:write"],
    optional: ["slo:objective-templates:read"],
    source: PLATFORM_DOCS
  }
};
var AUTOMATION_RESOURCES = [
  "workflow",
  "business-calendar",
  "scheduling-rule"
];
var DOCUMENT_KINDS = [
  "dashboard",
  "notebook",
  "launchpad"
];
var ALL_USERS_PERMISSIONS = [
  "read",
  "write",
  "none"
];
var RUNTIME_SCOPES = {
  platform: {
    required: ["app-engine:apps:run"],
    optional: [],
    source: "Monaco pkg/client/clientset.go, pkg/client/metadata/metadata.go",
    why: "the classic-URL lookup (GET /platform/metadata/v1/classic-environment-domain) Monaco makes whenever it runs with platform credentials"
  },
  classic: {
    required: [],
    optional: [],
    source: "Monaco pkg/client/accesstoken/client.go",
    why: "the token check (POST /api/v2/apiTokens/lookup) Monaco makes first, which any scope allows"
  }
};
function entry(table, key) {
  return Object.hasOwn(table, key) ? table[key] : void 0;
}

// src/monaco/project.ts
var import_node_path2 = __toESM(require_path());
var import_yaml3 = __toESM(require_dist());
import { lstat as lstat2, readdir as readdir2 } from "node:fs/promises";
var MAX_CONFIG_FILES = 2e3;
var MAX_DEPTH2 = 16;
var ACCOUNT_KEYS = [
  "users",
  "serviceUsers",
  "groups",
  "policies",
  "boundaries"
];
function describeType(type) {
  switch (type.kind) {
    case "api":
      return `api ${type.api}`;
    case "settings":
      return `settings ${neutralise(type.schema, 80)}`;
    case "automation":
      return `automation ${type.resource}`;
    case "document":
      return `document ${type.documentKind}`;
    case "openpipeline":
      return `openpipeline ${neutralise(type.pipelineKind, 60)}`;
    default:
      return type.kind;
  }
}
function parseType(node, doc) {
  if (node === void 0 || (0, import_yaml3.isScalar)(node) && scalarText(node) === "") {
    return { error: "has no type" };
  }
  if ((0, import_yaml3.isScalar)(node)) {
    const name = scalarText(node).trim();
    if (name === "bucket" || name === "segment" || name === "slo-v2")
      return { kind: name };
    return api(name);
  }
  if (!(0, import_yaml3.isMap)(node))
    return { error: "has a type that is neither a name nor a map" };
  const [pair, ...more] = node.items;
  if (pair === void 0) return { error: "has no type" };
  if (more.length > 0)
    return {
      error: "has more than one type (only one config type is allowed at once)"
    };
  const keyNode = deref(pair.key, doc);
  const key = (0, import_yaml3.isScalar)(keyNode) ? scalarText(keyNode) : "";
  return typeOfKind(key, deref(pair.value, doc), doc);
}
function typeOfKind(key, value, doc) {
  switch (key) {
    case "api": {
      const name = (0, import_yaml3.isScalar)(value) ? scalarText(value) : getText(value, "name", doc) ?? "";
      return api(name.trim());
    }
    case "settings":
      return settingsType(value, doc);
    case "automation": {
      const resource = getText(value, "resource", doc)?.trim() ?? "";
      return AUTOMATION_RESOURCES.includes(resource) ? { kind: "automation", resource } : {
        error: `has automation resource ${show(resource)}, not one of ${AUTOMATION_RESOURCES.join(", ")}`
      };
    }
    case "document": {
      const documentKind = getText(value, "kind", doc)?.trim() ?? "";
      return DOCUMENT_KINDS.includes(documentKind) ? { kind: "document", documentKind } : {
        error: `has document kind ${show(documentKind)}, not one of ${DOCUMENT_KINDS.join(", ")}`
      };
    }
    case "openpipeline": {
      const pipelineKind = getText(value, "kind", doc)?.trim() ?? "";
      return pipelineKind === "" ? { error: "is an openpipeline type without a kind" } : { kind: "openpipeline", pipelineKind };
    }
    default:
      return {
        error: `has the unknown config type ${show(key, 60)} (Monaco knows api, settings, automation, document, openpipeline, and the names bucket, segment, slo-v2)`
      };
  }
}
function settingsType(value, doc) {
  const schema = getText(value, "schema", doc)?.trim() ?? "";
  if (schema === "") return { error: "is a settings type without a schema" };
  if (getNode(value, "scope", doc) === void 0)
    return { error: `(settings ${show(schema)}) has no scope` };
  const permissions = getNode(value, "permissions", doc);
  if (permissions !== void 0) {
    const allUsers = getText(permissions, "allUsers", doc);
    if (allUsers !== void 0 && !ALL_USERS_PERMISSIONS.includes(allUsers))
      return {
        error: `(settings ${show(schema)}) has permissions.allUsers ${show(allUsers)}, not one of ${ALL_USERS_PERMISSIONS.join(", ")}`
      };
  }
  return {
    kind: "settings",
    schema,
    permissions: permissions !== void 0
  };
}
function api(name) {
  if (entry(CLASSIC_API_TYPES, name) !== void 0 || UNSOURCED_CLASSIC_APIS.includes(name)) {
    return { kind: "api", api: name };
  }
  return {
    error: name === "" ? "has an api type without a name" : `has the unknown API ${show(name, 60)}${name.includes(":") ? " (a Settings 2.0 schema is written `type: {settings: {schema: \u2026, scope: \u2026}}`)" : ""}`
  };
}
function parseSkip(node, doc) {
  if (node === void 0) return void 0;
  let text;
  if ((0, import_yaml3.isScalar)(node)) text = scalarText(node);
  else if ((0, import_yaml3.isMap)(node)) {
    const type = getText(node, "type", doc);
    if (type === "environment") return "environment";
    if (type !== "value")
      return { error: "skip must be of type 'value' or 'environment'" };
    text = getText(node, "value", doc);
  }
  if (text === void 0) return { error: "skip must be true or false" };
  if (/^(1|t|T|TRUE|true|True)$/.test(text.trim())) return true;
  if (/^(0|f|F|FALSE|false|False)$/.test(text.trim())) return false;
  return { error: `skip is ${show(text, 40)}, which is neither true nor false` };
}
function referencedProjects(node, doc, out) {
  const stack = [node];
  for (let visited = 0; stack.length > 0 && visited < 1e5; visited++) {
    const n = stack.pop();
    if ((0, import_yaml3.isMap)(n)) {
      if (getText(n, "type", doc) === "reference") {
        const project = getText(n, "project", doc);
        if (project) out.add(project);
      }
      for (const pair of n.items) stack.push(pair.value);
    } else if ((0, import_yaml3.isSeq)(n)) {
      stack.push(...n.items);
    }
  }
}
async function findYamlFiles(dir, files, depth = 0) {
  if (depth > MAX_DEPTH2 || files.length >= MAX_CONFIG_FILES) return;
  const entries2 = await readdir2(dir, { withFileTypes: true });
  entries2.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries2) {
    const path = (0, import_node_path2.join)(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith(".")) {
      await findYamlFiles(path, files, depth + 1);
    } else if (e.isFile() && /\.ya?ml$/i.test(e.name)) {
      if (files.length >= MAX_CONFIG_FILES) return;
      files.push(path);
    }
  }
}
async function readYamlFile(absolute, file, fix, budget) {
  const read = await readAuditFile(absolute, file, budget);
  if ("finding" in read)
    return {
      problem: { kind: "unreadable", message: read.finding.message, file }
    };
  const parsed = parseYaml(read.text, file, fix);
  if ("finding" in parsed) {
    return {
      problem: {
        kind: "unreadable",
        message: parsed.finding.message,
        file,
        ...lineOf(parsed.finding)
      }
    };
  }
  const { doc, lines } = parsed;
  const at = (node) => lines.linePos(node?.range?.[0] ?? 0).line;
  return { file, doc, at };
}
function lineOf(f) {
  return f.line === void 0 ? {} : { line: f.line };
}
async function loadMonaco(manifestPath, root, input = "monaco-manifest", budget) {
  const absolute = await insideWorkspace(root, manifestPath, input);
  const yaml = await readYamlFile(
    absolute,
    relativePath(root, absolute),
    "Monaco cannot load it either; fix the manifest",
    budget
  );
  if ("problem" in yaml) return { problems: [yaml.problem] };
  const { file, doc } = yaml;
  const manifest = {
    file,
    environments: readEnvironments(yaml),
    projects: []
  };
  const reader = {
    root,
    input,
    manifestDir: (0, import_node_path2.dirname)(absolute),
    budget,
    problems: []
  };
  const projects = getNode(doc.contents, "projects", doc);
  if (!(0, import_yaml3.isSeq)(projects) || projects.items.length === 0) {
    reader.problems.push({
      kind: "invalid",
      message: `${show(file, 200)} defines no projects; Monaco fails with "no projects defined in manifest". Add the project folders under projects:.`,
      file,
      line: yaml.at(projects ?? doc.contents)
    });
  }
  for (const item of (0, import_yaml3.isSeq)(projects) ? projects.items : []) {
    const entry2 = deref(item, doc);
    manifest.projects.push(...await readProjectEntry(entry2, yaml, reader));
  }
  return { manifest, problems: reader.problems };
}
function readEnvironments({ doc, at }) {
  const environments = [];
  const groups = getNode(doc.contents, "environmentGroups", doc);
  for (const g of (0, import_yaml3.isSeq)(groups) ? groups.items : []) {
    const group = deref(g, doc);
    const groupName = getText(group, "name", doc) ?? "";
    const envs = getNode(group, "environments", doc);
    for (const e of (0, import_yaml3.isSeq)(envs) ? envs.items : []) {
      const env = deref(e, doc);
      const auth = getNode(env, "auth", doc);
      environments.push({
        name: getText(env, "name", doc) ?? "",
        group: groupName,
        line: at(env),
        auth: {
          token: (0, import_yaml3.isMap)(getNode(auth, "token", doc)),
          platformToken: (0, import_yaml3.isMap)(getNode(auth, "platformToken", doc)),
          oAuth: (0, import_yaml3.isMap)(getNode(auth, "oAuth", doc))
        }
      });
    }
  }
  return environments;
}
async function readProjectEntry(node, manifest, reader) {
  const { doc } = manifest;
  const line = manifest.at(node);
  const name = getText(node, "name", doc) ?? "";
  const type = getText(node, "type", doc) ?? "simple";
  const path = getText(node, "path", doc) ?? name;
  const invalid = (text) => {
    reader.problems.push({
      kind: "invalid",
      message: text,
      file: manifest.file,
      line
    });
    return [];
  };
  if (name === "")
    return invalid(
      `${show(manifest.file, 200)}: a project has no name; Monaco fails to load the manifest. Give it a name.`
    );
  if (type !== "simple" && type !== "grouping")
    return invalid(
      `Monaco project ${show(name, 60)} has type ${show(type, 40)}; Monaco knows only simple and grouping.`
    );
  const folder = await projectFolder(path, reader);
  if (folder === void 0)
    return invalid(
      `Monaco project ${show(name, 60)}: its folder ${show(path, 80)} (relative to the manifest) does not exist inside the workspace, so Monaco would fail to load it. Fix the project's path or name in the manifest.`
    );
  const folders = type === "grouping" ? await groupedFolders(name, folder) : [{ name, folder }];
  if (folders.length === 0)
    return invalid(
      `Monaco grouping project ${show(name, 60)} has no sub-folders in ${show(path, 80)}; Monaco fails with "no projects found". Put each project in its own folder there.`
    );
  const definitions = [];
  for (const f of folders) definitions.push(await readProject(f, line, reader));
  return definitions;
}
async function projectFolder(path, reader) {
  try {
    const folder = await insideWorkspace(
      reader.root,
      (0, import_node_path2.resolve)(reader.manifestDir, path),
      reader.input
    );
    if ((await lstat2(folder)).isDirectory()) return folder;
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
  }
  return void 0;
}
async function groupedFolders(name, folder) {
  const subs = (await readdir2(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return subs.map((sub) => ({
    name: `${name}.${sub}`,
    group: name,
    folder: (0, import_node_path2.join)(folder, sub)
  }));
}
async function readProject({ name, group, folder }, line, reader) {
  const project = {
    name,
    path: relativePath(reader.root, folder),
    line,
    configs: []
  };
  if (group !== void 0) project.group = group;
  const files = [];
  await findYamlFiles(folder, files);
  for (const configFile of files) {
    await readConfigFile(configFile, project, reader);
  }
  return project;
}
async function readConfigFile(absolute, project, { root, budget, problems }) {
  const yaml = await readYamlFile(
    absolute,
    relativePath(root, absolute),
    "Monaco cannot load this config file either; fix it",
    budget
  );
  if ("problem" in yaml) {
    problems.push(yaml.problem);
    return;
  }
  for (const item of configItems(yaml, problems)) {
    const config2 = readConfig(deref(item, yaml.doc), yaml, project, problems);
    if (config2) project.configs.push(config2);
  }
}
function configItems({ file, doc, at }, problems) {
  const top = deref(doc.contents, doc);
  const configs = getNode(top, "configs", doc);
  const has = (key) => getNode(top, key, doc) !== void 0;
  if (has("config")) {
    problems.push({
      kind: "invalid",
      message: `${show(file, 200)} has a top-level config: key, the Monaco 1 format; Monaco 2 refuses it. Convert it with monaco convert.`,
      file,
      line: 1
    });
    return [];
  }
  if (ACCOUNT_KEYS.some(has) && configs === void 0) return [];
  if (!(0, import_yaml3.isSeq)(configs) || configs.items.length === 0) {
    problems.push({
      kind: "invalid",
      message: `${show(file, 200)} has no configs; Monaco fails with "no configurations found in file". Add configs: or move the file out of the project folder.`,
      file,
      line: at(configs ?? top)
    });
    return [];
  }
  return configs.items;
}
function readConfig(c, yaml, project, problems) {
  const { file, doc, at } = yaml;
  const id = getText(c, "id", doc) ?? "";
  const type = parseType(getNode(c, "type", doc), doc);
  if ("error" in type) {
    problems.push({
      kind: "invalid",
      message: `Monaco config ${show(id || "?", 60)} ${type.error}; Monaco fails to load the project.`,
      file,
      line: at(getNode(c, "type", doc) ?? c)
    });
    return void 0;
  }
  const config2 = {
    id,
    project: project.name,
    type,
    file,
    line: at(c),
    groupSkip: /* @__PURE__ */ new Map(),
    environmentSkip: /* @__PURE__ */ new Map(),
    references: []
  };
  const site = {
    label: `Monaco config ${show(id || "?", 60)}`,
    yaml,
    problems
  };
  const base = readSkip(getNode(c, "config", doc), site);
  if (base !== void 0) config2.skip = base;
  readOverrides(c, config2, site);
  const refs = /* @__PURE__ */ new Set();
  referencedProjects(c, doc, refs);
  refs.delete(project.name);
  config2.references = [...refs];
  return config2;
}
function readSkip(holder, site) {
  const { doc, file, at } = site.yaml;
  const node = getNode(holder, "skip", doc);
  const value = parseSkip(node, doc);
  if (value !== void 0 && typeof value === "object") {
    site.problems.push({
      kind: "invalid",
      message: `${site.label}: ${value.error}; Monaco fails to load it.`,
      file,
      line: at(node)
    });
    return void 0;
  }
  return value;
}
function readOverrides(c, config2, site) {
  const { doc, file, at } = site.yaml;
  for (const [key, field, map] of [
    ["groupOverrides", "group", config2.groupSkip],
    ["environmentOverrides", "environment", config2.environmentSkip]
  ]) {
    const overrides = getNode(c, key, doc);
    for (const o of (0, import_yaml3.isSeq)(overrides) ? overrides.items : []) {
      const override = deref(o, doc);
      const target = getText(override, field, doc);
      const body = getNode(override, "override", doc);
      const typeNode = getNode(body, "type", doc);
      if (typeNode !== void 0) {
        site.problems.push({
          kind: "invalid",
          message: `${site.label}: ${key} cannot change the type (an override takes name, template, skip, parameters and originObjectId); Monaco fails to load the file. Make a separate config for the other type.`,
          file,
          line: at(typeNode)
        });
      }
      const value = readSkip(body, site);
      if (target !== void 0 && value !== void 0) map.set(target, value);
    }
  }
}

// src/monaco/deploy.ts
var otherCredential = (credential) => credential === "classic" ? "platform" : "classic";
var hasPlatform = (e) => e.auth.platformToken || e.auth.oAuth;
function skipped(config2, env) {
  let skip = config2.skip;
  const group = config2.groupSkip.get(env.group);
  if (group !== void 0) skip = group;
  const own = config2.environmentSkip.get(env.name);
  if (own !== void 0) skip = own;
  return skip === true;
}
function planDeploy(manifest, selection) {
  const problems = [];
  const fail = (message, where2, kind = "invalid") => {
    problems.push({ kind, message, ...where2 });
  };
  const environments = selectedEnvironments(manifest, selection, fail);
  for (const env of environments) checkAuth(env, manifest.file, fail);
  const { projects, placements } = placeConfigs(
    manifest,
    selectedProjects(manifest, selection, fail),
    environments,
    fail
  );
  return {
    environments,
    projects,
    placements,
    emptyProjects: projects.filter((p) => p.configs.length === 0),
    problems
  };
}
function selectedEnvironments(manifest, selection, fail) {
  const anyEnv = selection.environments.length + selection.groups.length === 0;
  for (const name of selection.environments) {
    if (!manifest.environments.some((e) => e.name === name))
      fail(
        `Monaco would fail: environment ${show(name, 60)} is not in ${show(manifest.file, 200)} (it has ${list(manifest.environments.map((e) => e.name))}).`,
        { file: manifest.file }
      );
  }
  for (const name of selection.groups) {
    if (!manifest.environments.some((e) => e.group === name))
      fail(
        `Monaco would fail: environment group ${show(name, 60)} is not in ${show(manifest.file, 200)}.`,
        { file: manifest.file }
      );
  }
  return manifest.environments.filter(
    (e) => anyEnv || selection.environments.includes(e.name) || selection.groups.includes(e.group)
  );
}
function checkAuth(env, file, fail) {
  const where2 = { file, line: env.line };
  if (!env.auth.token && !hasPlatform(env))
    fail(
      `Monaco would fail: environment ${show(env.name, 60)} has no credentials (auth.token, auth.platformToken or auth.oAuth).`,
      where2
    );
  if (env.auth.platformToken && env.auth.oAuth)
    fail(
      `Monaco would fail: environment ${show(env.name, 60)} has both auth.oAuth and auth.platformToken, which Monaco refuses. Keep one.`,
      where2
    );
}
function selectedProjects(manifest, selection, fail) {
  if (selection.projects.length === 0)
    return manifest.projects.map((p) => p.name);
  const names = [];
  for (const name of selection.projects) {
    const matches = manifest.projects.some((p) => p.name === name) ? [name] : manifest.projects.filter((p) => p.group === name).map((p) => p.name);
    if (matches.length === 0)
      fail(
        `Monaco would fail: no project named ${show(name, 60)} in ${show(manifest.file, 200)}.`,
        { file: manifest.file }
      );
    names.push(...matches);
  }
  return names;
}
function placeConfigs(manifest, selected, environments, fail) {
  const byName = new Map(manifest.projects.map((p) => [p.name, p]));
  const queue = [...selected];
  const projects = [];
  const placements = [];
  const seen = /* @__PURE__ */ new Set();
  const refused = /* @__PURE__ */ new Set();
  for (let name = queue.shift(); name !== void 0; name = queue.shift()) {
    const project = byName.get(name);
    if (seen.has(name) || !project) continue;
    seen.add(name);
    projects.push(project);
    for (const config2 of project.configs) {
      for (const env of environments) {
        if (skipped(config2, env)) continue;
        queue.push(...config2.references);
        const placed = place(config2, env);
        if (!("refusal" in placed)) {
          placements.push(placed);
          continue;
        }
        const key = `${config2.file}:${config2.line}`;
        if (refused.has(key)) continue;
        refused.add(key);
        fail(
          placed.refusal,
          { file: config2.file, line: config2.line },
          "credential"
        );
      }
    }
  }
  return { projects, placements };
}
function place(config2, env) {
  const type = config2.type;
  const label = `Monaco config ${show(config2.id, 60)} (${describeType(type)})`;
  if (type.kind === "api") {
    if (!env.auth.token)
      return {
        refusal: `${label} is a Configuration API type, which Monaco deploys only with a classic token (auth.token), but environment ${show(env.name, 60)} has none: Monaco would fail. Add auth.token to the environment and mint a classic token (token-type: classic).`
      };
    const scopes2 = entry(CLASSIC_API_TYPES, type.api);
    return {
      config: config2,
      environment: env,
      credential: "classic",
      ...scopes2 ? { scopes: scopes2 } : {}
    };
  }
  if (type.kind === "settings") {
    if (hasPlatform(env))
      return {
        config: config2,
        environment: env,
        credential: "platform",
        scopes: SETTINGS_PLATFORM
      };
    if (type.permissions)
      return {
        refusal: `${label} sets permissions, which needs platform credentials, but environment ${show(env.name, 60)} has only auth.token: Monaco would fail. Add auth.platformToken (and mint a platform token) or remove permissions.`
      };
    if (env.auth.token)
      return {
        config: config2,
        environment: env,
        credential: "classic",
        scopes: SETTINGS_CLASSIC
      };
    return {
      refusal: `${label}: environment ${show(env.name, 60)} has no credentials.`
    };
  }
  const key = type.kind === "automation" ? `automation:${type.resource}` : type.kind;
  if (!hasPlatform(env))
    return {
      refusal: `${label} needs platform credentials, but environment ${show(env.name, 60)} has only auth.token, and Monaco cannot deploy it with a classic token: Monaco would fail. Add auth.platformToken to the environment's auth and mint a platform token (token-type: platform).`
    };
  const scopes = entry(PLATFORM_TYPES, key);
  return {
    config: config2,
    environment: env,
    credential: "platform",
    ...scopes ? { scopes } : {}
  };
}
function scopesNeeded(plan, credential) {
  const required = /* @__PURE__ */ new Map();
  const optional = /* @__PURE__ */ new Set();
  const unsourced = [];
  let configs = 0;
  const runtime = RUNTIME_SCOPES[credential];
  const usesCredential = plan.environments.some(
    (e) => credential === "classic" ? e.auth.token : hasPlatform(e)
  );
  if (usesCredential) {
    for (const scope of runtime.required)
      required.set(scope, { why: runtime.why });
  }
  for (const p of plan.placements) {
    if (p.credential !== credential) continue;
    configs++;
    if (!p.scopes) {
      unsourced.push(p);
      continue;
    }
    for (const scope of p.scopes.required) {
      if (!required.has(scope))
        required.set(scope, {
          why: `Monaco config ${show(p.config.id, 60)} (${describeType(p.config.type)})`,
          file: p.config.file,
          line: p.config.line
        });
    }
    for (const scope of p.scopes.optional) optional.add(scope);
  }
  return { required, optional, unsourced, configs };
}
function environmentsWith(plan, credential) {
  return plan.environments.filter(
    (e) => credential === "classic" ? e.auth.token : hasPlatform(e)
  );
}
function list(names) {
  return names.length === 0 ? "none" : names.map((n) => show(n, 60)).join(", ");
}

// src/monaco/derive.ts
function problemList(problems) {
  return problems.map(
    (p) => `  - ${neutralise(p.file, 200)}${p.line !== void 0 ? `:${p.line}` : ""}: ${p.message}`
  ).join("\n");
}
function selectionOf(names, manifest, input = "monaco-environment") {
  const selection = { environments: [], groups: [], projects: [] };
  for (const name of names) {
    if (manifest.environments.some((e) => e.name === name))
      selection.environments.push(name);
    else if (manifest.environments.some((e) => e.group === name))
      selection.groups.push(name);
    else
      throw new ActionError(
        `${input}: ${show(name, 60)} is neither an environment nor an environment group of ${show(manifest.file, 200)} (environments: ${manifest.environments.map((e) => show(e.name, 60)).join(", ") || "none"}).`
      );
  }
  return selection;
}
async function deriveTokenScopes(inputs, credential, manifestPath, log, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
  const cannot = `token-scopes: cannot be derived from monaco-manifest ${show(manifestPath, 200)}`;
  const { manifest, plan } = await deployPlan(
    manifestPath,
    inputs.audit.monacoEnvironment ?? [],
    workspace,
    cannot
  );
  const envNames = plan.environments.map((e) => show(e.name, 60)).join(", ");
  checkCredential(plan, credential, envNames, cannot);
  const needs = scopesNeeded(plan, credential);
  const scopes = requiredScopes(needs, credential, envNames, cannot);
  checkAllowed(scopes, inputs.allowedScopes);
  log.info(
    `token-scopes derived from ${show(manifest.file, 200)} for environment(s) ${envNames} (${needs.configs} config(s) deployed with the ${credential} token):`
  );
  for (const s of scopes) {
    log.info(`  ${s.scope}: ${s.why}${fileLine(s)}`);
  }
  mentionOtherToken(plan, otherCredential(credential), log);
  return {
    manifest: manifest.file,
    environments: plan.environments.map((e) => e.name),
    scopes,
    configs: needs.configs
  };
}
var fileLine = (s) => s.file ? ` (${neutralise(s.file, 200)}:${s.line})` : "";
async function deployPlan(manifestPath, environments, workspace, cannot) {
  const root = await realWorkspace(workspace);
  const loaded = await loadMonaco(manifestPath, root);
  const refuse = (problems) => new ActionError(
    `${cannot} (no request was sent):
${problemList(problems)}`
  );
  if (!loaded.manifest || loaded.problems.length > 0)
    throw refuse(loaded.problems);
  const manifest = loaded.manifest;
  const plan = planDeploy(manifest, selectionOf(environments, manifest));
  if (plan.problems.length > 0) throw refuse(plan.problems);
  if (plan.emptyProjects.length > 0) {
    throw refuse(
      plan.emptyProjects.map((p) => ({
        kind: "invalid",
        file: manifest.file,
        line: p.line,
        message: `Monaco project ${show(p.name, 60)} (${show(p.path, 200)}) has no configs, so there is nothing to derive scopes from. Add its configs, or remove the project from the manifest.`
      }))
    );
  }
  return { manifest, plan };
}
function checkCredential(plan, credential, envNames, cannot) {
  if (environmentsWith(plan, credential).length > 0) return;
  const authName = credential === "classic" ? "auth.token" : "auth.platformToken";
  throw new ActionError(
    `${cannot}: Monaco would not use a ${credential} token: environment(s) ${envNames} have no ${authName}${credential === "platform" ? " or auth.oAuth" : ""}, and Monaco would fail or deploy nothing with it. Set token-type: ${otherCredential(credential)}, or add ${authName} to the environment's auth in the manifest.`
  );
}
function requiredScopes(needs, credential, envNames, cannot) {
  if (needs.unsourced.length > 0) {
    throw new ActionError(
      `${cannot} (no request was sent):
${problemList(
        needs.unsourced.map((p) => ({
          kind: "invalid",
          file: p.config.file,
          line: p.config.line,
          message: `Monaco config ${show(p.config.id, 60)} (${describeType(p.config.type)}): no public source states the scopes this config type needs, so this action does not guess them. List token-scopes yourself.`
        }))
      )}`
    );
  }
  if (needs.required.size === 0) {
    throw new ActionError(
      `${cannot}: no config of the project is deployed with a ${credential} token to ${envNames}, so the token would need no scope. Set token-type: ${otherCredential(credential)}, or list token-scopes yourself.`
    );
  }
  return [...needs.required].map(([scope, reason]) => ({ scope, ...reason }));
}
function checkAllowed(scopes, allowedScopes) {
  if (allowedScopes.length === 0) return;
  const outside = scopes.filter((s) => !allowedScopes.includes(s.scope));
  if (outside.length === 0) return;
  throw new ActionError(
    `token-scopes: the Monaco project needs scope(s) outside allowed-scopes (no request was sent):
${outside.map((s) => `  - ${s.scope}: for ${s.why}${fileLine(s)}`).join(
      "\n"
    )}
Add them to allowed-scopes if the deploy really needs them, or change the project.`
  );
}
function mentionOtherToken(plan, other, log) {
  const otherNeeds = scopesNeeded(plan, other);
  const otherAuth = other === "classic" ? "auth.token" : "auth.platformToken";
  if (otherNeeds.configs > 0 && plan.environments.some(
    (e) => other === "classic" ? e.auth.token : e.auth.platformToken
  )) {
    log.info(
      `Monaco also deploys ${otherNeeds.configs} config(s) of this project with ${otherAuth}; mint that ${other} token in another step (token-type: ${other}, monaco-manifest set, token-scopes empty).`
    );
  }
}
function derivedSummaryHtml(derived) {
  const rows = derived.scopes.map(
    (s) => `<tr><td><code>${escapeHtml(s.scope)}</code></td><td>${escapeHtml(s.why)}${s.file ? ` (<code>${escapeHtml(`${s.file}:${s.line}`)}</code>)` : ""}</td></tr>`
  ).join("");
  return `<h3>Scopes derived from the Monaco project</h3><p>From <code>${escapeHtml(derived.manifest)}</code> for ${derived.environments.map((e) => `<code>${escapeHtml(e)}</code>`).join(", ")} (${derived.configs} config(s)).</p><table><tr><th>Scope</th><th>Needed for</th></tr>${rows}</table>`;
}
function derivedPlan(derived) {
  return {
    manifest: derived.manifest,
    environments: derived.environments,
    reasons: derived.scopes.map((s) => ({
      scope: s.scope,
      why: s.why,
      ...s.file ? { file: s.file, line: s.line } : {}
    }))
  };
}

export {
  finding,
  plainValue,
  scalarValue,
  valueContainer,
  locate,
  where,
  show,
  hasExpression,
  ACTION_DISPLAY_NAME,
  MAX_FILE_BYTES,
  relativePath,
  listYamlFiles,
  realWorkspace,
  localActionNames,
  readAuditFile,
  scanWorkflow,
  describeType,
  loadMonaco,
  otherCredential,
  planDeploy,
  scopesNeeded,
  environmentsWith,
  problemList,
  selectionOf,
  deriveTokenScopes,
  derivedSummaryHtml,
  derivedPlan
};
