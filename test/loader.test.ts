/**
 * The loader: splitting a stream into documents, parsing them, expanding
 * Lists, reading JSON and standard input, and turning paths into positions.
 *
 * Expected positions are computed from the fixture text itself with `at`
 * (line number read off the fixture, column found by searching that line),
 * never copied from what the loader printed.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {ObjectPath, Position} from '../src/engine/types.js'
import jsYaml from 'js-yaml'
import {parseDocument, splitDocuments} from '../src/loaders/documents.js'
import {jsonItemSpans, TreeCache} from '../src/loaders/locate.js'
import {STDIN} from '../src/engine/types.js'
import {expandPaths, LoadedInput, loadPaths, loadText} from '../src/loaders/sources.js'
import {HOOK_EXCLUDE, isSkipped} from '../src/loaders/paths.js'
import {readStreamBounded} from '../src/util/bytes.js'
import {lintFiles} from '../src/run.js'

/** The 1-based position of `needle` on 1-based line `line` of `text` (the `occurrence`-th match on that line). */
function at(text: string, line: number, needle: string, occurrence = 1): Position {
  const lineText = text.split('\n')[line - 1]
  if (lineText === undefined) throw new Error(`the fixture has no line ${line}`)
  let column = -1
  for (let i = 0; i < occurrence; i++) column = lineText.indexOf(needle, column + 1)
  if (column === -1) throw new Error(`line ${line} of the fixture does not hold ${JSON.stringify(needle)}: ${JSON.stringify(lineText)}`)
  return {line, column: column + 1}
}

