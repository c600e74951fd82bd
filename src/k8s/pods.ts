/**
 * Which pods a Service's selector reaches, beyond the labels written in pod
 * templates: controllers add labels of their own to the pods they create
 * (a StatefulSet names each pod in `statefulset.kubernetes.io/pod-name`), and
 * operators create pods from custom resources that carry no pod template.
 */
import {getPath, type PodTemplate, type ResourceIndex} from '../engine/resource-index.js'
import {matches, type Requirement, type Selector} from '../engine/selectors.js'
import type {Resource} from '../engine/types.js'
import {stringMap} from '../loaders/sources.js'

type ValueTest = (value: string, owner: Resource) => boolean
const any: ValueTest = () => true
const ordinal: ValueTest = (value) => /^\d+$/.test(value)

/** Labels each built-in controller puts on its pods, with the values they can take. */
const CONTROLLER_LABELS: Readonly<Record<string, Readonly<Record<string, ValueTest>>>> = {
  Deployment: {'pod-template-hash': any},
  StatefulSet: {
    'statefulset.kubernetes.io/pod-name': (value, owner) => value.startsWith(`${owner.name}-`) && ordinal(value.slice(owner.name.length + 1), owner),
    'apps.kubernetes.io/pod-index': ordinal,
    'controller-revision-hash': any,
  },
  DaemonSet: {'controller-revision-hash': any, 'pod-template-generation': ordinal},
  Job: {
    'controller-uid': any,
    'batch.kubernetes.io/controller-uid': any,
    'job-name': (value, owner) => value === owner.name,
    'batch.kubernetes.io/job-name': (value, owner) => value === owner.name,
    'batch.kubernetes.io/job-completion-index': ordinal,
  },
  CronJob: {
    'controller-uid': any,
    'batch.kubernetes.io/controller-uid': any,
    'job-name': (value, owner) => value.startsWith(`${owner.name}-`),
    'batch.kubernetes.io/job-name': (value, owner) => value.startsWith(`${owner.name}-`),
    'batch.kubernetes.io/job-completion-index': ordinal,
  },
}

const CONTROLLER_GROUPS = new Set(['apps', 'extensions', 'batch'])
const CONTROLLER_KEYS = new Set(Object.values(CONTROLLER_LABELS).flatMap((labels) => Object.keys(labels)))

/** The labels the controller owning a template adds to its pods, if it is a built-in one. */
function controllerLabels(template: PodTemplate): Readonly<Record<string, ValueTest>> | undefined {
  const owner = template.owner
  return CONTROLLER_GROUPS.has(owner.group) ? CONTROLLER_LABELS[owner.kind] : undefined
}

/** Whether the pods of a template can meet one requirement, counting the labels their controller adds. */
export function podsMeet(requirement: Requirement, template: PodTemplate): boolean {
  // A label written in the template is what the pods carry (the controller's own labels are not written there).
  if (Object.hasOwn(template.labels, requirement.key)) return matches({requirements: [requirement]}, template.labels)
  const test = controllerLabels(template)?.[requirement.key]
  if (!test) return matches({requirements: [requirement]}, {})
  switch (requirement.operator) {
    case 'In': {
      return requirement.values.some((v) => test(v, template.owner))
    }

    case 'Exists': {
      return true
    }

    case 'DoesNotExist': {
      return false
    }

    // NotIn: the value is not known before the pod exists (a hash, a uid), so it may hold.
    default: {
      return true
    }
  }
}

/**
 * The values a template's controller gives one of its own labels on the pods,
 * for messages (`redis-<ordinal>`), or undefined when it sets no such label.
 */
export function controllerLabelValues(template: PodTemplate, key: string): string | undefined {
  if (!controllerLabels(template)?.[key]) return undefined
  const name = template.owner.name
  switch (key) {
    case 'statefulset.kubernetes.io/pod-name': {
      return `${name}-<ordinal>`
    }

    case 'apps.kubernetes.io/pod-index':
    case 'batch.kubernetes.io/job-completion-index': {
      return '<ordinal>'
    }

    case 'job-name':
    case 'batch.kubernetes.io/job-name': {
      return template.owner.kind === 'CronJob' ? `${name}-<scheduled time>` : name
    }

    default: {
      return '<generated>'
    }
  }
}

/**
 * The pod templates in a namespace whose pods the selector reaches: like
 * `index.selectTemplates`, and also through the labels controllers add to
 * pods (`pod-template-hash`, `statefulset.kubernetes.io/pod-name`,
 * `job-name`...), whose values are checked where they can be known.
 */
export function selectPods(index: ResourceIndex, namespace: string, selector: Selector): PodTemplate[] {
  const written = selector.requirements.filter((r) => !CONTROLLER_KEYS.has(r.key))
  if (written.length === selector.requirements.length) return index.selectTemplates(namespace, selector)
  return index
    .selectTemplates(namespace, {requirements: written})
    .filter((t) => selector.requirements.every((r) => !CONTROLLER_KEYS.has(r.key) || podsMeet(r, t)))
}

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

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
 * A custom resource in the namespace whose operator may create the pods a
 * selector looks for: it runs pods (see `mayCreatePods`) and either carries
 * the selected labels (on itself, its pod metadata or its pod template) or
 * is named by one of the selected label values (`prometheus: k8s` for the
 * Prometheus named k8s).
 */
export function customPodOwner(index: ResourceIndex, namespace: string, selector: Selector): Resource | undefined {
  for (const owner of customOwnersIn(index, namespace)) {
    const labelSets = [
      owner.labels,
      getPath(owner.object, ['spec', 'podMetadata', 'labels']),
      getPath(owner.object, ['spec', 'template', 'metadata', 'labels']),
      getPath(owner.object, ['spec', 'podTemplate', 'metadata', 'labels']),
    ]
    if (labelSets.some((labels) => isRecord(labels) && matches(selector, stringMap(labels)))) return owner
    if (selector.requirements.some((r) => r.operator === 'In' && r.values.includes(owner.name))) return owner
  }

  return undefined
}
