/**
 * A file's parse result as bytes: what a parsing thread sends back (see
 * `threads.ts`) and what the parse cache keeps (see `cache.ts`) are the same
 * bytes.
 *
 * The bytes hold chunk bounds (a chunk's text and first line are taken from
 * the file's text again) and the parse results, written with `v8.serialize`,
 * which keeps what JSON loses (.nan, .inf, -0, an empty document, values an
 * alias shares). Bytes read back from a cache file are hostile input: `decodeParsed`
 * checks every chunk bound and every value before a document of them is used.
 */
import v8 from 'node:v8'
import type {Limits, Position, Range} from '../engine/types.js'
import type {DocumentChunk, ParsedDocument, Span} from './documents.js'
import type {ParsedText} from './parse.js'

interface StoredFile {
  chunks: Array<{offset: number; length: number; json: boolean; items?: Array<Span | undefined>}>
  parsed: StoredDocument[]
}

type StoredDocument =
  | {chunk: number; ok: true; value: unknown; duplicateKey?: {message: string; range: Range}}
  | {chunk: number; ok: false; type: 'syntax' | 'limit'; message: string; range: Range}

/** A parse result as bytes. */
export function encodeParsed(result: ParsedText): Uint8Array {
  const index = new Map(result.chunks.map((c, i) => [c, i]))
  const stored: StoredFile = {
    chunks: result.chunks.map((c) => ({offset: c.offset, length: c.text.length, json: c.json ?? false, ...(c.items ? {items: c.items} : {})})),
    parsed: result.parsed.map((p) => {
      const {chunk, ...rest} = p
      return {chunk: index.get(chunk)!, ...rest}
    }),
  }
  return v8.serialize(stored)
}

/**
 * Bytes read back against the file's text; undefined when anything about
 * them is wrong. `trusted`: the bytes come from a parsing thread of this run,
 * so values need no walk to prove them plain (bounds are checked all the same).
 */
export function decodeParsed(data: Uint8Array, text: string, limits: Limits, trusted = false): ParsedText | undefined {
  let stored: unknown
  try {
    stored = v8.deserialize(data)
  } catch {
    return undefined
  }

  if (!isPlainRecord(stored) || !Array.isArray(stored.chunks) || !Array.isArray(stored.parsed)) return undefined
  const chunks: DocumentChunk[] = []
  let end = 0
  let line = 0
  let lineAt = 0
  for (const [i, c] of stored.chunks.entries()) {
    if (!isPlainRecord(c) || !isCount(c.offset) || !isCount(c.length) || typeof c.json !== 'boolean') return undefined
    // Chunks follow each other inside the text, each starting a line.
    if (c.offset < end || c.offset + c.length > text.length || (c.offset > 0 && text[c.offset - 1] !== '\n')) return undefined
    for (let n = text.indexOf('\n', lineAt); n !== -1 && n < c.offset; n = text.indexOf('\n', n + 1)) line++
    lineAt = c.offset
    const chunk: DocumentChunk = {index: i, text: text.slice(c.offset, c.offset + c.length), offset: c.offset, line}
    if (c.json) chunk.json = true
    if (c.items !== undefined) {
      if (!Array.isArray(c.items)) return undefined
      for (const s of c.items as unknown[]) {
        if (s !== undefined && !(isPlainRecord(s) && isCount(s.start) && isCount(s.end) && s.start <= s.end && s.end <= c.length)) return undefined
      }

      chunk.items = c.items as Array<Span | undefined>
    }

    chunks.push(chunk)
    end = c.offset + c.length
  }

  const parsed: ParsedDocument[] = []
  for (const p of stored.parsed as unknown[]) {
    if (!isPlainRecord(p) || !isCount(p.chunk) || p.chunk >= chunks.length) return undefined
    const chunk = chunks[p.chunk]!
    if (p.ok === true) {
      if (!trusted && !isPlainValue(p.value, chunk.text.length + limits.maxAliasNodes)) return undefined
      if (p.duplicateKey === undefined) parsed.push({chunk, ok: true, value: p.value})
      else if (isPlainRecord(p.duplicateKey) && typeof p.duplicateKey.message === 'string' && isRange(p.duplicateKey.range)) {
        parsed.push({chunk, ok: true, value: p.value, duplicateKey: {message: p.duplicateKey.message, range: p.duplicateKey.range}})
      } else return undefined
    } else if (p.ok === false) {
      if ((p.type !== 'syntax' && p.type !== 'limit') || typeof p.message !== 'string' || !isRange(p.range)) return undefined
      parsed.push({chunk, ok: false, type: p.type, message: p.message, range: p.range})
    } else return undefined
  }

  return {chunks, parsed}
}

/**
 * A mapping as `v8.deserialize` gives one: a plain object. Stricter than
 * util/records' `isRecord`, which would take the Map, Date or Error a
 * serialised file can also hold.
 */
export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
}

export function isCount(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0
}

export function isPosition(v: unknown): v is Position {
  return isPlainRecord(v) && isCount(v.line) && v.line >= 1 && isCount(v.column) && v.column >= 1
}

export function isRange(v: unknown): v is Range {
  return isPlainRecord(v) && isPosition(v.start) && isPosition(v.end)
}

/**
 * What YAML and JSON parsing gives: null, booleans, numbers, strings, plain
 * mappings and dense arrays, within the node budget parsing enforces (a
 * cycle never ends, so it runs over it). Nothing else a serialised file can hold.
 */
export function isPlainValue(value: unknown, budget: number): boolean {
  // An empty document reads as undefined, at the top only.
  if (value === undefined) return true
  const stack: unknown[] = [value]
  let seen = 0
  while (stack.length > 0) {
    const v = stack.pop()
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') continue
    if (typeof v !== 'object' || ++seen > budget) return false
    const proto = Object.getPrototypeOf(v) as unknown
    if (proto === Array.prototype) {
      const array = v as unknown[]
      // A sparse array (holes) was not written by a parser.
      for (let i = 0; i < array.length; i++) {
        if (!(i in array)) return false
        stack.push(array[i])
      }
    } else if (proto === Object.prototype) {
      if (Object.getOwnPropertySymbols(v).length > 0) return false
      for (const key in v) stack.push((v as Record<string, unknown>)[key])
    } else return false
  }

  return true
}
