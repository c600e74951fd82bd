import type { Limits, Position, Range } from '../engine/types.js';
import type { ParsedText } from './parse.js';
/** A parse result as bytes. */
export declare function encodeParsed(result: ParsedText): Uint8Array;
/**
 * Bytes read back against the file's text; undefined when anything about
 * them is wrong. `trusted`: the bytes come from a parsing thread of this run,
 * so values need no walk to prove them plain (bounds are checked all the same).
 */
export declare function decodeParsed(data: Uint8Array, text: string, limits: Limits, trusted?: boolean): ParsedText | undefined;
/**
 * A mapping as `v8.deserialize` gives one: a plain object. Stricter than
 * util/records' `isRecord`, which would take the Map, Date or Error a
 * serialised file can also hold.
 */
export declare function isPlainRecord(v: unknown): v is Record<string, unknown>;
export declare function isCount(v: unknown): v is number;
export declare function isPosition(v: unknown): v is Position;
export declare function isRange(v: unknown): v is Range;
/**
 * What YAML and JSON parsing gives: null, booleans, numbers, strings, plain
 * mappings and dense arrays, within the node budget parsing enforces (a
 * cycle never ends, so it runs over it). Nothing else a serialised file can hold.
 */
export declare function isPlainValue(value: unknown, budget: number): boolean;
