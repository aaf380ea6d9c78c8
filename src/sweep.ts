import * as core from '@actions/core'
import type { Context } from './context.js'
import { formatDuration } from './duration.js'
import { ClassicTokensApi } from './dynatrace/api-tokens.js'
import { withOffset } from './dynatrace/tokens.js'
import { PlatformTokensApi } from './dynatrace/platform-tokens.js'
import { ActionError, errorMessage } from './errors.js'
import type { SweepModeInputs, SweepTarget } from './inputs.js'
import { Output } from './outputs.js'
import { escapeHtml, writeSummary, type JobSummary } from './summary.js'

/**
 * mode: sweep — delete this repository's tokens of one type that have expired (or, with
 * sweep-older-than, were created longer ago than that). Dynatrace keeps expired tokens,
 * and expired platform tokens count against its caps until deleted, so crashed runs
 * (whose post step never ran) and matrices fill an account up.
 *
 * Safe by construction: a token is deleted only when its ID and name could be read, its
 * name starts with sweep-prefix, it is not already revoked, and its expiry (or creation
 * time, with sweep-older-than) says it is due. Everything else is reported as left, with
 * the reason.
 */

/** A token as both lists give it, fields unchecked. */
interface Candidate {
  id: string
  name: unknown
  status?: unknown
  expirationDate: unknown
  createdAt: unknown
}

interface Decision {
  token: Candidate
  /** Why it is deleted, or why it is left. */
  reason: string
}

interface Outcome {
  deleted: Decision[]
  left: Decision[]
  /** Tokens whose name does not start with the prefix (never touched, only counted). */
  otherNames: number
  /** Entries whose ID could not be read. */
  unreadable: number
  /** Failures to delete (other than the time budget). */
  failures: string[]
  outOfTime: boolean
}

/** Leave this much of the budget for the summary and outputs. */
const RESERVE_MS = 1000
/** Rows shown per table in the job summary. */
const MAX_ROWS = 200

export async function sweep(
  ctx: Context<SweepModeInputs>,
  bearer: string
): Promise<void> {
  const { inputs, log } = ctx
  const { target } = inputs
  const { prefix, olderThanSeconds } = inputs.sweep
  const noun = target.type === 'platform' ? 'platform token' : 'classic token'
  log.info(
    `Sweeping ${noun}s whose name starts with "${prefix}" that have expired${olderThanSeconds ? ` or were created more than ${formatDuration(olderThanSeconds)} ago` : ''}.`
  )
  const tokens = tokenApi(ctx, target, bearer)
  const sweeper: Sweeper = { ctx, tokens, noun }

  const { candidates, unreadable, complete } = await listCandidates(sweeper)
  const now = ctx.http.serverNow()
  const outcome: Outcome = {
    deleted: [],
    left: [],
    otherNames: 0,
    unreadable,
    failures: [],
    outOfTime: false
  }
  const due: Decision[] = []
  for (const token of candidates) {
    const verdict = judge(token, prefix, now, olderThanSeconds)
    if (verdict === 'other-name') outcome.otherNames++
    else if (verdict.delete) due.push({ token, reason: verdict.reason })
    else outcome.left.push({ token, reason: verdict.reason })
  }
  await deleteDue(sweeper, due, outcome)

  const ids = outcome.deleted.map((d) => d.token.id)
  core.setOutput(Output.SweptCount, String(ids.length))
  core.setOutput(Output.SweptIds, JSON.stringify(ids))
  const line = `Swept ${ids.length} ${noun}${ids.length === 1 ? '' : 's'} whose name starts with "${prefix}"; ${outcome.left.length} such left, ${outcome.otherNames} with other names not considered${unreadable > 0 ? `, ${unreadable} listed without a readable ID not considered` : ''}.`
  log.info(line)
  if (!complete) {
    log.warning(
      `The ${noun} list was longer than the action reads in one run; run the sweep again to reach the rest.`
    )
  }
  await writeSummary(
    log,
    sweepSummary(noun, prefix, olderThanSeconds, outcome, log)
  )

  if (outcome.failures.length > 0) {
    throw new ActionError(
      `Could not delete ${outcome.failures.length} of ${due.length} due ${noun}${due.length === 1 ? '' : 's'} (${ids.length} deleted). First failure: ${outcome.failures[0]}`
    )
  }
  if (outcome.outOfTime) {
    throw new ActionError(
      `The sweep ran out of time (timeout-seconds: ${inputs.timeoutSeconds}) after deleting ${ids.length} ${noun}${ids.length === 1 ? '' : 's'}; ${due.length - ids.length} due ones are left. Raise timeout-seconds, or run the sweep again.`
    )
  }
}

