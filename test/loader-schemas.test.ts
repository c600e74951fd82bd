/**
 * CRDs read without their schemas (src/loaders/schemas.ts) read as the
 * whole document does, less the schemas, and a schema is cut only when the
 * whole document parses: over the corpus's CRDs, over hand-written schemas
 * in every style the reading takes, and over thousands of mutations of one,
 * each compared with js-yaml's parse of the whole text.
 */
import {readFileSync} from 'node:fs'
import jsYaml from 'js-yaml'
import {describe, expect, it} from 'vitest'
import {DEFAULT_LIMITS, parseDocument, SCHEMA, splitDocuments, type DocumentChunk} from '../src/loaders/documents.js'
import {withoutSchemas as cutSchemas} from '../src/loaders/schemas.js'
import {lint, loadConfig, LoadedInput, loadRules, loadText} from '../src/index.js'
import {CORPUS, CORPUS_MISSING, corpusYamlFiles} from './support/corpus.js'
import {withoutSchemas} from './support/crd.js'

/** js-yaml's parse of the whole text; undefined when it does not parse (or has a duplicate key). */
function raw(text: string): unknown {
  try {
    return jsYaml.load(text, {schema: SCHEMA})
  } catch {
    return undefined
  }
}

/** js-yaml's parse of the whole text, with each schema emptied; undefined when it does not parse (or has a duplicate key). */
const whole = (text: string): unknown => withoutSchemas(raw(text))

const chunk = (text: string): DocumentChunk => ({index: 0, text, offset: 0, line: 0})

const CRD = (schema: string, head = ''): string =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n${head}spec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n${schema}    subresources:\n      status: {}\n`

/** A schema in every style the reading takes: nested mappings, sequences beside their key and below it, plain, quoted and block scalars over several lines, empty collections, a sequence of words, comments. */
const STYLES = [
  '        description: Widget is a widget, with a description that goes on',
  '          over a second line, and `code` - and a dash.',
  '        type: object',
  '        # a comment',
  '        properties:',
  '          apiVersion:',
  "            description: 'APIVersion defines the versioned schema of this representation",
  "              of an object: it''s ''quoted''.'",
  '            type: string',
  '          spec:',
  '            description: "Escapes: \\t \\" \\\\ \\u00e9 and a line',
  '              that goes on."',
  '            properties:',
  '              ports:',
  '                items:',
  '                  properties:',
  '                    port:',
  '                      format: int32',
  '                      maximum: 65535',
  '                      type: integer',
  '                  required:',
  '                  - port',
  '                  type: object',
  '                type: array',
  '                x-kubernetes-list-map-keys:',
  '                  - port',
  '              notes:',
  '                description: |-',
  '                  Literal text: with colons, # hashes and',
  '',
  '                  - dashes.',
  '                type: string',
  '              pattern:',
  '                pattern: ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
  '                default: {}',
  '                enum: []',
  '                x-kubernetes-preserve-unknown-fields: true',
  '            type: object',
  '          status:',
  '            type: object',
  '        required: [spec, status]  # a comment',
].join('\n')

/** Values of every first character YAML gives a meaning to, and a few more. */
const VALUES = ['-', '-1', '- x', '---', '...', '?', '?x', ':', ':x', '%x', '@x', '`x', '=', '<<', '~', 'a,b', 'a]', 'x #y', 'x# y', '.', '\\x', '(x)', '&a', '*a', '!t', '|', '>', '[a', '{a', '"x', "'x", 'x:', 'x: y', '#b', '[a, b]', '[a, [b]]', '{}', '[]', '{a: b}']

