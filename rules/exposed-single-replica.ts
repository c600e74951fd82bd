import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation} from '../src/engine/types.js'
import {describeExposures, exposuresOf} from '../src/exposure/outside.js'
import {autoscalerOf} from '../src/k8s/autoscalers.js'
import {isRecord} from '../src/util/records.js'

export default defineRule({
  meta: {
    id: 'exposed-single-replica',
    description: 'A workload reached from outside the cluster runs a single replica.',
    severity: 'warning',
    category: 'workloads',
    messages: {
      singleReplica: '{{workload}} runs a single replica and is reached from outside through {{exposures}}: a restart, rollout or node drain leaves it with no pod',
      scalesToOne:
        '{{workload}} scales down to a single replica (HorizontalPodAutoscaler {{autoscaler}} has minReplicas 1, at {{related:1}}) and is reached from outside through {{exposures}}: a restart, rollout or node drain can leave it with no pod',
    },
  },
  check({index, report}) {
    for (const [template, exposures] of exposuresOf(index)) {
      if (template.replicas === undefined) continue
      const owner = template.owner
      const autoscaler = autoscalerOf(index, owner)
      if ((autoscaler ? autoscaler.minReplicas : template.replicas) !== 1) continue
      const first = exposures[0]!
      const related: RelatedLocation[] = [{message: `reached from outside: ${first.description}`, target: first.via, path: first.path}]
      const data: Record<string, string> = {workload: `${owner.kind} ${owner.name}`, exposures: describeExposures(exposures)}
      if (autoscaler) {
        const {hpa} = autoscaler
        related.push({message: `HorizontalPodAutoscaler ${hpa.namespace}/${hpa.name}`, target: hpa, path: ['spec', 'minReplicas']})
        data.autoscaler = hpa.name
      }

      const spec = owner.object.spec
      report({
        target: owner,
        // With an autoscaler, spec.replicas is not what decides: point at the workload, the autoscaler is related.
        path: !autoscaler && isRecord(spec) && spec.replicas !== undefined ? ['spec', 'replicas'] : ['metadata', 'name'],
        messageId: autoscaler ? 'scalesToOne' : 'singleReplica',
        data,
        related,
      })
    }
  },
})
