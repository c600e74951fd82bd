/**
 * ClusterNetworkPolicy (network-policy-api): the one reading of it, for every
 * rule and for the exposure model.
 *
 * policy.networking.k8s.io/v1alpha2 is the only version a release serves
 * (v0.2.0): cluster-scoped, in the Admin tier (before NetworkPolicies) or the
 * Baseline tier (after them), by priority (0 to 1000, lower first), rules in
 * order, each with the action Accept, Deny or Pass, peers (`namespaces`,
 * `pods`; for egress also `networks`, `nodes`, `domainNames`) and optional
 * `protocols` (tcp, udp, sctp destinationPort as a number or range, or
 * destinationNamedPort). A peer of a form not read fails closed, as the API
 * asks: an Accept matches nothing of it, a Deny or Pass everything.
 *
 * Objects of the group that k8s-net does not read are never taken as policies
 * anywhere: a ClusterNetworkPolicy of another version, and AdminNetworkPolicy
 * and BaselineAdminNetworkPolicy (v1alpha1, which ClusterNetworkPolicy
 * superseded). `unreadPolicyObjects` lists them with the reason, so that
 * whatever they might decide is reported as unknown, never as decided.
 */
import type { ResourceIndex } from '../engine/resource-index.js';
import { type Selector } from '../engine/selectors.js';
import type { ObjectPath, Resource } from '../engine/types.js';
export declare const NETWORK_POLICY_API_GROUP = "policy.networking.k8s.io";
/** The apiVersions of ClusterNetworkPolicy that k8s-net reads. */
export declare const CNP_API_VERSIONS: readonly string[];
/** A ClusterNetworkPolicy of network-policy-api, whatever its version (not Antrea's, of another group). */
export declare const isClusterNetworkPolicy: (resource: Resource) => boolean;
export type CnpTier = 'Admin' | 'Baseline';
export type CnpAction = 'Accept' | 'Deny' | 'Pass';
/** Pods a subject or a peer takes: every pod of the namespaces a selector takes, or pods by both selectors. */
export type CnpPods = {
    namespaces: Selector;
    pods?: Selector;
};
export type CnpPeer = ({
    type: 'pods';
} & CnpPods)
/** Addresses (egress only), as written. */
 | {
    type: 'networks';
    networks: readonly unknown[];
}
/** A peer k8s-net does not evaluate: nodes, domainNames, or a form it cannot read (fail closed). */
 | {
    type: 'other';
};
/** A port a rule's protocols take: a protocol and a port range (no range: every port of it), or a container port's name. */
export type CnpPort = {
    protocol: 'TCP' | 'UDP' | 'SCTP';
    start?: number;
    end?: number;
} | {
    name: string;
} | {
    unknown: true;
};
export interface CnpRule {
    /** The rule's index in its list: `spec.ingress[index]`. */
    index: number;
    path: ObjectPath;
    /** Undefined when it is none of Accept, Deny and Pass. */
    action?: CnpAction;
    /** Undefined when `from`/`to` is not a list. */
    peers?: readonly CnpPeer[];
    /** Undefined when the rule has no protocols: every port. */
    ports?: readonly CnpPort[];
    /** Protocols written but not as a list. */
    portsUnknown?: boolean;
}
export interface ReadClusterNetworkPolicy {
    policy: Resource;
    tier: CnpTier;
    priority: number;
    /** Undefined when the subject cannot be read (neither or both of namespaces and pods, a selector that does not parse). */
    subject?: CnpPods;
    ingress: readonly CnpRule[];
    egress: readonly CnpRule[];
}
/**
 * How k8s-net reads an object of the group: `read` (a v1alpha2
 * ClusterNetworkPolicy in the Admin or Baseline tier), `unread` with why (a
 * version or kind it does not read), or `invalid` (a tier the API server
 * refuses: no policy at all).
 */
export type CnpReading = {
    read: ReadClusterNetworkPolicy;
} | {
    unread: string;
    path: ObjectPath;
} | {
    invalid: string;
};
export declare const readClusterNetworkPolicy: (policy: Resource) => CnpReading;
/** The group's objects in the input (reference ones included) that k8s-net does not read, with why, in load order. */
export declare function unreadPolicyObjects(index: ResourceIndex): Array<{
    policy: Resource;
    reason: string;
    path: ObjectPath;
}>;
/** A selector that takes everything. */
export declare const selectsAll: (selector: Selector | undefined) => boolean;
