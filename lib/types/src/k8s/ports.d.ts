/**
 * Service ports against container ports: where a Service's targetPort lands
 * in the pods it selects, resolved the way the endpoints controller does it,
 * and what kind of traffic a Service port carries.
 */
import type { PodTemplate } from '../engine/types.js';
import type { ServicePort } from './services.js';
import { type ContainerInfo, type ContainerPort } from './workloads.js';
/** A container port that a Service port reaches, in one pod template. */
export interface PortMatch {
    template: PodTemplate;
    container: ContainerInfo;
    port: ContainerPort;
}
/**
 * The targetPort as Kubernetes reads it: the value written, else `port`.
 * A string is a port name, whatever it holds (`"8080"` is a name, and an invalid one).
 * Undefined when neither is usable.
 */
export declare function effectiveTargetPort(port: ServicePort): number | string | undefined;
/**
 * Containers a Service can send traffic to, in the order the endpoints
 * controller looks up a port name: app containers, then sidecars (init
 * containers with restartPolicy: Always). Init containers that run to
 * completion serve nothing.
 */
export declare const servingContainers: (template: PodTemplate) => readonly ContainerInfo[];
/** Container ports that declare a targetPort (by name or number), split by whether their protocol is the Service port's. */
export interface TargetPortDeclarations {
    /** Same protocol: the Service reaches these. */
    matching: PortMatch[];
    /** Same name or number, another protocol: the Service does not reach these. */
    otherProtocol: PortMatch[];
}
/** Every container port of the templates that a Service port's targetPort names or numbers. */
export declare function targetPortDeclarations(port: ServicePort, templates: readonly PodTemplate[]): TargetPortDeclarations;
/**
 * The container port number a Service port sends to in one template's pods:
 * a numeric targetPort as is (with the container that declares it, if one
 * does), a named one through the first container port of that name and
 * protocol. Undefined when a name resolves to nothing: those pods get no
 * endpoint for this port.
 */
export declare function resolveTargetPort(port: ServicePort, template: PodTemplate): {
    number: number;
    match?: PortMatch;
} | undefined;
/**
 * Whether a container's command, args or environment mention a port number
 * (`--port=18080`, `0.0.0.0:18080`, `PORT=18080`): a sign that it listens
 * there although its ports do not declare it.
 */
export declare function mentionsPort(container: ContainerInfo, port: number): boolean;
/** What a Service port carries, as far as its manifest says. */
export type PortTraffic = 'http' | 'other' | 'unknown';
/** Service port numbers that carry HTTP by convention. */
export declare const HTTP_PORT_NUMBERS: ReadonlySet<number>;
/**
 * Whether a Service port carries HTTP(S): `http` when its appProtocol says so,
 * or (without appProtocol) when its name follows the `http*`/`grpc*`
 * convention, or its number is 80, 443, 8080 or 8443; `other` for UDP and
 * SCTP, for any other appProtocol, and for names of the convention that mean
 * another protocol (`tcp-*`, `tls-*`, `mysql`...); `unknown` otherwise.
 */
export declare function portTraffic(port: ServicePort): PortTraffic;
/** How a Service port is named in messages: `80`, `80 "http"`, `53/UDP "dns"`. */
export declare function describeServicePort(port: ServicePort): string;
