import {defineRule} from '../src/engine/rule.js'
import {servicePorts, serviceType} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'nodeport-exposed',
    description: 'A Service of type NodePort: fine for development, not for production traffic.',
    severity: 'info',
    category: 'services',
    rationale:
      'A NodePort Service opens its port on every node of the cluster, on every node address, whether or not the node runs one of its pods. Clients must know a node\'s IP and a port from the node port range (30000-32767 by default): when that node is drained or fails, they lose the service, since nothing balances across nodes for them, and each Service takes a port of a small range shared by the whole cluster. Node firewalls and cloud security groups must also open that range. That suits development and quick tests; production traffic belongs behind a LoadBalancer, or an Ingress or Gateway whose controller has one. An ingress controller published through NodePort behind an external load balancer of your own is a deliberate setup: suppress the finding there.',
    remediation:
      'Use a ClusterIP Service behind an Ingress or a Gateway for HTTP(S), or type LoadBalancer (MetalLB on bare metal) for other protocols. Where NodePort is deliberate, say why with the annotation `ignore.k8s-net.io/nodeport-exposed` on the Service.\n\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    ignore.k8s-net.io/nodeport-exposed: "published by the edge load balancer on every node"\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n```',
  },
  check({index, settings, report}) {
    const {min, max} = settings.nodePortRange
    for (const service of index.byKind('Service', '')) {
      if (serviceType(service) !== 'NodePort') continue
      const ports = servicePorts(service)
      const fixed = ports.flatMap((p) => (typeof p.nodePort === 'number' ? [p.nodePort] : []))
      const allocated = Math.max(ports.length - fixed.length, fixed.length === 0 ? 1 : 0)
      const opened = [
        ...(fixed.length > 0 ? [`port${fixed.length > 1 ? 's' : ''} ${fixed.join(', ')}`] : []),
        ...(allocated > 0 ? [`${allocated === 1 ? 'a port' : `${allocated} ports`} from ${min}-${max}`] : []),
      ].join(' and ')
      report({
        target: service,
        path: ['spec', 'type'],
        message: `NodePort Service: every node opens ${opened}, and clients reach it through one node's address; fine for development, use a LoadBalancer or an Ingress for production traffic`,
      })
    }
  },
})
