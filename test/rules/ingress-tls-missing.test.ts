import {ruleTester} from '../support/rule-tester.js'

ruleTester('ingress-tls-missing', {
  valid: [
    {files: ['valid/tls-covers-hosts.yaml']},
    {files: ['valid/tls-entry-without-hosts.yaml']},
    {files: ['valid/hostless-rules.yaml']},
    {files: ['valid/cloud-certificate-annotation.yaml']},
    {files: ['valid/legacy-tls.yaml']},
    {name: 'an ALB HTTPS listener takes a certificate discovered by host', files: ['valid/alb-https-listener.yaml']},
    {name: 'NGINX Inc. minions cannot carry TLS: their master\'s covers the host', files: ['valid/mergeable-minions.yaml']},
    {
      name: 'an annotation added to tlsAnnotations counts as TLS',
      files: ['invalid/custom-certificate-annotation.yaml'],
      options: {tlsAnnotations: ['lb.example.com/certificate']},
    },
  ],
  invalid: [
    {
      name: 'an ALB that listens on HTTP only',
      files: ['invalid/alb-http-listener-only.yaml'],
      findings: [
        {object: 'Ingress echoserver/echoserver', line: 13, column: 13, endLine: 13, endColumn: 35, messageId: 'noTls', data: {host: 'echoserver.example.com'}},
      ],
    },
    {
      name: 'a mergeable master without TLS is reported, its minion is not',
      files: ['invalid/mergeable-master-without-tls.yaml'],
      findings: [
        {object: 'Ingress cafe/cafe-ingress-master', line: 12, column: 11, endLine: 12, endColumn: 27, messageId: 'noTls', data: {host: 'cafe.example.com'}},
      ],
    },
    {
      name: 'each uncovered host once, at its first rule',
      files: ['invalid/no-tls.yaml'],
      findings: [
        {object: 'Ingress tools/registry', line: 8, column: 13, endLine: 8, endColumn: 33, messageId: 'noTls', data: {host: 'registry.example.com'}},
        {object: 'Ingress tools/registry', line: 28, column: 13, endLine: 28, endColumn: 27, messageId: 'noTls', data: {host: 'ui.example.com'}},
      ],
    },
    {
      name: 'a wildcard TLS host covers exactly one more label',
      files: ['invalid/wildcard-covers-one-label.yaml'],
      findings: [
        {
          object: 'Ingress default/apps',
          line: 21,
          column: 13,
          endLine: 21,
          endColumn: 24,
          messageId: 'hostNotListed',
          data: {host: 'example.com', tlsHosts: '*.example.com'},
        },
        {
          object: 'Ingress default/apps',
          line: 31,
          column: 13,
          endLine: 31,
          endColumn: 31,
          messageId: 'hostNotListed',
          data: {host: 'api.eu.example.com', tlsHosts: '*.example.com'},
        },
      ],
    },
    {
      name: 'an unknown annotation, or a known one set to "false", is not TLS',
      files: ['invalid/custom-certificate-annotation.yaml'],
      findings: [
        {object: 'Ingress default/shop', line: 11, column: 13, endLine: 11, endColumn: 29, messageId: 'noTls', data: {host: 'shop.example.com'}},
      ],
    },
  ],
})
