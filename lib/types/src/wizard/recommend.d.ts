/**
 * The recommendation: which way to expose the service, why, and what else
 * would do. A pure function of the answers, following the seeds' decision
 * table (see `route()` in answers.ts). Every reason names the answer it
 * follows from.
 */
import { type AnswerKey, type Answers } from './answers.js';
export type ExposureType = 'ClusterIP' | 'kubectl port-forward' | 'NodePort' | 'LoadBalancer' | 'Ingress' | 'Gateway API' | 'ExternalName';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export interface Reason {
    /** The answer the reason follows from. */
    answer: AnswerKey;
    /** That answer, as a flag: `--exposure internal`, `--no-production`. */
    value: string;
    /** That answer as the prompt put it: `"Who calls the service?" Only workloads in the cluster`. */
    said: string;
    text: string;
}
export interface Alternative {
    type: string;
    /** When it would be the better choice, or why it is not. */
    text: string;
}
export interface Recommendation {
    type: ExposureType;
    /** The type of the application's own Service; none for a port-forward, which needs no manifest. */
    serviceType: ServiceType | 'none';
    /** Bare metal: MetalLB hands out the LoadBalancer address (the Service's, or the controller's). */
    metallb: boolean;
    reasons: Reason[];
    alternatives: Alternative[];
}
/** The recommendation for complete decision answers (see `completeAnswers(answers, 'decision')`). */
export declare function recommend(a: Answers): Recommendation;
/** How reasons name their answers: as flags (for answers given as flags), or as the prompts' questions and choices. */
export type Quote = 'flags' | 'answers';
/** A reason's answer, quoted as the user gave it. */
export declare const quoted: (reason: Reason, quote: Quote) => string;
/** The recommendation as text for a terminal: the type, why, and the alternatives. */
export declare function explainText(recommendation: Recommendation, quote?: Quote, width?: number): string;
