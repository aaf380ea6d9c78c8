import {
  parseIamInputs,
  problemsError
} from "./chunk-P6W3OFPQ.js";
import "./group-main-F9FADEA7.js";

import "./group-shared-6CC45263.js";

import "./chunk-75AJRJHV.js";


import { escapeHtml } from "./group-shared-6CC45263.js";

import {
  suggest
} from "./chunk-IK6WG5DE.js";

import { isUuid } from "./group-shared-6CC45263.js";

import { DynatraceApi, isObject } from "./group-shared-6CC45263.js";
import { parseJson } from "./group-shared-6CC45263.js";

import { ActionError, AmbiguousRequestError } from "./group-shared-6CC45263.js";


// src/dynatrace/iam.ts
var POLICIES_READ = ["iam:policies:read", "iam-policies-management"];
var POLICIES_WRITE = ["iam:policies:write", "iam-policies-management"];
var BINDINGS_READ = ["iam:bindings:read", "iam-policies-management"];
var BINDINGS_WRITE = ["iam:bindings:write", "iam-policies-management"];
var BOUNDARIES_READ = ["iam:boundaries:read", "iam-policies-management"];
var EXISTS = /already (exist|bound|assigned|present)|duplicate/i;
var BOUNDARY_PAGE_SIZE = 100;
var IamApi = class extends DynatraceApi {
  constructor(iam) {
    super(iam);
    this.iam = iam;
  }
  iam;
  get accountUuid() {
    return this.iam.accountUuid;
  }
  /** `GET /iam/v1/accounts/{acc}/groups` — every group (the list is not paged). */
  async listGroups() {
    const op = this.get(
      `list the groups of account ${this.accountUuid}`,
      `/iam/v1/accounts/${this.acc}/groups`,
      ["account-idm-read"],
      this.accountNotFound()
    );
    const body = await this.read(op);
    return this.items(op, body, "items").flatMap(
      (g) => isUuid(g.uuid) && typeof g.name === "string" ? [{ uuid: g.uuid, name: g.name }] : []
    );
  }
  /** `GET /iam/v1/repo/{global|account}/…/policies` — a level's own policies. */
  async listPolicies(level, name) {
    const query = name === void 0 ? "" : `?name=${encodeURIComponent(name)}`;
    const op = this.get(
      level === "global" ? "list the built-in (global) policies" : `list the policies of account ${this.accountUuid}`,
      `${this.policiesPath(level)}${query}`,
      POLICIES_READ,
      this.accountNotFound()
    );
    const body = await this.read(op);
    return this.items(op, body, "policies").flatMap(
      (p) => isUuid(p.uuid) && typeof p.name === "string" ? [
        {
          uuid: p.uuid,
          name: p.name,
          description: typeof p.description === "string" ? p.description : ""
        }
      ] : []
    );
  }
  /** `GET /iam/v1/repo/account/{acc}/policies/{uuid}` — with its statementQuery. */
  async getPolicy(uuid, name) {
    const op = this.get(
      `read account policy "${name}" (${uuid})`,
      `${this.policiesPath("account")}/${encodeURIComponent(uuid)}`,
      POLICIES_READ,
      `Account policy "${name}" (${uuid}) disappeared while this step ran; run the step again`
    );
    const body = await this.read(op);
    if (!isObject(body) || typeof body.statementQuery !== "string") {
      throw this.unexpected(op, "statementQuery");
    }
    return {
      uuid,
      name: typeof body.name === "string" ? body.name : name,
      description: typeof body.description === "string" ? body.description : "",
      statementQuery: body.statementQuery,
      tags: Array.isArray(body.tags) ? body.tags.filter((t) => typeof t === "string") : []
    };
  }
  /**
   * `POST /iam/v1/repo/account/{acc}/policies` (201). A 409, or a 400 saying
   * the name exists (taken meanwhile, e.g. by a concurrent run), is returned
   * as a Conflict.
   */
  async createPolicy(body, subject) {
    const op = {
      ...this.policyWrite(`create account policy ${subject}`, subject),
      method: "POST",
      path: this.policiesPath("account"),
      json: body,
      creates: true,
      done: [201, 200],
      conflicts: true
    };
    const response = await this.write(op);
    if ("conflict" in response) return response;
    const created = parseJson(response.text);
    if (!isObject(created) || !isUuid(created.uuid)) {
      throw this.unexpected(op, "uuid");
    }
    return { uuid: created.uuid };
  }
  /** `PUT /iam/v1/repo/account/{acc}/policies/{uuid}` (204 updated). Idempotent, so retried freely. */
  async updatePolicy(uuid, body, subject) {
    await this.write({
      ...this.policyWrite(`update account policy ${subject}`, subject),
      method: "PUT",
      path: `${this.policiesPath("account")}/${encodeURIComponent(uuid)}`,
      json: body,
      done: [204, 201, 200],
      conflicts: false
    });
  }
  /** `GET /iam/v1/repo/account/{acc}/boundaries?page=&size=` — every page. */
  async listBoundaries() {
    const all = [];
    for (let page = 1; ; page++) {
      const op = this.get(
        `list the policy boundaries of account ${this.accountUuid}`,
        `/iam/v1/repo/account/${this.acc}/boundaries?page=${page}&size=${BOUNDARY_PAGE_SIZE}`,
        BOUNDARIES_READ,
        this.accountNotFound()
      );
      const body = await this.read(op);
      const content = this.items(op, body, "content");
      for (const b of content) {
        if (isUuid(b.uuid) && typeof b.name === "string") {
          all.push({ uuid: b.uuid, name: b.name });
        }
      }
      const total = isObject(body) && typeof body.totalCount === "number" ? body.totalCount : 0;
      if (all.length >= total || content.length < BOUNDARY_PAGE_SIZE) return all;
    }
  }
  /** `GET /iam/v1/repo/{lt}/{lid}/bindings` — all bindings of a level, in one read. */
  async getBindings(level) {
    const op = this.get(
      `read the policy bindings of ${levelLabel(level)}`,
      this.bindingsPath(level),
      BINDINGS_READ,
      this.levelNotFound(level)
    );
    const body = await this.read(op);
    return this.items(op, body, "policyBindings").flatMap(
      (b) => typeof b.policyUuid === "string" ? [
        {
          policyUuid: b.policyUuid,
          groups: strings(b.groups),
          parameters: isObject(b.parameters) ? Object.fromEntries(
            Object.entries(b.parameters).map(([k, v]) => [k, String(v)])
          ) : {},
          boundaries: strings(b.boundaries)
        }
      ] : []
    );
  }
  /**
   * `POST /iam/v1/repo/{lt}/{lid}/bindings/{policyUuid}` (204) — the append
   * endpoint: "Any existing policy bindings remain unaffected"
   * (https://docs.dynatrace.com/docs/dynatrace-api/account-management-api/policy-management-api/bindings/post-policy-binding). A 409, or a 400 saying
   * the binding exists, is returned as a Conflict for the caller to confirm.
   */
  async appendBindings(level, policyUuid, body, subject) {
    const response = await this.write({
      method: "POST",
      path: `${this.bindingsPath(level)}/${encodeURIComponent(policyUuid)}`,
      json: body,
      creates: true,
      what: `bind ${subject} at ${levelLabel(level)}`,
      scopes: BINDINGS_WRITE,
      notFound: `A policy, group or boundary of ${subject} does not exist at ${levelLabel(level)} (check the UUIDs in ${level.origin.replace(/\.level$/, "")})`,
      invalid: `Dynatrace refused to bind ${subject} at ${levelLabel(level)}`,
      done: [204, 200, 201],
      conflicts: true
    });
    return "conflict" in response ? response : "added";
  }
  // --- plumbing ----------------------------------------------------------------
  get acc() {
    return encodeURIComponent(this.accountUuid);
  }
  get(what, path, scopes, notFound) {
    return { method: "GET", path, what, scopes, notFound };
  }
  /** What a create or update of a policy means for messages. */
  policyWrite(what, subject) {
    return {
      what,
      scopes: POLICIES_WRITE,
      notFound: this.accountNotFound(),
      invalid: `Dynatrace rejected the statement or description of policy ${subject}`
    };
  }
  policiesPath(level) {
    return level === "global" ? "/iam/v1/repo/global/global/policies" : `/iam/v1/repo/account/${this.acc}/policies`;
  }
  bindingsPath(level) {
    return `/iam/v1/repo/${level.type}/${encodeURIComponent(level.id)}/bindings`;
  }
  accountNotFound() {
    return `Account ${this.accountUuid} was not found; check account-urn`;
  }
  levelNotFound(level) {
    return level.type === "account" ? this.accountNotFound() : `Environment ${level.id} not found in account ${this.accountUuid}; check ${level.origin}${level.origin.endsWith(".level") ? ' (the default level "environment" is the environment of environment-url / environment-id)' : ""}`;
  }
  /** A GET that must answer 200; resolves with the parsed JSON body. */
  async read(op) {
    const response = await this.send(op);
    if (response.status !== 200) throw await this.failure(op, response);
    const body = parseJson(response.text);
    if (body === void 0) throw this.unexpected(op, "a JSON body");
    return body;
  }
  /** A write: its answer when done, a Conflict when it exists already, else the failure. */
  async write(op) {
    const response = await this.send(op);
    if (op.done.includes(response.status)) return response;
    if (op.conflicts) {
      const detail = await this.explain(response);
      if (response.status === 409 || response.status === 400 && EXISTS.test(detail)) {
        return { conflict: detail };
      }
    }
    throw await this.failure(op, response);
  }
  items(op, body, field) {
    const list = isObject(body) ? body[field] : void 0;
    if (!Array.isArray(list)) throw this.unexpected(op, field);
    return list.filter(isObject);
  }
  unexpected(op, field) {
    return new ActionError(
      `Could not ${op.what}: Account Management answered without ${field}. Check account-api-url (${this.options.baseUrl}).`
    );
  }
  /** The user-facing error for a failed IAM request: what, why, what to do. */
  async failure(op, response) {
    const status = `HTTP ${response.status}: ${await this.explain(response)}`;
    switch (response.status) {
      case 401:
        return new ActionError(
          `Could not ${op.what}: Account Management did not accept the SSO bearer (${status}). Check that account-urn is the account the OAuth client belongs to.`
        );
      case 403:
        return this.forbidden(op, response, status);
      case 404:
        if (op.notFound) return new ActionError(`${op.notFound} (${status}).`);
        break;
      case 400:
      case 422:
        if (op.invalid) return new ActionError(`${op.invalid} (${status}).`);
        break;
      case 429:
        return new ActionError(
          `Could not ${op.what}: Account Management is still rate-limiting after the allowed retries (${status}). Try again in a minute, or raise max-retries.`
        );
    }
    return new ActionError(
      `Could not ${op.what} (${status}). Try again later if Dynatrace is unavailable.`
    );
  }
  async forbidden(op, response, status) {
    const requested = this.iam.scopesRequested;
    const { missingAccess } = await import("./errors-QC65UVWR.js");
    const named2 = missingAccess(
      this.log,
      response,
      `the OAuth client (Account Management \u2192 Identity & access management \u2192 OAuth clients)${requested ? " and to the oauth-scopes input" : ""}`
    );
    if (named2)
      return new ActionError(`Not allowed to ${op.what} (${status}). ${named2}`);
    const [fine, umbrella] = op.scopes;
    const scopes = umbrella ? `${fine} (or the broader ${umbrella})` : `${fine}`;
    return new ActionError(
      `Not allowed to ${op.what} (${status}). The OAuth client needs the scope ${scopes}: add it to the client under Account Management \u2192 Identity & access management \u2192 OAuth clients${requested ? ", and to the oauth-scopes input" : ""}.`
    );
  }
};
function levelLabel(level) {
  return `${level.type} ${level.id}`;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}

