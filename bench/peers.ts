/**
 * The corpus as users run it: whole processes, start-up included, taken in
 * turn round after round so that the machine's changing load falls on all
 * alike, each with its wall and CPU time (all its threads). k8s-net (as
 * installed from its tarball: the bundle in lib/, with its code cache) without
 * and with `--cache` (its second run over unchanged files, which reuses the
 * whole result), on one thread and on parsing threads (`K8S_NET_THREADS`),
 * the Go linters kube-linter and kube-score on the same inputs, and the
 * single-threaded js-yaml floor (bench/floor.ts). Figures are medians,
 * compared as ratios taken in this run.
 *
 * kube-linter comes from `../shared/peers/bin` (or K8S_NET_KUBE_LINTER);
 * kube-score from K8S_NET_KUBE_SCORE, `go env GOPATH`/bin, or `go install`
 * when Go is present. A peer that is absent is skipped, saying so.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {manifestFiles} from './manifests.js'

const KUBE_SCORE = 'github.com/zegl/kube-score/cmd/kube-score@v1.20.0'

export interface PeerFigures {
  section: string
  json: Record<string, unknown>
}

interface Timed {
  ms: number[]
  cpuMs: number[]
  status: number | null
  stderr: string
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function run(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): {ms: number; cpuMs: number; status: number | null; stderr: string; stdout: string} {
  const before = childrenCpuMs()
  const start = performance.now()
  const r = spawnSync(command, args, {encoding: 'utf8', cwd, maxBuffer: 256 * 1024 * 1024, env: env ? {...process.env, ...env} : undefined})
  const ms = performance.now() - start
  return {ms, cpuMs: childrenCpuMs() - before, status: r.status, stderr: r.stderr ?? String(r.error ?? ''), stdout: r.stdout ?? ''}
}

/**
 * CPU time of the children waited for so far, all their threads (Linux:
 * cutime and cstime of /proc/self/stat, in clock ticks of 10 ms); NaN elsewhere.
 */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // After the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) * 10
  } catch {
    return Number.NaN
  }
}

function findKubeLinter(repo: string): string | undefined {
  const candidates = [process.env.K8S_NET_KUBE_LINTER, path.resolve(repo, '../shared/peers/bin/kube-linter'), '/work/shared/peers/bin/kube-linter']
  return candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c))
}

/** kube-score, installed with `go install` when it is not yet; undefined (with the reason) when there is no Go. */
function findKubeScore(log: (line: string) => void): {bin?: string; reason?: string} {
  if (process.env.K8S_NET_KUBE_SCORE && existsSync(process.env.K8S_NET_KUBE_SCORE)) return {bin: process.env.K8S_NET_KUBE_SCORE}
  const gopath = spawnSync('go', ['env', 'GOPATH'], {encoding: 'utf8'})
  if (gopath.status !== 0 || gopath.error) return {reason: 'Go is not installed (kube-score installs with `go install`)'}
  const bin = path.join(gopath.stdout.trim().split(path.delimiter)[0]!, 'bin', 'kube-score')
  if (existsSync(bin)) return {bin}
  log(`kube-score: go install ${KUBE_SCORE}`)
  mkdirSync(path.dirname(bin), {recursive: true})
  const install = spawnSync('go', ['install', KUBE_SCORE], {encoding: 'utf8', cwd: os.tmpdir(), env: {...process.env, GOBIN: path.dirname(bin)}})
  return install.status === 0 && existsSync(bin) ? {bin} : {reason: `go install ${KUBE_SCORE} failed: ${install.stderr.trim().split('\n').at(-1)}`}
}

function printsReport(stdout: string): boolean {
  try {
    return Array.isArray((JSON.parse(stdout) as {findings?: unknown}).findings)
  } catch {
    return false
  }
}

