/**
 * What k8s-net reads from a cluster, and where the cluster serves it.
 *
 * Discovery first (`/api/v1`, `/apis`, then the group versions needed): a kind
 * whose API group the cluster lacks (the Gateway API on most clusters) is
 * skipped without a request, and the rules that need it see none. Each kind is
 * read at the version the cluster prefers that serves it.
 *
 * Every name discovery gives is checked against Kubernetes' own syntax before
 * it goes into a URL (group: DNS subdomain; version and resource: DNS label):
 * a server that answers otherwise is not one k8s-net reads (exit 2).
 */
import {ApiError, apiPath, type ApiClient} from './api.js'
import {isRecord} from '../util/records.js'
import {ClusterError} from './errors.js'
import {isDnsLabel, isDnsSubdomain, quoted} from './names.js'

/** A kind k8s-net reads. Secrets and ConfigMaps are not, and never will be. */
export interface WantedResource {
  /** API group, `''` for the core group. */
  group: string
  /** Plural resource name, as in the URL; absent for a kind found by its name in discovery (a custom resource config names). */
  resource?: string
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
  {group: 'gateway.networking.k8s.io', resource: 'tlsroutes', kind: 'TLSRoute'},
  {group: 'gateway.networking.k8s.io', resource: 'tcproutes', kind: 'TCPRoute'},
  {group: 'gateway.networking.k8s.io', resource: 'udproutes', kind: 'UDPRoute'},
  {group: 'gateway.networking.k8s.io', resource: 'gatewayclasses', kind: 'GatewayClass'},
  {group: 'gateway.networking.k8s.io', resource: 'listenersets', kind: 'ListenerSet'},
  // ListenerSet's experimental predecessor (Gateway API v1.3 and v1.4), on clusters that still serve it.
  {group: 'gateway.networking.x-k8s.io', resource: 'xlistenersets', kind: 'XListenerSet'},
  {group: 'gateway.networking.k8s.io', resource: 'backendtlspolicies', kind: 'BackendTLSPolicy'},
  // Cluster-wide policies decide before (Admin tier) and after (Baseline tier) NetworkPolicies.
  {group: 'policy.networking.k8s.io', resource: 'clusternetworkpolicies', kind: 'ClusterNetworkPolicy'},
  {group: 'policy.networking.k8s.io', resource: 'adminnetworkpolicies', kind: 'AdminNetworkPolicy'},
  {group: 'policy.networking.k8s.io', resource: 'baselineadminnetworkpolicies', kind: 'BaselineAdminNetworkPolicy'},
  // CNI policies isolate pods too (default-deny-missing reads them).
  {group: 'cilium.io', resource: 'ciliumnetworkpolicies', kind: 'CiliumNetworkPolicy'},
  {group: 'cilium.io', resource: 'ciliumclusterwidenetworkpolicies', kind: 'CiliumClusterwideNetworkPolicy'},
  {group: 'crd.projectcalico.org', resource: 'networkpolicies', kind: 'NetworkPolicy'},
  {group: 'crd.projectcalico.org', resource: 'globalnetworkpolicies', kind: 'GlobalNetworkPolicy'},
]

/** Core resources never read, whatever asks for them: they hold credentials and configuration, not exposure. */
const NEVER_READ = new Set(['secrets', 'configmaps'])

/** The kinds a custom pod template kind of config adds to what is read: by group and kind, found in discovery. Secrets and ConfigMaps never. */
export function podTemplateResources(kinds: readonly {group: string; kind: string}[]): WantedResource[] {
  const out: WantedResource[] = []
  const known = (group: string, kind: string): boolean => [...WANTED_RESOURCES, ...out].some((w) => w.group === group && w.kind === kind)
  for (const {group, kind} of kinds) {
    // `*` (any group) would mean discovering every group of the cluster: such kinds are read from files only.
    // `extensions` serves the same objects as `apps` on the old clusters that have it: reading both would count each twice.
    if (group === '*' || group === 'extensions' || known(group, kind) || (group === '' && (kind === 'Secret' || kind === 'ConfigMap'))) continue
    out.push({group, kind})
  }

  return out
}

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
  return apiPath(...groupVersionSegments(r.group, r.version), ...(namespace === undefined ? [] : ['namespaces', namespace]), r.resource)
}

