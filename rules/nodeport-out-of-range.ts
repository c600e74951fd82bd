import {defineRule} from '../src/engine/rule.js'
import {allocatesNodePorts, isWholeNumber, nodePortClaims, serviceType} from '../src/k8s/services.js'
import {specOf, valueText} from '../src/util/records.js'

export default defineRule({
  meta: {
    id: 'nodeport-out-of-range',
    description: 'A nodePort or healthCheckNodePort outside the cluster\'s node port range, or on a Service that allocates none.',
    severity: 'error',
    category: 'services',
    messages: {
      notWholeNumber: '{{field}} must be a whole number, not {{value}}',
      noNodePorts: 'nodePort {{port}} on a Service of type {{type}}, which allocates no node ports',
      noHealthCheckPort: 'healthCheckNodePort {{port}} is set, but only a LoadBalancer with externalTrafficPolicy: Local has one',
      outOfRange: '{{field}} {{port}} is outside the node port range {{range}}',
    },
  },
  check({index, settings, report}) {
    const {min, max} = settings.nodePortRange
    for (const service of index.byKind('Service', '')) {
      const type = serviceType(service)
      const spec = specOf(service)
      for (const claim of nodePortClaims(service)) {
        const {value, field, path} = claim
        if (!isWholeNumber(value)) {
          report({target: service, path, messageId: 'notWholeNumber', data: {field, value: valueText(value)}})
        } else if (field === 'nodePort' && !allocatesNodePorts(type)) {
          report({target: service, path, messageId: 'noNodePorts', data: {port: value, type}})
        } else if (field === 'healthCheckNodePort' && (type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local')) {
          // The health check port of externalTrafficPolicy: Local comes from the same range, on LoadBalancers only.
          report({target: service, path, messageId: 'noHealthCheckPort', data: {port: value}})
        } else if (value < min || value > max) {
          report({target: service, path, messageId: 'outOfRange', data: {field, port: value, range: `${min}-${max}`}})
        }
      }
    }
  },
})
