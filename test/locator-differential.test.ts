/**
 * The fast locator (src/loaders/locate.ts, over js-yaml's events) against a
 * full parse with `yaml`: every path the engine locates, for every finding
 * and related location of every rule over the shared corpus, must get the
 * range the full parse gives. The reference follows a path its own way:
 * mappings by key (the last of repeated keys, merge keys included), lists by
 * index, aliases to their anchors; a path that goes further than the
 * document ends at the deepest node there is (the key, for `key:` with no
 * value); a range ends at its last character that is not white space, and a
 * collection's with its last value (not a comment after it).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Document, LineCounter, Node as YamlNode} from 'yaml'
import {loadConfig} from '../src/config/config.js'
import {lint} from '../src/engine/engine.js'
import {loadRules} from '../src/engine/registry.js'
import type {LintInput, Locator, ObjectPath, Range} from '../src/engine/types.js'
import {loadPaths} from '../src/loaders/sources.js'
import {loadYaml, type YamlModule} from '../src/util/yaml.js'
import {CORPUS, CORPUS_MISSING} from './support/corpus.js'
import {withoutSchemas} from './support/crd.js'

interface Call {
  file: string
  document: number
  path: ObjectPath
  range: Range | undefined
}

/** The node a path leads to in a document, following the reference's rules. */
function follow(yaml: YamlModule, doc: Document.Parsed, path: ObjectPath): YamlNode | undefined {
  const lookup = (map: unknown, key: string): {key: unknown; value: unknown} | undefined => {
    if (yaml.isAlias(map)) map = map.resolve(doc)
    if (!yaml.isMap(map)) return undefined
    const own = map.items.findLast((p) => yaml.isScalar(p.key) && String(p.key.value) === key && String(p.key.value) !== '<<')
    if (own) return own
    // Merge keys: the maps merged in, the first one that has the key wins.
    for (const pair of map.items) {
      if (!(yaml.isScalar(pair.key) && pair.key.value === '<<')) continue
      const sources = yaml.isSeq(pair.value) ? pair.value.items : [pair.value]
      for (const source of sources) {
        const found = lookup(source, key)
        if (found) return found
      }
    }

    return undefined
  }

  // Recursively: one step, then the rest of the path from there; a step that leads nowhere ends the walk where it is.
  const step = (at: unknown, rest: ObjectPath): unknown => {
    // A path that ends at an alias ends there, where the finding is written; one that goes on goes on from the anchor.
    if (rest.length === 0) return at
    const here = yaml.isAlias(at) ? at.resolve(doc) : at
    const [segment, ...more] = rest
    if (yaml.isSeq(here)) return typeof segment === 'number' && here.items[segment] !== undefined ? step(here.items[segment], more) : here
    const pair = yaml.isMap(here) ? lookup(here, String(segment)) : undefined
    if (!pair) return here
    return pair.value === null || pair.value === undefined ? pair.key : step(pair.value, more)
  }

  const node = step(doc.contents, path)
  return yaml.isNode(node) ? node : undefined
}

/** Where a block collection's last value ends, before a comment on its line that `yaml` counts into the collection. */
function lastValueEnd(node: YamlNode): number | undefined {
  const items = (node as {items?: unknown[]; flow?: boolean}).items
  if (!Array.isArray(items) || (node as {flow?: boolean}).flow) return undefined
  // A mapping's item is a pair (its value, or its key for `key:` with none); a list's is the node itself.
  const last = items.at(-1) as {value?: unknown; key?: unknown; range?: unknown} | undefined
  const value = (last && last.range === undefined && 'key' in last ? (last.value ?? last.key) : last) as YamlNode | undefined
  if (!value?.range) return undefined
  return lastValueEnd(value) ?? value.range[1]
}

