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
          message:
            'Deployment web runs 3 replicas reached from outside through Ingress shop/web (Service shop/web), with no pod anti-affinity or topologySpreadConstraints: they may all land on one node',
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
          message:
            'Deployment api runs 2 replicas reached from outside through LoadBalancer Service default/api, and its pod anti-affinity and topology spread constraints select none of its own pods: nothing keeps them off one node',
        },
        {object: 'Deployment default/web', line: 50, column: 9, message: /^Deployment web runs 2 replicas reached from outside through NodePort Service default\/web, and its pod anti-affinity/},
      ],
    },
    {
      name: 'an autoscaler\'s minReplicas counts as the replicas',
      files: ['invalid/autoscaled.yaml'],
      findings: [{object: 'Deployment default/api', line: 14, column: 7, message: /^Deployment api runs at least 2 replicas reached from outside through HTTPRoute default\/api \(Service default\/api\), with no pod/}],
    },
  ],
})
