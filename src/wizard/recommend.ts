/**
 * The recommendation: which way to expose the service, why, and what else
 * would do. A pure function of the answers, following the seeds' decision
 * table (see `route()` in answers.ts). Every reason names the answer it
 * follows from.
 */
import {type AnswerKey, type Answers, isHttp, type Route, route} from './answers.js'
import {asAnswer, asFlag} from './questions.js'
import {wrap} from './text.js'

export type ExposureType = 'ClusterIP' | 'kubectl port-forward' | 'NodePort' | 'LoadBalancer' | 'Ingress' | 'Gateway API' | 'ExternalName'
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'

export interface Reason {
  /** The answer the reason follows from. */
  answer: AnswerKey
  /** That answer, as a flag: `--exposure internal`, `--no-production`. */
  value: string
  /** That answer as the prompt put it: `"Who calls the service?" Only workloads in the cluster`. */
  said: string
  text: string
}

export interface Alternative {
  type: string
  /** When it would be the better choice, or why it is not. */
  text: string
}

export interface Recommendation {
  type: ExposureType
  /** The type of the application's own Service; none for a port-forward, which needs no manifest. */
  serviceType: ServiceType | 'none'
  /** Bare metal: MetalLB hands out the LoadBalancer address (the Service's, or the controller's). */
  metallb: boolean
  reasons: Reason[]
  alternatives: Alternative[]
}

const PROTOCOL_NAMES = {http: 'HTTP', https: 'HTTPS', grpc: 'gRPC', tcp: 'TCP', udp: 'UDP'} as const

/** Collects the reasons and alternatives of one recommendation, each reason tied to the answer it follows from. */
class Why {
  readonly reasons: Reason[] = []
  readonly alternatives: Alternative[] = []
  constructor(readonly a: Answers) {}

  because(answer: AnswerKey, text: string): void {
    this.reasons.push({answer, value: asFlag(answer, this.a), said: asAnswer(answer, this.a), text})
  }

  alternative(type: string, text: string): void {
    this.alternatives.push({type, text})
  }

  outside(): void {
    this.because('exposure', 'Clients outside the cluster call it: a ClusterIP is reachable only from inside, so it needs a way in from outside.')
  }
}

type Decision = Omit<Recommendation, 'reasons' | 'alternatives'>

/** One row of the decision table: the reasons and alternatives for a route. */
const RECOMMENDERS: Record<Route, (why: Why, a: Answers) => Decision> = {
  ExternalName: externalName,
  ClusterIP: clusterIp,
  PortForward: portForward,
  NodePort: nodePort,
  LoadBalancer: loadBalancer,
  SharedHTTP: sharedHttp,
}

/** The recommendation for complete decision answers (see `completeAnswers(answers, 'decision')`). */
export function recommend(a: Answers): Recommendation {
  const decided = route(a)
  if (decided === undefined) throw new Error('recommend() needs the decision answers: complete them with completeAnswers() first')
  const why = new Why(a)
  const decision = RECOMMENDERS[decided](why, a)
  return {...decision, reasons: why.reasons, alternatives: why.alternatives}
}

function externalName(why: Why, a: Answers): Decision {
  why.because(
    'exposure',
    'The backend lives outside the cluster: an ExternalName Service makes a cluster DNS name (NAME.NAMESPACE.svc) an alias (CNAME) for its DNS name, so workloads call a name in the cluster and the backend can move without touching them. It proxies nothing, has no load balancing of its own and opens no port; TLS certificates and HTTP Host headers still see the external name.',
  )
  why.alternative('Service without selector + EndpointSlice', 'when the backend has IP addresses rather than a DNS name, or its port differs from the one workloads call.')
  why.alternative('calling the external name directly', 'when no workload should depend on a cluster name for it.')
  return {type: 'ExternalName', serviceType: 'ExternalName', metallb: false}
}

function clusterIp(why: Why, a: Answers): Decision {
  why.because(
    'exposure',
    'Only workloads in the cluster call it: a ClusterIP Service gives them one stable virtual IP and DNS name (NAME.NAMESPACE.svc) that spreads connections over the ready pods, and nothing outside the cluster reaches it: no node port opened, no load balancer to pay for.',
  )
  if (a.protocol === 'grpc') {
    why.because(
      'protocol',
      'gRPC keeps long-lived HTTP/2 connections and a Service balances connections, not requests: each client sticks to one pod. When that is not enough, balance per request in the client over a headless Service (clusterIP: None).',
    )
  } else if (a.protocol === 'udp') {
    why.because('protocol', 'UDP is forwarded at layer 4 like TCP: the Service port says protocol: UDP.')
  }

  why.alternative('headless Service (clusterIP: None)', 'when callers need each pod\'s own address: StatefulSet peers, client-side gRPC balancing.')
  why.alternative('NodePort, LoadBalancer or Ingress', 'once clients outside the cluster call it: run the wizard again with --exposure external.')
  return {type: 'ClusterIP', serviceType: 'ClusterIP', metallb: false}
}

