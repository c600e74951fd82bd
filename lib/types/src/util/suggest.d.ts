/** Typo suggestions, one way for every "did you mean": a rule id, a class name, a port name. */
/**
 * Levenshtein distance between two strings. With `limit`, exact when it is at
 * most `limit`; above that, some number above `limit` (the work stops there).
 */
export declare function editDistance(a: string, b: string, limit?: number): number;
/** Whether `candidate` looks like a slip for `wanted` (see `nearness`), or is it. */
export declare function isNear(candidate: string, wanted: string): boolean;
/** The candidate nearest to `wanted` among those `isNear` it, if any. */
export declare function nearest(wanted: string, candidates: Iterable<string>): string | undefined;
/** Up to `max` candidates near `wanted` (see `isNear`), nearest first: for "did you mean" suggestions. */
export declare function nearestFew(wanted: string, candidates: Iterable<string>, max: number): string[];
