import {describe, expect, it} from 'vitest'
import {type Answers, AnswersError, possibleRoutes, route} from '../../src/wizard/answers.js'
import {parseAnswers, parseAnswersText, type RawAnswers} from '../../src/wizard/answers-file.js'
import {completeAnswers, ignoredAnswers, missingAnswers, undecidedQuestions} from '../../src/wizard/complete.js'
import {QUESTIONS} from '../../src/wizard/questions.js'

const raw = (values: Record<string, unknown>): RawAnswers => new Map(Object.entries(values).map(([flag, value]) => [flag, {value, source: `--${flag}`}]))
const flags = (questions: ReadonlyArray<{flag: string}>): string[] => questions.map((q) => q.flag)

function problems(values: Record<string, unknown>): readonly string[] {
  try {
    parseAnswers(raw(values))
  } catch (error) {
    if (error instanceof AnswersError) return error.problems
    throw error
  }

  return []
}

describe('parseAnswers', () => {
  it('reads flags and file values into answers', () => {
    expect(parseAnswers(raw({exposure: 'external', hosts: 'a.example.com, b.example.com,a.example.com', paths: ['/api'], tls: false, port: 443}))).toEqual({
      exposure: 'external',
      hosts: ['a.example.com', 'b.example.com'],
      paths: ['/api'],
      tls: false,
      port: 443,
    })
  })

  it('names each bad answer and says what it expects', () => {
    expect(
      problems({
        exposure: 'public',
        hosts: 'Shop.example.com',
        paths: 'api',
        'source-ranges': '10.0.0.0/33',
        'address-pool': '192.168.1.240-fd00::1',
        'external-name': '10.1.2.3',
        replicas: 0,
        production: 'yes',
      }),
    ).toEqual([
      '--exposure: expected one of internal, external, external-backend, got "public"',
      '--hosts: not a host name (lowercase DNS name such as shop.example.com, or *.example.com): "Shop.example.com"',
      '--paths: a path starts with / and holds no spaces, ? or #: "api"',
      '--source-ranges: not a CIDR (such as 203.0.113.0/24, or 0.0.0.0/0 for every address): "10.0.0.0/33"',
      '--address-pool: not an address range (192.168.1.240-192.168.1.250) or CIDR (192.168.1.240/28): "192.168.1.240-fd00::1"',
      '--external-name: an ExternalName points at a DNS name, not an IP address (10.1.2.3): for an address, use a Service without selector and an EndpointSlice',
      '--replicas: expected a whole number from 1 to 1000, got 0',
      '--production: expected true or false, got "yes"',
    ])
  })

  it('accepts wildcard hosts, IPv6 ranges and CIDRs', () => {
    expect(problems({hosts: '*.example.com', 'source-ranges': '2001:db8::/32,0.0.0.0/0', 'address-pool': 'fd00::10-fd00::20,192.168.1.240/28'})).toEqual([])
  })
})

describe('parseAnswersText', () => {
  it('keys answers by flag, with the line of each key', async () => {
    const answers = await parseAnswersText('# answers\nexposure: internal\nhosts:\n  - a.example.com\n', 'a.yaml')
    expect([...answers]).toEqual([
      ['exposure', {value: 'internal', source: 'a.yaml:2: exposure'}],
      ['hosts', {value: ['a.example.com'], source: 'a.yaml:3: hosts'}],
    ])
  })

  it('takes an empty file as no answers, and refuses anything but a mapping', async () => {
    expect((await parseAnswersText('', 'a.yaml')).size).toBe(0)
    await expect(parseAnswersText('- internal\n', 'a.yaml')).rejects.toThrow('a.yaml: expected a mapping of answers (name: web, port: 80, ...)')
  })

  it('refuses a key given twice', async () => {
    await expect(parseAnswersText('port: 80\nport: 81\n', 'a.yaml')).rejects.toThrow(/^a\.yaml:2:1: not valid YAML: Map keys must be unique/)
  })
})

