/**
 * One measured case, in a process of its own so that its peak memory is its
 * own. `node dist/bench/worker.js <case> <reps> <paths...>` prints one JSON
 * line: the wall and CPU time of each repetition (the first one cold, with
 * modules loading and code not yet optimised), and the peak RSS and heap of
 * the first repetition.
 *
 * Cases:
 * - floor: js-yaml 4's loadAll over the files' text (read with readFileSync): what any YAML linter must pay.
 * - lint: lintFiles, the library's front door, with every rule in rules/.
 * - every-object, every-but-crds: lint with one more rule that reports every object (but CRDs): the most locating can cost.
 * - phases: the same run taken apart: reading and parsing, then each rule, then locating and sorting.
 * - reparse: what locating costs per document with findings: as k8s-net locates (the line reader, else the js-yaml
 *   position tree), with the position tree for all, and with the yaml library's full parse.
 */
import {readFileSync} from 'node:fs'
import jsYaml from 'js-yaml'
import {exposureModel, lint, lintFiles, loadConfig, loadRules} from '../src/index.js'
import type {Rule} from '../src/engine/rule.js'
import {ITEM_SPANS_FROM, splitDocuments} from '../src/loaders/documents.js'
import {FileLocator, TreeCache} from '../src/loaders/locate.js'
import {plainDocument} from '../src/loaders/plain-lines.js'
import {expandPaths, loadPaths} from '../src/loaders/sources.js'
import {TreeOnly} from '../test/support/tree-only.js'
import {EXPOSURE_MODEL, FIRST_RUN_DONE, type WorkerResult} from './protocol.js'

const cpuNow = (): number => {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
}

/** What the first, cold repetition left as the process's peaks: one run's memory, before repetitions pile up garbage. */
const firstRun = {maxRssKb: 0, heapUsedMb: 0}

async function repeat(reps: number, run: () => Promise<Record<string, unknown>> | Record<string, unknown>) {
  const times: number[] = []
  const cpu: number[] = []
  let details: Record<string, unknown> = {}
  // No forced collection between repetitions: after one, the young generation starts small again and a short run pays for it.
  for (let i = 0; i < reps; i++) {
    const start = performance.now()
    const cpuStart = cpuNow()
    details = await run()
    times.push(performance.now() - start)
    cpu.push(cpuNow() - cpuStart)
    if (i === 0) {
      firstRun.maxRssKb = process.resourceUsage().maxRSS
      firstRun.heapUsedMb = process.memoryUsage().heapUsed / 1024 / 1024
      process.stdout.write(`${FIRST_RUN_DONE}\n`)
    }
  }

  return {times, cpu, details}
}

