import {defineRule} from '../src/engine/rule.js'
import {containersWithoutProbe, describeContainer} from '../src/k8s/probes.js'

export default defineRule({
  meta: {
    id: 'liveness-probe-missing',
    description: 'A container of a long-running workload has no livenessProbe.',
    severity: 'warning',
    category: 'workloads',
    rationale:
      'The kubelet restarts a container that exits, but not one that is still running and no longer works: a deadlock, an exhausted thread pool or a wedged event loop keeps the process alive and the pod stays in place, failing its share of the requests (or, with a readiness probe, leaves the Service with fewer pods until someone restarts it by hand). A liveness probe lets the kubelet detect the hang and restart the container. The rule checks the app containers and sidecars (init containers with restartPolicy: Always) of Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers and the CRD kinds configured under podTemplates; it skips Jobs, CronJobs and Pods with restartPolicy Never or OnFailure, which run to completion, and plain init containers, which cannot have probes.',
    remediation:
      'Add a livenessProbe that fails only when the process itself is stuck: a cheap endpoint that does not call databases or other services (a dependency outage must not restart every pod), with a failureThreshold and period long enough to ride out garbage collection pauses. For containers that start slowly add a startupProbe rather than a long initialDelaySeconds. Make it looser than the readiness probe: readiness takes a pod out of the Service, liveness restarts it.\n\n```yaml\ncontainers:\n  - name: web\n    image: ghcr.io/example/web:1.4.2\n    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: http\n      periodSeconds: 10\n      failureThreshold: 6\n```',
  },
  check({index, report}) {
    for (const {template, container, path} of containersWithoutProbe(index, 'livenessProbe')) {
      report({
        target: template.owner,
        path,
        message: `${describeContainer(container)} has no livenessProbe: if it hangs without exiting, Kubernetes will not restart it`,
      })
    }
  },
})
