/**
 * A Kubernetes API server for tests, over HTTPS on 127.0.0.1 (a random port):
 * discovery (/version, /api, /apis, /api/v1, group versions), list and get
 * endpoints with limit/continue pagination, bearer-token authentication, and
 * errors as metav1.Status (401, 403, 404, 405, 410). It serves the objects of
 * fixtures/cluster/*.yaml (kubectl-style Lists) and records every request.
 *
 * Its certificate is fixtures/cluster/tls/server.crt, signed by ca.crt (see
 * fixtures/cluster/tls/generate.sh); `kubeconfig()` writes a kubeconfig that
 * trusts that CA.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import path from 'node:path'
import type {AddressInfo} from 'node:net'
import jsYaml from 'js-yaml'
import type {K8sObject} from '../../src/engine/types.js'

export const CLUSTER_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/cluster')
const TLS = path.join(CLUSTER_FIXTURES, 'tls')
export const DEFAULT_TOKEN = 'k8s-net-test-token'

/** One resource of the fake API: where it is served and what it holds. */
interface ApiResource {
  name: string
  kind: string
  namespaced: boolean
  verbs: string[]
}

const LIST = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']
const r = (name: string, kind: string, namespaced = true, verbs = LIST): ApiResource => ({name, kind, namespaced, verbs})

/** The API groups the fake cluster serves, each version with its resources; the first version is the preferred one. */
const GROUPS: Record<string, Record<string, ApiResource[]>> = {
  '': {
    v1: [
      r('bindings', 'Binding', true, ['create']),
      r('configmaps', 'ConfigMap'),
      r('endpoints', 'Endpoints'),
      r('namespaces', 'Namespace', false),
      r('nodes', 'Node', false),
      r('pods', 'Pod'),
      r('pods/status', 'Pod', true, ['get', 'patch', 'update']),
      r('secrets', 'Secret'),
      r('serviceaccounts', 'ServiceAccount'),
      r('services', 'Service'),
      r('services/status', 'Service', true, ['get', 'patch', 'update']),
    ],
  },
  apps: {
    v1: [r('controllerrevisions', 'ControllerRevision'), r('daemonsets', 'DaemonSet'), r('deployments', 'Deployment'), r('replicasets', 'ReplicaSet'), r('statefulsets', 'StatefulSet')],
  },
  autoscaling: {v2: [r('horizontalpodautoscalers', 'HorizontalPodAutoscaler')], v1: [r('horizontalpodautoscalers', 'HorizontalPodAutoscaler')]},
  batch: {v1: [r('cronjobs', 'CronJob'), r('jobs', 'Job')]},
  'discovery.k8s.io': {v1: [r('endpointslices', 'EndpointSlice')]},
  'networking.k8s.io': {v1: [r('ingressclasses', 'IngressClass', false), r('ingresses', 'Ingress'), r('networkpolicies', 'NetworkPolicy')]},
  // Custom pod template kinds: Argo Rollouts are read as Deployments are; an OpenKruise CloneSet only when config names it.
  'argoproj.io': {v1alpha1: [r('analysisruns', 'AnalysisRun'), r('rollouts', 'Rollout')]},
  'apps.kruise.io': {v1alpha1: [r('clonesets', 'CloneSet')]},
  'gateway.networking.k8s.io': {
    v1: [r('gatewayclasses', 'GatewayClass', false), r('gateways', 'Gateway'), r('grpcroutes', 'GRPCRoute'), r('httproutes', 'HTTPRoute')],
    v1beta1: [r('gatewayclasses', 'GatewayClass', false), r('gateways', 'Gateway'), r('httproutes', 'HTTPRoute'), r('referencegrants', 'ReferenceGrant')],
  },
  // The Gateway API's experimental group of v1.3 and v1.4: XListenerSet.
  'gateway.networking.x-k8s.io': {v1alpha1: [r('xlistenersets', 'XListenerSet')]},
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  authorization?: string
}

export interface FakeApiServerOptions {
  /** The bearer token accepted (default DEFAULT_TOKEN). */
  token?: string
  /** More bearer tokens accepted. */
  tokens?: string[]
  /** Objects served (default: every object of fixtures/cluster/*.yaml). */
  objects?: K8sObject[]
  /** Items per page at most, whatever `limit` asks (default: as asked). */
  maxPageSize?: number
  /** API groups this cluster does not have (404, and absent from /apis). */
  withoutGroups?: string[]
  /** Lists the user may not make (403): a resource in a group, in one namespace or (namespace absent) everywhere. A cluster-wide list is refused when any entry names its resource. */
  forbidden?: Array<{group: string; resource: string; namespace?: string}>
  /** API groups whose discovery (GET /apis/<group>/<version>) is refused with 403. */
  undiscoverableGroups?: string[]
  /** Answer the first request that carries a continue token with 410 Expired, as etcd does when its snapshot is compacted. */
  expireFirstContinue?: boolean
  /** A path prefix the server sits under (as behind Rancher: `/k8s/clusters/c-1`); requests outside it get 404. */
  prefix?: string
  /** A hostile or broken server: an answer of its own for a request (path without the prefix), or undefined to answer as usual. A string body is sent as it is. */
  override?: (request: RecordedRequest) => Override | undefined
  /** A fuzzer: given each answer the server would send, another one to send instead, or undefined to send it. */
  transform?: (request: RecordedRequest, answer: Override) => Override | undefined
}

