import type { ObjectRef } from '../engine/types.js';
import type { Formatter } from './types.js';
export declare const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export declare const INFORMATION_URI = "https://github.com/k8s-net/k8s-net";
/** The key of k8s-net's own fingerprint in `partialFingerprints`; its version changes if what it hashes changes. */
export declare const FINGERPRINT_KEY = "k8sNetFinding/v1";
/**
 * The rules about exposure: what they find widens who can reach a workload. Their security-severity (CVSS-like,
 * 0.1 to 10: 7 and above High, 4 to 6.9 Medium) ranks their alerts in code scanning; a test checks the ids exist.
 */
export declare const SECURITY_SEVERITY: Readonly<Record<string, string>>;
export declare const sarif: Formatter;
/** `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds. */
export declare function qualifiedName(ref: ObjectRef): string;
