import {ruleTester} from '../support/rule-tester.js'

ruleTester('port-invalid', {
  valid: [{name: 'names of 15 characters, ports 1 and 65535', files: ['valid/ports-at-the-limits.yaml']}],
  invalid: [
    {
      name: 'numbers outside 1-65535 and names that are too long, upper-case or all digits',
      files: ['invalid/rejected-ports.yaml'],
      findings: [
        {object: 'Service monitoring/exporter', line: 12, column: 13, endLine: 12, endColumn: 18, messageId: 'numberOutOfRange', data: {field: 'port', number: 70000}},
        {object: 'Service monitoring/exporter', line: 13, column: 19, endLine: 13, endColumn: 40, messageId: 'nameTooLong', data: {field: 'targetPort', name: '"metrics-exporter-http"', length: 21}},
        {object: 'Service monitoring/exporter', line: 16, column: 19, endLine: 16, endColumn: 20, messageId: 'numberOutOfRange', data: {field: 'targetPort', number: 0}},
        {object: 'Deployment monitoring/exporter', line: 36, column: 21, endLine: 36, endColumn: 42, messageId: 'nameTooLong', data: {field: 'container "exporter" port', name: '"metrics-exporter-http"', length: 21}},
        {object: 'Deployment monitoring/exporter', line: 38, column: 21, endLine: 38, endColumn: 29, messageId: 'nameCharacters', data: {field: 'container "exporter" port', name: '"Admin_UI"'}},
        {object: 'Deployment monitoring/exporter', line: 40, column: 21, endLine: 40, endColumn: 27, messageId: 'nameDigitsOnly', data: {field: 'container "exporter" port', name: '"9443"'}},
        {object: 'Deployment monitoring/exporter', line: 44, column: 21, endLine: 44, endColumn: 26, messageId: 'numberOutOfRange', data: {field: 'livenessProbe.tcpSocket.port', number: 99999}},
      ],
    },
  ],
})
