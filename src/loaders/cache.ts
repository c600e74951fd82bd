/**
 * The cache of `lint --cache`: what a run over unchanged input can reuse.
 *
 * - For each file, by its absolute path: its parsed documents, and the
 *   ranges findings were located at. Used when the hash of the file's bytes,
 *   the k8s-net version and every setting that changes parsing (the limits,
 *   whether the file is read as JSON) match; then the file is not parsed,
 *   and its findings are not parsed again to be located.
 * - For each file, what `stat` said of it when it was read (size, times,
 *   inode, device): when all of that is the same, the file has not been
 *   written since, and its hash is the one kept (see `knownHash`).
 * - The last run's whole result, under a key of everything that decides it
 *   (see `runKey` in src/run.ts): when the key matches, nothing is parsed
 *   and no rule runs.
 *
 * The file holds a small header (what is where) and then each part as its
 * own bytes, so that a run reads back only what it uses. The cache file is
 * hostile input like any other: one that is truncated, corrupted, from
 * another version or of another shape is ignored and rebuilt, and every part
 * is checked after it is read back (offsets inside the text, plain values
 * only, no cycles, a result of the right shape) before it is used.
 */
import {createHash} from 'node:crypto'
import {closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import v8 from 'node:v8'
import type {Stats} from 'node:fs'
import type {Limits, Range} from '../engine/types.js'
import type {Unreadable} from '../util/bytes.js'
import type {LintResult} from '../engine/engine.js'
import type {FileLocator, Located} from './locate.js'
import type {ParsedText} from './parse.js'
import {decodeParsed, encodeParsed, isCount, isPlainValue, isPosition, isPlainRecord, isRange} from './parsed-bytes.js'

/** The first bytes of a cache file. */
const MAGIC = Buffer.from('k8s-net cache\n')
const FORMAT = 3
/** The name of the cache file inside a cache folder. */
export const CACHE_FILE_NAME = 'parse-cache.bin'
/** Entries of files not read in a run are kept up to this many, for runs over parts of a tree. */
const MAX_ENTRIES = 200_000
/** A stored run result is read back within this many nodes (findings and what they hold). */
const MAX_RESULT_NODES = 50_000_000
/**
 * A file changed this recently when it was read may be written again within
 * the same tick of its file system's clock (some keep whole seconds, FAT two),
 * leaving size and times as they were: its stat is not kept.
 */
const RACY_MS = 3000

interface Entry {
  key: string
  /** The parsed documents, as bytes: read from the cache file when first needed (see `Stored`), or written in this run. */
  data: Uint8Array | Stored
  /** The ranges located in the file, as bytes; `locator` has them when the file was read in this run. */
  located?: Uint8Array | Stored
  locator?: FileLocator
  /** What `statKey` gave when the file was read with the bytes `key` hashes; empty when not to be trusted. */
  stat: string
}

/** A part of the cache file not read yet: where it is in the bytes after the header. */
interface Stored {
  at: number
  length: number
}

/** The header: where each part is, in the bytes that follow it. */
interface Header {
  format: number
  version: string
  run?: {key: string; at: number; length: number}
  files: Array<[file: string, key: string, at: number, length: number, locatedAt: number, locatedLength: number, stat: string]>
}

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
  /** The k8s-net version: a cache of another version, or of another build of it, is not used. */
  version: string
}

/**
 * When this build of k8s-net was written (the time of this module's file):
 * a clone built again does not reuse what an older build kept, though its
 * version is the same. (npm gives installed files one fixed time: there the
 * version alone tells builds apart.)
 */
function buildStamp(): string {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs)
  } catch {
    return ''
  }
}

export class ParseCache {
  private readonly entries = new Map<string, Entry>()
  /** Files whose entry was used or written in this run. */
  private readonly touched = new Set<string>()
  /** What `stat` said of the files read in this run, and the hash of what was read. */
  private readonly stats = new Map<string, {stat: string; hash: string}>()
  private run?: {key: string; data: Uint8Array}
  /**
   * The cache file as `open` found it: its bytes up to the parts, and its size. The parts of files are read only
   * when a run needs one (a run whose whole result is reused needs none), from the file then, when it still begins
   * with the same bytes and is as long; else they are taken as missing.
   */
  private source?: {prefix: Buffer; size: number; body?: Buffer | null}
  private changed = false
  /** Files read back from the cache, and parsed, in this run (for tests and the benchmark). */
  hits = 0
  misses = 0
  /** Files `stat` showed as they were when their hash was kept: read in this run only if their text was needed. */
  unread = 0
  /** Whether this run's whole result was the stored one. */
  reused = false
  /** Whether a file changed between `stat` and its reading in this run: the run's result is not kept. */
  changedWhileRead = false

