import {describe, expect, it} from 'vitest'
import {type Answers, isHttp} from '../../src/wizard/answers.js'
import {completeAnswers} from '../../src/wizard/complete.js'
import {asFlag, QUESTION} from '../../src/wizard/questions.js'
import {explainText, type ExposureType, type Recommendation, recommend} from '../../src/wizard/recommend.js'

/** Every value of every answer the decision may depend on, whether or not it applies. */
const WHERE: Answers[] = [
  {environment: 'cloud', provider: 'aws'},
  {environment: 'cloud', provider: 'gcp'},
  {environment: 'cloud', provider: 'azure'},
  {environment: 'cloud', provider: 'other'},
  {environment: 'bare-metal'},
  {environment: 'local', localCluster: 'kind'},
  {environment: 'local', localCluster: 'minikube'},
  {environment: 'local', localCluster: 'k3d'},
]

function* everyCombination(): Generator<Answers> {
  for (const exposure of ['internal', 'external', 'external-backend'] as const)
    for (const protocol of ['http', 'https', 'grpc', 'tcp', 'udp'] as const)
      for (const clients of ['me', 'team', 'public'] as const)
      for (const services of [1, 3])
        for (const where of WHERE)
          for (const production of [true, false])
            for (const ownIp of [true, false])
              for (const gatewayApi of [false, true])
                for (const tls of [true, false]) yield {exposure, protocol, clients, services, ...where, production, ownIp, gatewayApi, tls}
}

/**
 * The seeds' decision table, row by row, as the test's own statement of it:
 * the first row whose condition holds gives the expected recommendation.
 */
const TABLE: Array<{row: string; when: (a: Answers) => boolean; expect: (a: Answers) => ExposureType}> = [
  {row: 'the backend lives outside the cluster', when: (a) => a.exposure === 'external-backend', expect: () => 'ExternalName'},
  {row: 'only other workloads in the cluster call it', when: (a) => a.exposure === 'internal', expect: () => 'ClusterIP'},
  {row: 'only I need to reach it, for a while (TCP)', when: (a) => a.clients === 'me' && a.protocol !== 'udp', expect: () => 'kubectl port-forward'},
  {row: 'only I need to reach it, over UDP', when: (a) => a.clients === 'me', expect: () => 'NodePort'},
  {
    row: 'several HTTP(S) services behind one IP',
    when: (a) => isHttp(a.protocol) && a.services! > 1,
    expect: (a) => (a.gatewayApi ? 'Gateway API' : 'Ingress'),
  },
  {row: 'quick external access in development', when: (a) => a.environment === 'local' || a.production === false, expect: () => 'NodePort'},
  {row: 'production, one service, not HTTP', when: (a) => !isHttp(a.protocol), expect: () => 'LoadBalancer'},
  {row: 'production, one HTTP service that needs its own IP', when: (a) => a.ownIp === true, expect: () => 'LoadBalancer'},
  {row: 'production, one HTTP service that can share the entry point', when: () => true, expect: (a) => (a.gatewayApi ? 'Gateway API' : 'Ingress')},
]

describe('recommend() follows the decision table for every combination of the answers', () => {
  const combinations: Array<{given: Answers; answers: Answers; recommendation: Recommendation}> = []
  for (const given of everyCombination()) {
    const answers = completeAnswers(given, 'decision')
    combinations.push({given, answers, recommendation: recommend(answers)})
  }

  it(`covers ${combinations.length} combinations`, () => {
    const seen = new Map<string, number>()
    for (const {given, recommendation} of combinations) {
      const row = TABLE.find((r) => r.when(given))!
      expect(recommendation.type, `${row.row}: ${JSON.stringify(given)}`).toBe(row.expect(given))
      const needsAddress = recommendation.type === 'LoadBalancer' || recommendation.type === 'Ingress' || recommendation.type === 'Gateway API'
      expect(recommendation.metallb, JSON.stringify(given)).toBe(given.environment === 'bare-metal' && needsAddress && given.exposure === 'external')
      expect(recommendation.serviceType).toBe(
        recommendation.type === 'Ingress' || recommendation.type === 'Gateway API' ? 'ClusterIP' : recommendation.type === 'kubectl port-forward' ? 'none' : recommendation.type,
      )
      seen.set(row.row, (seen.get(row.row) ?? 0) + 1)
    }

    // Every row of the table is reached.
    expect([...seen.keys()].sort()).toEqual(TABLE.map((r) => r.row).sort())
  })

  it('names, in every reason, an answer that was given and leads there', () => {
    // Problems are collected, not asserted one by one: thousands of expect() calls would be slow.
    const problems: string[] = []
    for (const {answers, recommendation} of combinations) {
      if (recommendation.reasons.length === 0 || recommendation.alternatives.length === 0) problems.push(`no reasons or alternatives: ${JSON.stringify(answers)}`)
      for (const reason of recommendation.reasons) {
        const flag = QUESTION[reason.answer].flag
        if (answers[reason.answer] === undefined) problems.push(`reason names ${reason.answer}, which is not answered: ${JSON.stringify(answers)}`)
        else if (reason.value !== asFlag(reason.answer, answers) || !(reason.value.startsWith(`--${flag}`) || reason.value.startsWith(`--no-${flag}`))) {
          problems.push(`reason value ${reason.value} is not the answer ${reason.answer}`)
        }
      }
    }

    expect(problems.slice(0, 5)).toEqual([])
  })

  it('is the same whatever the answers that do not apply say', () => {
    const byRelevant = new Map<string, string>()
    const problems: string[] = []
    for (const {given, answers, recommendation} of combinations) {
      const key = JSON.stringify(answers)
      const result = JSON.stringify(recommendation)
      if ((byRelevant.get(key) ?? result) !== result) problems.push(`two recommendations for ${key}`)
      byRelevant.set(key, result)
      if (JSON.stringify(recommend({...given, ...answers})) !== result) problems.push(`answers that do not apply change the recommendation: ${JSON.stringify(given)}`)
    }

    expect(problems.slice(0, 5)).toEqual([])
    expect(byRelevant.size).toBeGreaterThan(40)
  })
})

