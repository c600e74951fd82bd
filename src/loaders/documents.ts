/**
 * Splitting a YAML stream into documents and parsing each one fast.
 *
 * A line that starts with `---` or `...` (followed by a space, a tab or the
 * end of the line) is a document marker wherever it stands: YAML forbids such
 * lines inside any scalar. Splitting on them first lets one broken document be
 * reported while the others are still read, and lets positions be resolved
 * later for just the documents that have findings (see `locate.ts`).
 *
 * Parsing uses js-yaml, the fastest YAML parser for JavaScript, with the YAML
 * 1.2 core schema plus merge keys (`<<`), which is what the Kubernetes API
 * server accepts. The input limits (docs/limits.md) are enforced here: nesting
 * depth while parsing, alias expansion and cycles after it.
 */
import jsYaml from 'js-yaml'
import type {Limits, Position, Range} from '../engine/types.js'
import {takeMarkers, withoutSchemas} from './schemas.js'

// @types/js-yaml does not declare the built-in types the package exports at run time.
const {merge} = (jsYaml as unknown as {types: {merge: jsYaml.Type}}).types
export const SCHEMA = jsYaml.CORE_SCHEMA.extend({implicit: [merge]})

/** One YAML document's text and where it starts in its file. */
export interface DocumentChunk {
  /** 0-based index in the file. */
  index: number
  text: string
  /** Offset of `text` in the file. */
  offset: number
  /** 0-based line of `text`'s first character in the file. */
  line: number
  /** The text is JSON (read with JSON.parse). */
  json?: boolean
  /**
   * For a large `List` document: where the text of each item starts and ends
   * (offsets in `text`), so that a finding in one item is located by parsing
   * that item again, not the whole List. Undefined for an item not found.
   */
  items?: Array<Span | undefined>
}

export interface Span {
  start: number
  end: number
}

/** Documents from this size on record where their List items stand while parsing: smaller ones are cheap to parse again whole. */
export const ITEM_SPANS_FROM = 64 * 1024

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 32 * 1024 * 1024,
  maxAliasNodes: 100_000,
  maxDepth: 500,
}

export type ParsedDocument =
  | {chunk: DocumentChunk; ok: true; value: unknown; duplicateKey?: {message: string; range: Range}}
  | {chunk: DocumentChunk; ok: false; type: 'syntax' | 'limit'; message: string; range: Range}

export const HELM_HINT = 'render it first, for example `helm template . | k8s-net lint -`'

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm

/** Splits a YAML stream at its document markers. */
export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = []
  let start = 0
  let line = 0
  let lineAt = 0 // offset up to which `line` is counted
  const countLines = (to: number): number => {
    let n = line
    for (let i = text.indexOf('\n', lineAt); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++
    line = n
    lineAt = to
    return n
  }

  let chunkLine = 0
  const push = (end: number): void => {
    if (end > start) chunks.push({index: chunks.length, text: text.slice(start, end), offset: start, line: chunkLine})
  }

  MARKER.lastIndex = 0
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
    const at = m.index
    if (m[0] === '---') {
      // `---` starts a document: the chunk before it ends here, unless it holds only directives for this one.
      if (!onlyDirectives(text, start, at)) {
        push(at)
        start = at
        chunkLine = countLines(at)
      }
    } else {
      // `...` ends a document: the chunk ends after this line.
      const nl = text.indexOf('\n', at)
      const end = nl === -1 ? text.length : nl + 1
      push(end)
      start = end
      chunkLine = countLines(end)
    }
  }

  push(text.length)
  return chunks
}

function onlyDirectives(text: string, from: number, to: number): boolean {
  if (from === to) return true
  const head = text.slice(from, to)
  if (!head.includes('%')) return false
  // Line by line: every line blank, a directive or a comment (a regex here backtracks badly on blank lines).
  return head.split('\n').every((line) => {
    const trimmed = line.trim()
    return trimmed === '' || trimmed.startsWith('%') || trimmed.startsWith('#')
  })
}

