import {ruleTester} from '../support/rule-tester.js'

ruleTester('liveness-probe-missing', {
  valid: [{files: ['valid/probes-on-containers-and-sidecars.yaml']}, {files: ['valid/run-to-completion.yaml']}],
  invalid: [
    {
      files: ['invalid/readiness-only.yaml'],
      findings: [
        {
          object: 'Deployment shop/api',
          line: 17,
          column: 17,
          endLine: 17,
          endColumn: 20,
          message: 'container "api" has no livenessProbe: if it hangs without exiting, Kubernetes will not restart it',
        },
      ],
    },
    {
      name: 'a sidecar without a liveness probe, and a ReplicationController',
      files: ['invalid/sidecar-and-replicaset.yaml'],
      findings: [
        {object: 'ReplicaSet shop/cache', line: 16, column: 17, message: /^sidecar container "log-shipper" has no livenessProbe/},
        {object: 'ReplicationController shop/legacy', line: 38, column: 17, message: /^container "legacy" has no livenessProbe/},
      ],
    },
  ],
})
