/**
 * k8s-net as a library: what linting needs, and nothing more at import time.
 * The wizard (and the YAML writer it uses) loads on demand: `await loadWizard()`.
 */
export { lintFiles, exitCodeFor, loadInput, mapFiles, reachFiles, type LintFilesOptions, type LintRun } from './run.js';
export { exposureModel, type ExposureModel, type ExposureClass } from './exposure/model.js';
export { mapReport, type MapReport, type MapOptions } from './exposure/report.js';
export { reach, type ReachAnswer, type ReachQuery } from './exposure/reach.js';
export { renderMap, MAP_FORMATS, type MapFormat } from './exposure/render/index.js';
export { lint, atLeast, countBySeverity, SUPPRESSION_PREFIX, type LintResult } from './engine/engine.js';
export { loadRules, ruleProse, type RuleProse } from './engine/registry.js';
export { defineRule, docsUrl, type LintConfig, type Rule, type RuleMeta, type RuleContext, type RuleSetting, type Settings } from './engine/rule.js';
export { ResourceIndex } from './engine/resource-index.js';
export { serviceSelector } from './k8s/services.js';
export { parseLabelSelector, parseMatchLabels, matches, formatSelector, type Selector } from './engine/selectors.js';
export { getPath } from './util/records.js';
export { loadConfig, resolveConfig, ConfigError, type ResolvedConfig, type ConfigOverrides } from './config/config.js';
export { loadPaths, loadText, expandPaths, LoadedInput, InputError, makeResource } from './loaders/sources.js';
export { ClusterError } from './cluster/errors.js';
export type { ClusterOptions } from './cluster/index.js';
export { FORMATTERS, FORMAT_NAMES, type FormatName, type FormatOptions, type Formatter } from './formatters/index.js';
export { STDIN } from './engine/types.js';
export type * from './engine/types.js';
/** The wizard as a library (questions, `recommend()`, `generate()`), loaded when asked for. */
export declare const loadWizard: () => Promise<typeof import("./wizard/index.js")>;
