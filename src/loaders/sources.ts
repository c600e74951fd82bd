/**
 * Reading manifests: paths, directories, globs and stdin in; resources,
 * incomplete documents and syntax problems out. Never throws for bad content;
 * throws InputError (exit 2) only for paths that cannot be read at all.
 */
import type {KubeVersion} from '../engine/kube-version.js'
import {closeSync, type Dirent, fstatSync, openSync, readdirSync, readSync, realpathSync, type Stats, statSync} from 'node:fs'
import {isUtf8} from 'node:buffer'
import path from 'node:path'
import {groupOf, isClusterScoped} from '../engine/kinds.js'
import {type FileOrigin, type IncompleteDocument, type K8sObject, type Limits, type Position, type Resource, STDIN, type SyntaxProblem} from '../engine/types.js'
import {DEFAULT_LIMITS, type DocumentChunk, listItems, parseDocument, parseJson, splitDocuments} from './documents.js'
import {FileLocator, TreeCache} from './locate.js'
import type {ParseCache, ParsedText} from './cache.js'
import {isRecord, stringMap} from '../util/records.js'

/** A path that cannot be read, or a pattern that matches nothing: a usage error, exit 2. */
export class InputError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message)
    this.name = 'InputError'
  }
}

export interface LoadOptions {
  /** Namespace for objects that name none (default `default`). */
  namespace?: string
  /** Load as reference only (`--context`). */
  reference?: boolean
  limits?: Limits
  /** Reads standard input, for the path `-`: bytes (checked as files are), or text already decoded. */
  readStdin?: () => Promise<Buffer | string>
  /** Base for relative paths and globs. */
  cwd?: string
  /** Reuses the parsed documents of files unchanged since the last run (`--cache`). */
  cache?: ParseCache
}

/** Everything read from one or more inputs. */
export class LoadedInput {
  readonly resources: Resource[] = []
  readonly incomplete: IncompleteDocument[] = []
  readonly problems: SyntaxProblem[] = []
  /** Files read to be linted, as named. */
  readonly files: string[] = []
  /**
   * Kinds that could not be read (a cluster refused to list them, 403): rules
   * must not take their absence for "none". No namespace: all namespaces.
   */
  readonly unreadable: Array<{kind: string; namespace?: string}> = []
  /** The Kubernetes version a cluster's API server reported (/version), when the input comes from one. */
  serverVersion?: KubeVersion
  readonly locators = new Map<string, FileLocator>()
  /** The position trees of documents being located, shared by the locators of all files. */
  readonly trees = new TreeCache()

  /** Adds another load's content, for files and context loaded apart. */
  merge(other: LoadedInput): void {
    for (const r of other.resources) this.resources.push({...r, uid: this.resources.length})
    this.incomplete.push(...other.incomplete)
    this.problems.push(...other.problems)
    this.files.push(...other.files)
    this.unreadable.push(...other.unreadable)
    this.serverVersion ??= other.serverVersion
    for (const [file, locator] of other.locators) this.locators.set(file, locator)
  }
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json'])
const GLOB_CHARS = /[*?[\]{}]/

/** Expands paths, directories and globs into files, in a stable order. `-` stays `-`. */
export async function expandPaths(inputs: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const out: string[] = []
  const seen = new Set<string>()
  const add = (file: string): void => {
    const key = file === '-' ? '-' : path.resolve(cwd, file)
    if (!seen.has(key)) {
      seen.add(key)
      out.push(file)
    }
  }

  for (const input of inputs) {
    if (input === '-') {
      add('-')
      continue
    }

    // Synchronous: a walk of many small folders waits less this way (the files are read synchronously too).
    let info: Stats | NodeJS.ErrnoException
    try {
      info = statSync(path.resolve(cwd, input))
    } catch (error) {
      info = error as NodeJS.ErrnoException
    }

    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const files = walk(input, cwd, new Set())
        // A folder that holds no manifest (a mistyped overlay, say) must not pass as clean.
        if (files.length === 0) throw new InputError(`no .yaml, .yml or .json files in directory ${input}`, input)
        for (const file of files) add(file)
      } else {
        add(input)
      }

      continue
    }

