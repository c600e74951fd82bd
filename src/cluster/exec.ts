/**
 * Exec credential plugins (client.authentication.k8s.io v1 and v1beta1), as
 * client-go runs them: the command with its args, the kubeconfig's env on top
 * of ours, KUBERNETES_EXEC_INFO (with the cluster when provideClusterInfo is
 * set), standard input given only when the plugin may talk to the user. The
 * answer is kept until its expirationTimestamp, within a run.
 *
 * Nothing the plugin prints goes into a message: its output may hold a token.
 */
import {spawn} from 'node:child_process'
import path from 'node:path'
import {isRecord} from '../util/records.js'
import {ClusterError, registerSecret} from './errors.js'
import {quoted} from './names.js'

const API_VERSIONS = new Set(['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'])
/** Largest answer read from a plugin. */
const MAX_OUTPUT = 1024 * 1024

export interface ExecConfig {
  who: string
  /** Folder of the kubeconfig: a command with a path separator resolves against it. */
  dir: string
  /** What KUBERNETES_EXEC_INFO says of the cluster when provideClusterInfo is set. */
  cluster: {server: string; servername?: string; insecure: boolean; ca?: Buffer; proxy?: URL; extensions?: unknown}
  /** Deadline of a plugin that may not talk to the user; 0 for none. */
  timeoutMs: number
  env: NodeJS.ProcessEnv
}

export interface ExecResult {
  token?: string
  cert?: Buffer
  key?: Buffer
  /** When the answer expires, in milliseconds; undefined for never (within a run). */
  expires?: number
}

export class ExecPlugin {
  private readonly command: string
  private readonly args: string[]
  private readonly env: Record<string, string>
  private readonly apiVersion: string
  private readonly interactiveMode: string
  private readonly provideClusterInfo: boolean
  private readonly installHint?: string
  private cached?: Promise<ExecResult>

  constructor(
    exec: Record<string, unknown>,
    private readonly config: ExecConfig,
  ) {
    const who = config.who
    if (typeof exec.command !== 'string' || exec.command === '') throw new ClusterError(`the exec plugin of ${who} has no command`)
    if (typeof exec.apiVersion !== 'string' || !API_VERSIONS.has(exec.apiVersion)) {
      throw new ClusterError(
        `the exec plugin of ${who} has apiVersion ${quoted(exec.apiVersion ?? '')}: k8s-net speaks client.authentication.k8s.io/v1 and v1beta1 (v1alpha1 was removed in Kubernetes 1.24)`,
      )
    }

    this.apiVersion = exec.apiVersion
    // client-go: a command with a path separator is relative to the kubeconfig; a bare name is looked up in PATH.
    this.command = exec.command.includes('/') ? path.resolve(config.dir, exec.command) : exec.command
    const args = exec.args ?? []
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw new ClusterError(`the exec plugin of ${who}: args must be a list of strings`)
    this.args = args
    this.env = {}
    const env = exec.env ?? []
    if (!Array.isArray(env)) throw new ClusterError(`the exec plugin of ${who}: env must be a list of {name, value}`)
    for (const e of env) {
      if (!isRecord(e) || typeof e.name !== 'string' || typeof e.value !== 'string') throw new ClusterError(`the exec plugin of ${who}: env must be a list of {name, value}`)
      this.env[e.name] = e.value
    }

    const mode = exec.interactiveMode ?? (this.apiVersion.endsWith('/v1') ? undefined : 'IfAvailable')
    if (mode !== 'Never' && mode !== 'IfAvailable' && mode !== 'Always') {
      throw new ClusterError(`the exec plugin of ${who} needs interactiveMode Never, IfAvailable or Always (required with ${this.apiVersion}), not ${quoted(mode ?? '')}`)
    }

    this.interactiveMode = mode
    this.provideClusterInfo = exec.provideClusterInfo === true
    if (typeof exec.installHint === 'string' && exec.installHint.trim() !== '') this.installHint = exec.installHint.trim()
  }

  /** The plugin's credentials: the kept answer while it is valid, else a new run. */
  async credentials(): Promise<ExecResult> {
    if (this.cached) {
      const result = await this.cached
      if (result.expires === undefined || result.expires > Date.now()) return result
    }

    this.cached = this.run()
    this.cached.catch(() => {
      this.cached = undefined
    })
    return this.cached
  }

