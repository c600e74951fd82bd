/**
 * Service ports against container ports: where a Service's targetPort lands
 * in the pods it selects, resolved the way the endpoints controller does it,
 * and what kind of traffic a Service port carries.
 */
import type {PodTemplate} from '../engine/types.js'
import type {ServicePort} from './services.js'
import {type ContainerInfo, type ContainerPort, longRunningContainers} from './workloads.js'
import {onceFor} from '../util/once.js'

/** A container port that a Service port reaches, in one pod template. */
export interface PortMatch {
  template: PodTemplate
  container: ContainerInfo
  port: ContainerPort
}

/**
 * The targetPort as Kubernetes reads it: the value written, else `port`.
 * A string is a port name, whatever it holds (`"8080"` is a name, and an invalid one).
 * Undefined when neither is usable.
 */
export function effectiveTargetPort(port: ServicePort): number | string | undefined {
  return port.targetPort ?? port.port
}

/**
 * Containers a Service can send traffic to, in the order the endpoints
 * controller looks up a port name: app containers, then sidecars (init
 * containers with restartPolicy: Always). Init containers that run to
 * completion serve nothing.
 */
export const servingContainers: (template: PodTemplate) => readonly ContainerInfo[] = onceFor((template: PodTemplate) => {
  const containers = longRunningContainers(template)
  return [...containers.filter((c) => c.role === 'container'), ...containers.filter((c) => c.role === 'sidecar')]
})

/** Container ports that declare a targetPort (by name or number), split by whether their protocol is the Service port's. */
export interface TargetPortDeclarations {
  /** Same protocol: the Service reaches these. */
  matching: PortMatch[]
  /** Same name or number, another protocol: the Service does not reach these. */
  otherProtocol: PortMatch[]
}

/** Every container port of the templates that a Service port's targetPort names or numbers. */
export function targetPortDeclarations(port: ServicePort, templates: readonly PodTemplate[]): TargetPortDeclarations {
  const out: TargetPortDeclarations = {matching: [], otherProtocol: []}
  for (const template of templates) declarationsIn(port, template, servingContainers(template), out)
  return out
}

/** Adds the container ports of one template's serving containers that the Service port's targetPort names or numbers. */
function declarationsIn(port: ServicePort, template: PodTemplate, containers: readonly ContainerInfo[], out: TargetPortDeclarations): void {
  const target = effectiveTargetPort(port)
  if (target === undefined) return
  for (const container of containers) {
    for (const declared of container.ports) {
      const same = typeof target === 'string' ? declared.name === target : declared.containerPort === target
      if (!same) continue
      const match = {template, container, port: declared}
      if (declared.protocol === port.protocol) out.matching.push(match)
      else out.otherProtocol.push(match)
    }
  }
}

/**
 * The container port number a Service port sends to in one template's pods:
 * a numeric targetPort as is (with the container that declares it, if one
 * does), a named one through the first container port of that name and
 * protocol. Undefined when a name resolves to nothing: those pods get no
 * endpoint for this port.
 */
export function resolveTargetPort(port: ServicePort, template: PodTemplate): {number: number; match?: PortMatch} | undefined {
  const target = effectiveTargetPort(port)
  if (target === undefined) return undefined
  const declarations: TargetPortDeclarations = {matching: [], otherProtocol: []}
  declarationsIn(port, template, servingContainers(template), declarations)
  const match = declarations.matching[0]
  if (typeof target === 'number') return match ? {number: target, match} : {number: target}
  return match?.port.containerPort === undefined ? undefined : {number: match.port.containerPort, match}
}

/**
 * Whether a container's command, args or environment mention a port number
 * (`--port=18080`, `0.0.0.0:18080`, `PORT=18080`): a sign that it listens
 * there although its ports do not declare it.
 */
export function mentionsPort(container: ContainerInfo, port: number): boolean {
  const pattern = new RegExp(`(?<![0-9])${port}(?![0-9])`)
  const words: unknown[] = []
  for (const field of ['command', 'args'] as const) {
    const list = container.container[field]
    // A loop, not push(...list): a list from a file may hold more items than a call takes arguments.
    if (Array.isArray(list)) for (const word of list) words.push(word)
  }

  const env = container.container.env
  if (Array.isArray(env)) for (const variable of env) if (variable !== null && typeof variable === 'object') words.push((variable as Record<string, unknown>).value)
  return words.some((w) => (typeof w === 'string' || typeof w === 'number') && pattern.test(String(w)))
}

/** What a Service port carries, as far as its manifest says. */
export type PortTraffic = 'http' | 'other' | 'unknown'

/** appProtocol values that mean HTTP in some form (IANA names, Kubernetes-defined ones, gRPC). */
const HTTP_APP_PROTOCOLS = new Set([
  'http',
  'https',
  'http2',
  'h2c',
  'grpc',
  'grpc-web',
  'kubernetes.io/h2c',
  'kubernetes.io/ws',
  'kubernetes.io/wss',
])

/** Port name prefixes of the `<protocol>[-<suffix>]` naming convention that mean HTTP. */
const HTTP_NAME = /^(?:http|grpc|h2c)/
/** Port name prefixes of the same convention that mean another protocol. */
const OTHER_NAME = /^(?:tcp|udp|tls|mongo|mysql|redis|postgres(?:ql)?|amqp|mqtt|kafka|dns)(?:-|$)/

/** Service port numbers that carry HTTP by convention. */
export const HTTP_PORT_NUMBERS: ReadonlySet<number> = new Set([80, 443, 8080, 8443])

/**
 * Whether a Service port carries HTTP(S): `http` when its appProtocol says so,
 * or (without appProtocol) when its name follows the `http*`/`grpc*`
 * convention, or its number is 80, 443, 8080 or 8443; `other` for UDP and
 * SCTP, for any other appProtocol, and for names of the convention that mean
 * another protocol (`tcp-*`, `tls-*`, `mysql`...); `unknown` otherwise.
 */
export function portTraffic(port: ServicePort): PortTraffic {
  if (port.protocol !== 'TCP') return 'other'
  if (port.appProtocol !== undefined && port.appProtocol !== '') {
    return HTTP_APP_PROTOCOLS.has(port.appProtocol.toLowerCase()) ? 'http' : 'other'
  }

  const name = port.name?.toLowerCase()
  if (name !== undefined && HTTP_NAME.test(name)) return 'http'
  if (name !== undefined && OTHER_NAME.test(name)) return 'other'
  if (port.port !== undefined && HTTP_PORT_NUMBERS.has(port.port)) return 'http'
  return 'unknown'
}

/** How a Service port is named in messages: `80`, `80 "http"`, `53/UDP "dns"`. */
export function describeServicePort(port: ServicePort): string {
  const number = port.port === undefined ? `#${port.index + 1}` : String(port.port)
  const protocol = port.protocol === 'TCP' ? '' : `/${port.protocol}`
  return `${number}${protocol}${port.name ? ` "${port.name}"` : ''}`
}
