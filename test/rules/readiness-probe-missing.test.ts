import {describe, expect, it} from 'vitest'
import {lintWithRule, ruleTester} from '../support/rule-tester.js'

const rollouts = {podTemplates: [{kind: 'Rollout', group: 'argoproj.io', path: 'spec.template'}]}

ruleTester('readiness-probe-missing', {
  valid: [
    {files: ['valid/probes-on-containers-and-sidecars.yaml']},
    {files: ['valid/run-to-completion.yaml']},
    {name: 'helpers beside a probed container or an injected proxy, and a bare Pod no Service selects', files: ['valid/helpers-and-unused-pods.yaml']},
    {name: 'a CRD pod template kind with a probe', files: ['valid/crd-rollout-with-probe.yaml'], config: rollouts},
  ],
  invalid: [
    {
      name: 'a workload reached from outside the cluster: the message says through what',
      files: ['invalid/reached-from-outside.yaml'],
      findings: [
        {
          object: 'Deployment shop/storefront',
          line: 15,
          column: 17,
          endLine: 15,
          endColumn: 20,
          messageId: 'noProbeExposed',
          data: {container: 'container "web"', services: 'Service shop/storefront ({{related:0}})', exposures: 'LoadBalancer Service shop/storefront'},
          related: ['invalid/reached-from-outside.yaml:26:13'],
        },
      ],
    },
    {
      name: 'the Service is matched against pod template labels, not the Deployment\'s own',
      files: ['invalid/service-selects-template-labels.yaml'],
      findings: [
        {
          object: 'Deployment shop/web',
          line: 32,
          column: 17,
          endLine: 32,
          endColumn: 20,
          messageId: 'noProbeServed',
          data: {container: 'container "web"', services: 'Service shop/web ({{related:0}})'},
          related: ['invalid/service-selects-template-labels.yaml:11:5'],
        },
        {object: 'Deployment shop/legacy', line: 52, column: 17, endLine: 52, endColumn: 23, messageId: 'noProbe', data: {container: 'container "legacy"'}},
      ],
    },
    {
      name: 'a sidecar the Service targets and a DaemonSet; the plain init container is not reported',
      files: ['invalid/sidecar-daemonset-pod.yaml'],
      findings: [
        {object: 'StatefulSet data/db', line: 21, column: 17, endLine: 21, endColumn: 29, messageId: 'noProbeGatedServed', data: {container: 'sidecar container "backup-agent"', services: 'Service data/db ({{related:0}})', gate: 'container "db"'}, related: ['invalid/sidecar-daemonset-pod.yaml:59:5']},
        {object: 'DaemonSet monitoring/node-exporter', line: 49, column: 17, endLine: 49, endColumn: 25, messageId: 'noProbe', data: {container: 'container "exporter"'}},
      ],
    },
    {
      name: 'a Service given with --context is named',
      files: ['invalid/service-in-context.yaml'],
      context: ['context/api-service.yaml'],
      findings: [
        {
          object: 'Deployment shop/api',
          line: 16,
          column: 17,
          endLine: 16,
          endColumn: 20,
          messageId: 'noProbeServed',
          data: {container: 'container "api"', services: 'Service shop/api ({{related:0}})'},
          related: ['context/api-service.yaml:8:5'],
        },
      ],
    },
    {
      name: 'of four Services, three are named and all are related locations',
      files: ['invalid/many-services.yaml'],
      findings: [
        {
          object: 'Pod lab/echo',
          line: 11,
          column: 13,
          endLine: 11,
          endColumn: 17,
          messageId: 'noProbeServed',
          data: {container: 'container "echo"', services: 'Services lab/echo-a ({{related:0}}), lab/echo-b ({{related:1}}), lab/echo-c ({{related:2}}) and 1 more'},
          related: ['invalid/many-services.yaml:21:5', 'invalid/many-services.yaml:31:13', 'invalid/many-services.yaml:41:13', 'invalid/many-services.yaml:51:13'],
        },
      ],
    },
    {
      name: 'a CRD pod template kind without a probe',
      files: ['invalid/crd-rollout-without-probe.yaml'],
      config: rollouts,
      findings: [
        {object: 'Rollout shop/checkout', line: 13, column: 17, endLine: 13, endColumn: 25, messageId: 'noProbe', data: {container: 'container "checkout"'}},
      ],
    },
  ],
})

describe('readiness-probe-missing related locations', () => {
  it('lists every Service that routes to the pod, those the message leaves out included', async () => {
    const [finding] = await lintWithRule('readiness-probe-missing', {files: ['invalid/many-services.yaml']})
    expect(finding?.related?.map((r) => [r.message, r.start?.line, r.start?.column])).toEqual([
      ['Service lab/echo-a selects this pod template', 21, 5],
      ['Service lab/echo-b selects this pod template', 31, 13],
      ['Service lab/echo-c selects this pod template', 41, 13],
      ['Service lab/echo-d selects this pod template', 51, 13],
    ])
  })
})
