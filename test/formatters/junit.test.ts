import {describe, expect, it} from 'vitest'
import {attr, junit, text} from '../../src/formatters/junit.js'
import {canonicalOptions, canonicalResult} from '../support/results.js'
import {parseXml, type XmlElement} from '../support/xml.js'

const children = (e: XmlElement, name: string): XmlElement[] => e.children.filter((c) => c.name === name)

describe('junit', () => {
  it('is well-formed XML: a suite per file, a case per object and rule, a failure per finding at or above --fail-on', () => {
    const root = parseXml(junit(canonicalResult(), canonicalOptions({failOn: 'warning'})))
    expect(root.name).toBe('testsuites')
    const suites = children(root, 'testsuite')
    expect(suites.map((s) => s.attributes.name)).toEqual(['k8s/services.yaml', 'k8s/ingress.yaml', 'k8s/empty.yaml', 'k8s/broken.yaml', 'cluster'])
    const cases = suites.flatMap((s) => children(s, 'testcase'))
    expect(cases.map((c) => c.attributes.name)).toEqual([
      'nodeport-conflict: Service shop/admin',
      'loadbalancer-source-ranges: Service shop/web',
      'ingress-backend-missing: Ingress shop/edge',
      'invalid-yaml',
      'endpoints-not-ready: Service prod/web',
    ])
    expect(cases.map((c) => children(c, 'failure').length)).toEqual([1, 0, 1, 1, 1])
    // The counts agree with the elements, at every level.
    expect(root.attributes.tests).toBe(String(cases.length))
    expect(root.attributes.failures).toBe('4')
    for (const s of suites) {
      const own = children(s, 'testcase')
      expect(s.attributes.tests).toBe(String(own.length))
      expect(s.attributes.failures).toBe(String(own.filter((c) => children(c, 'failure').length > 0).length))
    }
  })

  it('keeps findings below --fail-on in the passing case\'s output', () => {
    const root = parseXml(junit(canonicalResult(), canonicalOptions({failOn: 'error'})))
    const cases = children(root, 'testsuite').flatMap((s) => children(s, 'testcase'))
    expect(cases.map((c) => children(c, 'failure').length)).toEqual([1, 0, 0, 1, 0])
    expect(root.attributes.failures).toBe('2')
    const ingress = cases[2]!
    expect(children(ingress, 'system-out')[0]!.text).toContain('k8s/ingress.yaml:14:23: warning: backend Service shop/catalog')
  })

  it('escapes what XML needs escaped and reads back the very message', () => {
    const root = parseXml(junit(canonicalResult(), canonicalOptions({failOn: 'info'})))
    const cases = children(root, 'testsuite').flatMap((s) => children(s, 'testcase'))
    const lb = children(cases[1]!, 'failure')[0]!
    expect(lb.attributes.message).toBe('info: LoadBalancer "web" admits 0.0.0.0/0: 100% of the internet, <all> & "everyone"')
    expect(lb.text).toContain('<all> & "everyone"')
    // Line breaks survive in attributes as references.
    expect(children(cases[3]!, 'failure')[0]!.attributes.message).toBe('error: bad indentation of a mapping entry:\n    port: 80\n        ^')
  })

  it('a group of several findings of one rule on one object is one case with a failure each', () => {
    const result = canonicalResult()
    const first = result.findings[0]!
    result.findings.splice(1, 0, {...first, message: 'nodePort 30081 is already claimed', start: {line: 29, column: 17}})
    const root = parseXml(junit(result, canonicalOptions()))
    const services = children(root, 'testsuite')[0]!
    const conflict = children(services, 'testcase')[0]!
    expect(children(conflict, 'failure').map((f) => f.attributes.message)).toEqual([`error: ${first.message}`, 'error: nodePort 30081 is already claimed'])
    expect(services.attributes.tests).toBe('2')
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
