import {defineRule} from '../src/engine/rule.js'
import type {Resource} from '../src/engine/types.js'
import {serviceType} from '../src/k8s/services.js'
import {isRecord, specOf} from '../src/util/records.js'

const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value !== ''

export default defineRule({
  meta: {
    id: 'loadbalancer-pending',
    description: 'A LoadBalancer Service that has no external address: nothing in the cluster provisions load balancers for it.',
    severity: 'warning',
    category: 'services',
    requires: 'cluster',
    messages: {
      noAddress: 'LoadBalancer Service has no external address: no load-balancer provider has assigned one (on bare metal, install one such as MetalLB); clients outside the cluster cannot reach it',
      noAddressSince: 'LoadBalancer Service has no external address {{age}} after its creation: no load-balancer provider has assigned one (on bare metal, install one such as MetalLB); clients outside the cluster cannot reach it',
      noAddressOfClass: 'LoadBalancer Service has no external address: no controller of loadBalancerClass {{loadBalancerClass}} has assigned one; clients outside the cluster cannot reach it',
      noAddressOfClassSince: 'LoadBalancer Service has no external address {{age}} after its creation: no controller of loadBalancerClass {{loadBalancerClass}} has assigned one; clients outside the cluster cannot reach it',
    },
    options: {
      gracePeriodSeconds: {
        type: 'number',
        default: 60,
        description: 'LoadBalancer Services younger than this (by metadata.creationTimestamp) are still being provisioned and are not reported.',
      },
    },
  },
  check({index, options, report}) {
    const now = Date.now()
    for (const service of index.byKind('Service', '')) {
      if (serviceType(service) !== 'LoadBalancer') continue
      const status = service.object.status
      const loadBalancer = isRecord(status) && isRecord(status.loadBalancer) ? status.loadBalancer : undefined
      const ingress = loadBalancer && Array.isArray(loadBalancer.ingress) ? loadBalancer.ingress : []
      if (ingress.some((i) => isRecord(i) && (nonEmpty(i.ip) || nonEmpty(i.hostname)))) continue

      const created = creationTime(service)
      const age = created === undefined ? undefined : now - created
      if (age !== undefined && age < options.gracePeriodSeconds * 1000) continue

      const loadBalancerClass = specOf(service).loadBalancerClass
      const path = loadBalancer ? ['status', 'loadBalancer'] : ['spec', 'type']
      const data: Record<string, string> = {}
      if (age !== undefined) data.age = formatAge(age)
      if (nonEmpty(loadBalancerClass)) {
        data.loadBalancerClass = String(loadBalancerClass)
        report({target: service, path, messageId: age === undefined ? 'noAddressOfClass' : 'noAddressOfClassSince', data})
      } else {
        report({target: service, path, messageId: age === undefined ? 'noAddress' : 'noAddressSince', data})
      }
    }
  },
})

function creationTime(resource: Resource): number | undefined {
  const metadata = resource.object.metadata
  const value = isRecord(metadata) ? metadata.creationTimestamp : undefined
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN
  return Number.isNaN(time) ? undefined : time
}

/** A coarse age: minutes, hours or days. */
function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 120) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} hours`
  return `${Math.floor(hours / 24)} days`
}
