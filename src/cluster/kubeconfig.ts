/**
 * Finding the cluster to read, by kubectl's rules: the kubeconfig
 * (`--kubeconfig` alone, else every file of KUBECONFIG merged, else
 * `~/.kube/config`, else the service account of a pod), its context
 * (`--kube-context`, else current-context), the context's namespace, and
 * the TLS settings and credentials of requests.
 *
 * Merging is kubectl's: files in order, the first to define a cluster, user
 * or context name wins (the whole entry), and the first current-context.
 * Relative paths resolve against the folder of the file that holds them.
 *
 * Refused, clearly: removed auth providers (gcp, azure: their exec plugins
 * are named), socks5 proxies, a server URL with a query, a fragment or user
 * info, and files that are not regular or are too large.
 */
import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import jsYaml from 'js-yaml'
import {isRecord} from '../util/records.js'
import {ClusterError, redact, registerSecret} from './errors.js'
import {type ExecConfig, ExecPlugin} from './exec.js'
import {MAX_CREDENTIAL_FILE_BYTES, MAX_KUBECONFIG_BYTES, readLimited} from './files.js'
import {isDnsLabel, quoted} from './names.js'
import {proxyFor} from './proxy.js'

export interface KubeconfigOptions {
  /** `--kubeconfig`: one file, used alone. */
  kubeconfig?: string
  /** `--kube-context`: the context to use instead of current-context. */
  context?: string
  /** Environment to read KUBECONFIG, HOME and the in-cluster variables from (default: process.env). */
  env?: NodeJS.ProcessEnv
  /** Base for a relative `--kubeconfig` (default: the working directory). */
  cwd?: string
  /** Deadline of an exec plugin that does not talk to the user, in milliseconds; 0 for none. */
  execTimeoutMs?: number
}

/** TLS settings for `tls.connect`. */
export interface TlsSettings {
  ca?: Buffer
  cert?: Buffer
  key?: Buffer
  /** `tls-server-name`: the name the certificate is checked against (and SNI). */
  servername?: string
  rejectUnauthorized: boolean
}

/** What to send with one request. */
export interface Credentials {
  /** The Authorization header. */
  authorization?: string
  /** A client certificate and key from an exec plugin. */
  cert?: Buffer
  key?: Buffer
}

/** Where to send requests and how. */
export interface Connection {
  /** The context name, or `in-cluster` for a pod's service account: what findings say the objects came from. */
  context: string
  /** The API server's base URL, without a trailing slash (it may carry a path prefix, behind a proxy such as Rancher's). */
  server: string
  /** The kubeconfig user, for messages. */
  user?: string
  /** The context's namespace, if it sets one (a valid name). */
  namespace?: string
  /** Where the kubeconfig came from, for messages. */
  where: string
  tls: TlsSettings
  /** `proxy-url`: an http or https proxy. */
  proxy?: URL
  /** Credentials for the next request: a token file is read again, an exec plugin's answer is kept until it expires. */
  credentials(): Promise<Credentials>
}

/** One named entry of a kubeconfig, with the folder its relative paths resolve against. */
interface Entry {
  name: string
  value: Record<string, unknown>
  file: string
  dir: string
}

/** The merged kubeconfig: each name's first entry, the first current-context. */
export interface MergedKubeconfig {
  files: string[]
  clusters: Map<string, Entry>
  users: Map<string, Entry>
  contexts: Map<string, Entry>
  currentContext?: string
  /** Where it came from, for messages. */
  where: string
}

/** The context chosen, with its cluster and user as written (paths not yet resolved). */
export interface SelectedContext {
  where: string
  contextName: string
  context: {cluster: string; user: string; namespace?: string}
  cluster: Entry
  user?: Entry
}

const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount'

/** Auth providers kubectl removed (1.26), with the exec plugin that replaces each. */
const REMOVED_PROVIDERS: Record<string, string> = {
  gcp: 'gke-gcloud-auth-plugin (gcloud components install gke-gcloud-auth-plugin; gcloud container clusters get-credentials writes the exec entry)',
  azure: 'kubelogin (az aks install-cli, then kubelogin convert-kubeconfig -l azurecli)',
}

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
    // As kubectl does: files of the list that do not exist are skipped, and a file named twice is read once.
    const files = [...new Set(list.map((f) => path.resolve(cwd, f)))].filter((f) => existsSync(f))
    if (files.length === 0) throw new ClusterError(`KUBECONFIG names no file that exists (${list.join(path.delimiter)})`)
    return files
  }

  const home = env.HOME || env.USERPROFILE || os.homedir()
  const file = path.join(home, '.kube', 'config')
  return existsSync(file) ? [file] : []
}

