import {ruleTester} from '../support/rule-tester.js'

ruleTester('gateway-class-missing', {
  valid: [
    {files: ['valid/class-in-input.yaml']},
    {name: 'a Gateway linted without any GatewayClass gives no finding', files: ['valid/gateway-alone.yaml']},
    {name: 'a class name that is a template placeholder is not judged', files: ['valid/template-placeholder.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/other-class.yaml'],
      findings: [
        {object: 'Gateway default/prod-web', line: 14, column: 21, endLine: 14, endColumn: 28, messageId: 'missingClass', data: {name: 'exmaple', where: 'in the input', known: ' (did you mean example?)'}},
      ],
    },
  ],
})
