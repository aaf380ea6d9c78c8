import { authenticate } from "./group-shared-6CC45263.js";
import {
  PlatformTokensApi
} from "./chunk-Z4W3X7US.js";
import { Output } from "./group-shared-6CC45263.js";
import { setOutput } from "./group-shared-6CC45263.js";
import { escapeHtml, writeSummary } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";
import { formatDuration } from "./group-shared-6CC45263.js";
import { ClassicTokensApi } from "./group-shared-6CC45263.js";
import { withOffset } from "./group-shared-6CC45263.js";



import { ActionError, errorMessage } from "./group-shared-6CC45263.js";


// src/sweep.ts
var RESERVE_MS = 1e3;
var MAX_ROWS = 200;
async function sweep(ctx, bearer) {
  const { inputs, log } = ctx;
  const { target } = inputs;
  const { prefix, olderThanSeconds } = inputs.sweep;
  const noun = target.type === "platform" ? "platform token" : "classic token";
  log.info(
    `Sweeping ${noun}s whose name starts with "${prefix}" that have expired${olderThanSeconds ? ` or were created more than ${formatDuration(olderThanSeconds)} ago` : ""}.`
  );
  const tokens = tokenApi(ctx, target, bearer);
  const sweeper = { ctx, tokens, noun };
  const { candidates, unreadable, complete } = await listCandidates(sweeper);
  const now = ctx.http.serverNow();
  const outcome = {
    deleted: [],
    left: [],
    otherNames: 0,
    unreadable,
    failures: [],
    outOfTime: false
  };
  const due = [];
  for (const token of candidates) {
    const verdict = judge(token, prefix, now, olderThanSeconds);
    if (verdict === "other-name") outcome.otherNames++;
    else if (verdict.delete) due.push({ token, reason: verdict.reason });
    else outcome.left.push({ token, reason: verdict.reason });
  }
  await deleteDue(sweeper, due, outcome);
  const ids = outcome.deleted.map((d) => d.token.id);
  setOutput(Output.SweptCount, String(ids.length));
  setOutput(Output.SweptIds, JSON.stringify(ids));
  const line = `Swept ${ids.length} ${noun}${ids.length === 1 ? "" : "s"} whose name starts with "${prefix}"; ${outcome.left.length} such left, ${outcome.otherNames} with other names not considered${unreadable > 0 ? `, ${unreadable} listed without a readable ID not considered` : ""}.`;
  log.info(line);
  if (!complete) {
    log.warning(
      `The ${noun} list was longer than the action reads in one run; run the sweep again to reach the rest.`
    );
  }
  await writeSummary(
    log,
    sweepSummary(noun, prefix, olderThanSeconds, outcome, log)
  );
  if (outcome.failures.length > 0) {
    throw new ActionError(
      `Could not delete ${outcome.failures.length} of ${due.length} due ${noun}${due.length === 1 ? "" : "s"} (${ids.length} deleted). First failure: ${outcome.failures[0]}`
    );
  }
  if (outcome.outOfTime) {
    throw new ActionError(
      `The sweep ran out of time (timeout-seconds: ${inputs.timeoutSeconds}) after deleting ${ids.length} ${noun}${ids.length === 1 ? "" : "s"}; ${due.length - ids.length} due ones are left. Raise timeout-seconds, or run the sweep again.`
    );
  }
}
function tokenApi(ctx, target, bearer) {
  const { log, http } = ctx;
  return target.type === "platform" ? new PlatformTokensApi({
    http,
    log,
    bearer,
    baseUrl: target.accountApiUrl,
    accountUuid: target.accountUuid
  }) : new ClassicTokensApi({ http, log, bearer, baseUrl: target.platformUrl });
}
async function listCandidates(sweeper) {
  const api = sweeper.tokens;
  if (api instanceof PlatformTokensApi) {
    const list2 = await api.list({
      searchTerm: sweeper.ctx.inputs.sweep.prefix,
      maxPages: 100,
      what: "list platform tokens to sweep"
    });
    return {
      candidates: list2.entries,
      unreadable: list2.unreadable,
      complete: list2.complete
    };
  }
  const list = await api.list("list tokens to sweep");
  return {
    candidates: list.entries.map((t) => ({
      id: t.id,
      name: t.name,
      expirationDate: t.expirationDate,
      createdAt: t.creationDate
    })),
    unreadable: list.unreadable,
    complete: list.complete
  };
}
async function deleteDue(sweeper, due, outcome) {
  const { ctx, noun, tokens } = sweeper;
  const { log, http } = ctx;
  for (const [index, decision] of due.entries()) {
    if (http.remainingMs() < RESERVE_MS) {
      outcome.outOfTime = true;
      for (const rest of due.slice(index)) {
        outcome.left.push({
          token: rest.token,
          reason: `due (${rest.reason}) but not reached: the time budget (timeout-seconds) ran out`
        });
      }
      return;
    }
    const { token } = decision;
    try {
      const result = await tokens.delete(token.id);
      if (result === "already-gone") {
        outcome.left.push({ token, reason: "already gone (HTTP 404)" });
        continue;
      }
      outcome.deleted.push(decision);
      log.info(
        `Deleted ${noun} ${token.id} "${log.clean(String(token.name), 120)}" (${decision.reason}).`
      );
    } catch (error) {
      const why = errorMessage(error);
      outcome.left.push({ token, reason: `could not be deleted: ${why}` });
      outcome.failures.push(`${token.id}: ${why}`);
    }
  }
}
function judge(token, prefix, now, olderThanSeconds) {
  if (typeof token.name !== "string")
    return { delete: false, reason: "its name could not be read" };
  if (!token.name.startsWith(prefix)) return "other-name";
  if (token.status === "REVOKED")
    return { delete: false, reason: "already revoked (listed as REVOKED)" };
  const expires = timestamp(token.expirationDate);
  if (expires !== void 0 && expires <= now)
    return { delete: true, reason: `expired ${iso(expires)}` };
  if (olderThanSeconds !== void 0) {
    const created = timestamp(token.createdAt);
    if (created === void 0)
      return {
        delete: false,
        reason: "not expired, and its creation time could not be read"
      };
    if (created <= now - olderThanSeconds * 1e3)
      return {
        delete: true,
        reason: `created ${iso(created)}, more than ${formatDuration(olderThanSeconds)} ago`
      };
    return {
      delete: false,
      reason: `created ${iso(created)}, less than ${formatDuration(olderThanSeconds)} ago${expires === void 0 ? "" : `; expires ${iso(expires)}`}`
    };
  }
  if (token.expirationDate === null || token.expirationDate === void 0)
    return {
      delete: false,
      reason: "never expires; set sweep-older-than to delete such tokens"
    };
  if (expires === void 0)
    return { delete: false, reason: "its expiry could not be read" };
  return { delete: false, reason: `not expired (expires ${iso(expires)})` };
}
function timestamp(value) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value))
    return void 0;
  const ms = Date.parse(withOffset(value));
  return Number.isNaN(ms) ? void 0 : ms;
}
var iso = (ms) => new Date(ms).toISOString();
function sweepSummary(noun, prefix, olderThanSeconds, outcome, log) {
  const text = (value) => escapeHtml(
    log.clean(typeof value === "string" ? value : "(unreadable)", 200)
  );
  const when = (value, missing = "(unreadable)") => {
    const ms = timestamp(value);
    return ms === void 0 ? value === null ? missing : "(unreadable)" : iso(ms);
  };
  const rows = (decisions, withReason) => decisions.slice(0, MAX_ROWS).map(({ token, reason }) => [
    `<code>${escapeHtml(token.id)}</code>`,
    text(token.name),
    when(token.createdAt),
    when(token.expirationDate, "never"),
    ...withReason ? [escapeHtml(log.clean(reason, 300))] : []
  ]);
  const header = (withReason) => [
    "ID",
    "Name",
    "Created",
    "Expires",
    ...withReason ? ["Why left"] : []
  ].map((data) => ({ data, header: true }));
  const more = (decisions) => decisions.length > MAX_ROWS ? `<p>\u2026 and ${decisions.length - MAX_ROWS} more.</p>` : "";
  return (s) => {
    s.addHeading("Dynatrace token sweep", 2);
    s.addRaw(
      `<p>${escapeHtml(noun)}s whose name starts with <code>${escapeHtml(prefix)}</code> that have expired${olderThanSeconds ? ` or were created more than ${formatDuration(olderThanSeconds)} ago` : ""}. ${outcome.otherNames} token(s) with other names were not considered${outcome.unreadable > 0 ? `; ${outcome.unreadable} listed without a readable ID were not considered either` : ""}.</p>`,
      true
    );
    s.addHeading(`Deleted (${outcome.deleted.length})`, 3);
    if (outcome.deleted.length > 0) {
      s.addTable([header(false), ...rows(outcome.deleted, false)]);
      s.addRaw(more(outcome.deleted), true);
    } else s.addRaw("<p>None.</p>", true);
    s.addHeading(`Left (${outcome.left.length})`, 3);
    if (outcome.left.length > 0) {
      s.addTable([header(true), ...rows(outcome.left, true)]);
      s.addRaw(more(outcome.left), true);
    } else s.addRaw("<p>None.</p>", true);
  };
}

// src/modes/sweep.ts
async function sweepMode(base) {
  const { ctx, bearer } = await authenticate(base);
  await sweep(ctx, bearer.accessToken);
}
export {
  sweepMode
};