/** A limit hit while parsing, at an offset of the document. */
class LimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** Parses one document chunk; never throws. */
export function parseDocument(chunk: DocumentChunk, limits: Limits = DEFAULT_LIMITS): ParsedDocument {
  // A CRD's schemas, most of its text, are read only to know they are valid YAML, and where that is certain, not at all.
  const cut = parseWithoutSchemas(chunk, limits)
  if (cut) return cut
  try {
    const spans = chunk.text.length >= ITEM_SPANS_FROM ? new Map<unknown, Span>() : undefined
    const loaded = load(chunk.text, false, limits, spans)
    shareText(chunk, loaded)
    const parsed = checked(chunk, loaded, limits)
    if (spans && parsed.ok) chunk.items = listItems(parsed.value)?.map((item) => spans.get(item))
    return parsed
  } catch (error) {
    return failure(chunk, error, limits)
  }
}

/**
 * A CustomResourceDefinition parsed without its schemas, when they are
 * certainly valid as written (see `schemas.ts`); undefined when it is to be
 * parsed whole.
 */
function parseWithoutSchemas(chunk: DocumentChunk, limits: Limits): ParsedDocument | undefined {
  const cut = withoutSchemas(chunk.text, limits.maxDepth)
  if (!cut) return undefined
  try {
    const loaded = load(cut.text, false, limits)
    if (loaded.aliased || !takeMarkers(loaded.value, cut.cut)) return undefined
    // The chunk keeps its own text, which locating parses whole.
    const parsed = checked(chunk, loaded, limits)
    return parsed.ok ? parsed : undefined
  } catch {
    return undefined
  }
}

/** The items of a `List` document (kind ending in List, items a sequence). */
export function listItems(value: unknown): unknown[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const {kind, items} = value as Record<string, unknown>
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(items) ? items : undefined
}

/** Parses a JSON text (a `.json` file); undefined when it is not strict JSON, for YAML to read it or say where it breaks. */
export function parseJson(chunk: DocumentChunk, limits: Limits = DEFAULT_LIMITS): ParsedDocument | undefined {
  let value: unknown
  try {
    value = JSON.parse(chunk.text)
  } catch {
    return undefined
  }

  // JSON has no aliases, but it can nest deeper than anything downstream should walk.
  return checked(chunk, {value, aliased: true}, limits)
}

/** The checks a parsed document must pass: aliases within budget and without cycles, and no unrendered template. */
function checked(chunk: DocumentChunk, loaded: Loaded, limits: Limits, duplicateKey?: {message: string; range: Range}): ParsedDocument {
  const {value} = loaded
  // Without an alias to a collection, js-yaml built a tree no larger than the text, and the listener bounded its depth.
  if (loaded.aliased) {
    const problem = checkGraph(value, chunk.text.length, limits)
    if (problem) {
      // Point at the first alias; in JSON, at the bracket that goes too deep.
      const at = loaded.aliasAt ?? (problem.kind === 'depth' ? jsonDepthOffset(chunk.text, limits.maxDepth) : 0)
      return {chunk, ok: false, type: 'limit', message: problem.message, range: rangeAt(chunk, at)}
    }
  }

  if (chunk.text.includes('{{') && hasTemplateKey(value)) {
    const message = `this is a template, not a Kubernetes manifest: {{ ... }} cannot stand unquoted in YAML. If it is a Helm chart, ${HELM_HINT}`
    return {chunk, ok: false, type: 'syntax', message, range: rangeAt(chunk, templateOffset(chunk.text))}
  }

  return duplicateKey ? {chunk, ok: true, value, duplicateKey} : {chunk, ok: true, value}
}

interface Loaded {
  value: unknown
  /** Whether an alias stands for a mapping or sequence (so the value is a graph, not a tree), or the value is JSON. */
  aliased: boolean
  /** Offset of the first alias that stands for a mapping or sequence. */
  aliasAt?: number
  /** The text js-yaml read: the document's text, with a line break and a NUL added. */
  input?: string
}

/**
 * Keeps the copy of the text js-yaml read as the document's text. js-yaml
 * reads its own copy (the text with a NUL added), and every string value of
 * 13 characters or more is a slice of that copy: kept alive by the values,
 * it would hold each document's text twice, beside the file's text. With the
 * chunk's text a slice of the same copy, the file's text can go.
 */
function shareText(chunk: DocumentChunk, loaded: Loaded): void {
  const {input} = loaded
  // js-yaml drops a leading byte-order mark; loadText removes them before, so this is only a guard.
  if (input !== undefined && input.length > chunk.text.length && chunk.text.charCodeAt(0) !== 0xfeff) chunk.text = input.slice(0, chunk.text.length)
}

