/** Largest kubeconfig read: far above any real one (embedded certificates included). */
export declare const MAX_KUBECONFIG_BYTES: number;
/** Largest certificate, key or token file read. */
export declare const MAX_CREDENTIAL_FILE_BYTES: number;
/** The bytes of a regular file of at most `max` bytes; a ClusterError naming `what` otherwise. */
export declare function readLimited(file: string, what: string, max: number): Buffer;