// src/iam/limit.ts
var IAM_CONCURRENCY = 4;
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  const queue = items.entries();
  let failure;
  const worker = async () => {
    for (const [index, item] of queue) {
      if (failure !== void 0) return;
      try {
        results[index] = await fn(item, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Array.from(
    { length: Math.min(Math.max(1, limit), items.length) },
    worker
  );
  await Promise.all(workers);
  if (failure) throw failure.error;
  return results;
}

// src/iam/resolve.ts
var MAX_KNOWN = 10;
async function resolveIam(api, specs, log) {
  const problems = [];
  const levels = /* @__PURE__ */ new Map();
  for (const b of specs.bindings)
    levels.set(b.index, resolveLevel(b, b.level, api.accountUuid));
  const clean = (text) => log.clean(text, 80);
  const resolver = {
    catalogue: await readCatalogue(api, specs),
    stepRefs: /* @__PURE__ */ new Map(),
    clean,
    show: (text) => `"${clean(text)}"`,
    problems
  };
  const plans = planPolicies(specs.policies, resolver);
  const desired = /* @__PURE__ */ new Map();
  for (const b of specs.bindings) {
    const level = levels.get(b.index);
    for (const binding of resolveBinding(b, level, resolver)) {
      const key = bindingKey(binding);
      if (!desired.has(key)) desired.set(key, binding);
    }
  }
  const error = problemsError(problems);
  if (error) throw error;
  const distinct = /* @__PURE__ */ new Map();
  for (const level of levels.values()) {
    if (!distinct.has(level.key)) distinct.set(level.key, level);
  }
  return {
    policies: plans,
    bindings: [...desired.values()],
    levels: [...distinct.values()]
  };
}
function planPolicies(specs, resolver) {
  const plans = [];
  for (const spec of specs) {
    const matches = (resolver.catalogue.account ?? []).filter(
      (p) => p.name === spec.name
    );
    if (matches.length > 1) {
      resolver.problems.push(
        `policies[${spec.index}].name: ${resolver.show(spec.name)} matches ${matches.length} account policies (${matches.map((p) => p.uuid).join(", ")}); rename or delete the duplicates in Account Management.`
      );
      continue;
    }
    const existing = matches[0];
    const ref = {
      uuid: existing?.uuid,
      name: spec.name,
      source: "step"
    };
    resolver.stepRefs.set(spec.name, ref);
    plans.push(existing ? { spec, ref, existing } : { spec, ref });
  }
  return plans;
}
function resolveBinding(b, level, resolver) {
  const at = `bindings[${b.index}]`;
  const policy = resolvePolicy(`${at}.policy`, b.policy, resolver);
  const groups = b.groups.map((g) => resolveNamed(at, "group", g, resolver));
  const boundaries = b.boundaries.map(
    (x) => resolveNamed(at, "boundary", x, resolver)
  );
  if (!policy || !level) return [];
  if (!isAll(groups) || !isAll(boundaries)) return [];
  const bounds = uniqueByUuid(boundaries).sort(
    (x, y) => x.uuid.localeCompare(y.uuid)
  );
  return groups.map((group) => ({ level, policy, group, boundaries: bounds }));
}
function bindingKey(binding) {
  return [
    binding.level.key,
    policyKey(binding.policy),
    binding.group.uuid.toLowerCase(),
    binding.boundaries.map((x) => x.uuid.toLowerCase()).join(",")
  ].join("|");
}
function isAll(refs) {
  return !refs.includes(void 0);
}
function policyKey(policy) {
  return policy.uuid ? policy.uuid.toLowerCase() : `new:${policy.name}`;
}
function resolveLevel(binding, level, accountUuid) {
  const origin = `bindings[${binding.index}].level`;
  const id = level.type === "account" ? accountUuid : level.id;
  return { type: level.type, id, origin, key: `${level.type}:${id}` };
}
async function readCatalogue(api, specs) {
  const named2 = (items) => items.some((x) => !isUuid(x));
  const needGroups = specs.bindings.some((b) => named2(b.groups));
  const needPolicyNames = specs.bindings.some((b) => !isUuid(b.policy));
  const needBoundaries = specs.bindings.some((b) => named2(b.boundaries));
  const catalogue = {};
  const reads = [];
  if (needGroups)
    reads.push(async () => void (catalogue.groups = await api.listGroups()));
  if (needPolicyNames) {
    reads.push(
      async () => void (catalogue.global = await api.listPolicies("global"))
    );
  }
  if (needPolicyNames || specs.policies.length > 0) {
    reads.push(
      async () => void (catalogue.account = await api.listPolicies("account"))
    );
  }
  if (needBoundaries) {
    reads.push(
      async () => void (catalogue.boundaries = await api.listBoundaries())
    );
  }
  await mapLimit(reads, IAM_CONCURRENCY, (read) => read());
  return catalogue;
}
function resolvePolicy(at, text, { catalogue, stepRefs, show, problems }) {
  const global = catalogue.global ?? [];
  const account = catalogue.account ?? [];
  if (isUuid(text)) {
    const uuid = text.toLowerCase();
    const step2 = [...stepRefs.values()].find(
      (r) => r.uuid?.toLowerCase() === uuid
    );
    if (step2) return step2;
    const known = [...global, ...account].find(
      (p) => p.uuid.toLowerCase() === uuid
    );
    return { uuid: text, name: known?.name ?? text, source: "uuid" };
  }
  const candidates = [];
  const step = stepRefs.get(text);
  for (const p of global.filter((p2) => p2.name === text)) {
    candidates.push({
      ref: { uuid: p.uuid, name: p.name, source: "global" },
      what: `the built-in policy ${p.uuid}`
    });
  }
  for (const p of account.filter((p2) => p2.name === text)) {
    if (step && step.uuid === p.uuid) continue;
    candidates.push({
      ref: { uuid: p.uuid, name: p.name, source: "account" },
      what: `the account policy ${p.uuid}`
    });
  }
  if (step) {
    candidates.push({
      ref: step,
      what: step.uuid ? `the account policy ${step.uuid} (in this step's policies)` : "the new policy of this step's policies input"
    });
  }
  const [only, ...others] = candidates;
  if (only && others.length === 0) return only.ref;
  if (candidates.length > 1) {
    problems.push(
      `${at}: ${show(text)} is ambiguous: it matches ${candidates.map((c) => c.what).join(" and ")}. Use the UUID of the one you mean.`
    );
    return void 0;
  }
  const names = [
    ...new Set(
      [...global, ...account].map((p) => p.name).concat([...stepRefs.keys()])
    )
  ];
  const hint = suggest(text, names);
  problems.push(
    `${at}: policy ${show(text)} not found among the built-in policies, the account's policies or this step's policies input${hint.length > 0 ? `; did you mean ${hint.map(show).join(" or ")}?` : "."}`
  );
  return void 0;
}
function resolveNamed(binding, kind, text, { catalogue, clean, show, problems }) {
  const at = `${binding}.${kind === "group" ? "groups" : "boundaries"}`;
  const list = kind === "group" ? catalogue.groups : catalogue.boundaries;
  if (isUuid(text)) {
    const known2 = list?.find((x) => x.uuid.toLowerCase() === text.toLowerCase());
    return { uuid: text, name: known2?.name ?? text };
  }
  const matches = (list ?? []).filter((x) => x.name === text);
  const [only, ...others] = matches;
  if (only && others.length === 0) return { uuid: only.uuid, name: only.name };
  if (matches.length > 1) {
    problems.push(
      `${at}: ${kind} ${show(text)} matches ${matches.length} ${kind === "group" ? "groups" : "boundaries"} (${matches.map((m) => m.uuid).join(", ")}); use the UUID of the one you mean.`
    );
    return void 0;
  }
  const names = [...new Set((list ?? []).map((x) => x.name))].sort(
    (a, b) => a.localeCompare(b)
  );
  const hint = suggest(text, names);
  const known = names.length === 0 ? `the account has no ${kind === "group" ? "groups" : "boundaries"}` : `known: ${names.slice(0, MAX_KNOWN).map(clean).join(", ")}${names.length > MAX_KNOWN ? ", \u2026" : ""}`;
  problems.push(
    `${at}: ${kind} ${show(text)} not found in the account (${known})${hint.length > 0 ? `; did you mean ${hint.map(show).join(" or ")}?` : "."}`
  );
  return void 0;
}
function uniqueByUuid(refs) {
  const seen = /* @__PURE__ */ new Map();
  for (const r of refs)
    if (!seen.has(r.uuid.toLowerCase())) seen.set(r.uuid.toLowerCase(), r);
  return [...seen.values()];
}

// src/iam/ensure.ts
async function readState(api, plans, levels) {
  const details = /* @__PURE__ */ new Map();
  const bindings = /* @__PURE__ */ new Map();
  const reads = [];
  for (const plan of plans) {
    const existing = plan.existing;
    if (existing) {
      reads.push(async () => {
        details.set(
          existing.uuid,
          await api.getPolicy(existing.uuid, existing.name)
        );
      });
    }
  }
  for (const level of levels) {
    reads.push(async () => {
      bindings.set(level.key, await api.getBindings(level));
    });
  }
  await mapLimit(reads, IAM_CONCURRENCY, (read) => read());
  return { details, bindings };
}
async function ensurePolicies(api, plans, details, dryRun, log) {
  return mapLimit(plans, IAM_CONCURRENCY, async (plan) => {
    const { spec, ref } = plan;
    const subject = `policies[${spec.index}] "${log.clean(spec.name, 80)}"`;
    const detail = plan.existing ? details.get(plan.existing.uuid) : void 0;
    if (!detail) {
      if (dryRun) return outcome(spec, void 0, "create", []);
      const created = await createPolicy(api, plan, subject);
      ref.uuid = created.uuid;
      if (!created.adopted) return outcome(spec, created.uuid, "create", []);
      return updateIfDifferent(api, plan, created.adopted, dryRun, subject);
    }
    return updateIfDifferent(api, plan, detail, dryRun, subject);
  });
}
function outcome(spec, uuid, action, changed, previous) {
  return {
    name: spec.name,
    uuid,
    action,
    changed,
    statement: spec.statement,
    description: spec.description,
    ...previous ? {
      previous: {
        statement: previous.statementQuery,
        description: previous.description
      }
    } : {}
  };
}
function policyBody(plan, tags) {
  return {
    name: plan.spec.name,
    description: plan.spec.description,
    statementQuery: plan.spec.statement,
    tags
  };
}
async function updateIfDifferent(api, plan, detail, dryRun, subject) {
  const changed = [];
  if (normaliseStatement(detail.statementQuery) !== normaliseStatement(plan.spec.statement)) {
    changed.push("statement");
  }
  if (detail.description.trim() !== plan.spec.description.trim()) {
    changed.push("description");
  }
  if (changed.length === 0) {
    return outcome(plan.spec, detail.uuid, "unchanged", []);
  }
  if (!dryRun) {
    await api.updatePolicy(detail.uuid, policyBody(plan, detail.tags), subject);
  }
  return outcome(plan.spec, detail.uuid, "update", changed, detail);
}
async function createPolicy(api, plan, subject) {
  for (let attempt = 0; ; attempt++) {
    let why;
    let lost = false;
    try {
      const result = await api.createPolicy(policyBody(plan, []), subject);
      if ("uuid" in result) return result;
      why = `Dynatrace answered that it exists (${result.conflict})`;
    } catch (error) {
      if (!(error instanceof AmbiguousRequestError) || attempt > 0) throw error;
      why = error.message;
      lost = true;
    }
    const found = await api.listPolicies("account", plan.spec.name);
    const same = found.filter((p) => p.name === plan.spec.name);
    const [only, ...others] = same;
    if (only && others.length === 0) {
      const adopted = await api.getPolicy(only.uuid, only.name);
      return { uuid: adopted.uuid, adopted };
    }
    if (!lost || same.length > 1) {
      throw new ActionError(
        `Could not create account policy ${subject}: ${why}, but ${same.length === 0 ? "no" : same.length} account ${same.length === 1 ? "policy has" : "policies have"} that name. Check the policies in Account Management and run the step again.`
      );
    }
  }
}
function normaliseStatement(text) {
  let out = "";
  let quoted = false;
  let space = false;
  for (const ch of text.trim()) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space && !(/[,;()]/.test(ch) || /[,;(]$/.test(out))) out += " ";
    space = false;
    out += ch;
  }
  return out;
}
async function ensureBindings(api, desired, levels, current, dryRun, log) {
  const outcomes = levels.map(
    (level) => diffLevel(
      level,
      desired.filter((d) => d.level.key === level.key),
      current.get(level.key) ?? []
    )
  );
  for (const o of outcomes) {
    for (const s of o.skipped) {
      log.warning(
        `${levelLabel(o.level)}: group "${log.clean(s.group.name, 80)}" is bound to policy "${log.clean(s.policy.name, 80)}" with boundaries, and ${s.reason}`
      );
    }
  }
  if (dryRun) return outcomes;
  const batches = outcomes.flatMap(
    (o) => o.added.map((batch) => ({ o, batch }))
  );
  const results = await mapLimit(
    batches,
    IAM_CONCURRENCY,
    async ({ o, batch }) => ({
      o,
      batch,
      already: await appendBatch(api, batch, log)
    })
  );
  for (const { o, batch, already } of results) {
    if (already.size === 0) continue;
    const groups = batch.groups.filter(
      (g) => !already.has(g.uuid.toLowerCase())
    );
    o.unchanged += batch.groups.length - groups.length;
    o.added = o.added.flatMap(
      (b) => b !== batch ? [b] : groups.length > 0 ? [{ ...b, groups }] : []
    );
  }
  return outcomes;
}
function diffLevel(level, desired, current) {
  const result = { level, added: [], unchanged: 0, skipped: [] };
  const batches = /* @__PURE__ */ new Map();
  for (const d of desired) {
    const state = bindingState(current, d);
    if (state === "present") {
      result.unchanged++;
      continue;
    }
    if (state === "narrower") {
      result.skipped.push({
        policy: d.policy,
        group: d.group,
        reason: "the inputs ask for it without boundaries. Append-only: the existing binding is left as it is (widen it in Account Management if that is intended)."
      });
      continue;
    }
    const key = `${policyKey(d.policy)}|${d.boundaries.map((b) => b.uuid.toLowerCase()).join(",")}`;
    const batch = batches.get(key);
    if (batch) batch.groups.push(d.group);
    else {
      const fresh = {
        level,
        policy: d.policy,
        groups: [d.group],
        boundaries: d.boundaries
      };
      batches.set(key, fresh);
      result.added.push(fresh);
    }
  }
  return result;
}
function bindingState(current, d) {
  const policy = d.policy.uuid?.toLowerCase();
  if (policy === void 0) return "missing";
  const group = d.group.uuid.toLowerCase();
  const wanted = d.boundaries.map((b) => b.uuid.toLowerCase());
  const entries = current.filter(
    (e) => e.policyUuid.toLowerCase() === policy && Object.keys(e.parameters).length === 0 && e.groups.some((g) => g.toLowerCase() === group)
  );
  if (entries.some((e) => e.boundaries.length === 0)) return "present";
  if (wanted.length === 0) return entries.length > 0 ? "narrower" : "missing";
  const covered = entries.some((e) => {
    const have = new Set(e.boundaries.map((b) => b.toLowerCase()));
    return wanted.every((b) => have.has(b));
  });
  return covered ? "present" : "missing";
}
async function appendBatch(api, batch, log) {
  const subject = `policy "${log.clean(batch.policy.name, 80)}" to ${batch.groups.length === 1 ? "group" : "groups"} ${batch.groups.map((g) => `"${log.clean(g.name, 80)}"`).join(", ")}`;
  const policyUuid = batch.policy.uuid;
  if (policyUuid === void 0)
    throw new Error(`The policy of ${subject} was not created.`);
  const already = /* @__PURE__ */ new Set();
  let groups = batch.groups;
  for (let attempt = 0; ; attempt++) {
    let why;
    try {
      const result = await api.appendBindings(
        batch.level,
        policyUuid,
        appendBody(groups, batch.boundaries),
        subject
      );
      if (result === "added") return already;
      why = `Dynatrace answered that it exists (${result.conflict})`;
    } catch (error) {
      if (!(error instanceof AmbiguousRequestError)) throw error;
      why = error.message;
    }
    if (attempt > 0) {
      throw new ActionError(
        `Could not bind ${subject} at ${levelLabel(batch.level)}: ${why}, yet the level's bindings do not show it. Run the step again; if this repeats, check the bindings in Account Management.`
      );
    }
    const current = await api.getBindings(batch.level);
    const still = [];
    for (const g of groups) {
      const d = {
        level: batch.level,
        policy: batch.policy,
        group: g,
        boundaries: batch.boundaries
      };
      if (bindingState(current, d) === "missing") still.push(g);
      else already.add(g.uuid.toLowerCase());
    }
    if (still.length === 0) return already;
    groups = still;
  }
}
function appendBody(groups, boundaries) {
  return boundaries.length > 0 ? {
    groups: groups.map((g) => g.uuid),
    boundaries: boundaries.map((b) => b.uuid)
  } : { groups: groups.map((g) => g.uuid) };
}

// src/iam/report.ts
var MAX_ROWS = 100;
var named = (r) => ({
  name: r.name,
  uuid: r.uuid
});
function changesJson(policies, levels) {
  return {
    policies: policies.map((p) => ({
      name: p.name,
      uuid: p.uuid ?? null,
      action: p.action,
      changed: p.changed
    })),
    bindings: levels.map((o) => ({
      level: o.level.type === "account" ? "account" : `environment:${o.level.id}`,
      levelType: o.level.type,
      levelId: o.level.id,
      add: o.added.map((b) => ({
        policy: b.policy.name,
        policyUuid: b.policy.uuid ?? null,
        groups: b.groups.map(named),
        boundaries: b.boundaries.map(named)
      })),
      unchanged: o.unchanged,
      skipped: o.skipped.map((s) => ({
        policy: s.policy.name,
        group: s.group.name,
        reason: s.reason
      }))
    }))
  };
}
function countAdded(levels) {
  return levels.reduce(
    (n, o) => n + o.added.reduce((m, b) => m + b.groups.length, 0),
    0
  );
}
function logOutcomes(log, policies, levels, dryRun) {
  const q = (text) => `"${log.clean(text, 80)}"`;
  for (const p of policies) {
    const uuid = p.uuid ? ` (${p.uuid})` : "";
    if (p.action === "create") {
      log.info(
        `${dryRun ? "Would create" : "Created"} account policy ${q(p.name)}${uuid}.`
      );
    } else if (p.action === "update") {
      log.info(
        `${dryRun ? "Would update" : "Updated"} the ${p.changed.join(" and ")} of account policy ${q(p.name)}${uuid}.`
      );
    }
  }
  if (policies.length > 0) {
    const count = (a) => policies.filter((p) => p.action === a).length;
    log.info(
      `Policies: ${count("create")} ${dryRun ? "to create" : "created"}, ${count("update")} ${dryRun ? "to update" : "updated"}, ${count("unchanged")} unchanged.`
    );
  }
  for (const o of levels) {
    for (const b of o.added) {
      const bounds = b.boundaries.length > 0 ? ` within ${b.boundaries.map((x) => q(x.name)).join(", ")}` : "";
      log.info(
        `${levelLabel(o.level)}: ${dryRun ? "would bind" : "bound"} policy ${q(b.policy.name)} to ${b.groups.map((g) => q(g.name)).join(", ")}${bounds}.`
      );
    }
    const added = countAdded([o]);
    log.info(
      `${levelLabel(o.level)}: ${added} ${added === 1 ? "binding" : "bindings"} ${dryRun ? "to add" : "added"}, ${o.unchanged} unchanged${o.skipped.length > 0 ? `, ${o.skipped.length} left alone` : ""}.`
    );
  }
}
function statementLines(text) {
  const lines = [];
  let current = "";
  let quote;
  const end = () => {
    const shown = current.trim();
    if (shown !== "")
      lines.push({ text: shown, key: normaliseStatement(shown) });
    current = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quote) {
      current += ch;
      if (ch === quote) quote = void 0;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === "/" && text[i + 1] === "/") {
      end();
      const stop = text.indexOf("\n", i);
      current = text.slice(i, stop === -1 ? text.length : stop);
      end();
      i = stop === -1 ? text.length : stop;
    } else if (/\s/.test(ch)) {
      if (!current.endsWith(" ")) current += " ";
    } else {
      current += ch;
      if (ch === ";") end();
    }
  }
  end();
  return lines;
}
var MAX_DIFF_CELLS = 25e4;
function lineDiff(before, after) {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_DIFF_CELLS) {
    return [
      ...before.map((l) => `- ${l.text}`),
      ...after.map((l) => `+ ${l.text}`)
    ];
  }
  const common = new Uint32Array((n + 1) * (m + 1));
  const lcs = (i2, j2) => common[i2 * (m + 1) + j2] ?? 0;
  for (let i2 = n - 1; i2 >= 0; i2--) {
    for (let j2 = m - 1; j2 >= 0; j2--) {
      common[i2 * (m + 1) + j2] = before[i2]?.key === after[j2]?.key ? lcs(i2 + 1, j2 + 1) + 1 : Math.max(lcs(i2 + 1, j2), lcs(i2, j2 + 1));
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  for (; ; ) {
    const removed = before[i];
    const added = after[j];
    if (removed && added && removed.key === added.key) {
      out.push(`  ${added.text}`);
      i++;
      j++;
    } else if (removed && (!added || lcs(i + 1, j) >= lcs(i, j + 1))) {
      out.push(`- ${removed.text}`);
      i++;
    } else if (added) {
      out.push(`+ ${added.text}`);
      j++;
    } else return out;
  }
}
function nameHtml(ref) {
  return ref.uuid !== void 0 && ref.name === ref.uuid ? `<code>${escapeHtml(ref.name)}</code>` : escapeHtml(ref.name);
}
function policyNameHtml(ref) {
  return `${nameHtml(ref)}${ref.source === "global" ? " (built-in)" : ""}`;
}
function levelHtml(level) {
  return `${escapeHtml(level.type)} <code>${escapeHtml(level.id)}</code>`;
}
function policyChangesHtml(policies, dryRun) {
  const h = escapeHtml;
  const parts = [];
  const pre = (lines) => `<pre>${lines.map((l) => h(l)).join("\n")}</pre>`;
  for (const p of policies) {
    if (p.action === "create") {
      parts.push(
        `<p><strong>${dryRun ? "Create" : "Created"}</strong> account policy <strong>${h(p.name)}</strong>${p.description.trim() ? ` (\u201C${h(p.description.trim())}\u201D)` : ""} with the statement:</p>`,
        pre(statementLines(p.statement).map((l) => l.text))
      );
    } else if (p.action === "update" && p.previous) {
      parts.push(
        `<p><strong>${dryRun ? "Update" : "Updated"}</strong> the ${h(p.changed.join(" and "))} of account policy <strong>${h(p.name)}</strong> <code>${h(p.uuid ?? "")}</code>${p.changed.includes("statement") ? " (<code>-</code> removed, <code>+</code> added):" : "."}</p>`
      );
      if (p.changed.includes("statement")) {
        parts.push(
          pre(
            lineDiff(
              statementLines(p.previous.statement),
              statementLines(p.statement)
            )
          )
        );
      }
      if (p.changed.includes("description")) {
        parts.push(
          `<p>Description: \u201C${h(p.previous.description.trim())}\u201D \u2192 \u201C${h(p.description.trim())}\u201D.</p>`
        );
      }
    }
  }
  const unchanged = policies.filter((p) => p.action === "unchanged");
  if (unchanged.length > 0) {
    parts.push(
      `<p>Already as asked: ${unchanged.map((p) => `<strong>${h(p.name)}</strong>`).join(", ")}.</p>`
    );
  }
  return parts;
}
function summaryHtml(policies, levels, dryRun) {
  const parts = [
    `<h3>IAM policies and bindings${dryRun ? " (plan: nothing changed)" : ""}</h3>`
  ];
  if (policies.length === 0 && levels.length === 0) {
    parts.push("<p>No IAM policies or bindings requested.</p>");
    return parts.join("\n");
  }
  const rows = [];
  if (policies.length > 0) {
    const count = (a) => policies.filter((p) => p.action === a).length;
    rows.push(
      `<tr><td>Account policies</td><td>${count("create")} ${dryRun ? "to create" : "created"}, ${count("update")} ${dryRun ? "to update" : "updated"}</td><td>${count("unchanged")}</td><td></td></tr>`
    );
  }
  for (const o of levels) {
    rows.push(
      `<tr><td>Bindings at ${levelHtml(o.level)}</td><td>${countAdded([o])} ${dryRun ? "to add" : "added"}</td><td>${o.unchanged}</td><td>${o.skipped.length}</td></tr>`
    );
  }
  parts.push(
    `<table><tr><th>What</th><th>${dryRun ? "Changes" : "Changed"}</th><th>Already in place</th><th>Left alone</th></tr>
${rows.join("\n")}
</table>`
  );
  parts.push(...policyChangesHtml(policies, dryRun));
  const changes = [];
  for (const o of levels) {
    for (const b of o.added) {
      changes.push(
        `<tr><td>${dryRun ? "bind" : "bound"}</td><td>${levelHtml(o.level)}</td><td>${policyNameHtml(b.policy)}</td><td>${b.groups.map(nameHtml).join(", ")}</td><td>${b.boundaries.length > 0 ? b.boundaries.map(nameHtml).join(", ") : "none"}</td></tr>`
      );
    }
    for (const s of o.skipped) {
      changes.push(
        `<tr><td>left alone</td><td>${levelHtml(o.level)}</td><td>${policyNameHtml(s.policy)}</td><td>${nameHtml(s.group)}</td><td>none asked for; bound within some already</td></tr>`
      );
    }
  }
  const unchanged = levels.reduce((n, o) => n + o.unchanged, 0);
  const skipped = levels.reduce((n, o) => n + o.skipped.length, 0);
  if (changes.length > 0) {
    const shown = changes.slice(0, MAX_ROWS);
    parts.push(
      `<table><tr><th>Binding</th><th>Level</th><th>Policy</th><th>Groups</th><th>Boundaries</th></tr>
${shown.join("\n")}
</table>`
    );
    if (changes.length > MAX_ROWS) {
      parts.push(
        `<p>\u2026 and ${changes.length - MAX_ROWS} more (see the log${dryRun ? " or the plan output" : ""}).</p>`
      );
    }
  } else if (policies.every((p) => p.action === "unchanged")) {
    parts.push("<p>Everything was already in place: nothing to change.</p>");
  }
  const notes = [];
  if (unchanged > 0) {
    notes.push(
      "<em>Already in place</em>: the group is bound to the policy at that level already, without boundaries or within the ones asked for; nothing is added."
    );
  }
  if (skipped > 0) {
    notes.push(
      "<em>Left alone</em>: the group is bound to the policy only within boundaries, and the inputs ask for it without any. The action only adds bindings and never changes one, so it does not widen that binding: widen it in Account Management if that is intended."
    );
  }
  if (notes.length > 0) parts.push(`<p>${notes.join("<br>")}</p>`);
  return parts.join("\n");
}

// src/iam/index.ts
function checkIamInputs(inputs) {
  const problems = [];
  const request = { policies: [], bindings: [] };
  try {
    const specs = parseIamInputs(inputs.policies, inputs.bindings);
    request.policies = specs.policies;
    for (const b of specs.bindings) {
      const id = b.level.type === "environment" ? b.level.id ?? inputs.endpoints.environmentId : void 0;
      if (b.level.type === "account")
        request.bindings.push({ ...b, level: { type: "account" } });
      else if (id !== void 0)
        request.bindings.push({ ...b, level: { type: "environment", id } });
      else
        problems.push(
          `bindings[${b.index}].level: the default level "environment" needs environment-url (or environment-id); give one, or set level: account or level: environment:<id>.`
        );
    }
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    problems.push(
      ...error.message.replace(/^Invalid IAM input:\n/, "").split("\n").map((p) => p.replace(/^ {2}- /, ""))
    );
  }
  if (problems.length > 0) {
    throw new ActionError(
      `Invalid IAM input${problems.length > 1 ? "s" : ""} (no request was sent):
${problems.map((p) => `  - ${p}`).join("\n")}`
    );
  }
  return request;
}
async function ensureIam(ctx, bearer, request, account, options) {
  const { inputs, log, http } = ctx;
  const { dryRun } = options;
  return log.group("IAM policies and bindings", async () => {
    if (request.policies.length === 0 && request.bindings.length === 0) {
      log.info("No IAM policies or bindings requested.");
      return {
        bindingsAdded: 0,
        policiesChanged: 0,
        bindingsUnchanged: 0,
        changes: { policies: [], bindings: [] },
        summaryHtml: summaryHtml([], [], dryRun),
        requests: 0
      };
    }
    const api = new IamApi({
      http,
      log,
      bearer,
      baseUrl: account.accountApiUrl,
      accountUuid: account.accountUuid,
      scopesRequested: inputs.oauthScopes.length > 0
    });
    if (dryRun)
      log.info("Plan mode: reading IAM state only; nothing is changed.");
    const resolved = await resolveIam(api, request, log);
    const state = await readState(api, resolved.policies, resolved.levels);
    const policies = await ensurePolicies(
      api,
      resolved.policies,
      state.details,
      dryRun,
      log
    );
    const levels = await ensureBindings(
      api,
      resolved.bindings,
      resolved.levels,
      state.bindings,
      dryRun,
      log
    );
    logOutcomes(log, policies, levels, dryRun);
    log.info(
      `${api.requests} Account Management ${api.requests === 1 ? "request" : "requests"}.`
    );
    return {
      bindingsAdded: countAdded(levels),
      policiesChanged: policies.filter((p) => p.action !== "unchanged").length,
      bindingsUnchanged: levels.reduce((n, o) => n + o.unchanged, 0),
      changes: changesJson(policies, levels),
      summaryHtml: summaryHtml(policies, levels, dryRun),
      requests: api.requests
    };
  });
}
export {
  checkIamInputs,
  ensureIam
};
