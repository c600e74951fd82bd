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
import type {KindTable, ResourceIndex} from '../engine/resource-index.js'
import {parseLabelSelector} from '../engine/selectors.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {asRecord, isRecord, specOf} from '../util/records.js'
import {onceFor} from '../util/once.js'
import {namespaceSelects} from './namespaces.js'

export const GATEWAY_GROUP = 'gateway.networking.k8s.io'
/** The Gateway API's experimental group (`X` kinds). */
export const GATEWAY_X_GROUP = 'gateway.networking.x-k8s.io'
export const ROUTE_KINDS: readonly string[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** Routes of the given kinds, in load order. */
export function routesOf(index: ResourceIndex, kinds: readonly string[] = ROUTE_KINDS): Resource[] {
  return kinds.flatMap((kind) => index.byKind(kind, GATEWAY_GROUP)).sort((a, b) => a.uid - b.uid)
}

export const gatewaysOf = (index: ResourceIndex): KindTable => index.table('Gateway', [GATEWAY_GROUP])
export const referenceGrantsOf = (index: ResourceIndex): KindTable => index.table('ReferenceGrant', [GATEWAY_GROUP])
/** The kinds that add listeners to a Gateway: ListenerSet (v1.5 and later), and XListenerSet before it. */
const LISTENER_SET_KINDS: ReadonlyArray<{group: string; kind: string}> = [
  {group: GATEWAY_GROUP, kind: 'ListenerSet'},
  {group: GATEWAY_X_GROUP, kind: 'XListenerSet'},
]
/** The ListenerSets and XListenerSets of the input, in load order (gathered once for an index). */
export const listenerSetsOf: (index: ResourceIndex) => readonly Resource[] = onceFor((index: ResourceIndex) =>
  LISTENER_SET_KINDS.flatMap(({group, kind}) => index.table(kind, [group]).all).sort((a, b) => a.uid - b.uid),
)

export const gatewayClassesOf = (index: ResourceIndex): KindTable => index.table('GatewayClass', [GATEWAY_GROUP])
export const backendTLSPoliciesOf = (index: ResourceIndex): KindTable => index.table('BackendTLSPolicy', [GATEWAY_GROUP])

export interface ParentRef {
  /** Path to the parentRefs entry. */
  path: ObjectPath
  group: string
  kind: string
  name: string
  /** Defaults to the route's namespace. */
  namespace: string
  sectionName?: string
  port?: number
}

/** `spec.parentRefs`, defaults applied (group gateway.networking.k8s.io, kind Gateway, the route's namespace). */
export function parentRefsOf(route: Resource): ParentRef[] {
  const refs = specOf(route).parentRefs
  if (!Array.isArray(refs)) return []
  const out: ParentRef[] = []
  for (const [i, ref] of refs.entries()) {
    if (!isRecord(ref) || !nonEmpty(ref.name)) continue
    out.push({
      path: ['spec', 'parentRefs', i],
      group: typeof ref.group === 'string' ? ref.group : GATEWAY_GROUP,
      kind: nonEmpty(ref.kind) ? ref.kind : 'Gateway',
      name: ref.name,
      namespace: nonEmpty(ref.namespace) ? ref.namespace : route.namespace,
      sectionName: nonEmpty(ref.sectionName) ? ref.sectionName : undefined,
      port: typeof ref.port === 'number' ? ref.port : undefined,
    })
  }

  return out
}

/** Whether a parentRef names a Gateway API Gateway. */
export const isGatewayRef = (ref: ParentRef): boolean => ref.group === GATEWAY_GROUP && ref.kind === 'Gateway'
/** Whether a parentRef names a ListenerSet (Gateway API v1.5 and later), or an XListenerSet (v1.3 and v1.4, experimental). */
export const isListenerSetRef = (ref: {group: string; kind: string}): boolean => LISTENER_SET_KINDS.some((k) => k.group === ref.group && k.kind === ref.kind)

/** A ListenerSet's `spec.parentRef`, defaults applied (a Gateway of the ListenerSet's namespace); undefined without a name. */
export function listenerSetParentOf(listenerSet: Resource): ParentRef | undefined {
  const ref = specOf(listenerSet).parentRef
  if (!isRecord(ref) || !nonEmpty(ref.name)) return undefined
  return {
    path: ['spec', 'parentRef'],
    group: typeof ref.group === 'string' ? ref.group : GATEWAY_GROUP,
    kind: nonEmpty(ref.kind) ? ref.kind : 'Gateway',
    name: ref.name,
    namespace: nonEmpty(ref.namespace) ? ref.namespace : listenerSet.namespace,
  }
}

/** `spec.allowedListeners.namespaces` of a Gateway: which ListenerSets may attach. None unless set. */
export function allowedListenersOf(gateway: Resource): {from: string; selector: unknown} {
  const allowed = specOf(gateway).allowedListeners
  const namespaces = isRecord(allowed) && isRecord(allowed.namespaces) ? allowed.namespaces : {}
  return {from: nonEmpty(namespaces.from) ? namespaces.from : 'None', selector: namespaces.selector}
}

/** Whether a Gateway lets a ListenerSet of this namespace attach (`allowedListeners`). */
export function admitsListenerSet(gateway: Resource, namespace: string, index: ResourceIndex): Verdict {
  const {from, selector} = allowedListenersOf(gateway)
  return namespaceAdmitted(from, selector, gateway.namespace, namespace, index)
}

/**
 * The ListenerSets of the input that name this Gateway as their parent and
 * that it admits (or may admit: a selector the input cannot decide), oldest in
 * load order first, as the Gateway merges them.
 */
export function attachedListenerSets(gateway: Resource, index: ResourceIndex): Resource[] {
  return listenerSetsOf(index).filter((set) => {
    const parent = listenerSetParentOf(set)
    return (
      parent !== undefined &&
      isGatewayRef(parent) &&
      parent.namespace === gateway.namespace &&
      parent.name === gateway.name &&
      admitsListenerSet(gateway, set.namespace, index) !== 'no'
    )
  })
}

/** Where a ListenerSet stands with the Gateway its parentRef names (see `listenerSetGateway`). */
export type ListenerSetAttachment =
  | {status: 'attached'; parent: ParentRef; gateway: Resource}
  | {status: 'detached'; parent: ParentRef; gateways: readonly Resource[]}
  | {status: 'unknown'; parent?: ParentRef}

/**
 * The Gateway a ListenerSet is merged into, as far as the input tells:
 * `attached` to the first Gateway of its parentRef's namespace and name that
 * admits it (or may: a selector the input cannot decide); `detached` when
 * every such Gateway refuses it, or when there is none while the input holds
 * Gateways of that namespace; `unknown` when the input lacks that namespace's
 * Gateways, or the parentRef names no Gateway.
 */
export function listenerSetGateway(listenerSet: Resource, index: ResourceIndex): ListenerSetAttachment {
  const parent = listenerSetParentOf(listenerSet)
  const lookup = parent && isGatewayRef(parent) ? parentsOf(parent, index) : undefined
  if (!lookup || lookup.status === 'unknown') return {status: 'unknown', parent}
  const gateways = lookup.found
  const gateway = gateways.find((g) => admitsListenerSet(g, listenerSet.namespace, index) !== 'no')
  if (gateway) return {status: 'attached', parent: parent!, gateway}
  return {status: 'detached', parent: parent!, gateways}
}

export interface BackendRef {
  /** Path to the backendRef mapping. */
  path: ObjectPath
  group: string
  kind: string
  name: string
  /** Defaults to the route's namespace. */
  namespace: string
  /** As written: a number, or anything else for rules to judge. */
  port: unknown
  /** For messages: `rule 0, backendRef 1`, `rule 0, mirror filter 0`. */
  where: string
}

/**
 * Every backendRef of a route: those of `spec.rules[].backendRefs`, and the
 * targets of RequestMirror filters on a rule or on one of its backendRefs.
 */
export function backendRefsOf(route: Resource): BackendRef[] {
  const rules = specOf(route).rules
  if (!Array.isArray(rules)) return []
  const out: BackendRef[] = []
  const add = (value: unknown, path: ObjectPath, where: string): void => {
    if (!isRecord(value) || !nonEmpty(value.name)) return
    out.push({
      path,
      group: typeof value.group === 'string' ? value.group : '',
      kind: nonEmpty(value.kind) ? value.kind : 'Service',
      name: value.name,
      namespace: nonEmpty(value.namespace) ? value.namespace : route.namespace,
      port: value.port,
      where,
    })
  }

  const mirrors = (filters: unknown, path: ObjectPath, where: string): void => {
    if (!Array.isArray(filters)) return
    for (const [k, filter] of filters.entries()) {
      if (isRecord(filter) && isRecord(filter.requestMirror)) {
        add(filter.requestMirror.backendRef, [...path, k, 'requestMirror', 'backendRef'], `${where}, mirror filter ${k}`)
      }
    }
  }

  for (const [i, rule] of rules.entries()) {
    if (!isRecord(rule)) continue
    const rulePath: ObjectPath = ['spec', 'rules', i]
    if (Array.isArray(rule.backendRefs)) {
      for (const [j, ref] of rule.backendRefs.entries()) {
        const refPath = [...rulePath, 'backendRefs', j]
        add(ref, refPath, `rule ${i}, backendRef ${j}`)
        if (isRecord(ref)) mirrors(ref.filters, [...refPath, 'filters'], `rule ${i}, backendRef ${j}`)
      }
    }

    mirrors(rule.filters, [...rulePath, 'filters'], `rule ${i}`)
  }

  return out
}

/** Whether a backendRef names a core Service (the default). */
export const isServiceRef = (ref: BackendRef): boolean => ref.group === '' && ref.kind === 'Service'

export interface Listener {
  /** Path to the listener. */
  path: ObjectPath
  /** `listener https`, or `listener 0` when it has no name. */
  label: string
  name?: string
  /** Undefined when unset or 0: the implementation assigns one (an XListenerSet's listener may leave it so). */
  port?: number
  protocol?: string
  /** `allowedRoutes.namespaces.from`: Same (the default), All, Selector. */
  from: string
  /** `allowedRoutes.namespaces.selector` as written. */
  selector: unknown
  /** `allowedRoutes.kinds` when given and not empty. */
  kinds?: Array<{group: string; kind: string}>
  /** Lower-cased; undefined when the listener matches every hostname. */
  hostname?: string
  /** `tls` when the listener has one. */
  tls?: ListenerTLS
}

export interface CertificateRef {
  /** Path to the certificateRefs entry. */
  path: ObjectPath
  group: string
  kind: string
  name: string
  /** Defaults to the namespace of the Gateway or ListenerSet. */
  namespace: string
}

export interface ListenerTLS {
  /** `Terminate` (the default) or `Passthrough`. */
  mode: string
  certificateRefs: CertificateRef[]
  /** Whether `tls.options` holds anything: implementations take certificates from there too (GKE's pre-shared-certs). */
  options: boolean
}

/** The listeners of a Gateway, or of a ListenerSet (`spec.listeners`, the same shape). */
export function listenersOf(gateway: Resource): Listener[] {
  const listeners = specOf(gateway).listeners
  if (!Array.isArray(listeners)) return []
  const out: Listener[] = []
  for (const [i, l] of listeners.entries()) {
    if (!isRecord(l)) continue
    const allowed = asRecord(l.allowedRoutes)
    const namespaces = asRecord(allowed.namespaces)
    const kinds = Array.isArray(allowed.kinds)
      ? allowed.kinds.filter(isRecord).filter((k) => nonEmpty(k.kind)).map((k) => ({group: typeof k.group === 'string' ? k.group : GATEWAY_GROUP, kind: k.kind as string}))
      : []
    out.push({
      path: ['spec', 'listeners', i],
      label: `listener ${nonEmpty(l.name) ? l.name : i}`,
      name: nonEmpty(l.name) ? l.name : undefined,
      // 0 or unset: the implementation assigns a port (XListenerSet, v1.4); a Gateway's listener always has one.
      port: typeof l.port === 'number' && l.port > 0 ? l.port : undefined,
      protocol: nonEmpty(l.protocol) ? l.protocol : undefined,
      from: nonEmpty(namespaces.from) ? namespaces.from : 'Same',
      selector: namespaces.selector,
      kinds: kinds.length > 0 ? kinds : undefined,
      hostname: nonEmpty(l.hostname) ? l.hostname.toLowerCase() : undefined,
      tls: isRecord(l.tls) ? readTLS(l.tls, ['spec', 'listeners', i, 'tls'], gateway.namespace) : undefined,
    })
  }

  return out
}

function readTLS(tls: Record<string, unknown>, path: ObjectPath, namespace: string): ListenerTLS {
  const refs = Array.isArray(tls.certificateRefs) ? tls.certificateRefs : []
  const certificateRefs: CertificateRef[] = []
  for (const [i, ref] of refs.entries()) {
    if (!isRecord(ref) || !nonEmpty(ref.name)) continue
    certificateRefs.push({
      path: [...path, 'certificateRefs', i],
      group: typeof ref.group === 'string' ? ref.group : '',
      kind: nonEmpty(ref.kind) ? ref.kind : 'Secret',
      name: ref.name,
      namespace: nonEmpty(ref.namespace) ? ref.namespace : namespace,
    })
  }

  return {
    mode: nonEmpty(tls.mode) ? tls.mode : 'Terminate',
    certificateRefs,
    options: isRecord(tls.options) && Object.keys(tls.options).length > 0,
  }
}

/** `spec.hostnames` of a route, lower-cased (HTTPRoute, GRPCRoute, TLSRoute have them; TCPRoute and UDPRoute do not). */
export function hostnamesOf(route: Resource): Array<{hostname: string; path: ObjectPath}> {
  const hostnames = specOf(route).hostnames
  if (!Array.isArray(hostnames)) return []
  return hostnames.flatMap((h, i) => (nonEmpty(h) ? [{hostname: h.toLowerCase(), path: ['spec', 'hostnames', i] as ObjectPath}] : []))
}

/** Whether a wildcard hostname (`*.example.com`) matches a name: any name with one label or more before its suffix. */
function wildcardMatches(wildcard: string, name: string): boolean {
  const suffix = wildcard.slice(1) // `.example.com`
  return name.length > suffix.length && name.endsWith(suffix)
}

/**
 * Whether two hostnames (a listener's and a route's) have a name in common,
 * as the Gateway API defines it: equal names; a wildcard and a name it
 * matches (`*.example.com` matches `a.example.com` and `a.b.example.com`,
 * not `example.com`); or two wildcards, one a suffix of the other.
 */
export function hostnamesIntersect(a: string, b: string): boolean {
  if (a === b) return true
  const aWild = a.startsWith('*.')
  const bWild = b.startsWith('*.')
  if (aWild && bWild) return wildcardMatches(a, b) || wildcardMatches(b, a)
  if (aWild) return wildcardMatches(a, b)
  if (bWild) return wildcardMatches(b, a)
  return false
}

/** Route kinds whose `hostnames` a listener's hostname must meet. */
export const HOSTNAME_ROUTE_KINDS: readonly string[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute']

/** A listener with the Gateway or ListenerSet it belongs to. */
export interface OwnedListener {
  owner: Resource
  listener: Listener
}

/**
 * What a Gateway serves: its own listeners, then those of the ListenerSets
 * attached to it (see `attachedListenerSets`), in that order of precedence.
 */
export function mergedListeners(gateway: Resource, index: ResourceIndex): OwnedListener[] {
  return [gateway, ...attachedListenerSets(gateway, index)].flatMap((owner) => listenersOf(owner).map((listener) => ({owner, listener})))
}

/** Protocols that cannot share a port: plain HTTP beside TLS (HTTPS, TLS) on one port. */
function protocolsClash(a: string, b: string): boolean {
  const tls = (p: string): boolean => p === 'HTTPS' || p === 'TLS'
  return (a === 'HTTP' && tls(b)) || (b === 'HTTP' && tls(a))
}

export interface ListenerConflict {
  /** The listener that loses: later in precedence. */
  listener: OwnedListener
  /** The one it conflicts with, earlier in precedence. */
  with: OwnedListener
  reason: 'HostnameConflict' | 'ProtocolConflict'
}

/**
 * Listeners that conflict, as the Gateway API's Conflicted condition has it:
 * the same port, protocol and hostname (no hostname equals no hostname), or
 * plain HTTP and TLS on one port. Each conflict is given once, on the later
 * listener in precedence order.
 */
export function listenerConflicts(listeners: readonly OwnedListener[]): ListenerConflict[] {
  const out: ListenerConflict[] = []
  for (const [j, later] of listeners.entries()) {
    const {port, protocol, hostname} = later.listener
    if (port === undefined || protocol === undefined) continue
    for (const earlier of listeners.slice(0, j)) {
      const other = earlier.listener
      if (other.port !== port || other.protocol === undefined) continue
      if (other.protocol === protocol && other.hostname === hostname) {
        out.push({listener: later, with: earlier, reason: 'HostnameConflict'})
        break
      }

      if (protocolsClash(other.protocol, protocol)) {
        out.push({listener: later, with: earlier, reason: 'ProtocolConflict'})
        break
      }
    }
  }

  return out
}

export interface TargetRef {
  path: ObjectPath
  group: string
  kind: string
  name: string
  sectionName?: string
}

/** `spec.targetRefs` of a policy (BackendTLSPolicy): local references, in the policy's namespace. */
export function targetRefsOf(policy: Resource): TargetRef[] {
  const refs = specOf(policy).targetRefs
  if (!Array.isArray(refs)) return []
  return refs.flatMap((ref, i) =>
    isRecord(ref) && nonEmpty(ref.name) && nonEmpty(ref.kind)
      ? [
          {
            path: ['spec', 'targetRefs', i] as ObjectPath,
            group: typeof ref.group === 'string' ? ref.group : '',
            kind: ref.kind,
            name: ref.name,
            sectionName: nonEmpty(ref.sectionName) ? ref.sectionName : undefined,
          },
        ]
      : [],
  )
}

/**
 * Route kinds a listener takes when `allowedRoutes.kinds` is not given, by
 * protocol. GRPCRoute rides on HTTP listeners; a TLS listener takes TLSRoute,
 * and TCPRoute when it terminates. Other protocols are the implementation's
 * own, and unknown here.
 */
const KINDS_BY_PROTOCOL: ReadonlyMap<string, readonly string[]> = new Map([
  ['HTTP', ['HTTPRoute', 'GRPCRoute']],
  ['HTTPS', ['HTTPRoute', 'GRPCRoute']],
  ['TLS', ['TLSRoute', 'TCPRoute']],
  ['TCP', ['TCPRoute']],
  ['UDP', ['UDPRoute']],
])

/** Whether a listener takes routes of this kind; undefined when the input cannot tell. */
export function admitsKind(listener: Listener, routeKind: string): boolean | undefined {
  if (listener.kinds) return listener.kinds.some((k) => k.kind === routeKind && k.group === GATEWAY_GROUP)
  const byProtocol = listener.protocol === undefined ? undefined : KINDS_BY_PROTOCOL.get(listener.protocol)
  return byProtocol ? byProtocol.includes(routeKind) : undefined
}

/** The kinds a listener takes, for messages. */
export function describeKinds(listener: Listener): string {
  const kinds = listener.kinds?.map((k) => k.kind) ?? (listener.protocol === undefined ? undefined : KINDS_BY_PROTOCOL.get(listener.protocol))
  return kinds ? kinds.join(', ') : 'routes of its own protocol'
}

export type Verdict = 'yes' | 'no' | 'unknown'

/**
 * Whether a listener admits routes from a namespace (`allowedRoutes.namespaces`).
 * A Selector is matched against the labels of the route's Namespace when the
 * input holds it, plus the `kubernetes.io/metadata.name` label every
 * Namespace has; without the Namespace, a requirement on that label that
 * fails decides, and any other leaves it unknown (see `namespaceSelects`).
 */
export function admitsNamespace(listener: Listener, gateway: Resource, routeNamespace: string, index: ResourceIndex): Verdict {
  return namespaceAdmitted(listener.from, listener.selector, gateway.namespace, routeNamespace, index)
}

/** `from` (All, Same, Selector, None) and a selector, judged for a namespace against the owner's. */
function namespaceAdmitted(from: string, selector: unknown, ownNamespace: string, routeNamespace: string, index: ResourceIndex): Verdict {
  switch (from) {
    case 'All': {
      return 'yes'
    }

    case 'Same': {
      return routeNamespace === ownNamespace ? 'yes' : 'no'
    }

    case 'None': {
      return 'no'
    }

    case 'Selector': {
      if (!isRecord(selector)) return 'unknown'
      const parsed = parseLabelSelector(selector)
      if (!parsed.ok) return 'unknown'
      const admitted = namespaceSelects(parsed.selector, routeNamespace, index.table('Namespace', ['']).find('', routeNamespace)?.labels)
      return admitted === undefined ? 'unknown' : admitted ? 'yes' : 'no'
    }

    default: {
      return 'unknown'
    }
  }
}

/** Why a listener does not admit a namespace, for messages. */
export function describeNamespaces(listener: Listener): string {
  switch (listener.from) {
    case 'Same': {
      return 'takes routes from its own namespace only'
    }

    case 'Selector': {
      return 'takes routes from namespaces its selector matches, and this one does not match'
    }

    default: {
      return `takes routes from ${listener.from}`
    }
  }
}

export interface GrantQuery {
  from: {group: string; kind: string; namespace: string}
  to: {group: string; kind: string; namespace: string; name: string}
}

/** Whether a ReferenceGrant in the target namespace allows the reference. */
export function grantAllows(index: ResourceIndex, query: GrantQuery): boolean {
  const {from, to} = query
  return referenceGrantsOf(index)
    .inNamespace(to.namespace)
    .some((grant) => {
      const spec = specOf(grant)
      const fromOk =
        Array.isArray(spec.from) &&
        spec.from.some((f) => isRecord(f) && (f.group ?? '') === from.group && f.kind === from.kind && f.namespace === from.namespace)
      const toOk =
        Array.isArray(spec.to) &&
        spec.to.some((t) => isRecord(t) && (t.group ?? '') === to.group && t.kind === to.kind && (!nonEmpty(t.name) || t.name === to.name))
      return fromOk && toOk
    })
}

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
export function parentsOf(ref: ParentRef, index: ResourceIndex): ParentLookup | undefined {
  if (!isGatewayRef(ref) && !isListenerSetRef(ref)) return undefined
  const table = index.table(ref.kind, [ref.group])
  const found = table.findAll(ref.namespace, ref.name)
  const status = found.length > 0 ? 'found' : table.has(ref.namespace) ? 'missing' : 'unknown'
  return {kind: ref.kind, listenerSet: isListenerSetRef(ref), status, found}
}

/** What `parentsOf` finds for a parentRef. */
export interface ParentLookup {
  /** `Gateway`, `ListenerSet` or `XListenerSet`. */
  kind: string
  listenerSet: boolean
  status: 'found' | 'missing' | 'unknown'
  /** Every object of that kind, namespace and name in the input, in load order. */
  found: readonly Resource[]
}

/**
 * The listeners of a parent (Gateway or ListenerSet) that a route attaches to
 * through a parentRef: those `sectionName` and `port` select (all, when
 * unset; a listener whose port the implementation assigns may be the one
 * a port selects), that take the route's kind and admit its namespace, or
 * may (the input cannot tell). A parent attaches routes to its own listeners only.
 */
export function attachedListeners(route: Resource, ref: ParentRef, parent: Resource, index: ResourceIndex): Listener[] {
  return listenersOf(parent).filter(
    (l) =>
      (ref.sectionName === undefined || l.name === ref.sectionName) &&
      (ref.port === undefined || l.port === undefined || l.port === ref.port) &&
      admitsKind(l, route.kind) !== false &&
      admitsNamespace(l, parent, route.namespace, index) !== 'no',
  )
}

/**
 * Whether a reference from a Gateway API object into another namespace lacks
 * the ReferenceGrant it needs there, as far as the input tells: only once the
 * input holds ReferenceGrants, or objects of the target's kind, in that
 * namespace (grants live beside what they share: without that namespace's
 * objects, the absence of a grant means nothing).
 */
export function lacksGrant(index: ResourceIndex, referrer: Resource, to: GrantQuery['to'], targets: KindTable): boolean {
  if (to.namespace === referrer.namespace) return false
  if (!referenceGrantsOf(index).has(to.namespace) && !targets.has(to.namespace)) return false
  return !grantAllows(index, {from: {group: referrer.group, kind: referrer.kind, namespace: referrer.namespace}, to})
}
