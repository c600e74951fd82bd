/**
 * Probes: which containers are expected to carry them, and the ports they
 * name. Read tolerantly: a probe that is not a mapping is no probe, a port of
 * the wrong type is left to the rules that validate it.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {PodTemplate} from '../engine/types.js'
import type {ObjectPath} from '../engine/types.js'
import {type ContainerInfo, type ContainerPort, longRunningContainers} from './workloads.js'
import {isRecord} from '../util/records.js'

export const PROBE_KINDS = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const
export type ProbeKind = (typeof PROBE_KINDS)[number]

/** The probe handlers that reach the container over the network, each with its port field. */
export const NETWORK_HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const
export type NetworkHandler = (typeof NETWORK_HANDLERS)[number]

/** The container's probe of this kind, when it has one (a mapping). */
export function probeOf(container: ContainerInfo, kind: ProbeKind): Record<string, unknown> | undefined {
  const probe = container.container[kind]
  return isRecord(probe) ? probe : undefined
}

/**
 * Whether the pods of a template run to completion rather than serve: Jobs and
 * CronJobs, and Pods whose restartPolicy is Never or OnFailure (one-off and
 * test pods). Such pods take no traffic and have nothing to restart.
 */
export function runsToCompletion(template: PodTemplate): boolean {
  if (template.batch) return true
  const policy = template.spec.restartPolicy
  return policy === 'Never' || policy === 'OnFailure'
}

/** A long-running container that lacks a probe of some kind. */
export interface MissingProbe {
  template: PodTemplate
  container: ContainerInfo
  /** Where to point: the container's `name` value, or the container when it has no name. */
  path: ObjectPath
}

/**
 * The containers of long-running workloads (not Jobs or CronJobs, not init
 * containers, but sidecars with restartPolicy: Always) that have no probe of
 * this kind, in load order.
 */
export function containersWithoutProbe(index: ResourceIndex, kind: ProbeKind): MissingProbe[] {
  const out: MissingProbe[] = []
  for (const template of index.podTemplates) {
    if (runsToCompletion(template)) continue
    for (const container of longRunningContainers(template)) {
      if (probeOf(container, kind)) continue
      const path = typeof container.container.name === 'string' ? [...container.path, 'name'] : container.path
      out.push({template, container, path})
    }
  }

  return out
}

/** How a container is named in messages: `container "web"`, `sidecar container "proxy"`. */
export function describeContainer(container: ContainerInfo): string {
  return `${container.role === 'sidecar' ? 'sidecar container' : 'container'} ${JSON.stringify(container.name)}`
}

/** A port a probe connects to, as written. */
export interface ProbePort {
  probe: ProbeKind
  handler: NetworkHandler
  /** As written: a number, a port name, or anything else. */
  port: unknown
  /** Path from the owner object to the port value. */
  path: ObjectPath
}

/** The ports the container's probes connect to (httpGet, tcpSocket, grpc), those that set one. */
export function probePorts(container: ContainerInfo): ProbePort[] {
  const out: ProbePort[] = []
  for (const probe of PROBE_KINDS) {
    const spec = probeOf(container, probe)
    if (!spec) continue
    for (const handler of NETWORK_HANDLERS) {
      const action = spec[handler]
      if (!isRecord(action) || action.port === undefined || action.port === null) continue
      out.push({probe, handler, port: action.port, path: [...container.path, probe, handler, 'port']})
    }
  }

  return out
}

/** The port of the container with this name (names are case-sensitive, as the kubelet reads them). */
export function namedPort(container: ContainerInfo, name: string): ContainerPort | undefined {
  return container.ports.find((p) => p.name === name)
}
