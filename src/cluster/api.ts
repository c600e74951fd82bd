/**
 * Plain GET requests to the Kubernetes API, with Node's http(s) module and the
 * TLS and credentials the kubeconfig gives. k8s-net reads a handful of list
 * endpoints: one small client keeps control of what matters here (GET only,
 * one deadline per request, metav1.Status errors, keep-alive) where the
 * generated API clients would bring a class per API group and errors of their own.
 *
 * What cannot be read at all (no connection, TLS, refused credentials, no
 * answer in time) is a ClusterError; any other HTTP error is an ApiError for
 * the caller to tolerate or not.
 */
import http from 'node:http'
import https from 'node:https'
import type {Connection} from './kubeconfig.js'
import {ClusterError} from './errors.js'
import {isRecord} from '../util/records.js'

/** An HTTP error from the API server, with what its metav1.Status says. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    /** `reason` of the Status (`Forbidden`, `NotFound`, `Expired`...), or the HTTP status text. */
    readonly reason: string,
    message: string,
    readonly path: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Paths k8s-net never requests, whatever a caller asks: their objects hold credentials and configuration it has no use for. */
// The resource segment only: /api/v1/secrets, /api/v1/namespaces/<ns>/configmaps, /apis/<g>/<v>/... (a namespace may be named "secrets").
const NEVER_READ = /^\/(?:api\/[^/]+|apis\/[^/]+\/[^/]+)(?:\/namespaces\/[^/]+)?\/(?:secrets|configmaps)(?:\/|$)/

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

export class ApiClient {
  private readonly options: https.RequestOptions
  private readonly agent?: http.Agent

  constructor(
    private readonly connection: Connection,
    /** Deadline of each request, in milliseconds; 0 for none. */
    private readonly timeoutMs: number,
    concurrency: number,
  ) {
    const options = {...connection.requestOptions}
    // The kubeconfig's agent carries its TLS settings; keep them, and keep connections alive between requests.
    const agent = options.agent
    if (agent instanceof https.Agent && agent.constructor === https.Agent) {
      options.agent = new https.Agent({...agent.options, keepAlive: true, maxSockets: concurrency})
      this.agent = options.agent
    }

    this.options = options
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.agent?.destroy()
  }

  /** GETs a path (with query parameters) and returns the decoded JSON body. */
  async get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    if (NEVER_READ.test(path)) throw new ClusterError(`k8s-net never reads Secrets or ConfigMaps (asked for ${path})`)
    const url = new URL(this.connection.server + path)
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
    const {statusCode, statusText, body} = await this.send(url)
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

    if (statusCode < 200 || statusCode >= 300) {
      const status = isRecord(value) ? value : {}
      const reason = typeof status.reason === 'string' && status.reason !== '' ? status.reason : statusText
      const message = typeof status.message === 'string' && status.message !== '' ? status.message : firstLine(body) || statusText
      throw new ApiError(statusCode, reason, message, path)
    }

    if (value === undefined) {
      throw new ApiError(statusCode, 'NotJSON', `the answer to GET ${path} is not JSON: is ${this.connection.server} a Kubernetes API server?`, path)
    }

    return value
  }

  private send(url: URL): Promise<{statusCode: number; statusText: string; body: string}> {
    const transport = url.protocol === 'http:' ? http : https
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      const fail = (error: unknown): void => {
        clearTimeout(timer)
        reject(error instanceof ClusterError ? error : this.networkError(error))
      }

      const request = transport.request(url, {
        ...this.options,
        method: 'GET',
        headers: {...this.options.headers, accept: 'application/json', 'user-agent': 'k8s-net'},
      })
      if (this.timeoutMs > 0) {
        timer = setTimeout(() => {
          request.destroy(
            new ClusterError(
              `no answer from the API server ${this.connection.server} (context ${this.connection.context}) within ${formatDuration(this.timeoutMs)} (--request-timeout)`,
            ),
          )
        }, this.timeoutMs)
      }

      request.on('error', fail)
      request.on('response', (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', fail)
        response.on('end', () => {
          clearTimeout(timer)
          resolve({
            statusCode: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          })
        })
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
    return new ClusterError(`cannot reach the API server ${server}: ${problem ?? detail}`)
  }
}

/** Parses `--request-timeout`: `30s`, `1m`, `500ms`, `2h`, or a bare number of seconds; 0 means no deadline. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text)
  if (!m) return undefined
  const unit = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h']
  return Math.round(Number(m[1]) * unit)
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]!.slice(0, 200)
}

