/**
 * Which pod templates are reached from outside the cluster, and how: through
 * a Service of type LoadBalancer or NodePort (or one with externalIPs), or
 * through an Ingress or a Gateway API route whose backend Service selects
 * them. Also the replicas a workload runs with at least, counting a
 * HorizontalPodAutoscaler's minReplicas.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {PodTemplate} from '../engine/types.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {backendRefsOf, GATEWAY_GROUP, isServiceRef, parentRefsOf, routesOf} from './gateway.js'
import {ingressBackends, ingressesOf} from './ingress.js'
import {serviceSelector, serviceType} from './services.js'
import {asRecord, specOf} from '../util/records.js'

export interface Exposure {
  /** The Service whose selector reaches the pods. */
  service: Resource
  /** What takes outside traffic: the Service itself, or the Ingress or route in front of it. */
  via: Resource
  /** Where in `via` the exposure is written: the Service's type, the backend's Service name. */
  path: ObjectPath
  /** `LoadBalancer Service shop/web`, `Ingress shop/web (Service shop/web)`. */
  description: string
}

const nameOf = (r: Resource): string => (r.namespace === '' ? r.name : `${r.namespace}/${r.name}`)

/** Parents that take traffic from outside: Gateways, and ListenerSets that add listeners to one. */
const EDGE_PARENTS = new Set(['Gateway', 'ListenerSet', 'XListenerSet'])
const EDGE_GROUPS = new Set([GATEWAY_GROUP, 'gateway.networking.x-k8s.io'])

const cache = new WeakMap<ResourceIndex, Map<PodTemplate, Exposure[]>>()

/** How each pod template is reached from outside; templates reached by nothing are absent. Long-running templates only. */
export function exposuresOf(index: ResourceIndex): ReadonlyMap<PodTemplate, readonly Exposure[]> {
  const cached = cache.get(index)
  if (cached) return cached
  const out = new Map<PodTemplate, Exposure[]>()
  const add = (exposure: Exposure): void => {
    const selector = serviceSelector(exposure.service)
    if (!selector) return
    for (const template of index.selectTemplates(exposure.service.namespace, selector)) {
      if (template.batch) continue
      const list = out.get(template)
      if (!list) out.set(template, [exposure])
      else if (!list.some((e) => e.via === exposure.via && e.service === exposure.service)) list.push(exposure)
    }
  }

  const services = index.table('Service', [''])
  for (const service of services.all) {
    const type = serviceType(service)
    const externalIPs = specOf(service).externalIPs
    if (type === 'LoadBalancer' || type === 'NodePort') {
      add({service, via: service, path: ['spec', 'type'], description: `${type} Service ${nameOf(service)}`})
    } else if (Array.isArray(externalIPs) && externalIPs.length > 0) {
      add({service, via: service, path: ['spec', 'externalIPs'], description: `Service ${nameOf(service)} with externalIPs`})
    }
  }

  for (const ingress of ingressesOf(index)) {
    for (const backend of ingressBackends(ingress)) {
      const ref = backend.service
      if (!ref) continue
      for (const service of services.findAll(ingress.namespace, ref.name)) {
        add({service, via: ingress, path: ref.namePath, description: `Ingress ${nameOf(ingress)} (Service ${nameOf(service)})`})
      }
    }
  }

  for (const route of routesOf(index)) {
    const atEdge = parentRefsOf(route).some((p) => EDGE_PARENTS.has(p.kind) && EDGE_GROUPS.has(p.group))
    if (!atEdge) continue // a mesh route (parentRef to a Service) carries traffic inside the cluster
    for (const ref of backendRefsOf(route)) {
      if (!isServiceRef(ref)) continue
      for (const service of services.findAll(ref.namespace, ref.name)) {
        add({service, via: route, path: [...ref.path, 'name'], description: `${route.kind} ${nameOf(route)} (Service ${nameOf(service)})`})
      }
    }
  }

  // Messages name the first way in: the one written beside the workload, if any.
  for (const [template, list] of out) {
    const file = fileOf(template.owner)
    list.sort((a, b) => Number(fileOf(b.via) === file) - Number(fileOf(a.via) === file))
  }

  cache.set(index, out)
  return out
}

const fileOf = (r: Resource): string | undefined => (r.origin.type === 'file' ? r.origin.file : undefined)

/** How a template is reached, for messages: the first way, and how many more there are. */
export function describeExposures(exposures: readonly Exposure[]): string {
  const [first, ...rest] = exposures
  if (!first) return 'nothing'
  return rest.length === 0 ? first.description : `${first.description} and ${rest.length} more`
}

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
