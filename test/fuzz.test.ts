/**
 * A seeded fuzz test: corpus documents (when the corpus is there) and the
 * built-in sample application, mutated (lines deleted, duplicated, swapped,
 * values of other types, truncation, special characters...), then linted
 * with every rule through the library and a few through the built command.
 * Nothing may throw, no rule may break, every position must be inside the
 * text, and the command must exit 0, 1 or 2 without a stack trace.
 *
 * A small count here; `npm run fuzz` runs many thousands. K8S_NET_FUZZ_SEED
 * replays another seed.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRules} from '../src/engine/registry.js'
import {sampleApp} from './hostile/inputs.js'
import {tempDir} from './hostile/support.js'
import {corpusFiles, lintOne, mutate, problemsWith, prng, readText} from './support/fuzz.js'

const SEED = Number(process.env.K8S_NET_FUZZ_SEED ?? 20_261_121)
const CASES = 300
const CORPUS = corpusFiles(64 * 1024)

const SOURCES = CORPUS.length > 0 ? `the built-in sample and ${CORPUS.length} corpus files` : 'the built-in sample only: no corpus on this machine (set K8S_NET_CORPUS)'

describe(`fuzz (seed ${SEED}; ${SOURCES})`, () => {
  it(`survives ${CASES} mutated inputs through the library`, async () => {
    const rules = await loadRules()
    const random = prng(SEED)
    const sources = [{name: 'sample.yaml', text: sampleApp}, ...CORPUS.map((file) => ({name: path.basename(file), text: ''}))]
    const failures: string[] = []
    for (let i = 0; i < CASES; i++) {
      // Every other case from the built-in sample, so it is fuzzed even where the corpus is.
      const source = i % 2 === 0 || sources.length === 1 ? sources[0]! : sources[1 + Math.floor(random() * (sources.length - 1))]!
      const original = source.text || readText(CORPUS.find((f) => path.basename(f) === source.name)!)
      const {text, applied} = mutate(original, random)
      try {
        const result = await lintOne(rules, source.name, text)
        for (const problem of problemsWith(result, text)) failures.push(`case ${i} (${source.name}; ${applied.join(', ')}): ${problem}`)
      } catch (error) {
        failures.push(`case ${i} (${source.name}; ${applied.join(', ')}): threw ${(error as Error).stack}`)
      }
    }

    expect(failures).toEqual([])
  })

  it('survives mutated inputs through the built command: exit 0, 1 or 2, no stack trace', () => {
    const {dir, write} = tempDir('fuzz-cli')
    const random = prng(SEED + 1)
    for (let i = 0; i < 12; i++) write(`case-${i}.yaml`, mutate(sampleApp, random).text)
    const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
    delete env.NODE_ENV
    const bin = path.resolve(import.meta.dirname, '../bin/run.cjs')
    const runs = [
      spawnSync(process.execPath, [bin, 'lint', '.'], {cwd: dir, encoding: 'utf8', env}),
      spawnSync(process.execPath, [bin, 'lint', '-', '--format', 'json'], {cwd: dir, encoding: 'utf8', env, input: mutate(sampleApp, random).text}),
    ]
    for (const run of runs) {
      expect([0, 1, 2]).toContain(run.status)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }

    // The exit code agrees with the report: 1 exactly when an error is reported.
    expect(runs[0]!.status).toBe(/^ {2}\d+:\d+ +error /m.test(runs[0]!.stdout) ? 1 : 0)
    const report = JSON.parse(runs[1]!.stdout) as {findings: Array<{severity: string}>}
    expect(runs[1]!.status).toBe(report.findings.some((f) => f.severity === 'error') ? 1 : 0)
  })
})