function portForward(why: Why): Decision {
  why.because(
    'clients',
    'Only you need to reach it, from your own machine, for a while: kubectl port-forward tunnels a local port through the API server to one pod. Nothing opens on the nodes or the internet, there is no Service type to change and no manifest to apply, and the access ends when you stop the command. It needs only the right to create pods/portforward in the namespace.',
  )
  why.alternative('kubectl proxy', 'reaches HTTP services through the API server\'s service proxy (/api/v1/namespaces/NAMESPACE/services/NAME:PORT/proxy/), for a browser or curl.')
  why.alternative('NodePort', 'when other developers need to reach it too, or it speaks UDP, which kubectl port-forward cannot carry (--clients team).')
  return {type: 'kubectl port-forward', serviceType: 'none', metallb: false}
}

function nodePort(why: Why, a: Answers): Decision {
  why.outside()
  const development: AnswerKey = a.clients === 'me' ? 'clients' : a.environment === 'local' ? 'environment' : 'production'
  const lead = {clients: 'Only you reach it, for a while', environment: 'A local cluster is for development', production: 'It is for development'}[development as 'clients']
  why.because(
    development,
    `${lead}: a NodePort is the quickest way in. Every node opens one port from the node port range 30000-32767 and forwards it to the Service, so one node's IP and that port reach it, with nothing to provision.`,
  )
  if (a.localCluster) why.because('localCluster', LOCAL_ACCESS[a.localCluster])
  why.because(
    development,
    'Not for production: clients must know one node\'s IP and lose the service when that node goes; a NodePort has no load balancing of its own in front of the nodes and nothing health-checks them; ports are limited to 30000-32767, one Service per port in the whole cluster; and the port opens on every node.',
  )
  if (isHttp(a.protocol) && a.services === 1) {
    why.because('services', 'One HTTP service in development needs no ingress controller in front of it.')
  }

  if (a.clients === 'me') {
    why.because('protocol', 'kubectl port-forward carries TCP only: UDP from your machine needs the node port.')
  } else {
    why.alternative('kubectl port-forward', 'for access from your own machine only: nothing opens on the nodes (--clients me).')
  }

  why.alternative('LoadBalancer', 'for production: one stable IP in front of every node, with health checks (--production).')
  if (isHttp(a.protocol)) why.alternative('Ingress', 'when several HTTP services share one address, with host/path routing and TLS at the edge (--services N).')
  return {type: 'NodePort', serviceType: 'NodePort', metallb: false}
}

function loadBalancer(why: Why, a: Answers): Decision {
  const protocol = a.protocol ? PROTOCOL_NAMES[a.protocol] : ''
  why.outside()
  why.because(
    'production',
    'Production needs a stable external IP that does not depend on one node: a LoadBalancer Service gets one and spreads connections over healthy nodes. Each LoadBalancer Service is a load balancer of its own, and costs as one: one per service adds up.',
  )
  if (isHttp(a.protocol)) {
    why.because(
      'ownIp',
      'It needs an external IP of its own, so it gets a load balancer of its own instead of sharing an ingress controller\'s: the cost is one load balancer for this one HTTP service, and at layer 4 the load balancer passes bytes through, so TLS is the application\'s job, or the cloud load balancer\'s through its annotations.',
    )
    if (a.protocol === 'http') {
      why.because('protocol', 'HTTP without TLS at the edge: clients send cleartext to this address unless the application serves HTTPS (--protocol https) or the cloud load balancer terminates TLS.')
    } else {
      why.because('protocol', 'The application serves HTTPS itself: the layer 4 load balancer passes the encrypted connection through to the pods.')
    }
  } else if (a.protocol === 'grpc') {
    why.because(
      'protocol',
      'gRPC runs over HTTP/2 end to end: a layer 4 LoadBalancer passes it through untouched, where an Ingress needs controller-specific settings to speak HTTP/2 to the pods.',
    )
  } else {
    why.because(
      'protocol',
      `${protocol} carries no host name or path to route on: it is forwarded at layer 4, so it takes a load balancer of its own. An Ingress routes HTTP only (layer 7)${a.protocol === 'udp' ? ' and cannot carry UDP at all' : ''}.`,
    )
  }

  why.because(
    'production',
    'The Service says externalTrafficPolicy: Local: nodes without a ready pod get no traffic (they fail a cloud load balancer\'s health check; MetalLB announces the address only from nodes with one), so connections are not forwarded a second time between nodes and the pods see the clients\' own addresses. The NetworkPolicy can then admit exactly the client ranges the load balancer lets through.',
  )
  const metallb = a.environment === 'bare-metal'
  if (metallb) {
    why.because('environment', METALLB_REASON)
  } else if (a.provider) {
    why.because('provider', PROVIDER_REASONS[a.provider])
  }

  if (isHttp(a.protocol)) {
    why.alternative('Ingress', 'shares one load balancer among HTTP services, with TLS termination at the edge and host/path routing (--no-own-ip).')
  } else {
    why.alternative('Ingress', `not for ${protocol}: it routes HTTP only.`)
    why.alternative(
      a.protocol === 'grpc' ? 'Gateway API GRPCRoute' : `Gateway API ${a.protocol === 'udp' ? 'UDPRoute' : 'TCPRoute'}`,
      a.protocol === 'grpc'
        ? 'routes gRPC by service and method behind one shared Gateway, where your Gateway API implementation supports it.'
        : 'shares one Gateway among layer 4 services, one listener port each, where your Gateway API implementation supports it (it was long in the experimental channel).',
    )
  }

  why.alternative('NodePort', 'for development only (--no-production): one node\'s IP, no load balancing of its own.')
  return {type: 'LoadBalancer', serviceType: 'LoadBalancer', metallb}
}

