import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation} from '../src/engine/types.js'
import {autoscalerOf, describeExposures, exposuresOf} from '../src/k8s/exposure.js'
import {isRecord} from '../src/engine/util.js'

export default defineRule({
  meta: {
    id: 'exposed-single-replica',
    description: 'A workload reached from outside the cluster runs a single replica.',
    severity: 'warning',
    category: 'workloads',
    rationale:
      'A workload is reached from outside when a Service of type LoadBalancer or NodePort (or one with externalIPs) selects its pods, or when an Ingress or a Gateway API route attached to a Gateway sends requests to a Service that selects them. With one replica, every restart, rollout, eviction or node drain leaves that entry point with no pod behind it: clients get connection errors or 503s until the new pod is ready. A Deployment, StatefulSet or ReplicaSet without `spec.replicas` runs one. A HorizontalPodAutoscaler that scales the workload sets the floor instead: with `minReplicas` of 2 or more it is fine, with `minReplicas` 1 (the default) it scales down to a single pod when traffic is low. DaemonSets and bare Pods are not counted in replicas and are left alone.',
    remediation:
      'Run at least two replicas, or let a HorizontalPodAutoscaler keep `minReplicas` at 2 or more. Add a PodDisruptionBudget so that drains keep one pod serving, and spread the replicas over nodes (see exposed-no-spread).\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: storefront\nspec:\n  replicas: 2\n```',
  },
  check({index, report}) {
    for (const [template, exposures] of exposuresOf(index)) {
      if (template.replicas === undefined) continue
      const owner = template.owner
      const autoscaler = autoscalerOf(index, owner)
      if ((autoscaler ? autoscaler.minReplicas : template.replicas) !== 1) continue
      const first = exposures[0]!
      const related: RelatedLocation[] = [{message: `reached from outside: ${first.description}`, target: first.via, path: first.path}]
      let message = `${owner.kind} ${owner.name} runs a single replica and is reached from outside through ${describeExposures(exposures)}: a restart, rollout or node drain leaves it with no pod`
      if (autoscaler) {
        const {hpa} = autoscaler
        related.push({message: `HorizontalPodAutoscaler ${hpa.namespace}/${hpa.name}`, target: hpa, path: ['spec', 'minReplicas']})
        message = `${owner.kind} ${owner.name} scales down to a single replica (HorizontalPodAutoscaler ${hpa.name} has minReplicas 1, at {{related:1}}) and is reached from outside through ${describeExposures(exposures)}: a restart, rollout or node drain can leave it with no pod`
      }

      const spec = owner.object.spec
      report({
        target: owner,
        // With an autoscaler, spec.replicas is not what decides: point at the workload, the autoscaler is related.
        path: !autoscaler && isRecord(spec) && spec.replicas !== undefined ? ['spec', 'replicas'] : ['metadata', 'name'],
        message,
        related,
      })
    }
  },
})
