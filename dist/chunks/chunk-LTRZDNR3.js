import {
  CONTEXT_FIELDS
} from "./chunk-ZHV3OFIM.js";
import {
  neutralise
} from "./chunk-EA6DDNS7.js";
import {
  Problem,
  boolean,
  integer,
  list,
  looksLikeClientSecret,
  oneOf,
  tokenLifetime
} from "./chunk-M4LQXBWN.js";
import {
  ActionError
} from "./chunk-IKGYFQ6X.js";

// src/inputs/reader.ts
var InputReader = class {
  constructor(source, log) {
    this.source = source;
    this.log = log;
  }
  source;
  log;
  problems = [];
  warnings = [];
  /** Every value read, to check at the end that none but client-secret carries the secret. */
  values = /* @__PURE__ */ new Map();
  /** The raw text of an input ('' when not set). */
  read(name) {
    const value = this.source(name);
    this.values.set(name, value);
    return value;
  }
  /** True when the input is set (not empty). */
  has(name) {
    return this.read(name) !== "";
  }
  /** The raw texts read so far, client-secret left out (for the audit of this step). */
  texts() {
    const out = new Map(this.values);
    out.delete("client-secret");
    return out;
  }
  /** Text as it may appear in a message: redacted, one line, at most `max` characters. */
  clean(text, max) {
    return neutralise(this.log.redact(text), max);
  }
  /** A value as it may appear in a message: quoted, redacted, one line, bounded. */
  show = (value) => `"${this.clean(value, 80)}"`;
  problem(name, message) {
    this.problems.push(`${name}: ${message}`);
  }
  warn(name, message) {
    this.warnings.push(`${name}: ${message}`);
  }
  /** An input through its field check; its fallback when empty or refused. */
  field(name, field, text = this.read(name)) {
    if (text === "") return field.fallback;
    const value = this.check(name, text, field.check);
    return value instanceof Problem ? field.fallback : value;
  }
  /**
   * An input of the field table through its check in `context`; its fallback when empty,
   * refused, or not checked in this context (it is read all the same, for finish()).
   */
  inContext(name, field, context) {
    const text = this.read(name);
    if (text === "" || field.when && !field.when(context))
      return field.fallback;
    const value = this.check(
      name,
      text,
      (t, show) => field.check(t, show, context)
    );
    return value instanceof Problem ? field.fallback : value;
  }
  /** A non-empty value through `check`; a refusal is recorded and returned. */
  check(name, text, check) {
    const value = check(text, this.show);
    if (value instanceof Problem) {
      if (value.secret) this.log.addSecret(text);
      this.problem(name, value.message);
    }
    return value;
  }
  oneOf(name, allowed) {
    return this.field(name, oneOf(allowed));
  }
  boolean(name, fallback) {
    return this.field(name, boolean(fallback));
  }
  integer(name, fallback, min, max) {
    return this.field(name, integer(fallback, min, max));
  }
  /** token-lifetime (the only lifetime the step reads with the 5m–7d bounds). */
  duration(name) {
    return this.field(name, tokenLifetime);
  }
  list(name, fallback) {
    return this.field(name, list(fallback));
  }
  /**
   * Throw one ActionError listing every problem, after checking that no input but
   * client-secret carries the secret (it would travel on into URLs, outputs or the summary).
   */
  finish(secret) {
    const secretPart = secret.split(".").pop() ?? "";
    for (const [name, value] of this.values) {
      if (name === "client-secret" || secret.length < 8) continue;
      if (name === "client-id" && looksLikeClientSecret(value)) continue;
      if (value.includes(secret) || secretPart.length >= 8 && value.includes(secretPart)) {
        this.problems.unshift(
          `${name}: contains the client secret (value hidden). Pass the secret only as client-secret.`
        );
      }
    }
    if (this.problems.length > 0) {
      const list2 = this.problems.map((p) => `  - ${p}`).join("\n");
      throw new ActionError(
        `Invalid input${this.problems.length > 1 ? "s" : ""} (no request was sent):
${list2}`
      );
    }
  }
};
function startReading(source, log) {
  const reader = new InputReader(source, log);
  const secret = reader.read("client-secret");
  log.addSecret(secret);
  const context = {
    mode: reader.field("mode", CONTEXT_FIELDS.mode),
    tokenType: reader.field("token-type", CONTEXT_FIELDS["token-type"]),
    auth: reader.field("auth", CONTEXT_FIELDS.auth),
    allowCustomEndpoints: reader.field(
      "allow-custom-endpoints",
      CONTEXT_FIELDS["allow-custom-endpoints"]
    )
  };
  return { reader, secret, context };
}

export {
  startReading
};
