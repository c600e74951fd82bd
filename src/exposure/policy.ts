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
 *    selects go on to the Baseline tier.
 * 3. ClusterNetworkPolicy, Baseline tier: as Admin; no match leaves the
 *    traffic allowed.
 * 4. Cilium and Calico policies, as far as k8s-net reads them: a policy that
 *    selects the pods and admits nothing (or denies everything) isolates them;
 *    one whose allow rules are not read makes an otherwise closed or open
 *    verdict unknown.
 *
 * Senders are concrete pods (a workload), pods k8s-net cannot see (an ingress
 * controller not in the input), every pod of a namespace or of the cluster,
 * or addresses outside the pod network (the internet, a private network,
 * nodes). For a group of senders a rule can admit all, some or none of them.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {PodTemplate} from '../engine/types.js'
import {isRecord} from '../util/records.js'
import {matches, parseLabelSelector, type Selector} from '../engine/selectors.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {objectName} from '../engine/util.js'
import {
  type CnpAction,
  type CnpPods,
  type CnpRule,
  namespaceSelects,
  NETWORK_POLICY_API_GROUP,
  readClusterNetworkPolicy,
  type ReadClusterNetworkPolicy,
  unreadPolicyObjects,
} from '../k8s/cluster-network-policy.js'
import {NAMESPACE_NAME_LABEL as NAME_LABEL} from '../k8s/gateway.js'
import {calicoSelects, isNetworkPolicy, policyTypes, rulesOf} from '../k8s/network-policy.js'
import {type AddressSet, covers, intersects, isIpv6, NODE_SPACE, normalize, parseCidr, parseCidrs, PRIVATE, subtract} from './cidr.js'

/** Who sends the traffic. */
export type Peer =
  /** The pods of one workload: namespace and labels known. */
  | {type: 'pods'; namespace: string; labels: Readonly<Record<string, string>>; name: string}
  /**
   * A sender the input does not hold (an ingress controller or gateway not in it): pods whose labels are not
   * known, maybe their namespace, or proxies outside the cluster (cloud-managed gateways) whose addresses are not.
   */
  | {type: 'unknown-pods'; namespace?: string; name: string}
  /** Every pod of a namespace. */
  | {type: 'namespace'; namespace: string}
  /** Every pod of the cluster; with `except`, every pod outside that namespace. */
  | {type: 'cluster'; except?: string}
  /** Addresses outside the pod network; `addresses` undefined when not known (node addresses). */
  | {type: 'addresses'; addresses?: AddressSet; name: string}

/** A port on the target pods: the container port traffic arrives on. */
export interface TargetPort {
  /** Undefined when unknown (a named targetPort no container declares). */
  number?: number
  /** The container port's name, when the container names it. */
  name?: string
  protocol: string
}

/** How much of the sender a rule or a tier lets in. */
export type Amount = 'all' | 'some' | 'none' | 'unknown'

/**
 * `open`: no policy selects the pods. `admitted`: a rule admits the sender
 * (all of it). `partial`: some of a group of senders. `blocked`: the pods are
 * isolated and nothing admits it (or a rule denies it). `unknown`: the input
 * cannot tell.
 */
export type Status = 'open' | 'admitted' | 'partial' | 'blocked' | 'unknown'

export type Tier = 'admin' | 'networkpolicy' | 'baseline' | 'cni'

/** What one tier did with the traffic. */
export interface Decision {
  tier: Tier
  /** The policy that decided, when one did. */
  policy?: Resource
  /** Path to the rule (or the policy's selector) that decided. */
  path?: ObjectPath
  /** `Accept`, `admits`, `isolates the pods; no rule admits the sender`... */
  text: string
}

export interface Verdict {
  status: Status
  /** One decision per tier that took part, in order. */
  decisions: Decision[]
}

/** A target workload's pods as the evaluator needs them. */
export interface Target {
  namespace: string
  labels: Readonly<Record<string, string>>
  /** hostNetwork pods: NetworkPolicy and ClusterNetworkPolicy do not apply. */
  hostNetwork: boolean
}

export const targetOf = (template: PodTemplate): Target => ({
  namespace: template.namespace,
  labels: template.labels,
  hostNetwork: template.spec.hostNetwork === true,
})

