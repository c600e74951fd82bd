/**
 * The rule catalogue: every module in `rules/`, one rule each, named after its id,
 * with its prose (why it matters, how to fix it) in `rules/<id>.md` beside it.
 * There is no list to keep in step: adding `rules/<id>.ts` adds the rule.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {packageRoot} from '../util/package-root.js'
import type {Rule, RuleMeta} from './rule.js'
import {ruleModules} from './rule-modules.js'

const MODULE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(?:ts|js)$/

let cache: Promise<readonly Rule[]> | undefined

/** All rules, sorted by id. */
export function loadRules(): Promise<readonly Rule[]> {
  cache ??= (async () => {
    const rules = (await ruleModules()).map(([file, module]) => {
      const rule = (module as {default?: Rule}).default
      const id = MODULE.exec(file)![1]
      if (!rule?.meta || typeof rule.check !== 'function') throw new Error(`rules/${file} does not export a rule as default`)
      if (rule.meta.id !== id) throw new Error(`rules/${file} declares id ${rule.meta.id}; the file must be named after its id`)
      attachProse(rule.meta)
      return rule
    })
    return rules.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
  })()
  return cache
}

export interface RuleProse {
  rationale: string
  remediation: string
}

const SECTIONS = {rationale: 'Why', remediation: 'How to fix'} as const

/**
 * A rule's prose from `rules/<id>.md`: the paragraphs under `## Why` and
 * `## How to fix`. Empty strings when the file or a section is missing (the
 * meta test fails for such a rule).
 */
export function ruleProse(id: string, root = packageRoot()): RuleProse {
  let text = ''
  try {
    text = readFileSync(path.join(root, 'rules', `${id}.md`), 'utf8')
  } catch {
    // No prose: said by the meta test, not at run time.
  }

  const section = (title: string): string => {
    const start = text.indexOf(`## ${title}\n`)
    if (start === -1) return ''
    const body = text.slice(start + title.length + 4)
    const end = body.search(/^## /m)
    return (end === -1 ? body : body.slice(0, end)).trim()
  }

  return {rationale: section(SECTIONS.rationale), remediation: section(SECTIONS.remediation)}
}

/** Gives a loaded rule's meta its prose, read on first use (linting needs none of it). */
function attachProse(meta: RuleMeta): void {
  let prose: RuleProse | undefined
  const read = (): RuleProse => (prose ??= ruleProse(meta.id))
  Object.defineProperty(meta, 'rationale', {get: () => read().rationale, enumerable: true, configurable: true})
  Object.defineProperty(meta, 'remediation', {get: () => read().remediation, enumerable: true, configurable: true})
}
