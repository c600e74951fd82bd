/**
 * The parse cache (`lint --cache`): a second run reads unchanged files back
 * and gives the same findings at the same positions, a changed file is
 * parsed again, settings that change parsing miss, and a cache file that is
 * truncated, corrupted, foreign or tampered with is never trusted.
 */
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import {afterAll, afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {CACHE_FILE_NAME, cacheFilePath, defaultCacheDirectory, ParseCache} from '../src/loaders/cache.js'
import {loadPaths} from '../src/loaders/sources.js'
import {type LintFilesOptions, lintFiles} from '../src/run.js'
import {runCli} from './support/cli.js'
import {REPO} from './support/rule-tester.js'

const dirs: string[] = []
/**
 * The clock, stopped at each test's start: the files a test writes are always just written for the cache's stat rule
 * (see RACY_MS in src/loaders/cache.ts), however slow the machine. A test moves it to have them read later.
 */
let start = 0
beforeEach(() => {
  start = Date.now()
  vi.spyOn(Date, 'now').mockReturnValue(start)
})
afterEach(() => {
  vi.restoreAllMocks()
})

afterAll(() => {
  for (const d of dirs) rmSync(d, {recursive: true, force: true})
})

/** The first bytes of a cache file, and its layout: those, the header's length (4 bytes, little-endian), the header, the parts. */
const CACHE_MAGIC = Buffer.from('k8s-net cache\n')

interface CacheHeader {
  format: number
  version: string
  run?: {key: string; at: number; length: number}
  files: Array<[string, string, number, number, number, number, string]>
}

function cacheBytes(header: unknown, parts: Uint8Array[]): Buffer {
  const head = v8.serialize(header)
  const size = Buffer.alloc(4)
  size.writeUInt32LE(head.length)
  return Buffer.concat([CACHE_MAGIC, size, head, ...parts])
}

function readCache(file: string): {header: CacheHeader; body: Buffer} {
  const bytes = readFileSync(file)
  expect(bytes.subarray(0, CACHE_MAGIC.length).equals(CACHE_MAGIC)).toBe(true)
  const at = CACHE_MAGIC.length + 4 + bytes.readUInt32LE(CACHE_MAGIC.length)
  return {header: v8.deserialize(bytes.subarray(CACHE_MAGIC.length + 4, at)) as CacheHeader, body: bytes.subarray(at)}
}

/** Writes a cache file whose parts follow each other in the order given; entries' offsets are set to match. */
function writeCache(file: string, header: CacheHeader, parts: Uint8Array[]): void {
  let at = 0
  const files = header.files.map(([f, k, , , , , stat], i) => {
    const entry: CacheHeader['files'][number] = [f, k, at, parts[i]!.length, 0, 0, stat]
    at += parts[i]!.length
    return entry
  })
  writeFileSync(file, cacheBytes({...header, files}, parts))
}

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

/** A tree, what an uncached run reports on it, and its cache file written by a run. */
async function cachedTree(): Promise<{dir: string; file: string; expected: unknown}> {
  const dir = tree()
  const file = path.join(dir, 'cache.bin')
  const expected = await report(dir)
  await load(dir, file)
  return {dir, file, expected}
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
    const {dir, file, expected} = await cachedTree()
    const good = readFileSync(file)
    const bad = [
      good.subarray(0, good.length >> 1),
      Buffer.from(good.map((b, i) => (i % 97 === 50 ? b ^ 0xff : b))),
      Buffer.from('{"this is": "not a cache"}'),
      v8.serialize({magic: 'k8s-net parse cache', format: 1, version: 'test', entries: 'no'}),
      Buffer.alloc(0),
      // The right first bytes, then a header that says nothing right.
      Buffer.concat([CACHE_MAGIC, Buffer.from([200, 0, 0, 0]), Buffer.alloc(10)]),
      cacheBytes({format: 2, version: 'test', files: 'no'}, []),
      cacheBytes({format: 2, version: 'test', files: [['/x', 'k', 5, 1_000_000, 0, 0]]}, [new Uint8Array(10)]),
      cacheBytes({format: 2, version: 'test', files: [], run: {key: 'k', at: 0, length: 99}}, []),
    ]
    for (const bytes of bad) {
      writeFileSync(file, bytes)
      expect(await report(dir, file)).toEqual(expected)
      // Rebuilt: the next run reads everything back.
      expect((await load(dir, file)).cache.misses).toBe(0)
    }
  })

  it('reads the parsed files from the file it opened: replaced since, they are taken as missing, and written anew', async () => {
    const {dir, file, expected} = await cachedTree()
    const good = readFileSync(file)
    const {header, body} = readCache(file)
    // Another run writes the cache between this run's opening it and its reading a file's part: a valid cache with
    // another header (here, no stat kept), bytes of the same length, nothing.
    const others = [cacheBytes({...header, files: header.files.map((e) => [...e.slice(0, 6), ''])}, [body]), Buffer.alloc(good.length, 1), Buffer.alloc(0)]
    for (const other of others) {
      const cache = ParseCache.open({file, version: 'test'})
      writeFileSync(file, other)
      const input = await loadPaths(['m'], {cwd: dir, cache})
      expect(cache.hits).toBe(0)
      expect(input.files.length).toBeGreaterThan(0)
      cache.save()
      expect((await load(dir, file)).cache.misses).toBe(0)
      expect(await report(dir, file)).toEqual(expected)
    }
  })

  it('does not trust an entry whose content was tampered with', async () => {
    const {dir, file, expected} = await cachedTree()
    const {header, body} = readCache(file)
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
      const parts: Uint8Array[] = []
      const files = header.files.map(([f, k, at, length, , , stat]) => {
        const stored = v8.deserialize(body.subarray(at, at + length)) as {chunks: any[]; parsed: any[]}
        tamper(stored)
        parts.push(v8.serialize(stored))
        return [f, k, 0, 0, 0, 0, stat] as CacheHeader['files'][number]
      })
      writeCache(file, {...header, run: undefined, files}, parts)
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

  it('keys a run by every part, each after its length: parts that run together or change type give another key', () => {
    const cache = ParseCache.open({file: path.join(tmpdir(), 'k8s-net-no-such-cache', CACHE_FILE_NAME), version: '1'})
    const key = (...parts: unknown[]): string => cache.runKey(parts)
    expect(key(['a.yaml', 'h1'], ['b.yaml', 'h2'])).toBe(key(['a.yaml', 'h1'], ['b.yaml', 'h2']))
    const keys = [
      key(['a.yaml', 'h1'], ['b.yaml', 'h2']),
      key(['a.yaml', 'h1b.yaml', 'h2']),
      key(['a.yamlh1'], ['b.yaml', 'h2']),
      key(['a.yaml', 'h1', 'b.yaml', 'h2']),
      key(['a.yaml'], ['h1'], ['b.yaml', 'h2']),
      key(['b.yaml', 'h2'], ['a.yaml', 'h1']),
      key(['a.yaml', 'h1'], ['b.yaml', 'h2', '']),
      key(['a.yaml', 'h1'], ['b.yaml', null]),
      key(['a.yaml', 'h1'], ['b.yaml', 2]),
      key(['a.yaml', 'h1'], 'b.yaml'),
      key(['a.yaml', 'h1'], ['b.yaml', 'h2'], []),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })

describe('lint --cache, the whole result and located ranges', () => {
  const cacheOf = (dir: string): {location: string; version: string} => ({location: path.join(dir, 'cache.bin'), version: 'test'})
  const run = async (dir: string, extra: Partial<LintFilesOptions> = {}) => lintFiles(['m'], {cwd: dir, cache: cacheOf(dir), ...extra})
  /** What an uncached run gives, as JSON carries it (as the reused result is compared). */
  const uncached = async (dir: string, extra: Partial<LintFilesOptions> = {}): Promise<unknown> => JSON.parse(JSON.stringify((await lintFiles(['m'], {cwd: dir, ...extra})).result))
  const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value))
  const fileCount = (dir: string): number => readdirSync(path.join(dir, 'm'), {recursive: true}).filter((f) => /\.(ya?ml|json)$/.test(String(f))).length

  it('reuses the last result when no input, config or setting changed, parsing nothing', async () => {
    const dir = tree()
    const files = fileCount(dir)
    const first = await run(dir)
    expect(first.cache).toEqual({hits: 0, misses: files, unread: 0, reused: false})
    const second = await run(dir)
    expect(second.cache).toEqual({hits: 0, misses: 0, unread: 0, reused: true})
    expect(json(second.result)).toEqual(await uncached(dir))
    expect(json(second.result)).toEqual(json(first.result))
  })

  it('a changed file: that file is parsed again, the others are read back, and the findings are an uncached run\'s', async () => {
    const dir = tree()
    const files = fileCount(dir)
    await run(dir)
    writeFileSync(path.join(dir, 'm', 'dup.yaml'), '# a line more\n' + readFileSync(path.join(dir, 'm', 'dup.yaml'), 'utf8'))
    const changed = await run(dir)
    expect(changed.cache).toEqual({hits: files - 1, misses: 1, unread: 0, reused: false})
    expect(json(changed.result)).toEqual(await uncached(dir))
    expect((await run(dir)).cache?.reused).toBe(true)
  })

  it('keys files by their bytes: a byte-order mark added is a change, and files not read (invalid UTF-8) are reused as reported', async () => {
    const dir = tree()
    const files = fileCount(dir)
    writeFileSync(path.join(dir, 'm', 'latin1.yaml'), Buffer.from('kind: Service\nmetadata:\n  name: caf\xe9\n', 'latin1'))
    await run(dir)
    const reused = await run(dir)
    expect(reused.cache).toEqual({hits: 0, misses: 0, unread: 0, reused: true})
    expect(json(reused.result)).toEqual(await uncached(dir))
    expect(reused.result.findings.filter((f) => f.file === path.join('m', 'latin1.yaml')).map((f) => f.message)).toEqual([expect.stringContaining('is not valid UTF-8')])
    writeFileSync(path.join(dir, 'm', 'dup.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path.join(dir, 'm', 'dup.yaml'))]))
    const changed = await run(dir)
    expect(changed.cache).toEqual({hits: files - 1, misses: 1, unread: 0, reused: false})
    expect(json(changed.result)).toEqual(await uncached(dir))
  })

  it('reads no file that stat shows unwritten since its hash was kept; a file written since is read again', async () => {
    const dir = tree()
    const files = fileCount(dir)
    // Files written within seconds of being read are read again however stat looks (the next test): taken here as read later.
    vi.mocked(Date.now).mockReturnValue(start + 60_000)
    await run(dir)
    vi.mocked(Date.now).mockReturnValue(start)

    const unchanged = await run(dir)
    expect(unchanged.cache).toEqual({hits: 0, misses: 0, unread: files, reused: true})
    expect(json(unchanged.result)).toEqual(await uncached(dir))
    writeFileSync(path.join(dir, 'm', 'dup.yaml'), '# a line more\n' + readFileSync(path.join(dir, 'm', 'dup.yaml'), 'utf8'))
    const changed = await run(dir)
    expect(changed.cache).toEqual({hits: files - 1, misses: 1, unread: files - 1, reused: false})
    expect(json(changed.result)).toEqual(await uncached(dir))
    // Written just now, dup.yaml is read again in every run; the others are still taken as they were.
    expect((await run(dir)).cache).toEqual({hits: 0, misses: 0, unread: files - 1, reused: true})
  })

  it('a file that reads otherwise than the hash its stat vouched for (written as the run read it): parsed as read, and no result kept', async () => {
    const dir = tree()
    vi.mocked(Date.now).mockReturnValue(start + 60_000)
    await run(dir)
    vi.mocked(Date.now).mockReturnValue(start)

    const file = cacheOf(dir).location
    const {header, body} = readCache(file)
    const dup = path.join(dir, 'm', 'dup.yaml')
    const other = Buffer.alloc(32).toString('base64')
    const files = header.files.map((e) => (e[0] === dup ? ([e[0], other + e[1].slice(e[1].indexOf('\0')), ...e.slice(2)] as CacheHeader['files'][number]) : e))
    expect(files).not.toEqual(header.files)
    writeFileSync(file, cacheBytes({...header, files}, [body]))
    const again = await run(dir)
    expect(again.cache).toMatchObject({misses: 1, reused: false})
    expect(json(again.result)).toEqual(await uncached(dir))
    expect(readCache(file).header.run).toBeUndefined()
  })

  it('reads again a file written within seconds before it was read: its file system may keep the same time for a later write', async () => {
    const dir = tree()
    await run(dir)
    expect((await run(dir)).cache).toEqual({hits: 0, misses: 0, unread: 0, reused: true})
  })

  it('a run without fixes (for output that shows none) is not reused for one with them', async () => {
    const dir = tree()
    const plain = await run(dir, {fixes: false})
    expect(plain.result.findings.some((f) => f.fix !== undefined)).toBe(false)
    const fixed = await run(dir)
    expect(fixed.cache?.reused).toBe(false)
    expect(fixed.result.findings.some((f) => f.fix !== undefined)).toBe(true)
    expect(json(fixed.result)).toEqual(await uncached(dir))
    expect((await run(dir)).cache?.reused).toBe(true)
  })

  it('a changed config file or command-line override: nothing is parsed again, every rule runs again', async () => {
    const dir = tree()
    const files = fileCount(dir)
    const before = await run(dir)
    const ruleId = before.result.findings.find((f) => f.file === 'm/dup.yaml' && f.ruleId !== 'duplicate-key')!.ruleId
    writeFileSync(path.join(dir, '.k8s-net.yaml'), `rules:\n  ${ruleId}: off\n`)
    const configured = await run(dir)
    expect(configured.cache).toEqual({hits: files, misses: 0, unread: 0, reused: false})
    expect(configured.result.findings.some((f) => f.ruleId === ruleId)).toBe(false)
    expect(json(configured.result)).toEqual(await uncached(dir))

    const overrides = {rules: {'duplicate-key': 'off' as const}}
    const overridden = await run(dir, {overrides})
    expect(overridden.cache).toEqual({hits: files, misses: 0, unread: 0, reused: false})
    expect(json(overridden.result)).toEqual(await uncached(dir, {overrides}))
    expect((await run(dir, {overrides})).cache?.reused).toBe(true)
    // Back to no override: a result of its own.
    expect((await run(dir)).cache?.reused).toBe(false)
    // The namespace of objects that name none decides findings too.
    expect((await run(dir, {namespace: 'other'})).cache?.reused).toBe(false)
    expect(json((await run(dir, {namespace: 'other'})).result)).toEqual(await uncached(dir, {namespace: 'other'}))
  })

  it('an added file and a renamed file: parsed, and named, as an uncached run does', async () => {
    const dir = tree()
    const files = fileCount(dir)
    await run(dir)
    writeFileSync(path.join(dir, 'm', 'added.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: added\nspec:\n  type: LoadBalancer\n  ports: [{port: 80}]\n')
    const added = await run(dir)
    expect(added.cache).toEqual({hits: files, misses: 1, unread: 0, reused: false})
    expect(added.result.files).toContain('m/added.yaml')
    expect(json(added.result)).toEqual(await uncached(dir))

    renameSync(path.join(dir, 'm', 'dup.yaml'), path.join(dir, 'm', 'renamed.yaml'))
    const renamed = await run(dir)
    expect(renamed.cache).toEqual({hits: files, misses: 1, unread: 0, reused: false})
    expect(renamed.result.findings.some((f) => f.file === 'm/renamed.yaml')).toBe(true)
    expect(renamed.result.findings.some((f) => f.file === 'm/dup.yaml')).toBe(false)
    expect(json(renamed.result)).toEqual(await uncached(dir))
  })

  it('never reuses a result for standard input, and keeps none', async () => {
    const dir = tree()
    const stdin = readFileSync(path.join(dir, 'm', 'dup.yaml'), 'utf8')
    const options = {readStdin: async () => stdin}
    const first = await lintFiles(['-', 'm'], {cwd: dir, cache: cacheOf(dir), ...options})
    const second = await lintFiles(['-', 'm'], {cwd: dir, cache: cacheOf(dir), ...options})
    expect(second.cache?.reused).toBe(false)
    expect(second.cache?.misses).toBe(0)
    expect(json(second.result)).toEqual(json(first.result))
    expect(readCache(cacheOf(dir).location).header.run).toBeUndefined()
  })

  it('locates findings in unchanged files from the ranges kept, without parsing them again', async () => {
    const dir = tree()
    await run(dir)
    const {header, body} = readCache(cacheOf(dir).location)
    expect(header.run).toBeDefined()
    // Every file with a finding has its ranges kept; move those of deny/ to line 2, column 1 (inside the file, so not refused).
    const moved: Uint8Array[] = []
    const files = header.files.map(([f, k, at, length, locatedAt, locatedLength, stat]) => {
      moved.push(body.subarray(at, at + length))
      if (locatedLength === 0 || !f.includes(`${path.sep}deny${path.sep}`)) {
        moved.push(body.subarray(locatedAt, locatedAt + locatedLength))
        return [f, k, 0, 0, 0, 0, stat] as CacheHeader['files'][number]
      }

      const located = v8.deserialize(body.subarray(locatedAt, locatedAt + locatedLength)) as Array<[string, unknown]>
      expect(located.length).toBeGreaterThan(0)
      moved.push(v8.serialize(located.map(([key]) => [key, {start: {line: 2, column: 1}, end: {line: 2, column: 2}}])))
      return [f, k, 0, 0, 0, 0, stat] as CacheHeader['files'][number]
    })
    let at = 0
    const placed = files.map(([f, k, , , , , stat], i) => {
      const entry: CacheHeader['files'][number] = [f, k, at, moved[2 * i]!.length, at + moved[2 * i]!.length, moved[2 * i + 1]!.length, stat]
      at += moved[2 * i]!.length + moved[2 * i + 1]!.length
      return entry
    })
    // No stored result: the rules run, and locate from the ranges kept.
    writeFileSync(cacheOf(dir).location, cacheBytes({...header, run: undefined, files: placed}, moved))
    const located = await run(dir)
    expect(located.cache).toMatchObject({misses: 0, reused: false})
    const deny = located.result.findings.filter((f) => f.file?.startsWith('m/deny/'))
    expect(deny.length).toBeGreaterThan(0)
    expect(deny.every((f) => f.start?.line === 2 && f.start.column === 1)).toBe(true)
  })

  it('does not trust a stored result that is not of the shape a run gives', async () => {
    const dir = tree()
    const expected = await uncached(dir)
    await run(dir)
    const {header, body} = readCache(cacheOf(dir).location)
    const bad: unknown[] = [
      {findings: 'none'},
      {...(expected as object), findings: [{ruleId: 'x', messageId: 'y', message: 'z', severity: 'fatal'}]},
      {...(expected as object), findings: [{ruleId: 'x', messageId: 'y', message: 'z', severity: 'error', start: {line: 0, column: 1}}]},
      {...(expected as object), objects: -1},
      {...(expected as object), files: [new Date()]},
    ]
    for (const value of bad) {
      const result = v8.serialize(value)
      const rest = body.subarray(header.run!.at + header.run!.length)
      const shift = result.length - header.run!.length
      const files = header.files.map(([f, k, at, length, locatedAt, locatedLength, stat]) => [f, k, at + shift, length, locatedAt + shift, locatedLength, stat] as CacheHeader['files'][number])
      writeFileSync(cacheOf(dir).location, cacheBytes({...header, run: {...header.run!, length: result.length}, files}, [body.subarray(0, header.run!.at), result, rest]))
      const again = await run(dir)
      expect(again.cache?.reused).toBe(false)
      expect(json(again.result)).toEqual(expected)
    }
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
