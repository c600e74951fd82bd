/**
 * What the wizard knows: the answers, their values, and the decision they
 * lead to (`route()`, the seeds' decision table). The questions that gather
 * them are in questions.ts, how they are read in validators.ts and
 * answers-file.ts, how they are completed in complete.ts.
 */
export type Exposure = 'internal' | 'external' | 'external-backend'
export type Protocol = 'http' | 'https' | 'grpc' | 'tcp' | 'udp'
export type Environment = 'cloud' | 'bare-metal' | 'local'
export type Provider = 'aws' | 'gcp' | 'azure' | 'other'
export type LocalCluster = 'kind' | 'minikube' | 'k3d'
/** Who the clients outside the cluster are: the user alone (debugging), other developers or internal users on the private network, or the public. */
export type Clients = 'me' | 'team' | 'public'

export const EXPOSURES: readonly Exposure[] = ['internal', 'external', 'external-backend']
export const PROTOCOLS: readonly Protocol[] = ['http', 'https', 'grpc', 'tcp', 'udp']
export const ENVIRONMENTS: readonly Environment[] = ['cloud', 'bare-metal', 'local']
export const PROVIDERS: readonly Provider[] = ['aws', 'gcp', 'azure', 'other']
export const LOCAL_CLUSTERS: readonly LocalCluster[] = ['kind', 'minikube', 'k3d']
export const CLIENTS: readonly Clients[] = ['me', 'team', 'public']

/**
 * Everything the wizard may know. Which fields are set depends on the path
 * through the questions: `completeAnswers` guarantees that every question
 * that applies has its answer.
 */
export interface Answers {
  /** Who calls the service: workloads in the cluster, clients outside it, or nobody (a backend outside the cluster that workloads call). */
  exposure?: Exposure
  protocol?: Protocol
  /** Who the clients outside the cluster are. */
  clients?: Clients
  /** How many services share the entry point (1, or more). */
  services?: number
  environment?: Environment
  provider?: Provider
  localCluster?: LocalCluster
  production?: boolean
  /** One production HTTP service that needs an external IP of its own. */
  ownIp?: boolean
  gatewayApi?: boolean
  /** TLS terminated at the edge (Ingress or Gateway). */
  tls?: boolean
  hosts?: string[]
  paths?: string[]
  ingressClass?: string
  gatewayClass?: string
  /** Where the ingress controller's (or Gateway's) pods run: the NetworkPolicy admits traffic from there. */
  controllerNamespace?: string
  /** Addresses a cloud-managed load balancer's proxies send from (VPC, proxy-only or delegated subnet): the NetworkPolicy admits them. */
  proxyRanges?: string[]
  sourceRanges?: string[]
  /** MetalLB addresses: ranges (`a-b`) or CIDRs. */
  addressPool?: string[]
  name?: string
  namespace?: string
  /** The namespace is new, or holds only this application: a namespace-wide default deny cuts off nobody else. */
  ownNamespace?: boolean
  /** Write a default-deny ingress NetworkPolicy for the whole namespace. */
  defaultDeny?: boolean
  /** Who calls an internal service: namespaces, pod labels in its namespace (`key=value`), or both (`namespace:key=value`). */
  callers?: string[]
  /** Gateway API: attach the route to a Gateway that exists already (one the platform team shares), rather than create one. */
  existingGateway?: boolean
  /** Gateway API: the shared Gateway, as NAMESPACE/NAME. */
  gateway?: string
  /** NodePort on kind: the node port, fixed so that the cluster's extraPortMappings can name it. */
  nodePort?: number
  /** DNS name of the backend outside the cluster (ExternalName). */
  externalName?: string
  port?: number
  targetPort?: number
  withDeployment?: boolean
  image?: string
  replicas?: number
  /** TCP port on which a UDP service answers HTTP health checks (/readyz, /livez): the kubelet cannot probe UDP. */
  healthPort?: number
  /** Kubernetes version of the cluster (major.minor): which API fields the manifests may use. */
  kubeVersion?: string
}

export type AnswerKey = keyof Answers

/** Where the answers lead, before the Ingress/Gateway API choice. */
export type Route = 'ClusterIP' | 'PortForward' | 'NodePort' | 'LoadBalancer' | 'SharedHTTP' | 'ExternalName'

export const isHttp = (protocol: Protocol | undefined): boolean => protocol === 'http' || protocol === 'https'

/** Whether the environment is for development: a local cluster always is. Undefined while unknown. */
export function isDevelopment(a: Answers): boolean | undefined {
  if (a.environment === 'local' || a.clients === 'me') return true
  return a.production === undefined ? undefined : !a.production
}

/**
 * The decision the answers lead to, or undefined while an answer it depends on
 * is missing. This is the seeds' decision table; `recommend()` explains it.
 */
export function route(a: Answers): Route | undefined {
  if (a.exposure === undefined) return undefined
  if (a.exposure === 'internal') return 'ClusterIP'
  if (a.exposure === 'external-backend') return 'ExternalName'
  if (a.protocol === undefined) return undefined
  if (a.clients === undefined) return undefined
  // Access from one's own machine, for a while: a port-forward, or a node port for UDP, which kubectl port-forward cannot carry.
  if (a.clients === 'me') return a.protocol === 'udp' ? 'NodePort' : 'PortForward'
  const http = isHttp(a.protocol)
  if (http) {
    if (a.services === undefined) return undefined
    if (a.services > 1) return 'SharedHTTP'
  }

  if (a.environment === undefined) return undefined
  const development = isDevelopment(a)
  if (development === undefined) return undefined
  if (development) return 'NodePort'
  if (!http) return 'LoadBalancer'
  if (a.ownIp === undefined) return undefined
  return a.ownIp ? 'LoadBalancer' : 'SharedHTTP'
}

/** Whether the workload is reached from outside the cluster. */
export const isExternal = (a: Answers): boolean => a.exposure === 'external'

/** A question is part of the decision (needed for --explain) or only of the manifests. */
export type Stage = 'decision' | 'manifest'

/** The decision answers, and the values each may take: what `route()` depends on. */
const DECISION_VALUES: ReadonlyArray<[AnswerKey, readonly unknown[]]> = [
  ['exposure', EXPOSURES],
  ['protocol', PROTOCOLS],
  ['clients', CLIENTS],
  ['services', [1, 2]],
  ['environment', ENVIRONMENTS],
  ['production', [true, false]],
  ['ownIp', [true, false]],
]

/** The routes the answers may still lead to, trying every value of the missing decision answers. */
export function possibleRoutes(a: Answers): Set<Route> {
  const out = new Set<Route>()
  const decided = route(a)
  if (decided !== undefined) return out.add(decided)
  const next = DECISION_VALUES.find(([key]) => a[key] === undefined)
  if (!next) return out
  for (const value of next[1]) for (const r of possibleRoutes({...a, [next[0]]: value})) out.add(r)
  return out
}

/** A bad or incomplete set of answers: exit 2, with every problem named. */
export class AnswersError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems with the answers:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.name = 'AnswersError'
  }
}
