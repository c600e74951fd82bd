import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintFiles} from '../../src/run.js'
import {FIXTURES, ruleTester} from '../support/rule-tester.js'
import {scratchDir} from '../support/scratch.js'

ruleTester('route-parent-missing', {
  valid: [
    {name: 'HTTPRoute, GRPCRoute and TCPRoute attach by listener name, port and protocol; a Service parent (mesh) is not checked', files: ['valid/attached.yaml']},
    {name: 'a Selector that matches the labels of the route\'s Namespace, and from: All', files: ['valid/cross-namespace-selector.yaml']},
    {name: 'without the route\'s Namespace, only a selector on kubernetes.io/metadata.name is decided', files: ['valid/namespace-labels-unknown.yaml']},
    {name: 'a route linted alone (no Gateway of the namespace it names) gives no finding', files: ['valid/route-alone.yaml']},
    {name: 'the same route attaches to a Gateway given as context', files: ['valid/route-alone.yaml'], context: ['context/shared-gateway.yaml']},
    {name: 'an Istio Gateway is not a Gateway API Gateway', files: ['valid/istio-gateway.yaml']},
    {files: ['valid/two-versions-of-gateway.yaml']},
    {name: 'a route attaches to a listener of a ListenerSet that its Gateway admits (Gateway API v1.5)', files: ['valid/listenerset.yaml']},
    {name: 'and to one of an XListenerSet (v1.3, v1.4), whose listener without a port may be on the port a parentRef names', files: ['valid/xlistenerset.yaml']},
    {files: ['valid/suppressed-by-former-id.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/gateway-not-found.yaml'],
      findings: [
        {
          object: 'HTTPRoute default/bookinfo',
          line: 35,
          column: 13,
          endLine: 35,
          endColumn: 29,
          messageId: 'missingParent',
          data: {kind: 'Gateway', name: 'bookinfo-gateway', namespace: 'default'},
        },
        {
          object: 'HTTPRoute default/bookinfo',
          line: 36,
          column: 13,
          endLine: 36,
          endColumn: 28,
          messageId: 'missingParent',
          data: {kind: 'Gateway', name: 'exmaple-gateway', namespace: 'default'},
        },
      ],
    },
    {
      files: ['invalid/listener-not-found.yaml'],
      findings: [
        {
          object: 'HTTPRoute web/web',
          line: 24,
          column: 20,
          endLine: 24,
          endColumn: 23,
          messageId: 'noSuchListener',
          data: {gateway: 'Gateway web/example-gateway', sectionName: 'tls', listeners: 'http, https'},
          related: ['invalid/listener-not-found.yaml:9:5'],
        },
        {
          object: 'HTTPRoute web/web',
          line: 26,
          column: 13,
          endLine: 26,
          endColumn: 17,
          messageId: 'noListenerOnPort',
          data: {gateway: 'Gateway web/example-gateway', listener: 'listener', port: 8443, ports: '80, 443'},
          related: ['invalid/listener-not-found.yaml:9:5'],
        },
        {
          object: 'HTTPRoute web/web',
          line: 29,
          column: 13,
          endLine: 29,
          endColumn: 16,
          messageId: 'noListenerOnPort',
          data: {gateway: 'Gateway web/example-gateway', listener: 'listener http', port: 443, ports: '80'},
          related: ['invalid/listener-not-found.yaml:9:5'],
        },
      ],
    },
    {
      files: ['invalid/namespace-not-admitted.yaml'],
      findings: [
        {
          object: 'HTTPRoute app/app',
          line: 53,
          column: 13,
          endLine: 53,
          endColumn: 20,
          messageId: 'notAdmitted',
          data: {gateway: 'Gateway infra/private', kind: 'HTTPRoute', namespace: 'app', reasons: 'listener http takes routes from its own namespace only'},
          related: ['invalid/namespace-not-admitted.yaml:16:7'],
        },
        {
          object: 'HTTPRoute app/app',
          line: 55,
          column: 13,
          endLine: 55,
          endColumn: 19,
          messageId: 'notAdmitted',
          data: {gateway: 'Gateway infra/shared', kind: 'HTTPRoute', namespace: 'app', reasons: 'listener https takes routes from namespaces its selector matches, and this one does not match; listener http takes routes from its own namespace only'},
          related: ['invalid/namespace-not-admitted.yaml:28:7'],
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
          endLine: 32,
          endColumn: 29,
          messageId: 'notAdmitted',
          data: {gateway: 'Gateway default/tcp-echo-gateway', kind: 'HTTPRoute', namespace: 'default', reasons: 'listener tcp-31400 takes TCPRoute'},
          related: ['invalid/kind-not-admitted.yaml:8:7'],
        },
        {
          object: 'HTTPRoute default/echo',
          line: 33,
          column: 13,
          endLine: 33,
          endColumn: 25,
          messageId: 'notAdmitted',
          data: {gateway: 'Gateway default/grpc-gateway', kind: 'HTTPRoute', namespace: 'default', reasons: 'listener grpc takes GRPCRoute'},
          related: ['invalid/kind-not-admitted.yaml:19:7'],
        },
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
          endLine: 14,
          endColumn: 27,
          messageId: 'notAdmitted',
          data: {gateway: 'Gateway infra-ns/shared-gateway', kind: 'HTTPRoute', namespace: 'store-ns', reasons: 'listener https takes routes from namespaces its selector matches, and this one does not match'},
          related: ['context/shared-gateway.yaml:16:7'],
        },
      ],
    },
    {
      name: 'a ListenerSet its Gateway does not admit, and one that is not there',
      files: ['invalid/listenerset.yaml'],
      findings: [
        {
          object: 'HTTPRoute default/first-route',
          line: 34,
          column: 11,
          endLine: 34,
          endColumn: 35,
          messageId: 'listenerSetDetached',
          data: {
            kind: 'ListenerSet',
            listenerSet: 'default/first-workload-listeners',
            gateway: 'default/parent-gateway',
            reason: 'the Gateway takes no ListenerSets (spec.allowedListeners is None unless set)',
          },
          related: ['invalid/listenerset.yaml:21:5'],
        },
        {
          object: 'HTTPRoute default/first-route',
          line: 36,
          column: 11,
          endLine: 36,
          endColumn: 36,
          messageId: 'missingParent',
          data: {kind: 'ListenerSet', name: 'second-workload-listeners', namespace: 'default'},
        },
      ],
    },
    {
      name: 'a parentRef port: of an XListenerSet, its listeners on that port and those without one, here none that takes the route',
      files: ['invalid/xlistenerset-port.yaml'],
      findings: [
        {
          object: 'HTTPRoute team-1-ns/web-route',
          line: 47,
          column: 11,
          endLine: 47,
          endColumn: 25,
          messageId: 'notAdmitted',
          data: {gateway: 'XListenerSet team-1-ns/team-listeners', kind: 'HTTPRoute', namespace: 'team-1-ns', reasons: 'listener assigned takes GRPCRoute'},
          related: ['invalid/xlistenerset-port.yaml:34:5'],
        },
      ],
    },
    {
      name: 'an XListenerSet (v1.3, v1.4) its Gateway does not admit, and one that is not there while the input holds XListenerSets of that namespace',
      files: ['invalid/xlistenerset.yaml'],
      findings: [
        {
          object: 'HTTPRoute default/first-route',
          line: 36,
          column: 11,
          endLine: 36,
          endColumn: 28,
          messageId: 'listenerSetDetached',
          data: {
            kind: 'XListenerSet',
            listenerSet: 'default/refused-listeners',
            gateway: 'default/parent-gateway',
            reason: 'the Gateway takes no ListenerSets (spec.allowedListeners is None unless set)',
          },
          related: ['invalid/xlistenerset.yaml:23:5'],
        },
        {
          object: 'HTTPRoute default/first-route',
          line: 39,
          column: 11,
          endLine: 39,
          endColumn: 26,
          messageId: 'missingParent',
          data: {kind: 'XListenerSet', name: 'other-listeners', namespace: 'default'},
        },
      ],
    },
    {
      name: 'a TCPRoute on an HTTP listener: the route\'s protocol does not fit',
      files: ['invalid/tcproute-on-http-listener.yaml'],
      findings: [
        {
          object: 'TCPRoute default/tcp-app-1',
          line: 19,
          column: 11,
          endLine: 19,
          endColumn: 19,
          messageId: 'notAdmitted',
          data: {gateway: 'Gateway default/prod-web', kind: 'TCPRoute', namespace: 'default', reasons: 'listener prod-web-gw takes HTTPRoute, GRPCRoute'},
          related: ['invalid/tcproute-on-http-listener.yaml:9:5'],
        },
      ],
    },
  ],
})

describe('the former id httproute-parent-missing', () => {
  const file = path.join(FIXTURES, 'route-parent-missing/invalid/gateway-not-found.yaml')
  const findings = async (options: Parameters<typeof lintFiles>[1]) =>
    (await lintFiles([file], options)).result.findings.filter((f) => f.ruleId === 'route-parent-missing').map((f) => f.severity)

  it('sets the rule in config, in --rule and in exemptions', async () => {
    const dir = scratchDir('k8s-net-alias-')
    expect(await findings({cwd: dir})).toEqual(['error', 'error'])
    writeFileSync(path.join(dir, '.k8s-net.yaml'), 'rules:\n  httproute-parent-missing: warning\n')
    expect(await findings({cwd: dir})).toEqual(['warning', 'warning'])
    expect(await findings({cwd: dir, overrides: {rules: {'httproute-parent-missing': 'off'}}})).toEqual([])
    writeFileSync(path.join(dir, '.k8s-net.yaml'), 'exemptions:\n  - rules: [httproute-parent-missing]\n    names: [bookinfo]\n')
    expect(await findings({cwd: dir})).toEqual([])
  })
})