describe('CRDs read without their schemas', () => {
  it('cuts a schema in every style it takes, and reads what the whole document holds without it', () => {
    const text = CRD(`${STYLES}\n`)
    expect(cutSchemas(text, DEFAULT_LIMITS.maxDepth)?.cut).toBe(1)
    const parsed = parseDocument(chunk(text))
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && parsed.value).toEqual(whole(text))
    expect(parsed.ok && (parsed.value as {spec: {names: {kind: string}}}).spec.names.kind).toBe('Widget')
  })

  it('cuts the schemas of several versions, and of apiextensions v1beta1 (spec.validation)', () => {
    const two = CRD(`${STYLES}\n`).replace('    subresources:\n', `  - name: v2\n    served: true\n    storage: false\n    schema:\n      openAPIV3Schema:\n${STYLES}\n    subresources:\n`)
    expect(cutSchemas(two, 500)?.cut).toBe(2)
    const v1beta1 = `apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: w.example.com\nspec:\n  group: example.com\n  names: {kind: W, plural: ws}\n  validation:\n    openAPIV3Schema:\n      type: object\n      properties:\n        a: {}\n  version: v1\n`
    for (const text of [two, v1beta1]) {
      const parsed = parseDocument(chunk(text))
      expect(parsed.ok && parsed.value).toEqual(whole(text))
    }

    expect(cutSchemas(v1beta1, 500)?.cut).toBe(1)
  })

  // Each is a schema the reading does not take: the document is parsed whole, and what it reports is what YAML says.
  const whole_ = [
    ['a flow mapping', '        properties: {a: {type: string}}\n'],
    ['a flow sequence of more than words', '        required: [spec, {status: x}]\n'],
    ['an anchor', '        properties: &p\n          a:\n            type: string\n'],
    ['a tab', '        description: a\ttab\n        type: object\n'],
    ['a quoted key', '        "type": object\n'],
    ['a key YAML reads as a boolean', '        true: object\n'],
    ['a merge key', '        <<: {type: object}\n'],
    ['a block scalar with an indentation indicator', '        description: |2\n            text\n        type: object\n'],
  ] as const
  for (const [what, schema] of whole_) {
    it(`parses a CRD whole when its schema has ${what}`, () => {
      const text = CRD(schema)
      expect(cutSchemas(text, 500)).toBeUndefined()
      const parsed = parseDocument(chunk(text))
      expect(parsed.ok && parsed.value).toEqual(raw(text))
    })
  }

  it('reports a duplicate key inside a schema where it stands, as the whole document does', () => {
    const text = CRD('        type: object\n        description: a\n        type: string\n')
    expect(cutSchemas(text, 500)).toBeUndefined()
    const parsed = parseDocument(chunk(text))
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && parsed.duplicateKey).toEqual({message: 'duplicate key "type"', range: {start: {line: 19, column: 9}, end: {line: 19, column: 10}}})
  })

  it('reports a schema that does not parse at its line, and reads no object from it', () => {
    const text = CRD('        type: object\n          description: too deep\n')
    expect(cutSchemas(text, 500)).toBeUndefined()
    const parsed = parseDocument(chunk(text))
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.range.start.line).toBe(18)
  })

  it('finds the same through lint: invalid-yaml and duplicate-key inside a CRD schema', async () => {
    const text = `${CRD('        type: object\n        description: a\n        type: string\n')}---\n${CRD('        type: object\n          description: too deep\n')}`
    const loaded = new LoadedInput()
    loadText(loaded, 'crds.yaml', text)
    const rules = await loadRules()
    const result = await lint(loaded, await loadConfig(rules), rules)
    const found = result.findings.filter((f) => f.ruleId === 'duplicate-key' || f.ruleId === 'invalid-yaml').map((f) => [f.ruleId, f.start?.line])
    expect(found).toEqual([
      ['duplicate-key', 19],
      ['invalid-yaml', 40],
    ])
  })

  it('reads a value of every first character as the whole document does', () => {
    for (const value of VALUES) {
      for (const schema of [`        type: object\n        x: ${value}\n`, `        items:\n        - ${value}\n`, `        x: foo\n          ${value}\n        type: object\n`]) {
        const text = CRD(schema)
        const expected = raw(text)
        const parsed = parseDocument(chunk(text))
        if (expected === undefined) expect(!parsed.ok || parsed.duplicateKey !== undefined, schema).toBe(true)
        else expect([JSON.stringify(expected), JSON.stringify(whole(text))], schema).toContain(JSON.stringify(parsed.ok && !parsed.duplicateKey && parsed.value))
      }
    }
  })

  it('reads 10,000 mutations of a schema as the whole document does, less the schema where it is cut', () => {
    // A seeded generator: the same mutations on every run (K8S_NET_SCHEMA_FUZZ=rounds,seed runs others, longer).
    const [rounds = 10_000, start = 0x2545f491] = (process.env.K8S_NET_SCHEMA_FUZZ ?? '').split(',').filter(Boolean).map(Number)
    let seed = start
    const next = (n: number): number => {
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      return (seed >>> 0) % n
    }

    const pieces = [' ', '  ', '\n', ':', ': ', '-', '- ', '#', ' #', "'", "''", '"', '\\', '|', '>', '{', '}', '[', ']', '{}', '\t', 'x', '&a', '*a', '!', '%', '@', '`', ',', '?', '\r', '\u00e9', 'type: string\n']
    let cut = 0
    for (let i = 0; i < rounds; i++) {
      let schema = `${STYLES}\n`
      for (let k = 0, edits = 1 + next(3); k < edits; k++) {
        const at = next(schema.length)
        const choice = next(5)
        if (choice === 0) schema = schema.slice(0, at) + schema.slice(at + 1 + next(3))
        else if (choice === 1) schema = schema.slice(0, at) + pieces[next(pieces.length)]! + schema.slice(at)
        else if (choice === 2) {
          // A line again, elsewhere (a duplicate key, a stray entry).
          const lines = schema.split('\n')
          lines.splice(next(lines.length), 0, lines[next(lines.length)]!)
          schema = lines.join('\n')
        } else if (choice === 3) {
          // A line's value replaced by one of every first character.
          const lines = schema.split('\n')
          const l = next(lines.length)
          const colon = lines[l]!.indexOf(': ')
          const dash = lines[l]!.indexOf('- ')
          const at = colon !== -1 ? colon + 2 : dash !== -1 ? dash + 2 : lines[l]!.length
          lines[l] = lines[l]!.slice(0, at) + VALUES[next(VALUES.length)]!
          schema = lines.join('\n')
        } else {
          // A line's indentation changed by one or two.
          const lines = schema.split('\n')
          const l = next(lines.length)
          lines[l] = next(2) === 0 ? ` ${lines[l]}` : lines[l]!.slice(1 + next(2))
          schema = lines.join('\n')
        }
      }

      const text = CRD(schema)
      const expected = raw(text)
      const parsed = parseDocument(chunk(text))
      if (expected === undefined) {
        // What YAML refuses is reported: an error, or a duplicate key.
        expect(!parsed.ok || parsed.duplicateKey !== undefined, `not reported:\n${schema}`).toBe(true)
        continue
      }

      expect(parsed.ok && !parsed.duplicateKey, schema).toBe(true)
      const value = JSON.stringify(parsed.ok && parsed.value)
      if (value === JSON.stringify(expected)) continue
      // Read without its schema: all else as the whole document holds it.
      expect(value, schema).toBe(JSON.stringify(whole(text)))
      cut++
    }

    // Many mutations still leave a schema the reading takes: the comparison above ran on them.
    expect(cut).toBeGreaterThan(1000)
  })

  it.skipIf(!CORPUS)(`reads every CRD of the corpus without its schemas, as the whole document less them (${CORPUS ? 'corpus present' : CORPUS_MISSING})`, () => {
    const files = corpusYamlFiles()
    let crds = 0
    let cut = 0
    for (const file of files) {
      for (const c of splitDocuments(readFileSync(file, 'utf8'))) {
        if (!/^kind: *CustomResourceDefinition/m.test(c.text)) continue
        crds++
        if (cutSchemas(c.text, 500)) cut++
        const parsed = parseDocument({...c})
        expect(parsed.ok && parsed.value, `${file} document ${c.index}`).toEqual(whole(c.text))
      }
    }

    expect(crds).toBeGreaterThan(30)
    // The corpus's CRDs are generated, in the plain style: every one is read without its schemas.
    expect(cut).toBe(crds)
  })
})
