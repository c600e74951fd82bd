/**
 * What k8s-net reads from a cluster, and where the cluster serves it.
 *
 * Discovery first (`/api/v1`, `/apis`, then the group versions needed): a kind
 * whose API group the cluster lacks (the Gateway API on most clusters) is
 * skipped without a request, and the rules that need it see none. Each kind is
 * read at the version the cluster prefers that serves it.
 */
import {ApiError, type ApiClient} from './api.js'
import {isRecord} from '../engine/util.js'
import {ClusterError} from './errors.js'

/** A kind k8s-net reads. Secrets and ConfigMaps are not, and never will be. */
export interface WantedResource {
  /** API group, `''` for the core group. */
  group: string
  /** Plural resource name, as in the URL. */
  resource: string
}

export const WANTED_RESOURCES: readonly WantedResource[] = [
  {group: '', resource: 'namespaces'},
  {group: '', resource: 'services'},
  {group: 'discovery.k8s.io', resource: 'endpointslices'},
  {group: '', resource: 'pods'},
  {group: 'apps', resource: 'deployments'},
  {group: 'apps', resource: 'statefulsets'},
  {group: 'apps', resource: 'daemonsets'},
  {group: 'apps', resource: 'replicasets'},
  {group: 'batch', resource: 'jobs'},
  {group: 'batch', resource: 'cronjobs'},
  {group: 'networking.k8s.io', resource: 'ingresses'},
  {group: 'networking.k8s.io', resource: 'ingressclasses'},
  {group: 'networking.k8s.io', resource: 'networkpolicies'},
  {group: 'autoscaling', resource: 'horizontalpodautoscalers'},
  {group: 'gateway.networking.k8s.io', resource: 'gateways'},
  {group: 'gateway.networking.k8s.io', resource: 'httproutes'},
  {group: 'gateway.networking.k8s.io', resource: 'grpcroutes'},
  {group: 'gateway.networking.k8s.io', resource: 'referencegrants'},
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
export async function discover(api: ApiClient, wanted: readonly WantedResource[], warn: (message: string) => void): Promise<ServedResource[]> {
  const lists = new Map<string, Promise<Map<string, ServedResource> | undefined>>()
  const resourcesOf = (group: string, version: string): Promise<Map<string, ServedResource> | undefined> => {
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
  if (wanted.some((w) => w.group !== '')) {
    const groups = await api.get('/apis').catch((error: unknown) => {
      if (error instanceof ApiError) {
        warn(`cannot list the API groups of the cluster (${error.statusCode} ${error.reason}): only core kinds are read`)
        return undefined
      }

      throw error
    })
    for (const [name, order] of groupVersions(groups)) versions.set(name, order)
  }

  // The preferred version of every group at once; other versions only for kinds it lacks.
  await Promise.all([...new Set(wanted.map((w) => w.group))].map((g) => versions.get(g)?.[0] && resourcesOf(g, versions.get(g)![0]!)))
  const served: ServedResource[] = []
  for (const w of wanted) {
    for (const version of versions.get(w.group) ?? []) {
      const found = (await resourcesOf(w.group, version))?.get(w.resource)
      if (found) {
        served.push(found)
        break
      }
    }
  }

  return served
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

/** The listable resources of one group version, by plural name; undefined when the cluster does not serve it. */
async function fetchResources(api: ApiClient, group: string, version: string, warn: (message: string) => void): Promise<Map<string, ServedResource> | undefined> {
  const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`
  let list: unknown
  try {
    list = await api.get(path)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (group === '') throw new ClusterError(`cannot read the core API of the cluster (GET ${path}): ${error.statusCode} ${error.reason}: ${error.message}`)
    if (error.statusCode !== 404) warn(`cannot discover API group ${group}/${version} (${error.statusCode} ${error.reason}): its kinds are not read`)
    return undefined
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
