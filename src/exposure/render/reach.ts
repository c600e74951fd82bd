/** `reach` output: the answer, then one line per target port, and with --explain the decision at each tier. */
import {Chalk} from 'chalk'
import type {ReachAnswer} from '../reach.js'
import {objectText, printable, whereOf} from './shared.js'

const TIERS = {admin: 'Admin tier', networkpolicy: 'NetworkPolicy tier', baseline: 'Baseline tier', cni: 'Cilium/Calico'} as const

export function renderReach(answer: ReachAnswer, options: {explain?: boolean; color?: boolean} = {}): string {
  const c = new Chalk({level: options.color ? 1 : 0})
  const paint = (a: string): string => (a === 'yes' ? c.green(a) : a === 'no' ? c.red(a) : c.yellow(a))
  const lines = [`${paint(answer.answer)}: ${printable(answer.source)} → ${printable(answer.target)}`]
  for (const r of answer.results) {
    lines.push(`  ${paint(r.answer)}  ${objectText(r.workload)} port ${printable(r.port)}${r.via ? ` via ${printable(r.via)}` : ''}: ${printable(r.reason)}`)
    if (!options.explain || !r.verdict) continue
    lines.push(`      sender: ${printable(r.verdict.sender)}`)
    for (const d of r.verdict.decisions) {
      const policy = d.policy ? `${objectText(d.policy)}${d.rule ? ` ${d.rule}` : ''}${whereOf(d.policy) ? ` at ${whereOf(d.policy)}` : ''}: ` : ''
      lines.push(`      [${TIERS[d.tier]}] ${policy}${printable(d.text)}`)
    }
  }

  return `${lines.join('\n')}\n`
}
