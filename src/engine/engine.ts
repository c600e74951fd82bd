/**
 * The engine: runs each enabled rule over the index, then for every report
 * drops what is suppressed, exempted or only reference, stamps the severity
 * config gives, and resolves the reported path to a source range.
 */
import {ResourceIndex} from './resource-index.js'
import {isEnabled, type LintConfig, type OptionsOf, type OptionsSchema, renderMessage, type Rule, type RuleContext, severityOf} from './rule.js'
import type {Finding, LintInput, Locator, ObjectPath, ObjectRef, Origin, Position, Range, RelatedFinding, Report, ReportTarget, Resource, Severity} from './types.js'
import {whereText} from './util.js'
import {loadYaml} from '../util/yaml.js'

/** The annotation that silences one rule on one object; its value is the reason. */
export const SUPPRESSION_PREFIX = 'ignore.k8s-net.io/'

export interface LintResult {
  findings: Finding[]
  /** Files read (as named), in order. */
  files: string[]
  /** Objects linted (not counting reference objects). */
  objects: number
  /** Findings dropped by suppression annotations and config exemptions. */
  suppressed: number
  /** Ids of the rules that ran (not off, and not waiting for a cluster), in order: what a clean run checked. */
  rules?: string[]
  /** Entries of linted folders left out as not manifests (hidden, node_modules, other tools' files). */
  skipped: number
}

export interface SeverityCounts {
  error: number
  warning: number
  info: number
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = {error: 0, warning: 0, info: 0}
  for (const f of findings) counts[f.severity]++
  return counts
}

const RANK: Record<Severity, number> = {info: 0, warning: 1, error: 2}

/** Whether a severity is at or above a threshold. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold]
}

const isResource = (target: ReportTarget): target is Resource => 'uid' in target

/** The index of loaded input, with the pod template kinds config names. */
export function indexInput(input: LintInput, config: LintConfig): ResourceIndex {
  return new ResourceIndex(input.resources, config.settings.podTemplateKinds, input.unreadable)
}

/** Runs the rules over loaded input. */
export async function lint(input: LintInput, config: LintConfig, rules: readonly Rule[]): Promise<LintResult> {
  return locateReports(checkInput(input, config, rules), input.locators)
}

/**
 * What the rules reported on loaded input, before locating. Nothing in it
 * holds the input's objects, its index or what rules built over it: a caller
 * that lets go of the input keeps only this and the locators.
 */
export interface CheckedInput {
  reports: PendingReport[]
  /** Rules that broke, as findings. */
  crashes: Finding[]
  /** Ids of the rules that ran. */
  rules: string[]
  suppressed: number
  files: string[]
  objects: number
  skipped: number
}

/** One report, rendered and stamped, with what locating needs of its targets. */
interface PendingReport {
  what: Pick<Finding, 'ruleId' | 'messageId' | 'severity' | 'message' | 'data'>
  target: PendingTarget
  path?: ObjectPath
  fix?: Report['fix']
  related?: Array<{message: string; target: PendingTarget; path?: ObjectPath}>
}

/** A report target as locating needs it: the object's identity, its origin, and a syntax problem's range. */
interface PendingTarget {
  object?: ObjectRef
  origin: Origin
  range?: Range
}

