import {describe, expect, it} from 'vitest'
import {compareVersions, parseKubeVersion, versionFromServer} from '../../src/engine/kube-version.js'
import {DEPRECATIONS, deprecationsOf, NEWEST_KNOWN_VERSION} from '../../src/k8s/deprecations.js'
import {resources} from './helpers.js'

const v = (text: string) => parseKubeVersion(text)!
const keys = (object: Record<string, unknown>, target: string) =>
  deprecationsOf(resources(object)[0]!, v(target)).map((m) => `${m.entry.key}:${m.stage}:${m.path.join('.')}`)

describe('parseKubeVersion', () => {
  it('reads minor versions as users and servers write them', () => {
    expect(parseKubeVersion('1.33')).toEqual({major: 1, minor: 33})
    expect(parseKubeVersion('v1.36.2')).toEqual({major: 1, minor: 36})
    expect(parseKubeVersion('v1.33.1-gke.1200')).toEqual({major: 1, minor: 33})
    expect(parseKubeVersion(' 1.9 ')).toEqual({major: 1, minor: 9})
  })

  it('refuses anything else', () => {
    for (const text of ['', '1', 'latest', '1.x', '1.33; rm -rf /', 133, undefined]) expect(parseKubeVersion(text)).toBeUndefined()
  })

  it('reads a /version response, minor "33+" included, else its gitVersion', () => {
    expect(versionFromServer({major: '1', minor: '33+', gitVersion: 'v1.33.4-eks-1'})).toEqual({major: 1, minor: 33})
    expect(versionFromServer({gitVersion: 'v1.35.0'})).toEqual({major: 1, minor: 35})
    expect(versionFromServer({major: 'one'})).toBeUndefined()
    expect(versionFromServer('v1.35')).toBeUndefined()
  })

  it('compares by minor, numerically', () => {
    expect(compareVersions(v('1.9'), v('1.22'))).toBeLessThan(0)
    expect(compareVersions(v('1.22'), v('1.22.5'))).toBe(0)
  })
})

describe('deprecationsOf', () => {
  const ingress = {apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: {name: 'web'}}

  it('gates Kubernetes entries by the target version: deprecated, then removed', () => {
    expect(keys(ingress, '1.13')).toEqual([])
    expect(keys(ingress, '1.14')).toEqual(['ingress-extensions-v1beta1:deprecated:apiVersion'])
    expect(keys(ingress, '1.22')).toEqual(['ingress-extensions-v1beta1:removed:apiVersion'])
    expect(keys({...ingress, apiVersion: 'networking.k8s.io/v1'}, '1.36')).toEqual([])
  })

  it('Endpoints are deprecated from 1.33, in every version', () => {
    const endpoints = {apiVersion: 'v1', kind: 'Endpoints', metadata: {name: 'db'}}
    expect(keys(endpoints, '1.32')).toEqual([])
    expect(keys(endpoints, '1.33')).toEqual(['endpoints:deprecated:kind'])
  })

  it('Service fields: externalIPs deprecated in 1.36 and off by default in 1.40; PreferClose from 1.35', () => {
    const service = {apiVersion: 'v1', kind: 'Service', metadata: {name: 's'}, spec: {externalIPs: ['198.51.100.7'], trafficDistribution: 'PreferClose'}}
    expect(keys(service, '1.34')).toEqual([])
    expect(keys(service, '1.35')).toEqual(['service-traffic-distribution-prefer-close:deprecated:spec.trafficDistribution'])
    expect(keys(service, '1.36')).toEqual([
      'service-external-ips:deprecated:spec.externalIPs',
      'service-traffic-distribution-prefer-close:deprecated:spec.trafficDistribution',
    ])
    expect(keys(service, '1.40')[0]).toBe('service-external-ips:removed:spec.externalIPs')
    expect(keys({...service, spec: {externalIPs: [], trafficDistribution: 'PreferSameZone'}}, '1.40')).toEqual([])
  })

  it('Gateway API and network-policy-api entries apply whatever the Kubernetes version', () => {
    expect(keys({apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TLSRoute', metadata: {name: 't'}}, '1.20')).toEqual([
      'gateway-api-tlsroute-v1alpha2-v1alpha3:removed:apiVersion',
    ])
    expect(keys({apiVersion: 'gateway.networking.k8s.io/v1', kind: 'TLSRoute', metadata: {name: 't'}}, '1.36')).toEqual([])
    expect(keys({apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: {name: 'a'}}, '1.20')).toEqual([
      'adminnetworkpolicy:deprecated:kind',
    ])
    // Istio's kinds share no group with these.
    expect(keys({apiVersion: 'networking.istio.io/v1alpha3', kind: 'Gateway', metadata: {name: 'g'}}, '1.36')).toEqual([])
  })

  it('workload API versions removed in 1.16, in either group', () => {
    expect(keys({apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: {name: 'd'}}, '1.16')).toEqual(['deployment-extensions-v1beta1-apps-v1beta1-apps-v1beta2:removed:apiVersion'])
    expect(keys({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'd'}}, '1.36')).toEqual([])
  })

  it('the table: unique keys, versions that parse, the default target among them', () => {
    expect(new Set(DEPRECATIONS.map((d) => d.key)).size).toBe(DEPRECATIONS.length)
    for (const d of DEPRECATIONS.filter((e) => e.track === 'kubernetes')) {
      for (const version of [d.deprecated, d.removed]) if (version !== undefined) expect(parseKubeVersion(version), d.key).toBeDefined()
    }

    expect(DEPRECATIONS.some((d) => d.deprecated === `${NEWEST_KNOWN_VERSION.major}.${NEWEST_KNOWN_VERSION.minor}`)).toBe(true)
  })
})
