/** Facts about Kubernetes kinds that the loader and the index need. */
import type { ObjectPath } from './types.js';
export declare function isClusterScoped(kind: string): boolean;
/** A kind that carries a pod template, and where. */
export interface PodTemplateKind {
    /** API group, `''` for the core group; `*` matches any group. */
    group: string;
    kind: string;
    /** Path from the object to the pod template (`metadata` and `spec`); `[]` for a Pod itself. */
    path: ObjectPath;
    /** Pods that run to completion: not long-running, no probes expected. */
    batch?: boolean;
}
export declare const BUILTIN_POD_TEMPLATE_KINDS: readonly PodTemplateKind[];
/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `''`. */
export declare function groupOf(apiVersion: string): string;
