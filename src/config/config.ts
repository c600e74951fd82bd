/**
 * `.k8s-net.yaml`: per-rule severity and options, exemptions, the node port
 * range, pod-template kinds of CRDs, system namespaces and input limits.
 * Found from the working directory upward (see `find.ts`), or named with
 * `--config`. Command-line flags win over the file.
 */
import path from 'node:path'
import {BUILTIN_POD_TEMPLATE_KINDS, groupOf, type PodTemplateKind} from '../engine/kinds.js'
import {type KubeVersion, parseKubeVersion} from '../engine/kube-version.js'
import {checkOption, defaultOptions, type Rule, type RuleSetting, type Settings} from '../engine/rule.js'
import type {Limits, ObjectPath, Resource, SeverityLevel} from '../engine/types.js'
import {DEFAULT_LIMITS} from '../loaders/documents.js'
import {decodeText, isUnreadable, readFileBounded, type Unreadable} from '../util/bytes.js'
import {isRecord} from '../util/records.js'
import {loadYaml, type YamlModule} from '../util/yaml.js'
import {nearestFew} from '../util/suggest.js'
import {findConfig} from './find.js'
import {compileGlobs, GlobError} from './glob.js'

export {CONFIG_FILE_NAMES, findConfigFile} from './find.js'
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
  /** What the caller should tell the user: a config file found and ignored, and why. */
  warnings: string[]
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

/** Config files are small: a larger one is not a config. */
export const MAX_CONFIG_BYTES = 1024 * 1024

/** The config file to use: the one named with `--config`, else the nearest trusted one found upward (an ignored one comes with a warning). */
function configFile(cwd: string, named: string | undefined, warnings: string[]): string | undefined {
  if (named) return path.resolve(cwd, named)
  const found = findConfig(cwd)
  if (found?.ignored) {
    warnings.push(`ignoring ${path.relative(cwd, found.file) || found.file}: ${found.ignored}`)
    return undefined
  }

  return found?.file
}

/** Reads, validates and resolves the configuration. */
export async function loadConfig(
  rules: readonly Rule[],
  options: {file?: string; cwd?: string; overrides?: ConfigOverrides} = {},
): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd()
  const warnings: string[] = []
  const file = configFile(cwd, options.file, warnings)
  let parsed: ParsedConfig = {raw: {}, lineOf: () => undefined}
  let display: string | undefined
  if (file) {
    // As typed when named; relative to the working directory when found.
    display = options.file ?? (path.relative(cwd, file) || file)
    parsed = await parseConfigText(readConfigText(file, display, !options.file), display)
  }

  // Exemption path globs are relative to the folder of the config file (else the working directory), however paths are typed.
  const paths = {base: file ? path.dirname(file) : cwd, cwd}
  return {...resolveConfig(parsed.raw, rules, {file: display, lineOf: parsed.lineOf, overrides: options.overrides, paths}), warnings}
}

/** The config file's text: a regular file (or, when named with --config, a pipe) of at most MAX_CONFIG_BYTES of UTF-8. */
function readConfigText(file: string, display: string, found: boolean): string {
  const limit = {bytes: MAX_CONFIG_BYTES, name: 'the most a config file may hold'}
  let bytes: Buffer | Unreadable
  try {
    bytes = readFileBounded(file, limit, 'config file', {regularOnly: found})
  } catch (error) {
    throw new ConfigError(`cannot read config file: ${(error as Error).message}`, display)
  }

  const text = isUnreadable(bytes) ? bytes : decodeText(bytes, limit, 'config file')
  if (isUnreadable(text)) throw new ConfigError(text.problem, display, undefined, text.at?.line)
  return text
}

interface ParsedConfig {
  raw: unknown
  /** The line of a key (or list item) of the file. */
  lineOf: (keyPath: ObjectPath) => number | undefined
}

