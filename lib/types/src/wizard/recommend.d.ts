/**
 * The recommendation: which way to expose the service, why, and what else
 * would do. A pure function of the answers, following the seeds' decision
 * table (see `route()` in answers.ts). Every reason names the answer it
 * follows from.
 */
import { type AnswerKey, type Answers } from './answers.js';
export type ExposureType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Ingress' | 'Gateway API' | 'ExternalName';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export interface Reason {
    /** The answer the reason follows from. */
    answer: AnswerKey;
    /** That answer, as a flag: `--exposure internal`, `--no-production`. */
    value: string;
    text: string;
}
export interface Alternative {
    type: string;
    /** When it would be the better choice, or why it is not. */
    text: string;
}
export interface Recommendation {
    type: ExposureType;
    /** The type of the application's own Service. */
    serviceType: ServiceType;
    /** Bare metal: MetalLB hands out the LoadBalancer address (the Service's, or the controller's). */
    metallb: boolean;
    reasons: Reason[];
    alternatives: Alternative[];
}
/** An answer as the flag that gives it. */
export declare function asFlag(key: AnswerKey, a: Answers): string;
/** The recommendation for complete decision answers (see `completeAnswers(answers, 'decision')`). */
export declare function recommend(a: Answers): Recommendation;
/** The recommendation as text for a terminal: the type, why, and the alternatives. */
export declare function explainText(recommendation: Recommendation, width?: number): string;
