import {defineRule} from '../src/engine/rule.js'
import {allocatesNodePorts, serviceSpec, serviceType, servicePorts} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'nodeport-out-of-range',
    description: 'A nodePort or healthCheckNodePort outside the cluster\'s node port range, or on a Service that allocates none.',
    severity: 'error',
    category: 'services',
    rationale:
      'The API server allocates node ports only from its --service-node-port-range (30000-32767 unless the cluster says otherwise) and rejects a Service that asks for one outside it. ClusterIP and ExternalName Services allocate no node ports: a nodePort there is refused by the API server, and usually means the type was meant to be NodePort or LoadBalancer. The same holds for spec.healthCheckNodePort, which comes from the same range and exists only on a LoadBalancer with externalTrafficPolicy: Local.',
    remediation:
      'Pick a nodePort inside the range (set nodePortRange in .k8s-net.yaml when your cluster uses another one), or remove nodePort and let the cluster choose. On a ClusterIP Service, remove nodePort or change the type to NodePort.',
  },
  check({index, settings, report}) {
    const {min, max} = settings.nodePortRange
    for (const service of index.byKind('Service', '')) {
      const type = serviceType(service)
      for (const port of servicePorts(service)) {
        if (port.nodePort === undefined || port.nodePort === null) continue
        const path = ['spec', 'ports', port.index, 'nodePort']
        const value = port.nodePort
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          report({target: service, path, message: `nodePort must be a whole number, not ${JSON.stringify(value)}`})
        } else if (!allocatesNodePorts(type)) {
          report({target: service, path, message: `nodePort ${value} on a Service of type ${type}, which allocates no node ports`})
        } else if (value < min || value > max) {
          report({target: service, path, message: `nodePort ${value} is outside the node port range ${min}-${max}`})
        }
      }

      // The health check port of externalTrafficPolicy: Local comes from the same range, on LoadBalancers only.
      const spec = serviceSpec(service)
      const health = spec.healthCheckNodePort
      if (health === undefined || health === null) continue
      const path = ['spec', 'healthCheckNodePort']
      if (typeof health !== 'number' || !Number.isInteger(health)) {
        report({target: service, path, message: `healthCheckNodePort must be a whole number, not ${JSON.stringify(health)}`})
      } else if (type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') {
        report({target: service, path, message: `healthCheckNodePort ${health} is set, but only a LoadBalancer with externalTrafficPolicy: Local has one`})
      } else if (health < min || health > max) {
        report({target: service, path, message: `healthCheckNodePort ${health} is outside the node port range ${min}-${max}`})
      }
    }
  },
})