const CALICO_GROUPS = new Set(['crd.projectcalico.org', 'projectcalico.org'])

const amountOf = (status: Status): Amount =>
  status === 'open' || status === 'admitted' ? 'all' : status === 'partial' ? 'some' : status === 'blocked' ? 'none' : 'unknown'

/** Union over rules: all beats everything; then unknown; then some. */
export function union(a: Amount, b: Amount): Amount {
  if (a === 'all' || b === 'all') return 'all'
  if (a === 'unknown' || b === 'unknown') return 'unknown'
  if (a === 'some' || b === 'some') return 'some'
  return 'none'
}

/** Both hold: the smaller. */
function both(a: Amount, b: Amount): Amount {
  if (a === 'none' || b === 'none') return 'none'
  if (a === 'unknown' || b === 'unknown') return 'unknown'
  if (a === 'some' || b === 'some') return 'some'
  return 'all'
}

/** A NetworkPolicy read once: its selector, whether it isolates ingress, its ingress rules. */
interface ReadPolicy {
  policy: Resource
  /** Undefined when the podSelector cannot be read. */
  selector?: Selector
  rules: unknown[]
  /** `spec.ingress[i]`, made once per rule that decides. */
  paths?: ObjectPath[]
}

const ruleOf = (read: ReadPolicy, i: number): ObjectPath => ((read.paths ??= [])[i] ??= ['spec', 'ingress', i])

/** The NetworkPolicies that select a target's pods, and what follows from that alone. */
interface Selecting {
  selecting: ReadPolicy[]
  /** The first policy of the namespace whose podSelector cannot be read. */
  maybe?: Resource
  /** The verdict when they admit nothing of a sender. */
  isolated?: Verdict
}

export class PolicyEvaluator {
  private readonly npByNamespace = new Map<string, ReadPolicy[]>()
  private readonly cnps: ReadClusterNetworkPolicy[] = []
  /** The first object of network-policy-api that k8s-net does not read: it leaves every verdict unknown. */
  private readonly unread?: Verdict
  private readonly cni: Resource[] = []
  private readonly namespaceLabels = new Map<string, Readonly<Record<string, string>>>()
  private readonly selected = new WeakMap<Target, Selecting>()

