import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
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

// src/errors.ts
var ActionError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ActionError";
  }
};
var AmbiguousRequestError = class extends ActionError {
  constructor(message, options) {
    super(message, options);
    this.name = "AmbiguousRequestError";
  }
};
function errorMessage(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}

// src/duration.ts
var UNIT_SECONDS = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800
};
function parseDuration(text) {
  const value = text.trim().toLowerCase();
  if (!/^(\d+[smhdw])+$/.test(value)) return void 0;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+)([smhdw])/g)) {
    total += Number(amount) * UNIT_SECONDS[unit];
  }
  return total;
}
function formatDuration(seconds) {
  const parts = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1]
  ]) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join("") || "0s";
}
var UNIT_WORDS = [
  [/^(s|secs?|seconds?)$/, "s"],
  [/^(m|mins?|minutes?)$/, "m"],
  [/^(h|hrs?|hours?)$/, "h"],
  [/^(d|days?)$/, "d"],
  [/^(w|wks?|weeks?)$/, "w"]
];
function suggestDuration(text) {
  const value = text.trim().toLowerCase();
  const iso = /^p(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?)?$/.exec(
    value
  );
  if (iso && value !== "p" && value !== "pt") {
    const [, d = "0", h = "0", m = "0", s = "0"] = iso;
    const seconds = Number(d) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(s);
    return seconds > 0 ? singleUnit(seconds) : void 0;
  }
  let total = 0;
  let matched = false;
  const rest = value.replace(
    /(\d+(?:[.,]\d+)?)\s*([a-z]+)/g,
    (_, amount, unit) => {
      const symbol = UNIT_WORDS.find(([re]) => re.test(unit))?.[1];
      if (symbol === void 0) return "\0";
      total += Number(amount.replace(",", ".")) * UNIT_SECONDS[symbol];
      matched = true;
      return "";
    }
  );
  if (!matched || !/^[\s,]*(and[\s,]*)?[\s,]*$/.test(rest.replace(/\band\b/g, "")))
    return void 0;
  return total >= 1 ? singleUnit(total) : void 0;
}
function singleUnit(seconds) {
  const whole = Math.round(seconds);
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60]
  ]) {
    if (whole % size === 0) return `${whole / size}${unit}`;
  }
  return `${whole}s`;
}

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
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
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

// src/log.ts
var MAX_SERVER_TEXT = 300;
function neutralise(text, max = MAX_SERVER_TEXT) {
  const oneLine2 = text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").replace(/::/g, ": :").trim();
  if (oneLine2.length <= max) return oneLine2;
  const space = oneLine2.lastIndexOf(" ", max);
  const cut = space > max * 0.7 ? space : max;
  return `${oneLine2.slice(0, cut)}\u2026 (truncated)`;
}
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
function oneLine(text) {
  return text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, " ").replace(CONTROL, "");
}
function annotationText(text) {
  return text.replace(/\u0085|\u2028|\u2029/g, "\n").replace(CONTROL, "");
}
var Logger = class {
  secrets = /* @__PURE__ */ new Set();
  /**
   * Register a credential: mask it with the runner at once (before any output could
   * carry it) and redact it from every later line. Also masks the secret part of a
   * dotted Dynatrace credential (prefix.public.secret).
   */
  addSecret(value) {
    if (value === void 0 || value.trim().length < 4) return;
    const parts = [value];
    const segments = value.split(".");
    if (segments.length >= 3 && segments[segments.length - 1].length >= 8) {
      parts.push(segments[segments.length - 1]);
    }
    for (const part of parts) {
      if (!this.secrets.has(part)) {
        setSecret(part);
        this.secrets.add(part);
      }
    }
  }
  /** Replace every registered credential in `text` with `***`. */
  redact(text) {
    let out = text;
    const longestFirst = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of longestFirst) out = out.split(secret).join("***");
    return out;
  }
  /** Redact and neutralise text that did not come from us. */
  clean(text, max) {
    return neutralise(this.redact(text), max);
  }
  info(message) {
    info(oneLine(this.redact(message)));
  }
  debug(message) {
    debug(oneLine(this.redact(message)));
  }
  notice(message, properties) {
    notice(annotationText(this.redact(message)), properties);
  }
  warning(message, properties) {
    warning(annotationText(this.redact(message)), properties);
  }
  error(message, properties) {
    error(annotationText(this.redact(message)), properties);
  }
  /** Fail the step with a redacted message. */
  fail(message) {
    setFailed(annotationText(this.redact(message)));
  }
  async group(name, fn) {
    return group(oneLine(this.redact(name)), fn);
  }
};