/** Reads and merges kubeconfig files as kubectl does. */
export function loadKubeconfig(files: readonly string[]): MergedKubeconfig {
  const merged: MergedKubeconfig = {
    files: [...files],
    clusters: new Map(),
    users: new Map(),
    contexts: new Map(),
    where: files.length === 1 ? files[0]! : `KUBECONFIG (${files.join(path.delimiter)})`,
  }
  for (const file of files) {
    const text = readLimited(file, 'kubeconfig', MAX_KUBECONFIG_BYTES).toString('utf8')
    let value: unknown
    try {
      value = jsYaml.load(text, {json: true})
    } catch (error) {
      throw new ClusterError(`cannot read kubeconfig ${file}: ${(error as Error).message.split('\n')[0]}`)
    }

    // An empty file is an empty kubeconfig, as kubectl reads it.
    if (value === null || value === undefined) continue
    if (!isRecord(value)) throw new ClusterError(`cannot read kubeconfig ${file}: not a kubeconfig (expected a mapping with clusters, contexts and users)`)
    const dir = path.dirname(file)
    for (const [key, field, into] of [
      ['clusters', 'cluster', merged.clusters],
      ['users', 'user', merged.users],
      ['contexts', 'context', merged.contexts],
    ] as const) {
      const list = value[key]
      if (list === undefined || list === null) continue
      if (!Array.isArray(list)) throw new ClusterError(`cannot read kubeconfig ${file}: ${key} must be a list`)
      for (const [i, item] of list.entries()) {
        if (!isRecord(item) || typeof item.name !== 'string' || item.name === '') {
          throw new ClusterError(`cannot read kubeconfig ${file}: ${key}[${i}] must have a name`)
        }

        const body = item[field] ?? {}
        if (!isRecord(body)) throw new ClusterError(`cannot read kubeconfig ${file}: ${key}[${i}].${field} must be a mapping`)
        if (key === 'clusters' && typeof body.server !== 'string') {
          throw new ClusterError(`cannot read kubeconfig ${file}: ${key}[${i}].cluster.server is missing`)
        }

        if (!into.has(item.name)) into.set(item.name, {name: item.name, value: body, file, dir})
      }
    }

    const current = value['current-context']
    if (merged.currentContext === undefined && typeof current === 'string' && current !== '') merged.currentContext = current
  }

  return merged
}

/** Picks the context (`--kube-context`, else current-context) and its cluster and user. */
export function selectContext(config: MergedKubeconfig, name?: string): SelectedContext {
  const {where} = config
  const names = [...config.contexts.keys()]
  const available = names.length > 0 ? ` (contexts: ${names.join(', ')})` : ' (it defines no context)'
  const contextName = name ?? config.currentContext
  if (!contextName) throw new ClusterError(`${where} sets no current-context: pass --kube-context${available}`)
  const entry = config.contexts.get(contextName)
  if (!entry) throw new ClusterError(`no context ${contextName} in ${where}${available}`)
  const c = entry.value
  const clusterName = typeof c.cluster === 'string' ? c.cluster : ''
  const userName = typeof c.user === 'string' ? c.user : ''
  const cluster = config.clusters.get(clusterName)
  if (!cluster) throw new ClusterError(`context ${contextName} names cluster ${clusterName || '(none)'}, which ${where} does not define`)
  const user = config.users.get(userName)
  // As kubectl: a context may name no user (anonymous requests); a user it names must exist.
  if (userName !== '' && !user) throw new ClusterError(`context ${contextName} names user ${userName}, which ${where} does not define`)
  let namespace: string | undefined
  if (c.namespace !== undefined && c.namespace !== '') {
    if (!isDnsLabel(c.namespace)) throw new ClusterError(`context ${contextName} in ${entry.file} has an invalid namespace ${quoted(c.namespace)}: a namespace is a DNS label`)
    namespace = c.namespace
  }

  return {where, contextName, context: {cluster: clusterName, user: userName, ...(namespace ? {namespace} : {})}, cluster, user}
}

