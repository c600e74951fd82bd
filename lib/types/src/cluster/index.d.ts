/**
 * The live-cluster source: reads the kinds k8s-net lints from the cluster of
 * a kubeconfig context, with GET requests only (never Secrets or ConfigMaps),
 * page by page, and turns them into resources for the engine.
 *
 * Tolerant of permissions only: a kind or namespace the user may not list
 * (403) is a warning and the rest is read (a user who may list nothing across
 * namespaces reads the context's namespace, as kubectl); an API group the
 * cluster lacks is skipped. Anything else that keeps a kind from being read
 * (no answer, TLS, refused credentials, a server error, a redirect, an answer
 * that is not a list, a listing that never ends) is a ClusterError (exit 2):
 * nothing is passed off as empty.
 *
 * Which objects are linted: all of them when only the cluster is linted,
 * except objects that only mirror another (the ReplicaSets of a Deployment,
 * the Pods of a ReplicaSet, StatefulSet, DaemonSet or Job, the Jobs of a
 * CronJob), objects in system namespaces (settings.systemNamespaces) unless
 * --namespace names them, and, with --namespace, objects outside the named
 * namespaces. Those are still read, as reference: selectors and references
 * resolve against them. With files, the whole cluster is reference.
 */
import type { Settings } from '../engine/rule.js';
import { LoadedInput } from '../loaders/sources.js';
import { type KubeconfigOptions } from './kubeconfig.js';
export { ClusterError } from './errors.js';
export interface ClusterOptions extends KubeconfigOptions {
    /** `--namespace`, repeatable: read these namespaces only (cluster-scoped kinds are read whole). All when empty. */
    namespaces?: readonly string[];
    /** `--request-timeout`: the deadline of each request, `30s` by default; `0` for none. */
    requestTimeout?: string;
    /** Told what could not be read (a 403 on a kind or namespace), once each. */
    onWarning?: (message: string) => void;
    /** Objects per page (`limit`), PAGE_SIZE by default. */
    pageSize?: number;
}
export interface ClusterLoadContext {
    /** The cluster is reference for linted files: nothing of it is reported on. */
    reference: boolean;
    settings: Pick<Settings, 'systemNamespaces'>;
}
export declare const DEFAULT_REQUEST_TIMEOUT = "30s";
/** Objects per page (`limit`), as kubectl asks. */
export declare const PAGE_SIZE = 500;
/** Reads the cluster of the kubeconfig context. */
export declare function loadCluster(options: ClusterOptions, context: ClusterLoadContext): Promise<LoadedInput>;
