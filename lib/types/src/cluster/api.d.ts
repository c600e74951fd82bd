import type { Connection } from './kubeconfig.js';
/** An HTTP error from the API server, with what its metav1.Status says. */
export declare class ApiError extends Error {
    readonly statusCode: number;
    /** `reason` of the Status (`Forbidden`, `NotFound`, `Expired`...), or the HTTP status text. */
    readonly reason: string;
    readonly path: string;
    constructor(statusCode: number, 
    /** `reason` of the Status (`Forbidden`, `NotFound`, `Expired`...), or the HTTP status text. */
    reason: string, message: string, path: string);
}
/** A path of the API, from segments: each must be a name (no `/`, no `.` or `..`, no control characters), and is percent-encoded. */
export declare function apiPath(...segments: string[]): string;
export declare class ApiClient {
    private readonly connection;
    /** Deadline of each request, in milliseconds; 0 for none. */
    private readonly timeoutMs;
    private readonly concurrency;
    private readonly base;
    private agent?;
    constructor(connection: Connection, 
    /** Deadline of each request, in milliseconds; 0 for none. */
    timeoutMs: number, concurrency: number);
    /** The server's address, for messages. */
    get server(): string;
    /** Closes kept-alive connections. */
    close(): void;
    /** The full URL of an API path (from `apiPath`), under the server's path prefix, refused when it names Secrets or ConfigMaps. */
    urlOf(path: string, query?: Record<string, string>): URL;
    /** GETs an API path (from `apiPath`, with query parameters) and returns the decoded JSON body. */
    get(path: string, query?: Record<string, string>): Promise<unknown>;
    private decode;
    /** An agent for the TLS settings and the client certificate of these credentials, kept while they stay the same. */
    private agentFor;
    private tlsOptions;
    private send;
    /** One GET, straight or through the proxy. */
    private exchange;
    /** A CONNECT tunnel through an http(s) proxy to the server. */
    private tunnel;
    private networkError;
}
/** Parses `--request-timeout`: `30s`, `1m`, `500ms`, `2h`, or a bare number of seconds; 0 means no deadline. */
export declare function parseDuration(text: string): number | undefined;
export declare function formatDuration(ms: number): string;
