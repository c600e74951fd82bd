/**
 * The exposure model as plain data: what `map` prints in every format (the
 * JSON format is this, documented in docs/map-format.md). Objects are named
 * by kind, namespace and name with the file they came from; the policy rules
 * that decide a verdict are located at their line.
 */
import type { LintInput } from '../engine/types.js';
import type { ObjectPath, Resource } from '../engine/types.js';
import { type ExposureClass, type ExposureModel, type HopType, type HopVerdict } from './model.js';
import type { Status, Tier, Verdict } from './policy.js';
export declare const MAP_FORMAT_VERSION = 1;
export interface ObjectReport {
    kind: string;
    namespace?: string;
    name: string;
    /** The file as given, `<stdin>`; null for objects read from a cluster. */
    file: string | null;
    /** 1-based line of a deciding policy rule; null elsewhere, or when it cannot be located. */
    line: number | null;
}
export interface DecisionReport {
    tier: Tier;
    policy: ObjectReport | null;
    /** The rule inside the policy: `spec.ingress[0]`. */
    rule: string | null;
    text: string;
}
export interface VerdictReport {
    status: Status;
    sender: string;
    port: {
        number: number | null;
        name: string | null;
        protocol: string;
    };
    decisions: DecisionReport[];
}
export interface HopReport {
    type: HopType;
    object: ObjectReport | null;
    name: string;
    ports: readonly string[];
    hosts: readonly string[];
    paths: readonly string[];
    tls: string | null;
    details: readonly string[];
    verdict: VerdictReport | null;
}
export interface PathReport {
    class: ExposureClass;
    /** Source ranges narrow the clients to some networks. */
    restricted: boolean;
    hops: HopReport[];
    notes: readonly string[];
}
export interface WorkloadReport {
    workload: ObjectReport;
    /** The widest class of its paths; null when nothing outside its namespace reaches it. */
    class: ExposureClass | null;
    paths: PathReport[];
}
export interface MapReport {
    version: number;
    workloads: WorkloadReport[];
    exits: Array<{
        service: ObjectReport;
        externalName: string;
    }>;
    /** Workloads by their widest class; `none` for those no path reaches. */
    summary: Record<ExposureClass | 'none', number>;
}
export interface MapOptions {
    /** `NS/NAME` or `KIND/NS/NAME`: one workload. */
    workload?: string;
    /** Paths of this class only. */
    from?: ExposureClass;
    /** Locates the deciding policy rules at their line. */
    input?: LintInput;
}
export declare function objectReport(r: Resource): ObjectReport;
export declare const pathText: (path: ObjectPath) => string;
/** Whether a workload answers to `NS/NAME` or `KIND/NS/NAME` (kind case-insensitive). */
export declare function workloadMatches(spec: string, owner: Resource): boolean;
/**
 * Turns verdicts into reports. `locate` first finds the line of every rule
 * that decides one (each once, all at a time); `report` is then synchronous.
 */
export declare class VerdictReporter {
    private readonly input;
    private readonly lines;
    private readonly decisions;
    constructor(input: LintInput | undefined);
    private static key;
    locate(verdicts: Iterable<Verdict>): Promise<void>;
    private decision;
    report(v: HopVerdict): VerdictReport;
}
/** The report `map` prints. */
export declare function mapReport(model: ExposureModel, options?: MapOptions): Promise<MapReport>;
