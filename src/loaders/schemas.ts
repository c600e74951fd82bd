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
  if (!CRD_KIND.test(text)) return undefined
  let out = ''
  let last = 0
  let cut = 0
  SCHEMA_KEY.lastIndex = 0
  for (let m = SCHEMA_KEY.exec(text); m !== null; m = SCHEMA_KEY.exec(text)) {
    const indent = m[1]!.length
    const end = blockEnd(text, m.index + m[0].length, indent)
    // A key with nothing more indented below it is not a block (an empty value): left as written.
    if (end === undefined) continue
    // A schema not certainly valid as written: the document is parsed whole, and says what is wrong.
    if (!plainBlock(text, text.indexOf('\n', m.index) + 1, end, indent, maxNesting)) return undefined
    // The marker follows the colon: a comment after the key goes with the schema.
    out += text.slice(last, m.index + indent + KEY.length) + MARKER
    last = end
    cut++
    SCHEMA_KEY.lastIndex = end
  }

  return cut === 0 ? undefined : {text: out + text.slice(last), cut}
}

/**
 * Where the block below a key indented `indent` ends (the line break before the first line neither blank nor a
 * comment and indented no deeper, or the end of the text); undefined when no line below is indented deeper.
 */
function blockEnd(text: string, from: number, indent: number): number | undefined {
  let content = false
  let lineBreak = text.indexOf('\n', from)
  while (lineBreak !== -1) {
    const start = lineBreak + 1
    let i = start
    while (text.charCodeAt(i) === 32) i++
    if (i >= text.length) return content ? text.length : undefined
    const c = text.charCodeAt(i)
    // Blank lines and comments belong to no block.
    if (c !== 10 && c !== 13 && c !== 35) {
      if (i - start <= indent) return content ? lineBreak : undefined
      content = true
    }

    lineBreak = text.indexOf('\n', i)
  }

  return content ? text.length : undefined
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


/** A plain key, as tools write schemas: no key YAML would read as anything but that text (`true`, `1`, `<<`). */
const PLAIN_KEY = /^[A-Za-z_$][\w$./-]*$/
const NOT_TEXT_KEY = /^(?:true|false|null|yes|no|on|off|y|n)$/i
/** A plain scalar's first character, as tools write them: none of YAML's indicators (`- ` aside, checked apart). */
const PLAIN_START = /^[\w./^$()\\+=<~;-]/
/**
 * What YAML does not allow in a stream (js-yaml's non-printable characters, unpaired surrogates), and what this
 * reading does not take (tabs, surrogates, line and byte-order marks, a carriage return not before a line feed).
 */
const UNUSUAL = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]|\r(?!\n)/
/** YAML's escapes in double quotes (`\x`, `\u` and `\U` with their hex digits). */
const DOUBLE_QUOTED = /^"(?:[^"\\]|\\(?:[0abtnvfre "/\\N_LP]|x[\dA-Fa-f]{2}|u[\dA-Fa-f]{4}|U[\dA-Fa-f]{8}))*"/
const SINGLE_QUOTED = /^'(?:[^']|'')*'(?!')/
/** What may follow a scalar or a quoted string on its line: spaces, and a comment after one. */
const LINE_REST = /^(?: *| +#.*)$/
/** `{}`, `[]`, or a sequence of words on one line (`[spec]`, `[In, NotIn]`), and maybe a comment. */
const EMPTY_OR_WORDS = /^(?:\{\}|\[ *(?:[\w./][\w./-]*(?: *, *[\w./][\w./-]*)*)? *\])(?: +#.*)?$/
const BLOCK_HEADER = /^[|>][+-]?(?: +#.*)?$/

interface Collection {
  indent: number
  kind: 'map' | 'seq'
  keys?: Set<string>
}

/**
 * Whether the lines of `text` from `from` to `to` are a block node below a
 * key indented `parent` that YAML certainly reads (see the module's
 * comment): false means only "not certainly", and the document is parsed
 * whole. Written for soundness, not reach: every construct it takes, it
 * takes whole, and it takes a construct only where YAML allows it.
 */
export function plainBlock(text: string, from: number, to: number, parent: number, maxNesting: number): boolean {
  const block = text.slice(from, to)
  if (UNUSUAL.test(block)) return false
  const lines = block.split('\n')
  const stack: Collection[] = []
  /** The last entry's value is empty: the next line may open a collection below it (or a sequence beside its key). */
  let open: {indent: number; key: boolean} | undefined = {indent: parent, key: true}
  for (let l = 0; l < lines.length; l++) {
    const line = lineAt(lines, l)
    const body = line.trimStart()
    if (body === '' || body.startsWith('#')) continue
    const indent = line.length - body.length
    if (indent <= parent) return false
    while (stack.length > 0 && stack.at(-1)!.indent > indent) stack.pop()
    let top = stack.at(-1)
    const dash = body === '-' || body.startsWith('- ')
    if (open && indent > open.indent && (!top || top.indent < indent)) {
      // A collection opens below the empty value.
      stack.push((top = dash ? {indent, kind: 'seq'} : {indent, kind: 'map', keys: new Set()}))
    } else if (open?.key && dash && top?.kind === 'map' && top.indent === indent && indent === open.indent) {
      // A sequence beside its key (`required:` then `- spec` under it, as indented).
      stack.push((top = {indent, kind: 'seq'}))
    } else if (top?.kind === 'seq' && top.indent === indent && !dash) {
      // The end of a sequence beside its key: the mapping goes on.
      stack.pop()
      top = stack.at(-1)
    }

    open = undefined
    if (!top || top.indent !== indent || (top.kind === 'seq') !== dash) return false
    if (stack.length + 8 > maxNesting) return false
    let column = indent
    let rest = body
    if (dash) {
      if (rest === '-') {
        open = {indent, key: false}
        continue
      }

      // `- value` or `- key: value`, the mapping's keys at the column after the dash.
      const after = rest.slice(1).trimStart()
      column += rest.length - after.length
      rest = after
      if (rest.startsWith('- ') || rest === '-') return false
      if (!/^[^'"]*?:(?: |$)/.test(rest) || !PLAIN_KEY.test(rest.slice(0, rest.indexOf(':')))) {
        const next = scalar(lines, l, rest, indent)
        if (next === undefined) return false
        if (next === 'empty') open = {indent, key: false}
        else l = next
        continue
      }

      stack.push((top = {indent: column, kind: 'map', keys: new Set()}))
    }

    const colon = rest.indexOf(':')
    if (colon <= 0) return false
    const key = rest.slice(0, colon)
    if (!PLAIN_KEY.test(key) || NOT_TEXT_KEY.test(key) || top.keys!.has(key)) return false
    top.keys!.add(key)
    const value = rest.slice(colon + 1)
    if (value !== '' && !value.startsWith(' ')) return false
    const next = scalar(lines, l, value.trimStart(), column)
    if (next === undefined) return false
    if (next === 'empty') open = {indent: column, key: true}
    else l = next
  }

  return true
}

/**
 * A scalar value starting on line `l` (`value` is what stands there) of an
 * entry indented `indent`: the last line it takes, 'empty' when there is
 * none (a collection may follow), undefined when not certainly valid.
 */
function scalar(lines: readonly string[], l: number, value: string, indent: number): number | 'empty' | undefined {
  if (value === '' || value.startsWith('#')) return value === '' || LINE_REST.test(` ${value}`) ? 'empty' : undefined
  if (EMPTY_OR_WORDS.test(value)) return l
  if (BLOCK_HEADER.test(value)) return blockScalar(lines, l, indent)
  if (value.startsWith('"') || value.startsWith("'")) return quoted(lines, l, value, indent)
  if (!PLAIN_START.test(value) || value.startsWith('- ') || value === '-') return undefined
  if (/: |:$| #/.test(value)) return undefined
  // A plain scalar goes on over the lines indented deeper, which must read as text too.
  let last = l
  for (let n = l + 1; n < lines.length; n++) {
    const line = lineAt(lines, n)
    const body = line.trimStart()
    if (body === '') continue
    if (line.length - body.length <= indent) break
    // Any character may open a line that goes on; a comment or a key may not.
    if (body.startsWith('#') || /: |:$| #/.test(body)) return undefined
    last = n
  }

  return last
}

/** A quoted string, over as many lines as it takes (each indented deeper than its entry); then nothing but a comment. */
function quoted(lines: readonly string[], l: number, value: string, indent: number): number | undefined {
  const pattern = value.startsWith('"') ? DOUBLE_QUOTED : SINGLE_QUOTED
  let joined = value
  for (let n = l; n < lines.length; n++) {
    if (n > l) {
      const line = lineAt(lines, n)
      const body = line.trimStart()
      if (body !== '' && line.length - body.length <= indent) return undefined
      // A line break in double quotes may be escaped; joined with a space, as YAML folds it.
      joined += ` ${body}`
    }

    const m = pattern.exec(joined)
    if (m) return LINE_REST.test(joined.slice(m[0].length)) ? n : undefined
  }

  return undefined
}

/** A block scalar (`|`, `>-`...): the lines indented deeper than its entry, at least as deep as its first. */
function blockScalar(lines: readonly string[], l: number, indent: number): number | undefined {
  let content: number | undefined
  let last = l
  for (let n = l + 1; n < lines.length; n++) {
    const line = lineAt(lines, n)
    const body = line.trimStart()
    if (body === '') {
      // Blank lines before the first line of text, or longer than its indentation, are left to the YAML parser.
      if (content === undefined || line.length > content) return undefined
      continue
    }

    const at = line.length - body.length
    if (content === undefined) {
      if (at <= indent) return l
      content = at
    } else if (at < content) {
      // Below the text's indentation: the scalar has ended, and the line must be no deeper than its entry.
      return at <= indent ? last : undefined
    }

    last = n
  }

  return last
}

/** A line without the carriage return of a CRLF line break. */
const lineAt = (lines: readonly string[], n: number): string => (lines[n]!.endsWith('\r') ? lines[n]!.slice(0, -1) : lines[n]!)
