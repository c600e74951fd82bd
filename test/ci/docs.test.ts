/**
 * docs/rules/ is generated from rule metadata and fixtures by `npm run docs`.
 * These tests regenerate it in memory and fail when the files differ.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defineRule} from '../../src/engine/rule.js'
import {generateRuleDocs, ruleDoc, ruleMarkdown} from '../../src/docs/rule-docs.js'
import {nearestFew} from '../../src/util/suggest.js'
import {loadRules} from '../../src/engine/registry.js'
import {REPO} from '../support/rule-tester.js'

describe('docs/rules', () => {
  it('is up to date (run npm run docs after changing a rule or its fixtures)', async () => {
    const pages = await generateRuleDocs(await loadRules(), REPO)
    const stale: string[] = []
    for (const [file, text] of pages) {
      let onDisk: string | undefined
      try {
        onDisk = readFileSync(path.join(REPO, file), 'utf8')
      } catch {
        onDisk = undefined
      }

      if (onDisk !== text) stale.push(file)
    }

    const extra = readdirSync(path.join(REPO, 'docs/rules'))
      .map((name) => `docs/rules/${name}`)
      .filter((file) => !pages.has(file))
    expect({stale, extra}, 'run npm run docs').toEqual({stale: [], extra: []})
  })

  it('takes the shortest invalid fixture the rule flags alone, with what it reports, and the shortest valid one', async () => {
    const rule = (await loadRules()).find((r) => r.meta.id === 'nodeport-conflict')!
    const doc = await ruleDoc(rule, REPO)
    expect(doc.bad?.file).toBe('fixtures/nodeport-conflict/invalid/repeated-in-one-service.yaml')
    // Line 15 of that fixture is "      nodePort: 31000", repeating line 12.
    expect(doc.bad?.findings.map((f) => [f.start?.line, f.start?.column, f.message])).toEqual([
      [15, 17, 'nodePort 31000/TCP is repeated in this Service (first at fixtures/nodeport-conflict/invalid/repeated-in-one-service.yaml:12:17)'],
    ])
    expect(doc.good?.file).toBe('fixtures/nodeport-conflict/valid/dns-tcp-and-udp.yaml')
    const page = ruleMarkdown(doc)
    expect(page).toContain(doc.prose.rationale)
    expect(page).toContain(doc.prose.remediation)
    expect(doc.prose.rationale.length).toBeGreaterThan(40)
    expect(page).toContain(readFileSync(path.join(REPO, doc.bad!.file), 'utf8'))
  })

  it('a fixture that needs context to be flagged is not chosen when one flagged alone exists', async () => {
    // claims-port-of-context.yaml conflicts only with context/existing.yaml.
    const rule = (await loadRules()).find((r) => r.meta.id === 'nodeport-conflict')!
    const doc = await ruleDoc(rule, REPO)
    expect(doc.bad?.file).not.toContain('claims-port-of-context')
  })

  it('renders the options table from meta.options', () => {
    const rule = defineRule({
      meta: {
        id: 'made-up',
        description: 'A rule for this test.',
        severity: 'warning',
        category: 'services',
        messages: {madeUp: 'made up'},
        options: {
          allowed: {type: 'string[]', default: ['a', 'b|c'], description: 'Values\nthat pass.'},
          limit: {type: 'number', default: 3, description: 'How many.'},
        },
      },
      check() {},
    })
    const page = ruleMarkdown({meta: rule.meta, prose: {rationale: 'Because.', remediation: 'Fix it.'}})
    expect(page).toContain('| Option | Type | Default | Description |')
    expect(page).toContain('| `allowed` | string[] | `["a","b\\|c"]` | Values that pass. |')
    expect(page).toContain('| `limit` | number | `3` | How many. |')
    expect(page).toContain('  made-up:\n    severity: warning  # off, info, warning or error\n    options:\n      allowed: ["a","b|c"]\n      limit: 3\n')
  })
})

describe('rule id suggestions', () => {
  const ids = ['nodeport-conflict', 'nodeport-out-of-range', 'invalid-yaml', 'invalid-object', 'duplicate-key']
  it('suggests ids a typo away, or extending what was typed', () => {
    expect(nearestFew('nodeport-conflit', ids, 3)).toEqual(['nodeport-conflict'])
    expect(nearestFew('invalid', ids, 3)).toEqual(['invalid-yaml', 'invalid-object'])
    expect(nearestFew('zzz', ids, 3)).toEqual([])
  })
})
