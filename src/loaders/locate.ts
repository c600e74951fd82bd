/**
 * Turning a path inside an object into a source range, lazily.
 *
 * The fast parse keeps no positions. When a finding is reported in a
 * document of plain block style (most manifests), its path is followed line by
 * line, without a parse (plain-lines.ts). Any other document is parsed again
 * with js-yaml, this time with a listener that records where each node starts
 * and ends, and the path is followed in that tree of positions. Documents
 * without findings never pay for either; in a large List (a kubectl dump),
 * only the item with the finding is parsed again.
 *
 * Each step of the path is checked against the values js-yaml built. YAML
 * this tree cannot follow with certainty (a flow mapping key without a value,
 * a pair inside a flow sequence, an empty block sequence entry) is located
 * with `yaml`, which keeps a full syntax tree at about ten times the cost.
 */
import jsYaml from 'js-yaml'
import type {Document, Node as YamlNode} from 'yaml'
import type {ObjectPath, Range} from '../engine/types.js'
import {loadYaml, type YamlModule} from '../util/yaml.js'
import {type DocumentChunk, ITEM_SPANS_FROM, lineStarts, positionIn, SCHEMA, type Span} from './documents.js'
import {type PlainDocument, plainDocument, plainRange} from './plain-lines.js'

const MERGE_TAG = 'tag:yaml.org,2002:merge'

/** One node as js-yaml composed it. */
interface Frame {
  /** Where composing began: before the separation space, tag and anchor that precede the content. */
  open: number
  /** Where it ended; block collections and scalars may run on over trailing space. */
  close: number
  /** `mapping`, `sequence` or `scalar`; null for an alias, or for a node with no content (`key:` and nothing). */
  kind: string | null
  result: unknown
  /** The `<<` key of a merge. */
  merge?: boolean
  children?: Frame[]
  /** A mapping's entries by key (the last one wins, as for the value), its merges; null when its children do not pair up. */
  pairs?: Pairs | null
}

interface Pairs {
  byKey: Map<string, {key: Frame; value: Frame}>
  merges: Frame[]
}

interface Tree {
  text: string
  root: Frame
  /** Anchored collections by value, to follow an alias to what it names. */
  anchors: Map<object, Frame>
}

/** A tree that cannot say where a path leads: locate with `yaml` instead. */
const IRREGULAR = Symbol('irregular')

/**
 * Position trees kept for reuse, least recently used first, up to a total
 * size of text: a run with findings in every document must not end up
 * holding a tree for each. One cache serves all the files of one input.
 * The engine asks for places in source order, so the tree of the document
 * at hand is all it needs; the default budget keeps a few small ones beside
 * it, and trees short-lived enough to die young (a tree that outlives two
 * minor collections is copied to the old generation, where only a full
 * collection frees it).
 */
export class TreeCache {
  /** Entries by key, and in a list from least to most recently used: each get is a few steps, however many documents a file holds. */
  private readonly entries = new Map<string, CacheEntry>()
  /** Sentinel of the circular list: `next` is the least recently used entry, `previous` the most recent. */
  private readonly list: CacheLink = {}
  private size = 0
  /** The line starts of the document last asked about: positions are asked for document after document, a big one may be asked for many. */
  private lines?: {chunk: DocumentChunk; starts: number[]}
  /** The lines of the document last asked about, when it is in plain block style. */
  private plain?: {chunk: DocumentChunk; doc: PlainDocument | undefined}

  /** `budget`: characters of text whose trees may be kept (a tree takes some ten times its text). */
  constructor(private readonly budget = 16 * 1024) {
    this.list.next = this.list
    this.list.previous = this.list
  }

  get(key: string, size: number, build: () => PlacedTree | undefined): PlacedTree | undefined {
    let entry = this.entries.get(key)
    if (entry) {
      unlink(entry)
    } else {
      entry = {key, tree: build(), size}
      this.entries.set(key, entry)
      this.size += size
    }

    // Most recently used: last in the list.
    entry.previous = this.list.previous
    entry.next = this.list
    this.list.previous!.next = entry
    this.list.previous = entry
    // Least recently used first, never the entry just asked for.
    while (this.size > this.budget && this.list.next !== entry) {
      const oldest = this.list.next as CacheEntry
      unlink(oldest)
      this.entries.delete(oldest.key)
      this.size -= oldest.size
      // A dropped entry that has lived long enough to be promoted would still hold its tree and, through `next`, every
      // entry after it, until the next full collection: each minor collection would promote them all.
      oldest.previous = undefined
      oldest.next = undefined
      oldest.tree = undefined
    }

    return entry.tree
  }

