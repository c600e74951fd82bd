/**
 * The interactive side of the wizard: asks, with @inquirer/prompts, the
 * questions that apply and are not answered yet (by flags or an answers
 * file), in the order of the question table, so that a question whose answer
 * no longer matters is never asked. Kept apart from the pure recommend() and
 * generate().
 */
import {confirm, input, select, Separator} from '@inquirer/prompts'
import {type AnswerKey, type Answers, type Environment, type LocalCluster, type Provider, type Stage} from './answers.js'
import {checkAnswer} from './complete.js'
import {QUESTION, QUESTIONS, type Question} from './questions.js'

/** Where the prompts read and write (a terminal; the tests' virtual screen). */
export interface PromptContext {
  input?: NodeJS.ReadableStream
  output?: NodeJS.WritableStream
}

type Ask = (a: Answers, context: PromptContext) => Promise<void>

/** A text question, checked as its flag would be. */
function text<K extends AnswerKey>(key: K, message: string, numeric = false): Ask {
  const question = QUESTION[key] as Question<K>
  const read = (value: string): ReturnType<Question<K>['parse']> => question.parse(numeric && /^\s*\d+\s*$/.test(value) ? Number(value) : value)
  return async (a, context) => {
    const fallback = question.default?.(a)
    const answer = await input(
      {
        message,
        default: fallback === undefined ? undefined : Array.isArray(fallback) ? fallback.join(',') : String(fallback),
        validate(value) {
          const parsed = read(value)
          if (!parsed.ok) return parsed.error
          return checkAnswer(question, parsed.value, a) ?? true
        },
      },
      context,
    )
    const parsed = read(answer)
    if (parsed.ok) a[key] = parsed.value as Answers[K]
  }
}

function yesNo(key: AnswerKey, message: string): Ask {
  return async (a, context) => {
    const fallback = QUESTION[key].default?.(a)
    ;(a as Record<string, unknown>)[key] = await confirm({message, default: typeof fallback === 'boolean' ? fallback : false}, context)
  }
}

function choose<K extends AnswerKey>(key: K, message: string, choices: Array<{value: NonNullable<Answers[K]>; name: string; description?: string}>): Ask {
  return async (a, context) => {
    a[key] = (await select({message, choices}, context)) as Answers[K]
  }
}

const PROVIDER_CHOICES: Array<{value: Provider; name: string}> = [
  {value: 'aws', name: 'AWS'},
  {value: 'gcp', name: 'Google Cloud'},
  {value: 'azure', name: 'Azure'},
  {value: 'other', name: 'Another cloud provider'},
]

const LOCAL_CHOICES: Array<{value: LocalCluster; name: string}> = [
  {value: 'kind', name: 'kind'},
  {value: 'minikube', name: 'minikube'},
  {value: 'k3d', name: 'k3d'},
]

/** Where the cluster runs: one list with the provider or the local cluster in it. */
const askWhere: Ask = async (a, context) => {
  if (a.provider !== undefined || a.localCluster !== undefined) {
    await choose('environment', 'Where does the cluster run?', [
      {value: 'cloud', name: 'A cloud provider'},
      {value: 'bare-metal', name: 'Bare metal or on-premises'},
      {value: 'local', name: 'A local development cluster'},
    ])(a, context)
    return
  }

  type Where = {environment: Environment; provider?: Provider; localCluster?: LocalCluster}
  const where = await select<Where>(
    {
      message: 'Where does the cluster run?',
      choices: [
        new Separator('A cloud provider'),
        ...PROVIDER_CHOICES.map((p) => ({value: {environment: 'cloud', provider: p.value} as Where, name: p.name})),
        new Separator('Your own machines'),
        {value: {environment: 'bare-metal'}, name: 'Bare metal or on-premises', description: 'LoadBalancer addresses come from MetalLB'},
        new Separator('A local development cluster'),
        ...LOCAL_CHOICES.map((l) => ({value: {environment: 'local', localCluster: l.value} as Where, name: l.name})),
      ],
      pageSize: 12,
    },
    context,
  )
  Object.assign(a, where)
}

