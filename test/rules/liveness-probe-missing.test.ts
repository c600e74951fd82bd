import {ruleTester} from '../support/rule-tester.js'

ruleTester('liveness-probe-missing', {
  valid: [
    {files: ['valid/probes-on-containers-and-sidecars.yaml']},
    {files: ['valid/run-to-completion.yaml']},
    {name: 'a pause container that keeps a node setup pod in place', files: ['valid/pause-holds-the-pod.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/readiness-only.yaml'],
      findings: [
        {object: 'Deployment shop/api', line: 17, column: 17, endLine: 17, endColumn: 20, messageId: 'noLivenessProbe', data: {container: 'container "api"'}},
      ],
    },
    {
      name: 'images named like pause that are not it',
      files: ['invalid/pause-like-names.yaml'],
      findings: [
        {object: 'Deployment shop/pauser', line: 17, column: 17, endLine: 17, endColumn: 20, messageId: 'noLivenessProbe', data: {container: 'container "api"'}},
        {object: 'Deployment shop/pauser', line: 21, column: 17, endLine: 21, endColumn: 23, messageId: 'noLivenessProbe', data: {container: 'container "worker"'}},
      ],
    },
    {
      name: 'a sidecar without a liveness probe, and a ReplicationController',
      files: ['invalid/sidecar-and-replicaset.yaml'],
      findings: [
        {
          object: 'ReplicaSet shop/cache',
          line: 16,
          column: 17,
          endLine: 16,
          endColumn: 28,
          messageId: 'noLivenessProbe',
          data: {container: 'sidecar container "log-shipper"'},
        },
        {
          object: 'ReplicationController shop/legacy',
          line: 38,
          column: 17,
          endLine: 38,
          endColumn: 23,
          messageId: 'noLivenessProbe',
          data: {container: 'container "legacy"'},
        },
      ],
    },
  ],
})
