/** Building objects and an index by hand, for tests of src/k8s. */
import {ResourceIndex} from '../../src/engine/resource-index.js'
import type {K8sObject, Resource} from '../../src/engine/types.js'
import {makeResource} from '../../src/loaders/sources.js'

export function resources(...objects: K8sObject[]): Resource[] {
  return objects.map((o, i) => makeResource(o, {type: 'file', file: 'test.yaml', document: i, prefix: []}, i, undefined, false))
}

export const indexOf = (...objects: K8sObject[]): ResourceIndex => new ResourceIndex(resources(...objects))

/** A Deployment whose pod template has these labels and containers. */
export function deployment(name: string, labels: Record<string, string>, containers: unknown[], extra: Record<string, unknown> = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace: 'ns'},
    spec: {selector: {matchLabels: labels}, template: {metadata: {labels, ...extra}, spec: {containers}}},
  }
}
