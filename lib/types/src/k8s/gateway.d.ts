/**
 * Reading the Gateway API (gateway.networking.k8s.io): Gateways, ListenerSets
 * and their listeners (hostnames, TLS, conflicts), GatewayClasses, routes
 * (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) with their parentRefs,
 * backendRefs and hostnames, ReferenceGrants and BackendTLSPolicies.
 *
 * Only the gateway.networking.k8s.io group counts: Istio's Gateway
 * (networking.istio.io) shares the kind name and nothing else. One kind of
 * the experimental group is read too: XListenerSet
 * (gateway.networking.x-k8s.io/v1alpha1, Gateway API v1.3 and v1.4), which
 * ListenerSet replaced in v1.5 with the same shape, but for one field: an
 * XListenerSet listener may leave `port` unset or 0 (v1.4), and the
 * implementation then assigns one.
 */
import type { KindTable, ResourceIndex } from '../engine/resource-index.js';
import type { ObjectPath, Resource } from '../engine/types.js';
export declare const GATEWAY_GROUP = "gateway.networking.k8s.io";
/** The Gateway API's experimental group (`X` kinds). */
export declare const GATEWAY_X_GROUP = "gateway.networking.x-k8s.io";
export declare const ROUTE_KINDS: readonly string[];
/** Routes of the given kinds, in load order. */
export declare function routesOf(index: ResourceIndex, kinds?: readonly string[]): Resource[];
export declare const gatewaysOf: (index: ResourceIndex) => KindTable;
export declare const referenceGrantsOf: (index: ResourceIndex) => KindTable;
/** The ListenerSets and XListenerSets of the input, in load order (gathered once for an index). */
export declare const listenerSetsOf: (index: ResourceIndex) => readonly Resource[];
export declare const gatewayClassesOf: (index: ResourceIndex) => KindTable;
export declare const backendTLSPoliciesOf: (index: ResourceIndex) => KindTable;
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
/** Whether a parentRef names a ListenerSet (Gateway API v1.5 and later), or an XListenerSet (v1.3 and v1.4, experimental). */
export declare const isListenerSetRef: (ref: {
    group: string;
    kind: string;
}) => boolean;
/** A ListenerSet's `spec.parentRef`, defaults applied (a Gateway of the ListenerSet's namespace); undefined without a name. */
export declare function listenerSetParentOf(listenerSet: Resource): ParentRef | undefined;
/** `spec.allowedListeners.namespaces` of a Gateway: which ListenerSets may attach. None unless set. */
export declare function allowedListenersOf(gateway: Resource): {
    from: string;
    selector: unknown;
};
/** Whether a Gateway lets a ListenerSet of this namespace attach (`allowedListeners`). */
export declare function admitsListenerSet(gateway: Resource, namespace: string, index: ResourceIndex): Verdict;
/**
 * The ListenerSets of the input that name this Gateway as their parent and
 * that it admits (or may admit: a selector the input cannot decide), oldest in
 * load order first, as the Gateway merges them.
 */
export declare function attachedListenerSets(gateway: Resource, index: ResourceIndex): Resource[];
/** Where a ListenerSet stands with the Gateway its parentRef names (see `listenerSetGateway`). */
export type ListenerSetAttachment = {
    status: 'attached';
    parent: ParentRef;
    gateway: Resource;
} | {
    status: 'detached';
    parent: ParentRef;
    gateways: readonly Resource[];
} | {
    status: 'unknown';
    parent?: ParentRef;
};
/**
 * The Gateway a ListenerSet is merged into, as far as the input tells:
 * `attached` to the first Gateway of its parentRef's namespace and name that
 * admits it (or may: a selector the input cannot decide); `detached` when
 * every such Gateway refuses it, or when there is none while the input holds
 * Gateways of that namespace; `unknown` when the input lacks that namespace's
 * Gateways, or the parentRef names no Gateway.
 */
export declare function listenerSetGateway(listenerSet: Resource, index: ResourceIndex): ListenerSetAttachment;
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
    /** Undefined when unset or 0: the implementation assigns one (an XListenerSet's listener may leave it so). */
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
    /** Lower-cased; undefined when the listener matches every hostname. */
    hostname?: string;
    /** `tls` when the listener has one. */
    tls?: ListenerTLS;
}
export interface CertificateRef {
    /** Path to the certificateRefs entry. */
    path: ObjectPath;
    group: string;
    kind: string;
    name: string;
    /** Defaults to the namespace of the Gateway or ListenerSet. */
    namespace: string;
}
export interface ListenerTLS {
    /** `Terminate` (the default) or `Passthrough`. */
    mode: string;
    certificateRefs: CertificateRef[];
    /** Whether `tls.options` holds anything: implementations take certificates from there too (GKE's pre-shared-certs). */
    options: boolean;
}
/** The listeners of a Gateway, or of a ListenerSet (`spec.listeners`, the same shape). */
export declare function listenersOf(gateway: Resource): Listener[];
/** `spec.hostnames` of a route, lower-cased (HTTPRoute, GRPCRoute, TLSRoute have them; TCPRoute and UDPRoute do not). */
export declare function hostnamesOf(route: Resource): Array<{
    hostname: string;
    path: ObjectPath;
}>;
/**
 * Whether two hostnames (a listener's and a route's) have a name in common,
 * as the Gateway API defines it: equal names; a wildcard and a name it
 * matches (`*.example.com` matches `a.example.com` and `a.b.example.com`,
 * not `example.com`); or two wildcards, one a suffix of the other.
 */
