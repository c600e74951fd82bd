import {defineRule} from '../src/engine/rule.js'
import type {ResourceIndex} from '../src/engine/resource-index.js'
import type {ObjectPath, RelatedLocation, Resource} from '../src/engine/types.js'
import {
  admitsKind,
  admitsNamespace,
  allowedListenersOf,
  describeKinds,
  describeNamespaces,
  type Listener,
  listenerSetGateway,
  listenersOf,
  type ParentRef,
  parentRefsOf,
  parentsOf,
  routesOf,
} from '../src/k8s/gateway.js'

interface Problem {
  path: ObjectPath
  messageId: 'noSuchListener' | 'noListenerOnPort' | 'notAdmitted' | 'listenerSetDetached'
  data: Record<string, string | number>
  related: RelatedLocation[]
}

/** Why a route does not attach to a Gateway or ListenerSet through a parentRef, or undefined when it does (or the input cannot tell). */
function attachment(route: Resource, ref: ParentRef, gateway: Resource, index: ResourceIndex): Problem | undefined {
  const named = `${gateway.kind} ${gateway.namespace}/${gateway.name}`
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

  // A listener whose port the implementation assigns (an XListenerSet's) may be on any port: it stays a candidate.
  if (ref.port !== undefined) {
    const before = candidates
    candidates = candidates.filter((l) => l.port === undefined || l.port === ref.port)
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

/**
 * Why a ListenerSet is not merged into the Gateway it names, when the input
 * can tell: that Gateway is not there (while the input holds Gateways of its
 * namespace), or its `allowedListeners` do not admit the ListenerSet's namespace.
 */
function detached(listenerSet: Resource, index: ResourceIndex): {reason: string; gateway: string} | undefined {
  const attachment = listenerSetGateway(listenerSet, index)
  if (attachment.status !== 'detached') return undefined
  const {parent, gateways} = attachment
  const gateway = `${parent.namespace}/${parent.name}`
  if (gateways.length === 0) return {gateway, reason: `that Gateway is not in namespace ${parent.namespace}`}
  const {from} = allowedListenersOf(gateways[0]!)
  const reason =
    from === 'None'
      ? 'the Gateway takes no ListenerSets (spec.allowedListeners is None unless set)'
      : `the Gateway's allowedListeners (from: ${from}) do not admit namespace ${listenerSet.namespace}`
  return {gateway, reason}
}

export default defineRule({
  meta: {
    id: 'route-parent-missing',
    description: 'A Gateway API route\'s parentRef names a Gateway or ListenerSet that is not there or not attached, a listener it lacks, or one that does not admit the route.',
    severity: 'error',
    category: 'gateway-api',
    aliases: ['httproute-parent-missing'],
    messages: {
      missingParent: 'parentRef: {{kind}} {{name}} is not in namespace {{namespace}}',
      listenerSetDetached: 'parentRef: {{kind}} {{listenerSet}} (at {{related:0}}) is not attached to Gateway {{gateway}}: {{reason}}',
      noSuchListener: 'parentRef: {{gateway}} (at {{related:0}}) has no listener named {{sectionName}}; its listeners: {{listeners}}',
      noListenerOnPort: 'parentRef: {{gateway}} (at {{related:0}}) has no {{listener}} on port {{port}}; ports: {{ports}}',
      notAdmitted: 'parentRef: no listener of {{gateway}} (at {{related:0}}) admits this {{kind}} from namespace {{namespace}}: {{reasons}}',
    },
  },
  check({index, report}) {
    for (const route of routesOf(index)) {
      for (const ref of parentRefsOf(route)) {
        const parents = parentsOf(ref, index)
        if (!parents) continue
        if (parents.status === 'missing') {
          report({target: route, path: [...ref.path, 'name'], messageId: 'missingParent', data: {kind: parents.kind, name: ref.name, namespace: ref.namespace}})
        }

        const candidates = parents.found
        if (candidates.length === 0) continue
        if (parents.listenerSet) {
          const why = candidates.map((set) => detached(set, index))
          const first = why[0]
          if (first && why.every((w) => w !== undefined)) {
            const set = candidates[0]!
            report({
              target: route,
              path: [...ref.path, 'name'],
              messageId: 'listenerSetDetached',
              data: {kind: set.kind, listenerSet: `${set.namespace}/${set.name}`, gateway: first.gateway, reason: first.reason},
              related: [{message: `${set.kind} ${set.namespace}/${set.name}`, target: set, path: ['spec', 'parentRef']}],
            })
            continue
          }
        }

        // Several versions of the parent (overlays linted together): the route attaches if it fits any.
        const problems = candidates.map((gateway) => attachment(route, ref, gateway, index))
        const first = problems[0]
        if (first && problems.every((p) => p !== undefined)) report({target: route, ...first})
      }
    }
  },
})
