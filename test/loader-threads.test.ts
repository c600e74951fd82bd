/**
 * Parsing on worker threads gives what one thread gives: the same objects,
 * problems, findings, order and positions, over the real-world corpus and a
 * generated tree that holds every kind of problem the parser reports (limits
 * included). A worker that fails, dies or sends back nonsense loses no file.
 *
 * Tests run the TypeScript worker module through tsx (test/support/parse-worker.mjs;
 * the built one is `parse-worker.js` beside the compiled loader, and in lib/
 * for the bundle, which the last test runs).
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {generateApp, writeApp} from '../bench/generate.js'
import {DEFAULT_LIMITS} from '../src/loaders/documents.js'
import {parseText} from '../src/loaders/parse.js'
import {loadPaths} from '../src/loaders/sources.js'
import {MAX_THREADS, PARALLEL_FROM, type ParseJob, parseFiles, threadCount, workerExecArgv} from '../src/loaders/threads.js'
import {lintFiles} from '../src/run.js'
import {CORPUS, CORPUS_MISSING} from './support/corpus.js'
import {REPO} from './support/rule-tester.js'

const WORKER = new URL('./support/parse-worker.mjs', import.meta.url)

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, {recursive: true, force: true})
})

function temporary(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-net-threads-'))
  dirs.push(dir)
  return dir
}

/** A generated tree of more than PARALLEL_FROM characters (its comments padded), with broken, deep, aliased, templated, JSON and List files among the objects. */
function generatedTree(): string {
  const dir = temporary()
  writeApp(generateApp(3000), path.join(dir, 'app'))
  const odd = path.join(dir, 'app', 'odd')
  mkdirSync(odd, {recursive: true})
  const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(600)}${']'.repeat(600)}\n`
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({length: 8}, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n')
  const bigList = {apiVersion: 'v1', kind: 'List', items: Array.from({length: 400}, (_, i) => ({apiVersion: 'v1', kind: 'Service', metadata: {name: `s${i}`}, spec: {type: 'NodePort', ports: [{port: 80, nodePort: 30000 + (i % 7)}]}}))}
  const files: Record<string, string> = {
    'broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\nkind: [unclosed\n---\napiVersion: v1\nkind: Service\nmetadata: {name: after}\n',
    'dup.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: d\n  name: e\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n',
    'deep.yaml': deep,
    'laughs.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n${laughs}\n`,
    'cycle.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &x [*x]\n',
    'template.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n',
    'numbers.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: n\nspec:\n  ports: [{port: .nan}, {port: .inf}, {port: -0.0}]\n',
    'list.json': JSON.stringify(bigList, undefined, 2),
    'comment.json': '{"apiVersion": "v1", // no\n"kind": "Service"}\n',
    'bom.yaml': '\uFEFFapiVersion: v1\nkind: Service\nmetadata: {name: bom}\n---\n\uFEFFapiVersion: v1\nkind: Service\nmetadata: {name: bom2}\n',
    'scalar.yaml': 'just text\n',
    'big-list.yaml': `apiVersion: v1\nkind: List\nitems:\n${bigList.items.map((s) => `- apiVersion: v1\n  kind: Service\n  metadata:\n    name: y${s.metadata.name}\n  spec:\n    type: LoadBalancer\n    ports:\n    - port: 80\n`).join('')}`,
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(odd, name), text)
  // Comments only: they take the input over PARALLEL_FROM without much to parse.
  writeFileSync(path.join(odd, 'padding.yaml'), `${'# padding\n'.repeat(PARALLEL_FROM / 10)}apiVersion: v1\nkind: Namespace\nmetadata: {name: padded}\n`)
  return dir
}

/** Everything a load gives, in order: objects with their origins, incomplete documents, problems, files. */
async function loaded(dir: string, threads: number, limits = DEFAULT_LIMITS): Promise<unknown> {
  const input = await loadPaths(['.'], {cwd: dir, threads, worker: WORKER, limits})
  return {
    resources: input.resources.map(({uid, object, kind, name, namespace, origin}) => ({uid, object, kind, name, namespace, origin})),
    incomplete: input.incomplete,
    problems: input.problems,
    files: input.files,
  }
}

/** `count` small files that come to more than PARALLEL_FROM characters together (long comments), so that threads are used. */
function manyJobs(count: number): ParseJob[] {
  const comment = `# ${'x'.repeat(Math.ceil(PARALLEL_FROM / count))}\n`
  return Array.from({length: count}, (_, i) => ({text: `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\n${comment}`, json: false}))
}

async function linted(dir: string, threads: number): Promise<unknown> {
  const {result} = await lintFiles(['.'], {cwd: dir, threads, worker: WORKER})
  return result
}