    if (GLOB_CHARS.test(input)) {
      const {glob} = await import('tinyglobby')
      const matches = (await glob(input, {cwd, dot: false, onlyFiles: true, expandDirectories: false})).sort()
      if (matches.length === 0) throw new InputError(`no files match the pattern ${input}`, input)
      for (const m of matches) add(m)
      continue
    }

    throw new InputError(
      info.code === 'ENOENT' ? `no such file or directory: ${input}` : `cannot read ${input}: ${info.message}`,
      input,
    )
  }

  return out
}

/** The manifests in a folder and below, sorted; symbolic links are followed, each real folder walked once (a link loop ends). */
function walk(dir: string, cwd: string, visited: Set<string>): string[] {
  const full = path.resolve(cwd, dir)
  let entries: Dirent[]
  try {
    const real = realpathSync(full)
    if (visited.has(real)) return []
    visited.add(real)
    entries = readdirSync(full, {withFileTypes: true})
  } catch (error) {
    throw new InputError(`cannot read directory ${dir}: ${(error as Error).message}`, dir)
  }

  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    const child = path.join(dir, entry.name)
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      // A link to a file or folder counts as what it points to; a dangling one as nothing.
      const target = statSync(path.resolve(cwd, child), {throwIfNoEntry: false})
      isDirectory = target?.isDirectory() ?? false
      isFile = target?.isFile() ?? false
    }

    if (isDirectory) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      files.push(...walk(child, cwd, visited))
    } else if (isFile && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      files.push(child)
    }
  }

  return files
}