const ASK: {[K in AnswerKey]: Ask} = {
  exposure: choose('exposure', 'Who calls the service?', [
    {value: 'internal', name: 'Only workloads in the cluster'},
    {value: 'external', name: 'Clients outside the cluster'},
    {value: 'external-backend', name: 'Workloads in the cluster call a service outside it', description: 'A managed database or an API elsewhere, reached by its DNS name'},
  ]),
  protocol: choose('protocol', 'Which protocol does it serve?', [
    {value: 'http', name: 'HTTP'},
    {value: 'https', name: 'HTTPS', description: 'The application terminates TLS itself'},
    {value: 'grpc', name: 'gRPC'},
    {value: 'tcp', name: 'TCP', description: 'Another protocol over TCP: a database, MQTT, SMTP...'},
    {value: 'udp', name: 'UDP'},
  ]),
  services: choose('services', 'How many HTTP services share this entry point?', [
    {value: 1, name: 'One: only this service'},
    {value: 2, name: 'Several: other HTTP services sit behind the same address'},
  ]),
  environment: askWhere,
  production: choose('production', 'Is it for production or for development?', [
    {value: true, name: 'Production'},
    {value: false, name: 'Development'},
  ]),
  ownIp: yesNo('ownIp', 'Does it need an external IP of its own, not shared with other services behind an ingress controller?'),
  provider: choose('provider', 'Which cloud provider?', PROVIDER_CHOICES),
  localCluster: choose('localCluster', 'Which local cluster?', LOCAL_CHOICES),
  gatewayApi: choose('gatewayApi', 'Route with an Ingress or with the Gateway API?', [
    {value: false, name: 'Ingress', description: 'networking.k8s.io/v1, served by every ingress controller'},
    {value: true, name: 'Gateway API', description: 'A Gateway and an HTTPRoute (gateway.networking.k8s.io/v1)'},
  ]),
  tls: yesNo('tls', 'Terminate TLS at the edge, so that clients use HTTPS?'),
  hosts: text('hosts', 'Host names clients use (comma-separated):'),
  paths: text('paths', 'Paths to route to it (comma-separated):'),
  ingressClass: text('ingressClass', 'IngressClass of your ingress controller:'),
  gatewayClass: text('gatewayClass', 'GatewayClass of your Gateway API implementation:'),
  controllerNamespace: async (a, context) => text('controllerNamespace', `Namespace the ${a.gatewayApi ? 'Gateway\'s' : 'ingress controller\'s'} pods run in:`)(a, context),
  sourceRanges: text('sourceRanges', 'Client addresses allowed to reach the load balancer (CIDRs, comma-separated; 0.0.0.0/0 for everyone):'),
  addressPool: text('addressPool', 'Addresses MetalLB may assign (ranges or CIDRs, comma-separated, such as 192.168.1.240-192.168.1.250):'),
  name: text('name', 'Application name:'),
  namespace: text('namespace', 'Namespace:'),
  externalName: text('externalName', 'DNS name of the service outside the cluster (such as db.example.com):'),
  port: text('port', 'Service port (the port callers connect to):', true),
  targetPort: text('targetPort', 'Container port (the port the application listens on):', true),
  withDeployment: yesNo('withDeployment', 'Generate a Deployment skeleton too (probes, replicas spread over nodes)?'),
  image: text('image', 'Container image:'),
  replicas: text('replicas', 'Replicas:', true),
  healthPort: text('healthPort', 'TCP port of its health endpoint (the kubelet cannot probe UDP):', true),
}

/**
 * Asks every question that applies and is unanswered, up to a stage, and
 * returns the answers given plus those. Questions with a default are asked
 * too, with the default ready to accept.
 */
export async function askAnswers(given: Answers, stage: Stage, context: PromptContext = {}): Promise<Answers> {
  const a: Answers = {...given}
  for (const question of QUESTIONS) {
    if (stage === 'decision' && question.stage !== 'decision') continue
    if (a[question.key] !== undefined || question.applies(a) !== true) continue
    await ASK[question.key](a, context)
  }

  return a
}
