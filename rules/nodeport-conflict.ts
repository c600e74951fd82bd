import {defineRule} from '../src/engine/rule.js'
import type {Resource} from '../src/engine/types.js'
import {isWholeNumber, type NodePortClaim, nodePortClaims} from '../src/k8s/services.js'

interface Claim extends NodePortClaim {
  nodePort: number
  service: Resource
}

export default defineRule({
  meta: {
    id: 'nodeport-conflict',
    description: 'Two Services claim the same nodePort, or one Service repeats one.',
    severity: 'error',
    category: 'services',
    messages: {
      claimed: 'nodePort {{nodePort}} is already claimed by Service {{service}} ({{what}}, at {{related:0}}): node ports are cluster-wide',
      repeated: 'nodePort {{nodePort}}/{{protocol}} is repeated in this Service (first at {{related:0}})',
    },
  },
  check({index, report}) {
    const claims: Claim[] = []
    for (const service of index.byKind('Service', '')) {
      for (const claim of nodePortClaims(service)) if (isWholeNumber(claim.value)) claims.push({...claim, nodePort: claim.value, service})
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
          ...(same
            ? {messageId: 'repeated', data: {nodePort, protocol: claim.protocol}}
            : {messageId: 'claimed', data: {nodePort, service: `${clash.service.namespace}/${clash.service.name}`, what: clash.what}}),
          related: [{message: `nodePort ${nodePort} first claimed here`, target: clash.service, path: clash.path}],
        })
      }

      if (earlier) earlier.push(claim)
      else first.set(nodePort, [claim])
    }
  },
})

