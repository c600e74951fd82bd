/** Typo suggestions, one way for every "did you mean": a rule id, a class name, a port name. */

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }

    previous = current
  }

  return previous[b.length]!
}

/**
 * Whether `candidate` looks like a slip for `wanted`: one extends the other
 * (`web` and `web-v2`, three characters at least), they differ only in case, or by a few edits (a third
 * of the longer one, at least two).
 */
export function isNear(candidate: string, wanted: string): boolean {
  if (candidate === wanted) return true
  const a = candidate.toLowerCase()
  const b = wanted.toLowerCase()
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return true
  return editDistance(a, b) <= Math.max(2, Math.ceil(Math.max(a.length, b.length) / 3))
}

/** The candidate nearest to `wanted` among those `isNear` it, if any. */
export function nearest(wanted: string, candidates: Iterable<string>): string | undefined {
  return nearestFew(wanted, candidates, 1)[0]
}

/** Up to `max` candidates near `wanted` (see `isNear`), nearest first: for "did you mean" suggestions. */
export function nearestFew(wanted: string, candidates: Iterable<string>, max: number): string[] {
  const scored: Array<{name: string; distance: number}> = []
  for (const name of candidates) {
    if (name === wanted || !isNear(name, wanted)) continue
    scored.push({name, distance: editDistance(name.toLowerCase(), wanted.toLowerCase())})
  }

  return scored
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1))
    .slice(0, max)
    .map((s) => s.name)
}
