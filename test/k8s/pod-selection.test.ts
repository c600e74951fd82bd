import {describe, expect, it} from 'vitest'
import {parseMatchLabels, type Selector} from '../../src/engine/selectors.js'
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
