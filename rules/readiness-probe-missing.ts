import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation} from '../src/engine/types.js'
import {containersWithoutProbe, describeContainer, probeOf} from '../src/k8s/probes.js'
import {servicesFor} from '../src/k8s/services.js'
import {longRunningContainers} from '../src/k8s/workloads.js'

/** Services named in a message; the others are in the related locations. */
const MAX_NAMED = 3

export default defineRule({
  meta: {
    id: 'readiness-probe-missing',
    description: 'A container of a long-running workload has no readinessProbe.',
    severity: 'warning',
    category: 'workloads',
    messages: {
      noProbe: '{{container}} has no readinessProbe: its pods count as ready as soon as it starts, and rollouts move on before they can serve',
      noProbeServed: '{{container}} has no readinessProbe: {{services}} will send traffic to pods that are not ready',
      noProbeGated: '{{container}} has no readinessProbe: the pod counts as ready once {{gate}} is, whether this one can serve or not',
      noProbeGatedServed:
        '{{container}} has no readinessProbe: the pod counts as ready once {{gate}} is, whether this one can serve or not, and traffic from {{services}} reaches it from then on',
    },
  },
  check({index, report}) {
    for (const {template, container, path} of containersWithoutProbe(index, 'readinessProbe')) {
      const services = servicesFor(index, template)
      const related: RelatedLocation[] = services.map((service) => ({
        message: `Service ${service.namespace}/${service.name} selects this pod template`,
        target: service,
        path: ['spec', 'selector'],
      }))
      const shown = services.slice(0, MAX_NAMED).map((s, i) => `${s.namespace}/${s.name} ({{related:${i}}})`)
      const more = services.length > MAX_NAMED ? ` and ${services.length - MAX_NAMED} more` : ''
      const named = `Service${services.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`
      // The pod is ready when all its containers are: another container's probe (this one has none) still gates it.
      const gate = longRunningContainers(template).find((c) => probeOf(c, 'readinessProbe'))
      const where = {target: template.owner, path, ...(related.length > 0 ? {related} : {})}
      const data: Record<string, string> = {container: describeContainer(container)}
      if (services.length > 0) data.services = named
      if (gate) {
        data.gate = describeContainer(gate)
        report({...where, messageId: services.length > 0 ? 'noProbeGatedServed' : 'noProbeGated', data})
      } else {
        report({...where, messageId: services.length > 0 ? 'noProbeServed' : 'noProbe', data})
      }
    }
  },
})