  /** The offsets where a document's lines start. */
  linesOf(chunk: DocumentChunk): number[] {
    if (this.lines?.chunk !== chunk) this.lines = {chunk, starts: lineStarts(chunk.text)}
    return this.lines.starts
  }

  /** A document's lines, when it is in plain block style (and small: the lines are walked again for each path). */
  plainOf(chunk: DocumentChunk): PlainDocument | undefined {
    if (this.plain?.chunk !== chunk) {
      this.plain = {chunk, doc: chunk.json || chunk.text.length >= ITEM_SPANS_FROM ? undefined : plainDocument(chunk.text)}
    }

    return this.plain.doc
  }
}

interface CacheLink {
  previous?: CacheLink
  next?: CacheLink
}

interface CacheEntry extends CacheLink {
  key: string
  tree: PlacedTree | undefined
  size: number
}

function unlink(link: CacheLink): void {
  link.previous!.next = link.next
  link.next!.previous = link.previous
}

let locators = 0

/** Ranges found in one file, by `locatedKey` of document and path; undefined where none could be. */
export type Located = Map<string, Range | undefined>

/** The key of a document and a path in `Located`. */
export const locatedKey = (index: number, path: ObjectPath): string => JSON.stringify([index, ...path])

/** Resolves paths to ranges in the documents of one file. */
export class FileLocator {
  private readonly id = locators++
  private yamlDocs?: Map<number, Promise<{doc: Document.Parsed; yaml: YamlModule}>>
  /** Whether a range was found in this run, beyond those it was given. */
  private found = false

  /**
   * `located`: ranges found before for the same text (the parse cache's),
   * used without parsing again; the ranges found in this run are added to it.
   * Without it, ranges are neither looked up nor kept.
   */
  constructor(
    private readonly chunks: readonly DocumentChunk[],
    private readonly cache = new TreeCache(),
    private readonly located?: Located,
  ) {}

  /** Every range known for this file, when one was found in this run (for the parse cache to keep); else undefined. */
  get newlyLocated(): Located | undefined {
    return this.found ? this.located : undefined
  }

  /**
   * The range of the node at `path` in document `index`; when the path goes
   * further than the document (a key that is missing), the range of the
   * deepest node that exists. Undefined when the document cannot be read.
   */
  async locate(index: number, path: ObjectPath): Promise<Range | undefined> {
    if (!this.located) return this.find(index, path)
    const key = locatedKey(index, path)
    let range: Range | undefined
    if (this.located.has(key)) {
      range = this.located.get(key)
    } else {
      range = await this.find(index, path)
      this.located.set(key, range)
      this.found = true
    }

    // A copy: findings that share a path do not share their positions.
    return range && {start: {...range.start}, end: {...range.end}}
  }

  private async find(index: number, path: ObjectPath): Promise<Range | undefined> {
    const chunk = this.chunks[index]
    if (!chunk) return undefined
    const [first, item] = path
    if (first === 'items' && typeof item === 'number' && chunk.text.length >= ITEM_SPANS_FROM) {
      // An item of a large List: parse that item alone.
      const range = this.locateInItem(chunk, item, path.slice(2))
      if (range) return range
    }

    const plain = this.cache.plainOf(chunk)
    const offsets = plain && plainRange(plain, path)
    if (offsets) {
      const starts = this.cache.linesOf(chunk)
      return {start: positionIn(chunk, offsets.start, starts), end: positionIn(chunk, offsets.end, starts)}
    }

    const entry = this.cache.get(`${this.id}/${index}`, chunk.text.length, () => {
      const tree = buildTree(chunk.text)
      return tree ? {tree, base: 0} : undefined
    })
    const frame = entry ? follow(entry.tree, path) : IRREGULAR
    if (frame !== IRREGULAR) return this.rangeOf(chunk, entry!.tree.text, frame, 0)
    return this.locateWithYaml(chunk, index, path)
  }

