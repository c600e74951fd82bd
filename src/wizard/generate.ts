/**
 * The manifests for a recommendation: the Service, its Ingress or Gateway and
 * HTTPRoute, NetworkPolicies, MetalLB's pool on bare metal, and optionally a
 * Deployment skeleton. Built as typed objects, written with `yaml`'s Document
 * API so that every choice carries a comment above it.
 *
 * Pure: no prompts, no files. What `k8s-net lint` would report on a choice the
 * user made on purpose (a NodePort for development, say) is suppressed with an
 * `ignore.k8s-net.io/<rule>` annotation whose value names that choice;
 * everything else is right by construction.
 */
import type {Deployment} from 'kubernetes-types/apps/v1.js'
import type {Container, ContainerPort, Lifecycle, Namespace, Probe, Service, ServicePort} from 'kubernetes-types/core/v1.js'
import type {ObjectMeta} from 'kubernetes-types/meta/v1.js'
import type {Ingress, NetworkPolicy, NetworkPolicyIngressRule, NetworkPolicyPeer} from 'kubernetes-types/networking/v1.js'
import type {PodDisruptionBudget} from 'kubernetes-types/policy/v1.js'
import {Document, isMap, isSeq} from 'yaml'
import {type Answers, type Protocol, route} from './answers.js'
import {kubeAtLeast, SLEEP_ACTION_SINCE} from './kube-version.js'
import {implementationOf, type Implementation} from './providers.js'
import {asFlag} from './questions.js'
import {quoted, type Quote, type Recommendation} from './recommend.js'
import {wrap} from './text.js'
import {readCaller} from './validators.js'

/** The annotation prefix that silences one k8s-net rule on one object (the engine's SUPPRESSION_PREFIX). */
const IGNORE = 'ignore.k8s-net.io/'

/** Gateway API objects (gateway.networking.k8s.io/v1), as far as the wizard writes them. */
interface Gateway {
  apiVersion: 'gateway.networking.k8s.io/v1'
  kind: 'Gateway'
  metadata: ObjectMeta
  spec: {
    gatewayClassName: string
    listeners: Array<{
      name: string
      protocol: 'HTTP' | 'HTTPS'
      port: number
      tls?: {mode: 'Terminate'; certificateRefs: Array<{kind: 'Secret'; name: string; namespace?: string}>}
      allowedRoutes: {namespaces: {from: 'Same'} | {from: 'Selector'; selector: {matchExpressions: Array<{key: string; operator: 'In'; values: string[]}>}}}
    }>
  }
}

interface HTTPRoute {
  apiVersion: 'gateway.networking.k8s.io/v1'
  kind: 'HTTPRoute'
  metadata: ObjectMeta
  spec: {
    parentRefs: Array<{name: string; namespace?: string; sectionName?: string}>
    hostnames: string[]
    rules: Array<{matches: Array<{path: {type: 'PathPrefix'; value: string}}>; backendRefs: Array<{name: string; port: number}>}>
  }
}

interface ReferenceGrant {
  apiVersion: 'gateway.networking.k8s.io/v1beta1'
  kind: 'ReferenceGrant'
  metadata: ObjectMeta
  spec: {from: Array<{group: string; kind: string; namespace: string}>; to: Array<{group: string; kind: string; name?: string}>}
}

/** MetalLB's objects (metallb.io/v1beta1). */
interface IPAddressPool {
  apiVersion: 'metallb.io/v1beta1'
  kind: 'IPAddressPool'
  metadata: ObjectMeta
  spec: {addresses: string[]; autoAssign: boolean}
}

interface L2Advertisement {
  apiVersion: 'metallb.io/v1beta1'
  kind: 'L2Advertisement'
  metadata: ObjectMeta
  spec: {ipAddressPools: string[]}
}

type KubeObject = Namespace | Service | Ingress | NetworkPolicy | Deployment | PodDisruptionBudget | Gateway | HTTPRoute | ReferenceGrant | IPAddressPool | L2Advertisement

/** One object to write, with the comments that explain it. */
export interface Manifest {
  object: {apiVersion?: string; kind?: string; metadata?: {name?: string; namespace?: string}}
  /** Above the object. */
  comment: string
  /** Above fields or list items, by path inside the object. */
  notes: Array<{path: ReadonlyArray<string | number>; text: string}>
}

const METALLB_NAMESPACE = 'metallb-system'
const PORT_PROTOCOL: Record<Protocol, 'TCP' | 'UDP'> = {http: 'TCP', https: 'TCP', grpc: 'TCP', tcp: 'TCP', udp: 'UDP'}
const APP_PROTOCOL: Partial<Record<Protocol, string>> = {http: 'http', https: 'https', grpc: 'kubernetes.io/h2c'}

function need<K extends keyof Answers>(a: Answers, key: K): NonNullable<Answers[K]> {
  const value = a[key]
  if (value === undefined || value === null) throw new Error(`generate() needs the answer ${key}: complete the answers with completeAnswers(answers, 'manifest') first`)
  return value
}

