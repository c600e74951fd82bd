import {ruleTester} from '../support/rule-tester.js'

ruleTester('exposed-no-spread', {
  valid: [
    {files: ['valid/topology-spread.yaml']},
    {name: 'preferred and required pod anti-affinity on the pods\' own labels', files: ['valid/anti-affinity.yaml']},
    {name: 'a single replica, or replicas reached from inside only', files: ['valid/not-this-rule.yaml']},
  ],
  invalid: [
    {
      name: 'nothing written: at the pod spec',
      files: ['invalid/no-spread.yaml'],
      findings: [
        {
          object: 'Deployment shop/web',
          line: 16,
          column: 7,
          endLine: 18,
          endColumn: 28,
          messageId: 'noSpread',
          data: {workload: 'Deployment web', replicas: '3', exposures: 'Ingress shop/web (Service shop/web)'},
        },
      ],
    },
    {
      name: 'terms over other pods, another namespace, or no selector: at what is written',
      files: ['invalid/spreads-other-pods.yaml'],
      findings: [
        {
          object: 'Deployment default/api',
          line: 18,
          column: 11,
          endLine: 30,
          endColumn: 27,
          messageId: 'spreadsOthers',
          data: {workload: 'Deployment api', replicas: '2', exposures: 'LoadBalancer Service default/api'},
        },
        {
          object: 'Deployment default/web',
          line: 50,
          column: 9,
          endLine: 52,
          endColumn: 43,
          messageId: 'spreadsOthers',
          data: {workload: 'Deployment web', replicas: '2', exposures: 'NodePort Service default/web'},
        },
      ],
    },
    {
      name: 'an autoscaler\'s minReplicas counts as the replicas',
      files: ['invalid/autoscaled.yaml'],
      findings: [
        {
          object: 'Deployment default/api',
          line: 14,
          column: 7,
          endLine: 16,
          endColumn: 41,
          messageId: 'noSpread',
          data: {workload: 'Deployment api', replicas: 'at least 2', exposures: 'HTTPRoute default/api (Service default/api)'},
        },
      ],
    },
  ],
})
