/**
 * What the exposure rules read of the model: for each workload reached from
 * outside the cluster (the internet, a private network, the nodes' network),
 * each way in, named as messages name it and pointing at where it is written.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {ObjectPath, PodTemplate, Resource} from '../engine/types.js'
import {describePath, exposureModel, type ExposurePath, outsidePaths} from './model.js'
import {onceFor} from '../util/once.js'

export interface Exposure {
  /** What takes outside traffic: the Service itself, or the Ingress, route or pod spec in front of it. */
  via: Resource
  /** Where in `via` the exposure is written: the Service's type, the backend's Service name, the hostPort. */
  path: ObjectPath
  /** `LoadBalancer Service shop/web`, `Ingress shop/web (Service shop/web)`. */
  description: string
  /** The model's path. */
  route: ExposurePath
}

/** How each long-running workload is reached from outside the cluster; workloads reached by nothing are absent. Worked out once for an index. */
export const exposuresOf: (index: ResourceIndex) => ReadonlyMap<PodTemplate, readonly Exposure[]> = onceFor(readExposures)

function readExposures(index: ResourceIndex): ReadonlyMap<PodTemplate, readonly Exposure[]> {
  const out = new Map<PodTemplate, Exposure[]>()
  for (const w of exposureModel(index).workloads) {
    const list: Exposure[] = []
    const seen = new Set<string>()
    for (const route of outsidePaths(w)) {
      // The hop that names the way in: the Ingress or route, else the first (the Service, the hostPort).
      const entry = route.hops.find((h) => h.type === 'ingress' || h.type === 'route') ?? route.hops[0]!
      const service = route.hops.find((h) => h.type === 'service')
      if (!entry.object) continue
      const k = `${entry.object.uid}\u0000${service?.object?.uid ?? ''}`
      if (seen.has(k)) continue
      seen.add(k)
      list.push({via: entry.object, path: entry.path ?? [], description: describePath(route), route})
    }

    if (list.length === 0) continue
    // Messages name the first way in: the one written beside the workload, if any.
    const file = fileOf(w.template.owner)
    list.sort((a, b) => Number(fileOf(b.via) === file) - Number(fileOf(a.via) === file))
    out.set(w.template, list)
  }

  return out
}

const fileOf = (r: Resource): string | undefined => (r.origin.type === 'file' ? r.origin.file : undefined)

/** How a workload is reached, for messages: the first way, and how many more there are. */
export function describeExposures(exposures: readonly Exposure[]): string {
  const [first, ...rest] = exposures
  if (!first) return 'nothing'
  return rest.length === 0 ? first.description : `${first.description} and ${rest.length} more`
}
