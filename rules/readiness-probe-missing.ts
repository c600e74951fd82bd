import {defineRule} from '../src/engine/rule.js'
import type {PodTemplate, RelatedLocation, Resource} from '../src/engine/types.js'
import {describeExposures, exposuresOf} from '../src/exposure/outside.js'
import {resolveTargetPort} from '../src/k8s/ports.js'
import {containersWithoutProbe, describeContainer, injectedProxy, probeOf} from '../src/k8s/probes.js'
import {servicePorts, servicesFor} from '../src/k8s/services.js'
import {type ContainerInfo, longRunningContainers} from '../src/k8s/workloads.js'

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
      noProbeExposed: '{{container}} has no readinessProbe: {{services}} will send traffic to pods that are not ready, and it is reached from outside the cluster through {{exposures}}',
      noProbeGated: '{{container}} has no readinessProbe: the pod counts as ready once {{gate}} is, whether this one can serve or not',
      noProbeGatedServed:
        '{{container}} has no readinessProbe: the pod counts as ready once {{gate}} is, whether this one can serve or not, and traffic from {{services}} reaches it from then on',
    },
  },
  check({index, report}) {
    for (const {template, container, path} of containersWithoutProbe(index, 'readinessProbe')) {
      const services = servicesFor(index, template)
      // A bare Pod that no Service selects: no traffic and no rollout waits for it to be ready.
      if (template.owner.kind === 'Pod' && services.length === 0) continue
      // The pod is ready when all its containers are: another container's probe, or that of a proxy a mesh injects,
      // gates it. A helper beside it (a pause container, a config reloader) matters only if a Service sends it traffic.
      const gateContainer = longRunningContainers(template).find((c) => probeOf(c, 'readinessProbe'))
      const proxy = gateContainer ? undefined : injectedProxy(template)
      if ((gateContainer || proxy) && !services.some((s) => sendsTo(s, template, container))) continue
      const related: RelatedLocation[] = services.map((service) => ({
        message: `Service ${service.namespace}/${service.name} selects this pod template`,
        target: service,
        path: ['spec', 'selector'],
      }))
      const shown = services.slice(0, MAX_NAMED).map((s, i) => `${s.namespace}/${s.name} ({{related:${i}}})`)
      const more = services.length > MAX_NAMED ? ` and ${services.length - MAX_NAMED} more` : ''
      const named = `Service${services.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`
      const where = {target: template.owner, path, ...(related.length > 0 ? {related} : {})}
      const data: Record<string, string> = {container: describeContainer(container)}
      if (services.length > 0) data.services = named
      if (gateContainer || proxy) {
        data.gate = gateContainer ? describeContainer(gateContainer) : `the injected ${proxy}`
        report({...where, messageId: services.length > 0 ? 'noProbeGatedServed' : 'noProbeGated', data})
      } else {
        // Reached from outside (the exposure model): users see the errors, not only other services.
        const exposures = services.length > 0 ? exposuresOf(index).get(template) : undefined
        if (exposures) data.exposures = describeExposures(exposures)
        report({...where, messageId: exposures ? 'noProbeExposed' : services.length > 0 ? 'noProbeServed' : 'noProbe', data})
      }
    }
  },
})

/** Whether some port of the Service sends traffic to this container of the template's pods (it declares the port the Service targets). */
function sendsTo(service: Resource, template: PodTemplate, container: ContainerInfo): boolean {
  return servicePorts(service).some((port) => resolveTargetPort(port, template)?.match?.container.path.join('.') === container.path.join('.'))
}
