/**
 * The library's front door: load rules, config and input, then run the
 * engine (`lint`) or build the exposure model (`map`, `reach`). Used by the
 * commands and by anyone embedding k8s-net.
 * Never prompts, never exits, never writes (but the parse cache, when asked
 * for with `cache`): errors are thrown as InputError
 * or ConfigError for the caller to present.
 */
import path from 'node:path'
import {type ConfigOverrides, loadConfig, type ResolvedConfig} from './config/config.js'
import {atLeast, countBySeverity, indexInput, lint, type LintResult} from './engine/engine.js'
import {loadRules} from './engine/registry.js'
import type {Rule} from './engine/rule.js'
import type {Severity} from './engine/types.js'
import {expandPaths, LoadedInput, loadFiles, loadPaths, withoutFiles} from './loaders/sources.js'
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
}

export interface LintRun {
  result: LintResult
  config: ResolvedConfig
  rules: readonly Rule[]
}

export interface LoadedRun {
  input: LoadedInput
  config: ResolvedConfig
  rules: readonly Rule[]
}

/**
 * Reads what a run works on: rules and config, the paths given (files,
 * directories, globs, `-`), `--context` as reference, and a live cluster
 * with `--cluster`. Every command that reads manifests starts here.
 */
export async function loadInput(paths: readonly string[], options: LintFilesOptions = {}): Promise<LoadedRun> {
  const rules = await loadRules()
  const config = await loadConfig(rules, {file: options.configFile, cwd: options.cwd, overrides: options.overrides})
  if (options.live) config.settings.live = true
  // The cache (and the hashing and serialisation it loads) is imported when asked for: a run without --cache never loads it.
  const cache = options.cache ? await openCache(options.cache, options.cwd) : undefined
  const loadOptions = {cwd: options.cwd, namespace: options.namespace, readStdin: options.readStdin, stdinFilename: options.stdinFilename, limits: config.settings.limits, cache}
  const input = paths.length > 0 ? await loadPaths(paths, loadOptions) : new LoadedInput()
  if (options.contextPaths?.length) {
    // A file both linted and given as context (a staged file inside --context k8s/) is linted only: as its own reference it would conflict with itself.
    const cwd = options.cwd ?? process.cwd()
    const linted = new Set(input.files.map((f) => path.resolve(cwd, f)))
    // Standard input can be read once: when it is linted, it is not context too.
    const context = withoutFiles(await expandPaths(options.contextPaths, cwd), (f) => (f === '-' ? paths.includes('-') : linted.has(path.resolve(cwd, f))))
    if (context.files.length > 0 || context.groups.length > 0) input.merge(await loadFiles(context, {...loadOptions, reference: true}))
  }

  if (cache) {
    try {
      cache.save()
    } catch (error) {
      options.cache?.onWarning?.(`the cache could not be written to ${cache.options.file}: ${(error as Error).message}`)
    }
  }

  if (options.cluster) {
    // Imported here only: linting files never loads the cluster client.
    const {loadCluster} = await import('./cluster/index.js')
    input.merge(await loadCluster({cwd: options.cwd, ...options.cluster}, {reference: paths.length > 0, settings: config.settings}))
    // Status fields say how things are only when the cluster itself is linted.
    if (paths.length === 0) config.settings.live = true
    // Deprecations are judged against the cluster's own version unless --kube-version or kubeVersion: names one.
    config.settings.kubeVersion ??= input.serverVersion
  }

  return {input, config, rules}
}

async function openCache(options: NonNullable<LintFilesOptions['cache']>, cwd: string | undefined): Promise<import('./loaders/cache.js').ParseCache> {
  const {cacheFilePath, ParseCache} = await import('./loaders/cache.js')
  return ParseCache.open({file: cacheFilePath(options.location, cwd ?? process.cwd()), version: options.version})
}

/** Lints manifest paths (files, directories, globs, `-` for stdin). */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const {input, config, rules} = await loadInput(paths, options)
  const result = await lint(input, config, rules)
  return {result, config, rules}
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
