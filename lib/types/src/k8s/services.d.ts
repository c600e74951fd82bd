/** Reading Services: their type, selector and ports, tolerant of whatever the manifest holds; and which pods they route to. */
import type { ResourceIndex } from '../engine/resource-index.js';
import { type Selector } from '../engine/selectors.js';
import type { ObjectPath, PodTemplate, Resource } from '../engine/types.js';
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
/**
 * A Service's selector, or undefined when it selects no pods: no selector
 * (hand-made Endpoints or EndpointSlices), an empty one, ExternalName, or
 * a malformed one.
 */
export declare function serviceSelector(service: Resource): Selector | undefined;
/** Services (with a selector) of the index whose selector matches the template. */
export declare function servicesFor(index: ResourceIndex, template: PodTemplate): readonly Resource[];
