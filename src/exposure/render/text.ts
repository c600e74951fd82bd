/**
 * `map --format text` (the default): workloads grouped by the widest class of
 * source that reaches them, each path hop by hop with ports, hosts, paths,
 * TLS and the policy verdict on each hop into pods.
 */
import {Chalk} from 'chalk'
import {EXPOSURE_CLASSES, type ExposureClass} from '../model.js'
import type {HopReport, MapReport} from '../report.js'
import {objectText, printable, verdictText, whereOf} from './shared.js'

export const CLASS_TITLES: Readonly<Record<ExposureClass, string>> = {
  internet: 'internet',
  private: 'private network',
  nodes: 'nodes\' network',
  cluster: 'cluster (any pod)',
  namespace: 'namespace only',
}

export function renderText(report: MapReport, options: {color?: boolean} = {}): string {
  const c = new Chalk({level: options.color ? 1 : 0})
  const lines: string[] = []
  for (const cls of EXPOSURE_CLASSES) {
    const workloads = report.workloads.filter((w) => w.class === cls)
    if (workloads.length === 0) continue
    if (lines.length > 0) lines.push('')
    lines.push(c.bold(`${CLASS_TITLES[cls]} (${workloads.length} workload${workloads.length === 1 ? '' : 's'})`))
    for (const w of workloads) {
      const where = whereOf(w.workload)
      lines.push(`  ${objectText(w.workload)}${where ? c.dim(`  ${where}`) : ''}`)
      for (const path of w.paths) {
        lines.push(`    ${c.cyan(`from ${CLASS_TITLES[path.class]}`)}`)
        for (const hop of mergePorts(path.hops)) lines.push(`      ${hopText(hop, c)}`)
        for (const note of path.notes) lines.push(`      ${c.yellow(printable(note))}`)
      }
    }
  }

  for (const exit of report.exits) {
    if (lines.length > 0 && !lines.at(-1)!.startsWith('exits')) lines.push('', c.bold('exits (ExternalName Services)'))
    lines.push(`  ${objectText(exit.service)} → ${printable(exit.externalName)}`)
  }

  const s = report.summary
  const counts = [...EXPOSURE_CLASSES.map((k) => `${s[k]} ${k}`), `${s.none} reached by nothing outside their namespace`]
  if (lines.length > 0) lines.push('')
  lines.push(c.dim(`workloads by widest exposure: ${counts.join(', ')}`))
  return `${lines.join('\n')}\n`
}

/** Consecutive hops into the same pods with the same verdict read as one, with all their ports. */
function mergePorts(hops: readonly HopReport[]): HopReport[] {
  const out: HopReport[] = []
  for (const hop of hops) {
    const last = out.at(-1)
    if (last?.verdict && hop.verdict && last.type === hop.type && last.name === hop.name && verdictText(last.verdict) === verdictText(hop.verdict) && last.verdict.sender === hop.verdict.sender) {
      out[out.length - 1] = {...last, ports: [...last.ports, ...hop.ports]}
    } else {
      out.push(hop)
    }
  }

  return out
}

function hopText(hop: HopReport, c: InstanceType<typeof Chalk>): string {
  const parts = [hop.type === 'pods' ? `→ pods of ${printable(hop.name)}` : `→ ${printable(hop.name)}`]
  if (hop.ports.length > 0) parts.push(`ports ${printable(hop.ports.join(', '))}`)
  if (hop.hosts.length > 0) parts.push(`hosts ${printable(hop.hosts.join(', '))}`)
  if (hop.paths.length > 0) parts.push(`paths ${printable(hop.paths.join(', '))}`)
  if (hop.tls !== null) parts.push(`TLS ${printable(hop.tls)}`)
  for (const d of hop.details) parts.push(printable(d))
  let text = parts.join('  ')
  if (hop.verdict) {
    const v = hop.verdict
    const color = v.status === 'blocked' ? c.red : v.status === 'unknown' ? c.yellow : v.status === 'open' ? c.magenta : c.green
    text += `\n        ${color(verdictText(v))}\n        ${c.dim(`sender: ${printable(v.sender)}`)}`
  }

  return text
}
