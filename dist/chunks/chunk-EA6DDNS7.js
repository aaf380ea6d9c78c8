import {
  debug,
  error,
  group,
  info,
  notice,
  setFailed,
  setSecret,
  warning
} from "./chunk-CL77C4HZ.js";

// src/log.ts
var MAX_SERVER_TEXT = 300;
var LEGACY_COMMAND = /##\[/g;
var LEADING_COMMAND = /^([\s\u0085]*):(?=:)/;
function defuseLine(line) {
  return line.replace(LEGACY_COMMAND, "## [").replace(LEADING_COMMAND, "$1: ");
}
function defuseCommands(text) {
  return text.split("\n").map(defuseLine).join("\n");
}
function neutralise(text, max = MAX_SERVER_TEXT) {
  const oneLine2 = text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").replace(/::/g, ": :").replace(LEGACY_COMMAND, "## [").trim();
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
    const last = segments.at(-1);
    if (segments.length >= 3 && last !== void 0 && last.length >= 8) {
      parts.push(last);
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
  /**
   * Every print goes through here: redacted first (a credential is matched as it was
   * registered), then made one line (or an annotation's text), then defused.
   */
  line(message) {
    return defuseCommands(oneLine(this.redact(message)));
  }
  annotation(message, properties) {
    const text = defuseCommands(annotationText(this.redact(message)));
    if (properties === void 0) return [text, void 0];
    const safe = { ...properties };
    if (safe.title !== void 0) safe.title = this.line(safe.title);
    if (safe.file !== void 0) safe.file = this.line(safe.file);
    return [text, safe];
  }
  info(message) {
    info(this.line(message));
  }
  debug(message) {
    debug(this.line(message));
  }
  notice(message, properties) {
    notice(...this.annotation(message, properties));
  }
  warning(message, properties) {
    warning(...this.annotation(message, properties));
  }
  error(message, properties) {
    error(...this.annotation(message, properties));
  }
  /** Why the step failed (redacted), once fail() was called; for the job summary. */
  failure;
  /** Fail the step with a redacted message. */
  fail(message) {
    this.failure = this.redact(message);
    setFailed(this.annotation(message)[0]);
  }
  async group(name, fn) {
    return group(this.line(name), fn);
  }
};

export {
  neutralise,
  Logger
};
