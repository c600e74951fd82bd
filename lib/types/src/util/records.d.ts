/** Helpers for untrusted decoded data: mappings, and records keyed by what a user wrote. */
/** Whether a value is a mapping (a plain object, not an array or null): what YAML and JSON objects decode to. */
export declare function isRecord(value: unknown): value is Record<string, unknown>;
/** A record without inherited keys, for keys a user wrote: `__proto__`, `constructor` and `toString` are plain keys there. */
export declare function emptyRecord<V = unknown>(): Record<string, V>;
/** The value when it is a mapping, else an empty one: for fields that must be mappings and may be anything. */
export declare function asRecord(value: unknown): Record<string, unknown>;
/** An object's `spec`, or `{}` when it has none or it is not a mapping. */
export declare function specOf(resource: {
    readonly object: Readonly<Record<string, unknown>>;
}): Record<string, unknown>;
/**
 * A label or annotation map, with scalar values read as strings and anything
 * else dropped. The result inherits no key: a key a user wrote
 * (`constructor`, `toString`, `__proto__`) is only ever one of theirs.
 */
export declare function stringMap(value: unknown): Readonly<Record<string, string>>;
/** Reads a value at a path in an object, or undefined. */
export declare function getPath(object: unknown, path: ReadonlyArray<string | number>): unknown;
/**
 * A decoded value as messages show it: JSON, except for the numbers YAML
 * writes and JSON has not (`.inf`, `-.inf`, `.nan`), shown as YAML writes
 * them, not as the `null` JSON.stringify makes of them.
 */
export declare function valueText(value: unknown): string;
/** The mappings of a list, each with its index in the list: anything else in it, or a value that is no list, gives none. */
export declare function mappingsOf(value: unknown): Array<[number, Record<string, unknown>]>;
