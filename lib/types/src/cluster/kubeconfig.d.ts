import type { RequestOptions } from 'node:https';
export interface KubeconfigOptions {
    /** `--kubeconfig`: one file, used alone. */
    kubeconfig?: string;
    /** `--kube-context`: the context to use instead of current-context. */
    context?: string;
    /** Environment to read KUBECONFIG, HOME and the in-cluster variables from (default: process.env). */
    env?: NodeJS.ProcessEnv;
    /** Base for a relative `--kubeconfig` (default: the working directory). */
    cwd?: string;
}
/** Where to send requests and how. */
export interface Connection {
    /** The context name, or `in-cluster` for a pod's service account: what findings say the objects came from. */
    context: string;
    /** The API server's base URL, without a trailing slash (it may carry a path, behind a proxy). */
    server: string;
    /** The kubeconfig user, for messages. */
    user?: string;
    /** TLS, credentials and agent, ready for `https.request`. */
    requestOptions: RequestOptions;
}
/** The kubeconfig files to read, in order; empty when there are none. */
export declare function kubeconfigFiles(options: KubeconfigOptions): string[];
/** Reads the kubeconfig, picks the context, and prepares requests. */
export declare function connect(options: KubeconfigOptions): Promise<Connection>;