/** Builds the manifests for complete answers and their recommendation; none for a port-forward. */
export function buildManifests(a: Answers, recommendation: Recommendation): Manifest[] {
  const name = need(a, 'name')
  const namespace = need(a, 'namespace')
  if (recommendation.type === 'ExternalName') return [externalNameService(a, name, namespace)]
  if (recommendation.type === 'kubectl port-forward') return []

  const decided = route(a)
  const manifests: Manifest[] = []
  const labels = {'app.kubernetes.io/name': name}
  if (a.ownNamespace) manifests.push(namespaceObject(a, namespace))
  const pool = recommendation.metallb ? (decided === 'LoadBalancer' || !a.controllerNamespace ? `${namespace}-${name}` : a.controllerNamespace) : undefined
  if (pool) manifests.push(...metallb(a, pool, decided === 'LoadBalancer'))
  manifests.push(service(a, recommendation, name, namespace, labels, pool))
  if (recommendation.type === 'Ingress') manifests.push(ingress(a, name, namespace, labels))
  if (recommendation.type === 'Gateway API') manifests.push(...gatewayApi(a, name, namespace, labels))
  if (a.withDeployment) manifests.push(...deployment(a, name, namespace, labels))
  if (a.defaultDeny) manifests.push(defaultDeny(namespace))
  else leaveOutDefaultDeny(a, manifests)
  manifests.push(allowPolicy(a, recommendation, name, namespace, labels))
  return manifests
}

/** The command that gives the access when no manifest is needed (a port-forward); undefined otherwise. */
export function accessCommand(a: Answers, recommendation: Recommendation): string | undefined {
  if (recommendation.type !== 'kubectl port-forward') return undefined
  return `kubectl port-forward --namespace ${need(a, 'namespace')} deployment/${need(a, 'name')} ${need(a, 'port')}:${need(a, 'targetPort')}`
}

/** The manifests as one YAML stream, with the recommendation at the top; reasons quote the answers as flags or as the prompts put them. */
export function generate(a: Answers, recommendation: Recommendation, quote: Quote = 'flags'): string {
  const header = [
    `Generated by k8s-net wizard: ${recommendation.type}${recommendation.metallb ? ' with MetalLB' : ''} for ${a.name} in namespace ${a.namespace}.`,
    '',
    'Why:',
    ...recommendation.reasons.map((r) => `- ${quoted(r, quote)}: ${r.text}`),
  ]
  const command = accessCommand(a, recommendation)
  if (command) {
    header.push('', 'No manifest to apply: run, and stop it with Ctrl+C when done:', `  ${command}`, `then connect to localhost:${a.port}.`)
    return `${comment(header.join('\n'))}\n`
  }

  const documents = buildManifests(a, recommendation).map((m) => render(m).toString({lineWidth: 0}))
  return `${comment(header.join('\n'))}\n\n${documents.join('---\n')}`
}

/** A YAML document for a manifest, its comments attached to the nodes they explain. */
function render(manifest: Manifest): Document {
  // Objects share label maps: write each copy out rather than as YAML aliases.
  const document = new Document(manifest.object, {aliasDuplicateObjects: false})
  document.commentBefore = commentText(manifest.comment, 98)
  for (const note of manifest.notes) {
    const parentPath = note.path.slice(0, -1)
    const last = note.path.at(-1)!
    const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true)
    // A map entry's comment goes on its key; a list item's on the item.
    let node: {commentBefore?: string | null} | undefined
    if (isMap(parent)) node = parent.items.find((p) => (p.key as {value?: unknown}).value === last)?.key as typeof node
    else if (isSeq(parent) && typeof last === 'number') node = parent.items[last] as typeof node
    if (!node) throw new Error(`no ${note.path.join('.')} to comment on in ${manifest.object.kind}`)
    node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${commentText(note.text)}` : commentText(note.text)
  }

  return document
}

/** Comment text wrapped to fit 100 columns where it stands; yaml adds the `#`. */
const commentText = (text: string, width = 90): string =>
  wrap(text, width)
    .map((line) => (line === '' ? '' : ` ${line}`))
    .join('\n')

const comment = (text: string): string =>
  commentText(text, 98)
    .split('\n')
    .map((line) => `#${line}`)
    .join('\n')

function manifest(object: KubeObject, text: string): Manifest {
  return {object, comment: text, notes: []}
}

/** Silences a rule on a deliberate choice: the annotation's value names the choice, the comment explains it. */
function suppress(m: Manifest, ruleId: string, reason: string, explanation: string): void {
  const metadata = (m.object.metadata ??= {}) as ObjectMeta
  metadata.annotations = {...metadata.annotations, [IGNORE + ruleId]: reason}
  m.notes.push({path: ['metadata', 'annotations', IGNORE + ruleId], text: `k8s-net reports ${ruleId} here, and this is deliberate: ${explanation}`})
}

/** The answer that made the environment a development one. */
const developmentFlag = (a: Answers): string => asFlag(a.clients === 'me' ? 'clients' : a.environment === 'local' ? 'environment' : 'production', a)

function externalNameService(a: Answers, name: string, namespace: string): Manifest {
  const externalName = need(a, 'externalName')
  const object: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name, namespace},
    spec: {type: 'ExternalName', externalName},
  }
  const m = manifest(object, `Workloads call ${name}.${namespace}.svc; cluster DNS answers with a CNAME for ${externalName}. No selector, no ports, no proxying.`)
  m.notes.push({
    path: ['spec', 'externalName'],
    text: 'The backend outside the cluster. Clients connect to this name directly: TLS certificates and HTTP Host headers must accept it.',
  })
  return m
}

