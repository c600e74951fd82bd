/**
 * Which Kubernetes release a field needs, and whether the target cluster has
 * it. One small comparison, kept here so that it can follow the lint rules'
 * version table once the two share one.
 */
/** The preStop `sleep` action: alpha in 1.29, beta and on by default from 1.30, GA in 1.34 (KEP-3960). */
export declare const SLEEP_ACTION_SINCE = "1.30";
/** Whether a cluster at `version` (major.minor) has what arrived in `since`; undefined when the version is unknown. */
export declare function kubeAtLeast(version: string | undefined, since: string): boolean | undefined;