/** The position just past `needle` on a line: the exclusive end of a range that ends with it. */
function after(text: string, line: number, needle: string): Position {
  const start = at(text, line, needle)
  return {line, column: start.column + needle.length}
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`

function load(file: string, text: string): LoadedInput {
  const loaded = new LoadedInput()
  loadText(loaded, file, text)
  return loaded
}

async function locate(loaded: LoadedInput, file: string, document: number, path: ObjectPath) {
  return loaded.locators.get(file)!.locate(document, path)
}

describe('splitting a stream into documents', () => {
  it('splits at --- and ..., keeping each document\'s first line and offset', () => {
    const text = lines('a: 1', '---', 'b: 2', '...', '--- # third', 'c: 3')
    const chunks = splitDocuments(text)
    expect(chunks.map((c) => c.text)).toEqual(['a: 1\n', '---\nb: 2\n...\n', '--- # third\nc: 3\n'])
    expect(chunks.map((c) => c.line)).toEqual([0, 1, 4])
    for (const c of chunks) expect(text.slice(c.offset, c.offset + c.text.length)).toBe(c.text)
  })

  it('does not split at ---- , an indented --- or --- inside a word', () => {
    const text = lines('a: |', '  ---', 'b: ----', '----: x', 'c: x---')
    expect(splitDocuments(text)).toHaveLength(1)
  })

  it('keeps directives with the document they precede', () => {
    const text = lines('%YAML 1.2', '---', 'a: 1', '---', 'b: 2')
    const chunks = splitDocuments(text)
    expect(chunks.map((c) => c.text)).toEqual(['%YAML 1.2\n---\na: 1\n', '---\nb: 2\n'])
  })
})

describe('documents', () => {
  it('loads every document of a stream, numbered in order', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: a}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: b}',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: c, namespace: shop}',
    )
    const loaded = load('app.yaml', text)
    expect(loaded.resources.map((r) => [r.kind, r.namespace, r.name, r.origin])).toEqual([
      ['Service', 'default', 'a', {type: 'file', file: 'app.yaml', document: 0, prefix: []}],
      ['Service', 'default', 'b', {type: 'file', file: 'app.yaml', document: 1, prefix: []}],
      ['Deployment', 'shop', 'c', {type: 'file', file: 'app.yaml', document: 2, prefix: []}],
    ])
    expect(loaded.resources.map((r) => r.uid)).toEqual([0, 1, 2])
  })

  it('skips empty documents and documents of comments without a word', () => {
    const text = lines('---', '---', '# only a comment', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata: {name: x}', '---', '...')
    const loaded = load('a.yaml', text)
    expect(loaded.resources.map((r) => r.name)).toEqual(['x'])
    expect(loaded.incomplete).toEqual([])
    expect(loaded.problems).toEqual([])
  })

  it('reports a document that is not an object, and an object without kind, as incomplete', () => {
    const text = lines('- a', '- b', '---', 'just text', '---', 'apiVersion: v1', 'metadata: {name: x}')
    const loaded = load('a.yaml', text)
    expect(loaded.incomplete.map((d) => [d.origin.document, d.problem])).toEqual([
      [0, 'document is a sequence, not a Kubernetes object'],
      [1, 'document is a string, not a Kubernetes object'],
      [2, 'object has no kind'],
    ])
  })

  it('reads the next documents after a broken one', () => {
    const text = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: a', '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: b}')
    const loaded = load('a.yaml', text)
    expect(loaded.resources.map((r) => r.name)).toEqual(['b'])
    expect(loaded.problems).toHaveLength(1)
    expect(loaded.problems[0]!.origin.document).toBe(0)
    expect(loaded.problems[0]!.message).toMatch(/^invalid YAML: /)
    // The error is about the unclosed mapping of line 3: js-yaml notices at the end of the document.
    expect(loaded.problems[0]!.range.start.line).toBe(3)
  })

  it('expands List kinds into their items, keeping the path to each', async () => {
    const text = lines(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Service',
      '  metadata:',
      '    name: first',
      '- 42',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata:',
      '    name: second',
    )
    const loaded = load('list.yaml', text)
    expect(loaded.resources.map((r) => [r.kind, r.name, r.origin.type === 'file' && r.origin.prefix])).toEqual([
      ['Service', 'first', ['items', 0]],
      ['ConfigMap', 'second', ['items', 2]],
    ])
    expect(loaded.incomplete.map((d) => [d.origin.prefix, d.problem])).toEqual([[['items', 1], 'list item is not a Kubernetes object']])
    const second = loaded.resources[1]!
    const origin = second.origin.type === 'file' ? second.origin : undefined
    const range = await locate(loaded, 'list.yaml', 0, [...origin!.prefix, 'metadata', 'name'])
    expect(range).toEqual({start: at(text, 12, 'second'), end: after(text, 12, 'second')})
  })

  it('locates a finding in one item of a large List by that item alone, in YAML and in JSON', async () => {
    const items = Array.from({length: 400}, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {name: `svc-${i}`, labels: {app: `app-${i}`}},
      spec: {type: 'NodePort', ports: [{name: 'http', port: 80, nodePort: 30_000 + i}]},
    }))
    const yamlText = `apiVersion: v1\nkind: List\nitems:\n${items
      .map((o) => `- apiVersion: v1\n  kind: Service\n  metadata:\n    name: ${o.metadata.name}\n    labels: {app: ${o.metadata.labels.app}}\n  spec:\n    type: NodePort\n    ports:\n    - name: http\n      port: 80\n      nodePort: ${o.spec.ports[0]!.nodePort}\n`)
      .join('')}`
    const jsonText = JSON.stringify({apiVersion: 'v1', kind: 'List', items}, null, 2)
    const minified = JSON.stringify({apiVersion: 'v1', kind: 'List', items})
    expect(yamlText.length).toBeGreaterThan(64 * 1024)
    for (const [file, text] of [['list.yaml', yamlText], ['list.json', jsonText], ['min.json', minified]] as const) {
      const loaded = load(file, text)
      expect(loaded.resources).toHaveLength(400)
      const r = loaded.resources[321]!
      const prefix = r.origin.type === 'file' ? r.origin.prefix : []
      expect(prefix).toEqual(['items', 321])
      const range = await locate(loaded, file, 0, [...prefix, 'spec', 'ports', 0, 'nodePort'])
      // The one line that holds this item's nodePort, and the column of its number.
      const lineNumber = text.split('\n').findIndex((l) => l.includes('30321')) + 1
      expect(range).toEqual({start: at(text, lineNumber, '30321'), end: after(text, lineNumber, '30321')})
      expect((await locate(loaded, file, 0, [...prefix, 'metadata', 'labels', 'app']))?.start).toEqual(
        at(text, text.split('\n').findIndex((l) => l.includes('app-321')) + 1, file === 'list.yaml' ? 'app-321' : '"app-321"'),
      )
    }
  })

  it('records where each item of a large List stands, from the parse (YAML) or a scan of the text (JSON)', () => {
    const items = Array.from({length: 2000}, (_, i) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: `cm-${i}`}, data: {k: `"v${i}", [x]`}}))
    const yamlText = `kind: List\napiVersion: v1\nitems:\n${items.map((o) => `  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: ${o.metadata.name}}\n    data:\n      k: '${o.data.k}'\n`).join('')}`
    const [chunk] = splitDocuments(yamlText)
    expect(parseDocument(chunk!).ok).toBe(true)
    expect(chunk!.items).toHaveLength(2000)
    for (const i of [0, 777, 1999]) {
      // An item's text, its first line indented as it stands after its `- `, reads as the item.
      const {start, end} = chunk!.items![i]!
      const column = start - (yamlText.lastIndexOf('\n', start - 1) + 1)
      expect(column).toBe(4)
      expect(jsYaml.load(' '.repeat(column) + yamlText.slice(start, end))).toEqual(items[i])
    }
    const jsonText = JSON.stringify({kind: 'List', items: [...items.slice(0, 3), 42, ...items.slice(3)], metadata: {note: '"items": [1]'}}, null, 1)
    const spans = jsonItemSpans(jsonText)!
    expect(spans).toHaveLength(2001)
    expect(spans[3]).toBeUndefined()
    expect(JSON.parse(jsonText.slice(spans[4]!.start, spans[4]!.end))).toEqual(items[3])
    expect(JSON.parse(jsonText.slice(spans[2000]!.start, spans[2000]!.end))).toEqual(items[1999])
  })

  it('expands a List inside a List, items in order, each at its path', async () => {
    const text = lines(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Namespace',
      '  metadata: {name: first}',
      '- apiVersion: v1',
      '  kind: List',
      '  items:',
      '  - apiVersion: v1',
      '    kind: ServiceList',
      '    items:',
      '    - {apiVersion: v1, kind: Service, metadata: {name: deepest}}',
      '  - apiVersion: v1',
      '    kind: Namespace',
      '    metadata: {name: inner}',
      '  - 42',
      '- apiVersion: v1',
      '  kind: Namespace',
      '  metadata: {name: last}',
    )
    const loaded = load('nested.yaml', text)
    expect(loaded.resources.map((r) => r.name)).toEqual(['first', 'deepest', 'inner', 'last'])
    expect(loaded.incomplete.map((d) => [d.origin.prefix, d.problem])).toEqual([[['items', 1, 'items', 2], 'list item is not a Kubernetes object']])
    const deepest = loaded.resources[1]!
    expect(deepest.origin.type === 'file' && deepest.origin.prefix).toEqual(['items', 1, 'items', 0, 'items', 0])
    expect((await locate(loaded, 'nested.yaml', 0, [...(deepest.origin.type === 'file' ? deepest.origin.prefix : []), 'metadata', 'name']))?.start).toEqual(at(text, 13, 'deepest'))
  })

  it('keeps labels and annotations named like Object members (__proto__, toString, constructor)', () => {
    const text = lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  labels:', '    __proto__: a', '    toString: b', '    constructor: c', '  annotations: {hasOwnProperty: d}')
    const [pod] = load('p.yaml', text).resources
    expect(Object.entries(pod!.labels)).toEqual([['__proto__', 'a'], ['toString', 'b'], ['constructor', 'c']])
    expect(Object.entries(pod!.annotations)).toEqual([['hasOwnProperty', 'd']])
  })

  it('expands kinds ending in List (ServiceList) too', () => {
    const loaded = load('l.yaml', lines('apiVersion: v1', 'kind: ServiceList', 'items:', '- {apiVersion: v1, kind: Service, metadata: {name: s}}'))
    expect(loaded.resources.map((r) => r.name)).toEqual(['s'])
  })
})

describe('what a parse keeps', () => {
  // Parsing keeps values compact (sequences copied to their length, short strings shared, the text read shared with the
  // chunk): the values and the text must be exactly what js-yaml reads, aliases included.
  const text = lines(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: a-name-longer-than-thirteen',
    '  labels: {app: web, tier: web}',
    'base: &base',
    '  ports: &ports [80, 443]',
    '  names: [http, http, https]',
    'copy:',
    '  <<: *base',
    '  same: *ports',
    'list:',
    '  - http',
    '  - - nested',
    '    - http',
    'empty: []',
  )

  it('gives the values js-yaml gives, with the same sharing through aliases', () => {
    const [chunk] = splitDocuments(text)
    const parsed = parseDocument(chunk!)
    if (!parsed.ok) throw new Error(parsed.message)
    const value = parsed.value as {base: {ports: unknown; names: string[]}; copy: {ports: unknown; same: unknown}}
    expect(value).toEqual(jsYaml.load(text))
    expect(value.copy.same).toBe(value.base.ports)
    expect(value.copy.ports).toBe(value.base.ports)
  })

  it('keeps each document\'s text as it stands in the file', () => {
    const stream = `${text}---\n${text}...\n# end\n`
    const chunks = splitDocuments(stream)
    const before = chunks.map((c) => c.text)
    for (const chunk of chunks) parseDocument(chunk)
    expect(chunks.map((c) => c.text)).toEqual(before)
    for (const chunk of chunks) expect(stream.slice(chunk.offset, chunk.offset + chunk.text.length)).toBe(chunk.text)
  })
})

