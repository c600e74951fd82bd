import {describe, expect, it} from 'vitest'
import {parseLabelSelector, parseMatchLabels, type Selector} from '../../src/engine/selectors.js'
import {operatorPodOwner} from '../../src/k8s/operators.js'
import {indexOf} from './helpers.js'

const selector = (labels: Record<string, string>): Selector => {
  const parsed = parseMatchLabels(labels)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.selector
}

const workload = (kind: string, apiVersion: string, name: string, path: 'template' | 'jobTemplate' = 'template') => {
  const template = {metadata: {labels: {app: name}}, spec: {containers: [{name, image: name}]}}
  return {
    apiVersion,
    kind,
    metadata: {name, namespace: 'ns'},
    spec: path === 'template' ? {template} : {jobTemplate: {spec: {template}}},
  }
}

describe('index.selectTemplates', () => {
  const index = indexOf(
    workload('StatefulSet', 'apps/v1', 'redis'),
    workload('Deployment', 'apps/v1', 'web'),
    workload('Job', 'batch/v1', 'migrate'),
    workload('CronJob', 'batch/v1', 'report', 'jobTemplate'),
  )
  const names = (labels: Record<string, string>): string[] => index.selectTemplates('ns', selector(labels)).map((t) => t.owner.name)

  it('counts the labels controllers put on their pods', () => {
    expect(names({app: 'redis', 'statefulset.kubernetes.io/pod-name': 'redis-2'})).toEqual(['redis'])
    expect(names({app: 'redis', 'statefulset.kubernetes.io/pod-name': 'redis-x'})).toEqual([])
    expect(names({app: 'web', 'pod-template-hash': '5d8f7c9b6'})).toEqual(['web'])
    expect(names({'job-name': 'migrate'})).toEqual(['migrate'])
    expect(names({'batch.kubernetes.io/job-name': 'report-28731540'})).toEqual(['report'])
  })

  it('does not give one controller\'s labels to another', () => {
    expect(names({app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0'})).toEqual([])
    expect(names({app: 'redis', 'pod-template-hash': '5d8f7c9b6'})).toEqual([])
  })
})

describe('index.templateElsewhere', () => {
  const inNamespace = (name: string, namespace: string, labels: Record<string, string>) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace},
    spec: {template: {metadata: {labels}, spec: {containers: [{name, image: name}]}}},
  })
  const index = indexOf(
    inNamespace('web', 'shop', {app: 'web', tier: 'front'}),
    inNamespace('web-b', 'team-b', {app: 'web', tier: 'front'}),
    inNamespace('web-c', 'team-c', {app: 'web', tier: 'back'}),
    inNamespace('tagged', 'team-c', {canary: ''}),
  )
  const expressions = (...requirements: Array<Record<string, unknown>>): Selector => {
    const parsed = parseLabelSelector({matchExpressions: requirements})
    if (!parsed.ok) throw new Error(parsed.error)
    return parsed.selector
  }

  const found = (namespace: string, s: Selector): string | undefined => index.templateElsewhere(namespace, s)?.owner.name

  it('finds the first template, in load order, of another namespace whose labels the selector matches', () => {
    expect(found('shop', selector({app: 'web'}))).toBe('web-b')
    expect(found('team-b', selector({app: 'web'}))).toBe('web')
    expect(found('shop', selector({app: 'web', tier: 'back'}))).toBe('web-c')
    expect(found('shop', selector({app: 'api'}))).toBeUndefined()
    expect(found('team-b', selector({app: 'web', tier: 'front', zone: 'a'}))).toBeUndefined()
  })

  it('looks up by Exists, and by every template when the selector has neither In nor Exists', () => {
    expect(found('shop', expressions({key: 'canary', operator: 'Exists'}))).toBe('tagged')
    expect(found('team-c', expressions({key: 'canary', operator: 'Exists'}))).toBeUndefined()
    expect(found('shop', expressions({key: 'tier', operator: 'NotIn', values: ['front']}))).toBe('web-c')
    expect(found('shop', expressions({key: 'tier', operator: 'In', values: ['back', 'front']}))).toBe('web-b')
    // An empty value is a value: In [""] takes the label written empty, not another one.
    expect(found('shop', expressions({key: 'canary', operator: 'In', values: ['']}))).toBe('tagged')
  })
})

describe('operatorPodOwner', () => {
  const index = indexOf(
    {apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: {name: 'k8s', namespace: 'ns'}, spec: {replicas: 2}},
    {apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: {name: 'web', namespace: 'ns', labels: {app: 'web'}}, spec: {endpoints: []}},
    {apiVersion: 'example.com/v1', kind: 'Cache', metadata: {name: 'c', namespace: 'ns'}, spec: {server: {image: 'memcached'}, podMetadata: {labels: {app: 'cache'}}}},
  )

  it('finds custom resources that run pods and carry or name the selected labels', () => {
    expect(operatorPodOwner(index, 'ns', selector({prometheus: 'k8s'}))?.kind).toBe('Prometheus')
    expect(operatorPodOwner(index, 'ns', selector({app: 'cache'}))?.kind).toBe('Cache')
  })

  it('finds them when the selector names their kind, as operators label their pods', () => {
    expect(operatorPodOwner(index, 'ns', selector({'app.kubernetes.io/name': 'prometheus'}))?.name).toBe('k8s')
    expect(operatorPodOwner(index, 'ns', selector({prometheus: 'main'}))?.name).toBe('k8s')
  })

  it('ignores custom resources that run no pods, and other namespaces', () => {
    expect(operatorPodOwner(index, 'ns', selector({app: 'web'}))).toBeUndefined()
    expect(operatorPodOwner(index, 'other', selector({prometheus: 'k8s'}))).toBeUndefined()
  })
})