/** Parses the config's YAML; a syntax error, an alias to nothing or aliases that expand too far are errors at their line. */
async function parseConfigText(text: string, display: string): Promise<ParsedConfig> {
  const yaml = await loadYaml()
  const lineCounter = new yaml.LineCounter()
  const doc = yaml.parseDocument(text, {lineCounter, prettyErrors: false})
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!
    throw new ConfigError(`invalid YAML: ${error.message.split('\n')[0]}`, display, undefined, lineAt(error.pos[0]))
  }

  let raw: unknown
  try {
    // A config needs no more than a few aliases: yaml's default bound (100 alias uses) stops alias bombs.
    raw = doc.toJS({maxAliasCount: 100}) ?? {}
  } catch (error) {
    throw aliasError(yaml, doc, error, display, lineAt)
  }

  const lineOf = (keyPath: ObjectPath): number | undefined => {
    // The line of the key itself (or of the list item), not of its value.
    const parent = keyPath.length > 1 ? doc.getIn(keyPath.slice(0, -1), true) : doc.contents
    const last = keyPath.at(-1)
    let node: {range?: [number, number, number] | null} | null | undefined
    if (yaml.isMap(parent)) node = parent.items.find((p) => yaml.isScalar(p.key) && String(p.key.value) === String(last))?.key as typeof node
    else if (yaml.isSeq(parent) && typeof last === 'number') node = parent.items[last] as typeof node
    return node?.range ? lineAt(node.range[0]) : undefined
  }

  return {raw, lineOf}
}

/** The error of a document that does not resolve: an alias to no anchor (at that alias), or aliases that expand too far (at the first alias). */
function aliasError(yaml: YamlModule, doc: import('yaml').Document.Parsed, error: unknown, display: string, lineAt: (offset: number) => number): ConfigError {
  let first: import('yaml').Alias | undefined
  let undefinedAlias: import('yaml').Alias | undefined
  yaml.visit(doc, {
    Alias(_, alias) {
      first ??= alias
      if (!undefinedAlias && alias.resolve(doc) === undefined) undefinedAlias = alias
    },
  })
  const alias = undefinedAlias ?? first
  const line = alias?.range ? lineAt(alias.range[0]) : undefined
  if (undefinedAlias) return new ConfigError(`invalid YAML: alias *${undefinedAlias.source} names no anchor (an anchor &${undefinedAlias.source} must come before it)`, display, undefined, line)
  const reason = /excessive alias count/i.test((error as Error)?.message ?? '') ? 'aliases expand too far (more than 100 uses)' : String((error as Error)?.message ?? error)
  return new ConfigError(`invalid YAML: ${reason}`, display, undefined, line)
}

type Fail = (keyPath: ObjectPath, message: string) => never

const TOP_LEVEL_KEYS = ['rules', 'exemptions', 'nodePortRange', 'podTemplates', 'systemNamespaces', 'limits', 'kubeVersion']

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
  const fail: Fail = (keyPath, message) => {
    throw new ConfigError(message, file, keyPath.join('.'), options.lineOf?.(keyPath))
  }

  if (!isRecord(raw)) fail([], 'the config file must be a mapping')
  const config = raw as Record<string, unknown>
  for (const k of Object.keys(config)) if (!TOP_LEVEL_KEYS.includes(k)) fail([k], `unknown key (expected one of: ${TOP_LEVEL_KEYS.join(', ')})`)

  const byId = new Map(rules.map((r) => [r.meta.id, r]))
  // Former ids of renamed rules name the rule they became (rules:, exemptions:, --rule).
  for (const rule of rules) for (const alias of rule.meta.aliases ?? []) if (!byId.has(alias)) byId.set(alias, rule)
  const settings = parseRules(config.rules, rules, byId, fail)
  applyRuleOverrides(settings, options.overrides?.rules, byId)
  const limits = parseLimits(config.limits, fail)
  const kubeVersion = parseKubeVersionSetting(config.kubeVersion, options.overrides?.kubeVersion, fail)
  return {
    file: options.file,
    rules: settings,
    exemptions: parseExemptions(config.exemptions, byId, fail, options.paths ?? {base: process.cwd(), cwd: process.cwd()}),
    settings: {
      nodePortRange: parseNodePortRange(config.nodePortRange, options.overrides?.nodePortRange, fail),
      systemNamespaces: stringList(config.systemNamespaces, ['systemNamespaces'], fail) ?? DEFAULT_SYSTEM_NAMESPACES,
      podTemplateKinds: [...BUILTIN_POD_TEMPLATE_KINDS, ...parsePodTemplates(config.podTemplates, fail)],
      limits,
      live: false,
      ...(kubeVersion ? {kubeVersion} : {}),
    },
    warnings: [],
  }
}

