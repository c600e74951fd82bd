/**
 * What a rule is: metadata beside one check. A rule never sees its severity
 * (config assigns it, the engine stamps it) and never computes positions (it
 * reports a path; the engine locates it).
 */
import type {KubeVersion} from './kube-version.js'
import type {PodTemplateKind} from './kinds.js'
import type {ResourceIndex} from './resource-index.js'
import type {IncompleteDocument, Limits, Report, Resource, Severity, SeverityLevel, SyntaxProblem} from './types.js'

export type RuleCategory = 'input' | 'services' | 'ingress' | 'gateway-api' | 'network-policy' | 'workloads'

/** One option of a rule: its type, default and meaning. Options are defined once: schema, type, default, docs. */
export type OptionSpec =
  | {type: 'boolean'; default: boolean; description: string}
  | {type: 'number'; default: number; description: string}
  | {type: 'string'; default: string; description: string}
  | {type: 'string[]'; default: readonly string[]; description: string}

export type OptionsSchema = Readonly<Record<string, OptionSpec>>

type ValueOf<T extends OptionSpec['type']> = T extends 'boolean'
  ? boolean
  : T extends 'number'
    ? number
    : T extends 'string'
      ? string
      : readonly string[]

export type OptionsOf<S extends OptionsSchema> = {readonly [K in keyof S]: ValueOf<S[K]['type']>}

export interface RuleMeta<S extends OptionsSchema = OptionsSchema, MessageId extends string = string> {
  /** kebab-case; the rule's file is `rules/<id>.ts`, its prose `rules/<id>.md`, its fixtures `fixtures/<id>/`. */
  id: string
  /** One line: what the rule finds. */
  description: string
  /** Severity when config says nothing. */
  severity: Severity
  category: RuleCategory
  /** What the rule reports, by camelCase message id: text with `{{placeholders}}` that a report's data fills. */
  messages: Readonly<Record<MessageId, string>>
  /**
   * Default severities of message ids that weigh differently from the rule's
   * (a class that does not exist breaks an Ingress for certain; one left out
   * only may). They give way to any severity config sets for the rule or the message.
   */
  messageSeverity?: Readonly<Partial<Record<MessageId, Severity>>>
  options?: S
  /** Rules that need what only a live cluster has (status, endpoints). */
  requires?: 'cluster'
  /**
   * Former ids of the rule. Config (`rules:`, `exemptions:`), `--rule` and
   * `ignore.k8s-net.io/<id>` annotations that name one apply to the rule, so
   * that renaming a rule breaks no user's setup. An alias is never a rule id.
   */
  aliases?: readonly string[]
  /** Why it matters, in a paragraph: read from `rules/<id>.md` when the rule is loaded, never written in the module. */
  readonly rationale?: string
  /** How to fix it, in a paragraph (YAML may follow in a fenced block): read from `rules/<id>.md` like the rationale. */
  readonly remediation?: string
}

/** Run-wide settings from config that rules may read. */
export interface Settings {
  nodePortRange: {min: number; max: number}
  /** Namespaces that namespace-level rules skip (kube-system...). */
  systemNamespaces: readonly string[]
  podTemplateKinds: readonly PodTemplateKind[]
  limits: Limits
  /** Whether objects come from a live cluster (status fields are meaningful). */
  live: boolean
  /**
   * The Kubernetes version the objects are meant for: `--kube-version`, else
   * `kubeVersion:` in config, else the cluster's /version. Undefined: the
   * newest version the rules know (see src/k8s/deprecations.ts).
   */
  kubeVersion?: KubeVersion
}

export interface RuleContext<O, MessageId extends string = string> {
  readonly index: ResourceIndex
  /** Documents that are not objects and input that is not YAML, for the input rules. */
  readonly input: {readonly incomplete: readonly IncompleteDocument[]; readonly problems: readonly SyntaxProblem[]}
  readonly options: O
  readonly settings: Settings
  report(report: Report<MessageId>): void
}

