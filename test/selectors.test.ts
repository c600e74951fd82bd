import {describe, expect, it} from 'vitest'
import {formatSelector, matches, parseLabelSelector, parseMatchLabels} from '../src/engine/selectors.js'

const select = (selector: unknown, labels: Record<string, string>): boolean => {
  const parsed = parseLabelSelector(selector)
  if (!parsed.ok) throw new Error(parsed.error)
  return matches(parsed.selector, labels)
}

describe('label selectors', () => {
  const pod = {app: 'web', tier: 'front', track: 'stable'}

  it('an empty selector matches every pod', () => {
    expect(select({}, pod)).toBe(true)
    expect(select({}, {})).toBe(true)
  })

  it('matchLabels needs every label to match', () => {
    expect(select({matchLabels: {app: 'web'}}, pod)).toBe(true)
    expect(select({matchLabels: {app: 'web', tier: 'front'}}, pod)).toBe(true)
    expect(select({matchLabels: {app: 'web', tier: 'back'}}, pod)).toBe(false)
    expect(select({matchLabels: {app: 'api'}}, pod)).toBe(false)
  })

  it('In matches when the label has one of the values', () => {
    expect(select({matchExpressions: [{key: 'tier', operator: 'In', values: ['front', 'edge']}]}, pod)).toBe(true)
    expect(select({matchExpressions: [{key: 'tier', operator: 'In', values: ['back']}]}, pod)).toBe(false)
    expect(select({matchExpressions: [{key: 'zone', operator: 'In', values: ['a']}]}, pod)).toBe(false)
  })

  it('NotIn matches when the label is absent or has another value', () => {
    expect(select({matchExpressions: [{key: 'track', operator: 'NotIn', values: ['canary']}]}, pod)).toBe(true)
    expect(select({matchExpressions: [{key: 'track', operator: 'NotIn', values: ['stable']}]}, pod)).toBe(false)
    expect(select({matchExpressions: [{key: 'zone', operator: 'NotIn', values: ['a']}]}, pod)).toBe(true)
  })

  it('Exists and DoesNotExist look at the key only', () => {
    expect(select({matchExpressions: [{key: 'app', operator: 'Exists'}]}, pod)).toBe(true)
    expect(select({matchExpressions: [{key: 'zone', operator: 'Exists'}]}, pod)).toBe(false)
    expect(select({matchExpressions: [{key: 'zone', operator: 'DoesNotExist'}]}, pod)).toBe(true)
    expect(select({matchExpressions: [{key: 'app', operator: 'DoesNotExist'}]}, pod)).toBe(false)
  })

  it('matchLabels and matchExpressions must all hold together', () => {
    const selector = {matchLabels: {app: 'web'}, matchExpressions: [{key: 'track', operator: 'NotIn', values: ['stable']}]}
    expect(select(selector, pod)).toBe(false)
    expect(select(selector, {...pod, track: 'canary'})).toBe(true)
  })

  it('rejects malformed selectors with a reason instead of guessing', () => {
    expect(parseLabelSelector([{app: 'web'}])).toEqual({ok: false, error: 'a selector must be a mapping'})
    expect(parseLabelSelector({matchExpressions: [{key: 'a', operator: 'Near'}]})).toMatchObject({ok: false})
    expect(parseLabelSelector({matchExpressions: [{key: 'a', operator: 'In'}]})).toMatchObject({ok: false, error: 'operator In needs values'})
    expect(parseMatchLabels({app: {nested: true}})).toMatchObject({ok: false})
  })

  it('prints selectors the way kubectl does', () => {
    const parsed = parseLabelSelector({
      matchLabels: {app: 'web'},
      matchExpressions: [
        {key: 'tier', operator: 'In', values: ['a', 'b']},
        {key: 'track', operator: 'NotIn', values: ['canary']},
        {key: 'zone', operator: 'Exists'},
        {key: 'legacy', operator: 'DoesNotExist'},
      ],
    })
    expect(parsed.ok && formatSelector(parsed.selector)).toBe('app=web,tier in (a,b),track notin (canary),zone,!legacy')
  })
})
