// The virtual screen must be set up before the prompts are imported.
import {screen} from '@inquirer/testing/vitest'
import {describe, expect, it} from 'vitest'
import {type Answers, type Stage} from '../../src/wizard/answers.js'
import {completeAnswers} from '../../src/wizard/complete.js'
import {generate} from '../../src/wizard/generate.js'
import {askAnswers} from '../../src/wizard/prompts.js'
import {recommend} from '../../src/wizard/recommend.js'

/** One prompt: the question the screen must show, and what the user does. */
interface Step {
  question: string
  /** Arrow-down presses before enter (a list), or text to type before enter (an input); nothing: accept the default. */
  down?: number
  type?: string
}

/**
 * Answers the prompts on the screen, in order: a question not in the steps, or
 * asked out of order, fails. With `more`, waits for the prompt after the last step.
 */
async function play(steps: Step[], more = false): Promise<void> {
  for (const [i, step] of steps.entries()) {
    expect(screen.getScreen(), `step ${i + 1}`).toContain(step.question)
    for (let n = 0; n < (step.down ?? 0); n++) screen.keypress('down')
    if (step.type !== undefined) screen.type(step.type)
    screen.keypress('enter')
    if (more || i < steps.length - 1) await screen.next()
  }
}

/** Runs the wizard's prompts through the steps and returns the answers. */
async function walk(steps: Step[], given: Answers = {}, stage: Stage = 'manifest'): Promise<Answers> {
  const result = askAnswers(given, stage)
  await play(steps)
  return result
}

const recommended = (a: Answers): string => recommend(completeAnswers(a, 'manifest')).type

