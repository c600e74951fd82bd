/**
 * Whether ingress policies let a sender's traffic into a workload's pods on a
 * port, and which rule of which policy decides, tier by tier:
 *
 * 1. ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2, as
 *    `k8s/cluster-network-policy.ts` reads it), Admin tier: policies by
 *    priority (lower first), rules in order; the first rule that matches
 *    Accepts or Denies (final), or Passes to the NetworkPolicy tier. An object
 *    of the group k8s-net does not read (another version, AdminNetworkPolicy,
 *    BaselineAdminNetworkPolicy) makes every verdict unknown.
 * 2. NetworkPolicy (networking.k8s.io): pods selected by a policy that
 *    isolates Ingress (policyTypes, defaulted as the API server does) take
 *    what one rule of one such policy admits, nothing else. Pods no policy
 *    isolates (nor a Cilium policy) go on to the Baseline tier.
 *    Cilium (CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy) is read
 *    with this tier, as Cilium enforces both together: a pod selected by a
 *    Cilium policy with an ingress part (unless `enableDefaultDeny.ingress`
 *    is false) or by a NetworkPolicy is isolated, and takes the union of the
 *    allow rules of every policy that selects it; `ingressDeny` rules win
 *    over every allow. fromEndpoints, fromEntities (all, world, cluster,
 *    host, remote-node), fromCIDR, fromCIDRSet and toPorts are read; a rule
 *    with anything else (fromRequires, fromGroups, fromNodes, icmps, a named
 *    port that cannot be resolved...) or a selector that cannot be decided
 *    leaves what it would decide unknown.
 * 3. ClusterNetworkPolicy, Baseline tier: as Admin; no match leaves the
 *    traffic allowed.
 * 4. Calico policies, as far as k8s-net reads them: a policy that selects the
 *    pods and admits nothing (or denies everything) isolates them; one whose
 *    allow rules are not read makes an otherwise closed or open verdict
 *    unknown.
 *
 * Senders are concrete pods (a workload), pods k8s-net cannot see (an ingress
 * controller not in the input), every pod of a namespace or of the cluster,
 * or addresses outside the pod network (the internet, a private network,
 * nodes). For a group of senders a rule can admit all, some or none of them.
 */
import type { ResourceIndex } from '../engine/resource-index.js';
import type { PodTemplate } from '../engine/types.js';
import { type Selector } from '../engine/selectors.js';
import type { ObjectPath, Resource } from '../engine/types.js';
import { type AddressSet } from './cidr.js';
/** Who sends the traffic. */
export type Peer = 
/** The pods of one workload: namespace and labels known. */
{
    type: 'pods';
    namespace: string;
    labels: Readonly<Record<string, string>>;
    name: string;
}
/**
 * A sender the input does not hold (an ingress controller or gateway not in it): pods whose labels are not
 * known, maybe their namespace, or proxies outside the cluster (cloud-managed gateways) whose addresses are not.
 */
 | {
    type: 'unknown-pods';
    namespace?: string;
    name: string;
}
/** Every pod of a namespace. */
 | {
    type: 'namespace';
    namespace: string;
}
/** Every pod of the cluster; with `except`, every pod outside that namespace. */
 | {
    type: 'cluster';
    except?: string;
}
/** Addresses outside the pod network; `addresses` undefined when not known (node addresses). */
 | {
    type: 'addresses';
    addresses?: AddressSet;
    name: string;
};
/** A port on the target pods: the container port traffic arrives on. */
export interface TargetPort {
    /** Undefined when unknown (a named targetPort no container declares). */
    number?: number;
    /** The container port's name, when the container names it. */
    name?: string;
    protocol: string;
}
/** How much of the sender a rule or a tier lets in. */
export type Amount = 'all' | 'some' | 'none' | 'unknown';
/**
 * `open`: no policy selects the pods. `admitted`: a rule admits the sender
 * (all of it). `partial`: some of a group of senders. `blocked`: the pods are
 * isolated and nothing admits it (or a rule denies it). `unknown`: the input
 * cannot tell.
 */
