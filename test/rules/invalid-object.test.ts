import {ruleTester} from '../support/rule-tester.js'

ruleTester('invalid-object', {
  valid: [{files: ['valid/list-items.yaml']}],
  invalid: [
    {
      files: ['invalid/missing-kind.yaml'],
      findings: [
        {line: 6, column: 1, message: 'object has no kind'},
        {line: 11, column: 1, message: 'object has no apiVersion or kind'},
      ],
    },
    {
      files: ['invalid/not-a-mapping.yaml'],
      findings: [
        {line: 1, column: 1, message: 'document is a sequence, not a Kubernetes object'},
        {line: 4, column: 1, message: 'document is a string, not a Kubernetes object'},
      ],
    },
    {
      name: 'a List item without kind is reported at the item',
      files: ['invalid/list-item.yaml'],
      findings: [{line: 8, column: 5, message: 'object has no apiVersion or kind'}],
    },
  ],
})