// src/scopes.ts
var CLASSIC_SCOPES = [
  "InstallerDownload",
  "DataExport",
  "PluginUpload",
  "SupportAlert",
  "AdvancedSyntheticIntegration",
  "ExternalSyntheticIntegration",
  "RumBrowserExtension",
  "LogExport",
  "ReadConfig",
  "WriteConfig",
  "DTAQLAccess",
  "UserSessionAnonymization",
  "DataPrivacy",
  "CaptureRequestData",
  "Davis",
  "DssFileManagement",
  "RumJavaScriptTagManagement",
  "TenantTokenManagement",
  "ActiveGateCertManagement",
  "RestRequestForwarding",
  "ReadSyntheticData",
  "DataImport",
  "syntheticExecutions.write",
  "syntheticExecutions.read",
  "auditLogs.read",
  "metrics.read",
  "metrics.write",
  "entities.read",
  "entities.write",
  "problems.read",
  "problems.write",
  "events.read",
  "events.ingest",
  "openpipeline.events",
  "openpipeline.events.custom",
  "openpipeline.events_security",
  "openpipeline.events_security.custom",
  "openpipeline.events_sdlc",
  "openpipeline.events_sdlc.custom",
  "openpipeline.events_smartscape",
  "bizevents.ingest",
  "networkZones.read",
  "networkZones.write",
  "activeGates.read",
  "activeGates.write",
  "activeGateTokenManagement.read",
  "activeGateTokenManagement.create",
  "activeGateTokenManagement.write",
  "agentTokenManagement.read",
  "credentialVault.read",
  "credentialVault.write",
  "extensions.read",
  "extensions.write",
  "extensionConfigurations.read",
  "extensionConfigurations.write",
  "extensionEnvironment.read",
  "extensionEnvironment.write",
  "metrics.ingest",
  "attacks.read",
  "attacks.write",
  "securityProblems.read",
  "securityProblems.write",
  "syntheticLocations.read",
  "syntheticLocations.write",
  "settings.read",
  "settings.write",
  "tenantTokenRotation.write",
  "slo.read",
  "slo.write",
  "releases.read",
  "apiTokens.read",
  "apiTokens.write",
  "openTelemetryTrace.ingest",
  "logs.read",
  "logs.ingest",
  "geographicRegions.read",
  "oneAgents.read",
  "oneAgents.write",
  "traces.lookup",
  "unifiedAnalysis.read",
  "hub.read",
  "hub.write",
  "hub.install",
  "javaScriptMappingFiles.read",
  "javaScriptMappingFiles.write",
  "extensionConfigurationActions.write",
  "rumCookieNames.read",
  "adaptiveTrafficManagement.read",
  "rumManualInsertionTags.read",
  "extensionDiscoveryJmx.read",
  "extensionDiscoveryPmi.read"
];
var CLASSIC_LEGACY_SCOPES = [
  "DiagnosticExport",
  "MemoryDump",
  "Mobile",
  "ViewDashboard",
  "ViewReport",
  "WriteSyntheticData"
];
var ACCOUNT_SCOPES = [
  "account-idm-read",
  "account-idm-write",
  "account-env-read",
  "account-env-write",
  "account-uac-read",
  "account-uac-write",
  "iam-policies-management",
  "iam:policies:read",
  "iam:policies:write",
  "iam:bindings:read",
  "iam:bindings:write",
  "iam:effective-permissions:read",
  "iam:boundaries:read",
  "iam:boundaries:write",
  "iam:limits:read",
  "sso-idm:account-limits:read",
  "platform-token:tokens:write",
  "platform-token:tokens:manage",
  "platform-token:tokens:read"
];
var PLATFORM_SCOPES = [
  "app-engine:apps:run",
  "app-engine:apps:install",
  "app-engine:apps:delete",
  "app-engine:functions:run",
  "app-engine:edge-connects:read",
  "app-engine:edge-connects:write",
  "app-engine:edge-connects:connect",
  "app-engine:edge-connects:delete",
  "automation:workflows:read",
  "automation:workflows:write",
  "automation:workflows:run",
  "automation:workflows:admin",
  "automation:calendars:read",
  "automation:calendars:write",
  "automation:rules:read",
  "automation:rules:write",
  "document:documents:read",
  "document:documents:write",
  "document:documents:delete",
  "document:documents:admin",
  "document:environment-shares:read",
  "document:environment-shares:write",
  "document:environment-shares:claim",
  "document:environment-shares:delete",
  "document:direct-shares:read",
  "document:direct-shares:write",
  "document:direct-shares:delete",
  "document:trash.documents:read",
  "document:trash.documents:restore",
  "document:trash.documents:delete",
  "settings:objects:read",
  "settings:objects:write",
  "settings:objects:admin",
  "settings:schemas:read",
  "app-settings:objects:read",
  "app-settings:objects:write",
  "slo:slos:read",
  "slo:slos:write",
  "slo:objective-templates:read",
  "storage:logs:read",
  "storage:logs:write",
  "storage:events:read",
  "storage:events:write",
  "storage:bizevents:read",
  "storage:metrics:read",
  "storage:spans:read",
  "storage:entities:read",
  "storage:smartscape:read",
  "storage:system:read",
  "storage:security.events:read",
  "storage:application.snapshots:read",
  "storage:user.events:read",
  "storage:user.sessions:read",
  "storage:user.replays:read",
  "storage:buckets:read",
  "storage:buckets:write",
  "storage:bucket-definitions:read",
  "storage:bucket-definitions:write",
  "storage:bucket-definitions:delete",
  "storage:bucket-definitions:truncate",
  "storage:fieldsets:read",
  "storage:fieldset-definitions:read",
  "storage:fieldset-definitions:write",
  "storage:filter-segments:read",
  "storage:filter-segments:write",
  "storage:filter-segments:share",
  "storage:filter-segments:delete",
  "storage:filter-segments:admin",
  "storage:records:delete",
  "openpipeline:configurations:read",
  "openpipeline:configurations:write",
  "api-tokens:tokens:read",
  "api-tokens:tokens:write",
  "environment-api:api-tokens:read",
  "environment-api:api-tokens:write",
  "hub:catalog:read",
  "state:app-states:read",
  "state:app-states:write",
  "state:app-states:delete",
  "state:user-app-states:read",
  "state:user-app-states:write",
  "state:user-app-states:delete",
  "notification:notifications:read",
  "notification:notifications:write",
  "email:emails:send",
  "davis:analyzers:read",
  "davis:analyzers:execute",
  "davis-copilot:conversations:execute",
  "davis-copilot:nl2dql:execute",
  "davis-copilot:dql2nl:execute",
  "davis-copilot:document-search:execute",
  "extensions:definitions:read",
  "extensions:definitions:write",
  "extensions:configurations:read",
  "extensions:configurations:write",
  "geolocation:locations:lookup",
  "unified-analysis:screen-definition:read",
  "iam:users:read",
  "iam:groups:read"
];
var DEPRECATED_SCOPES = {
  "environment-api:api-tokens:read": "api-tokens:tokens:read",
  "environment-api:api-tokens:write": "api-tokens:tokens:write"
};
var RETIRED_SCOPE_PREFIXES = {
  "cloudautomation:": "Cloud Automation was discontinued at the end of 2024; use Site Reliability Guardian or Workflows (automation:*) instead"
};
function parseList(text) {
  const seen = /* @__PURE__ */ new Set();
  for (const item of text.split(/[\s,]+/)) {
    if (item !== "") seen.add(item);
  }
  return [...seen];
}
function editDistance(a, b) {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[t.length];
}
function words(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).sort().join(",");
}
function suggest(name, catalogue) {
  const sameWords = catalogue.filter((c) => words(c) === words(name));
  if (sameWords.length > 0) return sameWords.slice(0, 3);
  const limit = Math.max(2, Math.floor(name.length / 3));
  const close = catalogue.map((candidate) => ({ candidate, d: editDistance(name, candidate) })).filter(({ d }) => d <= limit).sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate));
  const best = close[0]?.d;
  return close.filter(({ d }) => d === best).slice(0, 3).map(({ candidate }) => candidate);
}
function retiredReason(scope) {
  for (const [prefix, reason] of Object.entries(RETIRED_SCOPE_PREFIXES)) {
    if (scope.startsWith(prefix)) return reason;
  }
  return void 0;
}
function didYouMean(suggestions) {
  return suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` : "";
}
function checkScope(scope, kind) {
  const retired = retiredReason(scope);
  if (retired) {
    return {
      scope,
      severity: "error",
      message: `"${scope}" is retired: ${retired}.`,
      suggestions: []
    };
  }
  if (kind === "classic") {
    if (CLASSIC_SCOPES.includes(scope)) return void 0;
    if (CLASSIC_LEGACY_SCOPES.includes(scope)) {
      return {
        scope,
        severity: "error",
        message: `"${scope}" is a legacy scope that can no longer be given to new tokens.`,
        suggestions: []
      };
    }
    const suggestions2 = suggest(scope, CLASSIC_SCOPES);
    const platformHint = scope.includes(":") && suggestions2.length === 0 ? ' It looks like a platform scope: classic tokens take names such as "ReadConfig" or "settings.read"; use token-type: platform for platform scopes.' : "";
    return {
      scope,
      severity: "error",
      message: `"${scope}" is not a classic API token scope.${didYouMean(suggestions2)}${platformHint}`,
      suggestions: suggestions2
    };
  }
  const catalogue = kind === "oauth" ? [...PLATFORM_SCOPES, ...ACCOUNT_SCOPES] : PLATFORM_SCOPES;
  if (catalogue.includes(scope)) return void 0;
  const suggestions = suggest(scope, catalogue);
  const service = scope.includes(":") ? scope.slice(0, scope.indexOf(":") + 1) : void 0;
  const knownService = service !== void 0 && catalogue.some((s) => s.startsWith(service));
  if (suggestions.length > 0 || knownService || !/^[a-z0-9.-]+(:[a-z0-9.-]+){2}$/.test(scope)) {
    const classicHint = kind === "platform" && CLASSIC_SCOPES.includes(scope) ? " It is a classic API token scope: use token-type: classic for it." : "";
    return {
      scope,
      severity: "error",
      message: `"${scope}" is not a known ${kind === "oauth" ? "OAuth" : "platform token"} scope.${didYouMean(suggestions)}${classicHint}`,
      suggestions
    };
  }
  return {
    scope,
    severity: "warning",
    message: `"${scope}" is not in this action's scope catalogue (service "${scope.split(":")[0]}" is unknown to it); it is passed to Dynatrace unchecked.`,
    suggestions: []
  };
}
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
var MONACO_CLASSIC_API_SCOPES = {
  "request-attributes": ["ReadConfig", "CaptureRequestData"],
  "data-privacy": ["ReadConfig", "DataPrivacy"],
  "credential-vault": ["credentialVault.read", "credentialVault.write"],
  "network-zone": ["networkZones.read", "networkZones.write"],
  slo: ["slo.read", "slo.write"],
  "synthetic-location": ["DataExport", "ExternalSyntheticIntegration"],
  "synthetic-monitor": ["ExternalSyntheticIntegration"]
};
var MONACO_CLASSIC_API_DEFAULT = [
  "ReadConfig",
  "WriteConfig"
];
var MONACO_CLASSIC_SETTINGS = [
  "settings.read",
  "settings.write"
];
var MONACO_PLATFORM_SCOPES = {
  // Classic-URL discovery; Monaco first guesses .apps. → .live., so it is not always needed.
  platform: { required: [], optional: ["app-engine:apps:run"] },
  settings: {
    required: [
      "settings:objects:read",
      "settings:objects:write",
      "settings:schemas:read"
    ],
    optional: []
  },
  "automation:workflow": {
    required: ["automation:workflows:read", "automation:workflows:write"],
    // Deploying other users' workflows; Monaco falls back to non-admin without it.
    optional: ["automation:workflows:admin"]
  },
  "automation:business-calendar": {
    required: ["automation:calendars:read", "automation:calendars:write"],
    optional: []
  },
  "automation:scheduling-rule": {
    required: ["automation:rules:read", "automation:rules:write"],
    optional: []
  },
  bucket: {
    required: [
      "storage:bucket-definitions:read",
      "storage:bucket-definitions:write"
    ],
    optional: ["storage:bucket-definitions:delete"]
  },
  document: {
    required: ["document:documents:read", "document:documents:write"],
    optional: ["document:documents:delete", "document:trash.documents:delete"]
  },
  openpipeline: {
    required: [
      "openpipeline:configurations:read",
      "openpipeline:configurations:write"
    ],
    optional: []
  },
  segment: {
    required: [
      "storage:filter-segments:read",
      "storage:filter-segments:write"
    ],
    optional: [
      "storage:filter-segments:delete",
      "storage:filter-segments:admin"
    ]
  },
  "slo-v2": {
    required: ["slo:slos:read", "slo:slos:write"],
    optional: ["slo:objective-templates:read"]
  }
};
function lookup(table, key) {
  return Object.hasOwn(table, key) ? table[key] : void 0;
}

