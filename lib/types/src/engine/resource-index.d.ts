/**
 * The index every rule shares: objects by kind, namespace and name; the pod
 * templates of workloads; and label selection over those templates. Built
 * once per run, with maps so that no rule needs pairwise matching.
 */
import { type PodTemplateKind } from './kinds.js';
import { type Selector } from './selectors.js';
import type { PodTemplate, Resource } from './types.js';
/**
 * Objects of one kind in some API groups, by namespace and name. Kinds repeat
 * across groups (Istio's Gateway is not a Gateway API Gateway, a Knative
 * Service is not a core Service), so lookups name the groups.
 */
export interface KindTable {
    /** In load order (linted input first, then reference input). */
    readonly all: readonly Resource[];
    /** The first object with this namespace and name (`''` for cluster-scoped kinds). */
    find(namespace: string, name: string): Resource | undefined;
    /**
     * Every object with this namespace and name. The input may hold several
     * versions of one object (overlays of several environments, a file and its
     * applied copy given as context): a reference resolves when any of them fits.
     */
    findAll(namespace: string, name: string): readonly Resource[];
    /**
     * Whether the input holds any object of the kind in this namespace. Rules
     * that look for a referenced object report "not found" only when this is
     * true: otherwise the input is a partial set and they cannot know.
     */
    has(namespace: string): boolean;
    /** The objects in one namespace. */
    inNamespace(namespace: string): readonly Resource[];
}
export declare class ResourceIndex {
    readonly resources: readonly Resource[];
    /** Kinds a cluster refused to list (in one namespace, or in all): their absence means nothing. */
    private readonly unreadable;
    private readonly byKindMap;
    private readonly byName;
    private readonly templatesByNamespace;
    private readonly templatesByLabel;
    /** Pod templates of every namespace by label and value, and by label: made when first asked for (see `templateElsewhere`). */
    private anywhere?;
    private readonly tables;
    private readonly templateKindNames;
    readonly podTemplates: readonly PodTemplate[];
    constructor(resources: readonly Resource[], podTemplateKinds?: readonly PodTemplateKind[], 
    /** Kinds a cluster refused to list (in one namespace, or in all): their absence means nothing. */
    unreadable?: ReadonlyArray<{
        kind: string;
        namespace?: string;
    }>);
    /** Whether the object's controller (its ownerReference with controller: true) is in the input too. */
    private controllerInInput;
    /** Objects of a kind, optionally of one API group, in load order. */
    byKind(kind: string, group?: string): readonly Resource[];
    /** The objects of a kind in the given API groups (`''` is the core group), by namespace and name. */
    table(kind: string, groups: readonly string[]): KindTable;
    /**
     * Whether every object of this kind in the namespace could be read. Input
     * from files always could; a cluster may refuse to list a kind (403), and
     * then a rule must not conclude there is none.
     */
    readable(kind: string, namespace: string): boolean;
    /** Whether every kind that carries pod templates could be read in the namespace (see `readable`). */
    templatesReadable(namespace: string): boolean;
    /** Whether the input holds any workload (pod template) in this namespace. */
    hasPodTemplates(namespace: string): boolean;
    templatesIn(namespace: string): readonly PodTemplate[];
    /**
     * Pod templates in a namespace whose pods the selector reaches. An empty
     * selector selects all of them. Labels that controllers add to their pods
     * (`pod-template-hash`, `statefulset.kubernetes.io/pod-name`, `job-name`...)
     * count, with their values checked where they can be known.
     */
    selectTemplates(namespace: string, selector: Selector): PodTemplate[];
    /**
     * The first pod template, in load order, outside a namespace whose own
     * labels the selector matches: for messages that say a selector matches
     * another namespace's pods. The candidates are the templates with the label
     * of the selector's first single-valued `In` (else its first `Exists`):
     * each selector is not compared with every template.
     */
    templateElsewhere(namespace: string, selector: Selector): PodTemplate | undefined;
}
