import {ruleTester} from '../support/rule-tester.js'

ruleTester('httproute-parent-missing', {
  valid: [
    {name: 'HTTPRoute, GRPCRoute and TCPRoute attach by listener name, port and protocol; a Service parent (mesh) is not checked', files: ['valid/attached.yaml']},
    {name: 'a Selector that matches the labels of the route\'s Namespace, and from: All', files: ['valid/cross-namespace-selector.yaml']},
    {name: 'without the route\'s Namespace, only a selector on kubernetes.io/metadata.name is decided', files: ['valid/namespace-labels-unknown.yaml']},
    {name: 'a route linted alone (no Gateway of the namespace it names) gives no finding', files: ['valid/route-alone.yaml']},
    {name: 'the same route attaches to a Gateway given as context', files: ['valid/route-alone.yaml'], context: ['context/shared-gateway.yaml']},
    {name: 'an Istio Gateway is not a Gateway API Gateway', files: ['valid/istio-gateway.yaml']},
    {files: ['valid/two-versions-of-gateway.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/gateway-not-found.yaml'],
      findings: [
        {object: 'HTTPRoute default/bookinfo', line: 35, column: 13, endColumn: 29, message: 'parentRef: Gateway bookinfo-gateway is not in namespace default'},
        {object: 'HTTPRoute default/bookinfo', line: 36, column: 13, message: 'parentRef: Gateway exmaple-gateway is not in namespace default'},
      ],
    },
    {
      files: ['invalid/listener-not-found.yaml'],
      findings: [
        {
          object: 'HTTPRoute web/web',
          line: 24,
          column: 20,
          message: 'parentRef: Gateway web/example-gateway (at invalid/listener-not-found.yaml:9:5) has no listener named tls; its listeners: http, https',
        },
        {
          object: 'HTTPRoute web/web',
          line: 26,
          column: 13,
          message: 'parentRef: Gateway web/example-gateway (at invalid/listener-not-found.yaml:9:5) has no listener on port 8443; ports: 80, 443',
        },
        {object: 'HTTPRoute web/web', line: 29, column: 13, message: /has no listener http on port 443; ports: 80$/},
      ],
    },
    {
      files: ['invalid/namespace-not-admitted.yaml'],
      findings: [
        {
          object: 'HTTPRoute app/app',
          line: 53,
          column: 13,
          message:
            'parentRef: no listener of Gateway infra/private (at invalid/namespace-not-admitted.yaml:16:7) admits this HTTPRoute from namespace app: listener http takes routes from its own namespace only',
        },
        {
          object: 'HTTPRoute app/app',
          line: 55,
          column: 13,
          message:
            'parentRef: no listener of Gateway infra/shared (at invalid/namespace-not-admitted.yaml:28:7) admits this HTTPRoute from namespace app: listener https takes routes from namespaces its selector matches, and this one does not match; listener http takes routes from its own namespace only',
        },
      ],
    },
    {
      name: 'listeners take the route kinds of their protocol, or of allowedRoutes.kinds',
      files: ['invalid/kind-not-admitted.yaml'],
      findings: [
        {
          object: 'HTTPRoute default/echo',
          line: 32,
          column: 13,
          message:
            'parentRef: no listener of Gateway default/tcp-echo-gateway (at invalid/kind-not-admitted.yaml:8:7) admits this HTTPRoute from namespace default: listener tcp-31400 takes TCPRoute',
        },
        {object: 'HTTPRoute default/echo', line: 33, column: 13, message: /Gateway default\/grpc-gateway \(at invalid\/kind-not-admitted.yaml:19:7\) .*: listener grpc takes GRPCRoute$/},
      ],
    },
    {
      name: 'a Gateway given as context whose selector does not match the route\'s Namespace',
      files: ['invalid/namespace-not-labelled.yaml'],
      context: ['context/shared-gateway.yaml'],
      findings: [
        {
          object: 'HTTPRoute store-ns/store',
          line: 14,
          column: 13,
          message: /^parentRef: no listener of Gateway infra-ns\/shared-gateway \(at context\/shared-gateway.yaml:16:7\) admits this HTTPRoute from namespace store-ns: listener https takes routes from namespaces its selector matches/,
        },
      ],
    },
  ],
})
