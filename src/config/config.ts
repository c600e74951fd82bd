/**
 * `.k8s-net.yaml`: per-rule severity and options, exemptions, the node port
 * range, pod-template kinds of CRDs, system namespaces and input limits.
 * Found from the working directory upward, or named with `--config`.
 * Command-line flags win over the file.
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import {BUILTIN_POD_TEMPLATE_KINDS, groupOf, type PodTemplateKind} from '../engine/kinds.js'
import {parseKubeVersion} from '../engine/kube-version.js'
import {checkOption, defaultOptions, type Rule, type RuleSetting, type Settings} from '../engine/rule.js'
import type {Limits, ObjectPath, Resource, SeverityLevel} from '../engine/types.js'
import {DEFAULT_LIMITS} from '../loaders/documents.js'
import {isRecord} from '../util/records.js'
import {loadYaml} from '../util/yaml.js'
import {nearestFew} from '../util/suggest.js'

export const CONFIG_FILE_NAMES = ['.k8s-net.yaml', '.k8s-net.yml']
const LEVELS = new Set<string>(['off', 'info', 'warning', 'error'])

/** A config file that cannot be used: exit 2, naming the file, the key and its line. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly key?: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${key ? `${key}: ` : ''}${message}`)
    this.name = 'ConfigError'
  }
}

/** An exemption: every criterion given must match (a list matches when any entry does). */
export interface Exemption {
  rules?: string[]
  kinds?: string[]
  namespaces?: string[]
  names?: string[]
  paths?: string[]
  reason?: string
}

export interface ResolvedConfig {
  /** The file read, if any. */
  file?: string
  rules: Map<string, RuleSetting>
  exemptions: CompiledExemption[]
  settings: Settings
}

export interface CompiledExemption {
  source: Exemption
  test(ruleId: string, resource: Resource | undefined, file: string | undefined): boolean
}

/** Overrides from the command line, which win over the file. */
export interface ConfigOverrides {
  /** `--rule id=severity`. */
  rules?: Record<string, SeverityLevel>
  /** `--node-port-range 30000-32767`. */
  nodePortRange?: string
  /** `--kube-version 1.33`. */
  kubeVersion?: string
}

export const DEFAULT_SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease']

/** The nearest config file from `cwd` upward, if any. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd)
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name)
      if (existsSync(candidate)) return candidate
    }

    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** Reads, validates and resolves the configuration. */
export async function loadConfig(
  rules: readonly Rule[],
  options: {file?: string; cwd?: string; overrides?: ConfigOverrides} = {},
): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd()
  const file = options.file ? path.resolve(cwd, options.file) : findConfigFile(cwd)
  let raw: unknown = {}
  let lineOf: (keyPath: ObjectPath) => number | undefined = () => undefined
  let display = ''
  if (file) {
    display = path.relative(cwd, file) || file
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      throw new ConfigError(`cannot read config file: ${(error as Error).message}`, display)
    }

    const yaml = await loadYaml()
    const lineCounter = new yaml.LineCounter()
    const doc = yaml.parseDocument(text, {lineCounter, prettyErrors: false})
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!
      throw new ConfigError(`invalid YAML: ${error.message.split('\n')[0]}`, display, undefined, lineCounter.linePos(error.pos[0]).line)
    }

    raw = doc.toJS() ?? {}
    lineOf = (keyPath) => {
      // The line of the key itself (or of the list item), not of its value.
      const parent = keyPath.length > 1 ? doc.getIn(keyPath.slice(0, -1), true) : doc.contents
      const last = keyPath.at(-1)
      let node: {range?: [number, number, number] | null} | null | undefined
      if (yaml.isMap(parent)) node = parent.items.find((p) => yaml.isScalar(p.key) && String(p.key.value) === String(last))?.key as typeof node
      else if (yaml.isSeq(parent) && typeof last === 'number') node = parent.items[last] as typeof node
      return node?.range ? lineCounter.linePos(node.range[0]).line : undefined
    }
  }

  // Exemption path globs are relative to the folder of the config file (else the working directory), however paths are typed.
  const paths = {base: file ? path.dirname(file) : cwd, cwd}
  return resolveConfig(raw, rules, {file: display || undefined, lineOf, overrides: options.overrides, paths})
}

