/**
 * Text in, objects out: a file's text is split into documents, each parsed
 * (YAML, or JSON), `List` kinds are expanded (Lists inside Lists too), and
 * each document becomes a Resource, or is kept as an incomplete document or
 * a problem at its line, never dropped.
 */
import {groupOf, isClusterScoped} from '../engine/kinds.js'
import type {KubeVersion} from '../engine/kube-version.js'
import {type FileOrigin, type IncompleteDocument, type K8sObject, type Limits, type Resource, STDIN, type SyntaxProblem} from '../engine/types.js'
import {isRecord, stringMap} from '../util/records.js'
import {DEFAULT_LIMITS, listItems, rangeAt} from './documents.js'
import {FileLocator, type Located, TreeCache} from './locate.js'
import type {ParseCache} from './cache.js'
import {type ParsedText, parseText} from './parse.js'

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
  /** Reuses the parsed documents of files unchanged since the last run (`--cache`). */
  cache?: ParseCache
  /** The file name standard input stands for (`--stdin-filename`), in findings and config exemptions; default `<stdin>`. */
  stdinFilename?: string
  /** Threads to parse files on, the main thread included (1: the main thread only); default: the cores available, when the input is large enough to pay for them (see `threads.ts`). */
  threads?: number
  /** The parsing threads' module, for tests (see `ThreadOptions`). */
  worker?: URL
}

/** Everything read from one or more inputs. */
export class LoadedInput {
  readonly resources: Resource[] = []
  readonly incomplete: IncompleteDocument[] = []
  readonly problems: SyntaxProblem[] = []
  /** Files read to be linted, as named. */
  readonly files: string[] = []
  /** Entries of walked folders left out as not manifests (hidden, node_modules, other tools' files), for the summary. */
  readonly skipped: string[] = []
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
    // Loops, not push(...items): a load may hold more items than a call takes arguments.
    for (const r of other.resources) this.resources.push({...r, uid: this.resources.length})
    for (const d of other.incomplete) this.incomplete.push(d)
    for (const p of other.problems) this.problems.push(p)
    for (const f of other.files) this.files.push(f)
    for (const s of other.skipped) this.skipped.push(s)
    for (const u of other.unreadable) this.unreadable.push(u)
    this.serverVersion ??= other.serverVersion
    for (const [file, locator] of other.locators) this.locators.set(file, locator)
  }

  /** How many documents, objects and problems have been read: what a source added is the difference. */
  get count(): number {
    return this.resources.length + this.incomplete.length + this.problems.length
  }
}

/** Parses one file's text into the loaded input. */
export function loadText(loaded: LoadedInput, file: string, text: string, options: LoadOptions = {}): void {
  const prepared = prepareText(file, text, options)
  addParsed(loaded, file, prepared, parseText(prepared.text, prepared.json, options.limits ?? DEFAULT_LIMITS), options)
}

/** A file's text as it is parsed: without byte-order marks, and whether it is read as JSON first. */
export interface PreparedText {
  text: string
  json: boolean
}

/** What `parseText` is given for a file. */
export function prepareText(file: string, text: string, options: Pick<LoadOptions, 'stdinFilename'> = {}): PreparedText {
  // A byte-order mark may open any document of a stream (files concatenated); it is not content.
  if (text.includes('\uFEFF')) text = text.replace(/^\uFEFF/gm, '')
  const json = /\.json$/i.test(file) || ((file === STDIN || file === options.stdinFilename) && /^\s*[[{]/.test(text))
  return {text, json}
}

/**
 * Adds a file's parsed documents to the loaded input: objects, incomplete
 * documents and problems, in the order of the documents. `located`: ranges
 * already found for paths in this file (from the parse cache), to which the
 * ranges found in this run are added; without it, none are kept.
 */
export function addParsed(loaded: LoadedInput, file: string, prepared: PreparedText, {chunks, parsed}: ParsedText, options: LoadOptions = {}, located?: Located): FileLocator {
  const reference = options.reference ?? false
  const {text} = prepared
  const json = chunks[0]?.json === true
  const locator = new FileLocator(chunks, loaded.trees, located)
  loaded.locators.set(file, locator)
  // JSON with a comment, which YAML cannot read either: say so at the comment, not where YAML gave up.
  const comment = prepared.json && !json && parsed.some((p) => !p.ok && p.type === 'syntax') ? jsonComment(text) : undefined
  if (comment !== undefined) {
    const chunk = chunks.findLast((c) => c.offset <= comment) ?? chunks[0]!
    loaded.problems.push({
      origin: {type: 'file', file, document: chunk.index, prefix: []},
      message: 'invalid JSON: JSON has no comments (// or /* */); remove it, or write the file as YAML, where # starts a comment',
      range: rangeAt(chunk, comment - chunk.offset),
      type: 'syntax',
      reference,
    })
    return locator
  }

  for (const document of parsed) {
    const origin: FileOrigin = {type: 'file', file, document: document.chunk.index, prefix: []}
    if (!document.ok) {
      loaded.problems.push({origin, message: document.message, range: document.range, type: document.type, reference})
      continue
    }

    if (document.duplicateKey) {
      loaded.problems.push({origin, ...document.duplicateKey, type: 'duplicate-key', reference})
    }

    addValue(loaded, document.value, origin, options)
  }

  return locator
}

/** Offset of the first `//` or `/*` outside strings that stands where JSON expects a value or a key, if any. */
function jsonComment(text: string): number | undefined {
  let previous = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      previous = '"'
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*') && (previous === '' || '{[,:"'.includes(previous) || /[\w.]/.test(previous))) {
      return i
    } else if (!/\s/.test(c)) {
      previous = c
    }
  }

  return undefined
}

/** A document's value: an object, a List (whose items may be Lists too), or something that is neither, reported. */
function addValue(loaded: LoadedInput, value: unknown, origin: FileOrigin, options: LoadOptions): void {
  if (value === null || value === undefined) return // an empty document
  const reference = options.reference ?? false
  if (!isRecord(value)) {
    loaded.incomplete.push({origin, value, problem: `document is a ${Array.isArray(value) ? 'sequence' : typeof value}, not a Kubernetes object`, reference})
    return
  }

  // Depth-first with a stack, items in order: a List inside a List is expanded like the outer one (kubectl does the same).
  const stack: Array<{value: unknown; origin: FileOrigin}> = [{value, origin}]
  while (stack.length > 0) {
    const next = stack.pop()!
    const items = listItems(next.value)
    if (!items) {
      addObject(loaded, next.value, next.origin, options)
      continue
    }

    for (let i = items.length - 1; i >= 0; i--) {
      stack.push({value: items[i], origin: {...next.origin, prefix: [...next.origin.prefix, 'items', i]}})
    }
  }
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