  private constructor(readonly options: ParseCacheOptions) {}

  /** Opens the cache file; one that is missing, unreadable or not a valid cache of this version starts empty. The parts of files are read when first needed. */
  static open(given: ParseCacheOptions): ParseCache {
    const options = {...given, version: `${given.version} ${buildStamp()}`}
    const cache = new ParseCache(options)
    let fd: number
    try {
      fd = openSync(options.file, 'r')
    } catch {
      return cache
    }

    try {
      const size = fstatSync(fd).size
      const read = (at: number, length: number): Buffer => {
        const bytes = Buffer.alloc(length)
        if (readSync(fd, bytes, 0, length, at) !== length) throw new Error('cache file shorter than it says')
        return bytes
      }

      if (size < MAGIC.length + 4) return cache
      const start = read(0, MAGIC.length + 4)
      if (!start.subarray(0, MAGIC.length).equals(MAGIC)) return cache
      const bodyAt = MAGIC.length + 4 + start.readUInt32LE(MAGIC.length)
      if (bodyAt > size) return cache
      const prefix = Buffer.concat([start, read(start.length, bodyAt - start.length)])
      const header = v8.deserialize(prefix.subarray(MAGIC.length + 4)) as unknown
      if (!isPlainRecord(header) || header.format !== FORMAT || header.version !== options.version) return cache
      const bodyLength = size - bodyAt
      const part = (at: unknown, length: unknown): Stored | undefined => (isCount(at) && isCount(length) && at + length <= bodyLength ? {at, length} : undefined)
      const {files, run} = header
      if (!Array.isArray(files) || files.length > MAX_ENTRIES) return cache
      for (const e of files as unknown[]) {
        if (!Array.isArray(e) || e.length !== 7) return new ParseCache(options)
        const [file, key, at, length, locatedAt, locatedLength, stat] = e as unknown[]
        const data = part(at, length)
        const located = part(locatedAt, locatedLength)
        if (typeof file !== 'string' || typeof key !== 'string' || typeof stat !== 'string' || !data || !located) return new ParseCache(options)
        cache.entries.set(file, {key, data, stat, ...(located.length > 0 ? {located} : {})})
      }

      if (run !== undefined) {
        const stored = isPlainRecord(run) && typeof run.key === 'string' ? part(run.at, run.length) : undefined
        if (!stored) return new ParseCache(options)
        cache.run = {key: (run as {key: string}).key, data: read(bodyAt + stored.at, stored.length)}
      }

      cache.source = {prefix, size}
    } catch {
      // Not a cache this version wrote: start again.
      return new ParseCache(options)
    } finally {
      closeSync(fd)
    }

    return cache
  }

  /** The bytes of a part: read from the cache file (all its parts at once, the first time one is needed); undefined when the file is no longer the one `open` read. */
  private bytesOf(part: Uint8Array | Stored): Uint8Array | undefined {
    if (part instanceof Uint8Array) return part
    const source = this.source
    if (!source) return undefined
    if (source.body === undefined) {
      source.body = null
      try {
        const bytes = readFileSync(this.options.file)
        if (bytes.length === source.size && bytes.subarray(0, source.prefix.length).equals(source.prefix)) source.body = bytes.subarray(source.prefix.length)
      } catch {
        // Gone since: every part is missing.
      }
    }

    return source.body?.subarray(part.at, part.at + part.length)
  }

  /**
   * The hash of a file's bytes kept from a run that read it, when `stat` says
   * it has not been written since: the same size, modification and change
   * times (no tool sets the change time back), inode and device. Undefined
   * otherwise: the file is read and hashed.
   */
  knownHash(file: string, stat: Stats): string | undefined {
    const entry = this.entries.get(file)
    if (!entry?.stat || entry.stat !== statKey(stat)) return undefined
    this.unread++
    return entry.key.slice(0, entry.key.indexOf('\0'))
  }

