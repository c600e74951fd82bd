/** The README shows real output: the example lint in it is what the CLI prints today. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {WANTED_RESOURCES} from '../src/cluster/discovery.js'
import {resolveConfig} from '../src/config/config.js'
import {loadRules} from '../src/engine/registry.js'
import {runCli} from './support/cli.js'
import {REPO} from './support/rule-tester.js'

describe('README', () => {
  it('shows a config file that k8s-net accepts', async () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('### Configuration'))
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1]
    expect(example).toContain('exemptions:')
    const {parse} = await import('yaml')
    const config = resolveConfig(parse(example!), await loadRules())
    expect(config.rules.get('nodeport-exposed')?.severity).toBe('off')
    expect(config.settings.podTemplateKinds.find((k) => k.kind === 'BatchRun')).toEqual({group: 'example.com', kind: 'BatchRun', path: ['spec', 'podTemplate'], batch: true})
  })

  it('shows a ClusterRole that may list every kind cluster mode reads, and neither Secrets nor ConfigMaps', async () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
    const role = /```yaml\n(apiVersion: rbac\.authorization\.k8s\.io\/v1\nkind: ClusterRole[\s\S]*?)```/.exec(readme.replaceAll(/^ {2}/gm, ''))?.[1]
    expect(role, 'the README shows the reader role').toBeDefined()
    const {parse} = await import('yaml')
    const rules = (parse(role!) as {rules: Array<{apiGroups: string[]; resources: string[]; verbs: string[]}>}).rules
    const granted = new Set(rules.filter((r) => r.verbs.includes('list')).flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`))))
    const wanted = [...WANTED_RESOURCES.map((w) => `${w.group}/${w.resource}`), '/replicationcontrollers', 'argoproj.io/rollouts']
    expect(wanted.filter((w) => !granted.has(w))).toEqual([])
    expect([...granted].filter((g) => /\/(?:secrets|configmaps|\*)$/.test(g))).toEqual([])
  })

  it('shows what `k8s-net lint examples/` prints', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
    const shown = /```\n(examples\/shop\.yaml\n[\s\S]*?)```\n/.exec(readme)?.[1]
    expect(shown, 'the README shows the lint of examples/').toBeDefined()
    const run = runCli(['lint', 'examples/', '--no-color'])
    expect(run.status).toBe(1)
    expect(run.stdout).toBe(shown)
  })
})