// src/endpoints.ts
var STAGES = {
  prod: {
    ssoTokenUrl: "https://sso.dynatrace.com/sso/oauth2/token",
    accountApiUrl: "https://api.dynatrace.com"
  },
  sprint: {
    ssoTokenUrl: "https://sso-sprint.dynatracelabs.com/sso/oauth2/token",
    accountApiUrl: "https://api-hardening.internal.dynatracelabs.com"
  },
  // The dev Account API host is UNCONFIRMED (dynatrace-api.md §2.1); override with account-api-url.
  dev: {
    ssoTokenUrl: "https://sso-dev.dynatracelabs.com/sso/oauth2/token",
    accountApiUrl: "https://api-dev.internal.dynatracelabs.com"
  }
};
var PATTERNS = [
  { re: /^([a-z0-9-]+)\.(?:apps|live)\.dynatrace\.com$/, stage: "prod" },
  {
    re: /^([a-z0-9-]+)\.sprint(?:\.apps)?\.dynatracelabs\.com$/,
    stage: "sprint"
  },
  { re: /^([a-z0-9-]+)\.dev(?:\.apps)?\.dynatracelabs\.com$/, stage: "dev" }
];
function environmentUrls(environmentId, stage) {
  switch (stage) {
    case "prod":
      return {
        platformUrl: `https://${environmentId}.apps.dynatrace.com`,
        classicUrl: `https://${environmentId}.live.dynatrace.com`
      };
    case "sprint":
      return {
        platformUrl: `https://${environmentId}.sprint.apps.dynatracelabs.com`,
        classicUrl: `https://${environmentId}.sprint.dynatracelabs.com`
      };
    case "dev":
      return {
        platformUrl: `https://${environmentId}.dev.apps.dynatracelabs.com`,
        classicUrl: `https://${environmentId}.dev.dynatracelabs.com`
      };
  }
}
function parseSaasEnvironmentUrl(url) {
  if (url.protocol !== "https:" || url.port !== "") return void 0;
  const host = url.hostname.toLowerCase();
  for (const { re, stage } of PATTERNS) {
    const m = re.exec(host);
    if (m) {
      const environmentId = m[1];
      return { environmentId, stage, ...environmentUrls(environmentId, stage) };
    }
  }
  return void 0;
}
function isDynatraceHost(hostname) {
  const host = hostname.toLowerCase();
  return host.endsWith(".dynatrace.com") || host.endsWith(".dynatracelabs.com");
}
function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase();
  return host === "localhost" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "[::1]";
}

