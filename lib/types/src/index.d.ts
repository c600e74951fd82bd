/** k8s-net as a library. */
export { lintFiles, exitCodeFor, type LintFilesOptions, type LintRun } from './run.js';
export { lint, atLeast, countBySeverity, SUPPRESSION_PREFIX, type LintResult } from './engine/engine.js';
export { loadRules } from './engine/registry.js';
export { defineRule, docsUrl, type Rule, type RuleMeta, type RuleContext, type Settings } from './engine/rule.js';
export { ResourceIndex, getPath, serviceSelector, type PodTemplate } from './engine/resource-index.js';
export { parseLabelSelector, parseMatchLabels, matches, formatSelector, type Selector } from './engine/selectors.js';
export { loadConfig, resolveConfig, ConfigError, type ResolvedConfig, type ConfigOverrides } from './config/config.js';
export { loadPaths, loadText, expandPaths, LoadedInput, InputError, makeResource, STDIN } from './loaders/sources.js';
export { ClusterError } from './cluster/errors.js';
export type { ClusterOptions } from './cluster/index.js';
export { FORMATTERS, FORMAT_NAMES, type FormatName, type FormatOptions, type Formatter } from './formatters/index.js';
export type * from './engine/types.js';
export * as wizard from './wizard/index.js';