describe('parsing on worker threads', () => {
  it('gives the objects, problems, findings and positions one thread gives, over a generated tree', async () => {
    const dir = generatedTree()
    const one = await loaded(dir, 1)
    expect((one as {problems: unknown[]}).problems.length).toBeGreaterThanOrEqual(7)
    expect(await loaded(dir, 2)).toEqual(one)
    expect(await loaded(dir, 3)).toEqual(one)
    // Limits hold in workers as on the main thread.
    const tight = {...DEFAULT_LIMITS, maxDepth: 6, maxAliasNodes: 50}
    const tightOne = await loaded(dir, 1, tight)
    expect(JSON.stringify(tightOne)).not.toBe(JSON.stringify(one))
    expect(await loaded(dir, 2, tight)).toEqual(tightOne)

    const findings = await linted(dir, 1)
    expect((findings as {findings: unknown[]}).findings.length).toBeGreaterThan(100)
    expect(await linted(dir, 2)).toEqual(findings)
  }, 120_000)

  it.skipIf(!CORPUS)(`gives the findings one thread gives over the corpus (${CORPUS ? 'present' : CORPUS_MISSING})`, async () => {
    const one = await linted(CORPUS!, 1)
    expect(await linted(CORPUS!, 2)).toEqual(one)
  }, 120_000)

  it('parses on the workers indeed, and every file once, in the order given', async () => {
    const jobs = manyJobs(300)
    // The main thread only waits: every result comes from a worker.
    const outcomes = await parseFiles(jobs, DEFAULT_LIMITS, {threads: 2, worker: WORKER, mainShares: false, keepBytes: true})
    expect(outcomes.map((o) => (o.result.parsed[0] as {value: {metadata: {name: string}}}).value.metadata.name)).toEqual(jobs.map((_, i) => `s${i}`))
    expect(outcomes.every((o) => o.bytes !== undefined)).toBe(true)
    expect(outcomes.map((o) => o.result)).toEqual(jobs.map((j) => parseText(j.text, j.json, DEFAULT_LIMITS)))
    // Without the parse cache, the bytes go once read back.
    const plain = await parseFiles(jobs, DEFAULT_LIMITS, {threads: 2, worker: WORKER, mainShares: false})
    expect(plain.filter((o) => o.bytes !== undefined)).toEqual([])
    expect(plain.map((o) => o.result)).toEqual(outcomes.map((o) => o.result))
  }, 60_000)

  it('loses no file when a worker fails, dies, sends nonsense or cannot start', async () => {
    const dir = temporary()
    const jobs = manyJobs(200)
    const expected = jobs.map((j) => parseText(j.text, j.json, DEFAULT_LIMITS))
    const workers: Record<string, string> = {
      // Takes files and throws before it sends any back.
      'throws.mjs': "import {workerData} from 'node:worker_threads'\nAtomics.add(workerData.next, 0, 20)\nthrow new Error('broken')\n",
      // Takes files and ends its thread.
      'exits.mjs': "import {workerData} from 'node:worker_threads'\nAtomics.add(workerData.next, 0, 20)\nprocess.exit(3)\n",
      // Sends messages of no shape it should, bytes that are no parse result, then says it is done.
      'garbage.mjs':
        "import {parentPort, workerData} from 'node:worker_threads'\nparentPort.postMessage(7)\nparentPort.postMessage(null)\nparentPort.postMessage({index: 'x', bytes: 1})\nfor (let i = Atomics.add(workerData.next, 0, 1); i < workerData.texts.length; i = Atomics.add(workerData.next, 0, 1)) parentPort.postMessage({index: i, bytes: new Uint8Array([1, 2, 3])})\nparentPort.postMessage({done: true})\n",
    }
    for (const [name, source] of Object.entries(workers)) {
      writeFileSync(path.join(dir, name), source)
      const outcomes = await parseFiles(jobs, DEFAULT_LIMITS, {threads: 2, worker: pathToFileURL(path.join(dir, name))})
      expect(outcomes.map((o) => o.result), name).toEqual(expected)
    }

    const missing = await parseFiles(jobs, DEFAULT_LIMITS, {threads: 2, worker: pathToFileURL(path.join(dir, 'none.mjs'))})
    expect(missing.map((o) => o.result)).toEqual(expected)
  }, 60_000)

  it('gives a worker only the files at the end that hold its share of the text; the main thread parses what no worker took', async () => {
    const dir = temporary()
    const out = path.join(dir, 'seen.json')
    writeFileSync(
      path.join(dir, 'peek.mjs'),
      `import {writeFileSync} from 'node:fs'\nimport {parentPort, workerData} from 'node:worker_threads'\nwriteFileSync(${JSON.stringify(out)}, JSON.stringify({first: workerData.first, texts: workerData.texts}))\nparentPort.postMessage({done: true})\n`,
    )
    const jobs = manyJobs(200)
    const outcomes = await parseFiles(jobs, DEFAULT_LIMITS, {threads: 2, worker: pathToFileURL(path.join(dir, 'peek.mjs'))})
    expect(outcomes.map((o) => o.result)).toEqual(jobs.map((j) => parseText(j.text, j.json, DEFAULT_LIMITS)))
    const seen = JSON.parse(readFileSync(out, 'utf8')) as {first: number; texts: string[]}
    expect(seen.texts).toEqual(jobs.slice(seen.first).map((j) => j.text))
    const chars = (list: readonly string[]): number => list.reduce((n, t) => n + t.length, 0)
    const share = chars(seen.texts) / chars(jobs.map((j) => j.text))
    expect(share).toBeGreaterThanOrEqual(0.5)
    expect(share).toBeLessThan(0.55)
  }, 60_000)

  it('uses one thread for small inputs, a machine without two cores to spare, deep limits or when told', () => {
    const big = PARALLEL_FROM * 4
    expect(threadCount(PARALLEL_FROM - 1, DEFAULT_LIMITS, undefined, 8, 0)).toBe(1)
    expect(threadCount(big, DEFAULT_LIMITS, 1, 8, 0)).toBe(1)
    expect(threadCount(big, {...DEFAULT_LIMITS, maxDepth: 5000}, 4, 8, 0)).toBe(1)
    // Two cores, idle or not: one for the main thread, one for V8's garbage collection.
    expect(threadCount(big, DEFAULT_LIMITS, undefined, 2, 1.8)).toBe(1)
    expect(threadCount(big, DEFAULT_LIMITS, undefined, 2, 0)).toBe(1)
    // Four cores: two workers when idle or one core is busy, one with two busy, none with three.
    expect(threadCount(big, DEFAULT_LIMITS, undefined, 4, 0)).toBe(3)
    expect(threadCount(big, DEFAULT_LIMITS, undefined, 4, 1.2)).toBe(3)
    expect(threadCount(big, DEFAULT_LIMITS, undefined, 4, 2.2)).toBe(2)
    expect(threadCount(big, DEFAULT_LIMITS, undefined, 4, 3)).toBe(1)
    // Told: as many as the input pays for, whatever the load, never more than MAX_THREADS.
    expect(threadCount(big, DEFAULT_LIMITS, 2, 2, 7)).toBe(2)
    expect(threadCount(PARALLEL_FROM * 100, DEFAULT_LIMITS, 64, 64, 0)).toBe(MAX_THREADS)
    expect(threadCount(PARALLEL_FROM, DEFAULT_LIMITS, 64, 64, 0)).toBe(2)
  })

  it('runs from the bundle: lib/parse-worker.js parses as the main thread does', () => {
    const dir = generatedTree()
    const script = `const {lintFiles} = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'lib', 'index.js')).href)})
const a = await lintFiles(['.'], {threads: 1}), b = await lintFiles(['.'], {threads: 2})
process.stdout.write(JSON.stringify([a.result, b.result]))`
    // --cpu-prof writes a profile for each thread: two say a worker ran.
    const profiles = temporary()
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, '--input-type=module', '-e', script], {cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000})
    expect(r.stderr).toBe('')
    const [a, b] = JSON.parse(r.stdout) as [unknown, unknown]
    expect(b).toEqual(a)
    expect(readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile')).length).toBe(2)
  }, 60_000)
})

