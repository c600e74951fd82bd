import {defineRule} from '../src/engine/rule.js'
import {internalLoadBalancer, SOURCE_RANGES_ANNOTATION} from '../src/k8s/load-balancers.js'
import {serviceType} from '../src/k8s/services.js'
import {specOf} from '../src/util/records.js'

export default defineRule({
  meta: {
    id: 'loadbalancer-source-ranges',
    description: 'A LoadBalancer Service accepts connections from the whole internet: no loadBalancerSourceRanges, or 0.0.0.0/0 or ::/0 among them.',
    severity: 'info',
    category: 'services',
    messages: {
      openRange: 'loadBalancerSourceRanges include {{ranges}}: the load balancer accepts connections from any address on the internet',
      openAnnotation: 'annotation {{annotation}} includes {{ranges}}: the load balancer accepts connections from any address on the internet',
      emptyRanges: 'loadBalancerSourceRanges is empty: the load balancer accepts connections from any address on the internet',
      noRanges: 'LoadBalancer without loadBalancerSourceRanges: the load balancer accepts connections from any address on the internet',
    },
  },
  check({index, report}) {
    for (const service of index.byKind('Service', '')) {
      if (serviceType(service) !== 'LoadBalancer' || internalLoadBalancer(service.annotations, specOf(service).loadBalancerClass)) continue
      const field = specOf(service).loadBalancerSourceRanges
      const open = (ranges: readonly string[]): string[] => ranges.map((r) => r.trim()).filter((r) => /\/0+$/.test(r))
      if (Array.isArray(field) && field.length > 0) {
        const ranges = field.map((r) => (typeof r === 'string' ? r : ''))
        const wide = open(ranges)
        if (wide.length === 0) continue
        const first = ranges.findIndex((r) => r.trim() === wide[0])
        report({target: service, path: ['spec', 'loadBalancerSourceRanges', first], messageId: 'openRange', data: {ranges: wide.join(' and ')}})
        continue
      }

      // Not a list: the API server refuses it, and there is no telling what was meant.
      if (field !== undefined && field !== null && !Array.isArray(field)) continue
      const annotation = service.annotations[SOURCE_RANGES_ANNOTATION]
      if (annotation !== undefined && annotation.trim() !== '') {
        const wide = open(annotation.split(','))
        if (wide.length > 0) {
          report({
            target: service,
            path: ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION],
            messageId: 'openAnnotation',
            data: {annotation: SOURCE_RANGES_ANNOTATION, ranges: wide.join(' and ')},
          })
        }

        continue
      }

      if (Array.isArray(field)) report({target: service, path: ['spec', 'loadBalancerSourceRanges'], messageId: 'emptyRanges'})
      else report({target: service, path: ['spec', 'type'], messageId: 'noRanges'})
    }
  },
})
