import {ruleTester} from '../support/rule-tester.js'

ruleTester('duplicate-key', {
  valid: [{files: ['valid/distinct-keys.yaml']}],
  invalid: [
    {
      files: ['invalid/repeated-selector.yaml'],
      findings: [
        {line: 8, column: 5, endLine: 8, endColumn: 6, messageId: 'duplicateKey', data: {problem: 'duplicate key "app"'}},
      ],
    },
  ],
})
