/**
 * Reading manifests: paths, directories, globs and stdin in; resources,
 * incomplete documents and syntax problems out. Never throws for bad content;
 * throws InputError (exit 2) only for paths that cannot be read at all.
 */
import {type Dirent, readdirSync, realpathSync, type Stats, statSync} from 'node:fs'
import path from 'node:path'
import {groupOf, isClusterScoped} from '../engine/kinds.js'
import type {FileOrigin, IncompleteDocument, K8sObject, Resource, SyntaxProblem} from '../engine/types.js'
import {DEFAULT_LIMITS, type DocumentChunk, type Limits, listItems, type ParsedDocument, parseDocument, parseJson, splitDocuments} from './documents.js'
import {FileLocator, TreeCache} from './locate.js'
import {decodeText, fileLimit, isUnreadable, overLimit, readFileBounded, stripBom, type Unreadable} from './bytes.js'
import {isRecord} from '../engine/util.js'

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
  /**
   * Reads standard input, for the path `-`: bytes (checked as files are), or
   * text already decoded. It is given the size limit: reading more than one
   * byte past it is wasted (see `readStreamBounded`).
   */
  readStdin?: (maxBytes: number) => Promise<Buffer | string>
  /** Base for relative paths and globs. */
  cwd?: string
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

async function readInput(file: string, options: LoadOptions, cwd: string): Promise<string | Unreadable> {
  const limit = fileLimit((options.limits ?? DEFAULT_LIMITS).maxFileBytes)
  if (file === '-') {
    if (!options.readStdin) throw new InputError('standard input is not available')
    const input = await options.readStdin(limit.bytes)
    if (typeof input !== 'string') return decodeText(input, limit, 'standard input')
    if (input.length > limit.bytes) return overLimit('standard input', limit)
    return stripBom(input)
  }

  // Synchronous reads: several times faster than promises for the many small files a manifest tree holds.
  let buffer: Buffer | Unreadable
  try {
    buffer = readFileBounded(path.resolve(cwd, file), limit, 'file')
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`, file)
  }

  return isUnreadable(buffer) ? buffer : decodeText(buffer, limit, 'file')
}

/** Parses one file's text into the loaded input. */
export function loadText(loaded: LoadedInput, file: string, text: string, options: LoadOptions = {}): void {
  const limits = options.limits ?? DEFAULT_LIMITS
  const reference = options.reference ?? false
  // A byte-order mark may open any document of a stream (files concatenated); it is not content.
  if (text.includes('\uFEFF')) text = text.replace(/^\uFEFF/gm, '')
  let chunks: DocumentChunk[] | undefined
  let json: ParsedDocument | undefined
  if (/\.json$/i.test(file) || (file === STDIN && /^\s*[[{]/.test(text))) {
    chunks = [{index: 0, text, offset: 0, line: 0, json: true}]
    json = parseJson(chunks[0]!, limits)
  }

  // Not strict JSON: YAML reads it, or says where it breaks.
  if (!json) chunks = splitDocuments(text)
  loaded.locators.set(file, new FileLocator(chunks!, loaded.trees))
  for (const chunk of chunks!) {
    const parsed = json ?? parseDocument(chunk, limits)
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

