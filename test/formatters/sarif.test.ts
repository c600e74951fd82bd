import {describe, expect, it} from 'vitest'
import type {LintResult} from '../../src/engine/engine.js'
import {readdirSync} from 'node:fs'
import path from 'node:path'
import {FINGERPRINT_KEY, SECURITY_SEVERITY, sarif} from '../../src/formatters/sarif.js'
import {REPO} from '../support/rule-tester.js'
import {canonicalOptions, canonicalResult, CWD, RULES} from '../support/results.js'
import {sarifValidator} from '../support/sarif-schema.js'

interface SarifLog {
  runs: Array<{
    tool: {driver: {name: string; version?: string; rules: Array<{id: string; defaultConfiguration: {level: string}; helpUri: string; help: {text: string}}>}}
    results: Array<{
      ruleId: string
      ruleIndex?: number
      level: string
      message: {text: string}
      locations: Array<{
        physicalLocation?: {artifactLocation: {uri: string; uriBaseId?: string}; region?: Record<string, number>}
        logicalLocations?: Array<{fullyQualifiedName: string; kind: string}>
      }>
      relatedLocations?: Array<{id: number; message: {text: string}; physicalLocation?: unknown; logicalLocations?: unknown}>
      partialFingerprints: Record<string, string>
    }>
  }>
}

const render = (result: LintResult = canonicalResult(), cwd = CWD): SarifLog => JSON.parse(sarif(result, canonicalOptions({cwd}))) as SarifLog

