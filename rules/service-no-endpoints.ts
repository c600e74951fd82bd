import {controllerOf} from '../src/engine/ownership.js'
import {defineRule} from '../src/engine/rule.js'
import {formatSelector} from '../src/engine/selectors.js'
import type {Resource} from '../src/engine/types.js'
import {asRecord, isRecord, specOf} from '../src/util/records.js'
import {serviceSelector} from '../src/k8s/services.js'

/** The label that ties an EndpointSlice to its Service. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

export default defineRule({
  meta: {
    id: 'service-no-endpoints',
    description: 'A Service with a selector that has no ready endpoint: connections to it fail.',
    severity: 'warning',
    category: 'services',
    messages: {
      podNotReady: 'Service has no ready endpoint: the pod its selector {{selector}} matches is not ready (readiness probe failing, or still starting), so connections to it fail',
      podsNotReady: 'Service has no ready endpoint: the {{count}} pods its selector {{selector}} matches are not ready (readiness probe failing, or still starting), so connections to it fail',
      noPod: 'Service has no endpoints: no pod in namespace {{namespace}} matches its selector {{selector}}',
      scaledToZero: 'Service has no endpoints: its selector {{selector}} matches {{workloads}}, scaled to zero',
      noPodRunning: 'Service has no endpoints: its selector {{selector}} matches {{workloads}}, but no pod is running',
    },
    requires: 'cluster',
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
          const conditions = asRecord(endpoint.conditions)
          // Unset means ready, as the EndpointSlice API says.
          if (conditions.ready === true || conditions.ready === undefined || conditions.ready === null) ready++
          else notReady++
        }
      }

      if (ready > 0) continue
      const where = {target: service, path: ['spec', 'selector']}
      const shown = formatSelector(selector)
      if (notReady > 0) {
        if (notReady === 1) report({...where, messageId: 'podNotReady', data: {selector: shown}})
        else report({...where, messageId: 'podsNotReady', data: {selector: shown, count: notReady}})
        continue
      }

      const workloads = index
        .selectTemplates(service.namespace, selector)
        // Objects a controller made (the Pods of a ReplicaSet) stand for their owner, the workload to name.
        .filter((t) => !controllerOf(t.owner.object))
        .map((t) => t.owner)
      if (workloads.length === 0) {
        report({...where, messageId: 'noPod', data: {selector: shown, namespace: service.namespace}})
      } else {
        const data = {selector: shown, workloads: workloads.map(name).join(', ')}
        report({...where, messageId: workloads.every((w) => replicasOf(w) === 0) ? 'scaledToZero' : 'noPodRunning', data})
      }
    }
  },
})

function replicasOf(resource: Resource): unknown {
  return specOf(resource).replicas
}

const name = (r: Resource): string => `${r.kind} ${r.namespace}/${r.name}`