/** Reads the kubeconfig, picks the context, and prepares requests. */
export async function connect(options: KubeconfigOptions): Promise<Connection> {
  const env = options.env ?? process.env
  const files = kubeconfigFiles(options)
  if (files.length === 0) {
    if (env.KUBERNETES_SERVICE_HOST && existsSync(path.join(SERVICE_ACCOUNT, 'token'))) return inCluster(env)
    throw new ClusterError('no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config (kubectl config view shows what kubectl uses)')
  }

  const selected = selectContext(loadKubeconfig(files), options.context)
  return connectionFor(selected, options)
}

/** The server URL of a cluster entry: http(s), a host, a path prefix kept, no query, fragment or user info. */
export function serverUrl(text: string, clusterName: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ClusterError(`cluster ${clusterName} has an invalid server address: ${quoted(redact(text))}`)
  }

  const shown = quoted(redact(text))
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ClusterError(`cluster ${clusterName} has a server address that is not http(s): ${shown}`)
  if (url.username !== '' || url.password !== '') {
    throw new ClusterError(`cluster ${clusterName} has credentials in its server address (${shown}): k8s-net does not send them; put them in the kubeconfig user`)
  }

  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    throw new ClusterError(`cluster ${clusterName} has a server address with a query or fragment (${shown}): a server is a base URL, with at most a path prefix`)
  }

  if (/%2f|%5c/i.test(url.pathname)) throw new ClusterError(`cluster ${clusterName} has an encoded slash in its server address (${shown})`)
  return url
}

async function connectionFor(selected: SelectedContext, options: KubeconfigOptions): Promise<Connection> {
  const {contextName, cluster, user, where} = selected
  const c = cluster.value
  const u = user?.value ?? {}
  const userName = user?.name
  const who = `user ${userName ?? '(none)'} of context ${contextName} in ${user?.file ?? where}`
  const str = (record: Record<string, unknown>, key: string, owner: string): string | undefined => {
    const v = record[key]
    if (v === undefined || v === null || v === '') return undefined
    if (typeof v !== 'string') throw new ClusterError(`${owner}: ${key} must be a string`)
    return v
  }

  const clusterOwner = `cluster ${cluster.name} in ${cluster.file}`
  const server = serverUrl(str(c, 'server', clusterOwner) ?? '', cluster.name)
  const file = (value: string | undefined, dir: string, what: string): Buffer | undefined =>
    value === undefined ? undefined : readLimited(path.resolve(dir, value), what, MAX_CREDENTIAL_FILE_BYTES)
  const data = (value: string | undefined, what: string): Buffer | undefined => {
    if (value === undefined) return undefined
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(value)) throw new ClusterError(`${what} is not base64`)
    return Buffer.from(value, 'base64')
  }

  // As kubectl: the -data field wins over the file.
  const ca = data(str(c, 'certificate-authority-data', clusterOwner), `certificate-authority-data of ${clusterOwner}`) ?? file(str(c, 'certificate-authority', clusterOwner), cluster.dir, `certificate-authority of ${clusterOwner}:`)
  const insecure = c['insecure-skip-tls-verify'] === true
  if (insecure && ca) throw new ClusterError(`${clusterOwner} sets both a certificate authority and insecure-skip-tls-verify: kubectl refuses that too; keep one`)
  const servername = str(c, 'tls-server-name', clusterOwner)
  const proxy = proxyFor(server, str(c, 'proxy-url', clusterOwner), clusterOwner, options.env ?? process.env)

  const userDir = user?.dir ?? cluster.dir
  const cert = data(str(u, 'client-certificate-data', who), `client-certificate-data of ${who}`) ?? file(str(u, 'client-certificate', who), userDir, `client-certificate of ${who}:`)
  const key = data(str(u, 'client-key-data', who), `client-key-data of ${who}`) ?? file(str(u, 'client-key', who), userDir, `client-key of ${who}:`)
  if (key) registerSecret(key.toString('utf8').trim())
  if ((cert === undefined) !== (key === undefined)) throw new ClusterError(`${who} has a client ${cert ? 'certificate without its key' : 'key without its certificate'}`)
  const tlsSettings: TlsSettings = {rejectUnauthorized: !insecure, ...(ca ? {ca} : {}), ...(cert ? {cert} : {}), ...(key ? {key} : {}), ...(servername ? {servername} : {})}
  checkTls(tlsSettings, who, clusterOwner)

  const credentials = userCredentials(u, {
    who,
    userDir,
    userName,
    str: (key) => str(u, key, who),
    cluster: {server: server.href.replace(/\/+$/, ''), servername, insecure, ca, proxy, extensions: c.extensions},
    execTimeoutMs: options.execTimeoutMs ?? 0,
    env: options.env ?? process.env,
  })

  return {
    context: contextName,
    server: server.href.replace(/\/+$/, ''),
    ...(userName ? {user: userName} : {}),
    ...(selected.context.namespace ? {namespace: selected.context.namespace} : {}),
    where,
    tls: tlsSettings,
    ...(proxy ? {proxy} : {}),
    credentials,
  }
}

