/**
 * lib/ is the CLI and library as users install them (npm run bundle), and it
 * is committed: installing from git or a tarball builds nothing. These tests
 * fail while lib/ differs from a fresh bundle of src/ and rules/, and when a
 * command module is missing from src/cli.ts. bin/run.cjs compiles lib/cli.cjs
 * with a code cache on Node 20: how it keeps and trusts it.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import module from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {bundle, OUT_DIR} from '../../scripts/bundle.js'
import {COMMANDS} from '../../src/cli.js'
import {REPO} from '../support/rule-tester.js'

function committed(dir: string, prefix = ''): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? committed(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  )
}

describe('the bundle in lib/', () => {
  it('is what npm run bundle makes of src/ and rules/ now', async () => {
    const fresh = await bundle()
    const stale = [...fresh].filter(([name, text]) => {
      try {
        return readFileSync(path.join(OUT_DIR, name), 'utf8') !== text
      } catch {
        return true
      }
    })
    const extra = committed(OUT_DIR).filter((name) => !fresh.has(name))
    const problems = [...stale.map(([name]) => `lib/${name} differs or is missing`), ...extra.map((name) => `lib/${name} is not part of the bundle`)]
    expect(problems, `lib/ is stale: run \`npm run bundle\` and commit lib/.\n${problems.join('\n')}`).toEqual([])
  }, 180_000)

  it('needs no script at install: npm runs none, and builds nothing from git', () => {
    // npm runs prepare (with devDependencies) when it installs from git, and pacote also clones and links (a link
    // into npm's cache, gone after the install) a git package with a build, prepack or prepare script.
    const {scripts = {}} = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {scripts?: Record<string, string>}
    const atInstall = ['build', 'prepare', 'prepack', 'postpack', 'preinstall', 'install', 'postinstall']
    expect(Object.keys(scripts).filter((name) => atInstall.includes(name))).toEqual([])
  })

  it('calls localeCompare nowhere in the CLI: its first call loads the collation data, milliseconds of every start', () => {
    expect(readFileSync(path.join(OUT_DIR, 'cli.cjs'), 'utf8').match(/\.localeCompare\(/g) ?? []).toEqual([])
  })

  it('holds every command of src/commands/', () => {
    const modules = readdirSync(path.join(REPO, 'src', 'commands'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort()
    expect(Object.keys(COMMANDS).sort(), 'src/cli.ts lists the commands by id: add the new module to COMMANDS').toEqual(modules)
    for (const [id, command] of Object.entries(COMMANDS)) expect(typeof command.run, id).toBe('function')
  })
})

/** bin/run.cjs over lib/cli.cjs as installed: the package's bin/, lib/ and package.json in a folder of their own (no dist/). */
describe.skipIf(typeof (module as {enableCompileCache?: unknown}).enableCompileCache === 'function')('the code cache of lib/cli.cjs (Node 20: bin/run.cjs)', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'k8s-net-code-cache-'))
  afterAll(() => rmSync(scratch, {recursive: true, force: true}))
  const pkg = path.join(scratch, 'k8s-net')
  mkdirSync(path.join(pkg, 'bin'), {recursive: true})
  cpSync(path.join(REPO, 'bin', 'run.cjs'), path.join(pkg, 'bin', 'run.cjs'))
  cpSync(path.join(REPO, 'package.json'), path.join(pkg, 'package.json'))
  mkdirSync(path.join(pkg, 'lib'))
  cpSync(path.join(OUT_DIR, 'cli.cjs'), path.join(pkg, 'lib', 'cli.cjs'))
  const manifest = path.join(REPO, 'examples', 'shop.yaml')

  /** Lints examples/shop.yaml with TMPDIR `tmp`; what it printed. */
  const lint = (tmp: string, env: NodeJS.ProcessEnv = {}): string => {
    mkdirSync(tmp, {recursive: true})
    const run = spawnSync(process.execPath, [path.join(pkg, 'bin', 'run.cjs'), 'lint', manifest], {
      cwd: REPO,
      encoding: 'utf8',
      env: {...process.env, NODE_ENV: undefined, NO_COLOR: '1', TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: undefined, ...env},
    })
    expect(run.status, run.stderr).toBe(1)
    return run.stdout
  }

  const uid = process.getuid?.()
  const folderIn = (tmp: string): string => path.join(tmp, `k8s-net-compile-cache${uid === undefined ? '' : `-${uid}`}`)

  it('the first run writes it, for this user alone; later runs print the same; a damaged cache is compiled anew and rewritten', () => {
    const tmp = path.join(scratch, 'tmp')
    const first = lint(tmp)
    expect(first).toContain('nodeport-conflict')
    const folder = folderIn(tmp)
    const [name, ...others] = readdirSync(folder)
    expect(others).toEqual([])
    expect(name).toMatch(/-lint\.bin$/)
    const file = path.join(folder, name!)
    if (uid !== undefined) {
      expect(statSync(folder).mode & 0o777).toBe(0o700)
      expect(statSync(file).mode & 0o777).toBe(0o600)
    }

    // The file starts "K8C1" and the CPU milliseconds of the run that wrote it. A run that took three times that
    // writes it again, with the code it ran. The tests set that time, so that how long a run takes on this machine
    // decides nothing: a cache said to be written by a run of 2^32-1 ms is taken and not written again, one said to
    // be written by a run of 1 ms is written again.
    const kept = readFileSync(file)
    expect(kept.subarray(0, 4).toString('latin1')).toBe('K8C1')
    const written = Buffer.from(kept)
    written.writeUInt32LE(0xff_ff_ff_ff, 4)
    writeFileSync(file, written)
    expect(lint(tmp)).toBe(first)
    // Taken, not written again.
    expect(readFileSync(file).equals(written)).toBe(true)
    const cheap = Buffer.from(written)
    cheap.writeUInt32LE(1, 4)
    writeFileSync(file, cheap)
    expect(lint(tmp)).toBe(first)
    expect(readFileSync(file).readUInt32LE(4)).toBeGreaterThan(1)
    writeFileSync(file, Buffer.alloc(written.length, 7))
    expect(lint(tmp)).toBe(first)
    expect(readFileSync(file).equals(Buffer.alloc(written.length, 7))).toBe(false)

    // A script as long as the one a cache was made for, with the same time (npm gives every installed file one):
    // its own code runs, not the cache's.
    const script = path.join(pkg, 'lib', 'cli.cjs')
    const {atime, mtime} = statSync(script)
    const text = readFileSync(script, 'utf8')
    expect(text).toContain('"problems"')
    writeFileSync(script, text.replace('"problems"', '"PROBLEMS"'))
    utimesSync(script, atime, mtime)
    expect(lint(tmp)).toBe(first.replace('problems', 'PROBLEMS'))
    writeFileSync(script, text)
  }, 60_000)

  it('a run that writes a cache removes caches unused for two weeks, the least recently used beyond 24, and writes that never finished', () => {
    const tmp = path.join(scratch, 'prune')
    const folder = folderIn(tmp)
    mkdirSync(folder, {recursive: true, mode: 0o700})
    const day = 24 * 3600 * 1000
    const put = (name: string, age: number): void => {
      writeFileSync(path.join(folder, name), 'x', {mode: 0o600})
      const when = new Date(Date.now() - age)
      utimesSync(path.join(folder, name), when, when)
    }

    // 30 caches used one to thirty hours ago, two unused for three weeks, a write left behind and one under way.
    for (let i = 1; i <= 30; i++) put(`cli-old${i}-v20.0.0-x64-lint.bin`, i * 3600 * 1000)
    put('cli-stale1-v20.0.0-x64-map.bin', 21 * day)
    put('cli-stale2-v20.0.0-x64-lint.bin', 15 * day)
    put('cli-old1-v20.0.0-x64-lint.bin.4242', 3600 * 1000)
    put('cli-old2-v20.0.0-x64-lint.bin.4343', 1000)
    put('other-file', 30 * day)
    lint(tmp)
    const left = readdirSync(folder).sort()
    const written = left.filter((name) => name.endsWith('-lint.bin') && !name.startsWith('cli-old'))
    expect(written).toHaveLength(1)
    expect(left).toEqual(
      [...written, ...Array.from({length: 23}, (_, i) => `cli-old${i + 1}-v20.0.0-x64-lint.bin`), 'cli-old2-v20.0.0-x64-lint.bin.4343', 'other-file'].sort(),
    )
    // A run that takes its cache marks it used, and writes nothing.
    const used = path.join(folder, written[0]!)
    // Said to be written by a run of 2^32-1 ms of CPU: not one this run can outgrow (see the test above).
    const bytes = readFileSync(used)
    bytes.writeUInt32LE(0xff_ff_ff_ff, 4)
    writeFileSync(used, bytes)
    const old = new Date(Date.now() - 5 * day)
    utimesSync(used, old, old)
    lint(tmp)
    expect(readFileSync(used).equals(bytes)).toBe(true)
    // Marked used: its time moved on from five days ago, whatever the clock reads now.
    expect(statSync(used).mtimeMs).toBeGreaterThan(old.getTime() + day)
    expect(readdirSync(folder).sort()).toEqual(left)
  }, 60_000)

  it('a folder open to others is not used, and NODE_DISABLE_COMPILE_CACHE=1 turns the cache off', () => {
    const open = path.join(scratch, 'open')
    mkdirSync(folderIn(open), {recursive: true, mode: 0o777})
    chmodSync(folderIn(open), 0o777)
    lint(open)
    if (uid !== undefined) expect(readdirSync(folderIn(open))).toEqual([])
    const off = path.join(scratch, 'off')
    lint(off, {NODE_DISABLE_COMPILE_CACHE: '1'})
    expect(readdirSync(off)).toEqual([])
  }, 60_000)
})
