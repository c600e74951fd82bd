/**
 * The parse cache (`lint --cache`): the parsed documents of files whose text
 * has not changed since the last run are read back instead of parsed again.
 *
 * An entry is found by the file's absolute path and used only when the hash
 * of its text, the k8s-net version and every setting that changes parsing
 * (the limits, whether the file is read as JSON) match. The cache file is
 * hostile input like any other: one that is truncated, corrupted, from
 * another version or of another shape is ignored and rebuilt, and every
 * entry is checked after it is read back (offsets inside the text, plain
 * values only, no cycles) before a document of it is used.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import type {Limits, Position, Range} from '../engine/types.js'
import type {DocumentChunk, ParsedDocument, Span} from './documents.js'

/** A file's documents: the chunks it splits into and each one parsed. */
export interface ParsedText {
  chunks: DocumentChunk[]
  parsed: ParsedDocument[]
}

const MAGIC = 'k8s-net parse cache'
const FORMAT = 1
/** The name of the cache file inside a cache folder. */
export const CACHE_FILE_NAME = 'parse-cache.bin'
/** Entries of files not read in a run are kept up to this many, for runs over parts of a tree. */
const MAX_ENTRIES = 200_000

interface Entry {
  key: string
  data: Uint8Array
}

/** What is stored for one file: chunk bounds (their lines are counted again from the text) and parse results. */
interface StoredFile {
  chunks: Array<{offset: number; length: number; json: boolean; items?: Array<Span | undefined>}>
  parsed: StoredDocument[]
}

type StoredDocument =
  | {chunk: number; ok: true; value: unknown; duplicateKey?: {message: string; range: Range}}
  | {chunk: number; ok: false; type: 'syntax' | 'limit'; message: string; range: Range}

/**
 * The default cache folder: `node_modules/.cache/k8s-net` of the nearest
 * `node_modules` from `cwd` upward, else the system's cache folder.
 */
export function defaultCacheDirectory(cwd: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules')
    if (isDirectory(modules)) return path.join(modules, '.cache', 'k8s-net')
    if (path.dirname(dir) === dir) break
  }

  const home = os.homedir()
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'k8s-net', 'Cache')
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'k8s-net')
  const xdg = env.XDG_CACHE_HOME
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'k8s-net')
}

/** The cache file for `--cache-location`: a folder (existing, or written with a trailing slash) holds it; anything else is the file. */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(defaultCacheDirectory(cwd), CACHE_FILE_NAME)
  const full = path.resolve(cwd, location)
  return /[/\\]$/.test(location) || isDirectory(full) ? path.join(full, CACHE_FILE_NAME) : full
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

export interface ParseCacheOptions {
  /** The cache file (see `cacheFilePath`). */
  file: string
  /** The k8s-net version: a cache of another version is not used. */
  version: string
}

export class ParseCache {
  private readonly entries = new Map<string, Entry>()
  /** Files whose entry was used or written in this run, or whose old entry is kept. */
  private readonly touched = new Set<string>()
  private changed = false
  /** Files read back from the cache, and parsed, in this run (for tests and the benchmark). */
  hits = 0
  misses = 0

  private constructor(readonly options: ParseCacheOptions) {}

  /** Opens the cache file; one that is missing, unreadable or not a valid cache of this version starts empty. */
  static open(options: ParseCacheOptions): ParseCache {
    const cache = new ParseCache(options)
    let bytes: Buffer
    try {
      bytes = readFileSync(options.file)
    } catch {
      return cache
    }

    try {
      const container = v8.deserialize(bytes) as unknown
      if (!isRecord(container) || container.magic !== MAGIC || container.format !== FORMAT || container.version !== options.version) return cache
      const {entries} = container
      if (!Array.isArray(entries) || entries.length > MAX_ENTRIES) return cache
      for (const e of entries) {
        if (!Array.isArray(e) || e.length !== 3) return new ParseCache(options)
        const [file, key, data] = e as unknown[]
        if (typeof file !== 'string' || typeof key !== 'string' || !(data instanceof Uint8Array)) return new ParseCache(options)
        cache.entries.set(file, {key, data})
      }
    } catch {
      // Not a cache this version wrote: start again.
      return new ParseCache(options)
    }

    return cache
  }

  /**
   * The documents of a file: read back when its entry matches the text and
   * settings and passes the checks, else parsed by `parse` and stored.
   */
  parse(file: string, text: string, jsonFile: boolean, limits: Limits, parse: () => ParsedText): ParsedText {
    const key = createHash('sha256')
      .update(`${this.options.version}\0${limits.maxFileBytes}\0${limits.maxAliasNodes}\0${limits.maxDepth}\0${jsonFile}\0`)
      .update(text)
      .digest('base64')
    this.touched.add(file)
    const entry = this.entries.get(file)
    if (entry?.key === key) {
      const restored = restore(entry.data, text, limits)
      if (restored) {
        this.hits++
        return restored
      }
    }

    this.misses++
    const result = parse()
    this.entries.set(file, {key, data: store(result)})
    this.changed = true
    return result
  }

