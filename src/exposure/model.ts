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
import {getPath, isRecord, specOf, stringMap} from '../util/records.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {objectName} from '../engine/util.js'
import {frontDoorOfTemplate, type FrontDoor} from '../k8s/front-doors.js'
import {attachedListeners, GATEWAY_GROUP, GATEWAY_X_GROUP, isGatewayRef, isServiceRef, type Listener, listenerSetGateway, type ParentRef, parentRefsOf, parentsOf, routesOf, backendRefsOf} from '../k8s/gateway.js'
import {effectiveClass, controllerOf, hostMatches, INGRESS_NGINX_CONTROLLER, ingressesOf, ingressNginxClass, ingressRules, defaultBackendOf, tlsCoverage, type BackendService} from '../k8s/ingress.js'
import {internalLoadBalancer, SOURCE_RANGES_ANNOTATION} from '../k8s/load-balancers.js'
import {describeServicePort, resolveTargetPort} from '../k8s/ports.js'
import {servicePorts, serviceSelector, serviceType, type ServicePort} from '../k8s/services.js'
import {longRunningContainers, neverServes, servingTemplates} from '../k8s/workloads.js'
import {type AddressSet, covers, parseCidrs, PRIVATE, PUBLIC} from './cidr.js'
import {type Peer, PolicyEvaluator, type Target, type TargetPort, targetOf, type Verdict} from './policy.js'
import {onceFor} from '../util/once.js'

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
  /** Ports as traffic meets them at this hop: `80`, `443/TCP "https"`, `8080 (container port)`. Hops share lists: read them, never change them. */
  ports: readonly string[]
  hosts: readonly string[]
  /** Ingress paths, route path matches. */
  paths: readonly string[]
  /** `terminated`, `passthrough`, `none`; absent where it does not apply. */
  tls?: string
  /** More: source ranges, the product of a controller, an internal load balancer annotation. */
  details: readonly string[]
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
  notes: readonly string[]
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

/** The exposure model of an index (built once, then shared). */
export const exposureModel: (index: ResourceIndex) => ExposureModel = onceFor((index: ResourceIndex) => new Builder(index).build())

/** ingress-nginx's flags that choose the classes it serves (`--ingress-class-by-name` is not one). */
const CLASS_FLAG = /^--?(ingress-class|controller-class)(=|$)/

const rank = (c: ExposureClass): number => EXPOSURE_CLASSES.indexOf(c)
const EDGE_PARENTS = new Set(['Gateway', 'ListenerSet', 'XListenerSet'])
const EDGE_GROUPS = new Set([GATEWAY_GROUP, GATEWAY_X_GROUP])

/** A Service port's way into one template's pods. */
interface PortTarget {
  servicePort: ServicePort
  target: TargetPort
  /** The port as the hop into the pods shows it: `8080`, `53/UDP`, `http (unresolved)`. */
  ports: readonly string[]
  /** The hops into the pods on this port: sender, hop, sender, hop... */
  hops: Array<Sender | Hop>
}

/** Who sends traffic into pods: the peer the evaluator reads, and how the verdict names it. */
interface Sender {
  peer: Peer
  text: string
}

interface ServiceState {
  /** `shop/web`. */
  name: string
  ports: ServicePort[]
  /** `80 "http"`, per port. */
  described: string[]
  /** Per template, for Ingresses and routes. */
  targets?: Map<PodTemplate, PortTarget[]>
  /** The hop of the Service behind an Ingress or route, per port it names (all: undefined). */
  hops?: Map<number | string | undefined, Hop>
}

interface TemplateState {
  /** `Deployment shop/web`. */
  name: string
  /** One object per template: the evaluator keeps what it works out per target. */
  target: Target
}

/** How traffic reaches a front door's pods. */
interface Entry {
  class: ExposureClass
  hops: readonly Hop[]
  /** The same, with the hops into the front door's pods as hops through an ingress controller. */
  controllerHops: readonly Hop[]
  peer: Peer
}

