/**
 * NetworkPolicy semantics: what a policy selects, which directions it
 * isolates, and whether it denies traffic by default for a whole namespace.
 *
 * Kubernetes NetworkPolicy (networking.k8s.io): a policy applies only in its
 * own namespace; `podSelector: {}` (or an absent one) selects every pod there;
 * when policyTypes is absent or empty, Ingress is implied and Egress only when
 * the policy has egress rules; no rules in a direction the policy isolates
 * means nothing is allowed in that direction, while one empty rule (`- {}`)
 * allows everything.
 *
 * CNI policy kinds are recognised where they select every pod of a namespace,
 * conservatively (a form that is not understood never counts as coverage):
 * CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy (cilium.io), Calico
 * NetworkPolicy and GlobalNetworkPolicy (crd.projectcalico.org,
 * projectcalico.org). See `defaultDenyDirections` for the exact forms.
 *
 * ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2) too, as
 * `cluster-network-policy.ts` reads it: other versions, AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy are not read, and never count.
 */
import type { ResourceIndex } from '../engine/resource-index.js';
import { type SelectorParse } from '../engine/selectors.js';
import type { Resource } from '../engine/types.js';
export type Direction = 'Ingress' | 'Egress';
export declare const DIRECTIONS: readonly Direction[];
/** What is known of a namespace: its name, and its labels when its Namespace object is in the input. */
export interface NamespaceFacts {
    name: string;
    /** Labels of the Namespace object; undefined when the input does not hold it (labels unknown). */
    labels?: Readonly<Record<string, string>>;
}
/** A Kubernetes NetworkPolicy (networking.k8s.io, or the long-gone extensions group). */
export declare function isNetworkPolicy(resource: Resource): boolean;
/** The Kubernetes NetworkPolicies of the input (reference ones included), in load order. */
export declare function networkPolicies(index: ResourceIndex): Resource[];
/** A NetworkPolicy's podSelector; absent or null reads as empty, which selects every pod of the namespace. */
export declare function podSelectorOf(policy: Resource): SelectorParse;
/**
 * The rules of a direction: `[]` when absent, null or empty; undefined when
 * the field is not a list (the API server would refuse the policy).
 */
export declare function rulesOf(policy: Resource, direction: Direction): unknown[] | undefined;
/**
 * The directions a NetworkPolicy isolates: policyTypes as written when it is a
 * non-empty list; otherwise Ingress, plus Egress when the policy has egress
 * rules (as the API server defaults it).
 */
export declare function policyTypes(policy: Resource): Set<Direction>;
/**
 * The directions in which this policy denies traffic by default to or from
 * every pod of the namespace (empty when it does not).
 *
 * - NetworkPolicy (networking.k8s.io): in its own namespace, empty podSelector,
 *   the direction among its effective policyTypes, and no rules in that
 *   direction. Egress rules that only open port 53 (DNS, UDP or TCP) still
 *   count as an egress default deny: everything else stays denied.
 * - CiliumNetworkPolicy in its own namespace, CiliumClusterwideNetworkPolicy
 *   anywhere: a rule (`spec`, or an entry of `specs`) whose endpointSelector
 *   selects every endpoint of the namespace (`{}`, or only requirements on
 *   `io.kubernetes.pod.namespace` and, when the Namespace object is in the
 *   input, `io.cilium.k8s.namespace.labels.*`), with either an
 *   `ingress`/`egress` section of empty rules only (`- {}`, or DNS-only egress)
 *   and enableDefaultDeny not false for that direction, or an
 *   `ingressDeny`/`egressDeny` rule with nothing but `fromEntities`/`toEntities`
 *   holding `all`.
 * - Calico NetworkPolicy in its own namespace, GlobalNetworkPolicy anywhere:
 *   a selector that is absent, empty, `all()`, or only tests
 *   `projectcalico.org/namespace` (joined by `&&`); for GlobalNetworkPolicy a
 *   namespaceSelector that is absent, `all()`, or tests only the namespace's
 *   name (`projectcalico.org/name`, `kubernetes.io/metadata.name`) and, when
 *   the Namespace object is in the input, its labels; no
 *   serviceAccountSelector, doNotTrack or preDNAT; the direction among its
 *   types (defaulted as Calico does when absent); and rules in that direction
 *   that are all Deny or Log (or DNS-only Allow for egress). A policy in a
 *   tier whose Tier object in the input has defaultAction Pass does not count.
 * - ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2), Admin or Baseline tier:
 *   a subject that selects every pod of the namespace (`namespaces` matching
 *   it, or `pods` with such a namespaceSelector and an empty podSelector);
 *   rules in that direction that are all Deny (egress: or Accept of port 53
 *   only), one of them without protocols denying everyone: for ingress a peer
 *   `namespaces: {}` (or `pods` with both selectors empty), for egress
 *   `networks` holding 0.0.0.0/0 (cluster traffic included). A Pass or another
 *   Accept leaves the decision to NetworkPolicies, and does not count. Nor
 *   does it when a ClusterNetworkPolicy that may go before it (a lower or the
 *   same priority in its tier, or the Admin tier before Baseline) and may
 *   take every pod of the namespace lets everyone through on every port
 *   first: an Accept, or a Pass in the same tier (an Admin Pass still meets a
 *   Baseline deny).
 */
