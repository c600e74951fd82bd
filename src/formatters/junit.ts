/**
 * `--format junit`: JUnit XML, as GitLab, Jenkins and Azure DevOps read test
 * reports. One <testsuite> per file read (objects from a cluster form the
 * suite `cluster`), one <testcase> per object and rule with findings, and one
 * <failure> per finding at or above --fail-on. Findings below it keep their
 * test case passing and are listed in its <system-out>.
 */
import {atLeast} from '../engine/engine.js'
import {docsUrl} from '../engine/rule.js'
import type {Finding} from '../engine/types.js'
import {objectName} from '../engine/util.js'
import {displayPath, locationText} from './paths.js'
import type {Formatter} from './types.js'

const CLUSTER_SUITE = 'cluster'

interface TestCase {
  name: string
  findings: Finding[]
}

interface Suite {
  name: string
  file?: string
  cases: Map<string, TestCase>
}

export const junit: Formatter = (result, options) => {
  const suites = new Map<string, Suite>()
  const suiteOf = (name: string, file?: string): Suite => {
    let suite = suites.get(name)
    if (!suite) {
      suite = {name, file, cases: new Map()}
      suites.set(name, suite)
    }

    return suite
  }

  for (const file of result.files) suiteOf(displayPath(file, options.cwd), file)
  for (const finding of result.findings) {
    const suite = finding.file === undefined ? suiteOf(CLUSTER_SUITE) : suiteOf(displayPath(finding.file, options.cwd), finding.file)
    const name = finding.object ? `${finding.ruleId}: ${objectName(finding.object)}` : finding.ruleId
    const testCase = suite.cases.get(name)
    if (testCase) testCase.findings.push(finding)
    else suite.cases.set(name, {name, findings: [finding]})
  }

  const failed = (c: TestCase): boolean => c.findings.some((f) => atLeast(f.severity, options.failOn))
  const all = [...suites.values()]
  const tests = all.reduce((n, s) => n + s.cases.size, 0)
  const failures = all.reduce((n, s) => n + [...s.cases.values()].filter(failed).length, 0)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="k8s-net" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`,
  ]
  for (const suite of all) {
    const cases = [...suite.cases.values()]
    const suiteFailures = cases.filter(failed).length
    lines.push(`  <testsuite name="${attr(suite.name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">`)
    for (const c of cases) {
      const file = suite.file === undefined ? '' : ` file="${attr(suite.name)}"`
      const open = `    <testcase classname="${attr(suite.name)}" name="${attr(c.name)}"${file} time="0"`
      const failing = c.findings.filter((f) => atLeast(f.severity, options.failOn))
      const passing = c.findings.filter((f) => !atLeast(f.severity, options.failOn))
      lines.push(`${open}>`)
      for (const f of failing) {
        lines.push(`      <failure type="${attr(f.ruleId)}" message="${attr(`${f.severity}: ${f.message}`)}">${text(describe(f, options.cwd))}</failure>`)
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
