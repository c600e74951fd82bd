/**
 * The exposure model: for every long-running workload, each way traffic
 * reaches its pods from outside its namespace, hop by hop, with the policy
 * verdict on every hop into pods. Built once per index, for files,
 * `--context` and `--cluster` alike; the `map` and `reach` commands and the
 * exposure rules read it.
 *
 * Sources, widest first: the internet; a private network (internal load
 * balancers, source ranges inside private networks); the nodes' network
 * (NodePort, hostPort, hostNetwork, externalIPs); the cluster (any pod); the
 * namespace. Where an object the answer needs is not in the input (an
 * ingress controller, a Gateway), the path says so in its notes instead of
 * guessing.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {PodTemplate} from '../engine/types.js'
import {getPath, isRecord, specOf} from '../util/records.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {objectName} from '../engine/util.js'
import {frontDoorOfTemplate, type FrontDoor} from '../k8s/front-doors.js'
import {admitsKind, admitsNamespace, gatewaysOf, GATEWAY_GROUP, isGatewayRef, isServiceRef, listenersOf, parentRefsOf, routesOf, backendRefsOf} from '../k8s/gateway.js'
import {effectiveClass, controllerOf, hostMatches, ingressesOf, ingressRules, defaultBackendOf, tlsCoverage, type BackendService} from '../k8s/ingress.js'
import {internalLoadBalancer, SOURCE_RANGES_ANNOTATION} from '../k8s/load-balancers.js'
import {describeServicePort, resolveTargetPort} from '../k8s/ports.js'
import {servicePorts, serviceSelector, serviceType, type ServicePort} from '../k8s/services.js'
import {longRunningContainers, neverServes, servingTemplates} from '../k8s/workloads.js'
import {type AddressSet, covers, parseCidrs, PRIVATE, PUBLIC} from './cidr.js'
import {type Peer, PolicyEvaluator, type TargetPort, targetOf, type Verdict} from './policy.js'

export type ExposureClass = 'internet' | 'private' | 'nodes' | 'cluster' | 'namespace'
/** Widest first. */
export const EXPOSURE_CLASSES: readonly ExposureClass[] = ['internet', 'private', 'nodes', 'cluster', 'namespace']
/** Classes reached from outside the cluster. */
export const OUTSIDE: ReadonlySet<ExposureClass> = new Set(['internet', 'private', 'nodes'])

export type HopType = 'load-balancer' | 'node-port' | 'external-ip' | 'host-port' | 'host-network' | 'ingress-controller' | 'ingress' | 'gateway' | 'route' | 'service' | 'pods'

export interface Hop {
  type: HopType
  /** The object the hop is; absent for a hop into pods the input does not hold. */
  object?: Resource
  /** Where in it the hop is written. */
  path?: ObjectPath
  /** `LoadBalancer Service shop/web`, `Ingress shop/web`, `Deployment shop/web`. */
  name: string
  /** Ports as traffic meets them at this hop: `80`, `443/TCP "https"`, `8080 (container port)`. */
  ports: string[]
  hosts: string[]
  /** Ingress paths, route path matches. */
  paths: string[]
  /** `terminated`, `passthrough`, `none`; absent where it does not apply. */
  tls?: string
  /** More: source ranges, the product of a controller, an internal load balancer annotation. */
  details: string[]
  /** The policy verdict on a hop into pods. */
  verdict?: HopVerdict
}

export interface HopVerdict extends Verdict {
  /** Who the verdict takes to be sending: `node addresses (externalTrafficPolicy Cluster)`. */
  sender: string
  /** What kind of sender: pods (of a workload, or ones the input lacks), a namespace, the cluster, addresses. */
  senderType: Peer['type']
  /** The container port it was evaluated on. */
  port: TargetPort
}