/** Empty lists in hops and paths are many: they share one, which nothing may change. */
const NONE: readonly string[] = Object.freeze([])
const NONE_HOPS: readonly Hop[] = Object.freeze([])
const HEADLESS: readonly string[] = Object.freeze(['headless'])
const NO_CLASS: readonly string[] = Object.freeze(['no class'])
const OTHER_NAMESPACE: readonly string[] = Object.freeze(['in another namespace than the route'])
/** Paths of a workload beyond which their keys are kept to find a path added twice. */
const MANY_PATHS = 8
/** Senders on one port beyond which the hops into its pods are no longer kept (so that looking them up stays short). */
const MANY_SENDERS = 16

/** Clients of the nodes, whose addresses are not known. */
const NODES: Peer = Object.freeze({type: 'addresses', name: 'nodes'})
const TYPE_PATH: ObjectPath = Object.freeze(['spec', 'type'])
const PORTS_PATH: ObjectPath = Object.freeze(['spec', 'ports'])
const EXTERNAL_IPS_PATH: ObjectPath = Object.freeze(['spec', 'externalIPs'])

class Builder {
  private readonly evaluator: PolicyEvaluator
  private readonly exposures = new Map<PodTemplate, WorkloadExposure>()
  private readonly selected = new Map<Resource, PodTemplate[]>()
  private readonly pathKeys = new Map<PodTemplate, Set<string>>()
  /** The key of each path compared so far (see `pathKey`): made once, and gone with the builder. */
  private readonly keys = new Map<ExposurePath, string>()
  private controllers?: Array<{template: PodTemplate; door: FrontDoor}>
  /** Gateway proxies' pod templates by namespace and Gateway name. */
  private gatewayProxies?: Map<string, Map<string, PodTemplate>>
  /** Read once per Service: its ports, and how messages name them. */
  private readonly services = new Map<Resource, ServiceState>()
  private readonly templates = new Map<PodTemplate, TemplateState>()
  /** Senders that recur (every pod of a namespace, outside it, an ingress controller's pods), one object each. */
  private readonly senders = new Map<string, Sender>()
  private readonly controllerSenders = new Map<PodTemplate, Sender>()
  private readonly controllersByClass = new Map<string | undefined, PodTemplate[]>()
  private readonly entries = new Map<PodTemplate, {paths: number; entry: Entry | undefined}>()

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
      // A copy of the exact length: the list grew one path at a time.
      w.paths = w.paths.sort((a, b) => rank(a.class) - rank(b.class)).slice()
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

  /** A path's key (see `pathKey`), made once. */
  private keyOf(path: ExposurePath): string {
    let k = this.keys.get(path)
    if (k === undefined) this.keys.set(path, (k = pathKey(path)))
    return k
  }

  /** Adds a path to a workload, once: routes that list one backend twice make one path. */
  private add(template: PodTemplate, path: ExposurePath): void {
    const w = this.exposures.get(template)
    if (!w) return
    const k = pathKey(path)
    // A workload of few paths compares them one by one; one of many keeps a set of their keys.
    if (w.paths.length < MANY_PATHS) {
      if (w.paths.some((p) => p.class === path.class && this.keyOf(p) === k)) return
      this.keys.set(path, k)
    } else {
      let seen = this.pathKeys.get(template)
      if (!seen) this.pathKeys.set(template, (seen = new Set(w.paths.map((p) => this.keyOf(p)))))
      if (seen.has(k)) return
      seen.add(k)
    }

    w.paths.push(path)
  }

  private service(service: Resource): ServiceState {
    let state = this.services.get(service)
    if (!state) {
      const ports = servicePorts(service)
      state = {name: nsName(service), ports, described: ports.map((p) => describeServicePort(p))}
      this.services.set(service, state)
    }

    return state
  }

  private template(template: PodTemplate): TemplateState {
    let state = this.templates.get(template)
    if (!state) this.templates.set(template, (state = {name: objectName(template.owner), target: targetOf(template)}))
    return state
  }

