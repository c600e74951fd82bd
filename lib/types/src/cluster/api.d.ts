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
export declare class ApiClient {
    private readonly connection;
    /** Deadline of each request, in milliseconds; 0 for none. */
    private readonly timeoutMs;
    private readonly options;
    private readonly agent?;
    constructor(connection: Connection, 
    /** Deadline of each request, in milliseconds; 0 for none. */
    timeoutMs: number, concurrency: number);
    /** Closes kept-alive connections. */
    close(): void;
    /** GETs a path (with query parameters) and returns the decoded JSON body. */
    get(path: string, query?: Record<string, string>): Promise<unknown>;
    private send;
    private networkError;
}
/** Parses `--request-timeout`: `30s`, `1m`, `500ms`, `2h`, or a bare number of seconds; 0 means no deadline. */
export declare function parseDuration(text: string): number | undefined;
