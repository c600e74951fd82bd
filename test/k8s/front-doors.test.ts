import {describe, expect, it} from 'vitest'
import {frontDoorFromImage, frontDoorFromLabels, frontDoorOfTemplate, imageRepository} from '../../src/k8s/front-doors.js'
import {deployment, indexOf} from './helpers.js'

describe('imageRepository', () => {
  it.each([
    ['traefik:v3.1', 'traefik'],
    ['docker.io/library/traefik:v3.1', 'traefik'],
    ['registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1', 'ingress-nginx/controller'],
    ['localhost:5000/kong:3.6', 'kong'],
    ['envoyproxy/envoy', 'envoyproxy/envoy'],
  ])('%s is %s', (image, repository) => {
    expect(imageRepository(image)).toBe(repository)
  })
})

describe('frontDoorFromImage', () => {
  it.each([
    ['registry.k8s.io/ingress-nginx/controller:v1.15.1', 'ingress-nginx'],
    ['quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.26.1', 'ingress-nginx'],
    ['nginx/nginx-ingress:3.5.0', 'NGINX Ingress Controller'],
    ['mirror.example.com/ingress-nginx/controller:v1.10.0', 'ingress-nginx'],
    ['haproxytech/kubernetes-ingress:1.11', 'HAProxy Kubernetes Ingress Controller'],
    ['quay.io/jcmoraisjr/haproxy-ingress:v0.14', 'HAProxy Ingress'],
    ['ghcr.io/projectcontour/contour:v1.28', 'Contour'],
    ['docker.io/envoyproxy/envoy:distroless-v1.30.1', 'Envoy'],
    ['kong/kong-gateway:3.6', 'Kong'],
    ['docker.io/emissaryingress/emissary:3.9', 'Emissary-ingress'],
  ])('%s runs %s', (image, product) => {
    expect(frontDoorFromImage(image)?.product).toBe(product)
  })

  it.each(['nginx:1.27', 'ghcr.io/example/traefik-exporter:1.0', 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6', 'istio/proxyv2:1.22'])(
    '%s is no front door',
    (image) => {
      expect(frontDoorFromImage(image)).toBeUndefined()
    },
  )
})

describe('frontDoorFromLabels', () => {
  it('recognises products, Istio gateways and Gateway API gateways', () => {
    expect(frontDoorFromLabels({'app.kubernetes.io/name': 'ingress-nginx'})).toEqual({product: 'ingress-nginx', evidence: 'label app.kubernetes.io/name=ingress-nginx'})
    expect(frontDoorFromLabels({istio: 'eastwestgateway'})?.product).toBe('Istio gateway')
    expect(frontDoorFromLabels({app: 'istio-internal-gateway'})?.product).toBe('Istio gateway')
    expect(frontDoorFromLabels({'gateway.networking.k8s.io/gateway-name': 'public'})?.product).toBe('Gateway API gateway')
    expect(frontDoorFromLabels({gloo: 'gateway-proxy'})?.product).toBe('Gloo gateway proxy')
  })

  it('takes component: controller only for a controller named after ingress or gateway', () => {
    expect(frontDoorFromLabels({'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'internal-ingress'})?.product).toBe('internal-ingress')
    expect(frontDoorFromLabels({'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'metallb'})).toBeUndefined()
    expect(frontDoorFromLabels({app: 'web', istio: 'sidecar'})).toBeUndefined()
  })

  it('takes part-of only when no label names the component itself', () => {
    expect(frontDoorFromLabels({'app.kubernetes.io/part-of': 'traefik'})).toEqual({product: 'Traefik', evidence: 'label app.kubernetes.io/part-of=traefik'})
    // ingress-nginx's multi-tls example: its echo server is part of the example, not a controller.
    expect(frontDoorFromLabels({'app.kubernetes.io/name': 'http-svc', 'app.kubernetes.io/part-of': 'ingress-nginx'})).toBeUndefined()
    expect(frontDoorFromLabels({app: 'echo', 'app.kubernetes.io/part-of': 'ingress-nginx'})).toBeUndefined()
    expect(frontDoorFromLabels({'k8s-app': 'echo', 'app.kubernetes.io/part-of': 'ingress-nginx'})).toBeUndefined()
    // A controller keeps its component label: that is evidence of its own.
    expect(frontDoorFromLabels({'app.kubernetes.io/name': 'edge', 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/part-of': 'ingress-nginx'})?.evidence).toBe('label app.kubernetes.io/part-of=ingress-nginx')
  })

  it('takes extra labels as key=value or key alone', () => {
    expect(frontDoorFromLabels({role: 'edge'}, ['role=edge'])?.evidence).toBe('label role=edge')
    expect(frontDoorFromLabels({role: 'web'}, ['role=edge'])).toBeUndefined()
    expect(frontDoorFromLabels({'example.com/edge': ''}, ['example.com/edge'])?.evidence).toBe('label example.com/edge')
  })
})

describe('frontDoorOfTemplate', () => {
  const templateOf = (object: ReturnType<typeof deployment>) => indexOf(object).podTemplates[0]!

  it('takes Istio\'s proxy image for a gateway only when it runs as a router', () => {
    const router = deployment('gw', {app: 'edge'}, [{name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.22.0', args: ['proxy', 'router']}])
    const sidecar = deployment('web', {app: 'web'}, [{name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.22.0', args: ['proxy', 'sidecar']}])
    expect(frontDoorOfTemplate(templateOf(router))?.product).toBe('Istio gateway')
    expect(frontDoorOfTemplate(templateOf(sidecar))).toBeUndefined()
  })

  it('takes Istio\'s gateway injection template', () => {
    const injected = deployment('gw', {app: 'edge'}, [{name: 'istio-proxy', image: 'auto'}], {annotations: {'inject.istio.io/templates': 'gateway'}})
    expect(frontDoorOfTemplate(templateOf(injected))?.evidence).toBe('annotation inject.istio.io/templates=gateway')
  })

  it('reads containers tolerantly', () => {
    const odd = deployment('odd', {app: 'odd'}, [null, 'text', {name: 'x', image: 42, args: 'router'}])
    expect(frontDoorOfTemplate(templateOf(odd))).toBeUndefined()
  })
})
