import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../src/config/config.js'
import {checkInput, lint, locateReports} from '../src/engine/engine.js'
import {loadRules} from '../src/engine/registry.js'
import {defineRule, type Rule} from '../src/engine/rule.js'
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
  it('keeps of the input, once the rules have run, nothing but what locating needs: the findings come out the same', async () => {
    const rules = await loadRules()
    const text = readFileSync(path.join(FIXTURES, 'scenarios/nodeport-clash.yaml'), 'utf8')
    const input = new LoadedInput()
    loadText(input, 'clash.yaml', text)
    input.files.push('clash.yaml')
    const config = resolveConfig({}, rules)
    const checked = checkInput(input, config, rules)
    expect(checked.reports.length).toBeGreaterThan(0)
    expect(checked.reports.some((r) => r.related?.length)).toBe(true)
    // Nothing reachable from the reports is one of the input's resources or a value inside one of them (a string may be;
    // an object's origin is what locating needs).
    const held = new Set<unknown>(input.resources)
    for (const r of input.resources) {
      const stack: unknown[] = [r.object, r.labels, r.annotations]
      while (stack.length > 0) {
        const v = stack.pop()
        if (v === null || typeof v !== 'object' || held.has(v)) continue
        held.add(v)
        stack.push(...Object.values(v))
      }
    }

    const seen = new Set<unknown>()
    const stack: unknown[] = [checked]
    while (stack.length > 0) {
      const v = stack.pop()
      if (v === null || typeof v !== 'object' || seen.has(v)) continue
      seen.add(v)
      expect(held.has(v), `reports hold ${JSON.stringify(v).slice(0, 80)}`).toBe(false)
      stack.push(...Object.values(v))
    }

    expect(await locateReports(checked, input.locators)).toEqual(await lint(input, config, rules))
  })

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

describe('message ids', () => {
  /** A made-up rule with two messages: `big` an error by default, `small` a warning. */
  const sizes = defineRule({
    meta: {
      id: 'sizes',
      description: 'Reports every Service, by the size of its name.',
      severity: 'error',
      category: 'services',
      messages: {big: 'Service {{name}} has a long name ({{length}} characters)', small: 'Service {{name}} has a short name'},
      messageSeverity: {small: 'warning'},
    },
    check({index, report}) {
      for (const s of index.byKind('Service', '')) {
        if (s.name.length > 3) report({target: s, path: ['metadata', 'name'], messageId: 'big', data: {name: s.name, length: s.name.length}})
        else report({target: s, path: ['metadata', 'name'], messageId: 'small', data: {name: s.name}})
      }
    },
  })
  const services = 'apiVersion: v1\nkind: Service\nmetadata: {name: abc}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: abcdef}\n'
  const run = async (rule: Rule, config: Record<string, unknown> = {}) => {
    const input = new LoadedInput()
    loadText(input, 'svc.yaml', services)
    input.files.push('svc.yaml')
    return (await lint(input, resolveConfig(config, [rule]), [rule])).findings
  }

  it('the engine renders the message from its id and data, and keeps both on the finding', async () => {
    expect((await run(sizes)).map((f) => [f.messageId, f.data, f.message, f.severity])).toEqual([
      ['small', {name: 'abc'}, 'Service abc has a short name', 'warning'],
      ['big', {name: 'abcdef', length: 6}, 'Service abcdef has a long name (6 characters)', 'error'],
    ])
  })

  it('config sets the severity of one message id; a severity for the rule replaces the messages\' defaults', async () => {
    const severities = async (setting: unknown) => (await run(sizes, {rules: {sizes: setting}})).map((f) => `${f.messageId}:${f.severity}`)
    expect(await severities({messages: {big: 'info'}})).toEqual(['small:warning', 'big:info'])
    expect(await severities({messages: {small: 'off'}})).toEqual(['big:error'])
    expect(await severities('info')).toEqual(['small:info', 'big:info'])
    expect(await severities({severity: 'off', messages: {small: 'error'}})).toEqual(['small:error'])
    expect(await severities('off')).toEqual([])
  })

  it('config refuses a message id the rule does not have, naming the ones it has', () => {
    expect(() => resolveConfig({rules: {sizes: {messages: {huge: 'error'}}}}, [sizes])).toThrow('rules.sizes.messages.huge: unknown message id (sizes has: big, small)')
    expect(() => resolveConfig({rules: {sizes: {messages: {big: 'loud'}}}}, [sizes])).toThrow('rules.sizes.messages.big: severity must be off, info, warning or error')
  })

  it('a report with an unknown id or a missing placeholder value is the rule\'s internal error, not a crash', async () => {
    const broken = (data: Record<string, string>, messageId = 'big'): Rule => ({
      meta: {...sizes.meta, id: 'broken'},
      check({index, report}) {
        report({target: index.byKind('Service', '')[0]!, messageId, data})
      },
    })
    expect((await run(broken({}))).map((f) => [f.ruleId, f.messageId, f.message])).toEqual([
      ['broken', 'internalError', 'internal error in rule broken: rule broken: message big needs a value for {{name}} (please report this)'],
    ])
    expect((await run(broken({name: 'x'}, 'huge'))).map((f) => f.message)).toEqual(['internal error in rule broken: rule broken has no message "huge" (please report this)'])
  })

  it('a misspelled message id does not compile (npm run typecheck checks this file)', async () => {
    const typed = defineRule({
      meta: {id: 'typed', description: 'd', severity: 'info', category: 'services', messages: {known: 'known {{name}}'}},
      check({index, report}) {
        // Never called: it is here for the compiler, which must refuse the id.
        // @ts-expect-error: 'unknwon' is not a message id of this rule
        const misspelled = (): void => report({target: index.resources[0]!, messageId: 'unknwon'})
        for (const s of index.resources) report({target: s, messageId: 'known', data: {name: s.name}})
        return void misspelled
      },
    })
    expect((await run(typed)).map((f) => f.message)).toEqual(['known abc', 'known abcdef'])
  })
})