  private locateInItem(chunk: DocumentChunk, item: number, path: ObjectPath): Range | undefined {
    if (chunk.json && chunk.items === undefined) chunk.items = jsonItemSpans(chunk.text)
    const span = chunk.items?.[item]
    if (!span) return undefined
    const entry = this.cache.get(`${this.id}/${chunk.index}/${item}`, span.end - span.start, () => buildItemTree(chunk.text, span))
    const frame = entry ? follow(entry.tree, path) : IRREGULAR
    return frame === IRREGULAR ? undefined : this.rangeOf(chunk, entry!.tree.text, frame, entry!.base)
  }

  private rangeOf(chunk: DocumentChunk, text: string, frame: Frame, base: number): Range {
    const start = startOf(text, frame)
    const starts = this.cache.linesOf(chunk)
    return {start: positionIn(chunk, base + start, starts), end: positionIn(chunk, base + endOf(text, frame, start), starts)}
  }

  private async locateWithYaml(chunk: DocumentChunk, index: number, path: ObjectPath): Promise<Range | undefined> {
    this.yamlDocs ??= new Map()
    let entry = this.yamlDocs.get(index)
    if (!entry) {
      entry = loadYaml().then((yaml) => ({
        // Positions only: no alias budget or custom tags matter here, the fast parse already judged the document.
        doc: yaml.parseDocument(chunk.text, {uniqueKeys: false, strict: false}),
        yaml,
      }))
      this.yamlDocs.set(index, entry)
    }

    try {
      const {doc, yaml} = await entry
      const range = followYaml(doc, yaml, path)?.range
      if (!range) return undefined
      // A block collection's range runs on over the line break after it: end at its last character.
      let end = range[1]
      while (end > range[0] + 1 && /\s/.test(chunk.text[end - 1] ?? '')) end--
      const starts = this.cache.linesOf(chunk)
      return {start: positionIn(chunk, range[0], starts), end: positionIn(chunk, end, starts)}
    } catch {
      // A finding without a position beats no report at all.
      return undefined
    }
  }
}

/** A tree of positions, and where its text starts in the document (0, or where a List item starts). */
interface PlacedTree {
  tree: Tree
  base: number
}

/**
 * Parses one item of a List. A block mapping's first line is indented as
 * the item stands (after its `- `), so that its other lines still line up.
 * Undefined when it does not parse alone (an alias to an anchor elsewhere).
 */
function buildItemTree(text: string, span: Span): PlacedTree | undefined {
  let itemText = text.slice(span.start, span.end)
  let base = span.start
  if (itemText[0] !== '{' && itemText[0] !== '[') {
    const column = span.start - (text.lastIndexOf('\n', span.start - 1) + 1)
    itemText = ' '.repeat(column) + itemText
    base -= column
  }

  const tree = buildTree(itemText)
  return tree ? {tree, base} : undefined
}

/** The spans of the items of a JSON List (`{"items": [...]}`), found by scanning its text; undefined for an item that is not an object. */
export function jsonItemSpans(text: string): Array<Span | undefined> | undefined {
  let items: Array<Span | undefined> | undefined
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      const end = stringEnd(text, i)
      // The key "items" of the top object, and its array (the last such key wins, as in JSON.parse).
      if (depth === 1 && text.slice(i + 1, end - 1) === 'items') {
        const colon = skipSpace(text, end)
        const open = text[colon] === ':' ? skipSpace(text, colon + 1) : -1
        if (text[open] === '[') {
          const list = arrayEntries(text, open)
          items = list.entries
          i = list.end - 1
          continue
        }
      }

      i = end - 1
    } else if (c === '{' || c === '[') {
      depth++
    } else if (c === '}' || c === ']') {
      depth--
    }
  }

  return items
}

