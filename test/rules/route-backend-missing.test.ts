import {ruleTester} from '../support/rule-tester.js'

ruleTester('route-backend-missing', {
  valid: [
    {name: 'HTTPRoute and GRPCRoute backends, a mirror target included, resolve', files: ['valid/backends-resolve.yaml']},
    {files: ['valid/cross-namespace-with-grant.yaml']},
    {name: 'a route linted alone (no Service or ReferenceGrant of the namespaces it names) gives no finding', files: ['valid/route-alone.yaml']},
    {name: 'the same route resolves against Services and a grant given as context', files: ['valid/route-alone.yaml'], context: ['context/backend-namespace.yaml']},
    {files: ['valid/other-backend-kinds.yaml']},
    {files: ['valid/two-versions-of-service.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/service-not-found.yaml'],
      findings: [
        {
          object: 'HTTPRoute default/canary',
          line: 22,
          column: 17,
          endLine: 22,
          endColumn: 21,
          messageId: 'missingPort',
          data: {where: 'rule 0, backendRef 0', service: 'default/foo-v1', port: 3000, declared: '8080'},
          related: ['invalid/service-not-found.yaml:9:5'],
        },
        {
          object: 'HTTPRoute default/canary',
          line: 24,
          column: 17,
          endLine: 24,
          endColumn: 23,
          messageId: 'missingService',
          data: {where: 'rule 0, backendRef 1', name: 'foo-v2', namespace: 'default'},
        },
        {
          object: 'HTTPRoute default/canary',
          line: 31,
          column: 21,
          endLine: 31,
          endColumn: 31,
          messageId: 'missingService',
          data: {where: 'rule 0, mirror filter 0', name: 'foo-shadow', namespace: 'default'},
        },
        {
          object: 'GRPCRoute default/grpc',
          line: 43,
          column: 11,
          endLine: 43,
          endColumn: 23,
          messageId: 'noPort',
          data: {where: 'rule 0, backendRef 0', service: 'default/foo-v1'},
        },
      ],
    },
    {
      name: 'a grant for another route kind, another namespace or another Service name does not allow the reference',
      files: ['invalid/cross-namespace-without-grant.yaml'],
      findings: [
        {
          object: 'HTTPRoute site-ns/store',
          line: 58,
          column: 22,
          endLine: 58,
          endColumn: 30,
          messageId: 'notGranted',
          data: {where: 'rule 0, backendRef 0', service: 'store-ns/store', namespace: 'store-ns', kind: 'HTTPRoute', from: 'site-ns'},
        },
        {
          object: 'HTTPRoute site-ns/store',
          line: 62,
          column: 22,
          endLine: 62,
          endColumn: 29,
          messageId: 'notGranted',
          data: {where: 'rule 1, backendRef 0', service: 'backend/login', namespace: 'backend', kind: 'HTTPRoute', from: 'site-ns'},
        },
      ],
    },
    {
      name: 'the target namespace given as context, without a grant for this route',
      files: ['invalid/grant-missing-in-context.yaml'],
      context: ['context/backend-namespace.yaml'],
      findings: [
        {
          object: 'HTTPRoute shop/store',
          line: 14,
          column: 22,
          endLine: 14,
          endColumn: 30,
          messageId: 'notGranted',
          data: {where: 'rule 0, backendRef 0', service: 'store-ns/store', namespace: 'store-ns', kind: 'HTTPRoute', from: 'shop'},
        },
      ],
    },
  ],
})