export interface Override {
  code: number
  headers?: Record<string, string>
  body: unknown
}

export interface FakeApiServer {
  readonly url: string
  readonly requests: RecordedRequest[]
  /** Writes a kubeconfig for this server to `file` and returns `file`. */
  kubeconfig(file: string, options?: {token?: string; trustCa?: boolean; context?: string}): string
  close(): Promise<void>
}

/** Every object of the fixture cluster, read from fixtures/cluster/*.yaml. */
export function fixtureObjects(): K8sObject[] {
  const out: K8sObject[] = []
  for (const file of fixtureFiles()) {
    const list = jsYaml.load(readFileSync(file, 'utf8')) as {items: K8sObject[]}
    out.push(...list.items)
  }

  return out
}

/** The fixture files, sorted; with `served: true`, without the kinds k8s-net never reads (Secrets, ConfigMaps). */
export function fixtureFiles(options: {served?: boolean} = {}): string[] {
  return readdirSync(CLUSTER_FIXTURES)
    .filter((f) => f.endsWith('.yaml') && !(options.served && (f === 'secrets.yaml' || f === 'configmaps.yaml')))
    .sort()
    .map((f) => path.join(CLUSTER_FIXTURES, f))
}

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '')

export async function startFakeApiServer(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
  const token = options.token ?? DEFAULT_TOKEN
  const groups = Object.fromEntries(Object.entries(GROUPS).filter(([g]) => !(options.withoutGroups ?? []).includes(g)))
  // Objects by group and resource name.
  const store = new Map<string, K8sObject[]>()
  for (const object of options.objects ?? fixtureObjects()) {
    const group = groupOf(String(object.apiVersion))
    const resource = Object.values(GROUPS[group] ?? {})
      .flat()
      .find((x) => x.kind === object.kind && !x.name.includes('/'))
    if (!resource) throw new Error(`the fake API server has no resource for ${String(object.apiVersion)} ${String(object.kind)}`)
    const key = `${group}/${resource.name}`
    store.set(key, [...(store.get(key) ?? []), object])
  }

  const requests: RecordedRequest[] = []
  let expireNext = options.expireFirstContinue ?? false

  const server = https.createServer({key: readFileSync(path.join(TLS, 'server.key')), cert: readFileSync(path.join(TLS, 'server.crt'))}, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    const query = Object.fromEntries(url.searchParams)
    const recorded = {method: req.method ?? '', path: url.pathname, query, authorization: req.headers.authorization}
    requests.push(recorded)
    const send = (code: number, body: unknown, headers: Record<string, string> = {}): void => {
      const answer = options.transform?.(recorded, {code, headers, body}) ?? {code, headers, body}
      res.writeHead(answer.code, {'content-type': 'application/json', ...answer.headers})
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))
    }

    const status = (code: number, reason: string, message: string, details: Record<string, unknown> = {}): void =>
      send(code, {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code})

    if (![token, ...(options.tokens ?? [])].some((t) => req.headers.authorization === `Bearer ${t}`)) return status(401, 'Unauthorized', 'Unauthorized')
    if (req.method !== 'GET') return status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`)
    const prefix = (options.prefix ?? '').replace(/\/+$/, '')
    if (prefix !== '' && !url.pathname.startsWith(`${prefix}/`)) return status(404, 'NotFound', 'the server could not find the requested resource')
    const own = options.override?.({...recorded, path: url.pathname.slice(prefix.length)})
    if (own) return send(own.code, own.body, own.headers)

    const p = url.pathname.slice(prefix.length).replace(/\/+$/, '')
    if (p === '/version') return send(200, {major: '1', minor: '31', gitVersion: 'v1.31.2', platform: 'linux/amd64'})
    if (p === '/api') return send(200, {kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443'}]})
    if (p === '/apis') {
      return send(200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: Object.entries(groups)
          .filter(([g]) => g !== '')
          .map(([name, versions]) => {
            const list = Object.keys(versions).map((v) => ({groupVersion: `${name}/${v}`, version: v}))
            return {name, versions: list, preferredVersion: list[0]}
          }),
      })
    }

    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/(.*))?$/.exec(p)
    const group = m?.[2] ?? ''
    const version = m?.[1] ?? m?.[3] ?? ''
    const resources = m ? groups[group]?.[version] : undefined
    if (!m || !resources) return status(404, 'NotFound', 'the server could not find the requested resource')
    const groupVersion = group === '' ? version : `${group}/${version}`
    if (m[4] === undefined && (options.undiscoverableGroups ?? []).includes(group)) {
      return status(403, 'Forbidden', `forbidden: User "ci" cannot get path "${p}"`)
    }

    if (m[4] === undefined) return send(200, {kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: resources.map((x) => ({...x, singularName: '', storageVersionHash: ''}))})

    // <resource>[/<name>], namespaces/<ns>/<resource>[/<name>], or namespaces/<name> itself.
    const parts = m[4].split('/').map(decodeURIComponent)
    let namespace: string | undefined
    if (parts[0] === 'namespaces' && parts.length >= 3) {
      namespace = parts[1]
      parts.splice(0, 2)
    }

    const [resourceName, name] = parts
    const resource = resources.find((x) => x.name === resourceName)
    if (!resource || parts.length > 2 || (namespace !== undefined && !resource.namespaced)) {
      return status(404, 'NotFound', 'the server could not find the requested resource')
    }

    const qualified = group === '' ? resource.name : `${resource.name}.${group}`
    const verb = name === undefined ? 'list' : 'get'
    const denied = (options.forbidden ?? []).some(
      (f) => f.group === group && f.resource === resource.name && (namespace === undefined || f.namespace === undefined || f.namespace === namespace),
    )
    if (denied) {
      const scope = namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`
      return status(403, 'Forbidden', `${qualified} is forbidden: User "system:serviceaccount:ci:k8s-net" cannot ${verb} resource "${resource.name}" in API group "${group}" ${scope}`, {kind: resource.name, ...(group ? {group} : {})})
    }

    const served = (store.get(`${group}/${resource.name}`) ?? [])
      .filter((o) => namespace === undefined || (o.metadata as {namespace?: string}).namespace === namespace)
      .map((o) => structuredClone(o))
      .sort((a, b) => keyOf(a).localeCompare(keyOf(b)))

    if (name !== undefined) {
      const found = served.find((o) => (o.metadata as {name?: string}).name === name)
      if (!found) return status(404, 'NotFound', `${qualified} "${name}" not found`, {name, kind: resource.name})
      return send(200, {...found, apiVersion: groupVersion})
    }

    let offset = 0
    if (query.continue !== undefined) {
      if (expireNext) {
        expireNext = false
        return status(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.')
      }

      offset = decodeContinue(query.continue) ?? -1
      if (offset < 0) return status(400, 'BadRequest', 'continue key is not valid')
    }

    const asked = query.limit === undefined ? Number.POSITIVE_INFINITY : Number(query.limit)
    const size = Math.min(asked > 0 ? asked : Number.POSITIVE_INFINITY, options.maxPageSize ?? Number.POSITIVE_INFINITY)
    const page = served.slice(offset, offset + size)
    const rest = served.length - offset - page.length
    send(200, {
      kind: `${resource.kind}List`,
      apiVersion: groupVersion,
      metadata: {resourceVersion: '9999', ...(rest > 0 ? {continue: encodeContinue(offset + page.length), remainingItemCount: rest} : {})},
      // As the API server does: list items carry no apiVersion or kind.
      items: page.map(({apiVersion: _a, kind: _k, ...item}) => item),
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}${(options.prefix ?? '').replace(/\/+$/, '')}`
  return {
    url,
    requests,
    kubeconfig: (file, k = {}) => writeKubeconfig(file, {server: url, token: k.token ?? token, trustCa: k.trustCa ?? true, context: k.context}),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function keyOf(o: K8sObject): string {
  const m = (o.metadata ?? {}) as {namespace?: string; name?: string}
  return `${m.namespace ?? ''}/${m.name ?? ''}`
}

const encodeContinue = (offset: number): string => Buffer.from(JSON.stringify({offset})).toString('base64url')

function decodeContinue(token: string): number | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {offset?: unknown}
    return typeof value.offset === 'number' && Number.isInteger(value.offset) && value.offset >= 0 ? value.offset : undefined
  } catch {
    return undefined
  }
}

/** Writes a kubeconfig with one context for a server; `trustCa: false` leaves out the CA (TLS verification then fails). */
export function writeKubeconfig(file: string, k: {server: string; token: string; trustCa?: boolean; context?: string}): string {
  const context = k.context ?? 'fake-cluster'
  const cluster: Record<string, unknown> = {server: k.server}
  if (k.trustCa !== false) cluster['certificate-authority-data'] = readFileSync(path.join(TLS, 'ca.crt')).toString('base64')
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{name: 'fake', cluster}],
    users: [{name: 'ci', user: {token: k.token}}],
    contexts: [{name: context, context: {cluster: 'fake', user: 'ci'}}],
    'current-context': context,
  }
  writeFileSync(file, jsYaml.dump(config))
  return file
}

/** An address where nothing listens: connections are refused. */
export async function deadAddress(): Promise<string> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `https://127.0.0.1:${port}`
}

/** A server that accepts connections and never answers, for deadlines. */
export async function silentServer(): Promise<{url: string; close(): Promise<void>}> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
