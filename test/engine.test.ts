import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../src/config/config.js'
import {lint} from '../src/engine/engine.js'
import {loadRules} from '../src/engine/registry.js'
import {LoadedInput, loadText} from '../src/loaders/sources.js'
import {lintFiles} from '../src/run.js'
import {describeObject, FIXTURES} from './support/rule-tester.js'

/** The rules these tests exercise the engine with; others may report on the same input and are left out. */
const UNDER_TEST = new Set(['nodeport-conflict', 'nodeport-out-of-range', 'invalid-yaml', 'duplicate-key'])

const lintText = async (text: string, file = 'app.yaml') => {
  const rules = (await loadRules()).filter((r) => UNDER_TEST.has(r.meta.id))
  const input = new LoadedInput()
  loadText(input, file, text)
  input.files.push(file)
  return lint(input, resolveConfig({}, rules), rules)
}

describe('engine', () => {
  it('suppression annotations silence one rule on one object, and are counted', async () => {
    const {result} = await lintFiles([path.join(FIXTURES, 'scenarios/suppressed.yaml')], {cwd: FIXTURES})
    expect(result.findings.filter((f) => f.ruleId === 'nodeport-conflict')).toEqual([])
    expect(result.suppressed).toBe(1)
  })

  it('without the annotation the same input is reported', async () => {
    const {result} = await lintFiles([path.join(FIXTURES, 'scenarios/nodeport-clash.yaml')], {cwd: FIXTURES})
    expect(result.findings.filter((f) => UNDER_TEST.has(f.ruleId)).map((f) => [f.ruleId, describeObject(f.object), f.start?.line])).toEqual([
      ['nodeport-conflict', 'Service team-b/web', 28],
      ['nodeport-out-of-range', 'Service team-b/web', 30],
    ])
    expect(result.suppressed).toBe(0)
  })

  it('objects given as --context feed the rules but are never reported on', async () => {
    const file = path.join(FIXTURES, 'scenarios/nodeport-clash.yaml')
    const {result} = await lintFiles([], {cwd: FIXTURES, contextPaths: [file]})
    expect(result.findings).toEqual([])
    expect(result.objects).toBe(0)
  })

  it('a broken document does not stop the others from being linted', async () => {
    const result = await lintText(
      [
        'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: NodePort, ports: [{port: 1, nodePort: 30001}]}',
        'kind: [unclosed',
        'apiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {type: NodePort, ports: [{port: 1, nodePort: 30001}]}',
      ].join('\n---\n'),
    )
    expect(result.findings.map((f) => `${f.ruleId}@${f.start?.line}`)).toEqual(['invalid-yaml@6', 'nodeport-conflict@11'])
    expect(result.objects).toBe(2)
  })

  it('a document with a duplicate key is still linted, with the last value', async () => {
    const ports = '  ports: [{port: 1, nodePort: 99}]'
    const result = await lintText(`apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  type: ClusterIP\n  type: NodePort\n${ports}\n`)
    expect(result.findings.map((f) => `${f.ruleId}@${f.start?.line}:${f.start?.column}`)).toEqual([
      'duplicate-key@6:3',
      `nodeport-out-of-range@7:${ports.indexOf('99') + 1}`,
    ])
    expect(result.findings[1]!.message).toBe('nodePort 99 is outside the node port range 30000-32767')
  })

  it('expands List kinds and locates their items', async () => {
    const ports = '    ports: [{port: 1, nodePort: 30001}]'
    const result = await lintText(`apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a, namespace: x}\n  spec:\n${ports}\n`)
    expect(result.findings.map((f) => [f.ruleId, describeObject(f.object), f.start?.line, f.start?.column])).toEqual([
      ['nodeport-out-of-range', 'Service x/a', 8, ports.indexOf('30001') + 1],
    ])
  })

  it('JSON input is located too', async () => {
    const json = JSON.stringify({apiVersion: 'v1', kind: 'Service', metadata: {name: 'j'}, spec: {ports: [{port: 1, nodePort: 30001}]}}, null, 2)
    const result = await lintText(json, 'svc.json')
    const lines = json.split('\n')
    const line = lines.findIndex((l) => l.includes('"nodePort"'))
    const column = lines[line]!.indexOf('30001') + 1
    expect(result.findings.map((f) => [f.ruleId, f.file, f.start?.line, f.start?.column])).toEqual([['nodeport-out-of-range', 'svc.json', line + 1, column]])
  })
})

describe('pod templates', () => {
  it('are read from built-in workload kinds, Argo Rollouts, and CRD kinds named in config', async () => {
    const {ResourceIndex} = await import('../src/engine/resource-index.js')
    const {BUILTIN_POD_TEMPLATE_KINDS} = await import('../src/engine/kinds.js')
    const input = new LoadedInput()
    loadText(
      input,
      'w.yaml',
      [
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 3, template: {metadata: {labels: {app: d}}, spec: {}}}',
        'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {jobTemplate: {spec: {template: {metadata: {labels: {app: c}}}}}}',
        'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec: {template: {metadata: {labels: {app: r}}}}',
        'apiVersion: apps.kruise.io/v1alpha1\nkind: CloneSet\nmetadata: {name: k}\nspec: {template: {metadata: {labels: {app: k}}}}',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec: {containers: []}',
      ].join('\n---\n'),
    )
    const builtin = new ResourceIndex(input.resources)
    expect(builtin.podTemplates.map((t) => [t.owner.kind, t.labels.app, t.replicas, t.batch])).toEqual([
      ['Deployment', 'd', 3, false],
      ['CronJob', 'c', undefined, true],
      ['Rollout', 'r', 1, false],
      ['Pod', 'p', undefined, false],
    ])
    const configured = new ResourceIndex(input.resources, [...BUILTIN_POD_TEMPLATE_KINDS, {group: 'apps.kruise.io', kind: 'CloneSet', path: ['spec', 'template']}])
    expect(configured.podTemplates.map((t) => t.owner.kind)).toContain('CloneSet')
  })
})

describe('what the summary counts', () => {
  it('counts linted files and objects, not the context given as reference', async () => {
    const clash = path.join(FIXTURES, 'scenarios/nodeport-clash.yaml')
    const {result} = await lintFiles([path.join(FIXTURES, 'scenarios/clean-app.yaml')], {cwd: FIXTURES, contextPaths: [clash]})
    expect(result.files).toEqual([path.join(FIXTURES, 'scenarios/clean-app.yaml')])
    expect(result.objects).toBe(6)
  })
})