/** The path segments of a group version: `api/v1`, `apis/<group>/<version>`. */
const groupVersionSegments = (group: string, version: string): string[] => (group === '' ? ['api', version] : ['apis', group, version])

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
  const core = await resourcesOf('', 'v1')
  // A server whose core API lists none of the core kinds is not a cluster k8s-net can read: linting nothing would pass for clean.
  const missing = wanted.filter((w) => w.group === '' && w.resource !== undefined && !(core instanceof Map && core.has(w.resource)))
  if (missing.length > 0) {
    throw new ClusterError(
      `the core API of the cluster (GET /api/v1) does not list ${missing.map((w) => w.resource).join(', ')}: is ${api.server} the address of a Kubernetes API server (with its path prefix, if it sits behind one)?`,
    )
  }

  const versions = new Map<string, string[]>([['', ['v1']]])
  let groupsUnreadable = false
  if (wanted.some((w) => w.group !== '')) {
    const groups = await api.get(apiPath('apis')).catch((error: unknown) => {
      if (error instanceof ApiError && error.statusCode === 403) {
        warn(`cannot list the API groups of the cluster (${error.statusCode} ${error.reason}): only core kinds are read`)
        groupsUnreadable = true
        return undefined
      }

      if (error instanceof ApiError) throw new ClusterError(`cannot list the API groups of the cluster (GET /apis): ${error.statusCode} ${error.reason}: ${error.message}`)
      throw error
    })
    const wantedGroups = new Set(wanted.map((w) => w.group))
    for (const [name, order] of groupVersions(groups)) if (wantedGroups.has(name)) versions.set(name, order)
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

      const found = w.resource !== undefined ? resources?.get(w.resource) : resources && [...resources.values()].find((r) => r.kind === w.kind)
      if (found && !(found.group === '' && NEVER_READ.has(found.resource))) {
        // The kind k8s-net asked for, whatever the server calls it: objects are linted as that kind.
        served.push({...found, kind: w.kind})
        break
      }
    }
  }

  return {served, unreadable}
}

/** Each group's versions, the preferred one first, from an APIGroupList; a name that is not a valid group or version fails discovery. */
function groupVersions(list: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (list === undefined) return out
  if (!isRecord(list) || !Array.isArray(list.groups)) throw new ClusterError('the answer to GET /apis is not an APIGroupList: is this a Kubernetes API server?')
  for (const g of list.groups) {
    if (!isRecord(g) || !isDnsSubdomain(g.name)) throw new ClusterError(`the API server's discovery (GET /apis) lists an invalid API group name ${quoted(isRecord(g) ? g.name : g)}`)
    const order: string[] = []
    const add = (version: unknown): void => {
      if (!isDnsLabel(version)) throw new ClusterError(`the API server's discovery (GET /apis) lists an invalid version ${quoted(version)} of API group ${g.name}`)
      if (!order.includes(version)) order.push(version)
    }

    if (isRecord(g.preferredVersion)) add(g.preferredVersion.version)
    for (const v of Array.isArray(g.versions) ? g.versions : []) add(isRecord(v) ? v.version : v)
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
  const path = apiPath(...groupVersionSegments(group, version))
  let list: unknown
  try {
    list = await api.get(path)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (group === '') throw new ClusterError(`cannot read the core API of the cluster (GET ${path}): ${error.statusCode} ${error.reason}: ${error.message}`)
    if (error.statusCode === 404) return undefined
    if (error.statusCode !== 403) throw new ClusterError(`cannot discover API group ${group}/${version} (GET ${path}): ${error.statusCode} ${error.reason}: ${error.message}`)
    warn(`cannot discover API group ${group}/${version} (${error.statusCode} ${error.reason}): its kinds are not read`)
    return 'unreadable'
  }

  const out = new Map<string, ServedResource>()
  if (!isRecord(list) || !Array.isArray(list.resources)) throw new ClusterError(`the answer to GET ${path} is not an APIResourceList: is this a Kubernetes API server?`)
  for (const r of list.resources) {
    if (!isRecord(r) || typeof r.name !== 'string') throw new ClusterError(`the API server's discovery (GET ${path}) lists a resource without a name`)
    // Subresources (`pods/status`) have a slash: never requested, so their names do not matter.
    if (r.name.includes('/')) continue
    if (!isDnsLabel(r.name)) throw new ClusterError(`the API server's discovery (GET ${path}) lists an invalid resource name ${quoted(r.name)}`)
    // Kinds that cannot be listed are of no use.
    if (Array.isArray(r.verbs) && !r.verbs.includes('list')) continue
    out.set(r.name, {group, version, resource: r.name, kind: typeof r.kind === 'string' ? r.kind : '', namespaced: r.namespaced !== false})
  }

  return out
}
