/**
 * Plain GET requests to the Kubernetes API, with Node's http(s) module and the
 * TLS and credentials the kubeconfig gives. k8s-net reads a handful of list
 * endpoints: one small client keeps control of what matters here (GET only,
 * paths built from validated names, never Secrets or ConfigMaps, one deadline
 * per request proxy included, retries only where the server asks for them,
 * metav1.Status errors, keep-alive).
 *
 * What cannot be read at all (no connection, TLS, refused credentials, no
 * answer in time) is a ClusterError; any other HTTP error is an ApiError for
 * the caller to tolerate or not.
 */
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import {isRecord} from '../util/records.js'
import {ClusterError, redact} from './errors.js'
import type {Connection, Credentials} from './kubeconfig.js'
import {quoted} from './names.js'

/** An HTTP error from the API server, with what its metav1.Status says. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    /** `reason` of the Status (`Forbidden`, `NotFound`, `Expired`...), or the HTTP status text. */
    readonly reason: string,
    message: string,
    readonly path: string,
  ) {
    super(redact(message))
    this.name = 'ApiError'
  }
}

/**
 * Paths k8s-net never requests, whatever a caller or a server asks: their
 * objects hold credentials and configuration it has no use for. Checked on the
 * final URL, normalised and decoded, anywhere in the path (a server may sit
 * under a prefix); a namespace may be named "secrets", a resource may not.
 */
const NEVER_READ = /\/(?:api\/[^/]+|apis\/[^/]+\/[^/]+)(?:\/namespaces\/[^/]+)?\/(?:secrets|configmaps)(?:\/|$)/

/** Largest answer read (a page of at most 500 objects is far smaller). */
const MAX_BODY_BYTES = 256 * 1024 * 1024
/** Attempts of one request when the server answers 429 or 503 with Retry-After. */
const MAX_ATTEMPTS = 5
/** Longest wait between attempts when there is no deadline. */
const MAX_RETRY_WAIT_MS = 30_000

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
])

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the cluster running, and is this its address?)',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'the connection timed out',
}

/** Node's error code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`...) of a request error. */
const codeOf = (error: unknown): string => String((error as {code?: unknown})?.code ?? '')

/** A path of the API, from segments: each must be a name (no `/`, no `.` or `..`, no control characters), and is percent-encoded. */
export function apiPath(...segments: string[]): string {
  for (const s of segments) {
    // eslint-disable-next-line no-control-regex
    if (s === '' || s === '.' || s === '..' || /[/\\\u0000-\u001f\u007f]/.test(s)) throw new ClusterError(`refusing to request an API path with the segment ${quoted(s)}`)
  }

  return `/${segments.map(encodeURIComponent).join('/')}`
}

interface Answer {
  statusCode: number
  statusText: string
  headers: http.IncomingHttpHeaders
  body: string
}

export class ApiClient {
  private readonly base: URL
  private agent?: {key: string; agent: http.Agent}

  constructor(
    private readonly connection: Connection,
    /** Deadline of each request, in milliseconds; 0 for none. */
    private readonly timeoutMs: number,
    private readonly concurrency: number,
  ) {
    this.base = new URL(connection.server)
  }

  /** The server's address, for messages. */
  get server(): string {
    return this.connection.server
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.agent?.agent.destroy()
  }

  /** The full URL of an API path (from `apiPath`), under the server's path prefix, refused when it names Secrets or ConfigMaps. */
  urlOf(path: string, query: Record<string, string> = {}): URL {
    const prefix = this.base.pathname.replace(/\/+$/, '')
    const url = new URL(this.base.href)
    url.pathname = prefix + path
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
    let decoded: string
    try {
      decoded = decodeURIComponent(url.pathname)
    } catch {
      decoded = url.pathname
    }

    if (NEVER_READ.test(url.pathname) || NEVER_READ.test(decoded) || url.hash !== '') {
      throw new ClusterError(`k8s-net never reads Secrets or ConfigMaps (asked for ${quoted(redact(url.pathname))})`)
    }

    return url
  }

