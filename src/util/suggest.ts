/** Typo suggestions, one way for every "did you mean": a rule id, a class name, a port name. */

/**
 * Levenshtein distance between two strings. With `limit`, exact when it is at
 * most `limit`; above that, some number above `limit` (the work stops there).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  // Two rows of the table, reused: the cells of the row above, and of this one.
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let least = i
    const code = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1))
      current[j] = d
      if (d < least) least = d
    }

    // Every later row's cells are at least this row's least.
    if (least > limit) return limit + 1
    const above = previous
    previous = current
    current = above
  }

  return previous[b.length]!
}

/**
 * How far `candidate` is from `wanted` (their edit distance, case aside) when
 * it looks like a slip for it: one extends the other (`web` and `web-v2`, three
 * characters at least), they differ only in case, or by a few edits (a third of
 * the longer one, at least two). Undefined when it does not.
 */
function nearness(candidate: string, wanted: string): number | undefined {
  const a = candidate.toLowerCase()
  const b = wanted.toLowerCase()
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return Math.abs(a.length - b.length)
  const limit = Math.max(2, Math.ceil(Math.max(a.length, b.length) / 3))
  const distance = editDistance(a, b, limit)
  return distance <= limit ? distance : undefined
}

/** Whether `candidate` looks like a slip for `wanted` (see `nearness`), or is it. */
export function isNear(candidate: string, wanted: string): boolean {
  return candidate === wanted || nearness(candidate, wanted) !== undefined
}

/** The candidate nearest to `wanted` among those `isNear` it, if any. */
export function nearest(wanted: string, candidates: Iterable<string>): string | undefined {
  return nearestFew(wanted, candidates, 1)[0]
}

/** Up to `max` candidates near `wanted` (see `isNear`), nearest first: for "did you mean" suggestions. */
export function nearestFew(wanted: string, candidates: Iterable<string>, max: number): string[] {
  const scored: Array<{name: string; distance: number}> = []
  for (const name of candidates) {
    if (name === wanted) continue
    const distance = nearness(name, wanted)
    if (distance !== undefined) scored.push({name, distance})
  }

  return scored
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1))
    .slice(0, max)
    .map((s) => s.name)
}
