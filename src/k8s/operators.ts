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
import {onceFor} from '../util/once.js'

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

/** Spec fields by which a custom resource says it runs pods: replicas (or ECK's count), an image, pod metadata or a pod template. */
const POD_FIELDS = ['replicas', 'instances', 'count', 'image', 'imageName', 'template', 'podTemplate', 'podMetadata', 'podSpec']

/** The mappings of a spec where pod fields may be: the spec, its mapping fields, and the mappings of its list fields (`nodeSets[]`). */
function specParts(spec: Record<string, unknown>): Array<Record<string, unknown>> {
  const parts = [spec]
  for (const value of Object.values(spec)) {
    if (isRecord(value)) parts.push(value)
    else if (Array.isArray(value)) for (const item of value) if (isRecord(item)) parts.push(item)
  }

  return parts
}

/** Whether a custom resource looks like one an operator creates pods from (its spec, or a part of it, has replicas, an image, a pod template...). */
export function mayCreatePods(resource: Resource): boolean {
  if (BUILTIN_GROUPS.has(resource.group)) return false
  const spec = resource.object.spec
  if (!isRecord(spec)) return false
  return specParts(spec).some((part) => POD_FIELDS.some((f) => Object.hasOwn(part, f)))
}

/** The custom resources that may create pods (see `mayCreatePods`), by namespace. */
const customOwners = onceFor((index: ResourceIndex): ReadonlyMap<string, readonly Resource[]> => {
  const byNamespace = new Map<string, Resource[]>()
  for (const r of index.resources) {
    if (r.namespace === '' || !mayCreatePods(r)) continue
    const list = byNamespace.get(r.namespace)
    if (list) list.push(r)
    else byNamespace.set(r.namespace, [r])
  }

  return byNamespace
})

function customOwnersIn(index: ResourceIndex, namespace: string): readonly Resource[] {
  return customOwners(index).get(namespace) ?? []
}

/**
 * The custom resource in the namespace whose operator may create the pods a
 * selector looks for, if any. The selector must ask for labels (In or
 * Exists), and the resource must run pods (see `mayCreatePods`) and either
 * carry labels that satisfy the selector (on itself, its pod metadata or its
 * pod templates, those of list items such as an Elasticsearch's
 * `nodeSets[].podTemplate` too: operators copy them onto their pods), or be
 * named by the selector: its name as a label value (`prometheus: k8s` for the
 * Prometheus named k8s) or as the start of one (`app: rook-ceph-mon` for the
 * CephCluster named rook-ceph), or its kind as a label key or value, in any
 * case or in kebab-case (`alertmanager: main`, `app.kubernetes.io/name:
 * prometheus`, `component: instance-manager` for an InstanceManager). A kind
 * that a CustomResourceDefinition of the input declares counts too, for its
 * objects may live in other files or be made by the operator itself.
 */
export function operatorPodOwner(index: ResourceIndex, namespace: string, selector: Selector): Resource | undefined {
  if (!selector.requirements.some((r) => r.operator === 'In' || r.operator === 'Exists')) return undefined
  for (const owner of customOwnersIn(index, namespace)) {
    if (podLabelSets(owner).some((labels) => matches(selector, stringMap(labels)))) return owner
    if (selector.requirements.some((r) => r.values.some((v) => v === owner.name || v.startsWith(`${owner.name}-`))) || namesKind(selector, kindNames(owner.kind))) return owner
  }

  return declaredKinds(index).find(({names}) => namesKind(selector, names))?.crd
}

/** The kinds the input's CustomResourceDefinitions declare, each with the names a selector may give it (see `kindNames`). */
const declaredKinds = onceFor((index: ResourceIndex): ReadonlyArray<{crd: Resource; names: ReadonlySet<string>}> =>
  index.byKind('CustomResourceDefinition').flatMap((crd) => {
    const kind = getPath(crd.object, ['spec', 'names', 'kind'])
    return typeof kind === 'string' ? [{crd, names: kindNames(kind)}] : []
  }),
)

/**
 * The custom resource in the namespace from which an operator may create a
 * Service of this name: one that runs pods (see `mayCreatePods`) whose name
 * is the Service's or the start of it (`kibana-kb-http` for the Kibana named
 * kibana, `rook-ceph-mgr-dashboard` for the CephCluster named rook-ceph).
 */
export function operatorServiceOwner(index: ResourceIndex, namespace: string, serviceName: string): Resource | undefined {
  return customOwnersIn(index, namespace).find((owner) => serviceName === owner.name || serviceName.startsWith(`${owner.name}-`))
}

/** The label sets an operator may copy onto the pods of a custom resource. */
function podLabelSets(owner: Resource): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [owner.labels]
  const spec = owner.object.spec
  if (!isRecord(spec)) return out
  for (const part of specParts(spec)) {
    for (const path of [['podMetadata', 'labels'], ['template', 'metadata', 'labels'], ['podTemplate', 'metadata', 'labels']]) {
      const labels = getPath(part, path)
      if (isRecord(labels)) out.push(labels)
    }
  }

  return out
}

/** `InstanceManager` → `instance-manager`. */
const kebab = (kind: string): string => kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()

/** The names of a kind in a label key or value: lower case, and kebab-case. */
const kindNames = (kind: string): ReadonlySet<string> => new Set([kind.toLowerCase(), kebab(kind)])

/** Whether a selector names a kind (by `kindNames`) as a label key (`alertmanager`, `strimzi.io/kafka`) or value, in any case. */
function namesKind(selector: Selector, names: ReadonlySet<string>): boolean {
  return selector.requirements.some((r) => names.has(r.key.slice(r.key.lastIndexOf('/') + 1).toLowerCase()) || r.values.some((v) => names.has(v.toLowerCase())))
}