export type Status = 'open' | 'admitted' | 'partial' | 'blocked' | 'unknown';
export type Tier = 'admin' | 'networkpolicy' | 'baseline' | 'cni';
/** What one tier did with the traffic. */
export interface Decision {
    tier: Tier;
    /** The policy that decided, when one did. */
    policy?: Resource;
    /** Path to the rule (or the policy's selector) that decided. */
    path?: ObjectPath;
    /** `Accept`, `admits`, `isolates the pods; no rule admits the sender`... */
    text: string;
}
export interface Verdict {
    status: Status;
    /** One decision per tier that took part, in order. */
    decisions: Decision[];
}
/** A target workload's pods as the evaluator needs them. */
export interface Target {
    namespace: string;
    labels: Readonly<Record<string, string>>;
    /** hostNetwork pods: NetworkPolicy and ClusterNetworkPolicy do not apply. */
    hostNetwork: boolean;
}
/** A template's pods as a target: one object per template, for the model and `reach` alike, so that what the evaluator works out for it is kept. */
export declare const targetOf: (template: PodTemplate) => Target;
/** Union over rules: all beats everything; then unknown; then some. */
export declare function union(a: Amount, b: Amount): Amount;
export declare class PolicyEvaluator {
    private readonly index;
    private readonly npByNamespace;
    private readonly cnps;
    /** The first object of network-policy-api that k8s-net does not read: it leaves every verdict unknown. */
    private readonly unread?;
    /** Calico policies. */
    private readonly cni;
    /** Each spec of each Cilium policy with an ingress part. */
    private readonly cilium;
    private readonly namespaceLabels;
    private readonly selected;
    constructor(index: ResourceIndex);
    /** Whether the traffic of `peer` gets into the target's pods on `port`. */
    evaluate(peer: Peer, target: Target, port: TargetPort): Verdict;
    /** The label selection of a namespace: its labels when its Namespace is in the input, else only its name. */
    namespaceMatches(selector: Selector, namespace: string): boolean | undefined;
    private subjectSelects;
    /** Runs the ingress rules of one tier's policies in order; `next` is the following tier. */
    private tierOf;
    private cnpPeerMatch;
    /** The NetworkPolicy tier's verdict, or undefined when no policy isolates the pods for ingress. */
    private networkPolicyTier;
    /** The NetworkPolicies that select the target's pods, and the first whose podSelector cannot be read: once per target. */
    private selecting;
    /** How much of the sender one NetworkPolicy ingress rule admits on the port. */
    networkPolicyRule(rule: unknown, policy: Resource, peer: Peer, port: TargetPort): Amount;
    private npPeerMatch;
    /** How much of the sender pods in namespaces of `ns` with labels of `pods` take in. */
    private selectorsMatch;
    private readCilium;
    /**
     * The NetworkPolicy tier's verdict with the Cilium policies that select the
     * pods: isolated when either isolates them, the union of their allows, less
     * what an ingressDeny rule takes. `np` is undefined when no NetworkPolicy
     * isolates the pods; `next` is the Baseline tier.
     */
    private withCilium;
    /** What the Cilium policies that select (or may select) the target do with the sender; undefined when none does. */
    private ciliumTier;
    /** How much of the sender one Cilium ingress (or ingressDeny) rule takes on the port, and why when it cannot tell or what follows. */
    private ciliumRule;
    /** How much of the sender one fromEndpoints selector takes in. */
    private endpointsMatch;
    private calicoStep;
}
/** Whether a NetworkPolicy rule's `ports` take the port: true, false, or undefined when the input cannot tell. */
export declare function npPortMatch(ports: unknown, port: TargetPort): boolean | undefined;
/**
 * How much of the sender an ipBlock takes in. Addresses: all when the block
 * (less its excepts) covers them, none when it misses them, else some;
 * unknown addresses (nodes) only a block that covers or misses every address
 * a node can have decides. Pods: the
 * implementations differ on whether ipBlock matches pod addresses, so a
 * block that holds private addresses is unknown for them, one that holds none
 * matches none.
 */
export declare function ipBlockMatch(block: unknown, peer: Peer): Amount;
