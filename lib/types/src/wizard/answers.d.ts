export type Exposure = 'internal' | 'external' | 'external-backend';
export type Protocol = 'http' | 'https' | 'grpc' | 'tcp' | 'udp';
export type Environment = 'cloud' | 'bare-metal' | 'local';
export type Provider = 'aws' | 'gcp' | 'azure' | 'other';
export type LocalCluster = 'kind' | 'minikube' | 'k3d';
export declare const EXPOSURES: readonly Exposure[];
export declare const PROTOCOLS: readonly Protocol[];
export declare const ENVIRONMENTS: readonly Environment[];
export declare const PROVIDERS: readonly Provider[];
export declare const LOCAL_CLUSTERS: readonly LocalCluster[];
/**
 * Everything the wizard may know. Which fields are set depends on the path
 * through the questions: `completeAnswers` guarantees that every question
 * that applies has its answer.
 */
export interface Answers {
    /** Who calls the service: workloads in the cluster, clients outside it, or nobody (a backend outside the cluster that workloads call). */
    exposure?: Exposure;
    protocol?: Protocol;
    /** How many services share the entry point (1, or more). */
    services?: number;
    environment?: Environment;
    provider?: Provider;
    localCluster?: LocalCluster;
    production?: boolean;
    /** One production HTTP service that needs an external IP of its own. */
    ownIp?: boolean;
    gatewayApi?: boolean;
    /** TLS terminated at the edge (Ingress or Gateway). */
    tls?: boolean;
    hosts?: string[];
    paths?: string[];
    ingressClass?: string;
    gatewayClass?: string;
    /** Where the ingress controller's (or Gateway's) pods run: the NetworkPolicy admits traffic from there. */
    controllerNamespace?: string;
    sourceRanges?: string[];
    /** MetalLB addresses: ranges (`a-b`) or CIDRs. */
    addressPool?: string[];
    name?: string;
    namespace?: string;
    /** DNS name of the backend outside the cluster (ExternalName). */
    externalName?: string;
    port?: number;
    targetPort?: number;
    withDeployment?: boolean;
    image?: string;
    replicas?: number;
    /** TCP port of the health endpoint of a UDP service (the kubelet cannot probe UDP). */
    healthPort?: number;
}
export type AnswerKey = keyof Answers;
/** Where the answers lead, before the Ingress/Gateway API choice. */
export type Route = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'SharedHTTP' | 'ExternalName';
export declare const isHttp: (protocol: Protocol | undefined) => boolean;
/** Whether the environment is for development: a local cluster always is. Undefined while unknown. */
export declare function isDevelopment(a: Answers): boolean | undefined;
/**
 * The decision the answers lead to, or undefined while an answer it depends on
 * is missing. This is the seeds' decision table; `recommend()` explains it.
 */
export declare function route(a: Answers): Route | undefined;
/** Whether the workload is reached from outside the cluster. */
export declare const isExternal: (a: Answers) => boolean;
/** A question is part of the decision (needed for --explain) or only of the manifests. */
export type Stage = 'decision' | 'manifest';
type Parsed<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    error: string;
};
export interface Question<K extends AnswerKey = AnswerKey> {
    key: K;
    /** The command-line flag, and the key in an answers file. */
    flag: string;
    stage: Stage;
    /** What the flag takes, for messages: `http|https|grpc|tcp|udp`. */
    hint: string;
    /** Whether the question applies given the answers so far; undefined while that depends on a missing answer. */
    applies(a: Answers): boolean | undefined;
    /** The answer when none is given (undefined while it depends on a missing answer); a question without one must be answered. */
    default?(a: Answers): Answers[K];
    /** An answer the wizard can do without (it only changes comments). */
    optional?: boolean;
    /** Reads a value from a flag or an answers file. */
    parse(value: unknown): Parsed<NonNullable<Answers[K]>>;
    /** Checks an answer against the others; returns an error message or undefined. */
    check?(value: NonNullable<Answers[K]>, a: Answers): string | undefined;
}
/** The routes the answers may still lead to, trying every value of the missing decision answers. */
export declare function possibleRoutes(a: Answers): Set<Route>;
/** The questions, in the order they are asked: each one's `applies` depends only on earlier answers. */
export declare const QUESTIONS: readonly Question[];
export declare const QUESTION: {
    readonly [K in AnswerKey]: Question<K>;
};
/** How to give a question's answer on the command line: `--port PORT`, `--production or --no-production`. */
export declare function flagUsage(question: Question): string;
/** A bad or incomplete set of answers: exit 2, with every problem named. */
export declare class AnswersError extends Error {
    readonly problems: readonly string[];
    constructor(problems: readonly string[]);
}
/** One raw answer and where it came from, for messages. */
export interface RawAnswer {
    value: unknown;
    /** `--port`, or `answers.yaml:4: port`. */
    source: string;
}
/** Raw answers by flag name (the answers file's keys). */
export type RawAnswers = Map<string, RawAnswer>;
/**
 * Reads an answers file: a YAML mapping with the flags' names as keys
 * (`target-port: 8080`). Throws AnswersError naming the file, line and key.
 */
export declare function readAnswersFile(file: string): Promise<RawAnswers>;
/** Reads the text of an answers file (see readAnswersFile). */
export declare function parseAnswersText(content: string, file: string): RawAnswers;
/** Checks each given answer on its own; throws AnswersError listing every bad one. */
export declare function parseAnswers(raw: RawAnswers): Answers;
/** The answers with the defaults of the questions that apply filled in, in question order. */
export declare function withDefaults(a: Answers, stage: Stage): Answers;
/** Questions that apply to these answers, are unanswered and have no default: they must be asked. */
export declare function missingAnswers(a: Answers, stage: Stage): Question[];
/** Questions whose relevance still depends on a missing answer: more may be asked once those are given. */
export declare function undecidedQuestions(a: Answers, stage: Stage): Question[];
/** Checks one answer against the others; an error message or undefined. */
export declare function checkAnswer<K extends AnswerKey>(question: Question<K>, value: NonNullable<Answers[K]>, a: Answers): string | undefined;
/**
 * The answers with defaults filled in and every question that applies
 * answered, checked against each other. Answers that do not apply are dropped
 * (`ignoredAnswers` tells which). Throws AnswersError.
 */
export declare function completeAnswers(a: Answers, stage: Stage): Answers;
/** Answers given that play no part on the path the others lead to, up to a stage. */
export declare function ignoredAnswers(given: Answers, complete: Answers, stage: Stage): Question[];
/** The message for answers that are missing where the wizard cannot ask: one flag per line. */
export declare function missingMessage(missing: readonly Question[], undecided: readonly Question[]): string;
export {};
