/**
 * The wizard's questions as data: what each answer means, when it matters,
 * how it is checked, and its default. Flags, the answers file and the prompts
 * all go through this one table, so a question has one spelling, one check and
 * one rule for when it is asked.
 */
import {type AnswerKey, type Answers, ENVIRONMENTS, EXPOSURES, isDevelopment, isExternal, isHttp, LOCAL_CLUSTERS, possibleRoutes, PROTOCOLS, PROVIDERS, type Route, type Stage} from './answers.js'
import {addressRange, boolean, cidr, dns1123Label, dns1123Subdomain, externalName, host, image, integer, list, oneOf, type Parsed, path, port, serviceName, show, text} from './validators.js'

export interface Question<K extends AnswerKey = AnswerKey> {
  key: K
  /** The command-line flag, and the key in an answers file. */
  flag: string
  stage: Stage
  /** What the flag takes, for messages: `http|https|grpc|tcp|udp`. */
  hint: string
  /** Whether the question applies given the answers so far; undefined while that depends on a missing answer. */
  applies(a: Answers): boolean | undefined
  /** The answer when none is given (undefined while it depends on a missing answer); a question without one must be answered. */
  default?(a: Answers): Answers[K]
  /** An answer the wizard can do without (it only changes comments). */
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

/** A Deployment skeleton is written only when asked for (--with-deployment), and never for an ExternalName. */
const deploymentWanted = (a: Answers): boolean | undefined => and(known(a.exposure, (e) => e !== 'external-backend'), a.withDeployment === true)

const q = <K extends AnswerKey>(question: Question<K>): Question<K> => question

/** The questions, in the order they are asked: each one's `applies` depends only on earlier answers. */
export const QUESTIONS: readonly Question[] = [
  q({
    key: 'exposure',
    flag: 'exposure',
    stage: 'decision',
    hint: EXPOSURES.join('|'),
    applies: () => true,
    parse: oneOf(EXPOSURES),
  }),
  q({
    key: 'protocol',
    flag: 'protocol',
    stage: 'decision',
    hint: PROTOCOLS.join('|'),
    applies: (a) => known(a.exposure, (e) => e !== 'external-backend'),
    parse: oneOf(PROTOCOLS),
  }),
  q({
    key: 'services',
    flag: 'services',
    stage: 'decision',
    hint: 'N',
    applies: (a) => and(known(a.exposure, (e) => e === 'external'), known(a.protocol, isHttp)),
    parse: integer(1, 10_000),
  }),
  q({
    key: 'environment',
    flag: 'environment',
    stage: 'decision',
    hint: ENVIRONMENTS.join('|'),
    applies: (a) => known(a.exposure, (e) => e === 'external'),
    parse: oneOf(ENVIRONMENTS),
  }),
  q({
    key: 'production',
    flag: 'production',
    stage: 'decision',
    hint: '--production or --no-production',
    applies: (a) => and(known(a.exposure, (e) => e === 'external'), known(a.environment, (e) => e !== 'local')),
    parse: boolean,
  }),
  q({
    key: 'ownIp',
    flag: 'own-ip',
    stage: 'decision',
    hint: '--own-ip or --no-own-ip',
    applies: (a) =>
      and(
        known(a.exposure, (e) => e === 'external'),
        known(a.protocol, isHttp),
        known(a.services, (n) => n === 1),
        known(isDevelopment(a), (development) => !development),
      ),
    parse: boolean,
  }),
  q({
    key: 'provider',
    flag: 'provider',
    stage: 'decision',
    hint: PROVIDERS.join('|'),
    applies: (a) => and(known(a.environment, (e) => e === 'cloud'), whenRoute('LoadBalancer')(a)),
    parse: oneOf(PROVIDERS),
  }),
  q({
    key: 'localCluster',
    flag: 'local-cluster',
    stage: 'decision',
    hint: LOCAL_CLUSTERS.join('|'),
    optional: true,
    applies: (a) => and(known(a.exposure, (e) => e === 'external'), known(a.environment, (e) => e === 'local')),
    parse: oneOf(LOCAL_CLUSTERS),
  }),
  q({
    key: 'gatewayApi',
    flag: 'gateway-api',
    stage: 'decision',
    hint: '--gateway-api',
    applies: whenRoute('SharedHTTP'),
    default: () => false,
    parse: boolean,
  }),
  q({
    key: 'tls',
    flag: 'tls',
    stage: 'decision',
    hint: '--tls or --no-tls',
    applies: whenRoute('SharedHTTP'),
    default: () => true,
    parse: boolean,
  }),
  q({
    key: 'hosts',
    flag: 'hosts',
    stage: 'manifest',
    hint: 'a.example.com,b.example.com',
    applies: whenRoute('SharedHTTP'),
    parse: list(host, 'host names'),
  }),
  q({
    key: 'paths',
    flag: 'paths',
    stage: 'manifest',
    hint: '/api,/web',
    applies: whenRoute('SharedHTTP'),
    default: () => ['/'],
    parse: list(path, 'paths'),
  }),
  q({
    key: 'ingressClass',
    flag: 'ingress-class',
    stage: 'manifest',
    hint: 'NAME',
    applies: (a) => and(whenRoute('SharedHTTP')(a), a.gatewayApi !== true),
    // k3d (k3s) ships Traefik in kube-system; elsewhere ingress-nginx is the common controller.
    default: (a) => (a.localCluster === 'k3d' ? 'traefik' : 'nginx'),
    parse: text((v) => (dns1123Subdomain(v) ? undefined : `not a class name (lowercase DNS name): ${show(v)}`)),
  }),
  q({
    key: 'gatewayClass',
    flag: 'gateway-class',
    stage: 'manifest',
    hint: 'NAME',
    applies: (a) => and(whenRoute('SharedHTTP')(a), a.gatewayApi === true),
    default: () => 'eg',
    parse: text((v) => (dns1123Subdomain(v) ? undefined : `not a class name (lowercase DNS name): ${show(v)}`)),
  }),
  q({
    key: 'controllerNamespace',
    flag: 'controller-namespace',
    stage: 'manifest',
    hint: 'NAMESPACE',
    applies: whenRoute('SharedHTTP'),
    default: (a) => (a.gatewayApi ? 'envoy-gateway-system' : a.localCluster === 'k3d' ? 'kube-system' : 'ingress-nginx'),
    parse: text(dns1123Label('a namespace')),
  }),
  q({
    key: 'sourceRanges',
    flag: 'source-ranges',
    stage: 'manifest',
    hint: 'CIDR,CIDR (0.0.0.0/0 for everyone)',
    applies: whenRoute('LoadBalancer'),
    parse: list(cidr, 'CIDRs'),
  }),
  q({
    key: 'addressPool',
    flag: 'address-pool',
    stage: 'manifest',
    hint: 'FROM-TO,CIDR (such as 192.168.1.240-192.168.1.250)',
    applies: (a) => and(known(a.environment, (e) => e === 'bare-metal'), whenRoute('LoadBalancer', 'SharedHTTP')(a)),
    parse: list(addressRange, 'address ranges or CIDRs'),
  }),
  q({
    key: 'name',
    flag: 'name',
    stage: 'manifest',
    hint: 'NAME',
    applies: () => true,
    parse: text(serviceName),
  }),
  q({
    key: 'namespace',
    flag: 'namespace',
    stage: 'manifest',
    hint: 'NAMESPACE',
    applies: () => true,
    default: () => 'default',
    parse: text(dns1123Label('a namespace')),
  }),
  q({
    key: 'externalName',
    flag: 'external-name',
    stage: 'manifest',
    hint: 'db.example.com',
    applies: whenRoute('ExternalName'),
    parse: text(externalName),
  }),
  q({
    key: 'port',
    flag: 'port',
    stage: 'manifest',
    hint: 'PORT',
    applies: (a) => known(a.exposure, (e) => e !== 'external-backend'),
    parse: port,
  }),
  q({
    key: 'targetPort',
    flag: 'target-port',
    stage: 'manifest',
    hint: 'PORT',
    applies: (a) => known(a.exposure, (e) => e !== 'external-backend'),
    default: (a) => a.port,
    parse: port,
  }),
  q({
    key: 'withDeployment',
    flag: 'with-deployment',
    stage: 'manifest',
    hint: '--with-deployment',
    applies: (a) => known(a.exposure, (e) => e !== 'external-backend'),
    default: () => false,
    parse: boolean,
  }),
  q({
    key: 'image',
    flag: 'image',
    stage: 'manifest',
    hint: 'IMAGE',
    applies: (a) => deploymentWanted(a),
    parse: text(image),
  }),
  q({
    key: 'replicas',
    flag: 'replicas',
    stage: 'manifest',
    hint: 'N',
    applies: (a) => deploymentWanted(a),
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
    applies: (a) => and(deploymentWanted(a), known(a.protocol, (p) => p === 'udp')),
    // The kubelet probes over TCP: a UDP service serves its health endpoint on a TCP port of its own.
    default: (a) => (a.targetPort === 8081 ? 8082 : 8081),
    parse: port,
    check: (health, a) => (health === a.targetPort ? `the health port must differ from the UDP target port ${a.targetPort}` : undefined),
  }),
]

export const QUESTION: {readonly [K in AnswerKey]: Question<K>} = Object.fromEntries(QUESTIONS.map((question) => [question.key, question])) as never

const isYesNo = (question: Question): boolean => question.parse === (boolean as Question['parse'])

/** How to give a question's answer on the command line: `--port PORT`, `--production or --no-production`. */
export function flagUsage(question: Question): string {
  return isYesNo(question) ? `--${question.flag} or --no-${question.flag}` : `--${question.flag} ${question.hint}`
}
