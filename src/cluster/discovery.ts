/**
 * What k8s-net reads from a cluster, and where the cluster serves it.
 *
 * Discovery first (`/api/v1`, `/apis`, then the group versions needed): a kind
 * whose API group the cluster lacks (the Gateway API on most clusters) is
 * skipped without a request, and the rules that need it see none. Each kind is
 * read at the version the cluster prefers that serves it.
 */
import {ApiError, type ApiClient} from './api.js'
import {isRecord} from '../util/records.js'
import {ClusterError} from './errors.js'

/** A kind k8s-net reads. Secrets and ConfigMaps are not, and never will be. */
export interface WantedResource {
  /** API group, `''` for the core group. */
  group: string
  /** Plural resource name, as in the URL. */
  resource: string
  /** Its kind, to say what could not be read when discovery itself fails. */
  kind: string
}

export const WANTED_RESOURCES: readonly WantedResource[] = [
  {group: '', resource: 'namespaces', kind: 'Namespace'},
  {group: '', resource: 'services', kind: 'Service'},
  {group: 'discovery.k8s.io', resource: 'endpointslices', kind: 'EndpointSlice'},
  {group: '', resource: 'pods', kind: 'Pod'},
  {group: 'apps', resource: 'deployments', kind: 'Deployment'},
  {group: 'apps', resource: 'statefulsets', kind: 'StatefulSet'},
  {group: 'apps', resource: 'daemonsets', kind: 'DaemonSet'},
  {group: 'apps', resource: 'replicasets', kind: 'ReplicaSet'},
  {group: 'batch', resource: 'jobs', kind: 'Job'},
  {group: 'batch', resource: 'cronjobs', kind: 'CronJob'},
  {group: 'networking.k8s.io', resource: 'ingresses', kind: 'Ingress'},
  {group: 'networking.k8s.io', resource: 'ingressclasses', kind: 'IngressClass'},
  {group: 'networking.k8s.io', resource: 'networkpolicies', kind: 'NetworkPolicy'},
  {group: 'autoscaling', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler'},
  {group: 'gateway.networking.k8s.io', resource: 'gateways', kind: 'Gateway'},
  {group: 'gateway.networking.k8s.io', resource: 'httproutes', kind: 'HTTPRoute'},
  {group: 'gateway.networking.k8s.io', resource: 'grpcroutes', kind: 'GRPCRoute'},
  {group: 'gateway.networking.k8s.io', resource: 'referencegrants', kind: 'ReferenceGrant'},
]

/** A kind as the cluster serves it. */
export interface ServedResource {
  group: string
  version: string
  resource: string
  kind: string
  namespaced: boolean
}

export const apiVersionOf = (r: {group: string; version: string}): string => (r.group === '' ? r.version : `${r.group}/${r.version}`)

/** The URL of a resource's collection, in one namespace or across all. */
export function collectionPath(r: ServedResource, namespace?: string): string {
  const base = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`
  return `${base}${namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`}/${r.resource}`
}

/**
 * Finds where the cluster serves each wanted kind. A group or group version
 * the cluster does not have (404) is skipped; one the user may not discover
 * (403) is skipped with a warning. The first request (core v1) fails the run
 * (ClusterError) when the cluster cannot be read at all.
 */
export async function discover(
  api: ApiClient,
  wanted: readonly WantedResource[],
  warn: (message: string) => void,
): Promise<{served: ServedResource[]; unreadable: WantedResource[]}> {
  const lists = new Map<string, Promise<Map<string, ServedResource> | 'unreadable' | undefined>>()
  const resourcesOf = (group: string, version: string): Promise<Map<string, ServedResource> | 'unreadable' | undefined> => {
    const key = `${group}/${version}`
    let list = lists.get(key)
    if (!list) {
      list = fetchResources(api, group, version, warn)
      lists.set(key, list)
    }

    return list
  }

  // Core v1 first and alone: if the cluster cannot be read, this says why before anything else is tried.
  await resourcesOf('', 'v1')
  const versions = new Map<string, string[]>([['', ['v1']]])
  let groupsUnreadable = false
  if (wanted.some((w) => w.group !== '')) {
    const groups = await api.get('/apis').catch((error: unknown) => {
      if (error instanceof ApiError) {
        warn(`cannot list the API groups of the cluster (${error.statusCode} ${error.reason}): only core kinds are read`)
        groupsUnreadable = true
        return undefined
      }

      throw error
    })
    for (const [name, order] of groupVersions(groups)) versions.set(name, order)
  }

  // The preferred version of every group at once; other versions only for kinds it lacks.
  await Promise.all([...new Set(wanted.map((w) => w.group))].map((g) => versions.get(g)?.[0] && resourcesOf(g, versions.get(g)![0]!)))
  const served: ServedResource[] = []
  // Kinds whose discovery the cluster refused: not absent, unknown.
  const unreadable: WantedResource[] = []
  for (const w of wanted) {
    if (w.group !== '' && groupsUnreadable) {
      unreadable.push(w)
      continue
    }

    for (const version of versions.get(w.group) ?? []) {
      const resources = await resourcesOf(w.group, version)
      if (resources === 'unreadable') {
        unreadable.push(w)
        break
      }

      const found = resources?.get(w.resource)
      if (found) {
        served.push(found)
        break
      }
    }
  }

  return {served, unreadable}
}

/** Each group's versions, the preferred one first, from an APIGroupList. */
function groupVersions(list: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const groups = isRecord(list) && Array.isArray(list.groups) ? list.groups : []
  for (const g of groups) {
    if (!isRecord(g) || typeof g.name !== 'string') continue
    const order: string[] = []
    const preferred = isRecord(g.preferredVersion) ? g.preferredVersion.version : undefined
    if (typeof preferred === 'string') order.push(preferred)
    for (const v of Array.isArray(g.versions) ? g.versions : []) {
      if (isRecord(v) && typeof v.version === 'string' && !order.includes(v.version)) order.push(v.version)
    }

    out.set(g.name, order)
  }

  return out
}

/** The listable resources of one group version, by plural name; undefined when the cluster does not serve it, `unreadable` when it refused to say. */
async function fetchResources(
  api: ApiClient,
  group: string,
  version: string,
  warn: (message: string) => void,
): Promise<Map<string, ServedResource> | 'unreadable' | undefined> {
  const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`
  let list: unknown
  try {
    list = await api.get(path)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (group === '') throw new ClusterError(`cannot read the core API of the cluster (GET ${path}): ${error.statusCode} ${error.reason}: ${error.message}`)
    if (error.statusCode === 404) return undefined
    warn(`cannot discover API group ${group}/${version} (${error.statusCode} ${error.reason}): its kinds are not read`)
    return 'unreadable'
  }

  const out = new Map<string, ServedResource>()
  const resources = isRecord(list) && Array.isArray(list.resources) ? list.resources : []
  for (const r of resources) {
    // Subresources (`pods/status`) have a slash; kinds that cannot be listed are of no use.
    if (!isRecord(r) || typeof r.name !== 'string' || r.name.includes('/') || typeof r.kind !== 'string') continue
    if (Array.isArray(r.verbs) && !r.verbs.includes('list')) continue
    out.set(r.name, {group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced !== false})
  }

  return out
}
