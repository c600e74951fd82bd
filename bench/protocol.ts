/** What a benchmark worker (worker.ts) tells the runner (run.ts). */

export interface WorkerResult {
  case: string
  /** Wall-clock milliseconds per repetition, the first one cold. */
  times: number[]
  /** CPU milliseconds (user and system, all threads) per repetition. */
  cpu: number[]
  /** Peak resident set size of the process when the first repetition ended, in kB. */
  maxRssKb: number
  /** Heap in use when the first repetition ended, in MB. */
  heapUsedMb: number
  /** Anything the case counts (documents, findings, per-phase times). */
  details: Record<string, unknown>
}

/** Printed on stdout, among the --trace-gc lines, when the first repetition ends. */
export const FIRST_RUN_DONE = 'k8s-net-bench: first run done'

/** The name under which the phases case times building the exposure model, apart from the rules that read it. */
export const EXPOSURE_MODEL = 'the exposure model'
