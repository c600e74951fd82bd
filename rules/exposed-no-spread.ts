import {defineRule} from '../src/engine/rule.js'
import type {PodTemplate} from '../src/engine/resource-index.js'
import {matches, parseLabelSelector} from '../src/engine/selectors.js'
import type {ObjectPath} from '../src/engine/types.js'
import {autoscalerOf, describeExposures, exposuresOf, minimumReplicas} from '../src/k8s/exposure.js'
import {isRecord} from '../src/engine/util.js'

/**
 * Whether a term's label selector takes in the template's own pods: a term
 * that selects other pods spreads nothing. A selector that cannot be read is
 * given the benefit of the doubt; an absent one selects no pods.
 */
function selectsOwnPods(term: Record<string, unknown>, template: PodTemplate): boolean {
  if (!isRecord(term.labelSelector)) return false
  const parsed = parseLabelSelector(term.labelSelector)
  return !parsed.ok || matches(parsed.selector, template.labels)
}

/** A pod (anti-)affinity term counts pods of its own namespace unless it names others. */
function inOwnNamespace(term: Record<string, unknown>, template: PodTemplate): boolean {
  if (term.namespaceSelector !== undefined && term.namespaceSelector !== null) return true
  return !Array.isArray(term.namespaces) || term.namespaces.length === 0 || term.namespaces.includes(template.namespace)
}

type Spread = {spreads: true} | {spreads: false; written: boolean; path: ObjectPath}

/** Whether the pod spec spreads its replicas: a topology spread constraint or a pod anti-affinity term over its own pods. */
function spreadOf(template: PodTemplate): Spread {
  const specPath: ObjectPath = [...template.path, 'spec']
  const constraints = Array.isArray(template.spec.topologySpreadConstraints) ? template.spec.topologySpreadConstraints.filter(isRecord) : []
  if (constraints.some((c) => selectsOwnPods(c, template))) return {spreads: true}
  const affinity = isRecord(template.spec.affinity) ? template.spec.affinity : {}
  const anti = isRecord(affinity.podAntiAffinity) ? affinity.podAntiAffinity : undefined
  const required = Array.isArray(anti?.requiredDuringSchedulingIgnoredDuringExecution) ? anti.requiredDuringSchedulingIgnoredDuringExecution : []
  const preferred = Array.isArray(anti?.preferredDuringSchedulingIgnoredDuringExecution) ? anti.preferredDuringSchedulingIgnoredDuringExecution : []
  const terms = [...required, ...preferred.map((p: unknown) => (isRecord(p) ? p.podAffinityTerm : undefined))].filter(isRecord)
  if (terms.some((t) => selectsOwnPods(t, template) && inOwnNamespace(t, template))) return {spreads: true}
  if (terms.length > 0) return {spreads: false, written: true, path: [...specPath, 'affinity', 'podAntiAffinity']}
  if (constraints.length > 0) return {spreads: false, written: true, path: [...specPath, 'topologySpreadConstraints']}
  // Missing: the engine points at the closest node, the pod spec.
  return {spreads: false, written: false, path: [...specPath, 'affinity']}
}

export default defineRule({
  meta: {
    id: 'exposed-no-spread',
    description: 'A workload reached from outside runs several replicas, and nothing spreads them across nodes.',
    severity: 'info',
    category: 'workloads',
    rationale:
      'Several replicas protect a workload reached from outside (through a LoadBalancer or NodePort Service, an Ingress or a Gateway API route) only if they do not share a node. Nothing in a pod spec keeps the scheduler from placing them together: then one node failure, drain or noisy neighbour takes every replica down at once, and external load balancers, which balance per node, send all the traffic to that one node. A `topologySpreadConstraints` entry or a pod anti-affinity term (required or preferred) spreads them, provided its label selector selects the workload\'s own pods; one that selects other pods, or none, spreads nothing and is reported as such. Workloads with a single replica are the concern of exposed-single-replica; an autoscaler\'s minReplicas counts as the replicas.',
    remediation:
      'Spread the replicas over nodes (and zones, where the cluster has them) with a topology spread constraint on their own labels, or a preferred pod anti-affinity.\n\n```yaml\nspec:\n  template:\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n              app: storefront   # the template\'s own labels\n```',
  },
  check({index, report}) {
    for (const [template, exposures] of exposuresOf(index)) {
      const replicas = minimumReplicas(index, template)
      if (replicas === undefined || replicas < 2) continue
      const spread = spreadOf(template)
      if (spread.spreads) continue
      const {kind, name} = template.owner
      const how = describeExposures(exposures)
      const runs = `${kind} ${name} runs ${autoscalerOf(index, template.owner) ? 'at least ' : ''}${replicas} replicas reached from outside through ${how}`
      report({
        target: template.owner,
        path: spread.path,
        message: spread.written
          ? `${runs}, and its pod anti-affinity and topology spread constraints select none of its own pods: nothing keeps them off one node`
          : `${runs}, with no pod anti-affinity or topologySpreadConstraints: they may all land on one node`,
      })
    }
  },
})
