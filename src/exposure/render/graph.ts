/**
 * The map as a graph, for the picture formats (Mermaid, DOT): sources,
 * entry points, Services and workloads as nodes; each hop an edge, labelled
 * with its ports, and with the verdict when it goes into pods.
 */
import type {ExposureClass} from '../model.js'
import type {HopReport, MapReport, ObjectReport} from '../report.js'
import type {Status} from '../policy.js'
import {CLASS_TITLES} from './text.js'
import {objectText} from './shared.js'

export type NodeShape = 'source' | 'entry' | 'service' | 'workload'

export interface GraphNode {
  id: string
  label: string
  shape: NodeShape
}

export interface GraphEdge {
  from: string
  to: string
  labels: string[]
  /** The worst verdict on the edge, when it goes into pods. */
  status?: Status
}

export interface Graph {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

const WORST: readonly Status[] = ['blocked', 'unknown', 'partial', 'admitted', 'open']

const refKey = (o: ObjectReport): string => `${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}`

export function toGraph(report: MapReport): Graph {
  const nodes = new Map<string, GraphNode>()
  const edges = new Map<string, GraphEdge>()
  const node = (key: string, label: string, shape: NodeShape): string => {
    let n = nodes.get(key)
    if (!n) nodes.set(key, (n = {id: `n${nodes.size}`, label, shape}))
    return n.id
  }

  const sourceNode = (cls: ExposureClass): string => node(`source\u0000${cls}`, CLASS_TITLES[cls], 'source')
  const hopNode = (hop: HopReport): string => {
    if (!hop.object) return node(`name\u0000${hop.name}`, hop.name, 'entry')
    const shape: NodeShape = hop.type === 'pods' || hop.type === 'ingress-controller' ? 'workload' : hop.type === 'service' ? 'service' : 'entry'
    // A Service is one node however it is reached (LoadBalancer, NodePort, ClusterIP).
    const label = shape === 'workload' || shape === 'service' ? objectText(hop.object) : hop.name
    return node(shape === 'entry' && hop.type !== 'ingress' && hop.type !== 'route' && hop.type !== 'gateway' ? `${hop.type}\u0000${refKey(hop.object)}` : refKey(hop.object), label, shape)
  }

  for (const w of report.workloads) {
    for (const path of w.paths) {
      let previous = sourceNode(path.class)
      for (const hop of path.hops) {
        const id = hopNode(hop)
        if (id === previous) continue
        const k = `${previous}\u0000${id}`
        let edge = edges.get(k)
        if (!edge) edges.set(k, (edge = {from: previous, to: id, labels: []}))
        // Port numbers only: names and quotes would crowd a picture.
        const ports = hop.ports.map((p) => p.replaceAll(/ "[^"]*"/g, '')).join(', ')
        const label = [ports, hop.verdict?.status].filter(Boolean).join(' ')
        if (label && !edge.labels.includes(label)) edge.labels.push(label)
        if (hop.verdict) {
          const status = hop.verdict.status
          if (!edge.status || WORST.indexOf(status) < WORST.indexOf(edge.status)) edge.status = status
        }

        previous = id
      }
    }
  }

  return {nodes: [...nodes.values()], edges: [...edges.values()]}
}