function service(a: Answers, recommendation: Recommendation, name: string, namespace: string, labels: Record<string, string>, pool: string | undefined): Manifest {
  const protocol = need(a, 'protocol')
  const port: ServicePort = {
    name: protocol,
    protocol: PORT_PROTOCOL[protocol],
    appProtocol: APP_PROTOCOL[protocol],
    port: need(a, 'port'),
    targetPort: need(a, 'targetPort'),
  }
  const type = recommendation.serviceType
  const object: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {name, namespace, labels},
    spec: {type, selector: labels, ports: [port]},
  }
  const summary: Record<string, string> = {
    ClusterIP:
      recommendation.type === 'ClusterIP'
        ? `ClusterIP: workloads in the cluster call ${name}.${namespace}.svc:${port.port}; nothing outside reaches it.`
        : `ClusterIP: the ${recommendation.type === 'Ingress' ? 'ingress controller' : 'Gateway'} reaches the pods through it; nothing outside the cluster reaches it directly.`,
    NodePort: 'NodePort, for development access: every node forwards one port from 30000-32767 to the pods.',
    LoadBalancer: `LoadBalancer: one external IP of its own${recommendation.metallb ? ', from MetalLB' : ''}, forwarding ${PORT_PROTOCOL[protocol]} at layer 4.`,
  }
  const m = manifest(object, `Service ${name}: ${summary[type] ?? type}`)
  m.notes.push({path: ['spec', 'selector'], text: 'Selects the pods by the labels of their template (not the Deployment\'s own labels).'})
  if (APP_PROTOCOL[protocol]) {
    m.notes.push({path: ['spec', 'ports', 0, 'appProtocol'], text: `Tells load balancers and controllers that the port speaks ${protocol === 'grpc' ? 'HTTP/2 without TLS (gRPC)' : protocol.toUpperCase()}.`})
  }

  if (type === 'NodePort') {
    object.spec!.externalTrafficPolicy = 'Cluster'
    m.notes.push({
      path: ['spec', 'externalTrafficPolicy'],
      text: 'Cluster: any node forwards the port to a ready pod, on whichever node it runs, and the pods see node addresses rather than the clients\'. The NetworkPolicy admits any source on this port for that reason.',
    })
    if (a.nodePort === undefined) {
      m.notes.push({
        path: ['spec', 'type'],
        text: 'No nodePort is set: the cluster picks a free one (kubectl get service shows it), so it cannot clash with another Service\'s.',
      })
    } else {
      port.nodePort = a.nodePort
      m.notes.push({
        path: ['spec', 'ports', 0, 'nodePort'],
        text: `Fixed, so that kind can map it to your machine. In the kind cluster config (kind create cluster --config kind.yaml):\n  nodes:\n  - role: control-plane\n    extraPortMappings:\n    - containerPort: ${a.nodePort}\n      hostPort: ${a.nodePort}\n      protocol: ${PORT_PROTOCOL[protocol]}\nthen connect to localhost:${a.nodePort}.`,
      })
    }

    suppress(
      m,
      'nodeport-exposed',
      `NodePort for development access, as answered (${developmentFlag(a)})`,
      'a NodePort opens this port on every node, reached through one node\'s IP with no load balancing of its own. That is what development access needs; before production, run the wizard again with --production.',
    )
  }

  if (type === 'LoadBalancer') {
    const ranges = need(a, 'sourceRanges')
    object.spec!.externalTrafficPolicy = 'Local'
    m.notes.push({
      path: ['spec', 'externalTrafficPolicy'],
      text: `Local: traffic reaches only nodes with a ready pod (${pool ? 'MetalLB announces the address from one of them' : 'the others fail the load balancer\'s health check'}), nothing is forwarded again between nodes, and the pods see the clients\' own addresses, which the NetworkPolicy admits. Spread the replicas over nodes so that each of those nodes has one.`,
    })
    object.spec!.loadBalancerSourceRanges = ranges
    const open = ranges.some((range) => range === '0.0.0.0/0' || range === '::/0')
    m.notes.push({
      path: ['spec', 'loadBalancerSourceRanges'],
      text: open
        ? 'Open to every client address, as answered.'
        : 'Only clients from these ranges reach the load balancer (enforced by the cloud load balancer or kube-proxy).',
    })
    if (open) {
      suppress(
        m,
        'loadbalancer-source-ranges',
        `open to every client address, as answered (${asFlag('sourceRanges', a)})`,
        'the load balancer accepts connections from anywhere, which a public service needs. Narrow --source-ranges when only known networks should reach it.',
      )
    }

    if (a.ownIp) {
      suppress(
        m,
        'loadbalancer-single-service',
        `one HTTP service with an external IP of its own, as answered (${asFlag('ownIp', a)})`,
        'a load balancer for one HTTP service costs one load balancer, where an ingress controller would share one among many. It was asked for: this service needs its own IP.',
      )
    } else if (protocol === 'grpc') {
      suppress(
        m,
        'loadbalancer-single-service',
        `one gRPC service on a load balancer of its own, as answered (${asFlag('protocol', a)})`,
        'gRPC runs over HTTP/2, so an ingress controller or a Gateway could route it beside other services; a layer 4 load balancer of its own passes its long-lived streams through untouched and needs no controller support for HTTP/2 backends, at the cost of one load balancer for this service.',
      )
    }

    const annotations: Record<string, string> = {}
    if (pool) {
      annotations['metallb.io/address-pool'] = pool
      m.notes.push({path: ['metadata', 'annotations', 'metallb.io/address-pool'], text: `MetalLB assigns the address from the IPAddressPool ${pool} (older MetalLB releases read metallb.universe.tf/address-pool).`})
    } else if (a.provider === 'aws') {
      annotations['service.beta.kubernetes.io/aws-load-balancer-type'] = 'nlb'
      m.notes.push({
        path: ['metadata', 'annotations', 'service.beta.kubernetes.io/aws-load-balancer-type'],
        text: 'A Network Load Balancer (layer 4, TCP and UDP) instead of the Classic Load Balancer. With the AWS Load Balancer Controller, use "external" and its nlb-target-type annotation instead.',
      })
    }

    if (Object.keys(annotations).length > 0) object.metadata!.annotations = {...annotations, ...object.metadata!.annotations}
  }

  return m
}