/** Validates a parsed config object against the rules and applies command-line overrides. */
export function resolveConfig(
  raw: unknown,
  rules: readonly Rule[],
  options: {
    file?: string
    lineOf?: (keyPath: ObjectPath) => number | undefined
    overrides?: ConfigOverrides
    /** Where exemption path globs start (`base`), and what relative file names are relative to (`cwd`). */
    paths?: {base: string; cwd: string}
  } = {},
): ResolvedConfig {
  const file = options.file ?? '<config>'
  const fail = (keyPath: ObjectPath, message: string): never => {
    throw new ConfigError(message, file, keyPath.join('.'), options.lineOf?.(keyPath))
  }

  if (!isRecord(raw)) fail([], 'the config file must be a mapping')
  const config = raw as Record<string, unknown>
  const known = new Set(['rules', 'exemptions', 'nodePortRange', 'podTemplates', 'systemNamespaces', 'limits', 'kubeVersion'])
  for (const k of Object.keys(config)) if (!known.has(k)) fail([k], `unknown key (expected one of: ${[...known].join(', ')})`)

  const byId = new Map(rules.map((r) => [r.meta.id, r]))
  // Former ids of renamed rules name the rule they became (rules:, exemptions:, --rule).
  for (const rule of rules) for (const alias of rule.meta.aliases ?? []) if (!byId.has(alias)) byId.set(alias, rule)
  const canonical = (id: string): string => byId.get(id)?.meta.id ?? id
  const settings = new Map<string, RuleSetting>()
  for (const rule of rules) settings.set(rule.meta.id, {severity: rule.meta.severity, configured: false, options: defaultOptions(rule.meta)})

  const ruleConfig = config.rules ?? {}
  if (!isRecord(ruleConfig)) fail(['rules'], 'must map rule ids to a severity or {severity, options}')
  for (const [id, value] of Object.entries(ruleConfig as Record<string, unknown>)) {
    const rule = byId.get(id)
    if (!rule) fail(['rules', id], `unknown rule id${suggest(id, [...byId.keys()])}`)
    const setting = settings.get(canonical(id))!
    if (typeof value === 'string') {
      if (!LEVELS.has(value)) fail(['rules', id], `severity must be off, info, warning or error, not ${JSON.stringify(value)}`)
      setting.severity = value as SeverityLevel
      setting.configured = true
      continue
    }

    if (!isRecord(value)) fail(['rules', id], 'must be a severity or {severity, options}')
    const entry = value as Record<string, unknown>
    for (const k of Object.keys(entry)) if (!['severity', 'messages', 'options'].includes(k)) fail(['rules', id, k], 'unknown key (expected severity, messages or options)')
    if (entry.severity !== undefined) {
      if (typeof entry.severity !== 'string' || !LEVELS.has(entry.severity)) {
        fail(['rules', id, 'severity'], 'must be off, info, warning or error')
      }

      setting.severity = entry.severity as SeverityLevel
      setting.configured = true
    }

    if (entry.messages !== undefined) setting.messages = messageSeverities(entry.messages, rule!, fail)
    if (entry.options !== undefined) {
      if (!isRecord(entry.options)) fail(['rules', id, 'options'], 'must be a mapping')
      const schema = rule!.meta.options ?? {}
      for (const [name, optionValue] of Object.entries(entry.options as Record<string, unknown>)) {
        const spec = schema[name]
        if (!spec) {
          const names = Object.keys(schema)
          fail(['rules', id, 'options', name], `unknown option${names.length > 0 ? ` (${id} takes: ${names.join(', ')})` : ` (${id} takes none)`}`)
        }

        const problem = checkOption(spec!, optionValue)
        if (problem) fail(['rules', id, 'options', name], problem)
        setting.options[name] = optionValue
      }
    }
  }

  for (const [id, severity] of Object.entries(options.overrides?.rules ?? {})) {
    const setting = settings.get(canonical(id))
    if (!setting) throw new ConfigError(`unknown rule id${suggest(id, [...byId.keys()])}`, '--rule', id)
    if (!LEVELS.has(severity)) throw new ConfigError('severity must be off, info, warning or error', '--rule', id)
    setting.severity = severity
    setting.configured = true
    // The command line names the rule: it wins over severities the file sets for its messages too.
    delete setting.messages
  }

  const exemptions = parseExemptions(config.exemptions, byId, fail, options.paths ?? {base: process.cwd(), cwd: process.cwd()})

  const rangeText = options.overrides?.nodePortRange ?? config.nodePortRange
  let nodePortRange = {min: 30_000, max: 32_767}
  if (rangeText !== undefined) {
    const parsed = parsePortRange(rangeText)
    if (!parsed) {
      if (options.overrides?.nodePortRange === undefined) fail(['nodePortRange'], 'must be a range like 30000-32767')
      throw new ConfigError('must be a range like 30000-32767', '--node-port-range')
    }

    nodePortRange = parsed!
  }

  const versionText = options.overrides?.kubeVersion ?? config.kubeVersion
  let kubeVersion = versionText === undefined ? undefined : parseKubeVersion(typeof versionText === 'number' ? String(versionText) : versionText)
  // A YAML number loses a trailing zero (1.30 reads as 1.3): take one only when its minor has two digits.
  if (typeof versionText === 'number' && kubeVersion && kubeVersion.minor < 10) kubeVersion = undefined
  if (versionText !== undefined && !kubeVersion) {
    // A YAML number such as 1.30 reads as 1.3: ask for a string.
    const hint = typeof versionText === 'number' ? ` (write it as a string: kubeVersion: "${versionText}", or 1.30 reads as 1.3)` : ''
    if (options.overrides?.kubeVersion === undefined) fail(['kubeVersion'], `must be a Kubernetes version like "1.33"${hint}`)
    throw new ConfigError('must be a Kubernetes version like 1.33', '--kube-version')
  }

  return {
    file: options.file,
    rules: settings,
    exemptions,
    settings: {
      nodePortRange,
      systemNamespaces: stringList(config.systemNamespaces, ['systemNamespaces'], fail) ?? DEFAULT_SYSTEM_NAMESPACES,
      podTemplateKinds: [...BUILTIN_POD_TEMPLATE_KINDS, ...parsePodTemplates(config.podTemplates, fail)],
      limits: parseLimits(config.limits, fail),
      live: false,
      ...(kubeVersion ? {kubeVersion} : {}),
    },
  }
}