/** `rules:`: each rule's default setting, changed by the severity or `{severity, options}` the file gives it. */
function parseRules(value: unknown, rules: readonly Rule[], byId: ReadonlyMap<string, Rule>, fail: Fail): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>()
  for (const rule of rules) settings.set(rule.meta.id, {severity: rule.meta.severity, configured: false, options: defaultOptions(rule.meta)})
  if (value === undefined || value === null) return settings
  if (!isRecord(value)) fail(['rules'], 'must map rule ids to a severity or {severity, options}')
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    const rule = byId.get(id)
    if (!rule) fail(['rules', id], `unknown rule id${suggest(id, [...byId.keys()])}`)
    parseRuleEntry(rule!, id, entry, settings.get(rule!.meta.id)!, fail)
  }

  return settings
}

/** One entry of `rules:`; `id` as written (a former id of the rule, maybe), for messages. */
function parseRuleEntry(rule: Rule, id: string, value: unknown, setting: RuleSetting, fail: Fail): void {
  if (typeof value === 'string') {
    if (!LEVELS.has(value)) fail(['rules', id], `severity must be off, info, warning or error, not ${JSON.stringify(value)}`)
    setting.severity = value as SeverityLevel
    setting.configured = true
    return
  }

  if (!isRecord(value)) fail(['rules', id], 'must be a severity or {severity, options}')
  const entry = value as Record<string, unknown>
  for (const k of Object.keys(entry)) if (!['severity', 'messages', 'options'].includes(k)) fail(['rules', id, k], 'unknown key (expected severity, messages or options)')
  if (entry.severity !== undefined) {
    if (typeof entry.severity !== 'string' || !LEVELS.has(entry.severity)) fail(['rules', id, 'severity'], 'must be off, info, warning or error')
    setting.severity = entry.severity as SeverityLevel
    setting.configured = true
  }

  if (entry.messages !== undefined) setting.messages = messageSeverities(entry.messages, rule, id, fail)
  if (entry.options === undefined) return
  if (!isRecord(entry.options)) fail(['rules', id, 'options'], 'must be a mapping')
  const schema = rule.meta.options ?? {}
  for (const [name, optionValue] of Object.entries(entry.options as Record<string, unknown>)) {
    // Own keys only: an option named toString or constructor is not one the rule takes.
    const spec = Object.hasOwn(schema, name) ? schema[name] : undefined
    if (!spec) {
      const names = Object.keys(schema)
      fail(['rules', id, 'options', name], `unknown option${names.length > 0 ? ` (${rule.meta.id} takes: ${names.join(', ')})` : ` (${rule.meta.id} takes none)`}`)
    }

    const problem = checkOption(spec!, optionValue)
    if (problem) fail(['rules', id, 'options', name], problem)
    setting.options[name] = optionValue
  }
}

/** `--rule id=severity`, over the file. */
function applyRuleOverrides(settings: Map<string, RuleSetting>, overrides: Record<string, SeverityLevel> | undefined, byId: ReadonlyMap<string, Rule>): void {
  for (const [id, severity] of Object.entries(overrides ?? {})) {
    const setting = settings.get(byId.get(id)?.meta.id ?? id)
    if (!setting) throw new ConfigError(`unknown rule id${suggest(id, [...byId.keys()])}`, '--rule', id)
    if (!LEVELS.has(severity)) throw new ConfigError('severity must be off, info, warning or error', '--rule', id)
    setting.severity = severity
    setting.configured = true
    // The command line names the rule: it wins over severities the file sets for its messages too.
    delete setting.messages
  }
}

