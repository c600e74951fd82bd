/**
 * Reading Ingresses in every shape still found in manifests: networking.k8s.io/v1
 * (`service.name` with `port.number` or `port.name`, `defaultBackend`,
 * `ingressClassName`) and the legacy extensions/v1beta1 and
 * networking.k8s.io/v1beta1 (`serviceName`/`servicePort`, `backend`, the
 * `kubernetes.io/ingress.class` annotation). Also: IngressClasses and the
 * default one, TLS host coverage with wildcards, and the rewrite of a legacy
 * object into networking.k8s.io/v1.
 */
import type {KindTable, ResourceIndex} from '../engine/resource-index.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {asRecord, emptyRecord, isRecord, specOf} from '../util/records.js'
import {onceFor} from '../util/once.js'

/** API groups that have served Ingress. */
export const INGRESS_GROUPS: readonly string[] = ['networking.k8s.io', 'extensions']
/** Versions of Ingress and IngressClass removed in Kubernetes 1.22. */
export const REMOVED_INGRESS_VERSIONS: readonly string[] = ['extensions/v1beta1', 'networking.k8s.io/v1beta1']
/** The class annotation that predates `spec.ingressClassName`. */
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class'
/** Marks the IngressClass that Ingresses without a class get. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class'

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== ''

export const isIngress = (r: Resource): boolean => r.kind === 'Ingress' && INGRESS_GROUPS.includes(r.group)

/** Every Ingress of the input (both API groups), in load order. */
export function ingressesOf(index: ResourceIndex): Resource[] {
  return index.byKind('Ingress').filter(isIngress)
}

/** IngressClasses (networking.k8s.io, v1 and v1beta1). */
export const ingressClassesOf = (index: ResourceIndex): KindTable => index.table('IngressClass', ['networking.k8s.io'])

/** The Service a backend names, in whichever shape it is written. */
export interface BackendService {
  name: string
  namePath: ObjectPath
  /** A port number, a port name, or undefined when the backend names none. */
  port?: number | string
  /** Where the port is, or where it belongs when missing. */
  portPath: ObjectPath
  /** Written in the legacy shape (`serviceName`/`servicePort`), which networking.k8s.io/v1 does not have. */
  legacy: boolean
}

export interface IngressBackend {
  /** Path to the backend mapping. */
  path: ObjectPath
  /** For messages: `the default backend`, `host a.example.com, path /api`. */
  where: string
  /** Undefined for a resource backend, or one that names no Service. */
  service?: BackendService
  /** A backend that points at an object other than a Service (`resource`). */
  resource: boolean
}

export interface IngressPath {
  readonly ruleIndex: number
  readonly pathIndex: number
  /** `path` as written; legacy Ingresses may leave it out (all paths). */
  readonly path?: string
  /** `pathType` as written; legacy Ingresses leave it out (ImplementationSpecific). */
  readonly pathType?: string
  /** Path to the `paths` entry. */
  readonly entryPath: ObjectPath
  readonly backend?: IngressBackend
}

export interface IngressRule {
  readonly index: number
  /** Lower-cased; undefined when the rule matches every host. */
  readonly host?: string
  /** Path to `host`, or to the rule when it has none. */
  readonly hostPath: ObjectPath
  readonly paths: readonly IngressPath[]
}

/** Reads a backend mapping: v1 `service.{name, port}`, legacy `serviceName`/`servicePort`, or `resource`. */
function readBackend(value: unknown, path: ObjectPath, where: string): IngressBackend | undefined {
  if (!isRecord(value)) return undefined
  const backend: IngressBackend = {path, where, resource: isRecord(value.resource)}
  const service = value.service
  if (isRecord(service) && nonEmpty(service.name)) {
    const port = isRecord(service.port) ? service.port : undefined
    const servicePath = [...path, 'service']
    let portValue: number | string | undefined
    let portPath: ObjectPath = [...servicePath, 'port']
    if (typeof port?.number === 'number') {
      portValue = port.number
      portPath = [...portPath, 'number']
    } else if (nonEmpty(port?.name)) {
      portValue = port.name
      portPath = [...portPath, 'name']
    }

    backend.service = {name: service.name, namePath: [...servicePath, 'name'], port: portValue, portPath, legacy: false}
  } else if (nonEmpty(value.serviceName)) {
    const port = value.servicePort
    backend.service = {
      name: value.serviceName,
      namePath: [...path, 'serviceName'],
      port: typeof port === 'number' || nonEmpty(port) ? port : undefined,
      portPath: [...path, 'servicePort'],
      legacy: true,
    }
  }

  return backend
}