export declare function defaultDenyDirections(policy: Resource, ns: NamespaceFacts, index: ResourceIndex): Direction[];
/** Every object of the input (reference ones included) that `defaultDenyDirections` can read, in load order. */
export declare function policyObjects(index: ResourceIndex): Resource[];
/** The label by which a Cilium selector names a pod's namespace. */
export declare const CILIUM_NAMESPACE = "io.kubernetes.pod.namespace";
/** The prefix by which a Cilium selector names a label of a pod's namespace. */
export declare const CILIUM_NAMESPACE_LABEL = "io.cilium.k8s.namespace.labels.";
/** A Cilium label key without its source prefix (`k8s:`, `any:`). */
export declare const ciliumKey: (key: string) => string;
type LabelLookup = (key: string) => {
    known: boolean;
    value?: string;
};
/**
 * Evaluates a Calico selector expression for every endpoint that shares the
 * looked-up labels: true or false, or undefined when the expression uses a
 * form or a label this reading does not know (`||`, parentheses, other labels).
 * Absent, empty and `all()` select everything.
 */
export declare function calicoSelects(selector: unknown, lookup: LabelLookup): boolean | undefined;
/**
 * A NetworkPolicy that denies the given directions by default for every pod
 * of the namespace. An egress default deny keeps DNS (port 53, UDP and TCP)
 * open, or nothing in the namespace could resolve a name.
 */
export declare function defaultDenyPolicy(namespace: string, name: string, directions: readonly Direction[]): Record<string, unknown>;
/** Whether a Kubernetes NetworkPolicy selects every pod of its namespace (`podSelector: {}`). */
export declare function selectsEveryPod(policy: Resource): boolean;
/**
 * Whether a rule of the policy lets any peer through in this direction: a rule
 * without peers (`- {}`, or ports only), a peer of every namespace
 * (`namespaceSelector: {}` with no podSelector or an empty one), or an ipBlock
 * of the whole address space.
 */
export declare function allowsEveryone(policy: Resource, direction: Direction): boolean;
/**
 * A NetworkPolicy among these that selects every pod and isolates them in
 * this direction without letting everyone through: its rules, not "anyone",
 * decide what the pods accept (or reach).
 */
export declare function isolatingPolicy(policies: readonly Resource[], direction: Direction): Resource | undefined;
/**
 * A NetworkPolicy among these that selects every pod but is no default deny
 * for one of the directions: its rules allow traffic in that direction, or its
 * policyTypes leave the direction out.
 */
export declare function nearDefaultDeny(policies: readonly Resource[], directions: readonly Direction[]): {
    problem: 'rules-allow';
    policy: Resource;
    direction: Direction;
} | {
    problem: 'direction-left-out';
    policy: Resource;
    direction: Direction;
} | undefined;
export {};
