import { isObject } from "./group-shared-6CC45263.js";
import { parseJson } from "./group-shared-6CC45263.js";

// src/dynatrace/errors.ts
var MAX_ENTRIES = 10;
var MAX_PART = 200;
var EXCERPT = 120;
var ACCESS_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
var bounded = (text) => text.length > MAX_PART ? `${text.slice(0, MAX_PART)}\u2026` : text;
function asText(value) {
  if (typeof value === "string") return value.trim() || void 0;
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (value === null || value === void 0) return void 0;
  try {
    return bounded(JSON.stringify(value));
  } catch {
    return void 0;
  }
}
function names(value) {
  if (!Array.isArray(value)) return [];
  return [
    ...new Set(
      value.slice(0, 50).filter(
        (v) => typeof v === "string" && ACCESS_NAME.test(v)
      )
    )
  ].slice(0, MAX_ENTRIES);
}
function violations(value) {
  if (!Array.isArray(value)) return [];
  const out = [];
  for (const v of value.slice(0, MAX_ENTRIES)) {
    if (isObject(v)) {
      const message = asText(v.message);
      if (message === void 0) continue;
      const path = typeof v.path === "string" && v.path ? `${v.path}: ` : "";
      out.push(bounded(`${bounded(path)}${message}`));
    } else if (typeof v === "string" && v.trim()) out.push(bounded(v.trim()));
  }
  return out;
}
function header(headers, name) {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}
function readDynatraceError(response) {
  const result = {
    messages: [],
    missingScopes: [],
    missingPermissions: [],
    fromGateway: /api gateway/i.test(
      header(response.headers, "dynatrace-response-source") ?? ""
    )
  };
  const text = response.text.trim();
  if (text === "") return result;
  const body = parseJson(text);
  if (body === void 0) {
    if (text.startsWith("<")) result.unrecognised = excerpt(text);
    else result.messages.push(bounded(text));
    return result;
  }
  if (!isObject(body)) {
    result.unrecognised = excerpt(text);
    return result;
  }
  const m = result.messages;
  const err = body.error;
  if (isObject(err)) {
    const message = asText(err.message);
    if (message !== void 0) m.push(bounded(message));
    m.push(...violations(err.constraintViolations));
    if (typeof err.code === "string" && ACCESS_NAME.test(err.code))
      result.errorCode = err.code;
    const details = err.details;
    if (isObject(details)) {
      m.push(...violations(details.constraintViolations));
      if (typeof details.errorCode === "string" && details.errorCode.trim())
        result.errorCode = bounded(details.errorCode.trim());
      result.missingScopes = names(details.missingScopes);
      result.missingPermissions = names(details.missingPermissions);
    }
    const retry = err.retryAfterSeconds;
    if (typeof retry === "number" && Number.isFinite(retry) && retry >= 0)
      result.retryAfterSeconds = retry;
  } else if (typeof err === "string" && err.trim()) {
    const description = typeof body.error_description === "string" ? body.error_description.trim() : "";
    m.push(bounded(description ? `${err}: ${description}` : err));
  }
  if (typeof err !== "string" && typeof body.error_description === "string" && body.error_description.trim())
    m.push(bounded(body.error_description.trim()));
  if (typeof body.message === "string" && body.message.trim())
    m.push(bounded(body.message.trim()));
  if (isObject(body.errorsMap)) {
    for (const key of Object.keys(body.errorsMap).slice(0, MAX_ENTRIES)) {
      const value = asText(body.errorsMap[key]);
      if (value !== void 0) m.push(bounded(`${bounded(key)}: ${value}`));
    }
  }
  if (m.length === 0 && result.missingScopes.length === 0 && result.missingPermissions.length === 0 && result.errorCode === void 0) {
    result.unrecognised = excerpt(text);
  }
  return result;
}
function excerpt(text) {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > EXCERPT ? `${oneLine.slice(0, EXCERPT)}\u2026 (${text.length} characters)` : oneLine;
}
function readRedacted(log, response) {
  return readDynatraceError({ ...response, text: log.redact(response.text) });
}
function explainError(log, response) {
  const error = readRedacted(log, response);
  const parts = [...new Set(error.messages)];
  const said = parts.join(" ");
  const unsaid = (names2) => names2.filter((n) => !said.includes(n));
  const scopes = unsaid(error.missingScopes);
  const permissions = unsaid(error.missingPermissions);
  if (scopes.length > 0) parts.push(`missing scopes: ${scopes.join(", ")}`);
  if (permissions.length > 0)
    parts.push(`missing permissions: ${permissions.join(", ")}`);
  if (error.errorCode !== void 0) parts.push(`code ${error.errorCode}`);
  if (error.unrecognised !== void 0)
    parts.push(
      `an answer the action does not understand: ${error.unrecognised}`
    );
  return log.clean(parts.join("; ")) || "no explanation in the response";
}
function missingAccess(log, response, scopesGoTo = "the OAuth client (Account Management \u2192 Identity & access management \u2192 OAuth clients)") {
  const { missingScopes, missingPermissions } = readRedacted(log, response);
  const parts = [];
  if (missingScopes.length > 0) {
    parts.push(
      `Dynatrace says the bearer lacks the scope${missingScopes.length > 1 ? "s" : ""} ${missingScopes.join(", ")}: grant ${missingScopes.length > 1 ? "them" : "it"} to ${scopesGoTo}.`
    );
  }
  if (missingPermissions.length > 0) {
    parts.push(
      `Dynatrace says the OAuth client's user lacks the IAM permission${missingPermissions.length > 1 ? "s" : ""} ${missingPermissions.join(", ")}: bind a policy that allows ${missingPermissions.length > 1 ? "them" : "it"} to a group of that user (for example "ALLOW ${missingPermissions.join(", ")};").`
    );
  }
  return parts.length > 0 ? log.clean(parts.join(" "), 600) : void 0;
}
var RETRY_AFTER_STATUSES = /* @__PURE__ */ new Set([429, 503]);
var MAX_RETRY_AFTER_SECONDS = 600;
function bodyRetryDelay(response) {
  if (response.status !== void 0 && !RETRY_AFTER_STATUSES.has(response.status))
    return void 0;
  const seconds = readDynatraceError(response).retryAfterSeconds;
  return seconds === void 0 ? void 0 : Math.min(seconds, MAX_RETRY_AFTER_SECONDS) * 1e3;
}

export {
  readDynatraceError,
  explainError,
  missingAccess,
  bodyRetryDelay
};
