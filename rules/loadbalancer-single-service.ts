import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation, Resource} from '../src/engine/types.js'
import {type FrontDoor, frontDoorOfService} from '../src/k8s/front-doors.js'
import {describeServicePort, portTraffic} from '../src/k8s/ports.js'
import {type ServicePort, servicePorts, serviceSelector, serviceType} from '../src/k8s/services.js'
import {objectName} from '../src/engine/util.js'

interface Candidate {
  service: Resource
  httpPorts: ServicePort[]
}

export default defineRule({
  meta: {
    id: 'loadbalancer-single-service',
    description: 'A LoadBalancer Service exposes HTTP for one workload: it belongs behind an Ingress or a Gateway.',
    severity: 'warning',
    category: 'services',
    messages: {
      single: 'LoadBalancer for one HTTP service ({{ports}}): an Ingress or a Gateway lets one load balancer serve many services',
      oneOfMany: 'one of {{count}} LoadBalancers that each expose one HTTP service: one Ingress could serve them all (this one: {{ports}})',
      singleBesideFrontDoor:
        'LoadBalancer for one HTTP service ({{ports}}): an Ingress or a Gateway lets one load balancer serve many services; {{frontDoor}} ({{related:0}}) is already the load balancer of {{product}}',
      oneOfManyBesideFrontDoor:
        'one of {{count}} LoadBalancers that each expose one HTTP service: one Ingress could serve them all (this one: {{ports}}); {{frontDoor}} ({{related:0}}) is already the load balancer of {{product}}',
    },
    options: {
      frontDoorLabels: {
        type: 'string[]',
        default: [],
        description:
          'More labels that mark a Service, or the pods it selects, as the front door of an ingress controller or gateway: `key=value`, or `key` alone for any value.',
      },
    },
  },
  check({index, options, report}) {
    const extra = options.frontDoorLabels
    const candidates: Candidate[] = []
    const frontDoors: Array<{service: Resource; frontDoor: FrontDoor}> = []
    for (const service of index.byKind('Service', '')) {
      if (serviceType(service) !== 'LoadBalancer') continue
      const selector = serviceSelector(service)
      const selected = selector ? index.selectTemplates(service.namespace, selector) : []
      const frontDoor = frontDoorOfService(service, selected, extra)
      if (frontDoor) {
        frontDoors.push({service, frontDoor})
        continue
      }

      if (!selector) continue
      const ports = servicePorts(service)
      const traffic = ports.map((p) => portTraffic(p))
      if (traffic.includes('other') || !traffic.includes('http')) continue
      candidates.push({service, httpPorts: ports.filter((_, i) => traffic[i] === 'http')})
    }

    // Reference objects count too: they are load balancers of the same cluster. Copies of one Service count once.
    const count = new Set(candidates.map((c) => `${c.service.namespace}/${c.service.name}`)).size
    const existing = frontDoors[0]
    for (const {service, httpPorts} of candidates) {
      const ports = `port${httpPorts.length > 1 ? 's' : ''} ${httpPorts.map((p) => describeServicePort(p)).join(', ')}`
      const related: RelatedLocation[] = []
      const data: Record<string, string | number> = {ports}
      if (count > 1) data.count = count
      if (existing) {
        data.frontDoor = objectName(existing.service)
        data.product = existing.frontDoor.product
        related.push({message: `load balancer of ${existing.frontDoor.product}`, target: existing.service, path: ['spec', 'type']})
      }

      const messageId = count > 1 ? (existing ? 'oneOfManyBesideFrontDoor' : 'oneOfMany') : existing ? 'singleBesideFrontDoor' : 'single'
      report({target: service, path: ['spec', 'type'], messageId, data, related})
    }
  },
})