describe('sarif', () => {
  it('is valid against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator()
    const ok = validate(JSON.parse(sarif(canonicalResult(), canonicalOptions())))
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('the schema check can fail: a result without a message, a column of 0, a uri with a space are refused', () => {
    const validate = sarifValidator()
    const log = render() as unknown as {runs: Array<{results: Array<Record<string, unknown>>}>}
    const broken = structuredClone(log)
    delete broken.runs[0]!.results[0]!.message
    expect(validate(broken)).toBe(false)
    const column0 = structuredClone(log) as unknown as SarifLog
    column0.runs[0]!.results[0]!.locations[0]!.physicalLocation!.region!.startColumn = 0
    expect(validate(column0)).toBe(false)
    const spaced = structuredClone(log) as unknown as SarifLog
    spaced.runs[0]!.results[0]!.locations[0]!.physicalLocation!.artifactLocation.uri = 'k8s/my services.yaml'
    expect(validate(spaced)).toBe(false)
  })

  it('describes every rule, with its docs, rationale, remediation and default level', () => {
    const {tool} = render().runs[0]!
    expect(tool.driver.name).toBe('k8s-net')
    expect(tool.driver.version).toBe('1.2.3')
    expect(tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id).sort())
    const levels = Object.fromEntries(tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level]))
    expect(levels).toEqual({'endpoints-not-ready': 'warning', 'ingress-backend-missing': 'warning', 'invalid-yaml': 'error', 'loadbalancer-source-ranges': 'note', 'nodeport-conflict': 'error'})
    const conflict = tool.driver.rules.find((r) => r.id === 'nodeport-conflict')!
    expect(conflict.helpUri).toBe('https://github.com/k8s-net/k8s-net/blob/main/docs/rules/nodeport-conflict.md')
    expect(conflict.help.text).toContain('Node ports are allocated cluster-wide.')
    expect(conflict.help.text).toContain('Give each Service its own nodePort.')
  })

  it('points each result at its rule, with the level of its severity', () => {
    const {tool, results} = render().runs[0]!
    for (const r of results) expect(tool.driver.rules[r.ruleIndex!]!.id).toBe(r.ruleId)
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['nodeport-conflict', 'error'],
      ['loadbalancer-source-ranges', 'note'],
      ['ingress-backend-missing', 'warning'],
      ['invalid-yaml', 'error'],
      ['endpoints-not-ready', 'warning'],
    ])
  })

  it('gives files relative to the working directory with forward slashes, and 1-based regions with an exclusive end', () => {
    const results = render().runs[0]!.results
    expect(results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: {uri: 'k8s/services.yaml', uriBaseId: '%SRCROOT%'},
      region: {startLine: 27, startColumn: 17, endLine: 27, endColumn: 22},
    })
    // Named absolutely, under the working directory.
    expect(results[3]!.locations[0]!.physicalLocation!.artifactLocation).toEqual({uri: 'k8s/broken.yaml', uriBaseId: '%SRCROOT%'})
    // Outside the working directory: an absolute file URI.
    expect(render(canonicalResult(), '/elsewhere').runs[0]!.results[3]!.locations[0]!.physicalLocation!.artifactLocation).toEqual({uri: 'file:///work/shop/k8s/broken.yaml'})
  })

  it('names objects without a file (read from a cluster) by kind, namespace and name', () => {
    const result = render().runs[0]!.results[4]!
    expect(result.locations).toEqual([{logicalLocations: [{name: 'web', fullyQualifiedName: 'Service/prod/web', kind: 'resource'}]}])
    expect(result.relatedLocations).toEqual([{id: 1, message: {text: 'its EndpointSlice'}, logicalLocations: [{name: 'web-x7k2p', fullyQualifiedName: 'EndpointSlice/prod/web-x7k2p', kind: 'resource'}]}])
  })

  it('gives standard input no physical location (it has no file to show), but keeps the object', () => {
    const result = canonicalResult()
    result.findings = [{...result.findings[0]!, file: '<stdin>', related: undefined}]
    const log = JSON.parse(sarif(result, canonicalOptions())) as SarifLog
    expect(log.runs[0]!.results[0]!.locations).toEqual([{logicalLocations: [{name: 'admin', fullyQualifiedName: 'Service/shop/admin', kind: 'resource'}]}])
    expect(sarifValidator()(log)).toBe(true)
  })

  it('lists related locations', () => {
    const related = render().runs[0]!.results[2]!.relatedLocations!
    expect(related.map((r) => [r.id, r.message.text])).toEqual([
      [1, 'the Deployment that serves /api'],
      [2, 'class of the parent Gateway'],
    ])
  })

  it('fingerprints findings by rule, file, object and path: not by line, and distinct for distinct findings', () => {
    const fingerprints = (result: LintResult): string[] => render(result).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]!)
    const before = fingerprints(canonicalResult())
    expect(new Set(before).size).toBe(before.length)
    // The same findings after lines were added above them.
    const moved = canonicalResult()
    for (const f of moved.findings) {
      if (f.start) f.start = {line: f.start.line + 5, column: f.start.column}
      if (f.end) f.end = {line: f.end.line + 5, column: f.end.column}
      f.message = f.message.replace('services.yaml:12:17', 'services.yaml:17:17')
    }

    expect(fingerprints(moved)).toEqual(before)
    // The same rule on another port of the same object is another finding.
    const other = canonicalResult()
    other.findings[0]!.path = ['spec', 'ports', 1, 'nodePort']
    expect(fingerprints(other)[0]).not.toBe(before[0])
    // Two findings alike in every part that counts still get two fingerprints.
    const twice = canonicalResult()
    twice.findings = [twice.findings[0]!, {...twice.findings[0]!, start: {line: 99, column: 1}}]
    const [a, b] = fingerprints(twice)
    expect(a).not.toBe(b)
  })

  it('makes URIs relative to the source root (%SRCROOT%), not to the folder k8s-net ran in', () => {
    // Run from /work/shop inside the repository /work: the files are under shop/.
    const log = JSON.parse(sarif(canonicalResult(), canonicalOptions({cwd: CWD, sourceRoot: '/work'}))) as SarifLog & {runs: Array<{originalUriBaseIds: Record<string, {uri: string}>}>}
    const run = log.runs[0]!
    expect(run.originalUriBaseIds).toEqual({'%SRCROOT%': {uri: 'file:///work/'}})
    expect(run.results[0]!.locations[0]!.physicalLocation!.artifactLocation).toEqual({uri: 'shop/k8s/services.yaml', uriBaseId: '%SRCROOT%'})
    expect(run.results[3]!.locations[0]!.physicalLocation!.artifactLocation).toEqual({uri: 'shop/k8s/broken.yaml', uriBaseId: '%SRCROOT%'})
    expect(sarifValidator()(log)).toBe(true)
    // The fingerprints follow the file, not the folder of the run.
    const fromRoot = JSON.parse(sarif({...canonicalResult(), findings: canonicalResult().findings.map((f) => ({...f, file: f.file && !f.file.startsWith('/') ? `shop/${f.file}` : f.file}))}, canonicalOptions({cwd: '/work', sourceRoot: '/work'}))) as SarifLog
    expect(fromRoot.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).toEqual(run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]))
  })

  it('tags the rules about exposure security, with a security-severity code scanning ranks', () => {
    const rules = (render().runs[0]!.tool.driver.rules as unknown as Array<{id: string; properties: {tags: string[]; 'security-severity'?: string}}>)
    const lb = rules.find((r) => r.id === 'loadbalancer-source-ranges')!
    expect(lb.properties.tags).toEqual(['security', 'kubernetes', 'network', 'services'])
    expect(lb.properties['security-severity']).toBe('6.5')
    const conflict = rules.find((r) => r.id === 'nodeport-conflict')!
    expect(conflict.properties.tags).toEqual(['kubernetes', 'network', 'services'])
    expect(conflict.properties['security-severity']).toBeUndefined()
    // Every rule named there exists, and every score is one code scanning reads (0.1 to 10).
    const ids = readdirSync(path.join(REPO, 'rules')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3))
    for (const [id, score] of Object.entries(SECURITY_SEVERITY)) {
      expect(ids, id).toContain(id)
      expect(Number(score), id).toBeGreaterThanOrEqual(0.1)
      expect(Number(score), id).toBeLessThanOrEqual(10)
    }
  })

  it('links the related locations from the message text, escaping brackets that are not links', () => {
    const results = render().runs[0]!.results
    // Named in the message: the place becomes the link.
    expect(results[0]!.message.text).toBe('nodePort 30080 is already claimed by Service shop/web (port http, at [k8s/services.yaml:12:17](1)): node ports are cluster-wide')
    // Not named: linked after it, by their own messages.
    expect(results[2]!.message.text).toBe('backend Service shop/catalog, port 8080, is not found (rule 0, path /api) (see [the Deployment that serves /api](1), [class of the parent Gateway](2))')
    const result = canonicalResult()
    result.findings = [{...result.findings[0]!, message: 'ports [80, 443] \\ at k8s/services.yaml:12:17'}]
    expect(render(result).runs[0]!.results[0]!.message.text).toBe('ports \\[80, 443\\] \\\\ at [k8s/services.yaml:12:17](1)')
  })

  it('gives each result its message id, which the messageStrings of its rule name', () => {
    const log = render() as unknown as {runs: Array<{tool: {driver: {rules: Array<{id: string; messageStrings: Record<string, {text: string}>}>}}; results: Array<{ruleId: string; message: {id: string}}>}>}
    const {tool, results} = log.runs[0]!
    for (const [i, r] of results.entries()) {
      expect(r.message.id).toBe(canonicalResult().findings[i]!.messageId)
      expect(Object.keys(tool.driver.rules.find((rule) => rule.id === r.ruleId)!.messageStrings)).toContain(r.message.id)
    }
  })
})