/** The implementation behind the entry point of a shared HTTP route. */
function entryOf(a: Answers): Implementation {
  return a.gatewayApi ? implementationOf(need(a, 'gatewayClass'), 'gateway', a) : implementationOf(need(a, 'ingressClass'), 'ingress', a)
}

/** A phrase as the start of a sentence. */
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** How the entry point reaches the world, for comments. */
function behind(implementation: Implementation): string {
  return implementation.managed ? `${implementation.product}, which runs outside the cluster` : `${implementation.product}, in the cluster behind one LoadBalancer shared by every route`
}

function ingress(a: Answers, name: string, namespace: string, labels: Record<string, string>): Manifest {
  const hosts = need(a, 'hosts')
  const paths = need(a, 'paths')
  const ingressClass = need(a, 'ingressClass')
  const port = need(a, 'port')
  const implementation = entryOf(a)
  const object: Ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {name, namespace, labels},
    spec: {
      ingressClassName: ingressClass,
      tls: a.tls ? [{hosts, secretName: `${name}-tls`}] : undefined,
      rules: hosts.map((host) => ({
        host,
        http: {paths: paths.map((path) => ({path, pathType: 'Prefix', backend: {service: {name, port: {number: port}}}}))},
      })),
    },
  }
  const m = manifest(object, `Ingress ${name}: routes ${hosts.join(', ')} by host and path to the Service ${name}, through ${behind(implementation)}.`)
  m.notes.push({
    path: ['spec', 'ingressClassName'],
    text: `The controller that serves this Ingress (${implementation.product}): without a class, it depends on which controller claims the cluster's default. ingress-nginx is retired (March 2026): use a maintained controller.${a.protocol === 'https' ? ` The pods serve HTTPS: tell the controller to re-encrypt to them (the Service port is named https and says appProtocol: https).` : ''}`,
  })
  if (implementation.managed && implementation.provider === 'aws') {
    object.metadata!.annotations = {
      'alb.ingress.kubernetes.io/scheme': a.clients === 'team' ? 'internal' : 'internet-facing',
      'alb.ingress.kubernetes.io/target-type': 'ip',
    }
    m.notes.push({
      path: ['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme'],
      text: `The AWS Load Balancer Controller makes an internal ALB unless told otherwise: ${a.clients === 'team' ? 'internal, for clients on your network' : 'internet-facing, for the public'}, as answered (${asFlag('clients', a)}).`,
    })
    m.notes.push({path: ['metadata', 'annotations', 'alb.ingress.kubernetes.io/target-type'], text: 'The ALB sends straight to the pod addresses (IP mode), from its addresses in the VPC.'})
  }

  if (a.tls) {
    m.notes.push({
      path: ['spec', 'tls'],
      text: `TLS terminates here, at the edge. The Secret ${name}-tls holds the certificate for every host (create it, or let cert-manager fill it: annotate the Ingress with cert-manager.io/cluster-issuer).`,
    })
  } else {
    suppress(
      m,
      'ingress-tls-missing',
      `no TLS at the edge, as answered (${asFlag('tls', a)})`,
      'these hosts are served over cleartext HTTP. Run the wizard with --tls to terminate TLS here.',
    )
  }

  m.notes.push({path: ['spec', 'rules'], text: 'Prefix paths: /api matches /api and /api/v1, not /apiary.'})
  return m
}

/** The shared Gateway, from --gateway NAMESPACE/NAME. */
function gatewayOf(a: Answers): {namespace: string; name: string} {
  const [namespace, name] = need(a, 'gateway').split('/') as [string, string]
  return {namespace, name}
}

