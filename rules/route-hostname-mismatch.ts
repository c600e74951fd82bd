import {defineRule} from '../src/engine/rule.js'
import {attachedListeners, HOSTNAME_ROUTE_KINDS, hostnamesIntersect, hostnamesOf, parentRefsOf, parentsOf, routesOf} from '../src/k8s/gateway.js'

export default defineRule({
  meta: {
    id: 'route-hostname-mismatch',
    description: 'An HTTPRoute, GRPCRoute or TLSRoute names hostnames that none of the listeners it attaches to serves.',
    severity: 'error',
    category: 'gateway-api',
    messages: {
      noCommonHostname:
        'hostnames {{hostnames}} meet no hostname of the listeners this {{kind}} attaches to through parentRef {{ref}} ({{listeners}}): the route is not accepted there',
    },
  },
  check({index, report}) {
    for (const route of routesOf(index, HOSTNAME_ROUTE_KINDS)) {
      const hostnames = hostnamesOf(route)
      if (hostnames.length === 0) continue // a route without hostnames takes the listener's
      for (const ref of parentRefsOf(route)) {
        const parents = parentsOf(ref, index)
        if (!parents || parents.found.length === 0) continue
        // Several versions of the parent (overlays): the route is fine if it fits any.
        const verdicts = parents.found.map((parent) => {
          const listeners = attachedListeners(route, ref, parent, index)
          if (listeners.length === 0) return undefined // not attached at all: route-parent-missing says why
          if (listeners.some((l) => l.hostname === undefined)) return undefined
          if (hostnames.some((h) => listeners.some((l) => hostnamesIntersect(l.hostname!, h.hostname)))) return undefined
          return {parent, listeners}
        })
        const first = verdicts[0]
        if (!first || verdicts.some((v) => v === undefined)) continue
        report({
          target: route,
          path: ['spec', 'hostnames'],
          messageId: 'noCommonHostname',
          data: {
            hostnames: hostnames.map((h) => h.hostname).join(', '),
            kind: route.kind,
            ref: `${parents.kind} ${ref.namespace}/${ref.name}${ref.sectionName ? ` (${ref.sectionName})` : ''}`,
            listeners: first.listeners.map((l) => `${l.label}: ${l.hostname}`).join('; '),
          },
          related: [{message: `${parents.kind} ${first.parent.namespace}/${first.parent.name}`, target: first.parent, path: first.listeners[0]!.path}],
        })
      }
    }
  },
})
