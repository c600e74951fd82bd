export interface ExecConfig {
    who: string;
    /** Folder of the kubeconfig: a command with a path separator resolves against it. */
    dir: string;
    /** What KUBERNETES_EXEC_INFO says of the cluster when provideClusterInfo is set. */
    cluster: {
        server: string;
        servername?: string;
        insecure: boolean;
        ca?: Buffer;
        proxy?: URL;
        extensions?: unknown;
    };
    /** Deadline of a plugin that may not talk to the user; 0 for none. */
    timeoutMs: number;
    env: NodeJS.ProcessEnv;
}
export interface ExecResult {
    token?: string;
    cert?: Buffer;
    key?: Buffer;
    /** When the answer expires, in milliseconds; undefined for never (within a run). */
    expires?: number;
}
export declare class ExecPlugin {
    private readonly config;
    private readonly command;
    private readonly args;
    private readonly env;
    private readonly apiVersion;
    private readonly interactiveMode;
    private readonly provideClusterInfo;
    private readonly installHint?;
    private cached?;
    constructor(exec: Record<string, unknown>, config: ExecConfig);
    /** The plugin's credentials: the kept answer while it is valid, else a new run. */
    credentials(): Promise<ExecResult>;
    private run;
    /** Reads an ExecCredential; a message says what is wrong with it, never what it holds. */
    private parse;
}
