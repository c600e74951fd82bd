/**
 * An independent, deliberately naive reading of ingress policy semantics, for
 * the property test of the exposure model's evaluator. No indexes, no
 * three-valued logic: what the input leaves open (the labels of a Namespace
 * that is not in it, whether an ipBlock applies to pod addresses and what a
 * pod's address is) is enumerated as "worlds", each evaluated to a definite
 * answer; the answers agree or the verdict is unknown.
 */

export interface BfPod {
  namespace: string
  labels: Record<string, string>
}

export interface BfPort {
  number: number
  name?: string
  protocol: string
}

export interface BfInput {
  /** Namespaces whose Namespace object is in the input, with its labels. */
  namespaceObjects: Record<string, Record<string, string>>
  /** Every namespace the test uses. */
  namespaces: string[]
  networkPolicies: Array<Record<string, any>>
  clusterPolicies: Array<Record<string, any>>
  /** Label keys and values selectors use; `z` stands for any other value. */
  labelKeys: string[]
  labelValues: string[]
}

export type BfStatus = 'open' | 'admitted' | 'blocked' | 'unknown'

interface World {
  nsLabels: Record<string, Record<string, string>>
  /** Whether ipBlock peers match pod traffic, and the sender pod's address. */
  podIp?: number
}

const ip = (text: string): number => text.split('.').reduce((n, o) => n * 256 + Number(o), 0)

function inCidr(address: number, cidr: string): boolean {
  const [base, bits] = cidr.split('/')
  const size = 2 ** (32 - Number(bits))
  const start = ip(base!) - (ip(base!) % size)
  return address >= start && address < start + size
}

function selectorMatches(selector: Record<string, any> | undefined | null, labels: Record<string, string>): boolean {
  if (selector === undefined || selector === null) return true
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key)
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false
    if (e.operator === 'Exists' && !has) return false
    if (e.operator === 'DoesNotExist' && has) return false
  }

  return true
}

function portMatches(ports: any[] | undefined, port: BfPort): boolean {
  if (!ports || ports.length === 0) return true
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== port.protocol) return false
    if (p.port === undefined) return true
    if (typeof p.port === 'string') return p.port === port.name
    return port.number >= p.port && port.number <= (p.endPort ?? p.port)
  })
}

