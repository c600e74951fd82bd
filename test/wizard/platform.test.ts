/**
 * What a platform engineer needs to apply the wizard's manifests as they are:
 * each behaviour pinned on the objects written (see also the lint test of every
 * combination in generate.test.ts and the API server check in apiserver.test.ts).
 */
import {parseAllDocuments} from 'yaml'
import {describe, expect, it} from 'vitest'
import type {Answers} from '../../src/wizard/answers.js'
import {completeAnswers, missingAnswers} from '../../src/wizard/complete.js'
import {accessCommand, generate} from '../../src/wizard/generate.js'
import {QUESTION, QUESTIONS} from '../../src/wizard/questions.js'
import {explainText, recommend} from '../../src/wizard/recommend.js'
import {answerCombinations} from './combinations.js'

type Obj = Record<string, any>

function write(given: Answers): {text: string; objects: Obj[]; of: (kind: string) => Obj[]} {
  const answers = completeAnswers(given, 'manifest')
  const text = generate(answers, recommend(answers))
  const objects = parseAllDocuments(text).map((d) => d.toJS() as Obj).filter(Boolean)
  return {text, objects, of: (kind) => objects.filter((o) => o.kind === kind)}
}

const allowPolicy = (objects: Obj[]): Obj => objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name.endsWith('-allow'))!

/** Three HTTPS services of a shop behind one entry point, in production on a cloud. */
const SHOP: Answers = {
  exposure: 'external',
  protocol: 'https',
  services: 3,
  environment: 'cloud',
  production: true,
  hosts: ['shop.example.com'],
  paths: ['/cart'],
  name: 'cart',
  namespace: 'shop',
  port: 443,
  targetPort: 8443,
}

describe('cloud-managed gateways: the GatewayClass by provider, and a policy that admits its proxies', () => {
  it('GKE, for the public: gke-l7-global-external-managed, and Google\'s proxy and health-check ranges', () => {
    const {of, objects} = write({...SHOP, provider: 'gcp', existingGateway: false})
    expect(of('Gateway')[0]!.spec.gatewayClassName).toBe('gke-l7-global-external-managed')
    expect(allowPolicy(objects).spec.ingress[0].from).toEqual([{ipBlock: {cidr: '35.191.0.0/16'}}, {ipBlock: {cidr: '130.211.0.0/22'}}])
  })

  it('GKE, for clients on the private network: gke-l7-rilb, its proxy-only subnet asked for, and the health checkers admitted too', () => {
    const given: Answers = {...SHOP, clients: 'team', provider: 'gcp', existingGateway: false}
    expect(missingAnswers(given, 'manifest').map((q) => q.flag)).toEqual(['proxy-ranges'])
    expect(QUESTION.proxyRanges.prompt(completeAnswers({...given, proxyRanges: ['10.129.0.0/23']}, 'manifest'))).toMatch(/proxy-only subnet/)
    const {of, objects} = write({...given, proxyRanges: ['10.129.0.0/23']})
    expect(of('Gateway')[0]!.spec.gatewayClassName).toBe('gke-l7-rilb')
    expect(allowPolicy(objects).spec.ingress[0].from.map((p: Obj) => p.ipBlock.cidr)).toEqual(['10.129.0.0/23', '35.191.0.0/16', '130.211.0.0/22'])
  })

  it('AWS and Azure: their controllers\' classes, sending from the VPC or the delegated subnet', () => {
    const aws = write({...SHOP, provider: 'aws', existingGateway: false, proxyRanges: ['10.0.0.0/16']})
    expect(aws.of('Gateway')[0]!.spec.gatewayClassName).toBe('aws-alb-gateway-class')
    expect(aws.text).toMatch(/LoadBalancerConfiguration/)
    expect(allowPolicy(aws.objects).spec.ingress[0].from).toEqual([{ipBlock: {cidr: '10.0.0.0/16'}}])
    const azure = write({...SHOP, provider: 'azure', existingGateway: false, proxyRanges: ['10.225.0.0/24']})
    expect(azure.of('Gateway')[0]!.spec.gatewayClassName).toBe('azure-alb-external')
    expect(allowPolicy(azure.objects).spec.ingress[0].from).toEqual([{ipBlock: {cidr: '10.225.0.0/24'}}])
  })

  it('bare metal: a self-hosted implementation (Envoy Gateway) whose proxy namespace is admitted, behind MetalLB', () => {
    const {of, objects} = write({...SHOP, environment: 'bare-metal', existingGateway: false, addressPool: ['192.168.1.240/28']})
    expect(of('Gateway')[0]!.spec.gatewayClassName).toBe('eg')
    expect(allowPolicy(objects).spec.ingress[0].from).toEqual([{namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'envoy-gateway-system'}}}])
    expect(of('IPAddressPool')).toHaveLength(1)
  })

  it('LoadBalancer: externalTrafficPolicy said explicitly, and the policy admits the client ranges it lets through', () => {
    const {of, objects} = write({exposure: 'external', protocol: 'tcp', environment: 'cloud', provider: 'aws', production: true, sourceRanges: ['203.0.113.0/24'], name: 'db', port: 5432})
    expect(of('Service')[0]!.spec.externalTrafficPolicy).toBe('Local')
    expect(allowPolicy(objects).spec.ingress[0].from).toEqual([{ipBlock: {cidr: '203.0.113.0/24'}}])
  })
})

