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
          message: 'nodePort 30080 is already claimed by Service team-a/web (port 80, at invalid/across-namespaces.yaml:12:17): node ports are cluster-wide',
        },
      ],
    },
    {
      files: ['invalid/repeated-in-one-service.yaml'],
      findings: [{object: 'Service default/api', line: 15, column: 17, message: /nodePort 31000\/TCP is repeated in this Service \(first at invalid\/repeated-in-one-service.yaml:12:17\)/}],
    },
    {
      files: ['invalid/other-protocol-other-service.yaml'],
      findings: [{object: 'Service default/dns-udp', line: 20, column: 43, message: /already claimed by Service default\/dns-tcp/}],
    },
    {
      files: ['invalid/health-check-port.yaml'],
      findings: [{object: 'Service default/debug', line: 24, column: 17, message: /health check port/}],
    },
    {
      name: 'a linted Service that takes the port of a context Service is reported, the context one is not',
      files: ['invalid/claims-port-of-context.yaml'],
      context: ['context/existing.yaml'],
      findings: [{object: 'Service ops/new', line: 12, column: 17, message: /claimed by Service ops\/legacy \(port 80, at context\/existing.yaml:13:17\)/}],
    },
  ],
})