export interface ExposurePath {
  class: ExposureClass
  /** Source ranges (`loadBalancerSourceRanges`) narrow the clients to some networks. */
  restricted?: boolean
  hops: Hop[]
  /** What the input does not tell, and what was assumed: `unknown: no ingress controller in the input`. */
  notes: string[]
}

export interface WorkloadExposure {
  template: PodTemplate
  /** Widest first. */
  paths: ExposurePath[]
  /** The widest class any path reaches, or undefined when none does. */
  class?: ExposureClass
}

export interface ExposureModel {
  /** Every long-running workload, in load order. */
  workloads: WorkloadExposure[]
  /** ExternalName Services: where traffic leaves the cluster by name. */
  exits: Array<{service: Resource; externalName: string}>
  evaluator: PolicyEvaluator
  byTemplate: ReadonlyMap<PodTemplate, WorkloadExposure>
  index: ResourceIndex
}

const cache = new WeakMap<ResourceIndex, ExposureModel>()

/** The exposure model of an index (built once, then cached). */
export function exposureModel(index: ResourceIndex): ExposureModel {
  const cached = cache.get(index)
  if (cached) return cached
  const model = new Builder(index).build()
  cache.set(index, model)
  return model
}

const rank = (c: ExposureClass): number => EXPOSURE_CLASSES.indexOf(c)
const EDGE_PARENTS = new Set(['Gateway', 'ListenerSet', 'XListenerSet'])
const EDGE_GROUPS = new Set([GATEWAY_GROUP, 'gateway.networking.x-k8s.io'])

/** A Service port's way into one template's pods. */
interface PortTarget {
  servicePort: ServicePort
  target: TargetPort
  label: string
}

class Builder {
  private readonly evaluator: PolicyEvaluator
  private readonly exposures = new Map<PodTemplate, WorkloadExposure>()
  private readonly selected = new Map<Resource, PodTemplate[]>()
  private readonly pathKeys = new Map<PodTemplate, Set<string>>()
  private controllers?: Array<{template: PodTemplate; door: FrontDoor}>

  constructor(private readonly index: ResourceIndex) {
    this.evaluator = new PolicyEvaluator(index)
  }

  build(): ExposureModel {
    const workloads: WorkloadExposure[] = []
    for (const template of this.index.podTemplates) {
      if (neverServes(template)) continue
      const w: WorkloadExposure = {template, paths: []}
      this.exposures.set(template, w)
      workloads.push(w)
    }

    const exits: ExposureModel['exits'] = []
    for (const service of this.index.byKind('Service', '')) {
      const type = serviceType(service)
      if (type === 'ExternalName') {
        const name = specOf(service).externalName
        exits.push({service, externalName: typeof name === 'string' ? name : '?'})
        continue
      }

      this.servicePaths(service, type)
    }

    for (const w of workloads) this.hostPaths(w)
    for (const ingress of ingressesOf(this.index)) this.ingressPaths(ingress)
    for (const route of routesOf(this.index)) this.routePaths(route)

    for (const w of workloads) {
      w.paths.sort((a, b) => rank(a.class) - rank(b.class))
      w.class = w.paths[0]?.class
    }

    return {workloads, exits, evaluator: this.evaluator, byTemplate: this.exposures, index: this.index}
  }

  private templatesOf(service: Resource): PodTemplate[] {
    let list = this.selected.get(service)
    if (!list) {
      const selector = serviceSelector(service)
      list = selector ? servingTemplates(this.index, service.namespace, selector) : []
      this.selected.set(service, list)
    }

    return list
  }

  /** Adds a path to a workload, once: routes that list one backend twice make one path. */
  private add(template: PodTemplate, path: ExposurePath): void {
    const w = this.exposures.get(template)
    if (!w) return
    const k = `${path.class}>${path.hops.map((h) => `${h.object?.uid ?? h.name}:${h.ports.join(',')}`).join('>')}`
    let seen = this.pathKeys.get(template)
    if (!seen) this.pathKeys.set(template, (seen = new Set()))
    if (seen.has(k)) return
    seen.add(k)
    w.paths.push(path)
  }

