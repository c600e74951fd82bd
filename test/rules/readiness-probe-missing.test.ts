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
      name: 'the Service is matched against pod template labels, not the Deployment\'s own',
      files: ['invalid/service-selects-template-labels.yaml'],
      findings: [
        {
          object: 'Deployment shop/web',
          line: 32,
          column: 17,
          endLine: 32,
          endColumn: 20,
          message:
            'container "web" has no readinessProbe: Service shop/web (invalid/service-selects-template-labels.yaml:11:5) will send traffic to pods that are not ready',
        },
        {
          object: 'Deployment shop/legacy',
          line: 52,
          column: 17,
          message: 'container "legacy" has no readinessProbe: its pods count as ready as soon as it starts, and rollouts move on before they can serve',
        },
      ],
    },
    {
      name: 'a sidecar the Service targets and a DaemonSet; the plain init container is not reported',
      files: ['invalid/sidecar-daemonset-pod.yaml'],
      findings: [
        {
          object: 'StatefulSet data/db',
          line: 21,
          column: 17,
          message:
            'sidecar container "backup-agent" has no readinessProbe: the pod counts as ready once container "db" is, whether this one can serve or not, and Service data/db (invalid/sidecar-daemonset-pod.yaml:59:5) sends it traffic from then on',
        },
        {object: 'DaemonSet monitoring/node-exporter', line: 49, column: 17, message: /^container "exporter" has no readinessProbe/},
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
          message: 'container "api" has no readinessProbe: Service shop/api (context/api-service.yaml:8:5) will send traffic to pods that are not ready',
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
          message:
            'container "echo" has no readinessProbe: Services lab/echo-a (invalid/many-services.yaml:21:5), lab/echo-b (invalid/many-services.yaml:31:13), lab/echo-c (invalid/many-services.yaml:41:13) and 1 more will send traffic to pods that are not ready',
        },
      ],
    },
    {
      name: 'a CRD pod template kind without a probe',
      files: ['invalid/crd-rollout-without-probe.yaml'],
      config: rollouts,
      findings: [{object: 'Rollout shop/checkout', line: 13, column: 17}],
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
