import {ruleTester} from '../support/rule-tester.js'

ruleTester('invalid-object', {
  valid: [{files: ['valid/list-items.yaml']}],
  invalid: [
    {
      files: ['invalid/missing-kind.yaml'],
      findings: [
        {line: 6, column: 1, endLine: 9, endColumn: 13, messageId: 'notAnObject', data: {problem: 'object has no kind'}},
        {line: 11, column: 1, endLine: 12, endColumn: 16, messageId: 'notAnObject', data: {problem: 'object has no apiVersion or kind'}},
      ],
    },
    {
      files: ['invalid/not-a-mapping.yaml'],
      findings: [
        {line: 1, column: 1, endLine: 2, endColumn: 16, messageId: 'notAnObject', data: {problem: 'document is a sequence, not a Kubernetes object'}},
        {line: 4, column: 1, endLine: 4, endColumn: 14, messageId: 'notAnObject', data: {problem: 'document is a string, not a Kubernetes object'}},
      ],
    },
    {
      name: 'a List item without kind is reported at the item',
      files: ['invalid/list-item.yaml'],
      findings: [
        {line: 8, column: 5, endLine: 9, endColumn: 20, messageId: 'notAnObject', data: {problem: 'object has no apiVersion or kind'}},
      ],
    },
  ],
})
