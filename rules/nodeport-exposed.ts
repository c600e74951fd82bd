import {defineRule} from '../src/engine/rule.js'
import {servicePorts, serviceType} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'nodeport-exposed',
    description: 'A Service of type NodePort: fine for development, not for production traffic.',
    severity: 'info',
    category: 'services',
    messages: {
      nodePortService: "NodePort Service: every node opens {{opened}}, and clients reach it through one node's address; fine for development, use a LoadBalancer or an Ingress for production traffic",
    },
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
        messageId: 'nodePortService',
        data: {opened},
      })
    }
  },
})
