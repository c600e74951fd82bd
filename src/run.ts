/**
 * The library's front door: load rules, config and input, then run the
 * engine (`lint`) or build the exposure model (`map`, `reach`). Used by the
 * commands and by anyone embedding k8s-net.
 * Never prompts, never exits, never writes (but the parse cache, when asked
 * for with `cache`): errors are thrown as InputError
 * or ConfigError for the caller to present.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {type ConfigOverrides, loadConfig, type ResolvedConfig} from './config/config.js'
import {atLeast, checkInput, type CheckedInput, countBySeverity, indexInput, locateReports, type LintResult} from './engine/engine.js'
import {loadRules} from './engine/registry.js'
import type {Rule} from './engine/rule.js'
import type {LintInput, Severity} from './engine/types.js'
import {contentHashOf, expandPaths, InputError, LoadedInput, type LoadOptions, parseRead, type ReadFiles, readFiles, withoutFiles} from './loaders/sources.js'
import type {ParseCache} from './loaders/cache.js'
import type {ClusterOptions} from './cluster/index.js'
import {exposureModel} from './exposure/model.js'
import type {MapOptions, MapReport} from './exposure/report.js'
import type {ReachAnswer, ReachQuery} from './exposure/reach.js'

export interface LintFilesOptions {
  cwd?: string
  /** `--config`; otherwise `.k8s-net.yaml` is looked for from cwd upward. */
  configFile?: string
  overrides?: ConfigOverrides
  /** Manifests loaded as reference only (`--context`): they feed the index, findings are not reported on them. */
  contextPaths?: readonly string[]
  /** Namespace for objects that name none. */
  namespace?: string
  /** Reads standard input for `-`, given the size limit (see LoadOptions.readStdin). */
  readStdin?: (maxBytes: number) => Promise<Buffer | string>
  /** The file name standard input stands for (`--stdin-filename`); default `<stdin>`. */
  stdinFilename?: string
  /** Treat the objects as read from a live cluster, enabling the rules that need one (status, endpoints). */
  live?: boolean
  /** Read a live cluster (`--cluster`): linted alone, or reference for the paths given. */
  cluster?: ClusterOptions
  /** Reuse the parsed documents of unchanged files (`--cache`): the cache file or folder (default: see `cacheFilePath`), the k8s-net version, and where to say that the cache could not be written. */
  cache?: {location?: string; version: string; onWarning?: (message: string) => void}
  /** Threads to parse files on, the main thread included (1: the main thread only); default: the cores available, when the input is large enough to pay for them. */
  threads?: number
  /** The parsing threads' module, for tests. */
  worker?: URL
  /** Whether findings carry their fix as YAML (default true); output that shows none can leave them out (see LocateOptions). */
  fixes?: boolean
}

export interface LintRun {
  result: LintResult
  config: ResolvedConfig
  rules: readonly Rule[]
  /** With `cache`: files read back and parsed, files taken as unchanged by their stat (read only when their text was needed), and whether the whole result was the stored one. */
  cache?: {hits: number; misses: number; unread: number; reused: boolean}
}

export interface LoadedRun {
  input: LoadedInput
  config: ResolvedConfig
  rules: readonly Rule[]
}

/** A run's rules, config and files read, before anything is parsed. */
interface ReadRun {
  rules: readonly Rule[]
  config: ResolvedConfig
  cache?: ParseCache
  loadOptions: LoadOptions
  /** The paths to lint, and `--context`, read. */
  linted?: ReadFiles
  context?: ReadFiles
}

/**
 * Reads what a run works on: rules and config, the paths given (files,
 * directories, globs, `-`), `--context` as reference, and a live cluster
 * with `--cluster`. Every command that reads manifests starts here.
 */
export async function loadInput(paths: readonly string[], options: LintFilesOptions = {}): Promise<LoadedRun> {
  const run = await readRun(paths, options)
  const input = await parseRun(run, paths, options)
  saveCache(run.cache, options)
  return {input, config: run.config, rules: run.rules}
}

