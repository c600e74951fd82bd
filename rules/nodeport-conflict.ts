import {defineRule} from '../src/engine/rule.js'
import type {ObjectPath, Resource} from '../src/engine/types.js'
import {serviceSpec, servicePorts} from '../src/k8s/services.js'

interface Claim {
  nodePort: number
  service: Resource
  path: ObjectPath
  protocol: string
  /** What claims it: a port of spec.ports, or the health check port. */
  what: string
}

export default defineRule({
  meta: {
    id: 'nodeport-conflict',
    description: 'Two Services claim the same nodePort, or one Service repeats one.',
    severity: 'error',
    category: 'services',
    rationale:
      'Node ports are allocated cluster-wide from one pool of port numbers, whatever the namespace and whatever the protocol: the API server refuses a Service whose nodePort is already allocated ("provided port is already allocated"), so the second claimant fails to apply, or fails later when the first one is recreated. Within one Service a number may be reused only for a different protocol (DNS on TCP and UDP). The health check port of a LoadBalancer with externalTrafficPolicy: Local (spec.healthCheckNodePort) comes from the same pool.',
    remediation:
      'Give each Service its own nodePort, or leave nodePort out and let the cluster allocate a free one. Keep a register of fixed node ports when several teams share a cluster.',
  },
  check({index, report}) {
    const claims: Claim[] = []
    for (const service of index.byKind('Service', '')) {
      for (const port of servicePorts(service)) {
        if (typeof port.nodePort === 'number' && Number.isInteger(port.nodePort)) {
          claims.push({nodePort: port.nodePort, service, path: ['spec', 'ports', port.index, 'nodePort'], protocol: port.protocol, what: `port ${port.name ?? port.port ?? port.index}`})
        }
      }

      const health = serviceSpec(service).healthCheckNodePort
      if (typeof health === 'number' && Number.isInteger(health)) claims.push({nodePort: health, service, path: ['spec', 'healthCheckNodePort'], protocol: 'TCP', what: 'health check port'})
    }

    // Reference objects (context, a live cluster) hold their ports already: the linted ones are the later claimants.
    claims.sort((a, b) => Number(b.service.reference) - Number(a.service.reference) || a.service.uid - b.service.uid)
    const first = new Map<number, Claim[]>()
    for (const claim of claims) {
      const {nodePort} = claim
      const earlier = first.get(nodePort)
      // A copy of the same Service (its applied version given as context, one overlay beside another) replaces it on
      // apply: it holds no port of its own. Within one Service a number may serve another protocol.
      const clash = earlier?.find((e) =>
        e.service === claim.service ? e.protocol === claim.protocol : !(e.service.namespace === claim.service.namespace && e.service.name === claim.service.name),
      )
      if (clash) {
        const same = clash.service === claim.service
        report({
          target: claim.service,
          path: claim.path,
          message: same
            ? `nodePort ${nodePort}/${claim.protocol} is repeated in this Service (first at {{related:0}})`
            : `nodePort ${nodePort} is already claimed by Service ${clash.service.namespace}/${clash.service.name} (${clash.what}, at {{related:0}}): node ports are cluster-wide`,
          related: [{message: `nodePort ${nodePort} first claimed here`, target: clash.service, path: clash.path}],
        })
      }

      if (earlier) earlier.push(claim)
      else first.set(nodePort, [claim])
    }
  },
})