describe('the cache of position trees', () => {
  it('keeps the trees most recently used, up to its budget of text, and builds again what it dropped', () => {
    const cache = new TreeCache(100)
    let builds = 0
    const get = (key: string, size: number) =>
      cache.get(key, size, () => {
        builds++
        return undefined
      })
    get('a', 60)
    get('b', 30)
    get('a', 60) // a hit: a is now the most recent
    expect(builds).toBe(2)
    get('c', 30) // over budget: b, the least recent, goes
    get('a', 60)
    expect(builds).toBe(3)
    get('b', 30)
    expect(builds).toBe(4)
    // A document larger than the whole budget is still built, and kept until the next one.
    get('huge', 500)
    get('huge', 500)
    expect(builds).toBe(5)
  })

  // Before, each get walked the cache's Map from its oldest slot, past every entry deleted since the last rehash: a file of
  // 100,000 documents with findings took 17 s to locate, 800,000 took minutes. This takes well under a second when each get is a few steps.
  it('takes a few steps per get however many documents pass through it: a million keys through a cache of 100,000', {timeout: 30_000}, () => {
    const cache = new TreeCache(100_000)
    let builds = 0
    const build = () => {
      builds++
      return undefined
    }

    for (let i = 0; i < 1_000_000; i++) cache.get(`k${i}`, 1, build)
    // The last 100,000 are kept, the ones before were dropped.
    for (let i = 999_999; i >= 900_000; i--) cache.get(`k${i}`, 1, build)
    expect(builds).toBe(1_000_000)
    cache.get('k0', 1, build)
    expect(builds).toBe(1_000_001)
  })
})

