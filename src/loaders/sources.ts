/**
 * The loaders' entry point: paths in (files, folders, globs, `-` for
 * standard input); resources, incomplete documents and problems out. Never
 * throws for bad content; throws InputError (exit 2) for a path that cannot
 * be read at all, and for standard input, a folder or a pattern that holds
 * no object at all. The work is done by `paths.ts` (which files), `bytes.ts`
 * (reading them, bounded) and `objects.ts` (parsing them).
 */
import {type Stats, statSync} from 'node:fs'
import path from 'node:path'
import {STDIN, type SyntaxProblem} from '../engine/types.js'
import {type ByteLimit, decodeText, fileLimit, isUnreadable, overLimit, readFileBounded, stripBom, type Unreadable} from '../util/bytes.js'
import type {ParseCache} from './cache.js'
import {DEFAULT_LIMITS} from './documents.js'
import {addParsed, LoadedInput, type LoadOptions, type PreparedText, prepareText} from './objects.js'
import {type ParsedText, parseText} from './parse.js'
import {type ExpandedPaths, expandPaths, InputError} from './paths.js'
import {type ParseJob, parseFiles} from './threads.js'

export {expandPaths, type ExpandedPaths, InputError, withoutFiles} from './paths.js'
export {LoadedInput, type LoadOptions, loadText, makeResource} from './objects.js'