/** The entries of the JSON array opening at `open`, and the offset just past it. */
function arrayEntries(text: string, open: number): {entries: Array<Span | undefined>; end: number} {
  const entries: Array<Span | undefined> = []
  let depth = 0
  let start = -1
  let last = -1
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!
    if (depth === 0 && (c === ',' || c === ']')) {
      if (start !== -1) entries.push(text[start] === '{' ? {start, end: last + 1} : undefined)
      if (c === ']') return {entries, end: i + 1}
      start = -1
      continue
    }

    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue
    if (start === -1) start = i
    if (c === '"') {
      i = stringEnd(text, i) - 1
    } else if (c === '{' || c === '[') {
      depth++
    } else if (c === '}' || c === ']') {
      depth--
    }

    last = i
  }

  return {entries, end: text.length}
}

/** The offset just past the JSON string that opens at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++
    else if (text[j] === '"') return j + 1
  }

  return text.length
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /[ \t\r\n]/.test(text[i]!)) i++
  return i
}

/** Parses a document again, recording each node's extent; undefined if it does not parse. */
function buildTree(text: string): Tree | undefined {
  const stack: Frame[] = []
  const anchors = new Map<object, Frame>()
  let root: Frame | undefined
  try {
    jsYaml.load(text, {
      schema: SCHEMA,
      // The value rules saw: with a duplicate key, the last one wins.
      json: true,
      listener(event, state) {
        if (event === 'open') {
          stack.push({open: state.position, close: state.position, kind: null, result: undefined})
          return
        }

        const frame = stack.pop()!
        frame.close = state.position
        frame.kind = state.kind as string | null
        frame.result = state.result
        // Properties js-yaml keeps on its state that @types/js-yaml does not declare.
        const {tag, anchor} = state as unknown as {tag: string | null; anchor: string | null}
        if (tag === MERGE_TAG) frame.merge = true
        if (anchor !== null && state.result !== null && typeof state.result === 'object' && !anchors.has(state.result)) {
          anchors.set(state.result as object, frame)
        }

        const parent = stack.at(-1)
        if (parent) (parent.children ??= []).push(frame)
        else root = frame
      },
    })
  } catch {
    return undefined
  }

  return root ? {text, root, anchors} : undefined
}

const isEmpty = (frame: Frame): boolean => frame.kind === null && frame.result === null

/** The frame that holds a node's content: through aliases to their anchor, and through frames that only wrap another. */
function deref(tree: Tree, frame: Frame): Frame {
  for (let hops = 0; hops < 1000; hops++) {
    if (frame.kind === null && frame.result !== null && typeof frame.result === 'object') {
      const target = tree.anchors.get(frame.result)
      if (!target || target === frame) return frame
      frame = target
      continue
    }

    const only = frame.children?.length === 1 ? frame.children[0]! : undefined
    if (only && frame.kind !== null && only.kind === frame.kind && only.result === frame.result) {
      frame = only
      continue
    }

    return frame
  }

  return frame
}

function follow(tree: Tree, path: ObjectPath): Frame | typeof IRREGULAR {
  // The node reached is returned as written (an alias stays the alias); it is dereferenced only to go further.
  let frame = tree.root
  for (const segment of path) {
    const container = deref(tree, frame)
    if (container.kind === 'mapping') {
      const pair = findPair(tree, container, String(segment), 0)
      if (pair === IRREGULAR) return IRREGULAR
      if (!pair) return container
      // `key:` with nothing after it: point at the key.
      if (isEmpty(pair.value)) return pair.key
      frame = pair.value
    } else if (container.kind === 'sequence' && typeof segment === 'number') {
      const items = container.children ?? []
      const values = container.result as unknown[]
      if (items.length !== values.length) return IRREGULAR
      const item = items[segment]
      if (!item) return container
      if (!Object.is(item.result, values[segment])) return IRREGULAR
      frame = item
    } else {
      return container
    }
  }

  return frame
}