/** Builds a TLS context once, so that a bad or mismatched certificate or key is a clear error before any request. */
function checkTls(settings: TlsSettings, who: string, clusterOwner: string): void {
  if (settings.ca) {
    try {
      tls.createSecureContext({ca: settings.ca})
    } catch (error) {
      throw new ClusterError(`the certificate authority of ${clusterOwner} cannot be used: ${tlsProblem(error)}`)
    }
  }

  if (settings.cert && settings.key) {
    try {
      tls.createSecureContext({cert: settings.cert, key: settings.key})
    } catch (error) {
      throw new ClusterError(`the client certificate and key of ${who} cannot be used: ${tlsProblem(error)}`)
    }
  }
}

/** OpenSSL's reason, in words. */
function tlsProblem(error: unknown): string {
  const e = error as {message?: string; reason?: string; code?: string}
  const text = `${e.reason ?? ''} ${e.message ?? ''} ${e.code ?? ''}`
  if (/KEY_VALUES_MISMATCH|values mismatch/i.test(text)) return 'the key does not belong to the certificate'
  if (/no start line|PEM|bad base64|ASN1|DECODER|unsupported/i.test(text)) return 'it is not a PEM certificate or key'
  return redact(e.message ?? String(error))
}

interface CredentialContext {
  who: string
  userDir: string
  userName?: string
  str: (key: string) => string | undefined
  cluster: ExecConfig['cluster']
  execTimeoutMs: number
  env: NodeJS.ProcessEnv
}

/** How a user authenticates: a bearer token (or token file, read per request), basic auth, an exec plugin, or an OIDC id-token. */
function userCredentials(u: Record<string, unknown>, ctx: CredentialContext): () => Promise<Credentials> {
  const provider = u['auth-provider']
  if (provider !== undefined && provider !== null && u.exec !== undefined && u.exec !== null) {
    throw new ClusterError(`${ctx.who} sets both an auth-provider and an exec plugin: kubectl refuses that too; keep the exec plugin`)
  }

  if (provider !== undefined && provider !== null) {
    const name = isRecord(provider) && typeof provider.name === 'string' ? provider.name : ''
    const replacement = REMOVED_PROVIDERS[name]
    if (replacement) {
      throw new ClusterError(`${ctx.who} uses the ${name} auth-provider, which kubectl removed in 1.26 and k8s-net does not run: use the exec plugin ${replacement}`)
    }

    if (name === 'oidc' && isRecord(provider)) return oidcCredentials(isRecord(provider.config) ? provider.config : {}, ctx.who)
    throw new ClusterError(`${ctx.who} uses the auth-provider ${quoted(name)}, which k8s-net does not support: use an exec plugin (users[].user.exec)`)
  }

  if (u.exec !== undefined && u.exec !== null) {
    if (!isRecord(u.exec)) throw new ClusterError(`${ctx.who}: exec must be a mapping`)
    const plugin = new ExecPlugin(u.exec, {who: ctx.who, dir: ctx.userDir, cluster: ctx.cluster, timeoutMs: ctx.execTimeoutMs, env: ctx.env})
    return async () => {
      const got = await plugin.credentials()
      return got.token !== undefined ? {authorization: `Bearer ${got.token}`} : {cert: got.cert, key: got.key}
    }
  }

  const tokenFile = ctx.str('tokenFile')
  const token = ctx.str('token')
  registerSecret(token)
  const username = ctx.str('username')
  const password = ctx.str('password')
  registerSecret(password)
  if ((token !== undefined || tokenFile !== undefined) && (username !== undefined || password !== undefined)) {
    throw new ClusterError(`${ctx.who} sets both a token and a username/password: kubectl refuses more than one authentication method too; keep one`)
  }

  if (tokenFile !== undefined) {
    const file = path.resolve(ctx.userDir, tokenFile)
    // Read now, so that a missing file is an error before any request, then again for every request: the file may be rotated.
    const read = (): string => {
      const value = readLimited(file, `tokenFile of ${ctx.who}:`, MAX_CREDENTIAL_FILE_BYTES).toString('utf8').trim()
      if (value === '') throw new ClusterError(`tokenFile ${file} of ${ctx.who} is empty`)
      registerSecret(value)
      return value
    }

    read()
    return async () => ({authorization: `Bearer ${read()}`})
  }

  if (token !== undefined) return async () => ({authorization: `Bearer ${token}`})
  if (username !== undefined || password !== undefined) {
    const basic = Buffer.from(`${username ?? ''}:${password ?? ''}`).toString('base64')
    registerSecret(basic)
    return async () => ({authorization: `Basic ${basic}`})
  }

  return async () => ({})
}

