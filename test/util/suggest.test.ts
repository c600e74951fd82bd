import {describe, expect, it} from 'vitest'
import {editDistance, isNear, nearest, nearestFew} from '../../src/util/suggest.js'

/** The textbook distance, every cell of the table: what the bounded one must agree with. */
function fullDistance(a: string, b: string): number {
  const table = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
  }

  return table[a.length]![b.length]!
}

describe('editDistance', () => {
  it('is the Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('web', 'web')).toBe(0)
    expect(editDistance('flaw', 'lawn')).toBe(2)
  })

  it('with a limit: exact up to it, above it beyond', () => {
    // Strings from a small alphabet, so that many pairs are close: a fixed sequence, the same on every run.
    let seed = 7
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648)
    const word = (): string => Array.from({length: next() % 9}, () => 'abc'[next() % 3]).join('')
    for (let n = 0; n < 2000; n++) {
      const a = word()
      const b = word()
      const exact = fullDistance(a, b)
      expect(editDistance(a, b)).toBe(exact)
      for (const limit of [-1, 0, 1, 2, 3, 5]) {
        const bounded = editDistance(a, b, limit)
        if (exact <= limit) expect(bounded, `${a} ${b} ${limit}`).toBe(exact)
        else expect(bounded, `${a} ${b} ${limit}`).toBeGreaterThan(limit)
      }
    }
  })
})

describe('suggestions', () => {
  it('take extensions, case and a few edits, nearest first', () => {
    expect(isNear('web-v2', 'web')).toBe(true)
    expect(isNear('WEB', 'web')).toBe(true)
    expect(isNear('frontend', 'frontnd')).toBe(true)
    expect(isNear('database', 'web')).toBe(false)
    expect(nearest('web', ['database', 'web-v2', 'wbe'])).toBe('wbe')
    expect(nearestFew('nginx', ['nginx', 'ngnix', 'nginx-internal', 'traefik', 'NGINX'], 3)).toEqual(['NGINX', 'ngnix', 'nginx-internal'])
    expect(nearestFew('a', ['b', 'cc'], 3)).toEqual(['b', 'cc'])
  })
})
