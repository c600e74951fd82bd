import {serviceSelector} from '../src/engine/resource-index.js'
import {defineRule} from '../src/engine/rule.js'
import {formatSelector} from '../src/engine/selectors.js'
import type {Resource} from '../src/engine/types.js'
import {isRecord} from '../src/engine/util.js'

/** The label that ties an EndpointSlice to its Service. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

export default defineRule({
  meta: {
    id: 'service-no-endpoints',
    description: 'A Service with a selector that has no ready endpoint: connections to it fail.',
    severity: 'warning',
    category: 'services',
    requires: 'cluster',
    rationale:
      'A Service forwards traffic only to the ready pods its selector matches, which the cluster lists in the EndpointSlices labelled kubernetes.io/service-name with the Service\'s name. With no ready endpoint, connections to the Service are refused or time out, and an Ingress or Gateway in front of it answers 502 or 503. The usual causes: a selector that matches no pod label (a typo, a label changed in one place only), pods that fail their readiness probe, or a workload scaled to zero. Services without a selector (their endpoints are written by hand) and ExternalName Services are not checked.',
    remediation:
      'Compare the Service\'s selector with the pod labels (kubectl get pods -l <selector> -n <namespace>); if pods match, look at why they are not ready (kubectl describe pod: readiness probe failures, crash loops, pending scheduling). Scale the workload up if it was scaled to zero.',
  },
  check({index, report}) {
    const slicesByService = new Map<string, Resource[]>()
    for (const slice of index.byKind('EndpointSlice', 'discovery.k8s.io')) {
      const service = slice.labels[SERVICE_NAME_LABEL]
      if (service === undefined) continue
      const key = `${slice.namespace}/${service}`
      const list = slicesByService.get(key)
      if (list) list.push(slice)
      else slicesByService.set(key, [slice])
    }

    for (const service of index.byKind('Service', '')) {
      const selector = serviceSelector(service)
      if (!selector) continue
      // No EndpointSlice read in the namespace at all (none listed, or not allowed to list them): nothing to say.
      if (!index.table('EndpointSlice', ['discovery.k8s.io']).has(service.namespace)) continue

      let ready = 0
      let notReady = 0
      for (const slice of slicesByService.get(`${service.namespace}/${service.name}`) ?? []) {
        const endpoints = slice.object.endpoints
        if (!Array.isArray(endpoints)) continue
        for (const endpoint of endpoints) {
          if (!isRecord(endpoint)) continue
          const conditions = isRecord(endpoint.conditions) ? endpoint.conditions : {}
          // Unset means ready, as the EndpointSlice API says.
          if (conditions.ready === true || conditions.ready === undefined || conditions.ready === null) ready++
          else notReady++
        }
      }

      if (ready > 0) continue
      const shown = formatSelector(selector)
      let message: string
      if (notReady > 0) {
        message = `Service has no ready endpoint: the ${notReady === 1 ? 'pod' : `${notReady} pods`} its selector ${shown} matches ${notReady === 1 ? 'is' : 'are'} not ready (readiness probe failing, or still starting), so connections to it fail`
      } else {
        const workloads = index
          .selectTemplates(service.namespace, selector)
          .filter((t) => !hasController(t.owner))
          .map((t) => t.owner)
        if (workloads.length === 0) {
          message = `Service has no endpoints: no pod in namespace ${service.namespace} matches its selector ${shown}`
        } else if (workloads.every((w) => replicasOf(w) === 0)) {
          message = `Service has no endpoints: ${workloads.map(name).join(', ')} ${workloads.length === 1 ? 'matches' : 'match'} its selector ${shown} but ${workloads.length === 1 ? 'is' : 'are'} scaled to zero`
        } else {
          message = `Service has no endpoints: ${workloads.map(name).join(', ')} ${workloads.length === 1 ? 'matches' : 'match'} its selector ${shown}, but no pod of ${workloads.length === 1 ? 'it' : 'them'} is running`
        }
      }

      report({target: service, path: ['spec', 'selector'], message})
    }
  },
})

/** Whether a controller (a ReplicaSet, a Deployment...) made this object: then its owner is the workload to name. */
function hasController(resource: Resource): boolean {
  const metadata = resource.object.metadata
  const owners = isRecord(metadata) ? metadata.ownerReferences : undefined
  return Array.isArray(owners) && owners.some((o) => isRecord(o) && o.controller === true)
}

function replicasOf(resource: Resource): unknown {
  const spec = resource.object.spec
  return isRecord(spec) ? spec.replicas : undefined
}

const name = (r: Resource): string => `${r.kind} ${r.namespace}/${r.name}`
