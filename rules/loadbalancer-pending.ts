import {defineRule} from '../src/engine/rule.js'
import type {Resource} from '../src/engine/types.js'
import {serviceSpec, serviceType} from '../src/k8s/services.js'
import {isRecord} from '../src/engine/util.js'

const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value !== ''

export default defineRule({
  meta: {
    id: 'loadbalancer-pending',
    description: 'A LoadBalancer Service that has no external address: nothing in the cluster provisions load balancers for it.',
    severity: 'warning',
    category: 'services',
    requires: 'cluster',
    rationale:
      'A Service of type LoadBalancer gets its external IP address or host name (status.loadBalancer.ingress) from a load-balancer provider: the cloud controller manager on a cloud, an add-on such as MetalLB or kube-vip on bare metal. Without one the Service stays pending for ever (EXTERNAL-IP <pending> in kubectl get service): clients outside the cluster cannot reach it, while its node ports are open on every node all the same. A Service created moments ago is still being provisioned, so one younger than gracePeriodSeconds is not reported.',
    remediation:
      'Give the cluster a load-balancer provider (on bare metal, MetalLB with an address pool, or kube-vip), or read the events of the Service (kubectl describe service) for what the provider refused: quota, subnet, annotations. When spec.loadBalancerClass is set, only the controller of that class provisions the Service: check that it runs. If one shared entry point is enough, put the workload behind an Ingress or a Gateway and make the Service ClusterIP.',
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

      const loadBalancerClass = serviceSpec(service).loadBalancerClass
      const provider = nonEmpty(loadBalancerClass)
        ? `no controller of loadBalancerClass ${String(loadBalancerClass)} has assigned one`
        : 'no load-balancer provider has assigned one (on bare metal, install one such as MetalLB)'
      report({
        target: service,
        path: loadBalancer ? ['status', 'loadBalancer'] : ['spec', 'type'],
        message: `LoadBalancer Service has no external address${age === undefined ? '' : ` ${formatAge(age)} after its creation`}: ${provider}; clients outside the cluster cannot reach it`,
      })
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
