import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {loadRules} from '../src/engine/registry.js'
import type {SeverityLevel} from '../src/engine/types.js'
import {lintFiles} from '../src/run.js'
import {CORPUS, CORPUS_MISSING} from './support/corpus.js'

const RULES = [
  'ingress-backend-missing',
  'api-removed',
  'ingress-tls-missing',
  'ingress-class-missing',
  'ingress-rule-conflict',
  'route-backend-missing',
  'route-parent-missing',
  'exposed-single-replica',
  'exposed-no-spread',
]

/** Legacy Ingress and IngressClass documents of a file, counted from its text alone. */
function legacyDocuments(file: string): number {
  return readFileSync(file, 'utf8')
    .split(/^---\s*$/m)
    .filter((doc) => /^apiVersion: *(extensions|networking\.k8s\.io)\/v1beta1\s*$/m.test(doc) && /^kind: *(Ingress|IngressClass)\s*$/m.test(doc)).length
}

describe.skipIf(!CORPUS)('ingress and Gateway API rules on the real-world corpus', () => {
  it('run without a crash, and rewrite every removed Ingress for networking.k8s.io/v1', async () => {
    const off: Record<string, SeverityLevel> = {}
    for (const rule of await loadRules()) if (!RULES.includes(rule.meta.id)) off[rule.meta.id] = 'off'
    const {result} = await lintFiles([CORPUS!], {cwd: CORPUS, overrides: {rules: off}})
    expect(result.findings.filter((f) => !RULES.includes(f.ruleId))).toEqual([])
    expect(result.findings.filter((f) => !f.file || !f.start)).toEqual([])

    const removed = result.findings.filter((f) => f.ruleId === 'api-removed' && (f.object?.kind === 'Ingress' || f.object?.kind === 'IngressClass'))
    const perFile = new Map<string, number>()
    for (const f of removed) perFile.set(f.file!, (perFile.get(f.file!) ?? 0) + 1)
    const expected = new Map(result.files.map((f) => [f, legacyDocuments(path.resolve(CORPUS!, f))] as const).filter(([, n]) => n > 0))
    expect(perFile).toEqual(expected)
    expect(removed.length).toBeGreaterThanOrEqual(20)

    for (const f of removed) {
      const fixed = parse(f.fix!) as {apiVersion: string; kind: string; spec?: {backend?: unknown; rules?: Array<{http?: {paths?: Array<{pathType?: string}>}}>}}
      expect(fixed.apiVersion).toBe('networking.k8s.io/v1')
      expect(JSON.stringify(fixed)).not.toMatch(/"serviceName"|"servicePort"/)
      if (fixed.kind !== 'Ingress') continue
      expect(fixed.spec).not.toHaveProperty('backend')
      const paths = (fixed.spec?.rules ?? []).flatMap((r) => r.http?.paths ?? [])
      expect(paths.filter((p) => p.pathType === undefined)).toEqual([])
    }
  })
})

if (!CORPUS) it.skip(CORPUS_MISSING, () => {})
