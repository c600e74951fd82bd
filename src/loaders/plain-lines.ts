/**
 * Locating without a parse, in documents written in plain block style (as
 * `helm template`, `kustomize build` and most hand-written manifests are):
 * every line a `key: value`, a `key:`, a `- ` list entry or a comment, keys
 * plain words, values on one line. In such a document indentation alone says
 * which node a line belongs to, so a path is followed line by line, to the
 * range the position tree of `locate.ts` would give.
 *
 * Anything else in the document (flow collections other than `{}` and `[]`,
 * block or multi-line scalars, anchors, aliases, tags, merge keys, quoted or
 * unusual keys, tabs, CRs, byte-order marks, directives) and the answer is undefined:
 * the document is located with the position tree.
 */
import type {ObjectPath} from '../engine/types.js'
import {INDENTATION, matchesAt, plainKeyEnd} from './plain-style.js'

/** One line that is not blank and not a comment. Offsets are in the document's text; -1 where a part is absent. */
export interface Line {
  /** Column of the first character. */
  indent: number
  /** Offset of the `-` of a list entry. */
  dash: number
  /** Column of the content: past `- ` on a list entry's line, else `indent`. */
  col: number
  keyStart: number
  keyEnd: number
  /** The value written on the line, after `key: ` or `- `. */
  valueStart: number
  valueEnd: number
}

/**
 * A node: a block mapping or list that starts on line `line` (its content at
 * column `col`), or a value on one line. A collection ends at the first line
 * at or left of column `floor` (its parent's); a line between the two fits
 * nothing, and the document is not read here.
 */
type Collection = {type: 'map' | 'list'; line: number; col: number; floor: number}
type Node = Collection | {type: 'value'; start: number; end: number}

/** A document in plain block style: its text and its lines that are not blank or comments. */
export interface PlainDocument {
  text: string
  lines: readonly Line[]
}

export interface OffsetRange {
  start: number
  end: number
}

/**
 * Keys js-yaml's core schema reads as something other than the word itself (booleans, null): the position tree
 * names them by that value. YAML 1.1's `yes` and `on` are words to it.
 */
const NOT_A_WORD = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/
/** `- ` (or `-` at the end of the line) opening a list entry. The parts of a line are sticky expressions (see plain-style.ts). */
const DASH = /-(?: +|(?=\n|$))/y
/** A plain value: no `: ` (that would make a mapping of it), no ` #` (a comment starts there), no trailing space. */
const PLAIN = /(?:[^\s&*!|>%@`?,[\]{}#:'"-]|-(?=[^ \n]))(?:[^\n #:]|:(?=[^ \n])|#| +(?=[^ #\n]))*/y
const DOUBLE_QUOTED = /"(?:[^"\\\n]|\\[^\n])*"/y
const SINGLE_QUOTED = /'(?:[^'\n]|'')*'/y
const EMPTY = /\{\}|\[\]/y
/** What may follow a value, a key with none, or `---`: space, and a comment. */
const LINE_END = /(?: +#[^\n]*| *)(?=\n|$)/y
const COMMENT_OR_BLANK = / *(?:#[^\n]*)?(?=\n|$)/y

/** A document's lines, when it is in plain block style; else undefined. */
export function plainDocument(text: string): PlainDocument | undefined {
  // Tabs, CRs and byte-order marks (which the position tree counts as space, and a plain value here would hold).
  if (text.includes('\r') || text.includes('\t') || text.includes('\uFEFF')) return undefined
  const lines: Line[] = []
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    if (!matchesAt(COMMENT_OR_BLANK, text, lineStart)) {
      // The `---` that opens the document, alone or with a comment.
      const opening = lines.length === 0 && text.startsWith('---', lineStart) && matchesAt(LINE_END, text, lineStart + 3)
      if (!opening) {
        const line = readLine(text, lineStart, lineEnd)
        if (!line) return undefined
        // After a value on one line, a deeper line would make it a value of several lines.
        const last = lines.at(-1)
        if (last && last.valueStart !== -1 && line.indent > (last.keyStart === -1 ? last.indent : last.col)) return undefined
        lines.push(line)
      }
    }

    lineStart = lineEnd + 1
  }

  return lines.length > 0 ? {text, lines} : undefined
}

/** A line that is neither blank nor a comment; undefined when it is not of the plain block style. */
function readLine(text: string, lineStart: number, lineEnd: number): Line | undefined {
  matchesAt(INDENTATION, text, lineStart)
  let i = INDENTATION.lastIndex
  const indent = i - lineStart
  // A document marker, a directive: not followed here.
  if (indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i) || text[i] === '%')) return undefined
  let dash = -1
  if (matchesAt(DASH, text, i)) {
    dash = i
    i = DASH.lastIndex
    // `-` alone, `- # comment`, `- - item`: not followed here.
    if (i === lineEnd || text[i] === '#' || matchesAt(DASH, text, i)) return undefined
  }

  const line: Line = {indent, dash, col: i - lineStart, keyStart: -1, keyEnd: -1, valueStart: -1, valueEnd: -1}
  const keyEnd = plainKeyEnd(text, i)
  if (keyEnd !== -1) {
    if (keyEnd - i <= 5 && NOT_A_WORD.test(text.slice(i, keyEnd))) return undefined
    line.keyStart = i
    line.keyEnd = keyEnd
    matchesAt(INDENTATION, text, keyEnd + 1)
    i = INDENTATION.lastIndex
    if (i === lineEnd || text[i] === '#') return line
  } else if (dash === -1) {
    return undefined
  }

  const value = text[i] === '"' ? DOUBLE_QUOTED : text[i] === "'" ? SINGLE_QUOTED : text[i] === '{' || text[i] === '[' ? EMPTY : PLAIN
  if (!matchesAt(value, text, i)) return undefined
  const end = value.lastIndex
  if (!matchesAt(LINE_END, text, end)) return undefined
  line.valueStart = i
  line.valueEnd = end
  return line
}

