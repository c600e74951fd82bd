/**
 * `npm run bench`: every figure of bench/README.md, measured in one run on
 * this machine and written back into that file (between the results markers)
 * and into bench/results/latest.json.
 *
 * Each measured case runs in child processes of its own (bench/worker.ts),
 * taken in turn with the case it is compared to, so that each has its own
 * peak memory and both meet the same changing load. Figures are compared as
 * ratios taken in the same run: the machines this runs on are shared and
 * noisy.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {clusterStartup} from './cluster-startup.js'
import {appAsList, generateApp, writeApp} from './generate.js'
import {hostileInputs} from './hostile.js'
import {peerComparison} from './peers.js'
import {EXPOSURE_MODEL, FIRST_RUN_DONE, type WorkerResult} from './protocol.js'
import {median} from './stats.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const WORKER = path.join(REPO, 'dist/bench/worker.js')
const RSS_PROBE = path.join(REPO, 'dist/bench/rss-probe.js')
const README = path.join(REPO, 'bench/README.md')
const SIZES = [1000, 10_000, 50_000]
const REPS: Record<number, number> = {1000: 40, 10_000: 8, 50_000: 3}
const START = '<!-- results:start -->'
const END = '<!-- results:end -->'

/** The shared corpus of real manifests, if this machine has it. */
function findCorpus(): string | undefined {
  const candidates = [process.env.K8S_NET_CORPUS, path.resolve(REPO, '../shared/corpus'), '/work/shared/corpus']
  return candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c))
}

/** One case's samples over all its processes. */
interface Measured {
  /** Warm repetitions (the second half of each process's): wall and CPU milliseconds. */
  wall: number[]
  cpu: number[]
  /** First repetition of each process. */
  coldWall: number[]
  coldCpu: number[]
  /** Peak RSS of one run, module loading included, in kB. */
  maxRssKb: number
  /** Largest heap in use in one run, just before a garbage collection or at the end, in MB: the heap's peak. */
  peakHeapMb: number
  /** What the last repetition counted. */
  details: Record<string, unknown>
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

/** Runs a worker; with `traceGc`, also reads the peak heap of its first run off V8's GC trace (which slows it: not for timing). */
function runWorker(name: string, reps: number, paths: string[], traceGc = false): WorkerResult & {peakHeapMb: number} {
  const run = spawnSync(process.execPath, [...(traceGc ? ['--trace-gc'] : []), WORKER, name, String(reps), ...paths], {
    encoding: 'utf8',
    cwd: REPO,
    maxBuffer: 256 * 1024 * 1024,
  })
  const lines = run.stdout.trim().split('\n')
  const line = lines.findLast((l) => l.startsWith('{"case"'))
  if (run.status !== 0 || !line) throw new Error(`bench case ${name} failed (exit ${run.status}):\n${run.stderr}`)
  const result = JSON.parse(line) as WorkerResult
  // --trace-gc prints "... Scavenge 41.2 (44.1) -> 38.0 (45.3) MB ...": the first figure is the heap in use before collecting.
  // The heap's peak in the first run is the largest of those before it ended, or what was in use when it ended.
  let peakHeapMb = result.heapUsedMb
  for (const l of lines) {
    if (l === FIRST_RUN_DONE) break
    const m = /: (?:Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact)[^\d]*([\d.]+) \([\d.]+\) -> /.exec(l)
    if (m) peakHeapMb = Math.max(peakHeapMb, Number(m[1]))
  }

  return {...result, peakHeapMb}
}

/**
 * Runs the cases in turn, `rounds` times (floor, lint, floor, lint...), each
 * time in a new process doing `reps` repetitions: alternating spreads the
 * machine's changing load over all cases alike. Then once more each, alone,
 * for its memory.
 */
function measure(names: string[], rounds: number, reps: number, paths: string[]): Record<string, Measured> {
  const out: Record<string, Measured> = {}
  for (const name of names) out[name] = {wall: [], cpu: [], coldWall: [], coldCpu: [], maxRssKb: 0, peakHeapMb: 0, details: {}}
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const result = runWorker(name, reps, paths)
      const m = out[name]!
      m.coldWall.push(result.times[0]!)
      m.coldCpu.push(result.cpu[0]!)
      // Warm: the second half of the repetitions, when the code has been optimised (a short run takes many to get there).
      const warm = Math.max(1, Math.floor(reps / 2))
      m.wall.push(...result.times.slice(warm))
      m.cpu.push(...result.cpu.slice(warm))
      m.details = result.details
    }
  }

  for (const name of names) {
    const {maxRssKb, peakHeapMb} = runWorker(name, 1, paths, true)
    Object.assign(out[name]!, {maxRssKb, peakHeapMb})
  }

  return out
}

