/**
 * Reading the Gateway API (gateway.networking.k8s.io): Gateways and their
 * listeners, routes (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) with
 * their parentRefs and backendRefs, and ReferenceGrants.
 *
 * Only the gateway.networking.k8s.io group counts: Istio's Gateway
 * (networking.istio.io) shares the kind name and nothing else.
 */
import type { KindTable, ResourceIndex } from '../engine/resource-index.js';
import type { ObjectPath, Resource } from '../engine/types.js';
export declare const GATEWAY_GROUP = "gateway.networking.k8s.io";
export declare const ROUTE_KINDS: readonly string[];
/** The label the API server puts on every Namespace (Kubernetes 1.22 and later). */
export declare const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/** Routes of the given kinds, in load order. */
export declare function routesOf(index: ResourceIndex, kinds?: readonly string[]): Resource[];
export declare const gatewaysOf: (index: ResourceIndex) => KindTable;
export declare const referenceGrantsOf: (index: ResourceIndex) => KindTable;
export interface ParentRef {
    /** Path to the parentRefs entry. */
    path: ObjectPath;
    group: string;
    kind: string;
    name: string;
    /** Defaults to the route's namespace. */
    namespace: string;
    sectionName?: string;
    port?: number;
}
/** `spec.parentRefs`, defaults applied (group gateway.networking.k8s.io, kind Gateway, the route's namespace). */
export declare function parentRefsOf(route: Resource): ParentRef[];
/** Whether a parentRef names a Gateway API Gateway. */
export declare const isGatewayRef: (ref: ParentRef) => boolean;
export interface BackendRef {
    /** Path to the backendRef mapping. */
    path: ObjectPath;
    group: string;
    kind: string;
    name: string;
    /** Defaults to the route's namespace. */
    namespace: string;
    /** As written: a number, or anything else for rules to judge. */
    port: unknown;
    /** For messages: `rule 0, backendRef 1`, `rule 0, mirror filter 0`. */
    where: string;
}
/**
 * Every backendRef of a route: those of `spec.rules[].backendRefs`, and the
 * targets of RequestMirror filters on a rule or on one of its backendRefs.
 */
export declare function backendRefsOf(route: Resource): BackendRef[];
/** Whether a backendRef names a core Service (the default). */
export declare const isServiceRef: (ref: BackendRef) => boolean;
export interface Listener {
    /** Path to the listener. */
    path: ObjectPath;
    /** `listener https`, or `listener 0` when it has no name. */
    label: string;
    name?: string;
    port?: number;
    protocol?: string;
    /** `allowedRoutes.namespaces.from`: Same (the default), All, Selector. */
    from: string;
    /** `allowedRoutes.namespaces.selector` as written. */
    selector: unknown;
    /** `allowedRoutes.kinds` when given and not empty. */
    kinds?: Array<{
        group: string;
        kind: string;
    }>;
}
export declare function listenersOf(gateway: Resource): Listener[];
/** Whether a listener takes routes of this kind; undefined when the input cannot tell. */
export declare function admitsKind(listener: Listener, routeKind: string): boolean | undefined;
/** The kinds a listener takes, for messages. */
export declare function describeKinds(listener: Listener): string;
export type Verdict = 'yes' | 'no' | 'unknown';
/**
 * Whether a listener admits routes from a namespace (`allowedRoutes.namespaces`).
 * A Selector is matched against the labels of the route's Namespace when the
 * input holds it, plus the `kubernetes.io/metadata.name` label every
 * Namespace has; without the Namespace, only a selector on that label alone
 * can be decided.
 */
export declare function admitsNamespace(listener: Listener, gateway: Resource, routeNamespace: string, index: ResourceIndex): Verdict;
/** Why a listener does not admit a namespace, for messages. */
export declare function describeNamespaces(listener: Listener): string;
export interface GrantQuery {
    from: {
        group: string;
        kind: string;
        namespace: string;
    };
    to: {
        group: string;
        kind: string;
        namespace: string;
        name: string;
    };
}
/** Whether a ReferenceGrant in the target namespace allows the reference. */
export declare function grantAllows(index: ResourceIndex, query: GrantQuery): boolean;
