/**
 * `npm run fuzz [count] [seed]`: the long fuzz run. Mutates the built-in
 * sample application and every corpus file up to 256 kB (test/support/fuzz.ts),
 * lints each mutated text with every rule through the library, then a share
 * of them through the built command. Prints what the inputs turned into and
 * every failure; exits 1 on any, leaving the failing inputs in
 * bench/results/fuzz-failures/ to replay.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {loadRules} from '../src/engine/registry.js'
import {sampleApp} from '../test/hostile/inputs.js'
import {corpusFiles, lintOne, mutate, problemsWith, prng, readText} from '../test/support/fuzz.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const BIN = path.join(REPO, 'bin/run.cjs')
const FAILURES = path.join(REPO, 'bench/results/fuzz-failures')

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20_000)
  const seed = Number(process.argv[3] ?? process.env.K8S_NET_FUZZ_SEED ?? Date.now() % 1_000_000)
  const rules = await loadRules()
  const sources = [{name: 'sample.yaml', text: sampleApp}, ...corpusFiles(256 * 1024).map((file) => ({name: path.basename(file), text: readText(file)}))]
  process.stdout.write(`fuzz: ${count} cases, seed ${seed}, ${sources.length} source texts, ${rules.length} rules\n`)

  const random = prng(seed)
  const failures: Array<{name: string; text: string; problem: string}> = []
  const outcomes = {clean: 0, findings: 0, syntax: 0, limit: 0}
  const byRule: Record<string, number> = {}
  const cliCases: Array<{name: string; text: string}> = []
  const start = performance.now()
  for (let i = 0; i < count; i++) {
    const source = sources[Math.floor(random() * sources.length)]!
    const {text, applied} = mutate(source.text, random)
    const name = `case-${i}-${source.name}`
    try {
      const result = await lintOne(rules, source.name, text)
      for (const problem of problemsWith(result, text)) failures.push({name, text, problem: `${applied.join(', ')}: ${problem}`})
      if (result.findings.length === 0) outcomes.clean++
      else outcomes.findings++
      if (result.findings.some((f) => f.ruleId === 'invalid-yaml' && /limits\./.test(f.message))) outcomes.limit++
      else if (result.findings.some((f) => f.ruleId === 'invalid-yaml')) outcomes.syntax++
      for (const f of result.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1
    } catch (error) {
      failures.push({name, text, problem: `${applied.join(', ')}: threw ${(error as Error).stack}`})
    }

    if (i % 100 === 0) cliCases.push({name, text})
  }

  const libraryMs = performance.now() - start
  process.stdout.write(
    `library: ${count} cases in ${(libraryMs / 1000).toFixed(1)} s; ${outcomes.findings} with findings (${outcomes.syntax} invalid YAML, ${outcomes.limit} over a limit), ${outcomes.clean} clean\n` +
      `findings by rule: ${Object.entries(byRule)
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => `${id} ${n}`)
        .join(', ')}\n`,
  )

  // Through the command: batches of files, and standard input.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-fuzz-'))
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
  delete env.NODE_ENV
  let runs = 0
  try {
    for (let b = 0; b < cliCases.length; b += 20) {
      const batch = path.join(dir, `batch-${b}`)
      mkdirSync(batch)
      for (const c of cliCases.slice(b, b + 20)) writeFileSync(path.join(batch, `${c.name}.yaml`), c.text)
      const run = spawnSync(process.execPath, [BIN, 'lint', '.'], {cwd: batch, encoding: 'utf8', env})
      runs++
      if (![0, 1].includes(run.status ?? -1) || /\n\s+at /.test(run.stderr)) {
        failures.push({name: `cli-batch-${b}`, text: cliCases.slice(b, b + 20).map((c) => c.text).join('\n---\n'), problem: `exit ${run.status}: ${run.stderr}`})
      }
    }

    for (const c of cliCases.slice(0, 10)) {
      const run = spawnSync(process.execPath, [BIN, 'lint', '-'], {cwd: dir, encoding: 'utf8', env, input: c.text})
      runs++
      if (![0, 1].includes(run.status ?? -1) || /\n\s+at /.test(run.stderr)) failures.push({name: `cli-stdin-${c.name}`, text: c.text, problem: `exit ${run.status}: ${run.stderr}`})
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }

  process.stdout.write(`command: ${runs} runs over ${cliCases.length} of the cases\n`)
  if (failures.length === 0) {
    process.stdout.write('no failure\n')
    return
  }

  mkdirSync(FAILURES, {recursive: true})
  for (const f of failures) {
    writeFileSync(path.join(FAILURES, f.name.replaceAll(/[^\w.-]/g, '_')), f.text)
    process.stdout.write(`FAILURE ${f.name}: ${f.problem}\n`)
  }

  process.stdout.write(`${failures.length} failures (seed ${seed}); inputs in ${path.relative(REPO, FAILURES)}/\n`)
  process.exitCode = 1
}

await main()
