import {
  formatDuration
} from "./chunk-UXD24YEM.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-YSH2IDXS.js";

// builtin-cjs:os
var require_os = __commonJS({
  "builtin-cjs:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

// builtin-cjs:crypto
var require_crypto = __commonJS({
  "builtin-cjs:crypto"(exports, module) {
    module.exports = __require("node:crypto");
  }
});

// builtin-cjs:fs
var require_fs = __commonJS({
  "builtin-cjs:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// builtin-cjs:path
var require_path = __commonJS({
  "builtin-cjs:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

// node_modules/@actions/core/lib/command.js
var os = __toESM(require_os());

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
var crypto = __toESM(require_crypto());
var fs = __toESM(require_fs());
var os2 = __toESM(require_os());
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
var os3 = __toESM(require_os());
var path = __toESM(require_path());

// node_modules/@actions/core/lib/summary.js
var import_os = __toESM(require_os());
var import_fs = __toESM(require_fs());
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = import_fs.promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, import_fs.constants.R_OK | import_fs.constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(import_os.EOL);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row2) => {
      const cells = row2.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/core.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function exportVariable(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath = process.env["GITHUB_ENV"] || "";
  if (filePath) {
    return issueFileCommand("ENV", prepareKeyValueMessage(name, val));
  }
  issueCommand("set-env", { name }, convertedVal);
}
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os3.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os3.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}

// src/summary.ts
function escapeHtml(text) {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[&<>"'[\]\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `&#${c.charCodeAt(0)};`
  );
}
var code = (text) => `<code>${escapeHtml(text)}</code>`;
async function writeSummary(log, build) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    summary.emptyBuffer();
    build(summary);
    const text = log.redact(summary.stringify());
    summary.emptyBuffer();
    await summary.addRaw(text).write();
  } catch (error2) {
    log.warning(
      `Could not write the job summary: ${error2 instanceof Error ? error2.message : String(error2)}`
    );
  }
}
var TOKEN_KIND = {
  classic: "Classic API token",
  platform: "Platform token"
};
var row = (name, html) => `<tr><td>${escapeHtml(name)}</td><td>${html}</td></tr>`;
function environmentHtml(environment) {
  const parts = [
    ...environment?.id ? [code(environment.id)] : [],
    ...environment?.url ? [escapeHtml(environment.url)] : []
  ];
  return parts.length > 0 ? parts.join(" ") : void 0;
}
function scopesHtml(token) {
  const list = token.scopes.map(code).join(", ");
  const check = token.scopesVerified ? "Verified: read back from Dynatrace after creation." : `Not verified: ${token.scopesUnverified ?? "they were not read back from Dynatrace."} These are the scopes asked for.`;
  return `${list}<br>${escapeHtml(check)}`;
}
function mintSummary(info2) {
  return (s) => {
    const environment = environmentHtml(info2.environment);
    const lifetime = formatDuration(info2.lifetimeSeconds);
    const token = info2.token;
    const planned = info2.planned;
    if (info2.mode === "plan") {
      s.addHeading("Dynatrace credentials \u2014 plan", 2);
      s.addRaw(
        "<p>Nothing was changed and no token was created. This is what <code>mode: mint</code> with the same inputs would do.</p>",
        true
      );
      if (info2.tokenType === "none" || !planned) {
        s.addRaw(
          "<p>No token: <code>token-type: none</code> hands on only the SSO bearer (output <code>access-token</code>, valid about 5 minutes).</p>",
          true
        );
      } else {
        const rows = [
          `<tr><th>Token to mint</th><th>${escapeHtml(TOKEN_KIND[info2.tokenType])}</th></tr>`,
          row("Name", escapeHtml(planned.name)),
          ...environment ? [row("Environment", environment)] : [],
          row(
            "Scopes",
            `${planned.scopes.map(code).join(", ")}${planned.derived ? "<br>Derived from the Monaco project (see below)." : ""}`
          ),
          row("Lifetime", escapeHtml(lifetime)),
          row(
            "Revocation",
            info2.revoke ? "by the post step, when the job ends" : "off (<code>revoke: false</code>): it would stay valid until it expires"
          )
        ];
        s.addRaw(`<table>
${rows.join("\n")}
</table>`, true);
      }
    } else if (token) {
      s.addHeading("Dynatrace token minted", 2);
      const rows = [
        `<tr><th>${escapeHtml(TOKEN_KIND[token.type]).replace(/ /g, "&nbsp;")}</th><th>${code(token.id)}</th></tr>`,
        row("Name", escapeHtml(token.name)),
        ...environment ? [row("Environment", environment)] : [],
        row("Scopes", scopesHtml(token)),
        row(
          "Expires",
          `${escapeHtml(token.expiresAt)} (lifetime ${escapeHtml(lifetime)})`
        ),
        row(
          "Revocation",
          info2.revoke ? (
            // The post step reports what happened in its own summary: promise nothing here.
            "requested: the post step revokes it when the job ends (its result follows below)"
          ) : "off (<code>revoke: false</code>): it stays valid until it expires"
        )
      ];
      s.addRaw(`<table>
${rows.join("\n")}
</table>`, true);
    } else {
      s.addHeading("Dynatrace credentials: no token minted", 2);
      s.addRaw(
        `<p><code>token-type: none</code>: only the ${info2.credential?.startsWith("GitHub ID token") ? "GitHub ID token" : "SSO bearer"} is handed on (outputs <code>access-token</code> and <code>access-token-expires-at</code>)${environment ? ` for environment ${environment}` : ""}.</p>`,
        true
      );
    }
    if (info2.credential)
      s.addRaw(
        `<p>Authenticated with ${escapeHtml(info2.credential)}.</p>`,
        true
      );
    for (const section of info2.sections ?? []) s.addRaw(section, true);
  };
}
function revocationSummary(id, result, detail) {
  const label = {
    revoked: "revoked",
    "already-gone": "already gone (counts as revoked)",
    "unknown-id": "not known to Dynatrace (nothing to revoke)",
    failed: "<strong>not revoked</strong>",
    skipped: "not revoked"
  };
  return (s) => {
    s.addHeading("Dynatrace token revocation", 3);
    s.addRaw(
      `<p>Token ${code(id)}: ${label[result]}. ${escapeHtml(detail)}</p>`,
      true
    );
  };
}
function troubleshootingUrl(env = process.env) {
  const repo = env.GITHUB_ACTION_REPOSITORY;
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return void 0;
  const server = /^https:\/\/[\w.-]+$/.test(env.GITHUB_SERVER_URL ?? "") ? env.GITHUB_SERVER_URL : "https://github.com";
  const ref = /^[\w./-]+$/.test(env.GITHUB_ACTION_REF ?? "") ? env.GITHUB_ACTION_REF : "HEAD";
  return `${server}/${repo}/blob/${ref}/TROUBLESHOOTING.md`;
}
function failureSummary(message, notes = []) {
  const [first = "", ...rest] = message.split("\n");
  const items = rest.map((line) => line.replace(/^\s*-\s*/, "").trim()).filter(Boolean);
  const url = troubleshootingUrl();
  return (s) => {
    s.addHeading("Dynatrace credentials: the step failed", 3);
    s.addRaw(`<p>${escapeHtml(first)}</p>`, true);
    if (items.length > 0) {
      s.addRaw(
        `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
        true
      );
    }
    for (const note of notes) s.addRaw(`<p>${escapeHtml(note)}</p>`, true);
    s.addRaw(
      `<p>Each message says what to do; ${url ? `<a href="${escapeHtml(url)}">TROUBLESHOOTING.md</a>` : "the action's TROUBLESHOOTING.md"} explains every one.</p>`,
      true
    );
  };
}

export {
  require_fs,
  require_path,
  exportVariable,
  setSecret,
  getInput,
  setOutput,
  setFailed,
  debug,
  error,
  warning,
  notice,
  info,
  group,
  saveState,
  getState,
  escapeHtml,
  writeSummary,
  mintSummary,
  revocationSummary,
  failureSummary
};
