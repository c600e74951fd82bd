import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation} from '../src/engine/types.js'
import type {Resource} from '../src/engine/types.js'
import {resolveTargetPort} from '../src/k8s/ports.js'
import {containersWithoutProbe, describeContainer, injectedProxy, probeOf} from '../src/k8s/probes.js'
import {servicePorts} from '../src/k8s/services.js'
import {type ContainerInfo, longRunningContainers} from '../src/k8s/workloads.js'
import type {PodTemplate} from '../src/engine/resource-index.js'

/** Services named in a message; the others are in the related locations. */
const MAX_NAMED = 3

export default defineRule({
  meta: {
    id: 'readiness-probe-missing',
    description: 'A container of a long-running workload has no readinessProbe.',
    severity: 'warning',
    category: 'workloads',
    rationale:
      'Without a readiness probe a container counts as ready the moment it starts. A Service then adds the pod to its endpoints and sends it requests while the application is still loading, warming caches or connecting to its database, and keeps sending them when the application can no longer serve; a rolling update moves on to the next pod before the new one can take traffic. Users see connection errors and 5xx responses that no retry setting hides. The rule checks the app containers and sidecars (init containers with restartPolicy: Always) of Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers and the CRD kinds configured under podTemplates; it skips Jobs, CronJobs and Pods with restartPolicy Never or OnFailure, which run to completion, and plain init containers, which cannot have probes. When a Service in the input (or in --context) selects the pod template, the message names it. A pod is ready when all its containers are, and a container without a readiness probe counts as ready once it runs: in a pod where another container has a probe, that probe alone decides when traffic comes, whether this container can serve or not.',
    remediation:
      'Add a readinessProbe that answers only when the container can serve a request: an HTTP endpoint on the port the Service targets that checks what the request path needs, a TCP check for non-HTTP servers, or gRPC health checking. Keep it cheap and do not let it fail because a shared dependency is down (every pod would leave the Service at once).\n\n```yaml\ncontainers:\n  - name: web\n    image: ghcr.io/example/web:1.4.2\n    ports:\n      - name: http\n        containerPort: 8080\n    readinessProbe:\n      httpGet:\n        path: /ready\n        port: http\n      periodSeconds: 5\n      failureThreshold: 3\n```',
  },
  check({index, report}) {
    for (const {template, container, path} of containersWithoutProbe(index, 'readinessProbe')) {
      const services = index.servicesFor(template)
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
      let message = `${describeContainer(container)} has no readinessProbe`
      const gate = gateContainer ? describeContainer(gateContainer) : proxy ? `the injected ${proxy}` : undefined
      if (gate) {
        message += `: the pod counts as ready once ${gate} is, whether this one can serve or not`
        if (services.length > 0) message += `, and ${named} ${services.length > 1 ? 'send' : 'sends'} it traffic from then on`
      } else if (services.length > 0) {
        message += `: ${named} will send traffic to pods that are not ready`
      } else {
        message += ': its pods count as ready as soon as it starts, and rollouts move on before they can serve'
      }

      report({target: template.owner, path, message, ...(related.length > 0 ? {related} : {})})
    }
  },
})

/** Whether some port of the Service sends traffic to this container of the template's pods (it declares the port the Service targets). */
function sendsTo(service: Resource, template: PodTemplate, container: ContainerInfo): boolean {
  return servicePorts(service).some((port) => resolveTargetPort(port, template)?.match?.container.path.join('.') === container.path.join('.'))
}