/** Strings up to this length are shared (longer ones are slices of the document's text already, see `shareText`). */
const INTERN_LENGTH = 12
const INTERN_MAX = 50_000
const interned = new Map<string, string>()

/** One copy of each short string value (`http`, `TCP`, a name repeated in labels and selectors) for all documents. */
function intern(value: string): string {
  const known = interned.get(value)
  if (known !== undefined) return known
  if (interned.size >= INTERN_MAX) interned.clear()
  interned.set(value, value)
  return value
}

/** Parses with js-yaml, bounding depth; records the spans of the mappings three levels down (a List's items) when asked. */
function load(text: string, json: boolean, limits: Limits, spans?: Map<unknown, Span>): Loaded {
  let depth = 0
  let lastOpen = 0
  let itemOpen = 0
  let aliasAt: number | undefined
  let input: string | undefined
  // Nodes nest one level per mapping or sequence, and one more for the value at the bottom.
  const maxNodes = limits.maxDepth + 1
  const value = jsYaml.load(text, {
    schema: SCHEMA,
    json,
    // Called around every node: bounds the nesting before js-yaml's recursion gets anywhere near the stack's end.
    listener(event, state) {
      if (event === 'open') {
        input ??= state.input
        lastOpen = state.position
        if (++depth > maxNodes) {
          throw new LimitError(`document is nested more than ${limits.maxDepth} levels deep (limits.maxDepth): not read`, state.position)
        }

        // The document (1), its keys and values (2), the entries of those (3): a List's items.
        if (depth === 3) itemOpen = state.position
      } else {
        const kind = state.kind as string | null
        if (depth === 3 && spans && kind === 'mapping') spans.set(state.result, {start: itemOpen, end: state.position})
        // Keys too: they take no memory (V8 keeps one copy of each property name), but one js-yaml stores as a key already seen is stored faster.
        if (kind === 'scalar' && typeof state.result === 'string' && state.result.length <= INTERN_LENGTH) state.result = intern(state.result)
        // js-yaml grows a sequence by push, to 17 slots for one entry: a copy holds just its entries. Not one an alias may name.
        if (kind === 'sequence' && (state as unknown as {anchor: string | null}).anchor === null) state.result = (state.result as unknown[]).slice()
        depth--
        // An alias leaves the node's kind unset and its result the anchored value; it has no nodes inside, so it opened last.
        if (aliasAt === undefined && (state.kind as string | null) === null && state.result !== null && typeof state.result === 'object') {
          aliasAt = Math.max(lastOpen, text.indexOf('*', lastOpen))
        }
      }
    },
  })
  return {value, aliased: aliasAt !== undefined, aliasAt, input}
}

function failure(chunk: DocumentChunk, error: unknown, limits: Limits): ParsedDocument {
  if (error instanceof LimitError) {
    return {chunk, ok: false, type: 'limit', message: error.message, range: rangeAt(chunk, Math.min(error.offset, chunk.text.length))}
  }

  if (error instanceof jsYaml.YAMLException) {
    let at = Math.min(error.mark?.position ?? 0, chunk.text.length)
    // An error at the end of the stream is about what came last: point at its last character, not at the next document's marker.
    const end = chunk.text.trimEnd().length
    if (at >= end && end > 0) at = end - 1
    const range = rangeAt(chunk, at)
    if (error.reason.startsWith('duplicated mapping key')) {
      // Kubernetes rejects duplicate keys; report it, and still lint the document with the last value winning.
      try {
        const loaded = load(chunk.text, true, limits)
        shareText(chunk, loaded)
        return checked(chunk, loaded, limits, {message: `duplicate key ${quotedKeyAt(chunk.text, at)}`, range})
      } catch (error_) {
        return failure(chunk, error_, limits)
      }
    }

    return {chunk, ok: false, type: 'syntax', message: describeSyntaxError(error.reason, chunk.text), range}
  }

  if (error instanceof RangeError) {
    // Recursion in the parser: nesting deeper than the stack allows (limits.maxDepth set very high).
    return {chunk, ok: false, type: 'limit', message: 'document is nested too deeply for the YAML parser (limits.maxDepth is set higher than it can go): not read', range: rangeAt(chunk, 0)}
  }

  return {chunk, ok: false, type: 'syntax', message: `invalid YAML: ${String((error as Error)?.message ?? error)}`, range: rangeAt(chunk, 0)}
}

