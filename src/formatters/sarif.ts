/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning and every other
 * SARIF viewer. The run describes every rule (its docs, rationale and
 * remediation, its default level); each result points at its file, line and
 * column, or at the object by kind, namespace and name when it was read from a
 * cluster. Columns count UTF-16 code units and a region's end is exclusive,
 * as SARIF says and as k8s-net's positions are.
 */
import {createHash} from 'node:crypto'
import {pathToFileURL} from 'node:url'
import path from 'node:path'
import {docsUrl, type RuleMeta} from '../engine/rule.js'
import type {Finding, ObjectRef, Position, RelatedFinding, Severity} from '../engine/types.js'
import {STDIN} from '../engine/types.js'
import {relativePath} from './paths.js'
import type {Formatter} from './types.js'

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
export const INFORMATION_URI = 'https://github.com/k8s-net/k8s-net'
/** The key of k8s-net's own fingerprint in `partialFingerprints`; its version changes if what it hashes changes. */
export const FINGERPRINT_KEY = 'k8sNetFinding/v1'
const SRCROOT = '%SRCROOT%'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

interface Message {
  text: string
  markdown?: string
}

interface Location {
  id?: number
  message?: Message
  physicalLocation?: {
    artifactLocation: {uri: string; uriBaseId?: string}
    region?: {startLine: number; startColumn: number; endLine?: number; endColumn?: number}
  }
  logicalLocations?: Array<{name: string; fullyQualifiedName: string; kind: string}>
}

export const sarif: Formatter = (result, options) => {
  const rules = [...options.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]))
  const seen = new Map<string, number>()
  const results = result.findings.map((finding) => {
    const index = ruleIndex.get(finding.ruleId)
    const location = toLocation(finding, options.cwd)
    const related = (finding.related ?? []).map((r, i) => ({id: i + 1, message: {text: r.message}, ...toLocation(r, options.cwd)}))
    const identity = fingerprintInput(finding, options.cwd)
    const occurrence = seen.get(identity) ?? 0
    seen.set(identity, occurrence + 1)
    return {
      ruleId: finding.ruleId,
      ...(index === undefined ? {} : {ruleIndex: index}),
      level: LEVEL[finding.severity],
      message: {text: finding.message},
      locations: location.physicalLocation || location.logicalLocations ? [location] : [],
      ...(related.length > 0 ? {relatedLocations: related} : {}),
      partialFingerprints: {[FINGERPRINT_KEY]: hash(`${identity}\u0000${occurrence}`)},
      properties: {messageId: finding.messageId, ...(finding.fix ? {fix: finding.fix} : {})},
    }
  })

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'k8s-net',
            ...(options.toolVersion ? {version: options.toolVersion, semanticVersion: options.toolVersion} : {}),
            informationUri: INFORMATION_URI,
            rules: rules.map((meta) => describeRule(meta)),
          },
        },
        originalUriBaseIds: {[SRCROOT]: {uri: directoryUri(options.cwd)}},
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function describeRule(meta: RuleMeta): Record<string, unknown> {
  const options = Object.entries(meta.options ?? {})
  const optionsText = options.length > 0 ? `\n\nOptions:\n${options.map(([name, spec]) => `- ${name} (${spec.type}, default ${JSON.stringify(spec.default)}): ${spec.description}`).join('\n')}` : ''
  const optionsMarkdown =
    options.length > 0 ? `\n\n**Options**\n\n${options.map(([name, spec]) => `- \`${name}\` (${spec.type}, default \`${JSON.stringify(spec.default)}\`): ${spec.description}`).join('\n')}` : ''
  return {
    id: meta.id,
    name: meta.id
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(''),
    shortDescription: {text: meta.description},
    fullDescription: {text: meta.rationale},
    helpUri: docsUrl(meta.id),
    help: {
      text: `${meta.description}\n\nWhy: ${meta.rationale}\n\nHow to fix: ${meta.remediation}${optionsText}\n\nReference: ${docsUrl(meta.id)}`,
      markdown: `${meta.description}\n\n**Why**\n\n${meta.rationale}\n\n**How to fix**\n\n${meta.remediation}${optionsMarkdown}\n\n[Reference](${docsUrl(meta.id)})`,
    },
    defaultConfiguration: {level: LEVEL[meta.severity]},
    properties: {category: meta.category, tags: ['kubernetes', 'network', meta.category], ...(meta.requires ? {requires: meta.requires} : {})},
  }
}

function toLocation(where: Finding | RelatedFinding, cwd: string): Location {
  const location: Location = {}
  const artifact = where.file === undefined ? undefined : artifactLocation(where.file, cwd)
  // A location must name its file to be shown (GitHub code scanning refuses one without): standard input has none.
  if (artifact) {
    location.physicalLocation = {artifactLocation: artifact, ...(where.start ? {region: region(where.start, where.end)} : {})}
  }

  if (where.object) location.logicalLocations = [{name: where.object.name, fullyQualifiedName: qualifiedName(where.object), kind: 'resource'}]
  return location
}

function artifactLocation(file: string, cwd: string): {uri: string; uriBaseId?: string} | undefined {
  if (file === STDIN) return undefined
  const relative = relativePath(file, cwd)
  if (relative !== undefined) return {uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT}
  // A file outside the working directory is named absolutely.
  return {uri: pathToFileURL(path.resolve(cwd, file)).href}
}

function region(start: Position, end: Position | undefined): NonNullable<NonNullable<Location['physicalLocation']>['region']> {
  // SARIF's end column is exclusive, like k8s-net's; an empty range (a position only) stays empty.
  const r = {startLine: start.line, startColumn: start.column}
  if (!end || end.line < start.line || (end.line === start.line && end.column < start.column)) return r
  return {...r, endLine: end.line, endColumn: end.column}
}

/** `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds. */
export function qualifiedName(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`
}

/** What identifies a finding across runs: rule, file, object and the path inside it; never its line. */
function fingerprintInput(finding: Finding, cwd: string): string {
  const file = finding.file === undefined ? '' : (relativePath(finding.file, cwd) ?? finding.file)
  if (finding.object) {
    return [finding.ruleId, file, qualifiedName(finding.object), (finding.path ?? []).join('.')].join('\u0000')
  }

  // Input that is not an object (a syntax error) has nothing steadier than its message, without its positions.
  return [finding.ruleId, file, finding.message.replaceAll(/\d+/g, '#')].join('\u0000')
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32)

function directoryUri(cwd: string): string {
  const href = pathToFileURL(path.resolve(cwd)).href
  return href.endsWith('/') ? href : `${href}/`
}