/** The corpus against the peers and the floor; `cacheDir` holds the cache of the `--cache` runs. */
export function peerComparison(repo: string, bin: string, corpus: string, cacheDir: string, log: (line: string) => void, rounds = 5): PeerFigures {
  // Relative to the corpus, where every command runs.
  const files = manifestFiles(corpus).map((f) => path.relative(corpus, f))
  const node = process.execPath
  // `bin`: bin/run.cjs of k8s-net installed from its tarball, as users run it (a compiled clone's bin/run.cjs runs dist/ instead).
  const floor = path.join(repo, 'dist/bench/floor.js')
  const kubeLinter = findKubeLinter(repo)
  const kubeScore = findKubeScore(log)
  const notes: string[] = []
  if (!kubeLinter) notes.push('kube-linter: skipped, not found in ../shared/peers/bin (set K8S_NET_KUBE_LINTER).')
  if (!kubeScore.bin) notes.push(`kube-score: skipped, ${kubeScore.reason}.`)

  // kube-score refuses some files (flow-mapping YAML) and one refusal ends its run: find the files it takes, one by one, untimed.
  let accepted: string[] = []
  if (kubeScore.bin) {
    accepted = files.filter((f) => {
      // It exits 1 both for findings and for a refusal: a refusal prints no report (a file with nothing it scores prints null).
      const r = spawnSync(kubeScore.bin!, ['score', f, '-o', 'json'], {encoding: 'utf8', cwd: corpus})
      return (r.status === 0 || r.status === 1) && r.stdout.trim() !== ''
    })
    log(`kube-score takes ${accepted.length} of ${files.length} files`)
  }

  const threads = Math.min(os.availableParallelism(), 8)
  const cases: Array<{key: string; label: string; command: string; args: string[]; env?: NodeJS.ProcessEnv}> = [
    {key: 'floor', label: 'floor: js-yaml `loadAll`, one thread (bench/floor.ts)', command: node, args: [floor, '.']},
    {key: 'lint', label: 'k8s-net `lint .` (parsing threads when the machine has cores to spare)', command: node, args: [bin, 'lint', '.', '--format', 'json']},
    {key: 'lintOneThread', label: 'k8s-net `lint .`, one thread (`K8S_NET_THREADS=1`)', command: node, args: [bin, 'lint', '.', '--format', 'json'], env: {K8S_NET_THREADS: '1'}},
    {
      key: 'lintThreads',
      label: `k8s-net \`lint .\`, ${threads} threads (\`K8S_NET_THREADS=${threads}\`, whatever the load)`,
      command: node,
      args: [bin, 'lint', '.', '--format', 'json'],
      env: {K8S_NET_THREADS: String(threads)},
    },
    {key: 'cached', label: 'k8s-net `lint . --cache`, second run', command: node, args: [bin, 'lint', '.', '--format', 'json', '--cache', '--cache-location', `${cacheDir}/`]},
  ]
  if (kubeLinter) cases.push({key: 'kubeLinter', label: 'kube-linter v0.7.6 `lint .` (default checks)', command: kubeLinter, args: ['lint', '.', '--format', 'json']})
  if (kubeScore.bin && accepted.length > 0) {
    cases.push(
      {key: 'kubeScore', label: `kube-score v1.20.0 \`score\` on the ${accepted.length} files it takes`, command: kubeScore.bin, args: ['score', ...accepted, '-o', 'json']},
      {key: 'lintAccepted', label: `k8s-net \`lint\` on the same ${accepted.length} files`, command: node, args: [bin, 'lint', ...accepted, '--format', 'json']},
    )
  }

  // The cache's first run, untimed: the timed runs are all second runs over unchanged files.
  const first = run(node, cases.find((c) => c.key === 'cached')!.args, corpus)
  if (first.status === null || first.status > 1) throw new Error(`k8s-net lint --cache failed:\n${first.stderr}`)
  // A run that fails before it lints (exit 1 from Node itself) would pass for a fast one: it must print its findings.
  if (!printsReport(first.stdout)) throw new Error(`k8s-net lint --cache printed no report (exit ${first.status}):\n${first.stderr}`)
  const timed: Record<string, Timed> = {}
  for (const c of cases) timed[c.key] = {ms: [], cpuMs: [], status: null, stderr: ''}
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const r = run(c.command, c.args, corpus, c.env)
      timed[c.key]!.ms.push(r.ms)
      timed[c.key]!.cpuMs.push(r.cpuMs)
      timed[c.key]!.status = r.status
      timed[c.key]!.stderr = r.stderr
    }
  }

  const m = (key: string): number | undefined => (timed[key] ? median(timed[key]!.ms) : undefined)
  const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
  const x = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
  const mark = (ok: boolean): string => (ok ? 'met' : '**not met**')
  const floorMs = m('floor')!
  const cpu = (key: string): string => (Number.isNaN(median(timed[key]!.cpuMs)) ? 'n/a' : fmt(median(timed[key]!.cpuMs)))
  const rows = cases.map((c) => `| ${c.label} | ${fmt(m(c.key)!)} | ${cpu(c.key)} | ${x(m(c.key)!, floorMs)} | ${m('kubeLinter') ? x(m(c.key)!, m('kubeLinter')!) : 'n/a'} | ${timed[c.key]!.status} |`)
  const lint = m('lint')!
  const cached = m('cached')!
  const cacheRatio = cached / lint
  const targets = [
    `- Second run with \`--cache\` over the unchanged corpus ÷ the uncached run: **${cacheRatio.toFixed(2)}×** (target ≤ 0.30: ${mark(cacheRatio <= 0.3)}).`,
    `- k8s-net ÷ the single-threaded floor, whole process: **${(lint / floorMs).toFixed(2)}×** (target ≤ 1.30: ${mark(lint / floorMs <= 1.3)}).`,
  ]
  if (m('kubeLinter')) targets.push(`- k8s-net ÷ kube-linter, whole process: **${(lint / m('kubeLinter')!).toFixed(2)}×** (target ≤ 1.00: ${mark(lint <= m('kubeLinter')!)}); with \`--cache\`: ${x(cached, m('kubeLinter')!)}.`)
  targets.push(`- Parsing threads: ${threads} threads ÷ one thread, whole process: ${x(m('lintThreads')!, m('lintOneThread')!)} wall, ${x(median(timed.lintThreads!.cpuMs), median(timed.lintOneThread!.cpuMs))} CPU (no target; the default run uses them only with two idle cores beside the main thread's: one is V8's garbage collection's).`)
  if (m('kubeScore')) targets.push(`- k8s-net ÷ kube-score on the files kube-score takes: **${(m('lintAccepted')! / m('kubeScore')!).toFixed(2)}×** (no target).`)
  const section = [
    `### The corpus, whole process, against the Go linters (${files.length} files; median of ${rounds} rounds taken in turn; load average ${os.loadavg()[0]!.toFixed(2)} at the end)`,
    '',
    '| run | wall | CPU | ÷ floor | ÷ kube-linter | exit |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    ...targets,
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n')
  return {
    section,
    json: {rounds, accepted: accepted.length, notes, timesMs: Object.fromEntries(Object.entries(timed).map(([k, v]) => [k, v.ms])), cpuMs: Object.fromEntries(Object.entries(timed).map(([k, v]) => [k, v.cpuMs]))},
  }
}