describe('JSON', () => {
  const json = `{
  "apiVersion": "v1",
  "kind": "Service",
  "metadata": {"name": "web"},
  "spec": {
    "ports": [{"port": 80, "nodePort": 30080}]
  }
}
`

  it('reads a .json file as one document, with positions', async () => {
    const loaded = load('svc.json', json)
    expect(loaded.resources.map((r) => r.name)).toEqual(['web'])
    expect(await locate(loaded, 'svc.json', 0, ['spec', 'ports', 0, 'nodePort'])).toEqual({
      start: at(json, 6, '30080'),
      end: after(json, 6, '30080'),
    })
  })

  it('reads a kubectl List in JSON', () => {
    const list = JSON.stringify({apiVersion: 'v1', kind: 'List', items: [{apiVersion: 'v1', kind: 'Service', metadata: {name: 'a'}}]})
    expect(load('l.json', list).resources.map((r) => r.name)).toEqual(['a'])
  })

  it('reports where a broken .json file breaks', () => {
    const broken = '{\n  "apiVersion": "v1",\n  "kind": "Service"\n  "metadata": {}\n}\n'
    const loaded = load('b.json', broken)
    expect(loaded.resources).toEqual([])
    expect(loaded.problems).toHaveLength(1)
    expect(loaded.problems[0]!.range.start.line).toBe(4)
  })

  it('says JSON has no comments, at the comment, instead of a YAML error further down', () => {
    const commented = '{\n  "apiVersion": "v1",\n  // the web Service\n  "kind": "Service",\n  "metadata": {"name": "web"} /* inline */\n}\n'
    for (const file of ['c.json', STDIN]) {
      const loaded = load(file, commented)
      expect(loaded.problems.map((p) => [p.message, p.range.start])).toEqual([
        ['invalid JSON: JSON has no comments (// or /* */); remove it, or write the file as YAML, where # starts a comment', at(commented, 3, '//')],
      ])
    }

    // A URL in a string is no comment.
    expect(load('u.json', '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a", "annotations": {"x": "http://e"}}}').resources).toHaveLength(1)
  })

  it('reads JSON on standard input when it starts with { or [', async () => {
    const loaded = load(STDIN, json)
    expect(loaded.resources.map((r) => r.name)).toEqual(['web'])
    expect((await locate(loaded, STDIN, 0, ['metadata', 'name']))?.start).toEqual(at(json, 4, '"web"'))
  })
})