function describeSyntaxError(reason: string, text: string): string {
  let message = `invalid YAML: ${reason}`
  if (text.includes('{{')) {
    message += `. This looks like a Helm template: ${HELM_HINT}`
  } else if (/^\t|\n\t/.test(text) && /tab/i.test(reason) === false && /indent/i.test(reason)) {
    message += ' (tabs cannot indent YAML)'
  }

  return message
}

function quotedKeyAt(text: string, at: number): string {
  const lineEnd = text.indexOf('\n', at)
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, lineEnd === -1 ? undefined : lineEnd)
  const key = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(line)?.[1]
  return key ? `"${key.replace(/^["']|["']$/g, '')}"` : 'in mapping'
}

/**
 * Aliases can make a small document stand for a huge tree ("billion laughs"),
 * a deep one, or an endless one (`&a [*a]`). Walk the value as rules would see
 * it, iteratively, and stop at a budget a real document never reaches.
 */
function checkGraph(value: unknown, textLength: number, limits: Limits): {kind: 'cycle' | 'size' | 'depth'; message: string} | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const budget = textLength + limits.maxAliasNodes
  // Depth-first, with the path from the root kept to tell a cycle from a shared node.
  const onPath = new Set<object>()
  const stack: Array<{node: object; children: unknown[]; next: number}> = []
  let seen = 0
  const enter = (node: object): {kind: 'cycle' | 'size' | 'depth'; message: string} | undefined => {
    if (onPath.has(node)) return {kind: 'cycle', message: 'document refers to itself through an alias (a cycle): not read'}
    if (++seen > budget) {
      return {kind: 'size', message: `document expands to more than ${budget} nodes through aliases (limits.maxAliasNodes): not read`}
    }

    if (stack.length >= limits.maxDepth) {
      return {kind: 'depth', message: `document is nested more than ${limits.maxDepth} levels deep (limits.maxDepth): not read`}
    }

    onPath.add(node)
    stack.push({node, children: Array.isArray(node) ? node : Object.values(node), next: 0})
    return undefined
  }

  let problem = enter(value)
  while (!problem && stack.length > 0) {
    const top = stack.at(-1)!
    if (top.next === top.children.length) {
      onPath.delete(top.node)
      stack.pop()
      continue
    }

    const child = top.children[top.next++]
    if (child !== null && typeof child === 'object') problem = enter(child)
  }

  return problem
}

/** Offset of the bracket that opens the collection nested one level deeper than the limit, in JSON text. */
function jsonDepthOffset(text: string, maxDepth: number): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }

  return 0
}

/** Whether a mapping key is itself a mapping: js-yaml names it `[object Object]`, which is what `{{ x }}` reads as. */
function hasTemplateKey(value: unknown): boolean {
  const stack = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object') continue
    if (!Array.isArray(v) && Object.hasOwn(v, '[object Object]')) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push(child)
  }

  return false
}

/** Where the first unquoted `{{` stands: at the start of a line, an item or a value. */
function templateOffset(text: string): number {
  const m = /^[ \t]*(?:-[ \t]+)*(?:[^\s#'"{][^\n#]*?:[ \t]+)?(\{\{)/m.exec(text)
  return m ? m.index + m[0].length - 2 : Math.max(0, text.indexOf('{{'))
}

/** A one-character range at an offset of the chunk, in 1-based file coordinates. */
export function rangeAt(chunk: DocumentChunk, offset: number): Range {
  const start = positionIn(chunk, offset)
  return {start, end: {line: start.line, column: start.column + 1}}
}

/** Offsets of the starts of a text's lines. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/**
 * The 1-based file position of an offset inside a chunk. `starts`: the
 * chunk's `lineStarts`, for a caller that asks for many positions in one
 * chunk; without them, the lines before the offset are counted.
 */
export function positionIn(chunk: DocumentChunk, offset: number, starts?: readonly number[]): Position {
  // The last line start at or before the offset (a line break belongs to the line it ends).
  let line = 0
  let lineStart = 0
  if (starts) {
    let hi = starts.length - 1
    while (line < hi) {
      const mid = (line + hi + 1) >>> 1
      if (starts[mid]! <= offset) line = mid
      else hi = mid - 1
    }

    lineStart = starts[line]!
  } else {
    const {text} = chunk
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++
      lineStart = i + 1
    }
  }

  // Chunks start at the start of a line, so columns need no shift.
  return {line: chunk.line + line + 1, column: offset - lineStart + 1}
}
