/**
 * `reach SOURCE TARGET[:PORT[/PROTOCOL]]`: whether a source gets into a
 * target's pods, and which rule of which policy decides at each tier.
 *
 * SOURCE: `internet`, `private`, `nodes` (through the ways the model finds
 * into the target), `cluster` (any pod), `ns/NAMESPACE` (any pod of it),
 * `KIND/NAMESPACE/NAME` (a workload's pods), or `NAMESPACE/LABEL=VALUE,...`
 * (pods with those labels in the namespace).
 * TARGET: `KIND/NAMESPACE/NAME` (a workload, or a Service: the workloads it
 * selects, on its ports) or `NAMESPACE/LABEL=VALUE,...`; then optionally a
 * port number or name, and a protocol (TCP by default).
 */
import type {PodTemplate} from '../engine/types.js'
import {matches, parseMatchLabels, type Selector} from '../engine/selectors.js'
import type {LintInput} from '../engine/types.js'
import type {Resource} from '../engine/types.js'
import {objectName} from '../engine/util.js'
import {resolveTargetPort} from '../k8s/ports.js'
import {servicePorts} from '../k8s/services.js'
import {longRunningContainers} from '../k8s/workloads.js'
import {describePath, type ExposureClass, type ExposureModel, type HopVerdict} from './model.js'
import {type Peer, type TargetPort, targetOf} from './policy.js'
import {objectReport, type ObjectReport, VerdictReporter, type VerdictReport} from './report.js'

export class ReachError extends Error {}

export type Answer = 'yes' | 'no' | 'partly' | 'unknown'

export interface ReachQuery {
  source: string
  target: string
}

export interface ReachResult {
  workload: ObjectReport
  /** `8080/TCP "http"`. */
  port: string
  answer: Answer
  /** For internet, private and nodes: the way in (`LoadBalancer Service shop/web`); null for pod sources. */
  via: string | null
  /** The verdict on the hop into the target's pods; null when no way in exists. */
  verdict: VerdictReport | null
  /** One line: why. */
  reason: string
}

export interface ReachAnswer {
  source: string
  target: string
  answer: Answer
  results: ReachResult[]
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/i

interface ParsedTarget {
  templates: PodTemplate[]
  /** Ports per template; undefined: each declared container port. */
  ports: (template: PodTemplate) => TargetPort[]
}

export function parseSelector(text: string): Selector {
  const labels: Record<string, string> = {}
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=')
    const key = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    if (eq <= 0 || !/^[\w./-]+$/.test(key) || !/^[\w.-]*$/.test(value)) throw new ReachError(`not a label selector: ${JSON.stringify(pair)} (write key=value,key=value)`)
    labels[key] = value
  }

  const parsed = parseMatchLabels(labels)
  if (!parsed.ok) throw new ReachError(parsed.error)
  return parsed.selector
}

function findWorkload(model: ExposureModel, kind: string, namespace: string, name: string): PodTemplate[] {
  return model.workloads.map((w) => w.template).filter((t) => t.owner.kind.toLowerCase() === kind.toLowerCase() && t.namespace === namespace && t.owner.name === name)
}

function portSpec(text: string | undefined): {port?: number | string; protocol: string} {
  if (text === undefined) return {protocol: 'TCP'}
  const [port, protocol = 'TCP', extra] = text.split('/')
  if (extra !== undefined || !port || !/^(?:TCP|UDP|SCTP)$/i.test(protocol)) throw new ReachError(`not a port: ${JSON.stringify(text)} (write 8080, http, 53/UDP)`)
  if (/^\d+$/.test(port)) {
    const n = Number(port)
    if (n < 1 || n > 65_535) throw new ReachError(`port ${n} is out of range (1-65535)`)
    return {port: n, protocol: protocol.toUpperCase()}
  }

  if (!/^[a-z0-9-]{1,15}$/i.test(port)) throw new ReachError(`not a port name: ${JSON.stringify(port)}`)
  return {port, protocol: protocol.toUpperCase()}
}

