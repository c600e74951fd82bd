export interface KubeconfigOptions {
    /** `--kubeconfig`: one file, used alone. */
    kubeconfig?: string;
    /** `--kube-context`: the context to use instead of current-context. */
    context?: string;
    /** Environment to read KUBECONFIG, HOME and the in-cluster variables from (default: process.env). */
    env?: NodeJS.ProcessEnv;
    /** Base for a relative `--kubeconfig` (default: the working directory). */
    cwd?: string;
    /** Deadline of an exec plugin that does not talk to the user, in milliseconds; 0 for none. */
    execTimeoutMs?: number;
}
/** TLS settings for `tls.connect`. */
export interface TlsSettings {
    ca?: Buffer;
    cert?: Buffer;
    key?: Buffer;
    /** `tls-server-name`: the name the certificate is checked against (and SNI). */
    servername?: string;
    rejectUnauthorized: boolean;
}
/** What to send with one request. */
export interface Credentials {
    /** The Authorization header. */
    authorization?: string;
    /** A client certificate and key from an exec plugin. */
    cert?: Buffer;
    key?: Buffer;
}
/** Where to send requests and how. */
export interface Connection {
    /** The context name, or `in-cluster` for a pod's service account: what findings say the objects came from. */
    context: string;
    /** The API server's base URL, without a trailing slash (it may carry a path prefix, behind a proxy such as Rancher's). */
    server: string;
    /** The kubeconfig user, for messages. */
    user?: string;
    /** The context's namespace, if it sets one (a valid name). */
    namespace?: string;
    /** Where the kubeconfig came from, for messages. */
    where: string;
    tls: TlsSettings;
    /** `proxy-url`: an http or https proxy. */
    proxy?: URL;
    /** Credentials for the next request: a token file is read again, an exec plugin's answer is kept until it expires. */
    credentials(): Promise<Credentials>;
}
/** One named entry of a kubeconfig, with the folder its relative paths resolve against. */
interface Entry {
    name: string;
    value: Record<string, unknown>;
    file: string;
    dir: string;
}
/** The merged kubeconfig: each name's first entry, the first current-context. */
export interface MergedKubeconfig {
    files: string[];
    clusters: Map<string, Entry>;
    users: Map<string, Entry>;
    contexts: Map<string, Entry>;
    currentContext?: string;
    /** Where it came from, for messages. */
    where: string;
}
/** The context chosen, with its cluster and user as written (paths not yet resolved). */
export interface SelectedContext {
    where: string;
    contextName: string;
    context: {
        cluster: string;
        user: string;
        namespace?: string;
    };
    cluster: Entry;
    user?: Entry;
}
/** The kubeconfig files to read, in order; empty when there are none. */
export declare function kubeconfigFiles(options: KubeconfigOptions): string[];
/** Reads and merges kubeconfig files as kubectl does. */
export declare function loadKubeconfig(files: readonly string[]): MergedKubeconfig;
/** Picks the context (`--kube-context`, else current-context) and its cluster and user. */
export declare function selectContext(config: MergedKubeconfig, name?: string): SelectedContext;
/** Reads the kubeconfig, picks the context, and prepares requests. */
export declare function connect(options: KubeconfigOptions): Promise<Connection>;
/** The server URL of a cluster entry: http(s), a host, a path prefix kept, no query, fragment or user info. */
export declare function serverUrl(text: string, clusterName: string): URL;
export {};
