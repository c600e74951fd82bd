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
 * server accepts.
 */
import jsYaml from 'js-yaml'
import type {Position, Range} from '../engine/types.js'

// @types/js-yaml does not declare the built-in types the package exports at run time.
const {merge} = (jsYaml as unknown as {types: {merge: jsYaml.Type}}).types
const SCHEMA = jsYaml.CORE_SCHEMA.extend([merge])

/** One YAML document's text and where it starts in its file. */
export interface DocumentChunk {
  /** 0-based index in the file. */
  index: number
  text: string
  /** Offset of `text` in the file. */
  offset: number
  /** 0-based line of `text`'s first character in the file. */
  line: number
}

export interface Limits {
  /** Files larger than this are not parsed (bytes). */
  maxFileBytes: number
  /** Alias expansion budget: the number of nodes a document may grow to through aliases, beyond its own size. */
  maxAliasNodes: number
  /** Nesting depth of mappings and sequences. */
  maxDepth: number
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxAliasNodes: 100_000,
  maxDepth: 500,
}

export type ParsedDocument =
  | {chunk: DocumentChunk; ok: true; value: unknown; duplicateKey?: {message: string; range: Range}}
  | {chunk: DocumentChunk; ok: false; type: 'syntax' | 'limit'; message: string; range: Range}

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
  return /^(?:\s*(?:%[^\n]*|#[^\n]*)?\n)*\s*$/.test(head) && head.includes('%')
}

/** Parses one document chunk; never throws. */
export function parseDocument(chunk: DocumentChunk, limits: Limits = DEFAULT_LIMITS): ParsedDocument {
  try {
    const value = load(chunk.text, false)
    const limit = checkExpansion(value, chunk.text, limits)
    if (limit) return {chunk, ok: false, type: 'limit', message: limit, range: rangeAt(chunk, 0)}
    return {chunk, ok: true, value}
  } catch (error) {
    return failure(chunk, error, limits)
  }
}

function load(text: string, json: boolean): unknown {
  return jsYaml.load(text, {schema: SCHEMA, json})
}

function failure(chunk: DocumentChunk, error: unknown, limits: Limits): ParsedDocument {
  if (error instanceof jsYaml.YAMLException) {
    let at = Math.min(error.mark?.position ?? 0, chunk.text.length)
    // An error at the end of the stream is about what came last: point there, not at the next document's marker.
    while (at > 0 && /\s/.test(chunk.text[at - 1] ?? '') && chunk.text.slice(at).trim() === '') at--
    if (at > 0 && chunk.text.slice(at).trim() === '' && at === chunk.text.trimEnd().length) at--
    const range = rangeAt(chunk, at)
    if (error.reason.startsWith('duplicated mapping key')) {
      // Kubernetes rejects duplicate keys; report it, and still lint the document with the last value winning.
      try {
        const value = load(chunk.text, true)
        const limit = checkExpansion(value, chunk.text, limits)
        if (limit) return {chunk, ok: false, type: 'limit', message: limit, range: rangeAt(chunk, 0)}
        return {chunk, ok: true, value, duplicateKey: {message: `duplicate key ${quotedKeyAt(chunk.text, at)}`, range}}
      } catch (error_) {
        return failure(chunk, error_, limits)
      }
    }

    return {chunk, ok: false, type: 'syntax', message: describeSyntaxError(error.reason, chunk.text), range}
  }

  if (error instanceof RangeError) {
    // Recursion in the parser: nesting far deeper than any manifest has.
    return {chunk, ok: false, type: 'limit', message: 'document is nested too deeply to read', range: rangeAt(chunk, 0)}
  }

  return {chunk, ok: false, type: 'syntax', message: String((error as Error)?.message ?? error), range: rangeAt(chunk, 0)}
}

function describeSyntaxError(reason: string, text: string): string {
  let message = `invalid YAML: ${reason}`
  if (text.includes('{{')) {
    message += '. This looks like a Helm template: render it first, for example `helm template . | k8s-net lint -`'
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
 * Aliases can make a small document stand for a huge tree ("billion laughs"), and
 * `&a [*a]` for an endless one. Count nodes as the rules would see them,
 * iteratively, and stop at a budget a real document never reaches.
 */
function checkExpansion(value: unknown, text: string, limits: Limits): string | undefined {
  // Without an anchor and an alias a document is a tree no larger than its text: nothing to check.
  if (value === null || typeof value !== 'object' || !text.includes('&') || !text.includes('*')) return undefined
  const textLength = text.length
  const budget = textLength + limits.maxAliasNodes
  const stack: Array<{v: unknown; depth: number}> = [{v: value, depth: 1}]
  let seen = 0
  while (stack.length > 0) {
    const {v, depth} = stack.pop()!
    if (depth > limits.maxDepth) return `document is nested deeper than ${limits.maxDepth} levels (limits.maxDepth)`
    if (++seen > budget) {
      return `document expands to more than ${budget} nodes through aliases (limits.maxAliasNodes): refusing to read it`
    }

    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push({v: item, depth: depth + 1})
    } else if (v !== null && typeof v === 'object') {
      for (const key in v) {
        const item = (v as Record<string, unknown>)[key]
        if (item !== null && typeof item === 'object') stack.push({v: item, depth: depth + 1})
      }
    }
  }

  return undefined
}

/** A one-character range at an offset of the chunk, in 1-based file coordinates. */
export function rangeAt(chunk: DocumentChunk, offset: number): Range {
  const start = positionIn(chunk, offset)
  return {start, end: {line: start.line, column: start.column + 1}}
}

/** The 1-based file position of an offset inside a chunk. */
export function positionIn(chunk: DocumentChunk, offset: number): Position {
  const text = chunk.text
  let line = chunk.line
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }

  // Chunks start at the start of a line, so columns need no shift.
  return {line: line + 1, column: offset - lineStart + 1}
}
