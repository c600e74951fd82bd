/**
 * Reading the Gateway API (gateway.networking.k8s.io): Gateways and their
 * listeners, routes (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) with
 * their parentRefs and backendRefs, and ReferenceGrants.
 *
 * Only the gateway.networking.k8s.io group counts: Istio's Gateway
 * (networking.istio.io) shares the kind name and nothing else.
 */
import type {KindTable, ResourceIndex} from '../engine/resource-index.js'
import {matches, parseLabelSelector} from '../engine/selectors.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {asRecord, isRecord, specOf} from '../util/records.js'

export const GATEWAY_GROUP = 'gateway.networking.k8s.io'
export const ROUTE_KINDS: readonly string[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']
/** The label the API server puts on every Namespace (Kubernetes 1.22 and later). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** Routes of the given kinds, in load order. */
export function routesOf(index: ResourceIndex, kinds: readonly string[] = ROUTE_KINDS): Resource[] {
  return kinds.flatMap((kind) => index.byKind(kind, GATEWAY_GROUP)).sort((a, b) => a.uid - b.uid)
}

export const gatewaysOf = (index: ResourceIndex): KindTable => index.table('Gateway', [GATEWAY_GROUP])
export const referenceGrantsOf = (index: ResourceIndex): KindTable => index.table('ReferenceGrant', [GATEWAY_GROUP])

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
  port?: number
  protocol?: string
  /** `allowedRoutes.namespaces.from`: Same (the default), All, Selector. */
  from: string
  /** `allowedRoutes.namespaces.selector` as written. */
  selector: unknown
  /** `allowedRoutes.kinds` when given and not empty. */
  kinds?: Array<{group: string; kind: string}>
}

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
      port: typeof l.port === 'number' ? l.port : undefined,
      protocol: nonEmpty(l.protocol) ? l.protocol : undefined,
      from: nonEmpty(namespaces.from) ? namespaces.from : 'Same',
      selector: namespaces.selector,
      kinds: kinds.length > 0 ? kinds : undefined,
    })
  }

  return out
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
 * Namespace has; without the Namespace, only a selector on that label alone
 * can be decided.
 */
export function admitsNamespace(listener: Listener, gateway: Resource, routeNamespace: string, index: ResourceIndex): Verdict {
  switch (listener.from) {
    case 'All': {
      return 'yes'
    }

    case 'Same': {
      return routeNamespace === gateway.namespace ? 'yes' : 'no'
    }

    case 'Selector': {
      if (!isRecord(listener.selector)) return 'unknown'
      const parsed = parseLabelSelector(listener.selector)
      if (!parsed.ok) return 'unknown'
      const namespace = index.table('Namespace', ['']).find('', routeNamespace)
      const labels = {...namespace?.labels, [NAMESPACE_NAME_LABEL]: routeNamespace}
      if (matches(parsed.selector, labels)) return 'yes'
      if (namespace) return 'no'
      return parsed.selector.requirements.every((r) => r.key === NAMESPACE_NAME_LABEL) ? 'no' : 'unknown'
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