describe('the interactive wizard asks only what matters, on the way to each recommendation', {timeout: 10_000}, () => {
  it('ClusterIP: internal callers need no environment, production or entry-point questions', async () => {
    const answers = await walk([
      {question: 'Who calls the service?'},
      {question: 'Which protocol does it serve?', down: 2},
      {question: 'Application name:', type: 'orders'},
      {question: 'Namespace:', type: 'shop'},
      {question: 'Is namespace shop new, or does it hold only this application? (y/N)'},
      {question: 'Add a default-deny policy for the whole namespace shop? Every pod of shop, other applications\' included, then accepts only the traffic a NetworkPolicy allows. (y/N)'},
      {question: 'Who calls it? Namespaces (billing), pod labels in shop (app.kubernetes.io/name=checkout), or both (billing:app=invoicer), comma-separated: (shop)', type: 'shop,billing:app=invoicer'},
      {question: 'Service port (the port callers connect to):', type: '50051'},
      {question: 'Container port (the port the application listens on): (50051)'},
      {question: 'Generate a Deployment skeleton too'},
    ])
    expect(answers).toEqual({
      exposure: 'internal',
      protocol: 'grpc',
      name: 'orders',
      namespace: 'shop',
      ownNamespace: false,
      defaultDeny: false,
      callers: ['shop', 'billing:app=invoicer'],
      port: 50_051,
      targetPort: 50_051,
      withDeployment: false,
    })
    expect(recommended(answers)).toBe('ClusterIP')
  })

  it('NodePort: a local cluster is development, so production is not asked', async () => {
    const answers = await walk([
      {question: 'Who calls the service?', down: 1},
      {question: 'Which protocol does it serve?'},
      // The list opens on the default (the public) and wraps: two down is other developers.
      {question: 'Who are the clients?', down: 2},
      {question: 'How many HTTP services share this entry point?'},
      {question: 'Where does the cluster run?', down: 5},
      {question: 'Application name:', type: 'web'},
      {question: 'Namespace:', type: 'dev'},
      {question: 'Is namespace dev new', type: 'y'},
      {question: 'Add a default-deny policy for the whole namespace dev? Every pod of dev, other applications\' included, then accepts only the traffic a NetworkPolicy allows. (Y/n)'},
      {question: 'Node port (kind maps it to your machine with extraPortMappings): (30080)'},
      {question: 'Service port', type: '80'},
      {question: 'Container port', type: '8080'},
      {question: 'Generate a Deployment skeleton too', type: 'y'},
      {question: 'Container image:', type: 'nginx:1.27'},
      {question: 'Replicas: (2)', type: '1'},
      {question: 'Kubernetes version of the cluster', type: '1.33'},
    ])
    expect(answers).toMatchObject({exposure: 'external', protocol: 'http', clients: 'team', services: 1, environment: 'local', localCluster: 'kind', ownNamespace: true, defaultDeny: true, nodePort: 30_080, replicas: 1, withDeployment: true, kubeVersion: '1.33'})
    expect(answers.production).toBeUndefined()
    expect(recommended(answers)).toBe('NodePort')
  })

  it('LoadBalancer: UDP on bare metal asks for source ranges, MetalLB addresses and a health port, and refuses one replica in production', async () => {
    const steps: Step[] = [
      {question: 'Who calls the service?', down: 1},
      {question: 'Which protocol does it serve?', down: 4},
      {question: 'Who are the clients?'},
      {question: 'Where does the cluster run?', down: 4},
      {question: 'Is it for production or for development?'},
      {question: 'Client addresses allowed to reach the load balancer', type: '198.51.100.0/24, 203.0.113.0/24'},
      {question: 'Addresses MetalLB may assign', type: '192.168.1.240-192.168.1.250'},
      {question: 'Application name:', type: 'game'},
      {question: 'Namespace:'},
      {question: 'Is namespace default new'},
      {question: 'Add a default-deny policy for the whole namespace default?'},
      {question: 'Service port', type: '7777'},
      {question: 'Container port'},
      {question: 'Generate a Deployment skeleton too', type: 'y'},
      {question: 'Container image:', type: 'ghcr.io/example/game:3.1.0'},
    ]
    const result = askAnswers({}, 'manifest')
    await play(steps, true)
    // One replica in production is refused, with the reason.
    expect(screen.getScreen()).toContain('Replicas: (2)')
    screen.type('1')
    screen.keypress('enter')
    await screen.next()
    expect(screen.getScreen()).toContain('one replica for a production service reached from outside the cluster')
    screen.keypress('backspace')
    screen.type('3')
    screen.keypress('enter')
    await screen.next()
    expect(screen.getScreen()).toContain('TCP port on which it answers HTTP health checks (GET /readyz and /livez; the kubelet cannot probe UDP): (8081)')
    screen.keypress('enter')
    await screen.next()
    // An unknown version may stay empty: the Deployment then drains with an exec sleep.
    expect(screen.getScreen()).toContain('Kubernetes version of the cluster (such as 1.31; empty if unknown):')
    screen.keypress('enter')
    const answers = await result
    expect(answers).toMatchObject({
      protocol: 'udp',
      environment: 'bare-metal',
      production: true,
      sourceRanges: ['198.51.100.0/24', '203.0.113.0/24'],
      addressPool: ['192.168.1.240-192.168.1.250'],
      namespace: 'default',
      targetPort: 7777,
      replicas: 3,
      healthPort: 8081,
    })
    expect(recommended(answers)).toBe('LoadBalancer')
  })

  it('Ingress: several HTTP services on AWS; the provider is not asked again, own IP not at all', async () => {
    const answers = await walk([
      {question: 'Who calls the service?', down: 1},
      {question: 'Which protocol does it serve?'},
      {question: 'Who are the clients?'},
      {question: 'How many HTTP services share this entry point?', down: 1},
      {question: 'Where does the cluster run?'},
      {question: 'Is it for production or for development?'},
      {question: 'Route with the Gateway API or with an Ingress?', down: 1},
      {question: 'Terminate TLS at the edge, so that clients use HTTPS?'},
      {question: 'Host names clients use (comma-separated):', type: 'shop.example.com,www.example.com'},
      {question: 'Paths to route to it (comma-separated): (/)'},
      {question: 'IngressClass of your ingress controller: (alb)'},
      {question: 'Addresses the load balancer\'s proxies send from: the VPC CIDR (the ALB sends from its addresses in the VPC\'s subnets) (CIDRs, comma-separated):', type: '10.0.0.0/16'},
      {question: 'Application name:', type: 'shop'},
      {question: 'Namespace:', type: 'shop'},
      {question: 'Is namespace shop new'},
      {question: 'Add a default-deny policy'},
      {question: 'Service port', type: '80'},
      {question: 'Container port', type: '3000'},
      {question: 'Generate a Deployment skeleton too'},
    ])
    expect(answers).toMatchObject({services: 2, environment: 'cloud', provider: 'aws', production: true, gatewayApi: false, tls: true, hosts: ['shop.example.com', 'www.example.com'], paths: ['/'], ingressClass: 'alb', proxyRanges: ['10.0.0.0/16']})
    expect(answers.controllerNamespace).toBeUndefined()
    expect(answers.ownIp).toBeUndefined()
    expect(recommended(answers)).toBe('Ingress')
  })

  it('Gateway API: one production HTTPS service that needs no IP of its own, for a team that wants the Gateway API', async () => {
    const answers = await walk([
      {question: 'Who calls the service?', down: 1},
      {question: 'Which protocol does it serve?', down: 1},
      {question: 'Who are the clients?'},
      {question: 'How many HTTP services share this entry point?'},
      {question: 'Where does the cluster run?', down: 1},
      {question: 'Is it for production or for development?'},
      {question: 'Does it need an external IP of its own'},
      {question: 'Route with the Gateway API or with an Ingress?'},
      {question: 'Terminate TLS at the edge'},
      {question: 'Host names clients use', type: 'api.example.com'},
      {question: 'Paths to route to it', type: '/v1,/v2'},
      {question: 'GatewayClass of your Gateway API implementation: (gke-l7-global-external-managed)'},
      {question: 'Addresses the load balancer\'s proxies send from (CIDRs, comma-separated): (35.191.0.0/16,130.211.0.0/22)'},
      {question: 'Application name:', type: 'api'},
      {question: 'Namespace:', type: 'api'},
      {question: 'Is namespace api new'},
      {question: 'Add a default-deny policy'},
      {question: 'Does the Gateway these services share exist already (the platform team\'s)? (y/N)'},
      {question: 'The Gateway to create, as NAMESPACE/NAME (other services will attach to it): (gateway-infra/shared)'},
      {question: 'Service port', type: '443'},
      {question: 'Container port', type: '8443'},
      {question: 'Generate a Deployment skeleton too'},
    ])
    expect(answers).toMatchObject({protocol: 'https', services: 1, provider: 'gcp', ownIp: false, gatewayApi: true, paths: ['/v1', '/v2'], gatewayClass: 'gke-l7-global-external-managed', proxyRanges: ['35.191.0.0/16', '130.211.0.0/22'], existingGateway: false, gateway: 'gateway-infra/shared'})
    expect(recommended(answers)).toBe('Gateway API')
  })

  it('ExternalName: a backend outside the cluster asks for its DNS name and nothing about ports or pods', async () => {
    const answers = await walk([
      {question: 'Who calls the service?', down: 2},
      {question: 'Application name:', type: 'payments-db'},
      {question: 'Namespace:', type: 'billing'},
      {question: 'DNS name of the service outside the cluster', type: 'payments.db.example.com'},
    ])
    expect(answers).toEqual({exposure: 'external-backend', name: 'payments-db', namespace: 'billing', externalName: 'payments.db.example.com'})
    expect(recommended(answers)).toBe('ExternalName')
  })
})