function referenceRange(text: string, lines: LineCounter, node: YamlNode | undefined): Range | undefined {
  if (!node?.range) return undefined
  const [start, valueEnd] = node.range
  let end = valueEnd
  // `key: value # comment` as a collection's last line: the comment is not content.
  const inner = lastValueEnd(node)
  if (inner !== undefined && /^[ \t]+#[^\n]*\s*$/.test(text.slice(inner, valueEnd))) end = inner
  while (end > start + 1 && /\s/.test(text[end - 1] ?? '')) end--
  const at = (offset: number): {line: number; column: number} => {
    const {line, col} = lines.linePos(offset)
    return {line, column: col}
  }

  return {start: at(start), end: at(end)}
}

describe.skipIf(!CORPUS)('the fast locator against a full yaml parse', () => {
  it('places every finding and related location of every rule as the full parse does', async () => {
    const rules = await loadRules()
    const config = await loadConfig(rules, {cwd: CORPUS})
    // Every rule that can run on files, on: the more findings, the more paths compared.
    for (const rule of rules) config.rules.set(rule.meta.id, {severity: 'warning', configured: true, options: config.rules.get(rule.meta.id)?.options ?? {}})
    const input = await loadPaths([CORPUS!], {cwd: CORPUS, limits: config.settings.limits})
    const calls: Call[] = []
    const locators = new Map<string, Locator>()
    for (const [file, locator] of input.locators) {
      locators.set(file, {
        async locate(document, objectPath) {
          const range = await locator.locate(document, objectPath)
          calls.push({file, document, path: objectPath, range})
          return range
        },
      })
    }

    const lintInput: LintInput = {...input, locators}
    const result = await lint(lintInput, config, rules)
    expect(result.findings.length).toBeGreaterThan(500)

    const yaml = await loadYaml()
    const parsed = new Map<string, {text: string; lines: LineCounter; docs: Document.Parsed[]}>()
    const reference = (file: string) => {
      let entry = parsed.get(file)
      if (!entry) {
        const text = readFileSync(path.resolve(CORPUS!, file), 'utf8')
        const lines = new yaml.LineCounter()
        entry = {text, lines, docs: yaml.parseAllDocuments(text, {lineCounter: lines, uniqueKeys: false, strict: false}) as Document.Parsed[]}
        parsed.set(file, entry)
      }

      return entry
    }

    // The loader numbers documents as its split finds them: comments before the first `---` are a document of their
    // own there, and the start of the first one in the full parse. Pair them by the objects read, in order.
    const docIndex = new Map<string, Map<number, number>>()
    const unpaired: string[] = []
    for (const r of input.resources) {
      if (r.origin.type !== 'file') continue
      const {docs} = reference(r.origin.file)
      const pairs = docIndex.get(r.origin.file) ?? new Map<number, number>()
      docIndex.set(r.origin.file, pairs)
      if (pairs.has(r.origin.document)) continue
      const from = Math.max(-1, ...pairs.values()) + 1
      const json = (v: unknown): string => JSON.stringify(v)
      const want = json(r.object)
      const j = docs.findIndex((doc, i) => {
        if (i < from) return false
        const value = doc.getIn(r.origin.type === 'file' ? r.origin.prefix : [], true)
        return json(withoutSchemas(yaml.isNode(value) ? value.toJSON() : value)) === want
      })
      if (j === -1) unpaired.push(`${r.origin.file} doc ${r.origin.document}`)
      else pairs.set(r.origin.document, j)
    }

    expect(unpaired, 'objects the full parse does not find where the loader read them').toEqual([])
    /** The full parse's document for the loader's: paired, or at the same distance as the file's first pair. */
    const fullDocument = (file: string, document: number): number => {
      const pairs = docIndex.get(file)
      const paired = pairs?.get(document)
      if (paired !== undefined) return paired
      const [first] = pairs ?? []
      return first ? document - first[0] + first[1] : document
    }

    const differences: string[] = []
    for (const call of calls) {
      const {text, lines, docs} = reference(call.file)
      const doc = docs[fullDocument(call.file, call.document)]
      const expected = doc ? referenceRange(text, lines, follow(yaml, doc, call.path)) : undefined
      const where = (r: Range | undefined): string => (r ? `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}` : 'none')
      if (where(call.range) !== where(expected)) differences.push(`${call.file} doc ${call.document} ${call.path.join('.')}: fast ${where(call.range)}, full ${where(expected)}`)
    }

    expect(calls.length).toBeGreaterThan(500)
    expect(differences).toEqual([])
  }, 300_000)
})

if (!CORPUS) it.skip(CORPUS_MISSING, () => {})