function npPeerMatches(peer: Record<string, any>, policyNs: string, sender: BfPod, world: World): boolean {
  if (peer.ipBlock) {
    if (world.podIp === undefined) return false
    return inCidr(world.podIp, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((e: string) => inCidr(world.podIp!, e))
  }

  const nsOk = peer.namespaceSelector === undefined ? sender.namespace === policyNs : selectorMatches(peer.namespaceSelector, world.nsLabels[sender.namespace]!)
  const podOk = peer.podSelector === undefined ? true : selectorMatches(peer.podSelector, sender.labels)
  return nsOk && podOk
}

function effectiveTypes(policy: Record<string, any>): string[] {
  const written = policy.spec.policyTypes
  if (Array.isArray(written) && written.length > 0) return written
  return policy.spec.egress && policy.spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']
}

function cnpSelects(subject: Record<string, any>, target: BfPod, world: World): boolean {
  if (subject.namespaces) return selectorMatches(subject.namespaces, world.nsLabels[target.namespace]!)
  return selectorMatches(subject.pods.namespaceSelector, world.nsLabels[target.namespace]!) && selectorMatches(subject.pods.podSelector, target.labels)
}

function cnpRuleMatches(rule: Record<string, any>, sender: BfPod, port: BfPort, world: World): boolean {
  const peerOk = rule.from.some((f: Record<string, any>) =>
    f.namespaces
      ? selectorMatches(f.namespaces, world.nsLabels[sender.namespace]!)
      : selectorMatches(f.pods.namespaceSelector, world.nsLabels[sender.namespace]!) && selectorMatches(f.pods.podSelector, sender.labels),
  )
  if (!peerOk) return false
  if (!rule.protocols) return true
  return rule.protocols.some((p: Record<string, any>) => {
    if (p.destinationNamedPort !== undefined) return p.destinationNamedPort === port.name
    const m = p[port.protocol.toLowerCase()]
    if (!m) return false
    if (!m.destinationPort) return true
    if (m.destinationPort.number !== undefined) return m.destinationPort.number === port.number
    return port.number >= m.destinationPort.range.start && port.number <= m.destinationPort.range.end
  })
}

/** The verdict in one world: always definite. */
function decide(input: BfInput, sender: BfPod, target: BfPod, port: BfPort, world: World): Exclude<BfStatus, 'unknown'> {
  const tier = (name: string): 'admitted' | 'blocked' | 'pass' | undefined => {
    const policies = input.clusterPolicies.filter((p) => p.spec.tier === name).sort((a, b) => a.spec.priority - b.spec.priority)
    for (const policy of policies) {
      if (!cnpSelects(policy.spec.subject, target, world)) continue
      for (const rule of policy.spec.ingress ?? []) {
        if (!cnpRuleMatches(rule, sender, port, world)) continue
        return rule.action === 'Accept' ? 'admitted' : rule.action === 'Deny' ? 'blocked' : 'pass'
      }
    }

    return undefined
  }

  const admin = tier('Admin')
  if (admin === 'admitted' || admin === 'blocked') return admin
  const selecting = input.networkPolicies.filter(
    (p) => p.metadata.namespace === target.namespace && effectiveTypes(p).includes('Ingress') && selectorMatches(p.spec.podSelector ?? {}, target.labels),
  )
  if (selecting.length > 0) {
    const admitted = selecting.some((p) =>
      (p.spec.ingress ?? []).some(
        (rule: Record<string, any>) =>
          (!rule.from || rule.from.length === 0 || rule.from.some((peer: Record<string, any>) => npPeerMatches(peer, p.metadata.namespace, sender, world))) &&
          portMatches(rule.ports, port),
      ),
    )
    return admitted ? 'admitted' : 'blocked'
  }

  const baseline = tier('Baseline')
  if (baseline === 'admitted' || baseline === 'blocked') return baseline
  return 'open'
}

/** Every labelling of the namespaces whose Namespace is not in the input, over the keys and values selectors use. */
function* worlds(input: BfInput): Generator<World> {
  const missing = input.namespaces.filter((n) => !Object.hasOwn(input.namespaceObjects, n))
  const options: Array<Record<string, string>> = [{}]
  for (const key of input.labelKeys) {
    const next: Array<Record<string, string>> = []
    for (const o of options) {
      next.push(o)
      for (const v of [...input.labelValues, 'z']) next.push({...o, [key]: v})
    }

    options.splice(0, options.length, ...next)
  }

  const assign = function* (i: number, acc: Record<string, Record<string, string>>): Generator<Record<string, Record<string, string>>> {
    if (i === missing.length) {
      yield acc
      return
    }

    for (const o of options) yield* assign(i + 1, {...acc, [missing[i]!]: {...o, 'kubernetes.io/metadata.name': missing[i]!}})
  }

  const known: Record<string, Record<string, string>> = {}
  for (const [n, labels] of Object.entries(input.namespaceObjects)) known[n] = {...labels, 'kubernetes.io/metadata.name': n}
  for (const nsLabels of assign(0, known)) {
    yield {nsLabels}
    for (const podIp of ['10.1.2.3', '10.200.0.1', '172.16.0.5', '172.20.0.1', '192.168.1.1', '100.64.0.1']) yield {nsLabels, podIp: ip(podIp)}
  }
}

export function bruteForce(input: BfInput, sender: BfPod, target: BfPod, port: BfPort): BfStatus {
  const seen = new Set<string>()
  for (const world of worlds(input)) seen.add(decide(input, sender, target, port, world))
  if (seen.size === 1) return [...seen][0] as BfStatus
  // Admitted in some worlds, open in the others: the traffic gets in either way.
  if (seen.size === 2 && seen.has('open') && seen.has('admitted')) return 'admitted'
  return 'unknown'
}
