/** `map --format dot`: a Graphviz digraph (`dot -Tsvg`). */
import type {MapReport} from '../report.js'
import {type GraphNode, toGraph} from './graph.js'

/** A DOT string literal: backslashes and quotes escaped, control characters and line breaks as spaces. */
const quote = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  `"${text.replaceAll(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ').replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

const shapes: Record<GraphNode['shape'], string> = {
  source: 'shape=ellipse, style=filled, fillcolor="#eeeeee"',
  entry: 'shape=box',
  service: 'shape=box, style=rounded',
  workload: 'shape=box3d',
}

export function renderDot(report: MapReport): string {
  const graph = toGraph(report)
  const lines = ['digraph map {', '  rankdir=LR;', '  node [fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];']
  for (const n of graph.nodes) lines.push(`  ${n.id} [label=${quote(n.label)}, ${shapes[n.shape]}];`)
  for (const e of graph.edges) {
    const attrs = e.labels.length > 0 ? [`label=${quote(e.labels.join('; '))}`] : []
    if (e.status === 'blocked') attrs.push('style=dashed', 'color="#dd3333"')
    else if (e.status === 'unknown') attrs.push('style=dashed', 'color="#cc9900"')
    lines.push(`  ${e.from} -> ${e.to}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`)
  }

  lines.push('}')
  return `${lines.join('\n')}\n`
}
