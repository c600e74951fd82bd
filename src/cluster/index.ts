/**
 * The live-cluster source: reads the kinds k8s-net lints from the cluster of
 * a kubeconfig context, with GET requests only (never Secrets or ConfigMaps),
 * page by page, and turns them into resources for the engine.
 *
 * Tolerant of permissions only: a kind or namespace the user may not list
 * (403) is a warning and the rest is read (a user who may list nothing across
 * namespaces reads the context's namespace, as kubectl); an API group the
 * cluster lacks is skipped. Anything else that keeps a kind from being read
 * (no answer, TLS, refused credentials, a server error, a redirect, an answer
 * that is not a list, a listing that never ends) is a ClusterError (exit 2):
 * nothing is passed off as empty.
 *
 * Which objects are linted: all of them when only the cluster is linted,
 * except objects that only mirror another (the ReplicaSets of a Deployment,
 * the Pods of a ReplicaSet, StatefulSet, DaemonSet or Job, the Jobs of a
 * CronJob), objects in system namespaces (settings.systemNamespaces) unless
 * --namespace names them, and, with --namespace, objects outside the named
 * namespaces. Those are still read, as reference: selectors and references
 * resolve against them. With files, the whole cluster is reference.
 */
import {type KubeVersion, versionFromServer} from '../engine/kube-version.js'
import type {Settings} from '../engine/rule.js'
import type {K8sObject, Origin, Resource} from '../engine/types.js'
import {groupOf, type PodTemplateKind} from '../engine/kinds.js'
import {controllerOf} from '../engine/ownership.js'
import {LoadedInput, makeResource} from '../loaders/sources.js'
import {ApiClient, ApiError, formatDuration, parseDuration} from './api.js'
import {isRecord} from '../util/records.js'
import {apiVersionOf, collectionPath, discover, podTemplateResources, type ServedResource, WANTED_RESOURCES} from './discovery.js'
import {ClusterError, redact} from './errors.js'
import {isDnsLabel, quoted} from './names.js'
import {connect, type KubeconfigOptions} from './kubeconfig.js'

export {ClusterError} from './errors.js'

export interface ClusterOptions extends KubeconfigOptions {
  /** `--namespace`, repeatable: read these namespaces only (cluster-scoped kinds are read whole). All when empty. */
  namespaces?: readonly string[]
  /** `--request-timeout`: the deadline of each request, `30s` by default; `0` for none. */
  requestTimeout?: string
  /** Told what could not be read (a 403 on a kind or namespace), once each. */
  onWarning?: (message: string) => void
  /** Objects per page (`limit`), PAGE_SIZE by default. */
  pageSize?: number
}

export interface ClusterLoadContext {
  /** The cluster is reference for linted files: nothing of it is reported on. */
  reference: boolean
  /** The pod template kinds config names (`podTemplates`): custom ones are read too, and what they control is reference. */
  settings: Pick<Settings, 'systemNamespaces'> & Partial<Pick<Settings, 'podTemplateKinds'>>
}

