/**
 * The exposure model's policy evaluator against an independent brute-force
 * reading of the semantics (brute-force.ts), over seeded random namespaces,
 * pods, NetworkPolicies, ClusterNetworkPolicies and ports: every verdict must
 * agree, through the evaluator and through `reach`.
 */
import {describe, expect, it} from 'vitest'
import {ResourceIndex} from '../../src/engine/resource-index.js'
import type {K8sObject} from '../../src/engine/types.js'
import {exposureModel} from '../../src/exposure/model.js'
import {targetOf} from '../../src/exposure/policy.js'
import {reach} from '../../src/exposure/reach.js'
import {resources} from '../k8s/helpers.js'
import {prng} from '../support/fuzz.js'
import {type BfInput, type BfPort, bruteForce} from './brute-force.js'

const KEYS = ['team', 'tier']
const VALUES = ['a', 'b']
const NAMESPACES = ['n1', 'n2']
const PORTS: BfPort[] = [
  {number: 80, name: 'http', protocol: 'TCP'},
  {number: 8080, protocol: 'TCP'},
  {number: 53, name: 'dns', protocol: 'UDP'},
]

export function generate(seed: number, everyNamespace = false) {
  const random = prng(seed)
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const chance = (p: number): boolean => random() < p
  const labels = (): Record<string, string> => Object.fromEntries(KEYS.filter(() => chance(0.6)).map((k) => [k, pick([...VALUES, 'z'])]))
  // One requirement per key: a selector never contradicts itself.
  const selector = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    const matchLabels: Record<string, string> = {}
    const matchExpressions: unknown[] = []
    for (const key of KEYS) {
      if (!chance(0.45)) continue
      if (chance(0.5)) matchLabels[key] = pick(VALUES)
      else {
        const operator = pick(['In', 'NotIn', 'Exists', 'DoesNotExist'])
        matchExpressions.push(operator === 'In' || operator === 'NotIn' ? {key, operator, values: VALUES.filter(() => chance(0.6)).concat(pick(VALUES))} : {key, operator})
      }
    }

    if (Object.keys(matchLabels).length > 0) out.matchLabels = matchLabels
    if (matchExpressions.length > 0) out.matchExpressions = matchExpressions
    return out
  }

  const namespaceObjects: Record<string, Record<string, string>> = {}
  for (const ns of NAMESPACES) if (chance(0.6) || everyNamespace) namespaceObjects[ns] = labels()
  const pods = Array.from({length: 3}, (_, i) => ({name: `w${i}`, namespace: pick(NAMESPACES), labels: labels()}))

  const npPeer = (): Record<string, unknown> => {
    const kind = pick(['pod', 'ns', 'both', 'ip'])
    if (kind === 'ip') return {ipBlock: pick([{cidr: '0.0.0.0/0'}, {cidr: '203.0.113.0/24'}, {cidr: '10.0.0.0/8'}, {cidr: '0.0.0.0/0', except: ['10.0.0.0/8']}, {cidr: '172.16.0.0/12', except: ['172.16.0.0/16']}])}
    const peer: Record<string, unknown> = {}
    if (kind !== 'ns') peer.podSelector = selector()
    if (kind !== 'pod') peer.namespaceSelector = selector()
    return peer
  }

  const npPorts = (): unknown[] | undefined => {
    if (chance(0.4)) return undefined
    return Array.from({length: 1 + Math.floor(random() * 2)}, () =>
      pick<Record<string, unknown>>([{port: 80}, {port: 'http'}, {port: 8000, endPort: 8100}, {protocol: 'UDP', port: 53}, {protocol: 'UDP'}, {port: 'dns', protocol: 'UDP'}, {protocol: 'TCP', port: 8080}]),
    )
  }

  const networkPolicies = Array.from({length: Math.floor(random() * 4)}, (_, i) => {
    const spec: Record<string, unknown> = {podSelector: selector()}
    const types = pick([undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']])
    if (types) spec.policyTypes = types
    if (chance(0.8)) spec.ingress = Array.from({length: Math.floor(random() * 3)}, () => {
      const rule: Record<string, unknown> = {}
      if (chance(0.75)) rule.from = Array.from({length: Math.floor(random() * 3)}, npPeer)
      const ports = npPorts()
      if (ports) rule.ports = ports
      return rule
    })
    if (chance(0.2)) spec.egress = [{}]
    return {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: `np${i}`, namespace: pick(NAMESPACES)}, spec}
  })

  const cnpPeer = (): Record<string, unknown> => (chance(0.5) ? {namespaces: selector()} : {pods: {namespaceSelector: selector(), podSelector: selector()}})
  const priorities = [5, 10, 20, 30, 40].sort(() => random() - 0.5)
  const clusterPolicies = Array.from({length: Math.floor(random() * 3)}, (_, i) => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: {name: `cnp${i}`},
    spec: {
      tier: pick(['Admin', 'Baseline']),
      priority: priorities[i],
      subject: chance(0.5) ? {namespaces: selector()} : {pods: {namespaceSelector: selector(), podSelector: selector()}},
      ingress: Array.from({length: 1 + Math.floor(random() * 2)}, () => {
        const rule: Record<string, unknown> = {action: pick(['Accept', 'Deny', 'Pass']), from: [cnpPeer()]}
        if (chance(0.4)) rule.protocols = [pick<Record<string, unknown>>([{tcp: {destinationPort: {number: 80}}}, {tcp: {destinationPort: {range: {start: 8000, end: 8100}}}}, {udp: {}}, {destinationNamedPort: 'http'}])]
        return rule
      }),
    },
  }))

  const objects: K8sObject[] = [
    ...Object.entries(namespaceObjects).map(([name, l]) => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels: l}})),
    ...pods.map((p) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: p.name, namespace: p.namespace},
      spec: {
        selector: {matchLabels: p.labels},
        template: {
          metadata: {labels: p.labels},
          spec: {containers: [{name: 'c', image: 'x', ports: PORTS.map((q) => ({containerPort: q.number, protocol: q.protocol, ...(q.name ? {name: q.name} : {})}))}]},
        },
      },
    })),
    ...networkPolicies,
    ...clusterPolicies,
  ]
  const bf: BfInput = {namespaceObjects, namespaces: NAMESPACES, networkPolicies, clusterPolicies, labelKeys: KEYS, labelValues: VALUES}
  return {objects, pods, bf}
}