function gatewayApi(a: Answers, name: string, namespace: string, labels: Record<string, string>): Manifest[] {
  const hosts = need(a, 'hosts')
  const paths = need(a, 'paths')
  const listener = a.tls ? 'https' : 'http'
  const shared = gatewayOf(a)
  const elsewhere = shared.namespace !== namespace
  const out: Manifest[] = []
  if (!a.existingGateway) out.push(...newGateway(a, name, namespace, shared, listener))
  const route: HTTPRoute = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: {name, namespace, labels},
    spec: {
      parentRefs: [{name: shared.name, namespace: elsewhere ? shared.namespace : undefined, sectionName: a.existingGateway ? undefined : listener}],
      hostnames: hosts,
      rules: [{matches: paths.map((value) => ({path: {type: 'PathPrefix', value}})), backendRefs: [{name, port: need(a, 'port')}]}],
    },
  }
  const r = manifest(route, `HTTPRoute ${name}: sends ${hosts.join(', ')} on ${paths.join(', ')} to the Service ${name}.`)
  r.notes.push({
    path: ['spec', 'parentRefs', 0],
    text: a.existingGateway
      ? `Attaches to the shared Gateway ${shared.namespace}/${shared.name}, which exists already, as answered (${asFlag('existingGateway', a)}). Its listeners must admit routes from namespace ${namespace} (allowedRoutes) and serve ${hosts.join(', ')}${a.tls ? ' with a certificate for them' : ''}: ask its owners when kubectl describe httproute ${name} says the route is not Accepted.`
      : `Attaches to the ${listener} listener of the Gateway ${shared.namespace}/${shared.name}, written above.`,
  })
  if (a.protocol === 'https') {
    r.notes.push({path: ['spec', 'rules', 0, 'backendRefs'], text: 'The pods serve HTTPS: a BackendTLSPolicy tells the Gateway to re-encrypt to them, where your implementation supports it.'})
  }

  out.push(r)
  return out
}

/** A Gateway for the services to share, where none exists yet: in its own namespace, admitting routes from the application's. */
function newGateway(a: Answers, name: string, namespace: string, shared: {namespace: string; name: string}, listener: 'http' | 'https'): Manifest[] {
  const gatewayClass = need(a, 'gatewayClass')
  const implementation = entryOf(a)
  const elsewhere = shared.namespace !== namespace
  const allowedRoutes: Gateway['spec']['listeners'][number]['allowedRoutes'] = elsewhere
    ? {namespaces: {from: 'Selector', selector: {matchExpressions: [{key: 'kubernetes.io/metadata.name', operator: 'In', values: [namespace]}]}}}
    : {namespaces: {from: 'Same'}}
  const gateway: Gateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: {name: shared.name, namespace: shared.namespace},
    spec: {
      gatewayClassName: gatewayClass,
      listeners: [
        a.tls
          ? {
              name: listener,
              protocol: 'HTTPS',
              port: 443,
              tls: {mode: 'Terminate', certificateRefs: [{kind: 'Secret', name: `${name}-tls`, namespace: elsewhere ? namespace : undefined}]},
              allowedRoutes,
            }
          : {name: listener, protocol: 'HTTP', port: 80, allowedRoutes},
      ],
    },
  }
  const out: Manifest[] = []
  if (elsewhere) {
    const ns = manifest(
      {apiVersion: 'v1', kind: 'Namespace', metadata: {name: shared.namespace}},
      `Namespace ${shared.namespace}: home of the shared Gateway, owned by the platform team. No pods run here${implementation.managed ? '' : ` (the ${implementation.product} proxies run in ${a.controllerNamespace})`}.`,
    )
    suppress(
      ns,
      'default-deny-missing',
      `holds only the shared Gateway, which has no pods here, as answered (${asFlag('existingGateway', a)})`,
      'a default deny protects pods, and this namespace holds only the Gateway object.',
    )
    out.push(ns)
  }

  const g = manifest(
    gateway,
    `Gateway ${shared.namespace}/${shared.name}: the entry point the HTTP services share, created because none exists yet, as answered (${asFlag('existingGateway', a)}). Implemented by the ${gatewayClass} GatewayClass: ${behind(implementation)}. Usually the platform team's object; each application attaches its own HTTPRoute.`,
  )
  g.notes.push({
    path: ['spec', 'gatewayClassName'],
    text: `${sentence(implementation.product)}${implementation.managed ? `: the cloud runs the proxies, so nothing else is installed in the cluster.${implementation.provider === 'aws' ? ' The controller makes an internal ALB unless a LoadBalancerConfiguration (gateway.k8s.aws), referenced from the GatewayClass or the Gateway\'s infrastructure.parametersRef, says scheme: internet-facing.' : implementation.provider === 'azure' ? ' Name the Application Gateway for Containers to use with the annotation alb.networking.azure.io/alb-id (or alb-namespace and alb-name for one the ALB controller manages).' : ''}` : `, running in namespace ${a.controllerNamespace}.`}`,
  })
  g.notes.push({
    path: ['spec', 'listeners', 0],
    text: a.tls
      ? `TLS terminates here, at the edge: the Secret ${name}-tls${elsewhere ? ` in namespace ${namespace}` : ''} holds a certificate for ${a.hosts!.join(', ')} (cert-manager can fill it). Other services add their own listener and certificate.`
      : `Plain HTTP on port 80, as answered (${asFlag('tls', a)}): clients send cleartext.`,
  })
  g.notes.push({
    path: ['spec', 'listeners', 0, 'allowedRoutes'],
    text: elsewhere
      ? `Routes attach from the namespaces listed here: add each application's namespace as it joins.`
      : 'Routes from this namespace attach; use from: Selector to admit other teams\' namespaces.',
  })
  out.push(g)
  if (elsewhere && a.tls) {
    const grant: ReferenceGrant = {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: {name: `${shared.name}-gateway-${name}-tls`, namespace},
      spec: {
        from: [{group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: shared.namespace}],
        to: [{group: '', kind: 'Secret', name: `${name}-tls`}],
      },
    }
    out.push(
      manifest(
        grant,
        `ReferenceGrant: lets Gateways of namespace ${shared.namespace} use the certificate Secret ${name}-tls of namespace ${namespace}, and no other Secret. Without it, the Gateway refuses a certificate from another namespace.`,
      ),
    )
  }

  return out
}

