import {parseAllDocuments} from 'yaml'
import {beforeAll, describe, expect, it} from 'vitest'
import {resolveConfig, type ResolvedConfig} from '../../src/config/config.js'
import {lint, SUPPRESSION_PREFIX} from '../../src/engine/engine.js'
import {loadRules} from '../../src/engine/registry.js'
import type {Rule} from '../../src/engine/rule.js'
import {LoadedInput, loadText} from '../../src/loaders/sources.js'
import {type AnswerKey, type Answers} from '../../src/wizard/answers.js'
import {completeAnswers} from '../../src/wizard/complete.js'
import {asFlag, QUESTIONS} from '../../src/wizard/questions.js'
import {buildManifests, generate} from '../../src/wizard/generate.js'
import {type Recommendation, recommend} from '../../src/wizard/recommend.js'
import {answerCombinations} from './combinations.js'

type Obj = Record<string, any>

let rules: readonly Rule[]
let config: ResolvedConfig
beforeAll(async () => {
  rules = await loadRules()
  config = resolveConfig({}, rules)
})

async function lintText(text: string): Promise<Array<{ruleId: string; object?: string; line?: number; message: string}>> {
  const input = new LoadedInput()
  loadText(input, 'wizard.yaml', text)
  const result = await lint(input, config, rules)
  return result.findings.map((f) => ({ruleId: f.ruleId, object: f.object && `${f.object.kind}/${f.object.name}`, line: f.start?.line, message: f.message}))
}

function parse(text: string): Obj[] {
  const documents = parseAllDocuments(text)
  if (!Array.isArray(documents)) throw new Error('no documents')
  for (const d of documents) expect(d.errors.map((e) => e.message)).toEqual([])
  return documents.map((d) => d.toJS() as Obj)
}

/** The kinds each recommendation must come with, stated apart from generate(). */
function expectedKinds(a: Answers, r: Recommendation): string[] {
  if (r.type === 'ExternalName') return ['Service']
  if (r.type === 'kubectl port-forward') return []
  const kinds = ['Service', 'NetworkPolicy']
  if (a.defaultDeny) kinds.push('NetworkPolicy')
  if (a.ownNamespace) kinds.push('Namespace')
  if (r.type === 'Ingress') kinds.push('Ingress')
  if (r.type === 'Gateway API') {
    kinds.push('HTTPRoute')
    const elsewhere = !a.gateway!.startsWith(`${a.namespace}/`)
    if (!a.existingGateway) kinds.push('Gateway', ...(elsewhere ? ['Namespace'] : []), ...(elsewhere && a.tls ? ['ReferenceGrant'] : []))
  }

  if (a.environment === 'bare-metal' && (r.type === 'LoadBalancer' || r.type === 'Ingress' || r.type === 'Gateway API')) kinds.push('IPAddressPool', 'L2Advertisement')
  if (a.withDeployment) kinds.push('Deployment')
  if (a.withDeployment && a.production && a.replicas! > 1) kinds.push('PodDisruptionBudget')
  return kinds.sort()
}

const title = (a: Answers): string =>
  QUESTIONS.filter((q) => a[q.key] !== undefined && !['name', 'namespace', 'port', 'targetPort', 'image', 'hosts', 'paths', 'addressPool', 'externalName'].includes(q.key))
    .map((q) => asFlag(q.key as AnswerKey, a))
    .join(' ')

const annotations = (o: Obj): Record<string, string> => o.metadata?.annotations ?? {}
const ignores = (o: Obj, rule: string): string | undefined => annotations(o)[SUPPRESSION_PREFIX + rule]
const selects = (selector: Record<string, string>, labels: Record<string, string>): boolean =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v)

/**
 * What the rules of the catalogue check, stated by hand for the objects the
 * wizard writes, so that the generated YAML is held to them even before every
 * rule has landed in rules/.
 */
