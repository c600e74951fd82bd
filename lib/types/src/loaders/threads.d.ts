import type { Limits } from '../engine/types.js';
import { type ParsedText } from './parse.js';
/** One file to parse: its text (BOMs removed) and whether it is read as JSON first. */
export interface ParseJob {
    text: string;
    json: boolean;
}
/** A file parsed, and its result as bytes when a worker sent it (the parse cache stores these as they are). */
export interface ParseOutcome {
    result: ParsedText;
    bytes?: Uint8Array;
}
/** Inputs smaller than this (characters of text) are parsed on the main thread alone: workers would cost more than they save. */
export declare const PARALLEL_FROM: number;
/** Threads used at most (the main thread included), however many cores the machine reports. */
export declare const MAX_THREADS = 8;
export interface ThreadOptions {
    /** Threads to parse on, the main thread included: 1 parses on the main thread only; default: the cores available, at most MAX_THREADS. */
    threads?: number;
    /** The worker module (for tests); default: `parse-worker.js` beside this module, or in the folder above (the bundle's chunks). */
    worker?: URL;
    /** Whether the main thread parses its share too (default), or only waits for the workers' results. */
    mainShares?: boolean;
    /** Whether outcomes keep the bytes a worker sent (for the parse cache to store as they are); default false: they go once read back. */
    keepBytes?: boolean;
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
export declare function threadCount(chars: number, limits: Limits, threads?: number, cores?: number, load?: number): number;
/** Parses files, on several threads when they are many enough to pay for it; results in the order of the jobs. */
export declare function parseFiles(jobs: readonly ParseJob[], limits: Limits, options?: ThreadOptions): Promise<ParseOutcome[]>;
/** The Node options of the process a worker is given (see WORKER_OPTIONS); one whose value comes apart takes it along. */
export declare function workerExecArgv(argv: readonly string[]): string[];
