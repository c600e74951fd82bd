/** HorizontalPodAutoscalers and the replicas a workload runs with at least. */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {PodTemplate, Resource} from '../engine/types.js'
import {asRecord, specOf} from '../util/records.js'
import {onceFor} from '../util/once.js'

export interface Autoscaler {
  hpa: Resource
  /** `spec.minReplicas`, 1 when unset. */
  minReplicas: number
}

/** The autoscalers of an index by namespace, kind and name of what they scale. */
const autoscalersByTarget = onceFor((index: ResourceIndex): ReadonlyMap<string, Autoscaler> => {
  const byTarget = new Map<string, Autoscaler>()
  for (const hpa of index.table('HorizontalPodAutoscaler', ['autoscaling']).all) {
    const spec = specOf(hpa)
    const target = asRecord(spec.scaleTargetRef)
    if (typeof target.kind !== 'string' || typeof target.name !== 'string') continue
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1
    const k = `${hpa.namespace}\u0000${target.kind}\u0000${target.name}`
    if (!byTarget.has(k)) byTarget.set(k, {hpa, minReplicas: min})
  }

  return byTarget
})

/** The HorizontalPodAutoscaler (autoscaling, any version) that scales a workload, if the input holds one. */
export function autoscalerOf(index: ResourceIndex, owner: Resource): Autoscaler | undefined {
  return autoscalersByTarget(index).get(`${owner.namespace}\u0000${owner.kind}\u0000${owner.name}`)
}

/**
 * The fewest replicas a workload runs with: an autoscaler's minReplicas when
 * one scales it, else `spec.replicas`. Undefined for Pods and DaemonSets.
 */
export function minimumReplicas(index: ResourceIndex, template: PodTemplate): number | undefined {
  if (template.replicas === undefined) return undefined
  const autoscaler = autoscalerOf(index, template.owner)
  return autoscaler ? autoscaler.minReplicas : template.replicas
}
