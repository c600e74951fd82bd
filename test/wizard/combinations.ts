/**
 * Every combination of the answers that matter: a walk through the question
 * table that branches, at each question that applies, over the values that
 * change what the wizard writes. Answers left undefined take their defaults.
 */
import {type AnswerKey, type Answers, completeAnswers, QUESTIONS} from '../../src/wizard/answers.js'

/**
 * Ports as each protocol usually has them: the Service port, and the one the container listens on. TCP takes a
 * port of no datastore: a database on a public load balancer is what sensitive-port-exposed reports.
 */
const PORTS = {http: [80, 8080], https: [443, 8443], grpc: [50_051, 50_051], tcp: [7000, 7000], udp: [5353, 5353]} as const

const SAMPLES: {[K in AnswerKey]: ReadonlyArray<Answers[K]> | ((a: Answers) => ReadonlyArray<Answers[K]>)} = {
  exposure: ['internal', 'external', 'external-backend'],
  protocol: ['http', 'https', 'grpc', 'tcp', 'udp'],
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
  sourceRanges: [['203.0.113.0/24'], ['0.0.0.0/0']],
  addressPool: [['192.168.1.240-192.168.1.250']],
  name: ['web'],
  namespace: ['shop'],
  externalName: ['db.example.com'],
  port: (a) => [a.protocol ? PORTS[a.protocol][0] : 80],
  targetPort: (a) => [a.protocol ? PORTS[a.protocol][1] : 80],
  withDeployment: [false, true],
  image: ['ghcr.io/example/web:1.0.0'],
  replicas: [1, 3],
  healthPort: [undefined],
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
    const filled = next[question.key] === undefined && question.default ? {...next, [question.key]: question.default(next)} : next
    const check = question.check as ((v: unknown, a: Answers) => string | undefined) | undefined
    if (filled[question.key] !== undefined && check?.(filled[question.key], filled)) continue // an answer the wizard refuses
    yield* walk(filled, index + 1)
  }
}

/** The complete answers of every combination that matters. */
export function answerCombinations(): Answers[] {
  return [...walk({}, 0)].map((a) => completeAnswers(a, 'manifest'))
}
