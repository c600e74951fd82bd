#!/usr/bin/env node
// CommonJS: Node starts a CommonJS script without loading its ES module loader, some milliseconds of every run.
'use strict'
const {closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} = require('node:fs')
const nodeModule = require('node:module')
const os = require('node:os')
const path = require('node:path')
const {pathToFileURL} = require('node:url')
const vm = require('node:vm')

/** A code cache file (see loadWithCodeCache) starts with these 4 bytes, then the CPU time of the run that wrote it: 8 bytes before V8's data. */
const CACHE_MAGIC = 0x31_43_38_4b // "K8C1"
const CACHE_HEADER = 8

// A clone that was built (npm run compile, as npm test does) runs its build in dist/: what src/ holds now.
const built = path.join(__dirname, '..', 'dist', 'src', 'cli.js')
// Installed, k8s-net runs the bundle, lib/cli.cjs (npm run bundle), which needs no build.
const bundle = path.join(__dirname, '..', 'lib', 'cli.cjs')

// run() handles its own errors, as oclif does: what it rejects with is a bug, and Node prints it as one.
if (existsSync(built)) {
  nodeModule.enableCompileCache?.()
  import(pathToFileURL(built).href).then(({run}) => run())
} else if (nodeModule.enableCompileCache) {
  // Node 22.1 and later keep the compiled code of a script between runs themselves.
  nodeModule.enableCompileCache()
  require(bundle).run()
} else {
  loadWithCodeCache(bundle).run()
}

/**
 * Node 20 does what module.enableCompileCache() does in later versions: the script is compiled with V8's code
 * cache of an earlier run of the same command, which V8 takes only for the same script, V8 version and flags (it
 * compiles anew when not); the first run, or one whose cache V8 refused, writes the cache as it exits, with the
 * code compiled by then. A run that took three times the CPU of the run that wrote the cache writes it again: it ran
 * more of the code (a whole repository after one file), and the cache then holds that code too.
 * The cache is a folder of the system's temporary one, made for this user alone: when it is anything else (not
 * a folder, another owner, open to others), the script is compiled without a cache. NODE_DISABLE_COMPILE_CACHE=1
 * turns it off, as in Node 22.
 */
function loadWithCodeCache(link) {
  // By its real path, as require() names it when oclif loads the commands from it.
  const file = realpathSync(link)
  const fd = openSync(file, 'r')
  let source
  let stat
  try {
    stat = fstatSync(fd)
    source = readFileSync(fd, 'utf8')
  } finally {
    closeSync(fd)
  }

  const folder = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFolder()
  // V8 checks the length of the script a cache was made for, not its text. npm gives every installed file the same
  // time, and another version may be as long: the name holds what changes whenever the file is written (its change
  // time, which no tool sets back, and its inode) beside its size and time. A cache for each command (a lint run's
  // holds the code lint ran), by a name made of letters only.
  const command = /^[a-z]{1,20}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other'
  const key = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino].map((n) => Math.trunc(n).toString(36)).join('-')
  const cacheFile = folder && path.join(folder, `cli-${key}-${process.version}-${process.arch}-${command}.bin`)
  let cachedData
  // The CPU time of the run that wrote the cache, in milliseconds: the file's first 8 bytes, before V8's data.
  let writerCpu = 0
  try {
    const file = cacheFile ? readFileSync(cacheFile) : undefined
    if (file && file.length > CACHE_HEADER && file.readUInt32LE(0) === CACHE_MAGIC) {
      writerCpu = file.readUInt32LE(4)
      cachedData = file.subarray(CACHE_HEADER)
    }
  } catch {
    // No cache yet.
  }

  // A CommonJS module's wrapper, as Node's own loader puts it around a file.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  const requireCli = nodeModule.createRequire(file)
  const cli = new nodeModule.Module(file)
  cli.filename = file
  cli.paths = requireCli.resolve.paths('k8s-net') ?? []
  // oclif loads the commands from this same file: it finds it loaded.
  requireCli.cache[file] = cli
  script.runInThisContext().call(cli.exports, cli.exports, requireCli, cli, file, path.dirname(file))
  cli.loaded = true
  if (cacheFile) {
    process.once('exit', () => {
      const {user, system} = process.cpuUsage()
      const cpu = Math.min(Math.round((user + system) / 1000), 0xff_ff_ff_ff)
      if (cachedData === undefined || script.cachedDataRejected || cpu >= 3 * writerCpu) {
        try {
          const temporary = `${cacheFile}.${process.pid}`
          const header = Buffer.alloc(CACHE_HEADER)
          header.writeUInt32LE(CACHE_MAGIC, 0)
          header.writeUInt32LE(cpu, 4)
          writeFileSync(temporary, Buffer.concat([header, script.createCachedData()]), {mode: 0o600})
          renameSync(temporary, cacheFile)
          prune(folder, cacheFile)
        } catch {
          // A cache that cannot be written is no cache: the next run compiles again.
        }
      } else {
        try {
          // Used: the last to be pruned.
          const now = new Date()
          utimesSync(cacheFile, now, now)
        } catch {
          // Pruned meanwhile by another run: it writes one again.
        }
      }
    })
  }

  return cli.exports
}

/**
 * Removes what upgrades and other installs left in the cache folder: caches unused for two weeks, then the least
 * recently used beyond a few commands of a few installed versions (about 1 MB each), and files of writes that
 * never finished. Runs after a cache was written, not on every run.
 */
function prune(folder, written) {
  // Within the function: this runs as the process exits, maybe before the module's own constants were set.
  const keep = 24
  const unusedFor = 14 * 24 * 3600 * 1000
  const now = Date.now()
  const files = []
  for (const name of readdirSync(folder)) {
    if (!name.startsWith('cli-')) continue
    const file = path.join(folder, name)
    if (file === written) continue
    try {
      const {mtimeMs} = statSync(file)
      // A write of another run may be under way: its file goes only when it is a minute old.
      if (now - mtimeMs > (name.endsWith('.bin') ? unusedFor : 60_000)) rmSync(file, {force: true})
      else if (name.endsWith('.bin')) files.push({file, mtimeMs})
    } catch {
      // Removed by another run meanwhile.
    }
  }

  files.sort((a, b) => b.mtimeMs - a.mtimeMs)
  for (const {file} of files.slice(keep - 1)) rmSync(file, {force: true})
}

/** The cache folder, made for this user alone; undefined when it cannot be, or is not, that. */
function cacheFolder() {
  const uid = process.getuid?.()
  const folder = path.join(os.tmpdir(), `k8s-net-compile-cache${uid === undefined ? '' : `-${uid}`}`)
  try {
    mkdirSync(folder, {recursive: true, mode: 0o700})
    const stat = lstatSync(folder)
    if (!stat.isDirectory()) return undefined
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0)) return undefined
    return folder
  } catch {
    return undefined
  }
}
