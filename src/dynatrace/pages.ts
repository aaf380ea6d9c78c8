import { ActionError } from '../errors.js'
import { parseJson, type HttpResponse } from '../http.js'
import { isObject, type Operation } from './client.js'

/**
 * Reading a paged list (classic tokens, platform tokens) page by page, for
 * DynatraceApi.readPages. Loaded on demand: a classic mint and its post step read no
 * list, and every module a step loads is start-up time paid on every deploy job.
 */

/** What readPages needs of the API client. */
interface PageReader {
  send: (op: Operation) => Promise<HttpResponse>
  /** The message for a page that did not answer 200. */
  failed: (response: HttpResponse) => Promise<string>
}

/** Every page of a list, up to `list.maxPages`. */
export async function readPages<K extends string>(
  list: PagedList<K>,
  api: PageReader
): Promise<Pages<Entry<K>>> {
  const result: Pages<Entry<K>> = {
    entries: [],
    unreadable: 0,
    complete: false
  }
  let op = list.first
  for (let page = 1; page <= list.maxPages; page++) {
    const response = await api.send(op)
    if (response.status !== 200) {
      throw new ActionError(await api.failed(response))
    }
    const body = parseJson(response.text)
    const items = isObject(body) ? body[list.items] : undefined
    if (!isObject(body) || !Array.isArray(items))
      throw new ActionError(list.notAList)
    for (const item of items) {
      const id = isObject(item) ? item[list.id.field] : undefined
      if (isObject(item) && typeof id === 'string' && list.id.shape.test(id))
        result.entries.push(entry(id, item, list.fields))
      else result.unreadable++
    }
    const seen = result.entries.length + result.unreadable
    const next = list.next(body, items.length, seen)
    if (next === undefined) {
      result.complete = true
      break
    }
    op = next
  }
  return result
}

/** A list as read page by page (DynatraceApi.readPages). */
export interface Pages<T> {
  entries: T[]
  /** Items that could not be read (no ID of the expected form): never acted on. */
  unreadable: number
  /** False when reading stopped at `maxPages` before the end. */
  complete: boolean
}

/** A listed item: its checked ID, and the other fields as the server sent them. */
export type Entry<K extends string> = { id: string } & Record<K, unknown>

function entry<K extends string>(
  id: string,
  item: Record<string, unknown>,
  fields: readonly K[]
): Entry<K> {
  const picked = Object.fromEntries(fields.map((f) => [f, item[f]]))
  return { ...(picked as Record<K, unknown>), id }
}

/** How one paged list is read. */
export interface PagedList<K extends string> {
  /** The operation that reads the first page. */
  first: Operation
  maxPages: number
  /** What is listed, for messages: "platform tokens". */
  listing: string
  /** What the OAuth client needs to read the list, for a 401 or 403. */
  needs: string
  /** The field of a page's JSON body that holds its items. */
  items: string
  /** The error message for an answer without that list. */
  notAList: string
  /** The field of an item with its ID, and the ID's shape: items without one are unreadable. */
  id: { field: string; shape: RegExp }
  /** The fields of an item kept besides its ID (unchecked). */
  fields: readonly K[]
  /**
   * The operation that reads the next page; undefined at the end. `count`: items on
   * this page; `seen`: items read so far, this page's included.
   */
  next: (
    body: Record<string, unknown>,
    count: number,
    seen: number
  ) => Operation | undefined
}
