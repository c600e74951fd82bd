/**
 * Pods the input does not show: operators create them from custom resources
 * (a Prometheus or an Alertmanager of the Prometheus operator, a Kafka of
 * Strimzi, a Cluster of CloudNativePG) that carry no pod template. A rule that
 * would say "this selector matches no pod" must stay silent when such pods may
 * be the ones selected.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import {matches, type Selector} from '../engine/selectors.js'
import type {Resource} from '../engine/types.js'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Whether objects of this API group are custom resources: CRD groups hold a
 * dot, and the built-in groups that do end in `.k8s.io`.
 */
export function isCustomGroup(group: string): boolean {
  return group.includes('.') && !group.endsWith('.k8s.io')
}

/** The kinds custom resources have in the input: those of objects, and those CustomResourceDefinitions declare. */
function customKinds(index: ResourceIndex, namespace: string): Set<string> {
  const kinds = new Set<string>()
  for (const r of index.resources) {
    if (r.namespace === namespace && isCustomGroup(r.group)) kinds.add(r.kind.toLowerCase())
  }

  for (const crd of index.byKind('CustomResourceDefinition')) {
    const spec = crd.object.spec
    const names = isRecord(spec) ? spec.names : undefined
    if (isRecord(names) && typeof names.kind === 'string') kinds.add(names.kind.toLowerCase())
  }

  return kinds
}

/**
 * Whether pods that an operator creates may be what this selector is after:
 * it asks for labels (In or Exists), and either a custom resource in the
 * namespace carries labels that satisfy it (operators copy them onto their
 * pods), or it names the kind of a custom resource of the input as a label
 * key (`alertmanager: main`, `cnpg.io/cluster: db`) or value
 * (`app.kubernetes.io/name: prometheus`).
 */
export function mayBeOperatorPods(index: ResourceIndex, namespace: string, selector: Selector): boolean {
  if (!selector.requirements.some((r) => r.operator === 'In' || r.operator === 'Exists')) return false
  const custom: Resource[] = index.resources.filter((r) => r.namespace === namespace && isCustomGroup(r.group))
  if (custom.some((r) => matches(selector, r.labels))) return true
  const kinds = customKinds(index, namespace)
  if (kinds.size === 0) return false
  return selector.requirements.some(
    (r) => kinds.has(r.key.slice(r.key.lastIndexOf('/') + 1).toLowerCase()) || r.values.some((v) => kinds.has(v.toLowerCase())),
  )
}