async function main(): Promise<void> {
  const [name, repsText, ...paths] = process.argv.slice(2)
  const reps = Number(repsText)
  if (!name || !Number.isInteger(reps) || reps < 1 || paths.length === 0) {
    throw new Error('usage: worker.js <floor|lint|phases|reparse> <reps> <paths...>')
  }

  let measured: {times: number[]; cpu: number[]; details: Record<string, unknown>}
  switch (name) {
    case 'floor': {
      const files = (await expandPaths(paths)).files.filter((f) => f !== '-')
      measured = await repeat(reps, () => {
        let documents = 0
        let failed = 0
        for (const file of files) {
          try {
            jsYaml.loadAll(readFileSync(file, 'utf8'), () => documents++)
          } catch {
            failed++
          }
        }

        return {files: files.length, documents, failed}
      })
      break
    }

    case 'lint': {
      measured = await repeat(reps, async () => {
        const {result} = await lintFiles(paths)
        const byRule: Record<string, number> = {}
        for (const f of result.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1
        return {files: result.files.length, objects: result.objects, findings: result.findings.length, byRule}
      })
      break
    }

    case 'every-object':
    case 'every-but-crds': {
      // The most a run can spend locating: a finding on every object (or every object but the huge CRDs), each located.
      const rules = await loadRules()
      const config = await loadConfig(rules)
      const skip = name === 'every-but-crds' ? 'CustomResourceDefinition' : undefined
      let skipped = 0
      const every: Rule = {
        meta: {id: 'bench-every-object', description: 'Reports every object.', severity: 'warning', category: 'input', messages: {reported: 'reported'}},
        check({index, report}) {
          skipped = 0
          for (const r of index.resources) {
            if (r.kind === skip) skipped++
            else report({target: r, path: ['metadata', 'name'], messageId: 'reported'})
          }
        },
      }
      measured = await repeat(reps, async () => {
        const result = await lint(await loadPaths(paths, {limits: config.settings.limits}), config, [...rules, every])
        return {findings: result.findings.length, located: result.findings.filter((f) => f.start !== undefined).length, skipped}
      })
      break
    }

    case 'phases': {
      const rules = await loadRules()
      const config = await loadConfig(rules)
      const ruleTimes: Record<string, number> = {}
      // The exposure model is built by the first rule that reads it and shared by the others: timed apart, as its own step before the rules.
      const model: Rule = {
        meta: {id: EXPOSURE_MODEL, description: 'the exposure model, built once for the rules that read it', severity: 'info', category: 'workloads', messages: {built: 'built'}},
        check: ({index}) => void exposureModel(index),
      }
      const timed: Rule[] = [model, ...rules].map((rule) => ({
        meta: rule.meta,
        check(context) {
          const start = performance.now()
          try {
            rule.check(context)
          } finally {
            ruleTimes[rule.meta.id] = (ruleTimes[rule.meta.id] ?? 0) + performance.now() - start
          }
        },
      }))
      measured = await repeat(reps, async () => {
        for (const id of Object.keys(ruleTimes)) delete ruleTimes[id]
        const t0 = performance.now()
        const input = await loadPaths(paths, {limits: config.settings.limits})
        const t1 = performance.now()
        const result = await lint(input, config, timed)
        const t2 = performance.now()
        const rulesMs = Object.values(ruleTimes).reduce((a, b) => a + b, 0)
        return {
          loadMs: t1 - t0,
          rulesMs,
          // The engine's own work: building the index, locating findings, sorting them.
          engineMs: t2 - t1 - rulesMs,
          findings: result.findings.length,
          ruleTimes: {...ruleTimes},
        }
      })
      break
    }

    case 'reparse': {
      const files = (await expandPaths(paths)).files.filter((f) => f !== '-')
      const chunks = files.flatMap((f) => splitDocuments(readFileSync(f, 'utf8')))
      const plain = chunks.filter((c) => c.text.length < ITEM_SPANS_FROM && plainDocument(c.text)).length
      const yaml = await import('yaml')
      const locatorMs: number[] = []
      const treeMs: number[] = []
      const yamlMs: number[] = []
      // One finding in every document, located as k8s-net does (the line reader where it reads the document, else the
      // position tree), then with the position tree for every document, then with the `yaml` library's parse.
      const locateAll = async (cache: () => TreeCache): Promise<number> => {
        const start = performance.now()
        for (const chunk of chunks) await new FileLocator([{...chunk, index: 0}], cache()).locate(0, ['metadata', 'name'])
        return performance.now() - start
      }

      measured = await repeat(reps, async () => {
        locatorMs.push(await locateAll(() => new TreeCache()))
        treeMs.push(await locateAll(() => new TreeOnly()))
        const start = performance.now()
        for (const chunk of chunks) yaml.parseDocument(chunk.text, {uniqueKeys: false, strict: false})
        yamlMs.push(performance.now() - start)
        return {documents: chunks.length, plain, locatorMs, treeMs, yamlMs}
      })
      break
    }

    default: {
      throw new Error(`unknown case ${name}`)
    }
  }

  const result: WorkerResult = {case: name, ...measured, ...firstRun}
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

await main()
