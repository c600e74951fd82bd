import {ruleTester} from '../support/rule-tester.js'

ruleTester('backendtlspolicy-target-missing', {
  valid: [
    {name: 'the Service and its named port are there; a policy of a namespace the input holds no Service of', files: ['valid/target-found.yaml']},
  ],
  invalid: [
    {
      name: 'a port name the Service lacks, and a Service that is not there', files: ['invalid/target-missing.yaml'],
      findings: [
        {object: 'BackendTLSPolicy default/tls-upstream-auth', line: 23, column: 20, endLine: 23, endColumn: 23, messageId: 'missingPort', data: {service: 'default/auth', sectionName: 'tls', declared: 'https'}, related: ['invalid/target-missing.yaml:10:3']},
        {object: 'BackendTLSPolicy default/tls-upstream-auth', line: 25, column: 13, endLine: 25, endColumn: 16, messageId: 'missingService', data: {name: 'dev', namespace: 'default'}},
      ],
    },
  ],
})
