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
import type {ResourceIndex} from '../engine/resource-index.js'
import {parseLabelSelector, type Selector} from '../engine/selectors.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {isRecord, specOf} from '../util/records.js'
import {onceFor} from '../util/once.js'

export const NETWORK_POLICY_API_GROUP = 'policy.networking.k8s.io'

/** The apiVersions of ClusterNetworkPolicy that k8s-net reads. */
export const CNP_API_VERSIONS: readonly string[] = [`${NETWORK_POLICY_API_GROUP}/v1alpha2`]

/** The kinds of the group that k8s-net does not read (network-policy-api v0.1, superseded by ClusterNetworkPolicy). */
const UNREAD_KINDS = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']

/** A ClusterNetworkPolicy of network-policy-api, whatever its version (not Antrea's, of another group). */
export const isClusterNetworkPolicy = (resource: Resource): boolean =>
  resource.kind === 'ClusterNetworkPolicy' && resource.group === NETWORK_POLICY_API_GROUP

export type CnpTier = 'Admin' | 'Baseline'
export type CnpAction = 'Accept' | 'Deny' | 'Pass'

/** Pods a subject or a peer takes: every pod of the namespaces a selector takes, or pods by both selectors. */
export type CnpPods = {namespaces: Selector; pods?: Selector}

export type CnpPeer =
  | ({type: 'pods'} & CnpPods)
  /** Addresses (egress only), as written. */
  | {type: 'networks'; networks: readonly unknown[]}
  /** A peer k8s-net does not evaluate: nodes, domainNames, or a form it cannot read (fail closed). */
  | {type: 'other'}

/** A port a rule's protocols take: a protocol and a port range (no range: every port of it), or a container port's name. */
export type CnpPort = {protocol: 'TCP' | 'UDP' | 'SCTP'; start?: number; end?: number} | {name: string} | {unknown: true}

export interface CnpRule {
  /** The rule's index in its list: `spec.ingress[index]`. */
  index: number
  path: ObjectPath
  /** Undefined when it is none of Accept, Deny and Pass. */
  action?: CnpAction
  /** Undefined when `from`/`to` is not a list. */
  peers?: readonly CnpPeer[]
  /** Undefined when the rule has no protocols: every port. */
  ports?: readonly CnpPort[]
  /** Protocols written but not as a list. */
  portsUnknown?: boolean
}

export interface ReadClusterNetworkPolicy {
  policy: Resource
  tier: CnpTier
  priority: number
  /** Undefined when the subject cannot be read (neither or both of namespaces and pods, a selector that does not parse). */
  subject?: CnpPods
  ingress: readonly CnpRule[]
  egress: readonly CnpRule[]
}

/**
 * How k8s-net reads an object of the group: `read` (a v1alpha2
 * ClusterNetworkPolicy in the Admin or Baseline tier), `unread` with why (a
 * version or kind it does not read), or `invalid` (a tier the API server
 * refuses: no policy at all).
 */
export type CnpReading = {read: ReadClusterNetworkPolicy} | {unread: string; path: ObjectPath} | {invalid: string}

export const readClusterNetworkPolicy: (policy: Resource) => CnpReading = onceFor(readOnce)

function readOnce(policy: Resource): CnpReading {
  if (policy.group !== NETWORK_POLICY_API_GROUP) return {invalid: 'not of network-policy-api'}
  if (UNREAD_KINDS.includes(policy.kind)) {
    return {unread: `network-policy-api v0.2.0 replaced ${policy.kind} with ClusterNetworkPolicy, which k8s-net reads instead`, path: ['kind']}
  }

  if (policy.kind !== 'ClusterNetworkPolicy') return {invalid: 'not a policy kind'}
  if (!CNP_API_VERSIONS.includes(policy.apiVersion)) {
    return {unread: `k8s-net reads ${policy.kind} ${CNP_API_VERSIONS.join(', ')}, not ${policy.apiVersion}`, path: ['apiVersion']}
  }

  const spec = specOf(policy)
  if (spec.tier !== 'Admin' && spec.tier !== 'Baseline') return {invalid: 'its tier is neither Admin nor Baseline'}
  return {
    read: {
      policy,
      tier: spec.tier,
      priority: typeof spec.priority === 'number' ? spec.priority : 1000,
      subject: readSubject(spec.subject),
      ingress: readRules(spec.ingress, 'ingress'),
      egress: readRules(spec.egress, 'egress'),
    },
  }
}

