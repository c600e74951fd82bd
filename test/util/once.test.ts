import {describe, expect, it} from 'vitest'
import {onceFor} from '../../src/util/once.js'

describe('onceFor', () => {
  it('works a value out once for each object, undefined included, and again for another object', () => {
    const calls: object[] = []
    const f = onceFor((key: {n: number}) => {
      calls.push(key)
      return key.n > 0 ? [key.n] : undefined
    })
    const a = {n: 1}
    const b = {n: 0}
    expect(f(a)).toEqual([1])
    expect(f(a)).toBe(f(a))
    expect(f(b)).toBeUndefined()
    expect(f(b)).toBeUndefined()
    expect(f({n: 1})).not.toBe(f(a))
    expect(calls).toEqual([a, b, {n: 1}])
  })
})
