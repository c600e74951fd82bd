/**
 * What the two readers of plain block style share: `schemas.ts`, which cuts
 * CRD schemas out without parsing them, and `plain-lines.ts`, which locates
 * findings without parsing. Both read every line of what they read, so the
 * parts of a line are sticky expressions tried at an offset: the regular
 * expression engine runs them as machine code after their first uses, where
 * a loop over the characters runs slowly until V8 optimises it, well into a
 * run.
 */
/** A line's indentation: spaces. */
export declare const INDENTATION: RegExp;
/** Whether a sticky expression matches at `offset`; where the match ends is then its `lastIndex`. */
export declare function matchesAt(re: RegExp, text: string, offset: number): boolean;
/** Where the plain key at `at` ends (at its colon), or -1 when the line holds none there. */
export declare function plainKeyEnd(text: string, at: number): number;