function metallb(a: Answers, pool: string, pinned: boolean): Manifest[] {
  const addresses = need(a, 'addressPool')
  const ipPool: IPAddressPool = {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'IPAddressPool',
    metadata: {name: pool, namespace: METALLB_NAMESPACE},
    spec: {addresses, autoAssign: !pinned},
  }
  const p = manifest(
    ipPool,
    `MetalLB IPAddressPool ${pool}: on bare metal nothing else hands out LoadBalancer addresses. ${pinned ? `Reserved for the Service ${a.name}, which names it.` : `For the LoadBalancer Service of the ${a.gatewayApi ? 'Gateway' : 'ingress controller'} (in ${a.controllerNamespace}).`}`,
  )
  p.notes.push({path: ['spec', 'addresses'], text: 'Free addresses on the nodes\' network, outside any DHCP range.'})
  p.notes.push({
    path: ['spec', 'autoAssign'],
    text: pinned ? 'Only Services that ask for this pool (metallb.io/address-pool) get its addresses.' : 'Any LoadBalancer Service may get an address from it: the controller\'s needs no annotation.',
  })
  const l2: L2Advertisement = {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'L2Advertisement',
    metadata: {name: pool, namespace: METALLB_NAMESPACE},
    spec: {ipAddressPools: [pool]},
  }
  const l = manifest(
    l2,
    `MetalLB L2Advertisement ${pool}: one node answers ARP (IPv4) or NDP (IPv6) for the pool's addresses, and another takes over when it fails. All traffic for an address enters through that one node; a BGPAdvertisement spreads it where your routers speak BGP.`,
  )
  return [p, l]
}

function probes(protocol: Protocol, targetPort: number): {readiness: Probe; liveness: Probe} {
  const readiness = {periodSeconds: 5, failureThreshold: 3}
  const liveness = {periodSeconds: 10, failureThreshold: 3}
  switch (protocol) {
    case 'grpc': {
      // The gRPC probe takes a port number, not a name.
      return {readiness: {grpc: {port: targetPort}, ...readiness}, liveness: {grpc: {port: targetPort}, ...liveness}}
    }

    case 'tcp': {
      return {readiness: {tcpSocket: {port: 'tcp'}, ...readiness}, liveness: {tcpSocket: {port: 'tcp'}, ...liveness}}
    }

    default: {
      const port = protocol === 'udp' ? 'health' : protocol
      const scheme = protocol === 'https' ? 'HTTPS' : undefined
      return {
        readiness: {httpGet: {path: '/readyz', port, scheme}, ...readiness},
        liveness: {httpGet: {path: '/livez', port, scheme}, ...liveness},
      }
    }
  }
}

/** Connection draining before the container stops: the sleep action where the cluster has it, an exec sleep otherwise. */
function preStop(a: Answers): {lifecycle: Lifecycle; note: string} {
  const drain = 'Connection draining: load balancers and kube-proxy take a few seconds to stop sending new connections to a terminating pod.'
  if (kubeAtLeast(a.kubeVersion, SLEEP_ACTION_SINCE) === true) {
    return {lifecycle: {preStop: {sleep: {seconds: 5}}}, note: `${drain} The sleep action needs no shell in the image (Kubernetes ${SLEEP_ACTION_SINCE} and later; the cluster runs ${a.kubeVersion}).`}
  }

  return {
    lifecycle: {preStop: {exec: {command: ['sleep', '5']}}},
    note: `${drain} ${a.kubeVersion ? `Kubernetes ${a.kubeVersion} has no sleep action (it came in ${SLEEP_ACTION_SINCE})` : `The Kubernetes version is not known (--kube-version), and the sleep action needs ${SLEEP_ACTION_SINCE}`}: the image must hold a sleep command. On ${SLEEP_ACTION_SINCE} or later, use preStop: {sleep: {seconds: 5}} instead.`,
  }
}