export declare function hostnamesIntersect(a: string, b: string): boolean;
/** Route kinds whose `hostnames` a listener's hostname must meet. */
export declare const HOSTNAME_ROUTE_KINDS: readonly string[];
/** A listener with the Gateway or ListenerSet it belongs to. */
export interface OwnedListener {
    owner: Resource;
    listener: Listener;
}
/**
 * What a Gateway serves: its own listeners, then those of the ListenerSets
 * attached to it (see `attachedListenerSets`), in that order of precedence.
 */
export declare function mergedListeners(gateway: Resource, index: ResourceIndex): OwnedListener[];
export interface ListenerConflict {
    /** The listener that loses: later in precedence. */
    listener: OwnedListener;
    /** The one it conflicts with, earlier in precedence. */
    with: OwnedListener;
    reason: 'HostnameConflict' | 'ProtocolConflict';
}
/**
 * Listeners that conflict, as the Gateway API's Conflicted condition has it:
 * the same port, protocol and hostname (no hostname equals no hostname), or
 * plain HTTP and TLS on one port. Each conflict is given once, on the later
 * listener in precedence order.
 */
export declare function listenerConflicts(listeners: readonly OwnedListener[]): ListenerConflict[];
export interface TargetRef {
    path: ObjectPath;
    group: string;
    kind: string;
    name: string;
    sectionName?: string;
}
/** `spec.targetRefs` of a policy (BackendTLSPolicy): local references, in the policy's namespace. */
export declare function targetRefsOf(policy: Resource): TargetRef[];
/** Whether a listener takes routes of this kind; undefined when the input cannot tell. */
export declare function admitsKind(listener: Listener, routeKind: string): boolean | undefined;
/** The kinds a listener takes, for messages. */
export declare function describeKinds(listener: Listener): string;
export type Verdict = 'yes' | 'no' | 'unknown';
/**
 * Whether a listener admits routes from a namespace (`allowedRoutes.namespaces`).
 * A Selector is matched against the labels of the route's Namespace when the
 * input holds it, plus the `kubernetes.io/metadata.name` label every
 * Namespace has; without the Namespace, a requirement on that label that
 * fails decides, and any other leaves it unknown (see `namespaceSelects`).
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
/**
 * What a parentRef names, as far as the input tells: the Gateways or
 * ListenerSets (or XListenerSets) of the input with its namespace and name
 * (several versions of one object may be linted together), and whether it
 * is `found`; `missing` when it is not, while the input holds objects of
 * that kind in that namespace (the input is taken as complete there, so the
 * route does not attach through that parentRef); `unknown` when the input
 * holds none (a partial set: the parent may well exist). Undefined for
 * parentRefs to other kinds (a Service, for mesh routing).
 */
export declare function parentsOf(ref: ParentRef, index: ResourceIndex): ParentLookup | undefined;
/** What `parentsOf` finds for a parentRef. */
export interface ParentLookup {
    /** `Gateway`, `ListenerSet` or `XListenerSet`. */
    kind: string;
    listenerSet: boolean;
    status: 'found' | 'missing' | 'unknown';
    /** Every object of that kind, namespace and name in the input, in load order. */
    found: readonly Resource[];
}
/**
 * The listeners of a parent (Gateway or ListenerSet) that a route attaches to
 * through a parentRef: those `sectionName` and `port` select (all, when
 * unset; a listener whose port the implementation assigns may be the one
 * a port selects), that take the route's kind and admit its namespace, or
 * may (the input cannot tell). A parent attaches routes to its own listeners only.
 */
export declare function attachedListeners(route: Resource, ref: ParentRef, parent: Resource, index: ResourceIndex): Listener[];
/**
 * Whether a reference from a Gateway API object into another namespace lacks
 * the ReferenceGrant it needs there, as far as the input tells: only once the
 * input holds ReferenceGrants, or objects of the target's kind, in that
 * namespace (grants live beside what they share: without that namespace's
 * objects, the absence of a grant means nothing).
 */
export declare function lacksGrant(index: ResourceIndex, referrer: Resource, to: GrantQuery['to'], targets: KindTable): boolean;
