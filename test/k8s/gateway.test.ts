import {describe, expect, it} from 'vitest'
import {
  admitsListenerSet,
  attachedListenerSets,
  hostnamesIntersect,
  listenerConflicts,
  listenerSetGateway,
  listenersOf,
  mergedListeners,
} from '../../src/k8s/gateway.js'
import {indexOf} from './helpers.js'

describe('hostnamesIntersect (the examples of the HTTPRoute hostnames documentation)', () => {
  it('a listener test.example.com meets routes with test.example.com or *.example.com', () => {
    expect(hostnamesIntersect('test.example.com', 'test.example.com')).toBe(true)
    expect(hostnamesIntersect('test.example.com', '*.example.com')).toBe(true)
    expect(hostnamesIntersect('test.example.com', 'other.example.com')).toBe(false)
  })

  it('a listener *.example.com meets *.example.com, test.example.com, foo.test.example.com, not example.com or test.example.net', () => {
    for (const name of ['*.example.com', 'test.example.com', 'foo.test.example.com']) expect(hostnamesIntersect('*.example.com', name)).toBe(true)
    for (const name of ['example.com', 'test.example.net']) expect(hostnamesIntersect('*.example.com', name)).toBe(false)
  })

  it('two wildcards meet when one is inside the other', () => {
    expect(hostnamesIntersect('*.example.com', '*.foo.example.com')).toBe(true)
    expect(hostnamesIntersect('*.foo.example.com', '*.example.com')).toBe(true)
    expect(hostnamesIntersect('*.example.com', '*.example.net')).toBe(false)
  })
})

const gateway = (spec: Record<string, unknown>, name = 'parent-gateway', namespace = 'default') => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: {name, namespace},
  spec: {gatewayClassName: 'example', ...spec},
})
const listenerSet = (namespace: string, listeners: unknown[], parentRef: Record<string, unknown> = {name: 'parent-gateway', namespace: 'default'}) => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'ListenerSet',
  metadata: {name: `${namespace}-listeners`, namespace},
  spec: {parentRef, listeners},
})

describe('ListenerSets', () => {
  const foo = {name: 'foo', hostname: 'foo.com', protocol: 'HTTP', port: 80}
  const first = {name: 'first', hostname: 'first.foo.com', protocol: 'HTTPS', port: 443, tls: {mode: 'Terminate', certificateRefs: [{kind: 'Secret', group: '', name: 'first-workload-cert'}]}}

  it('a Gateway takes none unless allowedListeners says so', () => {
    const index = indexOf(gateway({listeners: [foo]}), listenerSet('default', [first]))
    const gw = index.byKind('Gateway')[0]!
    expect(admitsListenerSet(gw, 'default', index)).toBe('no')
    expect(attachedListenerSets(gw, index)).toEqual([])
  })

  it('a selector, for a namespace the input lacks: a requirement on its name that fails decides, any other leaves it unknown', () => {
    const verdict = (selector: Record<string, unknown>) => {
      const index = indexOf(gateway({allowedListeners: {namespaces: {from: 'Selector', selector}}, listeners: [foo]}))
      return admitsListenerSet(index.byKind('Gateway')[0]!, 'team', index)
    }

    expect(verdict({matchLabels: {'kubernetes.io/metadata.name': 'team'}})).toBe('yes')
    expect(verdict({matchLabels: {'kubernetes.io/metadata.name': 'other'}})).toBe('no')
    expect(verdict({matchLabels: {'belongs-to': 'shared-gateway'}})).toBe('unknown')
    // Labels the input does not show may be there: NotIn and DoesNotExist on one are not known to hold.
    expect(verdict({matchExpressions: [{key: 'kubernetes.io/metadata.name', operator: 'In', values: ['team']}, {key: 'tier', operator: 'NotIn', values: ['restricted']}]})).toBe('unknown')
    expect(verdict({matchExpressions: [{key: 'tier', operator: 'DoesNotExist'}]})).toBe('unknown')
    // The name rules it out, whatever the other labels are.
    expect(verdict({matchLabels: {'kubernetes.io/metadata.name': 'other', 'belongs-to': 'shared-gateway'}})).toBe('no')
  })

  it('the documentation example: a selector on namespace labels admits the labelled team namespaces', () => {
    const index = indexOf(
      gateway({allowedListeners: {namespaces: {from: 'Selector', selector: {matchLabels: {'belongs-to': 'shared-gateway'}}}}, listeners: [foo]}),
      {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team-1-ns', labels: {'belongs-to': 'shared-gateway'}}},
      {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team-3-ns'}},
      listenerSet('team-1-ns', [first]),
      listenerSet('team-3-ns', [first]),
    )
    const gw = index.byKind('Gateway')[0]!
    expect(attachedListenerSets(gw, index).map((s) => s.namespace)).toEqual(['team-1-ns'])
    const merged = mergedListeners(gw, index)
    expect(merged.map((m) => `${m.owner.kind}/${m.listener.name}`)).toEqual(['Gateway/foo', 'ListenerSet/first'])
    expect(merged[1]!.listener.tls).toEqual({
      mode: 'Terminate',
      options: false,
      certificateRefs: [{path: ['spec', 'listeners', 0, 'tls', 'certificateRefs', 0], group: '', kind: 'Secret', name: 'first-workload-cert', namespace: 'team-1-ns'}],
    })
  })
  it('listenerSetGateway: attached to a Gateway that admits it, detached from one that does not or one its namespace lacks, unknown without that namespace\'s Gateways', () => {
    const open = gateway({allowedListeners: {namespaces: {from: 'All'}}, listeners: [foo]})
    const status = (...objects: Parameters<typeof indexOf>) => {
      const index = indexOf(...objects)
      return listenerSetGateway(index.byKind('ListenerSet')[0]!, index)
    }
    const attached = status(open, listenerSet('team', [first]))
    expect(attached.status).toBe('attached')
    expect(attached.status === 'attached' && attached.gateway.name).toBe('parent-gateway')
    expect(status(gateway({listeners: [foo]}), listenerSet('team', [first])).status).toBe('detached')
    expect(status(gateway({listeners: [foo]}, 'other'), listenerSet('team', [first])).status).toBe('detached')
    expect(status(listenerSet('team', [first])).status).toBe('unknown')
    expect(status(open, listenerSet('team', [first], {name: 'parent-gateway', namespace: 'default', kind: 'Service', group: ''})).status).toBe('unknown')
  })

})

describe('listenerConflicts', () => {
  it('same port, protocol and hostname conflict (no hostname equals no hostname); another hostname does not', () => {
    const index = indexOf(
      gateway({
        listeners: [
          {name: 'a', protocol: 'HTTP', port: 80},
          {name: 'b', protocol: 'HTTP', port: 80},
          {name: 'c', protocol: 'HTTP', port: 80, hostname: 'c.example.com'},
          {name: 'd', protocol: 'HTTPS', port: 80, hostname: 'd.example.com'},
          {name: 'e', protocol: 'TCP', port: 80},
        ],
      }),
    )
    const gw = index.byKind('Gateway')[0]!
    const conflicts = listenerConflicts(listenersOf(gw).map((listener) => ({owner: gw, listener})))
    expect(conflicts.map((c) => `${c.listener.listener.name}~${c.with.listener.name}:${c.reason}`)).toEqual(['b~a:HostnameConflict', 'd~a:ProtocolConflict'])
  })
})