describe('a shared entry point', () => {
  it('several services attach to the existing shared Gateway across namespaces, creating none', () => {
    const {of} = write({...SHOP, provider: 'gcp'})
    expect(of('Gateway')).toEqual([])
    expect(of('HTTPRoute')[0]!.spec.parentRefs).toEqual([{name: 'shared', namespace: 'gateway-infra'}])
  })

  it('the first one creates it in its namespace, admitting the application\'s namespace, with a ReferenceGrant for its certificate', () => {
    const {of} = write({...SHOP, provider: 'gcp', existingGateway: false})
    const gateway = of('Gateway')[0]!
    expect(gateway.metadata).toEqual({name: 'shared', namespace: 'gateway-infra'})
    expect(gateway.spec.listeners[0].allowedRoutes).toEqual({namespaces: {from: 'Selector', selector: {matchExpressions: [{key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop']}]}}})
    expect(gateway.spec.listeners[0].tls.certificateRefs).toEqual([{kind: 'Secret', name: 'cart-tls', namespace: 'shop'}])
    expect(of('ReferenceGrant')[0]!.spec).toEqual({
      from: [{group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'gateway-infra'}],
      to: [{group: '', kind: 'Secret', name: 'cart-tls'}],
    })
  })

  it('in the application\'s own namespace, no grant is needed', () => {
    const {of} = write({...SHOP, provider: 'gcp', existingGateway: false, gateway: 'shop/edge'})
    expect(of('Gateway')[0]!.spec.listeners[0].allowedRoutes).toEqual({namespaces: {from: 'Same'}})
    expect(of('ReferenceGrant')).toEqual([])
  })
})

describe('default deny: asked, and only by default where it cuts off nobody else', () => {
  const INTERNAL: Answers = {exposure: 'internal', protocol: 'tcp', name: 'db', port: 5432}
  const deny = (objects: Obj[]): Obj | undefined => objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'default-deny-ingress')

  it('not in a namespace that holds other applications (default), and the reason is on the Deployment', () => {
    const {objects, of} = write({...INTERNAL, withDeployment: true, image: 'postgres:16'})
    expect(deny(objects)).toBeUndefined()
    expect(of('Deployment')[0]!.metadata.annotations['ignore.k8s-net.io/default-deny-missing']).toBe('no namespace-wide default deny, as answered (--no-default-deny)')
  })

  it('in a new namespace, written with its Namespace; and whenever asked for', () => {
    const own = write({...INTERNAL, namespace: 'payments', ownNamespace: true})
    expect(deny(own.objects)).toBeDefined()
    expect(own.of('Namespace').map((n) => n.metadata.name)).toEqual(['payments'])
    expect(deny(write({...INTERNAL, defaultDeny: true}).objects)).toBeDefined()
  })

  it('the question says what it does', () => {
    expect(QUESTION.defaultDeny.prompt({namespace: 'shop'})).toMatch(/Every pod of shop, other applications' included, then accepts only the traffic a NetworkPolicy allows/)
  })
})

describe('internal services: who calls them', () => {
  it('namespaces, pod labels of its namespace, or both', () => {
    const {objects} = write({exposure: 'internal', protocol: 'grpc', name: 'orders', namespace: 'shop', port: 50_051, callers: ['shop', 'app.kubernetes.io/name=checkout', 'billing', 'billing:app=invoicer']})
    expect(allowPolicy(objects).spec.ingress[0].from).toEqual([
      {podSelector: {}},
      {podSelector: {matchLabels: {'app.kubernetes.io/name': 'checkout'}}},
      {namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'billing'}}},
      {namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'billing'}}, podSelector: {matchLabels: {app: 'invoicer'}}},
    ])
  })

  it('refuses what is neither', () => {
    expect(QUESTION.callers.parse('billing:app')).toEqual({ok: false, error: expect.stringMatching(/^not a caller/)})
    expect(QUESTION.callers.parse('Billing')).toEqual({ok: false, error: expect.stringMatching(/^not a caller/)})
  })
})

describe('ingress-nginx is retired', () => {
  it('no combination recommends it: the Gateway API is the default, Ingress classes are maintained controllers', () => {
    const problems: string[] = []
    for (const a of answerCombinations()) {
      if (a.ingressClass === 'nginx' || a.controllerNamespace === 'ingress-nginx') problems.push(JSON.stringify(a))
    }

    expect(problems).toEqual([])
    expect(completeAnswers({...SHOP, provider: 'other'}, 'decision').gatewayApi).toBe(true)
    expect(QUESTION.gatewayApi.choices![0]).toMatchObject({value: true, name: 'Gateway API (recommended)'})
  })
})

describe('debugging access from one\'s own machine: kubectl port-forward, no manifest', () => {
  const ME: Answers = {exposure: 'external', protocol: 'http', clients: 'me', name: 'web', namespace: 'dev', port: 8080, targetPort: 80}

  it('is the recommendation, with the command to run', () => {
    const answers = completeAnswers(ME, 'manifest')
    const recommendation = recommend(answers)
    expect(recommendation.type).toBe('kubectl port-forward')
    expect(accessCommand(answers, recommendation)).toBe('kubectl port-forward --namespace dev deployment/web 8080:80')
    const text = generate(answers, recommendation)
    expect(parseAllDocuments(text).map((d) => d.toJS()).filter(Boolean)).toEqual([])
    expect(text).toMatch(/^# +kubectl port-forward --namespace dev deployment\/web 8080:80\n# then connect to localhost:8080\.\n$/m)
  })

  it('asks nothing about environments or entry points', () => {
    expect(missingAnswers({exposure: 'external', protocol: 'tcp', clients: 'me'}, 'manifest').map((q) => q.flag)).toEqual(['name', 'port'])
  })

  it('a UDP service gets a node port instead: kubectl port-forward carries TCP only', () => {
    expect(recommend(completeAnswers({exposure: 'external', protocol: 'udp', clients: 'me', environment: 'local'}, 'decision')).type).toBe('NodePort')
  })
})

describe('production', () => {
  const GAME: Answers = {
    exposure: 'external',
    protocol: 'udp',
    environment: 'bare-metal',
    production: true,
    sourceRanges: ['0.0.0.0/0'],
    addressPool: ['192.168.10.240-192.168.10.250'],
    name: 'game',
    namespace: 'games',
    port: 7777,
    withDeployment: true,
    image: 'ghcr.io/example/game:3.1.0',
    replicas: 3,
  }

  it('a PodDisruptionBudget and spread over zones, then nodes', () => {
    const {of} = write(GAME)
    expect(of('PodDisruptionBudget')[0]!.spec).toEqual({maxUnavailable: 1, selector: {matchLabels: {'app.kubernetes.io/name': 'game'}}})
    expect(of('Deployment')[0]!.spec.template.spec.topologySpreadConstraints.map((c: Obj) => c.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname'])
    const development = write({...GAME, production: false, sourceRanges: undefined, addressPool: undefined})
    expect(development.of('PodDisruptionBudget')).toEqual([])
    expect(development.of('Deployment')[0]!.spec.template.spec.topologySpreadConstraints.map((c: Obj) => c.topologyKey)).toEqual(['kubernetes.io/hostname'])
  })

  it('preStop: the sleep action from Kubernetes 1.30, an exec sleep before and when the version is unknown', () => {
    const version = (value: string): string => {
      const parsed = QUESTION.kubeVersion.parse(value)
      return parsed.ok ? parsed.value : 'refused'
    }

    const preStop = (kubeVersion?: string): Obj =>
      write({...GAME, kubeVersion: kubeVersion && version(kubeVersion)}).of('Deployment')[0]!.spec.template.spec.containers[0].lifecycle.preStop
    expect(preStop('1.30')).toEqual({sleep: {seconds: 5}})
    expect(preStop('v1.34.1')).toEqual({sleep: {seconds: 5}})
    expect(preStop('1.29')).toEqual({exec: {command: ['sleep', '5']}})
    expect(preStop()).toEqual({exec: {command: ['sleep', '5']}})
    expect(QUESTION.kubeVersion.parse('1.x')).toMatchObject({ok: false})
  })

  it('UDP: the question asks for an HTTP health port, and the probes are HTTP GETs on it', () => {
    const container = write({...GAME, healthPort: 9000}).of('Deployment')[0]!.spec.template.spec.containers[0]
    expect(QUESTION.healthPort.prompt({})).toMatch(/answers HTTP health checks \(GET \/readyz and \/livez/)
    expect(container.ports).toContainEqual({name: 'health', containerPort: 9000, protocol: 'TCP'})
    expect(container.readinessProbe.httpGet).toEqual({path: '/readyz', port: 'health'})
    expect(container.livenessProbe.httpGet).toEqual({path: '/livez', port: 'health'})
  })

  it('on kind, the nodePort that the extraPortMappings advice needs is set', () => {
    const {of, text} = write({exposure: 'external', protocol: 'http', clients: 'team', services: 1, environment: 'local', localCluster: 'kind', name: 'web', port: 80, nodePort: 30_123})
    expect(of('Service')[0]!.spec.ports[0].nodePort).toBe(30_123)
    expect(text).toMatch(/extraPortMappings:\n\s+#\s+- containerPort: 30123\n\s+#\s+hostPort: 30123/)
  })
})

describe('words', () => {
  it('every protocol choice is described, and HTTPS says the application terminates TLS', () => {
    expect(QUESTION.protocol.choices!.every((c) => c.description)).toBe(true)
    expect(QUESTION.protocol.choices!.find((c) => c.value === 'https')!.name).toBe('HTTPS, terminated by the application itself')
    for (const question of QUESTIONS) expect(question.prompt({namespace: 'shop'}), question.key).not.toBe('')
  })

  it('after interactive answers, reasons quote the answers, not flags', () => {
    const recommendation = recommend(completeAnswers({exposure: 'internal', protocol: 'grpc'}, 'decision'))
    expect(explainText(recommendation, 'answers')).toMatch(/^ {2}- "Who calls the service\?" Only workloads in the cluster: /m)
    expect(explainText(recommendation, 'answers')).toMatch(/^ {2}- "Which protocol does it serve\?" gRPC: /m)
    expect(explainText(recommendation, 'answers').split('Alternatives:')[0]).not.toMatch(/--/)
    expect(explainText(recommendation)).toMatch(/^ {2}- --exposure internal: /m)
  })
})