  /** Where a Service's ports land in one template's pods. */
  private portTargets(service: Resource, template: PodTemplate, only?: number | string): PortTarget[] {
    const out: PortTarget[] = []
    for (const sp of servicePorts(service)) {
      if (only !== undefined && sp.port !== only && sp.name !== only) continue
      const resolved = resolveTargetPort(sp, template)
      const target: TargetPort = {number: resolved?.number, name: resolved?.match?.port.name, protocol: sp.protocol}
      out.push({servicePort: sp, target, label: `${describeServicePort(sp)} → ${resolved ? resolved.number : `${String(sp.targetPort)} (no container port of that name)`}`})
    }

    return out
  }

  private readonly verdicts = new Map<PodTemplate, Map<string, Verdict>>()

  /** The evaluator's verdict, once per template, sender and port: many paths share them. */
  private verdict(template: PodTemplate, peer: Peer, port: TargetPort): Verdict {
    let byKey = this.verdicts.get(template)
    if (!byKey) this.verdicts.set(template, (byKey = new Map()))
    const k = `${peerKey(peer)}\u0000${port.number ?? ''}\u0000${port.name ?? ''}\u0000${port.protocol}`
    let v = byKey.get(k)
    if (!v) byKey.set(k, (v = this.evaluator.evaluate(peer, targetOf(template), port)))
    return v
  }

  private podsHop(template: PodTemplate, targets: PortTarget[], peer: Peer, sender: string): Hop[] {
    // One hop per port: verdicts differ by port.
    return targets.map((t) => ({
      type: 'pods' as const,
      object: template.owner,
      name: objectName(template.owner),
      ports: [t.target.number === undefined ? `${t.servicePort.targetPort ?? '?'} (unresolved)` : `${t.target.number}${t.target.protocol === 'TCP' ? '' : `/${t.target.protocol}`}`],
      hosts: [],
      paths: [],
      details: [],
      verdict: {...this.verdict(template, peer, t.target), sender, senderType: peer.type, port: t.target},
    }))
  }

  // ---- Services ------------------------------------------------------------

