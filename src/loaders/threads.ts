/**
 * Parsing many files on several threads.
 *
 * Parsing is most of a run over a large tree, and each file parses on its
 * own: the main thread takes files from the start of the list, and worker
 * threads (`parse-worker.ts`) from its end, each by moving a shared counter,
 * until they meet; the main thread goes on into the workers' files when
 * they lag. A worker is given only the files at the end that hold its share
 * of the text (a copy of every text in each worker cost as much memory as
 * the texts themselves). A worker sends its results back as bytes (see
 * `parse.ts`); the main thread reads them back into documents and keeps
 * every result at its file's index, so what is built from them, and in what
 * order, is what one thread builds. Results are a pure function of the text,
 * so findings and positions are the same however many threads ran.
 *
 * Threads cost a start-up (a Node 20 worker that loads the parser takes
 * some 60 ms, and as much CPU, before it parses anything, while the main
 * thread parses on) and the transfer of their results (serialising and
 * reading them back, about a quarter of their parse), so inputs smaller than
 * what the main thread parses in about half a second are parsed on the main
 * thread alone, as is everything on a machine without two cores to spare
 * (see `threadCount`). A worker that cannot start, fails or dies
 * loses nothing: the files it did not send back are parsed on the main thread.
 */
import {existsSync} from 'node:fs'
import os from 'node:os'
import type {Worker} from 'node:worker_threads'
import type {Limits} from '../engine/types.js'
import {type ParsedText, parseText} from './parse.js'
import type {ParseWorkerData, ParseWorkerMessage} from './parse-worker.js'

/** One file to parse: its text (BOMs removed) and whether it is read as JSON first. */
export interface ParseJob {
  text: string
  json: boolean
}

/** A file parsed, and its result as bytes when a worker sent it (the parse cache stores these as they are). */
export interface ParseOutcome {
  result: ParsedText
  bytes?: Uint8Array
}

/** Inputs smaller than this (characters of text) are parsed on the main thread alone: workers would cost more than they save. */
export const PARALLEL_FROM = 4 * 1024 * 1024
/** Each worker beyond the first needs this much more text to pay for itself. */
const PER_WORKER = 4 * 1024 * 1024
/** Threads used at most (the main thread included), however many cores the machine reports. */
export const MAX_THREADS = 8
/**
 * Parsing threads are used only within this nesting limit: a worker's stack
 * is not the main thread's, and deeper documents may exhaust one and not the
 * other. The parser's recursion reaches this depth well within either.
 */
const MAX_PARALLEL_DEPTH = 1000

export interface ThreadOptions {
  /** Threads to parse on, the main thread included: 1 parses on the main thread only; default: the cores available, at most MAX_THREADS. */
  threads?: number
  /** The worker module (for tests); default: `parse-worker.js` beside this module, or in the folder above (the bundle's chunks). */
  worker?: URL
  /** Whether the main thread parses its share too (default), or only waits for the workers' results. */
  mainShares?: boolean
  /** Whether outcomes keep the bytes a worker sent (for the parse cache to store as they are); default false: they go once read back. */
  keepBytes?: boolean
}

/**
 * The number of threads to parse `chars` characters of text on, the main
 * thread included: `threads` when given, else the cores the machine has and
 * does not use already (its load average says how busy they are; a worker on
 * a busy core only adds its start-up and the transfer of its results), less
 * one: V8 collects garbage on threads of its own, which keep a second core
 * busy beside the main thread (on two idle cores, a run over the corpus took
 * 1.0 s of CPU in 0.72 s on one thread, and parsing threads made every input
 * measured slower: 1.15x the wall time on the corpus, 1.04x at 10,000
 * objects, 1.18x at 50,000).
 */
export function threadCount(chars: number, limits: Limits, threads?: number, cores = os.availableParallelism(), load = os.loadavg()[0] ?? 0): number {
  const idle = Math.round(cores - 1 - load)
  const available = Math.min(threads ?? Math.min(cores - 1, 1 + idle), MAX_THREADS)
  if (available <= 1 || chars < PARALLEL_FROM || limits.maxDepth > MAX_PARALLEL_DEPTH) return 1
  return Math.max(1, Math.min(available, 2 + Math.floor((chars - PARALLEL_FROM) / PER_WORKER)))
}