describe('prompts and given answers', {timeout: 10_000}, () => {
  it('asks only for what flags left out, and only the decision for --explain', async () => {
    const answers = await walk(
      [
        {question: 'Who are the clients?'},
        {question: 'Is it for production or for development?'},
        {question: 'Which cloud provider?', down: 2},
      ],
      {exposure: 'external', protocol: 'tcp', environment: 'cloud'},
      'decision',
    )
    expect(answers).toEqual({exposure: 'external', protocol: 'tcp', clients: 'public', environment: 'cloud', production: true, provider: 'azure'})
    expect(recommend(completeAnswers(answers, 'decision')).type).toBe('LoadBalancer')
  })

  it('says what is wrong with a typed answer and asks again', async () => {
    const result = askAnswers({exposure: 'external', protocol: 'http', clients: 'public', services: 2, environment: 'cloud', provider: 'other', production: false, gatewayApi: false, tls: true}, 'manifest')
    expect(screen.getScreen()).toContain('Host names clients use')
    screen.type('Shop.Example.com')
    screen.keypress('enter')
    await screen.next()
    expect(screen.getScreen()).toContain('not a host name (lowercase DNS name such as shop.example.com, or *.example.com): "Shop.Example.com"')
    for (let i = 0; i < 'Shop.Example.com'.length; i++) screen.keypress('backspace')
    screen.type('shop.example.com')
    screen.keypress('enter')
    // Paths, IngressClass, controller namespace, name, namespace, own namespace, default deny, port, target port, deployment.
    for (const text of ['', '', '', 'shop', '', '', '', '80', '', 'n']) {
      await screen.next()
      if (text) screen.type(text)
      screen.keypress('enter')
    }

    const answers = await result
    expect(answers.hosts).toEqual(['shop.example.com'])
    const complete = completeAnswers(answers, 'manifest')
    expect(generate(complete, recommend(complete))).toContain('host: shop.example.com')
  })
})
