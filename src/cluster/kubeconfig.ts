/**
 * Finding the cluster to read: the kubeconfig (`--kubeconfig`, else every file
 * in KUBECONFIG merged as kubectl merges them, else `~/.kube/config`, else the
 * service account of a pod), its context (`--kube-context`, else
 * current-context), and the TLS and credentials for requests.
 *
 * @kubernetes/client-node reads the kubeconfig and turns it into request
 * options (CA, client certificate, bearer token, exec and auth-provider
 * plugins, proxy agent). It is imported here only, on demand: linting files
 * never loads it.
 */
import {existsSync, readFileSync} from 'node:fs'
import type {RequestOptions} from 'node:https'
import os from 'node:os'
import path from 'node:path'
import type {Cluster, Context, KubeConfig, User} from '@kubernetes/client-node'
import jsYaml from 'js-yaml'
import {ClusterError} from './errors.js'

export interface KubeconfigOptions {
  /** `--kubeconfig`: one file, used alone. */
  kubeconfig?: string
  /** `--kube-context`: the context to use instead of current-context. */
  context?: string
  /** Environment to read KUBECONFIG, HOME and the in-cluster variables from (default: process.env). */
  env?: NodeJS.ProcessEnv
  /** Base for a relative `--kubeconfig` (default: the working directory). */
  cwd?: string
}

/** Where to send requests and how. */
export interface Connection {
  /** The context name, or `in-cluster` for a pod's service account: what findings say the objects came from. */
  context: string
  /** The API server's base URL, without a trailing slash (it may carry a path, behind a proxy). */
  server: string
  /** The kubeconfig user, for messages. */
  user?: string
  /** TLS, credentials and agent, ready for `https.request`. */
  requestOptions: RequestOptions
}

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'

/** The kubeconfig files to read, in order; empty when there are none. */
export function kubeconfigFiles(options: KubeconfigOptions): string[] {
  const env = options.env ?? process.env
  const cwd = options.cwd ?? process.cwd()
  if (options.kubeconfig !== undefined) {
    const file = path.resolve(cwd, options.kubeconfig)
    if (!existsSync(file)) throw new ClusterError(`kubeconfig ${options.kubeconfig}: no such file (--kubeconfig)`)
    return [file]
  }

  const list = env.KUBECONFIG?.split(path.delimiter).filter(Boolean) ?? []
  if (list.length > 0) {
    // As kubectl does: files of the list that do not exist are skipped.
    const files = list.map((f) => path.resolve(cwd, f)).filter((f) => existsSync(f))
    if (files.length === 0) throw new ClusterError(`KUBECONFIG names no file that exists (${list.join(path.delimiter)})`)
    return files
  }

  const home = env.HOME || env.USERPROFILE || os.homedir()
  const file = path.join(home, '.kube', 'config')
  return existsSync(file) ? [file] : []
}

/** Reads the kubeconfig, picks the context, and prepares requests. */
export async function connect(options: KubeconfigOptions): Promise<Connection> {
  const env = options.env ?? process.env
  const files = kubeconfigFiles(options)
  const inCluster = files.length === 0 && Boolean(env.KUBERNETES_SERVICE_HOST) && existsSync(SERVICE_ACCOUNT_TOKEN)
  if (files.length === 0 && !inCluster) {
    throw new ClusterError('no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config (kubectl config view shows what kubectl uses)')
  }

  const k8s = await import('@kubernetes/client-node')
  const config = new k8s.KubeConfig()
  if (inCluster) config.loadFromCluster()
  else loadMerged(config, files, () => new k8s.KubeConfig())

  const where = inCluster ? 'the in-cluster service account' : files.length === 1 ? files[0]! : `KUBECONFIG (${files.join(path.delimiter)})`
  const contexts = config.getContexts()
  const names = contexts.map((c) => c.name)
  const available = names.length > 0 ? ` (contexts: ${names.join(', ')})` : ' (it defines no context)'
  const name = options.context ?? config.getCurrentContext()
  if (!name) throw new ClusterError(`${where} sets no current-context: pass --kube-context${available}`)
  const context: Context | undefined = contexts.find((c) => c.name === name)
  if (!context) throw new ClusterError(`no context ${name} in ${where}${available}`)
  config.setCurrentContext(name)
  const cluster: Cluster | null = config.getCurrentCluster()
  if (!cluster) throw new ClusterError(`context ${name} names cluster ${context.cluster}, which ${where} does not define`)
  const user: User | null = config.getCurrentUser()

  let server: URL
  try {
    server = new URL(cluster.server)
  } catch {
    throw new ClusterError(`cluster ${cluster.name} has an invalid server address: ${cluster.server}`)
  }

  if (server.protocol !== 'https:' && server.protocol !== 'http:') {
    throw new ClusterError(`cluster ${cluster.name} has a server address that is not http(s): ${cluster.server}`)
  }

  const requestOptions: RequestOptions = {}
  try {
    await config.applyToHTTPSOptions(requestOptions)
  } catch (error) {
    throw new ClusterError(`cannot use the credentials or TLS settings of context ${name}: ${(error as Error).message}`)
  }

  return {
    context: inCluster ? 'in-cluster' : name,
    server: cluster.server.replace(/\/+$/, ''),
    user: user?.name,
    requestOptions,
  }
}

/** Loads each file and merges them as kubectl does: the first to define a name wins, and the first current-context. */
function loadMerged(config: KubeConfig, files: readonly string[], fresh: () => KubeConfig): void {
  const clusters: Cluster[] = []
  const users: User[] = []
  const contexts: Context[] = []
  let currentContext = ''
  for (const file of files) {
    const fail = (message: string): never => {
      throw new ClusterError(`cannot read kubeconfig ${file}: ${message.split('\n')[0]}`)
    }

    let text = ''
    let value: unknown
    try {
      text = readFileSync(file, 'utf8')
      value = jsYaml.load(text)
    } catch (error) {
      fail((error as Error).message)
    }

    // An empty file is an empty kubeconfig, as kubectl reads it.
    if (value === null || value === undefined) continue
    if (typeof value !== 'object' || Array.isArray(value)) fail('not a kubeconfig (expected a mapping with clusters, contexts and users)')
    const part = fresh()
    try {
      part.loadFromString(text)
      part.makePathsAbsolute(path.dirname(file))
    } catch (error) {
      fail((error as Error).message)
    }

    addNew(clusters, part.getClusters())
    addNew(users, part.getUsers())
    addNew(contexts, part.getContexts())
    if (!currentContext && typeof part.getCurrentContext() === 'string') currentContext = part.getCurrentContext()
  }

  config.loadFromOptions({clusters, users, contexts, currentContext})
}

function addNew<T extends {name: string}>(into: T[], from: readonly T[] | undefined): void {
  for (const entry of from ?? []) if (!into.some((e) => e.name === entry.name)) into.push(entry)
}