function sharedHttp(why: Why, a: Answers): Decision {
  why.outside()
  const gateway = a.gatewayApi === true
  const front = gateway ? 'a Gateway' : 'an Ingress'
  if ((a.services ?? 1) > 1) {
    why.because(
      'services',
      `Several HTTP services share one entry point: ${front} routes by host and path at layer 7, so they share one ${gateway ? 'Gateway' : 'ingress controller'} behind one load balancer instead of paying for a load balancer each.`,
    )
  } else {
    why.because(
      'ownIp',
      `It needs no external IP of its own: behind ${gateway ? 'the Gateway' : 'the ingress controller'} it shares one load balancer with the other HTTP services, and gains host/path routing and TLS termination without a load balancer of its own.`,
    )
  }

  why.because(
    'gatewayApi',
    gateway
      ? 'The Gateway API, the successor of Ingress: the Gateway (listeners, certificates) belongs to the platform team and is shared, each application brings its own HTTPRoute (hosts, paths, backends), and routing is portable instead of controller annotations.'
      : 'An Ingress, as answered. ingress-nginx, the most common controller, was retired in March 2026 and gets no more fixes: the Ingress names a maintained controller\'s class (Traefik, F5 NGINX Ingress Controller, HAProxy, or your cloud\'s own).',
  )

  why.because(
    'tls',
    a.tls
      ? `TLS terminates at the edge: ${gateway ? 'the Gateway' : 'the controller'} holds the certificate (a Secret, which cert-manager can fill) and clients speak HTTPS; one place to renew it.`
      : 'No TLS at the edge, as answered: clients send cleartext HTTP, readable and changeable on the way.',
  )
  if (a.protocol === 'https') {
    why.because('protocol', `The application serves HTTPS itself: ${gateway ? 'the Gateway' : 'the controller'} terminates the client's TLS and opens a new TLS connection to the pods.`)
  }

  const metallb = a.environment === 'bare-metal'
  why.because(
    'environment',
    metallb
      ? `The ${gateway ? 'Gateway' : 'controller'} itself is exposed by one LoadBalancer Service: on bare metal MetalLB gives it an address from an IPAddressPool, announced by an L2Advertisement.`
      : a.environment === 'local'
        ? `On a local cluster the ${gateway ? 'Gateway' : 'controller'} is reached like any development service: ${a.localCluster ? LOCAL_INGRESS[a.localCluster] : 'through a node port or kubectl port-forward'}.`
        : a.provider && (gateway ? a.provider !== 'other' : a.provider === 'aws' || a.provider === 'azure')
          ? `In the cloud, the provider runs the ${gateway ? 'Gateway' : 'Ingress'} as a load balancer of its own, outside the cluster, shared by every route.`
          : `The ${gateway ? 'Gateway' : 'controller'} itself sits behind one cloud load balancer, shared by every route.`,
  )
  if (a.environment === 'cloud' && a.provider) why.because('provider', (gateway ? CLOUD_GATEWAYS : CLOUD_INGRESSES)[a.provider])
  if (metallb && gateway) {
    why.alternative('another Gateway API implementation', 'Cilium, Traefik or NGINX Gateway Fabric instead of Envoy Gateway, where your cluster runs one (--gateway-class).')
  }

  if (gateway) {
    why.alternative('Ingress', 'one object per application, served by a maintained ingress controller such as Traefik or F5 NGINX (--no-gateway-api).')
  } else {
    why.alternative('Gateway API', 'a Gateway and HTTPRoutes split the platform team\'s part from the application teams\' and route on headers and weights without controller annotations (--gateway-api).')
  }

  why.alternative('a LoadBalancer per service', 'one load balancer each, paid for each, and TLS becomes each application\'s job.')
  return {type: gateway ? 'Gateway API' : 'Ingress', serviceType: 'ClusterIP', metallb}
}

