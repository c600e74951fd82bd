import { type ConfigOverrides, type ResolvedConfig } from './config/config.js';
import { type LintResult } from './engine/engine.js';
import type { Rule } from './engine/rule.js';
import type { Severity } from './engine/types.js';
import { LoadedInput } from './loaders/sources.js';
import type { ClusterOptions } from './cluster/index.js';
import type { MapOptions, MapReport } from './exposure/report.js';
import type { ReachAnswer, ReachQuery } from './exposure/reach.js';
export interface LintFilesOptions {
    cwd?: string;
    /** `--config`; otherwise `.k8s-net.yaml` is looked for from cwd upward. */
    configFile?: string;
    overrides?: ConfigOverrides;
    /** Manifests loaded as reference only (`--context`): they feed the index, findings are not reported on them. */
    contextPaths?: readonly string[];
    /** Namespace for objects that name none. */
    namespace?: string;
    /** Reads standard input for `-`, given the size limit (see LoadOptions.readStdin). */
    readStdin?: (maxBytes: number) => Promise<Buffer | string>;
    /** The file name standard input stands for (`--stdin-filename`); default `<stdin>`. */
    stdinFilename?: string;
    /** Treat the objects as read from a live cluster, enabling the rules that need one (status, endpoints). */
    live?: boolean;
    /** Read a live cluster (`--cluster`): linted alone, or reference for the paths given. */
    cluster?: ClusterOptions;
    /** Reuse the parsed documents of unchanged files (`--cache`): the cache file or folder (default: see `cacheFilePath`), the k8s-net version, and where to say that the cache could not be written. */
    cache?: {
        location?: string;
        version: string;
        onWarning?: (message: string) => void;
    };
    /** Threads to parse files on, the main thread included (1: the main thread only); default: the cores available, when the input is large enough to pay for them. */
    threads?: number;
    /** The parsing threads' module, for tests. */
    worker?: URL;
    /** Whether findings carry their fix as YAML (default true); output that shows none can leave them out (see LocateOptions). */
    fixes?: boolean;
}
export interface LintRun {
    result: LintResult;
    config: ResolvedConfig;
    rules: readonly Rule[];
    /** With `cache`: files read back and parsed, files taken as unchanged by their stat (read only when their text was needed), and whether the whole result was the stored one. */
    cache?: {
        hits: number;
        misses: number;
        unread: number;
        reused: boolean;
    };
}
export interface LoadedRun {
    input: LoadedInput;
    config: ResolvedConfig;
    rules: readonly Rule[];
}
/**
 * Reads what a run works on: rules and config, the paths given (files,
 * directories, globs, `-`), `--context` as reference, and a live cluster
 * with `--cluster`. Every command that reads manifests starts here.
 */
export declare function loadInput(paths: readonly string[], options?: LintFilesOptions): Promise<LoadedRun>;
/**
 * Lints manifest paths (files, directories, globs, `-` for stdin). With
 * `cache`, a run whose every input is as it was last time reuses that run's
 * result (see `runKey`); any other reuses what it can file by file.
 */
export declare function lintFiles(paths: readonly string[], options?: LintFilesOptions): Promise<LintRun>;
/** The exposure map of manifest paths or a cluster (`k8s-net map`). */
export declare function mapFiles(paths: readonly string[], options?: LintFilesOptions & MapOptions): Promise<MapReport>;
/** Whether a source reaches a target (`k8s-net reach`). */
export declare function reachFiles(query: ReachQuery, paths: readonly string[], options?: LintFilesOptions): Promise<ReachAnswer>;
/** The exit code CI reads: 1 when a finding is at or above `failOn` or warnings exceed `maxWarnings`, else 0. */
export declare function exitCodeFor(result: LintResult, failOn: Severity, maxWarnings?: number): 0 | 1;
