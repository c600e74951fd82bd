/**
 * What the wizard knows: the answers, their values, and the decision they
 * lead to (`route()`, the seeds' decision table). The questions that gather
 * them are in questions.ts, how they are read in validators.ts and
 * answers-file.ts, how they are completed in complete.ts.
 */
export type Exposure = 'internal' | 'external' | 'external-backend';
export type Protocol = 'http' | 'https' | 'grpc' | 'tcp' | 'udp';
export type Environment = 'cloud' | 'bare-metal' | 'local';
export type Provider = 'aws' | 'gcp' | 'azure' | 'other';
export type LocalCluster = 'kind' | 'minikube' | 'k3d';
/** Who the clients outside the cluster are: the user alone (debugging), other developers or internal users on the private network, or the public. */
export type Clients = 'me' | 'team' | 'public';
export declare const EXPOSURES: readonly Exposure[];
export declare const PROTOCOLS: readonly Protocol[];
export declare const ENVIRONMENTS: readonly Environment[];
export declare const PROVIDERS: readonly Provider[];
export declare const LOCAL_CLUSTERS: readonly LocalCluster[];
export declare const CLIENTS: readonly Clients[];
/**
 * Everything the wizard may know. Which fields are set depends on the path
 * through the questions: `completeAnswers` guarantees that every question
 * that applies has its answer.
 */
export interface Answers {
    /** Who calls the service: workloads in the cluster, clients outside it, or nobody (a backend outside the cluster that workloads call). */
    exposure?: Exposure;
    protocol?: Protocol;
    /** Who the clients outside the cluster are. */
    clients?: Clients;
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
    /** Addresses a cloud-managed load balancer's proxies send from (VPC, proxy-only or delegated subnet): the NetworkPolicy admits them. */
    proxyRanges?: string[];
    sourceRanges?: string[];
    /** MetalLB addresses: ranges (`a-b`) or CIDRs. */
    addressPool?: string[];
    name?: string;
    namespace?: string;
    /** The namespace is new, or holds only this application: a namespace-wide default deny cuts off nobody else. */
    ownNamespace?: boolean;
    /** Write a default-deny ingress NetworkPolicy for the whole namespace. */
    defaultDeny?: boolean;
    /** Who calls an internal service: namespaces, pod labels in its namespace (`key=value`), or both (`namespace:key=value`). */
    callers?: string[];
    /** Gateway API: attach the route to a Gateway that exists already (one the platform team shares), rather than create one. */
    existingGateway?: boolean;
    /** Gateway API: the shared Gateway, as NAMESPACE/NAME. */
    gateway?: string;
    /** NodePort on kind: the node port, fixed so that the cluster's extraPortMappings can name it. */
    nodePort?: number;
    /** DNS name of the backend outside the cluster (ExternalName). */
    externalName?: string;
    port?: number;
    targetPort?: number;
    withDeployment?: boolean;
    image?: string;
    replicas?: number;
    /** TCP port on which a UDP service answers HTTP health checks (/readyz, /livez): the kubelet cannot probe UDP. */
    healthPort?: number;
    /** Kubernetes version of the cluster (major.minor): which API fields the manifests may use. */
    kubeVersion?: string;
}
export type AnswerKey = keyof Answers;
/** Where the answers lead, before the Ingress/Gateway API choice. */
export type Route = 'ClusterIP' | 'PortForward' | 'NodePort' | 'LoadBalancer' | 'SharedHTTP' | 'ExternalName';
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
/** The routes the answers may still lead to, trying every value of the missing decision answers. */
export declare function possibleRoutes(a: Answers): Set<Route>;
/** A bad or incomplete set of answers: exit 2, with every problem named. */
export declare class AnswersError extends Error {
    readonly problems: readonly string[];
    constructor(problems: readonly string[]);
}
