/** `map --format mermaid`: a flowchart GitHub and GitLab render in Markdown. */
import type {MapReport} from '../report.js'
import {type GraphNode, toGraph} from './graph.js'

/** Mermaid label text: quotes and angle brackets as entities, control characters and line breaks as spaces. */
const escape = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replaceAll(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ').replaceAll('#', '#35;').replaceAll('"', '#quot;').replaceAll('<', '#lt;').replaceAll('>', '#gt;')

const shapes: Record<GraphNode['shape'], (label: string) => string> = {
  source: (l) => `(("${l}"))`,
  entry: (l) => `["${l}"]`,
  service: (l) => `(["${l}"])`,
  workload: (l) => `[["${l}"]]`,
}

export function renderMermaid(report: MapReport): string {
  const graph = toGraph(report)
  const lines = ['flowchart LR']
  for (const n of graph.nodes) lines.push(`  ${n.id}${shapes[n.shape](escape(n.label))}`)
  for (const e of graph.edges) {
    const arrow = e.status === 'blocked' ? '-.->' : e.status === 'unknown' ? '-.->' : '-->'
    const label = e.labels.length > 0 ? `|"${escape(e.labels.join('; '))}"|` : ''
    lines.push(`  ${e.from} ${arrow}${label} ${e.to}`)
  }

  const styled = (status: string, style: string): void => {
    const indexes = graph.edges.flatMap((e, i) => (e.status === status ? [i] : []))
    if (indexes.length > 0) lines.push(`  linkStyle ${indexes.join(',')} ${style}`)
  }

  styled('blocked', 'stroke:#d33,color:#d33')
  styled('unknown', 'stroke:#c90')
  return `${lines.join('\n')}\n`
}