function deployment(a: Answers, name: string, namespace: string, labels: Record<string, string>): Manifest[] {
  const protocol = need(a, 'protocol')
  const targetPort = need(a, 'targetPort')
  const replicas = need(a, 'replicas')
  const production = a.production === true
  const ports: ContainerPort[] = [{name: protocol, containerPort: targetPort, protocol: PORT_PROTOCOL[protocol]}]
  if (protocol === 'udp') ports.push({name: 'health', containerPort: need(a, 'healthPort'), protocol: 'TCP'})
  const {readiness, liveness} = probes(protocol, targetPort)
  const drain = preStop(a)
  const container: Container = {
    name,
    image: need(a, 'image'),
    ports,
    readinessProbe: readiness,
    livenessProbe: liveness,
    lifecycle: drain.lifecycle,
  }
  const spread = (topologyKey: string) => ({maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: {matchLabels: labels}})
  const object: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace, labels},
    spec: {
      replicas,
      selector: {matchLabels: labels},
      template: {
        metadata: {labels},
        spec: {
          topologySpreadConstraints:
            replicas > 1 ? [...(production ? [spread('topology.kubernetes.io/zone')] : []), spread('kubernetes.io/hostname')] : undefined,
          terminationGracePeriodSeconds: 30,
          containers: [container],
        },
      },
    },
  }
  const m = manifest(object, `Deployment ${name}: a skeleton to complete (image, resources, configuration); its probes and labels already fit the Service.`)
  const containerPath = ['spec', 'template', 'spec', 'containers', 0]
  m.notes.push({path: ['spec', 'template', 'metadata', 'labels'], text: 'The labels the Service selects and the NetworkPolicy admits traffic to.'})
  m.notes.push({
    path: [...containerPath, 'readinessProbe'],
    text:
      protocol === 'udp'
        ? `The kubelet cannot probe UDP: the application answers HTTP GET /readyz and /livez on TCP port ${a.healthPort} (the health port). Until the pod is ready, the Service sends it nothing.`
        : protocol === 'grpc'
          ? 'Until the gRPC health service (grpc.health.v1) answers SERVING, the Service sends the pod nothing.'
          : protocol === 'tcp'
            ? 'Until the port accepts connections, the Service sends the pod nothing.'
            : 'Until /readyz answers, the Service sends the pod nothing: point it at your readiness endpoint.',
  })
  m.notes.push({path: [...containerPath, 'livenessProbe'], text: 'Restarts a container that stops answering; slower than readiness, so a busy pod is first taken out of rotation, not killed.'})
  m.notes.push({path: [...containerPath, 'lifecycle'], text: drain.note})
  if (replicas > 1) {
    m.notes.push({
      path: ['spec', 'template', 'spec', 'topologySpreadConstraints'],
      text: `Spreads the replicas over ${production ? 'zones, then nodes, so that losing a zone or a node' : 'nodes, so that one node going down'} leaves the others serving (external load balancers balance per node). ScheduleAnyway: the scheduler spreads them when it can and still places a replica when it cannot (one zone, few nodes); whenUnsatisfiable: DoNotSchedule makes the spread a hard rule, leaving such a replica Pending.`,
    })
  } else if (a.exposure === 'external') {
    suppress(
      m,
      'exposed-single-replica',
      `one replica for development, as answered (${developmentFlag(a)}, ${asFlag('replicas', a)})`,
      'clients outside the cluster lose the service whenever this one pod restarts. Fine for development; production needs at least 2.',
    )
  }

  if (!production || replicas < 2) return [m]
  const budget: PodDisruptionBudget = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {name, namespace, labels},
    spec: {maxUnavailable: 1, selector: {matchLabels: labels}},
  }
  const b = manifest(
    budget,
    `PodDisruptionBudget ${name}: for production, as answered (${asFlag('production', a)}). Node drains and cluster upgrades evict at most one replica at a time, so ${replicas - 1} keep serving.`,
  )
  return [m, b]
}

/** The application's namespace, new or its own, as answered: written so that the rest applies to a cluster without it. */
function namespaceObject(a: Answers, namespace: string): Manifest {
  return manifest(
    {apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}},
    `Namespace ${namespace}: new, or holding only this application, as answered (${asFlag('ownNamespace', a)}).`,
  )
}

function defaultDeny(namespace: string): Manifest {
  const object: NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {name: 'default-deny-ingress', namespace},
    spec: {podSelector: {}, policyTypes: ['Ingress']},
  }
  const m = manifest(
    object,
    `Default deny for namespace ${namespace}: no pod in it, other applications' included, accepts traffic that no policy allows. Egress stays open. Apply it where every workload of the namespace has its allow policy.`,
  )
  m.notes.push({path: ['spec', 'podSelector'], text: 'An empty selector selects every pod in the namespace.'})
  m.notes.push({path: ['spec', 'policyTypes'], text: 'Ingress with no ingress rules: nothing is allowed in.'})
  return m
}

/**
 * Without a default deny (as answered), say so where k8s-net lint would
 * report it: on the Namespace when it is written, else on the Deployment.
 */
function leaveOutDefaultDeny(a: Answers, manifests: Manifest[]): void {
  const target = manifests.find((m) => m.object.kind === 'Namespace' && m.object.metadata?.name === a.namespace) ?? manifests.find((m) => m.object.kind === 'Deployment')
  if (!target) return
  suppress(
    target,
    'default-deny-missing',
    `no namespace-wide default deny, as answered (${asFlag('defaultDeny', a)})`,
    `a default deny would cut off every other workload of namespace ${a.namespace} that has no allow policy of its own. The allow policy below still isolates this application's pods.`,
  )
}

