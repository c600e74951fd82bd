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
export class GlobError extends Error {}

/** At most this many alternatives after expanding `{a,b}`: a pattern like `{a,b}{a,b}...` doubles with each group. */
const MAX_ALTERNATIVES = 256

type Token = {type: 'char'; char: string} | {type: 'any'} | {type: 'star'} | {type: 'set'; negated: boolean; ranges: Array<[string, string]>}

/** One segment of a path pattern: `**`, or tokens matched against one segment. */
type Segment = 'globstar' | Token[]

export interface GlobOptions {
  /** Match paths: `/` separates segments, `*` stays within one, `**` spans several. Otherwise `/` is a character like any other. */
  paths?: boolean
}

/** Compiles patterns into one test: true when any pattern matches the whole text. Throws GlobError for a pattern it cannot use. */
export function compileGlobs(patterns: readonly string[], options: GlobOptions = {}): (text: string) => boolean {
  const compiled: Array<(text: string) => boolean> = []
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) throw new GlobError(`${JSON.stringify(pattern)}: negated patterns are not supported (list what to exempt)`)
    if (/[@!+*?]\(/.test(pattern)) throw new GlobError(`${JSON.stringify(pattern)}: extended globs such as @(a|b) are not supported (use {a,b})`)
    for (const alternative of expandBraces(pattern)) {
      if (options.paths) {
        const segments: Segment[] = alternative.split('/').map((s) => (s === '**' ? 'globstar' : tokenize(s, pattern)))
        compiled.push((text) => matchSegments(segments, text.split('/')))
      } else {
        const tokens = tokenize(alternative, pattern)
        compiled.push((text) => matchTokens(tokens, text))
      }
    }
  }

  return (text) => compiled.some((test) => test(text))
}

/** `a{b,c}d` → `abd`, `acd`; nested braces too. A `{` without a `,` at its level is a character. */
function expandBraces(pattern: string): string[] {
  const open = findBrace(pattern)
  if (!open) return [pattern]
  const {start, end, parts} = open
  const out: string[] = []
  for (const part of parts) {
    for (const rest of expandBraces(pattern.slice(0, start) + part + pattern.slice(end + 1))) {
      out.push(rest)
      if (out.length > MAX_ALTERNATIVES) throw new GlobError(`${JSON.stringify(pattern)}: {a,b} groups expand to more than ${MAX_ALTERNATIVES} patterns`)
    }
  }

  return out
}

/** The first `{...}` group with a top-level comma: its bounds and its comma-separated parts. */
function findBrace(pattern: string): {start: number; end: number; parts: string[]} | undefined {
  for (let start = 0; start < pattern.length; start++) {
    if (pattern[start] === '\\') {
      start++
      continue
    }

    if (pattern[start] !== '{') continue
    let depth = 0
    const commas: number[] = []
    for (let i = start; i < pattern.length; i++) {
      const c = pattern[i]
      if (c === '\\') i++
      else if (c === '{') depth++
      else if (c === ',' && depth === 1) commas.push(i)
      else if (c === '}' && --depth === 0) {
        if (commas.length === 0) break
        const bounds = [start, ...commas, i]
        const parts = bounds.slice(1).map((b, k) => pattern.slice(bounds[k]! + 1, b))
        return {start, end: i, parts}
      }
    }
  }

  return undefined
}

function tokenize(text: string, pattern: string): Token[] {
  const tokens: Token[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '\\' && i + 1 < text.length) {
      tokens.push({type: 'char', char: text[++i]!})
    } else if (c === '*') {
      // `**` inside a segment, or for names, is a `*`.
      if (tokens.at(-1)?.type !== 'star') tokens.push({type: 'star'})
    } else if (c === '?') {
      tokens.push({type: 'any'})
    } else if (c === '[') {
      const set = readSet(text, i)
      if (!set) throw new GlobError(`${JSON.stringify(pattern)}: [ opens a set that does not close`)
      tokens.push(set.token)
      i = set.end
    } else {
      tokens.push({type: 'char', char: c})
    }
  }

  return tokens
}

function readSet(text: string, open: number): {token: Token; end: number} | undefined {
  let i = open + 1
  const negated = text[i] === '!' || text[i] === '^'
  if (negated) i++
  const ranges: Array<[string, string]> = []
  // A `]` first in the set is a character of it.
  for (let first = true; i < text.length; first = false) {
    let c = text[i]!
    if (c === ']' && !first) return {token: {type: 'set', negated, ranges}, end: i}
    if (c === '\\' && i + 1 < text.length) c = text[++i]!
    if (text[i + 1] === '-' && i + 2 < text.length && text[i + 2] !== ']') {
      let to = text[i + 2]!
      i += 2
      if (to === '\\' && i + 1 < text.length) to = text[++i]!
      ranges.push([c, to])
    } else {
      ranges.push([c, c])
    }

    i++
  }

  return undefined
}

function matchOne(token: Token, c: string): boolean {
  switch (token.type) {
    case 'char': {
      return token.char === c
    }

    case 'any': {
      return true
    }

    case 'set': {
      return token.ranges.some(([lo, hi]) => c >= lo && c <= hi) !== token.negated
    }

    default: {
      return false
    }
  }
}

/** Whether tokens match all of `text`. */
function matchTokens(tokens: readonly Token[], text: string): boolean {
  return wildcard(tokens, text.length, (token) => token.type === 'star', (token, i) => matchOne(token, text[i]!))
}

/** Whether segments match all of a path's parts, `**` taking the part of `*`. */
function matchSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  return wildcard(segments, parts.length, (segment) => segment === 'globstar', (segment, i) => segment !== 'globstar' && matchTokens(segment, parts[i]!))
}

/**
 * Matches a pattern of single items and stars against `length` items. On a
 * mismatch, only the last star seen takes one more item: the ones before it
 * never need to, so each pattern item is tried at most `length` times per
 * star, and no pattern makes this backtrack further.
 */
function wildcard<P>(pattern: readonly P[], length: number, isStar: (p: P) => boolean, matches: (p: P, i: number) => boolean): boolean {
  let t = 0
  let p = 0
  let starP = -1
  let starT = 0
  while (t < length) {
    const item = pattern[p]
    if (item !== undefined && !isStar(item) && matches(item, t)) {
      t++
      p++
    } else if (item !== undefined && isStar(item)) {
      starP = p++
      starT = t
    } else if (starP !== -1) {
      p = starP + 1
      t = ++starT
    } else {
      return false
    }
  }

  while (p < pattern.length && isStar(pattern[p]!)) p++
  return p === pattern.length
}
