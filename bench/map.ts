/**
 * `npm run bench:map`: what `map` costs beside `lint`, in one process, taken
 * in turn so that both meet the same load on a shared machine.
 *
 * - The corpus (../shared/corpus, or K8S_NET_CORPUS): `mapFiles` and the text
 *   rendering against `lintFiles` with every rule; target: map within 1.3×.
 * - Synthetic applications (bench/generate.ts) of 1,000 to 20,000 objects:
 *   map's CPU time per object; target: flat (at 20,000 objects at most 1.25×
 *   what it is at 1,000), as the model must never match pairwise.
 *
 * Prints a Markdown table; nothing is written.
 */
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {lintFiles, mapFiles, renderMap} from '../src/index.js'
import {generateApp, writeApp} from './generate.js'
import {median} from './stats.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const cpuNow = (): number => {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
}

async function timed(run: () => Promise<unknown>): Promise<{wall: number; cpu: number}> {
  const start = performance.now()
  const cpu = cpuNow()
  await run()
  return {wall: performance.now() - start, cpu: cpuNow() - cpu}
}

const lint = (paths: string[]) => async () => lintFiles(paths, {cwd: REPO})
const map = (paths: string[]) => async () => renderMap(await mapFiles(paths, {cwd: REPO}), 'text')

/** Warm medians of two runs taken in turn; the first `warmup` rounds are dropped. */
async function compare(paths: string[], reps: number, warmup: number) {
  const a = {wall: [] as number[], cpu: [] as number[]}
  const b = {wall: [] as number[], cpu: [] as number[]}
  for (let i = 0; i < reps + warmup; i++) {
    const x = await timed(lint(paths))
    const y = await timed(map(paths))
    if (i < warmup) continue
    a.wall.push(x.wall)
    a.cpu.push(x.cpu)
    b.wall.push(y.wall)
    b.cpu.push(y.cpu)
  }

  return {lint: {wall: median(a.wall), cpu: median(a.cpu)}, map: {wall: median(b.wall), cpu: median(b.cpu)}}
}

const ms = (n: number): string => `${n.toFixed(0)} ms`

async function main(): Promise<void> {
  const corpus = [process.env.K8S_NET_CORPUS, path.resolve(REPO, '../shared/corpus'), '/work/shared/corpus'].find((c): c is string => Boolean(c) && existsSync(c!))
  const lines: string[] = []
  if (corpus) {
    const r = await compare([corpus], 12, 3)
    lines.push(`### Corpus (${corpus})`, '', '| run | warm wall | warm CPU |', '|---|---:|---:|')
    lines.push(`| lint (lintFiles, every rule) | ${ms(r.lint.wall)} | ${ms(r.lint.cpu)} |`, `| map (mapFiles + text) | ${ms(r.map.wall)} | ${ms(r.map.cpu)} |`)
    lines.push(`| ratio map / lint | ${(r.map.wall / r.lint.wall).toFixed(2)}× | ${(r.map.cpu / r.lint.cpu).toFixed(2)}× |`, '', 'Target: map within 1.3× lint.', '')
  }

  lines.push('### Synthetic applications: map, CPU per object', '', '| objects | lint CPU | map CPU | map CPU per object | map / lint |', '|---:|---:|---:|---:|---:|')
  const perObject: number[] = []
  for (const n of [1000, 5000, 20_000]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-bench-map-'))
    try {
      const app = generateApp(n)
      writeApp(app, dir)
      const r = await compare([dir], n >= 20_000 ? 3 : 6, 1)
      perObject.push(r.map.cpu / app.objects)
      lines.push(`| ${app.objects.toLocaleString('en')} | ${ms(r.lint.cpu)} | ${ms(r.map.cpu)} | ${((r.map.cpu / app.objects) * 1000).toFixed(1)} µs | ${(r.map.cpu / r.lint.cpu).toFixed(2)}× |`)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  }

  // Flat: the time per object must not grow with the size (fixed costs make small inputs dearer per object).
  lines.push('', `CPU per object at 20,000 objects / at 1,000: ${(perObject.at(-1)! / perObject[0]!).toFixed(2)}× (target: at most 1.25×).`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

await main()
