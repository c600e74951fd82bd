/**
 * The Service rules read every field tolerantly: fields of the wrong type are
 * skipped, never a crash (which the engine would report as an internal error).
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {describeObject, FIXTURES, lintWithRule} from '../support/rule-tester.js'

const SCENARIO = 'services-odd-values.yaml'

const expected: Record<string, Array<{object: string; line: number; column: number}>> = {
  'loadbalancer-single-service': [],
  'loadbalancer-source-ranges': [{object: 'Service default/odd-3', line: 28, column: 43}],
  'nodeport-exposed': [],
  'service-selector-no-match': [],
  'service-target-port-unknown': [{object: 'Service default/odd-4', line: 39, column: 19}],
}

describe(`the Service rules on ${SCENARIO}`, () => {
  for (const [ruleId, findings] of Object.entries(expected)) {
    it(`${ruleId} reads what it can and skips the rest`, async () => {
      const found = await lintWithRule(ruleId, {files: [SCENARIO]}, path.join(FIXTURES, 'scenarios'))
      expect(found.map((f) => ({object: describeObject(f.object), line: f.start?.line, column: f.start?.column}))).toEqual(findings)
    })
  }
})
