/**
 * `lint`, `map` and `reach` read ClusterNetworkPolicy alike: a v1alpha2 one
 * that denies ingress from every namespace is a default deny for
 * default-deny-missing and blocks the traffic in the exposure model; one of a
 * version k8s-net does not read (and an AdminNetworkPolicy, which
 * ClusterNetworkPolicy superseded) is taken as a policy nowhere, and both say
 * that what it decides is not known.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ResourceIndex} from '../../src/engine/resource-index.js'
import {exposureModel} from '../../src/exposure/model.js'
import {targetOf, type TargetPort} from '../../src/exposure/policy.js'
import {defaultDenyDirections} from '../../src/k8s/network-policy.js'
import {lintFiles, mapFiles, reachFiles} from '../../src/run.js'
import {FIXTURES} from '../support/rule-tester.js'
import {resources} from '../k8s/helpers.js'

const cwd = path.join(FIXTURES, 'default-deny-missing')
const CNP = 'valid/cluster-network-policy.yaml'
const UNREAD_VERSION = 'invalid/cluster-network-policy-unread-version.yaml'
const ANP = 'invalid/admin-network-policy.yaml'

async function lintAnswer(file: string): Promise<Array<{messageId: string; severity: string; object?: string}>> {
  const {result} = await lintFiles([file], {cwd})
  return result.findings
    .filter((f) => f.ruleId === 'default-deny-missing')
    .map((f) => ({messageId: f.messageId, severity: f.severity, object: f.object && `${f.object.kind} ${f.object.namespace}/${f.object.name}`}))
}

async function mapAnswer(file: string): Promise<Array<{class: string; statuses: string[]}>> {
  const report = await mapFiles([file], {cwd})
  return report.workloads[0]!.paths.map((p) => ({class: p.class, statuses: p.hops.flatMap((h) => (h.verdict ? [h.verdict.status] : []))}))
}

async function reachAnswer(file: string): Promise<{answer: string; decisions: Array<{tier: string; policy?: string; line?: number | null; rule: string | null; text: string}>}> {
  const answer = await reachFiles({source: 'ns/other', target: 'Deployment/shop/web:http'}, [file], {cwd})
  const decisions = answer.results[0]!.verdict!.decisions.map((d) => ({tier: d.tier, policy: d.policy?.name, line: d.policy?.line, rule: d.rule, text: d.text}))
  return {answer: answer.answer, decisions}
}

describe('ClusterNetworkPolicy: lint, map and reach agree', () => {
  it('v1alpha2: a default deny for lint, blocked in map and reach, at the rule that denies', async () => {
    expect(await lintAnswer(CNP)).toEqual([])
    // Nothing outside the namespace, nor inside it, gets in: no path at all.
    expect(await mapAnswer(CNP)).toEqual([])
    expect(await reachAnswer(CNP)).toEqual({answer: 'no', decisions: [{tier: 'baseline', policy: 'default', line: 13, rule: 'spec.ingress[0]', text: 'Deny'}]})
  })

  it('another version: no policy for lint (an info, not a default deny) and unknown in map and reach, naming the object', async () => {
    expect(await lintAnswer(UNREAD_VERSION)).toEqual([{messageId: 'unreadPolicy', severity: 'info', object: 'Deployment shop/web'}])
    expect(await mapAnswer(UNREAD_VERSION)).toEqual([{class: 'cluster', statuses: ['unknown']}])
    const text = 'unknown: ClusterNetworkPolicy default may decide, and k8s-net does not read it (k8s-net reads ClusterNetworkPolicy policy.networking.k8s.io/v1alpha2, not policy.networking.k8s.io/v1beta1)'
    expect(await reachAnswer(UNREAD_VERSION)).toEqual({answer: 'unknown', decisions: [{tier: 'admin', policy: 'default', line: 3, rule: 'apiVersion', text}]})
  })

  it('AdminNetworkPolicy v1alpha1: the same, at its kind', async () => {
    expect(await lintAnswer(ANP)).toEqual([{messageId: 'unreadPolicy', severity: 'info', object: 'Deployment shop/web'}])
    expect(await mapAnswer(ANP)).toEqual([{class: 'cluster', statuses: ['unknown']}])
    const {answer, decisions} = await reachAnswer(ANP)
    expect([answer, decisions.map((d) => [d.policy, d.line, d.rule])]).toEqual(['unknown', [['default', 4, 'kind']]])
  })
})

describe('the exposure model reads ClusterNetworkPolicy rules as default-deny-missing does', () => {
  const port: TargetPort = {number: 8080, name: 'http', protocol: 'TCP'}
  const web = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'web', namespace: 'shop'},
    spec: {selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'web'}]}}},
  }
  const cnp = (spec: Record<string, unknown>, apiVersion = 'policy.networking.k8s.io/v1alpha2') => ({apiVersion, kind: 'ClusterNetworkPolicy', metadata: {name: 'cnp'}, spec})
  const status = (...policies: Array<Record<string, unknown>>): string => {
    const model = exposureModel(new ResourceIndex(resources(web, ...policies)))
    const target = model.workloads[0]!.template
    return model.evaluator.evaluate({type: 'namespace', namespace: 'other'}, targetOf(target), port).status
  }

  it('a pods subject without namespaceSelector takes every namespace; one without podSelector (required) is not read', () => {
    const deny = [{action: 'Deny', from: [{namespaces: {}}]}]
    expect(status(cnp({tier: 'Admin', priority: 1, subject: {pods: {podSelector: {}}}, ingress: deny}))).toBe('blocked')
    expect(status(cnp({tier: 'Admin', priority: 1, subject: {pods: {namespaceSelector: {}}}, ingress: deny}))).toBe('unknown')
    // Both namespaces and pods: the API server refuses it; which pods it takes is not known.
    expect(status(cnp({tier: 'Admin', priority: 1, subject: {namespaces: {}, pods: {podSelector: {}}}, ingress: deny}))).toBe('unknown')
  })

  it('an action that is none of Accept, Deny and Pass decides nothing known; it is not skipped', () => {
    expect(status(cnp({tier: 'Admin', priority: 1, subject: {namespaces: {}}, ingress: [{action: 'Allow', from: [{namespaces: {}}]}]}))).toBe('unknown')
  })

  it('protocols: a port by number, range or name; a protocol entry it cannot read is unknown', () => {
    const rule = (protocols: unknown[]) => cnp({tier: 'Admin', priority: 1, subject: {namespaces: {}}, ingress: [{action: 'Deny', from: [{namespaces: {}}], protocols}]})
    expect(status(rule([{tcp: {destinationPort: {number: 8080}}}]))).toBe('blocked')
    expect(status(rule([{tcp: {destinationPort: {range: {start: 8000, end: 8100}}}}]))).toBe('blocked')
    expect(status(rule([{udp: {destinationPort: {number: 8080}}}]))).toBe('open')
    expect(status(rule([{destinationNamedPort: 'http'}]))).toBe('blocked')
    expect(status(rule([{tcp: {destinationPort: {number: 8080}}, udp: {}}]))).toBe('unknown')
  })

  it('an ingress peer of a form not read fails closed: a Deny takes everyone, an Accept no one', () => {
    expect(status(cnp({tier: 'Admin', priority: 1, subject: {namespaces: {}}, ingress: [{action: 'Deny', from: [{networks: ['0.0.0.0/0']}]}]}))).toBe('blocked')
    expect(status(cnp({tier: 'Admin', priority: 1, subject: {namespaces: {}}, ingress: [{action: 'Accept', from: [{networks: ['0.0.0.0/0']}]}]}))).toBe('open')
  })

  it('priorities and tiers: default-deny-missing counts a deny exactly when the evaluator blocks everyone with it', () => {
    const deny = cnp({tier: 'Admin', priority: 10, subject: {namespaces: {}}, ingress: [{action: 'Deny', from: [{namespaces: {}}]}]})
    const first = (tier: string, priority: number, action: string) => ({
      ...cnp({tier, priority, subject: {namespaces: {}}, ingress: [{action, from: [{namespaces: {}}]}]}),
      metadata: {name: `${tier}-${action}`},
    })
    const both = (...policies: Array<Record<string, unknown>>): [string, string[]] => {
      const index = new ResourceIndex(resources(web, ...policies))
      return [status(...policies), defaultDenyDirections(index.resources[1]!, {name: 'shop'}, index)]
    }

    expect(both(deny)).toEqual(['blocked', ['Ingress']])
    expect(both(deny, first('Admin', 5, 'Accept'))).toEqual(['admitted', []])
    expect(both(deny, first('Admin', 5, 'Pass'))).toEqual(['open', []])
    expect(both(deny, first('Admin', 20, 'Accept'))).toEqual(['blocked', ['Ingress']])
    expect(both(deny, first('Baseline', 1, 'Accept'))).toEqual(['blocked', ['Ingress']])
  })

  it('a version it does not read leaves the verdict unknown even beside a v1alpha2 policy that decides', () => {
    const deny = {tier: 'Admin', priority: 1, subject: {namespaces: {}}, ingress: [{action: 'Deny', from: [{namespaces: {}}]}]}
    expect(status(cnp(deny))).toBe('blocked')
    expect(status(cnp(deny), {...cnp(deny, 'policy.networking.k8s.io/v1beta1'), metadata: {name: 'next'}})).toBe('unknown')
    // Antrea's ClusterNetworkPolicy is another group's kind: not network-policy-api's, not read, and no reason for doubt.
    expect(status(cnp(deny, 'crd.antrea.io/v1beta1'))).toBe('open')
  })
})