  /**
   * The bytes of a file `knownHash` vouched for, read later: when they hash
   * otherwise (written in between), `rehash` is given their hash, and this
   * run keeps no result, whose key holds the hash kept.
   */
  verified(hash: string, bytes: Buffer | Unreadable, rehash: (hash: string) => void): Buffer | Unreadable {
    const now = Buffer.isBuffer(bytes) ? this.contentHash(bytes) : undefined
    if (now === hash) return bytes
    if (now !== undefined) rehash(now)
    this.changedWhileRead = true
    return bytes
  }

  /** Notes what `stat` said of a file before its bytes were read and hashed: kept with the entry of that hash. */
  noteStat(file: string, stat: Stats, hash: string): void {
    const racy = Math.max(stat.mtimeMs, stat.ctimeMs) > Date.now() - RACY_MS
    this.stats.set(file, {stat: racy ? '' : statKey(stat), hash})
  }

  /** The hash of a file's bytes (or of a text, as its UTF-8 bytes), as the keys use it. */
  contentHash(content: Uint8Array | string): string {
    return createHash('sha256').update(content).digest('base64')
  }

  /**
   * The key of a run's result: the hash of everything that decides it (see
   * src/run.ts), each part after its length. A part that is a list of strings
   * (a file's name and hash) is hashed as its strings; any other is serialised
   * first, which takes some microseconds a part: a run over thousands of files
   * would pay milliseconds. Throws for a part that does not serialise.
   */
  runKey(parts: Iterable<unknown>): string {
    const hash = createHash('sha256')
    for (const part of parts) {
      if (Array.isArray(part) && part.every((s) => typeof s === 'string')) {
        hash.update(`t${part.length}`)
        for (const text of part as string[]) hash.update(`:${text.length}:`).update(text)
      } else {
        const bytes = v8.serialize(part)
        hash.update(`v${bytes.length}:`).update(bytes)
      }
    }

    return hash.digest('base64')
  }

  /** The key of a file's parse: its text's hash and every setting that changes parsing. */
  fileKey(hash: string, jsonFile: boolean, limits: Limits): string {
    return `${hash}\0${this.options.version}\0${limits.maxFileBytes}\0${limits.maxAliasNodes}\0${limits.maxDepth}\0${jsonFile}`
  }

  /** A file's documents read back, when its entry has `key` and passes the checks; counted as a hit. */
  lookup(file: string, key: string, text: string, limits: Limits): ParsedText | undefined {
    this.touched.add(file)
    const entry = this.entries.get(file)
    if (entry?.key !== key) return undefined
    const data = this.bytesOf(entry.data)
    const restored = data && decodeParsed(data, text, limits)
    if (!restored) return undefined
    this.hits++
    return restored
  }

  /** Keeps a file's documents, parsed in this run (`bytes`: as a parsing thread sent them); counted as a miss. */
  store(file: string, key: string, result: ParsedText, bytes?: Uint8Array): void {
    this.touched.add(file)
    this.misses++
    this.entries.set(file, {key, data: bytes ?? encodeParsed(result), stat: ''})
    this.changed = true
  }

  /**
   * The ranges located in a file before, when its entry has `key` (that is,
   * the same text); an entry whose ranges do not read back, or fall outside
   * the text's `lines`, has none.
   */
  located(file: string, key: string, lines: number): Located | undefined {
    const entry = this.entries.get(file)
    const bytes = entry?.key === key && entry.located ? this.bytesOf(entry.located) : undefined
    if (!bytes) return undefined
    try {
      const pairs = v8.deserialize(bytes) as unknown
      if (!Array.isArray(pairs)) return undefined
      const located: Located = new Map()
      for (const pair of pairs as unknown[]) {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') return undefined
        const range = pair[1] as unknown
        if (range !== null && !(isRange(range) && range.start.line <= lines && range.end.line <= lines)) return undefined
        located.set(pair[0], range === null ? undefined : (range as Range))
      }

      return located
    } catch {
      return undefined
    }
  }

  /** The locator of a file read in this run: the ranges it finds are kept when the cache is saved. */
  attach(file: string, locator: FileLocator): void {
    const entry = this.entries.get(file)
    if (entry) entry.locator = locator
  }

  /** The stored result of a run whose key is `key`, when it reads back and is the shape `lint` gives. */
  result(key: string): LintResult | undefined {
    if (this.run?.key !== key) return undefined
    try {
      const value = v8.deserialize(this.run.data) as unknown
      if (!isPlainValue(value, MAX_RESULT_NODES) || !isLintResult(value)) return undefined
      this.reused = true
      return value
    } catch {
      return undefined
    }
  }

