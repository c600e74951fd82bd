import {defineRule} from '../src/engine/rule.js'
import {gatewaysOf, listenerConflicts, mergedListeners} from '../src/k8s/gateway.js'

export default defineRule({
  meta: {
    id: 'gateway-listener-conflict',
    description: 'Two listeners of a Gateway, its ListenerSets included, share port, protocol and hostname, or put plain HTTP and TLS on one port.',
    severity: 'error',
    category: 'gateway-api',
    messages: {
      sameListener: '{{listener}} repeats port {{port}}, protocol {{protocol}} and {{hostname}} of {{other}} (at {{related:0}}): {{outcome}}',
      protocolClash: '{{listener}} serves {{protocol}} on port {{port}}, where {{other}} (at {{related:0}}) serves {{otherProtocol}}: the later listener is Conflicted and gets no traffic',
    },
  },
  check({index, report}) {
    const seen = new Set<string>()
    for (const gateway of gatewaysOf(index).all) {
      // Several versions of one Gateway are judged apart; a ListenerSet is reported once per listener.
      for (const conflict of listenerConflicts(mergedListeners(gateway, index))) {
        const {owner, listener} = conflict.listener
        const other = conflict.with
        const key = `${owner.uid}:${listener.path.join('.')}`
        if (seen.has(key)) continue
        seen.add(key)
        const name = (o: typeof owner): string => `${o.kind} ${o.namespace}/${o.name}`
        const otherText = other.owner === owner ? other.listener.label : `${other.listener.label} of ${name(other.owner)}`
        const related = [{message: `${otherText}`, target: other.owner, path: other.listener.path}]
        if (conflict.reason === 'HostnameConflict') {
          report({
            target: owner,
            path: listener.path,
            messageId: 'sameListener',
            data: {
              listener: listener.label,
              port: listener.port!,
              protocol: listener.protocol!,
              hostname: listener.hostname ? `hostname ${listener.hostname}` : 'no hostname',
              other: otherText,
              outcome:
                other.owner === owner ? `the API server refuses the ${owner.kind}` : 'the later listener is Conflicted and gets no traffic',
            },
            related,
          })
        } else {
          report({
            target: owner,
            path: [...listener.path, 'protocol'],
            messageId: 'protocolClash',
            data: {listener: listener.label, protocol: listener.protocol!, port: listener.port!, other: otherText, otherProtocol: other.listener.protocol!},
            related,
          })
        }
      }
    }
  },
})
