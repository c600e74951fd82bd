/**
 * What k8s-net reads from a cluster, and where the cluster serves it.
 *
 * Discovery first (`/api/v1`, `/apis`, then the group versions needed): a kind
 * whose API group the cluster lacks (the Gateway API on most clusters) is
 * skipped without a request, and the rules that need it see none. Each kind is
 * read at the version the cluster prefers that serves it.
 *
 * Every name discovery gives is checked against Kubernetes' own syntax before
 * it goes into a URL (group: DNS subdomain; version and resource: DNS label):
 * a server that answers otherwise is not one k8s-net reads (exit 2).
 */
import { type ApiClient } from './api.js';
/** A kind k8s-net reads. Secrets and ConfigMaps are not, and never will be. */
export interface WantedResource {
    /** API group, `''` for the core group. */
    group: string;
    /** Plural resource name, as in the URL; absent for a kind found by its name in discovery (a custom resource config names). */
    resource?: string;
    /** Its kind, to say what could not be read when discovery itself fails. */
    kind: string;
}
export declare const WANTED_RESOURCES: readonly WantedResource[];
/** The kinds a custom pod template kind of config adds to what is read: by group and kind, found in discovery. Secrets and ConfigMaps never. */
export declare function podTemplateResources(kinds: readonly {
    group: string;
    kind: string;
}[]): WantedResource[];
/** A kind as the cluster serves it. */
export interface ServedResource {
    group: string;
    version: string;
    resource: string;
    kind: string;
    namespaced: boolean;
}
export declare const apiVersionOf: (r: {
    group: string;
    version: string;
}) => string;
/** The URL of a resource's collection, in one namespace or across all. */
export declare function collectionPath(r: ServedResource, namespace?: string): string;
/**
 * Finds where the cluster serves each wanted kind. A group or group version
 * the cluster does not have (404) is skipped; one the user may not discover
 * (403) is skipped with a warning. The first request (core v1) fails the run
 * (ClusterError) when the cluster cannot be read at all.
 */
export declare function discover(api: ApiClient, wanted: readonly WantedResource[], warn: (message: string) => void): Promise<{
    served: ServedResource[];
    unreadable: WantedResource[];
}>;
