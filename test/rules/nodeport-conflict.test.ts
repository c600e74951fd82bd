import {ruleTester} from '../support/rule-tester.js'

ruleTester('nodeport-conflict', {
  valid: [
    {files: ['valid/distinct-ports.yaml']},
    {files: ['valid/dns-tcp-and-udp.yaml']},
    {
      name: 'a Service and its own applied copy given as context do not conflict',
      files: ['valid/distinct-ports.yaml'],
      context: ['context/applied-web.yaml'],
    },
  ],
  invalid: [
    {
      files: ['invalid/across-namespaces.yaml'],
      findings: [
        {
          object: 'Service team-b/web',
          line: 26,
          column: 17,
          endLine: 26,
          endColumn: 22,
          messageId: 'claimed',
          data: {nodePort: 30080, service: 'team-a/web', what: 'port 80'},
          related: ['invalid/across-namespaces.yaml:12:17'],
        },
      ],
    },
    {
      files: ['invalid/repeated-in-one-service.yaml'],
      findings: [
        {
          object: 'Service default/api',
          line: 15,
          column: 17,
          endLine: 15,
          endColumn: 22,
          messageId: 'repeated',
          data: {nodePort: 31000, protocol: 'TCP'},
          related: ['invalid/repeated-in-one-service.yaml:12:17'],
        },
      ],
    },
    {
      files: ['invalid/other-protocol-other-service.yaml'],
      findings: [
        {
          object: 'Service default/dns-udp',
          line: 20,
          column: 43,
          endLine: 20,
          endColumn: 48,
          messageId: 'claimed',
          data: {nodePort: 30053, service: 'default/dns-tcp', what: 'port 53'},
          related: ['invalid/other-protocol-other-service.yaml:10:43'],
        },
      ],
    },
    {
      files: ['invalid/health-check-port.yaml'],
      findings: [
        {
          object: 'Service default/debug',
          line: 24,
          column: 17,
          endLine: 24,
          endColumn: 22,
          messageId: 'claimed',
          data: {nodePort: 32000, service: 'default/edge', what: 'health check port'},
          related: ['invalid/health-check-port.yaml:8:24'],
        },
      ],
    },
    {
      name: 'a linted Service that takes the port of a context Service is reported, the context one is not',
      files: ['invalid/claims-port-of-context.yaml'],
      context: ['context/existing.yaml'],
      findings: [
        {
          object: 'Service ops/new',
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 22,
          messageId: 'claimed',
          data: {nodePort: 30900, service: 'ops/legacy', what: 'port 80'},
          related: ['context/existing.yaml:13:17'],
        },
      ],
    },
  ],
})