  /** Keeps a run's whole result under its key (a plain value); replaces the one kept before. None when a file changed as it was read. */
  keepResult(key: string, value: unknown): void {
    if (this.changedWhileRead) return this.dropResult()
    this.run = {key, data: v8.serialize(value)}
    this.changed = true
  }

  /** Forgets the stored run result: a run that cannot have one (standard input, a cluster) leaves none behind. */
  dropResult(): void {
    if (this.run) this.changed = true
    this.run = undefined
  }

  /** Writes the cache file when anything changed (through a temporary file, so a reader never sees half of it); throws when it cannot. */
  save(): void {
    // Ranges located in this run, beside the parsed documents they belong to.
    for (const entry of this.entries.values()) {
      const located = entry.locator?.newlyLocated
      if (!located) continue
      entry.located = v8.serialize([...located].map(([key, range]) => [key, range ?? null]))
      this.changed = true
    }

    // What stat said of the files read, beside the entry of the bytes they were read with.
    for (const [file, noted] of this.stats) {
      const entry = this.entries.get(file)
      const stat = entry?.key.startsWith(`${noted.hash}\0`) ? noted.stat : ''
      if (!entry || entry.stat === stat) continue
      entry.stat = stat
      this.changed = true
    }

    // Entries of files not read in this run are kept, newest last, up to the cap.
    const kept = [...this.entries].filter(([file]) => !this.touched.has(file))
    const used = [...this.entries].filter(([file]) => this.touched.has(file))
    const all = [...kept.slice(Math.max(0, kept.length + used.length - MAX_ENTRIES)), ...used]
    if (!this.changed && all.length === this.entries.size && existsSync(this.options.file)) return

    const parts: Uint8Array[] = []
    let at = 0
    const place = (data: Uint8Array): [number, number] => {
      parts.push(data)
      at += data.length
      return [at - data.length, data.length]
    }

    const header: Header = {format: FORMAT, version: this.options.version, files: []}
    if (this.run) {
      const [runAt, length] = place(this.run.data)
      header.run = {key: this.run.key, at: runAt, length}
    }

    for (const [file, entry] of all) {
      // An entry whose bytes cannot be read back (the file was replaced since it was opened) is left out.
      const data = this.bytesOf(entry.data)
      const located = entry.located ? this.bytesOf(entry.located) : new Uint8Array()
      if (data && located) header.files.push([file, entry.key, ...place(data), ...place(located), entry.stat])
    }

    const head = v8.serialize(header)
    const size = Buffer.alloc(4)
    size.writeUInt32LE(head.length)
    mkdirSync(path.dirname(this.options.file), {recursive: true})
    const temporary = `${this.options.file}.${process.pid}.tmp`
    writeFileSync(temporary, Buffer.concat([MAGIC, size, head, ...parts]))
    renameSync(temporary, this.options.file)
  }
}

/** What `stat` says of a file that changes whenever it is written. */
const statKey = (s: Stats): string => `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}:${s.dev}`

/** A run result read back: the shape `lint` gives, checked field by field before it is trusted (isPlainValue has checked it holds plain values only). */
function isLintResult(value: unknown): value is LintResult {
  if (!isPlainRecord(value) || !Array.isArray(value.findings) || !isStrings(value.files) || !isStrings(value.rules)) return false
  if (!isCount(value.objects) || !isCount(value.suppressed) || !isCount(value.skipped)) return false
  return value.findings.every((f: unknown) => {
    if (!isPlainRecord(f) || typeof f.ruleId !== 'string' || typeof f.messageId !== 'string' || typeof f.message !== 'string') return false
    if (f.severity !== 'error' && f.severity !== 'warning' && f.severity !== 'info') return false
    if (f.file !== undefined && typeof f.file !== 'string') return false
    if (!optionalPosition(f.start) || !optionalPosition(f.end) || (f.fix !== undefined && typeof f.fix !== 'string')) return false
    if (f.path !== undefined && !(Array.isArray(f.path) && f.path.every((s) => typeof s === 'string' || isCount(s)))) return false
    if (f.object !== undefined && !(isPlainRecord(f.object) && typeof f.object.kind === 'string' && typeof f.object.name === 'string')) return false
    return f.related === undefined || (Array.isArray(f.related) && f.related.every((r) => isPlainRecord(r) && typeof r.message === 'string' && optionalPosition(r.start) && optionalPosition(r.end)))
  })
}

const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string')
const optionalPosition = (v: unknown): boolean => v === undefined || isPosition(v)