describe('the Node options a worker takes', () => {
  it('are the profiling ones: not -e and its script, --input-type or a memory limit, with which a worker does not start', () => {
    expect(workerExecArgv(['--input-type=module', '--cpu-prof', '--cpu-prof-dir', '/tmp/p', '-e', 'import("k8s-net")', '--max-old-space-size=300', '--input-type', 'module', '--heap-prof-name=x'])).toEqual([
      '--cpu-prof',
      '--cpu-prof-dir',
      '/tmp/p',
      '--heap-prof-name=x',
    ])
  })
})

describe('K8S_NET_THREADS', () => {
  it('is a whole number of threads from 1; anything else is a usage error that names it', async () => {
    const dir = temporary()
    writeFileSync(path.join(dir, 'a.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n')
    const saved = process.env.K8S_NET_THREADS
    try {
      for (const value of ['0', 'two', '-1', '1.5', '4000']) {
        process.env.K8S_NET_THREADS = value
        await expect(lintFiles(['.'], {cwd: dir})).rejects.toThrow(/^K8S_NET_THREADS takes a whole number of threads from 1/)
      }

      process.env.K8S_NET_THREADS = '1'
      expect((await lintFiles(['.'], {cwd: dir})).result.objects).toBe(1)
    } finally {
      if (saved === undefined) delete process.env.K8S_NET_THREADS
      else process.env.K8S_NET_THREADS = saved
    }
  })
})
