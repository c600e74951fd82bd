/**
 * The line reader (src/loaders/plain-lines.ts) against the position tree it
 * stands in for (js-yaml's events, which test/locator-differential.test.ts
 * holds to a full parse with \`yaml\`): for every node of every document, and
 * for paths that go past the document (a missing key, an item beyond the end,
 * a key under a value), the locator must give the same range with the reader
 * as without it. Where the reader is not sure of a document it must say so
 * (undefined), and the tree locates it. Over hand-written documents that probe
 * each rule of plain block style, and over the shared corpus.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import jsYaml from 'js-yaml'
import {describe, expect, it} from 'vitest'
import type {ObjectPath, Range} from '../src/engine/types.js'
import {ITEM_SPANS_FROM, SCHEMA, splitDocuments} from '../src/loaders/documents.js'
import {FileLocator} from '../src/loaders/locate.js'
import {plainDocument, plainRange} from '../src/loaders/plain-lines.js'
import {CORPUS, CORPUS_MISSING, corpusYamlFiles} from './support/corpus.js'
import {mutate, prng} from './support/fuzz.js'
import {TreeOnly} from './support/tree-only.js'

/** Every path to a node of the value, and one past each: a missing key, an item past the end, a step under a scalar. */
function pathsOf(value: unknown, at: ObjectPath = [], out: ObjectPath[] = []): ObjectPath[] {
  out.push(at)
  if (Array.isArray(value)) {
    value.forEach((item, i) => pathsOf(item, [...at, i], out))
    out.push([...at, value.length], [...at, 'key'])
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out)
    out.push([...at, 'not-a-key-here'], [...at, 0])
  } else {
    out.push([...at, 'deeper'])
  }

  return out
}

interface Compared {
  documents: number
  plain: number
  paths: number
  differences: string[]
}

const where = (r: Range | undefined): string => (r ? `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}` : 'none')

/** Compares the locator with the reader and without it on every path of a file's documents the reader reads. */
async function compare(text: string, name: string): Promise<Compared> {
  const chunks = splitDocuments(text)
  const withReader = new FileLocator(chunks)
  const treeOnly = new FileLocator(chunks, new TreeOnly())
  const result: Compared = {documents: 0, plain: 0, paths: 0, differences: []}
  for (const chunk of chunks) {
    let value: unknown
    try {
      value = jsYaml.load(chunk.text, {schema: SCHEMA, json: true})
    } catch {
      continue
    }

    result.documents++
    // The locator leaves large documents to the tree (the reader walks the lines again for each path).
    const doc = chunk.text.length < ITEM_SPANS_FROM ? plainDocument(chunk.text) : undefined
    if (!doc) continue
    result.plain++
    for (const p of pathsOf(value)) {
      // Undefined: the reader hands the document to the position tree, which is always right to do.
      if (!plainRange(doc, p)) continue
      result.paths++
      const [got, want] = [where(await withReader.locate(chunk.index, p)), where(await treeOnly.locate(chunk.index, p))]
      if (got !== want) result.differences.push(`${name} doc ${chunk.index} ${JSON.stringify(p)}: reader ${got}, tree ${want}`)
    }
  }

  return result
}