/**
 * The range (offsets in the document's text) of the node at `path`, as the
 * position tree gives it: a path that goes further than the document ends at
 * the deepest node there is, and at the key for `key:` with no value.
 * Undefined when a line on the way does not fit where it stands.
 */
export function plainRange(doc: PlainDocument, path: ObjectPath): OffsetRange | undefined {
  const {lines} = doc
  const first = lines[0]!
  let node: Node | undefined =
    first.dash !== -1 ? {type: 'list', line: 0, col: first.indent, floor: -1} : first.keyStart !== -1 ? {type: 'map', line: 0, col: first.col, floor: -1} : undefined
  if (!node) return undefined
  for (const segment of path) {
    if (node.type === 'map') {
      const entry = lastEntry(doc, node, String(segment))
      if (entry === undefined) return undefined
      if (entry === -1) break
      const value = valueOf(lines, entry, node.col)
      if (value === undefined) return undefined
      // `key:` with nothing after it: the key.
      if (value === null) return {start: lines[entry]!.keyStart, end: lines[entry]!.keyEnd}
      node = value
    } else if (node.type === 'list' && typeof segment === 'number') {
      const items = membersOf(lines, node)
      if (!items) return undefined
      const item = items[segment]
      if (item === undefined) break
      node = itemNode(lines, item, node.col)
    } else {
      break
    }
  }

  return rangeOf(lines, node)
}

/** The node a list item holds: a mapping (at its first key, past `- `), or a value. */
function itemNode(lines: readonly Line[], i: number, listCol: number): Node {
  const line = lines[i]!
  if (line.keyStart === -1) return {type: 'value', start: line.valueStart, end: line.valueEnd}
  return {type: 'map', line: i, col: line.col, floor: listCol}
}

/**
 * The lines of a collection's members (a mapping's entries, a list's items),
 * which stand at its column; undefined when a line within it fits nowhere.
 */
function membersOf(lines: readonly Line[], node: Collection): number[] | undefined {
  const members = [node.line]
  for (let i = node.line + 1; i < lines.length; i++) {
    const line = lines[i]!
    if (line.indent < node.col) {
      if (line.indent <= node.floor) break
      return undefined
    }

    const last = lines[members.at(-1)!]!
    if (line.indent > node.col) {
      // Inside a list's item: never left of its content.
      if (node.type === 'list' && line.indent < last.col) return undefined
    } else if (node.type === 'map') {
      if (line.dash === -1) members.push(i)
      // A list written at the key's column: the value of the entry before, which must have none on its line.
      else if (last.valueStart !== -1) return undefined
    } else if (line.dash !== -1) {
      members.push(i)
    } else if (node.col === node.floor) {
      // A line at the list's column that is no item ends a list written at its key's column (the next key).
      break
    } else {
      return undefined
    }
  }

  return members
}

/** The line of the mapping's last entry with the key: -1 when it has none, undefined when the mapping cannot be read. */
function lastEntry(doc: PlainDocument, node: Collection, key: string): number | undefined {
  const entries = membersOf(doc.lines, node)
  if (!entries) return undefined
  for (let k = entries.length - 1; k >= 0; k--) {
    const {keyStart, keyEnd} = doc.lines[entries[k]!]!
    if (keyEnd - keyStart === key.length && doc.text.startsWith(key, keyStart)) return entries[k]
  }

  return -1
}

/** The value of the entry on line `i` of a mapping at column `col`: a node, null when it has none. */
function valueOf(lines: readonly Line[], i: number, col: number): Node | null {
  const line = lines[i]!
  if (line.valueStart !== -1) return {type: 'value', start: line.valueStart, end: line.valueEnd}
  const next = lines[i + 1]
  if (!next) return null
  if (next.indent > col) return next.dash !== -1 ? {type: 'list', line: i + 1, col: next.indent, floor: col} : {type: 'map', line: i + 1, col: next.col, floor: col}
  return next.indent === col && next.dash !== -1 ? {type: 'list', line: i + 1, col, floor: col} : null
}

function rangeOf(lines: readonly Line[], node: Node): OffsetRange | undefined {
  const end = endOf(lines, node)
  if (end === undefined) return undefined
  if (node.type === 'value') return {start: node.start, end}
  const line = lines[node.line]!
  return {start: node.type === 'list' ? line.dash : line.keyStart, end}
}

/** Where a node ends: a collection with its last entry that has content (for `key:` with none, the key). */
function endOf(lines: readonly Line[], node: Node): number | undefined {
  if (node.type === 'value') return node.end
  if (node.type === 'list') {
    const items = membersOf(lines, node)
    return items && endOf(lines, itemNode(lines, items.at(-1)!, node.col))
  }

  const entries = membersOf(lines, node)
  if (!entries) return undefined
  const last = entries.at(-1)!
  const value = valueOf(lines, last, node.col)
  return value === null ? lines[last]!.keyEnd : endOf(lines, value)
}
