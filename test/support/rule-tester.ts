/**
 * The rule tester: valid and invalid fixtures side by side, every invalid case
 * pinning each finding's object, message id, data, and start and end
 * positions: never the prose, which lives in the rule's messages. A last test
 * fails when a fixture file of the rule is used by no case, and the tester
 * refuses a case given twice.
 */
import {readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/config.js'
import {lint} from '../../src/engine/engine.js'
import {loadRules} from '../../src/engine/registry.js'
import {objectName, whereText} from '../../src/engine/util.js'
import type {Finding, MessageData, ObjectRef} from '../../src/engine/types.js'
import {LoadedInput, loadPaths} from '../../src/loaders/sources.js'

export const REPO = path.resolve(import.meta.dirname, '../..')
export const FIXTURES = path.join(REPO, 'fixtures')

export interface ExpectedFinding {
  /** `Kind namespace/name` (`Kind name` for cluster-scoped kinds); omitted for input that is not an object. */
  object?: string
  line: number
  column: number
  endLine: number
  endColumn: number
  /** A key of the rule's `meta.messages`. */
  messageId: string
  /** The values of the message's placeholders; omitted when it has none. */
  data?: MessageData
  /** Where the finding's related locations are (`file:line:col`, or the object): required when it has some. */
  related?: string[]
  /** The severity, when the rule gives some messages another than its own. */
  severity?: 'error' | 'warning' | 'info'
}

interface CaseBase {
  /** Fixture files linted, relative to `fixtures/<rule-id>/`. */
  files: string[]
  /** Fixture files loaded as reference only (`--context`), relative to `fixtures/<rule-id>/`. */
  context?: string[]
  /** Rule options. */
  options?: Record<string, unknown>
  /** Other config (nodePortRange, podTemplates...). */
  config?: Record<string, unknown>
  /** Lint as objects read from a live cluster (enables rules that need one). */
  live?: boolean
  /** What the case shows, when the file name does not say it. */
  name?: string
}

export type ValidCase = CaseBase
export interface InvalidCase extends CaseBase {
  findings: ExpectedFinding[]
}

export const describeObject = (ref: ObjectRef | undefined): string | undefined => (ref ? objectName(ref) : undefined)

/** Lints fixture files with one rule (and its options) and returns its findings. */
export async function lintWithRule(ruleId: string, c: CaseBase, base = path.join(FIXTURES, ruleId)): Promise<Finding[]> {
  const rules = (await loadRules()).filter((r) => r.meta.id === ruleId)
  if (rules.length === 0) throw new Error(`no rule ${ruleId}`)
  const config = resolveConfig({...c.config, rules: c.options ? {[ruleId]: {options: c.options}} : {}}, rules)
  if (c.live) config.settings.live = true
  const input = await loadPaths(c.files, {cwd: base, limits: config.settings.limits})
  if (c.context?.length) input.merge(await loadPaths(c.context, {cwd: base, reference: true}))
  const result = await lint(input, config, rules)
  return result.findings.filter((f) => f.ruleId === ruleId)
}

export function ruleTester(ruleId: string, cases: {valid: ValidCase[]; invalid: InvalidCase[]}): void {
  const used = new Set<string>()
  const title = (c: CaseBase): string => c.name ?? c.files.join(' + ') + (c.context ? ` (context: ${c.context.join(', ')})` : '')
  const setup = (c: CaseBase): string => JSON.stringify({files: c.files, context: c.context, options: c.options, config: c.config, live: c.live})

  describe(ruleId, () => {
    it('gives no case twice', () => {
      const setups = [...cases.valid, ...cases.invalid].map((c) => setup(c))
      expect(setups.filter((s, i) => setups.indexOf(s) !== i)).toEqual([])
    })

    describe('valid', () => {
      for (const c of cases.valid) {
        for (const f of [...c.files, ...(c.context ?? [])]) used.add(f)
        it(title(c), async () => {
          const findings = await lintWithRule(ruleId, c)
          expect(findings.map((f) => actual(f))).toEqual([])
        })
      }
    })

    describe('invalid', () => {
      for (const c of cases.invalid) {
        for (const f of [...c.files, ...(c.context ?? [])]) used.add(f)
        it(title(c), async () => {
          expect(c.findings.length, 'an invalid case expects at least one finding').toBeGreaterThan(0)
          const findings = await lintWithRule(ruleId, c)
          expect(findings.map((f, i) => actual(f, c.findings[i]?.severity !== undefined))).toEqual(c.findings.map((e) => expected(e)))
        })
      }
    })

    it('has valid and invalid fixtures, each used by a case', () => {
      const dir = path.join(FIXTURES, ruleId)
      const files = listFiles(dir)
      expect(files.some((f) => f.startsWith('valid/')), `fixtures/${ruleId}/valid/ holds no fixture`).toBe(true)
      expect(files.some((f) => f.startsWith('invalid/')), `fixtures/${ruleId}/invalid/ holds no fixture`).toBe(true)
      expect(files.filter((f) => !used.has(f) && !used.has(f.split('/').slice(0, 2).join('/')))).toEqual([])
    })
  })
}

/** What a finding is, in the terms a case pins. */
function actual(f: Finding, withSeverity = false): ExpectedFinding | Record<string, unknown> {
  return {
    object: describeObject(f.object),
    line: f.start?.line,
    column: f.start?.column,
    endLine: f.end?.line,
    endColumn: f.end?.column,
    messageId: f.messageId,
    data: f.data ?? {},
    ...(f.related?.length ? {related: f.related.map((r) => whereText(r))} : {}),
    ...(withSeverity ? {severity: f.severity} : {}),
  }
}

function expected(e: ExpectedFinding): Record<string, unknown> {
  return {...e, object: e.object, data: e.data ?? {}}
}

export function listFiles(dir: string, prefix = ''): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir).sort()
  } catch {
    return []
  }

  return entries.flatMap((name) => {
    const full = path.join(dir, name)
    const rel = prefix ? `${prefix}/${name}` : name
    return statSync(full).isDirectory() ? listFiles(full, rel) : [rel]
  })
}

/** An empty input, for tests that build one by hand. */
export const emptyInput = (): LoadedInput => new LoadedInput()