  /** Where each of a Service's ports lands in one template's pods. */
  private resolve(service: Resource, template: PodTemplate): PortTarget[] {
    return this.service(service).ports.map((sp) => {
      const resolved = resolveTargetPort(sp, template)
      const target: TargetPort = {number: resolved?.number, name: resolved?.match?.port.name, protocol: sp.protocol}
      const ports = [target.number === undefined ? `${sp.targetPort ?? '?'} (unresolved)` : `${target.number}${target.protocol === 'TCP' ? '' : `/${target.protocol}`}`]
      return {servicePort: sp, target, ports, hops: []}
    })
  }

  /**
   * Where a Service's ports (each, or the one `only` names) land in one template's pods, for the Ingresses and
   * routes in front of it: kept, since several may lead to the same pods.
   */
  private portTargets(service: Resource, template: PodTemplate, only?: number | string): PortTarget[] {
    const state = this.service(service)
    let all = state.targets?.get(template)
    if (!all) {
      state.targets ??= new Map()
      state.targets.set(template, (all = this.resolve(service, template)))
    }

    return only === undefined ? all : all.filter((t) => t.servicePort.port === only || t.servicePort.name === only)
  }

  /** A sender that recurs, made once. */
  private sender(key: string, make: () => Sender): Sender {
    let sender = this.senders.get(key)
    if (!sender) this.senders.set(key, (sender = make()))
    return sender
  }

  /** The evaluator's verdict on a sender's traffic into a template's pods on a port. */
  private verdict(template: PodTemplate, port: TargetPort, sender: Sender): HopVerdict {
    const v = this.evaluator.evaluate(sender.peer, this.template(template).target, port)
    // Written out, not spread: a spread object here gets a hidden class of its own, one per hop.
    return {status: v.status, decisions: v.decisions, sender: sender.text, senderType: sender.peer.type, port}
  }

  /** The hops into the pods on each port, made once per port and sender: paths through several Ingresses share them. */
  private podsHop(template: PodTemplate, targets: PortTarget[], sender: Sender): Hop[] {
    return targets.map((t) => {
      // Pairs of sender and hop, in a list: a port has few senders, and a list costs less than a Map.
      for (let i = 0; i < t.hops.length; i += 2) if (t.hops[i] === sender) return t.hops[i + 1] as Hop
      const hop: Hop = {type: 'pods', object: template.owner, name: this.template(template).name, ports: t.ports, hosts: NONE, paths: NONE, details: NONE, verdict: this.verdict(template, t.target, sender)}
      if (t.hops.length < 2 * MANY_SENDERS) t.hops.push(sender, hop)
      return hop
    })
  }

  // ---- Services ------------------------------------------------------------

