import {defineRule} from '../src/engine/rule.js'
import {internalLoadBalancer, SOURCE_RANGES_ANNOTATION} from '../src/k8s/load-balancers.js'
import {serviceSpec, serviceType} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'loadbalancer-source-ranges',
    description: 'A LoadBalancer Service accepts connections from the whole internet: no loadBalancerSourceRanges, or 0.0.0.0/0 or ::/0 among them.',
    severity: 'info',
    category: 'services',
    rationale:
      'A LoadBalancer Service gets an address that anyone can reach unless spec.loadBalancerSourceRanges (or, on older setups, the service.beta.kubernetes.io/load-balancer-source-ranges annotation, which the field overrides) lists the client networks allowed in; the cloud provider turns the list into firewall rules in front of the nodes. Admin consoles, databases and internal APIs are found by internet-wide scanners within hours of getting a public address. A range of prefix length 0 (0.0.0.0/0, ::/0) is the whole address family, the same as no list. Internal load balancers, which the cloud provider gives a private address only (service.beta.kubernetes.io/aws-load-balancer-internal, service.beta.kubernetes.io/aws-load-balancer-scheme: internal, networking.gke.io/load-balancer-type: Internal, service.beta.kubernetes.io/azure-load-balancer-internal: "true", and the equivalents of Oracle Cloud, OpenStack, IBM Cloud, Alibaba Cloud and Tencent Cloud), are not reported: they are not on the internet, and who reaches them inside the private network is a matter of NetworkPolicy and cloud firewalls. A public web site is meant to be open to everyone: this is information, to confirm the exposure is intended.',
    remediation:
      'List the networks that need access in spec.loadBalancerSourceRanges (office and VPN ranges, a partner\'s addresses, the CDN in front of you), make the load balancer internal if only the private network needs it, or, for a service that is public on purpose, say so with the annotation `ignore.k8s-net.io/loadbalancer-source-ranges` on the Service.\n\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: admin\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 203.0.113.0/24   # office\n    - 198.51.100.7/32  # VPN gateway\n  selector:\n    app: admin\n  ports:\n    - port: 443\n      targetPort: https\n```',
  },
  check({index, report}) {
    for (const service of index.byKind('Service', '')) {
      if (serviceType(service) !== 'LoadBalancer' || internalLoadBalancer(service)) continue
      const field = serviceSpec(service).loadBalancerSourceRanges
      const open = (ranges: readonly string[]): string[] => ranges.map((r) => r.trim()).filter((r) => /\/0+$/.test(r))
      const anyone = 'the load balancer accepts connections from any address on the internet'
      if (Array.isArray(field) && field.length > 0) {
        const ranges = field.map((r) => (typeof r === 'string' ? r : ''))
        const wide = open(ranges)
        if (wide.length === 0) continue
        const first = ranges.findIndex((r) => r.trim() === wide[0])
        report({target: service, path: ['spec', 'loadBalancerSourceRanges', first], message: `loadBalancerSourceRanges include ${wide.join(' and ')}: ${anyone}`})
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
            message: `annotation ${SOURCE_RANGES_ANNOTATION} includes ${wide.join(' and ')}: ${anyone}`,
          })
        }

        continue
      }

      if (Array.isArray(field)) report({target: service, path: ['spec', 'loadBalancerSourceRanges'], message: `loadBalancerSourceRanges is empty: ${anyone}`})
      else report({target: service, path: ['spec', 'type'], message: `LoadBalancer without loadBalancerSourceRanges: ${anyone}`})
    }
  },
})
