import {ruleTester} from '../support/rule-tester.js'

ruleTester('gateway-listener-conflict', {
  valid: [
    {name: 'two HTTPS listeners on one port with other hostnames, HTTP and HTTPS on their own ports', files: ['valid/distinct-listeners.yaml']},
    {name: 'a ListenerSet the Gateway does not admit is not merged', files: ['valid/listenerset-not-admitted.yaml']},
  ],
  invalid: [
    {
      name: 'a ListenerSet repeats the Gateway listener; HTTP and HTTPS share a port; a Gateway repeats a listener', files: ['invalid/same-port-protocol-hostname.yaml'],
      findings: [
        {object: 'ListenerSet default/first-workload-listeners', line: 26, column: 5, endLine: 29, endColumn: 13, messageId: 'sameListener', data: {listener: 'listener first', port: 80, protocol: 'HTTP', hostname: 'hostname foo.com', other: 'listener foo of Gateway default/parent-gateway', outcome: 'the later listener is Conflicted and gets no traffic'}, related: ['invalid/same-port-protocol-hostname.yaml:13:5']},
        {object: 'Gateway default/example-gateway', line: 43, column: 15, endLine: 43, endColumn: 20, messageId: 'protocolClash', data: {listener: 'listener https', protocol: 'HTTPS', port: 8080, other: 'listener http', otherProtocol: 'HTTP'}, related: ['invalid/same-port-protocol-hostname.yaml:38:5']},
        {object: 'Gateway default/example-gateway', line: 48, column: 5, endLine: 50, endColumn: 19, messageId: 'sameListener', data: {listener: 'listener http-again', port: 8080, protocol: 'HTTP', hostname: 'no hostname', other: 'listener http', outcome: 'the API server refuses the Gateway'}, related: ['invalid/same-port-protocol-hostname.yaml:38:5']},
      ],
    },
    {
      name: 'an XListenerSet (v1.3, v1.4) is merged as a ListenerSet; its listeners without a port conflict with none', files: ['invalid/xlistenerset.yaml'],
      findings: [
        {object: 'XListenerSet default/team-listeners', line: 29, column: 5, endLine: 32, endColumn: 13, messageId: 'sameListener', data: {listener: 'listener again', port: 80, protocol: 'HTTP', hostname: 'hostname foo.com', other: 'listener foo of Gateway default/parent-gateway', outcome: 'the later listener is Conflicted and gets no traffic'}, related: ['invalid/xlistenerset.yaml:15:5']},
      ],
    },
  ],
})