  private servicePaths(service: Resource, type: string): void {
    const spec = specOf(service)
    const templates = this.templatesOf(service)
    if (templates.length === 0) return
    const local = spec.externalTrafficPolicy === 'Local'
    const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs.filter((ip): ip is string => typeof ip === 'string') : []

    for (const template of templates) {
      const targets = this.portTargets(service, template)
      if (targets.length === 0) continue
      const ports = targets.map((t) => describeServicePort(t.servicePort))
      const serviceHop = (hopType: HopType, details: string[], path: ObjectPath): Hop => ({
        type: hopType,
        object: service,
        path,
        name: `${hopType === 'load-balancer' ? 'LoadBalancer' : hopType === 'node-port' ? 'NodePort' : ''} Service ${nsName(service)}`.trim(),
        ports: hopType === 'node-port' ? targets.map((t) => `${nodePortOf(t.servicePort)} → ${describeServicePort(t.servicePort)}`) : ports,
        hosts: [],
        paths: [],
        details,
      })

      if (type === 'LoadBalancer') {
        const lb = loadBalancerSource(service)
        const details = [...lb.details]
        const [peer, sender] = local
          ? [{type: 'addresses', addresses: lb.addresses, name: lb.who} as Peer, `${lb.who} (client addresses kept: externalTrafficPolicy Local)`]
          : [{type: 'addresses', name: 'node addresses'} as Peer, 'node addresses (externalTrafficPolicy Cluster: the node forwards the client\'s traffic as its own)']
        this.add(template, {class: lb.class, restricted: lb.restricted, hops: [serviceHop('load-balancer', details, ['spec', 'type']), ...this.podsHop(template, targets, peer, sender)], notes: lb.notes})
      } else if (type === 'NodePort') {
        const sender = local ? 'clients of the nodes (addresses not known)' : 'node addresses (externalTrafficPolicy Cluster)'
        this.add(template, {class: 'nodes', hops: [serviceHop('node-port', [], ['spec', 'type']), ...this.podsHop(template, targets, {type: 'addresses', name: 'nodes'}, sender)], notes: []})
      }

      if (externalIPs.length > 0) {
        const hop = serviceHop('external-ip', [`externalIPs ${externalIPs.join(', ')}`], ['spec', 'externalIPs'])
        hop.name = `Service ${nsName(service)} with externalIPs`
        this.add(template, {class: 'nodes', hops: [hop, ...this.podsHop(template, targets, {type: 'addresses', name: 'externalIPs'}, 'clients of the external IPs (addresses not known)')], notes: []})
      }

      // Any Service: pods of other namespaces, or only its own namespace's when policies keep the rest out.
      const fromCluster = this.podsHop(template, targets, {type: 'cluster', except: template.namespace}, `any pod outside namespace ${template.namespace}`)
      const clusterHop: Hop = {type: 'service', object: service, path: ['spec', 'ports'], name: `Service ${nsName(service)}`, ports, hosts: [], paths: [], details: type === 'ClusterIP' && spec.clusterIP === 'None' ? ['headless'] : []}
      if (fromCluster.some((h) => h.verdict!.status !== 'blocked')) {
        this.add(template, {class: 'cluster', hops: [clusterHop, ...fromCluster], notes: []})
      } else {
        const fromNamespace = this.podsHop(template, targets, {type: 'namespace', namespace: template.namespace}, `any pod of namespace ${template.namespace}`)
        if (fromNamespace.some((h) => h.verdict!.status !== 'blocked')) this.add(template, {class: 'namespace', hops: [clusterHop, ...fromNamespace], notes: []})
      }
    }
  }

  private hostPaths(w: WorkloadExposure): void {
    const template = w.template
    if (template.spec.hostNetwork === true) {
      const ports = longRunningContainers(template).flatMap((c) => c.ports.map((p) => `${p.containerPort ?? '?'}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}`))
      w.paths.push({
        class: 'nodes',
        hops: [{type: 'host-network', object: template.owner, path: [...template.path, 'spec', 'hostNetwork'], name: `hostNetwork of ${objectName(template.owner)}`, ports, hosts: [], paths: [], details: ['listens on the node\'s own addresses'], verdict: {status: 'open', decisions: [{tier: 'networkpolicy', text: 'hostNetwork pods: network policies do not select them'}], sender: 'anyone who reaches the node', senderType: 'addresses', port: {protocol: 'TCP'}}}],
        notes: [],
      })
      return
    }

    for (const container of longRunningContainers(template)) {
      const list = Array.isArray(container.container.ports) ? container.container.ports : []
      for (const [i, p] of list.entries()) {
        if (!isRecord(p) || typeof p.hostPort !== 'number') continue
        const port = container.ports.find((cp) => cp.index === i)
        const target: TargetPort = {number: typeof p.containerPort === 'number' ? p.containerPort : undefined, name: port?.name, protocol: port?.protocol ?? 'TCP'}
        w.paths.push({
          class: 'nodes',
          hops: [
            {type: 'host-port', object: template.owner, path: [...container.path, 'ports', i, 'hostPort'], name: `hostPort of ${objectName(template.owner)}`, ports: [`${p.hostPort} → ${target.number ?? '?'}`], hosts: [], paths: [], details: [`container ${container.name}`]},
            {type: 'pods', object: template.owner, name: objectName(template.owner), ports: [String(target.number ?? '?')], hosts: [], paths: [], details: [], verdict: {...this.evaluator.evaluate({type: 'addresses', name: 'nodes'}, targetOf(template), target), sender: 'clients of the node (addresses not known)', senderType: 'addresses', port: target}},
          ],
          notes: [],
        })
      }
    }
  }

