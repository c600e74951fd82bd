import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError, findConfigFile, loadConfig} from '../src/config/config.js'
import {loadRules} from '../src/engine/registry.js'
import {lintFiles} from '../src/run.js'
import {FIXTURES} from './support/rule-tester.js'

const scratch = (files: Record<string, string>): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-net-config-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }

  return dir
}

const clash = path.join(FIXTURES, 'scenarios/nodeport-clash.yaml')
/** The rules these tests configure; others may report on the same fixture and are left out. */
const UNDER_TEST = new Set(['nodeport-conflict', 'nodeport-out-of-range'])
const ruleIds = async (cwd: string, options: Parameters<typeof lintFiles>[1] = {}): Promise<string[]> =>
  (await lintFiles([clash], {cwd, ...options})).result.findings.filter((f) => UNDER_TEST.has(f.ruleId)).map((f) => `${f.ruleId}:${f.severity}`)

describe('config file', () => {
  it('is found from the working directory upward', () => {
    const dir = scratch({'.k8s-net.yaml': 'rules: {}\n', 'deploy/k8s/.keep': ''})
    expect(findConfigFile(path.join(dir, 'deploy/k8s'))).toBe(path.join(dir, '.k8s-net.yaml'))
  })

  it('sets severities, turns rules off, and is used without being named', async () => {
    const dir = scratch({'.k8s-net.yaml': 'rules:\n  nodeport-conflict: warning\n  nodeport-out-of-range: off\n'})
    expect(await ruleIds(dir)).toEqual(['nodeport-conflict:warning'])
  })

  it('takes {severity, options} per rule and the node port range', async () => {
    const dir = scratch({'.k8s-net.yaml': 'nodePortRange: 30000-40000\nrules:\n  nodeport-conflict: {severity: info}\n'})
    expect(await ruleIds(dir)).toEqual(['nodeport-conflict:info'])
  })

  it('--config names a file anywhere', async () => {
    const dir = scratch({'conf/strict.yaml': 'rules:\n  nodeport-conflict: off\n'})
    expect(await ruleIds(dir, {configFile: 'conf/strict.yaml'})).toEqual(['nodeport-out-of-range:error'])
  })

  it('command-line flags win over the file', async () => {
    const dir = scratch({'.k8s-net.yaml': 'nodePortRange: 30000-40000\nrules:\n  nodeport-conflict: off\n'})
    const ids = await ruleIds(dir, {overrides: {rules: {'nodeport-conflict': 'warning'}, nodePortRange: '30000-32767'}})
    expect(ids).toEqual(['nodeport-conflict:warning', 'nodeport-out-of-range:error'])
  })

  it('an unknown rule id is an error naming the file, the key and its line', async () => {
    const dir = scratch({'.k8s-net.yaml': 'rules:\n  nodeport-conflict: error\n  nodeport-conflicts: off\n'})
    const error = await loadConfig(await loadRules(), {cwd: dir}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toBe('.k8s-net.yaml:3: rules.nodeport-conflicts: unknown rule id (did you mean nodeport-conflict?)')
  })

  it.each([
    ['an unknown top-level key', 'rule:\n  x: off\n', '.k8s-net.yaml:1: rule: unknown key'],
    ['a severity that does not exist', 'rules:\n  nodeport-conflict: fatal\n', '.k8s-net.yaml:2: rules.nodeport-conflict: severity must be off, info, warning or error'],
    ['an option the rule does not take', 'rules:\n  nodeport-conflict:\n    options:\n      strict: true\n', '.k8s-net.yaml:4: rules.nodeport-conflict.options.strict: unknown option (nodeport-conflict takes none)'],
    ['a malformed node port range', 'nodePortRange: 30000\n', '.k8s-net.yaml:1: nodePortRange: must be a range like 30000-32767'],
    ['an exemption key that does not exist', 'exemptions:\n  - kind: [Service]\n', '.k8s-net.yaml:2: exemptions.0.kind: unknown key'],
    ['YAML that does not parse', 'rules: [\n', '.k8s-net.yaml:2: invalid YAML'],
  ])('%s is an error naming file, key and line', async (_, text, expected) => {
    const dir = scratch({'.k8s-net.yaml': text})
    const error = await loadConfig(await loadRules(), {cwd: dir}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message.startsWith(expected), (error as Error).message).toBe(true)
  })

  it('an unknown rule id in --rule is an error too', async () => {
    const dir = scratch({})
    await expect(lintFiles([clash], {cwd: dir, overrides: {rules: {'no-such-rule': 'off'}}})).rejects.toThrow(/--rule: no-such-rule: unknown rule id/)
  })
})

describe('exemptions', () => {
  const exempt = async (exemption: string): Promise<string[]> => {
    const dir = scratch({'.k8s-net.yaml': `exemptions:\n${exemption}`})
    return (await lintFiles([clash], {cwd: dir})).result.findings.filter((f) => UNDER_TEST.has(f.ruleId)).map((f) => f.ruleId)
  }

  it('by rule and namespace', async () => {
    expect(await exempt('  - rules: [nodeport-out-of-range]\n    namespaces: [team-b]\n')).toEqual(['nodeport-conflict'])
  })

  it('by kind, for every rule when no rule is named', async () => {
    expect(await exempt('  - kinds: [Service]\n    reason: third-party chart\n')).toEqual([])
  })

  it('by name glob', async () => {
    expect(await exempt('  - names: ["w*"]\n    namespaces: [team-a]\n')).toEqual(['nodeport-conflict', 'nodeport-out-of-range'])
    expect(await exempt('  - names: ["w*"]\n')).toEqual([])
  })

  it('by path glob, relative to the config file\'s folder however the path is typed', async () => {
    const text = readFileSync(clash, 'utf8')
    const dir = scratch({'.k8s-net.yaml': 'exemptions:\n  - paths: ["vendor/**"]\n', 'vendor/chart/clash.yaml': text, 'k8s/clash.yaml': text})
    const ids = async (paths: string[], cwd: string) =>
      (await lintFiles(paths, {cwd})).result.findings.filter((f) => UNDER_TEST.has(f.ruleId)).map((f) => `${f.ruleId} ${path.basename(path.dirname(f.file!))}`)
    const expected = ['nodeport-conflict k8s', 'nodeport-out-of-range k8s']
    expect(await ids(['vendor/chart/clash.yaml'], dir)).toEqual([])
    expect(await ids(['vendor/'], dir)).toEqual([])
    expect(await ids([path.join(dir, 'vendor')], dir)).toEqual([])
    expect(await ids(['../vendor'], path.join(dir, 'k8s'))).toEqual([])
    expect(await ids(['k8s/'], dir)).toEqual(expected)
  })

  it('all criteria of one exemption must match', async () => {
    expect(await exempt('  - kinds: [Service]\n    namespaces: [elsewhere]\n')).toEqual(['nodeport-conflict', 'nodeport-out-of-range'])
  })
})

describe('per-finding severity', () => {
  const mismatch = path.join(FIXTURES, 'service-target-port-unknown/invalid/number-not-declared.yaml')
  const severities = async (config: string): Promise<string[]> => {
    const dir = scratch({'.k8s-net.yaml': config})
    const {result} = await lintFiles([mismatch], {cwd: dir})
    return result.findings.filter((f) => f.ruleId === 'service-target-port-unknown').map((f) => f.severity)
  }

  it('a rule may give a weaker form of its finding a lesser severity by default', async () => {
    expect(await severities('rules: {}\n')).toEqual(['warning', 'warning'])
  })

  it('a severity set in config applies to every finding of the rule', async () => {
    expect(await severities('rules:\n  service-target-port-unknown: error\n')).toEqual(['error', 'error'])
  })
})

describe('kubeVersion', () => {
  const resolve = async (raw: Record<string, unknown>, kubeVersion?: string) => {
    const {resolveConfig} = await import('../src/config/config.js')
    return resolveConfig(raw, await loadRules(), {overrides: {kubeVersion}})
  }

  it('is unset unless config or --kube-version names one; the flag wins', async () => {
    expect((await resolve({})).settings.kubeVersion).toBeUndefined()
    expect((await resolve({kubeVersion: '1.33'})).settings.kubeVersion).toEqual({major: 1, minor: 33})
    expect((await resolve({kubeVersion: 'v1.29.4'}, '1.35')).settings.kubeVersion).toEqual({major: 1, minor: 35})
    expect((await resolve({kubeVersion: 1.33})).settings.kubeVersion).toEqual({major: 1, minor: 33})
  })

  it('refuses what is not a version, and a YAML number that lost its trailing zero', async () => {
    await expect(resolve({kubeVersion: 'latest'})).rejects.toThrow('kubeVersion: must be a Kubernetes version like "1.33"')
    await expect(resolve({kubeVersion: 1.3})).rejects.toThrow('write it as a string: kubeVersion: "1.3", or 1.30 reads as 1.3')
    await expect(resolve({}, 'one')).rejects.toThrow('--kube-version: must be a Kubernetes version like 1.33')
  })
})
