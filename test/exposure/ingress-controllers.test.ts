import {describe, expect, it} from 'vitest'
import type {K8sObject} from '../../src/engine/types.js'
import {exposureModel} from '../../src/exposure/model.js'
import {deployment, indexOf} from '../k8s/helpers.js'

/** A LoadBalancer Service in front of pods with these labels. */
const loadBalancer = (name: string, labels: Record<string, string>): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {name, namespace: 'ns'},
  spec: {type: 'LoadBalancer', selector: labels, ports: [{port: 80, targetPort: 80}]},
})

/** ingress-nginx as old manifests ran it: no class flags, so the defaults (class nginx, controller k8s.io/ingress-nginx). */
const nginx = deployment('ingress-nginx-controller', {'app.kubernetes.io/name': 'ingress-nginx'}, [
  {name: 'controller', image: 'quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.26.1', args: ['/nginx-ingress-controller', '--configmap=$(POD_NAMESPACE)/nginx-configuration'], ports: [{containerPort: 80}]},
])
const traefik = deployment('traefik', {'app.kubernetes.io/name': 'traefik'}, [{name: 'traefik', image: 'traefik:v3.1', ports: [{containerPort: 80}]}])
const app = deployment('web', {app: 'web'}, [{name: 'web', image: 'example/web:1', ports: [{containerPort: 8080}]}])
const appService: K8sObject = {apiVersion: 'v1', kind: 'Service', metadata: {name: 'web', namespace: 'ns'}, spec: {selector: {app: 'web'}, ports: [{port: 80, targetPort: 8080}]}}

function ingress(annotations: Record<string, string>, spec: Record<string, unknown> = {}): K8sObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {name: 'web', namespace: 'ns', annotations},
    spec: {...spec, rules: [{host: 'web.example.com', http: {paths: [{path: '/', pathType: 'Prefix', backend: {service: {name: 'web', port: {number: 80}}}}]}}]},
  }
}

/** The ingress controllers the paths into the app go through. */
function controllersOfApp(...objects: K8sObject[]): string[] {
  const model = exposureModel(indexOf(nginx, loadBalancer('ingress-nginx', {'app.kubernetes.io/name': 'ingress-nginx'}), traefik, loadBalancer('traefik', {'app.kubernetes.io/name': 'traefik'}), app, appService, ...objects))
  const web = model.workloads.find((w) => w.template.owner.name === 'web')!
  return web.paths.flatMap((p) => p.hops.filter((h) => h.type === 'ingress-controller').map((h) => h.name)).sort()
}

describe('which ingress controllers serve an Ingress', () => {
  it('class nginx by the annotation, no IngressClass: ingress-nginx started with its default class, not Traefik', () => {
    expect(controllersOfApp(ingress({'kubernetes.io/ingress.class': 'nginx'}))).toEqual(['Deployment ns/ingress-nginx-controller'])
  })

  it('class nginx by spec.ingressClassName, no IngressClass: the same', () => {
    expect(controllersOfApp(ingress({}, {ingressClassName: 'nginx'}))).toEqual(['Deployment ns/ingress-nginx-controller'])
  })

  it('an IngressClass of ingress-nginx by another name: ingress-nginx, whose default controller class serves it', () => {
    const internal: K8sObject = {apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: {name: 'internal'}, spec: {controller: 'k8s.io/ingress-nginx'}}
    expect(controllersOfApp(ingress({'kubernetes.io/ingress.class': 'internal'}), internal)).toEqual(['Deployment ns/ingress-nginx-controller'])
  })

  it('another class name is not guessed: every controller of the input may serve it', () => {
    expect(controllersOfApp(ingress({'kubernetes.io/ingress.class': 'nginx-internal'}))).toEqual(['Deployment ns/ingress-nginx-controller', 'Deployment ns/traefik'])
  })

  it('class nginx whose IngressClass is another controller\'s is not ingress-nginx\'s', () => {
    const f5: K8sObject = {apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: {name: 'nginx'}, spec: {controller: 'nginx.org/ingress-controller'}}
    expect(controllersOfApp(ingress({'kubernetes.io/ingress.class': 'nginx'}), f5)).toEqual(['Deployment ns/ingress-nginx-controller', 'Deployment ns/traefik'])
  })
})
