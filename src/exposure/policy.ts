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
import type {ResourceIndex} from '../engine/resource-index.js'
import type {PodTemplate} from '../engine/types.js'
import {isRecord} from '../util/records.js'
import {onceFor} from '../util/once.js'
import {matches, parseLabelSelector, type Selector} from '../engine/selectors.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {objectName} from '../engine/util.js'
import {
  type CnpAction,
  type CnpPods,
  type CnpRule,
  NETWORK_POLICY_API_GROUP,
  readClusterNetworkPolicy,
  type ReadClusterNetworkPolicy,
  unreadPolicyObjects,
} from '../k8s/cluster-network-policy.js'
import {NAMESPACE_NAME_LABEL, namespaceSelects} from '../k8s/namespaces.js'
import {calicoSelects, CILIUM_NAMESPACE, CILIUM_NAMESPACE_LABEL, ciliumKey, isNetworkPolicy, policyTypes, rulesOf} from '../k8s/network-policy.js'
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

/** A template's pods as a target: one object per template, for the model and `reach` alike, so that what the evaluator works out for it is kept. */
export const targetOf: (template: PodTemplate) => Target = onceFor((template: PodTemplate) => ({
  namespace: template.namespace,
  labels: template.labels,
  hostNetwork: template.spec.hostNetwork === true,
}))

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
  /** Calico policies. */
  private readonly cni: Resource[] = []
  /** Each spec of each Cilium policy with an ingress part. */
  private readonly cilium: CiliumSpec[] = []
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
    for (const kind of ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy']) for (const r of index.byKind(kind, 'cilium.io')) this.readCilium(r)
    for (const kind of ['NetworkPolicy', 'GlobalNetworkPolicy']) for (const r of index.byKind(kind)) if (CALICO_GROUPS.has(r.group)) this.cni.push(r)
    for (const ns of index.table('Namespace', ['']).all) this.namespaceLabels.set(ns.name, {...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name})
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
    const afterNp = (): Verdict => this.tierOf(baseline, 'baseline', peer, target, port, () => OPEN)
    const np = (): Verdict => this.calicoStep(target, this.withCilium(peer, target, port, this.networkPolicyTier(peer, target, port), afterNp))

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
    if (!hasNs) return this.selectorsMatch(peer, {requirements: [{key: NAMESPACE_NAME_LABEL, operator: 'In', values: [policy.namespace]}]}, pods.selector)
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

  // ---- Cilium --------------------------------------------------------------

  private readCilium(policy: Resource): void {
    const {object} = policy
    const entries: Array<[unknown, ObjectPath]> = [[object.spec, ['spec']]]
    if (Array.isArray(object.specs)) for (const [i, spec] of object.specs.entries()) entries.push([spec, ['specs', i]])
    for (const [spec, base] of entries) {
      // A host policy (nodeSelector) selects nodes, not pods.
      if (!isRecord(spec) || (spec.endpointSelector === undefined && isRecord(spec.nodeSelector))) continue
      const ingress = Array.isArray(spec.ingress) ? spec.ingress : []
      const deny = Array.isArray(spec.ingressDeny) ? spec.ingressDeny : []
      const enable = isRecord(spec.enableDefaultDeny) ? spec.enableDefaultDeny.ingress : undefined
      // No ingress rules but a default deny asked for: whether Cilium isolates the pods then is not known.
      if (ingress.length === 0 && deny.length === 0 && enable !== true) continue
      const hasRequires = (r: unknown): boolean => isRecord(r) && r.fromRequires !== undefined && r.fromRequires !== null
      const i = ingress.findIndex(hasRequires)
      const j = deny.findIndex(hasRequires)
      const requires: ObjectPath | undefined = i >= 0 ? [...base, 'ingress', i] : j >= 0 ? [...base, 'ingressDeny', j] : undefined
      const defaultDeny = ingress.length === 0 && deny.length === 0 ? undefined : enable !== false
      this.cilium.push({policy, base, selector: ciliumSelector(spec.endpointSelector), ingress, deny, defaultDeny, requires})
    }
  }

  /**
   * The NetworkPolicy tier's verdict with the Cilium policies that select the
   * pods: isolated when either isolates them, the union of their allows, less
   * what an ingressDeny rule takes. `np` is undefined when no NetworkPolicy
   * isolates the pods; `next` is the Baseline tier.
   */
  private withCilium(peer: Peer, target: Target, port: TargetPort, np: Verdict | undefined, next: () => Verdict): Verdict {
    const c = this.ciliumTier(peer, target, port)
    if (!c) return np ?? next()
    const npIsolates = np === undefined ? false : np.status === 'unknown' ? undefined : true
    const isolates = npIsolates === true || c.isolates === true ? true : npIsolates === undefined || c.isolates === undefined ? undefined : false
    const npAllow: Amount = np ? amountOf(np.status) : 'none'
    let allow = union(npAllow, c.allow)
    // fromRequires narrows every allow for the pods it selects: what is left is not known.
    if (c.requires && allow !== 'none') {
      allow = 'unknown'
      if (c.allowBy?.policy !== c.requires.policy || c.allowBy?.path?.join('.') !== c.requires.path?.join('.')) c.unsure ??= c.requires
    }

    // The rule that decides: Cilium's when it admits more than the NetworkPolicies, else theirs.
    const npDecides = np !== undefined && npAllow !== 'none' && npAllow === allow
    const allowBy = npDecides || !c.allowBy ? (np?.decisions ?? []) : [c.allowBy]
    let base: Verdict
    if (allow === 'all') base = {status: 'admitted', decisions: allowBy}
    else if (isolates === false) base = next()
    else if (isolates === true && allow === 'none') base = {status: 'blocked', decisions: [...(np?.decisions ?? []), ...(c.isolatedBy ? [c.isolatedBy] : [])]}
    else if (isolates === true) base = {status: statusOf(allow), decisions: [...allowBy, ...(c.unsure ? [c.unsure] : [])]}
    else {
      // It may be isolated: the answer holds only when isolated and not isolated agree.
      const open = next()
      const shut = statusOf(allow)
      const decisions = [...(np?.decisions ?? []), ...(c.unsure ? [c.unsure] : [])]
      base = open.status === shut ? open : {status: 'unknown', decisions: decisions.length > 0 ? decisions : open.decisions}
    }

    if (c.deny === 'none' || !c.denyBy) return base
    if (c.deny === 'all') return {status: 'blocked', decisions: [c.denyBy]}
    if (base.status === 'blocked') return base
    const some = c.deny === 'some' && (base.status === 'open' || base.status === 'admitted')
    return {status: some ? 'partial' : 'unknown', decisions: [...base.decisions, c.denyBy]}
  }

  /** What the Cilium policies that select (or may select) the target do with the sender; undefined when none does. */
  private ciliumTier(peer: Peer, target: Target, port: TargetPort): CiliumResult | undefined {
    if (this.cilium.length === 0) return undefined
    const nsLabels = this.namespaceLabels.get(target.namespace)
    let any = false
    const out: CiliumResult = {isolates: false, allow: 'none', deny: 'none'}
    for (const read of this.cilium) {
      const {policy, base} = read
      if (policy.kind === 'CiliumNetworkPolicy' && policy.namespace !== target.namespace) continue
      const selects = ciliumSelects(read.selector, target, nsLabels)
      if (selects === false) continue
      any = true
      if (read.requires) {
        out.requires ??= {tier: 'cni', policy, path: read.requires, text: `unknown: ${REQUIRES}`}
      }

      const selectorPath = [...base, 'endpointSelector']
      if (selects === undefined || read.defaultDeny === undefined) {
        out.unsure ??=
          selects === undefined
            ? {tier: 'cni', policy, path: selectorPath, text: 'unknown: whether its endpointSelector selects the pods cannot be told'}
            : {tier: 'cni', policy, path: [...base, 'enableDefaultDeny'], text: 'unknown: it asks for a default deny for ingress without ingress rules'}
        if (read.defaultDeny !== false && out.isolates === false) out.isolates = undefined
      } else if (read.defaultDeny && out.isolates !== true) {
        out.isolates = true
        out.isolatedBy = {tier: 'cni', policy, path: selectorPath, text: 'isolates the pods (Cilium default deny for ingress); no rule admits the sender'}
      }

      for (const [kind, rules] of [['ingress', read.ingress], ['ingressDeny', read.deny]] as const) {
        const isDeny = kind === 'ingressDeny'
        for (const [i, rule] of rules.entries()) {
          const r = this.ciliumRule(rule, policy, peer, port, isDeny)
          let m = r.amount
          if (m === 'none') continue
          if (selects === undefined) m = 'unknown'
          const path = [...base, kind, i]
          const text =
            m === 'unknown'
              ? `unknown: ${selects === undefined ? 'it may select the pods' : (r.why ?? 'cannot tell')}`
              : `${isDeny ? 'denies' : 'admits'}${m === 'some' ? ' part of the sender' : ''}${r.why ? ` ${r.why}` : ''}`
          const decision: Decision = {tier: 'cni', policy, path, text}
          if (isDeny) {
            const next = union(out.deny, m)
            if (next !== out.deny || !out.denyBy) out.denyBy = decision
            out.deny = next
          } else {
            const next = union(out.allow, m)
            if (next !== out.allow || !out.allowBy) out.allowBy = decision
            out.allow = next
          }
        }
      }
    }

    return any ? out : undefined
  }

  /** How much of the sender one Cilium ingress (or ingressDeny) rule takes on the port, and why when it cannot tell or what follows. */
  private ciliumRule(rule: unknown, policy: Resource, peer: Peer, port: TargetPort, deny: boolean): {amount: Amount; why?: string} {
    if (!isRecord(rule)) return {amount: 'unknown', why: 'the rule is not an object'}
    if (rule.fromRequires !== undefined && rule.fromRequires !== null) return {amount: 'unknown', why: REQUIRES}
    const other = Object.keys(rule).filter((k) => !CILIUM_RULE_KEYS.has(k) && rule[k] !== undefined && rule[k] !== null)
    if (other.length > 0) return {amount: 'unknown', why: `k8s-net does not read ${other.join(', ')}`}
    // A key written without a value (`fromEndpoints:`): what its author meant is not known.
    const empty = Object.keys(rule).find((k) => rule[k] === null)
    if (empty) return {amount: 'unknown', why: `its ${empty} has no value`}
    const sources = CILIUM_SOURCES.filter((k) => rule[k] !== undefined)
    const hasPorts = rule.toPorts !== undefined
    // A rule with neither sources nor ports (`{}`) selects no traffic.
    if (sources.length === 0 && !hasPorts) return {amount: 'none'}
    let peers: Amount = sources.length === 0 ? 'all' : 'none'
    for (const key of sources) {
      const list = rule[key]
      if (!Array.isArray(list) || list.length === 0) return {amount: 'unknown', why: `its ${key} is not a list k8s-net reads`}
      for (const entry of list) {
        const m = key === 'fromEndpoints' ? this.endpointsMatch(entry, policy, peer) : key === 'fromEntities' ? entitiesMatch(entry, peer) : cidrMatch(key === 'fromCIDR' ? {cidr: entry} : entry, peer)
        peers = union(peers, m)
      }
    }

    const unsure = 'k8s-net cannot tell whether its sources take the sender'
    if (peers === 'none') return {amount: 'none'}
    if (!hasPorts) return peers === 'unknown' ? {amount: peers, why: unsure} : {amount: peers}
    const ports = ciliumPortMatch(rule.toPorts, port, deny)
    const amount = both(peers, ports.amount)
    if (amount === 'none') return {amount}
    return {amount, why: amount === 'unknown' && ports.amount !== 'unknown' ? unsure : ports.why}
  }

  /** How much of the sender one fromEndpoints selector takes in. */
  private endpointsMatch(entry: unknown, policy: Resource, peer: Peer): Amount {
    const parsed = isRecord(entry) ? parseLabelSelector(entry) : undefined
    if (!parsed?.ok) return 'unknown'
    const ns: Selector['requirements'][number][] = []
    const pods: Selector['requirements'][number][] = []
    let namesNamespace = false
    for (const r of parsed.selector.requirements) {
      const key = ciliumKey(r.key)
      // Other sources (reserved:, cidr:...), service accounts and clusters are not read.
      if (key.includes(':') || key.startsWith('io.cilium.k8s.policy.')) return 'unknown'
      if (key === CILIUM_NAMESPACE) {
        namesNamespace = true
        ns.push({...r, key: NAMESPACE_NAME_LABEL})
      } else if (key.startsWith(CILIUM_NAMESPACE_LABEL)) ns.push({...r, key: key.slice(CILIUM_NAMESPACE_LABEL.length)})
      else pods.push({...r, key})
    }

    // A namespaced policy's selector without io.kubernetes.pod.namespace takes its own namespace only (namespace labels or not).
    const own = !namesNamespace && policy.kind === 'CiliumNetworkPolicy'
    if (own) ns.push({key: NAMESPACE_NAME_LABEL, operator: 'In', values: [policy.namespace]})
    if (peer.type === 'addresses') {
      // Identities outside the pods (world, host) carry no Kubernetes labels: a selector that needs none may take them.
      const needsNone = !own && ns.every((r) => r.operator === 'NotIn' || r.operator === 'DoesNotExist') && matches({requirements: pods}, {})
      return needsNone ? 'unknown' : 'none'
    }

    if (peer.type === 'unknown-pods') {
      const inNs = peer.namespace === undefined ? undefined : this.namespaceMatches({requirements: ns}, peer.namespace)
      return inNs === false ? 'none' : 'unknown'
    }

    return this.selectorsMatch(peer, {requirements: ns}, {requirements: pods})
  }

  // ---- Calico --------------------------------------------------------------

  private calicoStep(target: Target, verdict: Verdict): Verdict {
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
  return r && !more && r.key === NAMESPACE_NAME_LABEL && r.operator === 'In' && r.values.length === 1 ? r.values[0] : undefined
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
 * What a Calico policy does to ingress of the target's pods, as far
 * as k8s-net reads it: `none` (it does not select them, or has no ingress
 * part), `isolate` (selects them, admits nothing), `deny` (denies all ingress
 * before anything else), `unread` (may select them; rules not evaluated).
 */
function readCni(policy: Resource, target: Target, nsLabels: Readonly<Record<string, string>> | undefined): 'none' | 'isolate' | 'deny' | 'unread' {
  if (policy.kind === 'NetworkPolicy' && policy.namespace !== target.namespace) return 'none'
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

/**
 * A Cilium endpointSelector as k8s-net matches it: its label sources
 * (`k8s:`, `any:`) dropped; undefined when it cannot be read, or names
 * service accounts, clusters or reserved identities, which k8s-net does not.
 */
function ciliumSelector(written: unknown): Selector | undefined {
  if (!isRecord(written)) return undefined
  const parsed = parseLabelSelector(written)
  if (!parsed.ok) return undefined
  const requirements = parsed.selector.requirements.map((r) => ({...r, key: ciliumKey(r.key)}))
  if (requirements.some((r) => r.key.startsWith('io.cilium.k8s.policy.') || r.key.startsWith('reserved:'))) return undefined
  return {requirements}
}

/** A Cilium endpointSelector (read by `ciliumSelector`) against the target's labels and its namespace's; undefined when that cannot be told. */
function ciliumSelects(selector: Selector | undefined, target: Target, nsLabels: Readonly<Record<string, string>> | undefined): boolean | undefined {
  if (!selector) return undefined
  if (!nsLabels && selector.requirements.some((r) => r.key.startsWith(CILIUM_NAMESPACE_LABEL))) return undefined
  const labels: Record<string, string> = {...target.labels, [CILIUM_NAMESPACE]: target.namespace}
  for (const [k, v] of Object.entries(nsLabels ?? {})) labels[CILIUM_NAMESPACE_LABEL + k] = v
  return matches(selector, labels)
}

/** One spec of a Cilium policy that has an ingress part. */
interface CiliumSpec {
  policy: Resource
  /** `['spec']` or `['specs', i]`. */
  base: ObjectPath
  /** Its endpointSelector, read once (see `ciliumSelector`); undefined when it cannot be. */
  selector?: Selector
  ingress: unknown[]
  deny: unknown[]
  /** `enableDefaultDeny.ingress` is not false: selecting the pods isolates them; undefined when asked for without ingress rules. */
  defaultDeny: boolean | undefined
  /** The first rule with fromRequires, which narrows every allow for the pods it selects and k8s-net does not read. */
  requires?: ObjectPath
}

/** What the Cilium policies that select a target do with one sender on one port. */
interface CiliumResult {
  /** Undefined when only a policy whose endpointSelector cannot be decided may isolate the pods. */
  isolates: boolean | undefined
  isolatedBy?: Decision
  allow: Amount
  allowBy?: Decision
  deny: Amount
  denyBy?: Decision
  /** The first policy that may select the pods: its selector cannot be decided. */
  unsure?: Decision
  /** The first rule with fromRequires of a policy that selects (or may select) the pods. */
  requires?: Decision
}

const REQUIRES = 'its fromRequires narrows every allow rule for the pods it selects; k8s-net does not read fromRequires'
const CILIUM_SOURCES = ['fromEndpoints', 'fromEntities', 'fromCIDR', 'fromCIDRSet'] as const
const CILIUM_RULE_KEYS: ReadonlySet<string> = new Set([...CILIUM_SOURCES, 'toPorts'])

/**
 * How much of the sender one fromEntities entry takes in. Traffic through
 * the nodes (addresses not known) may keep the client's address (world) or
 * carry a node's (host, remote-node); a private network may hold nodes.
 */
function entitiesMatch(entity: unknown, peer: Peer): Amount {
  if (entity === 'all') return 'all'
  if (entity !== 'world' && entity !== 'cluster' && entity !== 'host' && entity !== 'remote-node') return 'unknown'
  switch (peer.type) {
    case 'pods':
    case 'namespace':
    case 'cluster': {
      return entity === 'cluster' ? 'all' : 'none'
    }

    case 'unknown-pods': {
      return 'unknown'
    }

    case 'addresses': {
      if (!peer.addresses) return 'unknown'
      if (intersects(normalize(peer.addresses), PRIVATE)) return 'unknown'
      return entity === 'world' ? 'all' : 'none'
    }
  }
}

/**
 * How much of the sender a fromCIDR or fromCIDRSet entry takes in: CIDR
 * rules do not match pods, nor (by default) nodes; addresses as an ipBlock,
 * unknown where they may be nodes'.
 */
function cidrMatch(entry: unknown, peer: Peer): Amount {
  if (!isRecord(entry) || typeof entry.cidr !== 'string') return 'unknown'
  if (peer.type === 'pods' || peer.type === 'namespace' || peer.type === 'cluster') return 'none'
  const m = ipBlockMatch({cidr: entry.cidr, except: entry.except}, peer)
  if (m === 'none') return 'none'
  if (peer.type === 'addresses' && peer.addresses && !intersects(normalize(peer.addresses), PRIVATE)) return m
  return 'unknown'
}

/** How much of the traffic on the port a Cilium rule's toPorts take, and what follows at L7. */
function ciliumPortMatch(toPorts: unknown, port: TargetPort, deny: boolean): {amount: Amount; why?: string} {
  if (!Array.isArray(toPorts) || toPorts.length === 0) return {amount: 'unknown', why: 'its toPorts is not a list k8s-net reads'}
  let out: Amount = 'none'
  let unsure: string | undefined
  let l7: string | undefined
  for (const [i, entry] of toPorts.entries()) {
    if (!isRecord(entry) || !Array.isArray(entry.ports) || entry.ports.length === 0) return {amount: 'unknown', why: `k8s-net does not read toPorts[${i}]`}
    const other = Object.keys(entry).filter((k) => k !== 'ports' && k !== 'rules' && entry[k] !== undefined && entry[k] !== null)
    if (other.length > 0) return {amount: 'unknown', why: `k8s-net does not read toPorts[${i}].${other[0]}`}
    const rules = entry.rules !== undefined && entry.rules !== null
    if (rules && deny) return {amount: 'unknown', why: `k8s-net does not read toPorts[${i}].rules in a deny rule`}
    for (const p of entry.ports) {
      const m = ciliumPort(p, port)
      if (m === 'none') continue
      if (m === 'unknown') unsure ??= `k8s-net cannot tell whether toPorts[${i}] takes the port`
      else if (rules) l7 ??= `at L3/L4; the L7 rules of toPorts[${i}].rules then filter requests`
      out = union(out, m)
    }
  }

  return {amount: out, why: out === 'unknown' ? unsure : l7}
}

/** One Cilium port entry against the target port: numbers (with endPort), names (container port names) and protocols (ANY when empty). */
function ciliumPort(entry: unknown, port: TargetPort): Amount {
  if (!isRecord(entry)) return 'unknown'
  const protocol = entry.protocol === undefined || entry.protocol === null || entry.protocol === '' ? 'ANY' : entry.protocol
  if (protocol !== 'ANY' && protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') return 'unknown'
  if (protocol !== 'ANY' && protocol !== port.protocol) return 'none'
  const text = typeof entry.port === 'number' ? String(entry.port) : entry.port
  if (typeof text !== 'string' || text === '' || text === '0') return 'unknown'
  if (!/^\d+$/.test(text)) {
    if (port.name === undefined) return 'unknown'
    return port.name === text ? 'all' : 'none'
  }

  if (port.number === undefined) return 'unknown'
  const start = Number(text)
  const end = typeof entry.endPort === 'number' && entry.endPort > start ? entry.endPort : start
  return port.number >= start && port.number <= end ? 'all' : 'none'
}
