import {ruleTester} from '../support/rule-tester.js'

ruleTester('service-selector-no-match', {
  valid: [
    {files: ['valid/matches-pod-template.yaml']},
    {files: ['valid/service-alone.yaml']},
    {files: ['valid/pods-in-another-namespace-only.yaml']},
    {files: ['valid/no-selector-or-external-name.yaml']},
    {files: ['valid/statefulset-pod-name.yaml']},
    {files: ['valid/operator-pods.yaml']},
    {name: 'the pods are in the context', files: ['valid/pods-in-context.yaml'], context: ['context/shop-workloads.yaml']},
  ],
  invalid: [
    {
      name: 'pods only in another namespace: a Service selects in its own',
      files: ['invalid/pods-only-in-another-namespace.yaml'],
      findings: [
        {
          object: 'Service shop/api',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 13,
          message:
            'selector app=api matches no pod in namespace shop: it matches the pods of Deployment api/api (invalid/pods-only-in-another-namespace.yaml:27:9), but a Service selects pods of its own namespace only',
        },
      ],
    },
    {
      files: ['invalid/label-value-differs.yaml'],
      findings: [
        {
          object: 'Service shop/web',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 16,
          message: 'selector app=web-v2 matches no pod template in namespace shop: Deployment shop/web (invalid/label-value-differs.yaml:25:14) has app=web',
        },
      ],
    },
    {
      files: ['invalid/selects-deployment-labels.yaml'],
      findings: [
        {
          object: 'Service shop/frontend',
          line: 32,
          column: 5,
          message:
            'selector app=frontend,tier=web matches no pod template in namespace shop: Deployment shop/frontend (invalid/selects-deployment-labels.yaml:17:9) has no label tier',
        },
      ],
    },
    {
      files: ['invalid/every-label-must-match.yaml'],
      findings: [
        {
          object: 'Service shop/cart',
          line: 7,
          column: 13,
          message: 'selector app=cart,tier=frontend matches no pod template in namespace shop: Pod shop/cart (invalid/every-label-must-match.yaml:18:11) has tier=backend',
        },
      ],
    },
    {
      files: ['invalid/nothing-near.yaml'],
      findings: [{object: 'Service shop/payments', line: 9, column: 5, message: 'selector app=payments matches no pod template in namespace shop'}],
    },
    {
      files: ['invalid/pod-name-of-no-statefulset.yaml'],
      findings: [
        {
          object: 'Service cache/redis-announce-0',
          line: 9,
          column: 5,
          message:
            'selector app=redis,statefulset.kubernetes.io/pod-name=redis-ha-0 matches no pod template in namespace cache: StatefulSet cache/redis (invalid/pod-name-of-no-statefulset.yaml:17:9) gives its pods statefulset.kubernetes.io/pod-name=redis-<ordinal>',
        },
      ],
    },
    {
      name: 'the workloads of the namespace are in the context, none matches',
      files: ['invalid/misses-context-workloads.yaml'],
      context: ['context/shop-workloads.yaml'],
      findings: [
        {
          object: 'Service shop/web-canary',
          line: 8,
          column: 5,
          message: 'selector app=web,track=canary matches no pod template in namespace shop: Deployment shop/web (context/shop-workloads.yaml:13:9) has no label track',
        },
      ],
    },
  ],
})
