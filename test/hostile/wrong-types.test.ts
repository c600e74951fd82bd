/**
 * Every rule (loadRules(), whatever rules/ holds) must survive values of the
 * wrong type wherever Kubernetes expects others: ports as strings, negative
 * or huge numbers, a selector as a list, spec: null, metadata as a string,
 * labels as a list... Each value of each object of the sample application is
 * swapped, in turn, for each value below; the objects around it stay as they
 * are, so that rules relating objects (Service to Deployment, Ingress to
 * Service, policy to pods) are exercised too. A rule that throws shows as an
 * "internal error" finding; there must be none, and the formatters must
 * render whatever came out.
 */
import jsYaml from 'js-yaml'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/config.js'
import {lint} from '../../src/engine/engine.js'
import {loadRules} from '../../src/engine/registry.js'
import type {Rule} from '../../src/engine/rule.js'
import type {ObjectPath} from '../../src/engine/types.js'
import {FORMAT_NAMES, FORMATTERS} from '../../src/formatters/index.js'
import {LoadedInput, loadText} from '../../src/loaders/sources.js'
import {sampleApp} from './inputs.js'

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

/** Values of every type, and the edge of each. */
const SWAPS: Json[] = [null, '', 'x', '80', '-1', 0, -1, 3.5, 1e308, 2 ** 53 + 1, 99_999_999, true, [], [null, 1, 'a', {}], {}, {a: {b: [1]}}]

/** Every path in a value, the root excepted. */
function paths(value: Json, prefix: ObjectPath = []): ObjectPath[] {
  if (value === null || typeof value !== 'object') return []
  const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])])
}

function swapped(object: Json, path: ObjectPath, replacement: Json | undefined): Json {
  const copy = structuredClone(object) as {[key: string]: Json}
  let parent: {[key: string | number]: Json} = copy
  for (const segment of path.slice(0, -1)) parent = parent[segment] as {[key: string | number]: Json}
  const last = path.at(-1)!
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else {
    parent[last] = replacement
  }

  return copy
}

const dump = (objects: Json[]): string => objects.map((o) => jsYaml.dump(o, {noRefs: true})).join('---\n')

async function lintText(rules: readonly Rule[], text: string) {
  const config = resolveConfig({}, rules)
  const input = new LoadedInput()
  loadText(input, 'app.yaml', text, {limits: config.settings.limits})
  return lint(input, config, rules)
}

describe('values of the wrong type', () => {
  const objects = jsYaml.loadAll(sampleApp) as Json[]

  // A hang guard, not a time budget: thousands of lint runs take half a minute or more on a busy 2-core machine.
  it('break no rule and no formatter, wherever they stand', {timeout: 300_000}, async () => {
    const rules = await loadRules()
    const crashes = new Set<string>()
    const internalErrors = (findings: Array<{message: string}>): string[] => findings.filter((f) => f.message.startsWith('internal error')).map((f) => f.message)
    // The application as written first: a rule that breaks on it breaks everywhere.
    for (const message of internalErrors((await lintText(rules, sampleApp)).findings)) crashes.add(`the sample application as written: ${message}`)
    let variants = 0
    for (const [index, object] of objects.entries()) {
      const peers = objects.filter((_, i) => i !== index)
      const targets = paths(object)
      // One run per object and swap: every path of the object changed in a copy of its own, beside the untouched peers.
      for (const replacement of [...SWAPS, undefined]) {
        const copies = targets.map((path) => swapped(object, path, replacement))
        variants += copies.length
        const result = await lintText(rules, dump([...peers, ...copies]))
        for (const name of FORMAT_NAMES) FORMATTERS[name](result, {color: true, cwd: '/', rules: rules.map((r) => r.meta), failOn: 'error'})
        if (internalErrors(result.findings).length === 0 || crashes.size > 0) continue
        // Name the culprits: the copies that break a rule on their own.
        for (const [i, copy] of copies.entries()) {
          for (const message of internalErrors((await lintText(rules, dump([...peers, copy]))).findings)) {
            crashes.add(`${(object as {kind: string}).kind} ${JSON.stringify(targets[i])} = ${JSON.stringify(replacement) ?? '(removed)'}: ${message}`)
          }
        }
      }
    }

    expect([...crashes]).toEqual([])
    // The sample is not trivial: thousands of variants go through every rule.
    expect(variants).toBeGreaterThan(5000)
  })
})

describe('numbers YAML writes that JSON has not (.inf, -.inf, .nan)', () => {
  const service = (nodePort: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n    nodePort: ${nodePort}\n`
  const deployment = (replicas: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: web, image: web, ports: [{containerPort: 80}]}\n`

  it('are named as the file writes them in messages, not as null', async () => {
    const rules = await loadRules()
    for (const [written, shown] of [['.inf', '.inf'], ['-.Inf', '-.inf'], ['.nan', '.nan']]) {
      const {findings} = await lintText(rules, service(written!))
      expect(findings.filter((f) => f.ruleId === 'nodeport-out-of-range').map((f) => f.message)).toEqual([`nodePort must be a whole number, not ${shown}`])
    }
  })

  it('as replicas, are no count of replicas: no message says a workload runs NaN or Infinity replicas', async () => {
    const rules = await loadRules()
    for (const written of ['.nan', '.inf', '2.5', '-3']) {
      const {findings} = await lintText(rules, `${deployment(written)}---\n${service('30080')}`)
      expect(findings.map((f) => f.message).filter((m) => /replica/i.test(m))).toEqual([])
    }
  })
})
