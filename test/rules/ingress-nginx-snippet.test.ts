import {ruleTester} from '../support/rule-tester.js'

ruleTester('ingress-nginx-snippet', {
  valid: [
    {files: ['valid/no-snippets.yaml']},
    {name: 'a snippet on an Ingress whose class the input says is another controller\'s', files: ['valid/other-controller.yaml']},
  ],
  invalid: [
    {
      name: 'configuration, server and auth snippets', files: ['invalid/snippets.yaml'],
      findings: [
        {object: 'Ingress default/nginx-configuration-snippet', line: 7, column: 56, endLine: 8, endColumn: 46, messageId: 'snippet', data: {annotation: 'nginx.ingress.kubernetes.io/configuration-snippet'}},
        {object: 'Ingress default/server-snippet', line: 28, column: 49, endLine: 37, endColumn: 10, messageId: 'snippet', data: {annotation: 'nginx.ingress.kubernetes.io/server-snippet'}},
        {object: 'Ingress default/server-snippet', line: 38, column: 47, endLine: 39, endColumn: 38, messageId: 'snippet', data: {annotation: 'nginx.ingress.kubernetes.io/auth-snippet'}},
      ],
    },
  ],
})