/** Reads and parses paths: files, directories, globs, `-` (see `expandPaths`). */
export async function loadPaths(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadedInput> {
  return loadFiles(await expandPaths(inputs, options.cwd ?? process.cwd()), options)
}

/** Reads and parses files already expanded by `expandPaths`. */
export async function loadFiles(expanded: ExpandedPaths, options: LoadOptions = {}): Promise<LoadedInput> {
  return parseRead(await readFiles(expanded, options), options)
}

/** Files expanded and read, not yet parsed. */
export interface ReadFiles {
  expanded: ExpandedPaths
  /** Each of `expanded.files`, in order: its name (for `-`, what standard input stands for), and its text or why it is not read. */
  read: ReadFile[]
}

/** A file's bytes, read or to be read, and the limit its text is decoded within. */
interface Bytes {
  limit: ByteLimit
  /** The bytes, when read. */
  bytes?: Buffer
  /** Reads them (a file `stat` says is unchanged since the cache kept its hash): a file that cannot be read any more says why. */
  read?: () => Buffer | Unreadable
  /** Its absolute path and what `stat` said of it before it was read, for the parse cache to keep with its hash. */
  stat?: {path: string; stats: Stats}
}

/**
 * One file read: its path as expanded, its name (for `-`, what standard
 * input stands for), its text or why it is not read. With the parse cache,
 * a file's bytes are kept and decoded only when its text is asked for, and
 * a file the cache knows unchanged is read only then: a run whose stored
 * result is reused neither reads nor decodes those.
 */
export class ReadFile {
  private decoded?: string | Unreadable
  private readonly bytes?: Bytes

  constructor(
    readonly file: string,
    readonly name: string,
    read: string | Unreadable | Bytes,
    /** The hash of the file's bytes (or of standard input's text), once known (see `contentHashOf`). */
    public hash?: string,
  ) {
    if (typeof read === 'string' || 'problem' in read) this.decoded = read
    else this.bytes = read
  }

  /** The text (a byte-order mark dropped), or why it is not read (not UTF-8, binary, too large, not readable). */
  get text(): string | Unreadable {
    if (this.decoded === undefined) {
      const source = this.bytes!
      const bytes = source.bytes ?? source.read!()
      this.decoded = isUnreadable(bytes) ? bytes : decodeText(bytes, source.limit, 'file')
    }

    return this.decoded
  }

  /** What decides the text: the bytes as read, the text, or why the file is not read. */
  get content(): Buffer | string | Unreadable {
    return this.bytes?.bytes ?? this.text
  }

  /** What `stat` said of the file before its bytes were read. */
  get stat(): Bytes['stat'] {
    return this.bytes?.stat
  }
}

/**
 * The hash of a file's content (its bytes, or standard input's text), computed once; undefined for a file that is
 * not read. Text without a byte-order mark hashes as its UTF-8 bytes do.
 */
export function contentHashOf(cache: ParseCache, entry: ReadFile): string | undefined {
  if (entry.hash === undefined) {
    const {content} = entry
    if (typeof content !== 'string' && !Buffer.isBuffer(content)) return undefined
    entry.hash = cache.contentHash(content)
    const {stat} = entry
    if (stat && Buffer.isBuffer(content)) cache.noteStat(stat.path, stat.stats, entry.hash)
  }

  return entry.hash
}

/** Reads the files expanded by `expandPaths`, all of them before any is parsed. */
export async function readFiles(expanded: ExpandedPaths, options: LoadOptions = {}): Promise<ReadFiles> {
  const cwd = options.cwd ?? process.cwd()
  const read: ReadFiles['read'] = []
  for (const file of expanded.files) {
    const name = file === '-' ? (options.stdinFilename ?? STDIN) : file
    read.push(await readInput(file, name, options, cwd, expanded.found.has(file)))
  }

  return {expanded, read}
}

/**
 * Parses files read by `readFiles`: each from the parse cache when it holds
 * it, the others on several threads when there is enough to parse (see
 * `threads.ts`), standard input on the main thread; then builds objects in
 * the order of the files, whatever order they were parsed in.
 */
export async function parseRead({expanded, read}: ReadFiles, options: LoadOptions = {}): Promise<LoadedInput> {
  const cwd = options.cwd ?? process.cwd()
  const limits = options.limits ?? DEFAULT_LIMITS
  const {cache} = options
  const loaded = new LoadedInput()
  const reference = options.reference ?? false

  interface Pending {
    prepared: PreparedText
    parsed?: ParsedText
    /** The cache's key and name for the file, when the cache is used for it. */
    cached?: {file: string; key: string}
    job?: number
  }

  const pending: Array<Pending | undefined> = []
  const jobs: ParseJob[] = []
  const stdin: number[] = []
  for (const [i, entry] of read.entries()) {
    const {file, name, text} = entry
    if (typeof text !== 'string') {
      pending.push(undefined)
      continue
    }

    const p: Pending = {prepared: prepareText(name, text, options)}
    pending.push(p)
    if (file === '-') {
      stdin.push(i)
      continue
    }

    if (cache) {
      p.cached = {file: path.resolve(cwd, file), key: cache.fileKey(contentHashOf(cache, entry)!, p.prepared.json, limits)}
      p.parsed = cache.lookup(p.cached.file, p.cached.key, p.prepared.text, limits)
    }

    if (!p.parsed) p.job = jobs.push(p.prepared) - 1
  }

  // Standard input is one text, parsed on the main thread.
  for (const i of stdin) pending[i]!.parsed = parseText(pending[i]!.prepared.text, pending[i]!.prepared.json, limits)
  const outcomes = await parseFiles(jobs, limits, {threads: options.threads, worker: options.worker, keepBytes: cache !== undefined})

  const gave = new Map<string, number>()
  for (const [i, {file, name, text}] of read.entries()) {
    const before = loaded.count
    // Files given as reference are read, not linted: the summary does not count them.
    if (!reference) loaded.files.push(name)
    const p = pending[i]
    if (p && typeof text === 'string') {
      let parsed = p.parsed
      if (p.job !== undefined) {
        const outcome = outcomes[p.job]!
        parsed = outcome.result
        if (p.cached) cache!.store(p.cached.file, p.cached.key, outcome.result, outcome.bytes)
      }

      // With the cache, ranges are kept for the next run: those found before, and those found now.
      const located = p.cached && (cache!.located(p.cached.file, p.cached.key, lineCount(p.prepared.text)) ?? new Map())
      const locator = addParsed(loaded, name, p.prepared, parsed!, options, located)
      if (p.cached) cache!.attach(p.cached.file, locator)
    } else if (typeof text !== 'string') {
      loaded.problems.push(notRead(name, text, reference))
    }

    gave.set(file, loaded.count - before)
  }

  for (const {file, problem} of expanded.unreadable) {
    if (!reference) loaded.files.push(file)
    loaded.problems.push(notRead(file, {problem}, reference))
  }

  if (!reference) for (const s of expanded.skipped) loaded.skipped.push(s)
  // Nothing at all from standard input, a folder or a pattern: a failed `helm template ... |` or a wrong folder, not a clean run.
  for (const group of expanded.groups) {
    if (group.files.some((f) => (gave.get(f) ?? 0) > 0)) continue
    if (group.kind === 'stdin') {
      throw new InputError('standard input holds no Kubernetes object (it is empty, or only comments): did the command before the pipe fail? (`set -o pipefail` makes a shell pipe fail with it)', STDIN)
    }

    // Entries it could not read are reported: they may hold the objects.
    if (group.unreadable > 0) continue
    const where = group.kind === 'directory' ? `directory ${group.input}` : `the files matching ${group.input}`
    const what = group.files.length === 1 ? 'its one file is' : `its ${group.files.length} files are`
    throw new InputError(`no Kubernetes object in ${where}: ${what} empty or only comments`, group.input)
  }

  return loaded
}

function lineCount(text: string): number {
  let lines = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  return lines
}

/** A file that is not read (too big, binary, not UTF-8, unreadable), as a problem at its first line, or where it shows. */
function notRead(file: string, unreadable: Unreadable, reference: boolean): SyntaxProblem {
  const at = unreadable.at ?? {line: 1, column: 1}
  return {
    origin: {type: 'file', file, document: 0, prefix: []},
    message: unreadable.problem,
    range: {start: at, end: {line: at.line, column: at.column + 1}},
    type: 'limit',
    reference,
  }
}

/**
 * A file or standard input read: its text, or why it is not read. With the
 * parse cache, a file's bytes, decoded when its text is asked for, and a
 * file the cache knows unchanged (see `ParseCache.knownHash`) is read only
 * then. A file found by a walk that cannot be opened is reported; one named
 * is a usage error.
 */
async function readInput(file: string, name: string, options: LoadOptions, cwd: string, found: boolean): Promise<ReadFile> {
  const limit = fileLimit((options.limits ?? DEFAULT_LIMITS).maxFileBytes)
  if (file === '-') {
    if (!options.readStdin) throw new InputError('standard input is not available')
    const input = await options.readStdin(limit.bytes)
    if (typeof input !== 'string') return new ReadFile(file, name, decodeText(input, limit, 'standard input'))
    return new ReadFile(file, name, input.length > limit.bytes ? overLimit('standard input', limit) : stripBom(input))
  }

  const full = path.resolve(cwd, file)
  // Synchronous reads: several times faster than promises for the many small files a manifest tree holds.
  const readBytes = (): Buffer | Unreadable => {
    try {
      return readFileBounded(full, limit, 'file')
    } catch (error) {
      if (found) return {problem: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}: not read`}
      throw new InputError(`cannot read ${file}: ${(error as Error).message}`, file)
    }
  }

  const {cache} = options
  if (!cache) {
    const bytes = readBytes()
    return new ReadFile(file, name, isUnreadable(bytes) ? bytes : decodeText(bytes, limit, 'file'))
  }

  // What stat says before the bytes are read: a file written after this is not taken for what was read.
  let stats: Stats | undefined
  try {
    stats = statSync(full)
  } catch {
    // Reading says why.
  }

  const hash = stats?.isFile() ? cache.knownHash(full, stats) : undefined
  if (hash !== undefined) {
    // Read when its text is needed: a file written after stat was asked is hashed as read, and no result of this run is kept.
    const entry: ReadFile = new ReadFile(file, name, {limit, read: () => cache.verified(hash, readBytes(), (now) => (entry.hash = now))}, hash)
    return entry
  }

  const bytes = readBytes()
  return new ReadFile(file, name, isUnreadable(bytes) ? bytes : {limit, bytes, stat: stats?.isFile() ? {path: full, stats} : undefined})
}
