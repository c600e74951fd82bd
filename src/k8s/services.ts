/** Reading Services: their type, selector and ports, tolerant of whatever the manifest holds; and which pods they route to. */
import type {ResourceIndex} from '../engine/resource-index.js'
import {parseMatchLabels, type Selector} from '../engine/selectors.js'
import type {ObjectPath, PodTemplate, Resource} from '../engine/types.js'
import {mappingsOf, specOf} from '../util/records.js'
import {onceFor} from '../util/once.js'

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'

export interface ServicePort {
  /** Index in `spec.ports`. */
  index: number
  name?: string
  port?: number
  /** As written: a number, a port name, or undefined (then it defaults to `port`). */
  targetPort?: number | string
  /** As written, unchecked: rules validate it. */
  nodePort?: unknown
  protocol: string
  appProtocol?: string
}

/** `spec.type`, defaulting to ClusterIP as the API server does. */
export function serviceType(service: Resource): ServiceType | string {
  const type = specOf(service).type
  return typeof type === 'string' && type !== '' ? type : 'ClusterIP'
}

export function servicePorts(service: Resource): ServicePort[] {
  return mappingsOf(specOf(service).ports).map(([index, p]) => ({
    index,
    name: typeof p.name === 'string' ? p.name : undefined,
    port: typeof p.port === 'number' ? p.port : undefined,
    targetPort: typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : undefined,
    nodePort: p.nodePort,
    protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
    appProtocol: typeof p.appProtocol === 'string' ? p.appProtocol : undefined,
  }))
}

/** Service types that allocate node ports. */
export function allocatesNodePorts(type: string): boolean {
  return type === 'NodePort' || type === 'LoadBalancer'
}

/** A node port a Service writes: one of `spec.ports[].nodePort`, or `spec.healthCheckNodePort`. */
export interface NodePortClaim {
  /** As written, unchecked. */
  value: unknown
  field: 'nodePort' | 'healthCheckNodePort'
  path: ObjectPath
  protocol: string
  /** What claims it, for messages: `port http`, `port 80`, `health check port`. */
  what: string
}

/** Every node port a Service writes, in order: each port's nodePort, then the health check port. */
export function nodePortClaims(service: Resource): NodePortClaim[] {
  const claims: NodePortClaim[] = []
  for (const port of servicePorts(service)) {
    if (port.nodePort === undefined || port.nodePort === null) continue
    claims.push({value: port.nodePort, field: 'nodePort', path: ['spec', 'ports', port.index, 'nodePort'], protocol: port.protocol, what: `port ${port.name ?? port.port ?? port.index}`})
  }

  const health = specOf(service).healthCheckNodePort
  if (health !== undefined && health !== null) {
    claims.push({value: health, field: 'healthCheckNodePort', path: ['spec', 'healthCheckNodePort'], protocol: 'TCP', what: 'health check port'})
  }

  return claims
}

/** Whether a node port value is a whole number (what the API server takes). */
export const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value)

/**
 * A Service's selector, or undefined when it selects no pods: no selector
 * (hand-made Endpoints or EndpointSlices), an empty one, ExternalName, or
 * a malformed one.
 */
export function serviceSelector(service: Resource): Selector | undefined {
  const spec = specOf(service)
  if (serviceType(service) === 'ExternalName') return undefined
  const parsed = parseMatchLabels(spec.selector)
  if (!parsed.ok || parsed.selector.requirements.length === 0) return undefined
  return parsed.selector
}

/** The Services (with a selector) of an index by the templates they select. */
const servicesByTemplate = onceFor((index: ResourceIndex): ReadonlyMap<PodTemplate, readonly Resource[]> => {
  const byTemplate = new Map<PodTemplate, Resource[]>()
  for (const service of index.byKind('Service', '')) {
    const selector = serviceSelector(service)
    if (!selector) continue
    for (const t of index.selectTemplates(service.namespace, selector)) {
      const list = byTemplate.get(t)
      if (list) list.push(service)
      else byTemplate.set(t, [service])
    }
  }

  return byTemplate
})

/** Services (with a selector) of the index whose selector matches the template. */
export function servicesFor(index: ResourceIndex, template: PodTemplate): readonly Resource[] {
  return servicesByTemplate(index).get(template) ?? []
}