  // ---- Ingress -------------------------------------------------------------

  private frontDoors(): Array<{template: PodTemplate; door: FrontDoor}> {
    if (!this.controllers) {
      this.controllers = []
      for (const template of this.index.podTemplates) {
        if (neverServes(template)) continue
        const door = frontDoorOfTemplate(template)
        if (door) this.controllers.push({template, door})
      }
    }

    return this.controllers
  }

  /** The ingress controllers that serve an Ingress of this class, as far as the input tells. */
  private controllersFor(className: string | undefined): PodTemplate[] {
    // Copies of one controller (the same kind, namespace and name in several files) serve as one.
    const seen = new Set<string>()
    const candidates = this.frontDoors()
      .filter((c) => !/gateway/i.test(c.door.product) || /ingress/i.test(c.door.product))
      .map((c) => c.template)
      .filter((t) => !seen.has(objectName(t.owner)) && seen.add(objectName(t.owner)))
    if (candidates.length <= 1 || className === undefined) return candidates
    const controller = controllerOf(this.index, className)
    const named = candidates.filter((t) => {
      const words = [...Object.values(t.labels), ...longRunningContainers(t).flatMap((c) => (Array.isArray(c.container.args) ? c.container.args.map(String) : []))]
      return words.some((w) => w === className || w.endsWith(`=${className}`) || (controller !== undefined && w.endsWith(`=${controller}`)))
    })
    return named.length > 0 ? named : candidates
  }

  /** How traffic reaches a front door's pods: its widest Service, or undefined when none of the input selects them. */
  private entryOf(template: PodTemplate): {class: ExposureClass; hops: Hop[]; peer: Peer} | undefined {
    const w = this.exposures.get(template)
    const widest = w?.paths.filter((p) => p.hops[0]?.type === 'load-balancer' || p.hops[0]?.type === 'node-port' || p.hops[0]?.type === 'host-port' || p.hops[0]?.type === 'host-network').sort((a, b) => rank(a.class) - rank(b.class))[0]
    if (!widest) return undefined
    return {class: widest.class, hops: widest.hops, peer: {type: 'pods', namespace: template.namespace, labels: template.labels, name: objectName(template.owner)}}
  }