/** One sweep's run: the token API of the swept type (with the bearer), and its noun. */
interface Sweeper {
  ctx: Context<SweepModeInputs>
  tokens: ClassicTokensApi | PlatformTokensApi
  noun: string
}

/** The token API of the swept type, with the sweep's bearer. */
function tokenApi(
  ctx: Context,
  target: SweepTarget,
  bearer: string
): ClassicTokensApi | PlatformTokensApi {
  const { log, http } = ctx
  return target.type === 'platform'
    ? new PlatformTokensApi({
        http,
        log,
        bearer,
        baseUrl: target.accountApiUrl,
        accountUuid: target.accountUuid
      })
    : new ClassicTokensApi({ http, log, bearer, baseUrl: target.platformUrl })
}

/** This repository's tokens of the swept type, as far as the list could be read. */
async function listCandidates(
  sweeper: Sweeper
): Promise<{ candidates: Candidate[]; unreadable: number; complete: boolean }> {
  const api = sweeper.tokens
  if (api instanceof PlatformTokensApi) {
    const list = await api.list({
      searchTerm: sweeper.ctx.inputs.sweep.prefix,
      maxPages: 100,
      what: 'list platform tokens to sweep'
    })
    return {
      candidates: list.entries,
      unreadable: list.unreadable,
      complete: list.complete
    }
  }
  const list = await api.list('list tokens to sweep')
  return {
    candidates: list.entries.map((t) => ({
      id: t.id,
      name: t.name,
      expirationDate: t.expirationDate,
      createdAt: t.creationDate
    })),
    unreadable: list.unreadable,
    complete: list.complete
  }
}

/** Delete the due tokens while the time budget lasts; record each result in `outcome`. */
async function deleteDue(
  sweeper: Sweeper,
  due: Decision[],
  outcome: Outcome
): Promise<void> {
  const { ctx, noun, tokens } = sweeper
  const { log, http } = ctx
  for (const [index, decision] of due.entries()) {
    if (http.remainingMs() < RESERVE_MS) {
      outcome.outOfTime = true
      for (const rest of due.slice(index)) {
        outcome.left.push({
          token: rest.token,
          reason: `due (${rest.reason}) but not reached: the time budget (timeout-seconds) ran out`
        })
      }
      return
    }
    const { token } = decision
    try {
      const result = await tokens.delete(token.id)
      if (result === 'already-gone') {
        outcome.left.push({ token, reason: 'already gone (HTTP 404)' })
        continue
      }
      outcome.deleted.push(decision)
      log.info(
        `Deleted ${noun} ${token.id} "${log.clean(String(token.name), 120)}" (${decision.reason}).`
      )
    } catch (error) {
      const why = errorMessage(error)
      outcome.left.push({ token, reason: `could not be deleted: ${why}` })
      outcome.failures.push(`${token.id}: ${why}`)
    }
  }
}

type Verdict = 'other-name' | { delete: boolean; reason: string }