function invariants(a: Answers, r: Recommendation, objects: Obj[]): string[] {
  const problems: string[] = []
  const of = (kind: string): Obj[] => objects.filter((o) => o.kind === kind)
  const service = of('Service')[0]!
  const deployment = of('Deployment')[0]
  const external = a.exposure === 'external'
  const gatewayNamespace = a.gateway?.split('/')[0]
  for (const o of objects) {
    const home = o.kind === 'Namespace' ? undefined : o.kind === 'Gateway' ? gatewayNamespace : o.kind === 'IPAddressPool' || o.kind === 'L2Advertisement' ? 'metallb-system' : a.namespace
    if (o.metadata?.namespace !== home) problems.push(`${o.kind} is in ${o.metadata?.namespace}, not ${home}`)
    for (const [key, reason] of Object.entries(annotations(o))) {
      if (key.startsWith(SUPPRESSION_PREFIX) && !/as answered \(--/.test(reason)) problems.push(`${o.kind} ${key}: the reason does not name the answer: ${reason}`)
    }
  }

  if (r.type === 'ExternalName' || r.type === 'kubectl port-forward') return problems
  const policies = of('NetworkPolicy')
  const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0 && p.spec.policyTypes.join() === 'Ingress' && p.spec.ingress === undefined)
  if (Boolean(deny) !== Boolean(a.defaultDeny)) problems.push(`a default-deny NetworkPolicy ${deny ? 'written' : 'missing'} with --${a.defaultDeny ? '' : 'no-'}default-deny`)
  const allow = policies.find((p) => p !== deny)!
  if (!selects(allow.spec.podSelector.matchLabels, service.spec.selector)) problems.push('the allow policy does not select the Service\'s pods')
  const allowed = allow.spec.ingress[0].ports[0]
  if (allowed.port !== a.targetPort) problems.push(`the allow policy opens ${allowed.port}, the container listens on ${a.targetPort}`)

  if (service.spec.type === 'NodePort' && !ignores(service, 'nodeport-exposed')) problems.push('NodePort without its development reason')
  if (service.spec.type === 'LoadBalancer') {
    const ranges: string[] = service.spec.loadBalancerSourceRanges ?? []
    const open = ranges.length === 0 || ranges.includes('0.0.0.0/0')
    if (open !== Boolean(ignores(service, 'loadbalancer-source-ranges'))) problems.push('loadBalancerSourceRanges open without its reason, or a reason without being open')
    // gRPC is HTTP/2: loadbalancer-single-service counts it, and the wizard says why it chose a load balancer anyway.
    if ((a.protocol === 'http' || a.protocol === 'https' || a.protocol === 'grpc') !== Boolean(ignores(service, 'loadbalancer-single-service'))) {
      problems.push('LoadBalancer for one HTTP or gRPC service without its reason')
    }
  }

  if (service.spec.type !== 'NodePort' && ignores(service, 'nodeport-exposed')) problems.push('a suppression without a NodePort')
  for (const ingress of of('Ingress')) {
    if (!ingress.spec.ingressClassName) problems.push('Ingress without ingressClassName')
    const tlsHosts = new Set((ingress.spec.tls ?? []).flatMap((t: Obj) => t.hosts))
    const uncovered = ingress.spec.rules.map((rule: Obj) => rule.host).filter((h: string) => !tlsHosts.has(h))
    if (uncovered.length > 0 && !ignores(ingress, 'ingress-tls-missing')) problems.push(`Ingress hosts without TLS: ${uncovered}`)
    if (uncovered.length === 0 && ignores(ingress, 'ingress-tls-missing')) problems.push('ingress-tls-missing suppressed with TLS on every host')
    for (const rule of ingress.spec.rules) {
      for (const p of rule.http.paths) {
        const backend = p.backend.service
        if (backend.name !== service.metadata.name || !service.spec.ports.some((sp: Obj) => sp.port === backend.port.number)) problems.push('Ingress backend is not the Service port')
      }
    }
  }

  for (const route of of('HTTPRoute')) {
    for (const parent of route.spec.parentRefs) {
      const namespace = parent.namespace ?? route.metadata.namespace
      if (`${namespace}/${parent.name}` !== a.gateway) problems.push(`HTTPRoute parent ${namespace}/${parent.name} is not --gateway ${a.gateway}`)
      if (a.existingGateway) continue
      const gateway = of('Gateway').find((g) => g.metadata.name === parent.name && g.metadata.namespace === namespace)
      const listener = gateway?.spec.listeners.find((l: Obj) => l.name === parent.sectionName)
      const admitted = listener?.allowedRoutes.namespaces.from === 'Same' ? namespace === route.metadata.namespace : listener?.allowedRoutes.namespaces.selector?.matchExpressions?.[0]?.values?.includes(route.metadata.namespace)
      if (!admitted) problems.push('HTTPRoute parent does not resolve to a listener that admits it')
      for (const ref of listener?.tls?.certificateRefs ?? []) {
        const grant = of('ReferenceGrant').find((g) => g.metadata.namespace === ref.namespace && g.spec.to.some((to: Obj) => to.kind === 'Secret' && to.name === ref.name))
        if (ref.namespace && ref.namespace !== namespace && !grant) problems.push(`certificate ${ref.namespace}/${ref.name} from another namespace without a ReferenceGrant`)
      }
    }

    for (const ref of route.spec.rules.flatMap((rule: Obj) => rule.backendRefs)) {
      if (ref.name !== service.metadata.name || !service.spec.ports.some((sp: Obj) => sp.port === ref.port)) problems.push('HTTPRoute backend is not the Service port')
    }
  }

  if (!deployment) return problems
  const template = deployment.spec.template
  const labels = template.metadata.labels
  if (!selects(service.spec.selector, labels)) problems.push('the Service selector does not match the pod template labels')
  if (!selects(deployment.spec.selector.matchLabels, labels)) problems.push('the Deployment selector does not match its template')
  for (const c of template.spec.containers) {
    const ports: Obj[] = c.ports ?? []
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      const p = c[probe]
      if (!p) {
        problems.push(`${c.name} has no ${probe}`)
        continue
      }

      const port = p.httpGet?.port ?? p.tcpSocket?.port ?? p.grpc?.port
      const declared = typeof port === 'string' ? ports.some((cp) => cp.name === port && cp.protocol === 'TCP') : ports.some((cp) => cp.containerPort === port)
      if (!declared) problems.push(`${c.name} ${probe} port ${port} is not declared`)
    }

    if (JSON.stringify(c.readinessProbe) === JSON.stringify(c.livenessProbe)) problems.push('identical readiness and liveness probes')
  }

  for (const sp of service.spec.ports) {
    const declared = template.spec.containers.some((c: Obj) => (c.ports ?? []).some((cp: Obj) => cp.containerPort === sp.targetPort && cp.protocol === sp.protocol))
    if (!declared) problems.push(`targetPort ${sp.targetPort}/${sp.protocol} is not declared by a container`)
  }

  const replicas = deployment.spec.replicas
  const spread = template.spec.topologySpreadConstraints?.length > 0 || template.spec.affinity?.podAntiAffinity
  if (replicas > 1 && !spread) problems.push('replicas are not spread')
  if (replicas === 1 && external !== Boolean(ignores(deployment, 'exposed-single-replica'))) problems.push('one replica exposed without its development reason')
  return problems
}

