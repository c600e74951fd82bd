import {ruleTester} from '../support/rule-tester.js'

ruleTester('nodeport-out-of-range', {
  valid: [
    {files: ['valid/in-range.yaml']},
    {files: ['valid/health-check-port.yaml']},
    {name: 'a nodePort inside the range set in config', files: ['valid/custom-range.yaml'], config: {nodePortRange: '20000-22767'}},
  ],
  invalid: [
    {
      files: ['invalid/health-check-port.yaml'],
      findings: [
        {
          object: 'Service shop/edge',
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 26,
          messageId: 'outOfRange',
          data: {field: 'healthCheckNodePort', port: 80, range: '30000-32767'},
        },
        {object: 'Service shop/internal', line: 21, column: 24, endLine: 21, endColumn: 29, messageId: 'noHealthCheckPort', data: {port: 31000}},
      ],
    },
    {
      files: ['invalid/outside-range.yaml'],
      findings: [
        {
          object: 'Service shop/web',
          line: 13,
          column: 17,
          endLine: 13,
          endColumn: 21,
          messageId: 'outOfRange',
          data: {field: 'nodePort', port: 8080, range: '30000-32767'},
        },
        {
          object: 'Service shop/web',
          line: 16,
          column: 17,
          endLine: 16,
          endColumn: 22,
          messageId: 'outOfRange',
          data: {field: 'nodePort', port: 32768, range: '30000-32767'},
        },
      ],
    },
    {
      name: 'the default range applies when config sets none; a custom range moves it',
      files: ['valid/custom-range.yaml'],
      findings: [
        {
          object: 'Service default/legacy',
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 22,
          messageId: 'outOfRange',
          data: {field: 'nodePort', port: 20080, range: '30000-32767'},
        },
      ],
    },
    {
      files: ['invalid/on-clusterip.yaml'],
      findings: [
        {object: 'Service data/db', line: 11, column: 17, endLine: 11, endColumn: 22, messageId: 'noNodePorts', data: {port: 30432, type: 'ClusterIP'}},
        {
          object: 'Service data/upstream',
          line: 23,
          column: 17,
          endLine: 23,
          endColumn: 22,
          messageId: 'noNodePorts',
          data: {port: 30433, type: 'ExternalName'},
        },
      ],
    },
    {
      files: ['invalid/not-a-number.yaml'],
      findings: [
        {
          object: 'Service default/api',
          line: 11,
          column: 17,
          endLine: 11,
          endColumn: 24,
          messageId: 'notWholeNumber',
          data: {field: 'nodePort', value: '"30080"'},
        },
      ],
    },
  ],
})