export const DEFAULT_REQUEST_TIMEOUT = '30s'
/** Objects per page (`limit`), as kubectl asks. */
export const PAGE_SIZE = 500
/** A whole listing (every page of one kind in one namespace) must end within this many request deadlines. */
const LIST_DEADLINE_REQUESTS = 10
/** Pages of one listing at most (10 million objects), when there is no deadline. */
const MAX_PAGES = 20_000
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
  let namespaces = [...new Set(options.namespaces ?? [])]
  for (const ns of namespaces) {
    if (!isDnsLabel(ns)) throw new ClusterError(`--namespace ${quoted(ns)} is not a namespace name (a DNS label: lower-case letters, digits and -, at most 63)`)
  }

  const onWarning = options.onWarning ?? (() => {})
  const warn = (message: string): void => onWarning(redact(message))

  const connection = await connect({...options, execTimeoutMs: timeoutMs})
  const api = new ApiClient(connection, timeoutMs, CONCURRENCY)
  // A whole listing (every page of one kind) is bound too: a server may hand out continue tokens forever.
  const listDeadlineMs = timeoutMs > 0 ? timeoutMs * LIST_DEADLINE_REQUESTS : 0
  const pageSize = options.pageSize ?? PAGE_SIZE
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new ClusterError(`the page size must be a positive whole number, not ${pageSize}`)
  let refused: readonly {kind: string}[] = []
  let lists: Array<{served: ServedResource; namespace?: string; listed: Listed}>
  let serverVersion: KubeVersion | undefined
  try {
    const {served, unreadable} = await discover(api, [...WANTED_RESOURCES, ...podTemplateResources(context.settings.podTemplateKinds ?? [])], warn)
    // The version rules judge deprecations against, unless config names one: asked once the server has answered
    // discovery (its errors are the ones to report), and a server that will not say is no error.
    serverVersion = versionFromServer(await api.get('/version').catch(() => undefined))
    refused = unreadable
    const run = async (kinds: ServedResource[], in_: readonly string[]) => {
      const tasks = kinds.flatMap((r): Array<{r: ServedResource; ns?: string}> => (r.namespaced && in_.length > 0 ? in_.map((ns) => ({r, ns})) : [{r}]))
      const results = await mapLimit(tasks, CONCURRENCY, ({r, ns}) => listAll(api, r, ns, {deadlineMs: listDeadlineMs, pageSize}))
      return tasks.map(({r, ns}, i) => ({served: r, namespace: ns, listed: results[i]!}))
    }

    lists = await run(served, namespaces)
    // A user who may read only a namespace: as kubectl, the context's namespace, said once, instead of a 403 for every kind.
    const namespaced = lists.filter((l) => l.served.namespaced)
    if (namespaces.length === 0 && namespaced.length > 0 && namespaced.every((l) => l.listed === 'forbidden')) {
      const ns = connection.namespace ?? 'default'
      warn(
        `forbidden: cannot list objects across all namespaces, so k8s-net reads namespace ${ns} only, the namespace of context ${connection.context}${connection.namespace ? '' : ' (it sets none: default)'}. Pass --namespace to choose`,
      )
      namespaces = [ns]
      lists = [...lists.filter((l) => !l.served.namespaced), ...(await run(namespaced.map((l) => l.served), namespaces))]
    }
  } finally {
    api.close()
  }

  const loaded = new LoadedInput()
  loaded.serverVersion = serverVersion
  for (const {kind} of refused) loaded.unreadable.push({kind})
  const origin: Origin = {type: 'cluster', cluster: connection.context}
  const scope = {reference: context.reference, namespaces, systemNamespaces: context.settings.systemNamespaces, templateKinds: context.settings.podTemplateKinds ?? []}
  for (const {served, namespace, listed} of lists) {
    if (listed === 'forbidden' || listed.malformed > 0) {
      warn(listed === 'forbidden' ? forbidden(served, namespace) : malformed(served, namespace, listed.malformed))
      // Not absent: unknown. Rules that would look for this kind there say nothing.
      loaded.unreadable.push({kind: served.kind, ...(namespace === undefined ? {} : {namespace})})
      if (listed === 'forbidden') continue
    }

    for (const item of listed.items) {
      const object = prepare(item, served)
      const resource = makeResource(object, origin, loaded.resources.length, undefined, false)
      loaded.resources.push(isReference(resource, scope) ? {...resource, reference: true} : resource)
    }
  }

  return loaded
}

/** What one listing gave: its objects and how many items were not objects, or `forbidden` (403). */
type Listed = {items: Array<Record<string, unknown>>; malformed: number} | 'forbidden'

/**
 * Lists a resource (in one namespace, or all), following `continue` from page
 * to page. A 403 is `forbidden`, for the caller to warn about; anything else
 * the server answers instead of a list (an error status, a redirect, what is
 * not JSON or not a list, a continue token seen before, no end in time) is a
 * ClusterError: a kind that could not be read is never passed off as empty.
 */