function findPair(tree: Tree, frame: Frame, key: string, depth: number): {key: Frame; value: Frame} | undefined | typeof IRREGULAR {
  if (frame.pairs === undefined) frame.pairs = pairsOf(frame)
  if (frame.pairs === null || depth > 100) return IRREGULAR
  const values = frame.result as Record<string, unknown>
  if (!Object.hasOwn(values, key)) return undefined
  const pair = frame.pairs.byKey.get(key)
  if (pair) return Object.is(pair.value.result, values[key]) ? pair : IRREGULAR
  // Not written here: it came from a merge (`<<: *base`), the first one that has it.
  for (const merged of frame.pairs.merges) {
    const target = deref(tree, merged)
    const sources = target.kind === 'sequence' ? (target.children ?? []).map((c) => deref(tree, c)) : [target]
    for (const source of sources) {
      if (source.kind !== 'mapping') continue
      const found = findPair(tree, source, key, depth + 1)
      if (found === IRREGULAR || (found && Object.is(found.value.result, values[key]))) return found
    }
  }

  return IRREGULAR
}

function pairsOf(frame: Frame): Pairs | null {
  let children = frame.children ?? []
  // At the end of a document js-yaml tries for one more key (at `...`, for instance), finds none and drops it.
  if (children.length % 2 !== 0 && isEmpty(children.at(-1)!)) children = children.slice(0, -1)
  if (children.length % 2 !== 0) return null
  const pairs: Pairs = {byKey: new Map(), merges: []}
  for (let i = 0; i < children.length; i += 2) {
    const key = children[i]!
    const value = children[i + 1]!
    if (key.merge) {
      pairs.merges.push(value)
      continue
    }

    // A collection as a key cannot be named by a path.
    if (key.result !== null && typeof key.result === 'object') continue
    pairs.byKey.set(String(key.result), {key, value})
  }

  return pairs
}

const SPACE = /[ \t\r\n\uFEFF]/
const TOKEN_END = /[ \t\r\n,[\]{}]/

/** Where a node's content starts: past separation space, comments, the document marker, its tag and its anchor. */
function startOf(text: string, frame: Frame): number {
  let i = frame.open
  for (;;) {
    const ch = text[i]
    if (ch === undefined) return Math.min(frame.open, text.length)
    if (SPACE.test(ch)) {
      i++
    } else if (ch === '#' && (i === frame.open || SPACE.test(text[i - 1] ?? ' '))) {
      const nl = text.indexOf('\n', i)
      i = nl === -1 ? text.length : nl + 1
    } else if ((ch === '!' || ch === '&') && i < frame.close) {
      while (i < text.length && !SPACE.test(text[i]!)) i++
    } else if (ch === '-' && text.startsWith('---', i) && (i === 0 || text[i - 1] === '\n') && SPACE.test(text[i + 3] ?? '\n')) {
      i += 3
    } else {
      return i
    }
  }
}

/** Where a node's content ends (exclusive). */
function endOf(text: string, frame: Frame, start: number): number {
  if (frame.kind === null) {
    if (isEmpty(frame)) return start
    // An alias: the `*name` token.
    let i = start + 1
    while (i < text.length && !TOKEN_END.test(text[i]!)) i++
    return i
  }

  if (frame.kind !== 'scalar' && text[start] !== '[' && text[start] !== '{') {
    // A block collection ends where its last entry with content ends (for `key:` and nothing, the key).
    const children = frame.children ?? []
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!
      if (!isEmpty(child)) return Math.max(start, endOf(text, child, startOf(text, child)))
    }
  }

  let end = Math.max(frame.close, start)
  while (end > start + 1 && SPACE.test(text[end - 1]!)) end--
  return end
}

function followYaml(doc: Document.Parsed, yaml: YamlModule, path: ObjectPath): YamlNode | undefined {
  let node: unknown = doc.contents
  for (const segment of path) {
    if (yaml.isAlias(node)) node = node.resolve(doc)
    if (yaml.isMap(node)) {
      const pair = node.items.findLast((p) => keyOf(yaml, p.key) === String(segment))
      if (!pair) break
      if (pair.value === null || pair.value === undefined) {
        // `key:` with nothing after it: point at the key.
        node = pair.key
        break
      }

      node = pair.value
    } else if (yaml.isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment]
    } else {
      break
    }
  }

  return yaml.isNode(node) ? node : undefined
}

function keyOf(yaml: YamlModule, key: unknown): string | undefined {
  if (yaml.isScalar(key)) return String(key.value)
  return typeof key === 'string' ? key : undefined
}
