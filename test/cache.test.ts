/**
 * The parse cache (`lint --cache`): a second run reads unchanged files back
 * and gives the same findings at the same positions, a changed file is
 * parsed again, settings that change parsing miss, and a cache file that is
 * truncated, corrupted, foreign or tampered with is never trusted.
 */
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import {afterAll, describe, expect, it} from 'vitest'
import {CACHE_FILE_NAME, cacheFilePath, defaultCacheDirectory, ParseCache} from '../src/loaders/cache.js'
import {loadPaths} from '../src/loaders/sources.js'
import {lintFiles} from '../src/run.js'
import {runCli} from './support/cli.js'
import {REPO} from './support/rule-tester.js'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, {recursive: true, force: true})
})

/** A folder of manifests with findings, a syntax error, a duplicate key, a List and JSON. */
function tree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-net-cache-'))
  dirs.push(dir)
  cpSync(path.join(REPO, 'fixtures', 'default-deny-missing', 'invalid'), path.join(dir, 'm', 'deny'), {recursive: true})
  writeFileSync(path.join(dir, 'm', 'broken.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\nkind: [unclosed\n')
  writeFileSync(path.join(dir, 'm', 'dup.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: d\n  name: e\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n')
  writeFileSync(
    path.join(dir, 'm', 'list.json'),
    JSON.stringify({apiVersion: 'v1', kind: 'List', items: [{apiVersion: 'v1', kind: 'Service', metadata: {name: 'j'}, spec: {type: 'LoadBalancer', ports: [{port: 80}]}}]}, undefined, 2),
  )
  writeFileSync(path.join(dir, 'm', 'numbers.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: n\nspec:\n  ports: [{port: .nan}, {port: .inf}, {port: -0.0}]\n')
  return dir
}

/** Everything a run reports, positions included. */
async function report(dir: string, cacheFile?: string): Promise<unknown> {
  const {result} = await lintFiles(['m'], {cwd: dir, cache: cacheFile ? {location: cacheFile, version: 'test'} : undefined})
  return JSON.parse(JSON.stringify(result))
}

async function load(dir: string, file: string, version = 'test', limits?: {maxFileBytes: number; maxAliasNodes: number; maxDepth: number}) {
  const cache = ParseCache.open({file, version})
  const input = await loadPaths(['m'], {cwd: dir, cache, limits})
  cache.save()
  return {cache, input}
}

describe('lint --cache', () => {
  it('gives the same findings, problems and positions on the second run, read from the cache', async () => {
    const dir = tree()
    const file = path.join(dir, 'cache.bin')
    const uncached = await report(dir)
    expect((uncached as {findings: unknown[]}).findings.length).toBeGreaterThan(5)
    expect(await report(dir, file)).toEqual(uncached)
    expect(existsSync(file)).toBe(true)
    expect(await report(dir, file)).toEqual(uncached)

    const {cache, input} = await load(dir, file)
    expect(cache.misses).toBe(0)
    expect(cache.hits).toBe(input.files.length)
    // Values JSON has not survive: .nan, .inf and -0.
    const ports = input.resources.find((r) => r.name === 'n')!.object.spec as {ports: Array<{port: number}>}
    expect(ports.ports.map((p) => p.port)).toEqual([Number.NaN, Number.POSITIVE_INFINITY, -0])
  })

  it('parses a changed file again, and only that one', async () => {
    const dir = tree()
    const file = path.join(dir, 'cache.bin')
    await load(dir, file)
    writeFileSync(path.join(dir, 'm', 'dup.yaml'), '# a line more\n' + readFileSync(path.join(dir, 'm', 'dup.yaml'), 'utf8'))
    const {cache, input} = await load(dir, file)
    expect(cache.misses).toBe(1)
    expect(cache.hits).toBe(input.files.length - 1)
    // The duplicate key moved a line down, and says so.
    expect(input.problems.find((p) => p.type === 'duplicate-key')!.range.start.line).toBe(6)
    expect(await report(dir, file)).toEqual(await report(dir))
  })

  it('misses when the version or a limit changes', async () => {
    const dir = tree()
    const file = path.join(dir, 'cache.bin')
    const first = await load(dir, file)
    expect((await load(dir, file, 'other')).cache.hits).toBe(0)
    const limits = {maxFileBytes: 32 * 1024 * 1024, maxAliasNodes: 100_000, maxDepth: 3}
    const shallow = await load(dir, file, 'test', limits)
    expect(shallow.cache.hits).toBe(0)
    expect(shallow.input.problems.length).toBeGreaterThan(first.input.problems.length)
  })

  it('ignores and rebuilds a truncated, corrupted or foreign cache file', async () => {
    const dir = tree()
    const file = path.join(dir, 'cache.bin')
    const expected = await report(dir)
    await load(dir, file)
    const good = readFileSync(file)
    const bad = [
      good.subarray(0, good.length >> 1),
      Buffer.from(good.map((b, i) => (i % 97 === 50 ? b ^ 0xff : b))),
      Buffer.from('{"this is": "not a cache"}'),
      v8.serialize({magic: 'k8s-net parse cache', format: 1, version: 'test', entries: 'no'}),
      Buffer.alloc(0),
    ]
    for (const bytes of bad) {
      writeFileSync(file, bytes)
      expect(await report(dir, file)).toEqual(expected)
      // Rebuilt: the next run reads everything back.
      expect((await load(dir, file)).cache.misses).toBe(0)
    }
  })

  it('does not trust an entry whose content was tampered with', async () => {
    const dir = tree()
    const file = path.join(dir, 'cache.bin')
    const expected = await report(dir)
    await load(dir, file)
    const container = v8.deserialize(readFileSync(file)) as {entries: Array<[string, string, Uint8Array]>}
    const tampered: Array<(stored: {chunks: any[]; parsed: any[]}) => void> = [
      (s) => (s.chunks[0].offset = 1_000_000), // outside the text
      (s) => (s.chunks[0].length = -1),
      (s) => (s.parsed[0].chunk = 99),
      (s) => (s.parsed[0].value = new Map()), // not a parsed value
      (s) => (s.parsed[0].value = {a: new Date()}),
      (s) => {
        const cycle: Record<string, unknown> = {}
        cycle.self = cycle
        s.parsed[0].value = cycle
      },
      (s) => (s.parsed[0] = {chunk: 0, ok: false, type: 'syntax', message: 'x', range: {start: {line: 0, column: 1}, end: {line: 1, column: 1}}}),
      (s) => (s.parsed[0].ok = 'yes'),
    ]
    for (const tamper of tampered) {
      const entries = container.entries.map(([f, k, data]) => {
        const stored = v8.deserialize(data) as {chunks: any[]; parsed: any[]}
        tamper(stored)
        return [f, k, v8.serialize(stored)]
      })
      writeFileSync(file, v8.serialize({...container, entries}))
      const {cache} = await load(dir, file)
      expect(cache.hits).toBe(0)
      expect(await report(dir, path.join(dir, 'fresh-' + tampered.indexOf(tamper)))).toEqual(expected)
    }
  })

  it('finds its default folder in node_modules/.cache upward, else the system cache folder', () => {
    expect(defaultCacheDirectory(path.join(REPO, 'src', 'loaders'))).toBe(path.join(REPO, 'node_modules', '.cache', 'k8s-net'))
    const bare = mkdtempSync(path.join(tmpdir(), 'k8s-net-bare-'))
    dirs.push(bare)
    const home = defaultCacheDirectory(bare, {XDG_CACHE_HOME: '/x/cache'}, 'linux')
    // /tmp has no node_modules above it on a usual machine; if it has, the rule still holds.
    expect([path.join('/x/cache', 'k8s-net'), path.join(path.parse(bare).root, 'node_modules', '.cache', 'k8s-net')]).toContain(home)
    expect(cacheFilePath(bare + '/', REPO)).toBe(path.join(bare, CACHE_FILE_NAME))
    expect(cacheFilePath(bare, REPO)).toBe(path.join(bare, CACHE_FILE_NAME))
    expect(cacheFilePath('c.bin', bare)).toBe(path.join(bare, 'c.bin'))
  })
})

describe('the --cache flag', () => {
  it('is off by default, and writes the cache where --cache-location says with it', () => {
    const dir = tree()
    const location = path.join(dir, 'cache') + '/'
    const plain = runCli(['lint', 'm', '--format', 'json'], {cwd: dir})
    expect(existsSync(path.join(dir, 'cache'))).toBe(false)
    const first = runCli(['lint', 'm', '--format', 'json', '--cache', '--cache-location', location], {cwd: dir})
    const second = runCli(['lint', 'm', '--format', 'json', '--cache', '--cache-location', location], {cwd: dir})
    expect(existsSync(path.join(location, CACHE_FILE_NAME))).toBe(true)
    expect(plain.status).toBe(1)
    expect(first.stdout).toBe(plain.stdout)
    expect(second.stdout).toBe(plain.stdout)
    expect(second.status).toBe(plain.status)
  })
})