  private servicePaths(service: Resource, type: string): void {
    const spec = specOf(service)
    const templates = this.templatesOf(service)
    if (templates.length === 0 || this.service(service).ports.length === 0) return
    const local = spec.externalTrafficPolicy === 'Local'
    const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs.filter((ip): ip is string => typeof ip === 'string') : []
    const {name, described: ports} = this.service(service)
    // The hops in front of the pods are the same for every template the Service selects.
    const serviceHop = (hopType: HopType, details: readonly string[], path: ObjectPath): Hop => ({
      type: hopType,
      object: service,
      path,
      name: `${hopType === 'load-balancer' ? 'LoadBalancer' : hopType === 'node-port' ? 'NodePort' : ''} Service ${name}`.trim(),
      ports: hopType === 'node-port' ? this.service(service).ports.map((sp) => `${nodePortOf(sp)} → ${describeServicePort(sp)}`) : ports,
      hosts: NONE,
      paths: NONE,
      details,
    })

    let outside: {hop: Hop; class: ExposureClass; restricted?: boolean; notes: readonly string[]; sender: Sender} | undefined
    if (type === 'LoadBalancer') {
      const lb = loadBalancerSource(service)
      const sender: Sender = local
        ? {peer: {type: 'addresses', addresses: lb.addresses, name: lb.who}, text: `${lb.who} (client addresses kept: externalTrafficPolicy Local)`}
        : this.sender('lb-cluster', () => ({peer: {type: 'addresses', name: 'node addresses'}, text: 'node addresses (externalTrafficPolicy Cluster: the node forwards the client\'s traffic as its own)'}))
      outside = {hop: serviceHop('load-balancer', lb.details, TYPE_PATH), class: lb.class, restricted: lb.restricted, notes: lb.notes, sender}
    } else if (type === 'NodePort') {
      const sender = this.sender(`node-port\u0000${local}`, () => ({peer: NODES, text: local ? 'clients of the nodes (addresses not known)' : 'node addresses (externalTrafficPolicy Cluster)'}))
      outside = {hop: serviceHop('node-port', NONE, TYPE_PATH), class: 'nodes', notes: NONE, sender}
    }

    let external: Hop | undefined
    if (externalIPs.length > 0) {
      external = serviceHop('external-ip', [`externalIPs ${externalIPs.join(', ')}`], EXTERNAL_IPS_PATH)
      external.name = `Service ${name} with externalIPs`
    }

    const clusterHop: Hop = {type: 'service', object: service, path: PORTS_PATH, name: `Service ${name}`, ports, hosts: NONE, paths: NONE, details: type === 'ClusterIP' && spec.clusterIP === 'None' ? HEADLESS : NONE}
    for (const template of templates) {
      const targets = this.resolve(service, template)
      if (outside) {
        const hops = join([outside.hop], this.podsHop(template, targets, outside.sender))
        this.add(template, type === 'LoadBalancer' ? {class: outside.class, restricted: outside.restricted, hops, notes: outside.notes} : {class: outside.class, hops, notes: outside.notes})
      }

      if (external) {
        const sender = this.sender('external-ip', () => ({peer: {type: 'addresses', name: 'externalIPs'}, text: 'clients of the external IPs (addresses not known)'}))
        this.add(template, {class: 'nodes', hops: join([external], this.podsHop(template, targets, sender)), notes: NONE})
      }

      // Any Service: pods of other namespaces, or only its own namespace's when policies keep the rest out.
      const ns = template.namespace
      const cluster = this.podsHop(template, targets, this.sender(`cluster\u0000${ns}`, () => ({peer: {type: 'cluster', except: ns}, text: `any pod outside namespace ${ns}`})))
      if (cluster.some((h) => h.verdict!.status !== 'blocked')) {
        this.add(template, {class: 'cluster', hops: join([clusterHop], cluster), notes: NONE})
      } else {
        const namespace = this.podsHop(template, targets, this.sender(`namespace\u0000${ns}`, () => ({peer: {type: 'namespace', namespace: ns}, text: `any pod of namespace ${ns}`})))
        if (namespace.some((h) => h.verdict!.status !== 'blocked')) this.add(template, {class: 'namespace', hops: join([clusterHop], namespace), notes: NONE})
      }
    }
  }

