/**
 * Golden tests: every formatter renders the canonical results, and the output
 * must equal test/formatters/golden/<format>.<ext> byte for byte. After a
 * deliberate change, rewrite them with UPDATE_GOLDEN=1 npx vitest run test/formatters
 * and read the diff.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {FORMAT_NAMES, FORMATS_WITH_FIXES, FORMATTERS, type FormatName} from '../../src/formatters/index.js'
import {canonicalOptions, canonicalResult} from '../support/results.js'

const GOLDEN = path.join(import.meta.dirname, 'golden')
const EXTENSION: Record<FormatName, string> = {stylish: 'txt', json: 'json', sarif: 'sarif', junit: 'xml', github: 'txt'}

describe('golden output from the canonical results', () => {
  it('covers every format', () => {
    expect(Object.keys(EXTENSION).sort()).toEqual([...FORMAT_NAMES].sort())
  })

  for (const format of FORMAT_NAMES) {
    it(format, () => {
      const output = FORMATTERS[format](canonicalResult(), canonicalOptions())
      const file = path.join(GOLDEN, `${format}.${EXTENSION[format]}`)
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, output)
      expect(output).toBe(readFileSync(file, 'utf8'))
    })
  }
})

describe('fixes', () => {
  it('are shown by the formats FORMATS_WITH_FIXES names, and by no other (a run for those others writes none)', () => {
    const withFixes = canonicalResult()
    const fixed = withFixes.findings.filter((f) => f.fix !== undefined)
    expect(fixed.length).toBeGreaterThan(0)
    const without = {...withFixes, findings: withFixes.findings.map(({fix: _fix, ...rest}) => rest)}
    const showing = FORMAT_NAMES.filter((format) => FORMATTERS[format](withFixes, canonicalOptions()) !== FORMATTERS[format](without, canonicalOptions()))
    expect(showing.sort()).toEqual([...FORMATS_WITH_FIXES].sort())
  })
})
