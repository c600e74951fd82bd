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
export const INDENTATION = / */y
/** A plain key (a letter, `_` or `$`, then those, digits, `.`, `/`, `-`), before a colon and a space or the line's end. */
const PLAIN_KEY = /[A-Za-z_$][\w$./-]*(?=:(?:[ \r\n]|$))/y

/** Whether a sticky expression matches at `offset`; where the match ends is then its `lastIndex`. */
export function matchesAt(re: RegExp, text: string, offset: number): boolean {
  re.lastIndex = offset
  return re.test(text)
}

/** Where the plain key at `at` ends (at its colon), or -1 when the line holds none there. */
export function plainKeyEnd(text: string, at: number): number {
  return matchesAt(PLAIN_KEY, text, at) ? PLAIN_KEY.lastIndex : -1
}
