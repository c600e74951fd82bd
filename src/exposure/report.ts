/**
 * The exposure model as plain data: what `map` prints in every format (the
 * JSON format is this, documented in docs/map-format.md). Objects are named
 * by kind, namespace and name with the file they came from; the policy rules
 * that decide a verdict are located at their line.
 */
import type {LintInput} from '../engine/types.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {EXPOSURE_CLASSES, type ExposureClass, type ExposureModel, type Hop, type HopType, type HopVerdict} from './model.js'
import type {Decision, Status, Tier, Verdict} from './policy.js'

export const MAP_FORMAT_VERSION = 1

export interface ObjectReport {
  kind: string
  namespace?: string
  name: string
  /** The file as given, `<stdin>`; null for objects read from a cluster. */
  file: string | null
  /** 1-based line of a deciding policy rule; null elsewhere, or when it cannot be located. */
  line: number | null
}

export interface DecisionReport {
  tier: Tier
  policy: ObjectReport | null
  /** The rule inside the policy: `spec.ingress[0]`. */
  rule: string | null
  text: string
}

export interface VerdictReport {
  status: Status
  sender: string
  port: {number: number | null; name: string | null; protocol: string}
  decisions: DecisionReport[]
}

export interface HopReport {
  type: HopType
  object: ObjectReport | null
  name: string
  ports: readonly string[]
  hosts: readonly string[]
  paths: readonly string[]
  tls: string | null
  details: readonly string[]
  verdict: VerdictReport | null
}

export interface PathReport {
  class: ExposureClass
  /** Source ranges narrow the clients to some networks. */
  restricted: boolean
  hops: HopReport[]
  notes: readonly string[]
}

export interface WorkloadReport {
  workload: ObjectReport
  /** The widest class of its paths; null when nothing outside its namespace reaches it. */
  class: ExposureClass | null
  paths: PathReport[]
}

export interface MapReport {
  version: number
  workloads: WorkloadReport[]
  exits: Array<{service: ObjectReport; externalName: string}>
  /** Workloads by their widest class; `none` for those no path reaches. */
  summary: Record<ExposureClass | 'none', number>
}

export interface MapOptions {
  /** `NS/NAME` or `KIND/NS/NAME`: one workload. */
  workload?: string
  /** Paths of this class only. */
  from?: ExposureClass
  /** Locates the deciding policy rules at their line. */
  input?: LintInput
}

export function objectReport(r: Resource): ObjectReport {
  const out: ObjectReport = {kind: r.kind, name: r.name, file: r.origin.type === 'file' ? r.origin.file : null, line: null}
  if (r.namespace !== '') out.namespace = r.namespace
  return out
}

export const pathText = (path: ObjectPath): string =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')

/** Whether a workload answers to `NS/NAME` or `KIND/NS/NAME` (kind case-insensitive). */
export function workloadMatches(spec: string, owner: Resource): boolean {
  const parts = spec.split('/')
  if (parts.length === 2) return parts[0] === owner.namespace && parts[1] === owner.name
  if (parts.length === 3) return parts[0]!.toLowerCase() === owner.kind.toLowerCase() && parts[1] === owner.namespace && parts[2] === owner.name
  return false
}

/**
 * Turns verdicts into reports. `locate` first finds the line of every rule
 * that decides one (each once, all at a time); `report` is then synchronous.
 */
export class VerdictReporter {
  private readonly lines = new Map<string, number | undefined>()
  private readonly decisions = new Map<Decision, DecisionReport>()

  constructor(private readonly input: LintInput | undefined) {}

  private static key(d: Decision): string {
    return `${d.policy!.uid}\u0000${(d.path ?? []).join('\u0000')}`
  }

  async locate(verdicts: Iterable<Verdict>): Promise<void> {
    const input = this.input
    if (!input) return
    const pending = new Map<string, Promise<number | undefined>>()
    for (const v of verdicts) {
      for (const d of v.decisions) {
        const origin = d.policy?.origin
        if (!d.policy || origin?.type !== 'file') continue
        const k = VerdictReporter.key(d)
        if (this.lines.has(k) || pending.has(k)) continue
        const locator = input.locators.get(origin.file)
        pending.set(k, locator ? locator.locate(origin.document, [...origin.prefix, ...(d.path ?? [])]).then((r) => r?.start.line) : Promise.resolve(undefined))
      }
    }

    await Promise.all([...pending].map(async ([k, line]) => this.lines.set(k, await line)))
  }

  private decision(d: Decision): DecisionReport {
    let out = this.decisions.get(d)
    if (!out) {
      out = {tier: d.tier, policy: null, rule: d.path ? pathText(d.path) : null, text: d.text}
      if (d.policy) out.policy = {...objectReport(d.policy), line: this.lines.get(VerdictReporter.key(d)) ?? null}
      this.decisions.set(d, out)
    }

    return out
  }

  report(v: HopVerdict): VerdictReport {
    const port = {number: v.port.number ?? null, name: v.port.name ?? null, protocol: v.port.protocol}
    return {status: v.status, sender: v.sender, port, decisions: v.decisions.map((d) => this.decision(d))}
  }
}

/** The report `map` prints. */
export async function mapReport(model: ExposureModel, options: MapOptions = {}): Promise<MapReport> {
  const summary = Object.fromEntries([...EXPOSURE_CLASSES, 'none'].map((c) => [c, 0])) as Record<ExposureClass | 'none', number>
  const chosen = model.workloads
    .filter((w) => !options.workload || workloadMatches(options.workload, w.template.owner))
    .map((w) => ({w, paths: w.paths.filter((p) => !options.from || p.class === options.from)}))
  const reporter = new VerdictReporter(options.input)
  await reporter.locate(chosen.flatMap(({paths}) => paths.flatMap((p) => p.hops.flatMap((h) => (h.verdict ? [h.verdict] : [])))))
  const hopReport = (hop: Hop): HopReport => {
    return {
      type: hop.type,
      object: hop.object ? objectReport(hop.object) : null,
      name: hop.name,
      ports: hop.ports,
      hosts: hop.hosts,
      paths: hop.paths,
      tls: hop.tls ?? null,
      details: hop.details,
      verdict: hop.verdict ? reporter.report(hop.verdict) : null,
    }
  }

  const workloads: WorkloadReport[] = []
  for (const {w, paths} of chosen) {
    summary[w.class ?? 'none']++
    if (options.from && paths.length === 0) continue
    workloads.push({
      workload: objectReport(w.template.owner),
      class: paths[0]?.class ?? null,
      paths: paths.map((p) => ({class: p.class, restricted: p.restricted ?? false, hops: p.hops.map(hopReport), notes: p.notes})),
    })
  }

  const exits = model.exits
    .filter((e) => !options.workload)
    .map((e) => ({service: objectReport(e.service), externalName: e.externalName}))
  return {version: MAP_FORMAT_VERSION, workloads, exits, summary}
}
