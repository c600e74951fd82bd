/**
 * Reading manifests: paths, directories, globs and stdin in; resources,
 * incomplete documents and syntax problems out. Never throws for bad content;
 * throws InputError (exit 2) only for paths that cannot be read at all.
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import {isUtf8} from 'node:buffer'
import path from 'node:path'
import {groupOf, isClusterScoped} from '../engine/kinds.js'
import type {FileOrigin, IncompleteDocument, K8sObject, Resource, SyntaxProblem} from '../engine/types.js'
import {DEFAULT_LIMITS, type DocumentChunk, type Limits, parseDocument, splitDocuments} from './documents.js'
import {FileLocator} from './locate.js'

export const STDIN = '<stdin>'

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
  /** Reads standard input, for the path `-`. */
  readStdin?: () => Promise<string>
  /** Base for relative paths and globs. */
  cwd?: string
}

/** Everything read from one or more inputs. */
export class LoadedInput {
  readonly resources: Resource[] = []
  readonly incomplete: IncompleteDocument[] = []
  readonly problems: SyntaxProblem[] = []
  readonly files: string[] = []
  readonly locators = new Map<string, FileLocator>()

  /** Adds another load's content, for files and context loaded apart. */
  merge(other: LoadedInput): void {
    for (const r of other.resources) this.resources.push({...r, uid: this.resources.length})
    this.incomplete.push(...other.incomplete)
    this.problems.push(...other.problems)
    this.files.push(...other.files)
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

    const info = await stat(path.resolve(cwd, input)).catch((error: NodeJS.ErrnoException) => error)
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        for (const file of await walk(input, cwd)) add(file)
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

async function walk(dir: string, cwd: string): Promise<string[]> {
  const files: string[] = []
  const entries = await readdir(path.resolve(cwd, dir), {withFileTypes: true}).catch((error: Error) => {
    throw new InputError(`cannot read directory ${dir}: ${error.message}`, dir)
  })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const child = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      files.push(...(await walk(child, cwd)))
    } else if (entry.isFile() && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      files.push(child)
    }
  }

  return files
}

/** Reads and parses the given paths (after `expandPaths`). */
export async function loadPaths(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadedInput> {
  const cwd = options.cwd ?? process.cwd()
  const files = await expandPaths(inputs, cwd)
  const loaded = new LoadedInput()
  const texts = await Promise.all(files.map((file) => readInput(file, options, cwd)))
  for (const [i, file] of files.entries()) {
    const name = file === '-' ? STDIN : file
    const text = texts[i]!
    loaded.files.push(name)
    if (typeof text === 'string') {
      loadText(loaded, name, text, options)
    } else {
      loaded.problems.push({
        origin: {type: 'file', file: name, document: 0, prefix: []},
        message: text.problem,
        range: {start: {line: 1, column: 1}, end: {line: 1, column: 1}},
        type: 'limit',
        reference: options.reference ?? false,
      })
    }
  }

  return loaded
}

async function readInput(file: string, options: LoadOptions, cwd: string): Promise<string | {problem: string}> {
  const limits = options.limits ?? DEFAULT_LIMITS
  if (file === '-') {
    if (!options.readStdin) throw new InputError('standard input is not available')
    return stripBom(await options.readStdin())
  }

  const full = path.resolve(cwd, file)
  let buffer: Buffer
  try {
    const info = await stat(full)
    if (info.size > limits.maxFileBytes) {
      return {problem: `file is ${info.size} bytes, over the limit of ${limits.maxFileBytes} (limits.maxFileBytes): not read`}
    }

    buffer = await readFile(full)
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`, file)
  }

  const nul = buffer.subarray(0, 8192).indexOf(0)
  if (nul !== -1) return {problem: 'binary file (it holds NUL bytes), not YAML or JSON: not read'}
  if (!isUtf8(buffer)) return {problem: `file is not valid UTF-8 (first bad byte at offset ${firstBadByte(buffer)}): not read`}
  return stripBom(buffer.toString('utf8'))
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text
}

function firstBadByte(buffer: Buffer): number {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let lo = 0
  let hi = buffer.length
  // Binary search for the shortest invalid prefix.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    try {
      decoder.decode(buffer.subarray(0, mid + 1), {stream: true})
      decoder.decode()
      lo = mid + 1
    } catch {
      hi = mid
    }
  }

  return lo
}

/** Parses one file's text into the loaded input. */
export function loadText(loaded: LoadedInput, file: string, text: string, options: LoadOptions = {}): void {
  const limits = options.limits ?? DEFAULT_LIMITS
  const reference = options.reference ?? false
  let chunks: DocumentChunk[] | undefined
  if (/\.json$/i.test(file) || (file === STDIN && /^\s*[[{]/.test(text))) {
    try {
      const value: unknown = JSON.parse(text)
      chunks = [{index: 0, text, offset: 0, line: 0}]
      loaded.locators.set(file, new FileLocator(chunks))
      addValue(loaded, value, {type: 'file', file, document: 0, prefix: []}, options)
      return
    } catch {
      // Not strict JSON: YAML reads it or says where it breaks.
    }
  }

  chunks = splitDocuments(text)
  loaded.locators.set(file, new FileLocator(chunks))
  for (const chunk of chunks) {
    const parsed = parseDocument(chunk, limits)
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function addValue(loaded: LoadedInput, value: unknown, origin: FileOrigin, options: LoadOptions): void {
  if (value === null || value === undefined) return // an empty document
  const reference = options.reference ?? false
  if (!isRecord(value)) {
    loaded.incomplete.push({origin, value, problem: `document is a ${Array.isArray(value) ? 'sequence' : typeof value}, not a Kubernetes object`, reference})
    return
  }

  const kind = value.kind
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items)) {
    for (const [i, item] of value.items.entries()) {
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

/** A label or annotation map, with scalar values read as strings and anything else dropped. */
export function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {}
  const out: Record<string, string> = {}
  for (const key in value) {
    const v = value[key]
    if (typeof v === 'string') out[key] = v
    else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v)
  }

  return out
}

