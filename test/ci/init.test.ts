import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {loadConfig, resolveConfig} from '../../src/config/config.js'
import {loadRules} from '../../src/engine/registry.js'
import {configTemplate} from '../../src/init/init.js'
import {runCli} from '../support/cli.js'
import {REPO} from '../support/rule-tester.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-init-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** Turns the template's commented settings on: `# key: value` and deeper-indented `#   ...` lines lose their `# `; prose stays. */
const uncomment = (text: string): string => text.replaceAll(/^(\s*)# (?=[a-z][\w-]*:|- |\s)/gm, '$1')

describe('k8s-net init', () => {
  it('writes a .k8s-net.yaml that loads cleanly and changes nothing, and prints the pre-commit and GitHub Actions set-ups', async () => {
    const dir = mkdtempSync(path.join(tmp, 'fresh-'))
    const r = runCli(['init'], {cwd: dir})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Wrote .k8s-net.yaml')
    expect(r.stdout).toContain(readFileSync(path.join(REPO, 'docs/ci/pre-commit-config.yaml'), 'utf8').trimEnd())
    expect(r.stdout).toContain(readFileSync(path.join(REPO, 'docs/ci/github-actions.yml'), 'utf8').trimEnd())

    const rules = await loadRules()
    const config = await loadConfig(rules, {cwd: dir})
    expect(config.file).toBe('.k8s-net.yaml')
    for (const rule of rules) expect(config.rules.get(rule.meta.id)?.severity).toBe(rule.meta.severity)
    expect(config.exemptions).toEqual([])
    expect(config.settings.nodePortRange).toEqual({min: 30_000, max: 32_767})
  })

  it('lists every rule with its default severity and options, as settings that load when uncommented', async () => {
    const rules = await loadRules()
    const text = configTemplate(rules.map((r) => r.meta))
    for (const rule of rules) expect(text).toMatch(new RegExp(`^  # ${rule.meta.id}:`, 'm'))
    const {parse} = await import('yaml')
    const on = resolveConfig(parse(uncomment(text)), rules)
    for (const rule of rules) expect(on.rules.get(rule.meta.id)?.severity).toBe(rule.meta.severity)
    expect(on.exemptions.map((e) => e.source.reason)).toEqual(['owned by the platform team'])
    expect(on.settings.podTemplateKinds).toContainEqual({group: 'argoproj.io', kind: 'Rollout', path: ['spec', 'template']})
    expect(on.settings.systemNamespaces).toEqual(['kube-system', 'kube-public', 'kube-node-lease'])
  })

  it('the uncommenting helper only turns settings on: a template with options loads uncommented too', async () => {
    const meta = {
      id: 'made-up',
      description: 'd',
      severity: 'warning' as const,
      category: 'services' as const,
      messages: {madeUp: 'made up'},
      options: {allowed: {type: 'string[]' as const, default: ['a'], description: 'x'}, strict: {type: 'boolean' as const, default: false, description: 'y'}},
    }
    const rule = {meta, check() {}}
    const text = configTemplate([meta])
    expect(text).toContain('  # made-up:\n  #   severity: warning\n  #   options:\n  #     allowed: ["a"]\n  #     strict: false\n')
    const {parse} = await import('yaml')
    const on = resolveConfig(parse(uncomment(text)), [rule])
    expect(on.rules.get('made-up')).toEqual({severity: 'warning', configured: true, options: {allowed: ['a'], strict: false}})
  })

  it('never overwrites a config file: exit 2, file untouched', () => {
    for (const name of ['.k8s-net.yaml', '.k8s-net.yml']) {
      const dir = mkdtempSync(path.join(tmp, 'exists-'))
      writeFileSync(path.join(dir, name), 'rules: {}\n')
      const r = runCli(['init'], {cwd: dir})
      expect(r.status).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain(`${name} exists already`)
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe('rules: {}\n')
    }
  })
})
