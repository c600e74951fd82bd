/**
 * The wizard's questions as data: what each answer means, when it matters,
 * how it is checked, and its default. Flags, the answers file and the prompts
 * all go through this one table, so a question has one spelling, one check and
 * one rule for when it is asked.
 *
 * Never prompts, never exits: bad answers throw AnswersError, which the
 * command turns into exit 2.
 */
import {isIP} from 'node:net'
import {createRequire} from 'node:module'
import {decodeText, isUnreadable, readFileBounded, type Unreadable} from '../util/bytes.js'

export type Exposure = 'internal' | 'external' | 'external-backend'
export type Protocol = 'http' | 'https' | 'grpc' | 'tcp' | 'udp'
export type Environment = 'cloud' | 'bare-metal' | 'local'
export type Provider = 'aws' | 'gcp' | 'azure' | 'other'
export type LocalCluster = 'kind' | 'minikube' | 'k3d'

export const EXPOSURES: readonly Exposure[] = ['internal', 'external', 'external-backend']
export const PROTOCOLS: readonly Protocol[] = ['http', 'https', 'grpc', 'tcp', 'udp']
export const ENVIRONMENTS: readonly Environment[] = ['cloud', 'bare-metal', 'local']
export const PROVIDERS: readonly Provider[] = ['aws', 'gcp', 'azure', 'other']
export const LOCAL_CLUSTERS: readonly LocalCluster[] = ['kind', 'minikube', 'k3d']

/**
 * Everything the wizard may know. Which fields are set depends on the path
 * through the questions: `completeAnswers` guarantees that every question
 * that applies has its answer.
 */
export interface Answers {
  /** Who calls the service: workloads in the cluster, clients outside it, or nobody (a backend outside the cluster that workloads call). */
  exposure?: Exposure
  protocol?: Protocol
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
  sourceRanges?: string[]
  /** MetalLB addresses: ranges (`a-b`) or CIDRs. */
  addressPool?: string[]
  name?: string
  namespace?: string
  /** DNS name of the backend outside the cluster (ExternalName). */
  externalName?: string
  port?: number
  targetPort?: number
  withDeployment?: boolean
  image?: string
  replicas?: number
  /** TCP port of the health endpoint of a UDP service (the kubelet cannot probe UDP). */
  healthPort?: number
}

export type AnswerKey = keyof Answers

/** Where the answers lead, before the Ingress/Gateway API choice. */
export type Route = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'SharedHTTP' | 'ExternalName'

export const isHttp = (protocol: Protocol | undefined): boolean => protocol === 'http' || protocol === 'https'