describe('walking folders', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-net-walk-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('takes YAML and JSON files, sorted, skipping hidden folders and node_modules, following links once', async () => {
    for (const sub of ['app/b', 'app/a', 'app/.git', 'app/node_modules/x', 'shared']) mkdirSync(path.join(dir, sub), {recursive: true})
    for (const file of ['app/b/svc.yaml', 'app/a/deploy.YML', 'app/a/list.json', 'app/a/notes.md', 'app/.git/config.yaml', 'app/node_modules/x/chart.yaml', 'shared/policy.yaml']) {
      writeFileSync(path.join(dir, file), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n')
    }

    symlinkSync(path.join(dir, 'shared/policy.yaml'), path.join(dir, 'app/linked.yaml'))
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'app/shared-folder'))
    symlinkSync(path.join(dir, 'app'), path.join(dir, 'app/a/loop'))
    symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'app/dangling.yaml'))
    expect((await expandPaths(['app'], dir)).files).toEqual([
      path.join('app', 'a', 'deploy.YML'),
      path.join('app', 'a', 'list.json'),
      path.join('app', 'b', 'svc.yaml'),
      path.join('app', 'linked.yaml'),
      path.join('app', 'shared-folder', 'policy.yaml'),
    ])
  })

  it('lists a file named twice, or met again through a folder, once', async () => {
    expect((await expandPaths(['shared/policy.yaml', 'shared', './shared/policy.yaml'], dir)).files).toEqual(['shared/policy.yaml'])
  })

  const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`

  it('leaves out hidden entries, node_modules and other tools\' files, and counts them; a file named is still read', async () => {
    const repo = path.join(dir, 'repo')
    const files: Record<string, string> = {
      'k8s/app.yaml': namespace('app'),
      'k8s/kustomization.yaml': 'resources: [app.yaml]\n',
      'k8s/.k8s-net.yaml': 'rules: {}\n',
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
      'chart/values.yaml': 'replicas: 2\n',
      'chart/values-prod.yaml': 'replicas: 3\n',
      'chart/values.schema.json': '{"type": "object"}',
      'package.json': '{"name": "x"}',
      'package-lock.json': '{"lockfileVersion": 3}',
      'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
      'tsconfig.build.json': '{}',
      'docker-compose.yml': 'services: {}\n',
      'docker-compose.override.yml': 'services: {}\n',
      'compose.yaml': 'services: {}\n',
      '.pre-commit-config.yaml': 'repos: []\n',
      '.gitlab-ci.yml': 'stages: [test]\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'azure-pipelines.yml': 'trigger: [main]\n',
      'node_modules/dep/x.yaml': namespace('dep'),
      'README.md': '# not YAML\n',
    }
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, name)), {recursive: true})
      writeFileSync(path.join(repo, name), text)
    }

    const expanded = await expandPaths(['.'], repo)
    expect(expanded.files).toEqual([path.join('k8s', 'app.yaml')])
    expect(expanded.skipped.sort()).toEqual(
      ['.github', '.gitlab-ci.yml', '.pre-commit-config.yaml', 'azure-pipelines.yml', 'chart/Chart.yaml', 'chart/values-prod.yaml', 'chart/values.schema.json', 'chart/values.yaml', 'compose.yaml', 'docker-compose.override.yml', 'docker-compose.yml', 'k8s/.k8s-net.yaml', 'k8s/kustomization.yaml', 'node_modules', 'package-lock.json', 'package.json', 'pnpm-lock.yaml', 'tsconfig.build.json'].map((f) => path.join(f)).sort(),
    )
    const {result} = await lintFiles(['.'], {cwd: repo})
    expect({files: result.files, skipped: result.skipped}).toEqual({files: [path.join('k8s', 'app.yaml')], skipped: 18})
    // Named, a file is read whatever its name.
    const named = await lintFiles(['k8s/kustomization.yaml'], {cwd: repo})
    expect(named.result.findings.map((f) => f.ruleId)).toContain('invalid-object')
    // A folder of nothing but other tools' files is an error that says what was left out.
    await expect(expandPaths(['chart'], repo)).rejects.toThrow('no .yaml, .yml or .json files in directory chart (left out as not manifests: Chart.yaml, values-prod.yaml, values.schema.json and 1 more; name a file to lint it anyway)')
  })

  it('the pre-commit hook excludes what a folder walk leaves out: the same list', () => {
    const hook = readFileSync(path.join(import.meta.dirname, '../.pre-commit-hooks.yaml'), 'utf8')
    const exclude = /^ {2}exclude: (.*)$/m.exec(hook)?.[1]
    expect(exclude).toBe(HOOK_EXCLUDE)
    const excluded = new RegExp(exclude!)
    // Each name of the list, at the top and in a folder, is excluded; manifests are not.
    const samples = ['kustomization.yaml', 'Chart.yaml', 'values-prod.yaml', 'package.json', 'pnpm-lock.yaml', 'docker-compose.yml', 'compose.yaml', '.gitlab-ci.yml', '.pre-commit-config.yaml', '.k8s-net.yaml', 'azure-pipelines.yml', 'tsconfig.json']
    for (const name of samples) {
      expect({name, walk: isSkipped(name, false), hook: excluded.test(name), nested: excluded.test(`deploy/${name}`)}).toEqual({name, walk: true, hook: true, nested: true})
    }

    for (const file of ['k8s/app.yaml', 'deploy/values/service.yaml', 'charts/web/templates/service.yaml', 'svc.json']) expect({file, hook: excluded.test(file)}).toEqual({file, hook: false})
    for (const file of ['.github/workflows/ci.yml', 'node_modules/x/a.yaml', 'web/node_modules/x/a.yaml']) expect({file, hook: excluded.test(file)}).toEqual({file, hook: true})
  })

  it('reports an entry it cannot read (a loop of links, a folder without permission) and goes on', async () => {
    const tree = path.join(dir, 'unreadable')
    mkdirSync(path.join(tree, 'locked'), {recursive: true})
    writeFileSync(path.join(tree, 'app.yaml'), namespace('app'))
    writeFileSync(path.join(tree, 'locked', 'x.yaml'), namespace('x'))
    symlinkSync('loop-b.yaml', path.join(tree, 'loop-a.yaml'))
    symlinkSync('loop-a.yaml', path.join(tree, 'loop-b.yaml'))
    const {chmodSync} = await import('node:fs')
    chmodSync(path.join(tree, 'locked'), 0o000)
    // root reads any folder: the loop alone is tested then.
    const rootReadsAll = process.getuid?.() === 0
    try {
      const {result} = await lintFiles(['unreadable'], {cwd: dir})
      const problems = result.findings.filter((f) => f.ruleId === 'invalid-yaml').map((f) => `${f.file}: ${f.message}`)
      expect(problems).toEqual([
        ...(rootReadsAll ? [] : [`${path.join('unreadable', 'locked')}: cannot read directory ${path.join('unreadable', 'locked')}: EACCES: permission denied: not read`]),
        `${path.join('unreadable', 'loop-a.yaml')}: cannot read ${path.join('unreadable', 'loop-a.yaml')}: ELOOP: too many symbolic links encountered: not read`,
        `${path.join('unreadable', 'loop-b.yaml')}: cannot read ${path.join('unreadable', 'loop-b.yaml')}: ELOOP: too many symbolic links encountered: not read`,
      ].sort())
      expect(result.objects).toBe(rootReadsAll ? 2 : 1)
    } finally {
      chmodSync(path.join(tree, 'locked'), 0o755)
    }
  })

  it('a folder or pattern whose files hold no object at all is an error, not a clean run', async () => {
    mkdirSync(path.join(dir, 'empty-files'))
    writeFileSync(path.join(dir, 'empty-files', 'a.yaml'), '')
    writeFileSync(path.join(dir, 'empty-files', 'b.yaml'), '# nothing yet\n---\n')
    await expect(loadPaths(['empty-files'], {cwd: dir})).rejects.toThrow('no Kubernetes object in directory empty-files: its 2 files are empty or only comments')
    await expect(loadPaths(['empty-files/*.yaml'], {cwd: dir})).rejects.toThrow('no Kubernetes object in the files matching empty-files/*.yaml: its 2 files are empty or only comments')
    // A file named may be empty: the user chose it.
    expect((await loadPaths(['empty-files/a.yaml'], {cwd: dir})).files).toEqual(['empty-files/a.yaml'])
  })
})

describe('standard input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-net-loader-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('is named <stdin>, in order with the files around it', async () => {
    writeFileSync(path.join(dir, 'a.yaml'), lines('apiVersion: v1', 'kind: Namespace', 'metadata: {name: from-file}'))
    const stdin = lines('apiVersion: v1', 'kind: Namespace', 'metadata: {name: from-stdin}')
    const loaded = await loadPaths(['-', 'a.yaml'], {cwd: dir, readStdin: async () => Buffer.from(stdin)})
    expect(loaded.files).toEqual([STDIN, 'a.yaml'])
    expect(loaded.resources.map((r) => [r.name, r.origin.type === 'file' && r.origin.file])).toEqual([
      ['from-stdin', STDIN],
      ['from-file', 'a.yaml'],
    ])
  })

  it('that is empty, or only comments, is an error (a failed helm template before the pipe), not a clean run', async () => {
    for (const text of ['', '\n', '# rendered nothing\n---\n']) {
      await expect(loadPaths(['-'], {cwd: dir, readStdin: async () => Buffer.from(text)})).rejects.toThrow(
        'standard input holds no Kubernetes object (it is empty, or only comments): did the command before the pipe fail?',
      )
    }

    // Something that is not an object is reported as such, not as nothing.
    expect((await loadPaths(['-'], {cwd: dir, readStdin: async () => 'just text\n'})).incomplete).toHaveLength(1)
  })

  it('is read only up to the limit: a stream that never ends is not read forever', async () => {
    async function* endless() {
      for (;;) yield Buffer.alloc(64 * 1024, 'a')
    }

    const bytes = await readStreamBounded(endless(), 1_000_000)
    expect(bytes.length).toBeGreaterThan(1_000_000)
    expect(bytes.length).toBeLessThanOrEqual(1_000_000 + 64 * 1024)
  })

  it('accepts text as well as bytes', async () => {
    const loaded = await loadPaths(['-'], {cwd: dir, readStdin: async () => lines('apiVersion: v1', 'kind: Namespace', 'metadata: {name: t}')})
    expect(loaded.resources.map((r) => r.name)).toEqual(['t'])
  })
})

describe('positions', () => {
  const text = lines(
    '# a Service', // 1
    'apiVersion: v1', // 2
    'kind: Service', // 3
    'metadata:', // 4
    '  name: web', // 5
    '  labels: {app: web, tier: "front"}', // 6
    'spec:', // 7
    '  selector:', // 8
    '    app: web # the pods', // 9
    '  ports:', // 10
    '  - name: http', // 11
    '    port: 80', // 12
    '  -   name: admin', // 13
    '      port: 8080', // 14
    '  externalIPs: [1.2.3.4, "5.6.7.8"]', // 15
    '  sessionAffinity:', // 16
    '  description: |', // 17
    '    first line', // 18
    '    second line', // 19
    '', // 20
    '  clusterIP: !!str None', // 21
  )
  const loaded = load('svc.yaml', text)
  const range = (p: ObjectPath) => locate(loaded, 'svc.yaml', 0, p)

  it('points at a plain scalar, without the comment after it', async () => {
    expect(await range(['spec', 'selector', 'app'])).toEqual({start: at(text, 9, 'web'), end: after(text, 9, 'web')})
  })

  it('points at values inside flow collections, quoted or not', async () => {
    expect(await range(['metadata', 'labels', 'app'])).toEqual({start: at(text, 6, 'web'), end: after(text, 6, 'web')})
    expect(await range(['metadata', 'labels', 'tier'])).toEqual({start: at(text, 6, '"front"'), end: after(text, 6, '"front"')})
    expect(await range(['spec', 'externalIPs', 1])).toEqual({start: at(text, 15, '"5.6.7.8"'), end: after(text, 15, '"5.6.7.8"')})
  })

  it('spans a flow collection from bracket to bracket', async () => {
    expect(await range(['spec', 'externalIPs'])).toEqual({start: at(text, 15, '['), end: after(text, 15, ']')})
  })

  it('points at sequence items, however far the item is indented after its dash', async () => {
    expect(await range(['spec', 'ports', 0, 'port'])).toEqual({start: at(text, 12, '80'), end: after(text, 12, '80')})
    expect((await range(['spec', 'ports', 1]))?.start).toEqual(at(text, 13, 'name'))
    expect(await range(['spec', 'ports', 1, 'port'])).toEqual({start: at(text, 14, '8080'), end: after(text, 14, '8080')})
  })

  it('spans a block collection from its first key to the end of its last value', async () => {
    expect(await range(['spec', 'ports'])).toEqual({start: at(text, 11, '-'), end: after(text, 14, '8080')})
  })

  it('points at the key of a key with no value', async () => {
    expect(await range(['spec', 'sessionAffinity'])).toEqual({start: at(text, 16, 'sessionAffinity'), end: after(text, 16, 'sessionAffinity')})
  })

  it('ends a block scalar at its last character', async () => {
    expect(await range(['spec', 'description'])).toEqual({start: at(text, 17, '|'), end: after(text, 19, 'second line')})
  })

  it('starts a tagged value at the value, past its tag', async () => {
    expect((await range(['spec', 'clusterIP']))?.start).toEqual(at(text, 21, 'None'))
  })

  it('points at the deepest node that exists when the path goes further', async () => {
    expect((await range(['spec', 'selector', 'missing', 'deeper']))?.start).toEqual(at(text, 9, 'app'))
    expect((await range(['spec', 'ports', 7, 'port']))?.start).toEqual(at(text, 11, '-'))
  })

  it('points at the document\'s first key, past comments, for the whole object', async () => {
    expect((await range([]))?.start).toEqual(at(text, 2, 'apiVersion'))
  })

  it('counts lines from the start of the file in later documents, past the --- line', async () => {
    const two = lines('apiVersion: v1', 'kind: Namespace', 'metadata: {name: a}', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata: {name: b}')
    const l = load('two.yaml', two)
    expect(await locate(l, 'two.yaml', 1, ['metadata', 'name'])).toEqual({start: at(two, 7, 'b'), end: after(two, 7, 'b')})
    expect((await locate(l, 'two.yaml', 1, []))?.start).toEqual(at(two, 5, 'apiVersion'))
  })

  it('counts lines after a %YAML directive', async () => {
    const directive = lines('%YAML 1.2', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: a')
    const l = load('d.yaml', directive)
    expect(l.resources.map((r) => r.name)).toEqual(['a'])
    expect((await locate(l, 'd.yaml', 0, ['metadata', 'name']))?.start).toEqual(at(directive, 6, 'a', 2))
  })

  it('follows aliases to their anchor, and merge keys to the mapping merged', async () => {
    const anchors = lines(
      'apiVersion: v1', // 1
      'kind: ConfigMap', // 2
      'metadata:', // 3
      '  name: x', // 4
      '  labels: &labels', // 5
      '    app: web', // 6
      'data:', // 7
      '  base: &base {a: "1", b: "2"}', // 8
      '  copy: *labels', // 9
      '  merged:', // 10
      '    <<: *base', // 11
      '    b: "3"', // 12
    )
    const l = load('a.yaml', anchors)
    const r = (p: ObjectPath) => locate(l, 'a.yaml', 0, p)
    expect(l.resources[0]!.object.data).toEqual({base: {a: '1', b: '2'}, copy: {app: 'web'}, merged: {a: '1', b: '3'}})
    expect((await r(['data', 'copy', 'app']))?.start).toEqual(at(anchors, 6, 'web'))
    expect(await r(['data', 'copy'])).toEqual({start: at(anchors, 9, '*labels'), end: after(anchors, 9, '*labels')})
    expect((await r(['data', 'merged', 'a']))?.start).toEqual(at(anchors, 8, '"1"'))
    expect((await r(['data', 'merged', 'b']))?.start).toEqual(at(anchors, 12, '"3"'))
  })

  it('points at the last of duplicate keys, whose value is the one linted', async () => {
    const dup = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  type: NodePort', '  type: ClusterIP')
    const l = load('dup.yaml', dup)
    expect((l.resources[0]!.object.spec as Record<string, unknown>).type).toBe('ClusterIP')
    expect(l.problems.map((p) => [p.type, p.message, p.range.start])).toEqual([['duplicate-key', 'duplicate key "type"', at(dup, 7, 'type')]])
    expect((await locate(l, 'dup.yaml', 0, ['spec', 'type']))?.start).toEqual(at(dup, 7, 'ClusterIP'))
  })

  it('locates what its own tree cannot follow (a flow key without a value) through the full YAML parser', async () => {
    const odd = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data: {flag, other: "1"}', 'list: [a: 1, b]')
    const l = load('odd.yaml', odd)
    expect((await locate(l, 'odd.yaml', 0, ['data', 'other']))?.start).toEqual(at(odd, 4, '"1"'))
    expect((await locate(l, 'odd.yaml', 0, ['data', 'flag']))?.start).toEqual(at(odd, 4, 'flag'))
    expect((await locate(l, 'odd.yaml', 0, ['list', 1]))?.start).toEqual(at(odd, 5, 'b'))
  })

  it('stays right with CRLF line ends', async () => {
    const crlf = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports:', '  - port: 80', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata: {name: b}').replaceAll('\n', '\r\n')
    const l = load('crlf.yaml', crlf)
    expect(l.resources.map((r) => r.name)).toEqual(['web', 'b'])
    const lf = crlf.replaceAll('\r\n', '\n')
    expect(await locate(l, 'crlf.yaml', 0, ['spec', 'ports', 0, 'port'])).toEqual({start: at(lf, 7, '80'), end: after(lf, 7, '80')})
    expect(await locate(l, 'crlf.yaml', 1, ['metadata', 'name'])).toEqual({start: at(lf, 11, 'b}'), end: after(lf, 11, 'b')})
  })

  it('ignores byte-order marks at the start of the file and of later documents (files concatenated)', async () => {
    const bom = '\uFEFFapiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n\uFEFFapiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n'
    const l = load('bom.yaml', bom)
    expect(l.resources.map((r) => r.name)).toEqual(['a', 'b'])
    const plain = bom.replaceAll('\uFEFF', '')
    expect((await locate(l, 'bom.yaml', 1, []))?.start).toEqual(at(plain, 5, 'apiVersion'))
    expect((await locate(l, 'bom.yaml', 1, ['metadata', 'name']))?.start).toEqual(at(plain, 8, 'b'))
  })

  it('reads tabs inside values and reports tabs that indent', () => {
    const tabs = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "one\ttwo"\n  b:\tthree\n'
    expect(load('t.yaml', tabs).resources[0]!.object.data).toEqual({a: 'one\ttwo', b: 'three'})
    const indented = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n'
    const l = load('i.yaml', indented)
    expect(l.problems.map((p) => [p.message, p.range.start])).toEqual([['invalid YAML: tab characters must not be used in indentation', {line: 4, column: 1}]])
  })
})
