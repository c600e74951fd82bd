import { type Selector } from '../engine/selectors.js';
import type { LintInput } from '../engine/types.js';
import { type ExposureModel } from './model.js';
import { type ObjectReport, type VerdictReport } from './report.js';
export declare class ReachError extends Error {
}
export type Answer = 'yes' | 'no' | 'partly' | 'unknown';
export interface ReachQuery {
    source: string;
    target: string;
}
export interface ReachResult {
    workload: ObjectReport;
    /** `8080/TCP "http"`. */
    port: string;
    answer: Answer;
    /** For internet, private and nodes: the way in (`LoadBalancer Service shop/web`); null for pod sources. */
    via: string | null;
    /** The verdict on the hop into the target's pods; null when no way in exists. */
    verdict: VerdictReport | null;
    /** One line: why. */
    reason: string;
}
export interface ReachAnswer {
    source: string;
    target: string;
    answer: Answer;
    results: ReachResult[];
}
export declare function parseSelector(text: string): Selector;
/** Answers a reach query over the model. `input` locates the deciding rules. */
export declare function reach(model: ExposureModel, query: ReachQuery, input?: LintInput): Promise<ReachAnswer>;
