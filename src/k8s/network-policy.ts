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
import type {ResourceIndex} from '../engine/resource-index.js'
import {matches, parseLabelSelector, type Selector, type SelectorParse} from '../engine/selectors.js'
import type {Resource} from '../engine/types.js'
import {emptyRecord, isRecord, specOf} from '../util/records.js'
import {
  type CnpPods,
  type CnpRule,
  isClusterNetworkPolicy,
  NETWORK_POLICY_API_GROUP,
  readClusterNetworkPolicy,
  type ReadClusterNetworkPolicy,
  selectsAll,
} from './cluster-network-policy.js'
import {NAMESPACE_NAME_LABEL, namespaceSelects} from './namespaces.js'

export type Direction = 'Ingress' | 'Egress'
export const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress']

/** What is known of a namespace: its name, and its labels when its Namespace object is in the input. */
export interface NamespaceFacts {
  name: string
  /** Labels of the Namespace object; undefined when the input does not hold it (labels unknown). */
  labels?: Readonly<Record<string, string>>
}

const CALICO_GROUPS = new Set(['crd.projectcalico.org', 'projectcalico.org'])

/** A Kubernetes NetworkPolicy (networking.k8s.io, or the long-gone extensions group). */
export function isNetworkPolicy(resource: Resource): boolean {
  return resource.kind === 'NetworkPolicy' && (resource.group === 'networking.k8s.io' || resource.group === 'extensions')
}

/** The Kubernetes NetworkPolicies of the input (reference ones included), in load order. */
export function networkPolicies(index: ResourceIndex): Resource[] {
  return index.byKind('NetworkPolicy').filter(isNetworkPolicy)
}

/** A NetworkPolicy's podSelector; absent or null reads as empty, which selects every pod of the namespace. */
export function podSelectorOf(policy: Resource): SelectorParse {
  return parseLabelSelector(specOf(policy).podSelector)
}

const ruleField = (direction: Direction): 'ingress' | 'egress' => (direction === 'Ingress' ? 'ingress' : 'egress')

/**
 * The rules of a direction: `[]` when absent, null or empty; undefined when
 * the field is not a list (the API server would refuse the policy).
 */
export function rulesOf(policy: Resource, direction: Direction): unknown[] | undefined {
  const rules = specOf(policy)[ruleField(direction)]
  if (rules === undefined || rules === null) return []
  return Array.isArray(rules) ? rules : undefined
}

/**
 * The directions a NetworkPolicy isolates: policyTypes as written when it is a
 * non-empty list; otherwise Ingress, plus Egress when the policy has egress
 * rules (as the API server defaults it).
 */
