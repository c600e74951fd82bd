/**
 * The wizard's questions as data: what each answer means, when it matters,
 * how it is checked, its default, and how it is put to the user. Flags, the
 * answers file and the prompts all go through this one table, so a question
 * has one spelling, one check and one rule for when it is asked.
 */
import {
  type AnswerKey,
  type Answers,
  CLIENTS,
  ENVIRONMENTS,
  EXPOSURES,
  isDevelopment,
  isExternal,
  isHttp,
  LOCAL_CLUSTERS,
  possibleRoutes,
  PROTOCOLS,
  PROVIDERS,
  type Route,
  type Stage,
} from './answers.js'
import {defaultGatewayClass, defaultIngressClass, implementationOf} from './providers.js'
import {
  addressRange,
  boolean,
  caller,
  cidr,
  dns1123Label,
  dns1123Subdomain,
  externalName,
  gatewayRef,
  host,
  image,
  integer,
  kubeVersion,
  list,
  oneOf,
  type Parsed,
  path,
  port,
  serviceName,
  show,
  text,
} from './validators.js'

/** One choice of a question that offers a list. */
export interface Choice<V> {
  value: V
  name: string
  description?: string
}

export interface Question<K extends AnswerKey = AnswerKey> {
  key: K
  /** The command-line flag, and the key in an answers file. */
  flag: string
  stage: Stage
  /** What the flag takes, for messages: `http|https|grpc|tcp|udp`. */
  hint: string
  /** The question as the prompt asks it (may name earlier answers). */
  prompt(a: Answers): string
  /** The choices a list question offers, in order; the prompt shows their names and descriptions. */
  choices?: ReadonlyArray<Choice<NonNullable<Answers[K]>>>
  /** Whether the question applies given the answers so far; undefined while that depends on a missing answer. */
  applies(a: Answers): boolean | undefined
  /** The answer when none is given: undefined while it depends on a missing answer, null where there is none (then, as without a default, it must be answered). */
  default?(a: Answers): Answers[K] | null
  /** An answer the wizard can do without (it only changes comments or falls back to what every version has). */
  optional?: boolean
  /** Reads a value from a flag or an answers file. */
  parse(value: unknown): Parsed<NonNullable<Answers[K]>>
  /** Checks an answer against the others; returns an error message or undefined. */
  check?(value: NonNullable<Answers[K]>, a: Answers): string | undefined
}

/** Applies when the answers lead to one of these routes; undefined while they may or may not. */
const whenRoute =
  (...routes: Route[]) =>
  (a: Answers): boolean | undefined => {
    const possible = [...possibleRoutes(a)]
    if (possible.every((r) => routes.includes(r))) return true
    return possible.some((r) => routes.includes(r)) ? undefined : false
  }

/** A test of an answer: undefined while the answer is unknown. */
const known = <T>(value: T | undefined, test: (value: T) => boolean): boolean | undefined => (value === undefined ? undefined : test(value))

/** Three-valued and: false when any condition is false, else undefined when any is unknown, else true. */
function and(...conditions: Array<boolean | undefined>): boolean | undefined {
  if (conditions.includes(false)) return false
  return conditions.includes(undefined) ? undefined : true
}

/** Manifests are written for every route but the port-forward (a command) and the ExternalName (a DNS alias, no pods). */
const podsExposed = whenRoute('ClusterIP', 'NodePort', 'LoadBalancer', 'SharedHTTP')

/** A Deployment skeleton is written only when asked for (--with-deployment), and only where manifests are written. */
const deploymentWanted = (a: Answers): boolean | undefined => and(podsExposed(a), a.withDeployment === true)

const shared = whenRoute('SharedHTTP')
const viaGateway = (a: Answers): boolean | undefined => and(shared(a), known(a.gatewayApi, (g) => g))
const viaIngress = (a: Answers): boolean | undefined => and(shared(a), known(a.gatewayApi, (g) => !g))

/** The implementation behind the entry point (undefined while its class is unknown). */
function entry(a: Answers): ReturnType<typeof implementationOf> | undefined {
  if (a.gatewayApi === true && a.gatewayClass) return implementationOf(a.gatewayClass, 'gateway', a)
  if (a.gatewayApi === false && a.ingressClass) return implementationOf(a.ingressClass, 'ingress', a)
  return undefined
}

/** An IngressClass or GatewayClass name. */
const className = text((v) => (dns1123Subdomain(v) ? undefined : `not a class name (lowercase DNS name): ${show(v)}`))

const q = <K extends AnswerKey>(question: Question<K>): Question<K> => question

