import {ruleTester} from '../support/rule-tester.js'

ruleTester('route-hostname-mismatch', {
  valid: [
    {name: 'a wildcard listener takes routes for names under it, a route without hostnames, and a route with one name in common', files: ['valid/listener-and-route-hostnames.yaml']},
    {name: 'a route names the hostname of the ListenerSet listener it attaches to', files: ['valid/listenerset.yaml']},
  ],
  invalid: [
    {
      name: 'a listener *.example.com meets neither example.com nor test.example.net, nor a GRPCRoute for grpc.example.net', files: ['invalid/no-intersection.yaml'],
      findings: [
        {object: 'HTTPRoute default/apex-route', line: 22, column: 3, endLine: 23, endColumn: 21, messageId: 'noCommonHostname', data: {hostnames: 'example.com, test.example.net', kind: 'HTTPRoute', ref: 'Gateway default/wildcard-gateway', listeners: 'listener wildcard-http: *.example.com'}, related: ['invalid/no-intersection.yaml:9:5']},
        {object: 'GRPCRoute default/grpc-route', line: 38, column: 3, endLine: 38, endColumn: 21, messageId: 'noCommonHostname', data: {hostnames: 'grpc.example.net', kind: 'GRPCRoute', ref: 'Gateway default/wildcard-gateway (wildcard-http)', listeners: 'listener wildcard-http: *.example.com'}, related: ['invalid/no-intersection.yaml:9:5']},
      ],
    },
    {
      name: 'a route for another hostname attached to a ListenerSet listener', files: ['invalid/listenerset-listener.yaml'],
      findings: [
        {object: 'HTTPRoute team-1-ns/second-route', line: 34, column: 3, endLine: 34, endColumn: 19, messageId: 'noCommonHostname', data: {hostnames: 'second.foo.com', kind: 'HTTPRoute', ref: 'ListenerSet team-1-ns/first-workload-listeners', listeners: 'listener first: first.foo.com'}, related: ['invalid/listenerset-listener.yaml:12:5']},
      ],
    },
  ],
})
