import {describe, expect, it} from 'vitest'
import {attr, junit, text} from '../../src/formatters/junit.js'
import {canonicalOptions, canonicalResult} from '../support/results.js'
import {parseXml, type XmlElement} from '../support/xml.js'

const children = (e: XmlElement, name: string): XmlElement[] => e.children.filter((c) => c.name === name)

describe('junit', () => {
  const RAN = ['ingress-backend-missing', 'invalid-yaml', 'loadbalancer-source-ranges', 'nodeport-conflict']

  it('is well-formed XML: a suite per file, a case per rule that ran, a failure per case with findings at or above --fail-on', () => {
    const root = parseXml(junit(canonicalResult(), canonicalOptions({failOn: 'warning'})))
    expect(root.name).toBe('testsuites')
    const suites = children(root, 'testsuite')
    expect(suites.map((s) => s.attributes.name)).toEqual(['k8s/services.yaml', 'k8s/ingress.yaml', 'k8s/empty.yaml', 'k8s/broken.yaml', 'cluster'])
    for (const s of suites.slice(0, 4)) expect(children(s, 'testcase').map((c) => c.attributes.name)).toEqual(RAN)
    // A finding of a rule that did not run here (a cluster rule) still has its case.
    expect(children(suites[4]!, 'testcase').map((c) => c.attributes.name)).toEqual([...RAN, 'endpoints-not-ready'])
    const failed = suites.flatMap((s) => children(s, 'testcase').filter((c) => children(c, 'failure').length > 0).map((c) => `${c.attributes.classname} ${c.attributes.name}`))
    expect(failed).toEqual(['k8s/services.yaml nodeport-conflict', 'k8s/ingress.yaml ingress-backend-missing', 'k8s/broken.yaml invalid-yaml', 'cluster endpoints-not-ready'])
    // The counts agree with the elements, at every level.
    const cases = suites.flatMap((s) => children(s, 'testcase'))
    expect(root.attributes.tests).toBe(String(cases.length))
    expect(root.attributes.tests).toBe('21')
    expect(root.attributes.failures).toBe('4')
    for (const s of suites) {
      const own = children(s, 'testcase')
      expect(s.attributes.tests).toBe(String(own.length))
      expect(s.attributes.failures).toBe(String(own.filter((c) => children(c, 'failure').length > 0).length))
    }
  })

  it('a clean run lists what it checked: a passing case per file and rule, never an empty report', () => {
    const xml = junit({files: ['k8s/a.yaml', 'k8s/b.yaml'], objects: 3, suppressed: 0, skipped: 0, findings: [], rules: RAN}, canonicalOptions())
    const root = parseXml(xml)
    expect(root.attributes).toMatchObject({tests: '8', failures: '0'})
    const cases = children(root, 'testsuite').flatMap((s) => children(s, 'testcase'))
    expect(cases.map((c) => `${c.attributes.file} ${c.attributes.name}`)).toEqual(['k8s/a.yaml', 'k8s/b.yaml'].flatMap((f) => RAN.map((r) => `${f} ${r}`)))
    expect(cases.every((c) => c.children.length === 0)).toBe(true)
    // A clean cluster run: one suite, passing.
    const cluster = parseXml(junit({files: [], objects: 40, suppressed: 0, skipped: 0, findings: [], rules: RAN}, canonicalOptions()))
    expect(children(cluster, 'testsuite').map((s) => [s.attributes.name, s.attributes.tests])).toEqual([['cluster', '4']])
  })

  it('keeps findings below --fail-on in the passing case\'s output', () => {
    const root = parseXml(junit(canonicalResult(), canonicalOptions({failOn: 'error'})))
    expect(root.attributes.failures).toBe('2')
    const ingress = children(children(root, 'testsuite')[1]!, 'testcase').find((c) => c.attributes.name === 'ingress-backend-missing')!
    expect(children(ingress, 'failure')).toEqual([])
    expect(children(ingress, 'system-out')[0]!.text).toContain('k8s/ingress.yaml:14:23: warning: backend Service shop/catalog')
    expect(children(ingress, 'system-out')[0]!.text).toContain('object: Ingress shop/edge')
  })

  it('escapes what XML needs escaped and reads back the very message', () => {
    const root = parseXml(junit(canonicalResult(), canonicalOptions({failOn: 'info'})))
    const [services, , , broken] = children(root, 'testsuite')
    const lb = children(children(services!, 'testcase').find((c) => c.attributes.name === 'loadbalancer-source-ranges')!, 'failure')[0]!
    expect(lb.attributes.message).toBe('info: LoadBalancer "web" admits 0.0.0.0/0: 100% of the internet, <all> & "everyone"')
    expect(lb.text).toContain('<all> & "everyone"')
    // Line breaks survive in attributes as references.
    const yaml = children(children(broken!, 'testcase').find((c) => c.attributes.name === 'invalid-yaml')!, 'failure')[0]!
    expect(yaml.attributes.message).toBe('error: bad indentation of a mapping entry:\n    port: 80\n        ^')
  })

  it('several findings of one rule in one file are one case with one failure listing them all', () => {
    const result = canonicalResult()
    const first = result.findings[0]!
    result.findings.splice(1, 0, {...first, message: 'nodePort 30081 is already claimed', start: {line: 29, column: 17}})
    const root = parseXml(junit(result, canonicalOptions()))
    const services = children(root, 'testsuite')[0]!
    const conflict = children(services, 'testcase').find((c) => c.attributes.name === 'nodeport-conflict')!
    const failures = children(conflict, 'failure')
    expect(failures).toHaveLength(1)
    expect(failures[0]!.attributes.message).toBe(`2 findings; first, error: ${first.message}`)
    expect(failures[0]!.text).toContain('k8s/services.yaml:27:17: error: nodePort 30080')
    expect(failures[0]!.text).toContain('k8s/services.yaml:29:17: error: nodePort 30081 is already claimed')
    expect(services.attributes.tests).toBe('4')
  })

  it('replaces characters XML cannot hold, even escaped', () => {
    const hostile = 'a\u0000b\u001Bc\uD800d <&>"\'\r\n\t e'
    const xml = `<r a="${attr(hostile)}">${text(hostile)}</r>`
    const parsed = parseXml(xml)
    expect(parsed.attributes.a).toBe('a\uFFFDb\uFFFDc\uFFFDd <&>"\'\r\n\t e')
    expect(parsed.text).toBe('a\uFFFDb\uFFFDc\uFFFDd <&>"\'\r\n\t e')
  })

  it('the checker refuses what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/)
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/repeated/)
    expect(() => parseXml('<a>x & y</a>')).toThrow()
    expect(() => parseXml('<a>&bogus;</a>')).toThrow(/unknown entity/)
    expect(() => parseXml('<a x="<"/>')).toThrow()
    expect(() => parseXml('<a/><b/>')).toThrow(/second root/)
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/not allowed/)
    expect(() => parseXml('<a>&#1;</a>')).toThrow(/cannot hold/)
    expect(() => parseXml('<a>')).toThrow(/never closed/)
  })
})
