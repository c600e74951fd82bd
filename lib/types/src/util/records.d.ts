/** Helpers for untrusted decoded data: mappings, and records keyed by what a user wrote. */
/** Whether a value is a mapping (a plain object, not an array or null): what YAML and JSON objects decode to. */
export declare function isRecord(value: unknown): value is Record<string, unknown>;
/**
 * A label or annotation map, with scalar values read as strings and anything
 * else dropped. The result has no prototype: a key a user wrote
 * (`constructor`, `toString`, `__proto__`) is only ever one of theirs.
 */
export declare function stringMap(value: unknown): Record<string, string>;
/** Reads a value at a path in an object, or undefined. */
export declare function getPath(object: unknown, path: ReadonlyArray<string | number>): unknown;
/**
 * A decoded value as messages show it: JSON, except for the numbers YAML
 * writes and JSON has not (`.inf`, `-.inf`, `.nan`), shown as YAML writes
 * them, not as the `null` JSON.stringify makes of them.
 */
export declare function valueText(value: unknown): string;