const text = (a: Answers): string => {
  const recommendation = recommend(completeAnswers(a, 'decision'))
  return recommendation.reasons.map((r) => `${r.value}: ${r.text}`).join('\n')
}

describe('the reasons speak in trade-offs', () => {
  it('ClusterIP: internal callers, nothing to pay for', () => {
    const reasons = text({exposure: 'internal', protocol: 'http'})
    expect(reasons).toMatch(/^--exposure internal: Only workloads in the cluster call it/)
    expect(reasons).toMatch(/no load balancer to pay for/)
  })

  it('NodePort: development only, and why not in production', () => {
    const reasons = text({exposure: 'external', protocol: 'http', services: 1, environment: 'cloud', production: false})
    expect(reasons).toMatch(/--no-production: It is for development/)
    expect(reasons).toMatch(/30000-32767/)
    expect(reasons).toMatch(/one node's IP/)
    expect(reasons).toMatch(/--no-production: Not for production: .*no load balancing of its own/)
  })

  it('NodePort on a local cluster says how to reach it', () => {
    expect(text({exposure: 'external', protocol: 'tcp', environment: 'local', localCluster: 'kind'})).toMatch(/--local-cluster kind: .*extraPortMappings/)
  })

  it('LoadBalancer: layer 4 for a non-HTTP protocol, and its cost', () => {
    const reasons = text({exposure: 'external', protocol: 'udp', environment: 'cloud', provider: 'aws', production: true})
    expect(reasons).toMatch(/--production: .*one per service adds up/)
    expect(reasons).toMatch(/--protocol udp: UDP carries no host name or path .* layer 4.*cannot carry UDP/)
    expect(reasons).toMatch(/--provider aws: .*Network Load Balancer/)
  })

  it('LoadBalancer on bare metal: MetalLB with a pool and an L2 advertisement', () => {
    const reasons = text({exposure: 'external', protocol: 'tcp', environment: 'bare-metal', production: true})
    expect(reasons).toMatch(/--environment bare-metal: .*MetalLB .*IPAddressPool.*L2Advertisement/)
  })

  it('LoadBalancer for one HTTP service with its own IP: the cost, and TLS', () => {
    const reasons = text({exposure: 'external', protocol: 'http', services: 1, environment: 'cloud', provider: 'gcp', production: true, ownIp: true})
    expect(reasons).toMatch(/--own-ip: .*one load balancer for this one HTTP service.*TLS/)
    expect(reasons).toMatch(/--protocol http: .*cleartext/)
  })

  it('Ingress: layer 7 routing, TLS at the edge, the controller behind one LoadBalancer', () => {
    const reasons = text({exposure: 'external', protocol: 'http', services: 4, environment: 'cloud', provider: 'other', production: true, gatewayApi: false, tls: true})
    expect(reasons).toMatch(/--services 4: Several HTTP services share one entry point: an Ingress routes by host and path at layer 7/)
    expect(reasons).toMatch(/--tls: TLS terminates at the edge/)
    expect(reasons).toMatch(/behind one cloud load balancer/)
    expect(reasons).toMatch(/--no-gateway-api: An Ingress, as answered\. ingress-nginx, the most common controller, was retired in March 2026/)
  })

  it('Ingress without TLS says what that means', () => {
    expect(text({exposure: 'external', protocol: 'http', services: 2, environment: 'cloud', provider: 'aws', production: true, gatewayApi: false, tls: false})).toMatch(/--no-tls: No TLS at the edge, as answered: clients send cleartext/)
  })

  it('Gateway API for the team that wants it', () => {
    const recommendation = recommend(completeAnswers({exposure: 'external', protocol: 'https', services: 2, environment: 'bare-metal', production: true, gatewayApi: true}, 'decision'))
    expect(recommendation.type).toBe('Gateway API')
    expect(recommendation.reasons.map((r) => r.value)).toContain('--gateway-api')
    expect(recommendation.alternatives.map((a) => a.type)).toContain('Ingress')
  })

  it('ExternalName: a DNS alias, no load balancing of its own', () => {
    expect(text({exposure: 'external-backend'})).toMatch(/^--exposure external-backend: The backend lives outside the cluster: an ExternalName .*no load balancing of its own/)
  })
})

describe('explainText', () => {
  it('prints the type, each reason with its answer, and the alternatives', () => {
    const recommendation = recommend(completeAnswers({exposure: 'external', protocol: 'tcp', environment: 'bare-metal', production: true}, 'decision'))
    const lines = explainText(recommendation).split('\n')
    expect(lines[0]).toBe('Recommendation: LoadBalancer (with MetalLB)')
    expect(lines).toContain('Why:')
    expect(lines).toContain('Alternatives:')
    expect(lines.filter((l) => l.startsWith('  - --')).length).toBe(recommendation.reasons.length)
    expect(lines.some((l) => l.startsWith('  - Ingress: not for TCP'))).toBe(true)
  })

  it('refuses answers the decision cannot be made from', () => {
    expect(() => recommend({exposure: 'external'})).toThrow(/needs the decision answers/)
  })
})
