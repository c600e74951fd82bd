import {chmodSync, mkdirSync, readFileSync, truncateSync, writeFileSync} from 'node:fs'
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError, type ConfigOverrides, findConfigFile, loadConfig} from '../src/config/config.js'
import {findConfig, untrusted} from '../src/config/find.js'
import {compileGlobs} from '../src/config/glob.js'
import {loadRules} from '../src/engine/registry.js'
import {lintFiles} from '../src/run.js'
import {FIXTURES} from './support/rule-tester.js'
import {scratchDir} from './support/scratch.js'

const scratch = (files: Record<string, string | Buffer>): string => {
  const dir = scratchDir('k8s-net-config-')
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

/** The message of the error loading a config in a scratch folder, or 'no error'. */
async function configError(files: Record<string, string | Buffer>, options: {file?: string; overrides?: ConfigOverrides} = {}): Promise<string> {
  const dir = scratch(files)
  try {
    await loadConfig(await loadRules(), {cwd: dir, ...options})
    return 'no error'
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
}

const aliasBomb = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array.from({length: 9}, () => `*${'abcdefgh'[i]}`).join(', ')}]`),
  'rules: *h',
].join('\n')

describe('every config error: exit 2, naming the file, the key and its line', () => {
  // [what, the file's text, the message (exactly)]
  it.each<[string, string, string]>([
    ['YAML that does not parse', 'rules: [\n', '.k8s-net.yaml:2: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['an alias to no anchor', 'rules:\n  nodeport-conflict: *level\n', '.k8s-net.yaml:2: invalid YAML: alias *level names no anchor (an anchor &level must come before it)'],
    ['an alias bomb', `${aliasBomb}\n`, '.k8s-net.yaml:2: invalid YAML: aliases expand too far (more than 100 uses)'],
    ['a file that is not a mapping', '- rules\n', '.k8s-net.yaml: the config file must be a mapping'],
    ['an unknown top-level key', 'rule:\n  x: off\n', '.k8s-net.yaml:1: rule: unknown key (expected one of: rules, exemptions, nodePortRange, podTemplates, systemNamespaces, limits, kubeVersion)'],
    ['rules that are not a mapping', 'rules: [a]\n', '.k8s-net.yaml:1: rules: must map rule ids to a severity or {severity, options}'],
    ['an unknown rule id', 'rules:\n  nodeport-conflicts: off\n', '.k8s-net.yaml:2: rules.nodeport-conflicts: unknown rule id (did you mean nodeport-conflict?)'],
    ['a rule id named like an Object method', 'rules:\n  toString: off\n', '.k8s-net.yaml:2: rules.toString: unknown rule id'],
    ['a severity that does not exist', 'rules:\n  nodeport-conflict: fatal\n', '.k8s-net.yaml:2: rules.nodeport-conflict: severity must be off, info, warning or error, not "fatal"'],
    ['a rule set to a number', 'rules:\n  nodeport-conflict: 2\n', '.k8s-net.yaml:2: rules.nodeport-conflict: must be a severity or {severity, options}'],
    ['an unknown key of a rule', 'rules:\n  nodeport-conflict:\n    level: off\n', '.k8s-net.yaml:3: rules.nodeport-conflict.level: unknown key (expected severity, messages or options)'],
    ['messages that are not a mapping', 'rules:\n  nodeport-conflict:\n    messages: [claimed]\n', '.k8s-net.yaml:3: rules.nodeport-conflict.messages: must map message ids to a severity'],
    ['an unknown message id', 'rules:\n  nodeport-conflict:\n    messages:\n      toString: off\n', '.k8s-net.yaml:4: rules.nodeport-conflict.messages.toString: unknown message id (nodeport-conflict has: claimed, repeated)'],
    ['a bad message severity', 'rules:\n  nodeport-conflict:\n    messages:\n      claimed: loud\n', '.k8s-net.yaml:4: rules.nodeport-conflict.messages.claimed: severity must be off, info, warning or error'],
    ['a bad severity in {severity}', 'rules:\n  nodeport-conflict:\n    severity: 1\n', '.k8s-net.yaml:3: rules.nodeport-conflict.severity: must be off, info, warning or error'],
    ['options that are not a mapping', 'rules:\n  default-deny-missing:\n    options: [a]\n', '.k8s-net.yaml:3: rules.default-deny-missing.options: must be a mapping'],
    ['an option the rule does not take', 'rules:\n  nodeport-conflict:\n    options:\n      strict: true\n', '.k8s-net.yaml:4: rules.nodeport-conflict.options.strict: unknown option (nodeport-conflict takes none)'],
    ['an option named like an Object method', 'rules:\n  default-deny-missing:\n    options:\n      toString: true\n', '.k8s-net.yaml:4: rules.default-deny-missing.options.toString: unknown option (default-deny-missing takes: requireEgress)'],
    ['an option of the wrong type', 'rules:\n  default-deny-missing:\n    options:\n      requireEgress: yes\n', '.k8s-net.yaml:4: rules.default-deny-missing.options.requireEgress: expected a boolean'],
    ['exemptions that are not a list', 'exemptions: {rules: [x]}\n', '.k8s-net.yaml:1: exemptions: must be a list'],
    ['an exemption that is not a mapping', 'exemptions:\n  - vendor/**\n', '.k8s-net.yaml:2: exemptions.0: must be a mapping'],
    ['an exemption key that does not exist', 'exemptions:\n  - kind: [Service]\n', '.k8s-net.yaml:2: exemptions.0.kind: unknown key (expected one of: rules, kinds, namespaces, names, paths, reason)'],
    ['an exemption list of numbers', 'exemptions:\n  - namespaces: [1]\n', '.k8s-net.yaml:2: exemptions.0.namespaces: must be a list of strings'],
    ['an exemption naming an unknown rule', 'exemptions:\n  - rules: [nodeport-conflict, no-such-rule]\n', '.k8s-net.yaml:2: exemptions.0.rules.1: unknown rule id no-such-rule'],
    ['a negated name glob', 'exemptions:\n  - names: ["!web"]\n', '.k8s-net.yaml:2: exemptions.0.names: "!web": negated patterns are not supported (list what to exempt)'],
    ['an extended glob', 'exemptions:\n  - names: ["@(web|api)"]\n', '.k8s-net.yaml:2: exemptions.0.names: "@(web|api)": extended globs such as @(a|b) are not supported (use {a,b})'],
    ['braces that expand to too many patterns', `exemptions:\n  - names: ["${'{a,b}'.repeat(9)}"]\n`, `.k8s-net.yaml:2: exemptions.0.names: "${'{a,b}'.repeat(9)}": {a,b} groups expand to more than 256 patterns`],
    ['a path glob with an open set', 'exemptions:\n  - paths: ["vendor/[ab"]\n', '.k8s-net.yaml:2: exemptions.0.paths: "vendor/[ab": [ opens a set that does not close'],
    ['a kubeVersion that is no version', 'kubeVersion: latest\n', '.k8s-net.yaml:1: kubeVersion: must be a Kubernetes version like "1.33"'],
    ['a malformed node port range', 'nodePortRange: 30000\n', '.k8s-net.yaml:1: nodePortRange: must be a range like 30000-32767'],
    ['system namespaces that are not a list', 'systemNamespaces: kube-system\n', '.k8s-net.yaml:1: systemNamespaces: must be a list of strings'],
    ['pod templates that are not a list', 'podTemplates: {kind: X}\n', '.k8s-net.yaml:1: podTemplates: must be a list of {kind, apiVersion or group, path}'],
    ['a pod template without a path', 'podTemplates:\n  - kind: CloneSet\n', '.k8s-net.yaml:2: podTemplates.0: needs kind and path (for example kind: Rollout, group: argoproj.io, path: spec.template)'],
    ['an unknown pod template key', 'podTemplates:\n  - {kind: CloneSet, path: spec.template, paths: x}\n', '.k8s-net.yaml:2: podTemplates.0.paths: unknown key (expected kind, group or apiVersion, path, batch)'],
    ['a pod template batch that is not a boolean', 'podTemplates:\n  - {kind: Job2, path: spec.template, batch: "yes"}\n', '.k8s-net.yaml:2: podTemplates.0.batch: must be true or false'],
    ['limits that are not a mapping', 'limits: 5\n', '.k8s-net.yaml:1: limits: must be a mapping'],
    ['an unknown limit', 'limits:\n  maxFiles: 5\n', '.k8s-net.yaml:2: limits.maxFiles: unknown limit (expected one of: maxFileBytes, maxAliasNodes, maxDepth)'],
    ['a limit named like an Object method', 'limits:\n  toString: 5\n', '.k8s-net.yaml:2: limits.toString: unknown limit (expected one of: maxFileBytes, maxAliasNodes, maxDepth)'],
    ['a limit that is not a positive whole number', 'limits:\n  maxDepth: -1\n', '.k8s-net.yaml:2: limits.maxDepth: must be a positive whole number'],
  ])('%s', async (_, text, expected) => {
    expect(await configError({'.k8s-net.yaml': text})).toBe(expected)
  })

  it.each<[string, ConfigOverrides, string]>([
    ['an unknown rule id in --rule', {rules: {'nodeport-conflicts': 'off'}}, '--rule: nodeport-conflicts: unknown rule id (did you mean nodeport-conflict?)'],
    ['a bad severity in --rule', {rules: {'nodeport-conflict': 'fatal' as 'off'}}, '--rule: nodeport-conflict: severity must be off, info, warning or error'],
    ['a malformed --node-port-range', {nodePortRange: '30000'}, '--node-port-range: must be a range like 30000-32767'],
    ['a malformed --kube-version', {kubeVersion: 'one'}, '--kube-version: must be a Kubernetes version like 1.33'],
  ])('%s', async (_, overrides, expected) => {
    expect(await configError({}, {overrides})).toBe(expected)
  })

  it('a --config that cannot be read, is a folder, is not UTF-8 or is too large', async () => {
    expect(await configError({}, {file: 'missing.yaml'})).toMatch(/^missing\.yaml: cannot read config file: ENOENT/)
    expect(await configError({'conf/.keep': ''}, {file: 'conf'})).toBe('conf: config file is a directory: not read')
    expect(await configError({'utf16.yaml': Buffer.from('\uFEFFrules: {}\n', 'utf16le')}, {file: 'utf16.yaml'})).toMatch(
      /^utf16\.yaml: config file is UTF-16LE text, not UTF-8: convert it to UTF-8/,
    )
    const dir = scratch({'big.yaml': ''})
    truncateSync(path.join(dir, 'big.yaml'), 2 * 1024 * 1024)
    const error = await loadConfig(await loadRules(), {cwd: dir, file: 'big.yaml'}).catch((e: unknown) => e)
    expect((error as Error).message).toBe('big.yaml: config file is 2097152 bytes, over the limit of 1048576 (the most a config file may hold): not read')
  })

  it('/dev/zero as --config is read up to the limit, not forever', async () => {
    expect(await configError({}, {file: '/dev/zero'})).toBe('/dev/zero: config file is over the limit of 1048576 bytes (the most a config file may hold): not read')
  })
})

describe('finding the config file upward', () => {
  it('stops at the repository root: a config above it is not used', () => {
    const dir = scratch({'.k8s-net.yaml': 'exemptions: [{reason: planted}]\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/k8s/.keep': ''})
    expect(findConfigFile(path.join(dir, 'repo/k8s'))).toBeUndefined()
    writeFileSync(path.join(dir, 'repo/.k8s-net.yaml'), 'rules: {}\n')
    expect(findConfigFile(path.join(dir, 'repo/k8s'))).toBe(path.join(dir, 'repo/.k8s-net.yaml'))
  })

  it('stops at the home folder', () => {
    const dir = scratch({'.k8s-net.yaml': 'exemptions: [{reason: planted}]\n', 'home/me/k8s/.keep': ''})
    expect(findConfig(path.join(dir, 'home/me/k8s'), path.join(dir, 'home/me'))).toBeUndefined()
    expect(findConfig(path.join(dir, 'home/me/k8s'), path.join(dir, 'elsewhere'))).toEqual({file: path.join(dir, '.k8s-net.yaml')})
  })

  it('ignores, and says so, a config other users can write, and keeps linting', async () => {
    const dir = scratch({'.k8s-net.yaml': 'rules:\n  nodeport-conflict: off\n  nodeport-out-of-range: off\n'})
    chmodSync(path.join(dir, '.k8s-net.yaml'), 0o666)
    const config = await loadConfig(await loadRules(), {cwd: dir})
    expect(config.file).toBeUndefined()
    expect(config.warnings).toEqual(['ignoring .k8s-net.yaml: other users can write it (mode 666): chmod go-w it to use it'])
    expect(await ruleIds(dir)).toEqual(['nodeport-conflict:error', 'nodeport-out-of-range:error'])
    chmodSync(path.join(dir, '.k8s-net.yaml'), 0o620)
    expect((await loadConfig(await loadRules(), {cwd: dir})).warnings).toEqual(['ignoring .k8s-net.yaml: other users can write it (mode 620): chmod go-w it to use it'])
    chmodSync(path.join(dir, '.k8s-net.yaml'), 0o644)
    expect(await loadConfig(await loadRules(), {cwd: dir})).toMatchObject({file: '.k8s-net.yaml', warnings: []})
  })

  it('ignores a config owned by another user (root\'s own are trusted)', () => {
    const file = {isFile: () => true, mode: 0o100_644}
    expect(untrusted({...file, uid: 1001}, 1000)).toBe('it is owned by another user (uid 1001)')
    expect(untrusted({...file, uid: 1000}, 1000)).toBeUndefined()
    expect(untrusted({...file, uid: 0}, 1000)).toBeUndefined()
    expect(untrusted({...file, uid: 1001}, null)).toBeUndefined()
  })

  it('ignores a FIFO found upward at once, instead of waiting on it', async () => {
    const dir = scratch({})
    execFileSync('mkfifo', [path.join(dir, '.k8s-net.yaml')])
    const config = await loadConfig(await loadRules(), {cwd: dir})
    expect(config.warnings).toEqual(['ignoring .k8s-net.yaml: it is not a regular file'])
  })
})

describe('exemption globs', () => {
  it('match names and paths as globs do', () => {
    const names = compileGlobs(['migrate-*', 'web-?', 'api-[0-9]', 'db-{main,replica}', 'x\\*'])
    expect(['migrate-1', 'migrate-', 'web-a', 'api-7', 'db-main', 'db-replica', 'x*'].filter((n) => !names(n))).toEqual([])
    expect(['migrat', 'web-ab', 'api-a', 'db-other', 'xy'].filter((n) => names(n))).toEqual([])
    const paths = compileGlobs(['vendor/**', '**/charts/*.yaml', 'k8s/*/x.yaml'], {paths: true})
    expect(['vendor', 'vendor/a/b.yaml', 'charts/a.yaml', 'a/b/charts/.c.yaml', 'k8s/dev/x.yaml'].filter((p) => !paths(p))).toEqual([])
    expect(['vendors/a', 'charts/a/b.yaml', 'k8s/dev/more/x.yaml', 'k8s/x.yaml'].filter((p) => paths(p))).toEqual([])
  })

  it('take time linear in the name: *a*a*a*a*a*a*b against a long name of a', {timeout: 20_000}, async () => {
    const name = 'a'.repeat(253)
    const glob = compileGlobs(['*a*a*a*a*a*a*a*a*a*a*b'])
    expect(glob(name)).toBe(false)
    const paths = compileGlobs(['**/*a*a*a*a*a*a*a*a*a*a*b/**'], {paths: true})
    expect(paths(`${name}/${name}/${name}`)).toBe(false)
    // Through the config, as a user writes it.
    const dir = scratch({'.k8s-net.yaml': 'exemptions:\n  - names: ["*a*a*a*a*a*a*a*a*a*a*b"]\n', 'svc.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${'a'.repeat(63)}\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 80\n`})
    const {result} = await lintFiles(['svc.yaml'], {cwd: dir})
    expect(result.findings.some((f) => f.ruleId === 'nodeport-out-of-range')).toBe(true)
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
