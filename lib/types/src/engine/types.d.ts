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
/** The file name of standard input in origins, findings and reports. */
export declare const STDIN = "<stdin>";
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
/** The pod template of a workload (or a Pod itself). */
export interface PodTemplate {
    readonly owner: Resource;
    /** Path from the owner object to the template; `[]` for a Pod. */
    readonly path: ObjectPath;
    readonly namespace: string;
    /** The template's labels: what Services and NetworkPolicies select. */
    readonly labels: Readonly<Record<string, string>>;
    /** The pod spec, `{}` when absent or not a mapping. */
    readonly spec: Readonly<Record<string, unknown>>;
    /** The kind runs to completion (Job, CronJob, a CRD kind configured so). Whether the pods serve at all is `neverServes` in src/k8s/workloads.ts. */
    readonly batch: boolean;
    /** `spec.replicas` of the owner: 1 when unset on a scalable kind; undefined for DaemonSets, Pods and kinds that run to completion, and when it is no count (.nan, 2.5, -1). */
    readonly replicas: number | undefined;
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
/** Values for the `{{placeholders}}` of a message. */
export type MessageData = Readonly<Record<string, string | number>>;
/**
 * What a rule reports: where (a target and a path inside it) and what, as one
 * of its message ids with the data for its placeholders. The engine renders
 * the text, stamps the severity config gives the message id, and locates the path.
 */
export interface Report<MessageId extends string = string> {
    target: ReportTarget;
    /** Path inside the object of what is wrong; the engine turns it into a source range. */
    path?: ObjectPath;
    /** A key of the rule's `meta.messages`. */
    messageId: MessageId;
    /** A value for every `{{placeholder}}` of the message (`{{related:N}}` excepted: the engine writes where related location N is). */
    data?: MessageData;
    /** Other places the message refers to (the earlier claimant of a nodePort, the Service that routes to a pod...). */
    related?: RelatedLocation[];
    /**
     * A ready-to-use fix for this very finding, beyond the rule's general
     * remediation: text, or Kubernetes objects to apply, which the engine
     * writes as YAML (so rules need not load a YAML writer).
     */
    fix?: string | Record<string, unknown> | readonly Record<string, unknown>[];
}
/** A finding as formatters receive it: located, severity stamped. */
export interface Finding {
    ruleId: string;
    /** Which message of the rule this is: stable across wording changes, for filters and tests. */
    messageId: string;
    severity: Severity;
    /** The message rendered from the rule's text and `data`. */
    message: string;
    /** The values of the message's placeholders. */
    data?: MessageData;
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
/** Input limits the loader enforces; config sets them. */
export interface Limits {
    /** Files (and standard input) larger than this are not parsed (bytes). */
    maxFileBytes: number;
    /** Alias expansion budget: the number of nodes a document may grow to through aliases, beyond its own size. */
    maxAliasNodes: number;
    /** Nesting depth of mappings and sequences. */
    maxDepth: number;
}
/** Resolves paths inside the documents of one file to source ranges. */
export interface Locator {
    /** The range of the node at `path` in document `document` (or of the deepest node of the path that exists). */
    locate(document: number, path: ObjectPath): Promise<Range | undefined>;
}
/** What the engine lints: the objects, the documents and input that are not objects, and how to locate paths. */
export interface LintInput {
    readonly resources: readonly Resource[];
    readonly incomplete: readonly IncompleteDocument[];
    readonly problems: readonly SyntaxProblem[];
    /** Files read to be linted, as named, in order. */
    readonly files: readonly string[];
    /** Entries of linted folders left out as not manifests (hidden, node_modules, other tools' files): counted in the summary. */
    readonly skipped: readonly string[];
    /** Kinds that could not be read (a cluster refused to list them): no namespace means all namespaces. */
    readonly unreadable: ReadonlyArray<{
        kind: string;
        namespace?: string;
    }>;
    /** A locator per file, by name as given. */
    readonly locators: ReadonlyMap<string, Locator>;
}
