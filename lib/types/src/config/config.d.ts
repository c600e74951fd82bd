import { type Rule, type RuleSetting, type Settings } from '../engine/rule.js';
import type { ObjectPath, Resource, SeverityLevel } from '../engine/types.js';
export { CONFIG_FILE_NAMES, findConfigFile } from './find.js';
/** A config file that cannot be used: exit 2, naming the file, the key and its line. */
export declare class ConfigError extends Error {
    readonly file: string;
    readonly key?: string | undefined;
    readonly line?: number | undefined;
    constructor(message: string, file: string, key?: string | undefined, line?: number | undefined);
}
/** An exemption: every criterion given must match (a list matches when any entry does). */
export interface Exemption {
    rules?: string[];
    kinds?: string[];
    namespaces?: string[];
    names?: string[];
    paths?: string[];
    reason?: string;
}
export interface ResolvedConfig {
    /** The file read, if any. */
    file?: string;
    rules: Map<string, RuleSetting>;
    exemptions: CompiledExemption[];
    settings: Settings;
    /** What the caller should tell the user: a config file found and ignored, and why. */
    warnings: string[];
}
export interface CompiledExemption {
    source: Exemption;
    test(ruleId: string, resource: Resource | undefined, file: string | undefined): boolean;
}
/** Overrides from the command line, which win over the file. */
export interface ConfigOverrides {
    /** `--rule id=severity`. */
    rules?: Record<string, SeverityLevel>;
    /** `--node-port-range 30000-32767`. */
    nodePortRange?: string;
    /** `--kube-version 1.33`. */
    kubeVersion?: string;
}
export declare const DEFAULT_SYSTEM_NAMESPACES: string[];
/** Config files are small: a larger one is not a config. */
export declare const MAX_CONFIG_BYTES: number;
/** Reads, validates and resolves the configuration. */
export declare function loadConfig(rules: readonly Rule[], options?: {
    file?: string;
    cwd?: string;
    overrides?: ConfigOverrides;
}): Promise<ResolvedConfig>;
/** Validates a parsed config object against the rules and applies command-line overrides. */
export declare function resolveConfig(raw: unknown, rules: readonly Rule[], options?: {
    file?: string;
    lineOf?: (keyPath: ObjectPath) => number | undefined;
    overrides?: ConfigOverrides;
    /** Where exemption path globs start (`base`), and what relative file names are relative to (`cwd`). */
    paths?: {
        base: string;
        cwd: string;
    };
}): ResolvedConfig;
/** Parses `30000-32767`. */
export declare function parsePortRange(value: unknown): {
    min: number;
    max: number;
} | undefined;