function allowPolicy(a: Answers, recommendation: Recommendation, name: string, namespace: string, labels: Record<string, string>): Manifest {
  const protocol = need(a, 'protocol')
  const ports = [{protocol: PORT_PROTOCOL[protocol], port: need(a, 'targetPort')}]
  let rule: NetworkPolicyIngressRule
  let from: string
  let why: string
  switch (recommendation.type) {
    case 'Ingress':
    case 'Gateway API': {
      const implementation = entryOf(a)
      const what = recommendation.type === 'Ingress' ? 'ingress controller' : 'Gateway'
      if (implementation.managed) {
        const ranges = [...new Set([...need(a, 'proxyRanges'), ...(implementation.healthRanges ?? [])])]
        rule = {from: ranges.map((cidr) => ({ipBlock: {cidr}})), ports}
        from = `the ${what}'s proxies (${ranges.join(', ')})`
        why = `${sentence(implementation.product)} has no pods in the cluster: its proxies${implementation.healthRanges ? ' and health checkers' : ''} connect to the pods from ${implementation.ranges ? 'the provider\'s documented ranges' : implementation.rangesAre}${implementation.healthRanges ? `, and ${implementation.healthRanges.join(', ')} (the health checks)` : ''}. A namespace selector would block them.`
      } else {
        const controller = need(a, 'controllerNamespace')
        rule = {from: [{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': controller}}}], ports}
        from = `the ${what}'s namespace ${controller}`
        why = `Only the ${implementation.product} proxies call the application, from namespace ${controller}: the namespace label is set by Kubernetes itself.`
      }

      break
    }

    case 'ClusterIP': {
      const peers = need(a, 'callers').map((item) => callerPeer(item, namespace))
      rule = {from: peers, ports}
      from = need(a, 'callers')
        .map((item) => {
          const caller = readCaller(item)!
          const where = caller.namespace ?? namespace
          return caller.labels ? `pods of ${where} labelled ${caller.labels.key}=${caller.labels.value}` : `every pod of namespace ${where}`
        })
        .join(', ')
      why = `The callers, as answered (${asFlag('callers', a)}): a namespace admits all its pods, key=value the pods of ${namespace} with that label, NAMESPACE:key=value the pods with that label there.`
      break
    }

    case 'NodePort': {
      rule = {ports}
      from = 'any address'
      why = 'Through a node port, with externalTrafficPolicy: Cluster, traffic arrives from node addresses: any source, this port only.'
      break
    }

    default: {
      const ranges = need(a, 'sourceRanges')
      const open = ranges.some((range) => range === '0.0.0.0/0' || range === '::/0')
      rule = open ? {ports} : {from: ranges.map((cidr) => ({ipBlock: {cidr}})), ports}
      from = open ? 'any address' : ranges.join(', ')
      why = open
        ? 'Open to every client, as answered: with externalTrafficPolicy: Local the pods see the clients\' addresses, and any of them may connect on this port.'
        : 'With externalTrafficPolicy: Local the pods see the clients\' own addresses: the same ranges as loadBalancerSourceRanges.'
    }
  }

  const object: NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {name: `${name}-allow`, namespace},
    spec: {podSelector: {matchLabels: labels}, policyTypes: ['Ingress'], ingress: [rule]},
  }
  const m = manifest(object, `Allows ${from} to reach ${name} on port ${ports[0]!.port}/${ports[0]!.protocol}; nothing else reaches its pods.`)
  m.notes.push({path: ['spec', 'ingress', 0], text: why})
  // With the Deployment in the same file, k8s-net lint sees one workload of the namespace: callers chosen by label run elsewhere.
  const labelled = (a.callers ?? []).map(readCaller).filter((c) => c?.labels && (c.namespace ?? namespace) === namespace)
  if (recommendation.type === 'ClusterIP' && a.withDeployment && labelled.length > 0) {
    suppress(
      m,
      'networkpolicy-selects-nothing',
      `callers by label that run in other workloads of ${namespace}, as answered (${asFlag('callers', a)})`,
      `this file holds only ${name}'s Deployment, so no pod template here carries the callers' labels; lint it together with their manifests (or with --context) to check that they do.`,
    )
  }

  m.notes.push({path: ['spec', 'ingress', 0, 'ports', 0, 'port'], text: 'The container port (the Service\'s targetPort), not the Service port.'})
  return m
}

/** A caller of an internal service as a NetworkPolicy peer. */
function callerPeer(item: string, namespace: string): NetworkPolicyPeer {
  const caller = readCaller(item)
  if (!caller) throw new Error(`generate() needs checked callers: ${item}`)
  const pods = caller.labels ? {matchLabels: {[caller.labels.key]: caller.labels.value}} : {}
  if (caller.namespace === undefined || caller.namespace === namespace) return {podSelector: pods}
  const peer: NetworkPolicyPeer = {namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': caller.namespace}}}
  if (caller.labels) peer.podSelector = pods
  return peer
}
