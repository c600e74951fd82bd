/**
 * The exposure model as plain data: what `map` prints in every format (the
 * JSON format is this, documented in docs/map-format.md). Objects are named
 * by kind, namespace and name with the file they came from; the policy rules
 * that decide a verdict are located at their line.
 */
import type {LoadedInput} from '../loaders/sources.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {EXPOSURE_CLASSES, type ExposureClass, type ExposureModel, type Hop, type HopType, type HopVerdict} from './model.js'
import type {Status, Tier} from './policy.js'

export const MAP_FORMAT_VERSION = 1

export interface ObjectReport {
  kind: string
  namespace?: string
  name: string
  /** The file as given, `<stdin>`; absent for objects read from a cluster. */
  file?: string
  /** 1-based line, where located. */
  line?: number
}

export interface DecisionReport {
  tier: Tier
  policy?: ObjectReport
  /** The rule inside the policy: `spec.ingress[0]`. */
  rule?: string
  text: string
}

export interface VerdictReport {
  status: Status
  sender: string
  port: {number?: number; name?: string; protocol: string}
  decisions: DecisionReport[]
}

export interface HopReport {
  type: HopType
  object?: ObjectReport
  name: string
  ports: string[]
  hosts: string[]
  paths: string[]
  tls?: string
  details: string[]
  verdict?: VerdictReport
}

export interface PathReport {
  class: ExposureClass
  hops: HopReport[]
  notes: string[]
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
  input?: LoadedInput
}

export function objectReport(r: Resource): ObjectReport {
  const out: ObjectReport = {kind: r.kind, name: r.name}
  if (r.namespace !== '') out.namespace = r.namespace
  if (r.origin.type === 'file') out.file = r.origin.file
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

/** Turns verdicts into reports, locating each deciding rule once (when the input is given). */
export function verdictReporter(input: LoadedInput | undefined): (v: HopVerdict) => Promise<VerdictReport> {
  const located = new Map<string, Promise<number | undefined>>()
  const locate = (r: Resource, path: ObjectPath | undefined): Promise<number | undefined> => {
    const origin = r.origin
    if (!input || origin.type !== 'file') return Promise.resolve(undefined)
    const k = `${r.uid}\u0000${(path ?? []).join('\u0000')}`
    let line = located.get(k)
    if (!line) {
      const locator = input.locators.get(origin.file)
      line = locator ? locator.locate(origin.document, [...origin.prefix, ...(path ?? [])]).then((range) => range?.start.line) : Promise.resolve(undefined)
      located.set(k, line)
    }

    return line
  }

  return async (v) => {
    const decisions = await Promise.all(
      v.decisions.map(async (d): Promise<DecisionReport> => {
        const report: DecisionReport = {tier: d.tier, text: d.text}
        if (d.policy) {
          report.policy = objectReport(d.policy)
          const line = await locate(d.policy, d.path)
          if (line !== undefined) report.policy.line = line
        }

        if (d.path) report.rule = pathText(d.path)
        return report
      }),
    )
    const port: VerdictReport['port'] = {protocol: v.port.protocol}
    if (v.port.number !== undefined) port.number = v.port.number
    if (v.port.name !== undefined) port.name = v.port.name
    return {status: v.status, sender: v.sender, port, decisions}
  }
}

/** The report `map` prints. */
export async function mapReport(model: ExposureModel, options: MapOptions = {}): Promise<MapReport> {
  const summary = Object.fromEntries([...EXPOSURE_CLASSES, 'none'].map((c) => [c, 0])) as Record<ExposureClass | 'none', number>
  const verdictReport = verdictReporter(options.input)
  const hopReport = async (hop: Hop): Promise<HopReport> => {
    const out: HopReport = {type: hop.type, ...(hop.object ? {object: objectReport(hop.object)} : {}), name: hop.name, ports: hop.ports, hosts: hop.hosts, paths: hop.paths, details: hop.details}
    if (hop.tls !== undefined) out.tls = hop.tls
    if (hop.verdict) out.verdict = await verdictReport(hop.verdict)
    return out
  }

  const workloads: WorkloadReport[] = []
  for (const w of model.workloads) {
    if (options.workload && !workloadMatches(options.workload, w.template.owner)) continue
    const paths = w.paths.filter((p) => !options.from || p.class === options.from)
    summary[w.class ?? 'none']++
    if (options.from && paths.length === 0) continue
    workloads.push({
      workload: objectReport(w.template.owner),
      class: paths[0]?.class ?? null,
      paths: await Promise.all(paths.map(async (p) => ({class: p.class, hops: await Promise.all(p.hops.map(hopReport)), notes: p.notes}))),
    })
  }

  const exits = model.exits
    .filter((e) => !options.workload)
    .map((e) => ({service: objectReport(e.service), externalName: e.externalName}))
  return {version: MAP_FORMAT_VERSION, workloads, exits, summary}
}