  private hostPaths(w: WorkloadExposure): void {
    const template = w.template
    const name = this.template(template).name
    if (template.spec.hostNetwork === true) {
      const ports = longRunningContainers(template).flatMap((c) => c.ports.map((p) => `${p.containerPort ?? '?'}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}`))
      w.paths.push({
        class: 'nodes',
        hops: [{type: 'host-network', object: template.owner, path: [...template.path, 'spec', 'hostNetwork'], name: `hostNetwork of ${name}`, ports, hosts: NONE, paths: NONE, details: ['listens on the node\'s own addresses'], verdict: {status: 'open', decisions: [{tier: 'networkpolicy', text: 'hostNetwork pods: network policies do not select them'}], sender: 'anyone who reaches the node', senderType: 'addresses', port: {protocol: 'TCP'}}}],
        notes: NONE,
      })
      return
    }

    for (const container of longRunningContainers(template)) {
      const list = Array.isArray(container.container.ports) ? container.container.ports : []
      for (const [i, p] of list.entries()) {
        if (!isRecord(p) || typeof p.hostPort !== 'number') continue
        const port = container.ports.find((cp) => cp.index === i)
        const target: TargetPort = {number: typeof p.containerPort === 'number' ? p.containerPort : undefined, name: port?.name, protocol: port?.protocol ?? 'TCP'}
        const sender = this.sender('host-port', () => ({peer: NODES, text: 'clients of the node (addresses not known)'}))
        w.paths.push({
          class: 'nodes',
          hops: [
            {type: 'host-port', object: template.owner, path: [...container.path, 'ports', i, 'hostPort'], name: `hostPort of ${name}`, ports: [`${p.hostPort} → ${target.number ?? '?'}`], hosts: NONE, paths: NONE, details: [`container ${container.name}`]},
            {type: 'pods', object: template.owner, name, ports: [String(target.number ?? '?')], hosts: NONE, paths: NONE, details: NONE, verdict: this.verdict(template, target, sender)},
          ],
          notes: NONE,
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

  /** The ingress controllers that serve an Ingress of this class, as far as the input tells (once per class). */
  private controllersFor(className: string | undefined): PodTemplate[] {
    let found = this.controllersByClass.get(className)
    if (!found) this.controllersByClass.set(className, (found = this.findControllers(className)))
    return found
  }

  private findControllers(className: string | undefined): PodTemplate[] {
    // Copies of one controller (the same kind, namespace and name in several files) serve as one.
    const seen = new Set<string>()
    const doors = this.frontDoors()
      .filter((c) => !/gateway/i.test(c.door.product) || /ingress/i.test(c.door.product))
      .filter((c) => !seen.has(this.template(c.template).name) && seen.add(this.template(c.template).name))
    const candidates = doors.map((c) => c.template)
    if (candidates.length <= 1 || className === undefined) return candidates
    // A class taken as ingress-nginx's (its IngressClass says so, or the name is ingress-nginx's default) is served by
    // ingress-nginx's controller: one that names it in its flags, or one started without class flags (the defaults).
    const nginx = ingressNginxClass(this.index, className) !== undefined
    const controller = controllerOf(this.index, className) ?? (nginx ? INGRESS_NGINX_CONTROLLER : undefined)
    const named = doors
      .filter(({template, door}) => {
        const args = longRunningContainers(template).flatMap((c) => (Array.isArray(c.container.args) ? c.container.args.map(String) : []))
        if (nginx && door.product === 'ingress-nginx' && !args.some((a) => CLASS_FLAG.test(a))) return true
        const words = [...Object.values(template.labels), ...args]
        return words.some((w) => w === className || w.endsWith(`=${className}`) || (controller !== undefined && w.endsWith(`=${controller}`)))
      })
      .map((c) => c.template)
    return named.length > 0 ? named : candidates
  }

  /**
   * How traffic reaches a front door's pods: its widest Service, or undefined when none of the input selects them.
   * Worked out again only when the front door has gained paths since.
   */
  private entryOf(template: PodTemplate): Entry | undefined {
    const w = this.exposures.get(template)
    const cached = this.entries.get(template)
    if (cached && cached.paths === (w?.paths.length ?? 0)) return cached.entry
    const widest = w?.paths.filter((p) => p.hops[0]?.type === 'load-balancer' || p.hops[0]?.type === 'node-port' || p.hops[0]?.type === 'host-port' || p.hops[0]?.type === 'host-network').sort((a, b) => rank(a.class) - rank(b.class))[0]
    const entry: Entry | undefined = widest && {
      class: widest.class,
      hops: widest.hops,
      // The front door's own pods are a hop of the paths behind it.
      controllerHops: widest.hops.map((h) => (h.type === 'pods' ? {...h, type: 'ingress-controller' as const} : h)),
      peer: {type: 'pods', namespace: template.namespace, labels: template.labels, name: this.template(template).name},
    }
    this.entries.set(template, {paths: w?.paths.length ?? 0, entry})
    return entry
  }

  private controllerSender(controller: PodTemplate): Sender {
    let sender = this.controllerSenders.get(controller)
    if (!sender) {
      const name = this.template(controller).name
      sender = {peer: {type: 'pods', namespace: controller.namespace, labels: controller.labels, name}, text: `the ingress controller's pods (${name})`}
      this.controllerSenders.set(controller, sender)
    }

    return sender
  }

  /** The service hop behind an Ingress or route backend: the Service's ports that `only` names, or all. */
  private backendServiceHop(service: Resource, targets: PortTarget[], only: number | string | undefined): Hop {
    const state = this.service(service)
    let hop = state.hops?.get(only)
    if (!hop) {
      hop = {type: 'service', object: service, path: PORTS_PATH, name: `Service ${state.name}`, ports: targets.map((t) => describeServicePort(t.servicePort)), hosts: NONE, paths: NONE, details: NONE}
      state.hops ??= new Map()
      state.hops.set(only, hop)
    }

    return hop
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

    const name = `Ingress ${nsName(ingress)}`
    const details = className ? [`class ${className}`] : NO_CLASS
    const unknown = controllers.length === 0 ? [`unknown: no ingress controller${className ? ` for class ${className}` : ''} in the input; assumed reached from the internet`] : NONE
    for (const {ref, hosts, paths, tls: tlsModes} of byService.values()) {
      let ingressHop: Hop | undefined
      for (const service of this.index.table('Service', ['']).findAll(ingress.namespace, ref.name)) {
        for (const template of this.templatesOf(service)) {
          const targets = this.portTargets(service, template, ref.port)
          if (targets.length === 0) continue
          ingressHop ??= {
            type: 'ingress',
            object: ingress,
            path: ref.namePath,
            name,
            ports: NONE,
            hosts: [...hosts],
            paths: paths.size === 0 ? NONE : [...paths],
            tls: tlsModes.size === 1 ? [...tlsModes][0] : 'some hosts',
            details,
          }
          const serviceHop = this.backendServiceHop(service, targets, ref.port)
          if (controllers.length === 0) {
            const sender = this.sender('unknown-controller', () => ({peer: {type: 'unknown-pods', name: 'the ingress controller'}, text: 'the ingress controller\'s pods (not in the input)'}))
            this.add(template, {class: 'internet', hops: join([ingressHop, serviceHop], this.podsHop(template, targets, sender)), notes: unknown})
            continue
          }

          for (const controller of controllers) {
            const entry = this.entryOf(controller)
            const notes = entry ? NONE : [`unknown: no Service of the ingress controller ${this.template(controller).name} in the input; assumed reached from the internet`]
            this.add(template, {
              class: entry?.class ?? 'internet',
              hops: join([...(entry?.controllerHops ?? NONE_HOPS), ingressHop, serviceHop], this.podsHop(template, targets, this.controllerSender(controller))),
              notes,
            })
          }
        }
      }
    }
  }

  // ---- Gateway API ---------------------------------------------------------

  /** The first pod template a Gateway's controller labels as its proxy (`gateway.networking.k8s.io/gateway-name`), in the Gateway's namespace. */
  private gatewayProxy(gateway: Resource): PodTemplate | undefined {
    if (!this.gatewayProxies) {
      this.gatewayProxies = new Map()
      for (const t of this.index.podTemplates) {
        const name = t.labels['gateway.networking.k8s.io/gateway-name']
        if (name === undefined) continue
        let byName = this.gatewayProxies.get(t.namespace)
        if (!byName) this.gatewayProxies.set(t.namespace, (byName = new Map()))
        if (!byName.has(name)) byName.set(name, t)
      }
    }

    return this.gatewayProxies.get(gateway.namespace)?.get(gateway.name)
  }

  /**
   * How a route's traffic enters through one parentRef: the gateway hop, the
   * class of its clients, who sends into the backends' pods, and what the
   * input does not tell. Undefined when the route does not attach there.
   * A Gateway attaches routes to its own listeners only; a ListenerSet to
   * its own, with traffic entering through the Gateway it is merged into.
   */
  private routeEntry(route: Resource, parent: ParentRef): RouteEntry | undefined {
    const ref = `${parent.namespace}/${parent.name}`
    const lookup = parentsOf(parent, this.index)
    if (!lookup) {
      return unknownEntry(`${parent.kind} ${ref}`, `the pods of the Gateway of ${parent.kind} ${ref}`, `unknown: the listeners of ${parent.kind} ${ref} are not read; assumed reached from the internet`)
    }

    // Not there while the input holds that namespace's Gateways (or ListenerSets): not attached, as route-parent-missing reports.
    if (lookup.status === 'missing') return undefined
    const found = lookup.found[0]
    if (!lookup.listenerSet) {
      if (!found) return unknownEntry(`Gateway ${ref}`, `the pods of Gateway ${ref}`, `unknown: no Gateway ${ref} in the input; assumed reached from the internet`)
      return this.gatewayEntry(route, parent, found, found)
    }

    const kind = lookup.kind
    if (!found) return unknownEntry(`${kind} ${ref}`, `the pods of the Gateway of ${kind} ${ref}`, `unknown: no ${kind} ${ref} in the input; assumed reached from the internet`)
    const attachment = listenerSetGateway(found, this.index)
    if (attachment.status === 'detached') return undefined
    if (attachment.status === 'attached') return this.gatewayEntry(route, parent, found, attachment.gateway)
    const listeners = attachedListeners(route, parent, found, this.index)
    if (listeners.length === 0) return undefined
    const gw = attachment.parent && `Gateway ${attachment.parent.namespace}/${attachment.parent.name}`
    const entry = unknownEntry(
      gw ? `${gw} (${kind} ${ref})` : `${kind} ${ref}`,
      `the pods of ${gw ?? `the Gateway of ${kind} ${ref}`}`,
      gw ? `unknown: no ${gw} in the input (the parent of ${kind} ${ref}); assumed reached from the internet` : `unknown: ${kind} ${ref} names no Gateway as its parent; assumed reached from the internet`,
    )
    return {...entry, hop: {...entry.hop, object: found, ...listenerFields(found, listeners)}}
  }

  /** A route's way in through the listeners of `owner` (a Gateway, or a ListenerSet merged into `gateway`) that it attaches to. */
  private gatewayEntry(route: Resource, parent: ParentRef, owner: Resource, gateway: Resource): RouteEntry | undefined {
    const listeners = attachedListeners(route, parent, owner, this.index)
    if (listeners.length === 0) return undefined
    const gspec = isRecord(gateway.object.spec) ? gateway.object.spec : {}
    // The annotations the Gateway's controller puts on the Service it makes: they say whether its load balancer is internal.
    const internal = internalLoadBalancer(stringMap(isRecord(gspec.infrastructure) ? gspec.infrastructure.annotations : undefined))
    const gatewayClass = typeof gspec.gatewayClassName === 'string' ? gspec.gatewayClassName : undefined
    const hop: Hop = {
      type: 'gateway',
      object: owner,
      name: owner === gateway ? `Gateway ${nsName(gateway)}` : `Gateway ${nsName(gateway)} (${owner.kind} ${nsName(owner)})`,
      ...listenerFields(owner, listeners),
      paths: NONE,
      details: [...(gatewayClass ? [`class ${gatewayClass}`] : []), ...(internal ? [`internal load balancer (${internal})`] : [])],
    }
    const notes: string[] = []
    const proxy = this.gatewayProxy(gateway)
    const entry = proxy ? this.entryOf(proxy) : undefined
    const proxyName = proxy ? this.template(proxy).name : ''
    // One sender for each Gateway, whatever route goes through it: hops into pods are kept by sender, and each verdict
    // is worked out once for all of the Gateway's routes.
    const sender = this.sender(`gateway\u0000${gateway.uid}`, (): Sender =>
      proxy
        ? {peer: {type: 'pods', namespace: proxy.namespace, labels: proxy.labels, name: proxyName}, text: `the gateway's pods (${proxyName})`}
        : {peer: {type: 'unknown-pods', name: `the pods of Gateway ${nsName(gateway)}`}, text: `the pods of Gateway ${nsName(gateway)} (not in the input)`},
    )
    const cls: ExposureClass = entry ? entry.class : internal ? 'private' : 'internet'
    if (!entry) notes.push(`unknown: the Service of Gateway ${nsName(gateway)} is not in the input (its controller makes it); assumed reached from ${cls === 'private' ? 'a private network' : 'the internet'}`)
    if (!proxy) notes.push('unknown: the gateway\'s pods are not in the input; the policy verdict cannot see their labels')
    return {hop, cls, sender, notes}
  }

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
      const entry = this.routeEntry(route, parent)
      if (!entry) continue // not attached: route-parent-missing says why
      const {hop: gatewayHop, cls, sender, notes} = entry
      for (const ref of backends) {
        const routeHop: Hop = {type: 'route', object: route, path: [...ref.path, 'name'], name: `${route.kind} ${nsName(route)}`, ports: NONE, hosts: hostnames, paths: matchPaths, details: NONE}
        for (const service of this.index.table('Service', ['']).findAll(ref.namespace, ref.name)) {
          for (const template of this.templatesOf(service)) {
            const targets = this.portTargets(service, template, typeof ref.port === 'number' ? ref.port : undefined)
            if (targets.length === 0) continue
            const only = typeof ref.port === 'number' ? ref.port : undefined
            const serviceHop: Hop =
              ref.namespace === route.namespace
                ? this.backendServiceHop(service, targets, only)
                : {type: 'service', object: service, path: PORTS_PATH, name: `Service ${this.service(service).name}`, ports: targets.map((t) => describeServicePort(t.servicePort)), hosts: NONE, paths: NONE, details: OTHER_NAMESPACE}
            this.add(template, {class: cls, hops: join([gatewayHop, routeHop, serviceHop], this.podsHop(template, targets, sender)), notes: notes.length === 0 ? NONE : notes})
          }
        }
      }
    }
  }
}

/** How a route's traffic enters through one parentRef (see `routeEntry`). */
interface RouteEntry {
  hop: Hop
  cls: ExposureClass
  sender: Sender
  notes: string[]
}

/** A way in through a parent the input does not hold: reached from the internet, by pods it cannot see. */
function unknownEntry(name: string, pods: string, note: string): RouteEntry {
  return {
    hop: {type: 'gateway', name, ports: NONE, hosts: NONE, paths: NONE, details: NONE},
    cls: 'internet',
    sender: {peer: {type: 'unknown-pods', name: pods}, text: `${pods} (not in the input)`},
    notes: [note],
  }
}

/** What a gateway hop shows of the listeners a route attaches to, as written in their Gateway or ListenerSet. */
function listenerFields(owner: Resource, listeners: readonly Listener[]): Pick<Hop, 'path' | 'ports' | 'hosts' | 'tls'> {
  const tlsModes = listeners.map((l) => {
    if (l.protocol !== 'HTTPS' && l.protocol !== 'TLS') return 'none'
    return getPath(owner.object, [...l.path, 'tls', 'mode']) === 'Passthrough' ? 'passthrough' : 'terminated'
  })
  return {
    path: listeners[0]!.path,
    ports: listeners.map((l) => `${l.port ?? '?'}/${l.protocol ?? '?'}${l.name ? ` "${l.name}"` : ''}`),
    hosts: listeners.map((l) => getPath(owner.object, [...l.path, 'hostname'])).filter((h): h is string => typeof h === 'string'),
    tls: [...new Set(tlsModes)].join(', '),
  }
}

/** Two lists of hops as one, of the exact length (a spread leaves room to grow in every path). */
function join(before: readonly Hop[], after: readonly Hop[]): Hop[] {
  const out = new Array<Hop>(before.length + after.length)
  for (const [i, hop] of before.entries()) out[i] = hop
  for (const [i, hop] of after.entries()) out[before.length + i] = hop
  return out
}

/** What tells paths apart: their class, and each hop's object (or name) and ports. */
function pathKey(path: ExposurePath): string {
  let k: string = path.class
  for (const h of path.hops) k += `>${h.object?.uid ?? h.name}:${h.ports.length === 1 ? h.ports[0] : h.ports.join(',')}`
  return k
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
  const internal = internalLoadBalancer(service.annotations, spec.loadBalancerClass)
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
