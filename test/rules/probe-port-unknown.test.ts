import {ruleTester} from '../support/rule-tester.js'

ruleTester('probe-port-unknown', {
  valid: [
    {files: ['valid/named-and-numbered-ports.yaml']},
    {name: 'a UDP port name whose number the container also declares for TCP', files: ['valid/dns-on-both-protocols.yaml']},
  ],
  invalid: [
    {
      name: 'a probe on a port name declared for UDP only connects over TCP',
      files: ['invalid/udp-only-named-port.yaml'],
      findings: [
        {object: 'Deployment infra/dns', line: 26, column: 21, endLine: 26, endColumn: 24, messageId: 'udpOnly', data: {field: 'livenessProbe.tcpSocket.port', name: '"dns"', number: 53}, severity: 'warning'},
      ],
    },
    {
      name: 'names the container does not declare: unknown, wrong case, no named ports at all',
      files: ['invalid/names-not-declared.yaml'],
      findings: [
        {
          object: 'Deployment shop/web',
          line: 26,
          column: 21,
          endLine: 26,
          endColumn: 25,
          messageId: 'notDeclared',
          data: {field: 'readinessProbe.httpGet.port', name: '"http"', container: 'container "web"', names: '"web", "admin"'},
        },
        {
          object: 'Deployment shop/web',
          line: 30,
          column: 21,
          endLine: 30,
          endColumn: 26,
          messageId: 'caseMismatch',
          data: {field: 'livenessProbe.httpGet.port', name: '"Admin"', container: 'container "web"', near: '"admin"'},
        },
        {
          object: 'Deployment shop/web',
          line: 35,
          column: 21,
          endLine: 35,
          endColumn: 26,
          messageId: 'noNamedPorts',
          data: {field: 'startupProbe.tcpSocket.port', name: '"queue"', container: 'container "worker"'},
        },
      ],
    },
    {
      files: ['invalid/port-of-another-container.yaml'],
      findings: [
        {
          object: 'Pod shop/app',
          line: 21,
          column: 17,
          endLine: 21,
          endColumn: 28,
          messageId: 'otherContainer',
          data: {field: 'readinessProbe.httpGet.port', name: '"envoy-admin"', container: 'container "app"', owner: 'sidecar container "envoy"'},
        },
      ],
    },
    {
      name: 'a quoted number is a port name; gRPC takes numbers only',
      files: ['invalid/quoted-number-and-grpc-name.yaml'],
      findings: [
        {
          object: 'StatefulSet shop/search',
          line: 24,
          column: 21,
          endLine: 24,
          endColumn: 27,
          messageId: 'quotedNumber',
          data: {field: 'readinessProbe.tcpSocket.port', number: '9200'},
        },
        {
          object: 'StatefulSet shop/search',
          line: 27,
          column: 21,
          endLine: 27,
          endColumn: 25,
          messageId: 'grpcPortNameDeclared',
          data: {field: 'livenessProbe.grpc.port', name: '"grpc"', container: 'container "search"', number: 9090},
        },
      ],
    },
  ],
})
