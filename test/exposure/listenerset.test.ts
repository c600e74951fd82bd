/**
 * The exposure model follows routes whose parentRef is a ListenerSet
 * (Gateway API v1.5, GEP-1713): through the ListenerSet's listeners, into the
 * Gateway it is merged into. A route attaches to the listeners of its direct
 * parent only, and where it does not attach the model gives it no path, as
 * route-parent-missing reports.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {K8sObject} from '../../src/engine/types.js'
import {exposureModel, type ExposurePath} from '../../src/exposure/model.js'
import type {MapReport, PathReport} from '../../src/exposure/report.js'
import {mapFiles} from '../../src/run.js'
import {indexOf} from '../k8s/helpers.js'
import {lintWithRule, REPO} from '../support/rule-tester.js'

const SCENARIO = path.join('fixtures', 'scenarios', 'listenerset.yaml')

async function pathsOf(name: string): Promise<PathReport[]> {
  const report: MapReport = await mapFiles([SCENARIO], {cwd: REPO, workload: `shop/${name}`})
  expect(report.workloads).toHaveLength(1)
  return report.workloads[0]!.paths
}

const fromOutside = (paths: PathReport[]): PathReport[] => paths.filter((p) => p.class !== 'cluster' && p.class !== 'namespace')

describe('a route whose parentRef is a ListenerSet', () => {
  it('is reached through the ListenerSet\'s listener, by the pods and load balancer of the Gateway it is merged into', async () => {
    const paths = fromOutside(await pathsOf('web'))
    expect(paths).toHaveLength(1)
    const [gateway, route, service, pods] = paths[0]!.hops
    expect(paths[0]!.class).toBe('internet')
    expect(paths[0]!.notes).toEqual([])
    expect(gateway).toMatchObject({
      type: 'gateway',
      object: {kind: 'ListenerSet', namespace: 'shop', name: 'shop-listeners'},
      name: 'Gateway infra/edge (ListenerSet shop/shop-listeners)',
      ports: ['443/HTTPS "https"'],
      hosts: ['shop.example.com'],
      tls: 'terminated',
      details: ['class example'],
    })
    expect(route?.name).toBe('HTTPRoute shop/web')
    expect(service?.name).toBe('Service shop/web')
    expect(pods?.verdict?.sender).toBe('the gateway\'s pods (Deployment infra/edge-proxy)')
  })

  it('through a Gateway parentRef, attaches to the Gateway\'s own listeners only, not those its ListenerSets add', async () => {
    const paths = fromOutside(await pathsOf('status'))
    expect(paths.map((p) => p.hops[0]!.name)).toEqual(['Gateway infra/edge'])
    expect(paths[0]!.hops[0]!.ports).toEqual(['80/HTTP "http"'])
  })

  it('gets no path through a ListenerSet its Gateway does not admit, nor through a sectionName that names none of its listeners, as route-parent-missing reports', async () => {
    expect(fromOutside(await pathsOf('admin'))).toEqual([])
    const findings = await lintWithRule('route-parent-missing', {files: ['listenerset.yaml']}, path.join(REPO, 'fixtures', 'scenarios'))
    const admin = findings.filter((f) => f.object?.name === 'admin').map((f) => f.messageId)
    expect(admin).toEqual(['listenerSetDetached', 'noSuchListener'])
  })

  it('gets no path through a ListenerSet that is not there while the input holds ListenerSets of its namespace, as route-parent-missing reports', async () => {
    expect(fromOutside(await pathsOf('blog'))).toEqual([])
    const findings = await lintWithRule('route-parent-missing', {files: ['listenerset.yaml']}, path.join(REPO, 'fixtures', 'scenarios'))
    const blog = findings.filter((f) => f.object?.name === 'blog')
    expect(blog.map((f) => [f.messageId, f.severity, f.message])).toEqual([['missingParent', 'error', 'parentRef: ListenerSet blog-listeners is not in namespace shop']])
  })
})

describe('ListenerSet listeners in the model', () => {
  const listenerSet = (parent: Record<string, unknown>): K8sObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'ListenerSet',
    metadata: {name: 'ls', namespace: 'ns'},
    spec: {
      parentRef: parent,
      listeners: [
        {name: 'web', port: 443, protocol: 'HTTPS', hostname: 'web.example.com', tls: {mode: 'Terminate'}},
        {name: 'raw', port: 8443, protocol: 'TLS', hostname: 'raw.example.com', tls: {mode: 'Passthrough'}},
      ],
    },
  })
  const route = (kind: string, parentRef: Record<string, unknown>): K8sObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind,
    metadata: {name: 'r', namespace: 'ns'},
    spec: {parentRefs: [{group: 'gateway.networking.k8s.io', kind: 'ListenerSet', name: 'ls', ...parentRef}], rules: [{backendRefs: [{name: 'app', port: 80}]}]},
  })
  const app: K8sObject[] = [
    {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'app', namespace: 'ns'}, spec: {selector: {matchLabels: {app: 'app'}}, template: {metadata: {labels: {app: 'app'}}, spec: {containers: [{name: 'app', ports: [{containerPort: 8080}]}]}}}},
    {apiVersion: 'v1', kind: 'Service', metadata: {name: 'app', namespace: 'ns'}, spec: {selector: {app: 'app'}, ports: [{port: 80, targetPort: 8080}]}},
  ]
  const gateway: K8sObject = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: {name: 'gw', namespace: 'ns'},
    spec: {gatewayClassName: 'internal', allowedListeners: {namespaces: {from: 'Same'}}, infrastructure: {annotations: {'networking.gke.io/load-balancer-type': 'Internal'}}, listeners: [{name: 'web', port: 80, protocol: 'HTTP'}]},
  }
  const gatewayPaths = (...objects: K8sObject[]): ExposurePath[] =>
    exposureModel(indexOf(...app, ...objects)).workloads[0]!.paths.filter((p) => p.hops[0]!.type === 'gateway')

  it('takes the listeners whose allowedRoutes take the route\'s kind: a TLSRoute gets the passthrough listener only', () => {
    const [p, ...rest] = gatewayPaths(gateway, listenerSet({name: 'gw'}), route('TLSRoute', {}))
    expect(rest).toEqual([])
    expect(p!.hops[0]).toMatchObject({name: 'Gateway ns/gw (ListenerSet ns/ls)', ports: ['8443/TLS "raw"'], hosts: ['raw.example.com'], tls: 'passthrough', path: ['spec', 'listeners', 1]})
  })

  it('takes the class and internal load balancer of the parent Gateway', () => {
    const [p] = gatewayPaths(gateway, listenerSet({name: 'gw'}), route('HTTPRoute', {sectionName: 'web'}))
    expect(p!.class).toBe('private')
    expect(p!.hops[0]!.details).toEqual(['class internal', 'internal load balancer (networking.gke.io/load-balancer-type)'])
  })

  it('reads infrastructure annotations as Service annotations are read: a value that is not text is none', () => {
    const annotated = (annotations: Record<string, unknown>): K8sObject => ({...gateway, spec: {...(gateway.spec as Record<string, unknown>), infrastructure: {annotations}}})
    const details = (annotations: Record<string, unknown>) => gatewayPaths(annotated(annotations), listenerSet({name: 'gw'}), route('HTTPRoute', {sectionName: 'web'}))[0]!.hops[0]!.details
    expect(details({'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': 'subnet-1'})).toEqual(['class internal', 'internal load balancer (service.kubernetes.io/qcloud-loadbalancer-internal-subnetid)'])
    expect(details({'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': null})).toEqual(['class internal'])
    expect(details({'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': {subnet: 1}})).toEqual(['class internal'])
    expect(details({'service.beta.kubernetes.io/oci-load-balancer-internal': true})).toEqual(['class internal', 'internal load balancer (service.beta.kubernetes.io/oci-load-balancer-internal)'])
  })

  it('selects listeners by port as by sectionName', () => {
    expect(gatewayPaths(gateway, listenerSet({name: 'gw'}), route('HTTPRoute', {port: 8080}))).toEqual([])
    expect(gatewayPaths(gateway, listenerSet({name: 'gw'}), route('HTTPRoute', {port: 443}))[0]!.hops[0]!.ports).toEqual(['443/HTTPS "web"'])
  })

  it('without the parent Gateway in the input, reads the ListenerSet\'s listeners and says the Gateway is unknown', () => {
    const paths = gatewayPaths(listenerSet({name: 'gw', namespace: 'infra'}), route('HTTPRoute', {sectionName: 'web'}))
    expect(paths).toHaveLength(1)
    expect(paths[0]!.class).toBe('internet')
    expect(paths[0]!.hops[0]!.object?.kind).toBe('ListenerSet')
    expect(paths[0]!.hops[0]).toMatchObject({name: 'Gateway infra/gw (ListenerSet ns/ls)', ports: ['443/HTTPS "web"'], hosts: ['web.example.com'], tls: 'terminated'})
    expect(paths[0]!.notes).toEqual(['unknown: no Gateway infra/gw in the input (the parent of ListenerSet ns/ls); assumed reached from the internet'])
    expect(gatewayPaths(listenerSet({name: 'gw', namespace: 'infra'}), route('HTTPRoute', {sectionName: 'nope'}))).toEqual([])
  })

  it('reads an XListenerSet (gateway.networking.x-k8s.io, Gateway API v1.3 and v1.4) as a ListenerSet, a listener without a port included', () => {
    const xset: K8sObject = {
      ...listenerSet({name: 'gw'}),
      apiVersion: 'gateway.networking.x-k8s.io/v1alpha1',
      kind: 'XListenerSet',
      spec: {parentRef: {name: 'gw'}, listeners: [{name: 'web', protocol: 'HTTP', hostname: 'web.example.com'}]},
    }
    const xroute = route('HTTPRoute', {group: 'gateway.networking.x-k8s.io', kind: 'XListenerSet', port: 8080})
    const [p, ...rest] = gatewayPaths(gateway, xset, xroute)
    expect(rest).toEqual([])
    expect(p!.class).toBe('private')
    expect(p!.notes).toEqual(['unknown: the Service of Gateway ns/gw is not in the input (its controller makes it); assumed reached from a private network', 'unknown: the gateway\'s pods are not in the input; the policy verdict cannot see their labels'])
    expect(p!.hops[0]).toMatchObject({object: {kind: 'XListenerSet', name: 'ls'}, name: 'Gateway ns/gw (XListenerSet ns/ls)', ports: ['?/HTTP "web"'], hosts: ['web.example.com']})
    // The Gateway does not admit it: no path, as route-parent-missing reports.
    const closed = {...gateway, spec: {...(gateway.spec as object), allowedListeners: undefined}}
    expect(gatewayPaths(closed, xset, xroute)).toEqual([])
  })

  it('is not attached when the Gateway is not there but the input holds that namespace\'s Gateways', () => {
    const other = {...gateway, metadata: {name: 'other', namespace: 'ns'}}
    expect(gatewayPaths(other, listenerSet({name: 'gw'}), route('HTTPRoute', {})).filter((p) => p.hops[0]!.name.includes('ListenerSet'))).toEqual([])
  })
})

describe('a route whose parent Gateway is not in the input', () => {
  const objects = (parentRef: Record<string, unknown>): K8sObject[] => [
    {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'app', namespace: 'ns'}, spec: {selector: {matchLabels: {app: 'app'}}, template: {metadata: {labels: {app: 'app'}}, spec: {containers: [{name: 'app', ports: [{containerPort: 8080}]}]}}}},
    {apiVersion: 'v1', kind: 'Service', metadata: {name: 'app', namespace: 'ns'}, spec: {selector: {app: 'app'}, ports: [{port: 80, targetPort: 8080}]}},
    {apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: {name: 'gw', namespace: 'ns'}, spec: {gatewayClassName: 'example', listeners: [{name: 'web', port: 80, protocol: 'HTTP'}]}},
    {apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: {name: 'r', namespace: 'ns'}, spec: {parentRefs: [parentRef], rules: [{backendRefs: [{name: 'app', port: 80}]}]}},
  ]
  const gatewayPaths = (parentRef: Record<string, unknown>): ExposurePath[] =>
    exposureModel(indexOf(...objects(parentRef))).workloads[0]!.paths.filter((p) => p.hops[0]!.type === 'gateway')

  it('gets no path when the input holds other Gateways of its namespace, as route-parent-missing reports the parent missing', () => {
    expect(gatewayPaths({name: 'nope'})).toEqual([])
  })

  it('is assumed reached from the internet when the input holds no Gateway of its namespace, and says so', () => {
    const paths = gatewayPaths({name: 'shared', namespace: 'infra'})
    expect(paths).toHaveLength(1)
    expect(paths[0]!.class).toBe('internet')
    expect(paths[0]!.hops[0]).toMatchObject({name: 'Gateway infra/shared', ports: []})
    expect(paths[0]!.notes).toEqual(['unknown: no Gateway infra/shared in the input; assumed reached from the internet'])
  })
})
