/**
 * The rule catalogue: every module in `rules/`, one rule each, named after its id.
 * There is no list to keep in step: adding `rules/<id>.ts` adds the rule.
 */
import type {Rule} from './rule.js'
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
      return rule
    })
    return rules.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
  })()
  return cache
}