  /** Writes the cache file when anything changed (through a temporary file, so a reader never sees half of it); throws when it cannot. */
  save(): void {
    // Entries of files not read in this run are kept, newest last, up to the cap.
    const kept = [...this.entries].filter(([file]) => !this.touched.has(file))
    const used = [...this.entries].filter(([file]) => this.touched.has(file))
    const all = [...kept.slice(Math.max(0, kept.length + used.length - MAX_ENTRIES)), ...used]
    if (!this.changed && all.length === this.entries.size && existsSync(this.options.file)) return
    const bytes = v8.serialize({magic: MAGIC, format: FORMAT, version: this.options.version, entries: all.map(([file, e]) => [file, e.key, e.data])})
    mkdirSync(path.dirname(this.options.file), {recursive: true})
    const temporary = `${this.options.file}.${process.pid}.tmp`
    writeFileSync(temporary, bytes)
    renameSync(temporary, this.options.file)
  }
}

function store(result: ParsedText): Uint8Array {
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

/** An entry read back and checked against its text; undefined when anything about it is wrong. */
function restore(data: Uint8Array, text: string, limits: Limits): ParsedText | undefined {
  let stored: unknown
  try {
    stored = v8.deserialize(data)
  } catch {
    return undefined
  }

  if (!isRecord(stored) || !Array.isArray(stored.chunks) || !Array.isArray(stored.parsed)) return undefined
  const chunks: DocumentChunk[] = []
  let end = 0
  let line = 0
  let lineAt = 0
  for (const [i, c] of stored.chunks.entries()) {
    if (!isRecord(c) || !isCount(c.offset) || !isCount(c.length) || typeof c.json !== 'boolean') return undefined
    // Chunks follow each other inside the text, each starting a line.
    if (c.offset < end || c.offset + c.length > text.length || (c.offset > 0 && text[c.offset - 1] !== '\n')) return undefined
    for (let n = text.indexOf('\n', lineAt); n !== -1 && n < c.offset; n = text.indexOf('\n', n + 1)) line++
    lineAt = c.offset
    const chunk: DocumentChunk = {index: i, text: text.slice(c.offset, c.offset + c.length), offset: c.offset, line}
    if (c.json) chunk.json = true
    if (c.items !== undefined) {
      if (!Array.isArray(c.items)) return undefined
      for (const s of c.items as unknown[]) {
        if (s !== undefined && !(isRecord(s) && isCount(s.start) && isCount(s.end) && s.start <= s.end && s.end <= c.length)) return undefined
      }

      chunk.items = c.items as Array<Span | undefined>
    }

    chunks.push(chunk)
    end = c.offset + c.length
  }

  const parsed: ParsedDocument[] = []
  for (const p of stored.parsed as unknown[]) {
    if (!isRecord(p) || !isCount(p.chunk) || p.chunk >= chunks.length) return undefined
    const chunk = chunks[p.chunk]!
    if (p.ok === true) {
      if (!isPlainValue(p.value, chunk.text.length + limits.maxAliasNodes)) return undefined
      if (p.duplicateKey === undefined) parsed.push({chunk, ok: true, value: p.value})
      else if (isRecord(p.duplicateKey) && typeof p.duplicateKey.message === 'string' && isRange(p.duplicateKey.range)) {
        parsed.push({chunk, ok: true, value: p.value, duplicateKey: {message: p.duplicateKey.message, range: p.duplicateKey.range}})
      } else return undefined
    } else if (p.ok === false) {
      if ((p.type !== 'syntax' && p.type !== 'limit') || typeof p.message !== 'string' || !isRange(p.range)) return undefined
      parsed.push({chunk, ok: false, type: p.type, message: p.message, range: p.range})
    } else return undefined
  }

  return {chunks, parsed}
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
}

function isCount(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0
}

function isPosition(v: unknown): v is Position {
  return isRecord(v) && isCount(v.line) && v.line >= 1 && isCount(v.column) && v.column >= 1
}

function isRange(v: unknown): v is Range {
  return isRecord(v) && isPosition(v.start) && isPosition(v.end)
}

/**
 * What YAML and JSON parsing gives: null, booleans, numbers, strings, plain
 * mappings and dense arrays, within the node budget parsing enforces (a
 * cycle never ends, so it runs over it). Nothing else a serialised file can hold.
 */
function isPlainValue(value: unknown, budget: number): boolean {
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