/**
 * The port name by which an AWS Load Balancer Controller backend names an
 * action (a redirect, a fixed response, weighted target groups) written in
 * the `alb.ingress.kubernetes.io/actions.<service name>` annotation, not a
 * Service port.
 */
export const ALB_ACTION_PORT = 'use-annotation'

/** For a backend that names an AWS Load Balancer Controller action rather than a Service: the annotation that holds the action. */
export function albActionAnnotation(ref: BackendService): string | undefined {
  return ref.port === ALB_ACTION_PORT ? `alb.ingress.kubernetes.io/actions.${ref.name}` : undefined
}

/**
 * NGINX Inc.'s controller merges Ingresses of one host: one `master` holds the
 * host, its TLS and annotations, and `minion`s add paths and cannot carry TLS.
 */
export const MERGEABLE_TYPE_ANNOTATION = 'nginx.org/mergeable-ingress-type'

/** `master` or `minion` for an NGINX Inc. mergeable Ingress, undefined otherwise. */
export function mergeableType(ingress: Resource): 'master' | 'minion' | undefined {
  const value = ingress.annotations[MERGEABLE_TYPE_ANNOTATION]?.trim().toLowerCase()
  return value === 'master' || value === 'minion' ? value : undefined
}

/** The default backend: `spec.defaultBackend` (v1) or `spec.backend` (legacy). */
export function defaultBackendOf(ingress: Resource): IngressBackend | undefined {
  const spec = specOf(ingress)
  const field = isRecord(spec.defaultBackend) ? 'defaultBackend' : 'backend'
  return readBackend(spec[field], ['spec', field], 'the default backend')
}

/** `spec.rules` with their hosts and paths: read once for each Ingress, and shared. */
export const ingressRules: (ingress: Resource) => readonly IngressRule[] = onceFor(readRules)

function readRules(ingress: Resource): IngressRule[] {
  const rules = specOf(ingress).rules
  if (!Array.isArray(rules)) return []
  const out: IngressRule[] = []
  for (const [i, rule] of rules.entries()) {
    if (!isRecord(rule)) continue
    const host = nonEmpty(rule.host) ? rule.host.toLowerCase() : undefined
    const rulePath: ObjectPath = ['spec', 'rules', i]
    const paths: IngressPath[] = []
    const http = asRecord(rule.http)
    if (Array.isArray(http.paths)) {
      for (const [j, entry] of http.paths.entries()) {
        if (!isRecord(entry)) continue
        const entryPath: ObjectPath = [...rulePath, 'http', 'paths', j]
        const path = typeof entry.path === 'string' ? entry.path : undefined
        const where = `${host ? `host ${host}` : 'any host'}, path ${path ?? '/'}`
        paths.push({
          ruleIndex: i,
          pathIndex: j,
          path,
          pathType: nonEmpty(entry.pathType) ? entry.pathType : undefined,
          entryPath,
          backend: readBackend(entry.backend, [...entryPath, 'backend'], where),
        })
      }
    }

    out.push({index: i, host, hostPath: host ? [...rulePath, 'host'] : rulePath, paths})
  }

  return out
}

/** Every backend of an Ingress: the default one first, then those of its rules. */
export function ingressBackends(ingress: Resource): IngressBackend[] {
  const out: IngressBackend[] = []
  const fallback = defaultBackendOf(ingress)
  if (fallback) out.push(fallback)
  for (const rule of ingressRules(ingress)) for (const p of rule.paths) if (p.backend) out.push(p.backend)
  return out
}

/**
 * The hosts `spec.tls` covers. An entry without hosts covers every host: the
 * API says it defaults to the controller's wildcard host.
 */
