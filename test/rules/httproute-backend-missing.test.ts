import {ruleTester} from '../support/rule-tester.js'

ruleTester('httproute-backend-missing', {
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
        {object: 'HTTPRoute default/canary', line: 22, column: 17, message: 'rule 0, backendRef 0: Service default/foo-v1 has no port 3000; it declares 8080'},
        {object: 'HTTPRoute default/canary', line: 24, column: 17, endColumn: 23, message: 'rule 0, backendRef 1: Service foo-v2 is not in namespace default'},
        {object: 'HTTPRoute default/canary', line: 31, column: 21, message: 'rule 0, mirror filter 0: Service foo-shadow is not in namespace default'},
        {
          object: 'GRPCRoute default/grpc',
          line: 43,
          column: 11,
          message: 'rule 0, backendRef 0: the backendRef to Service default/foo-v1 has no port, which a Service reference needs',
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
          message: 'rule 0, backendRef 0: Service store-ns/store is in another namespace, and no ReferenceGrant in store-ns lets HTTPRoutes from site-ns refer to it',
        },
        {object: 'HTTPRoute site-ns/store', line: 62, column: 22, message: /^rule 1, backendRef 0: Service backend\/login is in another namespace, and no ReferenceGrant in backend/},
      ],
    },
    {
      name: 'the target namespace given as context, without a grant for this route',
      files: ['invalid/grant-missing-in-context.yaml'],
      context: ['context/backend-namespace.yaml'],
      findings: [{object: 'HTTPRoute shop/store', line: 14, column: 22, message: /no ReferenceGrant in store-ns lets HTTPRoutes from shop refer to it$/}],
    },
  ],
})