/** Whether the environment is for development: a local cluster always is. Undefined while unknown. */
export function isDevelopment(a: Answers): boolean | undefined {
  if (a.environment === 'local') return true
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

type Parsed<T> = {ok: true; value: T} | {ok: false; error: string}

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

const ok = <T>(value: T): Parsed<T> => ({ok: true, value})
const fail = <T>(error: string): Parsed<T> => ({ok: false, error})
const show = (value: unknown): string => JSON.stringify(value) ?? String(value)

function oneOf<T extends string>(values: readonly T[]): (value: unknown) => Parsed<T> {
  return (value) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? ok(value as T)
      : fail(`expected one of ${values.join(', ')}, got ${show(value)}`)
}

function boolean(value: unknown): Parsed<boolean> {
  return typeof value === 'boolean' ? ok(value) : fail(`expected true or false, got ${show(value)}`)
}

function integer(min: number, max: number, what = 'a whole number'): (value: unknown) => Parsed<number> {
  return (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? ok(value)
      : fail(`expected ${what} from ${min} to ${max}, got ${show(value)}`)
}

const port = integer(1, 65_535, 'a port number')

/** A list given as a YAML sequence of strings, or as one comma-separated string (flags). */
function list(each: (item: string) => string | undefined, what: string): (value: unknown) => Parsed<string[]> {
  return (value) => {
    let items: unknown[]
    if (typeof value === 'string') items = value.split(',')
    else if (Array.isArray(value)) items = value
    else return fail(`expected ${what}, as a list or separated by commas, got ${show(value)}`)
    const out: string[] = []
    for (const item of items) {
      if (typeof item !== 'string') return fail(`expected ${what}, got ${show(item)}`)
      const trimmed = item.trim()
      if (trimmed === '') continue
      const error = each(trimmed)
      if (error) return fail(error)
      if (!out.includes(trimmed)) out.push(trimmed)
    }

    return out.length > 0 ? ok(out) : fail(`expected at least one: ${what}`)
  }
}

function text(each: (item: string) => string | undefined): (value: unknown) => Parsed<string> {
  return (value) => {
    if (typeof value !== 'string' || value.trim() === '') return fail(`expected a string, got ${show(value)}`)
    const error = each(value.trim())
    return error ? fail(error) : ok(value.trim())
  }
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const LABEL_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

function dns1123Label(what: string): (value: string) => string | undefined {
  return (value) =>
    value.length <= 63 && LABEL.test(value)
      ? undefined
      : `${what} must be lowercase letters, digits and '-', start and end with a letter or digit, at most 63 characters: ${show(value)}`
}

function dns1123Subdomain(value: string): boolean {
  return value.length <= 253 && value.split('.').every((part) => part.length <= 63 && LABEL.test(part))
}

function serviceName(value: string): string | undefined {
  // Service names are DNS-1035 labels: they become DNS names and environment variables.
  return value.length <= 63 && LABEL_1035.test(value)
    ? undefined
    : `the name becomes a Service name: lowercase letters, digits and '-', starting with a letter, at most 63 characters: ${show(value)}`
}

function host(value: string): string | undefined {
  const name = value.startsWith('*.') ? value.slice(2) : value
  if (isIP(name) !== 0) return `hosts are DNS names, not IP addresses: ${show(value)}`
  return dns1123Subdomain(name) && name.includes('.')
    ? undefined
    : `not a host name (lowercase DNS name such as shop.example.com, or *.example.com): ${show(value)}`
}

function path(value: string): string | undefined {
  return /^\/[^\s?#]*$/.test(value) ? undefined : `a path starts with / and holds no spaces, ? or #: ${show(value)}`
}

function cidr(value: string): string | undefined {
  const [address, bits, ...rest] = value.split('/')
  const family = isIP(address ?? '')
  const max = family === 4 ? 32 : 128
  if (family === 0 || rest.length > 0 || bits === undefined || !/^\d{1,3}$/.test(bits) || Number(bits) > max) {
    return `not a CIDR (such as 203.0.113.0/24, or 0.0.0.0/0 for every address): ${show(value)}`
  }

  return undefined
}

function addressRange(value: string): string | undefined {
  if (value.includes('/')) return cidr(value)
  const [from, to, ...rest] = value.split('-')
  const family = isIP(from?.trim() ?? '')
  if (family === 0 || rest.length > 0 || to === undefined || isIP(to.trim()) !== family) {
    return `not an address range (192.168.1.240-192.168.1.250) or CIDR (192.168.1.240/28): ${show(value)}`
  }

  return undefined
}

function image(value: string): string | undefined {
  return /^[^\s]+$/.test(value) ? undefined : `an image reference holds no spaces: ${show(value)}`
}

function externalName(value: string): string | undefined {
  if (isIP(value) !== 0) {
    return `an ExternalName points at a DNS name, not an IP address (${value}): for an address, use a Service without selector and an EndpointSlice`
  }

  return dns1123Subdomain(value) && value.includes('.') ? undefined : `not a DNS name (such as db.example.com): ${show(value)}`
}

/** The decision answers, and the values each may take: what `route()` depends on. */
const DECISION_VALUES: ReadonlyArray<[AnswerKey, readonly unknown[]]> = [
  ['exposure', EXPOSURES],
  ['protocol', PROTOCOLS],
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

/** A bad or incomplete set of answers: exit 2, with every problem named. */
export class AnswersError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems with the answers:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.name = 'AnswersError'
  }
}

/** One raw answer and where it came from, for messages. */
export interface RawAnswer {
  value: unknown
  /** `--port`, or `answers.yaml:4: port`. */
  source: string
}

/** Raw answers by flag name (the answers file's keys). */
export type RawAnswers = Map<string, RawAnswer>

const BY_FLAG = new Map(QUESTIONS.map((question) => [question.flag, question]))

/**
 * Reads an answers file: a YAML mapping with the flags' names as keys
 * (`target-port: 8080`). Throws AnswersError naming the file, line and key.
 */
export async function readAnswersFile(file: string): Promise<RawAnswers> {
  // Bounded and type-checked: an answers file is small, and /dev/zero must not fill memory.
  const limit = {bytes: 1024 * 1024, name: 'the most an answers file may hold'}
  let content: string | Unreadable
  try {
    const bytes = readFileBounded(file, limit, 'answers file')
    content = isUnreadable(bytes) ? bytes : decodeText(bytes, limit, 'answers file')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AnswersError([code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it: ${(error as Error).message}`])
  }

  if (isUnreadable(content)) throw new AnswersError([`${file}: ${content.problem}`])
  return parseAnswersText(content, file)
}

// `yaml` is loaded when an answers file is read: the command's flags need this module, every command list loads them.
const requireModule = createRequire(import.meta.url)

/** Reads the text of an answers file (see readAnswersFile). */
export function parseAnswersText(content: string, file: string): RawAnswers {
  const {LineCounter, parseDocument, isMap, isScalar} = requireModule('yaml') as typeof import('yaml')
  const lines = new LineCounter()
  const document = parseDocument(content, {lineCounter: lines, uniqueKeys: true, prettyErrors: false})
  if (document.errors.length > 0) {
    const error = document.errors[0]!
    const at = lines.linePos(error.pos[0])
    throw new AnswersError([`${file}:${at.line}:${at.col}: not valid YAML: ${error.message.split('\n')[0]}`])
  }

  const out: RawAnswers = new Map()
  if (document.contents === null) return out
  if (!isMap(document.contents)) throw new AnswersError([`${file}: expected a mapping of answers (name: web, port: 80, ...)`])
  const values = document.toJS({maxAliasCount: 100}) as Record<string, unknown>
  const problems: string[] = []
  for (const pair of document.contents.items) {
    const keyNode = pair.key
    const key = isScalar(keyNode) ? keyNode.value : undefined
    const line = isScalar(keyNode) && keyNode.range ? lines.linePos(keyNode.range[0]).line : undefined
    const where = `${file}${line ? `:${line}` : ''}`
    if (typeof key !== 'string' || !BY_FLAG.has(key)) {
      problems.push(`${where}: unknown key ${show(key ?? String(keyNode))}; the keys are the flags' names: ${[...BY_FLAG.keys()].join(', ')}`)
      continue
    }

    out.set(key, {value: values[key], source: `${where}: ${key}`})
  }

  if (problems.length > 0) throw new AnswersError(problems)
  return out
}

/** Checks each given answer on its own; throws AnswersError listing every bad one. */
export function parseAnswers(raw: RawAnswers): Answers {
  const answers: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [flag, {value, source}] of raw) {
    const question = BY_FLAG.get(flag)
    if (!question) {
      problems.push(`${source}: not a question of the wizard`)
      continue
    }

    const parsed = question.parse(value)
    if (parsed.ok) answers[question.key] = parsed.value
    else problems.push(`${source}: ${parsed.error}`)
  }

  if (problems.length > 0) throw new AnswersError(problems)
  return answers as Answers
}

const questionsFor = (stage: Stage): Question[] => QUESTIONS.filter((question) => stage === 'manifest' || question.stage === 'decision')

/** The answers with the defaults of the questions that apply filled in, in question order. */
export function withDefaults(a: Answers, stage: Stage): Answers {
  const out: Record<string, unknown> = {...a}
  for (const question of questionsFor(stage)) {
    if (out[question.key] === undefined && question.default && question.applies(out as Answers) === true) {
      const value = question.default(out as Answers)
      if (value !== undefined) out[question.key] = value
    }
  }

  return out as Answers
}

/** Questions that apply to these answers, are unanswered and have no default: they must be asked. */
export function missingAnswers(a: Answers, stage: Stage): Question[] {
  const full = withDefaults(a, stage)
  return questionsFor(stage).filter(
    (question) => question.applies(full) === true && full[question.key] === undefined && !question.default && !question.optional,
  )
}

/** Questions whose relevance still depends on a missing answer: more may be asked once those are given. */
export function undecidedQuestions(a: Answers, stage: Stage): Question[] {
  const full = withDefaults(a, stage)
  return questionsFor(stage).filter(
    (question) => question.applies(full) === undefined && full[question.key] === undefined && !question.default && !question.optional,
  )
}

/** Checks one answer against the others; an error message or undefined. */
export function checkAnswer<K extends AnswerKey>(question: Question<K>, value: NonNullable<Answers[K]>, a: Answers): string | undefined {
  return question.check?.(value, a)
}

/**
 * The answers with defaults filled in and every question that applies
 * answered, checked against each other. Answers that do not apply are dropped
 * (`ignoredAnswers` tells which). Throws AnswersError.
 */
export function completeAnswers(a: Answers, stage: Stage): Answers {
  const missing = missingAnswers(a, stage)
  if (missing.length > 0) throw new AnswersError([missingMessage(missing, [])])
  const full = withDefaults(a, stage)
  const out: Record<string, unknown> = {}
  const problems: string[] = []
  for (const question of questionsFor(stage)) {
    const value = full[question.key]
    if (value === undefined || question.applies(full) !== true) continue
    out[question.key] = value
    const error = checkAnswer(question as Question<AnswerKey>, value as never, full)
    if (error) problems.push(`--${question.flag}: ${error}`)
  }

  if (problems.length > 0) throw new AnswersError(problems)
  return out as Answers
}

/** Answers given that play no part on the path the others lead to, up to a stage. */
export function ignoredAnswers(given: Answers, complete: Answers, stage: Stage): Question[] {
  return questionsFor(stage).filter((question) => given[question.key] !== undefined && complete[question.key] === undefined)
}

/** The message for answers that are missing where the wizard cannot ask: one flag per line. */
export function missingMessage(missing: readonly Question[], undecided: readonly Question[]): string {
  const lines = ['missing answers:', ...missing.map((question) => `  ${flagUsage(question)}`)]
  if (undecided.length > 0) lines.push(`Depending on those, the wizard may also need: ${undecided.map((question) => `--${question.flag}`).join(', ')}`)
  return lines.join('\n')
}