/** Runs the rules; the index and everything rules build over it are left behind when it returns. */
export function checkInput(input: LintInput, config: LintConfig, rules: readonly Rule[]): CheckedInput {
  const index = indexInput(input, config)
  const reports: PendingReport[] = []
  const crashes: Finding[] = []
  const ran: string[] = []
  let suppressed = 0

  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id)
    if (!isEnabled(rule.meta, setting)) continue
    if (rule.meta.requires === 'cluster' && !config.settings.live) continue
    const ruleId = rule.meta.id
    ran.push(ruleId)
    // An annotation may name the rule by a former id.
    const suppressionIds = [ruleId, ...(rule.meta.aliases ?? [])]
    const context: RuleContext<OptionsOf<OptionsSchema>> = {
      index,
      input,
      options: (setting?.options ?? {}) as OptionsOf<OptionsSchema>,
      settings: config.settings,
      report(report) {
        const severity = severityOf(rule.meta, setting, report.messageId)
        // Rendered now, so that a message the rule gets wrong shows as this rule's internal error.
        const message = renderMessage(rule.meta, report.messageId, report.data)
        if (severity === 'off') return
        const target = report.target
        if (target.reference) return
        const resource = isResource(target) ? target : undefined
        const file = target.origin.type === 'file' ? target.origin.file : undefined
        if (resource && suppressionIds.some((id) => Object.hasOwn(resource.annotations, SUPPRESSION_PREFIX + id))) {
          suppressed++
          return
        }

        if (config.exemptions.some((e) => e.test(ruleId, resource, file))) {
          suppressed++
          return
        }

        const pending: PendingReport = {
          what: {ruleId, messageId: report.messageId, severity, message, ...(report.data ? {data: report.data} : {})},
          target: pendingTarget(target),
        }
        if (report.path !== undefined) pending.path = report.path
        if (report.fix !== undefined) pending.fix = report.fix
        if (report.related !== undefined) pending.related = report.related.map((r) => ({message: r.message, target: pendingTarget(r.target), path: r.path}))
        reports.push(pending)
      },
    }
    try {
      rule.check(context)
    } catch (error) {
      // A rule that breaks on odd input must not take the run down: say so, as a finding the user can report.
      crashes.push({
        ruleId,
        messageId: 'internalError',
        severity: 'error',
        message: `internal error in rule ${ruleId}: ${(error as Error)?.message ?? String(error)} (please report this)`,
      })
    }
  }

  return {
    reports,
    crashes,
    rules: ran,
    suppressed,
    files: [...input.files],
    objects: input.resources.filter((r) => !r.reference).length,
    skipped: input.skipped.length,
  }
}

function pendingTarget(target: ReportTarget): PendingTarget {
  if (isResource(target)) return {object: refOf(target), origin: target.origin}
  return 'range' in target ? {origin: target.origin, range: target.range} : {origin: target.origin}
}

export interface LocateOptions {
  /** Whether findings carry their fix (`fix`, written as YAML); default true. Output that shows none leaves them out, and the yaml library is not loaded. */
  fixes?: boolean
}

/** Turns checked reports into findings: located, then sorted. */
export async function locateReports(checked: CheckedInput, locators: ReadonlyMap<string, Locator>, options: LocateOptions = {}): Promise<LintResult> {
  const fixes = options.fixes ?? true
  const {reports} = checked
  // Every place to locate, the reports' own and their related ones, taken in source order, one after the other: each
  // document is parsed again once for all the places in it, and its position tree can go before the next is built.
  const places: Array<{target: PendingTarget; path: ObjectPath; report: number; related: number}> = []
  for (const [i, report] of reports.entries()) {
    places.push({target: report.target, path: report.path ?? [], report: i, related: -1})
    for (const [j, r] of (report.related ?? []).entries()) places.push({target: r.target, path: r.path ?? [], report: i, related: j})
  }

  places.sort((a, b) => sourceOrder(a.target.origin, b.target.origin))
  const wheres: Where[] = Array.from({length: reports.length})
  const relatedWheres: Where[][] = reports.map(() => [])
  for (const place of places) {
    const where = await locate(locators, place.target, place.path)
    if (place.related === -1) wheres[place.report] = where
    else relatedWheres[place.report]![place.related] = where
  }

  const findings: Finding[] = []
  for (const [i, report] of reports.entries()) findings.push(await toFinding(report, wheres[i]!, relatedWheres[i]!, fixes))
  for (const crash of checked.crashes) findings.push(crash)
  const order = new Map(checked.files.map((f, i) => [f, i]))
  findings.sort(
    (a, b) =>
      (order.get(a.file ?? '') ?? Number.MAX_SAFE_INTEGER) - (order.get(b.file ?? '') ?? Number.MAX_SAFE_INTEGER) ||
      (a.start?.line ?? 0) - (b.start?.line ?? 0) ||
      (a.start?.column ?? 0) - (b.start?.column ?? 0) ||
      byCodeUnits(objectKey(a.object), objectKey(b.object)) ||
      byCodeUnits(a.ruleId, b.ruleId),
  )
  return {
    findings,
    files: checked.files,
    objects: checked.objects,
    suppressed: checked.suppressed,
    rules: checked.rules,
    skipped: checked.skipped,
  }
}

