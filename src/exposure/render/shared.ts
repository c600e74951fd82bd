/** What the map renderers share: safe text, verdict words, object names. */
import {escapeControl} from '../../util/terminal.js'
import type {ObjectReport, VerdictReport} from '../report.js'

/** Text from files and clusters is hostile: control characters are shown escaped, never sent to a terminal. */
export const printable = escapeControl

export function objectText(o: ObjectReport): string {
  return printable(`${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`)
}

export function whereOf(o: ObjectReport): string {
  if (o.file === null) return ''
  return printable(o.line === null ? o.file : `${o.file}:${o.line}`)
}

/** `admitted by NetworkPolicy shop/allow-web spec.ingress[0] (k8s/policy.yaml:12)`, `open: no policy selects the pods`. */
export function verdictText(v: VerdictReport): string {
  const parts = v.decisions.map((d) => {
    if (!d.policy) return printable(d.text)
    const where = whereOf(d.policy)
    return `${objectText(d.policy)}${d.rule ? ` ${d.rule}` : ''}${where ? ` (${where})` : ''}: ${printable(d.text)}`
  })
  return `${v.status}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`
}