describe('the line reader', () => {
  const plain: Record<string, string> = {
    'a Deployment': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # the name
  labels:
    app: web
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: app
        image: "nginx:1.27"
        ports:
          - containerPort: 80
            name: http
          - containerPort: 443
        env: []
      volumes: {}
`,
    'lists at the key column and deeper, values with colons and hashes': `---
# comment
spec:
  hosts:
  - a.example.com
  - 'it''s'
  url: http://x:80/#frag
  empty:
  last: "esc \\" quote" # c
  nested:
      deep:
        - x: 1
          y:
        -   z: 2
`,
    'a key with nothing at the end': `a:
  b: 1
  c:
`,
    'repeated keys: the last wins': `a: 1
b:
  x: 1
a:
  - 1
`,
    'a list at the top': `- a: 1
- b
- c:
    d: e
`,
    'null and empty values': `a: ~
b: null
c: ""
d:
e: -1
f: -x
`,
  }

  const notPlain: Record<string, string> = {
    'a block scalar': 'a: |\n  text\nb: 1\n',
    'a folded block scalar': 'a: >-\n  text\n',
    'a value of several lines': 'a: one\n  two\nb: 1\n',
    'a quoted value of several lines': 'a: "one\nb: two"\nc: 1\n',
    'a flow mapping': 'a: {b: 1}\n',
    'a flow list': 'a: [1, 2]\n',
    'a flow list of one': "args: ['--a']\n",
    'an anchor and an alias': 'a: &x 1\nb: *x\n',
    'a merge key': 'a: &x\n  k: 1\nb:\n  <<: *x\n',
    'a tag': 'a: !!str 1\n',
    'a quoted key': '"a": 1\n',
    'a key the schema reads as a boolean': 'True: 1\n',
    'a number as key': '80: http\n',
    'tabs': 'a:\n\tb: 1\n',
    'CR line ends': 'a: 1\r\nb: 2\r\n',
    'a byte-order mark after a value': 'a: 1\uFEFF\nb: 2\n',
    'an explicit key': '? a\n: 1\n',
    'a directive': '%YAML 1.2\n---\na: 1\n',
    'an item with nothing': 'a:\n-\n- b\n',
    'a list in a list': 'a:\n- - b\n',
    'a second document marker': 'a: 1\n---\nb: 2\n',
  }

  it('gives the tree’s range for every path of documents in plain block style', async () => {
    for (const [name, text] of Object.entries(plain)) {
      const result = await compare(text, name)
      expect(result.plain, name).toBe(1)
      expect(result.differences, name).toEqual([])
      // Every path: no line of these documents sends the reader back to the tree.
      expect(result.paths, name).toBe(pathsOf(jsYaml.load(text, {schema: SCHEMA, json: true})).length)
    }
  })

  it('leaves documents in any other style to the position tree', () => {
    for (const [name, text] of Object.entries(notPlain)) expect(plainDocument(text), name).toBeUndefined()
  })

  it('gives the tree’s range on thousands of mutations of those documents, wherever it still reads them', async () => {
    // Seeded: the same mutations on every run (K8S_NET_PLAIN_FUZZ=rounds,seed runs others, longer). A mutation the
    // reader still reads must be one it reads right.
    const [rounds = 4000, seed = 15] = (process.env.K8S_NET_PLAIN_FUZZ ?? '').split(',').filter(Boolean).map(Number)
    const random = prng(seed)
    const texts = Object.values(plain)
    let read = 0
    const differences: string[] = []
    for (let round = 0; round < rounds; round++) {
      const {text, applied} = mutate(texts[round % texts.length]!, random)
      const result = await compare(text, `mutation ${round} (${applied.join(', ')})`)
      read += result.plain
      differences.push(...result.differences)
    }

    expect(differences.slice(0, 10)).toEqual([])
    expect(read).toBeGreaterThan(1000)
  })

  it('names the key of `key:` with no value, and the mapping for a key it does not have', () => {
    const text = 'a:\n  b: 1\n  c:\n'
    const doc = plainDocument(text)!
    const slice = (p: ObjectPath): string => {
      const r = plainRange(doc, p)!
      return text.slice(r.start, r.end)
    }

    expect(slice(['a', 'c'])).toBe('c')
    expect(slice(['a', 'missing', 'deeper'])).toBe('b: 1\n  c')
    expect(slice(['a', 'b', 'deeper'])).toBe('1')
    expect(slice([])).toBe('a:\n  b: 1\n  c')
  })
})

describe.skipIf(!CORPUS)('the line reader on the corpus', () => {
  it('gives the tree’s range wherever it reads a document, and reads most of them', async () => {
    const files = corpusYamlFiles()
    const total: Compared = {documents: 0, plain: 0, paths: 0, differences: []}
    for (const file of files) {
      const result = await compare(readFileSync(file, 'utf8'), path.relative(CORPUS!, file))
      total.documents += result.documents
      total.plain += result.plain
      total.paths += result.paths
      total.differences.push(...result.differences)
    }

    expect(total.differences.slice(0, 20)).toEqual([])
    expect(total.documents).toBeGreaterThan(1000)
    // Most real manifests are in plain block style: the reader is not a path taken once in a while.
    expect(total.plain / total.documents).toBeGreaterThan(0.5)
    expect(total.paths).toBeGreaterThan(50_000)
  }, 300_000)
})

if (!CORPUS) it.skip(CORPUS_MISSING, () => {})
