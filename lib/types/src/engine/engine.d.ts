/**
 * The engine: runs each enabled rule over the index, then for every report
 * drops what is suppressed, exempted or only reference, stamps the severity
 * config gives, and resolves the reported path to a source range.
 */
import { ResourceIndex } from './resource-index.js';
import { type LintConfig, type Rule } from './rule.js';
import type { Finding, LintInput, Locator, ObjectPath, ObjectRef, Origin, Range, Report, Severity } from './types.js';
/** The annotation that silences one rule on one object; its value is the reason. */
export declare const SUPPRESSION_PREFIX = "ignore.k8s-net.io/";
export interface LintResult {
    findings: Finding[];
    /** Files read (as named), in order. */
    files: string[];
    /** Objects linted (not counting reference objects). */
    objects: number;
    /** Findings dropped by suppression annotations and config exemptions. */
    suppressed: number;
    /** Ids of the rules that ran (not off, and not waiting for a cluster), in order: what a clean run checked. */
    rules?: string[];
    /** Entries of linted folders left out as not manifests (hidden, node_modules, other tools' files). */
    skipped: number;
}
export interface SeverityCounts {
    error: number;
    warning: number;
    info: number;
}
export declare function countBySeverity(findings: readonly Finding[]): SeverityCounts;
/** Whether a severity is at or above a threshold. */
export declare function atLeast(severity: Severity, threshold: Severity): boolean;
/** The index of loaded input, with the pod template kinds config names. */
export declare function indexInput(input: LintInput, config: LintConfig): ResourceIndex;
/** Runs the rules over loaded input. */
export declare function lint(input: LintInput, config: LintConfig, rules: readonly Rule[]): Promise<LintResult>;
/**
 * What the rules reported on loaded input, before locating. Nothing in it
 * holds the input's objects, its index or what rules built over it: a caller
 * that lets go of the input keeps only this and the locators.
 */
export interface CheckedInput {
    reports: PendingReport[];
    /** Rules that broke, as findings. */
    crashes: Finding[];
    /** Ids of the rules that ran. */
    rules: string[];
    suppressed: number;
    files: string[];
    objects: number;
    skipped: number;
}
/** One report, rendered and stamped, with what locating needs of its targets. */
interface PendingReport {
    what: Pick<Finding, 'ruleId' | 'messageId' | 'severity' | 'message' | 'data'>;
    target: PendingTarget;
    path?: ObjectPath;
    fix?: Report['fix'];
    related?: Array<{
        message: string;
        target: PendingTarget;
        path?: ObjectPath;
    }>;
}
/** A report target as locating needs it: the object's identity, its origin, and a syntax problem's range. */
interface PendingTarget {
    object?: ObjectRef;
    origin: Origin;
    range?: Range;
}
/** Runs the rules; the index and everything rules build over it are left behind when it returns. */
export declare function checkInput(input: LintInput, config: LintConfig, rules: readonly Rule[]): CheckedInput;
export interface LocateOptions {
    /** Whether findings carry their fix (`fix`, written as YAML); default true. Output that shows none leaves them out, and the yaml library is not loaded. */
    fixes?: boolean;
}
/** Turns checked reports into findings: located, then sorted. */
export declare function locateReports(checked: CheckedInput, locators: ReadonlyMap<string, Locator>, options?: LocateOptions): Promise<LintResult>;
export {};
