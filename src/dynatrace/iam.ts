/**
 * The Account Management IAM calls this action makes — one method per endpoint
 * of the Account Management API (its OpenAPI: https://api.dynatrace.com/spec-json;
 * the "Policy management API" and "Group management API" pages under
 * https://docs.dynatrace.com/docs/dynatrace-api/account-management-api) — and
 * what their failures mean for the user. Deliberately absent: every endpoint
 * that replaces or deletes (`PUT …/bindings/groups/{group}`,
 * `PUT …/bindings/{policy}/{group}`, any DELETE). Bindings are only ever added
 * with the append endpoint.
 */
import { ActionError } from '../errors.js'
import { isUuid } from '../inputs.js'
import { parseJson, type HttpResponse } from '../http.js'
import {
  DynatraceApi,
  isObject,
  type ApiOptions,
  type Operation
} from './client.js'

/** A level bindings live on. (Policies are only written at account level.) */

export interface Level {
  type: 'account' | 'environment'
  /** Account UUID or environment ID. */
  id: string
  /** The input field that asked for it, for messages: `bindings[3].level`. */
  origin: string
}

export interface GroupInfo {
  uuid: string
  name: string
}

export interface PolicyInfo {
  uuid: string
  name: string
  description: string
}

/** One policy as `GET …/policies/{uuid}` returns it (list items lack statementQuery). */
export interface PolicyDetail extends PolicyInfo {
  statementQuery: string
  tags: string[]
}

export interface BoundaryInfo {
  uuid: string
  name: string
}

/** One entry of a level's bindings: a policy bound to groups (with options). */
export interface BindingEntry {
  policyUuid: string
  groups: string[]
  /** Non-empty for bindings of parameterised policies. */
  parameters: Record<string, string>
  boundaries: string[]
}

/** Request body of create/update (`CreateOrUpdateLevelPolicyRequestDto`). */
export interface PolicyBody {
  name: string
  description: string
  statementQuery: string
  tags: string[]
}

/** Request body of the append call (`AppendLevelPolicyBindingsRequestDto`). */
export interface AppendBody {
  groups: string[]
  boundaries?: string[]
}

/** A write Dynatrace refused because what it would create already exists. */
export interface Conflict {
  conflict: string
}

export interface IamApiOptions extends ApiOptions {
  accountUuid: string
  /** The oauth-scopes input is set, so the bearer carries only those scopes. */
  scopesRequested: boolean
}

/** An IAM operation, with what its failures mean for the user. */
interface IamOperation extends Operation {
  /** Scopes that allow it, any one of them (spec `x-token-scopes`). */
  scopes: string[]
  /** Message for HTTP 404, without the status detail. */
  notFound?: string
  /** Message for HTTP 400/422, without the status detail. */
  invalid?: string
}

/** A write: the statuses that mean done, and whether "already exists" is an answer. */
interface IamWrite extends IamOperation {
  done: number[]
  /** A 409, or a 400 saying it exists, resolves as a Conflict instead of failing. */
  conflicts: boolean
}

const POLICIES_READ = ['iam:policies:read', 'iam-policies-management']
const POLICIES_WRITE = ['iam:policies:write', 'iam-policies-management']
const BINDINGS_READ = ['iam:bindings:read', 'iam-policies-management']
const BINDINGS_WRITE = ['iam:bindings:write', 'iam-policies-management']
const BOUNDARIES_READ = ['iam:boundaries:read', 'iam-policies-management']
/**
 * Dynatrace's words for "that already exists" on a 400 (not "does not
 * exist", which is a real error).
 */
const EXISTS = /already (exist|bound|assigned|present)|duplicate/i
const BOUNDARY_PAGE_SIZE = 100

/** Account Management IAM client for one account and one bearer. */
export class IamApi extends DynatraceApi {
  constructor(private readonly iam: IamApiOptions) {
    super(iam)
  }

  get accountUuid(): string {
    return this.iam.accountUuid
  }