  private ingressPaths(ingress: Resource): void {
    const className = effectiveClass(ingress, this.index)
    const controllers = this.controllersFor(className)
    const tls = tlsCoverage(ingress)
    // Backends grouped by Service: one path per Service, with every host and path that leads there.
    const byService = new Map<string, {ref: BackendService; hosts: Set<string>; paths: Set<string>; tls: Set<string>}>()
    // The hop points at the first backend that names the Service.
    const addBackend = (ref: BackendService | undefined, host: string | undefined, path: string | undefined): void => {
      if (!ref) return
      const k = `${ref.name}\u0000${ref.port ?? ''}`
      let entry = byService.get(k)
      if (!entry) byService.set(k, (entry = {ref, hosts: new Set(), paths: new Set(), tls: new Set()}))
      entry.hosts.add(host ?? '*')
      if (path !== undefined) entry.paths.add(path)
      entry.tls.add(host === undefined ? (tls.all ? 'terminated' : 'none') : tls.all || tls.hosts.some((h) => hostMatches(h, host)) ? 'terminated' : 'none')
    }

    addBackend(defaultBackendOf(ingress)?.service, undefined, undefined)
    for (const rule of ingressRules(ingress)) for (const p of rule.paths) addBackend(p.backend?.service, rule.host, p.path ?? '/')

    for (const {ref, hosts, paths, tls: tlsModes} of byService.values()) {
      for (const service of this.index.table('Service', ['']).findAll(ingress.namespace, ref.name)) {
        for (const template of this.templatesOf(service)) {
          const targets = this.portTargets(service, template, ref.port)
          if (targets.length === 0) continue
          const ingressHop: Hop = {
            type: 'ingress',
            object: ingress,
            path: ref.namePath,
            name: `Ingress ${nsName(ingress)}`,
            ports: [],
            hosts: [...hosts],
            paths: [...paths],
            tls: tlsModes.size === 1 ? [...tlsModes][0] : 'some hosts',
            details: className ? [`class ${className}`] : ['no class'],
          }
          const serviceHop: Hop = {type: 'service', object: service, path: ['spec', 'ports'], name: `Service ${nsName(service)}`, ports: targets.map((t) => describeServicePort(t.servicePort)), hosts: [], paths: [], details: []}
          if (controllers.length === 0) {
            const peer: Peer = {type: 'unknown-pods', name: 'the ingress controller'}
            this.add(template, {
              class: 'internet',
              hops: [ingressHop, serviceHop, ...this.podsHop(template, targets, peer, 'the ingress controller\'s pods (not in the input)')],
              notes: [`unknown: no ingress controller${className ? ` for class ${className}` : ''} in the input; assumed reached from the internet`],
            })
            continue
          }

          for (const controller of controllers) {
            const entry = this.entryOf(controller)
            const peer: Peer = {type: 'pods', namespace: controller.namespace, labels: controller.labels, name: objectName(controller.owner)}
            const notes = entry ? [] : [`unknown: no Service of the ingress controller ${objectName(controller.owner)} in the input; assumed reached from the internet`]
            const entryHops = entry ? entry.hops.map((h) => (h.type === 'pods' ? {...h, type: 'ingress-controller' as const} : h)) : []
            this.add(template, {
              class: entry?.class ?? 'internet',
              hops: [...entryHops, ingressHop, serviceHop, ...this.podsHop(template, targets, peer, `the ingress controller's pods (${objectName(controller.owner)})`)],
              notes,
            })
          }
        }
      }
    }
  }

  // ---- Gateway API ---------------------------------------------------------

