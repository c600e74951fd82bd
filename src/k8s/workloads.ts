/** Reading pod specs: containers (with sidecars), their ports and probes. */
import type {ObjectPath, PodTemplate} from '../engine/types.js'
import {isRecord, mappingsOf} from '../util/records.js'

export interface ContainerPort {
  /** Index in the container's `ports`. */
  index: number
  name?: string
  containerPort?: number
  protocol: string
}

export interface ContainerInfo {
  /** The container object as written. */
  container: Record<string, unknown>
  name: string
  /** Path from the owner object (not the template) to the container. */
  path: ObjectPath
  /** `container`; `sidecar` for an init container with restartPolicy: Always (it runs beside the app); `init` otherwise. */
  role: 'container' | 'sidecar' | 'init'
  ports: ContainerPort[]
}

/** The containers of a pod template, init containers included (check `role`). */
export function containersOf(template: PodTemplate): ContainerInfo[] {
  const out: ContainerInfo[] = []
  for (const field of ['initContainers', 'containers'] as const) {
    const list = template.spec[field]
    if (!Array.isArray(list)) continue
    for (const [i, c] of list.entries()) {
      if (!isRecord(c)) continue
      const role = field === 'containers' ? 'container' : c.restartPolicy === 'Always' ? 'sidecar' : 'init'
      out.push({
        container: c,
        name: typeof c.name === 'string' ? c.name : `#${i}`,
        path: [...template.path, 'spec', field, i],
        role,
        ports: portsOf(c),
      })
    }
  }

  return out
}

function portsOf(container: Record<string, unknown>): ContainerPort[] {
  return mappingsOf(container.ports).map(([index, p]) => ({
    index,
    name: typeof p.name === 'string' ? p.name : undefined,
    containerPort: typeof p.containerPort === 'number' ? p.containerPort : undefined,
    protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
  }))
}

/** Containers that serve for the pod's lifetime: app containers and sidecars. */
export function longRunningContainers(template: PodTemplate): ContainerInfo[] {
  return containersOf(template).filter((c) => c.role !== 'init')
}
