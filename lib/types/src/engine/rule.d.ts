/**
 * What a rule is: metadata beside one check. A rule never sees its severity
 * (config assigns it, the engine stamps it) and never computes positions (it
 * reports a path; the engine locates it).
 */
import type { Limits } from '../loaders/documents.js';
import type { PodTemplateKind } from './kinds.js';
import type { ResourceIndex } from './resource-index.js';
import type { IncompleteDocument, Report, Severity, SyntaxProblem } from './types.js';
export type RuleCategory = 'input' | 'services' | 'ingress' | 'gateway-api' | 'network-policy' | 'workloads';
/** One option of a rule: its type, default and meaning. Options are defined once: schema, type, default, docs. */
export type OptionSpec = {
    type: 'boolean';
    default: boolean;
    description: string;
} | {
    type: 'number';
    default: number;
    description: string;
} | {
    type: 'string';
    default: string;
    description: string;
} | {
    type: 'string[]';
    default: readonly string[];
    description: string;
};
export type OptionsSchema = Readonly<Record<string, OptionSpec>>;
type ValueOf<T extends OptionSpec['type']> = T extends 'boolean' ? boolean : T extends 'number' ? number : T extends 'string' ? string : readonly string[];
export type OptionsOf<S extends OptionsSchema> = {
    readonly [K in keyof S]: ValueOf<S[K]['type']>;
};
export interface RuleMeta<S extends OptionsSchema = OptionsSchema> {
    /** kebab-case; the rule's file is `rules/<id>.ts`, its fixtures `fixtures/<id>/`. */
    id: string;
    /** One line: what the rule finds. */
    description: string;
    /** Severity when config says nothing. */
    severity: Severity;
    category: RuleCategory;
    /** Why it matters, in a paragraph. */
    rationale: string;
    /** How to fix it, in a paragraph (YAML may follow in a fenced block). */
    remediation: string;
    options?: S;
    /** Rules that need what only a live cluster has (status, endpoints). */
    requires?: 'cluster';
}
/** Run-wide settings from config that rules may read. */
export interface Settings {
    nodePortRange: {
        min: number;
        max: number;
    };
    /** Namespaces that namespace-level rules skip (kube-system...). */
    systemNamespaces: readonly string[];
    podTemplateKinds: readonly PodTemplateKind[];
    limits: Limits;
    /** Whether objects come from a live cluster (status fields are meaningful). */
    live: boolean;
}
export interface RuleContext<O> {
    readonly index: ResourceIndex;
    /** Documents that are not objects and input that is not YAML, for the input rules. */
    readonly input: {
        readonly incomplete: readonly IncompleteDocument[];
        readonly problems: readonly SyntaxProblem[];
    };
    readonly options: O;
    readonly settings: Settings;
    report(report: Report): void;
}
export interface Rule<S extends OptionsSchema = OptionsSchema> {
    readonly meta: RuleMeta<S>;
    check(context: RuleContext<OptionsOf<S>>): void;
}
/** Declares a rule; typing its options from its schema. */
export declare function defineRule<S extends OptionsSchema = Record<never, OptionSpec>>(rule: Rule<S>): Rule<S>;
/** Where a rule's reference page lives. */
export declare const DOCS_BASE = "https://github.com/k8s-net/k8s-net/blob/main/docs/rules/";
export declare const docsUrl: (id: string) => string;
/** The defaults of a rule's options. */
export declare function defaultOptions(meta: RuleMeta): Record<string, unknown>;
/** Checks one option value against its spec; returns an error message or undefined. */
export declare function checkOption(spec: OptionSpec, value: unknown): string | undefined;
export {};