/** Parses files, on several threads when they are many enough to pay for it; results in the order of the jobs. */
export async function parseFiles(jobs: readonly ParseJob[], limits: Limits, options: ThreadOptions = {}): Promise<ParseOutcome[]> {
  const chars = jobs.reduce((sum, job) => sum + job.text.length, 0)
  const count = jobs.length > 1 ? threadCount(chars, limits, options.threads) : 1
  const worker = count > 1 ? (options.worker ?? workerModule()) : undefined
  if (!worker) return jobs.map((job) => ({result: parseText(job.text, job.json, limits)}))

  // Loaded only for an input that uses them.
  const [{Worker}, {decodeParsed}] = await Promise.all([import('node:worker_threads'), import('./parsed-bytes.js')])
  const outcomes: Array<ParseOutcome | undefined> = Array.from({length: jobs.length})
  const mainShares = options.mainShares ?? true
  const next = new Int32Array(new SharedArrayBuffer(8))
  next[1] = jobs.length - 1
  // The workers are given the files at the end that hold their share of the text, not every file: each holds a copy.
  const first = mainShares ? splitAt(jobs, chars * ((count - 1) / count)) : 0
  const tail = jobs.slice(first)
  const data: ParseWorkerData = {texts: tail.map((j) => j.text), json: tail.map((j) => j.json), first, limits, next}
  const finished: Array<Promise<void>> = []
  // The workers take the process's profiling options only: the others are the process's own (-e and its script,
  // --input-type, memory limits: a worker given them does not start).
  const execArgv = workerExecArgv(process.execArgv)
  const start = (): Worker => new Worker(worker, {workerData: data, execArgv})
  const decode = (bytes: Uint8Array, text: string): ParsedText | undefined => decodeParsed(bytes, text, limits, true)
  const keepBytes = options.keepBytes ?? false
  for (let w = mainShares ? 1 : 0; w < count; w++) finished.push(runWorker(start, decode, jobs, outcomes, keepBytes))

  // The main thread takes files from the start while the workers start and run, and the workers' too if they lag.
  if (mainShares) {
    for (let i = Atomics.add(next, 0, 1); i <= Atomics.load(next, 1); i = Atomics.add(next, 0, 1)) {
      outcomes[i] = {result: parseText(jobs[i]!.text, jobs[i]!.json, limits)}
    }
  }

  await Promise.all(finished)
  // What a worker took and did not send back (and a file each side took as the other did: neither parses it).
  return outcomes.map((o, i) => o ?? {result: parseText(jobs[i]!.text, jobs[i]!.json, limits)})
}

/** The index from which the files at the end hold `share` characters of text (at least the last file). */
function splitAt(jobs: readonly ParseJob[], share: number): number {
  let sum = 0
  for (let i = jobs.length - 1; i > 0; i--) {
    sum += jobs[i]!.text.length
    if (sum >= share) return i
  }

  return 0
}

/** Runs one worker to its end; resolves (never rejects) when it is done, failed or died. */
function runWorker(
  start: () => Worker,
  decode: (bytes: Uint8Array, text: string) => ParsedText | undefined,
  jobs: readonly ParseJob[],
  outcomes: Array<ParseOutcome | undefined>,
  keepBytes: boolean,
): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = start()
    } catch {
      resolve()
      return
    }

    let settled = false
    const settle = (): void => {
      if (settled) return
      settled = true
      resolve()
      // Done or failed: it has nothing more to give. Ending it is not awaited.
      void worker.terminate().catch(() => {})
    }

    worker.on('message', (message: ParseWorkerMessage | null | undefined) => {
      // Anything but a result or `done` is ignored: what it should have sent is parsed on the main thread.
      if (typeof message !== 'object' || message === null) return
      if ('done' in message) {
        settle()
        return
      }

      const {index, bytes} = message
      const job = Number.isSafeInteger(index) ? jobs[index] : undefined
      const result = job && !outcomes[index] && bytes instanceof Uint8Array ? decode(bytes, job.text) : undefined
      // A result that does not read back is parsed again on the main thread, at the end.
      if (result) outcomes[index] = keepBytes ? {result, bytes} : {result}
    })
    worker.on('error', settle)
    worker.on('exit', settle)
  })
}

/**
 * Node options a worker takes from the process: profiling (`--cpu-prof`, `--heap-prof` and their settings).
 * Memory limits are not options a worker takes (ERR_WORKER_INVALID_EXEC_ARGV).
 */
const WORKER_OPTIONS = /^--(?:cpu-prof|heap-prof)(?:-[a-z]+)*(?:=|$)/

/** The Node options of the process a worker is given (see WORKER_OPTIONS); one whose value comes apart takes it along. */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!WORKER_OPTIONS.test(arg)) continue
    out.push(arg)
    // `--cpu-prof-dir DIR`: the value follows.
    if (!arg.includes('=') && /-(?:dir|name|interval)$/.test(arg) && argv[i + 1] !== undefined) out.push(argv[++i]!)
  }

  return out
}

/** Where the worker module is: beside this module (dist/), or in the folder above when this code sits in a chunk of the bundle (lib/chunks/). */
function workerModule(): URL | undefined {
  for (const candidate of ['./parse-worker.js', '../parse-worker.js']) {
    const url = new URL(candidate, import.meta.url)
    if (url.protocol === 'file:' && existsSync(url)) return url
  }

  return undefined
}

