/**
 * Request-body validation against the Account Management OpenAPI contract.
 *
 * The contract lives outside the repo (../shared/contracts) and is read at
 * run time, never copied in. Only the schema keywords the spec actually uses
 * are supported: type, required, properties, additionalProperties, items,
 * enum, $ref, allOf and nullable. Unknown properties are allowed (the OpenAPI
 * default), so the emulator is no stricter than the spec.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface Schema {
  type?: string
  required?: string[]
  properties?: Record<string, Schema>
  additionalProperties?: Schema | boolean
  items?: Schema
  enum?: unknown[]
  $ref?: string
  allOf?: Schema[]
  nullable?: boolean
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> }
  'x-token-scopes'?: string[]
}

export interface Contract {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

/** <repo>/../shared/contracts/account-management-api.json */
export const DEFAULT_CONTRACT_PATH = fileURLToPath(
  new URL(
    '../../../shared/contracts/account-management-api.json',
    import.meta.url
  )
)

const cache = new Map<string, Contract>()

/**
 * Loads a contract. `undefined` means "the default path if it exists";
 * null, or a default that is absent, disables validation.
 */
export function loadContract(path: string | null | undefined): Contract | null {
  if (path === null) return null
  const file = path ?? DEFAULT_CONTRACT_PATH
  if (path === undefined && !existsSync(file)) return null
  let contract = cache.get(file)
  if (!contract) {
    contract = JSON.parse(readFileSync(file, 'utf8')) as Contract
    cache.set(file, contract)
  }
  return contract
}

interface CompiledPath {
  template: string
  re: RegExp
  literals: number
}

const compiled = new WeakMap<Contract, CompiledPath[]>()

function compilePaths(contract: Contract): CompiledPath[] {
  let list = compiled.get(contract)
  if (!list) {
    list = Object.keys(contract.paths).map((template) => {
      const segments = template.split('/')
      const re = new RegExp(
        '^' +
          segments
            .map((s) =>
              /^\{.+\}$/.test(s)
                ? '[^/]+'
                : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            )
            .join('/') +
          '$'
      )
      const literals = segments.filter((s) => !s.startsWith('{')).length
      return { template, re, literals }
    })
    // `/bindings/groups/{g}` and `/bindings/{p}/{g}` both match
    // `/bindings/groups/x`; the template with more literal segments wins.
    list.sort((a, b) => b.literals - a.literals)
    compiled.set(contract, list)
  }
  return list
}

/** The spec operation for a concrete request path, if the spec has one. */
export function findOperation(
  contract: Contract,
  method: string,
  pathname: string
): { template: string; operation: Operation } | undefined {
  for (const p of compilePaths(contract)) {
    if (!p.re.test(pathname)) continue
    const operation = contract.paths[p.template]?.[method.toLowerCase()]
    if (operation) return { template: p.template, operation }
  }
  return undefined
}

/** The JSON request-body schema of an operation, if it declares one. */
export function requestSchema(
  contract: Contract,
  method: string,
  pathname: string
): Schema | undefined {
  return findOperation(contract, method, pathname)?.operation.requestBody
    ?.content?.['application/json']?.schema
}

function resolve(contract: Contract, schema: Schema): Schema {
  let s = schema
  // Follow $ref chains (the spec has none longer than one hop).
  for (let hops = 0; s.$ref && hops < 10; hops++) {
    const name = s.$ref.replace('#/components/schemas/', '')
    const target = contract.components.schemas[name]
    if (!target) throw new Error(`Unresolvable $ref ${s.$ref}`)
    s = target
  }
  return s
}

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeOf(v) === 'object'
    case 'array':
      return Array.isArray(v)
    case 'integer':
      return Number.isInteger(v)
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    default:
      return typeof v === type
  }
}

/**
 * Validates `value` against `schema`. Returns an errorsMap keyed by the
 * property path (`name`, `groups[0]`; `body` for the body itself) — empty
 * when valid.
 */
export function validate(
  contract: Contract,
  schema: Schema,
  value: unknown,
  at = '',
  errors: Record<string, string> = {}
): Record<string, string> {
  const s = resolve(contract, schema)
  const here = at || 'body'
  const child = (key: string): string => (at ? `${at}.${key}` : key)
  if (value === null) {
    if (!s.nullable) errors[here] = 'must not be null'
    return errors
  }
  for (const part of s.allOf ?? []) validate(contract, part, value, at, errors)
  if (s.type && !typeMatches(s.type, value)) {
    errors[here] = `must be of type ${s.type}, got ${typeOf(value)}`
    return errors
  }
  if (s.enum && !s.enum.includes(value)) {
    errors[here] = `must be one of ${s.enum.map((e) => String(e)).join(', ')}`
  }
  if (Array.isArray(value) && s.items) {
    value.forEach((item, i) =>
      validate(contract, s.items!, item, `${here}[${i}]`, errors)
    )
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>
    for (const key of s.required ?? []) {
      if (obj[key] === undefined) errors[child(key)] = 'must not be null'
    }
    for (const [key, v] of Object.entries(obj)) {
      if (v === undefined) continue
      const prop = s.properties?.[key]
      if (prop) validate(contract, prop, v, child(key), errors)
      else if (typeof s.additionalProperties === 'object') {
        validate(contract, s.additionalProperties, v, child(key), errors)
      }
    }
  }
  return errors
}
