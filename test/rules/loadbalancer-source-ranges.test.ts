import {ruleTester} from '../support/rule-tester.js'

ruleTester('loadbalancer-source-ranges', {
  valid: [
    {name: 'ranges in the field, or in the annotation when the field is not set', files: ['valid/restricted.yaml']},
    {files: ['valid/internal-load-balancers.yaml']},
    {files: ['valid/aws-controller-internal-by-default.yaml']},
    {files: ['valid/not-load-balancers.yaml']},
  ],
  invalid: [
    {
      name: 'an AWS Load Balancer Controller NLB made internet-facing',
      files: ['invalid/aws-controller-internet-facing.yaml'],
      findings: [
        {object: 'Service shop/api', line: 10, column: 9, endLine: 10, endColumn: 21, messageId: 'noRanges'},
      ],
    },
    {
      name: 'no ranges: none given, an empty list, an internal annotation set to false',
      files: ['invalid/no-source-ranges.yaml'],
      findings: [
        {object: 'Service shop/storefront', line: 7, column: 9, endLine: 7, endColumn: 21, messageId: 'noRanges'},
        {object: 'Service shop/api', line: 21, column: 29, endLine: 21, endColumn: 31, messageId: 'emptyRanges'},
        {object: 'Service shop/reports', line: 36, column: 9, endLine: 36, endColumn: 21, messageId: 'noRanges'},
      ],
    },
    {
      name: 'ranges of prefix length 0, in the field and in the annotation',
      files: ['invalid/whole-internet-listed.yaml'],
      findings: [
        {object: 'Service shop/admin', line: 10, column: 7, endLine: 10, endColumn: 16, messageId: 'openRange', data: {ranges: '0.0.0.0/0 and ::/0'}},
        {
          object: 'Service shop/legacy',
          line: 23,
          column: 61,
          endLine: 23,
          endColumn: 83,
          messageId: 'openAnnotation',
          data: {annotation: 'service.beta.kubernetes.io/load-balancer-source-ranges', ranges: '0.0.0.0/0'},
        },
      ],
    },
  ],
})