describe('the questions that apply', () => {
  it('are asked in an order where each depends only on earlier answers', () => {
    // Give every earlier question an answer: a later question's relevance is then always decided.
    const a: Answers = {exposure: 'external', protocol: 'http', clients: 'public', services: 1, environment: 'cloud', production: true, ownIp: false, provider: 'aws', gatewayApi: false, ingressClass: 'traefik', namespace: 'web', withDeployment: true}
    for (const [i, question] of QUESTIONS.entries()) {
      const earlier = Object.fromEntries(QUESTIONS.slice(0, i).map((q) => [q.key, a[q.key]]).filter(([, v]) => v !== undefined)) as Answers
      expect(question.applies(earlier), question.key).not.toBeUndefined()
    }
  })

  it('for internal callers: no environment, production or entry-point questions', () => {
    const a: Answers = {exposure: 'internal', protocol: 'tcp'}
    expect(flags(missingAnswers(a, 'manifest'))).toEqual(['name', 'port'])
    expect(undecidedQuestions(a, 'manifest')).toEqual([])
    expect(flags(missingAnswers(a, 'decision'))).toEqual([])
  })

  it('for an external backend: its DNS name, no port', () => {
    expect(flags(missingAnswers({exposure: 'external-backend'}, 'manifest'))).toEqual(['name', 'external-name'])
  })

  it('for one production HTTP service: whether it needs its own IP, and then the Ingress or the LoadBalancer questions', () => {
    const base: Answers = {exposure: 'external', protocol: 'http', services: 1, environment: 'bare-metal', production: true}
    expect(flags(missingAnswers(base, 'decision'))).toEqual(['own-ip'])
    expect(flags(missingAnswers({...base, ownIp: true}, 'manifest'))).toEqual(['source-ranges', 'address-pool', 'name', 'port'])
    expect(flags(missingAnswers({...base, ownIp: false}, 'manifest'))).toEqual(['hosts', 'address-pool', 'name', 'port'])
  })

  it('for a Deployment: its image, and a health port for UDP only', () => {
    const base: Answers = {exposure: 'internal', name: 'dns', port: 53, withDeployment: true}
    expect(flags(missingAnswers({...base, protocol: 'udp'}, 'manifest'))).toEqual(['image'])
    expect(completeAnswers({...base, protocol: 'udp', image: 'coredns:1.11'}, 'manifest')).toMatchObject({healthPort: 8081, replicas: 2, targetPort: 53})
    expect(completeAnswers({...base, protocol: 'udp', image: 'coredns:1.11', targetPort: 8081}, 'manifest').healthPort).toBe(8082)
    expect(completeAnswers({...base, protocol: 'tcp', image: 'coredns:1.11'}, 'manifest').healthPort).toBeUndefined()
  })

  it('while the exposure is unknown, say what may follow', () => {
    expect(flags(undecidedQuestions({}, 'decision'))).toEqual(['protocol', 'services', 'environment', 'production', 'own-ip', 'provider'])
  })
})

describe('defaults and checks', () => {
  it('fills the defaults that apply: k3d ships Traefik in kube-system', () => {
    const a = completeAnswers({exposure: 'external', protocol: 'http', services: 2, environment: 'local', localCluster: 'k3d', gatewayApi: false, hosts: ['dev.example.com'], name: 'web', port: 80}, 'manifest')
    expect(a).toMatchObject({ingressClass: 'traefik', controllerNamespace: 'kube-system', tls: true, gatewayApi: false, paths: ['/'], namespace: 'default', targetPort: 80, withDeployment: false})
    expect(a.production).toBeUndefined()
  })

  it('drops answers that do not apply, and tells which', () => {
    const given: Answers = {exposure: 'internal', protocol: 'tcp', name: 'db', port: 5432, production: true, hosts: ['db.example.com'], replicas: 3}
    const complete = completeAnswers(given, 'manifest')
    expect(complete).toEqual({
      exposure: 'internal',
      protocol: 'tcp',
      name: 'db',
      namespace: 'default',
      ownNamespace: false,
      defaultDeny: false,
      callers: ['default'],
      port: 5432,
      targetPort: 5432,
      withDeployment: false,
    })
    expect(flags(ignoredAnswers(given, complete, 'manifest'))).toEqual(['production', 'hosts', 'replicas'])
  })

  it('refuses one replica for a production service reached from outside', () => {
    const a: Answers = {exposure: 'external', protocol: 'tcp', environment: 'cloud', provider: 'gcp', production: true, sourceRanges: ['0.0.0.0/0'], name: 'db', port: 5432, withDeployment: true, image: 'postgres:16', replicas: 1}
    expect(() => completeAnswers(a, 'manifest')).toThrow(/^--replicas: one replica for a production service reached from outside the cluster/)
    expect(completeAnswers({...a, production: false}, 'manifest').replicas).toBe(1)
    expect(completeAnswers({...a, exposure: 'internal'}, 'manifest').replicas).toBe(1)
  })

  it('lists what is missing when completing', () => {
    expect(() => completeAnswers({exposure: 'internal'}, 'manifest')).toThrow('missing answers:\n  --protocol http|https|grpc|tcp|udp\n  --name NAME\n  --port PORT')
  })
})

describe('route and possibleRoutes', () => {
  it('narrow as answers come in', () => {
    expect([...possibleRoutes({})].sort()).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort', 'PortForward', 'SharedHTTP'])
    expect(route({exposure: 'external', protocol: 'http', clients: 'me'})).toBe('PortForward')
    // kubectl port-forward carries no UDP.
    expect(route({exposure: 'external', protocol: 'udp', clients: 'me'})).toBe('NodePort')
    expect([...possibleRoutes({exposure: 'external', protocol: 'udp'})].sort()).toEqual(['LoadBalancer', 'NodePort'])
    expect([...possibleRoutes({exposure: 'external', protocol: 'https', clients: 'public', services: 1, environment: 'cloud', production: true})].sort()).toEqual(['LoadBalancer', 'SharedHTTP'])
    expect(route({exposure: 'external', protocol: 'https', clients: 'public', services: 5})).toBe('SharedHTTP')
    expect(route({exposure: 'external', protocol: 'grpc', clients: 'team', environment: 'local'})).toBe('NodePort')
  })
})
