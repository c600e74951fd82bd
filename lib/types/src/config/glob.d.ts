/**
 * Glob patterns of exemptions (`names`, `paths`), matched in time linear in
 * the pattern times the text: no regular expression, so no pattern can make
 * matching backtrack (`*a*a*a*a*a*b` against a long name takes as long as
 * `*b`).
 *
 * Syntax: `*` (any run of characters, within one path segment for paths),
 * `?` (one character), `[abc]`, `[a-z]`, `[!a]` (one character of a set),
 * `**` as a whole path segment (any number of segments), `{a,b}`
 * (alternatives, nested up to a bound), `\` (the next character as is).
 */
/** A pattern that cannot be used, with the reason. */
export declare class GlobError extends Error {
}
export interface GlobOptions {
    /** Match paths: `/` separates segments, `*` stays within one, `**` spans several. Otherwise `/` is a character like any other. */
    paths?: boolean;
}
/** Compiles patterns into one test: true when any pattern matches the whole text. Throws GlobError for a pattern it cannot use. */
export declare function compileGlobs(patterns: readonly string[], options?: GlobOptions): (text: string) => boolean;
