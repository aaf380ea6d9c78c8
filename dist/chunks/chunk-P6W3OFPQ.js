import {
  require_dist
} from "./chunk-75AJRJHV.js";
import { neutralise } from "./group-shared-6CC45263.js";
import {
  suggest
} from "./chunk-IK6WG5DE.js";
import { ActionError } from "./group-shared-6CC45263.js";
import { __toESM } from "./group-shared-6CC45263.js";

// src/iam/parse.ts
var import_yaml = __toESM(require_dist());

// src/policy-statement.ts
var MAX_ERRORS = 20;
var PERMISSION = /^[A-Za-z][\w-]*(?::[\w.-]+)+$/;
var CONDITION_NAME = /^[A-Za-z][\w-]*(?::[\w.-]+)+$/;
var WORD_CHAR = /[\w.:*$@{}/-]/;
function tokenize(text) {
  const tokens = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const pos = (offset) => ({
    offset,
    line,
    column: offset - lineStart + 1
  });
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === "\n") {
      i++;
      line++;
      lineStart = i;
    } else if (/\s/.test(ch)) {
      i++;
    } else if (text.startsWith("//", i)) {
      i = lineEnd(text, i);
    } else {
      const token = { ...pos(i), ...readToken(text, i) };
      tokens.push(token);
      i = token.end;
    }
  }
  return { tokens, end: { ...pos(i), kind: "end", text: "", end: i } };
}
function lineEnd(text, i) {
  const newline = text.indexOf("\n", i);
  return newline === -1 ? text.length : newline;
}
function readToken(text, i) {
  const ch = text.charAt(i);
  if (ch === '"' || ch === "'") return readString(text, i);
  if (ch === "," || ch === ";" || ch === "(" || ch === ")")
    return { kind: ch, text: ch, end: i + 1 };
  const op = /^(?:!=|<=|>=|=|<|>)/.exec(text.slice(i, i + 2));
  if (op) return { kind: "op", text: op[0], end: i + op[0].length };
  if (WORD_CHAR.test(ch)) {
    const end = wordEnd(text, i);
    return { kind: "word", text: text.slice(i, end), end };
  }
  const char = Array.from(text.slice(i, i + 2))[0] ?? ch;
  return { kind: "word", text: char, end: i + char.length };
}
function readString(text, start) {
  const quote = text.charAt(start);
  let value = "";
  let j = start + 1;
  while (j < text.length) {
    const c = text.charAt(j);
    if (c === "\\" && j + 1 < text.length) {
      value += text.charAt(j + 1);
      j += 2;
      continue;
    }
    if (c === quote) return { kind: "string", text: value, end: j + 1 };
    if (c === "\n") break;
    value += c;
    j++;
  }
  return { kind: "string", text: value, end: j, unterminated: true };
}
function wordEnd(text, start) {
  let j = start;
  while (j < text.length && WORD_CHAR.test(text.charAt(j)) && !text.startsWith("//", j))
    j++;
  return j;
}
var keyword = (token, word) => token.kind === "word" && token.text.toUpperCase() === word.toUpperCase();
function describe(token) {
  if (token.kind === "end") return "the end of the policy";
  if (token.kind === "string") return `the string "${token.text.slice(0, 40)}"`;
  return `"${token.text.slice(0, 40)}"`;
}
var position = (token) => ({
  offset: token.offset,
  line: token.line,
  column: token.column
});
var SyntaxFailure = class {
  constructor(error) {
    this.error = error;
  }
  error;
};
var Parser = class {
  constructor(tokens, end) {
    this.tokens = tokens;
    this.end = end;
  }
  tokens;
  end;
  i = 0;
  statements = [];
  errors = [];
  /** The next token; past the last one, the end of the policy. */
  peek() {
    return this.tokens[this.i] ?? this.end;
  }
  next() {
    const token = this.peek();
    if (token.kind !== "end") this.i++;
    return token;
  }
  /** The token `next()` returned last (the end of the policy before the first). */
  previous() {
    return this.tokens[this.i - 1] ?? this.end;
  }
  fail(token, message) {
    throw new SyntaxFailure({ ...position(token), message });
  }
  parse() {
    if (this.peek().kind === "end") {
      this.errors.push({
        ...position(this.peek()),
        message: "the policy has no statements; write at least one, e.g. ALLOW settings:objects:read;"
      });
    }
    while (this.peek().kind !== "end" && this.errors.length < MAX_ERRORS) {
      try {
        this.statements.push(this.statement());
      } catch (failure) {
        if (!(failure instanceof SyntaxFailure)) throw failure;
        this.errors.push(failure.error);
        this.recover();
      }
    }
    return { statements: this.statements, errors: this.errors };
  }
  /** Skip past the next `;` so that one mistake does not hide the statements after it. */
  recover() {
    while (this.peek().kind !== "end") {
      if (this.next().kind === ";") return;
    }
  }
  statement() {
    const start = this.next();
    if (start.kind === ";") {
      this.fail(start, 'empty statement: expected ALLOW or DENY before ";"');
    }
    if (!keyword(start, "ALLOW") && !keyword(start, "DENY")) {
      this.fail(
        start,
        `expected ALLOW or DENY at the start of a statement, found ${describe(start)}`
      );
    }
    const permissions = [];
    const permissionPositions = [];
    for (; ; ) {
      const token = this.next();
      if (token.kind !== "word" || keyword(token, "WHERE")) {
        this.fail(
          token,
          `expected a permission (service:resource:action, e.g. settings:objects:read), found ${describe(token)}`
        );
      }
      if (token.text.includes("*")) {
        this.fail(
          token,
          `"${token.text.slice(0, 60)}" has a wildcard; Dynatrace's policy syntax names each permission (e.g. storage:logs:read, storage:metrics:read), so list the ones needed`
        );
      }
      if (!PERMISSION.test(token.text)) {
        this.fail(
          token,
          `"${token.text.slice(0, 60)}" is not a permission; permissions look like service:resource:action, e.g. settings:objects:read`
        );
      }
      permissions.push(token.text);
      permissionPositions.push(position(token));
      if (this.peek().kind !== ",") break;
      this.next();
    }
    const conditions = [];
    if (keyword(this.peek(), "WHERE")) {
      this.next();
      conditions.push(this.condition());
      while (keyword(this.peek(), "AND")) {
        this.next();
        conditions.push(this.condition());
      }
    }
    const last = this.previous();
    const end = this.next();
    if (end.kind === "end") {
      this.fail(
        {
          ...last,
          offset: last.end,
          column: last.column + (last.end - last.offset)
        },
        'the statement is not terminated: end it with ";"'
      );
    }
    if (end.kind !== ";") {
      this.fail(
        end,
        `expected ",", WHERE, AND or ";", found ${describe(end)}` + (keyword(end, "OR") ? " (OR is not supported: write a second statement instead)" : "")
      );
    }
    return {
      effect: start.text.toUpperCase(),
      permissions,
      permissionPositions,
      conditions,
      position: position(start)
    };
  }
  condition() {
    const name = this.next();
    if (name.kind !== "word" || !CONDITION_NAME.test(name.text)) {
      this.fail(
        name,
        `expected a condition name (service:attribute, e.g. settings:schemaId), found ${describe(name)}`
      );
    }
    const operator = this.operator();
    const values = [];
    if (operator === "IN" || operator === "NOT IN") {
      const open = this.next();
      if (open.kind !== "(") {
        this.fail(
          open,
          `expected "(" after ${operator}, e.g. ${operator} ("a", "b"), found ${describe(open)}`
        );
      }
      for (; ; ) {
        values.push(this.value());
        const sep = this.next();
        if (sep.kind === ")") break;
        if (sep.kind !== ",") {
          this.fail(
            sep,
            `expected "," or ")" in the ${operator} list, found ${describe(sep)}`
          );
        }
      }
    } else {
      values.push(this.value());
    }
    return { name: name.text, operator, values };
  }
  operator() {
    const token = this.next();
    if (token.kind === "op") return token.text;
    if (keyword(token, "IN")) return "IN";
    if (keyword(token, "MATCH")) return "MATCH";
    if (keyword(token, "startsWith")) return "startsWith";
    if (keyword(token, "NOT")) {
      const second = this.next();
      if (keyword(second, "IN")) return "NOT IN";
      if (keyword(second, "startsWith")) return "NOT startsWith";
      this.fail(
        second,
        `expected IN or startsWith after NOT, found ${describe(second)}`
      );
    }
    this.fail(
      token,
      `expected a condition operator (=, !=, IN, NOT IN, startsWith, NOT startsWith, MATCH), found ${describe(token)}`
    );
  }
  value() {
    const token = this.next();
    if (token.kind === "string") {
      if (token.unterminated)
        this.fail(
          token,
          "unterminated string: close the quote on the same line"
        );
      return token.text;
    }
    this.fail(
      token,
      `expected a quoted value, e.g. "builtin:alerting.profile", found ${describe(token)}`
    );
  }
};
function parsePolicyStatements(text) {
  const { tokens, end } = tokenize(text);
  return new Parser(tokens, end).parse();
}
function formatPolicyError(error) {
  return `line ${error.line}, column ${error.column}: ${error.message}`;
}