  private routePaths(route: Resource): void {
    const spec = isRecord(route.object.spec) ? route.object.spec : {}
    const hostnames = Array.isArray(spec.hostnames) ? spec.hostnames.filter((h): h is string => typeof h === 'string') : []
    const matchPaths: string[] = []
    if (Array.isArray(spec.rules)) {
      for (const rule of spec.rules) {
        if (!isRecord(rule) || !Array.isArray(rule.matches)) continue
        for (const m of rule.matches) {
          if (isRecord(m) && isRecord(m.path) && typeof m.path.value === 'string') matchPaths.push(m.path.value)
          else if (isRecord(m) && isRecord(m.method) && typeof m.method.service === 'string') matchPaths.push(`${m.method.service}/${typeof m.method.method === 'string' ? m.method.method : '*'}`)
        }
      }
    }

    // Parents that take traffic from outside: Gateways, and ListenerSets that add listeners to one. A mesh route
    // (parentRef to a Service) carries traffic inside the cluster.
    const parents = parentRefsOf(route).filter((p) => isGatewayRef(p) || (EDGE_PARENTS.has(p.kind) && EDGE_GROUPS.has(p.group)))
    if (parents.length === 0) return
    const backends = backendRefsOf(route).filter(isServiceRef)
    for (const parent of parents) {
      const gateway = isGatewayRef(parent) ? gatewaysOf(this.index).find(parent.namespace, parent.name) : undefined
      const notes: string[] = []
      let gatewayHop: Hop
      let cls: ExposureClass = 'internet'
      let peer: Peer = {type: 'unknown-pods', name: `the pods of Gateway ${parent.namespace}/${parent.name}`}
      let sender = `the pods of Gateway ${parent.namespace}/${parent.name} (not in the input)`
      if (gateway) {
        const listeners = listenersOf(gateway).filter(
          (l) =>
            (parent.sectionName === undefined || l.name === parent.sectionName) &&
            (parent.port === undefined || l.port === parent.port) &&
            admitsKind(l, route.kind) !== false &&
            admitsNamespace(l, gateway, route.namespace, this.index) !== 'no',
        )
        if (listeners.length === 0) continue // not attached: route-parent-missing says why
        const gspec = isRecord(gateway.object.spec) ? gateway.object.spec : {}
        const lhosts = listeners.map((l) => getPath(gateway.object, [...l.path, 'hostname'])).filter((h): h is string => typeof h === 'string')
        const tlsModes = listeners.map((l) => {
          if (l.protocol !== 'HTTPS' && l.protocol !== 'TLS') return 'none'
          const mode = getPath(gateway.object, [...l.path, 'tls', 'mode'])
          return mode === 'Passthrough' ? 'passthrough' : 'terminated'
        })
        const infra = isRecord(gspec.infrastructure) && isRecord(gspec.infrastructure.annotations) ? gspec.infrastructure.annotations : {}
        const internal = internalLoadBalancer({annotations: Object.fromEntries(Object.entries(infra).map(([k, v]) => [k, String(v)])), object: {spec: {}}} as unknown as Resource)
        const gatewayClass = typeof gspec.gatewayClassName === 'string' ? gspec.gatewayClassName : undefined
        gatewayHop = {
          type: 'gateway',
          object: gateway,
          path: listeners[0]!.path,
          name: `Gateway ${nsName(gateway)}`,
          ports: listeners.map((l) => `${l.port ?? '?'}/${l.protocol ?? '?'}${l.name ? ` "${l.name}"` : ''}`),
          hosts: lhosts,
          paths: [],
          tls: [...new Set(tlsModes)].join(', '),
          details: [...(gatewayClass ? [`class ${gatewayClass}`] : []), ...(internal ? [`internal load balancer (${internal})`] : [])],
        }
        const proxies = this.index.podTemplates.filter((t) => t.labels['gateway.networking.k8s.io/gateway-name'] === gateway.name && t.namespace === gateway.namespace)
        const proxy = proxies[0]
        const entry = proxy ? this.entryOf(proxy) : undefined
        if (proxy) {
          peer = {type: 'pods', namespace: proxy.namespace, labels: proxy.labels, name: objectName(proxy.owner)}
          sender = `the gateway's pods (${objectName(proxy.owner)})`
        }

        if (entry) cls = entry.class
        else if (internal) cls = 'private'
        if (!entry) notes.push(`unknown: the Service of Gateway ${nsName(gateway)} is not in the input (its controller makes it); assumed reached from ${cls === 'private' ? 'a private network' : 'the internet'}`)
      } else {
        gatewayHop = {type: 'gateway', name: `${parent.kind} ${parent.namespace}/${parent.name}`, ports: [], hosts: [], paths: [], details: []}
        notes.push(
          isGatewayRef(parent)
            ? `unknown: no Gateway ${parent.namespace}/${parent.name} in the input; assumed reached from the internet`
            : `unknown: the listeners of ${parent.kind} ${parent.namespace}/${parent.name} are not read; assumed reached from the internet`,
        )
      }

      if (gateway && peer.type === 'unknown-pods') notes.push('unknown: the gateway\'s pods are not in the input; the policy verdict cannot see their labels')
      for (const ref of backends) {
        const routeHop: Hop = {type: 'route', object: route, path: [...ref.path, 'name'], name: `${route.kind} ${nsName(route)}`, ports: [], hosts: hostnames, paths: matchPaths, details: []}
        for (const service of this.index.table('Service', ['']).findAll(ref.namespace, ref.name)) {
          for (const template of this.templatesOf(service)) {
            const targets = this.portTargets(service, template, typeof ref.port === 'number' ? ref.port : undefined)
            if (targets.length === 0) continue
            const serviceHop: Hop = {type: 'service', object: service, path: ['spec', 'ports'], name: `Service ${nsName(service)}`, ports: targets.map((t) => describeServicePort(t.servicePort)), hosts: [], paths: [], details: ref.namespace === route.namespace ? [] : ['in another namespace than the route']}
            this.add(template, {class: cls, hops: [gatewayHop, routeHop, serviceHop, ...this.podsHop(template, targets, peer, sender)], notes: [...notes]})
          }
        }
      }
    }
  }
}

