/** Reading Services: their type and ports, tolerant of whatever the manifest holds. */
import type { ObjectPath, Resource } from '../engine/types.js';
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export interface ServicePort {
    /** Index in `spec.ports`. */
    index: number;
    name?: string;
    port?: number;
    /** As written: a number, a port name, or undefined (then it defaults to `port`). */
    targetPort?: number | string;
    /** As written, unchecked: rules validate it. */
    nodePort?: unknown;
    protocol: string;
    appProtocol?: string;
}
export declare function serviceSpec(service: Resource): Record<string, unknown>;
/** `spec.type`, defaulting to ClusterIP as the API server does. */
export declare function serviceType(service: Resource): ServiceType | string;
export declare function servicePorts(service: Resource): ServicePort[];
/** Service types that allocate node ports. */
export declare function allocatesNodePorts(type: string): boolean;
/** A node port a Service writes: one of `spec.ports[].nodePort`, or `spec.healthCheckNodePort`. */
export interface NodePortClaim {
    /** As written, unchecked. */
    value: unknown;
    field: 'nodePort' | 'healthCheckNodePort';
    path: ObjectPath;
    protocol: string;
    /** What claims it, for messages: `port http`, `port 80`, `health check port`. */
    what: string;
}
/** Every node port a Service writes, in order: each port's nodePort, then the health check port. */
export declare function nodePortClaims(service: Resource): NodePortClaim[];
/** Whether a node port value is a whole number (what the API server takes). */
export declare const isWholeNumber: (value: unknown) => value is number;
