import {describe, expect, it} from 'vitest'
import {classifyNginxAnnotation, nginxAnnotationsOf, servedByIngressNginx} from '../../src/k8s/ingress.js'
import {indexOf} from './helpers.js'

const P = 'nginx.ingress.kubernetes.io/'

describe('classifyNginxAnnotation', () => {
  it('standard, implementation-specific, or none', () => {
    expect(classifyNginxAnnotation(`${P}canary-weight`, '20')?.portability).toBe('standard')
    expect(classifyNginxAnnotation(`${P}enable-cors`, 'true')?.portability).toBe('standard')
    expect(classifyNginxAnnotation(`${P}ssl-passthrough`, 'true')?.how).toMatch(/TLSRoute/)
    expect(classifyNginxAnnotation(`${P}affinity`, 'cookie')?.portability).toBe('implementation')
    expect(classifyNginxAnnotation(`${P}auth-url`, 'https://auth.example.com')?.portability).toBe('none')
    expect(classifyNginxAnnotation(`${P}limit-rps`, '5')?.portability).toBe('none')
    expect(classifyNginxAnnotation(`${P}configuration-snippet`, 'more_set_headers "A: b";')?.portability).toBe('none')
  })

  it('the value decides for rewrite-target and backend-protocol', () => {
    expect(classifyNginxAnnotation(`${P}rewrite-target`, '/')?.portability).toBe('standard')
    expect(classifyNginxAnnotation(`${P}rewrite-target`, '/$2')?.portability).toBe('none')
    expect(classifyNginxAnnotation(`${P}backend-protocol`, 'GRPC')?.how).toBe('a GRPCRoute')
    expect(classifyNginxAnnotation(`${P}backend-protocol`, 'HTTPS')?.how).toBe('a BackendTLSPolicy')
    expect(classifyNginxAnnotation(`${P}backend-protocol`, 'FCGI')?.portability).toBe('none')
  })

  it('keys it does not know, and other prefixes, are unclassified', () => {
    expect(classifyNginxAnnotation(`${P}rewrite-targte`, '/')).toBeUndefined()
    expect(classifyNginxAnnotation('nginx.org/rewrites', 'x')).toBeUndefined()
    expect(classifyNginxAnnotation(`${P}constructor`, 'x')).toBeUndefined()
  })
})

describe('servedByIngressNginx', () => {
  const ingress = (spec: Record<string, unknown>, annotations: Record<string, string> = {}) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {name: 'web', namespace: 'ns', annotations},
    spec,
  })
  const ingressClass = (name: string, controller: string) => ({apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: {name}, spec: {controller}})

  it('by the IngressClass controller, or by its annotations when the class is unknown', () => {
    let index = indexOf(ingress({ingressClassName: 'nginx'}), ingressClass('nginx', 'k8s.io/ingress-nginx'))
    expect(servedByIngressNginx(index.byKind('Ingress')[0]!, index)).toBe('IngressClass nginx has controller k8s.io/ingress-nginx')
    index = indexOf(ingress({ingressClassName: 'nginx'}, {[`${P}ssl-redirect`]: 'false'}))
    expect(servedByIngressNginx(index.byKind('Ingress')[0]!, index)).toMatch(/annotations/)
    index = indexOf(ingress({ingressClassName: 'nginx'}))
    expect(servedByIngressNginx(index.byKind('Ingress')[0]!, index)).toBeUndefined()
  })

  it("F5's NGINX Ingress Controller is another product", () => {
    const index = indexOf(ingress({ingressClassName: 'nginx'}, {[`${P}ssl-redirect`]: 'false'}), ingressClass('nginx', 'nginx.org/ingress-controller'))
    expect(servedByIngressNginx(index.byKind('Ingress')[0]!, index)).toBeUndefined()
  })

  it('lists the annotations sorted, classified', () => {
    const index = indexOf(ingress({}, {[`${P}rewrite-target`]: '/', [`${P}affinity`]: 'cookie', other: 'x'}))
    expect(nginxAnnotationsOf(index.byKind('Ingress')[0]!).map((a) => `${a.key}:${a.class?.portability}`)).toEqual([
      `${P}affinity:implementation`,
      `${P}rewrite-target:standard`,
    ])
  })
})