// src/iam/parse.ts
var POLICY_KEYS = ["name", "description", "statement"];
var BINDING_KEYS = ["policy", "groups", "level", "boundaries"];
var KEY_ALIASES = {
  group: "groups",
  boundary: "boundaries",
  statementQuery: "statement",
  policy: "statement"
};
var ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
var show = (value) => `"${neutralise(value, 80)}"`;
function formatPath(path) {
  return path.map(
    (part, i) => typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`
  ).join("");
}
function formatProblem(problem) {
  return `${formatPath(problem.path)}: ${problem.message}`;
}
function parseIamInputs(policies, bindings) {
  const p = readPolicies(policies);
  const b = readBindings(bindings);
  const error = problemsError([...p.problems, ...b.problems].map(formatProblem));
  if (error) throw error;
  return { policies: p.specs, bindings: b.specs };
}
function nodeAt(doc, path) {
  const deref = (node2) => (0, import_yaml.isAlias)(node2) ? deref(node2.resolve(doc)) : node2 ?? void 0;
  let node = doc.contents;
  for (const key of path.slice(1)) {
    node = deref(node);
    if ((0, import_yaml.isSeq)(node) && typeof key === "number") node = node.items[key];
    else if ((0, import_yaml.isMap)(node)) node = node.get(key, true);
    else return void 0;
  }
  return deref(node);
}
var Reader = class {
  constructor(doc) {
    this.doc = doc;
  }
  doc;
  problems = [];
  problem(path, message, statementOffset) {
    const node = nodeAt(this.doc, path);
    this.problems.push({
      path,
      message,
      ...node ? { node } : {},
      ...statementOffset !== void 0 ? { statementOffset } : {}
    });
  }
};
function readList(input, text, each) {
  const out = { specs: [], problems: [], statements: /* @__PURE__ */ new Map() };
  if (text.trim() === "") return out;
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const where = error instanceof import_yaml.YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : "";
    const reason = (error.message.split("\n")[0] ?? "").replace(
      / at line \d+, column \d+:?$/,
      ""
    );
    out.problems.push({
      path: [input],
      message: `is not valid YAML${where}: ${neutralise(reason, 200)}`
    });
    return out;
  }
  out.doc = doc;
  const reader = new Reader(doc);
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error2) {
    const reason = error2 instanceof Error ? error2.message : String(error2);
    out.problems.push({
      path: [input],
      message: `is not valid YAML: ${neutralise(reason, 200)}`
    });
    return out;
  }
  if (value !== null && value !== void 0) {
    if (!Array.isArray(value)) {
      reader.problem(
        [input],
        `must be a YAML list (start each entry with "- "), not a ${describe2(value)}.`
      );
    } else {
      for (const [index, item] of value.entries()) {
        if (typeof item === "object" && item !== null && !Array.isArray(item)) {
          each(reader, index, item, out);
        } else {
          reader.problem(
            [input, index],
            `must be a mapping (name: value lines), not a ${describe2(item)}.`
          );
        }
      }
    }
  }
  out.problems.push(...reader.problems);
  return out;
}
function readPolicies(text) {
  const seen = /* @__PURE__ */ new Map();
  return readList("policies", text, (reader, index, entry, out) => {
    const at = ["policies", index];
    if (!checkKeys(reader, at, entry, POLICY_KEYS)) return;
    const name = stringField(reader, at, entry, "name", true);
    const description = stringField(reader, at, entry, "description", false);
    const statement = stringField(reader, at, entry, "statement", true);
    let parsed;
    if (statement !== void 0) {
      parsed = parsePolicyStatements(entry.statement);
      for (const error of parsed.errors) {
        reader.problem(
          [...at, "statement"],
          `${formatPolicyError(error)}.`,
          error.offset
        );
      }
    }
    if (name !== void 0) {
      const first = seen.get(name);
      if (first !== void 0) {
        reader.problem(
          [...at, "name"],
          `${show(name)} is already defined in policies[${first}]; each policy must appear once.`
        );
      } else seen.set(name, index);
    }
    if (name !== void 0 && statement !== void 0 && parsed !== void 0 && parsed.errors.length === 0) {
      out.specs.push({ index, name, description: description ?? "", statement });
      out.statements.set(index, parsed);
    }
  });
}
function readBindings(text) {
  return readList(
    "bindings",
    text,
    (reader, index, entry, out) => {
      const at = ["bindings", index];
      if (!checkKeys(reader, at, entry, BINDING_KEYS)) return;
      const policy = stringField(reader, at, entry, "policy", true);
      const groups = stringList(reader, at, entry, "groups", true);
      const boundaries = stringList(reader, at, entry, "boundaries", false);
      const level = parseLevel(reader, at, entry.level);
      if (policy !== void 0 && groups && boundaries && level) {
        out.specs.push({ index, policy, groups, level, boundaries });
      }
    }
  );
}
function checkKeys(reader, at, entry, allowed) {
  let ok = true;
  for (const key of Object.keys(entry)) {
    if (allowed.includes(key)) continue;
    ok = false;
    const alias = KEY_ALIASES[key];
    const hint = alias && allowed.includes(alias) ? [alias] : suggest(key, allowed);
    reader.problem(
      at,
      `unknown key ${show(key)}${hint.length > 0 ? ` (did you mean "${hint[0]}"?)` : ""}; allowed keys: ${allowed.join(", ")}.`
    );
  }
  return ok;
}
function stringField(reader, at, entry, key, required) {
  const value = entry[key];
  const path = [...at, key];
  if (value === void 0 || value === null) {
    if (required) reader.problem(path, "missing.");
    return void 0;
  }
  if (required) return nonEmptyString(reader, path, value);
  if (typeof value !== "string") {
    reader.problem(path, typeHint(value));
    return void 0;
  }
  return value;
}
function nonEmptyString(reader, path, value) {
  if (typeof value !== "string") {
    reader.problem(path, typeHint(value));
    return void 0;
  }
  if (value.trim() === "") {
    reader.problem(path, "is empty.");
    return void 0;
  }
  return value.trim();
}
function stringList(reader, at, entry, key, required) {
  const value = entry[key];
  if (value === void 0 || value === null) {
    if (!required) return [];
    reader.problem([...at, key], "missing.");
    return void 0;
  }
  const items = Array.isArray(value) ? value : [value];
  const out = [];
  let ok = true;
  for (const [i, item] of items.entries()) {
    const path = Array.isArray(value) ? [...at, key, i] : [...at, key];
    const text = nonEmptyString(reader, path, item);
    if (text === void 0) ok = false;
    else if (!out.includes(text)) out.push(text);
  }
  if (ok && required && out.length === 0) {
    reader.problem([...at, key], "is an empty list; name at least one.");
    return void 0;
  }
  return ok ? out : void 0;
}
function parseLevel(reader, at, value) {
  const path = [...at, "level"];
  if (value === void 0 || value === null) return { type: "environment" };
  if (typeof value !== "string") {
    reader.problem(path, typeHint(value));
    return void 0;
  }
  const text = value.trim();
  if (text === "account") return { type: "account" };
  if (text === "environment") return { type: "environment" };
  const m = /^environment:(.*)$/.exec(text);
  const id = m?.[1]?.trim();
  if (id !== void 0 && ENV_ID.test(id)) return { type: "environment", id };
  reader.problem(
    path,
    m ? `${show(text)} does not name an environment ID (e.g. environment:abc12345).` : `${show(text)} is not one of account, environment, environment:<id>.`
  );
  return void 0;
}
function typeHint(value) {
  if (typeof value === "number" || typeof value === "boolean") {
    return `must be text, not the ${typeof value} ${String(value)}; put it in quotes.`;
  }
  return `must be text, not a ${describe2(value)}.`;
}
function describe2(value) {
  if (Array.isArray(value)) return "list";
  if (value === null) return "null";
  if (typeof value === "object") return "mapping";
  return typeof value;
}
function problemsError(problems) {
  const [first, ...others] = problems;
  if (first === void 0) return void 0;
  if (others.length === 0) return new ActionError(first);
  return new ActionError(
    `Invalid IAM input:
${problems.map((p) => `  - ${p}`).join("\n")}`
  );
}

export {
  formatPath,
  parseIamInputs,
  nodeAt,
  readPolicies,
  readBindings,
  problemsError
};
