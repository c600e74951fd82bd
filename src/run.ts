/**
 * The library's front door for the lint job: load rules, config and input,
 * run the engine. Used by the `lint` command and by anyone embedding k8s-net.
 * Never prompts, never exits, never writes: errors are thrown as InputError
 * or ConfigError for the caller to present.
 */
import {type ConfigOverrides, loadConfig, type ResolvedConfig} from './config/config.js'
import {atLeast, countBySeverity, lint, type LintResult} from './engine/engine.js'
import {loadRules} from './engine/registry.js'
import type {Rule} from './engine/rule.js'
import type {Severity} from './engine/types.js'
import {LoadedInput, loadPaths} from './loaders/sources.js'

export interface LintFilesOptions {
  cwd?: string
  /** `--config`; otherwise `.k8s-net.yaml` is looked for from cwd upward. */
  configFile?: string
  overrides?: ConfigOverrides
  /** Manifests loaded as reference only (`--context`): they feed the index, findings are not reported on them. */
  contextPaths?: readonly string[]
  /** Namespace for objects that name none. */
  namespace?: string
  readStdin?: () => Promise<Buffer | string>
  /** More input to lint or use as reference, already loaded (a live cluster, for instance). */
  extra?: LoadedInput
  /** Set when objects come from a live cluster, enabling the rules that need one. */
  live?: boolean
}

export interface LintRun {
  result: LintResult
  config: ResolvedConfig
  rules: readonly Rule[]
}

/** Lints manifest paths (files, directories, globs, `-` for stdin). */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const rules = await loadRules()
  const config = await loadConfig(rules, {file: options.configFile, cwd: options.cwd, overrides: options.overrides})
  if (options.live) config.settings.live = true
  const loadOptions = {cwd: options.cwd, namespace: options.namespace, readStdin: options.readStdin, limits: config.settings.limits}
  const input = paths.length > 0 ? await loadPaths(paths, loadOptions) : new LoadedInput()
  if (options.contextPaths?.length) {
    input.merge(await loadPaths(options.contextPaths, {...loadOptions, reference: true}))
  }

  if (options.extra) input.merge(options.extra)
  const result = await lint(input, config, rules)
  return {result, config, rules}
}

/** The exit code CI reads: 1 when a finding is at or above `failOn` or warnings exceed `maxWarnings`, else 0. */
export function exitCodeFor(result: LintResult, failOn: Severity, maxWarnings?: number): 0 | 1 {
  if (result.findings.some((f) => atLeast(f.severity, failOn))) return 1
  if (maxWarnings !== undefined && maxWarnings >= 0 && countBySeverity(result.findings).warning > maxWarnings) return 1
  return 0
}