/** Whether one listed token is due, and why (or why not). */
function judge(
  token: Candidate,
  prefix: string,
  now: number,
  olderThanSeconds: number | undefined
): Verdict {
  if (typeof token.name !== 'string')
    return { delete: false, reason: 'its name could not be read' }
  if (!token.name.startsWith(prefix)) return 'other-name'
  if (token.status === 'REVOKED')
    return { delete: false, reason: 'already revoked (listed as REVOKED)' }
  const expires = timestamp(token.expirationDate)
  if (expires !== undefined && expires <= now)
    return { delete: true, reason: `expired ${iso(expires)}` }
  if (olderThanSeconds !== undefined) {
    const created = timestamp(token.createdAt)
    if (created === undefined)
      return {
        delete: false,
        reason: 'not expired, and its creation time could not be read'
      }
    if (created <= now - olderThanSeconds * 1000)
      return {
        delete: true,
        reason: `created ${iso(created)}, more than ${formatDuration(olderThanSeconds)} ago`
      }
    return {
      delete: false,
      reason: `created ${iso(created)}, less than ${formatDuration(olderThanSeconds)} ago${expires === undefined ? '' : `; expires ${iso(expires)}`}`
    }
  }
  if (token.expirationDate === null || token.expirationDate === undefined)
    return {
      delete: false,
      reason: 'never expires; set sweep-older-than to delete such tokens'
    }
  if (expires === undefined)
    return { delete: false, reason: 'its expiry could not be read' }
  return { delete: false, reason: `not expired (expires ${iso(expires)})` }
}

/** An ISO 8601 date from a list (epoch ms accepted too), or undefined. */
function timestamp(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value))
    return undefined
  const ms = Date.parse(withOffset(value))
  return Number.isNaN(ms) ? undefined : ms
}

const iso = (ms: number): string => new Date(ms).toISOString()

function sweepSummary(
  noun: string,
  prefix: string,
  olderThanSeconds: number | undefined,
  outcome: Outcome,
  log: Context['log']
): (s: JobSummary) => void {
  const text = (value: unknown): string =>
    escapeHtml(
      log.clean(typeof value === 'string' ? value : '(unreadable)', 200)
    )
  const when = (value: unknown, missing = '(unreadable)'): string => {
    const ms = timestamp(value)
    return ms === undefined
      ? value === null
        ? missing
        : '(unreadable)'
      : iso(ms)
  }
  const rows = (decisions: Decision[], withReason: boolean): string[][] =>
    decisions
      .slice(0, MAX_ROWS)
      .map(({ token, reason }) => [
        `<code>${escapeHtml(token.id)}</code>`,
        text(token.name),
        when(token.createdAt),
        when(token.expirationDate, 'never'),
        ...(withReason ? [escapeHtml(log.clean(reason, 300))] : [])
      ])
  const header = (withReason: boolean) =>
    [
      'ID',
      'Name',
      'Created',
      'Expires',
      ...(withReason ? ['Why left'] : [])
    ].map((data) => ({ data, header: true }))
  const more = (decisions: Decision[]): string =>
    decisions.length > MAX_ROWS
      ? `<p>… and ${decisions.length - MAX_ROWS} more.</p>`
      : ''
  return (s) => {
    s.addHeading('Dynatrace token sweep', 2)
    s.addRaw(
      `<p>${escapeHtml(noun)}s whose name starts with <code>${escapeHtml(prefix)}</code> that have expired${olderThanSeconds ? ` or were created more than ${formatDuration(olderThanSeconds)} ago` : ''}. ${outcome.otherNames} token(s) with other names were not considered${outcome.unreadable > 0 ? `; ${outcome.unreadable} listed without a readable ID were not considered either` : ''}.</p>`,
      true
    )
    s.addHeading(`Deleted (${outcome.deleted.length})`, 3)
    if (outcome.deleted.length > 0) {
      s.addTable([header(false), ...rows(outcome.deleted, false)])
      s.addRaw(more(outcome.deleted), true)
    } else s.addRaw('<p>None.</p>', true)
    s.addHeading(`Left (${outcome.left.length})`, 3)
    if (outcome.left.length > 0) {
      s.addTable([header(true), ...rows(outcome.left, true)])
      s.addRaw(more(outcome.left), true)
    } else s.addRaw('<p>None.</p>', true)
  }
}
