/** A Kubernetes minor version: `1.33` is {major: 1, minor: 33}. */
export interface KubeVersion {
    major: number;
    minor: number;
}
/**
 * Reads `1.33`, `v1.33`, `1.33.2`, or what an API server's /version says
 * (`v1.33.1-gke.100`); undefined when it is none of these.
 */
export declare function parseKubeVersion(text: unknown): KubeVersion | undefined;
/**
 * The minor version from a /version response's `major` and `minor` fields
 * (`"1"` and `"33+"` on some providers), or from its gitVersion.
 */
export declare function versionFromServer(info: unknown): KubeVersion | undefined;
export declare const formatVersion: (v: KubeVersion) => string;
export declare function compareVersions(a: KubeVersion, b: KubeVersion): number;
