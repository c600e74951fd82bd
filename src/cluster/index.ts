/**
 * The live-cluster source: reads the kinds k8s-net lints from the cluster of
 * a kubeconfig context, with GET requests only (never Secrets or ConfigMaps),
 * page by page, and turns them into resources for the engine.
 *
 * Tolerant: a kind or namespace the user may not list (403) is a warning and
 * the rest is read; an API group the cluster lacks is skipped. A cluster that
 * cannot be read at all (no answer, TLS, refused credentials) is a
 * ClusterError (exit 2).
 *
 * Which objects are linted: all of them when only the cluster is linted,
 * except objects that only mirror another (the ReplicaSets of a Deployment,
 * the Pods of a ReplicaSet, StatefulSet, DaemonSet or Job, the Jobs of a
 * CronJob), objects in system namespaces (settings.systemNamespaces) unless
 * --namespace names them, and, with --namespace, objects outside the named
 * namespaces. Those are still read, as reference: selectors and references
 * resolve against them. With files, the whole cluster is reference.
 */
import type {Settings} from '../engine/rule.js'
import type {K8sObject, Origin, Resource} from '../engine/types.js'
import {groupOf} from '../engine/kinds.js'
import {LoadedInput, makeResource} from '../loaders/sources.js'
import {ApiClient, ApiError, parseDuration} from './api.js'
import {isRecord} from '../util/records.js'
import {apiVersionOf, collectionPath, discover, type ServedResource, WANTED_RESOURCES} from './discovery.js'
import {ClusterError} from './errors.js'
import {connect, type KubeconfigOptions} from './kubeconfig.js'

export {ClusterError} from './errors.js'

export interface ClusterOptions extends KubeconfigOptions {
  /** `--namespace`, repeatable: read these namespaces only (cluster-scoped kinds are read whole). All when empty. */
  namespaces?: readonly string[]
  /** `--request-timeout`: the deadline of each request, `30s` by default; `0` for none. */
  requestTimeout?: string
  /** Told what could not be read (a 403 on a kind or namespace), once each. */
  onWarning?: (message: string) => void
}

export interface ClusterLoadContext {
  /** The cluster is reference for linted files: nothing of it is reported on. */
  reference: boolean
  settings: Pick<Settings, 'systemNamespaces'>
}

export const DEFAULT_REQUEST_TIMEOUT = '30s'
/** Objects per page (`limit`), as kubectl asks. */
export const PAGE_SIZE = 500
/** Requests in flight at once. */
const CONCURRENCY = 4
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
/** Owners whose children mirror them: a Pod of a ReplicaSet repeats the ReplicaSet's template, which repeats the Deployment's. */
const WORKLOAD_OWNERS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'])
const WORKLOAD_GROUPS = new Set(['apps', 'batch', 'extensions'])

/** Reads the cluster of the kubeconfig context. */
export async function loadCluster(options: ClusterOptions, context: ClusterLoadContext): Promise<LoadedInput> {
  const timeoutText = options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT
  const timeoutMs = parseDuration(timeoutText)
  if (timeoutMs === undefined) throw new ClusterError(`--request-timeout takes a duration such as 30s, 1m or 500ms, not ${JSON.stringify(timeoutText)}`)
  const namespaces = [...new Set(options.namespaces ?? [])]
  const warn = options.onWarning ?? (() => {})

  const connection = await connect(options)
  const api = new ApiClient(connection, timeoutMs, CONCURRENCY)
  let refused: readonly {kind: string}[] = []
  let lists: Array<{served: ServedResource; namespace?: string; items: unknown[] | 'unreadable'}>
  try {
    const {served, unreadable} = await discover(api, WANTED_RESOURCES, warn)
    refused = unreadable
    const tasks = served.flatMap((r): Array<{r: ServedResource; ns?: string}> => (r.namespaced && namespaces.length > 0 ? namespaces.map((ns) => ({r, ns})) : [{r}]))
    const results = await mapLimit(tasks, CONCURRENCY, ({r, ns}) => listAll(api, r, ns, warn))
    lists = tasks.map(({r, ns}, i) => ({served: r, namespace: ns, items: results[i] ?? []}))
  } finally {
    api.close()
  }

  const loaded = new LoadedInput()
  for (const {kind} of refused) loaded.unreadable.push({kind})
  const origin: Origin = {type: 'cluster', cluster: connection.context}
  const scope = {reference: context.reference, namespaces, systemNamespaces: context.settings.systemNamespaces}
  for (const {served, namespace, items} of lists) {
    if (items === 'unreadable') {
      loaded.unreadable.push({kind: served.kind, ...(namespace === undefined ? {} : {namespace})})
      continue
    }

    for (const item of items) {
      const object = prepare(item, served)
      if (!object) continue
      const resource = makeResource(object, origin, loaded.resources.length, undefined, false)
      loaded.resources.push(isReference(resource, scope) ? {...resource, reference: true} : resource)
    }
  }

  return loaded
}

