import {defineRule} from '../src/engine/rule.js'
import type {PodTemplate} from '../src/engine/types.js'
import {matches, parseLabelSelector} from '../src/engine/selectors.js'
import type {ObjectPath} from '../src/engine/types.js'
import {describeExposures, exposuresOf} from '../src/exposure/outside.js'
import {autoscalerOf, minimumReplicas} from '../src/k8s/autoscalers.js'
import {asRecord, isRecord} from '../src/util/records.js'

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
  const affinity = asRecord(template.spec.affinity)
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
    messages: {
      noSpread: '{{workload}} runs {{replicas}} replicas reached from outside through {{exposures}}, with no pod anti-affinity or topologySpreadConstraints: they may all land on one node',
      spreadsOthers:
        '{{workload}} runs {{replicas}} replicas reached from outside through {{exposures}}, and its pod anti-affinity and topology spread constraints select none of its own pods: nothing keeps them off one node',
    },
  },
  check({index, report}) {
    for (const [template, exposures] of exposuresOf(index)) {
      const replicas = minimumReplicas(index, template)
      if (replicas === undefined || replicas < 2) continue
      const spread = spreadOf(template)
      if (spread.spreads) continue
      const {kind, name} = template.owner
      report({
        target: template.owner,
        path: spread.path,
        messageId: spread.written ? 'spreadsOthers' : 'noSpread',
        data: {
          workload: `${kind} ${name}`,
          replicas: `${autoscalerOf(index, template.owner) ? 'at least ' : ''}${replicas}`,
          exposures: describeExposures(exposures),
        },
      })
    }
  },
})
