/**
 * `--format stylish` (the default): findings grouped by file, one line each as
 * `line:col  severity  message  rule-id`, then a summary. Objects read from a
 * cluster have no file: they are grouped under `cluster` and shown by kind,
 * namespace and name.
 */
import {Chalk} from 'chalk'
import {countBySeverity} from '../engine/engine.js'
import type {Finding} from '../engine/types.js'
import {objectName, whereText} from '../engine/util.js'
import {escapeControl} from '../util/terminal.js'
import type {Formatter} from './types.js'

const CLUSTER_GROUP = 'cluster'

export const stylish: Formatter = (result, options) => {
  const c = new Chalk({level: options.color ? 1 : 0})
  const groups = new Map<string, Finding[]>()
  for (const f of result.findings) {
    const key = f.file ?? CLUSTER_GROUP
    const list = groups.get(key)
    if (list) list.push(f)
    else groups.set(key, [f])
  }

  const lines: string[] = []
  for (const [file, findings] of groups) {
    lines.push(c.underline(escapeControl(file)))
    const rows = findings.map((f) => {
      const where = f.start ? `${f.start.line}:${f.start.column}` : f.object ? escapeControl(objectName(f.object)) : ''
      return {where, f}
    })
    // A loop, not Math.max(...): a group may hold more findings than a call takes arguments.
    const whereWidth = rows.reduce((width, r) => Math.max(width, r.where.length), 0)
    for (const {where, f} of rows) {
      const severity = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ')
      // A message of several lines keeps the rule id on its first and its other lines under it.
      const [first, ...more] = escapeControl(f.message).split('\n')
      lines.push(`  ${c.dim(where.padEnd(whereWidth))}  ${severity}  ${first}  ${c.dim(f.ruleId)}`)
      for (const line of more) lines.push(`  ${' '.repeat(whereWidth)}           ${line}`)
      for (const r of f.related ?? []) {
        const at = whereText(r)
        if (at && f.message.includes(at)) continue // the message names it already
        lines.push(`  ${' '.repeat(whereWidth)}           ${c.dim(escapeControl(`${r.message}${at ? ` (${at})` : ''}`))}`)
      }
    }

    lines.push('')
  }

  const counts = countBySeverity(result.findings)
  const total = result.findings.length
  const summary = `${total} ${total === 1 ? 'problem' : 'problems'} (${counts.error} ${plural(counts.error, 'error')}, ${counts.warning} ${plural(counts.warning, 'warning')}, ${counts.info} ${plural(counts.info, 'info')})`
  // Objects read from a cluster come from no file.
  const from = result.files.length > 0 ? ` from ${result.files.length} ${plural(result.files.length, 'file')}` : ''
  const scope = `in ${result.objects} ${plural(result.objects, 'object')}${from}`
  // Silence is success, as in every linter a CI log is read from.
  if (total === 0) return ''
  const mark = counts.error > 0 ? c.red.bold('✖') : counts.warning > 0 ? c.yellow.bold('⚠') : c.blue.bold('ℹ')
  lines.push(`${mark} ${summary} ${scope}${result.suppressed > 0 ? c.dim(`, ${result.suppressed} suppressed`) : ''}${result.skipped > 0 ? c.dim(`, ${result.skipped} skipped as not manifests`) : ''}`)
  return `${lines.join('\n')}\n`
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`
}