async function readRun(paths: readonly string[], options: LintFilesOptions): Promise<ReadRun> {
  const cwd = options.cwd ?? process.cwd()
  const rules = await loadRules()
  const config = await loadConfig(rules, {file: options.configFile, cwd: options.cwd, overrides: options.overrides})
  if (options.live) config.settings.live = true
  // The cache (and the hashing and serialisation it loads) is imported when asked for: a run without --cache never loads it.
  const cache = options.cache ? await openCache(options.cache, cwd) : undefined
  const loadOptions: LoadOptions = {
    cwd: options.cwd,
    namespace: options.namespace,
    readStdin: options.readStdin,
    stdinFilename: options.stdinFilename,
    limits: config.settings.limits,
    cache,
    threads: options.threads ?? threadsFromEnvironment(),
    worker: options.worker,
  }
  const linted = paths.length > 0 ? await readFiles(await expandPaths(paths, cwd), loadOptions) : undefined
  let context: ReadFiles | undefined
  if (options.contextPaths?.length) {
    // A file both linted and given as context (a staged file inside --context k8s/) is linted only: as its own reference it would conflict with itself.
    const names = [...(linted?.read.map((r) => r.name) ?? []), ...(linted?.expanded.unreadable.map((u) => u.file) ?? [])]
    const resolved = new Set(names.map((f) => path.resolve(cwd, f)))
    // Standard input can be read once: when it is linted, it is not context too.
    const expanded = withoutFiles(await expandPaths(options.contextPaths, cwd), (f) => (f === '-' ? paths.includes('-') : resolved.has(path.resolve(cwd, f))))
    if (expanded.files.length > 0 || expanded.groups.length > 0) context = await readFiles(expanded, {...loadOptions, reference: true})
  }

  return {rules, config, cache, loadOptions, linted, context}
}

async function parseRun(run: ReadRun, paths: readonly string[], options: LintFilesOptions): Promise<LoadedInput> {
  const {config, loadOptions} = run
  const input = run.linted ? await parseRead(run.linted, loadOptions) : new LoadedInput()
  if (run.context) input.merge(await parseRead(run.context, {...loadOptions, reference: true}))
  // Parsed: the files' texts go (each document keeps the text locating needs); the run key was taken before.
  run.linted = undefined
  run.context = undefined
  if (options.cluster) {
    // Imported here only: linting files never loads the cluster client.
    const {loadCluster} = await import('./cluster/index.js')
    input.merge(await loadCluster({cwd: options.cwd, ...options.cluster}, {reference: paths.length > 0, settings: config.settings}))
    // Status fields say how things are only when the cluster itself is linted.
    if (paths.length === 0) config.settings.live = true
    // Deprecations are judged against the cluster's own version unless --kube-version or kubeVersion: names one.
    config.settings.kubeVersion ??= input.serverVersion
  }

  return input
}

async function openCache(options: NonNullable<LintFilesOptions['cache']>, cwd: string): Promise<ParseCache> {
  const {cacheFilePath, ParseCache} = await import('./loaders/cache.js')
  return ParseCache.open({file: cacheFilePath(options.location, cwd), version: options.version})
}

/** `K8S_NET_THREADS`: the most threads parsing may use, the main thread included (1: the main thread only). */
function threadsFromEnvironment(): number | undefined {
  const value = process.env.K8S_NET_THREADS
  if (value === undefined || value === '') return undefined
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new InputError(`K8S_NET_THREADS takes a whole number of threads from 1 (1: parse on the main thread only), not ${JSON.stringify(value.slice(0, 20))}`)
  return Number(value)
}

function saveCache(cache: ParseCache | undefined, options: LintFilesOptions): void {
  if (!cache) return
  try {
    cache.save()
  } catch (error) {
    options.cache?.onWarning?.(`the cache could not be written to ${cache.options.file}: ${(error as Error).message}`)
  }
}