/** `messages: {messageId: severity}` of one rule. */
function messageSeverities(value: unknown, rule: Rule, id: string, fail: Fail): Map<string, SeverityLevel> {
  if (!isRecord(value)) fail(['rules', id, 'messages'], 'must map message ids to a severity')
  const ids = Object.keys(rule.meta.messages)
  const out = new Map<string, SeverityLevel>()
  for (const [messageId, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!Object.hasOwn(rule.meta.messages, messageId)) fail(['rules', id, 'messages', messageId], `unknown message id (${rule.meta.id} has: ${ids.join(', ')})`)
    if (typeof severity !== 'string' || !LEVELS.has(severity)) fail(['rules', id, 'messages', messageId], 'severity must be off, info, warning or error')
    out.set(messageId, severity as SeverityLevel)
  }

  return out
}

/** `kubeVersion`, or `--kube-version` over it. */
function parseKubeVersionSetting(value: unknown, override: string | undefined, fail: Fail): KubeVersion | undefined {
  const text = override ?? value
  if (text === undefined) return undefined
  let version = parseKubeVersion(typeof text === 'number' ? String(text) : text)
  // A YAML number loses a trailing zero (1.30 reads as 1.3): take one only when its minor has two digits.
  if (typeof text === 'number' && version && version.minor < 10) version = undefined
  if (version) return version
  // A YAML number such as 1.30 reads as 1.3: ask for a string.
  const hint = typeof text === 'number' ? ` (write it as a string: kubeVersion: "${text}", or 1.30 reads as 1.3)` : ''
  if (override === undefined) fail(['kubeVersion'], `must be a Kubernetes version like "1.33"${hint}`)
  throw new ConfigError('must be a Kubernetes version like 1.33', '--kube-version')
}

/** `nodePortRange`, or `--node-port-range` over it. */
function parseNodePortRange(value: unknown, override: string | undefined, fail: Fail): {min: number; max: number} {
  const text = override ?? value
  if (text === undefined) return {min: 30_000, max: 32_767}
  const parsed = parsePortRange(text)
  if (parsed) return parsed
  if (override === undefined) fail(['nodePortRange'], 'must be a range like 30000-32767')
  throw new ConfigError('must be a range like 30000-32767', '--node-port-range')
}

function parseExemptions(
  value: unknown,
  rules: ReadonlyMap<string, Rule>,
  fail: Fail,
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

    const globs = (key: 'names' | 'paths'): ((text: string) => boolean) | undefined => {
      try {
        return exemption[key] ? compileGlobs(exemption[key], {paths: key === 'paths'}) : undefined
      } catch (error) {
        if (error instanceof GlobError) fail(['exemptions', i, key], error.message)
        throw error
      }
    }

    // Former ids stand for the rule they became.
    const ruleIds = exemption.rules?.map((id) => rules.get(id)!.meta.id)
    const names = globs('names')
    const pathGlobs = globs('paths')
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

function parsePodTemplates(value: unknown, fail: Fail): PodTemplateKind[] {
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

function parseLimits(value: unknown, fail: Fail): Limits {
  if (value === undefined || value === null) return DEFAULT_LIMITS
  if (!isRecord(value)) fail(['limits'], 'must be a mapping')
  const limits = {...DEFAULT_LIMITS}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // Own keys only: `toString` is in every object, not a limit.
    if (!Object.hasOwn(limits, k)) fail(['limits', k], `unknown limit (expected one of: ${Object.keys(limits).join(', ')})`)
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail(['limits', k], 'must be a positive whole number')
    limits[k as keyof Limits] = v as number
  }

  return limits
}

function stringList(value: unknown, keyPath: ObjectPath, fail: Fail): string[] | undefined {
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

