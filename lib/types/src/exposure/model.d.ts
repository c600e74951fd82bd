/**
 * The exposure model: for every long-running workload, each way traffic
 * reaches its pods from outside its namespace, hop by hop, with the policy
 * verdict on every hop into pods. Built once per index, for files,
 * `--context` and `--cluster` alike; the `map` and `reach` commands and the
 * exposure rules read it.
 *
 * Sources, widest first: the internet; a private network (internal load
 * balancers, source ranges inside private networks); the nodes' network
 * (NodePort, hostPort, hostNetwork, externalIPs); the cluster (any pod); the
 * namespace. Where an object the answer needs is not in the input (an
 * ingress controller, a Gateway), the path says so in its notes instead of
 * guessing.
 */
import type { ResourceIndex } from '../engine/resource-index.js';
import type { PodTemplate } from '../engine/types.js';
import type { ObjectPath, Resource } from '../engine/types.js';
import { type Peer, PolicyEvaluator, type TargetPort, type Verdict } from './policy.js';
export type ExposureClass = 'internet' | 'private' | 'nodes' | 'cluster' | 'namespace';
/** Widest first. */
export declare const EXPOSURE_CLASSES: readonly ExposureClass[];
/** Classes reached from outside the cluster. */
export declare const OUTSIDE: ReadonlySet<ExposureClass>;
export type HopType = 'load-balancer' | 'node-port' | 'external-ip' | 'host-port' | 'host-network' | 'ingress-controller' | 'ingress' | 'gateway' | 'route' | 'service' | 'pods';
export interface Hop {
    type: HopType;
    /** The object the hop is; absent for a hop into pods the input does not hold. */
    object?: Resource;
    /** Where in it the hop is written. */
    path?: ObjectPath;
    /** `LoadBalancer Service shop/web`, `Ingress shop/web`, `Deployment shop/web`. */
    name: string;
    /** Ports as traffic meets them at this hop: `80`, `443/TCP "https"`, `8080 (container port)`. Hops share lists: read them, never change them. */
    ports: readonly string[];
    hosts: readonly string[];
    /** Ingress paths, route path matches. */
    paths: readonly string[];
    /** `terminated`, `passthrough`, `none`; absent where it does not apply. */
    tls?: string;
    /** More: source ranges, the product of a controller, an internal load balancer annotation. */
    details: readonly string[];
    /** The policy verdict on a hop into pods. */
    verdict?: HopVerdict;
}
export interface HopVerdict extends Verdict {
    /** Who the verdict takes to be sending: `node addresses (externalTrafficPolicy Cluster)`. */
    sender: string;
    /** What kind of sender: pods (of a workload, or ones the input lacks), a namespace, the cluster, addresses. */
    senderType: Peer['type'];
    /** The container port it was evaluated on. */
    port: TargetPort;
}
export interface ExposurePath {
    class: ExposureClass;
    /** Source ranges (`loadBalancerSourceRanges`) narrow the clients to some networks. */
    restricted?: boolean;
    hops: Hop[];
    /** What the input does not tell, and what was assumed: `unknown: no ingress controller in the input`. */
    notes: readonly string[];
}
export interface WorkloadExposure {
    template: PodTemplate;
    /** Widest first. */
    paths: ExposurePath[];
    /** The widest class any path reaches, or undefined when none does. */
    class?: ExposureClass;
}
export interface ExposureModel {
    /** Every long-running workload, in load order. */
    workloads: WorkloadExposure[];
    /** ExternalName Services: where traffic leaves the cluster by name. */
    exits: Array<{
        service: Resource;
        externalName: string;
    }>;
    evaluator: PolicyEvaluator;
    byTemplate: ReadonlyMap<PodTemplate, WorkloadExposure>;
    index: ResourceIndex;
}
/** The exposure model of an index (built once, then shared). */
export declare const exposureModel: (index: ResourceIndex) => ExposureModel;
/** The widest way a workload is reached from outside the cluster, or undefined. */
export declare function outsidePaths(w: WorkloadExposure | undefined): ExposurePath[];
/** `LoadBalancer Service shop/web`, `Ingress shop/web (Service shop/web)`: how a path reaches the workload, for messages. */
export declare function describePath(path: ExposurePath): string;