export function tlsCoverage(ingress: Resource): {all: boolean; hosts: string[]} {
  const tls = specOf(ingress).tls
  const coverage = {all: false, hosts: [] as string[]}
  if (!Array.isArray(tls)) return coverage
  for (const entry of tls) {
    if (!isRecord(entry)) continue
    const hosts = Array.isArray(entry.hosts) ? entry.hosts.filter(nonEmpty) : []
    if (hosts.length === 0) coverage.all = true
    for (const h of hosts) coverage.hosts.push(h.toLowerCase())
  }

  return coverage
}

/**
 * Whether a host pattern covers a host, as Ingress and certificates match:
 * `*.example.com` stands for exactly one more label (`a.example.com`, not
 * `example.com` nor `a.b.example.com`). A wildcard host is covered by the
 * same wildcard only. Case-insensitive.
 */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase()
  const h = host.toLowerCase()
  if (p === h) return true
  if (!p.startsWith('*.') || h.startsWith('*.')) return false
  const suffix = p.slice(1) // `.example.com`
  return h.endsWith(suffix) && h.length > suffix.length && !h.slice(0, -suffix.length).includes('.')
}

export interface IngressClassRef {
  name: string
  source: 'ingressClassName' | 'annotation'
  /** Where the class is written. */
  path: ObjectPath
}

/** The class an Ingress names: `spec.ingressClassName`, else the legacy annotation. */
export function ingressClassOf(ingress: Resource): IngressClassRef | undefined {
  const name = specOf(ingress).ingressClassName
  if (nonEmpty(name)) return {name, source: 'ingressClassName', path: ['spec', 'ingressClassName']}
  const annotation = ingress.annotations[CLASS_ANNOTATION]
  if (nonEmpty(annotation)) return {name: annotation, source: 'annotation', path: ['metadata', 'annotations', CLASS_ANNOTATION]}
  return undefined
}

/** IngressClasses of the input marked as the default one (the annotation must be exactly `true`). */
export function defaultIngressClasses(index: ResourceIndex): Resource[] {
  return ingressClassesOf(index).all.filter((c) => c.annotations[DEFAULT_CLASS_ANNOTATION] === 'true')
}

/**
 * The class an Ingress is served by, as far as the input tells: the one it
 * names, else the default IngressClass of the input, else undefined.
 */
export function effectiveClass(ingress: Resource, index: ResourceIndex): string | undefined {
  return ingressClassOf(ingress)?.name ?? defaultIngressClasses(index)[0]?.name
}

/** `spec.controller` of the IngressClass with this name, if the input holds it. */
export function controllerOf(index: ResourceIndex, className: string): string | undefined {
  const ingressClass = ingressClassesOf(index).find('', className)
  const controller = ingressClass && specOf(ingressClass).controller
  return nonEmpty(controller) ? controller : undefined
}

/**
 * An Ingress or IngressClass of a removed version, rewritten for
 * networking.k8s.io/v1. Keys keep their order; `status` is dropped. For an
 * Ingress: `backend` becomes `defaultBackend`; `serviceName`/`servicePort`
 * become `service.name` and `service.port.number` (or `.name` for a named
 * port; a port written as a quoted number is taken as the number it spells);
 * paths without `pathType` get `ImplementationSpecific`, which is what the
 * old versions defaulted to; and the class annotation moves to
 * `spec.ingressClassName` (the API server refuses an Ingress that sets both).
 */
