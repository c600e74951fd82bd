/** HorizontalPodAutoscalers and the replicas a workload runs with at least. */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {PodTemplate, Resource} from '../engine/types.js'
import {asRecord, specOf} from '../util/records.js'

export interface Autoscaler {
  hpa: Resource
  /** `spec.minReplicas`, 1 when unset. */
  minReplicas: number
}

const autoscalerCache = new WeakMap<ResourceIndex, Map<string, Autoscaler>>()

/** The HorizontalPodAutoscaler (autoscaling, any version) that scales a workload, if the input holds one. */
export function autoscalerOf(index: ResourceIndex, owner: Resource): Autoscaler | undefined {
  let byTarget = autoscalerCache.get(index)
  if (!byTarget) {
    byTarget = new Map()
    for (const hpa of index.table('HorizontalPodAutoscaler', ['autoscaling']).all) {
      const spec = specOf(hpa)
      const target = asRecord(spec.scaleTargetRef)
      if (typeof target.kind !== 'string' || typeof target.name !== 'string') continue
      const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1
      const k = `${hpa.namespace}\u0000${target.kind}\u0000${target.name}`
      if (!byTarget.has(k)) byTarget.set(k, {hpa, minReplicas: min})
    }

    autoscalerCache.set(index, byTarget)
  }

  return byTarget.get(`${owner.namespace}\u0000${owner.kind}\u0000${owner.name}`)
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