/** Runs a command, as `node <args>`, timing it. */
function wall(args: string[], cwd = REPO, env?: NodeJS.ProcessEnv): {ms: number; status: number | null; stderr: string; stdout: string} {
  const start = performance.now()
  const run = spawnSync(process.execPath, args, {encoding: 'utf8', cwd, env: env && {...process.env, ...env}, maxBuffer: 64 * 1024 * 1024})
  return {ms: performance.now() - start, status: run.status, stderr: run.stderr, stdout: run.stdout}
}

/** Runs a command with the probe that reports its peak RSS (kB) and CPU time (ms); stderr comes back without the probe's line. */
function probe(args: string[], cwd = REPO, env?: NodeJS.ProcessEnv): ReturnType<typeof wall> & {rss: number; cpu: number} {
  const run = wall(['--import', RSS_PROBE, ...args], cwd, env)
  const m = /k8s-net-bench rss=(\d+) cpu=([\d.]+)\n?/.exec(run.stderr)
  if (!m) throw new Error(`no probe line from node ${args.join(' ')}:\n${run.stderr}`)
  return {...run, stderr: run.stderr.replace(m[0], ''), rss: Number(m[1]), cpu: Number(m[2])}
}

/** The package as users install it: `npm pack`, the tarball installed into an empty project (dependencies from the npm cache first). Returns the project. */
function packAndInstall(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-installed-'))
  const pack = spawnSync('npm', ['pack', '--pack-destination', dir], {cwd: REPO, encoding: 'utf8'})
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`)
  writeFileSync(path.join(dir, 'package.json'), '{"name": "k8s-net-bench", "private": true}\n')
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(dir, pack.stdout.trim())], {cwd: dir, encoding: 'utf8'})
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`)
  return dir
}