/** Lists a resource (in one namespace, or all), following `continue` from page to page; `unreadable` when it may not be read. */
async function listAll(api: ApiClient, r: ServedResource, namespace: string | undefined, warn: (message: string) => void): Promise<unknown[] | 'unreadable'> {
  const path = collectionPath(r, namespace)
  const items: unknown[] = []
  let token: string | undefined
  let restarted = false
  for (;;) {
    let page: unknown
    try {
      page = await api.get(path, token === undefined ? {limit: String(PAGE_SIZE)} : {limit: String(PAGE_SIZE), continue: token})
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      // The continue token expired (the list took longer than etcd keeps its snapshot): start over, once.
      if (error.statusCode === 410 && token !== undefined && !restarted) {
        restarted = true
        token = undefined
        items.length = 0
        continue
      }

      // The group went away between discovery and listing: as if the cluster never had it.
      if (error.statusCode === 404) return []
      warn(error.statusCode === 403 ? forbidden(r, namespace) : `cannot list ${qualified(r)}${where(namespace)}: ${error.statusCode} ${error.reason}: ${error.message}`)
      return 'unreadable'
    }

    if (!isRecord(page) || !Array.isArray(page.items)) {
      warn(`the answer to GET ${path} is not a list: ${r.kind} objects${where(namespace)} are not read`)
      return 'unreadable'
    }

    // A loop, not push(...): a page may hold more items than a call takes arguments.
    for (const item of page.items) items.push(item)
    const next = isRecord(page.metadata) ? page.metadata.continue : undefined
    if (typeof next !== 'string' || next === '') return items
    if (next === token) {
      warn(`the API server repeated a continue token listing ${qualified(r)}${where(namespace)}: the list stops there`)
      return items
    }

    token = next
  }
}

/** The warning for a 403: which permission is missing, and what the lint does without it. */
function forbidden(r: ServedResource, namespace: string | undefined): string {
  const scope = namespace !== undefined ? `in namespace "${namespace}"` : r.namespaced ? 'cluster-wide (in all namespaces)' : 'cluster-wide'
  const hint = namespace === undefined && r.namespaced ? '; or lint the namespaces you may read with --namespace' : ''
  return (
    `forbidden: cannot list ${qualified(r)}${where(namespace)}, so rules that would look for a ${r.kind} there say nothing. ` +
    `Missing permission: verb "list" on resource "${r.resource}" in API group "${r.group}"${r.group === '' ? ' (core)' : ''} ${scope}${hint}`
  )
}

const qualified = (r: ServedResource): string => (r.group === '' ? r.resource : `${r.resource}.${r.group}`)
const where = (namespace: string | undefined): string => (namespace === undefined ? '' : ` in namespace ${namespace}`)

/** A list item as an object of its kind: list items carry no apiVersion or kind, and what k8s-net never reads is dropped to save memory. */
function prepare(item: unknown, r: ServedResource): K8sObject | undefined {
  if (!isRecord(item)) return undefined
  item.apiVersion = apiVersionOf(r)
  item.kind = r.kind
  const metadata = item.metadata
  if (isRecord(metadata)) {
    delete metadata.managedFields
    if (isRecord(metadata.annotations)) delete metadata.annotations[LAST_APPLIED]
  }

  return item
}

function isReference(resource: Resource, scope: {reference: boolean; namespaces: readonly string[]; systemNamespaces: readonly string[]}): boolean {
  if (scope.reference || mirrorsOwner(resource.object)) return true
  const namespace = resource.kind === 'Namespace' ? resource.name : resource.namespace
  if (scope.namespaces.length > 0) return !scope.namespaces.includes(namespace)
  return namespace !== '' && scope.systemNamespaces.includes(namespace)
}

/** Whether a workload controller made this object from its own template. */
function mirrorsOwner(object: K8sObject): boolean {
  const owners = isRecord(object.metadata) ? object.metadata.ownerReferences : undefined
  if (!Array.isArray(owners)) return false
  return owners.some(
    (o) => isRecord(o) && o.controller === true && typeof o.kind === 'string' && WORKLOAD_OWNERS.has(o.kind) && typeof o.apiVersion === 'string' && WORKLOAD_GROUPS.has(groupOf(o.apiVersion)),
  )
}

/** Maps with at most `limit` calls in flight, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const i = next++
      try {
        out[i] = await fn(items[i]!)
      } catch (error) {
        // One failure fails the whole: start nothing more.
        failed = true
        throw error
      }
    }
  }

  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  return out
}