describe('generate(): every combination of the answers that matter', () => {
  const combinations = answerCombinations()

  it('walks every recommendation', () => {
    expect(new Set(combinations.map((a) => recommend(a).type))).toEqual(new Set(['ClusterIP', 'kubectl port-forward', 'NodePort', 'LoadBalancer', 'Ingress', 'Gateway API', 'ExternalName']))
  })

  for (const answers of combinations) {
    const recommendation = recommend(answers)
    it(`${recommendation.type}: ${title(answers)}`, async () => {
      const text = generate(answers, recommendation)
      const objects = parse(text)
      expect(objects.map((o) => o.kind).sort()).toEqual(expectedKinds(answers, recommendation))
      expect(invariants(answers, recommendation, objects)).toEqual([])
      expect(await lintText(text), `k8s-net lint reports on:\n${text}`).toEqual([])
    })
  }
})

describe('the suppressions are needed', () => {
  // For each ignore annotation whose rule is in the catalogue, removing it must bring the finding back.
  const samples = answerCombinations().filter((a) => buildManifests(a, recommend(a)).some((m) => Object.keys(m.object.metadata && 'annotations' in m.object.metadata ? (m.object.metadata.annotations as object) : {}).some((k) => k.startsWith(SUPPRESSION_PREFIX))))
  const seen = new Set<string>()
  for (const answers of samples) {
    const recommendation = recommend(answers)
    const text = generate(answers, recommendation)
    for (const [, rule] of text.matchAll(/^\s+ignore\.k8s-net\.io\/([a-z0-9-]+):/gm)) {
      if (seen.has(rule!)) continue
      seen.add(rule!)
      it(`${rule}: ${title(answers)}`, async (context) => {
        if (!rules.some((r) => r.meta.id === rule)) context.skip(`rule ${rule} is not in rules/ yet`)
        const stripped = text.replace(new RegExp(`^\\s+ignore\\.k8s-net\\.io/${rule}:.*\\n`, 'm'), '')
        expect((await lintText(stripped)).map((f) => f.ruleId)).toContain(rule)
      })
    }
  }

  it('covers the deliberate choices', () => {
    expect([...seen].sort()).toEqual(['default-deny-missing', 'exposed-single-replica', 'ingress-tls-missing', 'loadbalancer-single-service', 'loadbalancer-source-ranges', 'networkpolicy-selects-nothing', 'nodeport-exposed'])
  })
})

