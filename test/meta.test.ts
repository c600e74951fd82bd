/**
 * Every rule comes complete: valid and invalid fixtures, a test, a docs page
 * (npm run docs writes it), a rationale and remediation worth reading in
 * rules/<id>.md, and messages keyed by camelCase ids that its code reports.
 * Nothing is left over from a rule that is gone.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRules, ruleProse} from '../src/engine/registry.js'
import {REPO} from './support/rule-tester.js'

/**
 * Rules that predate this check and still lack parts, each with what it lacks.
 * The list can only shrink: once a rule is complete its entry must go (the test says so).
 */
const KNOWN_GAPS: Record<string, string[]> = {}

/** Folders of fixtures/ that belong to no single rule. */
const SHARED_FIXTURES = new Set(['scenarios', 'cluster'])

const MANIFEST = /\.(?:ya?ml|json)$/i

function hasManifests(dir: string): boolean {
  try {
    return readdirSync(path.join(REPO, dir), {recursive: true}).some((f) => MANIFEST.test(String(f)))
  } catch {
    return false
  }
}

/** What a rule lacks, as paths (and `meta.<field>` for its metadata). */
function missingParts(meta: {id: string; description: string}, prose = ruleProse(meta.id, REPO)): string[] {
  const {id} = meta
  const missing: string[] = []
  for (const kind of ['valid', 'invalid']) if (!hasManifests(`fixtures/${id}/${kind}`)) missing.push(`fixtures/${id}/${kind}/`)
  for (const file of [`test/rules/${id}.test.ts`, `docs/rules/${id}.md`]) if (!existsSync(path.join(REPO, file))) missing.push(file)
  if (meta.description.trim() === '' || meta.description.includes('\n')) missing.push('meta.description (one line)')
  // A paragraph: a sentence or two at the least.
  if (prose.rationale.length < 40) missing.push(`rules/${id}.md: ## Why`)
  if (prose.remediation.length < 20) missing.push(`rules/${id}.md: ## How to fix`)
  return missing
}

/** What is wrong with a rule's messages: ids not camelCase, ids its module never names, prose left in the module. */
function messageProblems(meta: {id: string; messages: Readonly<Record<string, string>>}, source: string): string[] {
  const problems: string[] = []
  const ids = Object.keys(meta.messages)
  if (ids.length === 0) problems.push('no messages')
  for (const id of ids) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) problems.push(`${id}: not a camelCase id`)
    // Declared once in meta.messages, and named at least once more where it is reported (or typed).
    if (source.split(`'${id}'`).length - 1 + (source.split(new RegExp(`\\b${id}:`)).length - 1) < 2) problems.push(`${id}: never reported`)
    if (meta.messages[id]!.trim() === '') problems.push(`${id}: empty text`)
  }

  if (/^\s+(?:rationale|remediation):/m.test(source)) problems.push(`prose belongs in rules/${meta.id}.md`)
  return problems
}

describe('every rule is complete', async () => {
  const rules = await loadRules()

  for (const {meta} of rules) {
    it(meta.id, () => {
      const missing = missingParts(meta)
      expect(messageProblems(meta, readFileSync(path.join(REPO, 'rules', `${meta.id}.ts`), 'utf8'))).toEqual([])
      const known = KNOWN_GAPS[meta.id] ?? []
      const filled = known.filter((part) => !missing.includes(part))
      expect(filled, `${meta.id} now has ${filled.join(', ')}: remove it from KNOWN_GAPS in test/meta.test.ts`).toEqual([])
      expect(missing.filter((part) => !known.includes(part)), `${meta.id} lacks these (docs: npm run docs)`).toEqual([])
    })
  }

  it('KNOWN_GAPS names only rules that exist', () => {
    const ids = new Set(rules.map((r) => r.meta.id))
    expect(Object.keys(KNOWN_GAPS).filter((id) => !ids.has(id))).toEqual([])
  })

  it('nothing is left of a rule that is gone: fixtures and tests belong to a rule', () => {
    const ids = new Set(rules.map((r) => r.meta.id))
    const strayFixtures = readdirSync(path.join(REPO, 'fixtures')).filter((d) => !ids.has(d) && !SHARED_FIXTURES.has(d))
    const strayTests = readdirSync(path.join(REPO, 'test/rules'))
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -'.test.ts'.length))
      .filter((id) => !ids.has(id))
    expect({strayFixtures, strayTests}).toEqual({strayFixtures: [], strayTests: []})
  })

  it('the check can fail: a rule without fixtures, test, docs or prose is incomplete', () => {
    expect(missingParts({id: 'no-such-rule', description: 'd'}, {rationale: 'Short.', remediation: ''})).toEqual([
      'fixtures/no-such-rule/valid/',
      'fixtures/no-such-rule/invalid/',
      'test/rules/no-such-rule.test.ts',
      'docs/rules/no-such-rule.md',
      'rules/no-such-rule.md: ## Why',
      'rules/no-such-rule.md: ## How to fix',
    ])
    expect(ruleProse('no-such-rule', REPO)).toEqual({rationale: '', remediation: ''})
  })

  it('the message check can fail: unused ids, odd ids and prose in the module are found', () => {
    const source = "messages: {used: 'a {{x}}', unused: 'b', 'Bad-id': 'c'}\n    rationale: 'x',\n report({messageId: 'used'})"
    expect(messageProblems({id: 'r', messages: {used: 'a {{x}}', unused: 'b', 'Bad-id': 'c'}}, source)).toEqual([
      'unused: never reported',
      'Bad-id: not a camelCase id',
      'Bad-id: never reported',
      'prose belongs in rules/r.md',
    ])
  })
})
