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
        {object: 'Service shop/api', line: 10, column: 5, endLine: 10, endColumn: 13, messageId: 'otherNamespace', data: {selector: 'app=api', namespace: 'shop', workload: 'Deployment api/api'}, related: ['invalid/pods-only-in-another-namespace.yaml:27:9']},
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
          messageId: 'nearLabelValue',
          data: {selector: 'app=web-v2', namespace: 'shop', workload: 'Deployment shop/web', key: 'app', value: 'web'},
          related: ['invalid/label-value-differs.yaml:25:14'],
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
          endLine: 33,
          endColumn: 14,
          messageId: 'nearMissingLabel',
          data: {selector: 'app=frontend,tier=web', namespace: 'shop', workload: 'Deployment shop/frontend', key: 'tier'},
          related: ['invalid/selects-deployment-labels.yaml:17:9'],
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
          endLine: 7,
          endColumn: 40,
          messageId: 'nearLabelValue',
          data: {selector: 'app=cart,tier=frontend', namespace: 'shop', workload: 'Pod shop/cart', key: 'tier', value: 'backend'},
          related: ['invalid/every-label-must-match.yaml:18:11'],
        },
      ],
    },
    {
      files: ['invalid/nothing-near.yaml'],
      findings: [
        {
          object: 'Service shop/payments',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 18,
          messageId: 'noMatch',
          data: {selector: 'app=payments', namespace: 'shop'},
        },
      ],
    },
    {
      files: ['invalid/pod-name-of-no-statefulset.yaml'],
      findings: [
        {
          object: 'Service cache/redis-announce-0',
          line: 9,
          column: 5,
          endLine: 10,
          endColumn: 51,
          messageId: 'nearControllerLabel',
          data: {selector: 'app=redis,statefulset.kubernetes.io/pod-name=redis-ha-0', namespace: 'cache', workload: 'StatefulSet cache/redis', key: 'statefulset.kubernetes.io/pod-name', value: 'redis-<ordinal>'},
          related: ['invalid/pod-name-of-no-statefulset.yaml:17:9'],
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
          endLine: 9,
          endColumn: 18,
          messageId: 'nearMissingLabel',
          data: {selector: 'app=web,track=canary', namespace: 'shop', workload: 'Deployment shop/web', key: 'track'},
          related: ['context/shop-workloads.yaml:13:9'],
        },
      ],
    },
  ],
})
