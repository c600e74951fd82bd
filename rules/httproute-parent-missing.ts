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
  messageId: 'noSuchListener' | 'noListenerOnPort' | 'notAdmitted'
  data: Record<string, string | number>
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
        messageId: 'noSuchListener',
        data: {gateway: named, sectionName: ref.sectionName, listeners: all.map((l) => l.name ?? '?').join(', ')},
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
        messageId: 'noListenerOnPort',
        data: {gateway: named, listener: ref.sectionName ? `listener ${ref.sectionName}` : 'listener', port: ref.port, ports: [...new Set(before.map((l) => l.port ?? '?'))].join(', ')},
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
    messageId: 'notAdmitted',
    data: {gateway: named, kind: route.kind, namespace: route.namespace, reasons: reasons.join('; ')},
    related: related(candidates[0]),
  }
}

export default defineRule({
  meta: {
    id: 'httproute-parent-missing',
    description: 'A Gateway API route\'s parentRef names a Gateway that is not there, a listener it lacks, or one that does not admit the route.',
    severity: 'error',
    category: 'gateway-api',
    messages: {
      missingGateway: 'parentRef: Gateway {{name}} is not in namespace {{namespace}}',
      noSuchListener: 'parentRef: {{gateway}} (at {{related:0}}) has no listener named {{sectionName}}; its listeners: {{listeners}}',
      noListenerOnPort: 'parentRef: {{gateway}} (at {{related:0}}) has no {{listener}} on port {{port}}; ports: {{ports}}',
      notAdmitted: 'parentRef: no listener of {{gateway}} (at {{related:0}}) admits this {{kind}} from namespace {{namespace}}: {{reasons}}',
    },
  },
  check({index, report}) {
    const gateways = gatewaysOf(index)
    for (const route of routesOf(index)) {
      for (const ref of parentRefsOf(route)) {
        if (!isGatewayRef(ref)) continue
        const candidates = gateways.findAll(ref.namespace, ref.name)
        if (candidates.length === 0) {
          if (gateways.has(ref.namespace)) {
            report({target: route, path: [...ref.path, 'name'], messageId: 'missingGateway', data: {name: ref.name, namespace: ref.namespace}})
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
