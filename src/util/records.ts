/** Helpers for untrusted decoded data: mappings, and records keyed by what a user wrote. */

/** Whether a value is a mapping (a plain object, not an array or null): what YAML and JSON objects decode to. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * What records for user-written keys inherit from: nothing. V8 keeps an
 * object made with `Object.create(null)` as a hash table (some 150 bytes
 * empty); one made from this prototype stays a compact object, and inherits
 * no key either.
 */
const NO_KEYS: object = Object.freeze(Object.create(null) as object)

/** A record without inherited keys, for keys a user wrote: `__proto__`, `constructor` and `toString` are plain keys there. */
export function emptyRecord<V = unknown>(): Record<string, V> {
  return Object.create(NO_KEYS) as Record<string, V>
}

/** The label or annotation map of objects that have none: one for all of them. */
const NO_STRINGS: Readonly<Record<string, string>> = Object.freeze(emptyRecord<string>())

/** The value when it is a mapping, else an empty one: for fields that must be mappings and may be anything. */
export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

/** An object's `spec`, or `{}` when it has none or it is not a mapping. */
export function specOf(resource: {readonly object: Readonly<Record<string, unknown>>}): Record<string, unknown> {
  return asRecord(resource.object.spec)
}

/**
 * A label or annotation map, with scalar values read as strings and anything
 * else dropped. The result inherits no key: a key a user wrote
 * (`constructor`, `toString`, `__proto__`) is only ever one of theirs.
 */
export function stringMap(value: unknown): Readonly<Record<string, string>> {
  if (!isRecord(value)) return NO_STRINGS
  let out: Record<string, string> | undefined
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (typeof v === 'string') (out ??= emptyRecord<string>())[key] = v
    else if (typeof v === 'number' || typeof v === 'boolean') (out ??= emptyRecord<string>())[key] = String(v)
  }

  return out ?? NO_STRINGS
}

/** Reads a value at a path in an object, or undefined. */
export function getPath(object: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = object
  for (const segment of path) {
    // Own keys only: a path never leads into Object.prototype (`constructor`, `__proto__`).
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined
    value = (value as Record<string | number, unknown>)[segment]
  }

  return value
}

/**
 * A decoded value as messages show it: JSON, except for the numbers YAML
 * writes and JSON has not (`.inf`, `-.inf`, `.nan`), shown as YAML writes
 * them, not as the `null` JSON.stringify makes of them.
 */
export function valueText(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'
  return JSON.stringify(value) ?? String(value)
}

/** The mappings of a list, each with its index in the list: anything else in it, or a value that is no list, gives none. */
export function mappingsOf(value: unknown): Array<[number, Record<string, unknown>]> {
  if (!Array.isArray(value)) return []
  const out: Array<[number, Record<string, unknown>]> = []
  for (const [index, item] of value.entries()) if (isRecord(item)) out.push([index, item])
  return out
}