  /** `GET /iam/v1/accounts/{acc}/groups` — every group (the list is not paged). */
  async listGroups(): Promise<GroupInfo[]> {
    const op = this.get(
      `list the groups of account ${this.accountUuid}`,
      `/iam/v1/accounts/${this.acc}/groups`,
      ['account-idm-read'],
      this.accountNotFound()
    )
    const body = await this.read(op)
    return this.items(op, body, 'items').flatMap((g) =>
      isUuid(g.uuid) && typeof g.name === 'string'
        ? [{ uuid: g.uuid, name: g.name }]
        : []
    )
  }

  /** `GET /iam/v1/repo/{global|account}/…/policies` — a level's own policies. */
  async listPolicies(
    level: 'global' | 'account',
    name?: string
  ): Promise<PolicyInfo[]> {
    const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`
    const op = this.get(
      level === 'global'
        ? 'list the built-in (global) policies'
        : `list the policies of account ${this.accountUuid}`,
      `${this.policiesPath(level)}${query}`,
      POLICIES_READ,
      this.accountNotFound()
    )
    const body = await this.read(op)
    return this.items(op, body, 'policies').flatMap((p) =>
      isUuid(p.uuid) && typeof p.name === 'string'
        ? [
            {
              uuid: p.uuid,
              name: p.name,
              description:
                typeof p.description === 'string' ? p.description : ''
            }
          ]
        : []
    )
  }

  /** `GET /iam/v1/repo/account/{acc}/policies/{uuid}` — with its statementQuery. */
  async getPolicy(uuid: string, name: string): Promise<PolicyDetail> {
    const op = this.get(
      `read account policy "${name}" (${uuid})`,
      `${this.policiesPath('account')}/${encodeURIComponent(uuid)}`,
      POLICIES_READ,
      `Account policy "${name}" (${uuid}) disappeared while this step ran; run the step again`
    )
    const body = await this.read(op)
    if (!isObject(body) || typeof body.statementQuery !== 'string') {
      throw this.unexpected(op, 'statementQuery')
    }
    return {
      uuid,
      name: typeof body.name === 'string' ? body.name : name,
      description: typeof body.description === 'string' ? body.description : '',
      statementQuery: body.statementQuery,
      tags: Array.isArray(body.tags)
        ? body.tags.filter((t): t is string => typeof t === 'string')
        : []
    }
  }

  /**
   * `POST /iam/v1/repo/account/{acc}/policies` (201). A 409, or a 400 saying
   * the name exists (taken meanwhile, e.g. by a concurrent run), is returned
   * as a Conflict.
   */
  async createPolicy(
    body: PolicyBody,
    subject: string
  ): Promise<{ uuid: string } | Conflict> {
    const op: IamWrite = {
      ...this.policyWrite(`create account policy ${subject}`, subject),
      method: 'POST',
      path: this.policiesPath('account'),
      json: body,
      creates: true,
      done: [201, 200],
      conflicts: true
    }
    const response = await this.write(op)
    if ('conflict' in response) return response
    const created = parseJson(response.text)
    if (!isObject(created) || !isUuid(created.uuid)) {
      throw this.unexpected(op, 'uuid')
    }
    return { uuid: created.uuid }
  }

  /** `PUT /iam/v1/repo/account/{acc}/policies/{uuid}` (204 updated). Idempotent, so retried freely. */
  async updatePolicy(
    uuid: string,
    body: PolicyBody,
    subject: string
  ): Promise<void> {
    await this.write({
      ...this.policyWrite(`update account policy ${subject}`, subject),
      method: 'PUT',
      path: `${this.policiesPath('account')}/${encodeURIComponent(uuid)}`,
      json: body,
      done: [204, 201, 200],
      conflicts: false
    })
  }

  /** `GET /iam/v1/repo/account/{acc}/boundaries?page=&size=` — every page. */
  async listBoundaries(): Promise<BoundaryInfo[]> {
    const all: BoundaryInfo[] = []
    for (let page = 1; ; page++) {
      const op = this.get(
        `list the policy boundaries of account ${this.accountUuid}`,
        `/iam/v1/repo/account/${this.acc}/boundaries?page=${page}&size=${BOUNDARY_PAGE_SIZE}`,
        BOUNDARIES_READ,
        this.accountNotFound()
      )
      const body = await this.read(op)
      const content = this.items(op, body, 'content')
      for (const b of content) {
        if (isUuid(b.uuid) && typeof b.name === 'string') {
          all.push({ uuid: b.uuid, name: b.name })
        }
      }
      const total =
        isObject(body) && typeof body.totalCount === 'number'
          ? body.totalCount
          : 0
      // Stop on a short or empty page too, so a wrong totalCount cannot loop.
      if (all.length >= total || content.length < BOUNDARY_PAGE_SIZE) return all
    }
  }

  /** `GET /iam/v1/repo/{lt}/{lid}/bindings` — all bindings of a level, in one read. */
  async getBindings(level: Level): Promise<BindingEntry[]> {
    const op = this.get(
      `read the policy bindings of ${levelLabel(level)}`,
      this.bindingsPath(level),
      BINDINGS_READ,
      this.levelNotFound(level)
    )
    const body = await this.read(op)
    return this.items(op, body, 'policyBindings').flatMap((b) =>
      typeof b.policyUuid === 'string'
        ? [
            {
              policyUuid: b.policyUuid,
              groups: strings(b.groups),
              parameters: isObject(b.parameters)
                ? (Object.fromEntries(
                    Object.entries(b.parameters).map(([k, v]) => [k, String(v)])
                  ) as Record<string, string>)
                : {},
              boundaries: strings(b.boundaries)
            }
          ]
        : []
    )
  }

  /**
   * `POST /iam/v1/repo/{lt}/{lid}/bindings/{policyUuid}` (204) — the append
   * endpoint: "Any existing policy bindings remain unaffected"
   * (https://docs.dynatrace.com/docs/dynatrace-api/account-management-api/policy-management-api/bindings/post-policy-binding). A 409, or a 400 saying
   * the binding exists, is returned as a Conflict for the caller to confirm.
   */
  async appendBindings(
    level: Level,
    policyUuid: string,
    body: AppendBody,
    subject: string
  ): Promise<'added' | Conflict> {
    const response = await this.write({
      method: 'POST',
      path: `${this.bindingsPath(level)}/${encodeURIComponent(policyUuid)}`,
      json: body,
      creates: true,
      what: `bind ${subject} at ${levelLabel(level)}`,
      scopes: BINDINGS_WRITE,
      notFound: `A policy, group or boundary of ${subject} does not exist at ${levelLabel(level)} (check the UUIDs in ${level.origin.replace(/\.level$/, '')})`,
      invalid: `Dynatrace refused to bind ${subject} at ${levelLabel(level)}`,
      done: [204, 200, 201],
      conflicts: true
    })
    return 'conflict' in response ? response : 'added'
  }

  // --- plumbing ----------------------------------------------------------------

  private get acc(): string {
    return encodeURIComponent(this.accountUuid)
  }

  private get(
    what: string,
    path: string,
    scopes: string[],
    notFound: string
  ): IamOperation {
    return { method: 'GET', path, what, scopes, notFound }
  }

  /** What a create or update of a policy means for messages. */
  private policyWrite(
    what: string,
    subject: string
  ): Pick<IamOperation, 'what' | 'scopes' | 'notFound' | 'invalid'> {
    return {
      what,
      scopes: POLICIES_WRITE,
      notFound: this.accountNotFound(),
      invalid: `Dynatrace rejected the statement or description of policy ${subject}`
    }
  }

  private policiesPath(level: 'global' | 'account'): string {
    return level === 'global'
      ? '/iam/v1/repo/global/global/policies'
      : `/iam/v1/repo/account/${this.acc}/policies`
  }

  private bindingsPath(level: Level): string {
    return `/iam/v1/repo/${level.type}/${encodeURIComponent(level.id)}/bindings`
  }

  private accountNotFound(): string {
    return `Account ${this.accountUuid} was not found; check account-urn`
  }

  private levelNotFound(level: Level): string {
    return level.type === 'account'
      ? this.accountNotFound()
      : `Environment ${level.id} not found in account ${this.accountUuid}; check ${level.origin}${level.origin.endsWith('.level') ? ' (the default level "environment" is the environment of environment-url / environment-id)' : ''}`
  }

  /** A GET that must answer 200; resolves with the parsed JSON body. */
  private async read(op: IamOperation): Promise<unknown> {
    const response = await this.send(op)
    if (response.status !== 200) throw await this.failure(op, response)
    const body = parseJson(response.text)
    if (body === undefined) throw this.unexpected(op, 'a JSON body')
    return body
  }

  /** A write: its answer when done, a Conflict when it exists already, else the failure. */
  private async write(op: IamWrite): Promise<HttpResponse | Conflict> {
    const response = await this.send(op)
    if (op.done.includes(response.status)) return response
    if (op.conflicts) {
      const detail = await this.explain(response)
      if (
        response.status === 409 ||
        (response.status === 400 && EXISTS.test(detail))
      ) {
        return { conflict: detail }
      }
    }
    throw await this.failure(op, response)
  }

  private items(
    op: IamOperation,
    body: unknown,
    field: string
  ): Array<Record<string, unknown>> {
    const list = isObject(body) ? body[field] : undefined
    if (!Array.isArray(list)) throw this.unexpected(op, field)
    return list.filter(isObject)
  }

  private unexpected(op: IamOperation, field: string): ActionError {
    return new ActionError(
      `Could not ${op.what}: Account Management answered without ${field}. Check account-api-url (${this.options.baseUrl}).`
    )
  }

  /** The user-facing error for a failed IAM request: what, why, what to do. */
  private async failure(
    op: IamOperation,
    response: HttpResponse
  ): Promise<ActionError> {
    const status = `HTTP ${response.status}: ${await this.explain(response)}`
    switch (response.status) {
      case 401:
        return new ActionError(
          `Could not ${op.what}: Account Management did not accept the SSO bearer (${status}). Check that account-urn is the account the OAuth client belongs to.`
        )
      case 403:
        return this.forbidden(op, response, status)
      case 404:
        if (op.notFound) return new ActionError(`${op.notFound} (${status}).`)
        break
      case 400:
      case 422:
        if (op.invalid) return new ActionError(`${op.invalid} (${status}).`)
        break
      case 429:
        return new ActionError(
          `Could not ${op.what}: Account Management is still rate-limiting after the allowed retries (${status}). Try again in a minute, or raise max-retries.`
        )
    }
    return new ActionError(
      `Could not ${op.what} (${status}). Try again later if Dynatrace is unavailable.`
    )
  }

  private async forbidden(
    op: IamOperation,
    response: HttpResponse,
    status: string
  ): Promise<ActionError> {
    const requested = this.iam.scopesRequested
    const { missingAccess } = await import('./errors.js')
    const named = missingAccess(
      this.log,
      response,
      `the OAuth client (Account Management → Identity & access management → OAuth clients)${requested ? ' and to the oauth-scopes input' : ''}`
    )
    if (named)
      return new ActionError(`Not allowed to ${op.what} (${status}). ${named}`)
    const [fine, umbrella] = op.scopes
    const scopes = umbrella ? `${fine} (or the broader ${umbrella})` : `${fine}`
    return new ActionError(
      `Not allowed to ${op.what} (${status}). The OAuth client needs the scope ${scopes}: add it to the client under Account Management → Identity & access management → OAuth clients${requested ? ', and to the oauth-scopes input' : ''}.`
    )
  }
}

/** "account <uuid>" or "environment abc12345", for messages. */
export function levelLabel(level: Pick<Level, 'type' | 'id'>): string {
  return `${level.type} ${level.id}`
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : []
}