/** The ports of a template a port spec names: by number or container port name; every declared port when none is given. */
function containerPorts(template: PodTemplate, spec: {port?: number | string; protocol: string}): TargetPort[] {
  const declared = longRunningContainers(template).flatMap((c) => c.ports.map((p) => ({number: p.containerPort, name: p.name, protocol: p.protocol})))
  if (spec.port === undefined) return declared
  const found = declared.filter((p) => p.protocol === spec.protocol && (typeof spec.port === 'number' ? p.number === spec.port : p.name === spec.port))
  if (found.length > 0) return found
  // A number no container declares still reaches the pods; a name no container declares reaches nothing.
  return typeof spec.port === 'number' ? [{number: spec.port, protocol: spec.protocol}] : []
}

function parseTarget(model: ExposureModel, text: string, resources: readonly Resource[]): ParsedTarget {
  const colon = text.indexOf(':')
  const what = colon === -1 ? text : text.slice(0, colon)
  const spec = portSpec(colon === -1 ? undefined : text.slice(colon + 1))
  const parts = what.split('/')
  if (parts.length === 3) {
    const [kind, namespace, name] = parts as [string, string, string]
    if (kind.toLowerCase() === 'service') {
      const service = resources.find((r) => r.kind === 'Service' && r.group === '' && r.namespace === namespace && r.name === name)
      if (!service) throw new ReachError(`no Service ${namespace}/${name} in the input`)
      const ports = servicePorts(service).filter((p) => spec.port === undefined || p.port === spec.port || p.name === spec.port)
      if (ports.length === 0) throw new ReachError(`Service ${namespace}/${name} has no port ${String(spec.port)}`)
      const selected = model.workloads.map((w) => w.template).filter((t) => t.namespace === namespace && model.byTemplate.get(t)?.paths.some((p) => p.hops.some((h) => h.object === service)))
      return {
        templates: selected,
        ports: (t) => ports.flatMap((p) => {
          const resolved = resolveTargetPort(p, t)
          return resolved ? [{number: resolved.number, name: resolved.match?.port.name, protocol: p.protocol}] : []
        }),
      }
    }

    const templates = findWorkload(model, kind, namespace, name)
    if (templates.length === 0) throw new ReachError(`no workload ${kind}/${namespace}/${name} in the input`)
    return {templates, ports: (t) => containerPorts(t, spec)}
  }

  if (parts.length === 2 && parts[1]!.includes('=')) {
    const selector = parseSelector(parts[1]!)
    const templates = model.workloads.map((w) => w.template).filter((t) => t.namespace === parts[0] && matches(selector, t.labels))
    if (templates.length === 0) throw new ReachError(`no workload in namespace ${parts[0]} has the labels ${parts[1]}`)
    return {templates, ports: (t) => containerPorts(t, spec)}
  }

  throw new ReachError(`not a target: ${JSON.stringify(text)} (write KIND/NAMESPACE/NAME[:PORT[/PROTOCOL]] or NAMESPACE/LABEL=VALUE[:PORT])`)
}

type Source = {type: 'outside'; class: ExposureClass} | {type: 'peers'; peers: Array<{peer: Peer; sender: string}>}

function parseSource(model: ExposureModel, text: string): Source {
  if (text === 'internet' || text === 'private' || text === 'nodes') return {type: 'outside', class: text}
  if (text === 'cluster') return {type: 'peers', peers: [{peer: {type: 'cluster'}, sender: 'any pod of the cluster'}]}
  const parts = text.split('/')
  if (parts.length === 2 && parts[0] === 'ns' && NAME.test(parts[1]!)) {
    return {type: 'peers', peers: [{peer: {type: 'namespace', namespace: parts[1]!}, sender: `any pod of namespace ${parts[1]}`}]}
  }

  if (parts.length === 3) {
    const templates = findWorkload(model, parts[0]!, parts[1]!, parts[2]!)
    if (templates.length === 0) throw new ReachError(`no workload ${text} in the input`)
    return {type: 'peers', peers: templates.map((t) => ({peer: {type: 'pods', namespace: t.namespace, labels: t.labels, name: objectName(t.owner)}, sender: `the pods of ${objectName(t.owner)}`}))}
  }

  if (parts.length === 2 && parts[1]!.includes('=')) {
    const selector = parseSelector(parts[1]!)
    // Pods with exactly these labels: the equality requirements are what they carry.
    const labels = Object.fromEntries(selector.requirements.map((r) => [r.key, r.values[0]!]))
    return {type: 'peers', peers: [{peer: {type: 'pods', namespace: parts[0]!, labels, name: `pods ${parts[1]} in ${parts[0]}`}, sender: `pods with labels ${parts[1]} in namespace ${parts[0]}`}]}
  }

  throw new ReachError(`not a source: ${JSON.stringify(text)} (write internet, private, nodes, cluster, ns/NAMESPACE, KIND/NAMESPACE/NAME or NAMESPACE/LABEL=VALUE)`)
}

