/**
 * Golden tests of `map`: every scenario of fixtures/scenarios, in every
 * format, must equal test/exposure/golden/<scenario>.<ext> byte for byte.
 * After a deliberate change, rewrite them with
 * UPDATE_GOLDEN=1 npx vitest run test/exposure/map-golden.test.ts and read the diff.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {MAP_FORMATS, type MapFormat, renderMap} from '../../src/exposure/render/index.js'
import {mapFiles} from '../../src/run.js'
import {REPO} from '../support/rule-tester.js'

const GOLDEN = path.join(import.meta.dirname, 'golden')
const SCENARIOS = path.join(REPO, 'fixtures', 'scenarios')
const EXTENSION: Record<MapFormat, string> = {text: 'txt', json: 'json', mermaid: 'mmd', dot: 'dot'}

describe('map over the scenario fixtures', () => {
  it('covers every format', () => {
    expect(Object.keys(EXTENSION).sort()).toEqual([...MAP_FORMATS].sort())
  })

  for (const scenario of readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort()) {
    for (const format of MAP_FORMATS) {
      it(`${scenario} as ${format}`, async () => {
        // Paths relative to the repository, as a user in it types them.
        const report = await mapFiles([path.join('fixtures', 'scenarios', scenario)], {cwd: REPO})
        const output = renderMap(report, format)
        const file = path.join(GOLDEN, `${scenario.replace(/\.yaml$/, '')}.${EXTENSION[format]}`)
        if (process.env.UPDATE_GOLDEN) writeFileSync(file, output)
        expect(output).toBe(readFileSync(file, 'utf8'))
      })
    }
  }
})