/**
 * Lints manifest paths (files, directories, globs, `-` for stdin). With
 * `cache`, a run whose every input is as it was last time reuses that run's
 * result (see `runKey`); any other reuses what it can file by file.
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const run = await readRun(paths, options)
  const {cache, config, rules} = run
  const key = cache ? runKey(run, paths, options) : undefined
  const stored = key === undefined ? undefined : cache!.result(key)
  const result = stored ?? (await locateReports(...(await checkRun(run, paths, options)), {fixes: options.fixes}))
  if (!cache) return {result, config, rules}
  if (key === undefined) cache.dropResult()
  else if (!stored) cache.keepResult(key, result)
  saveCache(cache, options)
  return {result, config, rules, cache: {hits: cache.hits, misses: cache.misses, unread: cache.unread, reused: cache.reused}}
}

/** Parses and checks the input, keeping of it only what locating the reports needs: the objects, their index and what rules built over it go before locating. */
async function checkRun(run: ReadRun, paths: readonly string[], options: LintFilesOptions): Promise<[CheckedInput, LintInput['locators']]> {
  const input = await parseRun(run, paths, options)
  return [checkInput(input, run.config, run.rules), input.locators]
}

/**
 * What decides a run's result, hashed: the k8s-net version, the resolved
 * config (and the config file's text), the namespace, and every input and
 * `--context` file: the paths as expanded (walked folders' file lists and
 * what they left out), each file's name and text. Undefined for a run that
 * reads standard input or a cluster, whose result is never reused.
 */
function runKey(run: ReadRun, paths: readonly string[], options: LintFilesOptions): string | undefined {
  if (options.cluster || options.live || paths.includes('-') || options.contextPaths?.includes('-')) return undefined
  const {config, cache} = run
  const cwd = options.cwd ?? process.cwd()
  function* parts(): Generator<unknown> {
    yield ['k8s-net run', cache!.options.version, cwd, options.namespace ?? null, options.stdinFilename ?? null, options.fixes ?? true]
    yield [config.file ?? null, [...config.rules], config.exemptions.map((e) => e.source), config.settings]
    yield config.file === undefined ? null : readFileSync(path.resolve(cwd, config.file))
    for (const files of [run.linted, run.context]) {
      if (!files) {
        yield null
        continue
      }

      const {expanded, read} = files
      yield [expanded.files, expanded.skipped, expanded.unreadable, [...expanded.found], expanded.groups]
      for (const entry of read) yield [entry.name, contentHashOf(cache!, entry) ?? entry.text]
    }
  }

  try {
    return cache!.runKey(parts())
  } catch {
    // Something that does not serialise (or a config file gone since it was read): no reuse.
    return undefined
  }
}

/** The exposure map of manifest paths or a cluster (`k8s-net map`). */
export async function mapFiles(paths: readonly string[], options: LintFilesOptions & MapOptions = {}): Promise<MapReport> {
  const [{input, config}, {mapReport}] = await Promise.all([loadInput(paths, options), import('./exposure/report.js')])
  const model = exposureModel(indexInput(input, config))
  return mapReport(model, {workload: options.workload, from: options.from, input})
}

/** Whether a source reaches a target (`k8s-net reach`). */
export async function reachFiles(query: ReachQuery, paths: readonly string[], options: LintFilesOptions = {}): Promise<ReachAnswer> {
  const [{input, config}, {reach}] = await Promise.all([loadInput(paths, options), import('./exposure/reach.js')])
  return reach(exposureModel(indexInput(input, config)), query, input)
}

/** The exit code CI reads: 1 when a finding is at or above `failOn` or warnings exceed `maxWarnings`, else 0. */
export function exitCodeFor(result: LintResult, failOn: Severity, maxWarnings?: number): 0 | 1 {
  if (result.findings.some((f) => atLeast(f.severity, failOn))) return 1
  if (maxWarnings !== undefined && maxWarnings >= 0 && countBySeverity(result.findings).warning > maxWarnings) return 1
  return 0
}