/** Reads and parses paths: files, directories, globs, `-` (see `expandPaths`). */
export async function loadPaths(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadedInput> {
  return loadFiles(await expandPaths(inputs, options.cwd ?? process.cwd()), options)
}

/** Reads and parses files already expanded by `expandPaths`. */
export async function loadFiles(files: readonly string[], options: LoadOptions = {}): Promise<LoadedInput> {
  const cwd = options.cwd ?? process.cwd()
  const loaded = new LoadedInput()
  for (const file of files) {
    const name = file === '-' ? STDIN : file
    const text = await readInput(file, options, cwd)
    // Files given as reference are read, not linted: the summary does not count them.
    if (!options.reference) loaded.files.push(name)
    if (typeof text === 'string') {
      loadText(loaded, name, text, options)
    } else {
      const at = text.at ?? {line: 1, column: 1}
      loaded.problems.push({
        origin: {type: 'file', file: name, document: 0, prefix: []},
        message: text.problem,
        range: {start: at, end: {line: at.line, column: at.column + 1}},
        type: 'limit',
        reference: options.reference ?? false,
      })
    }
  }

  return loaded
}

/** Input that is not read: too big, binary or not UTF-8; `at` is where that shows. */
interface Unreadable {
  problem: string
  at?: Position
}

async function readInput(file: string, options: LoadOptions, cwd: string): Promise<string | Unreadable> {
  const limits = options.limits ?? DEFAULT_LIMITS
  if (file === '-') {
    if (!options.readStdin) throw new InputError('standard input is not available')
    const input = await options.readStdin()
    if (typeof input !== 'string') return decode(input, limits, 'standard input')
    if (input.length > limits.maxFileBytes) return overLimit('standard input', Buffer.byteLength(input), limits)
    return stripBom(input)
  }

  // Synchronous reads: several times faster than promises for the many small files a manifest tree holds.
  let buffer: Buffer | Unreadable
  try {
    buffer = readCapped(path.resolve(cwd, file), limits.maxFileBytes)
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`, file)
  }

  return Buffer.isBuffer(buffer) ? decode(buffer, limits, 'file') : buffer
}

/** Reads a file, or says it is over the size limit without reading it (or, for a pipe, without reading more than the limit). */
function readCapped(full: string, maxBytes: number): Buffer | Unreadable {
  const fd = openSync(full, 'r')
  try {
    const info = fstatSync(fd)
    if (info.isFile()) {
      if (info.size > maxBytes) return overLimit('file', info.size, {maxFileBytes: maxBytes})
      const buffer = Buffer.allocUnsafe(info.size)
      let n = 0
      while (n < info.size) {
        const read = readSync(fd, buffer, n, info.size - n, n)
        if (read === 0) break
        n += read
      }

      return n === info.size ? buffer : buffer.subarray(0, n)
    }

    if (!info.isFIFO() && !info.isCharacterDevice()) return {problem: 'not a regular file: not read'}
    // A pipe (`<(helm template .)`) or a device: read up to the limit.
    const parts: Buffer[] = []
    let total = 0
    for (;;) {
      const part = Buffer.allocUnsafe(64 * 1024)
      const read = readSync(fd, part, 0, part.length, null)
      if (read === 0) break
      parts.push(part.subarray(0, read))
      total += read
      if (total > maxBytes) return {problem: `input is over the limit of ${maxBytes} bytes (limits.maxFileBytes): not read`}
    }

    return Buffer.concat(parts, total)
  } finally {
    closeSync(fd)
  }
}

function overLimit(what: string, size: number, limits: Pick<Limits, 'maxFileBytes'>): Unreadable {
  return {problem: `${what} is ${size} bytes, over the limit of ${limits.maxFileBytes} (limits.maxFileBytes): not read`}
}

/** Bytes to text, refusing what is not text: NUL bytes, invalid UTF-8. */
function decode(buffer: Buffer, limits: Limits, what: string): string | Unreadable {
  if (buffer.length > limits.maxFileBytes) return overLimit(what, buffer.length, limits)
  const nul = buffer.subarray(0, 8192).indexOf(0)
  if (nul !== -1) return {problem: `binary ${what} (it holds NUL bytes), not YAML or JSON: not read`}
  if (!isUtf8(buffer)) {
    const bad = firstBadByte(buffer)
    const at = bytePosition(buffer, bad)
    return {problem: `${what} is not valid UTF-8 (byte 0x${buffer[bad]!.toString(16).padStart(2, '0')} at line ${at.line}, column ${at.column}): not read`, at}
  }

  return stripBom(buffer.toString('utf8'))
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstBadByte(buffer: Uint8Array): number {
  let i = 0
  while (i < buffer.length) {
    const b = buffer[i]!
    if (b < 0x80) {
      i++
      continue
    }

    // Length of the sequence and the range its second byte must fall in (no overlong forms, no surrogates, nothing past U+10FFFF).
    let n: number
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) n = 2
    else if (b >= 0xe0 && b <= 0xef) {
      n = 3
      if (b === 0xe0) lo = 0xa0
      if (b === 0xed) hi = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4
      if (b === 0xf0) lo = 0x90
      if (b === 0xf4) hi = 0x8f
    } else return i

    for (let k = 1; k < n; k++) {
      const c = buffer[i + k]
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i
    }

    i += n
  }

  return buffer.length
}

/** The 1-based line and column (in characters) of a byte offset, everything before it being valid UTF-8. */
function bytePosition(buffer: Buffer, offset: number): Position {
  // lastIndexOf with -1 would search from the end: a bad first byte is on line 1.
  let lineStart = offset === 0 ? 0 : buffer.lastIndexOf(0x0a, offset - 1) + 1
  let line = 1
  for (let i = buffer.indexOf(0x0a); i !== -1 && i < lineStart; i = buffer.indexOf(0x0a, i + 1)) line++
  // A byte-order mark at the start of the file is not a column.
  if (lineStart === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) lineStart = 3
  return {line, column: buffer.toString('utf8', lineStart, Math.max(lineStart, offset)).length + 1}
}

/** Parses one file's text into the loaded input. */
export function loadText(loaded: LoadedInput, file: string, text: string, options: LoadOptions = {}): void {
  const limits = options.limits ?? DEFAULT_LIMITS
  const reference = options.reference ?? false
  // A byte-order mark may open any document of a stream (files concatenated); it is not content.
  if (text.includes('\uFEFF')) text = text.replace(/^\uFEFF/gm, '')
  const jsonFile = /\.json$/i.test(file) || (file === STDIN && /^\s*[[{]/.test(text))
  const parse = (): ParsedText => {
    if (jsonFile) {
      const chunk: DocumentChunk = {index: 0, text, offset: 0, line: 0, json: true}
      const json = parseJson(chunk, limits)
      if (json) return {chunks: [chunk], parsed: [json]}
    }

    // Not strict JSON: YAML reads it, or says where it breaks.
    const chunks = splitDocuments(text)
    return {chunks, parsed: chunks.map((chunk) => parseDocument(chunk, limits))}
  }

  const {chunks, parsed: documents} = options.cache && file !== STDIN ? options.cache.parse(path.resolve(options.cwd ?? process.cwd(), file), text, jsonFile, limits, parse) : parse()
  loaded.locators.set(file, new FileLocator(chunks, loaded.trees))
  for (const parsed of documents) {
    const chunk = parsed.chunk
    const origin: FileOrigin = {type: 'file', file, document: chunk.index, prefix: []}
    if (!parsed.ok) {
      loaded.problems.push({origin, message: parsed.message, range: parsed.range, type: parsed.type, reference})
      continue
    }

    if (parsed.duplicateKey) {
      loaded.problems.push({origin, ...parsed.duplicateKey, type: 'duplicate-key', reference})
    }

    addValue(loaded, parsed.value, origin, options)
  }
}


function addValue(loaded: LoadedInput, value: unknown, origin: FileOrigin, options: LoadOptions): void {
  if (value === null || value === undefined) return // an empty document
  const reference = options.reference ?? false
  if (!isRecord(value)) {
    loaded.incomplete.push({origin, value, problem: `document is a ${Array.isArray(value) ? 'sequence' : typeof value}, not a Kubernetes object`, reference})
    return
  }

  const items = listItems(value)
  if (items) {
    for (const [i, item] of items.entries()) {
      addObject(loaded, item, {...origin, prefix: [...origin.prefix, 'items', i]}, options)
    }

    return
  }

  addObject(loaded, value, origin, options)
}

function addObject(loaded: LoadedInput, value: unknown, origin: FileOrigin, options: LoadOptions): void {
  const reference = options.reference ?? false
  if (!isRecord(value)) {
    loaded.incomplete.push({origin, value, problem: 'list item is not a Kubernetes object', reference})
    return
  }

  const missing = ['apiVersion', 'kind'].filter((k) => typeof value[k] !== 'string' || value[k] === '')
  if (missing.length > 0) {
    loaded.incomplete.push({origin, value, problem: `object has no ${missing.join(' or ')}`, reference})
    return
  }

  loaded.resources.push(makeResource(value as K8sObject, origin, loaded.resources.length, options.namespace, reference))
}

/** Builds a Resource from a decoded object (from a file or a cluster). */
export function makeResource(
  object: K8sObject,
  origin: Resource['origin'],
  uid: number,
  defaultNamespace: string | undefined,
  reference: boolean,
): Resource {
  const apiVersion = object.apiVersion as string
  const kind = object.kind as string
  const metadata = isRecord(object.metadata) ? object.metadata : {}
  const name =
    typeof metadata.name === 'string' && metadata.name !== ''
      ? metadata.name
      : typeof metadata.generateName === 'string'
        ? `${metadata.generateName}*`
        : '<unnamed>'
  const namespace = isClusterScoped(kind)
    ? ''
    : typeof metadata.namespace === 'string' && metadata.namespace !== ''
      ? metadata.namespace
      : (defaultNamespace ?? 'default')
  return {
    uid,
    object,
    apiVersion,
    group: groupOf(apiVersion),
    kind,
    name,
    namespace,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    origin,
    reference,
  }
}
