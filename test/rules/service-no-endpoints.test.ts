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
        {
          object: 'Service shop/cart',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 14,
          message: 'Service has no ready endpoint: the 2 pods its selector app=cart matches are not ready (readiness probe failing, or still starting), so connections to it fail',
        },
      ],
    },
    {
      files: ['invalid/selector-matches-nothing.yaml'],
      live: true,
      findings: [{object: 'Service shop/checkout', line: 9, column: 5, message: 'Service has no endpoints: no pod in namespace shop matches its selector app=checkout,tier=backend'}],
    },
    {
      files: ['invalid/scaled-to-zero.yaml'],
      live: true,
      findings: [{object: 'Service shop/reports', line: 9, column: 5, message: 'Service has no endpoints: Deployment shop/reports matches its selector app=reports but is scaled to zero'}],
    },
    {
      files: ['invalid/pods-not-running.yaml'],
      live: true,
      findings: [{object: 'Service shop/search', line: 10, column: 5, message: 'Service has no endpoints: Deployment shop/search matches its selector app=search, but no pod of it is running'}],
    },
    {
      files: ['invalid/slices-of-another-service.yaml'],
      live: true,
      findings: [{object: 'Service shop/api', line: 10, column: 5, message: 'Service has no endpoints: no pod in namespace shop matches its selector app=api'}],
    },
  ],
})