export function toNetworkingV1(object: Record<string, unknown>): Record<string, unknown> {
  // Keys are the user's: records without a prototype keep `__proto__` and its kin as plain keys.
  const out = emptyRecord()
  for (const [key, value] of Object.entries(object)) {
    if (key === 'status') continue
    out[key] = key === 'apiVersion' ? 'networking.k8s.io/v1' : value
  }

  if (object.kind !== 'Ingress') return out
  const metadata = isRecord(object.metadata) ? object.metadata : undefined
  const annotations = isRecord(metadata?.annotations) ? metadata.annotations : undefined
  const annotated = annotations?.[CLASS_ANNOTATION]
  if (metadata && annotations && typeof annotated === 'string') {
    const rest = Object.fromEntries(Object.entries(annotations).filter(([k]) => k !== CLASS_ANNOTATION))
    const copy = emptyRecord()
    for (const [k, v] of Object.entries(metadata)) {
      if (k !== 'annotations') copy[k] = v
      else if (Object.keys(rest).length > 0) copy[k] = rest
    }

    out.metadata = copy
  }

  if (!isRecord(object.spec)) return out
  const spec = emptyRecord()
  const className = nonEmpty(object.spec.ingressClassName) ? object.spec.ingressClassName : nonEmpty(annotated) ? annotated : undefined
  if (className !== undefined) spec.ingressClassName = className
  for (const [key, value] of Object.entries(object.spec)) {
    if (key === 'ingressClassName') continue
    if (key === 'backend' || key === 'defaultBackend') spec.defaultBackend = convertBackend(value)
    else if (key === 'rules') spec.rules = Array.isArray(value) ? value.map(convertRule) : value
    else spec[key] = value
  }

  out.spec = spec
  return out
}

function convertRule(rule: unknown): unknown {
  if (!isRecord(rule) || !isRecord(rule.http) || !Array.isArray(rule.http.paths)) return rule
  const paths = rule.http.paths.map((entry: unknown) => {
    if (!isRecord(entry)) return entry
    // The added pathType goes right after `path` (first when there is no path), where readers look for it.
    const missing = entry.pathType === undefined
    const out = emptyRecord()
    if (missing && entry.path === undefined) out.pathType = 'ImplementationSpecific'
    for (const [key, value] of Object.entries(entry)) {
      out[key] = key === 'backend' ? convertBackend(value) : value
      if (key === 'path' && missing) out.pathType = 'ImplementationSpecific'
    }

    return out
  })
  return {...rule, http: {...rule.http, paths}}
}

function convertBackend(backend: unknown): unknown {
  if (!isRecord(backend) || backend.serviceName === undefined) return backend
  const out = emptyRecord()
  for (const [key, value] of Object.entries(backend)) {
    if (key === 'servicePort') continue
    if (key !== 'serviceName') {
      out[key] = value
      continue
    }

    const port = backend.servicePort
    const service: Record<string, unknown> = {name: value}
    if (typeof port === 'number') service.port = {number: port}
    else if (typeof port === 'string' && /^\d+$/.test(port)) service.port = {number: Number(port)}
    else if (port !== undefined) service.port = {name: port}
    out.service = service
  }

  return out
}

// ---- ingress-nginx -----------------------------------------------------------
//
// ingress-nginx (kubernetes/ingress-nginx, controller `k8s.io/ingress-nginx`)
// was retired by Kubernetes SIG Network and the Security Response Committee:
// announced in November 2025, best-effort maintenance ended in March 2026, and
// no fixes come any more, security ones included. F5's NGINX Ingress
// Controller (`nginx.org/ingress-controller`, annotations `nginx.org/*`) is
// another product and is not concerned.

/** The `spec.controller` of ingress-nginx's IngressClasses. */
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx'
/** The prefix of ingress-nginx's own annotations. */
export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/'
/** The prefixes of the annotations of F5's NGINX Ingress Controller (NGINX, NGINX Plus, App Protect WAF and DoS), which ingress-nginx does not read. */
const F5_NGINX_ANNOTATION_PREFIXES: readonly string[] = ['nginx.org/', 'nginx.com/', 'appprotect.f5.com/', 'appprotectdos.f5.com/']

/**
 * How an ingress-nginx annotation carries over to the Gateway API:
 * - `standard`: a feature of the Gateway API's standard channel does it (a
 *   route filter, a match, weights, timeouts, another route kind, BackendTLSPolicy);
 * - `implementation`: Gateway API implementations offer it through their own
 *   policies or extensions, differently in each, or only in the experimental channel;
 * - `none`: nothing does it (NGINX configuration, rate limits, external auth).
 */
export type Portability = 'standard' | 'implementation' | 'none'