export interface Rule<S extends OptionsSchema = OptionsSchema, MessageId extends string = string> {
  readonly meta: RuleMeta<S, MessageId>
  check(context: RuleContext<OptionsOf<S>, MessageId>): void
}

/**
 * Declares a rule, typing its options from its schema and its message ids
 * from `meta.messages`: a report with an id the rule does not declare fails to compile.
 */
export function defineRule<S extends OptionsSchema = Record<never, OptionSpec>, MessageId extends string = never>(rule: Rule<S, MessageId>): Rule<S, MessageId> {
  return rule
}

/** What config says about one rule. */
export interface RuleSetting {
  severity: SeverityLevel
  /** Whether the config file or the command line set the severity (else it is the rule's default). */
  configured: boolean
  /** Severities config sets for single message ids of the rule: they win over the rule's. */
  messages?: ReadonlyMap<string, SeverityLevel>
  options: Record<string, unknown>
}

/** An exemption as the engine applies it. */
export interface ExemptionTest {
  test(ruleId: string, resource: Resource | undefined, file: string | undefined): boolean
}

/** What the engine needs of the configuration. */
export interface LintConfig {
  rules: ReadonlyMap<string, RuleSetting>
  exemptions: readonly ExemptionTest[]
  settings: Settings
}

/**
 * The severity of one message of a rule: what config sets for the message id,
 * else what it sets for the rule, else the message's own default, else the rule's.
 */
export function severityOf(meta: RuleMeta, setting: RuleSetting | undefined, messageId: string): SeverityLevel {
  const forMessage = setting?.messages?.get(messageId)
  if (forMessage) return forMessage
  if (setting?.configured) return setting.severity
  return meta.messageSeverity?.[messageId] ?? setting?.severity ?? meta.severity
}

/** Whether config leaves any message of the rule on. */
export function isEnabled(meta: RuleMeta, setting: RuleSetting | undefined): boolean {
  return Object.keys(meta.messages).some((id) => severityOf(meta, setting, id) !== 'off')
}

/** The `{{placeholders}}` of a message text, `{{related:N}}` excepted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !name.startsWith('related:'))
}

const PLACEHOLDER = /\{\{\s*([\w:]+)\s*\}\}/g

/** A message's text with its placeholders filled; throws when the message id or a value is missing (a defect of the rule). */
export function renderMessage(meta: RuleMeta, messageId: string, data: Readonly<Record<string, string | number>> = {}): string {
  const text = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined
  if (text === undefined) throw new Error(`rule ${meta.id} has no message ${JSON.stringify(messageId)}`)
  const parts = partsOf(text)
  let message = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!
    if (!Object.hasOwn(data, name)) throw new Error(`rule ${meta.id}: message ${messageId} needs a value for {{${name}}}`)
    message += String(data[name]) + parts[i + 1]!
  }

  return message
}

/** Message texts split at their placeholders: text, name, text, ... (`{{related:N}}` stays in the text); each text split once. */
const messageParts = new Map<string, string[]>()

function partsOf(text: string): string[] {
  let parts = messageParts.get(text)
  if (parts) return parts
  parts = ['']
  let at = 0
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[1]!.startsWith('related:')) continue
    parts[parts.length - 1] += text.slice(at, m.index)
    parts.push(m[1]!, '')
    at = m.index + m[0].length
  }

  parts[parts.length - 1] += text.slice(at)
  messageParts.set(text, parts)
  return parts
}

/** Where a rule's reference page lives. */
export const DOCS_BASE = 'https://github.com/k8s-net/k8s-net/blob/main/docs/rules/'
export const docsUrl = (id: string): string => `${DOCS_BASE}${id}.md`

/** The defaults of a rule's options. */
export function defaultOptions(meta: RuleMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(meta.options ?? {})) out[name] = spec.default
  return out
}

/** Checks one option value against its spec; returns an error message or undefined. */
export function checkOption(spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'string[]': {
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'expected a list of strings'
    }

    case 'number': {
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'expected a number'
    }

    default: {
      return typeof value === spec.type ? undefined : `expected a ${spec.type}`
    }
  }
}