// src/inputs.ts
var MIN_LIFETIME_SECONDS = 5 * 60;
var MAX_LIFETIME_SECONDS = 7 * 86400;
var MODES = ["mint", "plan", "audit", "revoke"];
var TOKEN_TYPES = ["classic", "platform", "none"];
var FAIL_ON = ["error", "warning", "never"];
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value) {
  return typeof value === "string" && UUID.test(value);
}
function tokenTypeOf(id) {
  return id.startsWith("dt0c01.") ? "classic" : "platform";
}
var CLIENT_ID = /^dt0s\d{2}\.[A-Za-z0-9]+$/;
var CLIENT_SECRET = /^dt0s\d{2}\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/;
var ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;
var RESERVED_ENV = /^(GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|CI|HOME|PATH|SHELL|NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|BASH_ENV|ENV)$/i;
var ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
var ACCOUNT_URN_HELP = "It is shown with the client ID and secret when an OAuth client is created (Account Management \u2192 Identity & access management \u2192 OAuth clients); the account UUID is also in the Account Management address (myaccount.dynatrace.com/\u2026?account-uuid=<uuid>). It is not a secret: a repository variable (vars.DT_ACCOUNT_URN) is fine.";
function readInputs(log, readInput = getInput) {
  const problems = [];
  const warnings = [];
  const values = /* @__PURE__ */ new Map();
  const read = (name) => {
    const value = readInput(name);
    values.set(name, value);
    return value;
  };
  const clientSecret = read("client-secret");
  log.addSecret(clientSecret);
  const show = (value) => `"${neutralise(log.redact(value), 80)}"`;
  const oneOf = (name, allowed) => {
    const value = read(name) || allowed[0];
    if (allowed.includes(value)) return value;
    problems.push(
      `${name}: ${show(value)} is not one of ${allowed.join(", ")}.`
    );
    return allowed[0];
  };
  const bool = (name, fallback) => {
    const value = read(name);
    if (value === "") return fallback;
    if (/^(true|True|TRUE)$/.test(value)) return true;
    if (/^(false|False|FALSE)$/.test(value)) return false;
    problems.push(`${name}: ${show(value)} is not a boolean (true or false).`);
    return fallback;
  };
  const integer = (name, fallback, min, max) => {
    const value = read(name);
    if (value === "") return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(
        `${name}: ${show(value)} must be a whole number from ${min} to ${max}.`
      );
      return fallback;
    }
    return Number(value);
  };
  const mode = oneOf("mode", MODES);
  const tokenType = oneOf("token-type", TOKEN_TYPES);
  const needsSecrets = mode !== "audit";
  let credentials;
  const clientId = read("client-id");
  if (needsSecrets) {
    if (clientId === "") {
      problems.push(
        "client-id: is empty. Pass your OAuth client ID, e.g. client-id: ${{ secrets.DT_CLIENT_ID }}. Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there."
      );
    } else if (CLIENT_SECRET.test(clientId)) {
      log.addSecret(clientId);
      problems.push(
        "client-id: looks like a client secret (value hidden). Pass the client ID (dt0s02.XXXXXXXX) as client-id and the secret as client-secret."
      );
    } else if (!CLIENT_ID.test(clientId)) {
      problems.push(
        `client-id: ${show(clientId)} is not an OAuth client ID of the form dt0s02.XXXXXXXX.`
      );
    }
    if (clientSecret === "") {
      problems.push(
        "client-secret: is empty. Pass it from a secret, e.g. client-secret: ${{ secrets.DT_CLIENT_SECRET }}, and check the secret exists in this repository or environment. Secrets are not available to workflows triggered from forks or by Dependabot; use mode: audit there."
      );
    } else if (/^dt0c01\./.test(clientSecret)) {
      problems.push(
        "client-secret: is a classic API token (dt0c01\u2026, value hidden), not an OAuth client secret. This action needs an OAuth client: create one in Account Management \u2192 Identity & access management \u2192 OAuth clients and pass its ID as client-id and its secret (dt0s02.XXXXXXXX.<secret>) as client-secret."
      );
    } else if (!CLIENT_SECRET.test(clientSecret)) {
      problems.push(
        "client-secret: is not of the form dt0s02.XXXXXXXX.<secret> (value hidden). Copy the whole secret shown when the OAuth client was created."
      );
    } else if (CLIENT_ID.test(clientId)) {
      const owner = clientSecret.split(".").slice(0, 2).join(".");
      if (owner !== clientId) {
        problems.push(
          `client-secret: belongs to OAuth client ${owner}, not to client-id ${show(clientId)}. Pass the secret of the same client.`
        );
      }
    }
    credentials = { clientId, clientSecret };
  }
  let accountUuid;
  const accountUrn = read("account-urn");
  if (accountUrn !== "") {
    const uuid = accountUrn.replace(/^urn:dtaccount:/i, "");
    if (UUID.test(uuid)) accountUuid = uuid.toLowerCase();
    else
      problems.push(
        `account-urn: ${show(accountUrn)} is not urn:dtaccount:<uuid> or a bare account UUID. ${ACCOUNT_URN_HELP}`
      );
  }
  const allowCustom = bool("allow-custom-endpoints", false);
  const endpoint = (name, value) => {
    let url;
    try {
      url = new URL(value);
    } catch {
      const withScheme = URL.canParse(`https://${value}`);
      problems.push(
        withScheme && /^[^\s/:]+\.[^\s/]+/.test(value) ? `${name}: ${show(value)} has no scheme; add https:// (https://${neutralise(log.redact(value), 80)}).` : `${name}: ${show(value)} is not a URL.`
      );
      return void 0;
    }
    if (url.username || url.password) {
      problems.push(`${name}: must not contain credentials (user:password@).`);
      return void 0;
    }
    if (url.search || url.hash) {
      problems.push(
        `${name}: ${show(value)} must not have a query or fragment.`
      );
      return void 0;
    }
    const loopback = isLoopbackHost(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      problems.push(
        `${name}: ${show(value)} must use https (plain http is accepted only on loopback: localhost, 127.0.0.0/8 or [::1], with allow-custom-endpoints: true).`
      );
      return void 0;
    }
    if (!allowCustom && (url.protocol !== "https:" || !isDynatraceHost(url.hostname))) {
      problems.push(
        `${name}: ${show(value)} is not a Dynatrace endpoint (https on *.dynatrace.com or *.dynatracelabs.com). Set allow-custom-endpoints: true for a proxy, a sovereign install or the local emulator.`
      );
      return void 0;
    }
    return url;
  };
  const trimSlash = (url) => url.href.replace(/\/+$/, "");
  const endpoints = { ssoTokenUrl: "", accountApiUrl: "" };
  let stage;
  const environmentUrl = read("environment-url");
  const environmentIdInput = read("environment-id");
  let customEnvironment = false;
  if (environmentUrl !== "") {
    const url = endpoint("environment-url", environmentUrl);
    if (url) {
      const saas = parseSaasEnvironmentUrl(url);
      if (saas) {
        stage = saas.stage;
        endpoints.environmentId = saas.environmentId;
        endpoints.platformUrl = saas.platformUrl;
        endpoints.classicUrl = saas.classicUrl;
        if (environmentIdInput !== "" && environmentIdInput !== saas.environmentId) {
          problems.push(
            `environment-id: ${show(environmentIdInput)} does not match the ID "${saas.environmentId}" in environment-url; leave environment-id empty for Dynatrace URLs.`
          );
        }
      } else if (/\/e\/[^/]+/.test(url.pathname)) {
        problems.push(
          `environment-url: ${show(environmentUrl)} looks like a Dynatrace Managed environment, which has no OAuth/platform route; this action supports Dynatrace SaaS (https://<id>.apps.dynatrace.com).`
        );
      } else if (isDynatraceHost(url.hostname) && !allowCustom) {
        problems.push(
          `environment-url: ${show(environmentUrl)} is not an environment URL; use https://<environment-id>.apps.dynatrace.com (or .live.dynatrace.com).`
        );
      } else {
        customEnvironment = true;
        endpoints.platformUrl = trimSlash(url);
        endpoints.classicUrl = trimSlash(url);
        if (environmentIdInput === "") {
          problems.push(
            `environment-id: is required because environment-url ${show(environmentUrl)} is a custom endpoint from which the environment ID cannot be read.`
          );
        }
      }
    }
  }
  if (environmentIdInput !== "" && endpoints.environmentId === void 0) {
    if (ENV_ID.test(environmentIdInput))
      endpoints.environmentId = environmentIdInput;
    else
      problems.push(
        `environment-id: ${show(environmentIdInput)} is not an environment ID (e.g. abc12345).`
      );
  }
  const ssoUrl = read("sso-url");
  if (ssoUrl !== "") {
    const url = endpoint("sso-url", ssoUrl);
    if (url) {
      endpoints.ssoTokenUrl = url.pathname === "/" ? `${url.origin}/sso/oauth2/token` : trimSlash(url);
    }
  } else if (customEnvironment && needsSecrets) {
    problems.push(
      "sso-url: is required because environment-url is a custom endpoint; give the SSO token endpoint (e.g. https://sso.dynatrace.com/sso/oauth2/token)."
    );
  } else {
    endpoints.ssoTokenUrl = STAGES[stage ?? "prod"].ssoTokenUrl;
  }
  const accountApiUrl = read("account-api-url");
  if (accountApiUrl !== "") {
    const url = endpoint("account-api-url", accountApiUrl);
    if (url) endpoints.accountApiUrl = trimSlash(url);
  } else if (!customEnvironment) {
    endpoints.accountApiUrl = STAGES[stage ?? "prod"].accountApiUrl;
  }
  const scopeKind = tokenType === "platform" ? "platform" : "classic";
  const tokenScopes = parseList(read("token-scopes"));
  const allowedScopes = parseList(read("allowed-scopes"));
  const checkScopes = (name, scopes, kind) => {
    for (const scope of scopes) {
      const problem = checkScope(scope, kind);
      if (!problem) continue;
      const text = `${name}: ${neutralise(log.redact(problem.message), 500)}`;
      if (problem.severity === "error") problems.push(text);
      else warnings.push(text);
    }
  };
  const mintsToken = (mode === "mint" || mode === "plan") && tokenType !== "none";
  if (mintsToken) {
    if (tokenScopes.length === 0) {
      problems.push(
        `token-scopes: is empty. List the scopes of the ${tokenType} token, e.g. ${tokenType === "platform" ? "settings:objects:read, settings:objects:write" : "ReadConfig, WriteConfig, settings.read, settings.write"}.`
      );
    }
    checkScopes("token-scopes", tokenScopes, scopeKind);
    if (allowedScopes.length > 0) {
      for (const scope of tokenScopes) {
        if (!allowedScopes.includes(scope)) {
          problems.push(
            `token-scopes: ${show(scope)} is not in allowed-scopes (${show(allowedScopes.join(", "))}). Remove it or add it to allowed-scopes.`
          );
        }
      }
    }
    if (tokenType === "classic" && !endpoints.platformUrl && environmentUrl === "") {
      problems.push(
        "environment-url: is required for classic tokens (e.g. https://abc12345.apps.dynatrace.com)."
      );
    }
    if (tokenType === "platform") {
      if (accountUrn === "") {
        problems.push(
          `account-urn: is required for platform tokens (they are created through Account Management). ${ACCOUNT_URN_HELP}`
        );
      }
      if (!endpoints.environmentId && environmentUrl === "" && environmentIdInput === "") {
        problems.push(
          "environment-url: is required for platform tokens (the token is limited to that environment); give environment-url or environment-id."
        );
      }
    }
  }
  const oauthScopes = parseList(read("oauth-scopes"));
  if (needsSecrets) checkScopes("oauth-scopes", oauthScopes, "oauth");
  const lifetimeText = read("token-lifetime") || "1h";
  let tokenLifetimeSeconds = parseDuration(lifetimeText) ?? 3600;
  if (parseDuration(lifetimeText) === void 0) {
    const meant = suggestDuration(lifetimeText);
    problems.push(
      `token-lifetime: ${show(lifetimeText)} is not a duration such as 30m, 2h, 1h30m or 1d.${meant ? ` Did you mean ${meant}?` : ""}`
    );
  } else if (tokenLifetimeSeconds < MIN_LIFETIME_SECONDS || tokenLifetimeSeconds > MAX_LIFETIME_SECONDS) {
    const formatted = formatDuration(tokenLifetimeSeconds);
    const shown = formatted === lifetimeText.trim().toLowerCase() ? show(lifetimeText) : `${show(lifetimeText)} (${formatted})`;
    problems.push(
      `token-lifetime: ${shown} is outside ${formatDuration(MIN_LIFETIME_SECONDS)} to ${formatDuration(MAX_LIFETIME_SECONDS)}.`
    );
    tokenLifetimeSeconds = 3600;
  }
  const tokenName = read("token-name") || defaultTokenName();
  if (/[\u0000-\u001f\u007f]/.test(tokenName) || tokenName.length > 200) {
    problems.push(
      `token-name: ${show(tokenName)} must be one line of at most 200 characters.`
    );
  }
  const exportVariable2 = read("export-variable") || void 0;
  if (exportVariable2 !== void 0) {
    if (!ENV_VAR.test(exportVariable2)) {
      problems.push(
        `export-variable: ${show(exportVariable2)} is not an environment variable name (letters, digits, _).`
      );
    } else if (RESERVED_ENV.test(exportVariable2)) {
      problems.push(
        `export-variable: ${show(exportVariable2)} is reserved by the runner or the shell; choose another name such as DT_API_TOKEN.`
      );
    }
  }
  const platformTokenOwner = read("platform-token-owner") || void 0;
  if (platformTokenOwner !== void 0 && !UUID.test(platformTokenOwner)) {
    problems.push(
      `platform-token-owner: ${show(platformTokenOwner)} is not a user UUID.`
    );
  }
  const policies = read("policies");
  const bindings = read("bindings");
  if ((policies !== "" || bindings !== "" || mode === "plan") && needsSecrets && accountUrn === "") {
    problems.push(
      `account-urn: is required for IAM policies and bindings and for plan mode. ${ACCOUNT_URN_HELP}`
    );
  }
  let tokenId;
  if (mode === "revoke") {
    const value = read("token-id");
    if (value === "") {
      problems.push(
        "token-id: is required in revoke mode (pass steps.<id>.outputs.token-id of the step that minted it)."
      );
    } else if (value.split(".").length >= 3) {
      log.addSecret(value);
      problems.push(
        "token-id: looks like a whole token including its secret (value hidden). Pass the token ID (its first two parts, e.g. dt0c01.XXXX), never the token."
      );
    } else if (!/^[A-Za-z0-9._-]{4,100}$/.test(value)) {
      problems.push(`token-id: ${show(value)} is not a token ID.`);
    } else {
      tokenId = value;
      const type = tokenTypeOf(value);
      if (type === "classic" && !endpoints.platformUrl && environmentUrl === "") {
        problems.push("environment-url: is required to revoke a classic token.");
      }
      if (type === "platform" && accountUrn === "") {
        problems.push(
          `account-urn: is required to revoke a platform token. ${ACCOUNT_URN_HELP}`
        );
      }
    }
  }
  const revoke = bool("revoke", true);
  const timeoutSeconds = integer("timeout-seconds", 120, 5, 3600);
  const maxRetries = integer("max-retries", 4, 0, 10);
  const audit = {
    paths: parseList(read("audit-paths") || ".github/workflows"),
    failOn: oneOf("audit-fail-on", FAIL_ON)
  };
  const manifest = read("monaco-manifest");
  if (manifest !== "") audit.monacoManifest = manifest;
  const secretPart = clientSecret.split(".").pop() ?? "";
  for (const [name, value] of values) {
    if (name === "client-secret" || clientSecret.length < 8) continue;
    if (name === "client-id" && CLIENT_SECRET.test(value)) continue;
    if (value.includes(clientSecret) || secretPart.length >= 8 && value.includes(secretPart)) {
      problems.unshift(
        `${name}: contains the client secret (value hidden). Pass the secret only as client-secret.`
      );
    }
  }
  if (problems.length > 0) {
    const list = problems.map((p) => `  - ${p}`).join("\n");
    throw new ActionError(
      `Invalid input${problems.length > 1 ? "s" : ""} (no request was sent):
${list}`
    );
  }
  const inputs = {
    mode,
    endpoints,
    tokenType,
    tokenScopes,
    tokenName,
    tokenLifetimeSeconds,
    revoke,
    oauthScopes,
    policies,
    bindings,
    timeoutSeconds,
    maxRetries,
    allowedScopes,
    audit,
    warnings
  };
  if (credentials) inputs.credentials = credentials;
  if (accountUuid) inputs.accountUuid = accountUuid;
  if (exportVariable2) inputs.exportVariable = exportVariable2;
  if (platformTokenOwner)
    inputs.platformTokenOwner = platformTokenOwner.toLowerCase();
  if (tokenId) inputs.tokenId = tokenId;
  return inputs;
}
function defaultTokenName(env = process.env) {
  const repo = env.GITHUB_REPOSITORY || "local/run";
  const run = env.GITHUB_RUN_ID || String(Math.floor(Date.now() / 1e3));
  const attempt = env.GITHUB_RUN_ATTEMPT || "1";
  const job = env.GITHUB_JOB || "job";
  return `gha/${repo}/run-${run}-${attempt}/${job}`;
}

