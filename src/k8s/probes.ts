/**
 * Probes: which containers are expected to carry them, and the ports they
 * name. Read tolerantly: a probe that is not a mapping is no probe, a port of
 * the wrong type is left to the rules that validate it.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {ObjectPath, PodTemplate} from '../engine/types.js'
import {imageRepository} from './front-doors.js'
import {type ContainerInfo, type ContainerPort, longRunningContainers, neverServes} from './workloads.js'
import {getPath, isRecord} from '../util/records.js'

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

/** A long-running container that lacks a probe of some kind. */
export interface MissingProbe {
  template: PodTemplate
  container: ContainerInfo
  /** Where to point: the container's `name` value, or the container when it has no name. */
  path: ObjectPath
}

/**
 * The containers of long-running workloads (not pods that run to completion,
 * see `neverServes`; not init containers, but sidecars with restartPolicy: Always) that have no probe of
 * this kind, in load order.
 */
export function containersWithoutProbe(index: ResourceIndex, kind: ProbeKind): MissingProbe[] {
  const out: MissingProbe[] = []
  for (const template of index.podTemplates) {
    if (neverServes(template)) continue
    for (const container of longRunningContainers(template)) {
      if (probeOf(container, kind) || runsPause(container)) continue
      const path = typeof container.container.name === 'string' ? [...container.path, 'name'] : container.path
      out.push({template, container, path})
    }
  }

  return out
}

/**
 * Whether a container runs the pause image (`registry.k8s.io/pause`,
 * `gcr.io/google-containers/pause-amd64`): it sleeps until the pod is deleted,
 * keeping in place a pod whose init containers did the work (a node setup
 * DaemonSet). It serves nothing and cannot hang: there is nothing to probe.
 */
export function runsPause(container: ContainerInfo): boolean {
  const image = container.container.image
  return typeof image === 'string' && /^pause(?:-[a-z0-9]+)?$/.test(imageRepository(image).split('/').at(-1)!)
}

/**
 * The proxy a mesh injects into the pods of a template when they are created,
 * if the template asks for one: Linkerd's (`linkerd.io/inject: enabled` or
 * `ingress`) or Istio's (`sidecar.istio.io/inject: "true"`, as annotation or
 * label). Both come with a readiness probe, which then gates the pod.
 */
export function injectedProxy(template: PodTemplate): string | undefined {
  const metadata = template.path.length === 0 ? template.owner.object.metadata : getPath(template.owner.object, [...template.path, 'metadata'])
  const annotations = isRecord(metadata) && isRecord(metadata.annotations) ? metadata.annotations : {}
  const linkerd = annotations['linkerd.io/inject']
  if (linkerd === 'enabled' || linkerd === 'ingress') return 'linkerd-proxy'
  if (String(annotations['sidecar.istio.io/inject'] ?? template.labels['sidecar.istio.io/inject']) === 'true') return 'istio-proxy'
  return undefined
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
