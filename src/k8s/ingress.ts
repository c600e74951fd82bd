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
  ruleIndex: number
  pathIndex: number
  /** `path` as written; legacy Ingresses may leave it out (all paths). */
  path?: string
  /** `pathType` as written; legacy Ingresses leave it out (ImplementationSpecific). */
  pathType?: string
  /** Path to the `paths` entry. */
  entryPath: ObjectPath
  backend?: IngressBackend
}

export interface IngressRule {
  index: number
  /** Lower-cased; undefined when the rule matches every host. */
  host?: string
  /** Path to `host`, or to the rule when it has none. */
  hostPath: ObjectPath
  paths: IngressPath[]
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

/** `spec.rules` with their hosts and paths. */
export function ingressRules(ingress: Resource): IngressRule[] {
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
