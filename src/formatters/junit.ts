/**
 * `--format junit`: JUnit XML, as GitLab, Jenkins and Azure DevOps read test
 * reports. One <testsuite> per file read (objects from a cluster form the
 * suite `cluster`), and in it one <testcase> per rule that ran, passing when
 * the rule found nothing in that file at or above --fail-on, else with one
 * <failure> that lists every such finding (object, position, related places,
 * fix). Findings below --fail-on keep their case passing and are listed in
 * its <system-out>.
 *
 * Per file and rule rather than per object and rule: the three systems track
 * a test across runs by its suite, class and name (Jenkins' "failing since",
 * GitLab's "newly failed" and "fixed" in a merge request, Azure DevOps' test
 * history), and a file and a rule id stay the same when objects are renamed,
 * added or moved between files; each reads one <failure> per test case, so
 * every finding of a case goes into that one; and a clean run still reports
 * what it checked (files × rules), so a report is never empty.
 */
import {atLeast} from '../engine/engine.js'
import {docsUrl} from '../engine/rule.js'
import type {Finding} from '../engine/types.js'
import {objectName} from '../engine/util.js'
import {displayPath, locationText} from './paths.js'
import type {Formatter} from './types.js'

const CLUSTER_SUITE = 'cluster'

interface Suite {
  name: string
  file?: string
  /** Findings by rule id; every rule that ran has an entry. */
  cases: Map<string, Finding[]>
}

export const junit: Formatter = (result, options) => {
  // The rules that ran; a result from elsewhere without that list is taken to have run every rule described.
  const ran = result.rules ?? options.rules.map((r) => r.id)
  const suites = new Map<string, Suite>()
  const suiteOf = (name: string, file?: string): Suite => {
    let suite = suites.get(name)
    if (!suite) {
      suite = {name, file, cases: new Map(ran.map((id) => [id, []]))}
      suites.set(name, suite)
    }

    return suite
  }

  for (const file of result.files) suiteOf(displayPath(file, options.cwd), file)
  // A cluster run reads no file: its objects are one suite.
  if (result.files.length === 0 && result.objects > 0) suiteOf(CLUSTER_SUITE)
  for (const finding of result.findings) {
    const suite = finding.file === undefined ? suiteOf(CLUSTER_SUITE) : suiteOf(displayPath(finding.file, options.cwd), finding.file)
    const list = suite.cases.get(finding.ruleId)
    if (list) list.push(finding)
    else suite.cases.set(finding.ruleId, [finding]) // a finding of no rule that ran: an internal error, invalid input
  }

  const failing = (findings: readonly Finding[]): Finding[] => findings.filter((f) => atLeast(f.severity, options.failOn))
  const all = [...suites.values()]
  const tests = all.reduce((n, s) => n + s.cases.size, 0)
  const failures = all.reduce((n, s) => n + [...s.cases.values()].filter((c) => failing(c).length > 0).length, 0)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="k8s-net" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`,
  ]
  for (const suite of all) {
    const cases = [...suite.cases]
    const suiteFailures = cases.filter(([, findings]) => failing(findings).length > 0).length
    lines.push(`  <testsuite name="${attr(suite.name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">`)
    for (const [ruleId, findings] of cases) {
      const file = suite.file === undefined ? '' : ` file="${attr(suite.name)}"`
      const open = `    <testcase classname="${attr(suite.name)}" name="${attr(ruleId)}"${file} time="0"`
      const failed = failing(findings)
      const passing = findings.filter((f) => !atLeast(f.severity, options.failOn))
      if (findings.length === 0) {
        lines.push(`${open}/>`)
        continue
      }

      lines.push(`${open}>`)
      if (failed.length > 0) {
        const first = failed[0]!
        const summary = failed.length === 1 ? `${first.severity}: ${first.message}` : `${failed.length} findings; first, ${first.severity}: ${first.message}`
        lines.push(`      <failure type="${attr(ruleId)}" message="${attr(summary)}">${text(failed.map((f) => describe(f, options.cwd)).join('\n\n'))}</failure>`)
      }

      if (passing.length > 0) lines.push(`      <system-out>${text(passing.map((f) => describe(f, options.cwd)).join('\n\n'))}</system-out>`)
      lines.push('    </testcase>')
    }

    lines.push('  </testsuite>')
  }

  lines.push('</testsuites>')
  return `${lines.join('\n')}\n`
}

/** A finding in full, as the body of its failure: where, what, the related places, how to fix, the docs. */
function describe(f: Finding, cwd: string): string {
  const lines = [`${locationText(f, cwd) || CLUSTER_SUITE}: ${f.severity}: ${f.message} (${f.ruleId})`]
  if (f.file !== undefined && f.object) lines.push(`object: ${objectName(f.object)}`)
  for (const r of f.related ?? []) {
    const at = locationText(r, cwd)
    lines.push(`related: ${r.message}${at ? ` (${at})` : ''}`)
  }

  if (f.fix) lines.push(`fix:\n${f.fix}`)
  lines.push(`docs: ${docsUrl(f.ruleId)}`)
  return lines.join('\n')
}

/** XML 1.0 cannot hold these characters at all, escaped or not: NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Character data: markup characters escaped, impossible characters replaced. */
export function text(value: string): string {
  return value.replaceAll(NOT_XML, '\uFFFD').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#13;')
}

/** An attribute value in double quotes: also quotes, and line breaks and tabs kept as references (a parser would fold them to spaces). */
export function attr(value: string): string {
  return text(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\t', '&#9;')
}
