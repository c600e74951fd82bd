/**
 * The fast locator (src/loaders/locate.ts: the line reader for plain block
 * style, else js-yaml's events) against a full parse with `yaml`: every path
 * the engine locates, for every finding and related location of every rule
 * over the shared corpus, must get the range the full parse gives (the
 * reference: test/support/yaml-reference.ts).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Document, LineCounter} from 'yaml'
import {loadConfig} from '../src/config/config.js'
import {lint} from '../src/engine/engine.js'
import {loadRules} from '../src/engine/registry.js'
import type {LintInput, Locator, ObjectPath, Range} from '../src/engine/types.js'
import {loadPaths} from '../src/loaders/sources.js'
import {loadYaml} from '../src/util/yaml.js'
import {CORPUS, CORPUS_MISSING} from './support/corpus.js'
import {withoutSchemas} from './support/crd.js'
import {follow, referenceRange} from './support/yaml-reference.js'

interface Call {
  file: string
  document: number
  path: ObjectPath
  range: Range | undefined
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
