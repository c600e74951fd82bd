/**
 * A finding as linting files and linting a cluster can agree on: rule,
 * object, related objects, and the message without where related objects
 * are. A file gives them a place (`file:line:col`); an object read from a
 * cluster has none, and its message names the object instead, so the place
 * is left out on both sides, with its parentheses or its "at".
 */
import type {Finding} from '../../src/engine/types.js'
import {expect} from 'vitest'
import {describeObject} from './rule-tester.js'

export interface Comparable {
  rule: string
  object?: string
  message: string
  related?: Array<string | undefined>
}

export function comparable(f: Finding): Comparable {
  // Which of several exposures a message names first follows input order: file order for manifests, name order for the API.
  const FIRST = /reached from outside through \S+(?: Service)? \S+ and (\d+) more/
  const first = FIRST.test(f.message)
  let message = f.message.replace(FIRST, 'reached from outside through <first> and $1 more')
  for (const r of f.related ?? []) {
    if (r.file === undefined) continue
    const at = `${r.file}${r.start ? `:${r.start.line}:${r.start.column}` : ''}`
    message = message
      .replaceAll(` (first at ${at})`, '')
      .replaceAll(` (at ${at})`, '')
      .replaceAll(` (${at})`, '')
      .replaceAll(`, at ${at}`, '')
      .replaceAll(` at ${at}`, '')
  }

  // The first exposure is the related object too.
  const related = first ? ['<first>'] : f.related?.map((r) => describeObject(r.object))
  return {rule: f.ruleId, object: describeObject(f.object), message, ...(related ? {related} : {})}
}

/** Findings on cluster objects read well: an object is not named again as its own location ("Service a/b (Service a/b)"), no "a Ingress". */
export function expectReadsWell(findings: readonly Finding[]): void {
  for (const f of findings) {
    for (const r of f.related ?? []) {
      const name = describeObject(r.object)
      if (r.file === undefined && name) {
        expect(f.message).not.toContain(`(${name})`)
        expect(f.message).not.toContain(`at ${name})`)
      }
    }

    expect(f.message).not.toMatch(/\ba [AEIOU][a-z]/)
  }
}