export interface NginxAnnotationClass {
  portability: Portability
  /** What to use instead, or why there is none. */
  how: string
}

const S = (how: string): NginxAnnotationClass => ({portability: 'standard', how})
const I = (how: string): NginxAnnotationClass => ({portability: 'implementation', how})
const N = (how: string): NginxAnnotationClass => ({portability: 'none', how})

const SESSION = I('session persistence (experimental channel, or the implementation\'s own policy)')
const AUTH_EXTERNAL = N('external authentication (some implementations offer an ext-auth policy of their own)')
const BASIC_AUTH = I('basic authentication, in the implementation\'s security policy')
const CORS = S('HTTPRoute CORS filter')
const REDIRECT = S('HTTPRoute RequestRedirect filter')
const CANARY = S('a match or a weight on the HTTPRoute rule that carries both backends')
const TUNING = I('proxy tuning, in the implementation\'s own policy or configuration')
const RATE_LIMIT = N('rate limiting (some implementations offer a rate-limit policy of their own)')
const UPSTREAM_TLS = S('BackendTLSPolicy')
const SNIPPET = N('raw NGINX configuration: rewrite what it does')
const WAF = N('web application firewall')
const OBSERVABILITY = I('logging and tracing, in the implementation\'s own configuration')

/** Every annotation ingress-nginx documents, by name without the prefix. */
const NGINX_ANNOTATIONS: Readonly<Record<string, NginxAnnotationClass>> = {
  'app-root': S('HTTPRoute RequestRedirect filter on path /'),
  affinity: SESSION,
  'affinity-canary-behavior': SESSION,
  'affinity-mode': SESSION,
  'auth-always-set-cookie': AUTH_EXTERNAL,
  'auth-cache-duration': AUTH_EXTERNAL,
  'auth-cache-key': AUTH_EXTERNAL,
  'auth-keepalive': AUTH_EXTERNAL,
  'auth-keepalive-requests': AUTH_EXTERNAL,
  'auth-keepalive-share-vars': AUTH_EXTERNAL,
  'auth-keepalive-timeout': AUTH_EXTERNAL,
  'auth-method': AUTH_EXTERNAL,
  'auth-proxy-set-headers': AUTH_EXTERNAL,
  'auth-realm': BASIC_AUTH,
  'auth-request-redirect': AUTH_EXTERNAL,
  'auth-response-headers': AUTH_EXTERNAL,
  'auth-secret': BASIC_AUTH,
  'auth-secret-type': BASIC_AUTH,
  'auth-signin': AUTH_EXTERNAL,
  'auth-signin-redirect-param': AUTH_EXTERNAL,
  'auth-snippet': SNIPPET,
  'auth-tls-error-page': I('client certificate error handling, the implementation\'s own'),
  'auth-tls-match-cn': I('client certificate subject checks, the implementation\'s own'),
  'auth-tls-pass-certificate-to-upstream': I('forwarding the client certificate, the implementation\'s own'),
  'auth-tls-secret': S('client certificate validation on the Gateway (spec.tls.frontend), per port rather than per Ingress'),
  'auth-tls-verify-client': S('client certificate validation on the Gateway (spec.tls.frontend), per port rather than per Ingress'),
  'auth-tls-verify-depth': I('client certificate chain depth, the implementation\'s own'),
  'auth-type': BASIC_AUTH,
  'auth-url': AUTH_EXTERNAL,
  'backend-protocol': S('HTTP: the default; GRPC: a GRPCRoute; HTTPS and GRPCS: a BackendTLSPolicy'),
  canary: CANARY,
  'canary-by-cookie': I('routing on a cookie: a header match on Cookie is not exact; the implementation\'s own'),
  'canary-by-header': CANARY,
  'canary-by-header-pattern': I('a RegularExpression header match, which implementations support or not'),
  'canary-by-header-value': CANARY,
  'canary-weight': CANARY,
  'canary-weight-total': CANARY,
  'client-body-buffer-size': TUNING,
  'configuration-snippet': SNIPPET,
  'connection-proxy-header': TUNING,
  'cors-allow-credentials': CORS,
  'cors-allow-headers': CORS,
  'cors-allow-methods': CORS,
  'cors-allow-origin': CORS,
  'cors-expose-headers': CORS,
  'cors-max-age': CORS,
  'custom-headers': N('headers read from a ConfigMap: copy them into a ResponseHeaderModifier filter'),
  'custom-http-errors': I('custom error pages, the implementation\'s own'),
  'default-backend': N('a fallback Service for errors'),
  'denylist-source-range': I('client IP filtering, in the implementation\'s security policy'),
  'enable-access-log': OBSERVABILITY,
  'enable-cors': CORS,
  'enable-global-auth': AUTH_EXTERNAL,
  'enable-modsecurity': WAF,
  'enable-opentelemetry': OBSERVABILITY,
  'enable-owasp-core-rules': WAF,
  'enable-rewrite-log': OBSERVABILITY,
  'force-ssl-redirect': S('an HTTPRoute on the HTTP listener with a RequestRedirect filter to scheme https'),
  'from-to-www-redirect': S('an HTTPRoute for the other host with a RequestRedirect filter (hostname)'),
  'http2-push-preload': N('HTTP/2 server push (browsers dropped it)'),
  'limit-burst-multiplier': RATE_LIMIT,
  'limit-connections': RATE_LIMIT,
  'limit-rate': RATE_LIMIT,
  'limit-rate-after': RATE_LIMIT,
  'limit-rpm': RATE_LIMIT,
  'limit-rps': RATE_LIMIT,
  'limit-whitelist': RATE_LIMIT,
  'load-balance': I('load-balancing algorithm, the implementation\'s own policy'),
  'mirror-host': I('the Host header of mirrored requests, the implementation\'s own'),
  'mirror-request-body': I('whether mirrored requests carry the body, the implementation\'s own'),
  'mirror-target': S('HTTPRoute RequestMirror filter'),
  'modsecurity-snippet': SNIPPET,
  'modsecurity-transaction-id': WAF,
  'opentelemetry-trust-incoming-span': OBSERVABILITY,
  'permanent-redirect': REDIRECT,
  'permanent-redirect-code': REDIRECT,
  'preserve-trailing-slash': I('trailing slash handling of redirects, the implementation\'s own'),
  'proxy-body-size': TUNING,
  'proxy-buffer-size': TUNING,
  'proxy-buffering': TUNING,
  'proxy-buffers-number': TUNING,
  'proxy-busy-buffers-size': TUNING,
  'proxy-connect-timeout': I('connect timeout, the implementation\'s own policy (route timeouts cover requests only)'),
  'proxy-cookie-domain': N('cookie rewriting'),
  'proxy-cookie-path': N('cookie rewriting'),
  'proxy-http-version': TUNING,
  'proxy-max-temp-file-size': TUNING,
  'proxy-next-upstream': I('retries: HTTPRoute retry (experimental channel) or the implementation\'s own policy'),
  'proxy-next-upstream-timeout': I('retries: HTTPRoute retry (experimental channel) or the implementation\'s own policy'),
  'proxy-next-upstream-tries': I('retries: HTTPRoute retry (experimental channel) or the implementation\'s own policy'),
  'proxy-read-timeout': S('HTTPRoute rule timeouts (backendRequest)'),
  'proxy-redirect-from': N('rewriting Location headers'),
  'proxy-redirect-to': N('rewriting Location headers'),
  'proxy-request-buffering': TUNING,
  'proxy-send-timeout': S('HTTPRoute rule timeouts (backendRequest)'),
  'proxy-ssl-ciphers': I('upstream TLS ciphers, the implementation\'s own'),
  'proxy-ssl-name': UPSTREAM_TLS,
  'proxy-ssl-protocols': I('upstream TLS versions, the implementation\'s own'),
  'proxy-ssl-secret': UPSTREAM_TLS,
  'proxy-ssl-server-name': UPSTREAM_TLS,
  'proxy-ssl-verify': UPSTREAM_TLS,
  'proxy-ssl-verify-depth': I('upstream certificate chain depth, the implementation\'s own'),
  'rewrite-target': S('HTTPRoute URLRewrite filter (ReplacePrefixMatch or ReplaceFullPath)'),
  satisfy: BASIC_AUTH,
  'server-alias': S('more entries in the HTTPRoute hostnames'),
  'server-snippet': SNIPPET,
  'service-upstream': I('sending to the Service IP rather than the endpoints, the implementation\'s own'),
  'session-cookie-change-on-failure': SESSION,
  'session-cookie-conditional-samesite-none': SESSION,
  'session-cookie-domain': SESSION,
  'session-cookie-expires': SESSION,
  'session-cookie-max-age': SESSION,
  'session-cookie-name': SESSION,
  'session-cookie-path': SESSION,
  'session-cookie-samesite': SESSION,
  'session-cookie-secure': SESSION,
  'ssl-ciphers': I('TLS ciphers, the implementation\'s own (Gateway listener tls.options)'),
  'ssl-passthrough': S('a TLSRoute on a TLS listener in Passthrough mode'),
  'ssl-prefer-server-ciphers': I('TLS cipher order, the implementation\'s own (Gateway listener tls.options)'),
  'ssl-redirect': S('an HTTPRoute on the HTTP listener with a RequestRedirect filter to scheme https'),
  'stream-snippet': SNIPPET,
  'temporal-redirect': REDIRECT,
  'temporal-redirect-code': REDIRECT,
  'upstream-hash-by': I('consistent hashing, the implementation\'s own load-balancing policy'),
  'upstream-hash-by-subset': I('consistent hashing, the implementation\'s own load-balancing policy'),
  'upstream-hash-by-subset-size': I('consistent hashing, the implementation\'s own load-balancing policy'),
  'upstream-vhost': S('HTTPRoute URLRewrite filter (hostname)'),
  'use-regex': I('RegularExpression path matches, which implementations support or not'),
  'whitelist-source-range': I('client IP filtering, in the implementation\'s security policy'),
  'x-forwarded-prefix': S('HTTPRoute RequestHeaderModifier filter setting X-Forwarded-Prefix'),
}

