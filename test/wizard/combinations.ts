/**
 * Every combination of the answers that matter: a walk through the question
 * table that branches, at each question that applies, over the values that
 * change what the wizard writes. Answers left undefined take their defaults.
 */
import {type AnswerKey, type Answers} from '../../src/wizard/answers.js'
import {completeAnswers} from '../../src/wizard/complete.js'
import {QUESTION, QUESTIONS} from '../../src/wizard/questions.js'

/**
 * Ports as each protocol usually has them: the Service port, and the one the container listens on. TCP takes a
 * port of no datastore: a database on a public load balancer is what sensitive-port-exposed reports.
 */
const PORTS = {http: [80, 8080], https: [443, 8443], grpc: [50_051, 50_051], tcp: [7000, 7000], udp: [5353, 5353]} as const

const SAMPLES: {[K in AnswerKey]: ReadonlyArray<Answers[K]> | ((a: Answers) => ReadonlyArray<Answers[K]>)} = {
  exposure: ['internal', 'external', 'external-backend'],
  protocol: ['http', 'https', 'grpc', 'tcp', 'udp'],
  // Developers on the private network change the GatewayClass and the load balancer's scheme: sampled for HTTP, the public for the others.
  clients: (a) => (a.protocol === 'http' ? ['team', 'me'] : ['public', 'me']),
  services: [1, 3],
  environment: ['cloud', 'bare-metal', 'local'],
  production: [true, false],
  ownIp: [true, false],
  provider: ['aws', 'gcp', 'azure', 'other'],
  localCluster: ['kind', 'minikube', 'k3d'],
  gatewayApi: [false, true],
  tls: [true, false],
  hosts: [['shop.example.com', 'www.example.com']],
  paths: [['/api', '/web']],
  ingressClass: [undefined],
  gatewayClass: [undefined],
  controllerNamespace: [undefined],
  // The provider documents some proxy ranges (the default); the others are the user's network.
  proxyRanges: (a) => (QUESTION.proxyRanges.default?.(a) === null ? [['10.128.0.0/20']] : [undefined]),
  sourceRanges: [['203.0.113.0/24'], ['0.0.0.0/0']],
  addressPool: [['192.168.1.240-192.168.1.250']],
  name: ['web'],
  namespace: ['shop'],
  // One value per combination, so that both values appear without doubling the walk.
  ownNamespace: (a) => [a.protocol === 'https' || a.protocol === 'udp'],
  defaultDeny: (a) => (a.protocol === 'grpc' ? [true] : [undefined]),
  callers: (a) => (a.protocol === 'tcp' ? [['billing', 'app.kubernetes.io/name=checkout', 'ops:team=sre']] : [undefined]),
  existingGateway: (a) => (a.protocol === 'https' ? [false] : [undefined]),
  gateway: (a) => (a.protocol === 'http' ? [undefined] : ['shop/edge']),
  nodePort: [undefined],
  externalName: ['db.example.com'],
  port: (a) => [a.protocol ? PORTS[a.protocol][0] : 80],
  targetPort: (a) => [a.protocol ? PORTS[a.protocol][1] : 80],
  withDeployment: [false, true],
  image: ['ghcr.io/example/web:1.0.0'],
  replicas: [1, 3],
  healthPort: [undefined],
  kubeVersion: (a) => [a.replicas === 1 ? '1.29' : a.protocol === 'tcp' ? undefined : '1.31'],
}

function* walk(a: Answers, index: number): Generator<Answers> {
  const question = QUESTIONS[index]
  if (!question) {
    yield a
    return
  }

  if (question.applies(a) !== true) {
    yield* walk(a, index + 1)
    return
  }

  const samples = SAMPLES[question.key]
  for (const value of typeof samples === 'function' ? samples(a) : samples) {
    const next = value === undefined ? a : {...a, [question.key]: value}
    // Defaults apply as the walk goes, so that later questions see them.
    const filled = next[question.key] === undefined && question.default ? {...next, [question.key]: question.default(next) ?? undefined} : next
    const check = question.check as ((v: unknown, a: Answers) => string | undefined) | undefined
    if (filled[question.key] !== undefined && check?.(filled[question.key], filled)) continue // an answer the wizard refuses
    yield* walk(filled, index + 1)
  }
}

/** The complete answers of every combination that matters. */
export function answerCombinations(): Answers[] {
  return [...walk({}, 0)].map((a) => completeAnswers(a, 'manifest'))
}