/** The id-token of the oidc auth-provider, while it is valid; k8s-net does not refresh it (that would call the identity provider). */
function oidcCredentials(config: Record<string, unknown>, who: string): () => Promise<Credentials> {
  const token = typeof config['id-token'] === 'string' ? config['id-token'] : ''
  registerSecret(token)
  registerSecret(typeof config['refresh-token'] === 'string' ? config['refresh-token'] : undefined)
  registerSecret(typeof config['client-secret'] === 'string' ? config['client-secret'] : undefined)
  const hint = 'k8s-net does not refresh OIDC tokens: run a kubectl command once to refresh it, or move to the exec plugin kubelogin (kubectl oidc-login)'
  if (token === '') throw new ClusterError(`${who} uses the oidc auth-provider without an id-token: ${hint}`)
  const expiry = jwtExpiry(token)
  return async () => {
    if (expiry !== undefined && expiry <= Date.now()) throw new ClusterError(`the OIDC id-token of ${who} expired at ${new Date(expiry).toISOString()}: ${hint}`)
    return {authorization: `Bearer ${token}`}
  }
}

/** The `exp` of a JSON web token, in milliseconds, if it has one. */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1]
  if (payload === undefined) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown
    return isRecord(claims) && typeof claims.exp === 'number' && Number.isFinite(claims.exp) ? claims.exp * 1000 : undefined
  } catch {
    return undefined
  }
}

/** A pod's service account, as client-go's in-cluster config reads it. */
function inCluster(env: NodeJS.ProcessEnv): Connection {
  const host = env.KUBERNETES_SERVICE_HOST ?? ''
  const port = env.KUBERNETES_SERVICE_PORT ?? '443'
  const server = serverUrl(`https://${host.includes(':') ? `[${host}]` : host}:${port}`, 'in-cluster')
  const proxy = proxyFor(server, undefined, 'in-cluster', env)
  const tokenFile = path.join(SERVICE_ACCOUNT, 'token')
  const ca = readLimited(path.join(SERVICE_ACCOUNT, 'ca.crt'), 'service account CA', MAX_CREDENTIAL_FILE_BYTES)
  let namespace: string | undefined
  try {
    const ns = readLimited(path.join(SERVICE_ACCOUNT, 'namespace'), 'service account namespace', 1024).toString('utf8').trim()
    if (isDnsLabel(ns)) namespace = ns
  } catch {
    namespace = undefined
  }

  return {
    context: 'in-cluster',
    server: server.href.replace(/\/+$/, ''),
    where: 'the in-cluster service account',
    ...(namespace ? {namespace} : {}),
    tls: {ca, rejectUnauthorized: true},
    ...(proxy ? {proxy} : {}),
    credentials: async () => {
      const token = readLimited(tokenFile, 'service account token', MAX_CREDENTIAL_FILE_BYTES).toString('utf8').trim()
      registerSecret(token)
      return {authorization: `Bearer ${token}`}
    },
  }
}
