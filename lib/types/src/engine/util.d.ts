/** Small helpers every part of k8s-net shares. */
import type { ObjectRef, Position } from './types.js';
/** Whether a value is a mapping (a plain object, not an array or null): what YAML and JSON objects decode to. */
export declare function isRecord(value: unknown): value is Record<string, unknown>;
/** Levenshtein distance between two strings. */
export declare function editDistance(a: string, b: string): number;
/**
 * Whether `candidate` looks like a slip for `wanted`: one extends the other
 * (`web` and `web-v2`, three characters at least), they differ only in case, or by a few edits (a third
 * of the longer one, at least two).
 */
export declare function isNear(candidate: string, wanted: string): boolean;
/** The candidate nearest to `wanted` among those `isNear` it, if any. */
export declare function nearest(wanted: string, candidates: Iterable<string>): string | undefined;
/** Up to `max` candidates near `wanted` (see `isNear`), nearest first: for "did you mean" suggestions. */
export declare function nearestFew(wanted: string, candidates: Iterable<string>, max: number): string[];
/** `Kind namespace/name`, or `Kind name` for cluster-scoped kinds: how messages and reports name an object (a Resource or an ObjectRef). */
export declare function objectName(ref: Pick<ObjectRef, 'kind' | 'name'> & {
    namespace?: string;
}): string;
/** Where something is, as messages say it: `file:line:col` with the file as given, else the object's name, else ''. */
export declare function whereText(where: {
    file?: string;
    start?: Position;
    object?: ObjectRef;
}): string;