type Case = {seed: number; what: string; got: string; expected: string}

/** Every sender, target and port of the generated inputs: the evaluator's verdict beside the brute force's. */
function compare(seeds: number[], everyNamespace: boolean): {cases: Case[]; counts: Record<string, number>} {
  const cases: Case[] = []
  const counts: Record<string, number> = {}
  for (const seed of seeds) {
    const {objects, pods, bf} = generate(seed, everyNamespace)
    const model = exposureModel(new ResourceIndex(resources(...objects)))
    const templates = model.workloads.map((w) => w.template)
    for (const sender of pods) {
      const senderTemplate = templates.find((t) => t.owner.name === sender.name)!
      for (const target of templates) {
        for (const port of PORTS) {
          const expected = bruteForce(bf, {namespace: sender.namespace, labels: sender.labels}, {namespace: target.namespace, labels: target.labels}, port)
          const got = model.evaluator.evaluate({type: 'pods', namespace: senderTemplate.namespace, labels: senderTemplate.labels, name: sender.name}, targetOf(target), port).status
          counts[expected] = (counts[expected] ?? 0) + 1
          cases.push({seed, what: `${sender.namespace}/${sender.name} → ${target.namespace}/${target.owner.name}:${port.number}/${port.protocol}`, got, expected})
        }
      }
    }
  }

  return {cases, counts}
}

const seeds = (from: number, n: number): number[] => Array.from({length: n}, (_, i) => from + i)

describe('policy verdicts against a brute-force evaluator', () => {
  it('agree exactly when every Namespace is in the input (400 generated inputs)', () => {
    const {cases, counts} = compare(seeds(1, 400), true)
    const wrong = cases.filter((c) => c.got !== c.expected)
    expect(wrong.slice(0, 5)).toEqual([])
    // The generator must reach every outcome, or the comparison proves little.
    expect(Object.keys(counts).sort()).toEqual(['admitted', 'blocked', 'open', 'unknown'])
  })

  it('are never wrong when Namespaces are missing: a definite verdict is the brute force\'s, and what it cannot know is unknown', () => {
    const {cases} = compare(seeds(5000, 150), false)
    // Open in every world, or admitted in some: the traffic gets in, whichever tier lets it.
    const gets = (status: string): string => (status === 'open' || status === 'admitted' ? 'in' : status)
    const wrong = cases.filter((c) => c.got !== 'unknown' && gets(c.got) !== gets(c.expected))
    expect(wrong.slice(0, 5)).toEqual([])
    expect(cases.filter((c) => c.expected === 'unknown' && c.got !== 'unknown').slice(0, 5)).toEqual([])
    // Unknowns the evaluator cannot resolve (one missing Namespace's labels in two selectors that decide together) stay rare.
    const imprecise = cases.filter((c) => c.got === 'unknown' && c.expected !== 'unknown').length
    expect(imprecise / cases.length).toBeLessThan(0.05)
  })

  it('reach answers as the brute force does', async () => {
    const answerOf = {open: 'yes', admitted: 'yes', blocked: 'no', unknown: 'unknown'} as const
    for (let seed = 1000; seed < 1060; seed++) {
      const {objects, pods, bf} = generate(seed, true)
      const model = exposureModel(new ResourceIndex(resources(...objects)))
      const [sender, target] = [pods[0]!, pods[1]!]
      for (const port of PORTS) {
        const expected = bruteForce(bf, sender, target, port)
        const answer = await reach(model, {source: `Deployment/${sender.namespace}/${sender.name}`, target: `Deployment/${target.namespace}/${target.name}:${port.number}/${port.protocol}`})
        expect(answer.answer, `seed ${seed} port ${port.number}`).toBe(answerOf[expected])
      }
    }
  })
})
