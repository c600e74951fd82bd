/**
 * CustomResourceDefinitions read without their validation schemas.
 *
 * A CRD's `openAPIV3Schema` is most of its text, and CRDs are most of the
 * text of many charts and repositories (87% of the real-world corpus), but
 * no rule reads a schema: a CRD tells k8s-net the kind it declares, its API
 * version, its name. A schema still has to be valid YAML: kubectl refuses a
 * document that does not parse, and `invalid-yaml` and `duplicate-key` say
 * so. So a schema is cut out of the text only when a line-by-line reading
 * of it (`plainBlock`) finds it written in the plain style that tools
 * generate (block mappings and sequences, plain, quoted and block scalars,
 * `{}`, `[]` and lists of words, no key twice in a mapping), which YAML
 * reads without fail. Anything else (a flow collection, an anchor, a tag, a
 * tab, a quoted key, a control character, a key written twice) sends the
 * whole document to the YAML parser, which reports what is wrong, if
 * anything. The cut parse is taken only when it reads exactly the schemas
 * it cut (see `takeMarkers`).
 */
import {isRecord} from '../util/records.js'
import {INDENTATION, matchesAt, plainKeyEnd} from './plain-style.js'

/** A document whose top-level kind is written as CustomResourceDefinition (the parse then checks it is one). */
const CRD_KIND = /^kind:[ \t]*(["']?)CustomResourceDefinition\1[ \t]*(?:#.*)?\r?$/m
/** A schema written as a block: the key alone on its line (a comment may follow), its value on the lines below. */
const SCHEMA_KEY = /^( *)openAPIV3Schema:[ \t]*(?:#.*)?\r?$/gm
/**
 * What stands in for a schema cut out: a mapping whose key no document holds by chance (a NUL character), so that
 * the parse can tell the schemas it cut from anything written.
 */
const KEY = 'openAPIV3Schema:'
const MARKER_KEY = '\u0000k8s-net-schema'
const MARKER = ' {"\\0k8s-net-schema": true}'

/**
 * A CRD document's text with each block-style schema replaced by a marker,
 * and how many were; undefined when the document is not a CRD, has no
 * schema to cut, or has one not certainly valid as written (`plainBlock`)
 * or nested near `maxNesting` levels. A schema's value ends at the first
 * line, neither blank nor a comment, indented no deeper than its key.
 */
export function withoutSchemas(text: string, maxNesting: number): {text: string; cut: number} | undefined {
  // Every document is asked: most are not CRDs, which a plain search tells faster than the pattern.
  if (!text.includes('CustomResourceDefinition') || !CRD_KIND.test(text)) return undefined
  let out = ''
  let last = 0
  let cut = 0
  SCHEMA_KEY.lastIndex = 0
  for (let m = SCHEMA_KEY.exec(text); m !== null; m = SCHEMA_KEY.exec(text)) {
    const indent = m[1]!.length
    const end = plainBlock(text, text.indexOf('\n', m.index) + 1, indent, maxNesting)
    // A key with nothing more indented below it is not a block (an empty value): left as written.
    if (end === NO_BLOCK) continue
    // A schema not certainly valid as written: the document is parsed whole, and says what is wrong.
    if (end === NOT_CERTAIN) return undefined
    // The marker follows the colon: a comment after the key goes with the schema.
    out += text.slice(last, m.index + indent + KEY.length) + MARKER
    last = end
    cut++
    SCHEMA_KEY.lastIndex = end
  }

  return cut === 0 ? undefined : {text: out + text.slice(last), cut}
}

/**
 * Whether a parsed document is a CRD holding exactly `cut` markers, each where a schema stands
 * (`spec.versions[].schema.openAPIV3Schema`, `spec.validation.openAPIV3Schema`); the markers become empty mappings.
 */
export function takeMarkers(value: unknown, cut: number): boolean {
  if (!isRecord(value) || value.kind !== 'CustomResourceDefinition' || typeof value.apiVersion !== 'string' || !value.apiVersion.startsWith('apiextensions.k8s.io/')) return false
  const spec = value.spec
  if (!isRecord(spec)) return false
  const holders: Array<Record<string, unknown>> = []
  if (Array.isArray(spec.versions)) for (const v of spec.versions) if (isRecord(v) && isRecord(v.schema)) holders.push(v.schema)
  if (isRecord(spec.validation)) holders.push(spec.validation)
  const marked = holders.filter((h) => isMarker(h.openAPIV3Schema))
  if (marked.length !== cut) return false
  for (const h of marked) h.openAPIV3Schema = {}
  return true
}

function isMarker(value: unknown): boolean {
  return isRecord(value) && value[MARKER_KEY] === true && Object.keys(value).length === 1
}

/** Keys YAML would read as anything but that text (`true`, `null`): a plain key as tools write them starts with a letter, `_` or `$` (`keyAt`). */
const NOT_TEXT_KEY = /^(?:true|false|null|yes|no|on|off|y|n)$/i
/** A plain scalar's first character, as tools write them: none of YAML's indicators (`- ` aside, checked apart). */
const PLAIN_START = /[\w./^$()\\+=<~;-]/y
/**
 * What YAML does not allow in a stream (js-yaml's non-printable characters, unpaired surrogates), and what this
 * reading does not take (tabs, surrogates, line and byte-order marks, a carriage return not before a line feed).
 */
const UNUSUAL = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/
/** What may follow a scalar or a quoted string on its line: spaces, and a comment after one. */
const LINE_REST = /^(?: *| +#.*)$/
/** `{}`, `[]`, or a sequence of words on one line (`[spec]`, `[In, NotIn]`), and maybe a comment. */
const EMPTY_OR_WORDS = /^(?:\{\}|\[ *(?:[\w./][\w./-]*(?: *, *[\w./][\w./-]*)*)? *\])(?: +#.*)?$/
const BLOCK_HEADER = /^[|>][+-]?(?: +#.*)?$/
/** A plain scalar's text up to the line's end, when it holds no `: ` and no ` #` (a sticky expression: see plain-style.ts). */
const PLAIN_TEXT = /(?:[^: \n\r]|:(?! )| (?!#))*/y

/** What `plainBlock` says when no line below the key is indented deeper. */
const NO_BLOCK = -2
/** What `plainBlock` says of a block it does not certainly take. */
const NOT_CERTAIN = -1

const SPACE = 32
const HASH = 35
const DASH = 45
const COLON = 58

/** One line at a time, by offsets: where it starts, where its text starts (after the indentation) and ends (before a CRLF's carriage return). */
class Lines {
  start = 0
  body = 0
  end = 0
  /** Where the next line starts (past the text's end when there is none). */
  next: number

  constructor(
    readonly text: string,
    from: number,
  ) {
    this.next = from
  }

  /** Moves to the next line; false past the text's end. */
  advance(): boolean {
    const {text} = this
    if (this.next > text.length) return false
    this.start = this.next
    let eol = text.indexOf('\n', this.start)
    if (eol === -1) eol = text.length
    this.next = eol + 1
    this.end = eol > this.start && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol
    matchesAt(INDENTATION, text, this.start)
    this.body = INDENTATION.lastIndex
    return true
  }

  /** Reads the current line again at the next `advance`. */
  again(): void {
    this.next = this.start
  }
}

interface Collection {
  indent: number
  kind: 'map' | 'seq'
  /** A mapping's keys so far: a list while it is short (most are: searched faster than a Set is made), then a Set. */
  keys?: string[] | Set<string>
}

/** Keys a mapping keeps in a list before a Set. */
const FEW_KEYS = 16

/** Adds a key to a mapping's keys; false when it is there already. */
function addKey(map: Collection, key: string): boolean {
  const keys = map.keys!
  if (Array.isArray(keys)) {
    if (keys.includes(key)) return false
    keys.push(key)
    if (keys.length > FEW_KEYS) map.keys = new Set(keys)
    return true
  }

  if (keys.has(key)) return false
  keys.add(key)
  return true
}

/**
 * Reads the block node below a key indented `parent`, from `from` (the
 * start of the line after the key), as YAML certainly reads it (see the
 * module's comment): the offset where it ends (the line break before the
 * first line, neither blank nor a comment, indented no deeper than the key,
 * or the end of the text), NOT_CERTAIN when it is not certainly valid (then
 * the document is parsed whole), NO_BLOCK when no line below is deeper.
 * Written for soundness, not reach: every construct it takes, it takes
 * whole, and only where YAML allows it.
 */
export function plainBlock(text: string, from: number, parent: number, maxNesting: number): number {
  const lines = new Lines(text, from)
  const stack: Collection[] = []
  /** The last entry's value is empty: the next line may open a collection below it (or a sequence beside its key). */
  let openIndent = parent
  let openKey = true
  let end = text.length
  while (lines.advance()) {
    const body = lines.body
    if (body === lines.end || text.charCodeAt(body) === HASH) continue
    const indent = body - lines.start
    if (indent <= parent) {
      end = lines.start - 1
      break
    }

    while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop()
    let top: Collection | undefined = stack[stack.length - 1]
    let at = body
    const dash = text.charCodeAt(at) === DASH && (at + 1 === lines.end || text.charCodeAt(at + 1) === SPACE)
    if (openIndent >= 0 && indent > openIndent && (!top || top.indent < indent)) {
      // A collection opens below the empty value.
      stack.push((top = dash ? {indent, kind: 'seq'} : {indent, kind: 'map', keys: []}))
    } else if (openIndent >= 0 && openKey && dash && top?.kind === 'map' && top.indent === indent && indent === openIndent) {
      // A sequence beside its key (`required:` then `- spec` under it, as indented).
      stack.push((top = {indent, kind: 'seq'}))
    } else if (top?.kind === 'seq' && top.indent === indent && !dash) {
      // The end of a sequence beside its key: the mapping goes on.
      stack.pop()
      top = stack[stack.length - 1]
    }

    openIndent = -1
    if (!top || top.indent !== indent || (top.kind === 'seq') !== dash) return NOT_CERTAIN
    if (stack.length + 8 > maxNesting) return NOT_CERTAIN
    let column = indent
    if (dash) {
      // `- value` or `- key: value`, the mapping's keys at the column after the dash.
      at++
      while (at < lines.end && text.charCodeAt(at) === SPACE) at++
      if (at === lines.end) {
        openIndent = indent
        openKey = false
        continue
      }

      if (text.charCodeAt(at) === DASH && (at + 1 === lines.end || text.charCodeAt(at + 1) === SPACE)) return NOT_CERTAIN
      column += at - body
      if (keyAt(text, at) === undefined) {
        const value = scalar(lines, at, indent)
        if (value === NOT_CERTAIN) return NOT_CERTAIN
        if (value === NO_BLOCK) {
          openIndent = indent
          openKey = false
        }

        continue
      }

      stack.push((top = {indent: column, kind: 'map', keys: []}))
    }

    const key = keyAt(text, at)
    if (key === undefined || (key.length <= 5 && NOT_TEXT_KEY.test(key)) || !addKey(top, key)) return NOT_CERTAIN
    at += key.length + 1
    if (at < lines.end && text.charCodeAt(at) !== SPACE) return NOT_CERTAIN
    while (at < lines.end && text.charCodeAt(at) === SPACE) at++
    const value = scalar(lines, at, column)
    if (value === NOT_CERTAIN) return NOT_CERTAIN
    if (value === NO_BLOCK) {
      openIndent = column
      openKey = true
    }
  }

  if (stack.length === 0) return NO_BLOCK
  const block = text.slice(from, end)
  return UNUSUAL.test(block) || (block.includes('\r') && /\r(?!\n)/.test(block)) ? NOT_CERTAIN : end
}

/** The plain key at `at` when the line holds one there (a letter, `_` or `$`, then those, digits, `.`, `/`, `-`; a colon; a space or the line's end), else undefined. */
function keyAt(text: string, at: number): string | undefined {
  const end = plainKeyEnd(text, at)
  return end === -1 ? undefined : text.slice(at, end)
}

/**
 * A scalar value starting at `at` on the current line of an entry indented
 * `indent`: NO_BLOCK when there is none (a collection may follow), 0 when
 * read (with the lines it goes on over), NOT_CERTAIN when not certainly valid.
 */
function scalar(lines: Lines, at: number, indent: number): number {
  const {text} = lines
  const end = lines.end
  if (at === end || text.charCodeAt(at) === HASH) return NO_BLOCK
  const first = text[at]!
  if (first === '{' || first === '[') return EMPTY_OR_WORDS.test(text.slice(at, end)) ? 0 : NOT_CERTAIN
  if (first === '|' || first === '>') return BLOCK_HEADER.test(text.slice(at, end)) ? blockScalar(lines, indent) : NOT_CERTAIN
  if (first === '"' || first === "'") return quoted(lines, at, indent)
  PLAIN_START.lastIndex = at
  // A dash alone or before a space opens a sequence, which cannot start on its key's line.
  if (!PLAIN_START.test(text) || (first === '-' && (at + 1 === end || text.charCodeAt(at + 1) === SPACE)) || !plainText(text, at, end)) return NOT_CERTAIN
  // A plain scalar goes on over the lines indented deeper, which must read as text too: any character may open one, but not a comment or a key.
  while (lines.advance()) {
    if (lines.body === lines.end) continue
    if (lines.body - lines.start <= indent) {
      lines.again()
      return 0
    }

    if (text.charCodeAt(lines.body) === HASH || !plainText(text, lines.body, lines.end)) return NOT_CERTAIN
  }

  return 0
}

/** Whether a plain scalar's text from `at` to `end` (the line's end) holds no `: `, ` #` or a colon at its end. */
function plainText(text: string, at: number, end: number): boolean {
  if (text.charCodeAt(end - 1) === COLON) return false
  matchesAt(PLAIN_TEXT, text, at)
  return PLAIN_TEXT.lastIndex >= end
}

/** What may follow a backslash in double quotes: YAML's escapes, and the digits `x`, `u` and `U` take. */
const ESCAPES: ReadonlyMap<string, number> = new Map<string, number>([...[...'0abtnvfre "/\\N_LP'].map((c): [string, number] => [c, 0]), ['x', 2], ['u', 4], ['U', 8]])

/**
 * A quoted string, over as many lines as it takes (each indented deeper than its entry); then nothing but a comment.
 * Read once, character by character, whatever its length: in single quotes `''` is a quote; in double quotes a
 * backslash takes one of YAML's escapes, or ends the line.
 */
function quoted(lines: Lines, at: number, indent: number): number {
  const {text} = lines
  const double = text.charCodeAt(at) === 34
  const quote = double ? '"' : "'"
  let i = at + 1
  for (;;) {
    for (; i < lines.end; i++) {
      const c = text[i]!
      if (double && c === '\\') {
        if (i + 1 === lines.end) break
        const digits = ESCAPES.get(text[i + 1]!)
        if (digits === undefined || !/^[\dA-Fa-f]*$/.test(text.slice(i + 2, i + 2 + digits)) || i + 2 + digits > lines.end) return NOT_CERTAIN
        i += 1 + digits
      } else if (c === quote) {
        if (!double && text[i + 1] === "'") i++
        else return LINE_REST.test(text.slice(i + 1, lines.end)) ? 0 : NOT_CERTAIN
      }
    }

    // The string goes on over the next line, which must be indented deeper than its entry (or blank).
    if (!lines.advance() || (lines.body !== lines.end && lines.body - lines.start <= indent)) return NOT_CERTAIN
    i = lines.body
  }
}

/** A block scalar (`|`, `>-`...): the lines indented deeper than its entry, at least as deep as its first. */
function blockScalar(lines: Lines, indent: number): number {
  let content = -1
  while (lines.advance()) {
    if (lines.body === lines.end) {
      // Blank lines before the first line of text, or longer than its indentation, are left to the YAML parser.
      if (content === -1 || lines.end - lines.start > content) return NOT_CERTAIN
      continue
    }

    const at = lines.body - lines.start
    if (content === -1) {
      if (at <= indent) {
        lines.again()
        return 0
      }

      content = at
    } else if (at < content) {
      // Below the text's indentation: the scalar has ended, and the line must be no deeper than its entry.
      if (at > indent) return NOT_CERTAIN
      lines.again()
      return 0
    }
  }

  return 0
}
