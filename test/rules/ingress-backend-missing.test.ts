import {ruleTester} from '../support/rule-tester.js'

ruleTester('ingress-backend-missing', {
  valid: [
    {files: ['valid/backends-resolve.yaml']},
    {files: ['valid/legacy-backends-resolve.yaml']},
    {name: 'an Ingress linted alone (no Service of its namespace in the input) gives no finding', files: ['valid/ingress-alone.yaml']},
    {name: 'the same Ingress resolves against Services given as context', files: ['valid/ingress-alone.yaml'], context: ['context/services.yaml']},
    {files: ['valid/resource-backend.yaml']},
    {name: 'Services of another namespace, or of another API group, do not make the namespace known', files: ['valid/only-other-services.yaml']},
    {files: ['valid/external-name-backend.yaml']},
    {files: ['valid/two-versions-of-service.yaml']},
    {name: 'AWS Load Balancer Controller actions (port use-annotation) with their annotations', files: ['valid/alb-actions.yaml']},
    {name: 'Services an operator makes from custom resources of the input (ECK, Rook)', files: ['valid/operator-made-services.yaml']},
  ],
  invalid: [
    {
      name: 'port use-annotation without the action annotation of that name',
      files: ['invalid/alb-action-annotation-missing.yaml'],
      findings: [
        {object: 'Ingress echoserver/echoserver', line: 33, column: 25, endLine: 33, endColumn: 39, messageId: 'albActionMissing', data: {port: 'use-annotation', where: 'any host, path /', annotation: 'alb.ingress.kubernetes.io/actions.ssl-redirect'}},
      ],
    },
    {
      name: 'a networking.k8s.io/v1 Ingress with serviceName/servicePort has no valid backend',
      files: ['invalid/v1-with-legacy-fields.yaml'],
      findings: [
        {object: 'Ingress shop/shop', line: 28, column: 28, endLine: 28, endColumn: 38, messageId: 'legacyFieldsInV1', data: {where: 'host shop.example.com, path /'}},
      ],
    },
    {
      name: 'a custom resource excuses only the Services whose names start with its name',
      files: ['invalid/operator-namespace-other-service.yaml'],
      findings: [
        {object: 'Ingress elastic/kibana', line: 37, column: 23, endLine: 37, endColumn: 30, messageId: 'missingService', data: {name: 'kb-http', where: 'host kb.example.com, path /', namespace: 'elastic'}},
      ],
    },
    {
      files: ['invalid/service-not-found.yaml'],
      findings: [
        {
          object: 'Ingress shop/shop',
          line: 21,
          column: 13,
          endLine: 21,
          endColumn: 27,
          messageId: 'missingService',
          data: {name: 'not-found-page', where: 'the default backend', namespace: 'shop'},
        },
        {
          object: 'Ingress shop/shop',
          line: 39,
          column: 23,
          endLine: 39,
          endColumn: 31,
          messageId: 'missingService',
          data: {name: 'checkout', where: 'host shop.example.com, path /checkout', namespace: 'shop'},
        },
      ],
    },
    {
      files: ['invalid/port-not-found.yaml'],
      findings: [
        {
          object: 'Ingress shop/shop',
          line: 30,
          column: 27,
          endLine: 30,
          endColumn: 31,
          messageId: 'missingPort',
          data: {name: 'storefront', port: 8080, where: 'host shop.example.com, path /', declared: '80 (http)'},
          related: ['invalid/port-not-found.yaml:10:5'],
        },
        {
          object: 'Ingress shop/shop',
          line: 37,
          column: 25,
          endLine: 37,
          endColumn: 30,
          messageId: 'missingNamedPort',
          data: {name: 'storefront', port: 'https', where: 'host shop.example.com, path /api', declared: '80 (http)'},
          related: ['invalid/port-not-found.yaml:10:5'],
        },
      ],
    },
    {
      name: 'legacy serviceName/servicePort and spec.backend are read',
      files: ['invalid/legacy-backends.yaml'],
      findings: [
        {
          object: 'Ingress default/cookie',
          line: 19,
          column: 18,
          endLine: 19,
          endColumn: 38,
          messageId: 'missingService',
          data: {name: 'default-http-backend', where: 'the default backend', namespace: 'default'},
        },
        {
          object: 'Ingress default/cookie',
          line: 28,
          column: 28,
          endLine: 28,
          endColumn: 31,
          messageId: 'missingNamedPort',
          data: {name: 'http-svc', port: 'web', where: 'host stickyingress.example.com, path /', declared: '80 (http)'},
          related: ['invalid/legacy-backends.yaml:9:5'],
        },
      ],
    },
    {
      name: 'a Service given as context is checked for the port',
      files: ['invalid/port-missing-on-context-service.yaml'],
      context: ['context/services.yaml'],
      findings: [
        {
          object: 'Ingress shop/secure',
          line: 18,
          column: 27,
          endLine: 18,
          endColumn: 30,
          messageId: 'missingPort',
          data: {name: 'storefront', port: 443, where: 'host shop.example.com, path /', declared: '80 (http)'},
          related: ['context/services.yaml:10:5'],
        },
      ],
    },
  ],
})
