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
    /** The pod template kinds config names (`podTemplates`): custom ones are read too, and what they control is reference. */
    settings: Pick<Settings, 'systemNamespaces'> & Partial<Pick<Settings, 'podTemplateKinds'>>;
}
export declare const DEFAULT_REQUEST_TIMEOUT = "30s";
/** Objects per page (`limit`), as kubectl asks. */
export declare const PAGE_SIZE = 500;
/** Reads the cluster of the kubeconfig context. */
export declare function loadCluster(options: ClusterOptions, context: ClusterLoadContext): Promise<LoadedInput>;
