/**
 * The shapes every part of k8s-net shares: objects and where they came from,
 * rules and what they report, and findings as formatters receive them.
 *
 * Positions are 1-based everywhere outside the loader. A range's end is
 * exclusive: `end.column` is the column just past the last character, as in SARIF.
 */
export type Severity = 'error' | 'warning' | 'info';
export type SeverityLevel = Severity | 'off';
export type PathSegment = string | number;
/** A path inside one Kubernetes object, e.g. `['spec', 'ports', 0, 'nodePort']`. */
export type ObjectPath = readonly PathSegment[];
export interface Position {
    line: number;
    column: number;
}
export interface Range {
    start: Position;
    end: Position;
}
/** A Kubernetes object as read from a manifest or the API: untrusted, so every field is unknown until checked. */
export interface K8sObject {
    apiVersion?: unknown;
    kind?: unknown;
    metadata?: unknown;
    [key: string]: unknown;
}
/** Where an object came from: a document in a file (or stdin), or a live cluster. */
export type Origin = FileOrigin | ClusterOrigin;
export interface FileOrigin {
    type: 'file';
    /** The path as the user gave it (relative paths stay relative), or `<stdin>`. */
    file: string;
    /** 0-based index of the YAML document in the file. */
    document: number;
    /** Path from the document root to this object: `[]`, or `['items', 3]` for an item of a `List`. */
    prefix: ObjectPath;
}
export interface ClusterOrigin {
    type: 'cluster';
    /** The kubeconfig context (or server) the object was read from. */
    cluster: string;
}
/** Identity of an object in reports. */
export interface ObjectRef {
    apiVersion: string;
    kind: string;
    namespace?: string;
    name: string;
}
/** One loaded Kubernetes object (it has apiVersion and kind). */
export interface Resource {
    /** Load order, unique within one run. */
    readonly uid: number;
    readonly object: K8sObject;
    readonly apiVersion: string;
    /** API group: `''` for the core group, `apps`, `networking.k8s.io`, ... */
    readonly group: string;
    readonly kind: string;
    readonly name: string;
    /** `metadata.namespace`, else the `--namespace` given, else `default`; `''` for cluster-scoped kinds. */
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
    readonly origin: Origin;
    /** Loaded as reference only (`--context`, or the cluster behind files): it feeds the index but is never reported on. */
    readonly reference: boolean;
}
/** A document that parsed but is not a Kubernetes object (no apiVersion or kind, or not a mapping). */
export interface IncompleteDocument {
    readonly origin: FileOrigin;
    readonly value: unknown;
    /** What is missing or wrong, for the message. */
    readonly problem: string;
    readonly reference: boolean;
}
/** Input the loader could not read as YAML, with where it broke. */
export interface SyntaxProblem {
    readonly origin: FileOrigin;
    readonly message: string;
    readonly range: Range;
    /** Which loader check produced it: YAML syntax, a duplicate key, a limit. */
    readonly type: 'syntax' | 'duplicate-key' | 'limit';
    readonly reference: boolean;
}
/** Something a rule points at in a report: an object, a document that is not one, or input that is not YAML. */
export type ReportTarget = Resource | IncompleteDocument | SyntaxProblem;
export interface RelatedLocation {
    message: string;
    target: ReportTarget;
    path?: ObjectPath;
}
export interface Report {
    target: ReportTarget;
    /** Path inside the object of what is wrong; the engine turns it into a source range. */
    path?: ObjectPath;
    message: string;
    /** Other places the message refers to (the earlier claimant of a nodePort, the Service that routes to a pod...). */
    related?: RelatedLocation[];
    /**
     * A ready-to-use fix for this very finding, beyond the rule's general
     * remediation: text, or Kubernetes objects to apply, which the engine
     * writes as YAML (so rules need not load a YAML writer).
     */
    fix?: string | Record<string, unknown> | readonly Record<string, unknown>[];
    /**
     * The severity of one form of what the rule finds, where it differs from the
     * rule's default (a numeric targetPort no container declares is a warning,
     * beside a port name none declares, an error). It applies only while config
     * leaves the rule's severity at its default: a severity the user sets
     * applies to every finding of the rule.
     */
    severity?: Severity;
}
/** A finding as formatters receive it: located, severity stamped. */
export interface Finding {
    ruleId: string;
    severity: Severity;
    message: string;
    /** The object the finding is about; absent for input that is not an object (invalid YAML). */
    object?: ObjectRef;
    /** The file as the user named it, `<stdin>`, or absent for objects read from a cluster. */
    file?: string;
    start?: Position;
    end?: Position;
    /** The path inside the object the rule reported (what `start` and `end` locate); absent when it reported none. */
    path?: ObjectPath;
    related?: RelatedFinding[];
    fix?: string;
}
export interface RelatedFinding {
    message: string;
    object?: ObjectRef;
    file?: string;
    start?: Position;
    end?: Position;
}
