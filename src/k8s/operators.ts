/**
 * Pods the input does not show: operators create them from custom resources
 * (a Prometheus or an Alertmanager of the Prometheus operator, a Kafka of
 * Strimzi, a Cluster of CloudNativePG) that carry no pod template. A rule that
 * would say "this selector matches no pod" stays silent when such pods may be
 * the ones selected.
 */
import {type ResourceIndex} from '../engine/resource-index.js'
import {getPath} from '../util/records.js'
import {matches, type Selector} from '../engine/selectors.js'
import type {Resource} from '../engine/types.js'
import {isRecord, stringMap} from '../util/records.js'

/** API groups of Kubernetes itself: their kinds are known, and the pod-making ones are pod template kinds. */
const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'extensions',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'discovery.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'admissionregistration.k8s.io',
  'coordination.k8s.io',
  'scheduling.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'events.k8s.io',
  'resource.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
])

/** Spec fields by which a custom resource says it runs pods: replicas, an image, pod metadata or a pod template. */
const POD_FIELDS = ['replicas', 'instances', 'image', 'imageName', 'template', 'podTemplate', 'podMetadata', 'podSpec']

/** Whether a custom resource looks like one an operator creates pods from (its spec, or a part of it, has replicas, an image, a pod template...). */
export function mayCreatePods(resource: Resource): boolean {
  if (BUILTIN_GROUPS.has(resource.group)) return false
  const spec = resource.object.spec
  if (!isRecord(spec)) return false
  const hasPodField = (record: Record<string, unknown>): boolean => POD_FIELDS.some((f) => Object.hasOwn(record, f))
  return hasPodField(spec) || Object.values(spec).some((part) => isRecord(part) && hasPodField(part))
}

const ownersCache = new WeakMap<ResourceIndex, Map<string, Resource[]>>()

function customOwnersIn(index: ResourceIndex, namespace: string): readonly Resource[] {
  let byNamespace = ownersCache.get(index)
  if (!byNamespace) {
    byNamespace = new Map()
    for (const r of index.resources) {
      if (r.namespace === '' || !mayCreatePods(r)) continue
      const list = byNamespace.get(r.namespace)
      if (list) list.push(r)
      else byNamespace.set(r.namespace, [r])
    }

    ownersCache.set(index, byNamespace)
  }

  return byNamespace.get(namespace) ?? []
}

/**
 * The custom resource in the namespace whose operator may create the pods a
 * selector looks for, if any. The selector must ask for labels (In or
 * Exists), and the resource must run pods (see `mayCreatePods`) and either
 * carry labels that satisfy the selector (on itself, its pod metadata or its
 * pod template: operators copy them onto their pods), or be named by the
 * selector: its name as a label value (`prometheus: k8s` for the Prometheus
 * named k8s), or its kind as a label key or value (`alertmanager: main`,
 * `app.kubernetes.io/name: prometheus`). A kind that a CustomResourceDefinition
 * of the input declares counts too, for its objects may live in other files.
 */
export function operatorPodOwner(index: ResourceIndex, namespace: string, selector: Selector): Resource | undefined {
  if (!selector.requirements.some((r) => r.operator === 'In' || r.operator === 'Exists')) return undefined
  for (const owner of customOwnersIn(index, namespace)) {
    const labelSets = [
      owner.labels,
      getPath(owner.object, ['spec', 'podMetadata', 'labels']),
      getPath(owner.object, ['spec', 'template', 'metadata', 'labels']),
      getPath(owner.object, ['spec', 'podTemplate', 'metadata', 'labels']),
    ]
    if (labelSets.some((labels) => isRecord(labels) && matches(selector, stringMap(labels)))) return owner
    if (selector.requirements.some((r) => r.values.includes(owner.name)) || namesKind(selector, owner.kind)) return owner
  }

  for (const crd of index.byKind('CustomResourceDefinition')) {
    const kind = getPath(crd.object, ['spec', 'names', 'kind'])
    if (typeof kind === 'string' && namesKind(selector, kind)) return crd
  }

  return undefined
}

/** Whether a selector names a kind as a label key (`alertmanager`, `strimzi.io/kafka`) or value. */
function namesKind(selector: Selector, kind: string): boolean {
  const lower = kind.toLowerCase()
  return selector.requirements.some((r) => r.key.slice(r.key.lastIndexOf('/') + 1).toLowerCase() === lower || r.values.some((v) => v.toLowerCase() === lower))
}
