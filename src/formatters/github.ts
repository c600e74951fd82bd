/**
 * `--format github`: GitHub Actions workflow commands, one per finding, which
 * the runner turns into annotations on the pull request's diff:
 * `::error file=k8s/web.yaml,line=12,col=17,endLine=12,endColumn=21,title=nodeport-conflict::message`.
 * Errors are `::error`, warnings `::warning`, infos `::notice`.
 *
 * GitHub's columns are inclusive and it takes them only on a one-line range,
 * so `endColumn` is the last character's column, and a range over several
 * lines gives lines only. Findings without a file (objects from a cluster,
 * standard input) name their object or position in the message.
 */
import type {Finding, Severity} from '../engine/types.js'
import {STDIN} from '../engine/types.js'
import {objectName} from '../engine/util.js'
import {displayPath, locationText} from './paths.js'
import {escapeControl} from '../util/terminal.js'
import type {Formatter} from './types.js'

const COMMAND: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

export const github: Formatter = (result, options) =>
  result.findings.map((f) => `::${COMMAND[f.severity]} ${properties(f, options.cwd)}::${escapeData(message(f, options.cwd))}\n`).join('')

function properties(f: Finding, cwd: string): string {
  const props: Array<[string, string | number]> = []
  if (f.file !== undefined && f.file !== STDIN) {
    props.push(['file', displayPath(f.file, cwd)])
    if (f.start) {
      props.push(['line', f.start.line])
      const end = f.end && (f.end.line > f.start.line || (f.end.line === f.start.line && f.end.column > f.start.column)) ? f.end : undefined
      if (!end || end.line === f.start.line) {
        props.push(['col', f.start.column])
        if (end) props.push(['endLine', end.line], ['endColumn', end.column - 1])
      } else {
        props.push(['endLine', end.line])
      }
    }
  }

  props.push(['title', f.ruleId])
  return props.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
}

function message(f: Finding, cwd: string): string {
  let where = ''
  if (f.file === undefined) where = f.object ? `${objectName(f.object)}: ` : ''
  else if (f.file === STDIN) where = `${STDIN}${f.start ? `:${f.start.line}:${f.start.column}` : ''}: `
  const lines = [`${where}${f.message}`]
  for (const r of f.related ?? []) {
    const at = locationText(r, cwd)
    if (at && f.message.includes(at)) continue // the message names it already
    lines.push(`${r.message}${at ? ` (${at})` : ''}`)
  }

  return lines.join('\n')
}

/** The message of a workflow command: `%`, CR and LF escaped as GitHub reads them, other control characters as `escapeControl` shows them. */
export function escapeData(value: string): string {
  return escapeControl(value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A'))
}

/** A property value of a workflow command: as data, and `:` and `,` too. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