function sourceOrder(x: Origin, y: Origin): number {
  if (x.type !== 'file' || y.type !== 'file') return Number(x.type === 'file') - Number(y.type === 'file')
  const item = (prefix: ObjectPath): number => (typeof prefix[1] === 'number' ? prefix[1] : -1)
  return x.file < y.file ? -1 : x.file > y.file ? 1 : x.document - y.document || item(x.prefix) - item(y.prefix)
}

/** Text in code unit order, the same on every machine; localeCompare would also load the collation data (milliseconds of every start). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function objectKey(ref: ObjectRef | undefined): string {
  return ref ? `${ref.kind}/${ref.namespace ?? ''}/${ref.name}` : ''
}

/** Where something is: object identity, file and range. */
type Where = {object?: ObjectRef; file?: string; start?: Position; end?: Position}

async function toFinding(report: PendingReport, where: Where, relatedWheres: readonly Where[], fixes: boolean): Promise<Finding> {
  // Field by field (the fields of `what`, then those `where` has): spreading two objects of many shapes is slow.
  const {what} = report
  const finding: Finding = {ruleId: what.ruleId, messageId: what.messageId, severity: what.severity, message: what.message}
  if ('data' in what) finding.data = what.data
  if ('object' in where) finding.object = where.object
  if ('file' in where) {
    finding.file = where.file
    finding.start = where.start
    finding.end = where.end
  }

  if (report.path?.length && where.object) finding.path = report.path
  if (fixes && report.fix !== undefined) finding.fix = typeof report.fix === 'string' ? report.fix : await toYaml(report.fix)
  if (report.related?.length) {
    const related = report.related.map((r, j): RelatedFinding => ({message: r.message, ...relatedWheres[j]}))
    finding.related = related
    // `{{related:N}}` in a message stands for where related location N is: file:line:col. An object without a file
    // (read from a cluster) is named by the message already: the placeholder goes, with its "at" and parentheses.
    const fileless = (n: string): boolean => related[Number(n)]?.file === undefined
    finding.message = finding.message
      .replaceAll(/ \((?:first )?(?:at )?\{\{related:(\d+)\}\}\)|,? at \{\{related:(\d+)\}\}/g, (all: string, a?: string, b?: string) => (fileless((a ?? b)!) ? '' : all))
      .replaceAll(/\{\{related:(\d+)\}\}/g, (_, n: string) => describeLocation(related[Number(n)]))
  }

  return finding
}

/** Where a target and a path inside it are: object identity, file and range. */
async function locate(
  locators: ReadonlyMap<string, Locator>,
  target: PendingTarget,
  path: ObjectPath,
): Promise<Where> {
  const {object, origin} = target
  if (origin.type !== 'file') return {object}
  // A syntax problem carries its range already.
  if (target.range) return {file: origin.file, start: target.range.start, end: target.range.end}

  const range = await locators.get(origin.file)?.locate(origin.document, [...origin.prefix, ...path])
  return {object, file: origin.file, start: range?.start, end: range?.end}
}

async function toYaml(objects: Record<string, unknown> | readonly Record<string, unknown>[]): Promise<string> {
  const {stringify} = await loadYaml()
  const list = Array.isArray(objects) ? objects : [objects]
  return list.map((o) => stringify(o, {lineWidth: 0})).join('---\n')
}

function describeLocation(r: RelatedFinding | undefined): string {
  return (r && whereText(r)) || '?'
}

function refOf(resource: Resource): ObjectRef {
  const ref: ObjectRef = {apiVersion: resource.apiVersion, kind: resource.kind, name: resource.name}
  if (resource.namespace !== '') ref.namespace = resource.namespace
  return ref
}