function peerKey(peer: Peer): string {
  switch (peer.type) {
    case 'pods': {
      return `pods\u0000${peer.namespace}\u0000${JSON.stringify(peer.labels)}`
    }

    case 'unknown-pods': {
      return `unknown\u0000${peer.namespace ?? ''}`
    }

    case 'namespace': {
      return `ns\u0000${peer.namespace}`
    }

    case 'cluster': {
      return `cluster\u0000${peer.except ?? ''}`
    }

    case 'addresses': {
      return `addresses\u0000${peer.addresses ? JSON.stringify(peer.addresses) : ''}`
    }
  }
}

const nsName = (r: Resource): string => (r.namespace === '' ? r.name : `${r.namespace}/${r.name}`)

function nodePortOf(port: ServicePort): string {
  return typeof port.nodePort === 'number' ? String(port.nodePort) : 'node port'
}

/**
 * Who reaches a LoadBalancer Service: the internet, or a private network when
 * an annotation makes the load balancer internal or every source range is
 * private; source ranges narrow the addresses either way.
 */
function loadBalancerSource(service: Resource): {class: ExposureClass; addresses: AddressSet; restricted: boolean; who: string; details: string[]; notes: string[]} {
  const spec = specOf(service)
  const details: string[] = []
  const notes: string[] = []
  const internal = internalLoadBalancer(service)
  let written: unknown[] | undefined = Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length > 0 ? spec.loadBalancerSourceRanges : undefined
  const annotation = service.annotations[SOURCE_RANGES_ANNOTATION]
  if (!written && annotation) written = annotation.split(',').map((s) => s.trim()).filter(Boolean)
  const ranges = written ? parseCidrs(written.filter((r) => !(typeof r === 'string' && r.includes(':')))) : undefined
  if (written) details.push(`source ranges ${written.map(String).join(', ')}`)
  if (written && !ranges) notes.push('unknown: a source range is not an IPv4 CIDR; read as any address')
  const restricted = ranges !== undefined && !covers(ranges, PUBLIC)
  if (internal) {
    details.push(`internal load balancer (${internal})`)
    return {class: 'private', addresses: ranges ?? PRIVATE, restricted: ranges !== undefined && !covers(ranges, PRIVATE), who: ranges ? 'clients in its source ranges' : 'clients in private networks', details, notes}
  }

  if (ranges && covers(PRIVATE, ranges)) return {class: 'private', addresses: ranges, restricted, who: 'clients in its source ranges (private networks)', details, notes}
  if (ranges) return {class: 'internet', addresses: ranges, restricted, who: restricted ? 'internet clients in its source ranges' : 'any internet client', details, notes}
  return {class: 'internet', addresses: PUBLIC, restricted: false, who: 'any internet client', details, notes}
}

/** The widest way a workload is reached from outside the cluster, or undefined. */
export function outsidePaths(w: WorkloadExposure | undefined): ExposurePath[] {
  return w ? w.paths.filter((p) => OUTSIDE.has(p.class)) : []
}

/** `LoadBalancer Service shop/web`, `Ingress shop/web (Service shop/web)`: how a path reaches the workload, for messages. */
export function describePath(path: ExposurePath): string {
  const entry = path.hops.find((h) => h.type === 'ingress' || h.type === 'route') ?? path.hops[0]!
  const service = path.hops.find((h) => h.type === 'service')
  if ((entry.type === 'ingress' || entry.type === 'route') && service) return `${entry.name} (${service.name})`
  return entry.name
}
