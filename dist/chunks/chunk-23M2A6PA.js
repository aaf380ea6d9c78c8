import { ActionError, AmbiguousRequestError } from "./group-shared-6CC45263.js";

// src/http-retry.ts
var AMBIGUOUS_STATUSES = /* @__PURE__ */ new Set([502, 504]);
var BASE_BACKOFF_MS = 500;
var MAX_BACKOFF_MS = 8e3;
var DNS_ERRORS = /* @__PURE__ */ new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME"]);
function attempts(n) {
  return `${n} attempt${n === 1 ? "" : "s"}`;
}
function budgetError(ctx, spec) {
  return new ActionError(
    `Could not ${spec.what}: the step's time budget (timeout-seconds) is used up. Raise timeout-seconds if ${ctx.server} is slow or rate-limiting.`
  );
}
async function afterNetworkError(ctx, spec, url, error, timeout, attempt) {
  const reason = error.code === "TIMEOUT" ? `no response within ${Math.round(timeout / 1e3)} s` : DNS_ERRORS.has(error.code) ? `DNS lookup of ${url.hostname} failed (${error.code})` : `network error ${error.code}`;
  if (spec.creates && error.sent) {
    throw new AmbiguousRequestError(
      `Could not ${spec.what}: ${reason} after the request was sent, so it may or may not have succeeded.`
    );
  }
  if (attempt >= ctx.maxRetries) {
    throw new ActionError(
      `Could not ${spec.what}: ${reason}${DNS_ERRORS.has(error.code) ? "" : ` from ${url.host}`} (after ${attempts(attempt + 1)}). Check that the endpoint is right and reachable from the runner (proxy settings: HTTPS_PROXY / NO_PROXY).`
    );
  }
  await pause(ctx, spec, attempt, void 0, reason);
}
function redirectError(spec, url, response) {
  const location = response.headers.location;
  const target = location ? safeHost(location, url) : "nowhere";
  return new ActionError(
    `Could not ${spec.what}: ${url.host} answered HTTP ${response.status} redirecting to ${target}. Redirects are not followed, so credentials are only ever sent to the configured endpoint; check the URL inputs (sso-url, environment-url, account-api-url).`
  );
}
async function afterRetryableStatus(ctx, spec, response, attempt) {
  if (spec.creates && AMBIGUOUS_STATUSES.has(response.status)) {
    throw new AmbiguousRequestError(
      `Could not ${spec.what}: HTTP ${response.status} from a gateway, so it may or may not have succeeded.`
    );
  }
  if (attempt >= ctx.maxRetries) return "give-up";
  await pause(ctx, spec, attempt, response, `HTTP ${response.status}`);
  return "retry";
}
async function pause(ctx, spec, attempt, response, reason) {
  const asked = response ? await serverDelay(ctx, response) : void 0;
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
  const delay = asked ?? Math.round(exp / 2 + ctx.random() * exp / 2);
  const remaining = ctx.deadline - ctx.now();
  if (delay >= remaining) {
    throw new ActionError(
      `Could not ${spec.what}: ${reason}, and waiting ${Math.ceil(delay / 1e3)} s for the next attempt would exceed the step's time budget (timeout-seconds). Raise timeout-seconds or try again later.`
    );
  }
  ctx.log.info(
    `${reason} while trying to ${spec.what}; retrying in ${(delay / 1e3).toFixed(1)} s (retry ${attempt + 1} of ${ctx.maxRetries}).`
  );
  await ctx.sleep(delay);
}
async function serverDelay(ctx, response) {
  const serverNow = response.serverDate ?? ctx.now();
  const retryAfter = header(response, "retry-after");
  if (retryAfter !== void 0) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1e3;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - serverNow);
  }
  const fromBody = await ctx.bodyRetryDelay?.(response);
  if (fromBody !== void 0) return fromBody;
  const reset = header(response, "x-ratelimit-reset");
  if (reset !== void 0 && /^\d+$/.test(reset)) {
    let value = Number(reset);
    if (value > 1e14)
      value = value / 1e3;
    else if (value < 1e11) value = value * 1e3;
    return Math.max(0, Math.min(value - serverNow, 6e4));
  }
  return void 0;
}
function header(response, name) {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
function safeHost(location, base) {
  try {
    return new URL(location, base).host;
  } catch {
    return "an invalid location";
  }
}

export {
  attempts,
  budgetError,
  afterNetworkError,
  redirectError,
  afterRetryableStatus
};
