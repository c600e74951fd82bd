/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning and every other
 * SARIF viewer. The run describes every rule (its docs, rationale and
 * remediation, its default level); each result points at its file, line and
 * column, or at the object by kind, namespace and name when it was read from a
 * cluster. Columns count UTF-16 code units and a region's end is exclusive,
 * as SARIF says and as k8s-net's positions are.
 *
 * File URIs are relative to `%SRCROOT%`, the repository root (or
 * `--sarif-root`), whatever folder k8s-net ran in, so that code scanning
 * finds the files; a file outside it gets an absolute `file://` URI. Rules
 * about exposure carry the `security` tag and a `security-severity`, which
 * code scanning ranks as Critical/High/Medium/Low. A result's message links
 * the related locations it names, `[k8s/a.yaml:12:17](1)`, as SARIF viewers
 * render them.
 */
import {pathToFileURL} from 'node:url'
import path from 'node:path'
import {docsUrl, type RuleMeta} from '../engine/rule.js'
import type {Finding, ObjectRef, Position, RelatedFinding, Severity} from '../engine/types.js'
import {STDIN} from '../engine/types.js'
import {whereText} from '../engine/util.js'
import {relativePath} from './paths.js'
import type {Formatter} from './types.js'

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
export const INFORMATION_URI = 'https://github.com/k8s-net/k8s-net'
/** The key of k8s-net's own fingerprint in `partialFingerprints`; its version changes if what it hashes changes. */
export const FINGERPRINT_KEY = 'k8sNetFinding/v1'
const SRCROOT = '%SRCROOT%'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

/**
 * The rules about exposure: what they find widens who can reach a workload. Their security-severity (CVSS-like,
 * 0.1 to 10: 7 and above High, 4 to 6.9 Medium) ranks their alerts in code scanning; a test checks the ids exist.
 */
export const SECURITY_SEVERITY: Readonly<Record<string, string>> = {
  // A LoadBalancer that admits the whole internet (or sets no source ranges).
  'loadbalancer-source-ranges': '6.5',
  // Plain HTTP on a host reached from outside.
  'ingress-tls-missing': '5.9',
  // Every pod of a namespace takes connections from every pod of the cluster.
  'default-deny-missing': '5.3',
  // A policy meant to restrict traffic selects no pod: it restricts nothing.
  'networkpolicy-selects-nothing': '5.3',
  // Every node opens the port, on every address it has.
  'nodeport-exposed': '4.3',
}

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
  const paths: Paths = {cwd: options.cwd, root: options.sourceRoot ?? options.cwd}
  const results = result.findings.map((finding) => {
    const index = ruleIndex.get(finding.ruleId)
    const location = toLocation(finding, paths)
    const related = (finding.related ?? []).map((r, i) => ({id: i + 1, message: {text: r.message}, ...toLocation(r, paths)}))
    const identity = fingerprintInput(finding, paths)
    const occurrence = seen.get(identity) ?? 0
    seen.set(identity, occurrence + 1)
    return {
      ruleId: finding.ruleId,
      ...(index === undefined ? {} : {ruleIndex: index}),
      level: LEVEL[finding.severity],
      // The message's id names its text in the rule's messageStrings; the text is this finding's, rendered.
      message: {text: linkedMessage(finding), id: finding.messageId},
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
        originalUriBaseIds: {[SRCROOT]: {uri: directoryUri(paths.root)}},
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
    // Each message id with its text as the rule writes it ({{placeholders}} are k8s-net's, filled in each result's text).
    messageStrings: Object.fromEntries(Object.entries(meta.messages ?? {}).map(([id, text]) => [id, {text}])),
    properties: {
      category: meta.category,
      tags: [...(SECURITY_SEVERITY[meta.id] ? ['security'] : []), 'kubernetes', 'network', meta.category],
      ...(SECURITY_SEVERITY[meta.id] ? {'security-severity': SECURITY_SEVERITY[meta.id]} : {}),
      ...(meta.requires ? {requires: meta.requires} : {}),
    },
  }
}

/** Where file names are resolved (the working directory) and what URIs are relative to (%SRCROOT%). */
interface Paths {
  cwd: string
  root: string
}

/**
 * The message as SARIF text: `[`, `]` and `\\` escaped (SARIF reads `[text](n)` as a link), and each related
 * location linked where the message names it (`at k8s/a.yaml:12:17` becomes `at [k8s/a.yaml:12:17](1)`), else
 * added at the end as a link with its own message.
 */
function linkedMessage(finding: Finding): string {
  const escape = (text: string): string => text.replaceAll(/[\\[\]]/g, (c) => `\\${c}`)
  let text = escape(finding.message)
  const more: string[] = []
  for (const [i, r] of (finding.related ?? []).entries()) {
    const at = escape(whereText(r))
    const named = at === '' ? -1 : text.indexOf(at)
    if (named !== -1) text = `${text.slice(0, named)}[${at}](${i + 1})${text.slice(named + at.length)}`
    else more.push(`[${escape(r.message)}](${i + 1})`)
  }

  return more.length > 0 ? `${text} (see ${more.join(', ')})` : text
}

function toLocation(where: Finding | RelatedFinding, paths: Paths): Location {
  const location: Location = {}
  const artifact = where.file === undefined ? undefined : artifactLocation(where.file, paths)
  // A location must name its file to be shown (GitHub code scanning refuses one without): standard input has none.
  if (artifact) {
    location.physicalLocation = {artifactLocation: artifact, ...(where.start ? {region: region(where.start, where.end)} : {})}
  }

  if (where.object) location.logicalLocations = [{name: where.object.name, fullyQualifiedName: qualifiedName(where.object), kind: 'resource'}]
  return location
}

function artifactLocation(file: string, paths: Paths): {uri: string; uriBaseId?: string} | undefined {
  if (file === STDIN) return undefined
  const relative = relativePath(path.resolve(paths.cwd, file), paths.root)
  if (relative !== undefined) return {uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT}
  // A file outside the root is named absolutely.
  return {uri: pathToFileURL(path.resolve(paths.cwd, file)).href}
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
function fingerprintInput(finding: Finding, paths: Paths): string {
  const file = finding.file === undefined ? '' : (relativePath(path.resolve(paths.cwd, finding.file), paths.root) ?? finding.file)
  if (finding.object) {
    return [finding.ruleId, file, qualifiedName(finding.object), (finding.path ?? []).join('.')].join('\u0000')
  }

  // Input that is not an object (a syntax error) has nothing steadier than its message, without its positions.
  return [finding.ruleId, file, finding.message.replaceAll(/\d+/g, '#')].join('\u0000')
}

// node:crypto is taken when a SARIF report is written: a run without one never loads it.
const hash = (text: string): string => process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex').slice(0, 32)

function directoryUri(cwd: string): string {
  const href = pathToFileURL(path.resolve(cwd)).href
  return href.endsWith('/') ? href : `${href}/`
}