let installedProject: string | undefined
/** The installed copy, made once for the cases that run k8s-net as users do (the corpus against its peers, the cold start). */
function installedCopy(): string {
  return (installedProject ??= packAndInstall())
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))
/** A table row; with `base`, times are followed by their ratio to it. */
const row = (label: string, m: Measured, base?: Measured): string => {
  const vs = (value: number, of: number): string => (base ? ` (${ratio(value, of)})` : '')
  return `| ${label} | ${fmt(median(m.coldWall))} ms${vs(median(m.coldWall), median(base?.coldWall ?? [1]))} | ${fmt(median(m.wall))} ms${vs(median(m.wall), median(base?.wall ?? [1]))} | ${fmt(median(m.cpu))} ms${vs(median(m.cpu), median(base?.cpu ?? [1]))} | ${mb(m.maxRssKb)} MB | ${m.peakHeapMb.toFixed(0)} MB |`
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
const share = (ms: number, p: {loadMs: number; rulesMs: number; engineMs: number}): string =>
  `${((100 * ms) / (p.loadMs + p.rulesMs + p.engineMs)).toFixed(1)}%`

const mb = (kb: number): string => (kb / 1024).toFixed(0)
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
const mark = (ok: boolean): string => (ok ? 'met' : '**not met**')

async function main(): Promise<void> {
  if (!existsSync(WORKER)) throw new Error('run `npm run bench` (it builds dist/ and dist/bench/ first)')
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-bench-'))
  const sections: string[] = []
  const json: Record<string, unknown> = {}
  const cleanup: string[] = [tmp]
  try {
    const rules = wall(['bin/run.cjs', 'rules', '--json'])
    const ruleIds = (JSON.parse(rules.stdout) as Array<{id: string}>).map((r) => r.id)
    json.rules = ruleIds

    // 1. The corpus against the floor.
    const corpus = findCorpus()
    if (corpus) {
      log(`corpus: ${corpus}`)
      const measured = measure(['floor', 'lint', 'every-but-crds', 'every-object'], 3, 4, [corpus])
      const {floor, lint: linted} = measured as {floor: Measured; lint: Measured}
      const everyButCrds = measured['every-but-crds']!
      const everyObject = measured['every-object']!
      const phases = runWorker('phases', 4, [corpus])
      const reparse = runWorker('reparse', 4, [corpus])
      json.corpus = {floor, linted, everyButCrds, everyObject, phases, reparse}
      const d = linted.details as {files: number; objects: number; findings: number; byRule: Record<string, number>}
      const fd = floor.details as {documents: number}
      const p = phases.details as {loadMs: number; rulesMs: number; engineMs: number; ruleTimes: Record<string, number>}
      const rd = reparse.details as {documents: number; plain: number; locatorMs: number[]; treeMs: number[]; yamlMs: number[]}
      // Warm repetitions only.
      const r = {documents: rd.documents, plain: rd.plain, locatorMs: median(rd.locatorMs.slice(1)), treeMs: median(rd.treeMs.slice(1)), yamlMs: median(rd.yamlMs.slice(1))}
      const wallRatio = median(linted.wall) / median(floor.wall)
      const cpuRatio = median(linted.cpu) / median(floor.cpu)
      sections.push(
        [
          `### Corpus: ${d.files} files, ${d.objects} objects (${fd.documents} YAML documents), all ${ruleIds.length} rules`,
          '',
          '| run | cold (first run in a process) | warm, wall | warm, CPU | peak RSS | peak heap |',
          '|---|---:|---:|---:|---:|---:|',
          row('floor: js-yaml `loadAll`', floor),
          row('k8s-net `lintFiles`', linted),
          `| ratio | ${ratio(median(linted.coldWall), median(floor.coldWall))} | **${wallRatio.toFixed(2)}×** | **${cpuRatio.toFixed(2)}×** | ${ratio(linted.maxRssKb, floor.maxRssKb)} | ${ratio(linted.peakHeapMb, floor.peakHeapMb)} |`,
          row(`with a finding on every object but the ${(everyButCrds.details as {skipped: number}).skipped} CRDs (${(everyButCrds.details as {located: number}).located} located)`, everyButCrds, floor),
          row(`with a finding on every object (${(everyObject.details as {located: number}).located} located)`, everyObject, floor),
          '',
          `Target: warm lint within 1.5× the floor: ${mark(wallRatio <= 1.5 && cpuRatio <= 1.5)}. Findings: ${d.findings} (${formatByRule(d.byRule)}). The last two rows add a rule that reports every object, to show what locating findings costs at most: each document with a finding is read once more (line by line in plain block style, else parsed).`,
          '',
          `Where a warm run goes (${fmt(p.loadMs + p.rulesMs + p.engineMs)} ms in that process): reading and parsing ${share(p.loadMs, p)}, rules ${share(p.rulesMs, p)}, engine (index, locating, sorting) ${share(p.engineMs, p)}. Slowest rules: ${slowest(withoutModel(p.ruleTimes))}; before them, ${EXPOSURE_MODEL} (built once, for the rules that read it) ${fmt(p.ruleTimes[EXPOSURE_MODEL] ?? 0)} ms.`,
          '',
          `Locating reads each document that has a finding once more: line by line when it is in plain block style (${r.plain} of the ${r.documents} documents), else with a parse that records positions. With a finding in every document: ${fmt(r.locatorMs)} ms as k8s-net locates, ${fmt(r.treeMs)} ms with the js-yaml position tree for every document (${ratio(r.treeMs, r.locatorMs)}), against ${fmt(r.yamlMs)} ms for the \`yaml\` library's parse (${ratio(r.yamlMs, r.locatorMs)}).`,
        ].join('\n'),
      )

      // 1b. Whole processes against the Go linters, with and without --cache (bench/peers.ts).
      const project = installedCopy()
      cleanup.push(project)
      const peers = peerComparison(REPO, path.join(project, 'node_modules', 'k8s-net', 'bin', 'run.cjs'), corpus, path.join(tmp, 'cache'), log)
      json.peers = peers.json
      sections.push(peers.section)
    } else {
      log('corpus: not found (set K8S_NET_CORPUS); skipping the corpus case')
      sections.push('### Corpus\n\nSkipped: no corpus on this machine (set `K8S_NET_CORPUS`).')
    }

    // 2. Synthetic applications of growing size.
    const rows: string[] = []
    const perObject: number[] = []
    let listRow = ''
    let planted: Record<string, number> = {}
    let peakAt50k = 0
    for (const n of SIZES) {
      const app = generateApp(n)
      planted = app.planted
      const dir = path.join(tmp, `app-${n}`)
      const files = writeApp(app, dir)
      log(`synthetic: ${n} objects in ${files} files`)
      // Enough repetitions that the small runs too are timed with the code optimised, as the large ones mostly are.
      const {floor, lint: linted} = measure(['floor', 'lint'], 2, REPS[n]!, [dir]) as {floor: Measured; lint: Measured}
      const d = linted.details as {objects: number; findings: number; byRule: Record<string, number>}
      json[`synthetic-${n}`] = {planted: app.planted, floor, linted}
      const cpu = median(linted.cpu)
      perObject.push(cpu / n)
      if (n === 50_000) peakAt50k = linted.maxRssKb
      rows.push(
        `| ${n.toLocaleString('en')} | ${files.toLocaleString('en')} | ${fmt(median(floor.wall))} / ${fmt(median(floor.cpu))} ms | ${fmt(median(linted.wall))} / ${fmt(cpu)} ms | ${((cpu / n) * 1000).toFixed(1)} µs | ${ratio(cpu, median(floor.cpu))} | ${d.findings} | ${mb(linted.maxRssKb)} MB | ${linted.peakHeapMb.toFixed(0)} MB |`,
      )
      if (n === 10_000) {
        const list = path.join(tmp, 'list-10000.yaml')
        writeFileSync(list, appAsList(app))
        const {floor: lf, lint: ll} = measure(['floor', 'lint'], 2, 3, [list]) as {floor: Measured; lint: Measured}
        json['list-10000'] = {floor: lf, linted: ll}
        listRow = `The same 10,000 objects as one \`kind: List\` document (as \`kubectl get -o yaml\` prints them), where every finding lands in the same document: floor ${fmt(median(lf.cpu))} ms, lint ${fmt(median(ll.cpu))} ms CPU (${ratio(median(ll.cpu), median(lf.cpu))}), ${(ll.details as {findings: number}).findings} findings, peak RSS ${mb(ll.maxRssKb)} MB.`
      }
    }

    const spread = Math.max(...perObject) / Math.min(...perObject)
    sections.push(
      [
        '### Synthetic applications (times: warm wall / CPU)',
        '',
        '| objects | files | floor | lint | CPU per object | ratio (CPU) | findings | peak RSS | peak heap |',
        '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...rows,
        '',
        `Target: time per object flat from 1k to 50k: the largest is ${spread.toFixed(2)}× the smallest (${mark(spread <= 1.25)}, taking flat as within 25%).`,
        '',
        `Target: peak RSS of one run at 50,000 objects under 300 MB: ${mb(peakAt50k)} MB (${mark(peakAt50k / 1024 < 300)}).`,
        '',
        listRow,
        '',
        `Planted in the 50,000-object application: ${Object.entries(planted).map(([k, v]) => `${v} ${k}`).join(', ')}.`,
      ].join('\n'),
    )

    // 3. Cold start of the command.
    const project = installedCopy()
    if (!cleanup.includes(project)) cleanup.push(project)
    const installed = path.join(project, 'node_modules', 'k8s-net')
    const small = path.join(REPO, 'examples/shop.yaml')
    // This first run also writes the code cache the installed runs below start from (see bin/run.cjs).
    const check = probe([path.join(installed, 'bin/run.cjs'), 'lint', small])
    if (check.status === null || check.status > 1 || check.stderr !== '') throw new Error(`k8s-net lint on ${small} failed:\n${check.stderr}`)
    const config = path.join(tmp, 'k8s-net.yaml')
    writeFileSync(config, 'rules:\n  nodeport-conflict: error\n')
    const starts: Record<string, {wall: number[]; cpu: number[]}> = {}
    for (const key of ['node', 'installed', 'uncached', 'config', 'clone']) starts[key] = {wall: [], cpu: []}
    const noCache = {NODE_DISABLE_COMPILE_CACHE: '1'}
    for (let i = 0; i < 15; i++) {
      for (const [key, args, env] of [
        ['node', ['-e', '0']],
        ['installed', [path.join(installed, 'bin/run.cjs'), 'lint', small]],
        ['uncached', [path.join(installed, 'bin/run.cjs'), 'lint', small], noCache],
        ['config', [path.join(installed, 'bin/run.cjs'), 'lint', small, '--config', config]],
        ['clone', ['bin/run.cjs', 'lint', small]],
      ] as const) {
        const run = probe([...args], REPO, env)
        starts[key]!.wall.push(run.ms)
        starts[key]!.cpu.push(run.cpu)
      }
    }

    const imports = Object.fromEntries(
      [
        ['@oclif/core (its execute entry point)', '@oclif/core/execute'],
        ['the lint command module (with @oclif/core)', path.join(REPO, 'dist/src/commands/lint.js')],
        ['the library (src/index.js, without oclif)', path.join(REPO, 'dist/src/index.js')],
        ['yaml (off the path now)', 'yaml'],
      ].map(([label, specifier]) => [label!, median(Array.from({length: 9}, () => importTime(specifier!)))]),
    )
    json.startup = {...starts, imports}
    const startRow = (label: string, key: string): string => {
      const {wall, cpu} = starts[key]!
      const base = starts.node!
      return `| ${label} | ${fmt(median(wall))} ms (${ratio(median(wall), median(base.wall))}) | ${fmt(median(cpu))} ms (${ratio(median(cpu), median(base.cpu))}) |`
    }

    const startRatio = Math.max(median(starts.installed!.wall) / median(starts.node!.wall), median(starts.installed!.cpu) / median(starts.node!.cpu))
    sections.push(
      [
        `### Cold start: \`k8s-net lint examples/shop.yaml\` (${plural(check.stdout.split('\n').filter((l) => /^\s+\d+:\d+/.test(l)).length, 'finding')}, located)`,
        '',
        '| run (median of 15, taken in turn) | wall | CPU |',
        '|---|---:|---:|',
        startRow('`node -e 0`', 'node'),
        startRow('installed from the tarball (`npm pack`, `npm install`: lib/cli.cjs, with the code cache of an earlier run)', 'installed'),
        startRow('installed, without a code cache (NODE_DISABLE_COMPILE_CACHE=1: as the first run after an install)', 'uncached'),
        startRow('installed, with a config file (read with the `yaml` library)', 'config'),
        startRow('from a clone (bin/run.cjs over its compiled dist/)', 'clone'),
        '',
        `Target: installed within 2× \`node -e 0\` (the larger of the wall and CPU ratios): ${startRatio.toFixed(2)}×, ${mark(startRatio <= 2)}.`,
        '',
        `What the start-up spends, as import times (median of 9 fresh processes each): ${Object.entries(imports).map(([k, v]) => `${k} ${fmt(v)} ms`).join('; ')}.`,
      ].join('\n'),
    )

    // 3b. Cluster start-up against linting one file (bench/cluster-startup.ts).
    const cluster = await clusterStartup(path.join(installed, 'bin/run.cjs'))
    json.clusterStartup = {fileMs: cluster.file, clusterMs: cluster.cluster, ratio: cluster.ratio}
    sections.push(cluster.section)

    // 4. Hostile input through the command: time, exit code, memory.
    const hostileDir = path.join(tmp, 'hostile')
    mkdirSync(hostileDir)
    const hostile = hostileInputs(hostileDir)
    const hostileRows: string[] = []
    for (const h of hostile) {
      const run = probe([path.join(REPO, 'bin/run.cjs'), 'lint', ...h.args], hostileDir)
      const firstLine = run.stdout.split('\n').find((l) => /^\s+\d+:\d+/.test(l))?.trim() ?? run.stderr.trim().split('\n')[0] ?? ''
      hostileRows.push(
        `| ${h.name} | ${fmt(run.ms)} ms | ${run.status} | ${mb(run.rss)} MB | ${/\n\s+at /.test(run.stderr) ? '**stack trace**' : 'none'} | ${firstLine.replaceAll('|', '\\|')} |`,
      )
    }

    json.hostile = hostileRows
    sections.push(
      [
        '### Hostile input, through the command',
        '',
        '| input | time | exit | peak RSS | stack trace | first line reported |',
        '|---|---:|---:|---:|---|---|',
        ...hostileRows,
      ].join('\n'),
    )
  } finally {
    for (const dir of cleanup) rmSync(dir, {recursive: true, force: true})
  }

  const header = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)} at the end), Node ${process.version}.`
  const body = `${START}\n${header}\n\n${sections.join('\n\n')}\n${END}`
  const readme = readFileSync(README, 'utf8')
  const from = readme.indexOf(START)
  const to = readme.indexOf(END)
  if (from === -1 || to === -1) throw new Error(`bench/README.md has lost its ${START} / ${END} markers`)
  writeFileSync(README, readme.slice(0, from) + body + readme.slice(to + END.length))
  mkdirSync(path.join(REPO, 'bench/results'), {recursive: true})
  writeFileSync(path.join(REPO, 'bench/results/latest.json'), `${JSON.stringify(json, null, 2)}\n`)
  process.stdout.write(`${body}\n\nWritten to bench/README.md and bench/results/latest.json.\n`)
}

function importTime(specifier: string): number {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t))`], {
    encoding: 'utf8',
    cwd: REPO,
  })
  return Number(run.stdout)
}

function formatByRule(byRule: Record<string, number>): string {
  const entries = Object.entries(byRule).sort((a, b) => b[1] - a[1])
  return entries.length === 0 ? 'none' : entries.map(([id, n]) => `${id} ${n}`).join(', ')
}

/** Rule times without the exposure model's, which the phases case times as a step of its own. */
function withoutModel(times: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(times).filter(([id]) => id !== EXPOSURE_MODEL))
}

function slowest(times: Record<string, number>): string {
  return (
    Object.entries(times)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([id, ms]) => `${id} ${fmt(ms)} ms`)
      .join(', ') || 'none'
  )
}

await main()