/** The group's objects in the input (reference ones included) that k8s-net does not read, with why, in load order. */
export function unreadPolicyObjects(index: ResourceIndex): Array<{policy: Resource; reason: string; path: ObjectPath}> {
  const out: Array<{policy: Resource; reason: string; path: ObjectPath}> = []
  for (const kind of ['ClusterNetworkPolicy', ...UNREAD_KINDS]) {
    for (const policy of index.byKind(kind, NETWORK_POLICY_API_GROUP)) {
      const reading = readClusterNetworkPolicy(policy)
      if ('unread' in reading) out.push({policy, reason: reading.unread, path: reading.path})
    }
  }

  return out.sort((a, b) => a.policy.uid - b.policy.uid)
}

/** `namespaces`, or `pods` (namespaceSelector optional and empty when absent, podSelector required). */
function readPods(entry: Record<string, unknown>): CnpPods | undefined {
  const keys = Object.keys(entry)
  if (keys.length !== 1) return undefined
  if (isRecord(entry.namespaces)) {
    const ns = parseLabelSelector(entry.namespaces)
    return ns.ok ? {namespaces: ns.selector} : undefined
  }

  if (isRecord(entry.pods) && isRecord(entry.pods.podSelector)) {
    const ns = parseLabelSelector(entry.pods.namespaceSelector)
    const pods = parseLabelSelector(entry.pods.podSelector)
    return ns.ok && pods.ok ? {namespaces: ns.selector, pods: pods.selector} : undefined
  }

  return undefined
}

const readSubject = (subject: unknown): CnpPods | undefined => (isRecord(subject) ? readPods(subject) : undefined)

function readRules(rules: unknown, field: 'ingress' | 'egress'): CnpRule[] {
  if (!Array.isArray(rules)) return []
  return rules.map((rule, index) => {
    const path: ObjectPath = ['spec', field, index]
    if (!isRecord(rule)) return {index, path}
    const action = rule.action === 'Accept' || rule.action === 'Deny' || rule.action === 'Pass' ? rule.action : undefined
    const written = field === 'ingress' ? rule.from : rule.to
    const peers = Array.isArray(written) ? written.map(readPeer) : undefined
    const protocols = rule.protocols
    if (protocols === undefined || protocols === null) return {index, path, action, peers}
    if (!Array.isArray(protocols)) return {index, path, action, peers, portsUnknown: true}
    return {index, path, action, peers, ports: protocols.map(readPort)}
  })
}

function readPeer(entry: unknown): CnpPeer {
  if (!isRecord(entry)) return {type: 'other'}
  const pods = readPods(entry)
  if (pods) return {type: 'pods', ...pods}
  if (Object.keys(entry).length === 1 && Array.isArray(entry.networks)) return {type: 'networks', networks: entry.networks}
  return {type: 'other'}
}

const PROTOCOLS = [['tcp', 'TCP'], ['udp', 'UDP'], ['sctp', 'SCTP']] as const

function readPort(entry: unknown): CnpPort {
  if (!isRecord(entry) || Object.keys(entry).length !== 1) return {unknown: true}
  if (typeof entry.destinationNamedPort === 'string') return {name: entry.destinationNamedPort}
  for (const [key, protocol] of PROTOCOLS) {
    const match = entry[key]
    if (!isRecord(match)) continue
    const dest = match.destinationPort
    if (dest === undefined || dest === null) return {protocol}
    if (!isRecord(dest)) return {unknown: true}
    if (typeof dest.number === 'number') return {protocol, start: dest.number, end: dest.number}
    const range = isRecord(dest.range) ? dest.range : undefined
    if (range && typeof range.start === 'number' && typeof range.end === 'number') return {protocol, start: range.start, end: range.end}
    return {unknown: true}
  }

  return {unknown: true}
}

/** A selector that takes everything. */
export const selectsAll = (selector: Selector | undefined): boolean => selector !== undefined && selector.requirements.length === 0
