/** Reading pod specs: containers (with sidecars), their ports and probes; which pods serve at all. */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {Selector} from '../engine/selectors.js'
import type {ObjectPath, PodTemplate} from '../engine/types.js'
import {isRecord, mappingsOf} from '../util/records.js'
import {onceFor} from '../util/once.js'

export interface ContainerPort {
  /** Index in the container's `ports`. */
  index: number
  name?: string
  containerPort?: number
  protocol: string
}

export interface ContainerInfo {
  /** The container object as written. */
  readonly container: Record<string, unknown>
  readonly name: string
  /** Path from the owner object (not the template) to the container. */
  readonly path: ObjectPath
  /** `container`; `sidecar` for an init container with restartPolicy: Always (it runs beside the app); `init` otherwise. */
  readonly role: 'container' | 'sidecar' | 'init'
  readonly ports: readonly ContainerPort[]
}

/** The containers of a pod template, init containers included (check `role`); read once for each template (many rules ask, and the model for every path), and shared. */
export const containersOf: (template: PodTemplate) => readonly ContainerInfo[] = onceFor(readContainers)

function readContainers(template: PodTemplate): ContainerInfo[] {
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
export const longRunningContainers: (template: PodTemplate) => readonly ContainerInfo[] = onceFor((template) => containersOf(template).filter((c) => c.role !== 'init'))

/** The annotation by which Helm runs an object as a hook (`test`, `pre-install`...) rather than as part of the release. */
export const HELM_HOOK_ANNOTATION = 'helm.sh/hook'

/**
 * Whether the pods of a template run to completion and never serve: the
 * kinds that run to completion (Jobs, CronJobs, and CRD kinds configured
 * with `batch: true`), Pods with restartPolicy Never or OnFailure (one-off
 * and test pods), and Pods that Helm runs as hooks (`helm.sh/hook: test`,
 * `pre-install`...: Helm waits for them to finish). Such pods are in no
 * Service's endpoints for long, take no traffic and have nothing to restart,
 * even when they carry the selector labels of the workload they test.
 * The one definition every rule uses.
 */
export function neverServes(template: PodTemplate): boolean {
  if (template.batch) return true
  const policy = template.spec.restartPolicy
  if (policy === 'Never' || policy === 'OnFailure') return true
  return template.owner.kind === 'Pod' && template.owner.group === '' && isRecord(template.owner.object.metadata) && helmHook(template.owner.object.metadata) !== undefined
}

function helmHook(metadata: Record<string, unknown>): string | undefined {
  const annotations = metadata.annotations
  if (!isRecord(annotations)) return undefined
  const hook = annotations[HELM_HOOK_ANNOTATION]
  return typeof hook === 'string' && hook.trim() !== '' ? hook : undefined
}

/** The pod templates of a namespace that a selector reaches and whose pods serve (see `neverServes`). */
export function servingTemplates(index: ResourceIndex, namespace: string, selector: Selector): PodTemplate[] {
  return index.selectTemplates(namespace, selector).filter((t) => !neverServes(t))
}