const METALLB_REASON =
  'Bare metal has no cloud to provision the address: MetalLB assigns one from an IPAddressPool and announces it with an L2Advertisement (one node answers ARP for it, another takes over when that node fails). BGP (a BGPAdvertisement) spreads traffic over several nodes where your routers speak BGP.'

const PROVIDER_REASONS = {
  aws: 'On AWS the Service asks for a Network Load Balancer (layer 4, TCP and UDP, one static IP per zone) instead of the Classic Load Balancer.',
  gcp: 'On GCP a LoadBalancer Service becomes a passthrough Network Load Balancer: layer 4, client addresses preserved.',
  azure: 'On Azure it becomes a rule on the cluster\'s Standard Load Balancer, with a public IP of its own.',
  other: 'Your cloud\'s controller provisions the load balancer: its annotations choose layer 4 options and internal or public addresses.',
} as const

/** Who runs the Gateway's proxies in each cloud: the provider's own load balancer, outside the cluster. */
const CLOUD_GATEWAYS = {
  gcp: 'On Google Cloud the GKE Gateway controller runs the proxies as a Google load balancer outside the cluster (GatewayClass gke-l7-global-external-managed for the public, gke-l7-rilb for clients on your network): nothing to install, and the pods receive traffic from Google\'s proxy and health-check ranges, which the NetworkPolicy admits.',
  aws: 'On AWS the AWS Load Balancer Controller turns the Gateway into an Application Load Balancer outside the cluster; it sends from addresses in your VPC, which the NetworkPolicy admits.',
  azure: 'On Azure, Application Gateway for Containers runs the proxies outside the cluster (GatewayClass azure-alb-external); they send from the subnet delegated to it, which the NetworkPolicy admits.',
  other: 'Your cloud offers no Gateway the wizard knows: Envoy Gateway runs the proxies in the cluster, behind one cloud LoadBalancer.',
} as const

const CLOUD_INGRESSES = {
  gcp: 'On Google Cloud a maintained controller in the cluster (Traefik by default) serves the Ingress behind one cloud LoadBalancer; GKE Ingress (class gce) is Google\'s own, outside the cluster.',
  aws: 'On AWS the AWS Load Balancer Controller turns the Ingress into an Application Load Balancer (IngressClass alb) that sends to the pods from addresses in your VPC, which the NetworkPolicy admits.',
  azure: 'On Azure, Application Gateway for Containers serves the Ingress from outside the cluster (IngressClass azure-alb-external); it sends from its delegated subnet, which the NetworkPolicy admits.',
  other: 'A maintained controller in the cluster (Traefik by default) serves the Ingress behind one cloud LoadBalancer.',
} as const

const LOCAL_ACCESS = {
  kind: 'kind runs its nodes in containers: the Service fixes its nodePort (--node-port), which the cluster\'s config maps to your machine with extraPortMappings; or use kubectl port-forward.',
  minikube: 'On minikube, `minikube service NAME -n NAMESPACE --url` prints an address that reaches the node port.',
  k3d: 'k3d runs its nodes in containers: publish the node port when creating the cluster (k3d cluster create -p "PORT:PORT@server:0"), or use kubectl port-forward.',
} as const

const LOCAL_INGRESS = {
  kind: 'install Envoy Gateway or Traefik and map ports 80 and 443 with extraPortMappings',
  minikube: 'install Envoy Gateway or Traefik with Helm and run minikube tunnel for its LoadBalancer address (the ingress addon installs the retired ingress-nginx)',
  k3d: 'k3d ships the Traefik controller behind its built-in load balancer',
} as const

/** How reasons name their answers: as flags (for answers given as flags), or as the prompts' questions and choices. */
export type Quote = 'flags' | 'answers'

/** A reason's answer, quoted as the user gave it. */
export const quoted = (reason: Reason, quote: Quote): string => (quote === 'answers' ? reason.said : reason.value)

/** The recommendation as text for a terminal: the type, why, and the alternatives. */
export function explainText(recommendation: Recommendation, quote: Quote = 'flags', width = 100): string {
  const lines = [`Recommendation: ${recommendation.type}${recommendation.metallb ? ' (with MetalLB)' : ''}`, '', 'Why:']
  for (const reason of recommendation.reasons) lines.push(...wrap(`  - ${quoted(reason, quote)}: ${reason.text}`, width))
  lines.push('', 'Alternatives:')
  for (const alternative of recommendation.alternatives) lines.push(...wrap(`  - ${alternative.type}: ${alternative.text}`, width))
  return `${lines.join('\n')}\n`
}
