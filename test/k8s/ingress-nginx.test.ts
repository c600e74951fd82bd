import {describe, expect, it} from 'vitest'
import {classifyNginxAnnotation, ingressNginxClass, nginxAnnotationsOf, servedByIngressNginx} from '../../src/k8s/ingress.js'
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

  const CLASS = 'kubernetes.io/ingress.class'
  const served = (...objects: Parameters<typeof indexOf>) => {
    const index = indexOf(...objects)
    return servedByIngressNginx(index.byKind('Ingress')[0]!, index)
  }
  const guess = {certain: false, why: "class nginx is ingress-nginx's default class name: a guess from the name, as no IngressClass nginx is in the input"}

  it('by the IngressClass controller, or by its annotations when the class is unknown', () => {
    expect(served(ingress({ingressClassName: 'nginx'}), ingressClass('nginx', 'k8s.io/ingress-nginx'))).toEqual({certain: true, why: 'IngressClass nginx has controller k8s.io/ingress-nginx'})
    expect(served(ingress({ingressClassName: 'web'}, {[`${P}ssl-redirect`]: 'false'}))).toEqual({certain: false, why: 'it carries nginx.ingress.kubernetes.io/* annotations'})
    expect(served(ingress({ingressClassName: 'web'}))).toBeUndefined()
  })

  it('the class annotation names the IngressClass as spec.ingressClassName does, which wins when both are written', () => {
    expect(served(ingress({}, {[CLASS]: 'internal'}), ingressClass('internal', 'k8s.io/ingress-nginx'))).toEqual({certain: true, why: 'IngressClass internal has controller k8s.io/ingress-nginx'})
    expect(served(ingress({ingressClassName: 'traefik'}, {[CLASS]: 'nginx'}), ingressClass('traefik', 'traefik.io/ingress-controller'))).toBeUndefined()
  })

  it('the default IngressClass serves an Ingress without a class; without one, such an Ingress is not taken', () => {
    const defaultClass = {...ingressClass('nginx', 'k8s.io/ingress-nginx'), metadata: {name: 'nginx', annotations: {'ingressclass.kubernetes.io/is-default-class': 'true'}}}
    expect(served(ingress({}), defaultClass)?.certain).toBe(true)
    expect(served(ingress({}))).toBeUndefined()
  })

  it('the class name nginx without its IngressClass in the input is a guess, by either field', () => {
    expect(served(ingress({}, {[CLASS]: 'nginx'}))).toEqual(guess)
    expect(served(ingress({ingressClassName: 'nginx'}))).toEqual(guess)
    expect(ingressNginxClass(indexOf(), 'nginx')).toEqual(guess)
  })

  it('no other class name is guessed, and an IngressClass of that name decides', () => {
    expect(served(ingress({}, {[CLASS]: 'nginx-internal'}))).toBeUndefined()
    expect(served(ingress({}, {[CLASS]: 'NGINX'}))).toBeUndefined()
    expect(served(ingress({}, {[CLASS]: 'nginx'}), ingressClass('nginx', 'nginx.org/ingress-controller'))).toBeUndefined()
    // An IngressClass without a controller is no evidence either way, but it is there: the name is not guessed.
    expect(served(ingress({}, {[CLASS]: 'nginx'}), {apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: {name: 'nginx'}, spec: {}})).toBeUndefined()
  })

  it("F5's NGINX Ingress Controller is another product", () => {
    expect(served(ingress({ingressClassName: 'nginx'}, {[`${P}ssl-redirect`]: 'false'}), ingressClass('nginx', 'nginx.org/ingress-controller'))).toBeUndefined()
  })

  it('lists the annotations sorted, classified', () => {
    const index = indexOf(ingress({}, {[`${P}rewrite-target`]: '/', [`${P}affinity`]: 'cookie', other: 'x'}))
    expect(nginxAnnotationsOf(index.byKind('Ingress')[0]!).map((a) => `${a.key}:${a.class?.portability}`)).toEqual([
      `${P}affinity:implementation`,
      `${P}rewrite-target:standard`,
    ])
  })
})
