import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation} from '../src/engine/types.js'
import {objectName} from '../src/engine/util.js'
import {exposureModel, outsidePaths, type Hop} from '../src/exposure/model.js'

/** Port of a hop into pods, for messages: `8080`, `53/UDP`. */
const portOf = (hop: Hop): string => hop.ports.join(', ')

export default defineRule({
  meta: {
    id: 'exposure-blocked',
    description: 'A Service, Ingress or route sends outside traffic to pods whose ingress policies do not let it in.',
    severity: 'error',
    category: 'network-policy',
    messages: {
      blockedFromPods: '{{via}} sends traffic to {{workload}} on port {{port}} through {{sender}}, and the ingress policies of those pods do not admit it ({{policy}} {{decision}}, at {{related:0}}): the exposure is broken',
      blockedFromAddresses:
        '{{via}} sends traffic to {{workload}} on port {{port}} from {{sender}}, and the ingress policies of those pods do not admit it ({{policy}} {{decision}}, at {{related:0}}): the exposure is broken',
    },
    // Whether a node's own traffic reaches its pods differs between network plugins: the address case is a warning.
    messageSeverity: {blockedFromAddresses: 'warning'},
  },
  check({index, report}) {
    const seen = new Set<string>()
    for (const w of exposureModel(index).workloads) {
      for (const path of outsidePaths(w)) {
        const entry = path.hops.find((h) => h.type === 'ingress' || h.type === 'route') ?? path.hops[0]!
        for (const [i, hop] of path.hops.entries()) {
          const verdict = hop.verdict
          if (!verdict || verdict.status !== 'blocked' || !hop.object) continue
          // The hop into the controller's pods is the controller's own exposure: reported on the Service in front of them.
          const via = hop.type === 'ingress-controller' ? path.hops[i - 1]! : entry
          if (!via.object) continue
          const decider = verdict.decisions.findLast((d) => d.policy)
          if (!decider?.policy) continue
          const k = `${via.object.uid}\u0000${hop.object.uid}\u0000${portOf(hop)}`
          if (seen.has(k)) continue
          seen.add(k)
          const related: RelatedLocation[] = [{message: `${objectName(decider.policy)}: ${decider.text}`, target: decider.policy, path: decider.path}]
          const fromPods = verdict.senderType === 'pods' || verdict.senderType === 'unknown-pods'
          report({
            target: via.object,
            path: via.path,
            messageId: fromPods ? 'blockedFromPods' : 'blockedFromAddresses',
            data: {
              via: objectName(via.object),
              workload: objectName(hop.object),
              port: portOf(hop),
              sender: verdict.sender,
              policy: objectName(decider.policy),
              decision: decider.text,
            },
            related,
          })
        }
      }
    }
  },
})