// src/summary.ts
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
function mintSummary(info2) {
  return (s) => {
    s.addHeading(
      info2.mode === "plan" ? "Dynatrace credentials \u2014 plan" : "Dynatrace credentials",
      2
    );
    const rows = [];
    if (info2.environment?.id || info2.environment?.url) {
      const parts = [info2.environment.id, info2.environment.url].filter(
        (p) => !!p
      );
      rows.push(["Environment", parts.map(escapeHtml).join(" \u2014 ")]);
    }
    rows.push(["Token type", escapeHtml(info2.tokenType)]);
    const token = info2.token;
    if (token) {
      rows.push(["Token ID", code(token.id)]);
      rows.push(["Token name", escapeHtml(token.name)]);
      rows.push([
        "Scopes",
        `${token.scopes.map(code).join(", ")}${token.scopesVerified ? " (verified)" : " (not verified)"}`
      ]);
      rows.push([
        "Expires",
        `${escapeHtml(token.expiresAt)} (lifetime ${formatDuration(info2.lifetimeSeconds)})`
      ]);
      rows.push([
        "Revocation",
        info2.revoke ? "in the post step" : "disabled (<code>revoke: false</code>)"
      ]);
    } else if (info2.tokenType === "none") {
      rows.push([
        "Token",
        "none minted (only the SSO bearer, output <code>access-token</code>)"
      ]);
    }
    s.addTable([
      [
        { data: "Item", header: true },
        { data: "Value", header: true }
      ],
      ...rows
    ]);
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

export {
  require_fs,
  require_path,
  exportVariable,
  setOutput,
  saveState,
  getState,
  ActionError,
  AmbiguousRequestError,
  errorMessage,
  isLoopbackHost,
  parseDuration,
  formatDuration,
  neutralise,
  Logger,
  CLASSIC_LEGACY_SCOPES,
  DEPRECATED_SCOPES,
  RETIRED_SCOPE_PREFIXES,
  parseList,
  suggest,
  checkScope,
  ESCALATION_SCOPES,
  POLICY_PERMISSIONS,
  WRITE_ACTIONS,
  MONACO_CLASSIC_API_SCOPES,
  MONACO_CLASSIC_API_DEFAULT,
  MONACO_CLASSIC_SETTINGS,
  MONACO_PLATFORM_SCOPES,
  lookup,
  MIN_LIFETIME_SECONDS,
  MAX_LIFETIME_SECONDS,
  isUuid,
  tokenTypeOf,
  readInputs,
  escapeHtml,
  writeSummary,
  mintSummary,
  revocationSummary
};