/** The questions, in the order they are asked: each one's `applies` depends only on earlier answers. */
export const QUESTIONS: readonly Question[] = [
  q({
    key: 'exposure',
    flag: 'exposure',
    stage: 'decision',
    hint: EXPOSURES.join('|'),
    prompt: () => 'Who calls the service?',
    choices: [
      {value: 'internal', name: 'Only workloads in the cluster'},
      {value: 'external', name: 'Clients outside the cluster'},
      {value: 'external-backend', name: 'Workloads in the cluster call a service outside it', description: 'A managed database or an API elsewhere, reached by its DNS name'},
    ],
    applies: () => true,
    parse: oneOf(EXPOSURES),
  }),
  q({
    key: 'protocol',
    flag: 'protocol',
    stage: 'decision',
    hint: PROTOCOLS.join('|'),
    prompt: () => 'Which protocol does it serve?',
    choices: [
      {value: 'http', name: 'HTTP', description: 'Plain HTTP from the application (TLS, if any, is added in front of it)'},
      {value: 'https', name: 'HTTPS, terminated by the application itself', description: 'The application holds its own certificate and serves TLS'},
      {value: 'grpc', name: 'gRPC', description: 'HTTP/2 without TLS from the application (h2c)'},
      {value: 'tcp', name: 'TCP', description: 'Another protocol over TCP: a database, MQTT, SMTP...'},
      {value: 'udp', name: 'UDP', description: 'Datagrams: game servers, DNS, media, QUIC'},
    ],
    applies: (a) => known(a.exposure, (e) => e !== 'external-backend'),
    parse: oneOf(PROTOCOLS),
  }),
  q({
    key: 'clients',
    flag: 'clients',
    stage: 'decision',
    hint: CLIENTS.join('|'),
    prompt: () => 'Who are the clients?',
    choices: [
      {value: 'me', name: 'Only me, from my own machine, for a while', description: 'Debugging or a look at it: kubectl port-forward, nothing to expose'},
      {value: 'team', name: 'Other developers or internal users', description: 'On the company network or VPN: an internal address is enough'},
      {value: 'public', name: 'The public', description: 'Anyone on the internet'},
    ],
    applies: (a) => known(a.exposure, (e) => e === 'external'),
    default: () => 'public' as const,
    parse: oneOf(CLIENTS),
  }),
  q({
    key: 'services',
    flag: 'services',
    stage: 'decision',
    hint: 'N',
    prompt: () => 'How many HTTP services share this entry point?',
    choices: [
      {value: 1, name: 'One: only this service'},
      {value: 2, name: 'Several: other HTTP services sit behind the same address'},
    ],
    applies: (a) => and(known(a.exposure, (e) => e === 'external'), known(a.protocol, isHttp), whenRoute('NodePort', 'LoadBalancer', 'SharedHTTP')(a)),
    parse: integer(1, 10_000),
  }),
  q({
    key: 'environment',
    flag: 'environment',
    stage: 'decision',
    hint: ENVIRONMENTS.join('|'),
    prompt: () => 'Where does the cluster run?',
    choices: [
      {value: 'cloud', name: 'A cloud provider'},
      {value: 'bare-metal', name: 'Bare metal or on-premises', description: 'LoadBalancer addresses come from MetalLB'},
      {value: 'local', name: 'A local development cluster'},
    ],
    applies: (a) => and(known(a.exposure, (e) => e === 'external'), whenRoute('NodePort', 'LoadBalancer', 'SharedHTTP')(a)),
    parse: oneOf(ENVIRONMENTS),
  }),
  q({
    key: 'production',
    flag: 'production',
    stage: 'decision',
    hint: '--production or --no-production',
    prompt: () => 'Is it for production or for development?',
    choices: [
      {value: true, name: 'Production'},
      {value: false, name: 'Development'},
    ],
    applies: (a) => and(known(a.environment, (e) => e !== 'local'), known(a.clients, (c) => c !== 'me'), whenRoute('NodePort', 'LoadBalancer', 'SharedHTTP')(a)),
    parse: boolean,
  }),
  q({
    key: 'ownIp',
    flag: 'own-ip',
    stage: 'decision',
    hint: '--own-ip or --no-own-ip',
    prompt: () => 'Does it need an external IP of its own, not shared with other services behind an ingress controller or a Gateway?',
    applies: (a) =>
      and(
        known(a.exposure, (e) => e === 'external'),
        known(a.protocol, isHttp),
        known(a.services, (n) => n === 1),
        known(isDevelopment(a), (development) => !development),
        whenRoute('LoadBalancer', 'SharedHTTP')(a),
      ),
    parse: boolean,
  }),
  q({
    key: 'provider',
    flag: 'provider',
    stage: 'decision',
    hint: PROVIDERS.join('|'),
    prompt: () => 'Which cloud provider?',
    choices: [
      {value: 'aws', name: 'AWS'},
      {value: 'gcp', name: 'Google Cloud'},
      {value: 'azure', name: 'Azure'},
      {value: 'other', name: 'Another cloud provider'},
    ],
    applies: (a) => and(known(a.environment, (e) => e === 'cloud'), whenRoute('LoadBalancer', 'SharedHTTP')(a)),
    parse: oneOf(PROVIDERS),
  }),
  q({
    key: 'localCluster',
    flag: 'local-cluster',
    stage: 'decision',
    hint: LOCAL_CLUSTERS.join('|'),
    prompt: () => 'Which local cluster?',
    choices: [
      {value: 'kind', name: 'kind'},
      {value: 'minikube', name: 'minikube'},
      {value: 'k3d', name: 'k3d'},
    ],
    optional: true,
    applies: (a) => and(known(a.environment, (e) => e === 'local'), whenRoute('NodePort', 'SharedHTTP')(a)),
    parse: oneOf(LOCAL_CLUSTERS),
  }),
  q({
    key: 'gatewayApi',
    flag: 'gateway-api',
    stage: 'decision',
    hint: '--gateway-api or --no-gateway-api',
    prompt: () => 'Route with the Gateway API or with an Ingress?',
    choices: [
      {value: true, name: 'Gateway API (recommended)', description: 'A Gateway and an HTTPRoute (gateway.networking.k8s.io/v1): the successor of Ingress'},
      {value: false, name: 'Ingress', description: 'networking.k8s.io/v1, with a maintained controller (Traefik, F5 NGINX, HAProxy, or your cloud\'s)'},
    ],
    applies: shared,
    default: () => true,
    parse: boolean,
  }),
  q({
    key: 'tls',
    flag: 'tls',
    stage: 'decision',
    hint: '--tls or --no-tls',
    prompt: () => 'Terminate TLS at the edge, so that clients use HTTPS?',
    applies: shared,
    default: () => true,
    parse: boolean,
  }),
  q({
    key: 'hosts',
    flag: 'hosts',
    stage: 'manifest',
    hint: 'a.example.com,b.example.com',
    prompt: () => 'Host names clients use (comma-separated):',
    applies: shared,
    parse: list(host, 'host names'),
  }),
  q({
    key: 'paths',
    flag: 'paths',
    stage: 'manifest',
    hint: '/api,/web',
    prompt: () => 'Paths to route to it (comma-separated):',
    applies: shared,
    default: () => ['/'],
    parse: list(path, 'paths'),
  }),
  q({
    key: 'ingressClass',
    flag: 'ingress-class',
    stage: 'manifest',
    hint: 'NAME',
    prompt: () => 'IngressClass of your ingress controller:',
    applies: viaIngress,
    default: defaultIngressClass,
    parse: className,
  }),
  q({
    key: 'gatewayClass',
    flag: 'gateway-class',
    stage: 'manifest',
    hint: 'NAME',
    prompt: () => 'GatewayClass of your Gateway API implementation:',
    applies: viaGateway,
    default: defaultGatewayClass,
    parse: className,
  }),
  q({
    key: 'controllerNamespace',
    flag: 'controller-namespace',
    stage: 'manifest',
    hint: 'NAMESPACE',
    prompt: (a) => `Namespace the ${a.gatewayApi ? 'Gateway\'s proxy' : 'ingress controller\'s'} pods run in:`,
    applies: (a) => and(shared(a), known(entry(a), (e) => !e.managed)),
    default: (a) => {
      const implementation = entry(a)
      if (!implementation) return undefined
      return implementation.managed ? null : (implementation.namespace ?? null)
    },
    parse: text(dns1123Label('a namespace')),
  }),
  q({
    key: 'proxyRanges',
    flag: 'proxy-ranges',
    stage: 'manifest',
    hint: 'CIDR,CIDR',
    prompt: (a) => {
      const implementation = entry(a)
      return `Addresses the load balancer's proxies send from${implementation?.managed && implementation.rangesAre ? `: ${implementation.rangesAre}` : ''} (CIDRs, comma-separated):`
    },
    applies: (a) => and(shared(a), known(entry(a), (e) => e.managed)),
    default: (a) => {
      const implementation = entry(a)
      if (!implementation) return undefined
      return implementation.managed && implementation.ranges ? [...implementation.ranges] : null
    },
    parse: list(cidr, 'CIDRs'),
  }),
  q({
    key: 'sourceRanges',
    flag: 'source-ranges',
    stage: 'manifest',
    hint: 'CIDR,CIDR (0.0.0.0/0 for everyone)',
    prompt: () => 'Client addresses allowed to reach the load balancer (CIDRs, comma-separated; 0.0.0.0/0 for everyone):',
    applies: whenRoute('LoadBalancer'),
    parse: list(cidr, 'CIDRs'),
  }),
  q({
    key: 'addressPool',
    flag: 'address-pool',
    stage: 'manifest',
    hint: 'FROM-TO,CIDR (such as 192.168.1.240-192.168.1.250)',
    prompt: () => 'Addresses MetalLB may assign (ranges or CIDRs, comma-separated, such as 192.168.1.240-192.168.1.250):',
    applies: (a) => and(known(a.environment, (e) => e === 'bare-metal'), whenRoute('LoadBalancer', 'SharedHTTP')(a)),
    parse: list(addressRange, 'address ranges or CIDRs'),
  }),
  q({
    key: 'name',
    flag: 'name',
    stage: 'manifest',
    hint: 'NAME',
    prompt: () => 'Application name:',
    applies: () => true,
    parse: text(serviceName),
  }),
  q({
    key: 'namespace',
    flag: 'namespace',
    stage: 'manifest',
    hint: 'NAMESPACE',
    prompt: () => 'Namespace:',
    applies: () => true,
    default: () => 'default',
    parse: text(dns1123Label('a namespace')),
  }),
  q({
    key: 'ownNamespace',
    flag: 'own-namespace',
    stage: 'manifest',
    hint: '--own-namespace or --no-own-namespace',
    prompt: (a) => `Is namespace ${a.namespace} new, or does it hold only this application?`,
    applies: podsExposed,
    default: () => false,
    parse: boolean,
  }),
  q({
    key: 'defaultDeny',
    flag: 'default-deny',
    stage: 'manifest',
    hint: '--default-deny or --no-default-deny',
    prompt: (a) =>
      `Add a default-deny policy for the whole namespace ${a.namespace}? Every pod of ${a.namespace}, other applications' included, then accepts only the traffic a NetworkPolicy allows.`,
    applies: podsExposed,
    // Only where it cuts off nobody else: a new namespace, or one that holds only this application.
    default: (a) => a.ownNamespace === true,
    parse: boolean,
  }),
  q({
    key: 'callers',
    flag: 'callers',
    stage: 'manifest',
    hint: 'NAMESPACE,key=value,NAMESPACE:key=value',
    prompt: (a) =>
      `Who calls it? Namespaces (billing), pod labels in ${a.namespace} (app.kubernetes.io/name=checkout), or both (billing:app=invoicer), comma-separated:`,
    applies: whenRoute('ClusterIP'),
    default: (a) => (a.namespace === undefined ? undefined : [a.namespace]),
    parse: list(caller, 'callers'),
  }),
  q({
    key: 'existingGateway',
    flag: 'existing-gateway',
    stage: 'manifest',
    hint: '--existing-gateway or --no-existing-gateway',
    prompt: () => 'Does the Gateway these services share exist already (the platform team\'s)?',
    applies: viaGateway,
    // Several services sharing one entry point: it usually exists; the first one creates it.
    default: (a) => (a.services ?? 1) > 1,
    parse: boolean,
  }),
  q({
    key: 'gateway',
    flag: 'gateway',
    stage: 'manifest',
    hint: 'NAMESPACE/NAME',
    prompt: (a) => (a.existingGateway ? 'The shared Gateway, as NAMESPACE/NAME:' : 'The Gateway to create, as NAMESPACE/NAME (other services will attach to it):'),
    applies: viaGateway,
    default: () => 'gateway-infra/shared',
    parse: text(gatewayRef),
  }),
  q({
    key: 'nodePort',
    flag: 'node-port',
    stage: 'manifest',
    hint: 'PORT (30000-32767)',
    prompt: () => 'Node port (kind maps it to your machine with extraPortMappings):',
    applies: (a) => and(known(a.localCluster, (l) => l === 'kind'), whenRoute('NodePort')(a)),
    default: () => 30_080,
    parse: integer(30_000, 32_767, 'a node port'),
  }),
  q({
    key: 'externalName',
    flag: 'external-name',
    stage: 'manifest',
    hint: 'db.example.com',
    prompt: () => 'DNS name of the service outside the cluster (such as db.example.com):',
    applies: whenRoute('ExternalName'),
    parse: text(externalName),
  }),
  q({
    key: 'port',
    flag: 'port',
    stage: 'manifest',
    hint: 'PORT',
    prompt: (a) => (a.clients === 'me' ? 'Local port (the port on your machine):' : 'Service port (the port callers connect to):'),
    applies: (a) => known(a.exposure, (e) => e !== 'external-backend'),
    parse: port,
  }),
  q({
    key: 'targetPort',
    flag: 'target-port',
    stage: 'manifest',
    hint: 'PORT',
    prompt: () => 'Container port (the port the application listens on):',
    applies: (a) => known(a.exposure, (e) => e !== 'external-backend'),
    default: (a) => a.port,
    parse: port,
  }),
  q({
    key: 'withDeployment',
    flag: 'with-deployment',
    stage: 'manifest',
    hint: '--with-deployment',
    prompt: () => 'Generate a Deployment skeleton too (probes, replicas spread over nodes and zones)?',
    applies: podsExposed,
    default: () => false,
    parse: boolean,
  }),
  q({
    key: 'image',
    flag: 'image',
    stage: 'manifest',
    hint: 'IMAGE',
    prompt: () => 'Container image:',
    applies: deploymentWanted,
    parse: text(image),
  }),
  q({
    key: 'replicas',
    flag: 'replicas',
    stage: 'manifest',
    hint: 'N',
    prompt: () => 'Replicas:',
    applies: deploymentWanted,
    default: () => 2,
    parse: integer(1, 1000),
    check: (replicas, a) =>
      replicas === 1 && isExternal(a) && isDevelopment(a) === false
        ? 'one replica for a production service reached from outside the cluster: when its pod restarts or its node goes, the service is down. Use at least 2 (or answer --no-production for development)'
        : undefined,
  }),
  q({
    key: 'healthPort',
    flag: 'health-port',
    stage: 'manifest',
    hint: 'PORT',
    prompt: () => 'TCP port on which it answers HTTP health checks (GET /readyz and /livez; the kubelet cannot probe UDP):',
    applies: (a) => and(deploymentWanted(a), known(a.protocol, (p) => p === 'udp')),
    // The kubelet probes over TCP: a UDP service answers HTTP health checks on a TCP port of its own.
    default: (a) => (a.targetPort === 8081 ? 8082 : 8081),
    parse: port,
    check: (health, a) => (health === a.targetPort ? `the health port must differ from the UDP target port ${a.targetPort}` : undefined),
  }),
  q({
    key: 'kubeVersion',
    flag: 'kube-version',
    stage: 'manifest',
    hint: 'VERSION (such as 1.31)',
    prompt: () => 'Kubernetes version of the cluster (such as 1.31; empty if unknown):',
    applies: deploymentWanted,
    optional: true,
    parse: kubeVersion,
  }),
]