export function policyTypes(policy: Resource): Set<Direction> {
  const written = specOf(policy).policyTypes
  if (Array.isArray(written) && written.length > 0) {
    return new Set(written.filter((t): t is Direction => t === 'Ingress' || t === 'Egress'))
  }

  const egress = rulesOf(policy, 'Egress')
  return new Set<Direction>(egress === undefined || egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'])
}

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
export function defaultDenyDirections(policy: Resource, ns: NamespaceFacts, index: ResourceIndex): Direction[] {
  if (isNetworkPolicy(policy)) return policy.namespace === ns.name ? kubeDefaultDeny(policy) : []
  if (policy.group === 'cilium.io') {
    if (policy.kind === 'CiliumNetworkPolicy' && policy.namespace === ns.name) return ciliumDefaultDeny(policy, ns)
    if (policy.kind === 'CiliumClusterwideNetworkPolicy') return ciliumDefaultDeny(policy, ns)
    return []
  }

  if (CALICO_GROUPS.has(policy.group)) {
    if (policy.kind === 'NetworkPolicy' && policy.namespace === ns.name) return calicoDefaultDeny(policy, ns, index, false)
    if (policy.kind === 'GlobalNetworkPolicy') return calicoDefaultDeny(policy, ns, index, true)
  }

  if (isClusterNetworkPolicy(policy)) return clusterNetworkPolicyDefaultDeny(policy, ns, index)
  return []
}

/** Every object of the input (reference ones included) that `defaultDenyDirections` can read, in load order. */
export function policyObjects(index: ResourceIndex): Resource[] {
  return ['NetworkPolicy', 'GlobalNetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'ClusterNetworkPolicy']
    .flatMap((kind) => index.byKind(kind))
    .sort((a, b) => a.uid - b.uid)
}

function kubeDefaultDeny(policy: Resource): Direction[] {
  // A spec that is not a mapping is refused by the API server; an absent one reads as empty, as there.
  const spec = policy.object.spec
  if (spec !== undefined && spec !== null && !isRecord(spec)) return []
  const selector = podSelectorOf(policy)
  if (!selector.ok || selector.selector.requirements.length > 0) return []
  const types = policyTypes(policy)
  return DIRECTIONS.filter((d) => {
    if (!types.has(d)) return false
    const rules = rulesOf(policy, d)
    return rules !== undefined && rules.every((rule) => d === 'Egress' && isKubeDnsRule(rule))
  })
}

/** An egress rule that opens only port 53 (UDP or TCP), to whatever peers. */
function isKubeDnsRule(rule: unknown): boolean {
  if (!isRecord(rule) || !Array.isArray(rule.ports) || rule.ports.length === 0) return false
  return rule.ports.every(
    (p) =>
      isRecord(p) &&
      p.port === 53 &&
      (p.endPort === undefined || p.endPort === null || p.endPort === 53) &&
      (p.protocol === undefined || p.protocol === 'UDP' || p.protocol === 'TCP'),
  )
}

// ---- Cilium ----------------------------------------------------------------

/** The label by which a Cilium selector names a pod's namespace. */
export const CILIUM_NAMESPACE = 'io.kubernetes.pod.namespace'
/** The prefix by which a Cilium selector names a label of a pod's namespace. */
export const CILIUM_NAMESPACE_LABEL = 'io.cilium.k8s.namespace.labels.'

/** A Cilium label key without its source prefix (`k8s:`, `any:`). */
export const ciliumKey = (key: string): string => key.replace(/^(?:k8s|any):/, '')

function ciliumDefaultDeny(policy: Resource, ns: NamespaceFacts): Direction[] {
  const spec = policy.object.spec
  const specs = policy.object.specs
  const rules = [...(isRecord(spec) ? [spec] : []), ...(Array.isArray(specs) ? specs.filter(isRecord) : [])]
  const out = new Set<Direction>()
  for (const rule of rules) {
    if (rule.nodeSelector !== undefined || !isRecord(rule.endpointSelector)) continue
    const parsed = parseLabelSelector(rule.endpointSelector)
    if (!parsed.ok) continue
    const selectsAll = selectsEveryone(parsed.selector, (key) => {
      const k = ciliumKey(key)
      if (k === CILIUM_NAMESPACE) return {known: true, value: ns.name}
      if (k.startsWith(CILIUM_NAMESPACE_LABEL) && ns.labels) return {known: true, value: ns.labels[k.slice(CILIUM_NAMESPACE_LABEL.length)]}
      return {known: false}
    })
    if (!selectsAll) continue
    for (const d of DIRECTIONS) if (ciliumDenies(rule, d)) out.add(d)
  }

  return DIRECTIONS.filter((d) => out.has(d))
}

function ciliumDenies(rule: Record<string, unknown>, direction: Direction): boolean {
  const field = ruleField(direction)
  const deny = rule[`${field}Deny`]
  const entities = direction === 'Ingress' ? 'fromEntities' : 'toEntities'
  const denyAll = (r: unknown): boolean =>
    isRecord(r) && Object.keys(r).length === 1 && Array.isArray(r[entities]) && r[entities].includes('all')
  if (Array.isArray(deny) && deny.some(denyAll)) return true

  const enable = rule.enableDefaultDeny
  if (isRecord(enable) && enable[field] === false) return false
  const allows = rule[field]
  if (!Array.isArray(allows) || allows.length === 0) return false // "if omitted or empty, this rule does not apply"
  return allows.every((r) => isRecord(r) && (Object.keys(r).length === 0 || (direction === 'Egress' && isCiliumDnsRule(r))))
}

/** A Cilium egress rule whose toPorts open only port 53 (UDP, TCP or ANY), DNS rules allowed. */
function isCiliumDnsRule(rule: Record<string, unknown>): boolean {
  const toPorts = rule.toPorts
  if (!Array.isArray(toPorts) || toPorts.length === 0) return false
  return toPorts.every(
    (tp) =>
      isRecord(tp) &&
      Array.isArray(tp.ports) &&
      tp.ports.length > 0 &&
      tp.ports.every(
        (p) =>
          isRecord(p) &&
          (p.port === 53 || p.port === '53') &&
          (p.endPort === undefined || p.endPort === null || p.endPort === 53) &&
          (p.protocol === undefined || ['UDP', 'TCP', 'ANY'].includes(String(p.protocol))),
      ),
  )
}

type LabelLookup = (key: string) => {known: boolean; value?: string}

/**
 * Whether a selector holds for every pod of the namespace: each requirement
 * is on a key whose value is known for all of them (the namespace's name or
 * its labels), and the requirements hold.
 */
function selectsEveryone(selector: Selector, lookup: LabelLookup): boolean {
  const labels = emptyRecord<string>()
  for (const r of selector.requirements) {
    const found = lookup(r.key)
    if (!found.known) return false
    if (found.value !== undefined) labels[r.key] = found.value
  }

  return matches(selector, labels)
}

// ---- Calico ----------------------------------------------------------------

function calicoDefaultDeny(policy: Resource, ns: NamespaceFacts, index: ResourceIndex, global: boolean): Direction[] {
  const spec = specOf(policy)
  if (spec.doNotTrack === true || spec.preDNAT === true) return []
  if (spec.serviceAccountSelector !== undefined && !isCalicoAll(spec.serviceAccountSelector)) return []
  if (typeof spec.tier === 'string' && spec.tier !== 'default') {
    const tier = index.byKind('Tier').find((t) => CALICO_GROUPS.has(t.group) && t.name === spec.tier)
    const tierSpec = tier?.object.spec
    if (isRecord(tierSpec) && tierSpec.defaultAction === 'Pass') return []
  }

  const endpoint = calicoSelects(spec.selector, (key) => {
    // Workload endpoints carry their namespace, and its labels with the pcns. prefix.
    if (key === 'projectcalico.org/namespace' || key === 'pcns.projectcalico.org/name') return {known: true, value: ns.name}
    if (key.startsWith('pcns.') && ns.labels) return {known: true, value: ns.labels[key.slice('pcns.'.length)]}
    return {known: false}
  })
  if (endpoint !== true) return []
  if (global) {
    const namespaces = calicoSelects(spec.namespaceSelector, (key) => {
      if (key === 'projectcalico.org/name' || key === NAMESPACE_NAME_LABEL) return {known: true, value: ns.name}
      return ns.labels ? {known: true, value: ns.labels[key]} : {known: false}
    })
    if (namespaces !== true) return []
  }

  const ingress = spec.ingress
  const egress = spec.egress
  const has = (rules: unknown): boolean => Array.isArray(rules) && rules.length > 0
  let types: Direction[]
  if (Array.isArray(spec.types) && spec.types.length > 0) {
    types = DIRECTIONS.filter((d) => (spec.types as unknown[]).includes(d))
  } else {
    // Calico's default: Egress alone when only egress rules exist, both when both do, else Ingress.
    types = has(egress) ? (has(ingress) ? ['Ingress', 'Egress'] : ['Egress']) : ['Ingress']
  }

  return types.filter((d) => {
    const rules = d === 'Ingress' ? ingress : egress
    if (rules === undefined || rules === null) return true
    if (!Array.isArray(rules)) return false
    return rules.every((r) => isRecord(r) && (r.action === 'Deny' || r.action === 'Log' || (d === 'Egress' && isCalicoDnsRule(r))))
  })
}

function isCalicoAll(selector: unknown): boolean {
  return calicoSelects(selector, () => ({known: false})) === true
}

/** An Allow rule for UDP or TCP to destination port 53 only. */
function isCalicoDnsRule(rule: Record<string, unknown>): boolean {
  if (rule.action !== 'Allow' || (rule.protocol !== 'UDP' && rule.protocol !== 'TCP')) return false
  const destination = rule.destination
  if (!isRecord(destination) || !Array.isArray(destination.ports) || destination.ports.length === 0) return false
  return destination.ports.every((p) => p === 53 || p === '53')
}

const QUOTED = String.raw`(?:'([^']*)'|"([^"]*)")`
const KEY = String.raw`([A-Za-z0-9_.\/-]+)`
const TERMS: ReadonlyArray<[RegExp, (m: RegExpExecArray, lookup: LabelLookup) => boolean | undefined]> = [
  [/^all\(\)$/, () => true],
  [new RegExp(String.raw`^(!?)\s*has\(\s*${KEY}\s*\)$`), (m, lookup) => known(lookup(m[2]!), (v) => (v !== undefined) !== (m[1] === '!'))],
  [new RegExp(String.raw`^${KEY}\s*(==|!=)\s*${QUOTED}$`), (m, lookup) => known(lookup(m[1]!), (v) => (v === (m[3] ?? m[4])) === (m[2] === '=='))],
  [
    new RegExp(String.raw`^${KEY}\s+(in|not\s+in)\s*\{([^}]*)\}$`),
    (m, lookup) => {
      const values = [...m[3]!.matchAll(new RegExp(QUOTED, 'g'))].map((v) => v[1] ?? v[2]!)
      return known(lookup(m[1]!), (v) => (v !== undefined && values.includes(v)) === (m[2] === 'in'))
    },
  ],
]

function known(found: {known: boolean; value?: string}, test: (value: string | undefined) => boolean): boolean | undefined {
  return found.known ? test(found.value) : undefined
}

/**
 * Evaluates a Calico selector expression for every endpoint that shares the
 * looked-up labels: true or false, or undefined when the expression uses a
 * form or a label this reading does not know (`||`, parentheses, other labels).
 * Absent, empty and `all()` select everything.
 */
export function calicoSelects(selector: unknown, lookup: LabelLookup): boolean | undefined {
  if (selector === undefined || selector === null) return true
  if (typeof selector !== 'string') return undefined
  const text = selector.trim()
  if (text === '') return true
  if (text.includes('||') || /[()]/.test(text.replaceAll(/\b(?:all|has)\([^()]*\)/g, ''))) return undefined
  let result: boolean | undefined = true
  for (const term of text.split('&&').map((t) => t.trim())) {
    const rule = TERMS.map(([pattern, evaluate]) => ({m: pattern.exec(term), evaluate})).find((t) => t.m)
    const value = rule ? rule.evaluate(rule.m!, lookup) : undefined
    if (value === undefined) return undefined
    result = result && value
  }

  return result
}

// ---- Writing policies ------------------------------------------------------

/**
 * A NetworkPolicy that denies the given directions by default for every pod
 * of the namespace. An egress default deny keeps DNS (port 53, UDP and TCP)
 * open, or nothing in the namespace could resolve a name.
 */
export function defaultDenyPolicy(namespace: string, name: string, directions: readonly Direction[]): Record<string, unknown> {
  const spec: Record<string, unknown> = {podSelector: {}, policyTypes: [...directions]}
  if (directions.includes('Egress')) {
    spec.egress = [
      {
        ports: [
          {protocol: 'UDP', port: 53},
          {protocol: 'TCP', port: 53},
        ],
      },
    ]
  }

  return {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name, namespace}, spec}
}

/** Whether a Kubernetes NetworkPolicy selects every pod of its namespace (`podSelector: {}`). */
export function selectsEveryPod(policy: Resource): boolean {
  if (!isNetworkPolicy(policy)) return false
  const selector = podSelectorOf(policy)
  return selector.ok && selector.selector.requirements.length === 0
}

/**
 * Whether a rule of the policy lets any peer through in this direction: a rule
 * without peers (`- {}`, or ports only), a peer of every namespace
 * (`namespaceSelector: {}` with no podSelector or an empty one), or an ipBlock
 * of the whole address space.
 */
export function allowsEveryone(policy: Resource, direction: Direction): boolean {
  const peersKey = direction === 'Ingress' ? 'from' : 'to'
  return (rulesOf(policy, direction) ?? []).some((rule) => {
    const peers = isRecord(rule) ? rule[peersKey] : undefined
    if (!Array.isArray(peers) || peers.length === 0) return true
    return peers.some((peer) => {
      if (!isRecord(peer)) return false
      const everyNamespace = isRecord(peer.namespaceSelector) && Object.keys(peer.namespaceSelector).length === 0
      const everyPod = peer.podSelector === undefined || (isRecord(peer.podSelector) && Object.keys(peer.podSelector).length === 0)
      const cidr = isRecord(peer.ipBlock) ? peer.ipBlock.cidr : undefined
      return (everyNamespace && everyPod) || cidr === '0.0.0.0/0' || cidr === '::/0'
    })
  })
}

/**
 * A NetworkPolicy among these that selects every pod and isolates them in
 * this direction without letting everyone through: its rules, not "anyone",
 * decide what the pods accept (or reach).
 */
export function isolatingPolicy(policies: readonly Resource[], direction: Direction): Resource | undefined {
  return policies.find((p) => selectsEveryPod(p) && policyTypes(p).has(direction) && !allowsEveryone(p, direction))
}

/**
 * A NetworkPolicy among these that selects every pod but is no default deny
 * for one of the directions: its rules allow traffic in that direction, or its
 * policyTypes leave the direction out.
 */
export function nearDefaultDeny(
  policies: readonly Resource[],
  directions: readonly Direction[],
): {problem: 'rules-allow'; policy: Resource; direction: Direction} | {problem: 'direction-left-out'; policy: Resource; direction: Direction} | undefined {
  const selectAll = policies.filter((p) => selectsEveryPod(p))
  for (const direction of directions) {
    const policy = selectAll.find((p) => policyTypes(p).has(direction) && (rulesOf(p, direction)?.length ?? 1) > 0)
    if (policy) return {problem: 'rules-allow', policy, direction}
  }

  for (const direction of directions) {
    const policy = selectAll.find((p) => !policyTypes(p).has(direction))
    if (policy) return {problem: 'direction-left-out', policy, direction}
  }

  return undefined
}

// ---- ClusterNetworkPolicy (network-policy-api) -------------------------------

/** Whether pods a subject or peer takes are every pod of the namespace: true only when that is known. */
function takesNamespace(pods: CnpPods | undefined, ns: NamespaceFacts): boolean {
  return pods !== undefined && (pods.pods === undefined || selectsAll(pods.pods)) && namespaceSelects(pods.namespaces, ns.name, ns.labels) === true
}

function clusterNetworkPolicyDefaultDeny(policy: Resource, ns: NamespaceFacts, index: ResourceIndex): Direction[] {
  const reading = readClusterNetworkPolicy(policy)
  if (!('read' in reading)) return []
  const cnp = reading.read
  if (!takesNamespace(cnp.subject, ns)) return []
  return DIRECTIONS.filter((d) => {
    const rules = d === 'Ingress' ? cnp.ingress : cnp.egress
    if (rules.length === 0) return false
    const allDeny = rules.every((r) => r.action === 'Deny' || (d === 'Egress' && r.action === 'Accept' && isCnpDnsRule(r)))
    if (!allDeny) return false
    return rules.some((r) => r.action === 'Deny' && everyone(r, d)) && !openedBefore(cnp, d, ns, index)
  })
}

/** A rule whose peers take everyone, on every port. */
const everyone = (rule: CnpRule, direction: Direction): boolean => rule.ports === undefined && !rule.portsUnknown && takesEveryone(rule, direction)

/**
 * Whether a ClusterNetworkPolicy that may go before this one, and may take
 * every pod of the namespace, lets everyone through in this direction before
 * a rule of its own denies everyone: an Accept, or a Pass in the same tier.
 */
function openedBefore(cnp: ReadClusterNetworkPolicy, direction: Direction, ns: NamespaceFacts, index: ResourceIndex): boolean {
  for (const policy of index.byKind('ClusterNetworkPolicy', NETWORK_POLICY_API_GROUP)) {
    const reading = readClusterNetworkPolicy(policy)
    if (policy === cnp.policy || !('read' in reading)) continue
    const other = reading.read
    const before = other.tier === cnp.tier ? other.priority <= cnp.priority : other.tier === 'Admin'
    const subject = other.subject
    // A subject of some pods only opens those, as an allow-list entry does: the namespace keeps its default deny.
    if (!before || !subject || (subject.pods && !selectsAll(subject.pods)) || namespaceSelects(subject.namespaces, ns.name, ns.labels) === false) continue
    for (const rule of direction === 'Ingress' ? other.ingress : other.egress) {
      if (!everyone(rule, direction)) continue
      if (rule.action === 'Deny') break
      if (rule.action === 'Accept' || (rule.action === 'Pass' && other.tier === cnp.tier)) return true
    }
  }

  return false
}

function takesEveryone(rule: CnpRule, direction: Direction): boolean {
  return (rule.peers ?? []).some((peer) => {
    if (direction === 'Egress') return peer.type === 'networks' && peer.networks.includes('0.0.0.0/0')
    return peer.type === 'pods' && selectsAll(peer.namespaces) && (peer.pods === undefined || selectsAll(peer.pods))
  })
}

/** An Accept rule whose protocols open only port 53 over UDP or TCP. */
function isCnpDnsRule(rule: CnpRule): boolean {
  const ports = rule.ports
  if (ports === undefined || ports.length === 0) return false
  return ports.every((p) => 'protocol' in p && (p.protocol === 'UDP' || p.protocol === 'TCP') && p.start === 53 && p.end === 53)
}