/** `messages: {messageId: severity}` of one rule. */
function messageSeverities(value: unknown, rule: Rule, fail: (keyPath: ObjectPath, message: string) => never): Map<string, SeverityLevel> {
  const id = rule.meta.id
  if (!isRecord(value)) fail(['rules', id, 'messages'], 'must map message ids to a severity')
  const ids = Object.keys(rule.meta.messages)
  const out = new Map<string, SeverityLevel>()
  for (const [messageId, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!Object.hasOwn(rule.meta.messages, messageId)) fail(['rules', id, 'messages', messageId], `unknown message id (${id} has: ${ids.join(', ')})`)
    if (typeof severity !== 'string' || !LEVELS.has(severity)) fail(['rules', id, 'messages', messageId], 'severity must be off, info, warning or error')
    out.set(messageId, severity as SeverityLevel)
  }

  return out
}

function parseExemptions(
  value: unknown,
  rules: Map<string, Rule>,
  fail: (keyPath: ObjectPath, message: string) => never,
  paths: {base: string; cwd: string},
): CompiledExemption[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) fail(['exemptions'], 'must be a list')
  const keys = ['rules', 'kinds', 'namespaces', 'names', 'paths', 'reason']
  return (value as unknown[]).map((entry, i) => {
    if (!isRecord(entry)) fail(['exemptions', i], 'must be a mapping')
    const e = entry as Record<string, unknown>
    for (const k of Object.keys(e)) if (!keys.includes(k)) fail(['exemptions', i, k], `unknown key (expected one of: ${keys.join(', ')})`)
    const exemption: Exemption = {
      rules: stringList(e.rules, ['exemptions', i, 'rules'], fail),
      kinds: stringList(e.kinds, ['exemptions', i, 'kinds'], fail),
      namespaces: stringList(e.namespaces, ['exemptions', i, 'namespaces'], fail),
      names: stringList(e.names, ['exemptions', i, 'names'], fail),
      paths: stringList(e.paths, ['exemptions', i, 'paths'], fail),
      reason: typeof e.reason === 'string' ? e.reason : undefined,
    }
    for (const [j, id] of (exemption.rules ?? []).entries()) {
      if (!rules.has(id)) fail(['exemptions', i, 'rules', j], `unknown rule id ${id}`)
    }

    // Former ids stand for the rule they became.
    const ruleIds = exemption.rules?.map((id) => rules.get(id)!.meta.id)

    const names = exemption.names ? picomatch(exemption.names) : undefined
    const pathGlobs = exemption.paths ? picomatch(exemption.paths, {dot: true}) : undefined
    return {
      source: exemption,
      test(ruleId, resource, file) {
        if (ruleIds && !ruleIds.includes(ruleId)) return false
        if (exemption.kinds && !(resource && exemption.kinds.includes(resource.kind))) return false
        if (exemption.namespaces && !(resource && exemption.namespaces.includes(resource.namespace))) return false
        if (names && !(resource && names(resource.name))) return false
        if (pathGlobs && !(file && pathGlobs(path.relative(paths.base, path.resolve(paths.cwd, file)).split(path.sep).join('/')))) return false
        return true
      },
    }
  })
}

