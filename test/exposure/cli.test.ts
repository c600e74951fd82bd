/** `k8s-net map` and `k8s-net reach` end to end, as users run them (the built CLI). */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {runCli} from '../support/cli.js'
import {REPO} from '../support/rule-tester.js'

const SCENARIO = 'fixtures/scenarios/exposure.yaml'
const noStackTrace = (text: string): void => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)

describe('k8s-net map', () => {
  it('prints the text map and exits 0', () => {
    const run = runCli(['map', SCENARIO])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(readFileSync(path.join(REPO, 'test/exposure/golden/exposure.txt'), 'utf8'))
  })

  it('narrows to one workload and one source', () => {
    const run = runCli(['map', SCENARIO, '--workload', 'shop/web', '--from', 'internet', '--format', 'json'])
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout) as {workloads: Array<{workload: {name: string}; paths: Array<{class: string}>}>}
    expect(report.workloads.map((w) => w.workload.name)).toEqual(['web'])
    expect(report.workloads[0]!.paths.map((p) => p.class)).toEqual(['internet'])
  })

  it('reads standard input', () => {
    const run = runCli(['map', '-', '--format', 'json'], {input: readFileSync(path.join(REPO, SCENARIO), 'utf8')})
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).workloads[0].workload.file).toBe('<stdin>')
  })

  it('never sends a control character from a manifest to the terminal', () => {
    const hostile = [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: web, namespace: shop}',
      'spec:',
      '  rules:',
      '    - host: "evil\\e]52;c;cm0gLXJmIH4=\\a.example.com"',
      '      http: {paths: [{path: "/\\e[2J", pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web, namespace: shop}',
      'spec: {selector: {app: web}, ports: [{port: 80}]}',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: shop}',
      'spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: web}]}}}',
    ].join('\n')
    for (const format of ['text', 'mermaid', 'dot']) {
      const run = runCli(['map', '-', '--format', format], {input: hostile})
      expect(run.status, format).toBe(0)
      expect(run.stdout, format).not.toMatch(/[\u0007\u001B]/)
    }
  })

  it('exits 2 with a clear message: no input, a missing file, an unknown workload, a format it does not know', () => {
    for (const args of [['map'], ['map', 'no-such-file.yaml'], ['map', SCENARIO, '--workload', 'shop/nope'], ['map', SCENARIO, '--format', 'sarif']]) {
      const run = runCli(args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stdout).toBe('')
      noStackTrace(run.stderr)
    }
  })
})

describe('k8s-net reach', () => {
  it('answers with the deciding rule at each tier and its file:line', () => {
    const run = runCli(['reach', 'ns/monitoring', 'Deployment/shop/api:9090', SCENARIO, '--explain'])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(
      [
        'yes: ns/monitoring → Deployment/shop/api:9090',
        '  yes  Deployment shop/api port 9090 "metrics": admitted',
        '      sender: any pod of namespace monitoring',
        `      [Admin tier] ClusterNetworkPolicy monitoring-scrapes spec.ingress[0] at ${SCENARIO}:364: Accept`,
        '',
      ].join('\n'),
    )
  })

  it('says no, and which policy isolates the pods', () => {
    const run = runCli(['reach', 'shop/app=web', 'StatefulSet/shop/postgres:postgres', SCENARIO, '--explain'])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('no: shop/app=web → StatefulSet/shop/postgres:postgres')
    expect(run.stdout).toContain(`[NetworkPolicy tier] NetworkPolicy shop/default-deny spec.podSelector at ${SCENARIO}:291: isolates the pods`)
  })

  it('follows a Service to the workloads it selects, on its ports', () => {
    const run = runCli(['reach', 'Deployment/shop/api', 'Service/shop/postgres', SCENARIO, '--format', 'json'])
    const answer = JSON.parse(run.stdout) as {answer: string; results: Array<{port: string; verdict: {decisions: Array<{policy: {name: string}}>}}>}
    expect(answer.answer).toBe('yes')
    expect(answer.results.map((r) => [r.port, r.verdict.decisions[0]!.policy.name])).toEqual([['5432 "postgres"', 'postgres-from-api']])
  })

  it('with --expect, exits 1 when the answer is not the one expected, and says so', () => {
    const args = ['reach', 'shop/app=web', 'StatefulSet/shop/postgres:postgres', SCENARIO]
    const met = runCli([...args, '--expect', 'no'])
    expect([met.status, met.stderr]).toEqual([0, ''])
    const unmet = runCli([...args, '--expect', 'yes'])
    expect([unmet.status, unmet.stderr]).toEqual([1, 'expected yes, the answer is no\n'])
    expect(unmet.stdout).toBe(met.stdout)
    expect(runCli(['reach', 'ns/monitoring', 'Deployment/shop/api:9090', SCENARIO, '--expect', 'no', '--format', 'json']).status).toBe(1)
  })

  it('exits 2 on a source, target or port it cannot read, without a stack trace', () => {
    for (const args of [
      ['reach', 'shop/app=web', 'StatefulSet/shop/postgres:postgres', SCENARIO, '--expect', 'maybe'],
      ['reach', 'bogus', 'Deployment/shop/api', SCENARIO],
      ['reach', 'internet', 'Deployment/shop/nope', SCENARIO],
      ['reach', 'internet', 'Deployment/shop/api:99999', SCENARIO],
      ['reach', 'internet', 'shop/app=$(rm)', SCENARIO],
      ['reach', 'internet'],
    ]) {
      const run = runCli(args)
      expect(run.status, args.join(' ')).toBe(2)
      noStackTrace(run.stderr)
    }
  })
})
