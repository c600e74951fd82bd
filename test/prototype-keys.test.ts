/**
 * Keys a user writes are data, never JavaScript: labels, selector keys,
 * kinds and protocols named toString, constructor, __proto__, hasOwnProperty
 * or valueOf neither crash a rule nor slip past its checks
 * (test/fixtures/prototype-keys.yaml, linted with every rule).
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintFiles} from '../src/run.js'
import {describeObject} from './support/rule-tester.js'

describe('keys named like Object properties', () => {
  it('crash no rule, and selectors over them match exactly the pods that carry them', async () => {
    const {result} = await lintFiles([path.join(import.meta.dirname, 'fixtures', 'prototype-keys.yaml')])
    expect(result.findings.filter((f) => f.messageId === 'internalError').map((f) => f.message)).toEqual([])
    const about = (ruleId: string): string[] => result.findings.filter((f) => f.ruleId === ruleId).map((f) => `${describeObject(f.object)} ${f.messageId}`)
    expect(about('service-selector-no-match')).toEqual(['Service keys/constructor noMatch', 'Service keys/proto nearLabelValue'])
    const proto = result.findings.find((f) => f.messageId === 'nearLabelValue')
    expect(proto?.data).toEqual({selector: '__proto__=x', namespace: 'keys', workload: 'Deployment keys/odd', key: '__proto__', value: 'd'})
    expect(about('networkpolicy-selects-nothing')).toEqual(['NetworkPolicy keys/has-own-property templateValues'])
    expect(result.findings.find((f) => f.messageId === 'templateValues')?.data?.values).toBe('valueOf is b')
    expect(about('httproute-parent-missing')).toEqual([])
    const fix = result.findings.find((f) => f.ruleId === 'ingress-api-removed')?.fix
    expect(fix).toContain('annotations:\n    __proto__: kept\n')
    expect(fix).toContain('ingressClassName: nginx')
  })
})
