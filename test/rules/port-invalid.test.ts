import {ruleTester} from '../support/rule-tester.js'

ruleTester('port-invalid', {
  valid: [{name: 'names of 15 characters, ports 1 and 65535', files: ['valid/ports-at-the-limits.yaml']}],
  invalid: [
    {
      name: 'numbers outside 1-65535 and names that are too long, upper-case or all digits',
      files: ['invalid/rejected-ports.yaml'],
      findings: [
        {object: 'Service monitoring/exporter', line: 12, column: 13, endLine: 12, endColumn: 18, message: 'port 70000 is not a port number: the API server accepts 1 to 65535'},
        {
          object: 'Service monitoring/exporter',
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 40,
          message: 'targetPort "metrics-exporter-http" is no valid port name: it is 21 characters long, and port names have at most 15',
        },
        {object: 'Service monitoring/exporter', line: 16, column: 19, endLine: 16, endColumn: 20, message: 'targetPort 0 is not a port number: the API server accepts 1 to 65535'},
        {
          object: 'Deployment monitoring/exporter',
          line: 36,
          column: 21,
          endLine: 36,
          endColumn: 42,
          message: 'port name "metrics-exporter-http" of container "exporter" is invalid: it is 21 characters long, and port names have at most 15',
        },
        {
          object: 'Deployment monitoring/exporter',
          line: 38,
          column: 21,
          endLine: 38,
          endColumn: 29,
          message: 'port name "Admin_UI" of container "exporter" is invalid: it may hold only lower-case letters, digits and \'-\'',
        },
        {
          object: 'Deployment monitoring/exporter',
          line: 40,
          column: 21,
          endLine: 40,
          endColumn: 27,
          message: 'port name "9443" of container "exporter" is invalid: it needs a letter: all digits make it a number written as a string',
        },
        {
          object: 'Deployment monitoring/exporter',
          line: 44,
          column: 21,
          endLine: 44,
          endColumn: 26,
          message: 'livenessProbe.tcpSocket.port 99999 is not a port number: the API server accepts 1 to 65535',
        },
      ],
    },
  ],
})