export const QUESTION: {readonly [K in AnswerKey]: Question<K>} = Object.fromEntries(QUESTIONS.map((question) => [question.key, question])) as never

/** A question answered yes or no (a flag and its --no- form). */
export const isYesNo = (question: Question): boolean => question.parse === (boolean as Question['parse'])

/** How to give a question's answer on the command line: `--port PORT`, `--production or --no-production`. */
export function flagUsage(question: Question): string {
  return isYesNo(question) ? `--${question.flag} or --no-${question.flag}` : `--${question.flag} ${question.hint}`
}

/** An answer as the flag that gives it: `--exposure internal`, `--no-production`. */
export function asFlag(key: AnswerKey, a: Answers): string {
  const flag = QUESTION[key].flag
  const value = a[key]
  if (typeof value === 'boolean') return value ? `--${flag}` : `--no-${flag}`
  if (Array.isArray(value)) return `--${flag} ${value.join(',')}`
  return `--${flag} ${String(value)}`
}

/** An answer as the user gave it at the prompt: the question, then the choice's name (or yes, no, the value). */
export function asAnswer(key: AnswerKey, a: Answers): string {
  const question = QUESTION[key] as Question
  const value = a[key]
  const choice = question.choices?.find((c) => c.value === value)
  const said = choice ? choice.name : typeof value === 'boolean' ? (value ? 'yes' : 'no') : Array.isArray(value) ? value.join(', ') : String(value)
  return `"${question.prompt(a).replace(/:$/, '')}" ${said}`
}
