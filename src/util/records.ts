/** Helpers for untrusted decoded data: mappings, and records keyed by what a user wrote. */

/** Whether a value is a mapping (a plain object, not an array or null): what YAML and JSON objects decode to. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * A label or annotation map, with scalar values read as strings and anything
 * else dropped. The result has no prototype: a key a user wrote
 * (`constructor`, `toString`, `__proto__`) is only ever one of theirs.
 */
export function stringMap(value: unknown): Record<string, string> {
  const out = Object.create(null) as Record<string, string>
  if (!isRecord(value)) return out
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (typeof v === 'string') out[key] = v
    else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v)
  }

  return out
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