  constructor(private readonly index: ResourceIndex) {
    for (const policy of index.byKind('NetworkPolicy')) {
      if (!isNetworkPolicy(policy) || !policyTypes(policy).has('Ingress')) continue
      const spec = policy.object.spec
      if (spec !== undefined && spec !== null && !isRecord(spec)) continue
      const parsed = parseLabelSelector(isRecord(spec) ? spec.podSelector : undefined)
      const read: ReadPolicy = {policy, selector: parsed.ok ? parsed.selector : undefined, rules: rulesOf(policy, 'Ingress') ?? []}
      const list = this.npByNamespace.get(policy.namespace)
      if (list) list.push(read)
      else this.npByNamespace.set(policy.namespace, [read])
    }

    for (const policy of index.byKind('ClusterNetworkPolicy', NETWORK_POLICY_API_GROUP)) {
      const reading = readClusterNetworkPolicy(policy)
      if ('read' in reading) this.cnps.push(reading.read)
    }

    this.cnps.sort((a, b) => a.priority - b.priority || a.policy.uid - b.policy.uid)
    const [unread] = unreadPolicyObjects(index)
    if (unread) {
      const text = `unknown: ${unread.policy.kind} ${unread.policy.name} may decide, and k8s-net does not read it (${unread.reason})`
      this.unread = {status: 'unknown', decisions: [{tier: 'admin', policy: unread.policy, path: unread.path, text}]}
    }

    // Loops, not push(...): the input may hold more policies than a call takes arguments.
    for (const kind of ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy']) for (const r of index.byKind(kind, 'cilium.io')) this.cni.push(r)
    for (const kind of ['NetworkPolicy', 'GlobalNetworkPolicy']) for (const r of index.byKind(kind)) if (CALICO_GROUPS.has(r.group)) this.cni.push(r)
    for (const ns of index.table('Namespace', ['']).all) this.namespaceLabels.set(ns.name, {...ns.labels, [NAME_LABEL]: ns.name})
  }

  /** Whether the traffic of `peer` gets into the target's pods on `port`. */
  evaluate(peer: Peer, target: Target, port: TargetPort): Verdict {
    if (target.hostNetwork) {
      return {status: 'open', decisions: [{tier: 'networkpolicy', text: 'hostNetwork pods: network policies do not select them'}]}
    }

    if (!this.index.readable('ClusterNetworkPolicy', '')) {
      return {status: 'unknown', decisions: [{tier: 'admin', text: 'unknown: the ClusterNetworkPolicies could not be read'}]}
    }

    if (this.unread) return this.unread

    const admin = this.cnps.filter((p) => p.tier === 'Admin' && this.subjectSelects(p.subject, target) !== false)
    const baseline = this.cnps.filter((p) => p.tier === 'Baseline' && this.subjectSelects(p.subject, target) !== false)
    const afterNp = (): Verdict => this.cniStep(target, this.tierOf(baseline, 'baseline', peer, target, port, () => OPEN))
    const np = (): Verdict => {
      const verdict = this.networkPolicyTier(peer, target, port)
      return verdict ? this.cniStep(target, verdict) : afterNp()
    }

    return this.tierOf(admin, 'admin', peer, target, port, np)
  }

  /** The label selection of a namespace: its labels when its Namespace is in the input, else only its name. */
  namespaceMatches(selector: Selector, namespace: string): boolean | undefined {
    return namespaceSelects(selector, namespace, this.namespaceLabels.get(namespace))
  }

  // ---- ClusterNetworkPolicy ------------------------------------------------

  private subjectSelects(subject: CnpPods | undefined, target: Target): boolean | undefined {
    if (!subject) return undefined
    if (subject.pods && !matches(subject.pods, target.labels)) return false
    return this.namespaceMatches(subject.namespaces, target.namespace)
  }

  /** Runs the ingress rules of one tier's policies in order; `next` is the following tier. */
  private tierOf(policies: ReadClusterNetworkPolicy[], tier: Tier, peer: Peer, target: Target, port: TargetPort, next: () => Verdict): Verdict {
    const rules = policies.flatMap((p) => {
      const selects = this.subjectSelects(p.subject, target)
      return p.ingress.map((rule) => ({policy: p.policy, rule, selects}))
    })
    const memo = new Map<number, Verdict>()
    let nextVerdict: Verdict | undefined
    const runNext = (): Verdict => (nextVerdict ??= next())
    const from = (i: number): Verdict => {
      const cached = memo.get(i)
      if (cached) return cached
      let result: Verdict | undefined
      for (let j = i; j < rules.length && !result; j++) {
        const {policy, rule, selects} = rules[j]!
        let m = both(this.cnpPeerMatch(rule, peer), cnpPortMatch(rule, port))
        if (selects === undefined && m !== 'none') m = 'unknown'
        if (m === 'none') continue
        const {action} = rule
        const decision: Decision = {tier, policy, path: rule.path, text: action ?? 'unknown: its action is none of Accept, Deny and Pass'}
        const acted: Verdict =
          action === 'Pass'
            ? prepend(decision, runNext())
            : {status: action === 'Accept' ? 'admitted' : action === 'Deny' ? 'blocked' : 'unknown', decisions: [decision]}
        result = m === 'all' ? acted : split(m, acted, from(j + 1))
      }

      result ??= runNext()
      memo.set(i, result)
      return result
    }

    return from(0)
  }

  private cnpPeerMatch(rule: CnpRule, peer: Peer): Amount {
    if (!rule.peers) return 'unknown'
    let out: Amount = 'none'
    for (const entry of rule.peers) {
      // An ingress peer of a form not read: fail closed (Accept matches nothing, Deny and Pass match all).
      const m: Amount = entry.type === 'pods' ? this.selectorsMatch(peer, entry.namespaces, entry.pods ?? EVERY) : failClosed(rule.action)
      out = union(out, m)
    }

    return out
  }

  // ---- NetworkPolicy -------------------------------------------------------

  /** The NetworkPolicy tier's verdict, or undefined when no policy isolates the pods for ingress. */
  private networkPolicyTier(peer: Peer, target: Target, port: TargetPort): Verdict | undefined {
    // A cluster that refused to list NetworkPolicies leaves the tier unknown: their absence means nothing.
    if (!this.index.readable('NetworkPolicy', target.namespace)) {
      return {status: 'unknown', decisions: [{tier: 'networkpolicy', text: `unknown: the NetworkPolicies of namespace ${target.namespace} could not be read`}]}
    }

    const read = this.selecting(target)
    const {selecting, maybe} = read
    if (selecting.length === 0) {
      if (!maybe) return undefined
      return {status: 'unknown', decisions: [{tier: 'networkpolicy', policy: maybe, path: POD_SELECTOR, text: 'its podSelector cannot be read: whether it isolates the pods is unknown'}]}
    }

    let best: Amount = 'none'
    let decider: Decision | undefined
    for (const policyRead of selecting) {
      const {policy, rules} = policyRead
      for (const [i, rule] of rules.entries()) {
        const m = this.networkPolicyRule(rule, policy, peer, port)
        if (m === 'none') continue
        const next = union(best, m)
        if (next !== best || !decider) {
          decider = {tier: 'networkpolicy', policy, path: ruleOf(policyRead, i), text: m === 'all' ? 'admits' : m === 'some' ? 'admits part of the sender' : 'may admit (cannot tell)'}
          best = next
        }

        if (best === 'all') break
      }

      if (best === 'all') break
    }

    if (best === 'none' || !decider) return isolated(read)
    if (maybe && best !== 'all') return {status: 'unknown', decisions: [decider]}
    return {status: best === 'all' ? 'admitted' : best === 'some' ? 'partial' : 'unknown', decisions: [decider]}
  }

  /** The NetworkPolicies that select the target's pods, and the first whose podSelector cannot be read: once per target. */
  private selecting(target: Target): Selecting {
    let found = this.selected.get(target)
    if (found) return found
    const selecting: ReadPolicy[] = []
    let maybe: Resource | undefined
    for (const read of this.npByNamespace.get(target.namespace) ?? []) {
      if (!read.selector) maybe ??= read.policy
      else if (matches(read.selector, target.labels)) selecting.push(read)
    }

    this.selected.set(target, (found = {selecting, maybe}))
    return found
  }

  /** How much of the sender one NetworkPolicy ingress rule admits on the port. */
  networkPolicyRule(rule: unknown, policy: Resource, peer: Peer, port: TargetPort): Amount {
    if (!isRecord(rule)) return 'none'
    const ports = npPortMatch(rule.ports, port)
    if (ports === false) return 'none'
    let peers: Amount
    if (rule.from === undefined || rule.from === null || (Array.isArray(rule.from) && rule.from.length === 0)) peers = 'all'
    else if (Array.isArray(rule.from)) peers = rule.from.reduce<Amount>((acc, entry) => union(acc, this.npPeerMatch(entry, policy, peer)), 'none')
    else peers = 'unknown'
    if (ports === undefined) return peers === 'none' ? 'none' : 'unknown'
    return peers
  }

  private npPeerMatch(entry: unknown, policy: Resource, peer: Peer): Amount {
    if (!isRecord(entry)) return 'unknown'
    if (entry.ipBlock !== undefined && entry.ipBlock !== null) return ipBlockMatch(entry.ipBlock, peer)
    const hasNs = entry.namespaceSelector !== undefined && entry.namespaceSelector !== null
    const hasPods = entry.podSelector !== undefined && entry.podSelector !== null
    if (!hasNs && !hasPods) return 'unknown'
    const pods = parseLabelSelector(hasPods ? entry.podSelector : {})
    if (!pods.ok) return 'unknown'
    if (!hasNs) return this.selectorsMatch(peer, {requirements: [{key: NAME_LABEL, operator: 'In', values: [policy.namespace]}]}, pods.selector)
    const ns = parseLabelSelector(entry.namespaceSelector)
    return ns.ok ? this.selectorsMatch(peer, ns.selector, pods.selector) : 'unknown'
  }

  /** How much of the sender pods in namespaces of `ns` with labels of `pods` take in. */
  private selectorsMatch(peer: Peer, ns: Selector, pods: Selector): Amount {
    const everyNamespace = ns.requirements.length === 0
    const everyPod = pods.requirements.length === 0
    switch (peer.type) {
      case 'addresses': {
        return 'none'
      }

      case 'pods': {
        if (!matches(pods, peer.labels)) return 'none'
        const inNs = this.namespaceMatches(ns, peer.namespace)
        return inNs === undefined ? 'unknown' : inNs ? 'all' : 'none'
      }

      case 'unknown-pods': {
        const inNs = everyNamespace ? true : peer.namespace === undefined ? undefined : this.namespaceMatches(ns, peer.namespace)
        if (inNs === false) return 'none'
        return inNs === true && everyPod ? 'all' : 'unknown'
      }

      case 'namespace': {
        const inNs = this.namespaceMatches(ns, peer.namespace)
        if (inNs === false) return 'none'
        if (inNs === undefined) return 'unknown'
        return everyPod ? 'all' : 'some'
      }

      case 'cluster': {
        if (peer.except !== undefined && onlyNamespace(ns) === peer.except) return 'none'
        return everyNamespace && everyPod ? 'all' : 'some'
      }
    }
  }

  // ---- Cilium and Calico ---------------------------------------------------

  private cniStep(target: Target, verdict: Verdict): Verdict {
    if (this.cni.length === 0) return verdict
    let unread: Resource | undefined
    let isolating: Resource | undefined
    for (const policy of this.cni) {
      const reading = readCni(policy, target, this.namespaceLabels.get(target.namespace))
      if (reading === 'none') continue
      if (reading === 'deny') return {status: 'blocked', decisions: [...verdict.decisions, {tier: 'cni', policy, text: 'denies all ingress to the pods'}]}
      if (reading === 'isolate') isolating ??= policy
      else unread ??= policy
    }

    const status = verdict.status
    if (status === 'admitted' || (status === 'partial' && !unread)) return verdict
    if (unread) {
      return {status: 'unknown', decisions: [...verdict.decisions, {tier: 'cni', policy: unread, text: 'may select the pods; its rules are not evaluated'}]}
    }

    if (isolating && status === 'open') return {status: 'blocked', decisions: [{tier: 'cni', policy: isolating, text: 'isolates the pods and admits nothing'}]}
    return verdict
  }
}

const POD_SELECTOR: ObjectPath = Object.freeze(['spec', 'podSelector'])

/** The verdict when the policies that select a target admit nothing of the sender: the same for every sender and port. */
function isolated(read: Selecting): Verdict {
  if (read.isolated) return read.isolated
  const {selecting} = read
  const others = [...new Set(selecting.slice(1).map((p) => objectName(p.policy)))].filter((n) => n !== objectName(selecting[0]!.policy))
  const also = others.length > 0 ? ` (as do ${others.join(', ')})` : ''
  read.isolated = {
    status: 'blocked',
    decisions: [{tier: 'networkpolicy', policy: selecting[0]!.policy, path: POD_SELECTOR, text: `isolates the pods${also}; no rule admits the sender`}],
  }
  return read.isolated
}

const OPEN: Verdict = {status: 'open', decisions: [{tier: 'networkpolicy', text: 'no policy selects the pods'}]}

/** The one namespace a selector picks by name alone (`kubernetes.io/metadata.name In [x]`), if that is all it does. */
function onlyNamespace(ns: Selector): string | undefined {
  const [r, more] = ns.requirements
  return r && !more && r.key === NAME_LABEL && r.operator === 'In' && r.values.length === 1 ? r.values[0] : undefined
}

/** Prepends a decision (a Pass) to the verdict that follows it. */
const prepend = (decision: Decision, verdict: Verdict): Verdict => ({status: verdict.status, decisions: [decision, ...verdict.decisions]})

/** Part of the sender (`some`), or perhaps all of it (`unknown`), takes `acted`; the rest takes `rest`. */
function split(m: Amount, acted: Verdict, rest: Verdict): Verdict {
  const a = amountOf(acted.status)
  const b = amountOf(rest.status)
  if (a === b) return {status: acted.status === rest.status ? acted.status : statusOf(a), decisions: acted.decisions}
  if (m === 'unknown' || a === 'unknown' || b === 'unknown') return {status: 'unknown', decisions: [...acted.decisions, ...rest.decisions]}
  return {status: 'partial', decisions: [...acted.decisions, ...rest.decisions]}
}

const statusOf = (a: Amount): Status => (a === 'all' ? 'admitted' : a === 'some' ? 'partial' : a === 'none' ? 'blocked' : 'unknown')

const EVERY: Selector = {requirements: []}

/** A peer a rule's action meets but k8s-net cannot evaluate: an Accept takes none of the sender, a Deny or Pass all of it. */
const failClosed = (action: CnpAction | undefined): Amount => (action === 'Accept' ? 'none' : action === undefined ? 'unknown' : 'all')

/** How much of the traffic on the port a ClusterNetworkPolicy rule's protocols take. */
function cnpPortMatch(rule: CnpRule, port: TargetPort): Amount {
  if (rule.portsUnknown) return 'unknown'
  if (!rule.ports) return 'all'
  let out: Amount = 'none'
  for (const p of rule.ports) {
    if ('name' in p) out = union(out, port.name === p.name ? 'all' : 'none')
    else if ('unknown' in p) out = union(out, 'unknown')
    else if (p.protocol !== port.protocol) continue
    else if (p.start === undefined || p.end === undefined) out = union(out, 'all')
    else if (port.number === undefined) out = union(out, 'unknown')
    else out = union(out, port.number >= p.start && port.number <= p.end ? 'all' : 'none')
  }

  return out
}

/** Whether a NetworkPolicy rule's `ports` take the port: true, false, or undefined when the input cannot tell. */
export function npPortMatch(ports: unknown, port: TargetPort): boolean | undefined {
  if (ports === undefined || ports === null || (Array.isArray(ports) && ports.length === 0)) return true
  if (!Array.isArray(ports)) return undefined
  let unknown = false
  for (const entry of ports) {
    if (!isRecord(entry)) continue
    const protocol = typeof entry.protocol === 'string' ? entry.protocol : 'TCP'
    if (protocol !== port.protocol) continue
    const p = entry.port
    if (p === undefined || p === null) return true
    if (typeof p === 'string') {
      if (p === port.name) return true
      continue
    }

    if (typeof p !== 'number') continue
    if (port.number === undefined) {
      unknown = true
      continue
    }

    const end = typeof entry.endPort === 'number' ? entry.endPort : p
    if (port.number >= p && port.number <= end) return true
  }

  return unknown ? undefined : false
}

/**
 * How much of the sender an ipBlock takes in. Addresses: all when the block
 * (less its excepts) covers them, none when it misses them, else some;
 * unknown addresses (nodes) only a block that covers or misses every address
 * a node can have decides. Pods: the
 * implementations differ on whether ipBlock matches pod addresses, so a
 * block that holds private addresses is unknown for them, one that holds none
 * matches none.
 */
export function ipBlockMatch(block: unknown, peer: Peer): Amount {
  if (!isRecord(block)) return 'unknown'
  if (isIpv6(block.cidr)) return 'none'
  const cidr = parseCidr(block.cidr)
  if (!cidr) return 'unknown'
  const except = Array.isArray(block.except) ? parseCidrs(block.except.filter((e) => !isIpv6(e))) : []
  if (!except) return 'unknown'
  const admitted = subtract([cidr], except)
  // Senders the input lacks (an ingress controller, a gateway) may be proxies outside the cluster, as cloud load
  // balancers' managed gateways are: their addresses are not known.
  if (peer.type === 'unknown-pods') return admitted.length > 0 ? 'unknown' : 'none'
  if (peer.type !== 'addresses') return intersects(admitted, PRIVATE) ? 'unknown' : 'none'
  // Addresses not known (nodes): a block that covers every address a node can have decides, as does one that misses them all.
  if (!peer.addresses) return covers(admitted, NODE_SPACE) ? 'all' : intersects(admitted, NODE_SPACE) ? 'unknown' : 'none'
  if (covers(admitted, peer.addresses)) return 'all'
  return intersects(admitted, normalize(peer.addresses)) ? 'some' : 'none'
}

/**
 * What a Cilium or Calico policy does to ingress of the target's pods, as far
 * as k8s-net reads it: `none` (it does not select them, or has no ingress
 * part), `isolate` (selects them, admits nothing), `deny` (denies all ingress
 * before anything else), `unread` (may select them; rules not evaluated).
 */
function readCni(policy: Resource, target: Target, nsLabels: Readonly<Record<string, string>> | undefined): 'none' | 'isolate' | 'deny' | 'unread' {
  const namespaced = policy.kind === 'CiliumNetworkPolicy' || policy.kind === 'NetworkPolicy'
  if (namespaced && policy.namespace !== target.namespace) return 'none'
  if (policy.group === 'cilium.io') {
    const specs = [policy.object.spec, ...(Array.isArray(policy.object.specs) ? policy.object.specs : [])].filter(isRecord)
    let out: 'none' | 'isolate' | 'deny' | 'unread' = 'none'
    for (const spec of specs) {
      const hasIngress = Array.isArray(spec.ingress) && spec.ingress.length > 0
      const deny = Array.isArray(spec.ingressDeny) ? spec.ingressDeny : []
      if (!hasIngress && deny.length === 0) continue
      const selects = ciliumSelects(spec.endpointSelector, target, nsLabels)
      if (selects === false) continue
      if (selects === undefined) return 'unread'
      if (deny.some((r) => isRecord(r) && Object.keys(r).length === 1 && Array.isArray(r.fromEntities) && r.fromEntities.includes('all'))) return 'deny'
      if (deny.length > 0) return 'unread'
      const rules = spec.ingress as unknown[]
      const admitsNothing = rules.every((r) => isRecord(r) && Object.keys(r).length === 0)
      const enable = isRecord(spec.enableDefaultDeny) ? spec.enableDefaultDeny.ingress : undefined
      if (!admitsNothing) return 'unread'
      if (enable !== false) out = 'isolate'
    }

    return out
  }

  const spec = isRecord(policy.object.spec) ? policy.object.spec : {}
  const types = Array.isArray(spec.types) ? spec.types : undefined
  const ingress = spec.ingress
  const egress = spec.egress
  const isolates = types ? types.includes('Ingress') : !(Array.isArray(egress) && egress.length > 0 && !(Array.isArray(ingress) && ingress.length > 0))
  if (!isolates) return 'none'
  const selects = calicoSelects(spec.selector, (key) => {
    if (key === 'projectcalico.org/namespace') return {known: true, value: target.namespace}
    if (key.startsWith('pcns.')) return nsLabels ? {known: true, value: nsLabels[key.slice(5)]} : {known: false}
    return {known: true, value: target.labels[key]}
  })
  if (selects === false) return 'none'
  if (selects === undefined || policy.kind === 'GlobalNetworkPolicy') {
    if (selects === undefined) return 'unread'
    const nsSel = calicoSelects(spec.namespaceSelector, (key) => (nsLabels ? {known: true, value: nsLabels[key]} : {known: false}))
    if (nsSel === false) return 'none'
    if (nsSel === undefined) return 'unread'
  }

  const rules = Array.isArray(ingress) ? ingress : []
  if (rules.length === 0) return 'isolate'
  const denyAll = rules.every((r) => isRecord(r) && (r.action === 'Deny' || r.action === 'Log') && Object.keys(r).every((k) => k === 'action'))
  if (denyAll) return typeof spec.order === 'number' && spec.order < 1000 ? 'deny' : 'isolate'
  return 'unread'
}

/** A Cilium endpointSelector against the target's labels (sources `k8s:`/`any:` dropped; the namespace label read). */
function ciliumSelects(selector: unknown, target: Target, nsLabels: Readonly<Record<string, string>> | undefined): boolean | undefined {
  if (!isRecord(selector)) return undefined
  const parsed = parseLabelSelector(selector)
  if (!parsed.ok) return undefined
  const labels: Record<string, string> = {...target.labels, 'io.kubernetes.pod.namespace': target.namespace}
  for (const [k, v] of Object.entries(nsLabels ?? {})) labels[`io.cilium.k8s.namespace.labels.${k}`] = v
  const requirements = parsed.selector.requirements.map((r) => ({...r, key: r.key.replace(/^(?:k8s|any):/, '')}))
  if (!nsLabels && requirements.some((r) => r.key.startsWith('io.cilium.k8s.namespace.labels.'))) return undefined
  if (requirements.some((r) => r.key.startsWith('io.cilium.k8s.policy.') || r.key.startsWith('reserved:'))) return undefined
  return matches({requirements}, labels)
}
