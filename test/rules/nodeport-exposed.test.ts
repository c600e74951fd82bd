import {ruleTester} from '../support/rule-tester.js'

ruleTester('nodeport-exposed', {
  valid: [
    {files: ['valid/other-types.yaml']},
    {name: 'a deliberate NodePort, suppressed with its reason', files: ['valid/suppressed-with-reason.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/fixed-node-port.yaml'],
      findings: [
        {object: 'Service shop/storefront', line: 7, column: 9, endLine: 7, endColumn: 17, messageId: 'nodePortService', data: {opened: 'port 30080'}},
      ],
    },
    {
      name: 'ports left to the cluster are counted, in the configured node port range',
      files: ['invalid/allocated-node-ports.yaml'],
      config: {nodePortRange: '31000-31999'},
      findings: [
        {
          object: 'Service default/selenium-hub',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 17,
          messageId: 'nodePortService',
          data: {opened: 'port 31443 and 2 ports from 31000-31999'},
        },
      ],
    },
  ],
})