  /** GETs an API path (from `apiPath`, with query parameters) and returns the decoded JSON body. */
  async get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = this.urlOf(path, query)
    const deadline = this.timeoutMs > 0 ? Date.now() + this.timeoutMs : undefined
    for (let attempt = 1; ; attempt++) {
      const answer = await this.send(url, deadline)
      if ((answer.statusCode === 429 || answer.statusCode === 503) && attempt < MAX_ATTEMPTS) {
        const wait = retryAfter(answer.headers['retry-after'])
        if (wait !== undefined && (deadline === undefined ? wait <= MAX_RETRY_WAIT_MS : Date.now() + wait < deadline)) {
          await new Promise((resolve) => setTimeout(resolve, wait))
          continue
        }
      }

      return this.decode(answer, path)
    }
  }

  private decode({statusCode, statusText, headers, body}: Answer, path: string): unknown {
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch {
      value = undefined
    }

    if (statusCode === 401) {
      throw new ClusterError(
        `the API server ${this.connection.server} refused the credentials of ${this.connection.user ? `user ${this.connection.user}` : 'the kubeconfig'} (context ${this.connection.context}): 401 Unauthorized. The token or client certificate is wrong or has expired: renew it, or pick another context with --kube-context`,
      )
    }

    if (statusCode >= 300 && statusCode < 400) {
      const to = typeof headers.location === 'string' ? ` to ${quoted(redact(headers.location))}` : ''
      throw new ApiError(statusCode, 'Redirect', `the API server redirected GET ${path}${to}: k8s-net does not follow redirects`, path)
    }

    if (statusCode < 200 || statusCode >= 300) {
      const status = isRecord(value) ? value : {}
      const reason = typeof status.reason === 'string' && status.reason !== '' ? status.reason : statusText
      const message = typeof status.message === 'string' && status.message !== '' ? status.message : firstLine(body) || statusText
      const wait = statusCode === 429 || statusCode === 503 ? retryAfter(headers['retry-after']) : undefined
      const more = wait !== undefined ? ` (it asked to retry after ${formatDuration(wait)}, beyond the deadline or the attempts)` : ''
      throw new ApiError(statusCode, oneLine(reason), `${oneLine(message)}${more}`, path)
    }

    if (value === undefined) {
      throw new ApiError(statusCode, 'NotJSON', `the answer to GET ${path} is not JSON: is ${this.connection.server} a Kubernetes API server?`, path)
    }

    return value
  }

  /** An agent for the TLS settings and the client certificate of these credentials, kept while they stay the same. */
  private agentFor(credentials: Credentials): http.Agent {
    const key = `${credentials.cert?.toString('base64') ?? ''}/${credentials.key?.length ?? 0}`
    if (this.agent?.key === key) return this.agent.agent
    this.agent?.agent.destroy()
    const options = {...this.tlsOptions(credentials), keepAlive: true, maxSockets: this.concurrency}
    const agent = this.base.protocol === 'http:' ? new http.Agent(options) : new https.Agent(options)
    this.agent = {key, agent}
    return agent
  }

  private tlsOptions(credentials: Credentials): tls.ConnectionOptions {
    const t = this.connection.tls
    const cert = credentials.cert ?? t.cert
    const key = credentials.key ?? t.key
    const servername = t.servername ?? (net.isIP(this.base.hostname.replace(/^\[|\]$/g, '')) ? undefined : this.base.hostname)
    return {
      rejectUnauthorized: t.rejectUnauthorized,
      ...(t.ca ? {ca: t.ca} : {}),
      ...(cert ? {cert} : {}),
      ...(key ? {key} : {}),
      ...(servername ? {servername} : {}),
    }
  }

  private async send(url: URL, deadline: number | undefined): Promise<Answer> {
    const credentials = await this.connection.credentials()
    const headers: http.OutgoingHttpHeaders = {accept: 'application/json', 'user-agent': 'k8s-net'}
    if (credentials.authorization) headers.authorization = credentials.authorization
    // Everything of one request (credentials aside) is bound by one deadline: proxy, TLS, answer.
    const pending: Array<{destroy(error?: Error): void}> = []
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      if (deadline === undefined) return
      timer = setTimeout(
        () => {
          const error = new ClusterError(
            `no answer from the API server ${this.connection.server} (context ${this.connection.context})${this.connection.proxy ? ` through the proxy ${this.connection.proxy.host}` : ''} within ${formatDuration(this.timeoutMs)} (--request-timeout)`,
          )
          for (const p of pending) p.destroy(error)
          reject(error)
        },
        Math.max(0, deadline - Date.now()),
      )
    })
    expired.catch(() => {})
    try {
      return await Promise.race([this.exchange(url, headers, credentials, pending), expired])
    } catch (error) {
      throw error instanceof ClusterError ? error : this.networkError(error)
    } finally {
      clearTimeout(timer)
    }
  }

  /** One GET, straight or through the proxy. */
  private async exchange(url: URL, headers: http.OutgoingHttpHeaders, credentials: Credentials, pending: Array<{destroy(error?: Error): void}>): Promise<Answer> {
    const proxy = this.connection.proxy
    let options: https.RequestOptions
    let target = url
    if (!proxy) {
      options = {agent: this.agentFor(credentials)}
    } else if (url.protocol === 'http:') {
      // Plain HTTP through a proxy: the absolute URL, to the proxy.
      options = {host: proxy.hostname, port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80), path: url.href, headers: proxyHeaders(proxy)}
      target = proxy
    } else {
      const socket = await this.tunnel(proxy, url, pending)
      const secure = tls.connect({...this.tlsOptions(credentials), socket, host: url.hostname})
      pending.push(secure)
      options = {createConnection: () => secure}
    }

    const transport = target.protocol === 'http:' ? http : https
    return new Promise((resolve, reject) => {
      const request = transport.request(target, {...options, method: 'GET', headers: {...headers, ...options.headers}})
      pending.push(request)
      request.on('error', reject)
      request.on('response', (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_BODY_BYTES) {
            request.destroy(new ClusterError(`the answer of the API server ${this.connection.server} to GET ${url.pathname} is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`))
          } else chunks.push(chunk)
        })
        response.on('error', reject)
        response.on('end', () => {
          resolve({statusCode: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers: response.headers, body: Buffer.concat(chunks).toString('utf8')})
        })
      })
      request.end()
    })
  }

  /** A CONNECT tunnel through an http(s) proxy to the server. */
  private tunnel(proxy: URL, url: URL, pending: Array<{destroy(error?: Error): void}>): Promise<net.Socket> {
    const transport = proxy.protocol === 'https:' ? https : http
    const port = url.port || '443'
    return new Promise((resolve, reject) => {
      const request = transport.request({
        host: proxy.hostname,
        port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
        method: 'CONNECT',
        path: `${url.hostname}:${port}`,
        headers: {host: `${url.hostname}:${port}`, ...proxyHeaders(proxy)},
        agent: false,
      })
      pending.push(request)
      request.on('error', reject)
      request.on('connect', (response, socket) => {
        pending.push(socket)
        if (response.statusCode !== 200) {
          socket.destroy()
          reject(new ClusterError(`the proxy ${proxy.host} refused to connect to ${url.host}: ${response.statusCode} ${oneLine(response.statusMessage ?? '')}`))
        } else resolve(socket)
      })
      request.end()
    })
  }

  private networkError(error: unknown): ClusterError {
    const code = codeOf(error)
    const detail = (error as Error)?.message ?? String(error)
    const server = `${this.connection.server} (context ${this.connection.context})`
    if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
      return new ClusterError(
        `TLS with the API server ${server} failed: ${detail}. Check the cluster's certificate-authority (or certificate-authority-data) and server address in the kubeconfig`,
      )
    }

    const problem = NETWORK_PROBLEMS[code]
    return new ClusterError(`cannot reach the API server ${server}${this.connection.proxy ? ` through the proxy ${this.connection.proxy.host}` : ''}: ${problem ?? detail}`)
  }
}

function proxyHeaders(proxy: URL): Record<string, string> {
  if (proxy.username === '' && proxy.password === '') return {}
  return {'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`}
}

/** Retry-After in milliseconds: seconds or an HTTP date. */
function retryAfter(header: string | string[] | undefined): number | undefined {
  const text = Array.isArray(header) ? header[0] : header
  if (text === undefined || text.trim() === '') return undefined
  if (/^\s*\d+\s*$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
}

/** Parses `--request-timeout`: `30s`, `1m`, `500ms`, `2h`, or a bare number of seconds; 0 means no deadline. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text)
  if (!m) return undefined
  const unit = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h']
  return Math.round(Number(m[1]) * unit)
}

export function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`
}

/** The first line of a text, without control characters, cut short: it comes from the server. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replaceAll(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, 300)
}

function firstLine(text: string): string {
  return oneLine(text.trim().split('\n')[0] ?? '')
}
