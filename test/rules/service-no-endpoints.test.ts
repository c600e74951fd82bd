import {ruleTester} from '../support/rule-tester.js'

ruleTester('service-no-endpoints', {
  valid: [
    {files: ['valid/ready-endpoints.yaml'], live: true},
    {files: ['valid/ready-unset.yaml'], live: true},
    {files: ['valid/not-selecting-pods.yaml'], live: true},
    {files: ['valid/no-slices-read.yaml'], live: true},
    {name: 'silent when the objects do not come from a live cluster', files: ['invalid/not-ready.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/not-ready.yaml'],
      live: true,
      findings: [
        {object: 'Service shop/cart', line: 9, column: 5, endLine: 9, endColumn: 14, messageId: 'podsNotReady', data: {selector: 'app=cart', count: 2}},
      ],
    },
    {
      files: ['invalid/selector-matches-nothing.yaml'],
      live: true,
      findings: [
        {
          object: 'Service shop/checkout',
          line: 9,
          column: 5,
          endLine: 10,
          endColumn: 18,
          messageId: 'noPod',
          data: {selector: 'app=checkout,tier=backend', namespace: 'shop'},
        },
      ],
    },
    {
      files: ['invalid/scaled-to-zero.yaml'],
      live: true,
      findings: [
        {
          object: 'Service shop/reports',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 17,
          messageId: 'scaledToZero',
          data: {selector: 'app=reports', workloads: 'Deployment shop/reports'},
        },
      ],
    },
    {
      files: ['invalid/pods-not-running.yaml'],
      live: true,
      findings: [
        {
          object: 'Service shop/search',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 16,
          messageId: 'noPodRunning',
          data: {selector: 'app=search', workloads: 'Deployment shop/search'},
        },
      ],
    },
    {
      files: ['invalid/slices-of-another-service.yaml'],
      live: true,
      findings: [
        {object: 'Service shop/api', line: 10, column: 5, endLine: 10, endColumn: 13, messageId: 'noPod', data: {selector: 'app=api', namespace: 'shop'}},
      ],
    },
  ],
})