/** Annotations that put raw NGINX configuration into the controller (the vector of CVE-2021-25742; off by default since controller v1.9). */
export const SNIPPET_ANNOTATIONS: readonly string[] = ['configuration-snippet', 'server-snippet', 'auth-snippet', 'stream-snippet', 'modsecurity-snippet'].map(
  (name) => NGINX_ANNOTATION_PREFIX + name,
)

export interface NginxAnnotation {
  /** The full key. */
  key: string
  value: string
  /** Undefined for a key ingress-nginx does not document (a typo, or another controller's). */
  class?: NginxAnnotationClass
}

/**
 * How one annotation carries over, its value considered where the value
 * decides: `rewrite-target` with regex captures (`/$2`) has no standard
 * equivalent, `backend-protocol: FCGI` neither, `AUTO_HTTP` needs nothing.
 */
export function classifyNginxAnnotation(key: string, value: string): NginxAnnotationClass | undefined {
  if (!key.startsWith(NGINX_ANNOTATION_PREFIX)) return undefined
  const name = key.slice(NGINX_ANNOTATION_PREFIX.length)
  if (!Object.hasOwn(NGINX_ANNOTATIONS, name)) return undefined
  if (name === 'rewrite-target' && /\$\d|\$\{?\w/.test(value)) return N('regex captures in the rewrite: URLRewrite replaces a prefix or the full path only')
  if (name === 'backend-protocol') {
    const protocol = value.trim().toUpperCase()
    if (protocol === 'GRPC') return S('a GRPCRoute')
    if (protocol === 'HTTPS' || protocol === 'GRPCS') return S(`${protocol === 'GRPCS' ? 'a GRPCRoute and ' : ''}a BackendTLSPolicy`)
    if (protocol === 'FCGI') return N('FastCGI backends')
    if (protocol === 'HTTP' || protocol === 'AUTO_HTTP') return S('nothing: HTTP to the backend is the default')
  }

  return NGINX_ANNOTATIONS[name]
}

/** The `nginx.ingress.kubernetes.io/*` annotations of an object, in key order, classified. */
export function nginxAnnotationsOf(resource: Resource): NginxAnnotation[] {
  return Object.keys(resource.annotations)
    .filter((key) => key.startsWith(NGINX_ANNOTATION_PREFIX))
    .sort()
    .map((key) => {
      const value = resource.annotations[key]!
      return {key, value, class: classifyNginxAnnotation(key, value)}
    })
}

/** ingress-nginx's default class name (its `--ingress-class` flag); F5's NGINX Ingress Controller takes the same name by default. */
export const INGRESS_NGINX_DEFAULT_CLASS = 'nginx'

/** Whether an IngressClass names ingress-nginx as its controller. */
const isIngressNginxClass = (ingressClass: Resource): boolean => specOf(ingressClass).controller === INGRESS_NGINX_CONTROLLER

/** IngressClasses of the input whose controller is ingress-nginx. */
export function nginxIngressClasses(index: ResourceIndex): Resource[] {
  return ingressClassesOf(index).all.filter(isIngressNginxClass)
}

/** Why ingress-nginx is taken to serve a class or an Ingress. */
export interface IngressNginxEvidence {
  /** For messages: `IngressClass nginx has controller k8s.io/ingress-nginx`. */
  why: string
  /**
   * True when an IngressClass of the input names ingress-nginx's controller.
   * False for a guess (from the class name `nginx`, or from the annotations),
   * which must not raise an error.
   */
  certain: boolean
}

/**
 * Whether a class belongs to ingress-nginx, as far as the input tells. The
 * IngressClass of that name decides when the input holds it (certain when its
 * controller is k8s.io/ingress-nginx, undefined for any other). Without one,
 * the name `nginx`, ingress-nginx's default class, is taken as ingress-nginx's
 * as a guess: F5's NGINX Ingress Controller uses that name too, and either
 * controller can be started with another. No other name is guessed.
 */
export function ingressNginxClass(index: ResourceIndex, className: string): IngressNginxEvidence | undefined {
  const ingressClass = ingressClassesOf(index).find('', className)
  if (ingressClass) return isIngressNginxClass(ingressClass) ? {why: `IngressClass ${className} has controller ${INGRESS_NGINX_CONTROLLER}`, certain: true} : undefined
  if (className !== INGRESS_NGINX_DEFAULT_CLASS) return undefined
  return {why: `class ${className} is ingress-nginx's default class name: a guess from the name, as no IngressClass ${className} is in the input`, certain: false}
}

/**
 * Why an Ingress is served by ingress-nginx, or undefined when the input does
 * not say so. Its class (named by `spec.ingressClassName` or the
 * `kubernetes.io/ingress.class` annotation, or the default IngressClass) is
 * ingress-nginx's by `ingressNginxClass` (certain, or a guess from the name
 * `nginx`); or it carries ingress-nginx's own annotations and names no class
 * the input knows to be another controller's (a guess). The guess from the
 * name is not made for an Ingress that carries annotations of F5's NGINX
 * Ingress Controller (`nginx.org/*`, `appprotect.f5.com/*`...), whose default
 * class name is `nginx` too. An Ingress without a
 * class and without those annotations is not taken: ingress-nginx serves it
 * only when started with `--watch-ingress-without-class`, which the input does
 * not tell.
 */
export function servedByIngressNginx(ingress: Resource, index: ResourceIndex): IngressNginxEvidence | undefined {
  const className = effectiveClass(ingress, index)
  const byClass = className === undefined ? undefined : ingressNginxClass(index, className)
  if (byClass?.certain) return byClass
  if (className !== undefined && controllerOf(index, className) !== undefined) return undefined
  const keys = Object.keys(ingress.annotations)
  if (keys.some((k) => k.startsWith(NGINX_ANNOTATION_PREFIX))) return {why: `it carries ${NGINX_ANNOTATION_PREFIX}* annotations`, certain: false}
  // The class name nginx is F5's NGINX Ingress Controller's default too: its annotations tell which of the two is meant.
  if (keys.some((k) => F5_NGINX_ANNOTATION_PREFIXES.some((prefix) => k.startsWith(prefix)))) return undefined
  return byClass
}