describe('generate(): the YAML', () => {
  const answers = completeAnswers(
    {
      exposure: 'external',
      protocol: 'tcp',
      environment: 'bare-metal',
      production: true,
      sourceRanges: ['0.0.0.0/0'],
      addressPool: ['192.168.10.240-192.168.10.250'],
      name: 'mqtt',
      namespace: 'iot',
      port: 1883,
      withDeployment: true,
      image: 'eclipse-mosquitto:2',
    },
    'manifest',
  )
  const text = generate(answers, recommend(answers))

  it('opens with the recommendation and its reasons', () => {
    const lines = text.split('\n')
    expect(lines[0]).toBe('# Generated by k8s-net wizard: LoadBalancer with MetalLB for mqtt in namespace iot.')
    expect(lines).toContain('# Why:')
    expect(text).toMatch(/^# - --environment bare-metal: Bare metal has no cloud/m)
  })

  it('explains a choice right above it, with YAML comments', () => {
    expect(text).toMatch(/# Open to every client address, as answered\.\n\s+loadBalancerSourceRanges:\n\s+- 0\.0\.0\.0\/0/)
    expect(text).toMatch(/# k8s-net reports loadbalancer-source-ranges here, and this is deliberate: [^\n]*\n(\s*#[^\n]*\n)*\s+ignore\.k8s-net\.io\/loadbalancer-source-ranges: open to every client address, as answered \(--source-ranges 0\.0\.0\.0\/0\)/)
    expect(text).toMatch(/# MetalLB assigns the address from the IPAddressPool iot-mqtt[^\n]*\n(\s*#[^\n]*\n)*\s+metallb\.io\/address-pool: iot-mqtt/)
  })

  it('writes no YAML aliases and no line longer than a comment needs', () => {
    expect(text).not.toMatch(/[&*]a\d/)
    for (const line of text.split('\n')) if (line.trimStart().startsWith('#')) expect(line.trimStart().length).toBeLessThanOrEqual(100)
  })

  it('pins the MetalLB pool to the Service that names it', () => {
    const objects = parse(text)
    const pool = objects.find((o) => o.kind === 'IPAddressPool')!
    expect(pool).toMatchObject({apiVersion: 'metallb.io/v1beta1', metadata: {name: 'iot-mqtt', namespace: 'metallb-system'}, spec: {addresses: ['192.168.10.240-192.168.10.250'], autoAssign: false}})
    expect(objects.find((o) => o.kind === 'L2Advertisement')).toMatchObject({spec: {ipAddressPools: ['iot-mqtt']}})
  })

  it('refuses answers that were not completed', () => {
    expect(() => generate({exposure: 'internal', protocol: 'tcp'}, recommend({exposure: 'internal', protocol: 'tcp'}))).toThrow(/needs the answer name/)
  })
})
