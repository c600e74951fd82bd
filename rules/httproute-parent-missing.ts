import {defineRule} from '../src/engine/rule.js'
import type {ResourceIndex} from '../src/engine/resource-index.js'
import type {ObjectPath, RelatedLocation, Resource} from '../src/engine/types.js'
import {
  admitsKind,
  admitsNamespace,
  describeKinds,
  describeNamespaces,
  gatewaysOf,
  isGatewayRef,
  type Listener,
  listenersOf,
  type ParentRef,
  parentRefsOf,
  routesOf,
} from '../src/k8s/gateway.js'

interface Problem {
  path: ObjectPath
  message: string
  related: RelatedLocation[]
}

/** Why a route does not attach to a Gateway through a parentRef, or undefined when it does (or the input cannot tell). */
function attachment(route: Resource, ref: ParentRef, gateway: Resource, index: ResourceIndex): Problem | undefined {
  const named = `Gateway ${gateway.namespace}/${gateway.name}`
  const related = (listener: Listener | undefined): RelatedLocation[] => [
    {message: named, target: gateway, path: listener ? listener.path : ['spec', 'listeners']},
  ]
  const all = listenersOf(gateway)
  if (all.length === 0) return undefined // listeners may come from ListenerSets, or the Gateway is malformed: nothing to judge
  let candidates = all
  if (ref.sectionName !== undefined) {
    candidates = all.filter((l) => l.name === ref.sectionName)
    if (candidates.length === 0) {
      return {
        path: [...ref.path, 'sectionName'],
        message: `parentRef: ${named} (at {{related:0}}) has no listener named ${ref.sectionName}; its listeners: ${all.map((l) => l.name ?? '?').join(', ')}`,
        related: related(undefined),
      }
    }
  }

  if (ref.port !== undefined) {
    const before = candidates
    candidates = candidates.filter((l) => l.port === ref.port)
    if (candidates.length === 0) {
      return {
        path: [...ref.path, 'port'],
        message: `parentRef: ${named} (at {{related:0}}) has no listener${ref.sectionName ? ` ${ref.sectionName}` : ''} on port ${ref.port}; ports: ${[...new Set(before.map((l) => l.port ?? '?'))].join(', ')}`,
        related: related(undefined),
      }
    }
  }

  const reasons: string[] = []
  for (const listener of candidates) {
    if (admitsKind(listener, route.kind) === false) reasons.push(`${listener.label} takes ${describeKinds(listener)}`)
    else if (admitsNamespace(listener, gateway, route.namespace, index) === 'no') reasons.push(`${listener.label} ${describeNamespaces(listener)}`)
    else return undefined
  }

  return {
    path: [...ref.path, 'name'],
    message: `parentRef: no listener of ${named} (at {{related:0}}) admits this ${route.kind} from namespace ${route.namespace}: ${reasons.join('; ')}`,
    related: related(candidates[0]),
  }
}

export default defineRule({
  meta: {
    id: 'httproute-parent-missing',
    description: 'A Gateway API route\'s parentRef names a Gateway that is not there, a listener it lacks, or one that does not admit the route.',
    severity: 'error',
    category: 'gateway-api',
    rationale:
      'A route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) carries traffic only once it attaches to a Gateway through a parentRef: a Gateway API Gateway (group gateway.networking.k8s.io, kind Gateway by default) in the route\'s namespace unless the parentRef sets `namespace`. It does not attach when that Gateway does not exist, when `sectionName` or `port` names no listener of it, or when no listener it names admits the route: `allowedRoutes.namespaces.from` is `Same` unless set (routes of the Gateway\'s own namespace only), `All`, or `Selector` (namespaces whose labels match), and `allowedRoutes.kinds` (by default the kinds of the listener\'s protocol: HTTPRoute and GRPCRoute on HTTP and HTTPS, TLSRoute and TCPRoute on TLS, TCPRoute on TCP, UDPRoute on UDP). The route applies, its Accepted condition turns false, and requests get nothing. Istio\'s Gateway (networking.istio.io) is another API and never counts. Partial input: a Gateway is reported missing only when the input holds Gateway API Gateways of its namespace. A Selector is matched against the Namespace object when the input holds it; without it, only a selector on `kubernetes.io/metadata.name` (a label every Namespace has) is decided. parentRefs to other kinds (a Service, for mesh routing) are left alone.',
    remediation:
      'Correct the parentRef\'s name, namespace, sectionName or port. When the Gateway is in another namespace, its owners must let the route in: set `allowedRoutes.namespaces.from` to `All`, or to `Selector` with a selector that matches the route\'s namespace labels.\n\n```yaml\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: shared-gateway\n  namespace: infra-ns\nspec:\n  gatewayClassName: example\n  listeners:\n    - name: https\n      protocol: HTTPS\n      port: 443\n      allowedRoutes:\n        namespaces:\n          from: Selector\n          selector:\n            matchLabels:\n              shared-gateway-access: "true"\n```',
  },
  check({index, report}) {
    const gateways = gatewaysOf(index)
    for (const route of routesOf(index)) {
      for (const ref of parentRefsOf(route)) {
        if (!isGatewayRef(ref)) continue
        const candidates = gateways.findAll(ref.namespace, ref.name)
        if (candidates.length === 0) {
          if (gateways.has(ref.namespace)) {
            report({target: route, path: [...ref.path, 'name'], message: `parentRef: Gateway ${ref.name} is not in namespace ${ref.namespace}`})
          }

          continue
        }

        // Several versions of the Gateway (overlays linted together): the route attaches if it fits any.
        const problems = candidates.map((gateway) => attachment(route, ref, gateway, index))
        const first = problems[0]
        if (first && problems.every((p) => p !== undefined)) report({target: route, ...first})
      }
    }
  },
})
