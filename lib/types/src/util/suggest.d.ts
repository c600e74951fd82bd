/** Typo suggestions, one way for every "did you mean": a rule id, a class name, a port name. */
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