  private run(): Promise<ExecResult> {
    const who = this.config.who
    const interactive = this.interactiveMode !== 'Never' && process.stdin.isTTY === true
    if (this.interactiveMode === 'Always' && !interactive) {
      return Promise.reject(new ClusterError(`the exec plugin of ${who} (${this.command}) needs a terminal to talk to the user (interactiveMode: Always), and standard input is not one`))
    }

    const info = {
      kind: 'ExecCredential',
      apiVersion: this.apiVersion,
      spec: {interactive, ...(this.provideClusterInfo ? {cluster: clusterInfo(this.config.cluster)} : {})},
    }
    const env = {...this.config.env, ...this.env, KUBERNETES_EXEC_INFO: JSON.stringify(info)}
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, this.args, {env, stdio: [interactive ? 'inherit' : 'ignore', 'pipe', 'inherit'], shell: false})
      const chunks: Buffer[] = []
      let size = 0
      let settled = false
      const fail = (message: string): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        child.kill()
        reject(new ClusterError(message))
      }

      const timer =
        !interactive && this.config.timeoutMs > 0
          ? setTimeout(() => fail(`the exec plugin of ${who} (${this.command}) gave no answer within ${this.config.timeoutMs / 1000}s`), this.config.timeoutMs)
          : undefined
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_OUTPUT) fail(`the exec plugin of ${who} (${this.command}) wrote more than 1 MiB`)
        else chunks.push(chunk)
      })
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
          fail(`the exec plugin of ${who} cannot run: ${this.command} is not installed (or not in PATH)${this.installHint ? `. ${this.installHint}` : ''}`)
        } else fail(`the exec plugin of ${who} (${this.command}) cannot run: ${error.code ?? error.message}`)
      })
      child.on('close', (code, signal) => {
        if (settled) return
        if (code !== 0) return fail(`the exec plugin of ${who} (${this.command}) failed (${signal ? `signal ${signal}` : `exit code ${code}`}): see its messages above`)
        try {
          const result = this.parse(Buffer.concat(chunks).toString('utf8'))
          settled = true
          clearTimeout(timer)
          resolve(result)
        } catch (error) {
          fail((error as Error).message)
        }
      })
    })
  }

  /** Reads an ExecCredential; a message says what is wrong with it, never what it holds. */
  private parse(text: string): ExecResult {
    const bad = (why: string): never => {
      throw new ClusterError(`the exec plugin of ${this.config.who} (${this.command}) gave an answer k8s-net cannot use: ${why}`)
    }

    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return bad('it is not JSON (an ExecCredential was expected)')
    }

    if (!isRecord(value) || value.kind !== 'ExecCredential') return bad('it is not an ExecCredential')
    if (value.apiVersion !== this.apiVersion) return bad(`its apiVersion is not ${this.apiVersion}`)
    const status = value.status
    if (!isRecord(status)) return bad('it has no status')
    const out: ExecResult = {}
    if (status.expirationTimestamp !== undefined && status.expirationTimestamp !== null) {
      const expires = typeof status.expirationTimestamp === 'string' ? Date.parse(status.expirationTimestamp) : Number.NaN
      if (Number.isNaN(expires)) return bad('its status.expirationTimestamp is not a time')
      out.expires = expires
    }

    const {token, clientCertificateData: cert, clientKeyData: key} = status
    if (typeof token === 'string' && token !== '') {
      registerSecret(token)
      out.token = token
      return out
    }

    if (typeof cert === 'string' && cert !== '' && typeof key === 'string' && key !== '') {
      registerSecret(key.trim())
      out.cert = Buffer.from(cert)
      out.key = Buffer.from(key)
      return out
    }

    return bad('its status has neither a token nor a client certificate with its key')
  }
}

/** The cluster as ExecCredential's spec.cluster gives it. */
function clusterInfo(c: ExecConfig['cluster']): Record<string, unknown> {
  return {
    server: c.server,
    ...(c.servername ? {'tls-server-name': c.servername} : {}),
    ...(c.insecure ? {'insecure-skip-tls-verify': true} : {}),
    ...(c.ca ? {'certificate-authority-data': c.ca.toString('base64')} : {}),
    ...(c.proxy ? {'proxy-url': c.proxy.href} : {}),
    ...(isRecord(c.extensions) || Array.isArray(c.extensions) ? {config: execExtension(c.extensions)} : {}),
  }
}

/** The `client.authentication.k8s.io/exec` extension of the cluster, which client-go passes as spec.cluster.config. */
function execExtension(extensions: unknown): unknown {
  const list = Array.isArray(extensions) ? extensions : []
  const found = list.find((e) => isRecord(e) && e.name === 'client.authentication.k8s.io/exec')
  return isRecord(found) ? found.extension : undefined
}