async function listAll(api: ApiClient, r: ServedResource, namespace: string | undefined, {deadlineMs, pageSize}: {deadlineMs: number; pageSize: number}): Promise<Listed> {
  const path = collectionPath(r, namespace)
  const what = `${qualified(r)}${where(namespace)}`
  const started = Date.now()
  const items: Array<Record<string, unknown>> = []
  let malformed = 0
  const seen = new Set<string>()
  let token: string | undefined
  let restarted = false
  for (let pages = 0; ; pages++) {
    if ((deadlineMs > 0 && Date.now() - started > deadlineMs) || pages >= MAX_PAGES) {
      throw new ClusterError(
        `listing ${what} did not end ${pages >= MAX_PAGES ? `after ${MAX_PAGES} pages` : `within ${formatDuration(deadlineMs)} (${LIST_DEADLINE_REQUESTS} × --request-timeout)`}: the API server keeps handing out continue tokens`,
      )
    }

    let page: unknown
    try {
      page = await api.get(path, token === undefined ? {limit: String(pageSize)} : {limit: String(pageSize), continue: token})
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      // The continue token expired (the list took longer than etcd keeps its snapshot): start over, once.
      if (error.statusCode === 410 && token !== undefined && !restarted) {
        restarted = true
        token = undefined
        seen.clear()
        items.length = 0
        malformed = 0
        continue
      }

      // The group went away between discovery and listing: as if the cluster never had it.
      if (error.statusCode === 404 && token === undefined) return {items: [], malformed: 0}
      if (error.statusCode === 403) return 'forbidden'
      throw new ClusterError(`cannot list ${what} (GET ${path}): ${error.statusCode} ${error.reason}: ${error.message}`)
    }

    if (!isRecord(page) || !Array.isArray(page.items)) throw new ClusterError(`the answer to GET ${path} is not a list: ${r.kind} objects${where(namespace)} cannot be read`)
    // One at a time: a page may hold more items than a call has room for arguments.
    for (const item of page.items) {
      if (isRecord(item)) items.push(item)
      else malformed++
    }

    const next = isRecord(page.metadata) ? page.metadata.continue : undefined
    if (next === undefined || next === null || next === '') return {items, malformed}
    if (typeof next !== 'string') throw new ClusterError(`the API server gave a continue token that is not a string listing ${what}`)
    if (seen.has(next)) throw new ClusterError(`the API server repeated a continue token listing ${what}: the list would never end`)
    seen.add(next)
    token = next
  }
}

/** The warning for a 403: which permission is missing, and what the lint does without it. */
function forbidden(r: ServedResource, namespace: string | undefined): string {
  const scope = namespace !== undefined ? `in namespace "${namespace}"` : r.namespaced ? 'cluster-wide (in all namespaces)' : 'cluster-wide'
  const hint = namespace === undefined && r.namespaced ? '; or lint the namespaces you may read with --namespace' : ''
  return (
    `forbidden: cannot list ${qualified(r)}${where(namespace)}, so rules that would look for ${article(r.kind)} ${r.kind} there say nothing. ` +
    `Missing permission: verb "list" on resource "${r.resource}" in API group "${r.group}"${r.group === '' ? ' (core)' : ''} ${scope}${hint}`
  )
}

/** The items of a list that are not objects: reported, and the kind counts as not fully read. */
function malformed(r: ServedResource, namespace: string | undefined, count: number): string {
  return `the list of ${qualified(r)}${where(namespace)} has ${count} item${count === 1 ? '' : 's'} that ${count === 1 ? 'is' : 'are'} not an object (null, a string, a number or a list): not linted, and rules that would look for ${article(r.kind)} ${r.kind} there say nothing`
}

const article = (word: string): string => (/^[AEIOU]/i.test(word) ? 'an' : 'a')
const qualified = (r: ServedResource): string => (r.group === '' ? r.resource : `${r.resource}.${r.group}`)
const where = (namespace: string | undefined): string => (namespace === undefined ? '' : ` in namespace ${namespace}`)

/** A list item as an object of its kind: list items carry no apiVersion or kind, and what k8s-net never reads is dropped to save memory. */
function prepare(item: Record<string, unknown>, r: ServedResource): K8sObject {
  item.apiVersion = apiVersionOf(r)
  item.kind = r.kind
  const metadata = item.metadata
  if (isRecord(metadata)) {
    delete metadata.managedFields
    if (isRecord(metadata.annotations)) delete metadata.annotations[LAST_APPLIED]
  }

  return item
}

function isReference(
  resource: Resource,
  scope: {reference: boolean; namespaces: readonly string[]; systemNamespaces: readonly string[]; templateKinds: readonly PodTemplateKind[]},
): boolean {
  if (scope.reference || mirrorsOwner(resource.object, scope.templateKinds)) return true
  const namespace = resource.kind === 'Namespace' ? resource.name : resource.namespace
  if (scope.namespaces.length > 0) return !scope.namespaces.includes(namespace)
  return namespace !== '' && scope.systemNamespaces.includes(namespace)
}

/** Whether a workload controller, or a custom pod template kind of config (an Argo Rollout), made this object from its own template. */
function mirrorsOwner(object: K8sObject, templateKinds: readonly PodTemplateKind[]): boolean {
  const controller = controllerOf(object)
  if (controller?.apiVersion === undefined) return false
  const group = groupOf(controller.apiVersion)
  if (WORKLOAD_OWNERS.has(controller.kind) && WORKLOAD_GROUPS.has(group)) return true
  return templateKinds.some((t) => t.kind === controller.kind && (t.group === group || t.group === '*'))
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