function parsePodTemplates(value: unknown, fail: (keyPath: ObjectPath, message: string) => never): PodTemplateKind[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) fail(['podTemplates'], 'must be a list of {kind, apiVersion or group, path}')
  return (value as unknown[]).map((entry, i) => {
    if (!isRecord(entry) || typeof entry.kind !== 'string' || typeof entry.path !== 'string') {
      fail(['podTemplates', i], 'needs kind and path (for example kind: Rollout, group: argoproj.io, path: spec.template)')
    }

    const e = entry as Record<string, unknown>
    for (const k of Object.keys(e)) {
      if (!['kind', 'group', 'apiVersion', 'path', 'batch'].includes(k)) fail(['podTemplates', i, k], 'unknown key (expected kind, group or apiVersion, path, batch)')
    }

    if (e.batch !== undefined && typeof e.batch !== 'boolean') fail(['podTemplates', i, 'batch'], 'must be true or false')
    const group = typeof e.group === 'string' ? e.group : typeof e.apiVersion === 'string' ? groupOf(e.apiVersion) : '*'
    // batch: pods that run to completion (an Argo Workflow's, say): no probes expected, no traffic served.
    return {group, kind: e.kind as string, path: (e.path as string).split('.').filter(Boolean), ...(e.batch === true ? {batch: true} : {})}
  })
}

function parseLimits(value: unknown, fail: (keyPath: ObjectPath, message: string) => never): Limits {
  if (value === undefined || value === null) return DEFAULT_LIMITS
  if (!isRecord(value)) fail(['limits'], 'must be a mapping')
  const limits = {...DEFAULT_LIMITS}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!(k in limits)) fail(['limits', k], `unknown limit (expected one of: ${Object.keys(limits).join(', ')})`)
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail(['limits', k], 'must be a positive whole number')
    limits[k as keyof Limits] = v as number
  }

  return limits
}

function stringList(value: unknown, keyPath: ObjectPath, fail: (keyPath: ObjectPath, message: string) => never): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail(keyPath, 'must be a list of strings')
  return value as string[]
}

/** Parses `30000-32767`. */
export function parsePortRange(value: unknown): {min: number; max: number} | undefined {
  const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(String(value))
  if (!m) return undefined
  const min = Number(m[1])
  const max = Number(m[2])
  return min >= 1 && max <= 65_535 && min <= max ? {min, max} : undefined
}

function suggest(id: string, ids: string[]): string {
  const close = nearestFew(id, ids, 1)[0]
  return close ? ` (did you mean ${close}?)` : ''
}