const answerOf = (status: string): Answer => (status === 'open' || status === 'admitted' ? 'yes' : status === 'partial' ? 'partly' : status === 'blocked' ? 'no' : 'unknown')

const portText = (p: TargetPort): string => `${p.number ?? '?'}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}${p.name ? ` "${p.name}"` : ''}`

/** Answers a reach query over the model. `input` locates the deciding rules. */
export async function reach(model: ExposureModel, query: ReachQuery, input?: LintInput): Promise<ReachAnswer> {
  const source = parseSource(model, query.source)
  const target = parseTarget(model, query.target, model.index.resources)
  const reporter = new VerdictReporter(input)
  const pending: Array<{result: ReachResult; verdict: HopVerdict}> = []
  const results: ReachResult[] = []
  for (const template of target.templates) {
    const ports = target.ports(template)
    const workload = objectReport(template.owner)
    if (ports.length === 0) {
      results.push({workload, port: '-', answer: 'no', via: null, verdict: null, reason: 'no container port of that name or number'})
      continue
    }

    for (const port of ports) {
      if (source.type === 'peers') {
        for (const {peer, sender} of source.peers) {
          const verdict: HopVerdict = {...model.evaluator.evaluate(peer, targetOf(template), port), sender, senderType: peer.type, port}
          const result: ReachResult = {workload, port: portText(port), answer: answerOf(verdict.status), via: null, verdict: null, reason: verdict.status}
          results.push(result)
          pending.push({result, verdict})
        }

        continue
      }

      // From outside: the model's ways in of that class, on this port.
      const paths = (model.byTemplate.get(template)?.paths ?? []).filter((p) => p.class === source.class)
      const hops = paths.flatMap((p) => p.hops.filter((h) => h.type === 'pods' && h.object === template.owner && h.verdict && samePort(h.verdict.port, port)).map((h) => ({path: p, hop: h})))
      if (hops.length === 0) {
        results.push({workload, port: portText(port), answer: 'no', via: null, verdict: null, reason: `no way in from ${source.class === 'nodes' ? 'the nodes\' network' : source.class === 'private' ? 'a private network' : 'the internet'} in the input`})
        continue
      }

      for (const {path, hop} of hops) {
        const answer = answerOf(hop.verdict!.status)
        const unknownNotes = path.notes.filter((n) => n.startsWith('unknown'))
        const result: ReachResult = {workload, port: portText(port), answer, via: describePath(path), verdict: null, reason: [hop.verdict!.status, ...unknownNotes].join('; ')}
        results.push(result)
        pending.push({result, verdict: hop.verdict!})
      }
    }
  }

  await reporter.locate(pending.map((p) => p.verdict))
  for (const {result, verdict} of pending) result.verdict = reporter.report(verdict)
  return {source: query.source, target: query.target, answer: overall(results), results}
}

const samePort = (a: TargetPort, b: TargetPort): boolean => a.protocol === b.protocol && (a.number === b.number || (a.name !== undefined && a.name === b.name))

/** Every result yes: yes; every one no: no; any yes among them: partly; else unknown. */
function overall(results: readonly ReachResult[]): Answer {
  if (results.length === 0) return 'no'
  if (results.every((r) => r.answer === 'yes')) return 'yes'
  if (results.every((r) => r.answer === 'no')) return 'no'
  if (results.some((r) => r.answer === 'yes' || r.answer === 'partly')) return 'partly'
  return 'unknown'
}
