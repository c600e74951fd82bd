import {defineRule} from '../src/engine/rule.js'
import {gatewayClassesOf, gatewaysOf} from '../src/k8s/gateway.js'
import {isRecord} from '../src/util/records.js'
import {nearestFew} from '../src/util/suggest.js'

/** A DNS subdomain, as Kubernetes object names are. */
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

export default defineRule({
  meta: {
    id: 'gateway-class-missing',
    description: 'A Gateway names a GatewayClass that is not in the input while others are, or not in the cluster.',
    severity: 'warning',
    category: 'gateway-api',
    messages: {
      missingClass: 'GatewayClass {{name}} is not {{where}}{{known}}: no controller takes this Gateway',
    },
  },
  check({index, settings, report}) {
    const classes = gatewayClassesOf(index)
    // Only once the input holds GatewayClasses: they usually come with the implementation, not with the application,
    // and a cluster that was not asked for them (or refused them) has none in the input either.
    if (classes.all.length === 0) return
    const names = [...new Set(classes.all.map((c) => c.name))].sort()
    for (const gateway of gatewaysOf(index).all) {
      const spec = gateway.object.spec
      const name = isRecord(spec) ? spec.gatewayClassName : undefined
      // A name that is no object name is a template placeholder ({GATEWAY_CLASS_NAME}), not a reference to judge.
      if (typeof name !== 'string' || !OBJECT_NAME.test(name) || classes.findAll('', name).length > 0) continue
      const near = nearestFew(name, names, 1)
      report({
        target: gateway,
        path: ['spec', 'gatewayClassName'],
        messageId: 'missingClass',
        data: {
          name,
          where: settings.live ? 'in the cluster' : 'in the input',
          known: near.length > 0 ? ` (did you mean ${near[0]}?)` : `, which holds ${names.join(', ')}`,
        },
      })
    }
  },
})
